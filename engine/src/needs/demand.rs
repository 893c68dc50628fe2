//! Each métier's demand profile: the share of its postings asking for each skill.

use super::*;

/// The demand profile of each métier: share of its postings asking for each skill.
pub(super) fn occupation_demand(
    analysed: &[Analysed],
    bags: &[SkillBag],
    taxonomy: &Taxonomy,
    extractor: &Extractor,
) -> BTreeMap<RomeCode, OccupationDemand> {
    let mut tallies: BTreeMap<RomeCode, (usize, HashMap<&SkillId, usize>)> = BTreeMap::new();
    for (posting, bag) in analysed.iter().zip(bags) {
        let Some(code) = posting.occupation else {
            continue;
        };
        let tally = tallies.entry(code).or_default();
        tally.0 += 1;
        for (skill, _) in bag {
            *tally.1.entry(skill).or_insert(0) += 1;
        }
    }
    tallies
        .into_iter()
        .filter(|(_, (postings, _))| *postings >= MIN_PROFILE_POSTINGS)
        .map(|(code, (postings, counts))| {
            let mut skills: Vec<WeightedSkill> = counts
                .into_iter()
                .map(|(id, n)| WeightedSkill {
                    id: id.clone(),
                    label: taxonomy
                        .skill(id)
                        .map_or_else(|| id.to_string(), |s| s.label.clone()),
                    weight: round4(n as f32 / postings as f32),
                })
                .filter(|s| s.weight >= MIN_PROFILE_SHARE)
                .collect();
            skills.sort_by(|a, b| b.weight.total_cmp(&a.weight).then(a.id.cmp(&b.id)));
            skills.truncate(MAX_PROFILE_SKILLS);
            let label = extractor
                .occupation_label(&code)
                .unwrap_or_else(|| code.to_string());
            (
                code,
                OccupationDemand {
                    label,
                    postings,
                    skills,
                },
            )
        })
        .collect()
}
