//! Typed answers of the `/api/v1` JSON routes, so that the OpenAPI document lists the
//! fields of every answer.
//!
//! Most of these answers were first built as `serde_json::Value`, whose objects list
//! their keys in alphabetical order (the workspace does not enable serde_json's
//! `preserve_order`), while a struct writes its fields in declaration order. To keep the
//! answers the same byte for byte, the fields below are declared in alphabetical order,
//! and the engine types such an answer nests, declared in another order, are written
//! through [`Sorted`] as they were.

use passerelle_engine::{
    Cell, CvSkill, Departement, EmergingTerm, Example, Field, InseeCode, LearnerSummary,
    MentionSource, NeedInRegion, PublicSeats, Recommendation, Recommendations, Region, RomeCode,
    RomeShare, SkillId, SkillMatch, TerritoryRef, TitleMatch, Training, TrainingMatch,
    UncoveredNeed, WeightedSkill,
};
use serde::Serialize;
use utoipa::ToSchema;

use super::error::ApiError;

/// A value written as the `serde_json::Value` it converts to: object keys in
/// alphabetical order at every depth, as the answers built as a `Value` wrote them.
///
/// Fields of this type name the type they hold with `#[schema(value_type = …)]`.
#[derive(Debug, Clone)]
pub struct Sorted(serde_json::Value);

impl Sorted {
    /// `value` converted (its keys sorted).
    pub fn of<T: Serialize + ?Sized>(value: &T) -> Result<Sorted, ApiError> {
        serde_json::to_value(value)
            .map(Sorted)
            .map_err(ApiError::internal)
    }
}

impl Serialize for Sorted {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(serializer)
    }
}

/// Skills and métiers found in a text (`/extract`). Keys are in alphabetical order and
/// scores widened to `f64`, as the `Value` it was first built as wrote them.
#[derive(Debug, Serialize, ToSchema)]
pub struct ExtractAnswer<'a> {
    /// Candidate métiers, most probable first.
    pub occupations: Vec<ExtractedOccupation<'a>>,
    /// Every mention, highest score first, at most 1,000 per field (title, text).
    pub skills: Vec<ExtractedSkill<'a>>,
    /// Mentions were left out past 1,000 in a field.
    pub truncated: bool,
}

/// A candidate métier of an extraction.
#[derive(Debug, Serialize, ToSchema)]
pub struct ExtractedOccupation<'a> {
    pub code: RomeCode,
    pub label: &'a str,
    /// Probability in [0, 1].
    pub score: f64,
}

/// One occurrence of a skill in the text.
#[derive(Debug, Serialize, ToSchema)]
pub struct ExtractedSkill<'a> {
    /// End of the byte span in the field's text; null for an inferred skill.
    pub end: Option<usize>,
    pub field: Field,
    pub id: &'a SkillId,
    pub label: &'a str,
    /// True exigé, false souhaité, null when the text does not say.
    pub required: Option<bool>,
    /// Confidence in [0, 1].
    pub score: f64,
    pub source: MentionSource,
    /// Start of the byte span in the field's text; null for an inferred skill.
    pub start: Option<usize>,
}

/// Ranked trainings for a learner (`/recommendations`), in the order the engine's
/// `Recommendations` writes its fields, then the model version.
#[derive(Debug, Serialize, ToSchema)]
pub struct RecommendationsAnswer<'a> {
    pub trainings: Vec<Recommendation<'a>>,
    /// Trainings excluded by each hard filter, by reason code.
    pub excluded: std::collections::BTreeMap<String, usize>,
    /// Why the list is empty or short, in French, when it is.
    pub notices: Vec<String>,
    /// What the ranking understood of the profile.
    pub learner: LearnerSummary,
    /// `<built_at>#<version>` of the model the ranking was computed on.
    pub model_version: String,
}

impl<'a> RecommendationsAnswer<'a> {
    pub fn new(result: Recommendations<'a>, model_version: String) -> RecommendationsAnswer<'a> {
        let Recommendations {
            trainings,
            excluded,
            notices,
            learner,
        } = result;
        RecommendationsAnswer {
            trainings,
            excluded,
            notices,
            learner,
            model_version,
        }
    }
}

/// Catalogue trainings matching the words and territory (`/trainings`).
#[derive(Debug, Serialize, ToSchema)]
pub struct TrainingsAnswer {
    pub trainings: Vec<TrainingMatch>,
}

/// One training with the skills of its curriculum (`/trainings/{id}`).
#[derive(Debug, Serialize, ToSchema)]
pub struct TrainingAnswer {
    /// Skills found in the curriculum, with byte spans into `text`.
    #[schema(value_type = Vec<CvSkill>)]
    pub skills: Sorted,
    /// The curriculum as one text.
    pub text: String,
    #[schema(value_type = Training)]
    pub training: Sorted,
}

/// Skills of the taxonomy matching a look-up (`/skills`).
#[derive(Debug, Serialize, ToSchema)]
pub struct SkillsAnswer {
    pub skills: Vec<SkillMatch>,
}

/// Métiers whose title matches a look-up (`/occupations`).
#[derive(Debug, Serialize, ToSchema)]
pub struct OccupationsAnswer {
    pub occupations: Vec<TitleMatch>,
}

/// Communes matching a look-up (`/communes`).
#[derive(Debug, Serialize, ToSchema)]
pub struct CommunesAnswer {
    pub communes: Vec<CommuneItem>,
}

/// A commune with its first postcode and centre.
#[derive(Debug, Serialize, ToSchema)]
pub struct CommuneItem {
    pub code: InseeCode,
    pub departement: String,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub name: String,
    pub postcode: Option<String>,
    pub region: String,
}

/// The needs clusters and the model they come from (`/clusters`).
#[derive(Debug, Serialize, ToSchema)]
pub struct ClustersAnswer {
    pub clusters: Vec<ClusterItem>,
    pub model: ModelItem,
}

/// The served model.
#[derive(Debug, Serialize, ToSchema)]
pub struct ModelItem {
    pub built_at: String,
    /// Offers the model was built from.
    pub postings: usize,
    pub taxonomy: String,
    /// `<built_at>#<version>`.
    pub version: String,
}

/// A need of the reference map of digital jobs.
#[derive(Debug, Serialize, ToSchema)]
pub struct ClusterItem {
    /// Example postings.
    pub examples: Vec<Example>,
    /// Relative change of offers over the régions since the last refresh, weighted by
    /// offers; null when unknown.
    pub growth: Option<f32>,
    pub id: String,
    pub label: String,
    pub rome: Vec<RomeShare>,
    /// Share of the clustered postings.
    pub share: f32,
    pub size: usize,
    /// The need in each région that has it (`/clusters/{id}` only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub territories: Option<Vec<NeedInRegion>>,
    pub top_skills: Vec<WeightedSkill>,
}

/// Frequent terms of recent postings that the taxonomy lacks (`/emerging`).
#[derive(Debug, Serialize, ToSchema)]
pub struct EmergingAnswer {
    #[schema(value_type = Vec<EmergingTerm>)]
    pub emerging: Sorted,
}

/// Régions and départements with their tile-grid positions (`/geography`).
#[derive(Debug, Serialize, ToSchema)]
pub struct GeographyAnswer {
    #[schema(value_type = Vec<Departement>)]
    pub departements: Sorted,
    /// Whether GeoJSON outlines of both levels were given at start.
    pub outlines: bool,
    #[schema(value_type = Vec<Region>)]
    pub regions: Sorted,
}

/// GeoJSON outlines of a level, passed on as read (`/geography/{file}`): those given
/// at start with `--geojson` may carry other members.
#[derive(Debug, ToSchema)]
#[allow(dead_code)]
pub struct OutlineCollection {
    /// The source and licence of the outlines, when they carry one (the shipped ones
    /// do).
    pub attribution: Option<String>,
    pub features: Vec<OutlineFeature>,
    /// `FeatureCollection`.
    #[schema(rename = "type")]
    pub kind: String,
}

/// The outline of one territory.
#[derive(Debug, ToSchema)]
#[allow(dead_code)]
pub struct OutlineFeature {
    /// A GeoJSON geometry (`Polygon` or `MultiPolygon`).
    #[schema(value_type = Object)]
    pub geometry: serde_json::Value,
    pub properties: OutlineProperties,
    /// `Feature`.
    #[schema(rename = "type")]
    pub kind: String,
}

/// What names the territory of an outline.
#[derive(Debug, ToSchema)]
#[allow(dead_code)]
pub struct OutlineProperties {
    /// The région or département code.
    pub code: String,
    /// Its name.
    pub nom: String,
}

/// A territory's needs, skills in demand, supply and uncovered needs
/// (`/territories/{level}/{code}/needs`).
#[derive(Debug, Serialize, ToSchema)]
pub struct TerritoryNeedsAnswer {
    /// The needs with offers, supply and tension; null when the territory has no
    /// published indicators.
    #[schema(value_type = Option<Vec<Cell>>)]
    pub clusters: SortedCells,
    pub model_version: String,
    pub offers: usize,
    /// Open seats for each priority public.
    #[schema(value_type = Vec<PublicSeats>)]
    pub publics: SortedPublics,
    /// Open seats of the territory's trainings.
    pub seats: u32,
    /// Published skill cells, most offers first; null as `clusters`.
    #[schema(value_type = Option<Vec<Cell>>)]
    pub skills: SortedCells,
    /// Skills whose cells are suppressed.
    pub skills_suppressed: usize,
    #[schema(value_type = TerritoryRef)]
    pub territory: SortedTerritory,
    /// Needs no training of the territory answers.
    pub uncovered: Vec<UncoveredNeed>,
}

// The territory needs answer is asked for on every map click: its cells are written as
// `Sorted` would write them (keys in alphabetical order, floats widened to `f64` and
// null when not finite), without building a `Value` tree first.

/// Needs or skill cells, written as [`Sorted`] writes them.
#[derive(Debug)]
pub struct SortedCells(pub Option<Vec<Cell>>);

/// Open seats per public, written as [`Sorted`] writes them.
#[derive(Debug)]
pub struct SortedPublics(pub Vec<PublicSeats>);

/// A territory, written as [`Sorted`] writes it.
#[derive(Debug)]
pub struct SortedTerritory(pub TerritoryRef);

/// A float as a `Value` holds it.
fn widened(value: f32) -> Option<f64> {
    Some(f64::from(value)).filter(|v| v.is_finite())
}

impl Serialize for SortedCells {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct CellKeys<'a> {
            growth: Option<f64>,
            id: &'a str,
            label: &'a str,
            offers: usize,
            seats: u32,
            share: Option<f64>,
            suppressed: bool,
            tension: Option<f64>,
            trainings: usize,
        }
        let Some(cells) = &self.0 else {
            return serializer.serialize_none();
        };
        serializer.collect_seq(cells.iter().map(|cell| CellKeys {
            growth: cell.growth.and_then(widened),
            id: &cell.id,
            label: &cell.label,
            offers: cell.offers,
            seats: cell.seats,
            share: widened(cell.share),
            suppressed: cell.suppressed,
            tension: cell.tension.and_then(widened),
            trainings: cell.trainings,
        }))
    }
}

impl Serialize for SortedPublics {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct PublicKeys<'a> {
            label: &'a str,
            open_seats: u32,
            priority_seats: u32,
            public: passerelle_engine::Public,
            reserved_seats: u32,
            trainings: usize,
        }
        serializer.collect_seq(self.0.iter().map(|seats| PublicKeys {
            label: seats.label,
            open_seats: seats.open_seats,
            priority_seats: seats.priority_seats,
            public: seats.public,
            reserved_seats: seats.reserved_seats,
            trainings: seats.trainings,
        }))
    }
}

impl Serialize for SortedTerritory {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct TerritoryKeys<'a> {
            code: &'a str,
            id: &'a str,
            level: passerelle_engine::TerritoryLevel,
            name: &'a str,
        }
        let territory = &self.0;
        TerritoryKeys {
            code: &territory.code,
            id: &territory.id,
            level: territory.level,
            name: &territory.name,
        }
        .serialize(serializer)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorted_orders_keys_like_a_value() {
        #[derive(Serialize)]
        struct Unordered {
            zeta: u8,
            alpha: Option<f32>,
        }
        let sorted = Sorted::of(&Unordered {
            zeta: 1,
            alpha: None,
        })
        .unwrap();
        assert_eq!(
            crate::json::to_vec(&sorted).unwrap(),
            br#"{"alpha":null,"zeta":1}"#
        );
    }

    #[test]
    fn the_territory_needs_parts_are_written_as_sorted_writes_them() {
        use passerelle_engine::{Public, TerritoryLevel};
        let cell = |id: &str, share: f32, growth: Option<f32>, tension: Option<f32>| Cell {
            id: id.into(),
            label: format!("Libellé « {id} »"),
            offers: 17,
            share,
            suppressed: share == 0.0,
            growth,
            trainings: 3,
            seats: 24,
            tension,
        };
        let cells = vec![
            cell("c1", 0.1, Some(-0.25), Some(0.68)),
            cell("c2", 1.0 / 3.0, None, None),
            cell("c3", 0.0, Some(f32::INFINITY), Some(f32::NAN)),
        ];
        let same = |typed: Vec<u8>, value: Sorted| {
            let value = crate::json::to_vec(&value).unwrap();
            assert_eq!(String::from_utf8(typed), String::from_utf8(value));
        };
        fn typed(value: &impl Serialize) -> Vec<u8> {
            crate::json::to_vec(value).unwrap()
        }
        same(
            typed(&SortedCells(Some(cells.clone()))),
            Sorted::of(&Some(&cells)).unwrap(),
        );
        same(
            typed(&SortedCells(None)),
            Sorted::of(&None::<Vec<Cell>>).unwrap(),
        );
        let publics: Vec<PublicSeats> = (Public::PRIORITY.into_iter().enumerate())
            .map(|(at, public)| PublicSeats {
                public,
                label: "public",
                trainings: at,
                open_seats: 10 * at as u32,
                priority_seats: 2 * at as u32,
                reserved_seats: at as u32,
            })
            .collect();
        same(
            typed(&SortedPublics(publics.clone())),
            Sorted::of(&publics).unwrap(),
        );
        let territory = TerritoryRef {
            id: "region:84".into(),
            level: TerritoryLevel::Region,
            code: "84".into(),
            name: "Auvergne-Rhône-Alpes".into(),
        };
        same(
            typed(&SortedTerritory(territory.clone())),
            Sorted::of(&territory).unwrap(),
        );
    }
}
