//! Indexing throughput of the real offers: Passerelle's index as `passerelle build`
//! writes it, beside the same documents indexed by tantivy's stock French pipeline, in
//! one run, each into a fresh index in a temporary folder.
//!
//! Both sides index the documents of a build of the 5,114 real offers (id, kind, title,
//! text, skills, ROME code, territory, dates, contract), with the same stored fields.
//! The stock side is what tantivy gives out of the box: the French pipeline (simple
//! tokenizer, lowercase, French stop words, French stemmer, ASCII folding) on title and
//! text, `Index::writer` with tantivy's default thread count for the machine, its
//! default merge policy and doc store, one `add_document` per document and one commit.
//! Passerelle's side is `DocumentIndex::upsert_all`, the call the build makes.
//! A second table gives the analyzers alone: one text field, one writer thread each.
//!
//! Run: `cargo bench -p passerelle-benches --bench index`.

use passerelle_benches::{real_offers, shared_data};
use passerelle_engine::{
    DocumentIndex, Engine, EngineConfig, IndexDocument, NeedsParams, TANTIVY_ANALYZER,
    read_geography, tantivy_analyzer,
};
use tantivy::schema::{
    FAST, Facet, FacetOptions, INDEXED, IndexRecordOption, STORED, STRING, Schema,
    TextFieldIndexing, TextOptions,
};
use tantivy::tokenizer::{
    AsciiFoldingFilter, Language, LowerCaser, RemoveLongFilter, SimpleTokenizer, Stemmer,
    StopWordFilter, TextAnalyzer,
};
use tantivy::{Index, doc};

const RUNS: usize = 7;
const STOCK: &str = "stock_fr";
/// The writer's memory budget on the stock side: the figure tantivy's own examples use.
const STOCK_WRITER_MEMORY: usize = 50_000_000;

fn stock_analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(40))
        .filter(LowerCaser)
        .filter(StopWordFilter::new(Language::French).expect("French stop words"))
        .filter(Stemmer::new(Language::French))
        .filter(AsciiFoldingFilter)
        .build()
}

/// A fresh temporary folder for one run.
fn scratch(name: &str, run: usize) -> std::path::PathBuf {
    let folder = std::env::temp_dir().join(format!(
        "passerelle-bench-index-{}-{name}-{run}",
        std::process::id()
    ));
    let _ = std::fs::remove_dir_all(&folder);
    std::fs::create_dir_all(&folder).expect("temporary folder");
    folder
}

/// The documents indexed by tantivy's stock pipeline with its defaults; the schema
/// holds the fields Passerelle's index holds, title and text with the stock analyzer.
fn stock_index(folder: &std::path::Path, documents: &[IndexDocument]) -> u64 {
    let mut builder = Schema::builder();
    let analysed = TextOptions::default()
        .set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(STOCK)
                .set_index_option(IndexRecordOption::WithFreqsAndPositions),
        )
        .set_stored();
    let id = builder.add_text_field("id", STRING | STORED);
    let kind = builder.add_text_field("kind", STRING | STORED);
    let title = builder.add_text_field("title", analysed.clone());
    let text = builder.add_text_field("text", analysed);
    let skills = builder.add_text_field("skills", STRING | STORED);
    let rome = builder.add_text_field("rome", STRING | STORED);
    let territory = builder.add_facet_field("territory", FacetOptions::default());
    let bassin = builder.add_text_field("bassin", STRING | STORED);
    let commune = builder.add_text_field("commune", STRING | STORED);
    let created = builder.add_text_field("created", STORED);
    let created_day = builder.add_u64_field("created_day", INDEXED | FAST);
    let contract = builder.add_text_field("contract", STRING | STORED);
    let index = Index::create_in_dir(folder, builder.build()).expect("stock index");
    index.tokenizers().register(STOCK, stock_analyzer());
    let mut writer = index.writer(STOCK_WRITER_MEMORY).expect("stock writer");
    for document in documents {
        let mut stock = doc!(
            id => document.id.clone(),
            kind => "posting",
            title => document.title.clone(),
            text => document.text.clone(),
        );
        for skill in &document.skills {
            stock.add_text(skills, skill);
        }
        if let Some(code) = &document.rome {
            stock.add_text(rome, code.as_str());
        }
        if let Some(placement) = &document.placement {
            let mut path = format!("/fr/{}", placement.region);
            if let Some(departement) = &placement.departement {
                path.push('/');
                path.push_str(departement);
            }
            stock.add_facet(territory, Facet::from(path.as_str()));
            if let Some(code) = &placement.bassin {
                stock.add_text(bassin, code);
            }
            if let Some(code) = &placement.commune {
                stock.add_text(commune, code.as_str());
            }
        }
        if let Some(date) = &document.created {
            stock.add_text(created, date);
            let digits: String = date.chars().take(10).filter(char::is_ascii_digit).collect();
            if let Ok(day) = digits.parse::<u64>() {
                stock.add_u64(created_day, day);
            }
        }
        if let Some(value) = &document.contract {
            stock.add_text(contract, value);
        }
        writer.add_document(stock).expect("add");
    }
    writer.commit().expect("commit");
    writer.wait_merging_threads().expect("merges");
    index.reader().expect("reader").searcher().num_docs()
}

/// The documents indexed as the build indexes them.
fn passerelle_index(folder: &std::path::Path, documents: &[IndexDocument]) -> u64 {
    let mut index = DocumentIndex::open_or_create(folder).expect("passerelle index");
    index.upsert_all(documents).expect("upsert");
    index.len()
}

/// One text field, one writer thread: the analyzers alone.
fn analyzer_only(texts: &[String], analyzer: &str) -> u64 {
    let mut builder = Schema::builder();
    let options = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(analyzer)
            .set_index_option(IndexRecordOption::WithFreqsAndPositions),
    );
    let body = builder.add_text_field("body", options);
    let index = Index::create_in_ram(builder.build());
    index
        .tokenizers()
        .register(TANTIVY_ANALYZER, tantivy_analyzer());
    index.tokenizers().register(STOCK, stock_analyzer());
    let mut writer = index
        .writer_with_num_threads(1, 100_000_000)
        .expect("writer");
    for text in texts {
        writer
            .add_document(doc!(body => text.clone()))
            .expect("add");
    }
    writer.commit().expect("commit");
    index.reader().expect("reader").searcher().num_docs()
}

/// CPU seconds this process has used so far, every thread included (exited ones
/// too), from `/proc/self/stat` in clock ticks of 10 ms.
fn cpu_seconds() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    // The fields after the command name, which is in brackets and may hold spaces.
    let after = stat.rsplit_once(')').map_or("", |(_, rest)| rest);
    let fields: Vec<&str> = after.split_whitespace().collect();
    // utime and stime are the 14th and 15th fields, the 12th and 13th after `)`.
    let ticks = |i: usize| {
        fields
            .get(i)
            .and_then(|v| v.parse::<f64>().ok())
            .unwrap_or(0.0)
    };
    (ticks(11) + ticks(12)) / 100.0
}

/// One contender's median wall and CPU seconds.
#[derive(Clone, Copy)]
struct Timing {
    wall: f64,
    cpu: f64,
}

/// Median wall and CPU seconds of `RUNS` runs of each contender, the runs interleaved
/// so that a change in the machine's load touches both alike.
fn interleaved(
    contenders: &mut [(&str, &mut dyn FnMut(usize) -> u64)],
    expected: u64,
) -> Vec<Timing> {
    let mut walls = vec![Vec::new(); contenders.len()];
    let mut cpus = vec![Vec::new(); contenders.len()];
    for run in 0..RUNS {
        for (slot, (name, contender)) in contenders.iter_mut().enumerate() {
            let (start, cpu) = (std::time::Instant::now(), cpu_seconds());
            let documents = contender(run);
            walls[slot].push(start.elapsed().as_secs_f64());
            cpus[slot].push(cpu_seconds() - cpu);
            assert_eq!(documents, expected, "{name} indexed every document");
        }
    }
    let median = |mut t: Vec<f64>| {
        t.sort_by(f64::total_cmp);
        t[t.len() / 2]
    };
    walls
        .into_iter()
        .zip(cpus)
        .map(|(wall, cpu)| Timing {
            wall: median(wall),
            cpu: median(cpu),
        })
        .collect()
}

fn print_table(title: &str, rows: &[(&str, Timing)], bytes: usize, documents: usize) {
    println!("{title}");
    println!(
        "{:<40} {:>8} {:>10} {:>10} {:>10} {:>12}",
        "contender", "MB/s", "offers/s", "vs stock", "CPU s", "CPU vs stock"
    );
    let stock = rows[0].1;
    for (name, timing) in rows {
        println!(
            "{:<40} {:>8.1} {:>10.0} {:>9.2}x {:>10.3} {:>11.2}x",
            name,
            bytes as f64 / 1e6 / timing.wall,
            documents as f64 / timing.wall,
            stock.wall / timing.wall,
            timing.cpu,
            stock.cpu / timing.cpu
        );
    }
}

fn main() {
    let load = || {
        std::fs::read_to_string("/proc/loadavg")
            .unwrap_or_default()
            .trim()
            .to_string()
    };
    println!("load average at start: {}", load());
    let engine = Engine::open(&EngineConfig::builtin()).expect("builtin engine");
    let geography = read_geography(&shared_data().join("geo_fr")).expect("geography");
    let offers = real_offers();
    let build = engine
        .build_needs(
            &geography,
            &offers,
            &[],
            &NeedsParams::default(),
            None,
            "bench",
        )
        .expect("build");
    let documents = IndexDocument::of_build(&offers, &build.postings, &[], &geography);
    let n = documents.len();
    let bytes: usize = documents.iter().map(|d| d.title.len() + d.text.len()).sum();
    println!(
        "input: the documents of a build of {n} real offers, {:.1} MB of title and text; \
         {} cores; median of {RUNS} interleaved runs",
        bytes as f64 / 1e6,
        std::thread::available_parallelism().map_or(1, |c| c.get())
    );

    let mut folders = Vec::new();
    let mut stock = |run: usize| {
        let folder = scratch("stock", run);
        let count = stock_index(&folder, &documents);
        folders.push(folder);
        count
    };
    let mut ours_folders = Vec::new();
    let mut ours = |run: usize| {
        let folder = scratch("passerelle", run);
        let count = passerelle_index(&folder, &documents);
        ours_folders.push(folder);
        count
    };
    let seconds = interleaved(
        &mut [
            ("tantivy stock French pipeline", &mut stock),
            ("passerelle index (the build's call)", &mut ours),
        ],
        n as u64,
    );
    for folder in folders.iter().chain(&ours_folders) {
        std::fs::remove_dir_all(folder).expect("remove temporary index");
    }
    print_table(
        "whole documents, on disk, each side's writer settings",
        &[
            ("tantivy stock French pipeline", seconds[0]),
            ("passerelle index (the build's call)", seconds[1]),
        ],
        bytes,
        n,
    );

    let texts: Vec<String> = offers.iter().map(|o| o.full_text()).collect();
    let text_bytes: usize = texts.iter().map(String::len).sum();
    let mut stock_alone = |_| analyzer_only(&texts, STOCK);
    let mut ours_alone = |_| analyzer_only(&texts, TANTIVY_ANALYZER);
    let alone = interleaved(
        &mut [
            ("tantivy stock French analyzer", &mut stock_alone),
            ("passerelle French analyzer", &mut ours_alone),
        ],
        texts.len() as u64,
    );
    println!();
    print_table(
        "analyzers alone: one text field in memory, one writer thread each",
        &[
            ("tantivy stock French analyzer", alone[0]),
            ("passerelle French analyzer", alone[1]),
        ],
        text_bytes,
        texts.len(),
    );
    println!("load average at end: {}", load());
}
