//! Latency of the rankings, one thread: `Ranker::recommend` on 20 varied learner
//! profiles, `Ranker::coverage` on a pasted curriculum and on a catalogue training, and
//! `Ranker::territory_trainings`, on the demo catalogue (340 trainings) and on 10,000
//! trainings replicated from it; the ranker's build time apart; then, on the 10,000,
//! each profile's median beside the number of trainings passing its hard filters.
//!
//! Run: `cargo bench -p passerelle-benches --bench rank`.
//! `PASSERELLE_BENCH_CALLS` (default 1000, at least 500) sets the calls per operation.
//! Everything runs inside a one-thread rayon pool, so the build (which extracts the
//! curricula in parallel otherwise) is single-threaded too.

use std::sync::Arc;
use std::time::{Duration, Instant};

use jiff::ToSpan;
use jiff::civil::Date;
use passerelle_engine::{
    CoverageRequest, Engine, EngineConfig, Geography, LearnerProfile, NeedsModel, Ranker,
    TerritoryId, Training, ValidRankParams, builtin_geography, demo_catalogue, demo_model,
};
use rand::{Rng, SeedableRng};
use rand_xoshiro::Xoshiro256PlusPlus;
use serde_json::json;

const SEED: u64 = 20_261_129;
/// The demo catalogue's reference day (its sessions and labels are dated around it).
const TODAY: &str = "2026-11-29";
const SCALED: usize = 10_000;

fn main() {
    let calls: usize = std::env::var("PASSERELLE_BENCH_CALLS")
        .ok()
        .filter(|v| !v.trim().is_empty())
        .map_or(1000, |v| {
            v.trim().parse().expect("PASSERELLE_BENCH_CALLS is a count")
        });
    assert!(calls >= 500, "at least 500 calls per operation");
    println!(
        "load average at start: {}",
        std::fs::read_to_string("/proc/loadavg")
            .unwrap_or_default()
            .trim()
    );
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build()
        .expect("one-thread pool");
    pool.install(|| run(calls));
}

fn run(calls: usize) {
    let started = Instant::now();
    let engine = Engine::open(&EngineConfig::builtin()).expect("builtin engine");
    let geography = Arc::new(builtin_geography().expect("builtin geography"));
    let model = Arc::new(demo_model().expect("demo model"));
    let catalogue: Vec<Training> = demo_catalogue()
        .records
        .into_iter()
        .map(|(_, t)| t)
        .collect();
    println!(
        "setup: builtin engine, geography, demo model and {} trainings in {:.2}s",
        catalogue.len(),
        started.elapsed().as_secs_f64()
    );
    assert_eq!(catalogue.len(), 340);
    let scaled = replicate(&catalogue, SCALED);

    let (demo, demo_build) = build(&engine, &geography, &model, catalogue);
    let (large, large_build) = build(&engine, &geography, &model, scaled);
    println!();
    println!(
        "{:<44} {:>10} {:>12}",
        "ranker build (1 thread)", "trainings", "seconds"
    );
    for (ranker, seconds) in [(&demo, demo_build), (&large, large_build)] {
        println!(
            "{:<44} {:>10} {:>12.2}",
            "Ranker::new",
            ranker.len(),
            seconds
        );
    }

    let profiles = profiles();
    let pasted = CoverageRequest {
        curriculum: Some(CURRICULUM.to_string()),
        title: Some("Développeur web full stack".to_string()),
        territory: "region:84".to_string(),
        ..CoverageRequest::default()
    };
    let by_id = CoverageRequest {
        training_id: Some("gen-0001".to_string()),
        territory: "departement:69".to_string(),
        ..CoverageRequest::default()
    };
    let territories: Vec<TerritoryId> = [
        "region:84",
        "region:11",
        "region:76",
        "region:32",
        "region:53",
        "departement:69",
        "departement:75",
        "departement:33",
        "departement:31",
        "departement:13",
    ]
    .iter()
    .map(|t| t.parse().expect("territory id"))
    .collect();

    let mut rows: Vec<Row> = Vec::new();
    for ranker in [&demo, &large] {
        // Each profile must rank something, and most of them several trainings.
        let mut ranked = 0;
        let row = measure(
            format!("recommend ({} profiles)", profiles.len()),
            ranker.len(),
            calls,
            |i| {
                let result = ranker
                    .recommend(&profiles[i % profiles.len()], TODAY)
                    .expect("recommend");
                ranked += result.trainings.len();
            },
        );
        assert!(
            ranked >= row.calls * 3,
            "{ranked} trainings over {} calls",
            row.calls
        );
        rows.push(row);

        let mut covered = 0;
        rows.push(measure(
            "coverage, pasted curriculum".into(),
            ranker.len(),
            calls,
            |_| {
                let report = ranker.coverage(&pasted).expect("coverage");
                assert!((0.0..=1.0).contains(&report.alignment.score));
                covered += report.covered.len();
            },
        ));
        assert!(covered >= calls * 5, "{covered} covered skills");

        let mut covered = 0;
        rows.push(measure(
            "coverage, catalogue training".into(),
            ranker.len(),
            calls,
            |_| {
                let report = ranker.coverage(&by_id).expect("coverage");
                covered += report.covered.len();
            },
        ));
        assert!(covered >= calls * 5, "{covered} covered skills");

        let mut listed = 0;
        rows.push(measure(
            format!("territory_trainings ({} territories)", territories.len()),
            ranker.len(),
            calls,
            |i| {
                let territory = &territories[i % territories.len()];
                let ranking = ranker
                    .territory_trainings(territory, TODAY, i.is_multiple_of(2), 20)
                    .expect("territory trainings");
                listed += ranking.trainings.len();
            },
        ));
        assert!(listed >= calls, "{listed} territory trainings");
    }

    // Which profiles cost most: recommend scores every training that passes the hard
    // filters, so its time should follow how many do.
    let mut by_profile: Vec<(usize, usize, Duration)> = profiles
        .iter()
        .enumerate()
        .map(|(i, profile)| {
            let excluded: usize = large
                .recommend(profile, TODAY)
                .expect("recommend")
                .excluded
                .values()
                .sum();
            let row = measure(String::new(), large.len(), 50, |_| {
                large.recommend(profile, TODAY).expect("recommend");
            });
            (i, large.len() - excluded, row.quantile(0.5))
        })
        .collect();
    by_profile.sort_by_key(|(_, _, p50)| std::cmp::Reverse(*p50));

    println!();
    println!(
        "{:<44} {:>10} {:>6} {:>10} {:>10} {:>10} {:>10}",
        "operation (1 thread)", "trainings", "calls", "p50 µs", "p99 µs", "mean µs", "max µs"
    );
    for row in &rows {
        println!(
            "{:<44} {:>10} {:>6} {:>10.0} {:>10.0} {:>10.0} {:>10.0}",
            row.name,
            row.trainings,
            row.calls,
            micros(row.quantile(0.50)),
            micros(row.quantile(0.99)),
            micros(row.mean()),
            micros(*row.timings.last().expect("timings")),
        );
    }
    println!();
    println!(
        "{:<44} {:>10} {:>10}",
        "recommend on 10,000, by profile", "eligible", "p50 µs"
    );
    for (i, eligible, p50) in &by_profile {
        println!(
            "{:<44} {:>10} {:>10.0}",
            format!("profile {i}"),
            eligible,
            micros(*p50)
        );
    }
}

/// Builds a ranker, timing it.
fn build(
    engine: &Engine,
    geography: &Arc<Geography>,
    model: &Arc<NeedsModel>,
    trainings: Vec<Training>,
) -> (Ranker, f64) {
    let started = Instant::now();
    let ranker = Ranker::new(
        engine.extractor().clone(),
        geography.clone(),
        model.clone(),
        trainings,
        ValidRankParams::default(),
    );
    (ranker, started.elapsed().as_secs_f64())
}

/// The timings of one operation, sorted.
struct Row {
    name: String,
    trainings: usize,
    calls: usize,
    timings: Vec<Duration>,
}

impl Row {
    /// The nearest-rank quantile.
    fn quantile(&self, q: f64) -> Duration {
        let rank = ((q * self.timings.len() as f64).ceil() as usize).max(1);
        self.timings[rank.min(self.timings.len()) - 1]
    }

    fn mean(&self) -> Duration {
        self.timings.iter().sum::<Duration>() / self.timings.len() as u32
    }
}

/// Times `calls` calls of `call` (given the call number), after a warm-up of a tenth.
fn measure(name: String, trainings: usize, calls: usize, mut call: impl FnMut(usize)) -> Row {
    for i in 0..calls / 10 {
        call(i);
    }
    let mut timings: Vec<Duration> = (0..calls)
        .map(|i| {
            let start = Instant::now();
            call(i);
            start.elapsed()
        })
        .collect();
    timings.sort();
    Row {
        name,
        trainings,
        calls,
        timings,
    }
}

fn micros(duration: Duration) -> f64 {
    duration.as_secs_f64() * 1e6
}

/// `n` trainings: the catalogue first, then copies with new ids, coordinates moved by up
/// to 0.2° and session and label dates shifted by up to 60 days either way (seeded).
fn replicate(catalogue: &[Training], n: usize) -> Vec<Training> {
    let mut rng = Xoshiro256PlusPlus::seed_from_u64(SEED);
    let mut trainings: Vec<Training> = catalogue.iter().take(n).cloned().collect();
    let mut copy = 0;
    while trainings.len() < n {
        let source = &catalogue[trainings.len() % catalogue.len()];
        if trainings.len().is_multiple_of(catalogue.len()) {
            copy += 1;
        }
        let mut training = source.clone();
        training.id = format!("{}-r{copy:02}", source.id);
        if let (Some(lat), Some(lon)) = (training.location.lat, training.location.lon) {
            training.location.lat = Some(lat + rng.gen_range(-0.2..0.2));
            training.location.lon = Some(lon + rng.gen_range(-0.2..0.2));
        }
        let days: i64 = rng.gen_range(-60..=60);
        for session in &mut training.sessions {
            session.start = shift(&session.start, days);
            session.end = session.end.as_deref().map(|end| shift(end, days));
        }
        if let Some(label) = &mut training.label {
            label.expires = shift(&label.expires, days);
        }
        trainings.push(training);
    }
    trainings
}

fn shift(date: &str, days: i64) -> String {
    let date: Date = date.parse().expect("ISO date in the demo catalogue");
    date.checked_add(days.days())
        .expect("date in range")
        .to_string()
}

/// Twenty profiles: targets by ROME code, job title or skills; skills listed or from a
/// CV; located by commune, postcode or coordinates, or not at all; with and without
/// radius, modalities, level, availability and duration limits.
fn profiles() -> Vec<LearnerProfile> {
    let values = [
        json!({"target": {"rome": "M1805"}}),
        json!({"target": {"rome": "M1810"}, "location": {"commune": "75056"}, "radius_km": 20}),
        json!({"skills": ["HTML", "CSS"], "target": {"appellation": "développeur web"},
               "location": {"commune": "69123"}, "radius_km": 30, "level": 4}),
        json!({"cv_text": "Assistante administrative pendant 5 ans, à l'aise avec Excel et le \
                           travail en équipe. J'ai suivi un MOOC sur JavaScript.",
               "target": {"appellation": "développeur web"}, "location": {"commune": "69123"},
               "radius_km": 30, "modalities": ["presentiel", "distanciel", "hybride"],
               "available_from": "2026-12-01", "max_duration_months": 12, "level": 4}),
        json!({"target": {"skills": ["Python", "SQL", "Power BI"]}, "location": {"postcode": "33000"}}),
        json!({"target": {"rome": "M1802"}, "location": {"commune": "31555"}, "radius_km": 50,
               "modalities": ["presentiel"]}),
        json!({"skills": ["Windows", "Réseaux informatiques"], "target": {"rome": "M1810"},
               "location": {"lat": 48.1117, "lon": -1.6819}, "radius_km": 40}),
        json!({"target": {"appellation": "community manager"}, "location": {"commune": "13055"},
               "modalities": ["distanciel"]}),
        json!({"skills": ["Photoshop", "Illustrator"], "target": {"appellation": "webdesigner"},
               "location": {"commune": "44109"}, "radius_km": 60}),
        json!({"target": {"rome": "M1806"}, "level": 5, "max_duration_months": 6}),
        json!({"cv_text": "Technicien de maintenance industrielle, automatismes, électricité. \
                           Curieux de cybersécurité et de Linux.",
               "target": {"appellation": "technicien support informatique"},
               "location": {"commune": "59350"}, "radius_km": 25}),
        json!({"target": {"skills": ["JavaScript", "React", "Node.js"]}, "location": {"commune": "67482"},
               "radius_km": 100, "available_from": "2027-02-01"}),
        json!({"skills": ["Excel"], "target": {"appellation": "data analyst"},
               "location": {"commune": "75056"}, "radius_km": 15, "level": 6}),
        json!({"target": {"rome": "E1101"}, "location": {"postcode": "35000"}}),
        json!({"target": {"appellation": "administrateur systèmes et réseaux"},
               "location": {"commune": "34172"}, "modalities": ["presentiel", "hybride"], "radius_km": 80}),
        json!({"skills": ["Java", "SQL"], "target": {"rome": "M1805"}, "location": {"commune": "06088"},
               "radius_km": 30, "max_duration_months": 9}),
        json!({"target": {"skills": ["cybersécurité", "Linux", "sécurité réseau"]}, "level": 5}),
        json!({"cv_text": "Vendeuse en boutique, gestion de caisse, réseaux sociaux de la boutique \
                           (Instagram, Facebook), photos produits.",
               "target": {"rome": "E1101"}, "location": {"commune": "21231"}, "radius_km": 50}),
        json!({"target": {"appellation": "développeur mobile"}, "location": {"commune": "63113"},
               "radius_km": 150, "situation": {"job_seeker": true, "rqth": true}}),
        json!({"skills": ["HTML", "CSS", "JavaScript", "PHP", "SQL"], "target": {"rome": "M1805"},
               "location": {"commune": "45234"}, "radius_km": 100, "level": 5, "limit": 20}),
    ];
    values
        .into_iter()
        .map(|v| serde_json::from_value(v).expect("valid profile"))
        .collect()
}

/// A pasted full-stack curriculum, as a provider would submit it.
const CURRICULUM: &str = "Objectifs : former en sept mois des développeurs web capables de \
    concevoir, développer et déployer des applications web complètes. Module 1 : intégration \
    de pages web en HTML et CSS, conception responsive, accessibilité RGAA. Module 2 : \
    programmation en JavaScript, manipulation du DOM, appels d'API REST en JSON. Module 3 : \
    développement d'interfaces avec React et TypeScript, tests unitaires avec Jest. Module 4 : \
    développement côté serveur avec Node.js et Express, authentification, sécurité OWASP. \
    Module 5 : bases de données relationnelles, modélisation Merise, requêtes SQL avec \
    PostgreSQL, notions de MongoDB. Module 6 : gestion de versions avec Git et GitHub, \
    intégration continue, conteneurs Docker, déploiement sur un serveur Linux. Module 7 : \
    méthodes agiles Scrum, travail en équipe, veille technologique et projet fil rouge \
    présenté devant un jury.";
