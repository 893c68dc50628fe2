//! Fuzz target: France Travail postings (JSON lines, API pages, `{"id","text"}`) through
//! `parse_postings`, and each line through `parse_line`.
#![no_main]

use libfuzzer_sys::fuzz_target;
use passerelle_engine::{parse_line, parse_postings};

fuzz_target!(|data: &[u8]| {
    let batch = parse_postings("fuzz", data);
    // Every record read is either accepted or rejected with a reason.
    assert_eq!(
        batch.report.read,
        batch.report.accepted + batch.report.rejected.len() as u64
    );
    assert_eq!(batch.records.len() as u64, batch.report.accepted);
    for line in data.split(|&b| b == b'\n') {
        let _ = parse_line(line);
    }
});
