//! French territories: région, département, commune and bassin d'emploi, and the
//! placement of a posting or training in them.
//!
//! The 18 régions and 101 départements are authored reference tables embedded from
//! `corpora/geo/`; communes, postcodes and bassins d'emploi come from the full tables
//! read by `corpus` (INSEE COG, La Poste base, France Travail bassins). Without them a
//! place is still resolved to its département and région from the codes themselves.
//!
//! **Architecture invariant:** this module does no IO.

use std::collections::HashMap;
use std::fmt;

use serde::{Deserialize, Serialize};

use crate::model::{InseeCode, PostingLocation};
use crate::text::fold;
use crate::{Error, Result};

/// The three levels indicators are published at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum TerritoryLevel {
    Region,
    Departement,
    /// France Travail "bassin d'emploi" (BMO zone).
    Bassin,
}

impl TerritoryLevel {
    /// The name used in identifiers and URLs.
    pub fn as_str(self) -> &'static str {
        match self {
            TerritoryLevel::Region => "region",
            TerritoryLevel::Departement => "departement",
            TerritoryLevel::Bassin => "bassin",
        }
    }
}

/// A territory named by level and code, written `region:84`, `departement:69` or
/// `bassin:8457`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct TerritoryId {
    pub level: TerritoryLevel,
    pub code: String,
}

impl fmt::Display for TerritoryId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.level.as_str(), self.code)
    }
}

impl TerritoryId {
    /// Parses `region:CODE`, `departement:CODE` or `bassin:CODE`, naming `field` on
    /// error.
    pub fn parse_field(field: &str, text: &str) -> Result<TerritoryId> {
        let invalid = || {
            Error::input(
                field,
                crate::Invalid::Territory {
                    value: text.to_string(),
                },
            )
        };
        let (level, code) = text.split_once(':').ok_or_else(invalid)?;
        let level = match level {
            "region" => TerritoryLevel::Region,
            "departement" => TerritoryLevel::Departement,
            "bassin" => TerritoryLevel::Bassin,
            _ => return Err(invalid()),
        };
        let code = code.trim().to_ascii_uppercase();
        if code.is_empty() || code.len() > 8 || !code.bytes().all(|b| b.is_ascii_alphanumeric()) {
            return Err(invalid());
        }
        Ok(TerritoryId { level, code })
    }
}

impl std::str::FromStr for TerritoryId {
    type Err = Error;

    fn from_str(text: &str) -> Result<TerritoryId> {
        TerritoryId::parse_field("territory", text)
    }
}

/// A région of the reference table.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Region {
    pub code: String,
    pub name: String,
    pub lat: f64,
    pub lon: f64,
    /// Position on the authored tile-grid map.
    #[cfg_attr(feature = "openapi", schema(value_type = Vec<i32>))]
    pub grid: (i32, i32),
}

/// A département of the reference table.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Departement {
    pub code: String,
    pub name: String,
    pub region: String,
    pub lat: f64,
    pub lon: f64,
    #[cfg_attr(feature = "openapi", schema(value_type = Vec<i32>))]
    pub grid: (i32, i32),
}

/// A commune of the full tables.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Commune {
    pub code: InseeCode,
    pub name: String,
    pub departement: String,
    pub region: String,
    pub postcodes: Vec<String>,
    pub centroid: Option<(f64, f64)>,
    /// Code of its bassin d'emploi.
    pub bassin: Option<String>,
}

/// A France Travail bassin d'emploi.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EmploymentArea {
    pub code: String,
    pub name: String,
    pub region: String,
    pub departement: String,
}

/// How a place was resolved, from the most precise to the least.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Resolution {
    /// From the INSEE commune code.
    Commune,
    /// From the postcode.
    Postcode,
    /// From the libellé ("75 - Paris", "Hauts-de-Seine", "Île-de-France").
    Label,
    /// From coordinates alone: the département whose centre is nearest.
    Coordinates,
}

/// Where something is, as precisely as its source allows.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Placement {
    pub commune: Option<InseeCode>,
    pub departement: Option<String>,
    pub region: String,
    pub bassin: Option<String>,
    pub centroid: Option<(f64, f64)>,
    pub resolution: Resolution,
}

impl Placement {
    /// The territory of this placement at a level, when known.
    pub fn at(&self, level: TerritoryLevel) -> Option<&str> {
        match level {
            TerritoryLevel::Region => Some(&self.region),
            TerritoryLevel::Departement => self.departement.as_deref(),
            TerritoryLevel::Bassin => self.bassin.as_deref(),
        }
    }
}

/// The reference geography.
#[derive(Debug, Clone, Default)]
pub struct Geography {
    regions: Vec<Region>,
    departements: Vec<Departement>,
    communes: HashMap<InseeCode, Commune>,
    postcodes: HashMap<String, Vec<InseeCode>>,
    areas: HashMap<String, EmploymentArea>,
    /// Folded names of départements and régions → (level, code).
    names: HashMap<String, (TerritoryLevel, String)>,
}

impl Geography {
    /// A geography of régions and départements only.
    pub fn new(regions: Vec<Region>, departements: Vec<Departement>) -> Geography {
        let mut names = HashMap::new();
        for region in &regions {
            names.insert(
                fold(&region.name),
                (TerritoryLevel::Region, region.code.clone()),
            );
        }
        for departement in &departements {
            names.insert(
                fold(&departement.name),
                (TerritoryLevel::Departement, departement.code.clone()),
            );
        }
        Geography {
            regions,
            departements,
            names,
            ..Geography::default()
        }
    }

    /// Adds communes (replacing any with the same code) and indexes their postcodes.
    pub fn add_communes(&mut self, communes: impl IntoIterator<Item = Commune>) {
        for commune in communes {
            for postcode in &commune.postcodes {
                let list = self.postcodes.entry(postcode.clone()).or_default();
                if !list.contains(&commune.code) {
                    list.push(commune.code.clone());
                }
            }
            self.communes.insert(commune.code.clone(), commune);
        }
    }

    /// Adds bassins d'emploi.
    pub fn add_areas(&mut self, areas: impl IntoIterator<Item = EmploymentArea>) {
        for area in areas {
            self.areas.insert(area.code.clone(), area);
        }
    }

    /// Mutable access to a commune, for readers that complete it.
    pub(crate) fn commune_mut(&mut self, code: &InseeCode) -> Option<&mut Commune> {
        self.communes.get_mut(code)
    }

    pub fn regions(&self) -> &[Region] {
        &self.regions
    }

    pub fn departements(&self) -> &[Departement] {
        &self.departements
    }

    pub fn region(&self, code: &str) -> Option<&Region> {
        self.regions.iter().find(|r| r.code == code)
    }

    pub fn departement(&self, code: &str) -> Option<&Departement> {
        self.departements.iter().find(|d| d.code == code)
    }

    pub fn commune(&self, code: &InseeCode) -> Option<&Commune> {
        self.communes.get(code)
    }

    pub fn area(&self, code: &str) -> Option<&EmploymentArea> {
        self.areas.get(code)
    }

    /// Communes sharing a postcode (several for a shared one, none when unknown).
    pub fn communes_of_postcode(&self, postcode: &str) -> &[InseeCode] {
        self.postcodes
            .get(postcode.trim())
            .map(Vec::as_slice)
            .unwrap_or(&[])
    }

    /// The département whose centre is nearest to a point (a coarse placement of
    /// coordinates when no commune table is loaded).
    pub fn nearest_departement(&self, point: (f64, f64)) -> Option<&Departement> {
        self.departements.iter().min_by(|a, b| {
            haversine_km(point, (a.lat, a.lon)).total_cmp(&haversine_km(point, (b.lat, b.lon)))
        })
    }

    /// Communes whose folded name starts with (then contains) the folded query, or whose
    /// code or postcode starts with it; best first, at most `limit`.
    pub fn search_communes(&self, query: &str, limit: usize) -> Vec<&Commune> {
        let folded = fold(query.trim());
        if folded.is_empty() {
            return Vec::new();
        }
        let mut found: Vec<(u8, &Commune)> = self
            .communes
            .values()
            .filter_map(|commune| {
                let name = fold(&commune.name);
                let rank = if name == folded
                    || commune.code.as_str() == folded
                    || commune.postcodes.first().is_some_and(|p| *p == folded)
                {
                    0
                } else if name.starts_with(&folded) {
                    1
                } else if commune.code.as_str().starts_with(&folded)
                    || commune.postcodes.iter().any(|p| p.starts_with(&folded))
                {
                    2
                } else if name.contains(&folded) {
                    3
                } else {
                    return None;
                };
                Some((rank, commune))
            })
            .collect();
        found.sort_by(|a, b| {
            a.0.cmp(&b.0)
                .then(a.1.name.len().cmp(&b.1.name.len()))
                .then(a.1.code.cmp(&b.1.code))
        });
        found.into_iter().take(limit).map(|(_, c)| c).collect()
    }

    /// Number of communes and bassins loaded.
    pub fn counts(&self) -> (usize, usize) {
        (self.communes.len(), self.areas.len())
    }

    /// The display name of a territory, or an error naming it when it is unknown.
    pub fn name_of(&self, territory: &TerritoryId) -> Result<String> {
        let found = match territory.level {
            TerritoryLevel::Region => self.region(&territory.code).map(|r| r.name.clone()),
            TerritoryLevel::Departement => {
                self.departement(&territory.code).map(|d| d.name.clone())
            }
            TerritoryLevel::Bassin => self.area(&territory.code).map(|a| a.name.clone()),
        };
        found.ok_or_else(|| Error::NotFound {
            kind: crate::NotFoundKind::Territory,
            value: territory.to_string(),
        })
    }

    /// Places a location: commune code first, then postcode, then libellé. The error
    /// says why nothing could be resolved.
    pub fn place(&self, location: &PostingLocation) -> Result<Placement, Unplaced> {
        let centroid = location.latitude.zip(location.longitude);
        if let Some(code) = &location.commune {
            if let Some(commune) = self.communes.get(code) {
                return Ok(self.place_commune(commune, centroid, Resolution::Commune));
            }
            if let Some(placement) = self.place_departement(
                Some(departement_of_commune(code)),
                Some(code.clone()),
                centroid,
                Resolution::Commune,
            ) {
                return Ok(placement);
            }
        }
        if let Some(postcode) = location.postcode.as_deref().map(str::trim) {
            let communes = self
                .postcodes
                .get(postcode)
                .map(Vec::as_slice)
                .unwrap_or(&[]);
            // A postcode shared by several communes still gives their département.
            if let [only] = communes
                && let Some(commune) = self.communes.get(only)
            {
                return Ok(self.place_commune(commune, centroid, Resolution::Postcode));
            }
            let departement = communes
                .first()
                .and_then(|c| self.communes.get(c))
                .map(|c| c.departement.clone())
                .or_else(|| departement_of_postcode(postcode));
            if let Some(placement) = departement.and_then(|d| {
                self.place_departement(Some(d.as_str()), None, centroid, Resolution::Postcode)
            }) {
                return Ok(placement);
            }
        }
        if let Some(label) = location.label.as_deref() {
            if let Some(placement) = self.place_label(label, centroid) {
                return Ok(placement);
            }
            let folded = fold(label);
            if folded.trim() == "france" {
                return Err(Unplaced::WholeOfFrance);
            }
            if FOREIGN.iter().any(|country| folded.contains(country)) {
                return Err(Unplaced::Abroad {
                    label: label.to_string(),
                });
            }
            return centroid
                .and_then(|point| self.place_point(point))
                .ok_or_else(|| Unplaced::UnknownPlace {
                    label: label.to_string(),
                });
        }
        if let Some(placement) = centroid.and_then(|point| self.place_point(point)) {
            return Ok(placement);
        }
        match (&location.commune, &location.postcode) {
            (Some(code), _) => Err(Unplaced::UnknownCommune { code: code.clone() }),
            (None, Some(postcode)) => Err(Unplaced::UnknownPostcode {
                postcode: postcode.clone(),
            }),
            (None, None) => Err(Unplaced::Nothing),
        }
    }

    /// A place known only by its coordinates: the département whose centre is nearest,
    /// when one is within 150 km (so that a point at sea or abroad stays unplaced).
    fn place_point(&self, (lat, lon): (f64, f64)) -> Option<Placement> {
        let (km, nearest) = self
            .departements
            .iter()
            .map(|d| (haversine_km((lat, lon), (d.lat, d.lon)), d))
            .min_by(|a, b| a.0.total_cmp(&b.0))?;
        (km <= 150.0).then(|| Placement {
            commune: None,
            departement: Some(nearest.code.clone()),
            region: nearest.region.clone(),
            bassin: None,
            centroid: Some((lat, lon)),
            resolution: Resolution::Coordinates,
        })
    }

    fn place_commune(
        &self,
        commune: &Commune,
        centroid: Option<(f64, f64)>,
        resolution: Resolution,
    ) -> Placement {
        Placement {
            commune: Some(commune.code.clone()),
            departement: Some(commune.departement.clone()),
            region: commune.region.clone(),
            bassin: commune.bassin.clone(),
            centroid: centroid.or(commune.centroid),
            resolution,
        }
    }

    fn place_departement(
        &self,
        code: Option<&str>,
        commune: Option<InseeCode>,
        centroid: Option<(f64, f64)>,
        resolution: Resolution,
    ) -> Option<Placement> {
        let departement = self.departement(code?)?;
        Some(Placement {
            commune,
            departement: Some(departement.code.clone()),
            region: departement.region.clone(),
            bassin: None,
            centroid: centroid.or(Some((departement.lat, departement.lon))),
            resolution,
        })
    }

    /// "75 - Paris", "2A - Ajaccio", "Hauts-de-Seine", "Île-de-France".
    fn place_label(&self, label: &str, centroid: Option<(f64, f64)>) -> Option<Placement> {
        let label = label.trim();
        if let Some((prefix, _)) = label.split_once(" - ") {
            let prefix = prefix.trim().to_ascii_uppercase();
            if let Some(placement) =
                self.place_departement(Some(&prefix), None, centroid, Resolution::Label)
            {
                return Some(placement);
            }
        }
        let folded = fold(label);
        let name = folded.split(" - ").last().unwrap_or(&folded).trim();
        match self.names.get(name) {
            Some((TerritoryLevel::Departement, code)) => {
                self.place_departement(Some(code), None, centroid, Resolution::Label)
            }
            Some((TerritoryLevel::Region, code)) => {
                let region = self.region(code)?;
                Some(Placement {
                    commune: None,
                    departement: None,
                    region: region.code.clone(),
                    bassin: None,
                    centroid: centroid.or(Some((region.lat, region.lon))),
                    resolution: Resolution::Label,
                })
            }
            _ => None,
        }
    }
}

/// Why a location could not be placed in a territory. `Display` words it in English
/// for logs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unplaced {
    /// The place name is France as a whole: no one territory.
    WholeOfFrance,
    /// The place name is a foreign country.
    Abroad { label: String },
    /// A place name no territory has, and no coordinates near a département.
    UnknownPlace { label: String },
    /// A commune code neither the communes nor its département are known for.
    UnknownCommune { code: InseeCode },
    /// A postcode no commune or département has.
    UnknownPostcode { postcode: String },
    /// No commune, postcode, place name or coordinates.
    Nothing,
}

impl Unplaced {
    /// The reason a build counts the posting under (`NeedsCounts::unplaced`): the
    /// place itself left out, except for a commune, whose code the count names.
    pub fn count_key(&self) -> String {
        match self {
            Unplaced::WholeOfFrance => "whole of France".to_string(),
            Unplaced::Abroad { .. } => "outside France".to_string(),
            Unplaced::UnknownPlace { .. } => "unknown place".to_string(),
            Unplaced::UnknownCommune { code } => format!("unknown commune {code}"),
            Unplaced::UnknownPostcode { .. } => "unknown postcode".to_string(),
            Unplaced::Nothing => "no commune, postcode or place name".to_string(),
        }
    }
}

impl fmt::Display for Unplaced {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Unplaced::WholeOfFrance => f.write_str("whole of France: no territory"),
            Unplaced::Abroad { label } => write!(f, "outside France: {label:?}"),
            Unplaced::UnknownPlace { label } => write!(f, "unknown place {label:?}"),
            Unplaced::UnknownCommune { code } => write!(f, "unknown commune {code}"),
            Unplaced::UnknownPostcode { postcode } => write!(f, "unknown postcode {postcode:?}"),
            Unplaced::Nothing => f.write_str("no commune, postcode or place name"),
        }
    }
}

impl std::error::Error for Unplaced {}

/// Countries that postings near the borders name, folded.
const FOREIGN: &[&str] = &[
    "allemagne",
    "suisse",
    "belgique",
    "luxembourg",
    "espagne",
    "portugal",
    "italie",
    "monaco",
    "royaume-uni",
    "pays-bas",
    "andorre",
    "canada",
];

/// The département code an INSEE commune code starts with (`971` overseas, `2A` Corse).
///
/// The code was checked when it was parsed (five ASCII characters), so every commune
/// code has one.
pub fn departement_of_commune(code: &InseeCode) -> &str {
    let code = code.as_str();
    let len = if code.starts_with("97") { 3 } else { 2 };
    code.get(..len).unwrap_or(code)
}

/// The département a postcode belongs to, as far as its digits say.
pub fn departement_of_postcode(postcode: &str) -> Option<String> {
    if postcode.len() != 5 || !postcode.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some(match &postcode[..2] {
        "97" | "98" => postcode[..3].to_string(),
        // Corse: 200xx and 201xx are Corse-du-Sud, 202xx to 206xx Haute-Corse.
        "20" if postcode[..3] <= *"201" => "2A".to_string(),
        "20" => "2B".to_string(),
        other => other.to_string(),
    })
}

/// Great-circle distance in kilometres between two (lat, lon) points.
pub fn haversine_km(a: (f64, f64), b: (f64, f64)) -> f64 {
    haversine_km_cos(a, cos_latitude(a), b, cos_latitude(b))
}

/// The cosine of a point's latitude, as [`haversine_km_cos`] takes it.
pub(crate) fn cos_latitude(point: (f64, f64)) -> f64 {
    point.0.to_radians().cos()
}

/// [`haversine_km`] with the cosines of both latitudes already computed (the same
/// result): a ranking measures from one learner to every training, each placed once.
pub(crate) fn haversine_km_cos(a: (f64, f64), cos_a: f64, b: (f64, f64), cos_b: f64) -> f64 {
    let (lat1, lon1) = (a.0.to_radians(), a.1.to_radians());
    let (lat2, lon2) = (b.0.to_radians(), b.1.to_radians());
    let h =
        ((lat2 - lat1) / 2.0).sin().powi(2) + cos_a * cos_b * ((lon2 - lon1) / 2.0).sin().powi(2);
    2.0 * EARTH_RADIUS_KM * h.sqrt().asin()
}

/// A floor under the distance from one point to many, without trigonometry per point:
/// a ranking excludes most of the catalogue as out of the learner's radius with it, and
/// measures the rest with [`haversine_km_cos`].
#[derive(Debug, Clone, Copy)]
pub(crate) struct Reach {
    from: (f64, f64),
    cos_from: f64,
    /// The haversine term `h` of a distance of the radius plus 1 km.
    limit: f64,
}

impl Reach {
    /// Around `from` (with the cosine of its latitude), for `radius_km`; none for radii
    /// from 5000 km up, where the margin is not worth the check.
    pub fn new(from: (f64, f64), cos_from: f64, radius_km: f64) -> Option<Reach> {
        (0.0..5000.0).contains(&radius_km).then(|| Reach {
            from,
            cos_from,
            limit: ((radius_km + 1.0) / (2.0 * EARTH_RADIUS_KM)).sin().powi(2),
        })
    }

    /// Whether `to` (with the cosine of its latitude) is surely more than 1 km beyond
    /// the radius: its haversine term is bounded below with `sin x ≥ x − x³/6` on
    /// [0, π/2], so a floor above the limit puts the distance above it too.
    pub fn surely_beyond(&self, to: (f64, f64), cos_to: f64) -> bool {
        let floor = |gap_degrees: f64| {
            let half = gap_degrees.abs().to_radians() / 2.0;
            let sine = half - half * half * half / 6.0;
            sine * sine
        };
        let lon_gap = (to.1 - self.from.1).abs();
        let lon_gap = if lon_gap > 180.0 {
            360.0 - lon_gap
        } else {
            lon_gap
        };
        floor(to.0 - self.from.0) + self.cos_from * cos_to * floor(lon_gap) > self.limit
    }
}

/// The mean Earth radius the distances are measured with.
const EARTH_RADIUS_KM: f64 = 6371.0;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unplaced_reasons_are_worded_and_counted_as_before() {
        let commune = InseeCode::parse("99999").unwrap();
        let cases = [
            (Unplaced::WholeOfFrance, "whole of France: no territory"),
            (
                Unplaced::Abroad {
                    label: "Genève (Suisse)".into(),
                },
                "outside France: \"Genève (Suisse)\"",
            ),
            (
                Unplaced::UnknownPlace {
                    label: "975 - ST PIERRE".into(),
                },
                "unknown place \"975 - ST PIERRE\"",
            ),
            (
                Unplaced::UnknownCommune { code: commune },
                "unknown commune 99999",
            ),
            (
                Unplaced::UnknownPostcode {
                    postcode: "00000".into(),
                },
                "unknown postcode \"00000\"",
            ),
            (Unplaced::Nothing, "no commune, postcode or place name"),
        ];
        for (reason, message) in cases {
            assert_eq!(reason.to_string(), message);
            // The key the build used to cut from the message.
            let cut = message.split([':', '"']).next().unwrap_or(message).trim();
            assert_eq!(reason.count_key(), cut, "{reason:?}");
        }
    }

    #[test]
    fn departement_of_a_commune_code_checked_once() {
        let departement = |text: &str| {
            InseeCode::parse(text).map(|code| departement_of_commune(&code).to_string())
        };
        assert_eq!(departement("69123").unwrap(), "69");
        assert_eq!(departement("01053").unwrap(), "01");
        assert_eq!(departement("1053").unwrap(), "01");
        assert_eq!(departement("97105").unwrap(), "971");
        assert_eq!(departement("97611").unwrap(), "976");
        assert_eq!(departement("2A004").unwrap(), "2A");
        assert_eq!(departement("2b033").unwrap(), "2B");
        // Five bytes, but 'é' straddles the second: refused when parsed, no panic.
        for text in ["aé12", "A6912", "691234", "2C004", "", "é"] {
            let Err(Error::InvalidInput { field, problem }) = InseeCode::parse(text) else {
                panic!("{text:?} accepted as a commune code");
            };
            assert_eq!(field, "commune");
            assert!(
                matches!(
                    problem,
                    crate::Invalid::Code {
                        kind: crate::CodeKind::Insee,
                        ..
                    }
                ),
                "{text:?}: {problem:?}"
            );
        }
    }

    fn geography() -> Geography {
        let region = |code: &str, name: &str| Region {
            code: code.into(),
            name: name.into(),
            lat: 0.0,
            lon: 0.0,
            grid: (0, 0),
        };
        let departement = |code: &str, name: &str, region: &str| Departement {
            code: code.into(),
            name: name.into(),
            region: region.into(),
            lat: 1.0,
            lon: 2.0,
            grid: (0, 0),
        };
        Geography::new(
            vec![
                region("11", "Île-de-France"),
                region("94", "Corse"),
                region("01", "Guadeloupe"),
            ],
            vec![
                departement("75", "Paris", "11"),
                departement("92", "Hauts-de-Seine", "11"),
                departement("2A", "Corse-du-Sud", "94"),
                departement("971", "Guadeloupe", "01"),
            ],
        )
    }

    fn place(commune: Option<&str>, postcode: Option<&str>, label: Option<&str>) -> String {
        let location = PostingLocation {
            label: label.map(str::to_string),
            commune: commune.map(|c| InseeCode::parse(c).unwrap()),
            postcode: postcode.map(str::to_string),
            latitude: None,
            longitude: None,
        };
        match geography().place(&location) {
            Ok(p) => format!(
                "{}/{} by {:?}",
                p.region,
                p.departement.unwrap_or_default(),
                p.resolution
            ),
            Err(reason) => format!("error: {reason}"),
        }
    }

    #[test]
    fn places_fall_back_from_commune_to_postcode_to_label() {
        assert_eq!(place(Some("75111"), None, None), "11/75 by Commune");
        assert_eq!(place(Some("97105"), None, None), "01/971 by Commune");
        assert_eq!(place(Some("2A004"), None, None), "94/2A by Commune");
        assert_eq!(place(None, Some("92100"), None), "11/92 by Postcode");
        assert_eq!(place(None, Some("20000"), None), "94/2A by Postcode");
        assert_eq!(place(None, None, Some("75 - Paris")), "11/75 by Label");
        assert_eq!(place(None, None, Some("Hauts-de-Seine")), "11/92 by Label");
        assert_eq!(place(None, None, Some("Ile-de-France")), "11/ by Label");
        assert_eq!(
            place(None, None, Some("Atlantide")),
            "error: unknown place \"Atlantide\""
        );
        assert_eq!(
            place(None, None, None),
            "error: no commune, postcode or place name"
        );
        assert_eq!(
            place(Some("99999"), None, None),
            "error: unknown commune 99999"
        );
    }

    #[test]
    fn a_place_known_by_its_coordinates_alone_is_in_the_nearest_departement() {
        let geography = crate::corpus::builtin_geography().unwrap();
        let at = |label: Option<&str>, point: (f64, f64)| {
            let location = PostingLocation {
                label: label.map(str::to_string),
                commune: None,
                postcode: None,
                latitude: Some(point.0),
                longitude: Some(point.1),
            };
            geography
                .place(&location)
                .map(|p| (p.region, p.departement.unwrap_or_default(), p.resolution))
        };
        let lyon = (45.764, 4.8357);
        let placed = ("84".to_string(), "69".to_string(), Resolution::Coordinates);
        assert_eq!(at(None, lyon), Ok(placed.clone()));
        assert_eq!(at(Some("Ville"), lyon), Ok(placed));
        // Mid-Atlantic: nothing within reach.
        assert_eq!(
            at(Some("Ville"), (45.0, -20.0)),
            Err(Unplaced::UnknownPlace {
                label: "Ville".to_string()
            })
        );
    }

    #[test]
    fn territory_ids_parse() {
        let id: TerritoryId = "region:84".parse().unwrap();
        assert_eq!(id.level, TerritoryLevel::Region);
        assert_eq!(id.to_string(), "region:84");
        assert_eq!("departement:2a".parse::<TerritoryId>().unwrap().code, "2A");
        for bad in [
            "84",
            "pays:FR",
            "region:",
            "region:../etc",
            "bassin:8457;DROP",
        ] {
            assert!(bad.parse::<TerritoryId>().is_err(), "{bad}");
        }
    }

    #[test]
    fn haversine_paris_lyon() {
        let distance = haversine_km((48.8566, 2.3522), (45.7640, 4.8357));
        assert!((distance - 392.0).abs() < 5.0, "{distance}");
    }
}

#[cfg(test)]
mod properties {
    use proptest::prelude::*;

    use super::*;

    proptest! {
        // Rankings exclude a training out of the radius when the reach says it is
        // surely beyond: it must then be, and by the 1 km margin.
        #[test]
        fn reach_excludes_only_what_is_beyond_the_radius(
            lat1 in -90.0f64..=90.0, lon1 in -180.0f64..=180.0,
            lat2 in -90.0f64..=90.0, lon2 in -180.0f64..=180.0,
            factor in 0.5f64..1.5,
        ) {
            let (a, b) = ((lat1, lon1), (lat2, lon2));
            let distance = haversine_km(a, b);
            // Radii around the distance, where a floor too high would show.
            let radius = distance * factor;
            if let Some(reach) = Reach::new(a, cos_latitude(a), radius)
                && reach.surely_beyond(b, cos_latitude(b))
            {
                prop_assert!(distance > radius + 0.999, "{distance} {radius}");
            }
        }

        // Near points: the floor is tight, so the check excludes what a radius just
        // short of the distance leaves out.
        #[test]
        fn reach_is_tight_near_the_radius(
            lat1 in 41.0f64..=51.0, lon1 in -5.0f64..=9.0,
            lat2 in 41.0f64..=51.0, lon2 in -5.0f64..=9.0,
        ) {
            let (a, b) = ((lat1, lon1), (lat2, lon2));
            let distance = haversine_km(a, b);
            prop_assume!(distance > 10.0);
            let reach = Reach::new(a, cos_latitude(a), distance * 0.97 - 1.0).unwrap();
            prop_assert!(reach.surely_beyond(b, cos_latitude(b)), "{distance}");
        }
    }
}
