//! Eligibility (issue 18) on synthetic catalogues: publics and reservations, the
//! learner's situation, accessibility to RQTH learners, funding, seats per public and
//! the GEN label's criteria.

use super::*;

/// A situation from eight flags.
fn situation_of(flags: [bool; 8]) -> Situation {
    let [
        job_seeker,
        young,
        woman,
        qpv,
        zrr,
        low_qualified,
        rqth,
        employed,
    ] = flags;
    Situation {
        job_seeker,
        young,
        woman,
        qpv,
        zrr,
        low_qualified,
        rqth,
        employed,
    }
}

/// A public among the priority ones.
fn priority_public() -> impl Strategy<Value = Public> {
    proptest::sample::select(Public::PRIORITY.to_vec())
}

/// Trainings of every reservation: open, and reserved to each priority public.
fn reserved_catalogue() -> &'static Ranker {
    static RANKER: OnceLock<Ranker> = OnceLock::new();
    RANKER.get_or_init(|| {
        let mut trainings = vec![training("open", &["Python"], Modality::Presentiel, LYON)];
        for public in Public::PRIORITY {
            let mut reserved = training(
                &format!("reserved-{}", public.code()),
                &["Python"],
                Modality::Presentiel,
                LYON,
            );
            reserved.publics = vec![public];
            reserved.reserved_to = vec![public];
            trainings.push(reserved);
        }
        synthetic(trainings)
    })
}

fn with_situation(situation: Option<Situation>) -> LearnerProfile {
    LearnerProfile {
        situation,
        limit: Some(100),
        ..learner(&[], &["Python"], LYON)
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn reserved_trainings_reach_their_publics_only(flags in any::<[bool; 8]>()) {
        let situation = situation_of(flags);
        let ranker = reserved_catalogue();
        let result = ranker.recommend(&with_situation(Some(situation)), TODAY).unwrap();
        for listed in &result.trainings {
            let training = ranker.training(listed.id).unwrap();
            prop_assert!(is_open_to(training, &situation), "{} listed for {situation:?}", listed.id);
        }
        let closed = ranker.trainings().filter(|t| !is_open_to(t, &situation)).count();
        prop_assert_eq!(result.excluded.get("reserved_public").copied().unwrap_or(0), closed);
        prop_assert_eq!(result.trainings.len() + closed, ranker.len());
    }

    #[test]
    fn adding_an_aimed_public_never_lowers_a_training(
        flags in any::<[bool; 8]>(),
        aimed in proptest::collection::vec(priority_public(), 0..3),
        added in priority_public(),
    ) {
        let mut before = training("before", &["SQL"], Modality::Presentiel, LYON);
        before.publics = aimed.clone();
        let mut after = training("after", &["SQL"], Modality::Presentiel, LYON);
        after.publics = aimed;
        after.publics.push(added);
        let ranker = synthetic(vec![before, after]);
        let mut profile = with_situation(Some(situation_of(flags)));
        profile.target = Some(Target { skills: Some(vec!["SQL".into()]), ..Target::default() });
        let result = ranker.recommend(&profile, TODAY).unwrap();
        let score = |id: &str| result.trainings.iter().find(|t| t.id == id).map(|t| t.score);
        let (Some(before), Some(after)) = (score("before"), score("after")) else {
            return Err(TestCaseError::fail(format!("not both listed: {:?}", result.excluded)));
        };
        prop_assert!(after >= before, "before {before} after {after}");
    }
}

#[test]
fn a_learner_in_no_priority_public_gets_no_reserved_training() {
    let mut profile = lyon_web_developer();
    profile.situation = Some(Situation::default());
    // A level of 4 or less would make the learner low-qualified, a priority public.
    profile.level = None;
    profile.radius_km = Some(600.0);
    profile.limit = Some(100);
    let result = demo().recommend(&profile, TODAY).unwrap();
    assert!(!result.trainings.is_empty());
    assert!(
        result.trainings.iter().all(|t| t.reserved_to.is_empty()),
        "reserved training listed"
    );
    assert!(
        result.excluded["reserved_public"] > 0,
        "{:?}",
        result.excluded
    );
    assert!(
        !result.notices.iter().any(|n| n.starts_with("Situation")),
        "{:?}",
        result.notices
    );
    // Every result says how it is paid and how the learner's publics fit.
    for training in &result.trainings {
        assert!(!training.funding.is_empty(), "{}", training.id);
        assert_eq!(training.details.public_fit, 0.0, "{}", training.id);
    }
}

#[test]
fn a_job_seeker_gets_trainings_reserved_to_job_seekers() {
    let mut profile = lyon_web_developer();
    profile.radius_km = Some(600.0);
    profile.limit = Some(100);
    let result = demo().recommend(&profile, TODAY).unwrap();
    let reserved = result
        .trainings
        .iter()
        .find(|t| t.reserved_to == [Public::DemandeursEmploi])
        .expect("a training reserved to job seekers");
    assert_eq!(reserved.details.public_fit, 1.0);
    assert!(
        reserved
            .reasons
            .iter()
            .any(|r| r == "Formation réservée aux demandeurs d'emploi : vous y avez accès."),
        "{:?}",
        reserved.reasons
    );
}

#[test]
fn an_unknown_situation_excludes_nothing_and_says_so() {
    let mut profile = lyon_web_developer();
    profile.situation = None;
    profile.radius_km = Some(600.0);
    profile.limit = Some(100);
    let result = demo().recommend(&profile, TODAY).unwrap();
    assert!(!result.excluded.contains_key("reserved_public"));
    assert!(result.trainings.iter().any(|t| !t.reserved_to.is_empty()));
    assert!(result.trainings.iter().all(|t| t.details.public_fit == 0.5));
    assert!(
        result
            .notices
            .iter()
            .any(|n| n.starts_with("Situation non renseignée")),
        "{:?}",
        result.notices
    );
}

#[test]
fn rqth_learners_never_get_inaccessible_trainings_and_see_the_contact() {
    let mut closed = training("closed", &["Python"], Modality::Presentiel, LYON);
    closed.accessible_rqth = Some(false);
    let mut open = training("open", &["Python"], Modality::Presentiel, LYON);
    open.disability_contact = Some("Référent handicap du site".into());
    let mut unstated = training("unstated", &["Python"], Modality::Presentiel, LYON);
    unstated.accessible_rqth = None;
    let ranker = synthetic(vec![closed, open, unstated]);
    let rqth = Situation {
        rqth: true,
        ..Situation::default()
    };
    let result = ranker
        .recommend(&with_situation(Some(rqth)), TODAY)
        .unwrap();
    let ids: Vec<&str> = result.trainings.iter().map(|t| t.id).collect();
    assert_eq!(ids.len(), 2, "{ids:?}");
    assert!(!ids.contains(&"closed"));
    assert_eq!(result.excluded["not_accessible"], 1);
    let open = result.trainings.iter().find(|t| t.id == "open").unwrap();
    assert!(
        open.reasons
            .iter()
            .any(|r| r.contains("contact handicap : Référent handicap du site")),
        "{:?}",
        open.reasons
    );
    let unstated = result
        .trainings
        .iter()
        .find(|t| t.id == "unstated")
        .unwrap();
    assert!(unstated.reasons.iter().any(|r| r.contains("non précisée")));
    // Without RQTH, the inaccessible training is listed.
    let others = ranker
        .recommend(&with_situation(Some(Situation::default())), TODAY)
        .unwrap();
    assert_eq!(others.trainings.len(), 3);
}

#[test]
fn the_funding_filter_keeps_trainings_a_funding_can_pay() {
    let mut cpf = training("cpf", &["Python"], Modality::Presentiel, LYON);
    cpf.funding = vec![Funding::Cpf, Funding::Personnel];
    let free = training("free", &["Python"], Modality::Presentiel, LYON);
    let ranker = synthetic(vec![cpf, free]);
    let mut profile = with_situation(Some(Situation::default()));
    profile.funding = vec![Funding::Gratuit, Funding::FranceTravail];
    let result = ranker.recommend(&profile, TODAY).unwrap();
    let ids: Vec<&str> = result.trainings.iter().map(|t| t.id).collect();
    assert_eq!(ids, ["free"]);
    assert_eq!(result.excluded["funding"], 1);
    assert_eq!(
        result.trainings[0].funding,
        [Funding::Gratuit, Funding::Region]
    );
}

#[test]
fn a_qpv_resident_is_told_the_training_aims_at_them() {
    let mut aimed = training("aimed", &["Python"], Modality::Presentiel, LYON);
    aimed.publics = vec![Public::Qpv];
    let ranker = synthetic(vec![aimed]);
    let qpv = Situation {
        qpv: true,
        ..Situation::default()
    };
    let result = ranker.recommend(&with_situation(Some(qpv)), TODAY).unwrap();
    let reasons = &result.trainings[0].reasons;
    assert!(
        reasons
            .iter()
            .any(|r| r == "Formation ouverte en priorité aux habitants des QPV."),
        "{reasons:?}"
    );
}

#[test]
fn territories_count_the_seats_open_to_each_priority_public() {
    let lyon = "region:84".parse().unwrap();
    let supply = demo().public_supply(&lyon, TODAY).unwrap();
    assert!(supply.seats > 0);
    let job_seekers = supply
        .publics
        .iter()
        .find(|p| p.public == Public::DemandeursEmploi)
        .unwrap();
    let young = supply
        .publics
        .iter()
        .find(|p| p.public == Public::Jeunes)
        .unwrap();
    for row in &supply.publics {
        assert!(row.open_seats <= supply.seats, "{row:?}");
        assert!(row.reserved_seats <= row.priority_seats, "{row:?}");
        assert!(row.priority_seats <= row.open_seats, "{row:?}");
    }
    // Job seekers may enter what is reserved to them, young people may not.
    assert!(job_seekers.reserved_seats > 0, "{job_seekers:?}");
    let open_to_all = young.open_seats - young.reserved_seats;
    assert_eq!(
        job_seekers.open_seats,
        open_to_all + job_seekers.reserved_seats
    );
}

#[test]
fn label_readiness_reads_the_gen_criteria() {
    let readiness = demo().label_readiness("gen-0001").unwrap();
    let names: Vec<&str> = readiness.criteria.iter().map(|c| c.criterion).collect();
    assert_eq!(
        names,
        [
            "gratuit",
            "duree",
            "publics_prioritaires",
            "places_par_session",
            "metier_numerique"
        ]
    );
    // A demo training prepares a digital métier and lasts a few months.
    assert_eq!(readiness.criteria[4].met, Some(true), "{readiness:?}");
    assert_eq!(readiness.criteria[1].met, Some(true), "{readiness:?}");
    assert!(readiness.criteria.iter().all(|c| c.why.ends_with('.')));
    assert!(matches!(
        demo().label_readiness("nope"),
        Err(Error::NotFound { .. })
    ));
}

#[test]
fn a_level_of_four_or_less_makes_the_learner_low_qualified() {
    let mut aimed = training("aimed", &["Python"], Modality::Presentiel, LYON);
    aimed.publics = vec![Public::PeuQualifies];
    aimed.entry_level = None;
    let ranker = synthetic(vec![aimed]);
    let fit = |level: Option<u8>| {
        let mut profile = with_situation(Some(Situation::default()));
        profile.level = level;
        ranker.recommend(&profile, TODAY).unwrap().trainings[0]
            .details
            .public_fit
    };
    assert_eq!(fit(Some(4)), 1.0);
    assert_eq!(fit(Some(5)), 0.0);
    assert_eq!(fit(None), 0.0);
}
