//! OpenAPI schemas (feature `openapi`) of the engine's codes that serialise as plain
//! strings: a ROME code, an INSEE commune code and a skill id. The engine's other
//! answer and request types derive `utoipa::ToSchema` under the same feature.

use std::borrow::Cow;

use utoipa::openapi::RefOr;
use utoipa::openapi::schema::{ObjectBuilder, Schema, Type};
use utoipa::{PartialSchema, ToSchema};

use crate::model::{InseeCode, RomeCode, SkillId};

/// A string schema with a description, a pattern and an example.
fn text(description: &str, pattern: &str, example: &str) -> RefOr<Schema> {
    RefOr::T(Schema::Object(
        ObjectBuilder::new()
            .schema_type(Type::String)
            .description(Some(description))
            .pattern(Some(pattern))
            .examples([serde_json::Value::from(example)])
            .build(),
    ))
}

impl PartialSchema for RomeCode {
    fn schema() -> RefOr<Schema> {
        text(
            "A ROME 4.0 métier code: one capital letter and four digits.",
            "^[A-Z][0-9]{4}$",
            "M1805",
        )
    }
}

impl ToSchema for RomeCode {
    fn name() -> Cow<'static, str> {
        Cow::Borrowed("RomeCode")
    }
}

impl PartialSchema for InseeCode {
    fn schema() -> RefOr<Schema> {
        text(
            "An INSEE commune code (code officiel géographique).",
            "^([0-9]{5}|2[AB][0-9]{3})$",
            "69123",
        )
    }
}

impl ToSchema for InseeCode {
    fn name() -> Cow<'static, str> {
        Cow::Borrowed("InseeCode")
    }
}

impl PartialSchema for SkillId {
    fn schema() -> RefOr<Schema> {
        text(
            "A skill id namespaced by its taxonomy: `rome:<code_ogr>`, `esco:<uri>` or \
             `passerelle:<slug>`.",
            "^(rome|esco|passerelle):.+$",
            "passerelle:python",
        )
    }
}

impl ToSchema for SkillId {
    fn name() -> Cow<'static, str> {
        Cow::Borrowed("SkillId")
    }
}
