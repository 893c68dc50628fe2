//! Fuzz target: learner profiles that pass `check` are ranked against the demo corpus
//! (built-in taxonomy and geography, demo needs model and catalogue), as the
//! `/api/v1/recommendations` handler does: resolution of skills, target and location,
//! filters, scores and reasons.
#![no_main]

use std::sync::{Arc, OnceLock};

use libfuzzer_sys::fuzz_target;
use passerelle_engine::{
    Engine, EngineConfig, LearnerProfile, Ranker, ValidRankParams, builtin_geography,
    demo_catalogue, demo_model,
};

/// The demo catalogue's reference day.
const TODAY: &str = "2026-11-29";

fn ranker() -> &'static Ranker {
    static RANKER: OnceLock<Ranker> = OnceLock::new();
    RANKER.get_or_init(|| {
        let engine = Engine::open(&EngineConfig::builtin()).expect("builtin engine");
        let geography = Arc::new(builtin_geography().expect("builtin geography"));
        let model = Arc::new(demo_model().expect("demo model"));
        let trainings = demo_catalogue()
            .records
            .into_iter()
            .map(|(_, t)| t)
            .collect();
        Ranker::new(
            engine.extractor().clone(),
            geography,
            model,
            trainings,
            ValidRankParams::default(),
        )
    })
}

fuzz_target!(|data: &[u8]| {
    let Ok(profile) = serde_json::from_slice::<LearnerProfile>(data) else {
        return;
    };
    if profile.check().is_err() {
        return;
    }
    if let Ok(result) = ranker().recommend(&profile, TODAY) {
        // The handler serialises every result.
        serde_json::to_vec(&result).expect("serialisable recommendations");
    }
});
