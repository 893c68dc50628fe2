//! Prints gold and predicted skills of a few offers (development aid).
use passerelle_engine::{Engine, EngineConfig, TaxonomySpec, read_postings};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let config = EngineConfig {
        taxonomy: TaxonomySpec::Rome(args[1].clone().into()),
        ..EngineConfig::builtin()
    };
    let engine = Engine::open(&config).unwrap();
    let skip: usize = args[3].parse().unwrap();
    for (_, p) in read_postings(args[2].as_ref())
        .unwrap()
        .records
        .into_iter()
        .filter(|(_, p)| !p.labelled_skills.is_empty())
        .skip(skip)
        .take(3)
    {
        println!(
            "=== {} [{}] {}",
            p.title,
            p.rome.map(|r| r.to_string()).unwrap_or_default(),
            &p.description
                .chars()
                .take(300)
                .collect::<String>()
                .replace('\n', " ")
        );
        let e = engine.extract(&p.title, &p.description);
        println!(
            "occ: {:?}",
            e.occupations
                .iter()
                .take(3)
                .map(|o| format!("{} {:.2}", o.code, o.score))
                .collect::<Vec<_>>()
        );
        let gold: Vec<String> = p
            .labelled_skills
            .iter()
            .map(|s| format!("rome:{}", s.code))
            .collect();
        for s in &p.labelled_skills {
            println!("  GOLD {} {}", s.code, s.label);
        }
        for (id, score) in e
            .distinct_skills()
            .into_iter()
            .filter(|(id, _)| id.as_str().starts_with("rome:"))
            .take(12)
        {
            let label = engine
                .taxonomy()
                .skill(id)
                .map(|s| s.label.clone())
                .unwrap_or_default();
            println!(
                "  {} {:.2} {} {}",
                if gold.contains(&id.to_string()) {
                    "HIT "
                } else {
                    "    "
                },
                score,
                id,
                label
            );
        }
    }
}
