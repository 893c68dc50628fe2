//! Reading an OpenAPI document in tests: `$ref`s followed to their component, and the
//! JSON contracts (200 `application/json` answers and JSON request bodies) of the
//! `/api/v1` routes.

#![allow(dead_code)]

use serde_json::{Map, Value};

/// One JSON contract of a route: its answer or its request body.
pub struct Contract {
    /// `GET /api/v1/skills`.
    pub route: String,
    /// `answer` or `request body`.
    pub part: &'static str,
    /// The schema as written (a `$ref` or inline), if any.
    pub schema: Option<Value>,
}

/// The schema `schema` stands for: itself, or the component its `$ref` names (followed
/// until it is not a `$ref`); `None` for a `$ref` that names nothing.
pub fn resolve<'a>(document: &'a Value, schema: &'a Value) -> Option<&'a Value> {
    let mut current = schema;
    for _ in 0..32 {
        let Some(reference) = current.get("$ref").and_then(Value::as_str) else {
            return Some(current);
        };
        let name = reference.strip_prefix("#/components/schemas/")?;
        current = document.pointer(&format!("/components/schemas/{}", escape(name)))?;
    }
    None
}

/// A name as a JSON pointer token.
fn escape(name: &str) -> String {
    name.replace('~', "~0").replace('/', "~1")
}

/// The properties of an object schema (after `$ref`s), or `None` when it is not an
/// object schema with properties.
pub fn properties<'a>(document: &'a Value, schema: &'a Value) -> Option<&'a Map<String, Value>> {
    let schema = resolve(document, schema)?;
    let is_object = match schema.get("type") {
        Some(Value::String(kind)) => kind == "object",
        Some(Value::Array(kinds)) => kinds.iter().any(|k| k == "object"),
        // An object schema may leave `type` out when it lists properties.
        None => true,
        _ => false,
    };
    let properties = schema.get("properties")?.as_object()?;
    (is_object && !properties.is_empty()).then_some(properties)
}

/// The properties an object schema requires (after `$ref`s).
pub fn required<'a>(document: &'a Value, schema: &'a Value) -> Vec<&'a str> {
    resolve(document, schema)
        .and_then(|s| s.get("required"))
        .and_then(Value::as_array)
        .map(|names| names.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default()
}

/// Every JSON contract of the routes under `/api/v1`: the 200 answer in
/// `application/json` of each operation that has one, and each JSON request body.
pub fn api_contracts(document: &Value) -> Vec<Contract> {
    let mut contracts = Vec::new();
    let Some(paths) = document.get("paths").and_then(Value::as_object) else {
        return contracts;
    };
    for (path, operations) in paths {
        if !path.starts_with("/api/v1/") {
            continue;
        }
        let Some(operations) = operations.as_object() else {
            continue;
        };
        for (method, operation) in operations {
            let route = format!("{} {path}", method.to_uppercase());
            let answer = operation.pointer("/responses/200/content/application~1json");
            if let Some(answer) = answer {
                contracts.push(Contract {
                    route: route.clone(),
                    part: "answer",
                    schema: answer.get("schema").cloned(),
                });
            }
            let body = operation.pointer("/requestBody/content/application~1json");
            if let Some(body) = body {
                contracts.push(Contract {
                    route,
                    part: "request body",
                    schema: body.get("schema").cloned(),
                });
            }
        }
    }
    contracts
}

/// The schema of the 200 `application/json` answer of `GET path` (a path template of
/// the document).
pub fn get_answer_schema<'a>(document: &'a Value, path: &str) -> Option<&'a Value> {
    document
        .get("paths")?
        .get(path)?
        .pointer("/get/responses/200/content/application~1json/schema")
}
