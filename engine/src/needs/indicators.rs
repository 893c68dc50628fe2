//! Territorial indicators of the needs: offers per territory and need or skill, with
//! small-cell suppression, growth, training supply (open seats) and tension.

use super::*;

/// A training as supply: the needs it answers (`supply.rs`), its place and its open
/// seats as of the build date.
pub(super) struct TrainingSupply {
    pub(super) needs: Vec<String>,
    pub(super) placement: Option<Placement>,
    pub(super) seats: u32,
}

#[allow(clippy::too_many_arguments)]
pub(super) fn territory_indicators(
    geography: &Geography,
    analysed: &[Analysed],
    bags: &[SkillBag],
    supply: &[TrainingSupply],
    cluster_of: &[Option<usize>],
    final_id: &HashMap<usize, String>,
    cluster_label: &HashMap<&str, &str>,
    taxonomy: &Taxonomy,
    params: &NeedsParams,
    previous: Option<&NeedsModel>,
) -> Vec<TerritoryNeeds> {
    // Territory → (offers, cluster id → offers, skill → offers).
    type Tally = (usize, BTreeMap<String, usize>, BTreeMap<SkillId, usize>);
    let mut tallies: BTreeMap<TerritoryId, Tally> = BTreeMap::new();
    for (i, posting) in analysed.iter().enumerate() {
        let Ok(placement) = &posting.placement else {
            continue;
        };
        for level in [
            TerritoryLevel::Region,
            TerritoryLevel::Departement,
            TerritoryLevel::Bassin,
        ] {
            let Some(code) = placement.at(level) else {
                continue;
            };
            let tally = tallies
                .entry(TerritoryId {
                    level,
                    code: code.to_string(),
                })
                .or_default();
            tally.0 += 1;
            if let Some(id) = cluster_of[i].and_then(|c| final_id.get(&c)) {
                *tally.1.entry(id.clone()).or_insert(0) += 1;
            }
            let distinct: HashSet<&SkillId> = bags[i].iter().map(|(id, _)| id).collect();
            for skill in distinct {
                *tally.2.entry(skill.clone()).or_insert(0) += 1;
            }
        }
    }
    // Territory → need → (trainings, open seats).
    let mut supplied: BTreeMap<TerritoryId, BTreeMap<String, (usize, u32)>> = BTreeMap::new();
    for training in supply {
        let Some(placement) = &training.placement else {
            continue;
        };
        for level in [
            TerritoryLevel::Region,
            TerritoryLevel::Departement,
            TerritoryLevel::Bassin,
        ] {
            if let Some(code) = placement.at(level) {
                let territory = TerritoryId {
                    level,
                    code: code.to_string(),
                };
                // Supply is the open seats: a training without any adds nothing.
                if training.needs.is_empty() || training.seats == 0 {
                    continue;
                }
                tallies.entry(territory.clone()).or_default();
                let needs = supplied.entry(territory).or_default();
                for need in &training.needs {
                    let entry = needs.entry(need.clone()).or_insert((0, 0));
                    entry.0 += 1;
                    entry.1 += training.seats;
                }
            }
        }
    }
    let threshold = params.suppression_threshold;
    tallies
        .into_iter()
        .map(|(territory, (offers, mut clusters, skills))| {
            let before = previous.and_then(|p| p.needs(&territory));
            let territory_supply = supplied.remove(&territory).unwrap_or_default();
            for id in territory_supply.keys() {
                clusters.entry(id.clone()).or_insert(0);
            }
            let cell = |id: String, label: String, count: usize, old: Option<&Cell>| {
                let suppressed = count < threshold;
                Cell {
                    growth: match old {
                        Some(old) if !suppressed && !old.suppressed && old.offers > 0 => Some(
                            round4((count as f32 - old.offers as f32) / old.offers as f32),
                        ),
                        _ => None,
                    },
                    id,
                    label,
                    offers: if suppressed { 0 } else { count },
                    share: if suppressed {
                        0.0
                    } else {
                        round4(count as f32 / offers.max(1) as f32)
                    },
                    suppressed,
                    trainings: 0,
                    seats: 0,
                    tension: None,
                }
            };
            let mut cluster_cells: Vec<Cell> = clusters
                .into_iter()
                .map(|(id, count)| {
                    let label = cluster_label
                        .get(id.as_str())
                        .copied()
                        .unwrap_or("")
                        .to_string();
                    let old = before.and_then(|b| b.clusters.iter().find(|c| c.id == id));
                    let (trainings, seats) = territory_supply.get(&id).copied().unwrap_or((0, 0));
                    let mut need = cell(id, label, count, old);
                    need.trainings = trainings;
                    need.seats = seats;
                    if !need.suppressed {
                        need.tension = Some(super::tension(count, seats));
                    }
                    need
                })
                .collect();
            cluster_cells.sort_by(|a, b| b.offers.cmp(&a.offers).then(a.id.cmp(&b.id)));
            let mut skill_cells: Vec<Cell> = skills
                .into_iter()
                .map(|(id, count)| {
                    let label = taxonomy
                        .skill(&id)
                        .map_or_else(|| id.to_string(), |s| s.label.clone());
                    let key = id.to_string();
                    let old = before.and_then(|b| b.skills.iter().find(|c| c.id == key));
                    cell(key, label, count, old)
                })
                .collect();
            skill_cells.sort_by(|a, b| b.offers.cmp(&a.offers).then(a.id.cmp(&b.id)));
            // Suppressed skill cells say nothing but their number; keep the model small.
            let skills_suppressed = skill_cells.iter().filter(|c| c.suppressed).count();
            skill_cells.retain(|c| !c.suppressed);
            skill_cells.truncate(MAX_SKILL_CELLS);
            let name = geography.name_of(&territory).unwrap_or_default();
            TerritoryNeeds {
                territory,
                name,
                offers,
                clusters: cluster_cells,
                skills: skill_cells,
                skills_suppressed,
            }
        })
        .collect()
}
