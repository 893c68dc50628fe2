//! The observatory's memory: each published version's indicators (per territory × need
//! and per territory × skill) kept as a time series, and growth read from it.
//!
//! **Architecture invariant:** this module does no IO; `artifacts` writes one
//! [`HistoryEntry`] per published version and reads them back into a [`History`].

use serde::{Deserialize, Serialize};

use crate::needs::{Cell, NeedsModel};
use crate::spreadsheet::{FrenchCsv, decimal};
use crate::territory::TerritoryId;
use crate::{Error, Result};

/// What a series follows in a territory: a need (cluster id) or a skill (skill id).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "kind", content = "id", rename_all = "snake_case")]
pub enum Indicator {
    Need(String),
    Skill(String),
}

/// One cell of one version, as published (a suppressed cell keeps no count).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HistoryCell {
    pub territory: TerritoryId,
    pub indicator: Indicator,
    pub label: String,
    /// Offers; `None` when the cell was suppressed.
    pub offers: Option<usize>,
    pub trainings: usize,
    pub seats: u32,
    pub tension: Option<f32>,
}

/// The indicators of one published version.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HistoryEntry {
    /// The version number of the build folder.
    pub version: u64,
    /// When the version was built (`2026-11-29T11:00:00Z`).
    pub built_at: String,
    /// Earliest and latest posting dates of the version's corpus.
    pub period: (Option<String>, Option<String>),
    pub cells: Vec<HistoryCell>,
}

impl HistoryEntry {
    /// The published cells of `model`, stamped with its version number.
    pub fn of_model(model: &NeedsModel, version: u64) -> HistoryEntry {
        let mut cells = Vec::new();
        for territory in &model.territories {
            let mut push = |cell: &Cell, indicator: Indicator| {
                cells.push(HistoryCell {
                    territory: territory.territory.clone(),
                    indicator,
                    label: cell.label.clone(),
                    offers: (!cell.suppressed).then_some(cell.offers),
                    trainings: cell.trainings,
                    seats: cell.seats,
                    tension: cell.tension,
                })
            };
            for cell in &territory.clusters {
                push(cell, Indicator::Need(cell.id.clone()));
            }
            for cell in &territory.skills {
                push(cell, Indicator::Skill(cell.id.clone()));
            }
        }
        HistoryEntry {
            version,
            built_at: model.built_at.clone(),
            period: model.period.clone(),
            cells,
        }
    }
}

/// One point of a series: a version where the territory had the indicator.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct HistoryPoint {
    pub version: u64,
    pub built_at: String,
    /// Offers; `None` when suppressed in that version.
    pub offers: Option<usize>,
    pub trainings: usize,
    pub seats: u32,
    pub tension: Option<f32>,
}

/// The series of one indicator in one territory, oldest first, with its growth.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Series {
    pub territory: TerritoryId,
    pub indicator: Indicator,
    /// The label in the latest version that had the indicator.
    pub label: Option<String>,
    /// Every version of the history; a version without the cell has 0 offers.
    pub points: Vec<HistoryPoint>,
    /// Relative change of offers over the last 3 months, when the history reaches back
    /// that far and both ends are published.
    pub growth_3_months: Option<f32>,
    /// The same over 12 months.
    pub growth_12_months: Option<f32>,
}

/// Every published version's indicators, oldest first.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct History {
    entries: Vec<HistoryEntry>,
}

impl History {
    /// A history of `entries`, in any order (sorted by version).
    pub fn new(mut entries: Vec<HistoryEntry>) -> History {
        entries.sort_by_key(|e| e.version);
        entries.dedup_by_key(|e| e.version);
        History { entries }
    }

    /// The versions held.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The entries, oldest first.
    pub fn entries(&self) -> &[HistoryEntry] {
        &self.entries
    }

    /// The series of `indicator` in `territory` over every version; a version that
    /// did not publish the cell counts 0 offers (nothing was asked there then).
    /// `Err(NotFound)` when no version ever had the indicator in the territory.
    pub fn series(&self, territory: &TerritoryId, indicator: &Indicator) -> Result<Series> {
        let mut label = None;
        let points: Vec<HistoryPoint> = self
            .entries
            .iter()
            .map(|entry| {
                let cell = entry
                    .cells
                    .iter()
                    .find(|c| &c.territory == territory && &c.indicator == indicator);
                if let Some(cell) = cell {
                    label = Some(cell.label.clone());
                }
                HistoryPoint {
                    version: entry.version,
                    built_at: entry.built_at.clone(),
                    offers: cell.map_or(Some(0), |c| c.offers),
                    trainings: cell.map_or(0, |c| c.trainings),
                    seats: cell.map_or(0, |c| c.seats),
                    tension: cell.and_then(|c| c.tension),
                }
            })
            .collect();
        if label.is_none() {
            let (kind, value) = match indicator {
                Indicator::Need(id) => (crate::NotFoundKind::Need, id),
                Indicator::Skill(id) => (crate::NotFoundKind::Skill, id),
            };
            return Err(Error::NotFound {
                kind,
                value: format!("{value} ({territory})"),
            });
        }
        Ok(Series {
            growth_3_months: growth_over(&points, 3),
            growth_12_months: growth_over(&points, 12),
            territory: territory.clone(),
            indicator: indicator.clone(),
            label,
            points,
        })
    }
}

impl Series {
    /// The series for French spreadsheets: `;`-separated, decimal commas, UTF-8 with a
    /// byte order mark; a suppressed count is left empty with `secret` = `oui`.
    pub fn to_csv(&self) -> Result<Vec<u8>> {
        let (kind, id) = match &self.indicator {
            Indicator::Need(id) => ("besoin", id.as_str()),
            Indicator::Skill(id) => ("competence", id.as_str()),
        };
        let label = self.label.as_deref().unwrap_or("");
        let territory = self.territory.to_string();
        let mut csv = FrenchCsv::new(&[
            "version",
            "date",
            "territoire",
            "type",
            "id",
            "libelle",
            "offres",
            "secret",
            "formations",
            "places",
            "tension",
        ])?;
        for point in &self.points {
            csv.row([
                point.version.to_string().as_str(),
                &point.built_at,
                &territory,
                kind,
                id,
                label,
                &point.offers.map_or_else(String::new, |o| o.to_string()),
                if point.offers.is_none() { "oui" } else { "non" },
                &point.trainings.to_string(),
                &point.seats.to_string(),
                &(point.tension).map_or_else(String::new, |t| decimal(f64::from(t), Some(4), true)),
            ])?;
        }
        csv.finish()
    }
}

/// Relative change of offers between the latest point and the latest point built at
/// least `months` months before it; `None` when the history is shorter, a date does not
/// parse, either end is suppressed or the older end had no offers.
fn growth_over(points: &[HistoryPoint], months: i8) -> Option<f32> {
    let last = points.last()?;
    let end = parse_time(&last.built_at)?;
    let reach = end
        .to_zoned(jiff::tz::TimeZone::UTC)
        .checked_sub(jiff::Span::new().months(months))
        .ok()?
        .timestamp();
    let start = points
        .iter()
        .rev()
        .find(|p| parse_time(&p.built_at).is_some_and(|t| t <= reach))?;
    let (old, new) = (start.offers?, last.offers?);
    if old == 0 {
        return None;
    }
    Some(((new as f32 - old as f32) / old as f32 * 1e4).round() / 1e4)
}

fn parse_time(text: &str) -> Option<jiff::Timestamp> {
    text.parse::<jiff::Timestamp>().ok().or_else(|| {
        text.get(..10)?
            .parse::<jiff::civil::Date>()
            .ok()?
            .to_zoned(jiff::tz::TimeZone::UTC)
            .ok()
            .map(|z| z.timestamp())
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::territory::TerritoryLevel;

    fn region() -> TerritoryId {
        TerritoryId {
            level: TerritoryLevel::Region,
            code: "84".into(),
        }
    }

    fn entry(version: u64, built_at: &str, offers: Option<usize>) -> HistoryEntry {
        HistoryEntry {
            version,
            built_at: built_at.into(),
            period: (None, None),
            cells: vec![HistoryCell {
                territory: region(),
                indicator: Indicator::Need("need-1".into()),
                label: "Développement web".into(),
                offers,
                trainings: 2,
                seats: 20,
                tension: offers.map(|o| o as f32 / 21.0),
            }],
        }
    }

    #[test]
    fn series_follow_versions_and_growth_needs_enough_history() {
        let history = History::new(vec![
            entry(3, "2026-12-01T00:00:00Z", Some(150)),
            entry(1, "2025-12-01T00:00:00Z", Some(100)),
            entry(2, "2026-08-15T00:00:00Z", Some(120)),
        ]);
        let need = Indicator::Need("need-1".into());
        let series = history.series(&region(), &need).unwrap();
        let versions: Vec<u64> = series.points.iter().map(|p| p.version).collect();
        assert_eq!(versions, [1, 2, 3]);
        assert_eq!(series.growth_3_months, Some(0.25));
        assert_eq!(series.growth_12_months, Some(0.5));

        let short = History::new(vec![
            entry(1, "2026-11-01T00:00:00Z", Some(100)),
            entry(2, "2026-12-01T00:00:00Z", Some(150)),
        ]);
        let series = short.series(&region(), &need).unwrap();
        assert_eq!(series.growth_3_months, None);
        assert_eq!(series.growth_12_months, None);
    }

    #[test]
    fn suppressed_ends_give_no_growth_and_absent_cells_count_zero() {
        let mut later = entry(2, "2026-12-01T00:00:00Z", None);
        later.cells.clear();
        let history = History::new(vec![
            entry(1, "2026-01-01T00:00:00Z", None),
            later,
            entry(3, "2026-12-02T00:00:00Z", Some(4)),
        ]);
        let series = history
            .series(&region(), &Indicator::Need("need-1".into()))
            .unwrap();
        assert_eq!(series.points[0].offers, None);
        assert_eq!(series.points[1].offers, Some(0));
        assert_eq!(series.growth_3_months, None);
        assert!(
            history
                .series(&region(), &Indicator::Skill("rome:1".into()))
                .is_err()
        );
    }
}
