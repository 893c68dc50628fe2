//! Fuzz target: LHEO 2.3 XML catalogues through `parse_lheo`, which must never fail.
#![no_main]

use libfuzzer_sys::fuzz_target;
use passerelle_engine::parse_lheo;

fuzz_target!(|data: &[u8]| {
    let batch = parse_lheo("fuzz.xml", data);
    assert_eq!(batch.records.len() as u64, batch.report.accepted);
    assert!(batch.report.read >= batch.report.accepted);
});
