//! Shared bench helpers: where the real data lives and how to load the offers.

use std::path::PathBuf;

use passerelle_engine::{JobPosting, read_postings};

/// The real public data folder (`PASSERELLE_SHARED_DATA`, else `../shared/data`).
pub fn shared_data() -> PathBuf {
    std::env::var_os("PASSERELLE_SHARED_DATA")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared/data"))
}

/// The development offers with a text (title and description), in file order.
pub fn real_offers() -> Vec<JobPosting> {
    let folder = shared_data().join("offers");
    let mut postings = Vec::new();
    for file in ["ft_m1805_2025-10.jsonl", "ft_allsectors_2025-11.jsonl"] {
        let path = folder.join(file);
        let batch =
            read_postings(&path).unwrap_or_else(|e| panic!("benchmarks need the real offers: {e}"));
        postings.extend(batch.records.into_iter().map(|(_, p)| p));
    }
    postings
}

/// Median seconds of `runs` runs of each contender, the runs interleaved (one run of
/// each, then again) so that a change in the machine's load in the meantime touches
/// every contender alike rather than the one timed at that moment.
pub fn median_interleaved(runs: usize, contenders: &mut [&mut dyn FnMut()]) -> Vec<f64> {
    let mut timings = vec![Vec::with_capacity(runs); contenders.len()];
    for _ in 0..runs {
        for (slot, run) in contenders.iter_mut().enumerate() {
            let start = std::time::Instant::now();
            run();
            timings[slot].push(start.elapsed().as_secs_f64());
        }
    }
    timings
        .into_iter()
        .map(|mut t| {
            t.sort_by(f64::total_cmp);
            t[t.len() / 2]
        })
        .collect()
}

/// Median of a few timings, in seconds.
pub fn median_seconds(runs: usize, mut run: impl FnMut()) -> f64 {
    let mut timings: Vec<f64> = (0..runs)
        .map(|_| {
            let start = std::time::Instant::now();
            run();
            start.elapsed().as_secs_f64()
        })
        .collect();
    timings.sort_by(f64::total_cmp);
    timings[timings.len() / 2]
}
