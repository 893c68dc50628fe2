//! A need described for people: its label, its top skills and métiers, examples.

use super::*;

#[allow(clippy::too_many_arguments)]
pub(super) fn describe_cluster(
    index: usize,
    members: &[usize],
    postings: &[JobPosting],
    analysed: &[Analysed],
    sparse: &[Vec<(u32, f32)>],
    vocabulary: &SkillVocabulary,
    taxonomy: &Taxonomy,
    extractor: &Extractor,
    params: &NeedsParams,
    centroids: &ndarray::Array2<f32>,
) -> NeedsCluster {
    let mut weights: HashMap<u32, f32> = HashMap::new();
    for &m in members {
        for &(position, weight) in &sparse[m] {
            *weights.entry(position).or_insert(0.0) += weight;
        }
    }
    let mut top: Vec<(u32, f32)> = weights.into_iter().collect();
    top.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    top.truncate(params.top_skills);
    let size = members.len().max(1) as f32;
    let top_skills: Vec<WeightedSkill> = top
        .iter()
        .map(|&(position, weight)| {
            let id = vocabulary.skills[position as usize].clone();
            let label = taxonomy
                .skill(&id)
                .map_or_else(|| id.to_string(), |s| s.label.clone());
            WeightedSkill {
                id,
                label,
                weight: round4(weight / size),
            }
        })
        .collect();
    let mut occupations: HashMap<RomeCode, usize> = HashMap::new();
    for &m in members {
        if let Some(code) = analysed[m].occupation {
            *occupations.entry(code).or_insert(0) += 1;
        }
    }
    let mut rome: Vec<(RomeCode, usize)> = occupations.into_iter().collect();
    rome.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let rome: Vec<RomeShare> = rome
        .into_iter()
        .take(5)
        .map(|(code, n)| RomeShare {
            code,
            label: extractor.occupation_label(&code).unwrap_or_default(),
            share: round4(n as f32 / size),
        })
        .collect();
    let mut label = match rome.first() {
        // Name the need after a métier only when one clearly dominates it.
        Some(first)
            if first.share >= 0.4
                && rome
                    .get(1)
                    .is_none_or(|second| first.share >= 1.5 * second.share) =>
        {
            format!("{} : ", first.label)
        }
        _ => "Compétences : ".to_string(),
    };
    // Technical skills name a need better than transversal ones.
    let technical: Vec<&WeightedSkill> = top_skills
        .iter()
        .filter(|s| {
            taxonomy
                .skill(&s.id)
                .is_none_or(|k| !k.kind.is_transversal())
        })
        .collect();
    let named: Vec<&WeightedSkill> = if technical.is_empty() {
        top_skills.iter().collect()
    } else {
        technical
    };
    label.push_str(
        &named
            .iter()
            .take(3)
            .map(|s| s.label.as_str())
            .collect::<Vec<_>>()
            .join(", "),
    );
    // Examples: members nearest the centroid come first.
    let mut examples: Vec<usize> = members.to_vec();
    examples.sort_by(|&a, &b| {
        let overlap = |m: usize| -> f32 {
            sparse[m]
                .iter()
                .filter(|(p, _)| top.iter().any(|(t, _)| t == p))
                .map(|(_, w)| w)
                .sum()
        };
        overlap(b)
            .total_cmp(&overlap(a))
            .then(postings[a].id.cmp(&postings[b].id))
    });
    NeedsCluster {
        // Temporary: the index, replaced by the stable id.
        id: index.to_string(),
        label,
        size: members.len(),
        share: 0.0,
        centroid: centroids.row(index).iter().map(|v| round4(*v)).collect(),
        top_skills,
        rome,
        examples: examples
            .into_iter()
            .take(params.examples)
            .map(|m| Example {
                id: postings[m].id.clone(),
                title: postings[m].title.clone(),
            })
            .collect(),
    }
}
