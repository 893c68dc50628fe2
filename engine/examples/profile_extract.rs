//! Extracts the real offers in a loop, for profiling (development aid).
use std::sync::Arc;

use passerelle_engine::{ExtractParams, Extractor, builtin_lexicon, read_postings, read_rome};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let mut taxonomy = read_rome(args[1].as_ref()).unwrap();
    taxonomy.absorb_synonyms(&builtin_lexicon().unwrap());
    let extractor = Extractor::new(Arc::new(taxonomy), None, ExtractParams::default());
    let offers: Vec<_> = read_postings(args[2].as_ref()).unwrap().records;
    let mut n = 0;
    for _ in 0..3 {
        for (_, o) in &offers {
            n += extractor.extract(&o.title, &o.description).skills.len();
        }
    }
    println!("{n}");
}
