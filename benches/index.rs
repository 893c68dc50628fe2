//! Indexing throughput of the real offers with Passerelle's French analyzer beside
//! tantivy's stock French pipeline (simple tokenizer, lowercase, French stop words,
//! French stemmer, ASCII folding), in one run, each into an in-memory index.
//!
//! Run: `cargo bench -p passerelle-benches --bench index`.

use passerelle_benches::{median_seconds, real_offers};
use passerelle_engine::{TANTIVY_ANALYZER, tantivy_analyzer};
use tantivy::schema::{IndexRecordOption, Schema, TextFieldIndexing, TextOptions};
use tantivy::tokenizer::{
    AsciiFoldingFilter, Language, LowerCaser, RemoveLongFilter, SimpleTokenizer, Stemmer,
    StopWordFilter, TextAnalyzer,
};
use tantivy::{Index, doc};

const RUNS: usize = 3;
const STOCK: &str = "stock_fr";

/// Indexes every text with the named analyzer; returns the number of documents.
fn index_all(texts: &[String], analyzer: &str) -> u64 {
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
    let stock = TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(40))
        .filter(LowerCaser)
        .filter(StopWordFilter::new(Language::French).expect("French stop words"))
        .filter(Stemmer::new(Language::French))
        .filter(AsciiFoldingFilter)
        .build();
    index.tokenizers().register(STOCK, stock);
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

fn main() {
    let texts: Vec<String> = real_offers().iter().map(|o| o.full_text()).collect();
    let bytes: usize = texts.iter().map(String::len).sum();
    let mut rows = Vec::new();
    for (name, analyzer) in [
        ("tantivy stock French pipeline", STOCK),
        ("passerelle French analyzer", TANTIVY_ANALYZER),
    ] {
        let mut documents = 0;
        let seconds = median_seconds(RUNS, || documents = index_all(&texts, analyzer));
        assert_eq!(
            documents as usize,
            texts.len(),
            "{name} indexed every offer"
        );
        rows.push((name, seconds));
    }
    println!(
        "input: {} offers, {:.1} MB; one indexing thread; median of {RUNS} runs",
        texts.len(),
        bytes as f64 / 1e6
    );
    let stock = rows[0].1;
    println!(
        "{:<32} {:>8} {:>10} {:>10}",
        "analyzer", "MB/s", "offers/s", "vs stock"
    );
    for (name, seconds) in rows {
        println!(
            "{:<32} {:>8.1} {:>10.0} {:>9.2}x",
            name,
            bytes as f64 / 1e6 / seconds,
            texts.len() as f64 / seconds,
            stock / seconds
        );
    }
}
