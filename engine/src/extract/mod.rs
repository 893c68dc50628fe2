//! Extraction and linking: text → skill mentions (taxonomy id, span, score, required)
//! and ranked ROME occupations.
//!
//! Three sources of mentions, scored in this order of trust:
//! 1. a skill's preferred label or one of its variants written in the text
//!    ([`matcher`]), weighed by the section it sits in ([`context`]), certifications and
//!    languages with the category, level or score written with them ([`qualifier`]);
//! 2. for a ROME taxonomy, the items of the predicted métiers that the text gives
//!    evidence for without their label ([`linking`]), always scored below verbatim ones.
//!
//! **Architecture invariant:** extraction does no IO; it works on a loaded [`Taxonomy`].

mod context;
mod family;
mod learned;
mod linking;
mod matcher;
mod occupation;
mod qualifier;
mod softmax;

use std::collections::HashMap;
use std::sync::Arc;

use rustc_hash::{FxHashMap, FxHashSet};

use serde::Serialize;

use crate::model::{JobPosting, RomeCode, SkillId};
use crate::taxonomy::Taxonomy;
use crate::text;
use family::Family;
use qualifier::Qualifiers;

pub use context::Context;
pub use learned::{AdaptParams, LearnParams, LearnReport, Learned, Posteriors};
pub use linking::{Linker, LinkingParams};
pub use matcher::SkillMatcher;
pub use occupation::{ClassifierParams, OccupationCandidate, OccupationClassifier};
pub use softmax::SoftmaxParams;

/// Which field of the input a span refers to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum Field {
    /// The posting's title (`intitule`).
    Title,
    /// The posting's description, or the free text given.
    Text,
}

/// How a mention was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum MentionSource {
    /// The preferred label is written in the text.
    Label,
    /// A variant (synonym, abbreviation, English form) is written in the text.
    Synonym,
    /// A skill of the predicted métier, supported by words of the text.
    Occupation,
}

/// One occurrence of a skill in a text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SkillMention {
    #[serde(rename = "id")]
    pub skill: SkillId,
    pub label: String,
    pub field: Field,
    /// Byte span in the field's text; absent for an inferred skill without evidence words.
    pub start: Option<usize>,
    pub end: Option<usize>,
    /// Confidence in [0, 1].
    pub score: f32,
    /// `Some(true)` exigé, `Some(false)` souhaité, `None` when the text does not say.
    pub required: Option<bool>,
    pub source: MentionSource,
    /// For a certification or a language, what the text says with it, normalised: the
    /// categories of a CACES (`"cat. 1, 3, 5"`), the levels of an electrical clearance
    /// (`"B0 H0V"`), a language's level (`"courant"`, `"B2"`), a test's score (`"score
    /// 850"`); the span covers these words. `None` otherwise.
    pub qualifier: Option<String>,
}

/// The result of extracting one text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Extraction {
    /// Every mention, highest score first (then by position).
    pub skills: Vec<SkillMention>,
    /// Candidate métiers, most probable first.
    pub occupations: Vec<OccupationCandidate>,
}

impl Extraction {
    /// One entry per distinct skill, with its best score, highest first.
    pub fn distinct_skills(&self) -> Vec<(&SkillId, f32)> {
        let mut best: HashMap<&SkillId, f32> = HashMap::new();
        for mention in &self.skills {
            let slot = best.entry(&mention.skill).or_insert(0.0);
            *slot = slot.max(mention.score);
        }
        let mut out: Vec<(&SkillId, f32)> = best.into_iter().collect();
        out.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(b.0)));
        out
    }
}

/// Tunables of the extractor.
#[derive(Debug, Clone, Copy)]
pub struct ExtractParams {
    /// Score of a preferred-label match in a requirements section.
    pub label_score: f32,
    /// Score of a variant match in a requirements section.
    pub synonym_score: f32,
    /// Score of a one-word preferred label of a référentiel (ROME, ESCO) that no
    /// lexicon entry vouches for: "Informatique", "Restauration" or "Industrie" name a
    /// domain more often than a skill.
    pub bare_word_score: f32,
    /// Factor applied, for a référentiel with métier → skill links, to a verbatim skill
    /// that none of the predicted métiers lists: it is written, but off the job's profile.
    pub off_profile_factor: f32,
    /// Extra score for each further occurrence of the same skill (capped at 1).
    pub repeat_bonus: f32,
    /// Occupations returned.
    pub max_occupations: usize,
    /// How far what labelled offers taught is trusted for an offer that may lie
    /// outside the métiers they cover: the naive-Bayes models' weight in the mix is
    /// multiplied by the référentiel's probability of those métiers (and of the
    /// specialised fiches they share with) raised to this power; 0 trusts them
    /// everywhere.
    pub learned_coverage_exponent: f32,
    pub classifier: ClassifierParams,
    pub linking: LinkingParams,
}

impl Default for ExtractParams {
    fn default() -> ExtractParams {
        ExtractParams {
            label_score: 0.95,
            synonym_score: 0.9,
            bare_word_score: 0.45,
            off_profile_factor: 0.3,
            repeat_bonus: 0.02,
            max_occupations: 10,
            learned_coverage_exponent: 0.5,
            classifier: ClassifierParams::default(),
            linking: LinkingParams::default(),
        }
    }
}

/// The compiled extractor of one taxonomy; cheap to share between threads.
#[derive(Debug, Clone)]
pub struct Extractor {
    taxonomy: Arc<Taxonomy>,
    matcher: Arc<SkillMatcher>,
    /// How the qualifiers of certifications and languages are read.
    qualifiers: Arc<Qualifiers>,
    params: ExtractParams,
    /// The métier référentiel used for classification (may be the same as `taxonomy`).
    occupations: Option<(Arc<Taxonomy>, Arc<OccupationClassifier>)>,
    /// Set when `taxonomy` carries its own métier → skill links.
    linker: Option<Arc<Linker>>,
    /// What labelled offers given at run time taught, if any.
    learned: Option<Arc<Learned>>,
}

impl Extractor {
    /// Compiles `taxonomy`; `occupations` gives the métiers to classify into (a ROME
    /// taxonomy), which may be the same object.
    pub fn new(
        taxonomy: Arc<Taxonomy>,
        occupations: Option<Arc<Taxonomy>>,
        params: ExtractParams,
    ) -> Extractor {
        text::with_scratch_cache(|| Extractor::compile(taxonomy, occupations, params))
    }

    fn compile(
        taxonomy: Arc<Taxonomy>,
        occupations: Option<Arc<Taxonomy>>,
        params: ExtractParams,
    ) -> Extractor {
        let matcher = Arc::new(SkillMatcher::new(&taxonomy));
        let qualifiers = Arc::new(Qualifiers::new(&taxonomy));
        let occupations = occupations.and_then(|rome| {
            OccupationClassifier::new(&rome, params.classifier).map(|c| (rome, Arc::new(c)))
        });
        // Occupation-scoped linking needs métiers whose skills are in `taxonomy`.
        let linker = match &occupations {
            Some((rome, _))
                if Arc::ptr_eq(rome, &taxonomy)
                    && rome.occupations().iter().any(|o| !o.skills.is_empty()) =>
            {
                Some(Arc::new(Linker::new(&taxonomy, params.linking)))
            }
            _ => None,
        };
        Extractor {
            taxonomy,
            matcher,
            qualifiers,
            params,
            occupations,
            linker,
            learned: None,
        }
    }

    /// Learns from labelled offers (their `romeCode` and ticked `competences[]`) how
    /// recruiters title each métier and which of its skills they ask for; `None` without
    /// a métier référentiel.
    pub fn learn<'a>(
        &self,
        postings: impl IntoIterator<Item = &'a JobPosting>,
        params: LearnParams,
    ) -> Option<Learned> {
        let (rome, _) = self.occupations.as_ref()?;
        Some(Learned::fit(rome, postings, params))
    }

    /// Adapts the occupation models to an unlabelled batch (self-training): ranks each
    /// posting's métiers with the référentiel alone, takes the most confidently ranked
    /// share of the batch as pseudo-labels and learns title and text models from them,
    /// as [`Extractor::learn`] does from real labels. Nothing says which skills
    /// recruiters ticked, so linking keeps the référentiel's priors.
    ///
    /// `None` without a métier référentiel, for a batch smaller than
    /// `params.min_postings`, or when this extractor already learned from labels.
    pub fn adapt(&self, postings: &[JobPosting], params: AdaptParams) -> Option<Learned> {
        use rayon::prelude::*;
        let (rome, _) = self.occupations.as_ref()?;
        if self.learned.is_some() || postings.len() < params.min_postings {
            return None;
        }
        let mut ranked: Vec<(f32, usize, RomeCode)> = postings
            .par_iter()
            .enumerate()
            .filter_map(|(i, p)| {
                let best = self.classify(&p.title, &p.description).into_iter().next()?;
                Some((best.score, i, best.code))
            })
            .collect();
        ranked.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        let keep = (postings.len() as f32 * params.share).ceil() as usize;
        let pseudo: Vec<JobPosting> = ranked
            .into_iter()
            .take(keep)
            .map(|(_, i, code)| JobPosting {
                rome: Some(code),
                labelled_skills: Vec::new(),
                ..postings[i].clone()
            })
            .collect();
        let mut learned = Learned::fit(rome, &pseudo, params.learn);
        learned.mark_pseudo();
        Some(learned)
    }

    /// This extractor, using what `learned` taught (fitted by [`Extractor::learn`] on
    /// the same référentiel).
    pub fn with_learned(&self, learned: Learned) -> Extractor {
        Extractor {
            learned: Some(Arc::new(learned)),
            ..self.clone()
        }
    }

    /// What labelled offers taught this extractor, if any.
    pub fn learned(&self) -> Option<&Learned> {
        self.learned.as_deref()
    }

    /// The taxonomy skills are taken from.
    pub fn taxonomy(&self) -> &Taxonomy {
        &self.taxonomy
    }

    /// The métier référentiel occupations are classified into, when one is loaded.
    pub fn referential(&self) -> Option<&Taxonomy> {
        self.occupations.as_ref().map(|(rome, _)| rome.as_ref())
    }

    /// The label of a métier of the classification référentiel.
    pub fn occupation_label(&self, code: &crate::model::RomeCode) -> Option<String> {
        let (rome, _) = self.occupations.as_ref()?;
        rome.occupation(code).map(|o| o.label.clone())
    }

    /// Number of distinct surface patterns in the automaton.
    pub fn pattern_count(&self) -> usize {
        self.matcher.pattern_count()
    }

    /// Ranks occupations only (no skill extraction).
    pub fn classify(&self, title: &str, body: &str) -> Vec<OccupationCandidate> {
        self.classify_analysed(title, body, None)
    }

    /// [`Extractor::classify`], with the title's and text's tokens when they are
    /// already analysed.
    fn classify_analysed(
        &self,
        title: &str,
        body: &str,
        analysed: Option<(&[text::Token], &[text::Token])>,
    ) -> Vec<OccupationCandidate> {
        let Some((rome, classifier)) = &self.occupations else {
            return Vec::new();
        };
        let top = self.params.max_occupations;
        let referential = |top: usize| match analysed {
            Some((title_tokens, body_tokens)) => {
                classifier.classify_analysed(title, title_tokens, body_tokens, top)
            }
            None => classifier.classify(title, body, top),
        };
        let Some(learned) = &self.learned else {
            return referential(top);
        };
        let Posteriors {
            title: (titles, title_weight),
            text: (bodies, body_weight),
            softmax: (softmax, softmax_weight),
        } = learned.posteriors(title, body);
        let referential = referential(top.max(50));
        // Offers coded with a parent fiche (M1805) teach its family, not the parent
        // alone: its learned share goes to the parent and its specialised fiches never
        // learned from, as the référentiel divides the family for this offer.
        let family = Family::of(&referential, classifier, learned);
        let titles = family.share(titles);
        let bodies = family.share(bodies);
        let softmax = family.share(softmax);
        // The naive-Bayes models choose among the métiers they learned, as if every
        // offer were one of them: offers coded with one métier (M1805 alone) would
        // pull every offer into it. Their weight follows the référentiel's belief that
        // the offer is among those métiers. The regression, mixed last, keeps its
        // weight: scaling it as well cost cross-validated accuracy and gained nothing.
        // An adapted batch's pseudo-labels are the référentiel's own choices: nothing
        // to correct.
        let coverage = if learned.report().pseudo {
            1.0
        } else {
            let covered: FxHashSet<u32> = titles
                .iter()
                .chain(&bodies)
                .chain(&softmax)
                .filter(|(_, p)| *p > 0.0)
                .map(|&(occupation, _)| occupation)
                .collect();
            let mass: f32 = referential
                .iter()
                .filter(|c| {
                    learned
                        .occupation_index(&c.code)
                        .is_some_and(|i| covered.contains(&i))
                })
                .map(|c| c.score)
                .sum();
            mass.min(1.0).powf(self.params.learned_coverage_exponent)
        };
        let title_weight = title_weight * coverage;
        let body_weight = body_weight * coverage;
        let weight = title_weight + body_weight;
        if weight <= 0.0 && softmax_weight <= 0.0 {
            return referential.into_iter().take(top).collect();
        }
        // Mix the référentiel's probabilities with the learned title model's.
        let mut mixed: FxHashMap<u32, (f32, Option<OccupationCandidate>)> = FxHashMap::default();
        for candidate in referential {
            if let Some(index) = learned.occupation_index(&candidate.code) {
                let p = (1.0 - weight) * candidate.score;
                mixed.insert(index, (p, Some(candidate)));
            }
        }
        for (index, p) in titles {
            mixed.entry(index).or_insert((0.0, None)).0 += title_weight * p;
        }
        for (index, p) in bodies {
            mixed.entry(index).or_insert((0.0, None)).0 += body_weight * p;
        }
        // Then with the logistic regression's, over that mix.
        if softmax_weight > 0.0 {
            for (p, _) in mixed.values_mut() {
                *p *= 1.0 - softmax_weight;
            }
            for (index, p) in softmax {
                mixed.entry(index).or_insert((0.0, None)).0 += softmax_weight * p;
            }
        }
        let mut out: Vec<OccupationCandidate> = mixed
            .into_iter()
            .map(|(index, (p, candidate))| {
                let mut candidate = candidate.unwrap_or_else(|| {
                    let occupation = &rome.occupations()[index as usize];
                    OccupationCandidate {
                        code: occupation.code,
                        label: occupation.label.clone(),
                        score: 0.0,
                        title_score: 0.0,
                        text_score: 0.0,
                    }
                });
                candidate.score = (p * 1e4).round() / 1e4;
                candidate
            })
            .collect();
        out.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.code.cmp(&b.code)));
        out.truncate(top);
        out
    }

    /// Extracts skills and occupations from a posting's title and text.
    pub fn extract(&self, title: &str, body: &str) -> Extraction {
        self.extract_inner(title, body, None)
    }

    /// Extracts skills from a text whose métier is already known (a France Travail
    /// record's `romeCode`): linking uses that métier with certainty instead of the
    /// predicted ones; `occupations` still holds the classifier's ranking.
    pub fn extract_known(&self, title: &str, body: &str, known: RomeCode) -> Extraction {
        self.extract_inner(title, body, Some(known))
    }

    fn extract_inner(&self, title: &str, body: &str, known: Option<RomeCode>) -> Extraction {
        let vocabulary = self.matcher.vocabulary();
        let (title_tokens, title_ids) = text::analyze_with_ids(title, vocabulary);
        let (body_tokens, body_ids) = text::analyze_with_ids(body, vocabulary);
        let mut skills = Vec::new();
        let body_context = Context::new(body, &body_tokens);
        let title_text = (title, &title_tokens[..], &title_ids[..]);
        self.verbatim(Field::Title, title_text, None, &mut skills);
        let body_text = (body, &body_tokens[..], &body_ids[..]);
        self.verbatim(Field::Text, body_text, Some(&body_context), &mut skills);

        let occupations = self.classify_analysed(title, body, Some((&title_tokens, &body_tokens)));
        if let (Some(linker), Some((rome, _))) = (&self.linker, &self.occupations) {
            let certain;
            let linked = match known.and_then(|code| rome.occupation(&code)) {
                Some(occupation) => {
                    certain = [OccupationCandidate {
                        code: occupation.code,
                        label: occupation.label.clone(),
                        score: 1.0,
                        title_score: 0.0,
                        text_score: 0.0,
                    }];
                    &certain[..]
                }
                None => &occupations[..],
            };
            self.inferred(
                linker,
                rome,
                linked,
                &body_tokens,
                &body_context,
                &mut skills,
            );
        }
        skills.sort_by(|a, b| {
            b.score
                .total_cmp(&a.score)
                .then((a.field as u8).cmp(&(b.field as u8)))
                .then(a.start.cmp(&b.start))
                .then(a.skill.cmp(&b.skill))
        });
        Extraction {
            skills,
            occupations,
        }
    }

    /// The forms written in a text, analysed with the matcher's term ids.
    fn verbatim(
        &self,
        field: Field,
        (text, tokens, ids): (&str, &[text::Token], &[u32]),
        context: Option<&Context>,
        out: &mut Vec<SkillMention>,
    ) {
        let found = self.matcher.find_with_ids(text, tokens, ids);
        if found.is_empty() {
            return;
        }
        let found = self.qualifiers.read(text, tokens, found);
        let own_context;
        let context = match context {
            Some(context) => context,
            None => {
                own_context = Context::new(text, tokens);
                &own_context
            }
        };
        let mut seen: FxHashMap<u32, u32> = FxHashMap::default();
        for qualified in &found {
            *seen.entry(qualified.raw.skill).or_insert(0) += 1;
        }
        for qualifier::Qualified { raw, qualifier } in found {
            let skill = self.taxonomy.skill_at(raw.skill);
            let bare_word = raw.preferred
                && raw.length == 1
                && !skill.id.as_str().starts_with("passerelle:")
                && !skill
                    .links
                    .iter()
                    .any(|l| l.as_str().starts_with("passerelle:"));
            let base = if bare_word {
                self.params.bare_word_score
            } else if raw.preferred {
                self.params.label_score
            } else {
                self.params.synonym_score
            };
            let section = context.section(raw.first_token);
            // A title names the job: it asks nothing of the candidate by itself.
            let required = match field {
                Field::Title => None,
                Field::Text => context.requirement(raw.first_token, raw.end_token),
            };
            let repeats = seen[&raw.skill].saturating_sub(1) as f32;
            let score = (base * section.weight() + self.params.repeat_bonus * repeats).min(1.0);
            out.push(SkillMention {
                skill: skill.id.clone(),
                label: skill.label.clone(),
                field,
                start: Some(raw.start),
                end: Some(raw.end),
                score,
                required,
                source: if raw.preferred {
                    MentionSource::Label
                } else {
                    MentionSource::Synonym
                },
                qualifier,
            });
        }
    }

    fn inferred(
        &self,
        linker: &Linker,
        rome: &Taxonomy,
        occupations: &[OccupationCandidate],
        tokens: &[text::Token],
        context: &Context,
        out: &mut Vec<SkillMention>,
    ) {
        let p = linker.params();
        let chosen: Vec<(usize, f32)> = occupations
            .iter()
            .take(p.max_occupations)
            .filter(|o| o.score >= p.min_occupation)
            .filter_map(|o| {
                rome.occupations()
                    .iter()
                    .position(|x| x.code == o.code)
                    .map(|i| (i, o.score))
            })
            .collect();
        let inferred = linker.link(rome, &chosen, tokens, self.learned.as_deref());
        let on_profile: std::collections::HashSet<&SkillId> = inferred
            .iter()
            .map(|i| &rome.skill_at(i.skill).id)
            .collect();
        for mention in out.iter_mut() {
            if !on_profile.contains(&mention.skill) {
                mention.score *= self.params.off_profile_factor;
            }
        }
        let verbatim: std::collections::HashSet<SkillId> =
            out.iter().map(|m| m.skill.clone()).collect();
        for inferred in inferred {
            let skill = rome.skill_at(inferred.skill);
            if verbatim.contains(&skill.id) {
                continue;
            }
            let (start, end) = inferred
                .span
                .map_or((None, None), |(s, e)| (Some(s), Some(e)));
            // The evidence span is in bytes; the context reads token positions.
            let required = inferred.span.and_then(|(s, e)| {
                let first = tokens.partition_point(|t| t.start < s);
                let end = tokens.partition_point(|t| t.start < e);
                context.requirement(first, end.max(first + 1))
            });
            out.push(SkillMention {
                skill: skill.id.clone(),
                label: skill.label.clone(),
                field: Field::Text,
                start,
                end,
                score: inferred.score,
                required,
                source: MentionSource::Occupation,
                qualifier: None,
            });
        }
    }
}
