//! Passerelle's engine: French skills extraction and ROME/ESCO linking for the
//! digital-jobs trainings of the Grande École du Numérique.
//!
//! Data flows corpus → text → extract → vectors → cluster/territory → rank. The [`Engine`] facade is what the server and the command line call.
//!
//! ```
//! use passerelle_engine::{Engine, EngineConfig};
//!
//! let engine = Engine::open(&EngineConfig::builtin()).unwrap();
//! let extraction = engine.extract("Développeur web (H/F)", "Vous maîtrisez JavaScript et React.");
//! let labels: Vec<&str> = extraction.skills.iter().map(|m| m.label.as_str()).collect();
//! assert!(labels.contains(&"JavaScript"));
//! ```

mod artifacts;
mod cluster;
mod corpus;
mod engine;
mod error;
mod eval;
mod extract;
mod history;
mod index;
mod model;
mod needs;
#[cfg(feature = "openapi")]
mod openapi;
mod outlines;
mod rank;
mod refresh;
mod spreadsheet;
mod taxonomy;
mod territory;
mod text;
mod vectors;

pub use artifacts::{
    BuildFolder, LAYOUT_VERSION, LoadedVersion, StagedVersion, VersionReport, demo_model,
    load_model, save_model,
};
pub use cluster::{
    ClusterIdentity, ClusterParams, Partition, RefreshReport, ValidClusterParams, agreement,
    partition, silhouette,
};
pub use corpus::{
    Batch, BatchReport, LheoEligibility, Line, Lines, OfferStore, Rejected, SAVOIRS_FAMILY,
    STATE_FILE, UpsertCounts, builtin_geography, builtin_lexicon, compact_savoirs, demo_catalogue,
    parse_catalogue, parse_lheo, parse_lheo_with_eligibility, parse_line, parse_postings,
    read_esco, read_geography, read_lheo, read_offer_records, read_postings, read_rome,
    read_trainings, record_id, write_atomic,
};
pub use engine::{Engine, EngineConfig};
pub use error::{CodeKind, Error, Invalid, NotFoundKind, Result, Unit};
pub use eval::{
    CertificationsReport, ClassificationReport, ClusterAgreement, ClustersReport, EvalOptions,
    ExtractionReport, KindRecall, LabelPart, ListedCounts, ListedScores, MobilityReport,
    MobilityScores, RequiredLabel, RequiredReport, RequiredScores, SpanKind, SpanLabel, SpanReport,
    SpanScores, evaluate_certifications, evaluate_classification, evaluate_clusters,
    evaluate_extraction, evaluate_mobility, evaluate_required, evaluate_spans, mobility_pairs,
    parse_required_labels, parse_span_labels, sample_pairs,
};
pub use extract::{
    AdaptParams, ClassifierParams, ExtractParams, Extraction, Extractor, Field, LearnParams,
    LearnReport, Learned, LinkingParams, MentionSource, OccupationCandidate, Posteriors,
    SkillMention, SoftmaxParams,
};
pub use history::{History, HistoryCell, HistoryEntry, HistoryPoint, Indicator, Series};
pub use index::{
    DocumentIndex, DocumentKind, IndexDocument, SearchHit, SearchQuery, SearchResults,
};
pub use model::{
    Certification, Curriculum, CurriculumModule, Funding, GenLabel, InseeCode, JobPosting,
    LabelledSkill, ListedRequirement, MAX_TEXT_BYTES, Modality, PostingLocation, Public,
    Requirement, RomeCode, Session, SkillId, Training, TrainingLocation, check_date,
};
pub use needs::{
    Cell, EmergingTerm, Example, FORMAT_VERSION, NeedInRegion, NeedsBuild, NeedsCluster,
    NeedsCounts, NeedsModel, NeedsParams, OLDEST_FORMAT, OccupationDemand, PostingAnalysis,
    RomeShare, TerritoryNeeds, WeightedSkill,
};
pub use outlines::{OUTLINES_ATTRIBUTION, OutlineParams, simplify_outlines};
pub use rank::{
    Alignment, AnsweredNeed, CoverageReport, CoverageRequest, CoveredSkill, CvSkill, Evidence,
    Exclusion, IndicatorMap, IndicatorValue, LabelCriterion, LabelReadiness, Learner,
    LearnerLocation, LearnerProfile, LearnerSummary, MapFeature, MapFeatures, MapIndicator,
    MapProperties, MapQuery, MissingSkill, NearCluster, NextSession, PublicSeats, PublicSupply,
    RankParams, RankWeights, Ranker, Recommendation, Recommendations, RelatedSkillRef,
    ResolvedLocation, ResolvedTarget, ScoreDetails, SimilarTraining, Situation, SkillList,
    SkillMatch, SkillRef, Supply, Target, TargetOccupation, TargetSummary, TerritoryRanking,
    TerritoryRef, TerritoryReport, TerritoryTraining, TerritoryWide, TitleMatch, TrainingMatch,
    UncoveredNeed, ValidRankParams, is_open_to,
};
pub use refresh::{CorpusUpdate, VersionInput, update_corpus};
pub use taxonomy::{
    Occupation, OccupationSkill, Skill, SkillKind, Surface, Taxonomy, TaxonomySpec,
};
pub use territory::{
    Commune, Departement, EmploymentArea, Geography, Placement, Region, Resolution, TerritoryId,
    TerritoryLevel, Unplaced,
};
pub use text::{
    FrenchTokenizer, TANTIVY_ANALYZER, Token, TokenKind, analyze, fold, tantivy_analyzer,
    word_bounds,
};
pub use vectors::{Projection, RelatedSkill, SkillBag, SkillVocabulary, VectorParams, skill_bag};
