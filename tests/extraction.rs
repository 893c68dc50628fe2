//! Extraction through the engine facade with each taxonomy.
//!
//! Properties pinned down:
//! - every occurrence of a skill is reported, and each span points at the words;
//! - transversal skills are skills;
//! - exigé / souhaité cues set `required`;
//! - the ROME taxonomy finds ROME items through lexicon variants and classifies the
//!   occupation;
//! - an extraction's occupations are the classifier's for the same posting;
//! - bad and huge input never panics.

use passerelle_engine::{Engine, EngineConfig, Field, MentionSource, TaxonomySpec};
use passerelle_tests::with_shared_data;

fn builtin() -> Engine {
    Engine::open(&EngineConfig::builtin()).unwrap()
}

#[test]
fn every_occurrence_has_its_span() {
    let engine = builtin();
    let text = "Vous développez en JavaScript (JS) et en Python. JavaScript côté client.";
    let extraction = engine.extract("", text);
    let javascript: Vec<&str> = extraction
        .skills
        .iter()
        .filter(|m| m.label == "JavaScript")
        .map(|m| &text[m.start.unwrap()..m.end.unwrap()])
        .collect();
    assert_eq!(javascript.len(), 3, "{:?}", extraction.skills);
    assert!(javascript.contains(&"JS"));
    for mention in &extraction.skills {
        assert_eq!(mention.field, Field::Text);
        assert!((0.0..=1.0).contains(&mention.score));
    }
}

#[test]
fn invisible_marks_and_narrow_spaces_hide_no_skill() {
    let engine = builtin();
    for text in [
        "Vous maîtrisez Python\u{202F}!",
        "Vous maîtrisez Python\u{202F}; SQL\u{202F}: un plus",
        "Vous maîtrisez Py\u{00AD}thon\u{200B}.",
        "Vous maîtrisez \u{200E}Python\u{200F}\u{200D} et Git",
        "Vous maîtrisez ＰＹＴＨＯＮ.",
    ] {
        let extraction = engine.extract("", text);
        let python = extraction
            .skills
            .iter()
            .find(|m| m.label == "Python")
            .unwrap_or_else(|| panic!("no Python in {text:?}"));
        let span = &text[python.start.unwrap()..python.end.unwrap()];
        assert!(
            ["Python", "Py\u{00AD}thon", "ＰＹＴＨＯＮ"].contains(&span),
            "{text:?}: {span:?}"
        );
    }
}

#[test]
fn transversal_skills_count_as_skills() {
    let engine = builtin();
    let extraction = engine.extract(
        "",
        "Autonome et rigoureuse, vous aimez le travail en équipe.",
    );
    let families: Vec<&str> = extraction
        .skills
        .iter()
        .filter_map(|m| engine.taxonomy().skill(&m.skill))
        .filter_map(|s| s.family.as_deref())
        .collect();
    assert!(
        families.iter().filter(|f| **f == "transversales").count() >= 3,
        "{:?}",
        extraction.skills
    );
}

#[test]
fn required_and_wished_cues() {
    let engine = builtin();
    let text = "Maîtrise de Java indispensable. Une expérience de Docker serait appréciée.";
    let extraction = engine.extract("", text);
    let required = |label: &str| {
        extraction
            .skills
            .iter()
            .find(|m| m.label == label)
            .unwrap_or_else(|| panic!("{label} not found in {:?}", extraction.skills))
            .required
    };
    assert_eq!(required("Java"), Some(true));
    assert_eq!(required("Docker"), Some(false));
}

#[test]
fn title_spans_refer_to_the_title() {
    let engine = builtin();
    let title = "Développeur React (H/F)";
    let extraction = engine.extract(title, "Poste basé à Lyon.");
    let react = extraction
        .skills
        .iter()
        .find(|m| m.label == "React")
        .unwrap();
    assert_eq!(react.field, Field::Title);
    assert_eq!(&title[react.start.unwrap()..react.end.unwrap()], "React");
}

#[test]
fn extraction_ranks_the_occupations_the_classifier_does() {
    // The extractor hands its own analysis of the posting to the classifier.
    let postings = [
        (
            "Développeur web (H/F)",
            "Applications web en JavaScript, PHP et SQL. Git, Docker.",
        ),
        (
            "",
            "Administrateur systèmes et réseaux : Linux, Windows Server, VMware, TCP/IP.",
        ),
        (
            "Data analyst - Alternance - Lyon",
            "SQL, Python, Power BI ; tableaux de bord.",
        ),
        (
            "Technicien support C++ / C#",
            "Support utilisateurs, .NET, CI/CD, Office 365.",
        ),
        (
            "Chef de projet | SI – Lyon",
            "Pilotage, recette, méthodes agiles (Scrum).",
        ),
    ];
    let engine = builtin();
    for (title, text) in postings {
        let extraction = engine.extract(title, text);
        assert!(!extraction.occupations.is_empty(), "{title} {text}");
        assert_eq!(
            extraction.occupations,
            engine.extractor().classify(title, text),
            "{title} {text}"
        );
    }
}

#[test]
fn empty_huge_and_foreign_text_do_not_panic() {
    let engine = builtin();
    assert!(engine.extract("", "").skills.is_empty());
    let huge = "Python, SQL et Git. ".repeat(50_000);
    let extraction = engine.extract("", &huge);
    assert!(extraction.skills.len() >= 150_000);
    let extraction = engine.extract("", "这是一个没有技能的句子 ✓ \u{0} \u{feff}");
    assert!(extraction.skills.is_empty());
}

#[test]
fn rome_taxonomy_links_variants_and_classifies() {
    with_shared_data!(data => {
        let config = EngineConfig {
            taxonomy: TaxonomySpec::Rome(data.join("rome_v460")),
            ..EngineConfig::builtin()
        };
        let engine = Engine::open(&config).unwrap();
        let extraction = engine.extract(
            "Développeur web (H/F)",
            "Vous développerez des applications web en JS et PHP. Maîtrise de SQL indispensable.",
        );
        let top = &extraction.occupations[0];
        assert!(top.code.to_string().starts_with("M18"), "{:?}", extraction.occupations);
        assert!(
            extraction.skills.iter().any(|m| m.skill.as_str() == "rome:102789"),
            "JavaScript item not found through the JS variant: {:?}",
            extraction.skills
        );
        assert!(extraction.skills.iter().any(|m| m.source == MentionSource::Occupation));
    });
}

/// The analyzer's fast UAX#29 word segmentation gives `unicode-segmentation`'s segments
/// on every real offer (titles, texts and company descriptions of all three files).
#[test]
fn fast_word_bounds_match_unicode_segmentation_on_real_offers() {
    use unicode_segmentation::UnicodeSegmentation;
    with_shared_data!(data => {
        let mut texts = 0;
        for file in [
            "ft_m1805_2025-10.jsonl",
            "ft_allsectors_2025-11.jsonl",
            "ft_digital_titles_2026-04.csv",
        ] {
            for (_, posting) in passerelle_engine::read_postings(&data.join("offers").join(file))
                .unwrap()
                .records
            {
                for text in [&posting.title, &posting.description] {
                    let reference: Vec<(usize, &str)> = text.split_word_bound_indices().collect();
                    assert_eq!(passerelle_engine::word_bounds(text), reference, "{}", posting.id);
                    texts += 1;
                }
            }
        }
        assert!(texts > 12_000, "{texts}");
    });
}
