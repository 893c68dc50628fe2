//! Occupation-scoped linking: the skills the référentiel attaches to a predicted métier,
//! ranked by the evidence the text gives for them without their exact label.
//!
//! A ROME item such as "Concevoir une application web" is rarely written as such; a
//! posting says "vous développerez des applications web". The evidence for an item is
//! the share of its label's IDF mass whose terms occur in one clause of the text; the
//! span reported is the stretch of that clause that holds them.

// Fx: keyed by ids and analysed terms, read for every posting; nothing here depends on
// the order of a map.
use rustc_hash::{FxHashMap as HashMap, FxHashSet};

use super::learned::Learned;

use crate::taxonomy::Taxonomy;
use crate::text::{self, Token, TokenKind};

/// Tunables of occupation-scoped linking.
#[derive(Debug, Clone, Copy)]
pub struct LinkingParams {
    /// Métiers considered: the best ones whose probability reaches `min_occupation`.
    pub max_occupations: usize,
    pub min_occupation: f32,
    /// Score of an item with full evidence in a métier of probability 1.
    pub evidence_weight: f32,
    /// Weight of the item's prior (its ROME category: activities before tools).
    pub prior_weight: f32,
    /// Factor on the prior of a "cœur de métier" item.
    pub core_factor: f32,
    /// Factor on the prior of an emerging ("Émergente") item, in place of `core_factor`:
    /// recruiters almost never tick them.
    pub emerging_factor: f32,
    /// Factor on the prior of an item created with ROME 4.0 (see
    /// [`OccupationSkill::recent`](crate::taxonomy::OccupationSkill::recent)).
    pub recent_factor: f32,
    /// Weight of the learned tick rate, when labelled offers were given.
    pub learned_weight: f32,
    /// Inferred skills never score above this, below verbatim matches.
    pub ceiling: f32,
    /// Exponent on the métier probability: above 1 trusts only confident predictions.
    pub probability_exponent: f32,
}

impl Default for LinkingParams {
    fn default() -> LinkingParams {
        LinkingParams {
            max_occupations: 8,
            min_occupation: 0.01,
            evidence_weight: 0.5,
            prior_weight: 0.45,
            core_factor: 2.0,
            emerging_factor: 0.05,
            recent_factor: 0.3,
            learned_weight: 1.5,
            ceiling: 0.8,
            probability_exponent: 0.5,
        }
    }
}

/// How likely an item of a ROME category is to be one a recruiter asks for, relative to
/// a technical macro-compétence. The levels are the categories' tick rates on the
/// development offers, rounded (items inherited from ROME v3; see
/// [`LinkingParams::recent_factor`] for the others): technical activities first,
/// knowledge and certifications far behind, transversal macro-compétences last.
pub fn category_prior(family: Option<&str>) -> f32 {
    match family.unwrap_or("") {
        "Macro-compétence/Technique" => 1.0,
        "Compétence/Technique" | "Compétence/Transverse" => 0.95,
        "Compétence/Technique expert" => 0.6,
        "Macro-compétence/Technique expert" => 0.55,
        "Savoir/Techniques professionnelles" => 0.3,
        "Savoir/Domaines d'expertise" | "Savoir/Normes et procédés" => 0.25,
        "Savoir/Produits, outils et matières" | "Savoir/Certifications et habilitations" => 0.15,
        "Macro-compétence/Transverse" => 0.15,
        _ => 0.1,
    }
}

/// Precomputed label terms of every skill, with IDF over the taxonomy's labels.
#[derive(Debug, Clone)]
pub struct Linker {
    params: LinkingParams,
    terms: HashMap<String, u32>,
    idf: Vec<f32>,
    /// Per skill: distinct label term ids and their IDF mass.
    labels: Vec<(Vec<u32>, f32)>,
}

/// An inferred skill with its evidence.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Inferred {
    pub skill: u32,
    pub score: f32,
    /// First and last token of the evidence, when some words of the label were found.
    pub span: Option<(usize, usize)>,
}

impl Linker {
    /// Indexes the labels of every skill of `taxonomy`.
    pub fn new(taxonomy: &Taxonomy, params: LinkingParams) -> Linker {
        let mut terms: HashMap<String, u32> = HashMap::default();
        let mut raw: Vec<Vec<u32>> = Vec::with_capacity(taxonomy.skills().len());
        for skill in taxonomy.skills() {
            let mut ids: Vec<u32> = text::content_terms(&skill.label)
                .into_iter()
                .map(|t| {
                    let next = terms.len() as u32;
                    *terms.entry(t).or_insert(next)
                })
                .collect();
            ids.sort_unstable();
            ids.dedup();
            raw.push(ids);
        }
        let mut df = vec![0u32; terms.len()];
        for ids in &raw {
            for &t in ids {
                df[t as usize] += 1;
            }
        }
        let n = raw.len().max(1) as f32;
        let idf: Vec<f32> = df.iter().map(|&d| (1.0 + n / d as f32).ln()).collect();
        let labels = raw
            .into_iter()
            .map(|ids| {
                let mass = ids.iter().map(|&t| idf[t as usize]).sum();
                (ids, mass)
            })
            .collect();
        Linker {
            params,
            terms,
            idf,
            labels,
        }
    }

    /// The parameters in force.
    pub fn params(&self) -> &LinkingParams {
        &self.params
    }

    /// Scores the skills linked to the given métiers (`(occupation index, probability)`)
    /// against the analysed text.
    pub fn link(
        &self,
        taxonomy: &Taxonomy,
        occupations: &[(usize, f32)],
        tokens: &[Token],
        learned: Option<&Learned>,
    ) -> Vec<Inferred> {
        // Learned tick rates replace the référentiel's priors only when some offers
        // carried ticked skills (not after adapting to an unlabelled batch).
        let learned = learned.filter(|l| l.knows_ticks());
        // Clause of each content token, and the token indices of each term per clause.
        let mut clause = 0u32;
        let mut occurrences: HashMap<u32, Vec<(u32, usize)>> = HashMap::default();
        for (index, token) in tokens.iter().enumerate() {
            match token.kind {
                TokenKind::Break(_) => clause += 1,
                TokenKind::Word if token.stop => {}
                TokenKind::Word => {
                    if let Some(&id) = self.terms.get(token.term.as_str()) {
                        occurrences.entry(id).or_default().push((clause, index));
                    }
                }
            }
        }
        let p = &self.params;
        let mut best: HashMap<u32, Inferred> = HashMap::default();
        for &(index, probability) in occupations {
            let occupation = &taxonomy.occupations()[index];
            // The référentiel's links, and what recruiters ticked beyond them.
            let mut candidates: Vec<(u32, bool, bool, bool)> = occupation
                .skills
                .iter()
                .map(|l| (l.skill, l.core, l.emerging, l.recent))
                .collect();
            if let Some(learned) = learned {
                let linked: FxHashSet<u32> = candidates.iter().map(|c| c.0).collect();
                candidates.extend(
                    learned
                        .ticked(index)
                        .filter(|s| !linked.contains(s))
                        .map(|s| (s, false, false, false)),
                );
            }
            for (skill_index, core, emerging, recent) in candidates {
                let (ids, mass) = &self.labels[skill_index as usize];
                let (evidence, span) = if ids.is_empty() || *mass <= 0.0 {
                    (0.0, None)
                } else {
                    self.evidence(ids, *mass, &occurrences, tokens)
                };
                let skill = taxonomy.skill_at(skill_index);
                let mut prior = category_prior(skill.family.as_deref());
                if emerging {
                    prior *= p.emerging_factor;
                } else if core {
                    prior *= p.core_factor;
                }
                if recent {
                    prior *= p.recent_factor;
                }
                let confidence = probability.powf(p.probability_exponent);
                let belief = match learned {
                    Some(learned) => {
                        p.learned_weight * learned.tick_rate(index, skill_index, prior.min(1.0))
                    }
                    None if evidence <= 0.0 && ids.is_empty() => continue,
                    None => p.prior_weight * prior,
                };
                let score = (confidence * (p.evidence_weight * evidence + belief)).min(p.ceiling);
                let entry = best.entry(skill_index).or_insert(Inferred {
                    skill: skill_index,
                    score: 0.0,
                    span: None,
                });
                // Référentiel priors are coarse: an item that several plausible métiers
                // share gains from each (+0.025 F1, +0.05 recall@10 on the dev offers).
                // Learned tick rates are calibrated per métier: the best one holds.
                if learned.is_none() {
                    entry.score = (entry.score + score).min(p.ceiling);
                    entry.span = entry.span.or(span);
                } else if score > entry.score {
                    *entry = Inferred {
                        skill: skill_index,
                        score,
                        span: span.or(entry.span),
                    };
                }
            }
        }
        let mut out: Vec<Inferred> = best.into_values().collect();
        out.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.skill.cmp(&b.skill)));
        out
    }

    /// The best clause's share of the label's IDF mass, and the span of its evidence.
    fn evidence(
        &self,
        ids: &[u32],
        mass: f32,
        occurrences: &HashMap<u32, Vec<(u32, usize)>>,
        tokens: &[Token],
    ) -> (f32, Option<(usize, usize)>) {
        let mut per_clause: HashMap<u32, (f32, usize, usize)> = HashMap::default();
        for &id in ids {
            let Some(found) = occurrences.get(&id) else {
                continue;
            };
            let mut counted: Vec<u32> = Vec::new();
            for &(clause, index) in found {
                let entry = per_clause.entry(clause).or_insert((0.0, index, index));
                if !counted.contains(&clause) {
                    entry.0 += self.idf[id as usize];
                    counted.push(clause);
                }
                entry.1 = entry.1.min(index);
                entry.2 = entry.2.max(index);
            }
        }
        per_clause
            .into_iter()
            .max_by(|a, b| a.1.0.total_cmp(&b.1.0).then(b.0.cmp(&a.0)))
            .map_or((0.0, None), |(_, (shared, first, last))| {
                (shared / mass, Some((tokens[first].start, tokens[last].end)))
            })
    }
}
