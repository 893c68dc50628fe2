//! Quality on the real France Travail offers of `../shared/data/offers`, guarded by
//! floors just under the figures measured when the guard was set (README, "Quality").
//!
//! Properties pinned down:
//! - every development offer file is read without rejection;
//! - occupation accuracy and skill-linking figures do not regress;
//! - on the ROME's real mobility links towards digital métiers, the learner ranking's
//!   top 5 teaches more of the missing core skills than a ranking by title match;
//! - the mentions' `required` agrees with hand labels on most labelled mentions;
//! - the mentions' spans find most hand-labelled skill spans, and most of them overlap
//!   one.
//! - driving licences and languages written in the offers are found, with the
//!   offers' own `permis[]` and `langues[]` as labels.

use std::collections::HashSet;
use std::sync::Arc;

use passerelle_engine::{
    AdaptParams, Engine, EngineConfig, EvalOptions, ExtractParams, JobPosting, LabelPart, Ranker,
    RomeCode, TaxonomySpec, ValidRankParams, builtin_geography, builtin_lexicon, demo_catalogue,
    demo_model, evaluate_certifications, evaluate_classification, evaluate_extraction,
    evaluate_mobility, evaluate_required, mobility_pairs, parse_required_labels, read_postings,
    sample_pairs,
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

/// The engine on the ROME 4.0 référentiel of `data`, nothing learned.
fn rome_engine(data: &std::path::Path) -> Engine {
    Engine::open(&EngineConfig {
        taxonomy: TaxonomySpec::Rome(data.join("rome_v460")),
        ..EngineConfig::builtin()
    })
    .unwrap()
}

#[test]
fn real_offers_quality_floors() {
    with_shared_data!(data => {
        let postings = offers(&data);
        let engine = rome_engine(&data);
        let classification = evaluate_classification(&engine, &postings, &EvalOptions::default());
        assert!(classification.accuracy_at_1 >= 0.64, "{classification:?}");
        assert!(classification.accuracy_at_3 >= 0.78, "{classification:?}");
        let extraction = evaluate_extraction(&engine, &postings, &EvalOptions::default());
        assert!(extraction.all.f1 >= 0.255, "{extraction:?}");
        assert!(extraction.all.recall_at_10 >= 0.38, "{extraction:?}");

        // Adapted to the unlabelled batch (measured: accuracy@1 0.702, @3 0.813; F1
        // 0.269, recall@10 0.389): pseudo-labels teach no tick rates.
        let adapted = engine.adapt(&postings, AdaptParams::default());
        assert!(adapted.extractor().learned().is_some_and(|l| !l.knows_ticks()));
        let classification = evaluate_classification(&adapted, &postings, &EvalOptions::default());
        assert!(classification.accuracy_at_1 >= 0.68, "{classification:?}");
        assert!(classification.accuracy_at_3 >= 0.80, "{classification:?}");
        let extraction = evaluate_extraction(&adapted, &postings, &EvalOptions::default());
        assert!(extraction.all.f1 >= 0.255, "{extraction:?}");
        assert!(extraction.all.recall_at_10 >= 0.375, "{extraction:?}");

        // Learning at run time from the labelled offers, 5-fold cross-validated (measured
        // when the guard was set: F1 0.502, recall@10 0.563, accuracy@1 0.745, @3 0.852;
        // 0.737 and 0.844 before the logistic regression joined the naive-Bayes models;
        // 0.726 and 0.847 since offers coded M1805 teach its specialised fiches too: this
        // 2025 file codes web developers M1805, which now go to M1855 as ROME 4.0 says).
        let learning = EvalOptions {
            folds: 5,
            ..EvalOptions::default()
        };
        let extraction = evaluate_extraction(&engine, &postings, &learning);
        assert!(extraction.all.f1 >= 0.48, "{extraction:?}");
        assert!(extraction.all.recall_at_10 >= 0.54, "{extraction:?}");
        let classification = evaluate_classification(&engine, &postings, &learning);
        assert!(classification.accuracy_at_1 >= 0.72, "{classification:?}");
        assert!(classification.accuracy_at_3 >= 0.845, "{classification:?}");
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

/// The digital-titles export codes the ROME 4.0 specialisations (M1855, M1811, ...).
/// Measured when the guard was set: M18xx accuracy@1 0.566, @3 0.695 (0.408 and 0.566
/// before English title words and title parts were handled, 0.546 and 0.683 before web
/// technologies in titles named the web specialisation).
#[test]
fn digital_titles_classification_floors() {
    with_shared_data!(data => {
        let batch = read_postings(&data.join("offers/ft_digital_titles_2026-04.csv")).unwrap();
        let postings: Vec<JobPosting> = batch.records.into_iter().map(|(_, p)| p).collect();
        let engine = rome_engine(&data);
        let report = evaluate_classification(&engine, &postings, &EvalOptions::default());
        assert!(report.digital_offers >= 750, "{report:?}");
        assert!(report.digital_accuracy_at_1 >= 0.55, "{report:?}");
        assert!(report.digital_accuracy_at_3 >= 0.68, "{report:?}");
        // Learned from offers all coded with the parent fiche M1805, it does no worse
        // than the référentiel alone (measured: 0.567 against 0.566; 0.537 against 0.546
        // before the learned models were weighed by the référentiel's belief that an
        // offer is among the métiers they learned).
        let parents = read_postings(&data.join("offers/ft_m1805_2025-10.jsonl")).unwrap();
        let parents: Vec<JobPosting> = parents.records.into_iter().map(|(_, p)| p).collect();
        let learned = engine
            .learn(&parents, passerelle_engine::LearnParams::default())
            .unwrap();
        let learned = evaluate_classification(&learned, &postings, &EvalOptions::default());
        assert!(
            learned.digital_accuracy_at_1 >= report.digital_accuracy_at_1,
            "{learned:?} against {report:?}"
        );
        // Adapted to the batch without reading its labels (measured: 0.585, 0.720).
        let adapted = engine.adapt(&postings, AdaptParams::default());
        assert!(adapted.extractor().learned().is_some_and(|l| l.report().pseudo));
        let report = evaluate_classification(&adapted, &postings, &EvalOptions::default());
        assert!(report.digital_accuracy_at_1 >= 0.56, "{report:?}");
        assert!(report.digital_accuracy_at_3 >= 0.69, "{report:?}");
        // Learned from the file's own labels, 5-fold cross-validated (measured: 0.691,
        // 0.853).
        let learning = EvalOptions {
            folds: 5,
            ..EvalOptions::default()
        };
        let report = evaluate_classification(&engine, &postings, &learning);
        assert!(report.digital_accuracy_at_1 >= 0.67, "{report:?}");
        assert!(report.digital_accuracy_at_3 >= 0.83, "{report:?}");
    });
}

/// 300 of the 2,010 mobility links of ROME v460 towards a digital métier (measured when
/// the guard was set: covered@5 0.170 for the ranker, 0.063 for the title baseline; since
/// linking sums the evidence of several métiers, 0.192 against 0.097, wins 211 to 3).
#[test]
fn ranker_beats_title_match_on_real_mobilities() {
    with_shared_data!(data => {
        let config = EngineConfig {
            taxonomy: TaxonomySpec::Rome(data.join("rome_v460")),
            rome: None,
            extract: ExtractParams::default(),
        };
        let ranker = Ranker::new(
            Engine::open(&config).unwrap().extractor().clone(),
            Arc::new(builtin_geography().unwrap()),
            Arc::new(demo_model().unwrap()),
            demo_catalogue().records.into_iter().map(|(_, t)| t).collect(),
            ValidRankParams::default(),
        );
        let digital: HashSet<RomeCode> = builtin_lexicon()
            .unwrap()
            .occupations()
            .iter()
            .map(|o| o.code)
            .collect();
        let pairs = mobility_pairs(ranker.extractor().taxonomy(), |code| {
            digital.contains(&code) || code.domain() == "M18"
        });
        assert!(pairs.len() >= 2000, "{} mobility pairs", pairs.len());
        let report =
            evaluate_mobility(&ranker, &sample_pairs(&pairs, 300), "2026-11-29", 5).unwrap();
        assert!(report.pairs >= 250 && report.destinations >= 50, "{report:?}");
        assert!(
            report.ranker.covered_at_k > report.title_baseline.covered_at_k,
            "{report:?}"
        );
        assert!(report.coverage_ratio >= 1.8, "{report:?}");
        assert!(report.ranker_wins > 10 * report.baseline_wins, "{report:?}");
    });
}

/// The mentions' `required` against the hand labels of `labels/required/dev.jsonl`
/// (see its `GUIDELINE.md`): on the check part, labelled before the cues were tuned and
/// not looked at while tuning, at least 60% of the labelled mentions agree (measured
/// when the guard was set: check 0.786, tune 0.970; 0.490 and 0.635 before the reader
/// knew profiles, missions and sentence cues).
#[test]
fn required_agrees_with_hand_labels() {
    with_shared_data!(data => {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("labels/required/dev.jsonl");
        let text = std::fs::read_to_string(&path).unwrap();
        let labels = parse_required_labels(&path, &text).unwrap();
        assert!(labels.iter().any(|l| l.part == LabelPart::Check));
        let engine = Engine::open(&EngineConfig::builtin()).unwrap();
        let report = evaluate_required(&engine, &offers(&data), &labels).unwrap();
        assert!(report.offers >= 35, "{report:?}");
        assert!(report.check.agreement >= 0.60, "{report:?}");
    });
}

/// The mentions' spans against the hand labels of every skill span of 40 dev offers
/// (`labels/spans/dev.jsonl`, see its `GUIDELINE.md`), built-in lexicon. Measured when
/// the guard was set: span-overlap F1 0.802 on both parts (check part, not looked at
/// while the lexicon grew, 0.722), precision 0.898 on digital offers and 0.849 on the
/// others, recall 0.738 technical, 0.706 methods, 0.678 domains, 0.818 savoir-être
/// (before the ROME savoirs and the trade entries: F1 0.552, check 0.547, precision
/// 0.908 and 0.742, domains 0.244).
#[test]
fn spans_agree_with_hand_labels() {
    with_shared_data!(data => {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("labels/spans/dev.jsonl");
        let text = std::fs::read_to_string(&path).unwrap();
        let labels = passerelle_engine::parse_span_labels(&path, &text).unwrap();
        let engine = Engine::open(&EngineConfig::builtin()).unwrap();
        let report = passerelle_engine::evaluate_spans(&engine, &offers(&data), &labels, 0.0).unwrap();
        assert_eq!(report.all.offers, 40, "{report:?}");
        assert!(report.all.f1 >= 0.78, "{report:?}");
        assert!(report.check.f1 >= 0.70, "{report:?}");
        assert!(report.digital.precision >= 0.884, "{report:?}");
        assert!(report.other.precision >= 0.83, "{report:?}");
        for kind in report.all.kinds.iter().filter(|k| k.kind != passerelle_engine::SpanKind::Certification) {
            assert!(kind.recall >= 0.65, "{kind:?}");
        }
    });
}

/// Driving licences and languages against the offers' `permis[]` and `langues[]`
/// (Passerelle issue 15; measured when the guard was set, both files, built-in
/// lexicon: licences found 140 of the 140 listed ones the text names, precision 0.936,
/// 145 of 839 listed found; languages 98 of 104 named, precision 0.809, 106 of 277).
/// Precision counts a found item the offer does not list as wrong, although the text
/// names it: it is a lower bound.
#[test]
fn certifications_and_languages_against_listed_fields() {
    with_shared_data!(data => {
        let engine = Engine::open(&EngineConfig::builtin()).unwrap();
        let report = evaluate_certifications(&engine, &offers(&data));
        let licences = &report.licences;
        assert!(licences.offers >= 800 && licences.counts.named >= 130, "{licences:?}");
        assert!(licences.recall_named >= 0.95, "{licences:?}");
        assert!(licences.precision >= 0.90, "{licences:?}");
        assert!(licences.recall >= 0.15, "{licences:?}");
        let languages = &report.languages;
        assert!(languages.offers >= 240 && languages.counts.named >= 95, "{languages:?}");
        assert!(languages.recall_named >= 0.90, "{languages:?}");
        assert!(languages.precision >= 0.77, "{languages:?}");
        assert!(languages.recall >= 0.35, "{languages:?}");
    });
}
