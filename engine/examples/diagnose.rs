//! Prints misclassified offers (development aid: `cargo run --release --example diagnose -- ROME_DIR FILE...`).
use passerelle_engine::{Engine, EngineConfig, TaxonomySpec, read_postings};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let config = EngineConfig {
        taxonomy: TaxonomySpec::Rome(args[1].clone().into()),
        ..EngineConfig::builtin()
    };
    let engine = Engine::open(&config).unwrap();
    for file in &args[2..] {
        for (_, posting) in read_postings(file.as_ref()).unwrap().records {
            let Some(gold) = posting.rome else { continue };
            let extraction = engine.extract(&posting.title, &posting.description);
            let top: Vec<String> = extraction
                .occupations
                .iter()
                .take(3)
                .map(|o| {
                    format!(
                        "{}({:.2} t{:.2} b{:.2})",
                        o.code, o.score, o.title_score, o.text_score
                    )
                })
                .collect();
            let rank = extraction.occupations.iter().position(|o| o.code == gold);
            if rank != Some(0) {
                println!("{gold}\t{:?}\t{}\t{}", rank, posting.title, top.join(" "));
            }
        }
    }
}
