//! The observatory's needs model: postings → skill bags → vectors → clusters, each
//! cluster labelled in French from its skills and dominant métiers, and the territorial
//! indicators (demand per territory × cluster and × skill, with statistical
//! suppression and growth against the previous refresh), plus emerging terms.
//!
//! **Architecture invariant:** this module does no IO; `artifacts` saves and loads it.

mod demand;
mod documents;
mod emerging;
mod indicators;
mod labels;
mod supply;
mod tables;

use demand::occupation_demand;
use emerging::{emerging_terms, known_terms, unknown_terms};
use indicators::{TrainingSupply, territory_indicators};
use labels::describe_cluster;
pub use supply::{open_seats, tension, unmet_demand};
pub use tables::NeedInRegion;

use std::collections::{BTreeMap, HashMap, HashSet};

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::Result;
use crate::cluster::{self, ClusterIdentity, ClusterParams, RefreshReport};
use crate::extract::Extractor;
use crate::model::{JobPosting, RomeCode, SkillId, Training};
use crate::taxonomy::Taxonomy;
use crate::territory::{Geography, Placement, TerritoryId, TerritoryLevel, Unplaced};
use crate::text::{self, TokenKind};
use crate::vectors::{self, Projection, SkillBag, SkillVocabulary, VectorParams};

/// Version of the saved needs model; bump it when the format changes.
pub const FORMAT_VERSION: u32 = 2;
/// The oldest format still read: format 1 had no métier demand profiles (`occupations`),
/// which a model read from it lacks until the next build.
pub const OLDEST_FORMAT: u32 = 1;

/// Rounds to four decimals: indicators are read, not computed on, and the model stays
/// small.
fn round4(value: f32) -> f32 {
    (value * 1e4).round() / 1e4
}

/// Skill cells kept per territory, most offers first.
const MAX_SKILL_CELLS: usize = 50;

/// Skills kept in a métier's demand profile.
const MAX_PROFILE_SKILLS: usize = 30;

/// A skill enters a métier's demand profile when at least this share of its postings
/// ask for it.
const MIN_PROFILE_SHARE: f32 = 0.05;

/// Postings a métier needs for its demand profile to be kept.
const MIN_PROFILE_POSTINGS: usize = 3;

/// Tunables of the needs build.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NeedsParams {
    pub vectors: VectorParams,
    pub clusters: ClusterParams,
    /// Cells with fewer offers than this are suppressed (statistical confidentiality).
    pub suppression_threshold: usize,
    /// Skills listed per cluster.
    pub top_skills: usize,
    /// Example postings kept per cluster.
    pub examples: usize,
    /// Postings an unknown term must appear in to be reported as emerging.
    pub emerging_min_postings: usize,
    /// Cosine similarity a curriculum's IDF-weighted skills need with a need's top
    /// skills for the training to answer it (the rule of `supply.rs`, which the ranker
    /// applies too).
    pub min_training_similarity: f32,
}

impl Default for NeedsParams {
    fn default() -> NeedsParams {
        NeedsParams {
            vectors: VectorParams::default(),
            clusters: ClusterParams::default(),
            suppression_threshold: 5,
            top_skills: 12,
            examples: 5,
            emerging_min_postings: 5,
            min_training_similarity: 0.15,
        }
    }
}

/// A skill with a weight and its label.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct WeightedSkill {
    pub id: SkillId,
    pub label: String,
    pub weight: f32,
}

/// A métier's share of a cluster.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RomeShare {
    pub code: RomeCode,
    pub label: String,
    pub share: f32,
}

/// A posting shown as an example.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Example {
    pub id: String,
    pub title: String,
}

/// One need of the reference map of digital jobs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NeedsCluster {
    pub id: String,
    /// French label, e.g. "Développeur / Développeuse web : JavaScript, React, SQL".
    pub label: String,
    pub size: usize,
    /// Share of the clustered postings.
    pub share: f32,
    /// Centroid in the dense projected space (unit length).
    pub centroid: Vec<f32>,
    pub top_skills: Vec<WeightedSkill>,
    pub rome: Vec<RomeShare>,
    pub examples: Vec<Example>,
}

impl NeedsCluster {
    fn identity(&self) -> ClusterIdentity {
        ClusterIdentity {
            id: self.id.clone(),
            label: self.label.clone(),
            skills: self
                .top_skills
                .iter()
                .map(|s| (s.id.clone(), s.weight))
                .collect(),
        }
    }
}

/// Offers of a territory in one cluster or with one skill.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Cell {
    pub id: String,
    pub label: String,
    /// Offers; 0 when suppressed.
    pub offers: usize,
    /// Share of the territory's offers; 0 when suppressed.
    pub share: f32,
    /// Fewer offers than the suppression threshold: the count is not published.
    pub suppressed: bool,
    /// Relative change of offers since the previous refresh, when both are published.
    pub growth: Option<f32>,
    /// Trainings of the territory answering this need with open seats as of the build
    /// date (needs only; see `supply.rs` for the rule).
    #[serde(default)]
    pub trainings: usize,
    /// Open seats of those trainings in sessions starting from the build date.
    #[serde(default)]
    pub seats: u32,
    /// Tension: offers / (open seats + 1), when the offers are published (needs only).
    #[serde(default)]
    pub tension: Option<f32>,
}

/// The indicators of one territory.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TerritoryNeeds {
    pub territory: TerritoryId,
    pub name: String,
    /// Offers located in the territory.
    pub offers: usize,
    pub clusters: Vec<Cell>,
    /// Published skill cells (suppressed ones are only counted), most offers first.
    pub skills: Vec<Cell>,
    /// Skills present in the territory whose cells are suppressed.
    pub skills_suppressed: usize,
}

/// A term frequent in postings that the taxonomy lacks.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EmergingTerm {
    pub term: String,
    pub postings: usize,
    pub examples: Vec<String>,
}

/// What employers ask for one métier: the skills its postings name, with the share of
/// its postings naming each. The target profile of a learner aiming at this métier.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OccupationDemand {
    pub label: String,
    /// Postings of the métier (labelled `romeCode`, else the predicted one).
    pub postings: usize,
    /// Most asked first; `weight` is the share of the métier's postings.
    pub skills: Vec<WeightedSkill>,
}

/// Counts of a build.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct NeedsCounts {
    pub postings: usize,
    /// Trainings whose curriculum answers at least one need.
    #[serde(default)]
    pub trainings: usize,
    /// Postings with at least one technical (non-transversal) skill: the clustered ones.
    pub with_skills: usize,
    pub placed: usize,
    /// Postings that could not be placed in a territory, by reason.
    pub unplaced: BTreeMap<String, usize>,
}

/// The saved needs model.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NeedsModel {
    pub format_version: u32,
    /// Stamped by the caller (e.g. an RFC 3339 time); the build itself reads no clock.
    pub built_at: String,
    pub taxonomy: String,
    pub taxonomy_version: String,
    /// Earliest and latest posting dates.
    pub period: (Option<String>, Option<String>),
    pub counts: NeedsCounts,
    pub params: NeedsParams,
    pub vocabulary: SkillVocabulary,
    /// Silhouette of each k tried.
    pub k_selection: Vec<(usize, f32)>,
    pub clusters: Vec<NeedsCluster>,
    pub refresh: Option<RefreshReport>,
    pub territories: Vec<TerritoryNeeds>,
    pub emerging: Vec<EmergingTerm>,
    /// For each skill of the vocabulary, the skills postings ask for with it.
    #[serde(default)]
    pub related: BTreeMap<SkillId, Vec<vectors::RelatedSkill>>,
    /// Demand profile of each métier seen in enough postings.
    #[serde(default)]
    pub occupations: BTreeMap<RomeCode, OccupationDemand>,
}

impl NeedsModel {
    /// The indicators of a territory.
    pub fn needs(&self, territory: &TerritoryId) -> Option<&TerritoryNeeds> {
        self.territories.iter().find(|t| &t.territory == territory)
    }

    /// A cluster by id.
    pub fn cluster(&self, id: &str) -> Option<&NeedsCluster> {
        self.clusters.iter().find(|c| c.id == id)
    }

    /// The skills most often asked for together with `skill`.
    pub fn related(&self, skill: &SkillId) -> &[vectors::RelatedSkill] {
        self.related.get(skill).map_or(&[], Vec::as_slice)
    }

    /// The demand profile of a métier, when enough postings named it.
    pub fn occupation(&self, code: &RomeCode) -> Option<&OccupationDemand> {
        self.occupations.get(code)
    }

    /// Restores lookup tables after loading.
    pub fn reindex(&mut self) {
        self.vocabulary.reindex();
    }
}

/// One posting as the build sees it.
struct Analysed {
    occupation: Option<RomeCode>,
    placement: std::result::Result<Placement, Unplaced>,
    /// Technical-looking terms no skill covers.
    emerging: Vec<String>,
}

/// What the build found in one input posting.
#[derive(Debug, Clone)]
pub struct PostingAnalysis {
    /// Skills kept for the vectors, by id.
    pub skills: Vec<SkillId>,
    /// The most probable métier.
    pub occupation: Option<RomeCode>,
    /// The territory, or why none.
    pub placement: std::result::Result<Placement, Unplaced>,
    /// Needs cluster (`None`: no skill).
    pub cluster: Option<String>,
}

/// A built model and what was found in each input posting, in input order.
#[derive(Debug, Clone)]
pub struct NeedsBuild {
    pub model: NeedsModel,
    pub postings: Vec<PostingAnalysis>,
    /// The needs each input training answers, most similar first.
    pub trainings: Vec<Vec<String>>,
}

/// What a build reads besides its parameters.
pub(crate) struct BuildInput<'a> {
    pub geography: &'a Geography,
    pub postings: &'a [JobPosting],
    pub trainings: &'a [Training],
    /// The model whose cluster identities persist and against which growth is read.
    pub previous: Option<&'a NeedsModel>,
    /// The build's time stamp (RFC 3339); its date is the day supply is counted on.
    pub built_at: &'a str,
}

/// Builds a needs model from postings. `previous` gives cluster identities and growth.
pub(crate) fn build(
    extractor: &Extractor,
    input: BuildInput<'_>,
    params: &NeedsParams,
) -> Result<NeedsBuild> {
    let cluster_params = params.clusters.check()?;
    let taxonomy = extractor.taxonomy();
    let known_terms = known_terms(taxonomy);
    let (analysed, bags): (Vec<Analysed>, Vec<SkillBag>) = input
        .postings
        .par_iter()
        .map(|posting| {
            let extraction = extractor.extract(&posting.title, &posting.description);
            let emerging = unknown_terms(&posting.description, &extraction, taxonomy, &known_terms);
            let analysed = Analysed {
                occupation: posting
                    .rome
                    .or_else(|| extraction.occupations.first().map(|o| o.code)),
                placement: input.geography.place(&posting.location),
                emerging,
            };
            (
                analysed,
                vectors::skill_bag(&extraction, &params.vectors, taxonomy),
            )
        })
        .unzip();

    let vocabulary = SkillVocabulary::fit(&bags, params.vectors.min_documents);
    let sparse: Vec<Vec<(u32, f32)>> = bags.iter().map(|b| vocabulary.sparse(b)).collect();
    // Postings with only transversal skills (autonomie, rigueur, anglais) answer no
    // digital need: they are counted in the territories but not clustered.
    let technical = |bag: &SkillBag| {
        bag.iter().any(|(id, _)| {
            vocabulary.position(id).is_some()
                && taxonomy.skill(id).is_none_or(|s| !s.kind.is_transversal())
        })
    };
    let clustered: Vec<usize> = (0..sparse.len())
        .filter(|&i| !sparse[i].is_empty() && technical(&bags[i]))
        .collect();
    let projection = Projection::new(
        vocabulary.len(),
        params.vectors.dimensions,
        params.vectors.seed,
    );
    let rows: Vec<&Vec<(u32, f32)>> = clustered.iter().map(|&i| &sparse[i]).collect();
    let dense = projection.project(&rows);
    let partition = cluster::partition(&dense, &cluster_params)?;

    // Cluster of each posting (None: no skill).
    let mut cluster_of: Vec<Option<usize>> = vec![None; analysed.len()];
    for (row, &posting) in clustered.iter().enumerate() {
        cluster_of[posting] = Some(partition.assignments[row]);
    }
    let mut clusters: Vec<NeedsCluster> = (0..partition.k)
        .map(|c| {
            let members: Vec<usize> = (0..analysed.len())
                .filter(|&i| cluster_of[i] == Some(c))
                .collect();
            describe_cluster(
                c,
                &members,
                input.postings,
                &analysed,
                &sparse,
                &vocabulary,
                taxonomy,
                extractor,
                params,
                &partition.centroids,
            )
        })
        .filter(|c| c.size > 0)
        .collect();
    let total: usize = clusters.iter().map(|c| c.size).sum();
    for cluster in &mut clusters {
        cluster.share = round4(cluster.size as f32 / total.max(1) as f32);
    }
    // Identities: persist through refreshes; order by size for a fresh model.
    clusters.sort_by(|a, b| b.size.cmp(&a.size).then(a.label.cmp(&b.label)));
    let mut identities: Vec<ClusterIdentity> =
        clusters.iter().map(NeedsCluster::identity).collect();
    let refresh = match input.previous {
        Some(previous) => {
            let old: Vec<ClusterIdentity> = previous
                .clusters
                .iter()
                .map(NeedsCluster::identity)
                .collect();
            Some(cluster::match_identities(
                &old,
                &mut identities,
                params.clusters.match_similarity,
            ))
        }
        None => {
            for (i, identity) in identities.iter_mut().enumerate() {
                identity.id = format!("besoin-{:02}", i + 1);
            }
            None
        }
    };
    // Remember each original cluster index's final id.
    let mut final_id: HashMap<usize, String> = HashMap::new();
    for (cluster, identity) in clusters.iter_mut().zip(&identities) {
        let original: usize = cluster.id.parse().expect("index set by describe_cluster");
        final_id.insert(original, identity.id.clone());
        cluster.id = identity.id.clone();
        cluster.label = identity.label.clone();
    }
    clusters.sort_by(|a, b| a.id.cmp(&b.id));
    let cluster_label: HashMap<&str, &str> = clusters
        .iter()
        .map(|c| (c.id.as_str(), c.label.as_str()))
        .collect();

    let mut counts = NeedsCounts {
        postings: analysed.len(),
        with_skills: clustered.len(),
        ..NeedsCounts::default()
    };
    for posting in &analysed {
        match &posting.placement {
            Ok(_) => counts.placed += 1,
            Err(reason) => {
                *counts.unplaced.entry(reason.count_key()).or_insert(0) += 1;
            }
        }
    }
    // Supply: the needs each training answers, by the rule the ranker applies too.
    let as_of = input.built_at.get(..10).and_then(|d| d.parse().ok());
    let supply: Vec<TrainingSupply> = input
        .trainings
        .par_iter()
        .map(|training| {
            let extraction = extractor.extract(&training.title, &training.curriculum_text());
            let needs = supply::answered(&clusters, &vocabulary, params, &extraction.skills);
            TrainingSupply {
                needs: needs.into_iter().map(|(id, _)| id).collect(),
                placement: input.geography.place(&training.location.as_location()).ok(),
                seats: open_seats(&training.sessions, as_of),
            }
        })
        .collect();
    counts.trainings = supply.iter().filter(|s| !s.needs.is_empty()).count();
    let territories = territory_indicators(
        input.geography,
        &analysed,
        &bags,
        &supply,
        &cluster_of,
        &final_id,
        &cluster_label,
        taxonomy,
        params,
        input.previous,
    );
    let period = (
        input
            .postings
            .iter()
            .filter_map(|p| p.created.clone())
            .min(),
        input
            .postings
            .iter()
            .filter_map(|p| p.created.clone())
            .max(),
    );
    let related = vectors::related_skills(&vocabulary, &bags, 5, 3)
        .into_iter()
        .collect();
    let emerging = emerging_terms(&analysed, input.postings, params.emerging_min_postings);
    let occupations = occupation_demand(&analysed, &bags, taxonomy, extractor);
    // The analyses are handed over, not copied: at a million postings copies count.
    let analyses = analysed
        .into_iter()
        .zip(bags)
        .zip(&cluster_of)
        .map(|((a, bag), c)| PostingAnalysis {
            skills: bag.into_iter().map(|(id, _)| id).collect(),
            occupation: a.occupation,
            placement: a.placement,
            cluster: c.and_then(|c| final_id.get(&c).cloned()),
        })
        .collect();
    let model = NeedsModel {
        format_version: FORMAT_VERSION,
        built_at: input.built_at.to_string(),
        taxonomy: taxonomy.name.clone(),
        taxonomy_version: taxonomy.version.clone(),
        period,
        counts,
        params: *params,
        vocabulary,
        k_selection: partition.k_selection.clone(),
        clusters,
        refresh,
        territories,
        emerging,
        related,
        occupations,
    };
    Ok(NeedsBuild {
        model,
        postings: analyses,
        trainings: supply.into_iter().map(|s| s.needs).collect(),
    })
}
