//! Extraction and linking: text → skill mentions (taxonomy id, span, score, required)
//! and ranked ROME occupations.
//!
//! Three sources of mentions, scored in this order of trust:
//! 1. a skill's preferred label or one of its variants written in the text
//!    ([`matcher`]), weighed by the section it sits in ([`context`]);
//! 2. for a ROME taxonomy, the items of the predicted métiers that the text gives
//!    evidence for without their label ([`linking`]), always scored below verbatim ones.
//!
//! **Architecture invariant:** extraction does no IO; it works on a loaded [`Taxonomy`].

mod context;
mod linking;
mod matcher;
mod occupation;

use std::collections::HashMap;
use std::sync::Arc;

use serde::Serialize;

use crate::model::SkillId;
use crate::taxonomy::Taxonomy;
use crate::text;

pub use context::Context;
pub use linking::{Linker, LinkingParams};
pub use matcher::SkillMatcher;
pub use occupation::{ClassifierParams, OccupationCandidate, OccupationClassifier};

/// Which field of the input a span refers to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    /// The posting's title (`intitule`).
    Title,
    /// The posting's description, or the free text given.
    Text,
}

/// How a mention was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
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
            classifier: ClassifierParams::default(),
            linking: LinkingParams::default(),
        }
    }
}

/// The compiled extractor of one taxonomy; cheap to share between threads.
#[derive(Debug, Clone)]
pub struct Extractor {
    taxonomy: Arc<Taxonomy>,
    matcher: SkillMatcher,
    params: ExtractParams,
    /// The métier référentiel used for classification (may be the same as `taxonomy`).
    occupations: Option<(Arc<Taxonomy>, OccupationClassifier)>,
    /// Set when `taxonomy` carries its own métier → skill links.
    linker: Option<Linker>,
}

impl Extractor {
    /// Compiles `taxonomy`; `occupations` gives the métiers to classify into (a ROME
    /// taxonomy), which may be the same object.
    pub fn new(
        taxonomy: Arc<Taxonomy>,
        occupations: Option<Arc<Taxonomy>>,
        params: ExtractParams,
    ) -> Extractor {
        let matcher = SkillMatcher::new(&taxonomy);
        let occupations = occupations.and_then(|rome| {
            OccupationClassifier::new(&rome, params.classifier).map(|c| (rome, c))
        });
        // Occupation-scoped linking needs métiers whose skills are in `taxonomy`.
        let linker = match &occupations {
            Some((rome, _))
                if Arc::ptr_eq(rome, &taxonomy)
                    && rome.occupations().iter().any(|o| !o.skills.is_empty()) =>
            {
                Some(Linker::new(&taxonomy, params.linking))
            }
            _ => None,
        };
        Extractor {
            taxonomy,
            matcher,
            params,
            occupations,
            linker,
        }
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
        match &self.occupations {
            Some((_, classifier)) => classifier.classify(title, body, self.params.max_occupations),
            None => Vec::new(),
        }
    }

    /// Extracts skills and occupations from a posting's title and text.
    pub fn extract(&self, title: &str, body: &str) -> Extraction {
        let title_tokens = text::analyze(title);
        let body_tokens = text::analyze(body);
        let mut skills = Vec::new();
        let body_context = Context::new(&body_tokens);
        self.verbatim(Field::Title, title, &title_tokens, None, &mut skills);
        self.verbatim(
            Field::Text,
            body,
            &body_tokens,
            Some(&body_context),
            &mut skills,
        );

        let occupations = self.classify(title, body);
        if let (Some(linker), Some((rome, _))) = (&self.linker, &self.occupations) {
            self.inferred(
                linker,
                rome,
                &occupations,
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

    fn verbatim(
        &self,
        field: Field,
        text: &str,
        tokens: &[text::Token],
        context: Option<&Context>,
        out: &mut Vec<SkillMention>,
    ) {
        let found = self.matcher.find(text, tokens);
        if found.is_empty() {
            return;
        }
        let own_context;
        let context = match context {
            Some(context) => context,
            None => {
                own_context = Context::new(tokens);
                &own_context
            }
        };
        let mut seen: HashMap<u32, u32> = HashMap::new();
        for raw in &found {
            *seen.entry(raw.skill).or_insert(0) += 1;
        }
        for raw in found {
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
            let repeats = seen[&raw.skill].saturating_sub(1) as f32;
            let score = (base * section.weight() + self.params.repeat_bonus * repeats).min(1.0);
            out.push(SkillMention {
                skill: skill.id.clone(),
                label: skill.label.clone(),
                field,
                start: Some(raw.start),
                end: Some(raw.end),
                score,
                required: context.requirement(raw.first_token, raw.end_token),
                source: if raw.preferred {
                    MentionSource::Label
                } else {
                    MentionSource::Synonym
                },
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
        let inferred = linker.link(rome, &chosen, tokens);
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
            out.push(SkillMention {
                skill: skill.id.clone(),
                label: skill.label.clone(),
                field: Field::Text,
                start,
                end,
                score: inferred.score,
                required: inferred
                    .span
                    .and_then(|(f, l)| context.requirement(f, l + 1)),
                source: MentionSource::Occupation,
            });
        }
    }
}
