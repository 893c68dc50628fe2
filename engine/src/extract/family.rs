//! ROME 4.0 families of fiches: a parent (M1805 "Développeur / Développeuse
//! informatique") and the specialised fiches created under it (M1855 web, M1827
//! DevOps…). Offers coded with the parent before the specialised fiches existed teach
//! the whole family; this divides what they taught among the parent and the
//! specialisations never learned from, in the proportions the référentiel gives the
//! offer at hand, so a title naming a specialised appellation keeps its fiche. Labels
//! of an adapted batch, the référentiel's own choices, are left as they are.

use rustc_hash::FxHashMap;

use super::learned::Learned;
use super::occupation::{OccupationCandidate, OccupationClassifier};

/// For one offer: the référentiel's probability of each candidate, and the unlearned
/// specialisations among the candidates, by parent.
pub(super) struct Family {
    referential: FxHashMap<u32, f32>,
    children: FxHashMap<u32, Vec<u32>>,
}

impl Family {
    pub(super) fn of(
        candidates: &[OccupationCandidate],
        classifier: &OccupationClassifier,
        learned: &Learned,
    ) -> Family {
        let referential: FxHashMap<u32, f32> = candidates
            .iter()
            .filter_map(|c| Some((learned.occupation_index(&c.code)?, c.score)))
            .collect();
        let mut children: FxHashMap<u32, Vec<u32>> = FxHashMap::default();
        // Pseudo-labels of an adapted batch are the référentiel's own choices, which
        // already name specialised fiches: nothing to share.
        let pseudo = learned.report().pseudo;
        for &occupation in referential.keys() {
            if pseudo || learned.seen(occupation) {
                continue;
            }
            if let Some(parent) = classifier.parent_of(occupation) {
                children.entry(parent).or_default().push(occupation);
            }
        }
        for members in children.values_mut() {
            members.sort_unstable();
        }
        Family {
            referential,
            children,
        }
    }

    /// A learned posterior with each parent's probability shared with its unlearned
    /// specialisations, in proportion to the référentiel's probabilities (kept on the
    /// parent when the référentiel gives the family nothing).
    pub(super) fn share(&self, posterior: Vec<(u32, f32)>) -> Vec<(u32, f32)> {
        if self.children.is_empty() {
            return posterior;
        }
        let mut shared: FxHashMap<u32, f32> = FxHashMap::default();
        for (occupation, p) in posterior {
            let Some(members) = self.children.get(&occupation) else {
                *shared.entry(occupation).or_insert(0.0) += p;
                continue;
            };
            let own = self.referential.get(&occupation).copied().unwrap_or(0.0);
            let total = own
                + members
                    .iter()
                    .map(|m| self.referential.get(m).copied().unwrap_or(0.0))
                    .sum::<f32>();
            if total <= 0.0 {
                *shared.entry(occupation).or_insert(0.0) += p;
                continue;
            }
            *shared.entry(occupation).or_insert(0.0) += p * own / total;
            for &member in members {
                let r = self.referential.get(&member).copied().unwrap_or(0.0);
                *shared.entry(member).or_insert(0.0) += p * r / total;
            }
        }
        let mut out: Vec<(u32, f32)> = shared.into_iter().collect();
        out.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        out
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use crate::extract::{ExtractParams, Extractor, LearnParams};
    use crate::model::{JobPosting, RomeCode};
    use crate::taxonomy::{Occupation, Taxonomy};

    fn code(text: &str) -> RomeCode {
        RomeCode::parse(text).unwrap()
    }

    /// A parent fiche, its web specialisation, and an unrelated métier.
    fn referential() -> Arc<Taxonomy> {
        let mut taxonomy = Taxonomy::new("rome", "test");
        for (rome, label, parent, appellations) in [
            (
                "M1805",
                "Développeur / Développeuse informatique",
                None,
                vec![
                    "Développeur / Développeuse informatique",
                    "Programmeur / Programmeuse",
                ],
            ),
            (
                "M1855",
                "Développeur / Développeuse web",
                Some("M1805"),
                vec![
                    "Développeur / Développeuse web",
                    "Développeur / Développeuse front-end",
                ],
            ),
            (
                "K2205",
                "Agent / Agente de propreté de locaux",
                None,
                vec!["Agent / Agente de propreté de locaux"],
            ),
        ] {
            let mut occupation = Occupation::new(code(rome), label);
            occupation.parent = parent.map(code);
            occupation.appellations = appellations.into_iter().map(String::from).collect();
            taxonomy.add_occupation(occupation);
        }
        Arc::new(taxonomy)
    }

    fn offer(title: &str, rome: &str) -> JobPosting {
        JobPosting {
            id: title.to_string(),
            title: title.to_string(),
            description: format!("{title} : développement d'applications."),
            rome: Some(code(rome)),
            ..JobPosting::default()
        }
    }

    /// `count` offers coded `rome`, their titles taken in turn from `titles`.
    fn offers_coded(titles: &[&str], count: usize, rome: &str) -> Vec<JobPosting> {
        titles
            .iter()
            .cycle()
            .take(count)
            .enumerate()
            .map(|(i, t)| JobPosting {
                id: i.to_string(),
                ..offer(t, rome)
            })
            .collect()
    }

    /// The best métier for a title over the text the learned offers share.
    fn best(extractor: &Extractor, title: &str) -> RomeCode {
        extractor.classify(title, "Développement d'applications.")[0].code
    }

    #[test]
    fn offers_coded_with_the_parent_keep_specialised_titles_and_other_metiers() {
        let rome = referential();
        let extractor = Extractor::new(rome.clone(), Some(rome), ExtractParams::default());
        assert_eq!(best(&extractor, "Développeur front-end"), code("M1855"));
        assert_eq!(
            best(&extractor, "Agent de propreté de locaux"),
            code("K2205")
        );
        // Every labelled offer says M1805, web developers included, as before ROME 4.0.
        let titles = [
            "Développeur web",
            "Développeur front-end",
            "Développeur informatique",
            "Programmeur",
            "Développeur web et mobile",
            "Agent de propreté de locaux",
        ];
        let offers = offers_coded(&titles, 300, "M1805");
        let learned = extractor.learn(&offers, LearnParams::default()).unwrap();
        let learned = extractor.with_learned(learned);
        assert_eq!(best(&learned, "Développeur front-end"), code("M1855"));
        assert_eq!(best(&learned, "Développeur web"), code("M1855"));
        assert_eq!(best(&learned, "Programmeur"), code("M1805"));
        assert_eq!(best(&learned, "Agent de propreté de locaux"), code("K2205"));
    }

    #[test]
    fn offers_of_one_family_leave_other_metiers_to_the_referential() {
        let rome = referential();
        let extractor = Extractor::new(rome.clone(), Some(rome), ExtractParams::default());
        // Developers only, all coded with the parent: the naive-Bayes models know one
        // métier and would give it every offer.
        let titles = ["Développeur web", "Développeur informatique"];
        let offers = offers_coded(&titles, 200, "M1805");
        let learned = extractor.learn(&offers, LearnParams::default()).unwrap();
        let learned = extractor.with_learned(learned);
        let score = |extractor: &Extractor, title: &str, code: &str| {
            extractor
                .classify(title, "Nettoyage des locaux, développement d'applications.")
                .iter()
                .find(|c| c.code.as_str() == code)
                .map_or(0.0, |c| c.score)
        };
        let title = "Agent de propreté de locaux";
        let before = score(&extractor, title, "K2205");
        let after = score(&learned, title, "K2205");
        assert!(before > 0.5, "{before}");
        assert!(after >= 0.9 * before, "{after} against {before}");
        // Trusted everywhere, the same models take their whole weight away.
        let trusting = ExtractParams {
            learned_coverage_exponent: 0.0,
            ..ExtractParams::default()
        };
        let rome = referential();
        let trusting = Extractor::new(rome.clone(), Some(rome), trusting);
        let taught = trusting.learn(&offers, LearnParams::default()).unwrap();
        let closed = score(&trusting.with_learned(taught), title, "K2205");
        assert!(closed + 0.05 < after, "{closed} against {after}");
    }

    #[test]
    fn a_parent_posterior_is_shared_with_its_unlearned_specialisations() {
        let rome = referential();
        let extractor = Extractor::new(rome.clone(), Some(rome), ExtractParams::default());
        let offers: Vec<JobPosting> = (0..40)
            .map(|i| JobPosting {
                id: i.to_string(),
                ..offer("Développeur web", "M1805")
            })
            .collect();
        let learned = extractor.learn(&offers, LearnParams::default()).unwrap();
        let (_, classifier) = extractor.occupations.as_ref().unwrap();
        let index = |c: &str| learned.occupation_index(&code(c)).unwrap();
        assert!(learned.seen(index("M1805")) && !learned.seen(index("M1855")));
        for title in ["Développeur front-end", "Programmeur", "Agent de propreté"] {
            let candidates = classifier.classify(title, "", 50);
            let reference = |c: &str| {
                candidates
                    .iter()
                    .find(|x| x.code == code(c))
                    .map_or(0.0, |x| x.score)
            };
            let family = super::Family::of(&candidates, classifier, &learned);
            let shared: rustc_hash::FxHashMap<u32, f32> = family
                .share(vec![(index("M1805"), 0.8), (index("K2205"), 0.2)])
                .into_iter()
                .collect();
            // Where the référentiel gives the family nothing, the parent keeps it all.
            let total = reference("M1805") + reference("M1855");
            let (parent, web) = if total > 0.0 {
                (reference("M1805") / total, reference("M1855") / total)
            } else {
                (1.0, 0.0)
            };
            for (fiche, expected) in [
                ("M1805", 0.8 * parent),
                ("M1855", 0.8 * web),
                ("K2205", 0.2),
            ] {
                let got = shared.get(&index(fiche)).copied().unwrap_or(0.0);
                assert!(
                    (got - expected).abs() < 1e-4,
                    "{title}: {fiche} {got} against {expected}"
                );
            }
        }
    }
}
