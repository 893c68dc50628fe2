//! Fuzz target: the analyzer's own UAX#29 word segmentation against
//! `unicode-segmentation` on any UTF-8 text; both must give the same segments.
#![no_main]

use libfuzzer_sys::fuzz_target;
use unicode_segmentation::UnicodeSegmentation;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let reference: Vec<(usize, &str)> = text.split_word_bound_indices().collect();
        assert_eq!(passerelle_engine::word_bounds(text), reference);
    }
});
