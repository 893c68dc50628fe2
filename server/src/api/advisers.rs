//! Routes for France Travail advisers: extraction, recommendations, trainings, search,
//! and the look-ups that feed the profile form (skills, métiers, communes).

use super::Json;
use axum::extract::State;
use passerelle_engine::{
    DocumentKind, Extraction, Field, LearnerProfile, RomeCode, SearchQuery, SearchResults,
    TerritoryId, fold,
};
use serde::{Deserialize, Serialize};
use utoipa::IntoParams;

use super::answers::{
    CommuneItem, CommunesAnswer, ExtractAnswer, ExtractedOccupation, ExtractedSkill,
    OccupationsAnswer, RecommendationsAnswer, SkillsAnswer, Sorted, TrainingAnswer,
    TrainingsAnswer,
};

use super::error::{ApiError, ApiJson, ApiPath, ApiQuery};
use super::state::AppState;
use super::{JsonBytes, blocking, check_id, engine_json, limit};

/// Longest text `/extract` accepts.
const MAX_EXTRACT_BYTES: usize = passerelle_engine::MAX_TEXT_BYTES;
/// Most mentions an `/extract` answer lists per field (title, text), best first: a text
/// made of nothing but skill names answers a bounded document, with `truncated: true`.
pub const MAX_MENTIONS_PER_FIELD: usize = 1000;
/// Largest catalogue ranked on the async worker rather than the blocking pool.
const INLINE_MAX_TRAININGS: usize = 500;
/// Most skills a profile ranked on the async worker may name (each name that is not a
/// label is extracted).
const INLINE_MAX_NAMED_SKILLS: usize = 30;
/// Longest CV ranked on the async worker: a few lines of experience are extracted in
/// tens of microseconds, less than a trip through the blocking pool costs under load.
const INLINE_MAX_CV_BYTES: usize = 1024;

#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ExtractRequest {
    /// Optional title (a posting's `intitule`).
    #[serde(default)]
    pub title: String,
    pub text: String,
}

/// Text → skills (every occurrence with its byte span, score, exigé/souhaité) and
/// occupations. At most 1,000 mentions per field are listed, best first; `truncated`
/// says when some were left out.
#[utoipa::path(post, path = "/api/v1/extract", request_body = ExtractRequest,
    responses((status = 200, description = "Skills and occupations", body = ExtractAnswer),
              (status = 422, description = "Invalid input", body = super::error::ErrorBody)))]
pub async fn extract(
    State(state): State<AppState>,
    ApiJson(request): ApiJson<ExtractRequest>,
) -> Result<JsonBytes, ApiError> {
    if request.text.trim().is_empty() && request.title.trim().is_empty() {
        return Err(ApiError::invalid("text", "Le texte est vide."));
    }
    if request.text.len() + request.title.len() > MAX_EXTRACT_BYTES {
        return Err(ApiError::invalid(
            "text",
            "Texte trop long (1 Mio au plus).",
        ));
    }
    let snapshot = state.current();
    // Extraction costs grow with the text and the taxonomy (a 2 KB posting takes
    // ~120 µs with the built-in lexicon, ~750 µs with the ROME): always off the workers.
    engine_json(false, move |clock| {
        let extraction = snapshot
            .ranker
            .extractor()
            .extract(&request.title, &request.text);
        clock.json(Extracted(extraction))
    })
    .await
}

/// An extraction written as the `/extract` answer ([`ExtractAnswer`]): at most
/// [`MAX_MENTIONS_PER_FIELD`] mentions per field, without building a `Value` tree for
/// every mention.
struct Extracted(Extraction);

impl Serialize for Extracted {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let (mut in_title, mut in_text) = (0usize, 0usize);
        let mut truncated = false;
        let kept = self.0.skills.iter().filter(|m| {
            let seen = match m.field {
                Field::Title => &mut in_title,
                Field::Text => &mut in_text,
            };
            *seen += 1;
            truncated |= *seen > MAX_MENTIONS_PER_FIELD;
            *seen <= MAX_MENTIONS_PER_FIELD
        });
        let skills = kept
            .map(|m| ExtractedSkill {
                end: m.end,
                field: m.field,
                id: &m.skill,
                label: &m.label,
                required: m.required,
                score: m.score.into(),
                source: m.source,
                start: m.start,
            })
            .collect();
        ExtractAnswer {
            skills,
            truncated,
            occupations: (self.0.occupations.iter())
                .map(|o| ExtractedOccupation {
                    code: o.code,
                    label: &o.label,
                    score: o.score.into(),
                })
                .collect(),
        }
        .serialize(serializer)
    }
}

/// Learner profile → ranked trainings with score details and reasons. The profile is
/// personal data: it is neither logged nor stored.
///
/// Eligibility (schemas `ProfileEligibility`, `Situation`, `TrainingEligibility`): the
/// profile's `situation` and `funding` filter; each recommendation carries `publics`,
/// `reserved_to`, `funding`, `accessible_rqth`, `disability_contact` and
/// `details.public_fit`; `excluded` counts `reserved_public`, `not_accessible` and
/// `funding` with the other filters.
#[utoipa::path(post, path = "/api/v1/recommendations", request_body = LearnerProfile,
    responses((status = 200, description = "Ranked trainings", body = RecommendationsAnswer),
              (status = 404, description = "Unknown ROME code, job title or commune", body = super::error::ErrorBody),
              (status = 422, description = "Invalid profile", body = super::error::ErrorBody)))]
pub async fn recommendations(
    State(state): State<AppState>,
    ApiJson(profile): ApiJson<LearnerProfile>,
) -> Result<JsonBytes, ApiError> {
    let snapshot = state.current();
    let today = state.today();
    // Ranking a small catalogue for a profile with a few named skills and at most a
    // short CV takes about 100 µs (at most ~300 µs for 500 trainings); longer CVs are
    // extracted and large catalogues ranked on the blocking pool.
    let inline = snapshot.ranker.len() <= INLINE_MAX_TRAININGS
        && (profile.cv_text.as_deref()).is_none_or(|cv| cv.len() <= INLINE_MAX_CV_BYTES)
        && profile.skills.len()
            + (profile.target.as_ref())
                .and_then(|t| t.skills.as_ref())
                .map_or(0, Vec::len)
            <= INLINE_MAX_NAMED_SKILLS;
    engine_json(inline, move |clock| {
        let result = snapshot.ranker.recommend(&profile, &today)?;
        clock.json(RecommendationsAnswer::new(result, snapshot.model_version()))
    })
    .await
}

/// A result with the version of the model it was computed on, serialised directly.
#[derive(Debug, serde::Serialize)]
pub struct Versioned<T> {
    #[serde(flatten)]
    pub result: T,
    pub model_version: String,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct TrainingsQuery {
    /// Words of the title, provider or city.
    pub q: Option<String>,
    /// `region:84`, `departement:69` or `bassin:CODE`.
    pub territory: Option<String>,
    /// Trainings listed, 1 to 500 (default 50).
    pub limit: Option<usize>,
}

/// The catalogue, filtered by words and territory.
#[utoipa::path(get, path = "/api/v1/trainings", params(TrainingsQuery),
    responses((status = 200, description = "Trainings", body = TrainingsAnswer)))]
pub async fn trainings(
    State(state): State<AppState>,
    ApiQuery(query): ApiQuery<TrainingsQuery>,
) -> Result<Json<TrainingsAnswer>, ApiError> {
    let territory = (query.territory.as_deref())
        .map(|t| TerritoryId::parse_field("territory", t))
        .transpose()?;
    let limit = limit(query.limit, 50, 500)?;
    let snapshot = state.current();
    // A scan of the whole catalogue: off the async workers.
    blocking(move || {
        let trainings = snapshot.ranker.find_trainings(
            query.q.as_deref().unwrap_or(""),
            territory.as_ref(),
            limit,
        )?;
        Ok(Json(TrainingsAnswer { trainings }))
    })
    .await
}

/// One training with the skills found in its curriculum (spans into `text`).
#[utoipa::path(get, path = "/api/v1/trainings/{id}", params(("id" = String, Path, description = "Training id")),
    responses((status = 200, description = "The training", body = TrainingAnswer),
              (status = 404, description = "Unknown training", body = super::error::ErrorBody)))]
pub async fn training(
    State(state): State<AppState>,
    ApiPath(id): ApiPath<String>,
) -> Result<Json<TrainingAnswer>, ApiError> {
    check_id("id", &id)?;
    let snapshot = state.current();
    let training = snapshot.ranker.training(&id)?;
    let (text, skills) = snapshot.ranker.training_skills(&id)?;
    Ok(Json(TrainingAnswer {
        skills: Sorted::of(&skills)?,
        text: text.to_string(),
        training: Sorted::of(training)?,
    }))
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct SearchParams {
    /// Words; tantivy query syntax is not interpreted.
    pub q: Option<String>,
    pub territory: Option<String>,
    pub rome: Option<String>,
    /// `training` or `posting`.
    pub kind: Option<String>,
    /// Hits listed, 1 to 100 (default 20).
    pub limit: Option<usize>,
}

/// Full-text search of trainings and postings with filters and highlighted snippets.
#[utoipa::path(get, path = "/api/v1/search", params(SearchParams),
    responses((status = 200, description = "Hits", body = SearchResults),
              (status = 422, description = "Invalid filter", body = super::error::ErrorBody)))]
pub async fn search(
    State(state): State<AppState>,
    ApiQuery(params): ApiQuery<SearchParams>,
) -> Result<Json<Sorted>, ApiError> {
    let text = params.q.unwrap_or_default();
    if text.len() > 1000 {
        return Err(ApiError::invalid("q", "Requête trop longue."));
    }
    let territory = (params.territory.as_deref())
        .map(|t| TerritoryId::parse_field("territory", t))
        .transpose()?;
    let rome = params
        .rome
        .as_deref()
        .map(|r| {
            RomeCode::parse(r)
                .map_err(|_| ApiError::invalid("rome", format!("« {r} » n'est pas un code ROME.")))
        })
        .transpose()?;
    let kind = match params.kind.as_deref() {
        None => None,
        Some("training") => Some(DocumentKind::Training),
        Some("posting") => Some(DocumentKind::Posting),
        Some(_) => return Err(ApiError::invalid("kind", "Attendu : training ou posting.")),
    };
    let snapshot = state.current();
    if let Some(territory) = &territory {
        snapshot.ranker.territory(territory)?;
    }
    let limit = limit(params.limit, 20, 100)?;
    blocking(move || {
        let results = snapshot.index.search(&SearchQuery {
            text,
            territory,
            rome,
            kind,
            limit,
            ..SearchQuery::default()
        })?;
        Ok(Json(Sorted::of(&results)?))
    })
    .await
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct LookupQuery {
    pub q: Option<String>,
    /// Answers listed, 1 to 50 (default 10).
    pub limit: Option<usize>,
}

/// Taxonomy look-up: skills whose label or variant matches, with synonyms and the
/// skills postings ask for together with them.
#[utoipa::path(get, path = "/api/v1/skills", params(LookupQuery),
    responses((status = 200, description = "Skills", body = SkillsAnswer)))]
pub async fn skills(
    State(state): State<AppState>,
    ApiQuery(query): ApiQuery<LookupQuery>,
) -> Result<Json<SkillsAnswer>, ApiError> {
    let (q, limit) = lookup(query)?;
    let snapshot = state.current();
    // A scan of the taxonomy (thousands of skills with the ROME): off the async workers.
    blocking(move || {
        let skills = snapshot.ranker.find_skills(&q, limit);
        Ok(Json(SkillsAnswer { skills }))
    })
    .await
}

/// A look-up's words (at least one character) and its limit.
fn lookup(query: LookupQuery) -> Result<(String, usize), ApiError> {
    let q = query.q.unwrap_or_default();
    if fold(q.trim()).is_empty() {
        return Err(ApiError::invalid("q", "Saisissez au moins un caractère."));
    }
    Ok((q, limit(query.limit, 10, 50)?))
}

/// Métiers by appellation (job title), for the target field.
#[utoipa::path(get, path = "/api/v1/occupations", params(LookupQuery),
    responses((status = 200, description = "Métiers", body = OccupationsAnswer)))]
pub async fn occupations(
    State(state): State<AppState>,
    ApiQuery(query): ApiQuery<LookupQuery>,
) -> Result<Json<OccupationsAnswer>, ApiError> {
    let (q, limit) = lookup(query)?;
    let snapshot = state.current();
    // A scan of the référentiel's titles: off the async workers.
    blocking(move || {
        let occupations = snapshot.ranker.find_titles(&q, limit);
        Ok(Json(OccupationsAnswer { occupations }))
    })
    .await
}

/// Communes by name, INSEE code or postcode, for the location field.
#[utoipa::path(get, path = "/api/v1/communes", params(LookupQuery),
    responses((status = 200, description = "Communes", body = CommunesAnswer)))]
pub async fn communes(
    State(state): State<AppState>,
    ApiQuery(query): ApiQuery<LookupQuery>,
) -> Result<Json<CommunesAnswer>, ApiError> {
    let q = query.q.unwrap_or_default();
    if q.trim().is_empty() {
        return Err(ApiError::invalid("q", "Saisissez au moins un caractère."));
    }
    let limit = limit(query.limit, 10, 50)?;
    let snapshot = state.current();
    let communes: Vec<CommuneItem> = snapshot
        .ranker
        .geography()
        .search_communes(&q, limit)
        .into_iter()
        .map(|c| CommuneItem {
            code: c.code.clone(),
            departement: c.departement.clone(),
            lat: c.centroid.map(|p| p.0),
            lon: c.centroid.map(|p| p.1),
            name: c.name.clone(),
            postcode: c.postcodes.first().cloned(),
            region: c.region.clone(),
        })
        .collect();
    Ok(Json(CommunesAnswer { communes }))
}
