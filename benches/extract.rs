//! Extraction throughput on the real offers with the full ROME + ESCO label set, single
//! thread and with rayon, beside the raw aho-corasick crate on the same normalised
//! input (the practical ceiling), the contenders' runs interleaved. Also writes the labels and the normalised corpus to
//! `target/bench-data/` for the Python peers (`benches/peers.py`).
//!
//! Run: `cargo bench -p passerelle-benches --bench extract`.

use std::io::Write;
use std::sync::Arc;

use aho_corasick::{AhoCorasick, MatchKind};
use passerelle_benches::{median_interleaved, real_offers, shared_data};
use passerelle_engine::{
    ExtractParams, Extractor, analyze, builtin_lexicon, read_esco, read_rome, word_bounds,
};
use rayon::prelude::*;
use unicode_segmentation::UnicodeSegmentation;

// The allocator the `passerelle` binary ships with (server/src/main.rs): the extraction
// measured is the one the command line and the server run.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Runs of each contender, interleaved (see [`median_interleaved`]): the median of
/// nine stays put when the machine's load changes for a run or two.
const RUNS: usize = 9;

fn main() {
    let data = shared_data();
    let mut taxonomy = read_rome(&data.join("rome_v460")).expect("ROME export");
    let esco = read_esco(&data.join("esco_fr")).expect("ESCO export");
    taxonomy.extend_skills(&esco);
    taxonomy.absorb_synonyms(&builtin_lexicon().expect("lexicon"));
    let taxonomy = Arc::new(taxonomy);
    let extractor = Extractor::new(taxonomy.clone(), None, ExtractParams::default());
    let offers = real_offers();
    let texts: Vec<String> = offers.iter().map(|o| o.full_text()).collect();
    let bytes: usize = texts.iter().map(String::len).sum();
    println!(
        "input: {} offers, {:.1} MB; labels: {} skills, {} distinct patterns",
        texts.len(),
        bytes as f64 / 1e6,
        taxonomy.skills().len(),
        extractor.pattern_count()
    );

    // The same normalised input and labels for the raw automaton and the peers, made on
    // a thread of their own: the analyzer's per-thread word cache of the timed thread
    // then holds what reading the offers put there, as it would in a service, not the
    // words of 47k référentiel labels.
    let (labels, normalised) = std::thread::scope(|scope| {
        scope
            .spawn(|| {
                let normalise = |text: &str| -> String {
                    analyze(text)
                        .into_iter()
                        .filter(|t| t.is_content())
                        .map(|t| t.term)
                        .collect::<Vec<_>>()
                        .join(" ")
                };
                let mut labels: Vec<String> = taxonomy
                    .skills()
                    .iter()
                    .flat_map(|s| s.surfaces.iter().map(|x| normalise(&x.text)))
                    .filter(|l| !l.is_empty())
                    .collect();
                labels.sort();
                labels.dedup();
                let normalised: Vec<String> = texts.iter().map(|t| normalise(t)).collect();
                (labels, normalised)
            })
            .join()
            .expect("normalisation thread")
    });
    export(&labels, &normalised);
    let padded: Vec<String> = labels.iter().map(|l| format!(" {l} ")).collect();
    let corpus: Vec<String> = normalised.iter().map(|t| format!(" {t} ")).collect();
    let automaton = AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .build(&padded)
        .expect("automaton");

    let mut raw_matches = 0;
    let mut mentions = 0;
    let mut parallel_mentions = 0;
    let mut tokens = 0;
    let mut segments = 0;
    let mut reference_segments = 0;
    let seconds = median_interleaved(
        RUNS,
        &mut [
            &mut || raw_matches = corpus.iter().map(|t| automaton.find_iter(t).count()).sum(),
            &mut || {
                mentions = offers
                    .iter()
                    .map(|o| extractor.extract(&o.title, &o.description).skills.len())
                    .sum()
            },
            &mut || {
                parallel_mentions = offers
                    .par_iter()
                    .map(|o| extractor.extract(&o.title, &o.description).skills.len())
                    .sum()
            },
            &mut || tokens = texts.iter().map(|t| analyze(t).len()).sum(),
            // Word segmentation, the analyzer's first step: its own UAX#29 rules for
            // Latin text beside the unicode-segmentation crate, on the same texts.
            &mut || segments = texts.iter().map(|t| word_bounds(t).len()).sum(),
            &mut || {
                reference_segments = texts
                    .iter()
                    .map(|t| t.split_word_bound_indices().count())
                    .sum()
            },
        ],
    );
    assert_eq!(mentions, parallel_mentions, "rayon finds the same mentions");
    assert_eq!(segments, reference_segments, "both segment alike");
    let rows: Vec<(String, f64, usize)> = vec![
        (
            "aho-corasick on normalised text, 1 thread".into(),
            seconds[0],
            raw_matches,
        ),
        ("passerelle extract, 1 thread".into(), seconds[1], mentions),
        (
            format!(
                "passerelle extract, rayon ({} threads)",
                rayon::current_num_threads()
            ),
            seconds[2],
            parallel_mentions,
        ),
        (
            "passerelle analyzer alone, 1 thread".into(),
            seconds[3],
            tokens,
        ),
        (
            "passerelle word bounds, 1 thread".into(),
            seconds[4],
            segments,
        ),
        (
            "unicode-segmentation word bounds, 1 thread".into(),
            seconds[5],
            reference_segments,
        ),
    ];

    assert!(
        raw_matches > 10_000,
        "raw automaton found {raw_matches} matches"
    );
    assert!(mentions > 10_000, "extractor found {mentions} mentions");
    let ceiling = rows[0].1;
    println!(
        "{:<48} {:>9} {:>10} {:>10} {:>9}",
        "contender", "MB/s", "offers/s", "matches", "vs raw"
    );
    for (name, seconds, count) in &rows {
        println!(
            "{:<48} {:>9.1} {:>10.0} {:>10} {:>8.2}x",
            name,
            bytes as f64 / 1e6 / seconds,
            texts.len() as f64 / seconds,
            count,
            ceiling / seconds
        );
    }
}

/// Writes `labels.txt` (one normalised label a line) and `corpus.txt` (one normalised
/// offer a line) for the Python peers.
fn export(labels: &[String], corpus: &[String]) {
    let folder = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../target/bench-data");
    std::fs::create_dir_all(&folder).expect("bench-data folder");
    let mut file = std::fs::File::create(folder.join("labels.txt")).expect("labels.txt");
    for label in labels {
        writeln!(file, "{label}").expect("write");
    }
    let mut file = std::fs::File::create(folder.join("corpus.txt")).expect("corpus.txt");
    for line in corpus {
        writeln!(file, "{line}").expect("write");
    }
}
