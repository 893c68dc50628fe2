//! Quality on the real France Travail offers of `../shared/data/offers`, guarded by
//! floors just under the figures measured when the guard was set (README, "Quality").
//!
//! Properties pinned down:
//! - every development offer file is read without rejection;
//! - occupation accuracy and skill-linking figures do not regress.

use passerelle_engine::{
    Engine, EngineConfig, JobPosting, TaxonomySpec, evaluate_classification, evaluate_extraction,
    read_postings,
};
use passerelle_tests::with_shared_data;

fn offers(data: &std::path::Path) -> Vec<JobPosting> {
    let mut postings = Vec::new();
    for file in ["ft_m1805_2025-10.jsonl", "ft_allsectors_2025-11.jsonl"] {
        let batch = read_postings(&data.join("offers").join(file)).unwrap();
        assert!(
            batch.report.rejected.is_empty(),
            "{:?}",
            batch.report.rejected
        );
        postings.extend(batch.records.into_iter().map(|(_, p)| p));
    }
    assert_eq!(postings.len(), 877 + 4237);
    postings
}

#[test]
fn real_offers_quality_floors() {
    with_shared_data!(data => {
        let postings = offers(&data);
        let config = EngineConfig {
            taxonomy: TaxonomySpec::Rome(data.join("rome_v460")),
            ..EngineConfig::builtin()
        };
        let engine = Engine::open(&config).unwrap();
        let classification = evaluate_classification(&engine, &postings);
        assert!(classification.accuracy_at_1 >= 0.64, "{classification:?}");
        assert!(classification.accuracy_at_3 >= 0.78, "{classification:?}");
        let extraction = evaluate_extraction(&engine, &postings, 0.5);
        assert!(extraction.all.f1 >= 0.20, "{extraction:?}");
        assert!(extraction.all.recall_at_10 >= 0.29, "{extraction:?}");
    });
}

#[test]
fn digital_titles_csv_is_read() {
    with_shared_data!(data => {
        let batch = read_postings(&data.join("offers/ft_digital_titles_2026-04.csv")).unwrap();
        assert_eq!(batch.report.read, 1045);
        assert!(batch.report.accepted >= 1040, "{:?}", batch.report.rejected);
        assert!(batch.records.iter().all(|(_, p)| p.rome.is_some()));
    });
}
