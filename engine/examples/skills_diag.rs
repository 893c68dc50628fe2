//! Lists the most predicted skills and how often each was ticked (development aid).
use std::collections::HashMap;

use passerelle_engine::{Engine, EngineConfig, MentionSource, TaxonomySpec, read_postings};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let config = EngineConfig {
        taxonomy: TaxonomySpec::Rome(args[1].clone().into()),
        ..EngineConfig::builtin()
    };
    let engine = Engine::open(&config).unwrap();
    let mut stats: HashMap<(String, String), (usize, usize)> = HashMap::new();
    for file in &args[2..] {
        for (_, p) in read_postings(file.as_ref()).unwrap().records {
            if p.labelled_skills.is_empty() {
                continue;
            }
            let gold: Vec<String> = p
                .labelled_skills
                .iter()
                .map(|s| format!("rome:{}", s.code))
                .collect();
            let e = engine.extract(&p.title, &p.description);
            let mut seen = std::collections::HashSet::new();
            for m in &e.skills {
                if m.score < 0.5 || !seen.insert(m.skill.clone()) {
                    continue;
                }
                let src = match m.source {
                    MentionSource::Occupation => "occ",
                    _ => "verb",
                };
                let e = stats.entry((m.label.clone(), src.to_string())).or_default();
                e.0 += 1;
                if gold.contains(&m.skill.to_string()) {
                    e.1 += 1;
                }
            }
        }
    }
    let mut v: Vec<_> = stats.into_iter().collect();
    v.sort_by_key(|(_, (n, _))| std::cmp::Reverse(*n));
    for ((label, src), (n, hit)) in v.iter().take(50) {
        println!("{n}\t{hit}\t{src}\t{label}");
    }
}
