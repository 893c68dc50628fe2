//! Grid search over linking parameters (development aid; not a fitted model):
//! `GRID="ew,core,link,off,exp,temp;..." cargo run --release --example tune_extract -- ROME_DIR FILE...`
use passerelle_engine::{
    ClassifierParams, Engine, EngineConfig, EvalOptions, ExtractParams, LinkingParams,
    TaxonomySpec, evaluate_extraction, read_postings,
};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let mut postings = Vec::new();
    for file in &args[2..] {
        postings.extend(
            read_postings(file.as_ref())
                .unwrap()
                .records
                .into_iter()
                .map(|(_, p)| p),
        );
    }
    let grid = std::env::var("GRID").unwrap_or_else(|_| "0.75,0.2,0.05,0.5,1,0.08".into());
    for spec in grid.split(';') {
        let v: Vec<f32> = spec.split(',').map(|x| x.parse().unwrap()).collect();
        let defaults = ExtractParams::default();
        let extract = ExtractParams {
            off_profile_factor: v[3],
            classifier: ClassifierParams {
                temperature: v[5],
                ..defaults.classifier
            },
            linking: LinkingParams {
                evidence_weight: v[0],
                prior_weight: v[1],
                core_factor: v[2],
                probability_exponent: v[4],
                ..defaults.linking
            },
            ..defaults
        };
        let config = EngineConfig {
            taxonomy: TaxonomySpec::Rome(args[1].clone().into()),
            rome: None,
            extract,
        };
        let engine = Engine::open(&config).unwrap();
        let r = evaluate_extraction(&engine, &postings, &EvalOptions::default());
        println!(
            "{spec}\tP {:.3} R {:.3} F1 {:.3} R@10 {:.3} MAP {:.3} pred/offer {:.1} | E: F1 {:.3} R@10 {:.3}",
            r.all.precision,
            r.all.recall,
            r.all.f1,
            r.all.recall_at_10,
            r.all.map,
            r.all.predicted as f64 / r.all.offers as f64,
            r.required.f1,
            r.required.recall_at_10
        );
    }
}
