//! Each skill's share of each région's offers, as rankings read it: one row of shares
//! per skill, one column per région of the needs model.
//!
//! A ranking weighs the learner's gap by the demand of the learner's région and of each
//! listed training's région. It looks each gap skill's row up once, then reads the
//! columns of the few régions its trainings are in, instead of two map look-ups (by
//! skill, then by territory) per skill and région.

use rustc_hash::FxHashMap;

use crate::model::SkillId;
use crate::needs::{NeedsModel, TerritoryNeeds};
use crate::taxonomy::Taxonomy;
use crate::territory::{TerritoryId, TerritoryLevel};

/// A région's column in the table.
pub(super) type Column = u16;

/// One skill's demand across the régions.
#[derive(Debug, Clone)]
pub(super) struct SkillRow {
    /// Share of each région's offers asking for the skill, by column (0 where unknown).
    pub shares: Box<[f32]>,
    /// The highest of them.
    pub max: f32,
}

/// The skills' shares of régional offers and the régions' needs, by column.
#[derive(Debug, Clone, Default)]
pub(super) struct RegionalDemand {
    columns: FxHashMap<String, Column>,
    /// Where each column's needs are in the model's territories.
    needs_at: Vec<usize>,
    rows: Vec<SkillRow>,
    /// Each skill's row, by id.
    by_id: FxHashMap<SkillId, u32>,
    /// Each skill's row, by taxonomy position (`u32::MAX` for none).
    by_index: Vec<u32>,
}

impl RegionalDemand {
    pub fn new(model: &NeedsModel, taxonomy: &Taxonomy) -> RegionalDemand {
        let mut columns = FxHashMap::default();
        let mut needs_at = Vec::new();
        for (at, territory) in model.territories.iter().enumerate() {
            if territory.territory.level == TerritoryLevel::Region
                && !columns.contains_key(&territory.territory.code)
            {
                columns.insert(territory.territory.code.clone(), needs_at.len() as Column);
                needs_at.push(at);
            }
        }
        let mut rows: Vec<SkillRow> = Vec::new();
        let mut by_id: FxHashMap<SkillId, u32> = FxHashMap::default();
        for territory in &model.territories {
            let Some(&column) = (territory.territory.level == TerritoryLevel::Region)
                .then(|| columns.get(&territory.territory.code))
                .flatten()
            else {
                continue;
            };
            for cell in &territory.skills {
                let Ok(id) = SkillId::parse(&cell.id) else {
                    continue;
                };
                let at = *by_id.entry(id).or_insert_with(|| {
                    rows.push(SkillRow {
                        shares: vec![0.0; needs_at.len()].into(),
                        max: 0.0,
                    });
                    rows.len() as u32 - 1
                });
                let row = &mut rows[at as usize];
                row.shares[column as usize] = cell.share;
                row.max = row.max.max(cell.share);
            }
        }
        let by_index = (taxonomy.skills().iter())
            .map(|skill| by_id.get(&skill.id).copied().unwrap_or(u32::MAX))
            .collect();
        RegionalDemand {
            columns,
            needs_at,
            rows,
            by_id,
            by_index,
        }
    }

    /// The column of a région of the model.
    pub fn column(&self, region: &TerritoryId) -> Option<Column> {
        (region.level == TerritoryLevel::Region)
            .then(|| self.columns.get(&region.code).copied())
            .flatten()
    }

    /// The régions of the model.
    pub fn len(&self) -> usize {
        self.needs_at.len()
    }

    /// Where a skill's row is, when some région's offers ask for it.
    pub fn row_index(&self, skill: &SkillId) -> Option<u32> {
        self.by_id.get(skill).copied()
    }

    /// Where the row of the skill at a taxonomy position is, when some région's offers
    /// ask for it.
    pub fn row_index_at(&self, index: u32) -> Option<u32> {
        (self.by_index.get(index as usize).copied()).filter(|&at| at != u32::MAX)
    }

    /// The row at a place [`RegionalDemand::row_index`] gave.
    pub fn row(&self, at: u32) -> &SkillRow {
        &self.rows[at as usize]
    }

    /// The needs of the région in `column`, as the model has them.
    pub fn needs<'m>(&self, model: &'m NeedsModel, column: Column) -> &'m TerritoryNeeds {
        &model.territories[self.needs_at[column as usize]]
    }
}
