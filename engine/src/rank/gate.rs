//! The hard filters' packed view of the catalogue: what a ranking reads of every
//! training to exclude it, one small record per entry ([`Gate`]) beside the learner's
//! side computed once per ranking ([`LearnerGate`]).
//!
//! Most of the catalogue is excluded by these tests (out of reach, expired label, wrong
//! modality): reading them from contiguous 64-byte records instead of following each
//! entry's pointers into its training keeps the walk over the catalogue in cache. The
//! rules are those of [`super::eligibility`] and of the filter's order in
//! [`super::Ranker::recommend`]; a test holds the two to the same answers.

use jiff::civil::Date;

use crate::model::{Funding, Modality, Public, Training};
use crate::territory::{Reach, haversine_km_cos};

use super::exclusion::Exclusion;
use super::profile::Learner;

/// A set of publics, fundings or modalities: one bit per variant, in declaration order.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) struct Bits(u16);

impl Bits {
    fn of<T: Copy>(values: &[T], bit: impl Fn(T) -> u16) -> Bits {
        Bits(values.iter().fold(0, |set, &value| set | 1 << bit(value)))
    }

    pub fn publics(publics: &[Public]) -> Bits {
        Bits::of(publics, |public| public as u16)
    }

    pub fn fundings(fundings: &[Funding]) -> Bits {
        Bits::of(fundings, |funding| funding as u16)
    }

    pub fn modalities(modalities: &[Modality]) -> Bits {
        Bits::of(modalities, |modality| modality as u16)
    }

    fn meets(self, other: Bits) -> bool {
        self.0 & other.0 != 0
    }

    fn is_empty(self) -> bool {
        self.0 == 0
    }
}

/// The priority publics of the label, as bits.
fn priority() -> Bits {
    Bits::publics(&Public::PRIORITY)
}

/// What the hard filters and the `public_fit` factor read of one training.
#[derive(Debug, Clone)]
pub(super) struct Gate {
    point: Option<(f64, f64)>,
    /// The cosine of the point's latitude.
    cos_lat: f64,
    label_expires: Option<Date>,
    duration_months: Option<f32>,
    entry_level: Option<u8>,
    modality: Modality,
    accessible_rqth: Option<bool>,
    reserved_to: Bits,
    /// The priority publics the training aims at or is reserved to.
    priority: Bits,
    funding: Bits,
}

impl Gate {
    pub fn new(
        training: &Training,
        point: Option<(f64, f64)>,
        cos_lat: f64,
        label_expires: Option<Date>,
    ) -> Gate {
        let aimed = Bits::publics(&training.publics).0 | Bits::publics(&training.reserved_to).0;
        Gate {
            point,
            cos_lat,
            label_expires,
            duration_months: training.duration_months,
            entry_level: training.entry_level,
            modality: training.modality,
            accessible_rqth: training.accessible_rqth,
            reserved_to: Bits::publics(&training.reserved_to),
            priority: Bits(aimed & priority().0),
            funding: Bits::fundings(&training.funding),
        }
    }

    /// Whether the GEN label had expired by `today`.
    pub fn label_expired(&self, today: Date) -> bool {
        self.label_expires.is_some_and(|expires| expires < today)
    }

    /// The filters up to the distance, in the order their exclusions are counted;
    /// `Ok` carries the distance when both places are known.
    pub fn check(
        &self,
        learner: &LearnerGate,
        today: Date,
    ) -> std::result::Result<Option<f64>, Exclusion> {
        if self.label_expired(today) {
            return Err(Exclusion::LabelExpired);
        }
        if let Some(publics) = learner.publics {
            // A training reserved to publics is open to their members only (tout
            // public is in every learner's set).
            if !self.reserved_to.is_empty() && !self.reserved_to.meets(publics) {
                return Err(Exclusion::ReservedPublic);
            }
            if learner.rqth && self.accessible_rqth == Some(false) {
                return Err(Exclusion::NotAccessible);
            }
        }
        if let Some(funding) = learner.funding
            && !self.funding.meets(funding)
        {
            return Err(Exclusion::Funding);
        }
        if let Some(modalities) = learner.modalities
            && !Bits::modalities(&[self.modality]).meets(modalities)
        {
            return Err(Exclusion::Modality);
        }
        if let (Some(max), Some(months)) = (learner.max_duration_months, self.duration_months)
            && months > max
        {
            return Err(Exclusion::TooLong);
        }
        if let (Some(level), Some(entry_level)) = (learner.level, self.entry_level)
            && entry_level > level
        {
            return Err(Exclusion::LevelPrerequisite);
        }
        let onsite = self.modality != Modality::Distanciel;
        let distance_km = match (learner.point, self.point) {
            (Some((from, cos_from)), Some(to)) => {
                // Most of the catalogue is out of a learner's radius: a floor of the
                // distance beyond it excludes a training without the trigonometry.
                if onsite
                    && let Some(reach) = &learner.reach
                    && reach.surely_beyond(to, self.cos_lat)
                {
                    return Err(Exclusion::TooFar);
                }
                Some(haversine_km_cos(from, cos_from, to, self.cos_lat))
            }
            _ => None,
        };
        if onsite
            && let (Some(radius), Some(distance)) = (learner.radius_km, distance_km)
            && distance > radius
        {
            return Err(Exclusion::TooFar);
        }
        Ok(distance_km)
    }

    /// The `public_fit` factor: 1 when the learner is in a priority public the training
    /// aims at or is reserved to, 0 when not, 0.5 when the situation is unknown.
    pub fn public_fit(&self, learner: &LearnerGate) -> f32 {
        match learner.publics {
            None => 0.5,
            Some(publics) if self.priority.meets(publics) => 1.0,
            Some(_) => 0.0,
        }
    }
}

/// The learner's side of the hard filters, computed once per ranking.
#[derive(Debug, Clone)]
pub(super) struct LearnerGate {
    /// The publics the learner is in; none when the situation is unknown.
    publics: Option<Bits>,
    rqth: bool,
    /// The fundings asked for; none when any will do.
    funding: Option<Bits>,
    /// The modalities asked for; none when any will do.
    modalities: Option<Bits>,
    max_duration_months: Option<f32>,
    level: Option<u8>,
    radius_km: Option<f64>,
    /// The learner's point and the cosine of its latitude.
    point: Option<((f64, f64), f64)>,
    /// What is surely out of the radius, when the learner is placed and gave one.
    reach: Option<Reach>,
}

impl LearnerGate {
    pub fn new(learner: &Learner) -> LearnerGate {
        let situation = learner.situation.as_ref();
        let point = (learner.location.as_ref()).map(|l| {
            let point = (l.lat, l.lon);
            (point, crate::territory::cos_latitude(point))
        });
        LearnerGate {
            publics: situation.map(|s| Bits::publics(&s.publics())),
            rqth: situation.is_some_and(|s| s.rqth),
            funding: (!learner.funding.is_empty()).then(|| Bits::fundings(&learner.funding)),
            modalities: (!learner.modalities.is_empty())
                .then(|| Bits::modalities(&learner.modalities)),
            max_duration_months: learner.max_duration_months,
            level: learner.level,
            radius_km: learner.radius_km,
            point,
            reach: point
                .zip(learner.radius_km)
                .and_then(|((from, cos_from), radius)| Reach::new(from, cos_from, radius)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::eligibility;
    use super::super::profile::Situation;
    use super::*;
    use crate::corpus::demo_catalogue;

    fn learner(situation: Option<Situation>, funding: &[Funding]) -> Learner {
        Learner {
            skills: Vec::new(),
            cv_skills: Vec::new(),
            unknown_skills: Vec::new(),
            target: None,
            location: None,
            radius_km: None,
            modalities: Vec::new(),
            available_from: None,
            max_duration_months: None,
            level: None,
            situation,
            funding: funding.to_vec(),
            limit: 10,
        }
    }

    /// Every situation with one public, and some with several.
    fn situations() -> Vec<Option<Situation>> {
        let one = |set: fn(&mut Situation)| {
            let mut situation = Situation::default();
            set(&mut situation);
            Some(situation)
        };
        vec![
            None,
            Some(Situation::default()),
            one(|s| s.job_seeker = true),
            one(|s| s.young = true),
            one(|s| s.woman = true),
            one(|s| s.qpv = true),
            one(|s| s.zrr = true),
            one(|s| s.low_qualified = true),
            one(|s| s.rqth = true),
            one(|s| s.employed = true),
            one(|s| {
                s.rqth = true;
                s.job_seeker = true;
            }),
            one(|s| {
                s.employed = true;
                s.woman = true;
                s.qpv = true;
            }),
        ]
    }

    /// Trainings with every kind of reservation, audience, funding and accessibility.
    fn trainings() -> Vec<Training> {
        let base: Vec<Training> = (demo_catalogue().records.into_iter())
            .map(|(_, t)| t)
            .take(40)
            .collect();
        let mut trainings = Vec::new();
        for (i, training) in base.into_iter().enumerate() {
            let mut varied = training.clone();
            varied.reserved_to = vec![Public::ALL[i % Public::ALL.len()]];
            varied.publics = vec![Public::ALL[(i * 5 + 3) % Public::ALL.len()]];
            varied.funding = vec![Funding::ALL[i % Funding::ALL.len()]];
            varied.accessible_rqth = [None, Some(true), Some(false)][i % 3];
            trainings.push(training);
            trainings.push(varied);
        }
        trainings
    }

    #[test]
    fn the_gate_excludes_and_fits_as_the_written_rules_do() {
        let today: Date = "2026-11-29".parse().unwrap();
        let fundings: [&[Funding]; 3] = [&[], &[Funding::Cpf], &[Funding::Region, Funding::Opco]];
        let mut checked = [0usize; 2];
        for training in trainings() {
            // The label's expiry is the gate's own test, before eligibility's.
            let gate = Gate::new(&training, None, 1.0, None);
            for situation in situations() {
                for funding in fundings {
                    let learner = learner(situation, funding);
                    let packed = LearnerGate::new(&learner);
                    let written = eligibility::exclusion(&training, &learner);
                    assert_eq!(
                        gate.check(&packed, today).err(),
                        written,
                        "{} for {situation:?} paid by {funding:?}",
                        training.id
                    );
                    assert_eq!(
                        gate.public_fit(&packed),
                        eligibility::public_fit(&training, learner.situation.as_ref()),
                        "{} for {situation:?}",
                        training.id
                    );
                    checked[usize::from(written.is_some())] += 1;
                }
            }
        }
        // Both answers were seen many times.
        assert!(checked[0] > 200 && checked[1] > 200, "{checked:?}");
    }

    #[test]
    fn the_gate_applies_the_filters_in_their_counting_order() {
        let mut training = demo_catalogue().records[0].1.clone();
        training.reserved_to = vec![Public::Jeunes];
        training.modality = Modality::Presentiel;
        training.duration_months = Some(9.0);
        training.entry_level = Some(5);
        let expires: Date = "2026-01-01".parse().unwrap();
        let gate = Gate::new(&training, Some((45.76, 4.84)), 0.7, Some(expires));
        let mut learner = learner(Some(Situation::default()), &[]);
        learner.modalities = vec![Modality::Distanciel];
        learner.max_duration_months = Some(6.0);
        learner.level = Some(3);
        let before = "2025-12-01".parse().unwrap();
        let after = "2026-11-29".parse().unwrap();
        let check = |learner: &Learner, today| gate.check(&LearnerGate::new(learner), today);
        assert_eq!(check(&learner, after), Err(Exclusion::LabelExpired));
        assert_eq!(check(&learner, before), Err(Exclusion::ReservedPublic));
        learner.situation = None;
        assert_eq!(check(&learner, before), Err(Exclusion::Modality));
        learner.modalities.push(Modality::Presentiel);
        assert_eq!(check(&learner, before), Err(Exclusion::TooLong));
        learner.max_duration_months = None;
        assert_eq!(check(&learner, before), Err(Exclusion::LevelPrerequisite));
        learner.level = Some(5);
        assert_eq!(check(&learner, before), Ok(None));
    }
}
