//! Readers of French geography: the authored régions and départements of `corpora/geo/`
//! (embedded), and the full tables in the formats of `../shared/data/geo_fr` (INSEE COG
//! communes, La Poste base, France Travail bassins d'emploi, commune centroids).

use std::path::Path;

use tracing::info;

use super::table::Table;
use crate::model::InseeCode;
use crate::territory::{
    Commune, Departement, EmploymentArea, Geography, Region, departement_of_commune,
};
use crate::{Error, Result};

const REGIONS: &str = include_str!("../../../corpora/geo/regions.csv");
const DEPARTEMENTS: &str = include_str!("../../../corpora/geo/departements.csv");
const COMMUNES: &str = include_str!("../../../corpora/geo/communes.csv");

fn number<T: std::str::FromStr>(row: &super::table::Row<'_>, column: &str) -> Result<T> {
    row.require(column)?
        .parse()
        .map_err(|_| row.error(format!("column {column}: not a number")))
}

/// The embedded reference tables: 18 régions, 101 départements and the main communes
/// (préfectures, communes of more than about 20,000 inhabitants, arrondissements of
/// Paris, Lyon and Marseille, and the communes of the demo catalogue).
pub fn builtin_geography() -> Result<Geography> {
    let mut geography = reference_geography()?;
    let mut communes = Vec::new();
    let path = Path::new("corpora/geo/communes.csv");
    let reader = Box::new(std::io::Cursor::new(COMMUNES.as_bytes()));
    let columns = [
        "code",
        "name",
        "departement",
        "region",
        "postcodes",
        "lat",
        "lon",
    ];
    Table::from_reader(path, reader, b',', &columns)?.for_each(|row| {
        communes.push(Commune {
            code: InseeCode::parse(row.require("code")?).map_err(|e| row.error(e.to_string()))?,
            name: row.require("name")?.to_string(),
            departement: row.require("departement")?.to_string(),
            region: row.require("region")?.to_string(),
            postcodes: row
                .get("postcodes")
                .split('|')
                .map(str::to_string)
                .collect(),
            centroid: Some((number(row, "lat")?, number(row, "lon")?)),
            bassin: None,
        });
        Ok(())
    })?;
    geography.add_communes(communes);
    Ok(geography)
}

/// Régions and départements only.
fn reference_geography() -> Result<Geography> {
    let mut regions = Vec::new();
    let path = Path::new("corpora/geo/regions.csv");
    let reader = Box::new(std::io::Cursor::new(REGIONS.as_bytes()));
    let columns = ["code", "name", "lat", "lon", "grid_x", "grid_y"];
    Table::from_reader(path, reader, b',', &columns)?.for_each(|row| {
        regions.push(Region {
            code: row.require("code")?.to_string(),
            name: row.require("name")?.to_string(),
            lat: number(row, "lat")?,
            lon: number(row, "lon")?,
            grid: (number(row, "grid_x")?, number(row, "grid_y")?),
        });
        Ok(())
    })?;
    let mut departements = Vec::new();
    let path = Path::new("corpora/geo/departements.csv");
    let reader = Box::new(std::io::Cursor::new(DEPARTEMENTS.as_bytes()));
    let columns = ["code", "name", "region", "lat", "lon", "grid_x", "grid_y"];
    Table::from_reader(path, reader, b',', &columns)?.for_each(|row| {
        departements.push(Departement {
            code: row.require("code")?.to_string(),
            name: row.require("name")?.to_string(),
            region: row.require("region")?.to_string(),
            lat: number(row, "lat")?,
            lon: number(row, "lon")?,
            grid: (number(row, "grid_x")?, number(row, "grid_y")?),
        });
        Ok(())
    })?;
    Ok(Geography::new(regions, departements))
}

/// The reference tables completed with the commune tables of a `geo_fr`-style folder:
/// `COM_DEP_REG_*.csv` (required), `laposte_hexasmal.csv`, `bassin_emploi.csv` and
/// `corresp_geo_point_codes_communes.csv` (each read when present).
pub fn read_geography(folder: &Path) -> Result<Geography> {
    let mut geography = reference_geography()?;
    let cog = find(folder, "COM_DEP_REG")?.ok_or_else(|| Error::MissingFile {
        folder: folder.to_path_buf(),
        file: "COM_DEP_REG_*.csv".to_string(),
    })?;
    let mut communes = Vec::new();
    Table::open_csv(&cog, &["CODGEO", "CODREG", "CODDEP", "LIBGEO"])?.for_each(|row| {
        let code =
            InseeCode::parse(row.require("CODGEO")?).map_err(|e| row.error(e.to_string()))?;
        communes.push(Commune {
            code,
            name: row.require("LIBGEO")?.to_string(),
            departement: row.require("CODDEP")?.to_string(),
            region: row.require("CODREG")?.to_string(),
            postcodes: Vec::new(),
            centroid: None,
            bassin: None,
        });
        Ok(())
    })?;
    geography.add_communes(communes);

    let poste = folder.join("laposte_hexasmal.csv");
    if poste.is_file() {
        let mut extra = Vec::new();
        let mut postcodes: Vec<PostcodeRow> = Vec::new();
        let columns = [
            "Code_commune_INSEE",
            "Nom_commune",
            "Code_postal",
            "coordonnees_gps",
        ];
        Table::open(&poste, b';', &columns)?.for_each(|row| {
            let Ok(code) = InseeCode::parse(row.get("Code_commune_INSEE")) else {
                return Ok(());
            };
            let centroid = parse_point(row.get("coordonnees_gps"));
            let postcode = row.get("Code_postal").to_string();
            // Arrondissements of Paris, Lyon and Marseille are only in this base.
            if geography.commune(&code).is_none()
                && !extra.iter().any(|c: &Commune| c.code == code)
                && let Some(departement) = geography.departement(departement_of_commune(&code))
            {
                extra.push(Commune {
                    code: code.clone(),
                    name: row.get("Nom_commune").to_string(),
                    departement: departement.code.clone(),
                    region: departement.region.clone(),
                    postcodes: Vec::new(),
                    centroid,
                    bassin: None,
                });
            }
            postcodes.push((code, postcode, centroid));
            Ok(())
        })?;
        geography.add_communes(extra);
        let mut completed = Vec::new();
        for (code, postcode, centroid) in postcodes {
            if let Some(commune) = geography.commune_mut(&code) {
                if !postcode.is_empty() && !commune.postcodes.contains(&postcode) {
                    commune.postcodes.push(postcode);
                }
                if commune.centroid.is_none() {
                    commune.centroid = centroid;
                }
                completed.push(code);
            }
        }
        // Re-index postcodes now that communes carry them.
        let communes: Vec<Commune> = completed
            .iter()
            .filter_map(|c| geography.commune(c).cloned())
            .collect();
        geography.add_communes(communes);
    }

    let points = folder.join("corresp_geo_point_codes_communes.csv");
    if points.is_file() {
        Table::open(
            &points,
            b';',
            &["Code_Officiel_Commune", "latitude", "longitude"],
        )?
        .for_each(|row| {
            let (Ok(code), Ok(lat), Ok(lon)) = (
                InseeCode::parse(row.get("Code_Officiel_Commune")),
                row.get("latitude").parse::<f64>(),
                row.get("longitude").parse::<f64>(),
            ) else {
                return Ok(());
            };
            if let Some(commune) = geography.commune_mut(&code)
                && commune.centroid.is_none()
            {
                commune.centroid = Some((lat, lon));
            }
            Ok(())
        })?;
    }

    let bassins = folder.join("bassin_emploi.csv");
    if bassins.is_file() {
        let mut areas: Vec<EmploymentArea> = Vec::new();
        let mut seen: std::collections::HashSet<String> = std::collections::HashSet::new();
        let columns = [
            "reg",
            "dep",
            "code_commune_insee",
            "code_bassin_BMO",
            "lib_bassin_BMO",
        ];
        Table::open_csv(&bassins, &columns)?.for_each(|row| {
            let area = row.require("code_bassin_BMO")?.to_string();
            if let Ok(code) = InseeCode::parse(row.get("code_commune_insee"))
                && let Some(commune) = geography.commune_mut(&code)
            {
                commune.bassin = Some(area.clone());
            }
            if seen.insert(area.clone()) {
                areas.push(EmploymentArea {
                    code: area,
                    name: row.get("lib_bassin_BMO").to_string(),
                    region: row.get("reg").to_string(),
                    departement: row.get("dep").to_string(),
                });
            }
            Ok(())
        })?;
        geography.add_areas(areas);
    }
    let (communes, areas) = geography.counts();
    info!(target: "engine::corpus", folder = %folder.display(), communes, areas, "geography loaded");
    Ok(geography)
}

/// One row of the La Poste base: commune, postcode, centroid.
type PostcodeRow = (InseeCode, String, Option<(f64, f64)>);

/// "48.97,-1.54" → (48.97, -1.54).
fn parse_point(text: &str) -> Option<(f64, f64)> {
    let (lat, lon) = text.split_once(',')?;
    Some((lat.trim().parse().ok()?, lon.trim().parse().ok()?))
}

fn find(folder: &Path, prefix: &str) -> Result<Option<std::path::PathBuf>> {
    let entries = std::fs::read_dir(folder).map_err(|e| Error::io(folder, e))?;
    let mut found: Vec<std::path::PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with(prefix) && n.ends_with(".csv"))
        })
        .collect();
    found.sort();
    Ok(found.pop())
}
