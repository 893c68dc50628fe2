//! The context of a match: which section of a posting it sits in (the candidate's
//! profile, the missions, the technical environment, what would be a plus, or company
//! presentation, benefits, legal boilerplate) and whether a reader takes the skill as
//! asked of the candidate (required), a plus (wished) or neither.
//!
//! Everything works on the analysed tokens in one pass, so the cost stays linear in the
//! text whatever the number of matches (a 10 MB text without a full stop included).

mod cues;

use crate::text::{Boundary, Token, TokenKind};
use cues::{CUE_SET, HEADING_SET, Heading, LINE_CUE_SET, Reach, Reading, VOCABULARY, Word};

/// The kind of section a stretch of text belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    /// The job's text under no heading that says more.
    Requirements,
    /// The candidate's profile ("Profil recherché", "Compétences requises").
    Profile,
    /// The job's missions ("Vos missions", "Le poste").
    Missions,
    /// The technical environment ("Environnement technique", "Stack").
    Environment,
    /// What would be a plus ("Est un plus :").
    Wished,
    /// Company presentation ("Qui sommes-nous ?").
    Company,
    /// Salary, perks and working conditions.
    Benefits,
    /// Equal-opportunity and data-protection boilerplate.
    Legal,
}

impl Section {
    /// How much a skill found in this section counts: the job's own text fully, the
    /// rest less.
    pub fn weight(self) -> f32 {
        match self {
            Section::Requirements
            | Section::Profile
            | Section::Missions
            | Section::Environment
            | Section::Wished => 1.0,
            Section::Company => 0.5,
            Section::Benefits => 0.4,
            Section::Legal => 0.3,
        }
    }

    /// True for a part of the job's own text (not company, benefits or legal).
    fn is_job(self) -> bool {
        self.weight() >= 1.0
    }
}

/// A requirement cue found in a sentence.
#[derive(Debug, Clone, Copy)]
struct Cue {
    first: usize,
    last: usize,
    reading: Reading,
    reach: Reach,
    /// Whether a hedge is at or before this cue in its sentence.
    hedged: bool,
    /// Index, among the sentence's cues, of the first one at or after this one that
    /// reaches back (`Reach::Both`); the number of cues when there is none.
    next_both: usize,
}

/// Appends the cues of one sentence, given by its words, by position, with their
/// running flags (`next_both` counted within the sentence).
fn sentence_cues(words: &[Word], out: &mut Vec<Cue>) {
    let mut hedged = false;
    let first = out.len();
    out.extend(CUE_SET.find_longest(words).into_iter().map(|hit| {
        let (reading, reach) = hit.payload;
        hedged |= reading == Reading::Wished;
        Cue {
            first: hit.first,
            last: hit.last,
            reading,
            reach,
            hedged,
            next_both: 0,
        }
    }));
    let found = &mut out[first..];
    let mut next_both = found.len();
    for (index, cue) in found.iter_mut().enumerate().rev() {
        if cue.reach == Reach::Both {
            next_both = index;
        }
        cue.next_both = next_both;
    }
}

/// Section and requirement cues of every token of one analysed text.
#[derive(Debug, Clone)]
pub struct Context {
    section: Vec<Section>,
    sentence: Vec<u32>,
    /// Clause number of each token: punctuation and line breaks close a clause.
    clause: Vec<u32>,
    /// The cues of every sentence, sentence after sentence, each by position.
    cues: Vec<Cue>,
    /// Where each sentence's cues start in `cues`, and where the last ones end.
    cue_starts: Vec<u32>,
}

impl Context {
    /// Reads the sections and cues of `tokens`, the analysis of `text`.
    pub fn new(text: &str, tokens: &[Token]) -> Context {
        let mut section = vec![Section::Requirements; tokens.len()];
        let mut sentence = vec![0u32; tokens.len()];
        let mut clause = vec![0u32; tokens.len()];
        // Every word is looked up once; sentences and lines are runs of this list.
        let words = VOCABULARY.words(tokens);
        // Words before the token at `index`, and before the current sentence and line.
        let mut word_cursor = 0;
        let mut sentence_words = 0;
        let mut line_words = 0;
        // Company, benefits or legal, or `Requirements` for the job's text; within
        // the job's text, which part of it.
        let mut current = Section::Requirements;
        let mut part = Section::Requirements;
        let mut line_start = 0;
        let mut sentence_index = 0u32;
        let mut sentence_start = 0;
        let mut clause_index = 0u32;
        let mut cues: Vec<Cue> = Vec::new();
        let mut cue_starts: Vec<u32> = vec![0];
        for index in 0..=tokens.len() {
            let boundary = match tokens.get(index).map(|t| t.kind) {
                Some(TokenKind::Break(boundary)) => Some(boundary),
                Some(TokenKind::Word) => {
                    word_cursor += 1;
                    None
                }
                None => Some(Boundary::Line),
            };
            if let Some(slot) = clause.get_mut(index) {
                *slot = clause_index;
            }
            if boundary.is_some() {
                clause_index += 1;
            }
            if boundary >= Some(Boundary::Sentence) {
                sentence_cues(&words[sentence_words..word_cursor], &mut cues);
                cue_starts.push(cues.len() as u32);
                for slot in &mut sentence[sentence_start..index] {
                    *slot = sentence_index;
                }
                sentence_index += 1;
                sentence_start = index + 1;
                sentence_words = word_cursor;
            }
            if boundary == Some(Boundary::Line) {
                let line = line_start..index;
                let line_words_of = &words[line_words..word_cursor];
                let line_section = match heading(tokens, &line, line_words_of) {
                    Some(found) if found.is_job() => {
                        current = Section::Requirements;
                        part = found;
                        found
                    }
                    Some(found) => {
                        current = found;
                        found
                    }
                    None => {
                        let cue = LINE_CUE_SET
                            .find(line_words_of)
                            .first()
                            .map(|hit| hit.payload);
                        let has_requirement =
                            || line_words_of.iter().any(|&w| VOCABULARY.is_requirement(w));
                        let own = match cue {
                            Some(found) if !has_requirement() => found,
                            _ => current,
                        };
                        let own = if own == Section::Requirements {
                            part
                        } else {
                            own
                        };
                        // "Vous maîtrisez les langages suivants :" heads the list below.
                        if current == Section::Requirements
                            && ends_with_colon(text, tokens, index)
                            && let Some(led) = lead(line_words_of)
                        {
                            part = led;
                        }
                        own
                    }
                };
                for slot in &mut section[line] {
                    *slot = line_section;
                }
                line_start = index + 1;
                line_words = word_cursor;
            }
        }
        Context {
            section,
            sentence,
            clause,
            cues,
            cue_starts,
        }
    }

    /// The section of the token at `index`.
    pub fn section(&self, index: usize) -> Section {
        self.section
            .get(index)
            .copied()
            .unwrap_or(Section::Requirements)
    }

    /// Whether a reader takes the skill at tokens `first..end` as asked of the
    /// candidate (`Some(true)`), a plus (`Some(false)`) or neither (`None`): a skill
    /// in the company presentation, benefits or boilerplate is neither; otherwise, in
    /// this order,
    /// 1. a predicate after it in its clause ("… indispensable", "… est un plus"),
    ///    unless the nearest cue before it describes the job ("vous réalisez …");
    /// 2. a hedge before it in its sentence ("idéalement", "souhaité") makes it a plus;
    /// 3. the nearest cue before it: asked of the candidate ("vous maîtrisez",
    ///    "connaissance de"), or part of the job ("vous serez chargé", "stack");
    /// 4. a predicate after it in its sentence;
    /// 5. its section: required in the profile, wished under "Est un plus", neither
    ///    elsewhere (a personal quality named under no heading is not taken as asked:
    ///    on the tune offers that rule made 6 errors and fixed none).
    pub fn requirement(&self, first: usize, end: usize) -> Option<bool> {
        let section = self.section(first);
        if !section.is_job() {
            return None;
        }
        let value = |reading: Reading| match reading {
            Reading::Required => Some(true),
            Reading::Wished => Some(false),
            Reading::Neither => None,
        };
        let cues = (self.sentence.get(first))
            .and_then(|&s| {
                let (start, end) = (
                    self.cue_starts.get(s as usize)?,
                    self.cue_starts.get(s as usize + 1)?,
                );
                self.cues.get(*start as usize..*end as usize)
            })
            .unwrap_or(&[]);
        // Cues are sorted and do not overlap: binary searches keep this logarithmic.
        let following = cues.partition_point(|c| c.first < end);
        let after = cues.get(following).and_then(|c| cues.get(c.next_both));
        let preceding = cues.partition_point(|c| c.last < first);
        let before = preceding.checked_sub(1).and_then(|i| cues.get(i));
        // A mission sentence stays one: "vous réalisez la maintenance … nécessaire".
        if before.is_some_and(|c| c.reading == Reading::Neither && !c.hedged) {
            return None;
        }
        let last_clause = self.clause.get(end.saturating_sub(1)).copied();
        if let Some(cue) = after
            && self.clause.get(cue.first).copied() == last_clause
        {
            return value(cue.reading);
        }
        if let Some(cue) = before {
            if cue.hedged {
                return Some(false);
            }
            return value(cue.reading);
        }
        if let Some(cue) = after {
            return value(cue.reading);
        }
        match section {
            Section::Profile => Some(true),
            Section::Wished => Some(false),
            _ => None,
        }
    }
}

/// The section a line opens when it starts with a heading: a heading of the job's text
/// may also open a long line when punctuation follows it ("Profil recherché : …").
fn heading(tokens: &[Token], line: &std::ops::Range<usize>, words: &[Word]) -> Option<Section> {
    let first_word = words.first()?.token as usize;
    // The longest heading has six words: a few more tokens are enough.
    let near = words.partition_point(|w| (w.token as usize) < first_word + 16);
    let hits = HEADING_SET.find(&words[..near]);
    let words = words.len();
    hits.iter()
        .take_while(|hit| hit.first == first_word)
        .find(|hit| {
            let (section, kind) = hit.payload;
            let closed = hit.last + 1 >= line.end
                || tokens
                    .get(hit.last + 1)
                    .is_some_and(|t| matches!(t.kind, TokenKind::Break(_)));
            match kind {
                Heading::Loose => words <= 8 || (closed && section.is_job()),
                Heading::Strict => closed,
            }
        })
        .map(|hit| hit.payload.0)
}

/// True when the line ending at the break `index` ends with a colon.
fn ends_with_colon(text: &str, tokens: &[Token], index: usize) -> bool {
    let Some(token) = tokens.get(index) else {
        return false;
    };
    text.get(token.start..token.end)
        .is_some_and(|gap| gap.contains(':'))
}

/// What a line ending with a colon announces for the lines below it, from its last
/// cue: a plus when it hedges, the profile when it asks something of the candidate,
/// the job's missions when it describes the job; `None` without a cue.
fn lead(words: &[Word]) -> Option<Section> {
    // The cue nearest the colon says it: "votre rôle sera essentiel … Vous serez
    // chargé de :" announces missions.
    let last = CUE_SET.find_longest(words).last()?.payload.0;
    Some(match last {
        Reading::Wished => Section::Wished,
        Reading::Required => Section::Profile,
        Reading::Neither => Section::Missions,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::analyze;

    fn reading(text: &str, skill: &str) -> Option<bool> {
        let tokens = analyze(text);
        let start = text.find(skill).expect("skill in text");
        let first = tokens.iter().position(|t| t.start == start).expect("token");
        let end = tokens
            .iter()
            .position(|t| t.end == start + skill.len())
            .expect("token")
            + 1;
        let context = Context::new(text, &tokens);
        context.requirement(first, end)
    }

    fn check_requirement(text: &str, skill: &str, expect: Option<bool>) {
        assert_eq!(reading(text, skill), expect, "{skill} in {text:?}");
    }

    #[test]
    fn required_and_wished_cues() {
        check_requirement("Maîtrise de Java indispensable.", "Java", Some(true));
        check_requirement("Java exigé. Docker serait apprécié.", "Docker", Some(false));
        check_requirement("Java exigé. Docker serait apprécié.", "Java", Some(true));
        check_requirement(
            "Idéalement, vous connaissez Kubernetes",
            "Kubernetes",
            Some(false),
        );
        check_requirement("La connaissance de SAP est un plus", "SAP", Some(false));
        check_requirement("Vous développez en PHP.", "PHP", None);
        check_requirement(
            "Vous maîtrisez Python ; des notions de R sont un plus",
            "Python",
            Some(true),
        );
        check_requirement("Des notions de Docker", "Docker", Some(true));
        check_requirement(
            "Vous maîtrisez Java et avez idéalement travaillé avec React.",
            "Java",
            Some(true),
        );
        check_requirement(
            "Vous maîtrisez Java et avez idéalement travaillé avec React.",
            "React",
            Some(false),
        );
        check_requirement(
            "Vous maîtrisez Java, la connaissance de Docker serait appréciée.",
            "Java",
            Some(true),
        );
        check_requirement(
            "Java, Docker et Kubernetes sont indispensables.",
            "Java",
            Some(true),
        );
        check_requirement(
            "Connaissances appréciées : Docker, Helm.",
            "Helm",
            Some(false),
        );
    }

    #[test]
    fn profile_missions_and_environment() {
        let text = "Vos missions :\nDévelopper en Java.\nEnvironnement technique : Python, Git\nProfil recherché :\nSQL et Docker.\nKubernetes est un plus.\nAvantages :\nFormation Excel.\n";
        check_requirement(text, "Java", None);
        check_requirement(text, "Python", None);
        check_requirement(text, "SQL", Some(true));
        check_requirement(text, "Kubernetes", Some(false));
        check_requirement(text, "Excel", None);
        // Missions cues win over the profile section.
        check_requirement(
            "Votre profil\nVous serez chargé du code Java.\n",
            "Java",
            None,
        );
        // A line ending with a colon heads the list below it.
        let text = "Au quotidien, vous avez pour missions de :\n- coder en Java\nVous maîtrisez les langages suivants :\n- Python ;\n- SQL\nEst un plus :\n- Docker\n";
        check_requirement(text, "Java", None);
        check_requirement(text, "Python", Some(true));
        check_requirement(text, "SQL", Some(true));
        check_requirement(text, "Docker", Some(false));
    }

    #[test]
    fn qualities_follow_their_sentence_and_section() {
        assert_eq!(reading("Rigueur et autonomie.", "Rigueur"), None);
        assert_eq!(
            reading("Qualités :\nRigueur et autonomie.", "Rigueur"),
            Some(true)
        );
        assert_eq!(reading("Vous êtes autonome.", "autonome"), Some(true));
        assert_eq!(
            reading("Missions :\nTravailler en autonomie.", "autonomie"),
            None
        );
        // A lead line's last cue tells what its list is.
        let text = "Votre rôle sera essentiel. Vous serez chargé de :\nCoder en Java.\n";
        assert_eq!(reading(text, "Java"), None);
    }

    /// The section of the token that starts the first `needle` of `text`.
    fn section_at(text: &str, needle: &str) -> Section {
        let tokens = analyze(text);
        let context = Context::new(text, &tokens);
        let start = text.find(needle).unwrap();
        context.section(tokens.iter().position(|t| t.start == start).unwrap())
    }

    #[test]
    fn sections_follow_headings_and_boilerplate() {
        let text = "Qui sommes-nous ?\nUne ESN lyonnaise.\nVotre profil\nJava et SQL.\nAvantages :\nTickets restaurant, mutuelle.\n";
        let at = |needle: &str| section_at(text, needle);
        assert_eq!(at("Une"), Section::Company);
        assert_eq!(at("Java"), Section::Profile);
        assert_eq!(at("Tickets"), Section::Benefits);
    }

    #[test]
    fn legal_lines_weigh_less_even_under_requirements() {
        let text = "Missions\nDévelopper en Java.\nNous étudions toutes les candidatures dans le respect de l'égalité des chances.\n";
        let at = |needle: &str| section_at(text, needle);
        assert_eq!(at("égalité"), Section::Legal);
        assert_eq!(at("Java"), Section::Missions);
        assert_eq!(at("Java").weight(), Section::Requirements.weight());
    }

    #[test]
    fn a_huge_sentence_stays_linear() {
        let text = "Python SQL Git ".repeat(200_000);
        let tokens = analyze(&text);
        let context = Context::new(&text, &tokens);
        assert_eq!(context.requirement(0, 1), None);
        let text = "Vous maîtrisez Python, SQL et Git ".repeat(100_000);
        let tokens = analyze(&text);
        let context = Context::new(&text, &tokens);
        assert_eq!(context.requirement(2, 3), Some(true));
    }
}
