//! Rankings with reasons: trainings for a learner ([`Ranker::recommend`]), trainings for
//! a territory ([`Ranker::territory_trainings`]) and curriculum coverage for providers
//! ([`Ranker::coverage`]).
//!
//! The [`Ranker`] prepares the catalogue once (each curriculum's skills with their
//! evidence spans, its place and its nearest need) and answers requests without IO.
//! Every score is a weighted mean of factors in [0, 1] returned in `details`, so a
//! ranking can always be explained; ties are broken by training id, so rankings are
//! deterministic.
//!
//! **Architecture invariant:** no personal data leaves a request: learner profiles are
//! neither logged nor stored.

mod coverage;
mod demand;
mod eligibility;
mod exclusion;
mod factors;
mod gate;
mod label;
mod lookup;
mod map;
mod modality;
mod params;
mod profile;
mod reasons;
mod recommend;
mod regional;
mod taught;
mod territorial;

use std::collections::BTreeMap;

use rustc_hash::{FxHashMap, FxHashSet};
use std::sync::Arc;

use jiff::civil::Date;
use rayon::prelude::*;
use serde::Serialize;

use crate::extract::{Extractor, Field, SkillMention};
use crate::index::DocumentIndex;
use crate::model::{Certification, Funding, Modality, Public, Session, SkillId, Training};
use crate::needs::NeedsModel;
use crate::territory::{Geography, Placement, TerritoryId, TerritoryLevel, cos_latitude};
use crate::text::fold;
use crate::{Error, Result};

pub use coverage::{
    Alignment, CoverageReport, CoverageRequest, CoveredSkill, Evidence, MissingSkill, NearCluster,
    SimilarTraining, TerritoryWide,
};
pub use demand::TargetOccupation;
pub use eligibility::{PublicSeats, PublicSupply, is_open_to};
pub use exclusion::Exclusion;
pub use factors::{RankWeights, ScoreDetails};
pub use label::{LabelCriterion, LabelReadiness};
pub use lookup::{RelatedSkillRef, SkillMatch, TitleMatch, TrainingMatch};
pub use map::{
    IndicatorMap, IndicatorValue, MapFeature, MapFeatures, MapIndicator, MapProperties, MapQuery,
};
pub use params::{RankParams, ValidRankParams};
pub use profile::{
    CvSkill, Learner, LearnerLocation, LearnerProfile, ResolvedLocation, ResolvedTarget, Situation,
    SkillRef, Target,
};
pub use territorial::{
    AnsweredNeed, Supply, TerritoryRanking, TerritoryRef, TerritoryReport, TerritoryTraining,
    UncoveredNeed,
};

/// A training prepared for ranking.
#[derive(Debug, Clone)]
struct Entry {
    training: Arc<Training>,
    /// The curriculum text the evidence spans point into.
    text: String,
    /// Mentions in the title and the curriculum.
    mentions: Vec<SkillMention>,
    /// Distinct skills taught.
    skills: FxHashSet<SkillId>,
    /// The taxonomy positions of `skills`, sorted: the gap is tested against these.
    skill_indices: Vec<u32>,
    placement: Option<Placement>,
    /// The région of the placement, as the territory its demand is read in.
    region: Option<TerritoryId>,
    /// Its column in the régional demand, when the model has the région.
    region_column: Option<regional::Column>,
    /// Needs (cluster id, similarity) the curriculum answers, most similar first.
    needs: Vec<(String, f32)>,
    /// Title, provider and city folded, for look-ups.
    haystack: String,
    /// The sessions whose start date parses, in catalogue order. Parsed once here
    /// rather than for every request.
    session_starts: Vec<SessionStart>,
}

/// A session's parsed start, its place in `training.sessions` and whether it is full.
#[derive(Debug, Clone, Copy)]
struct SessionStart {
    start: Date,
    index: usize,
    full: bool,
}

impl Entry {
    /// True when the training is placed in `territory`.
    fn is_in(&self, territory: &TerritoryId) -> bool {
        self.placement
            .as_ref()
            .and_then(|p| p.at(territory.level))
            .is_some_and(|code| code == territory.code)
    }
}

/// The prepared catalogue with the needs model it is ranked against.
#[derive(Debug, Clone)]
pub struct Ranker {
    extractor: Extractor,
    geography: Arc<Geography>,
    model: Arc<NeedsModel>,
    index: Option<Arc<DocumentIndex>>,
    params: ValidRankParams,
    entries: Vec<Entry>,
    /// What the hard filters read of each entry, in the same order.
    gates: Vec<gate::Gate>,
    /// The entries teaching each taxonomy skill.
    teaching: taught::Teaching,
    by_id: FxHashMap<String, usize>,
    /// Folded labels and variants → skill index.
    labels: FxHashMap<String, u32>,
    lookup: lookup::LookupIndex,
    /// Each skill's share of each région's offers, and its highest.
    regional: regional::RegionalDemand,
    targets: Arc<profile::TargetCache>,
}

/// The next session a learner can join.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NextSession<'a> {
    pub start: &'a str,
    pub end: Option<&'a str>,
    pub seats_left: Option<u32>,
}

/// Some skills of a list every recommendation of a ranking shares (the learner's gap):
/// the list is shared, each recommendation keeps the positions it takes, and it is
/// written as the skills themselves. Ten recommendations of a fifty-skill gap copy no
/// skill and touch no reference count.
#[derive(Debug, Clone, PartialEq)]
pub struct SkillList {
    all: Arc<[SkillRef]>,
    taken: Vec<u32>,
}

impl SkillList {
    /// The skills, in the shared list's order.
    pub fn iter(&self) -> impl ExactSizeIterator<Item = &SkillRef> + '_ {
        self.taken.iter().map(|&at| &self.all[at as usize])
    }

    /// How many skills the list takes.
    pub fn len(&self) -> usize {
        self.taken.len()
    }

    /// Whether it takes none.
    pub fn is_empty(&self) -> bool {
        self.taken.is_empty()
    }
}

impl Serialize for SkillList {
    fn serialize<S: serde::Serializer>(
        &self,
        serializer: S,
    ) -> std::result::Result<S::Ok, S::Error> {
        serializer.collect_seq(self.iter())
    }
}

/// One recommended training.
// It borrows the ranker's copy of the training's texts and lists: a ranking copies
// none of them (their copies and frees were ~8 % of its CPU time).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Recommendation<'a> {
    pub id: &'a str,
    pub title: &'a str,
    pub provider: &'a str,
    pub commune: Option<&'a str>,
    pub city: Option<&'a str>,
    pub modality: Modality,
    pub score: f32,
    pub details: ScoreDetails,
    #[cfg_attr(feature = "openapi", schema(value_type = Vec<SkillRef>))]
    pub skills_gained: SkillList,
    #[cfg_attr(feature = "openapi", schema(value_type = Vec<SkillRef>))]
    pub skills_missing: SkillList,
    pub distance_km: Option<f64>,
    pub next_session: Option<NextSession<'a>>,
    pub certification: Option<&'a Certification>,
    pub duration_months: Option<f32>,
    /// Publics the training aims at first.
    pub publics: &'a [Public],
    /// Publics it is restricted to; empty when open to all.
    pub reserved_to: &'a [Public],
    /// How the learner's place can be paid.
    pub funding: &'a [Funding],
    /// Whether people with a disability can follow it; none when not stated.
    pub accessible_rqth: Option<bool>,
    /// Whom to ask about adjustments for a disability.
    pub disability_contact: Option<&'a str>,
    pub reasons: Vec<String>,
}

/// What the ranking understood of the profile (returned to the adviser who sent it).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LearnerSummary {
    pub skills: Vec<SkillRef>,
    pub cv_skills: Vec<CvSkill>,
    pub unknown_skills: Vec<String>,
    pub target: Option<TargetSummary>,
    /// Target skills the learner does not hold, most wanted first.
    #[cfg_attr(feature = "openapi", schema(value_type = Vec<SkillRef>))]
    pub gap: Arc<[SkillRef]>,
    pub location: Option<ResolvedLocation>,
}

/// The resolved target as shown.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TargetSummary {
    pub label: String,
    pub rome: Option<String>,
    #[cfg_attr(feature = "openapi", schema(value_type = Vec<SkillRef>))]
    pub skills: Arc<[SkillRef]>,
}

/// A gap skill's taxonomy position (when it has one) and id.
type GapKey<'a> = (Option<u32>, &'a SkillId);

impl Entry {
    /// Seats open in the sessions starting on or after `today` (the same count as
    /// [`crate::needs::open_seats`], from the start dates read when the entry was made).
    fn open_seats(&self, today: Date) -> u32 {
        self.session_starts
            .iter()
            .filter(|s| s.start >= today)
            .map(|s| self.training.sessions[s.index].seats_left())
            .sum()
    }

    /// Whether a session starting on or after `today` still has a seat.
    fn has_open_session(&self, today: Date) -> bool {
        self.session_starts
            .iter()
            .any(|s| s.start >= today && !s.full)
    }

    /// Whether the curriculum teaches a gap skill: by taxonomy position, else by id.
    fn teaches(&self, (index, id): &GapKey) -> bool {
        match index {
            Some(index) => self.skill_indices.binary_search(index).is_ok(),
            None => self.skills.contains(*id),
        }
    }
}

/// A training that passed the filters, before its reasons are written.
struct Scored<'a> {
    score: f32,
    entry: &'a Entry,
    details: ScoreDetails,
    distance_km: Option<f64>,
    next: (Date, &'a Session),
    /// The column of the région whose demand was read.
    demand_region: Option<regional::Column>,
    /// The entry's place in the catalogue.
    at: usize,
}

/// Trainings for a learner, and how many were excluded by each hard filter.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Recommendations<'a> {
    pub trainings: Vec<Recommendation<'a>>,
    pub excluded: BTreeMap<String, usize>,
    /// Why the list is empty or short, in French, when it is.
    pub notices: Vec<String>,
    pub learner: LearnerSummary,
}

impl Ranker {
    /// Prepares `trainings` for ranking against `model` with checked parameters
    /// ([`RankParams::check`]); curricula are extracted in parallel.
    pub fn new(
        extractor: Extractor,
        geography: Arc<Geography>,
        model: Arc<NeedsModel>,
        trainings: Vec<Training>,
        params: ValidRankParams,
    ) -> Ranker {
        let taxonomy = extractor.taxonomy();
        let mut labels = FxHashMap::default();
        for (index, skill) in taxonomy.skills().iter().enumerate() {
            for surface in &skill.surfaces {
                labels.entry(fold(&surface.text)).or_insert(index as u32);
            }
        }
        for (index, skill) in taxonomy.skills().iter().enumerate() {
            labels.insert(fold(&skill.label), index as u32);
        }
        let regional = regional::RegionalDemand::new(&model, taxonomy);
        let (mut entries, gates): (Vec<Entry>, Vec<gate::Gate>) = trainings
            .into_par_iter()
            .map(|training| prepare(&extractor, &geography, &model, &params, training))
            .unzip();
        for entry in &mut entries {
            entry.region_column = (entry.region.as_ref()).and_then(|r| regional.column(r));
        }
        let teaching = taught::Teaching::new(&entries, taxonomy.skills().len());
        let by_id = entries
            .iter()
            .enumerate()
            .map(|(i, e)| (e.training.id.clone(), i))
            .collect();
        let lookup = lookup::LookupIndex::new(extractor.taxonomy(), extractor.referential());
        Ranker {
            extractor,
            lookup,
            geography,
            model,
            index: None,
            params,
            entries,
            gates,
            teaching,
            by_id,
            labels,
            regional,
            targets: Arc::default(),
        }
    }

    /// Adds the posting index that example postings are taken from.
    pub fn with_index(mut self, index: Arc<DocumentIndex>) -> Ranker {
        self.index = Some(index);
        self
    }

    /// The needs model rankings use.
    pub fn model(&self) -> &NeedsModel {
        &self.model
    }

    /// The geography locations are resolved in.
    pub fn geography(&self) -> &Geography {
        &self.geography
    }

    /// The extractor curricula and CVs are extracted with.
    pub fn extractor(&self) -> &Extractor {
        &self.extractor
    }

    /// Number of trainings in the catalogue.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// True for an empty catalogue.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Every training, in catalogue order.
    pub fn trainings(&self) -> impl Iterator<Item = &Training> {
        self.entries.iter().map(|e| e.training.as_ref())
    }

    /// A training by id.
    pub fn training(&self, id: &str) -> Result<&Training> {
        self.entry(id).map(|e| e.training.as_ref())
    }

    /// A training's curriculum text and the skills found in it (spans into the text).
    pub fn training_skills(&self, id: &str) -> Result<(&str, Vec<CvSkill>)> {
        let entry = self.entry(id)?;
        let spans = entry
            .mentions
            .iter()
            .filter(|m| m.field == Field::Text)
            .filter_map(|m| {
                Some(CvSkill {
                    id: m.skill.clone(),
                    label: m.label.clone(),
                    start: m.start?,
                    end: m.end?,
                })
            })
            .collect();
        Ok((&entry.text, spans))
    }

    /// The placement of a training, when its location resolves.
    pub fn placement(&self, id: &str) -> Result<Option<&Placement>> {
        self.entry(id).map(|e| e.placement.as_ref())
    }

    fn entry(&self, id: &str) -> Result<&Entry> {
        self.by_id
            .get(id)
            .map(|&i| &self.entries[i])
            .ok_or_else(|| Error::NotFound {
                kind: crate::NotFoundKind::Training,
                value: id.to_string(),
            })
    }
}

/// Extracts a training's curriculum and places it.
fn prepare(
    extractor: &Extractor,
    geography: &Geography,
    model: &NeedsModel,
    params: &ValidRankParams,
    training: Training,
) -> (Entry, gate::Gate) {
    let text = training.curriculum_text();
    let extraction = extractor.extract(&training.title, &text);
    let needs = model.needs_answered(&extraction.skills);
    let mentions: Vec<SkillMention> = extraction
        .skills
        .into_iter()
        .filter(|m| m.score >= params.min_skill_score)
        .collect();
    let skills: FxHashSet<SkillId> = mentions.iter().map(|m| m.skill.clone()).collect();
    let mut skill_indices: Vec<u32> = (skills.iter())
        .filter_map(|id| extractor.taxonomy().skill_index(id))
        .collect();
    skill_indices.sort_unstable();
    let placement = geography.place(&training.location.as_location()).ok();
    let point = training
        .location
        .lat
        .zip(training.location.lon)
        .or_else(|| placement.as_ref().and_then(|p| p.centroid))
        .or_else(|| {
            placement
                .as_ref()
                .and_then(|p| p.departement.as_deref())
                .and_then(|d| geography.departement(d))
                .map(|d| (d.lat, d.lon))
        });
    let region = placement.as_ref().map(|p| TerritoryId {
        level: TerritoryLevel::Region,
        code: p.region.clone(),
    });
    let label_expires = training
        .label
        .as_ref()
        .and_then(|label| parse_date("", &label.expires).ok());
    let session_starts = training
        .sessions
        .iter()
        .enumerate()
        .filter_map(|(index, s)| {
            Some(SessionStart {
                start: parse_date("", &s.start).ok()?,
                index,
                full: s.is_full(),
            })
        })
        .collect();
    let haystack = lookup::haystack(&training);
    let gate = gate::Gate::new(
        &training,
        point,
        point.map_or(1.0, cos_latitude),
        label_expires,
    );
    let entry = Entry {
        training: Arc::new(training),
        text,
        mentions,
        skills,
        skill_indices,
        placement,
        region,
        region_column: None,
        needs,
        haystack,
        session_starts,
    };
    (entry, gate)
}

/// 1 when the training raises the learner's level, less when it does not.
fn level_fit(learner: Option<u8>, exit: Option<u8>) -> f32 {
    match (learner, exit) {
        (Some(level), Some(exit)) if exit > level => 1.0,
        (Some(level), Some(exit)) if exit == level => 0.6,
        (Some(_), Some(_)) => 0.3,
        _ => 0.7,
    }
}

/// Parses an ISO date, naming the field on error.
fn parse_date(field: &str, value: &str) -> Result<Date> {
    value
        .get(..10)
        .and_then(|v| v.parse::<Date>().ok())
        .ok_or_else(|| {
            Error::input(
                field,
                crate::Invalid::Date {
                    value: value.to_string(),
                },
            )
        })
}

fn round3(value: f32) -> f32 {
    (value * 1000.0).round() / 1000.0
}
