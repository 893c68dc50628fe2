//! French geography: the authored reference tables against the INSEE tables, and the
//! placement of real offers.
//!
//! Properties pinned down:
//! - the 18 régions and 101 départements of `corpora/geo` agree with INSEE's commune
//!   table (every commune's département exists and lies in the same région);
//! - the full tables load communes, arrondissements, postcodes and bassins d'emploi;
//! - almost every real offer is placed, and the unresolved ones are counted, not lost.

use std::collections::HashMap;

use passerelle_engine::{
    InseeCode, PostingLocation, Resolution, TerritoryLevel, Unplaced, builtin_geography,
    read_geography, read_postings,
};
use passerelle_tests::with_shared_data;

#[test]
fn reference_tables_have_every_region_and_departement() {
    let geography = builtin_geography().unwrap();
    assert_eq!(geography.regions().len(), 18);
    assert_eq!(geography.departements().len(), 101);
    for departement in geography.departements() {
        assert!(
            geography.region(&departement.region).is_some(),
            "{departement:?}"
        );
    }
    let mut tiles: Vec<(i32, i32)> = geography.departements().iter().map(|d| d.grid).collect();
    tiles.sort_unstable();
    tiles.dedup();
    assert_eq!(tiles.len(), 101, "two départements share a tile");
}

#[test]
fn full_tables_agree_with_the_reference_tables() {
    with_shared_data!(data => {
        let geography = read_geography(&data.join("geo_fr")).unwrap();
        let (communes, areas) = geography.counts();
        assert!(communes >= 34_928 + 45, "{communes} communes");
        assert!(areas > 300, "{areas} bassins");
        let lyon_3 = geography.commune(&InseeCode::parse("69383").unwrap()).unwrap();
        assert_eq!(lyon_3.departement, "69");
        assert!(lyon_3.postcodes.contains(&"69003".to_string()));
        let clermont = geography.commune(&InseeCode::parse("63113").unwrap()).unwrap();
        assert_eq!(clermont.bassin.as_deref(), Some("8457"));
        assert!(clermont.centroid.is_some());
        for departement in geography.departements() {
            assert!(geography.name_of(&format!("departement:{}", departement.code).parse().unwrap()).is_ok());
        }
        let cog = std::fs::read_to_string(data.join("geo_fr/COM_DEP_REG_2023.csv")).unwrap();
        for line in cog.lines().skip(1) {
            let fields: Vec<&str> = line.split(',').collect();
            let departement = geography
                .departement(fields[2])
                .unwrap_or_else(|| panic!("département {} missing", fields[2]));
            assert_eq!(departement.region, fields[1], "{line}");
        }
    });
}

#[test]
fn real_offers_are_placed_and_the_rest_counted() {
    with_shared_data!(data => {
        let geography = read_geography(&data.join("geo_fr")).unwrap();
        let mut by: HashMap<String, usize> = HashMap::new();
        let mut total = 0;
        for file in ["ft_m1805_2025-10.jsonl", "ft_allsectors_2025-11.jsonl"] {
            for (_, posting) in read_postings(&data.join("offers").join(file)).unwrap().records {
                total += 1;
                let key = match geography.place(&posting.location) {
                    Ok(placement) => {
                        assert!(placement.at(TerritoryLevel::Region).is_some());
                        format!("{:?}", placement.resolution)
                    }
                    Err(Unplaced::Abroad { .. }) => "abroad".to_string(),
                    Err(Unplaced::WholeOfFrance) => "national".to_string(),
                    Err(_) => "unresolved".to_string(),
                };
                *by.entry(key).or_insert(0) += 1;
            }
        }
        let unplaced: usize = ["abroad", "national", "unresolved"]
            .iter()
            .map(|k| by.get(*k).copied().unwrap_or(0))
            .sum();
        let placed = total - unplaced;
        assert!(by.get("unresolved").copied().unwrap_or(0) <= 5, "{by:?}");
        eprintln!("placement of {total} real offers: {by:?}");
        let in_france = total - by.get("abroad").copied().unwrap_or(0) - by.get("national").copied().unwrap_or(0);
        assert!(placed as f64 >= 0.995 * in_france as f64, "{by:?}");
        assert!(by.get(&format!("{:?}", Resolution::Commune)).copied().unwrap_or(0) > total * 9 / 10);
    });
}

#[test]
fn unknown_places_say_why() {
    let geography = builtin_geography().unwrap();
    let location = PostingLocation {
        label: Some("Atlantide".into()),
        ..PostingLocation::default()
    };
    assert_eq!(
        geography.place(&location).unwrap_err().to_string(),
        "unknown place \"Atlantide\""
    );
}

/// The map's outlines shipped in `models/outlines/` are the real IGN Admin Express
/// outlines of `geo_fr` (overseas included) as `simplify_outlines` makes them: the test
/// regenerates them and compares. `PASSERELLE_WRITE_OUTLINES=1` rewrites them.
#[test]
fn shipped_outlines_are_the_simplified_geo_fr_outlines() {
    with_shared_data!(data => {
        let shipped = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../models/outlines");
        for (source, name, features) in [
            ("regions-avec-outre-mer.geojson", "regions.geojson", 18),
            ("departements-avec-outre-mer.geojson", "departements.geojson", 101),
        ] {
            let bytes = std::fs::read(data.join("geo_fr").join(source)).unwrap();
            let collection: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
            let simplified = passerelle_engine::simplify_outlines(
                &collection,
                passerelle_engine::OutlineParams::default(),
                passerelle_engine::OUTLINES_ATTRIBUTION,
            )
            .unwrap();
            assert_eq!(simplified["features"].as_array().unwrap().len(), features);
            let path = shipped.join(name);
            if std::env::var_os("PASSERELLE_WRITE_OUTLINES").is_some() {
                std::fs::create_dir_all(&shipped).unwrap();
                std::fs::write(&path, serde_json::to_string(&simplified).unwrap()).unwrap();
            }
            let written = std::fs::read(&path).unwrap();
            assert!(
                written.len() * 4 < bytes.len(),
                "{name}: {} bytes for {} of source",
                written.len(),
                bytes.len()
            );
            let written: serde_json::Value = serde_json::from_slice(&written).unwrap();
            assert!(written == simplified, "{name} differs from the regenerated outlines");
        }
    });
}
