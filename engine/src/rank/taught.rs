//! Which of a learner's gap skills each training teaches, found from the skills' side:
//! the catalogue keeps, for every taxonomy skill, the entries whose curriculum teaches
//! it ([`Teaching`], built once), and a ranking walks the lists of its gap skills only
//! ([`GapTaught`]) instead of scanning every curriculum against the gap.
//!
//! A gap of 30 skills touches a few hundred list items; scanning the curricula of the
//! trainings that pass the other filters read thousands of skill positions.

use crate::model::SkillId;

use super::{Entry, GapKey};

/// For each taxonomy position, the entries teaching that skill, ascending (one flat
/// array cut by offsets).
#[derive(Debug, Clone, Default)]
pub(super) struct Teaching {
    /// `entries[offsets[i]..offsets[i + 1]]` teach the skill at position `i`.
    offsets: Vec<u32>,
    entries: Vec<u32>,
}

impl Teaching {
    /// From each entry's sorted taxonomy positions, for a taxonomy of `skills` skills.
    pub fn new(entries: &[Entry], skills: usize) -> Teaching {
        let mut counts = vec![0u32; skills + 1];
        for entry in entries {
            for &index in &entry.skill_indices {
                counts[index as usize + 1] += 1;
            }
        }
        for at in 1..counts.len() {
            counts[at] += counts[at - 1];
        }
        let offsets = counts.clone();
        let mut next = counts;
        let mut taught = vec![0u32; offsets.last().copied().unwrap_or(0) as usize];
        for (at, entry) in entries.iter().enumerate() {
            for &index in &entry.skill_indices {
                let slot = &mut next[index as usize];
                taught[*slot as usize] = at as u32;
                *slot += 1;
            }
        }
        Teaching {
            offsets,
            entries: taught,
        }
    }

    /// The entries teaching the skill at a taxonomy position.
    fn teaching(&self, index: u32) -> &[u32] {
        match (
            self.offsets.get(index as usize),
            self.offsets.get(index as usize + 1),
        ) {
            (Some(&from), Some(&to)) => &self.entries[from as usize..to as usize],
            _ => &[],
        }
    }
}

/// The gap skills every entry teaches, as bits in gap order: a ranking's view.
pub(super) struct GapTaught<'a> {
    /// Words of bits per entry.
    words: usize,
    /// `words` words per entry, in catalogue order.
    taught: Vec<u64>,
    /// Gap skills without a taxonomy position, with their gap position, compared by id
    /// when an entry is checked.
    by_id: Vec<(usize, &'a SkillId)>,
    /// Gap weights, in gap order.
    weights: Vec<f32>,
}

impl<'a> GapTaught<'a> {
    /// Marks, for every entry, the gap skills with a taxonomy position it teaches.
    pub fn new(
        teaching: &Teaching,
        entries: usize,
        keys: &[GapKey<'a>],
        weights: Vec<f32>,
    ) -> GapTaught<'a> {
        let words = keys.len().div_ceil(64);
        let mut taught = vec![0u64; entries * words];
        let mut by_id = Vec::new();
        for (position, &(index, id)) in keys.iter().enumerate() {
            let Some(index) = index else {
                by_id.push((position, id));
                continue;
            };
            let bit = 1 << (position % 64);
            for &entry in teaching.teaching(index) {
                taught[entry as usize * words + position / 64] |= bit;
            }
        }
        GapTaught {
            words,
            taught,
            by_id,
            weights,
        }
    }

    /// Completes entry `at`'s bits with the gap skills compared by id; true when it
    /// teaches a gap skill.
    pub fn check(&mut self, at: usize, entry: &Entry) -> bool {
        let words = &mut self.taught[at * self.words..(at + 1) * self.words];
        for &(position, id) in &self.by_id {
            if entry.teaches(&(None, id)) {
                words[position / 64] |= 1 << (position % 64);
            }
        }
        words.iter().any(|&word| word != 0)
    }

    /// Whether entry `at` teaches the gap skill at `position` (complete once
    /// [`GapTaught::check`] has seen the entry).
    pub fn teaches(&self, at: usize, position: usize) -> bool {
        self.taught[at * self.words + position / 64] & (1 << (position % 64)) != 0
    }

    /// The weight of the gap skills entry `at` teaches, summed in gap order (the order
    /// of a float sum shows in its last bits).
    pub fn weight(&self, at: usize) -> f32 {
        // The neutral element `Iterator::sum` starts from: an entry teaching nothing
        // weighs -0.0, as it always has.
        let mut sum = -0.0;
        for (word_at, &word) in self.taught[at * self.words..(at + 1) * self.words]
            .iter()
            .enumerate()
        {
            let mut bits = word;
            while bits != 0 {
                sum += self.weights[word_at * 64 + bits.trailing_zeros() as usize];
                bits &= bits - 1;
            }
        }
        sum
    }

    /// The gap positions entry `at` teaches and those it does not, each in gap order
    /// (complete once [`GapTaught::check`] has seen the entry). Both lists are sized
    /// from the entry's bits: a listed training's skill lists never grow.
    pub fn split(&self, at: usize) -> (Vec<u32>, Vec<u32>) {
        let words = &self.taught[at * self.words..(at + 1) * self.words];
        let count: usize = words.iter().map(|word| word.count_ones() as usize).sum();
        let len = self.weights.len();
        let mut gained = Vec::with_capacity(count);
        let mut missing = Vec::with_capacity(len - count);
        for position in 0..len {
            if self.teaches(at, position) {
                gained.push(position as u32);
            } else {
                missing.push(position as u32);
            }
        }
        (gained, missing)
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::super::{Ranker, ValidRankParams};
    use super::*;
    use crate::{Engine, EngineConfig, builtin_geography, demo_catalogue, demo_model};

    #[test]
    fn the_lists_mark_what_each_curriculum_teaches() {
        let engine = Engine::open(&EngineConfig::builtin()).unwrap();
        let trainings = (demo_catalogue().records.into_iter())
            .map(|(_, t)| t)
            .collect();
        let ranker = Ranker::new(
            engine.extractor().clone(),
            Arc::new(builtin_geography().unwrap()),
            Arc::new(demo_model().unwrap()),
            trainings,
            ValidRankParams::default(),
        );
        let taxonomy = ranker.extractor.taxonomy();
        // A gap over two words: the skills the catalogue teaches most, some never
        // taught, and two compared by id (one taught, one unknown to the taxonomy).
        let mut taught_most: Vec<u32> = (0..taxonomy.skills().len() as u32).collect();
        taught_most.sort_by_key(|&i| std::cmp::Reverse(ranker.teaching.teaching(i).len()));
        let unknown = SkillId::parse("passerelle:nowhere-taught").unwrap();
        let by_id = taxonomy.skill_at(taught_most[0]).id.clone();
        let mut keys: Vec<GapKey> = (taught_most.iter().take(70))
            .chain(taught_most.iter().rev().take(5))
            .map(|&i| (Some(i), &taxonomy.skill_at(i).id))
            .collect();
        keys.insert(3, (None, &by_id));
        keys.push((None, &unknown));
        let weights: Vec<f32> = (0..keys.len()).map(|i| 1.0 + i as f32).collect();
        let mut gap = GapTaught::new(&ranker.teaching, ranker.entries.len(), &keys, weights);
        let mut teaching = 0;
        for (at, entry) in ranker.entries.iter().enumerate() {
            let any = gap.check(at, entry);
            let expected: Vec<bool> = keys.iter().map(|key| entry.teaches(key)).collect();
            let marked: Vec<bool> = (0..keys.len()).map(|p| gap.teaches(at, p)).collect();
            assert_eq!(marked, expected, "{}", entry.training.id);
            assert_eq!(any, expected.contains(&true));
            let weight: f32 = (expected.iter().enumerate())
                .filter(|(_, t)| **t)
                .map(|(p, _)| 1.0 + p as f32)
                .sum();
            assert_eq!(gap.weight(at).to_bits(), weight.to_bits());
            let (gained, missing) = gap.split(at);
            let positions = |taught: bool| -> Vec<u32> {
                (0..keys.len() as u32)
                    .filter(|&p| expected[p as usize] == taught)
                    .collect()
            };
            assert_eq!((&gained, &missing), (&positions(true), &positions(false)));
            assert_eq!(
                (gained.capacity(), missing.capacity()),
                (gained.len(), missing.len())
            );
            teaching += usize::from(any);
        }
        assert_eq!(gap.words, 2);
        assert!(teaching > 100, "{teaching} entries teach the gap");
    }
}
