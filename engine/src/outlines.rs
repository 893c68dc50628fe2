//! Simplified outlines of territories for the map: each ring of a GeoJSON
//! `FeatureCollection` is simplified (Douglas–Peucker) and its coordinates rounded, so
//! that the outlines of every région and département, overseas included, are small
//! enough to ship with the server. Only each feature's `code` and `nom` are kept; the
//! collection carries the attribution its source asks for.

use serde_json::{Map, Value, json};

use crate::error::Invalid;
use crate::{Error, Result};

/// The attribution the shipped outlines carry (Licence Ouverte asks for the source).
pub const OUTLINES_ATTRIBUTION: &str =
    "Contours : IGN, Admin Express (simplifiés par Passerelle), Licence Ouverte / Etalab 2.0";

/// How outlines are simplified.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct OutlineParams {
    /// Largest distance, in degrees, between a removed point and the simplified line.
    pub tolerance: f64,
    /// Decimals kept in each coordinate.
    pub decimals: i32,
}

impl Default for OutlineParams {
    /// 0.004° (about 300 m, well under a pixel of a 620-pixel map of mainland France,
    /// still under two pixels of an overseas inset) and 3 decimals (about 80 m).
    fn default() -> OutlineParams {
        OutlineParams {
            tolerance: 0.004,
            decimals: 3,
        }
    }
}

/// The simplified copy of `collection`, with `attribution` as a member of the
/// collection. A ring that simplifies to fewer than four points is dropped unless it is
/// the feature's largest; a feature without code or polygon is an error naming it.
pub fn simplify_outlines(
    collection: &Value,
    params: OutlineParams,
    attribution: &str,
) -> Result<Value> {
    let features = collection
        .get("features")
        .and_then(Value::as_array)
        .ok_or_else(|| invalid("features", "not a GeoJSON FeatureCollection"))?;
    let mut simplified = Vec::with_capacity(features.len());
    for (position, feature) in features.iter().enumerate() {
        let properties = feature.get("properties");
        let code = properties
            .and_then(|p| p.get("code"))
            .and_then(Value::as_str)
            .ok_or_else(|| invalid(format!("features[{position}].properties.code"), "missing"))?;
        let name = properties
            .and_then(|p| p.get("nom"))
            .and_then(Value::as_str)
            .unwrap_or(code);
        let polygons = polygons_of(feature.get("geometry")).ok_or_else(|| {
            invalid(
                format!("features[{position}].geometry"),
                "not a Polygon or MultiPolygon",
            )
        })?;
        let largest = polygons
            .iter()
            .enumerate()
            .map(|(i, polygon)| (i, polygon.first().map_or(0.0, |ring| ring_area(ring))))
            .max_by(|a, b| a.1.total_cmp(&b.1))
            .map(|(i, _)| i);
        let mut kept: Vec<Vec<Vec<[f64; 2]>>> = Vec::new();
        for (i, polygon) in polygons.iter().enumerate() {
            let mut rings = Vec::new();
            for (r, ring) in polygon.iter().enumerate() {
                let ring = round_ring(&simplify_ring(ring, params.tolerance), params.decimals);
                if ring.len() >= 4 {
                    rings.push(ring);
                } else if r == 0 && Some(i) == largest {
                    rings.push(round_ring(ring_of(polygon), params.decimals));
                } else if r == 0 {
                    break;
                }
            }
            if !rings.is_empty() {
                kept.push(rings);
            }
        }
        let geometry = if kept.len() == 1 {
            json!({"type": "Polygon", "coordinates": kept.remove(0)})
        } else {
            json!({"type": "MultiPolygon", "coordinates": kept})
        };
        simplified.push(json!({
            "type": "Feature",
            "properties": {"code": code, "nom": name},
            "geometry": geometry,
        }));
    }
    let mut out = Map::new();
    out.insert("type".into(), "FeatureCollection".into());
    out.insert("attribution".into(), attribution.into());
    out.insert("features".into(), Value::Array(simplified));
    Ok(Value::Object(out))
}

fn invalid(field: impl Into<String>, problem: &str) -> Error {
    Error::input(field, Invalid::Other(problem.to_string()))
}

fn ring_of(polygon: &[Vec<[f64; 2]>]) -> &[[f64; 2]] {
    polygon.first().map_or(&[], Vec::as_slice)
}

/// The polygons (rings of points) of a Polygon or MultiPolygon geometry.
fn polygons_of(geometry: Option<&Value>) -> Option<Vec<Vec<Vec<[f64; 2]>>>> {
    let geometry = geometry?;
    let coordinates = geometry.get("coordinates")?;
    let polygon = |value: &Value| -> Option<Vec<Vec<[f64; 2]>>> {
        value
            .as_array()?
            .iter()
            .map(|ring| {
                ring.as_array()?
                    .iter()
                    .map(|point| {
                        let point = point.as_array()?;
                        Some([point.first()?.as_f64()?, point.get(1)?.as_f64()?])
                    })
                    .collect()
            })
            .collect()
    };
    match geometry.get("type")?.as_str()? {
        "Polygon" => Some(vec![polygon(coordinates)?]),
        "MultiPolygon" => coordinates.as_array()?.iter().map(polygon).collect(),
        _ => None,
    }
}

/// Absolute area of a ring in square degrees (shoelace).
fn ring_area(ring: &[[f64; 2]]) -> f64 {
    let twice: f64 = ring
        .windows(2)
        .map(|w| w[0][0] * w[1][1] - w[1][0] * w[0][1])
        .sum();
    (twice / 2.0).abs()
}

/// Douglas–Peucker on a closed ring: split at the point farthest from the first, then
/// simplify both halves; the ring stays closed.
fn simplify_ring(ring: &[[f64; 2]], tolerance: f64) -> Vec<[f64; 2]> {
    if ring.len() < 4 {
        return ring.to_vec();
    }
    let first = ring[0];
    let far = (1..ring.len() - 1)
        .max_by(|&a, &b| squared(ring[a], first).total_cmp(&squared(ring[b], first)))
        .unwrap_or(ring.len() / 2);
    let mut keep = vec![false; ring.len()];
    keep[0] = true;
    keep[far] = true;
    keep[ring.len() - 1] = true;
    mark(ring, 0, far, tolerance, &mut keep);
    mark(ring, far, ring.len() - 1, tolerance, &mut keep);
    ring.iter()
        .zip(&keep)
        .filter(|(_, k)| **k)
        .map(|(p, _)| *p)
        .collect()
}

/// Keeps, between `from` and `to`, the points farther than `tolerance` from the chord
/// (an explicit stack: rings have tens of thousands of points).
fn mark(points: &[[f64; 2]], from: usize, to: usize, tolerance: f64, keep: &mut [bool]) {
    let mut stack = vec![(from, to)];
    while let Some((a, b)) = stack.pop() {
        if b <= a + 1 {
            continue;
        }
        let (index, distance) = (a + 1..b)
            .map(|i| (i, segment_distance(points[i], points[a], points[b])))
            .max_by(|x, y| x.1.total_cmp(&y.1))
            .unwrap_or((a, 0.0));
        if distance > tolerance {
            keep[index] = true;
            stack.push((a, index));
            stack.push((index, b));
        }
    }
}

fn squared(a: [f64; 2], b: [f64; 2]) -> f64 {
    (a[0] - b[0]).powi(2) + (a[1] - b[1]).powi(2)
}

/// Distance from `p` to the segment [a, b].
fn segment_distance(p: [f64; 2], a: [f64; 2], b: [f64; 2]) -> f64 {
    let length = squared(a, b);
    if length == 0.0 {
        return squared(p, a).sqrt();
    }
    let t =
        (((p[0] - a[0]) * (b[0] - a[0]) + (p[1] - a[1]) * (b[1] - a[1])) / length).clamp(0.0, 1.0);
    squared(p, [a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])]).sqrt()
}

/// Rounds each coordinate and drops the points that became equal to the previous one.
fn round_ring(ring: &[[f64; 2]], decimals: i32) -> Vec<[f64; 2]> {
    let scale = 10f64.powi(decimals);
    let mut out: Vec<[f64; 2]> = Vec::with_capacity(ring.len());
    for point in ring {
        let rounded = [
            (point[0] * scale).round() / scale,
            (point[1] * scale).round() / scale,
        ];
        if out.last() != Some(&rounded) {
            out.push(rounded);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_ring_keeps_its_corners_and_loses_the_noise() {
        // A unit square with a jagged bottom edge (noise of 0.001).
        let mut ring: Vec<[f64; 2]> = (0..=100)
            .map(|i| [i as f64 / 100.0, if i % 2 == 0 { 0.0 } else { 0.001 }])
            .collect();
        ring.extend([[1.0, 1.0], [0.0, 1.0], [0.0, 0.0]]);
        let simplified = simplify_ring(&ring, 0.004);
        assert_eq!(
            simplified,
            vec![[0.0, 0.0], [1.0, 0.0], [1.0, 1.0], [0.0, 1.0], [0.0, 0.0]]
        );
    }

    #[test]
    fn a_collection_is_simplified_with_its_attribution() {
        let square = |x: f64| {
            json!([[
                [x, 0.0],
                [x + 0.5, 0.00001],
                [x + 1.0, 0.0],
                [x + 1.0, 1.0],
                [x, 1.0],
                [x, 0.0]
            ]])
        };
        let collection = json!({
            "type": "FeatureCollection",
            "features": [
                {"type": "Feature", "properties": {"code": "84", "nom": "Auvergne-Rhône-Alpes", "extra": 1},
                 "geometry": {"type": "Polygon", "coordinates": square(0.0)}},
                {"type": "Feature", "properties": {"code": "971", "nom": "Guadeloupe"},
                 "geometry": {"type": "MultiPolygon", "coordinates": [square(2.0), [[[9.0, 9.0], [9.0001, 9.0], [9.0, 9.0001], [9.0, 9.0]]]]}},
            ]
        });
        let out = simplify_outlines(&collection, OutlineParams::default(), "IGN").unwrap();
        assert_eq!(out["attribution"], "IGN");
        let first = &out["features"][0];
        assert_eq!(
            first["properties"],
            json!({"code": "84", "nom": "Auvergne-Rhône-Alpes"})
        );
        assert_eq!(
            first["geometry"]["coordinates"][0]
                .as_array()
                .unwrap()
                .len(),
            5
        );
        // The islet too small to keep is dropped; one polygon is left.
        assert_eq!(out["features"][1]["geometry"]["type"], "Polygon");
        let bad = json!({"type": "FeatureCollection", "features": [{"properties": {}}]});
        let error = simplify_outlines(&bad, OutlineParams::default(), "")
            .unwrap_err()
            .to_string();
        assert!(error.contains("features[0]"), "{error}");
    }
}
