//! The observatory's needs model: postings → skill bags → vectors → clusters, each
//! cluster labelled in French from its skills and dominant métiers, and the territorial
//! indicators (demand per territory × cluster and × skill, with statistical
//! suppression and growth against the previous refresh), plus emerging terms.
//!
//! **Architecture invariant:** this module does no IO; `artifacts` saves and loads it.

use std::collections::{BTreeMap, HashMap, HashSet};

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::Result;
use crate::cluster::{self, ClusterIdentity, ClusterParams, RefreshReport};
use crate::extract::Extractor;
use crate::model::{JobPosting, RomeCode, SkillId, Training};
use crate::taxonomy::Taxonomy;
use crate::territory::{Geography, Placement, TerritoryId, TerritoryLevel};
use crate::text::{self, TokenKind};
use crate::vectors::{self, Projection, SkillBag, SkillVocabulary, VectorParams};

/// Version of the saved needs model; bump it when the format changes.
pub const FORMAT_VERSION: u32 = 2;

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
    /// Cosine similarity a training's vector needs with a need's centroid to count as
    /// its supply.
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
            min_training_similarity: 0.2,
        }
    }
}

/// A skill with a weight and its label.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WeightedSkill {
    pub id: SkillId,
    pub label: String,
    pub weight: f32,
}

/// A métier's share of a cluster.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RomeShare {
    pub code: RomeCode,
    pub label: String,
    pub share: f32,
}

/// A posting shown as an example.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
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
    /// Trainings of the territory whose skill vector falls in this need (needs only).
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
    /// Trainings whose curriculum was placed in a need.
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
    placement: std::result::Result<Placement, String>,
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
    pub placement: std::result::Result<Placement, String>,
    /// Needs cluster (`None`: no skill).
    pub cluster: Option<String>,
}

/// A built model and what was found in each input posting, in input order.
#[derive(Debug, Clone)]
pub struct NeedsBuild {
    pub model: NeedsModel,
    pub postings: Vec<PostingAnalysis>,
    /// The need each input training falls in (`None`: too far from every need).
    pub trainings: Vec<Option<String>>,
}

/// Builds a needs model from postings. `previous` gives cluster identities and growth.
#[allow(clippy::too_many_arguments)]
pub fn build(
    extractor: &Extractor,
    geography: &Geography,
    postings: &[JobPosting],
    trainings: &[Training],
    params: &NeedsParams,
    previous: Option<&NeedsModel>,
    built_at: &str,
) -> Result<NeedsBuild> {
    let cluster_params = params.clusters.check()?;
    let taxonomy = extractor.taxonomy();
    let known_terms = known_terms(taxonomy);
    let (analysed, bags): (Vec<Analysed>, Vec<SkillBag>) = postings
        .par_iter()
        .map(|posting| {
            let extraction = extractor.extract(&posting.title, &posting.description);
            let emerging = unknown_terms(&posting.description, &extraction, taxonomy, &known_terms);
            let analysed = Analysed {
                occupation: posting
                    .rome
                    .or_else(|| extraction.occupations.first().map(|o| o.code)),
                placement: geography.place(&posting.location),
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
    // Postings with only transversal skills (autonomie, rigueur) answer no digital need:
    // they are counted in the territories but not clustered.
    let technical = |bag: &SkillBag| {
        bag.iter().any(|(id, _)| {
            vocabulary.position(id).is_some()
                && taxonomy
                    .skill(id)
                    .is_none_or(|s| s.kind != crate::taxonomy::SkillKind::Transversal)
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
                postings,
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
    let refresh = match previous {
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
                // "unknown place \"975 - ST PIERRE\"" counts as "unknown place".
                let kind = reason
                    .split([':', '"'])
                    .next()
                    .unwrap_or(reason)
                    .trim()
                    .to_string();
                *counts.unplaced.entry(kind).or_insert(0) += 1;
            }
        }
    }
    // Supply: each training's curriculum goes to its nearest need.
    let as_of = built_at.get(..10).unwrap_or("");
    let supply: Vec<Supply> = trainings
        .par_iter()
        .map(|training| {
            let extraction = extractor.extract(&training.title, &training.curriculum_text());
            let bag = vectors::skill_bag(&extraction, &params.vectors, taxonomy);
            let row = projection.project(&[vocabulary.sparse(&bag)]);
            let cluster = nearest_centroid(
                row.row(0),
                &partition.centroids,
                params.min_training_similarity,
            )
            .and_then(|c| final_id.get(&c).cloned());
            let seats = training
                .sessions
                .iter()
                .filter(|s| s.start.as_str() >= as_of)
                .map(|s| {
                    s.seats
                        .unwrap_or(0)
                        .saturating_sub(s.seats_taken.unwrap_or(0))
                })
                .sum();
            Supply {
                cluster,
                placement: geography.place(&training.location.as_location()).ok(),
                seats,
            }
        })
        .collect();
    counts.trainings = supply.iter().filter(|s| s.cluster.is_some()).count();
    let territories = indicators(
        geography,
        &analysed,
        &bags,
        &supply,
        &cluster_of,
        &final_id,
        &cluster_label,
        taxonomy,
        params,
        previous,
    );
    let period = (
        postings.iter().filter_map(|p| p.created.clone()).min(),
        postings.iter().filter_map(|p| p.created.clone()).max(),
    );
    let related = vectors::related_skills(&vocabulary, &bags, 5, 3)
        .into_iter()
        .collect();
    let emerging = emerging_terms(&analysed, postings, params.emerging_min_postings);
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
        built_at: built_at.to_string(),
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
        trainings: supply.into_iter().map(|s| s.cluster).collect(),
    })
}

/// The demand profile of each métier: share of its postings asking for each skill.
fn occupation_demand(
    analysed: &[Analysed],
    bags: &[SkillBag],
    taxonomy: &Taxonomy,
    extractor: &Extractor,
) -> BTreeMap<RomeCode, OccupationDemand> {
    let mut tallies: BTreeMap<RomeCode, (usize, HashMap<&SkillId, usize>)> = BTreeMap::new();
    for (posting, bag) in analysed.iter().zip(bags) {
        let Some(code) = posting.occupation else {
            continue;
        };
        let tally = tallies.entry(code).or_default();
        tally.0 += 1;
        for (skill, _) in bag {
            *tally.1.entry(skill).or_insert(0) += 1;
        }
    }
    tallies
        .into_iter()
        .filter(|(_, (postings, _))| *postings >= MIN_PROFILE_POSTINGS)
        .map(|(code, (postings, counts))| {
            let mut skills: Vec<WeightedSkill> = counts
                .into_iter()
                .map(|(id, n)| WeightedSkill {
                    id: id.clone(),
                    label: taxonomy
                        .skill(id)
                        .map_or_else(|| id.to_string(), |s| s.label.clone()),
                    weight: round4(n as f32 / postings as f32),
                })
                .filter(|s| s.weight >= MIN_PROFILE_SHARE)
                .collect();
            skills.sort_by(|a, b| b.weight.total_cmp(&a.weight).then(a.id.cmp(&b.id)));
            skills.truncate(MAX_PROFILE_SKILLS);
            let label = extractor
                .occupation_label(&code)
                .unwrap_or_else(|| code.to_string());
            (
                code,
                OccupationDemand {
                    label,
                    postings,
                    skills,
                },
            )
        })
        .collect()
}

#[allow(clippy::too_many_arguments)]
fn describe_cluster(
    index: usize,
    members: &[usize],
    postings: &[JobPosting],
    analysed: &[Analysed],
    sparse: &[Vec<(u32, f32)>],
    vocabulary: &SkillVocabulary,
    taxonomy: &Taxonomy,
    extractor: &Extractor,
    params: &NeedsParams,
    centroids: &ndarray::Array2<f32>,
) -> NeedsCluster {
    let mut weights: HashMap<u32, f32> = HashMap::new();
    for &m in members {
        for &(position, weight) in &sparse[m] {
            *weights.entry(position).or_insert(0.0) += weight;
        }
    }
    let mut top: Vec<(u32, f32)> = weights.into_iter().collect();
    top.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    top.truncate(params.top_skills);
    let size = members.len().max(1) as f32;
    let top_skills: Vec<WeightedSkill> = top
        .iter()
        .map(|&(position, weight)| {
            let id = vocabulary.skills[position as usize].clone();
            let label = taxonomy
                .skill(&id)
                .map_or_else(|| id.to_string(), |s| s.label.clone());
            WeightedSkill {
                id,
                label,
                weight: round4(weight / size),
            }
        })
        .collect();
    let mut occupations: HashMap<RomeCode, usize> = HashMap::new();
    for &m in members {
        if let Some(code) = analysed[m].occupation {
            *occupations.entry(code).or_insert(0) += 1;
        }
    }
    let mut rome: Vec<(RomeCode, usize)> = occupations.into_iter().collect();
    rome.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let rome: Vec<RomeShare> = rome
        .into_iter()
        .take(5)
        .map(|(code, n)| RomeShare {
            code,
            label: extractor.occupation_label(&code).unwrap_or_default(),
            share: round4(n as f32 / size),
        })
        .collect();
    let mut label = match rome.first() {
        // Name the need after a métier only when one clearly dominates it.
        Some(first)
            if first.share >= 0.4
                && rome
                    .get(1)
                    .is_none_or(|second| first.share >= 1.5 * second.share) =>
        {
            format!("{} : ", first.label)
        }
        _ => "Compétences : ".to_string(),
    };
    // Technical skills name a need better than transversal ones.
    let technical: Vec<&WeightedSkill> = top_skills
        .iter()
        .filter(|s| {
            taxonomy
                .skill(&s.id)
                .is_none_or(|k| k.kind != crate::taxonomy::SkillKind::Transversal)
        })
        .collect();
    let named: Vec<&WeightedSkill> = if technical.is_empty() {
        top_skills.iter().collect()
    } else {
        technical
    };
    label.push_str(
        &named
            .iter()
            .take(3)
            .map(|s| s.label.as_str())
            .collect::<Vec<_>>()
            .join(", "),
    );
    // Examples: members nearest the centroid come first.
    let mut examples: Vec<usize> = members.to_vec();
    examples.sort_by(|&a, &b| {
        let overlap = |m: usize| -> f32 {
            sparse[m]
                .iter()
                .filter(|(p, _)| top.iter().any(|(t, _)| t == p))
                .map(|(_, w)| w)
                .sum()
        };
        overlap(b)
            .total_cmp(&overlap(a))
            .then(postings[a].id.cmp(&postings[b].id))
    });
    NeedsCluster {
        // Temporary: the index, replaced by the stable id.
        id: index.to_string(),
        label,
        size: members.len(),
        share: 0.0,
        centroid: centroids.row(index).iter().map(|v| round4(*v)).collect(),
        top_skills,
        rome,
        examples: examples
            .into_iter()
            .take(params.examples)
            .map(|m| Example {
                id: postings[m].id.clone(),
                title: postings[m].title.clone(),
            })
            .collect(),
    }
}

/// A training as supply: its need, place and open seats.
struct Supply {
    cluster: Option<String>,
    placement: Option<Placement>,
    seats: u32,
}

/// The centroid most similar (cosine) to a unit row, when similar enough.
fn nearest_centroid(
    row: ndarray::ArrayView1<f32>,
    centroids: &ndarray::Array2<f32>,
    minimum: f32,
) -> Option<usize> {
    let mut best: Option<(usize, f32)> = None;
    for (c, centroid) in centroids.rows().into_iter().enumerate() {
        let norm = centroid.iter().map(|v| v * v).sum::<f32>().sqrt();
        if norm == 0.0 {
            continue;
        }
        let similarity = row.dot(&centroid) / norm;
        if best.is_none_or(|(_, b)| similarity > b) {
            best = Some((c, similarity));
        }
    }
    best.filter(|(_, s)| *s >= minimum).map(|(c, _)| c)
}

#[allow(clippy::too_many_arguments)]
fn indicators(
    geography: &Geography,
    analysed: &[Analysed],
    bags: &[SkillBag],
    supply: &[Supply],
    cluster_of: &[Option<usize>],
    final_id: &HashMap<usize, String>,
    cluster_label: &HashMap<&str, &str>,
    taxonomy: &Taxonomy,
    params: &NeedsParams,
    previous: Option<&NeedsModel>,
) -> Vec<TerritoryNeeds> {
    // Territory → (offers, cluster id → offers, skill → offers).
    type Tally = (usize, BTreeMap<String, usize>, BTreeMap<SkillId, usize>);
    let mut tallies: BTreeMap<TerritoryId, Tally> = BTreeMap::new();
    for (i, posting) in analysed.iter().enumerate() {
        let Ok(placement) = &posting.placement else {
            continue;
        };
        for level in [
            TerritoryLevel::Region,
            TerritoryLevel::Departement,
            TerritoryLevel::Bassin,
        ] {
            let Some(code) = placement.at(level) else {
                continue;
            };
            let tally = tallies
                .entry(TerritoryId {
                    level,
                    code: code.to_string(),
                })
                .or_default();
            tally.0 += 1;
            if let Some(id) = cluster_of[i].and_then(|c| final_id.get(&c)) {
                *tally.1.entry(id.clone()).or_insert(0) += 1;
            }
            let distinct: HashSet<&SkillId> = bags[i].iter().map(|(id, _)| id).collect();
            for skill in distinct {
                *tally.2.entry(skill.clone()).or_insert(0) += 1;
            }
        }
    }
    // Territory → need → (trainings, open seats).
    let mut supplied: BTreeMap<TerritoryId, BTreeMap<String, (usize, u32)>> = BTreeMap::new();
    for training in supply {
        let (Some(cluster), Some(placement)) = (&training.cluster, &training.placement) else {
            continue;
        };
        for level in [
            TerritoryLevel::Region,
            TerritoryLevel::Departement,
            TerritoryLevel::Bassin,
        ] {
            if let Some(code) = placement.at(level) {
                let territory = TerritoryId {
                    level,
                    code: code.to_string(),
                };
                tallies.entry(territory.clone()).or_default();
                let entry = supplied
                    .entry(territory)
                    .or_default()
                    .entry(cluster.clone())
                    .or_insert((0, 0));
                entry.0 += 1;
                entry.1 += training.seats;
            }
        }
    }
    let threshold = params.suppression_threshold;
    tallies
        .into_iter()
        .map(|(territory, (offers, mut clusters, skills))| {
            let before = previous.and_then(|p| p.needs(&territory));
            let territory_supply = supplied.remove(&territory).unwrap_or_default();
            for id in territory_supply.keys() {
                clusters.entry(id.clone()).or_insert(0);
            }
            let cell = |id: String, label: String, count: usize, old: Option<&Cell>| {
                let suppressed = count < threshold;
                Cell {
                    growth: match old {
                        Some(old) if !suppressed && !old.suppressed && old.offers > 0 => Some(
                            round4((count as f32 - old.offers as f32) / old.offers as f32),
                        ),
                        _ => None,
                    },
                    id,
                    label,
                    offers: if suppressed { 0 } else { count },
                    share: if suppressed {
                        0.0
                    } else {
                        round4(count as f32 / offers.max(1) as f32)
                    },
                    suppressed,
                    trainings: 0,
                    seats: 0,
                    tension: None,
                }
            };
            let mut cluster_cells: Vec<Cell> = clusters
                .into_iter()
                .map(|(id, count)| {
                    let label = cluster_label
                        .get(id.as_str())
                        .copied()
                        .unwrap_or("")
                        .to_string();
                    let old = before.and_then(|b| b.clusters.iter().find(|c| c.id == id));
                    let (trainings, seats) = territory_supply.get(&id).copied().unwrap_or((0, 0));
                    let mut need = cell(id, label, count, old);
                    need.trainings = trainings;
                    need.seats = seats;
                    if !need.suppressed {
                        need.tension = Some(round4(count as f32 / (seats as f32 + 1.0)));
                    }
                    need
                })
                .collect();
            cluster_cells.sort_by(|a, b| b.offers.cmp(&a.offers).then(a.id.cmp(&b.id)));
            let mut skill_cells: Vec<Cell> = skills
                .into_iter()
                .map(|(id, count)| {
                    let label = taxonomy
                        .skill(&id)
                        .map_or_else(|| id.to_string(), |s| s.label.clone());
                    let key = id.to_string();
                    let old = before.and_then(|b| b.skills.iter().find(|c| c.id == key));
                    cell(key, label, count, old)
                })
                .collect();
            skill_cells.sort_by(|a, b| b.offers.cmp(&a.offers).then(a.id.cmp(&b.id)));
            // Suppressed skill cells say nothing but their number; keep the model small.
            let skills_suppressed = skill_cells.iter().filter(|c| c.suppressed).count();
            skill_cells.retain(|c| !c.suppressed);
            skill_cells.truncate(MAX_SKILL_CELLS);
            let name = geography.name_of(&territory).unwrap_or_default();
            TerritoryNeeds {
                territory,
                name,
                offers,
                clusters: cluster_cells,
                skills: skill_cells,
                skills_suppressed,
            }
        })
        .collect()
}

/// Every folded content term of every surface of the taxonomy.
fn known_terms(taxonomy: &Taxonomy) -> HashSet<String> {
    taxonomy
        .skills()
        .iter()
        .flat_map(|s| s.surfaces.iter())
        .flat_map(|surface| text::content_terms(&surface.text))
        .collect()
}

/// Acronyms and words of job postings that look technical but are not skills.
const NOT_EMERGING: &[&str] = &[
    "cdi", "cdd", "cse", "rh", "rtt", "bac", "cap", "bep", "bts", "dut", "but", "vae", "cp", "tpe",
    "pme", "eti", "esn", "ssii", "ca", "h/f", "f/h", "smic", "brut", "ttc", "ht", "sas", "sarl",
    "sa", "ce", "pe", "ft", "qvt", "idf", "btob", "btoc", "b2b", "b2c", "vl", "pl", "spl", "caces",
    "cace", "ssiap", "sst", "epi", "haccp", "rgpd", "kpi", "pdf", "mutuelle",
];

/// Technical-looking words of a text that no skill covers ("LangChain", "GraphQL",
/// "S3", "Next.js"): an inner capital, letters mixed with digits, or technical
/// punctuation, outside every match. Postings without digital skills are skipped:
/// their capitals are names of places, diplomas and contracts.
fn unknown_terms(
    text: &str,
    extraction: &crate::extract::Extraction,
    taxonomy: &Taxonomy,
    known: &HashSet<String>,
) -> Vec<String> {
    let digital = extraction
        .skills
        .iter()
        .filter(|m| m.score >= 0.5)
        .filter(|m| {
            taxonomy
                .skill(&m.skill)
                .is_some_and(|s| s.kind != crate::taxonomy::SkillKind::Transversal)
        })
        .count();
    if digital < 2 {
        return Vec::new();
    }
    let covered: Vec<(usize, usize)> = extraction
        .skills
        .iter()
        .filter(|m| m.field == crate::extract::Field::Text)
        .filter_map(|m| m.start.zip(m.end))
        .collect();
    let mut out: Vec<String> = Vec::new();
    for token in text::analyze(text) {
        if token.kind != TokenKind::Word || token.stop || token.norm.len() < 2 {
            continue;
        }
        let surface = &text[token.start..token.end];
        let letters = surface.chars().filter(|c| c.is_alphabetic()).count();
        if letters < 2 {
            continue;
        }
        let digits = surface.chars().filter(char::is_ascii_digit).count();
        let inner_capital = surface
            .chars()
            .zip(surface.chars().skip(1))
            .any(|(a, b)| a.is_lowercase() && b.is_uppercase());
        // "confiance.Notre": two sentences glued, not a term.
        let glued = surface
            .chars()
            .zip(surface.chars().skip(1))
            .zip(surface.chars().skip(2))
            .any(|((a, dot), c)| a.is_lowercase() && dot == '.' && c.is_uppercase());
        let punctuated = surface.contains(['.', '+', '#']) && !glued;
        let acronym = letters >= 3
            && surface
                .chars()
                .all(|c| c.is_uppercase() || c.is_ascii_digit());
        // "35h", "13eme", "2x8": numbers with a unit are not terms.
        let quantity = surface.chars().next().is_some_and(|c| c.is_ascii_digit());
        let technical = !quantity && (inner_capital || punctuated || digits > 0 || acronym);
        let inside = covered
            .iter()
            .any(|&(s, e)| token.start >= s && token.end <= e);
        let term = token.term.as_str();
        if technical
            && !glued
            && !inside
            && !known.contains(term)
            && !NOT_EMERGING.contains(&token.norm.as_str())
        {
            out.push(term.to_string());
        }
    }
    out.sort();
    out.dedup();
    out
}

fn emerging_terms(
    analysed: &[Analysed],
    postings: &[JobPosting],
    min_postings: usize,
) -> Vec<EmergingTerm> {
    let mut by_term: HashMap<&str, Vec<&str>> = HashMap::new();
    for (analysis, posting) in analysed.iter().zip(postings) {
        for term in &analysis.emerging {
            by_term
                .entry(term.as_str())
                .or_default()
                .push(posting.id.as_str());
        }
    }
    by_term.retain(|_, ids| ids.len() >= min_postings);
    // A candidate that the same postings also write in lowercase is an ordinary word
    // in capitals ("PROFIL"): count, for the candidates only, the postings that do.
    let candidates: HashSet<&str> = by_term.keys().copied().collect();
    let ordinary: HashMap<&str, usize> = analysed
        .par_iter()
        .zip(postings)
        .filter(|(a, _)| !a.emerging.is_empty())
        .map(|(_, posting)| {
            let mut seen: HashSet<&str> = HashSet::new();
            for token in text::analyze(&posting.description) {
                let surface = &posting.description[token.start..token.end];
                if token.kind == TokenKind::Word
                    && surface.chars().all(|c| !c.is_uppercase())
                    && let Some(term) = candidates.get(token.term.as_str())
                {
                    seen.insert(term);
                }
            }
            seen
        })
        .fold(HashMap::new, |mut counts, seen| {
            for term in seen {
                *counts.entry(term).or_insert(0usize) += 1;
            }
            counts
        })
        .reduce(HashMap::new, |mut a, b| {
            for (term, n) in b {
                *a.entry(term).or_insert(0) += n;
            }
            a
        });
    let mut terms: Vec<EmergingTerm> = by_term
        .into_iter()
        .filter(|(term, ids)| ordinary.get(term).copied().unwrap_or(0) * 10 < ids.len())
        .map(|(term, ids)| EmergingTerm {
            term: term.to_string(),
            postings: ids.len(),
            examples: ids.iter().take(3).map(|s| s.to_string()).collect(),
        })
        .collect();
    terms.sort_by(|a, b| b.postings.cmp(&a.postings).then(a.term.cmp(&b.term)));
    terms.truncate(100);
    terms
}
