//! Fuzz target: learner profiles as `/api/v1/recommendations` receives them, decoded
//! into `LearnerProfile` and checked.
#![no_main]

use libfuzzer_sys::fuzz_target;
use passerelle_engine::LearnerProfile;

fuzz_target!(|data: &[u8]| {
    if let Ok(profile) = serde_json::from_slice::<LearnerProfile>(data) {
        let _ = profile.check();
    }
});
