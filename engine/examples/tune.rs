//! Grid search over classifier parameters (development aid; not a fitted model):
//! `cargo run --release --example tune -- ROME_DIR FILE...`, grid given by env `GRID`.
use std::sync::Arc;

use passerelle_engine::{ClassifierParams, ExtractParams, Extractor, read_postings, read_rome};
use rayon::prelude::*;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let rome = Arc::new(read_rome(args[1].as_ref()).unwrap());
    let mut postings = Vec::new();
    for file in &args[2..] {
        postings.extend(
            read_postings(file.as_ref())
                .unwrap()
                .records
                .into_iter()
                .map(|(_, p)| p),
        );
    }
    let grid = std::env::var("GRID").unwrap_or_else(|_| "1,1,3,0.6,1.0".into());
    for spec in grid.split(';') {
        let v: Vec<f32> = spec.split(',').map(|x| x.parse().unwrap()).collect();
        let classifier = ClassifierParams {
            title_weight: v[0],
            body_weight: v[1],
            title_repeat: v[2],
            appellation_coverage: v[3],
            parent_share: v[4],
            domain_weight: v.get(5).copied().unwrap_or(1.0),
            top_level_bonus: v.get(6).copied().unwrap_or(0.0),
            ..ClassifierParams::default()
        };
        let params = ExtractParams {
            classifier,
            ..ExtractParams::default()
        };
        let extractor = Extractor::new(rome.clone(), Some(rome.clone()), params);
        let r: [usize; 9] = postings
            .par_iter()
            .filter_map(|p| {
                let gold = p.rome?;
                let occ = extractor.classify(&p.title, &p.description);
                let rank = occ.iter().position(|o| o.code == gold);
                let a3 = usize::from(rank.is_some_and(|r| r < 3));
                let d = usize::from(gold.domain() == "M18");
                let top = rome
                    .occupation(&gold)
                    .map_or(0, |o| usize::from(o.parent.is_none()));
                let root = |c: &passerelle_engine::RomeCode| {
                    rome.occupation(c).and_then(|o| o.parent).unwrap_or(*c)
                };
                let a1 = usize::from(occ.first().is_some_and(|o| o.code == gold));
                let fam = usize::from(occ.first().is_some_and(|o| root(&o.code) == root(&gold)));
                if std::env::var("SHOW").is_ok() && fam == 0 {
                    println!(
                        "{gold}\t{}\t{:?}",
                        p.title,
                        occ.iter()
                            .take(3)
                            .map(|o| o.code.to_string())
                            .collect::<Vec<_>>()
                    );
                }
                Some([1, a1, a3, d, d * a1, d * a3, top, top * a1, fam])
            })
            .reduce(|| [0; 9], |a, b| std::array::from_fn(|i| a[i] + b[i]));
        let f = |a: usize, b: usize| a as f64 / b.max(1) as f64;
        println!(
            "{spec}\tacc1 {:.3} acc3 {:.3} | m18 acc1 {:.3} acc3 {:.3} | toplevel-gold {:.2} acc1 {:.3} child acc1 {:.3} family@1 {:.3}",
            f(r[1], r[0]),
            f(r[2], r[0]),
            f(r[4], r[3]),
            f(r[5], r[3]),
            f(r[6], r[0]),
            f(r[7], r[6]),
            f(r[1] - r[7], r[0] - r[6]),
            f(r[8], r[0])
        );
    }
}
