//! The observatory build, stage by stage and at scale: extraction alone, the whole
//! `build_needs`, its vectors and clustering replicated through the public API, and
//! indexing (in memory and on disk), with peak RSS after each stage.
//!
//! Run: `cargo bench -p passerelle-benches --bench build` (the 5,114 real offers).
//! Scale: `PASSERELLE_BENCH_SCALE=100000 cargo bench -p passerelle-benches --bench build`
//! replicates the real offers to N postings with seeded perturbations (new ids,
//! shuffled sentences, one sentence dropped, the location of another offer).
//! `PASSERELLE_BENCH_RAM_INDEX_MAX` (default 200000) caps the in-memory index stage.

use std::time::Instant;

use passerelle_benches::{real_offers, shared_data};
use passerelle_engine::{
    DocumentIndex, Engine, EngineConfig, IndexDocument, JobPosting, NeedsBuild, NeedsParams,
    Projection, SkillBag, SkillVocabulary, partition, read_geography, skill_bag,
};
use rand::seq::SliceRandom;
use rand::{Rng, SeedableRng};
use rand_xoshiro::Xoshiro256PlusPlus;
use rayon::prelude::*;

const SEED: u64 = 20_251_129;

fn main() {
    let scale: Option<usize> = std::env::var("PASSERELLE_BENCH_SCALE")
        .ok()
        .filter(|v| !v.trim().is_empty())
        .map(|v| v.trim().parse().expect("PASSERELLE_BENCH_SCALE is a count"));
    let ram_index_max: usize =
        std::env::var("PASSERELLE_BENCH_RAM_INDEX_MAX")
            .ok()
            .map_or(200_000, |v| {
                v.trim()
                    .parse()
                    .expect("PASSERELLE_BENCH_RAM_INDEX_MAX is a count")
            });
    let mut memory = Memory::new();
    println!(
        "load average at start: {}",
        std::fs::read_to_string("/proc/loadavg")
            .unwrap_or_default()
            .trim()
    );

    let started = Instant::now();
    let engine = Engine::open(&EngineConfig::builtin()).expect("builtin engine");
    let geography = read_geography(&shared_data().join("geo_fr")).expect("geography");
    let offers = real_offers();
    println!(
        "setup: engine (builtin lexicon, {} skills) + geography + {} real offers in {:.1}s, \
         {} rayon threads; {}",
        engine.taxonomy().skills().len(),
        offers.len(),
        started.elapsed().as_secs_f64(),
        rayon::current_num_threads(),
        memory.note("setup"),
    );
    assert!(offers.len() > 5_000, "real offers: {}", offers.len());

    let postings = match scale {
        None => offers,
        Some(n) => {
            let start = Instant::now();
            let postings = replicate(&offers, n);
            drop(offers);
            let bytes: usize = postings
                .iter()
                .map(|p| p.title.len() + p.description.len())
                .sum();
            println!(
                "replicated to {} postings ({:.0} MB of title and description) in {:.1}s; {}",
                postings.len(),
                bytes as f64 / 1e6,
                start.elapsed().as_secs_f64(),
                memory.note("replicate"),
            );
            postings
        }
    };
    let n = postings.len();
    let mut stages: Vec<Stage> = Vec::new();

    // (b) The whole build (postings only, no training catalogue), first, so that its
    // peak is not inflated by the bench's own intermediate results.
    memory.reset();
    let params = NeedsParams::default();
    let start = Instant::now();
    let build: NeedsBuild = engine
        .build_needs(&geography, &postings, &[], &params, None, "bench")
        .expect("build");
    let whole = start.elapsed().as_secs_f64();
    stages.push(memory.stage("(b) build_needs, whole", whole, n));
    let model = &build.model;
    println!(
        "build: {} postings, {} with skills, {} placed, unplaced {:?}; {} clusters, \
         k by silhouette {:?}",
        model.counts.postings,
        model.counts.with_skills,
        model.counts.placed,
        model.counts.unplaced,
        model.clusters.len(),
        model.k_selection
    );
    check_build(&build, n);

    // (c) Indexing, as `passerelle build` does it: the build's documents streamed into
    // the writer, which holds at most its memory budget.
    memory.reset();
    if n <= ram_index_max {
        let start = Instant::now();
        let mut index = DocumentIndex::in_memory().expect("in-memory index");
        index
            .upsert_all(IndexDocument::stream_build(
                &postings,
                &build.postings,
                &[],
                &geography,
            ))
            .expect("upsert in memory");
        let seconds = start.elapsed().as_secs_f64();
        assert_eq!(index.len(), n as u64, "documents in the in-memory index");
        stages.push(memory.stage("(c) index upsert, in memory", seconds, n));
    } else {
        println!("(c) in-memory index skipped: {n} > PASSERELLE_BENCH_RAM_INDEX_MAX");
    }
    memory.reset();
    let folder =
        std::env::temp_dir().join(format!("passerelle-bench-index-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&folder);
    let start = Instant::now();
    let segments = {
        let mut index = DocumentIndex::open_or_create(&folder).expect("disk index");
        index
            .upsert_all(IndexDocument::stream_build(
                &postings,
                &build.postings,
                &[],
                &geography,
            ))
            .expect("upsert on disk");
        assert_eq!(index.len(), n as u64, "documents in the disk index");
        index.segments()
    };
    let index_seconds = start.elapsed().as_secs_f64();
    let on_disk = folder_bytes(&folder);
    std::fs::remove_dir_all(&folder).expect("remove the temporary index");
    stages.push(memory.stage(
        &format!(
            "(c) index upsert, temp dir ({:.0} MB, {segments} segments)",
            on_disk as f64 / 1e6
        ),
        index_seconds,
        n,
    ));
    println!(
        "build + index on disk: {:.1}s; process peak RSS so far {:.0} MB",
        whole + index_seconds,
        memory.process_peak_mb()
    );
    let clusters_of_build = model.clusters.len();
    let k_selection = model.k_selection.clone();
    let with_skills = model.counts.with_skills;
    drop(build);

    // (a) Extraction alone, as the build runs it (rayon over postings); the skill bags
    // are kept for the replicated vectors and clustering below.
    memory.reset();
    let taxonomy = engine.taxonomy();
    let start = Instant::now();
    let (bags, mentions): (Vec<SkillBag>, Vec<usize>) = postings
        .par_iter()
        .map(|p| {
            let extraction = engine.extract(&p.title, &p.description);
            let mentions = extraction.skills.len();
            (skill_bag(&extraction, &params.vectors, taxonomy), mentions)
        })
        .unzip();
    let extraction = start.elapsed().as_secs_f64();
    let mentions: usize = mentions.iter().sum();
    stages.push(memory.stage("(a) extraction (+ skill bags), rayon", extraction, n));
    assert!(
        mentions > 5 * n,
        "extraction found {mentions} mentions in {n} postings"
    );

    // Vectors: vocabulary, sparse TF-IDF rows, dense projection (as `needs::build`).
    memory.reset();
    let start = Instant::now();
    let vocabulary = SkillVocabulary::fit(&bags, params.vectors.min_documents);
    // Only postings with a technical skill (not savoir-être, not a language) are
    // clustered.
    let technical = |bag: &SkillBag| {
        bag.iter().any(|(id, _)| {
            vocabulary.position(id).is_some()
                && taxonomy.skill(id).is_none_or(|s| !s.kind.is_transversal())
        })
    };
    let rows: Vec<Vec<(u32, f32)>> = bags
        .iter()
        .filter(|b| technical(b))
        .map(|b| vocabulary.sparse(b))
        .filter(|r| !r.is_empty())
        .collect();
    let projection = Projection::new(
        vocabulary.len(),
        params.vectors.dimensions,
        params.vectors.seed,
    );
    let dense = projection.project(&rows);
    let vectors = start.elapsed().as_secs_f64();
    stages.push(memory.stage("    vectors (replicated)", vectors, n));
    assert_eq!(dense.nrows(), with_skills, "rows to cluster");
    drop(rows);
    drop(bags);

    // Clustering: k by silhouette on a sample, then k-means on every row.
    memory.reset();
    let cluster_params = params.clusters.check().expect("cluster params");
    let start = Instant::now();
    let found = partition(&dense, &cluster_params).expect("partition");
    let clustering = start.elapsed().as_secs_f64();
    stages.push(memory.stage(
        &format!("    clustering (replicated, k={})", found.k),
        clustering,
        n,
    ));
    let same = found.k_selection == k_selection && found.k >= clusters_of_build;
    println!(
        "replicated clustering: k={} (build kept {clusters_of_build} non-empty clusters), \
         inertia {:.4}, same k selection as the build: {same}",
        found.k, found.inertia
    );
    let mut sizes = vec![0usize; found.k];
    for &c in &found.assignments {
        sizes[c] += 1;
    }
    assert!(
        sizes.iter().filter(|&&s| s > 0).count() >= 2,
        "clusters: {sizes:?}"
    );

    let rest = whole - extraction - vectors - clustering;
    println!();
    println!(
        "{:<46} {:>9} {:>12} {:>14} {:>14}",
        "stage", "seconds", "postings/s", "stage peak MB", "process peak"
    );
    for stage in &stages {
        println!(
            "{:<46} {:>9.2} {:>12.0} {:>14.0} {:>14.0}",
            stage.name,
            stage.seconds,
            n as f64 / stage.seconds,
            stage.peak_mb,
            stage.process_peak_mb
        );
    }
    println!(
        "{:<46} {:>9.2} {:>12.0}",
        "(b - a) vectors + clustering + indicators",
        whole - extraction,
        n as f64 / (whole - extraction)
    );
    println!(
        "{:<46} {:>9.2} {:>12}",
        "(b - a - vectors - clustering) indicators etc.",
        rest,
        if rest > 0.0 {
            format!("{:.0}", n as f64 / rest)
        } else {
            "(noise)".to_string()
        }
    );
    println!(
        "postings: {n}; build_needs {whole:.1}s = extraction {:.0}% + vectors {:.0}% + \
         clustering {:.0}% + rest {:.0}%; process peak RSS {:.0} MB",
        100.0 * extraction / whole,
        100.0 * vectors / whole,
        100.0 * clustering / whole,
        100.0 * rest / whole,
        memory.process_peak_mb()
    );
}

/// The real offers replicated to `n` postings: copy 0 of each offer is the offer
/// itself, the others get a new id, their description's sentences shuffled with one
/// dropped, and the location of another offer. Deterministic (seeded per posting).
fn replicate(offers: &[JobPosting], n: usize) -> Vec<JobPosting> {
    (0..n)
        .into_par_iter()
        .map(|i| {
            let original = &offers[i % offers.len()];
            let copy = i / offers.len();
            if copy == 0 {
                return original.clone();
            }
            let mut rng = Xoshiro256PlusPlus::seed_from_u64(SEED ^ (i as u64));
            let mut sentences = sentences(&original.description);
            sentences.shuffle(&mut rng);
            if sentences.len() > 2 {
                sentences.remove(rng.gen_range(0..sentences.len()));
            }
            let other = &offers[rng.gen_range(0..offers.len())];
            JobPosting {
                id: format!("{}-r{copy}", original.id),
                description: sentences.join(" "),
                location: other.location.clone(),
                ..original.clone()
            }
        })
        .collect()
}

/// The sentences of a text: cut after `.`, `!`, `?` followed by whitespace, and at line
/// breaks; trimmed, empty ones left out.
fn sentences(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let end = i + c.len_utf8();
        let cut = match c {
            '\n' => true,
            '.' | '!' | '?' => chars.peek().is_none_or(|(_, next)| next.is_whitespace()),
            _ => false,
        };
        if cut {
            out.push(text[start..end].trim());
            start = end;
        }
    }
    out.push(text[start..].trim());
    out.retain(|s| !s.is_empty());
    out
}

/// What a correct build of `n` postings must show, whatever its speed.
fn check_build(build: &NeedsBuild, n: usize) {
    let model = &build.model;
    assert_eq!(model.counts.postings, n, "postings counted");
    assert_eq!(build.postings.len(), n, "one analysis per posting");
    // Clustered: postings with a technical skill (about 40% of all-sector offers).
    assert!(
        model.counts.with_skills * 10 > n * 3,
        "postings with a technical skill: {} of {n}",
        model.counts.with_skills
    );
    assert!(
        model.counts.placed * 10 > n * 9,
        "postings placed: {} of {n}",
        model.counts.placed
    );
    let k = model.clusters.len();
    assert!((6..=30).contains(&k), "clusters: {k}");
    let sizes: usize = model.clusters.iter().map(|c| c.size).sum();
    assert_eq!(
        sizes, model.counts.with_skills,
        "cluster sizes add up to the clustered postings"
    );
    let assigned = build
        .postings
        .iter()
        .filter(|p| p.cluster.is_some())
        .count();
    assert_eq!(
        assigned, model.counts.with_skills,
        "postings given a cluster"
    );
    assert!(
        model
            .clusters
            .iter()
            .all(|c| !c.label.is_empty() && !c.top_skills.is_empty()),
        "every cluster is labelled"
    );
    assert!(!model.territories.is_empty(), "territorial indicators");
}

/// Bytes of the files under a folder.
fn folder_bytes(folder: &std::path::Path) -> u64 {
    std::fs::read_dir(folder).map_or(0, |entries| {
        entries
            .flatten()
            .map(|e| match e.metadata() {
                Ok(m) if m.is_dir() => folder_bytes(&e.path()),
                Ok(m) => m.len(),
                Err(_) => 0,
            })
            .sum()
    })
}

struct Stage {
    name: String,
    seconds: f64,
    peak_mb: f64,
    process_peak_mb: f64,
}

/// Peak resident memory, read from `/proc/self/status`. `reset` clears the kernel's
/// high-water mark (`/proc/self/clear_refs`, "5") so that each stage reports its own
/// peak; the process peak is kept across resets.
struct Memory {
    process_peak_kb: u64,
    resettable: bool,
}

impl Memory {
    fn new() -> Memory {
        Memory {
            process_peak_kb: 0,
            resettable: true,
        }
    }

    fn status(field: &str) -> u64 {
        std::fs::read_to_string("/proc/self/status")
            .ok()
            .and_then(|s| {
                s.lines()
                    .find(|l| l.starts_with(field))
                    .and_then(|l| l.split_whitespace().nth(1))
                    .and_then(|v| v.parse().ok())
            })
            .unwrap_or(0)
    }

    /// Peak since the last reset, in kB; updates the process peak.
    fn peak_kb(&mut self) -> u64 {
        let peak = Memory::status("VmHWM:");
        self.process_peak_kb = self.process_peak_kb.max(peak);
        peak
    }

    fn process_peak_mb(&mut self) -> f64 {
        self.peak_kb();
        self.process_peak_kb as f64 / 1024.0
    }

    fn reset(&mut self) {
        self.peak_kb();
        if self.resettable {
            self.resettable = std::fs::write("/proc/self/clear_refs", "5").is_ok();
            if !self.resettable {
                println!("note: cannot reset VmHWM; stage peaks are process peaks");
            }
        }
    }

    fn note(&mut self, what: &str) -> String {
        let peak = self.peak_kb();
        format!(
            "peak RSS after {what}: {:.0} MB (now {:.0} MB)",
            peak as f64 / 1024.0,
            Memory::status("VmRSS:") as f64 / 1024.0
        )
    }

    fn stage(&mut self, name: &str, seconds: f64, n: usize) -> Stage {
        let peak = self.peak_kb();
        let stage = Stage {
            name: name.to_string(),
            seconds,
            peak_mb: peak as f64 / 1024.0,
            process_peak_mb: self.process_peak_kb as f64 / 1024.0,
        };
        println!(
            "{name}: {seconds:.2}s, {:.0} postings/s, peak RSS {:.0} MB (process {:.0} MB, \
             now {:.0} MB)",
            n as f64 / seconds,
            stage.peak_mb,
            stage.process_peak_mb,
            Memory::status("VmRSS:") as f64 / 1024.0
        );
        stage
    }
}
