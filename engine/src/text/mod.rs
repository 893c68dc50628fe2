//! French text analysis: folding, tokenisation with offsets, stop words and light stemming.
//!
//! One analyzer serves the extractor, the occupation classifier and the tantivy index
//! (see [`FrenchTokenizer`]), so that a term found by one is found by the others.
//!
//! The analysis of a text is a list of [`Token`]s. Each token keeps the byte span of
//! the original text it came from, so that every match can be highlighted where it was
//! written, whatever folding happened on the way.

use std::cell::RefCell;
use std::sync::atomic::{AtomicU32, Ordering};

use rustc_hash::FxHashMap;

use compact_str::CompactString;

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

mod segment;
mod stopwords;
mod tokenizer;

pub use segment::word_bounds;
pub use stopwords::is_stop_word;
pub use tokenizer::{FrenchTokenizer, TANTIVY_ANALYZER, tantivy_analyzer};

/// The kind of a token in the analysed stream.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// A word, number or technical token.
    Word,
    /// A clause, sentence or line boundary (`.`, `;`, `,`, brackets, line breaks,
    /// bullets): multi-word skills never match across one.
    Break(Boundary),
}

/// How strong a break is; consecutive breaks merge into the strongest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Boundary {
    /// A comma, bracket, quote or bullet.
    Clause,
    /// A full stop, `!`, `?`, `;` or `…`.
    Sentence,
    /// A line break.
    Line,
}

/// One token of an analysed text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// Byte offset of the first byte in the original text.
    pub start: usize,
    /// Byte offset one past the last byte in the original text.
    pub end: usize,
    /// Lowercase, accent-folded form (`"développeuse"` → `"developpeuse"`).
    pub norm: CompactString,
    /// Light-stemmed form of `norm`, used for matching (`"developpeur"`).
    pub term: CompactString,
    /// True for French stop words and gender suffixes: they are transparent to matching.
    pub stop: bool,
    pub kind: TokenKind,
}

impl Token {
    /// True for a word that carries meaning (not a stop word, not a break).
    pub fn is_content(&self) -> bool {
        self.kind == TokenKind::Word && !self.stop
    }
}

/// Folds a string: Unicode NFD, combining marks removed, lowercase, ligatures
/// expanded (`œ` → `oe`, `æ` → `ae`) and typographic apostrophes made plain.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    if text.is_ascii() {
        for c in text.chars() {
            out.push(if c == '`' {
                '\''
            } else {
                c.to_ascii_lowercase()
            });
        }
        return out;
    }
    for c in text.nfd() {
        if is_combining_mark(c) {
            continue;
        }
        for lower in c.to_lowercase() {
            match lower {
                'œ' => out.push_str("oe"),
                'æ' => out.push_str("ae"),
                'ß' => out.push_str("ss"),
                '’' | 'ʼ' | '‘' | '`' | '´' => out.push('\''),
                '\u{00A0}' | '\u{202F}' => out.push(' '),
                c if is_invisible(c) => {}
                // Fullwidth forms ("ＰＹＴＨＯＮ") are their ASCII letters.
                // The fullwidth grave accent is an apostrophe, as its ASCII form is.
                '\u{FF40}' => out.push('\''),
                '\u{FF01}'..='\u{FF5E}' => {
                    out.push(char::from_u32(lower as u32 - 0xFEE0).unwrap_or(lower));
                }
                _ => out.push(lower),
            }
        }
    }
    out
}

/// Marks that are not seen: the soft hyphen, zero-width spaces and joiners, directional
/// marks, the word joiner and the byte order mark. UAX#29 attaches most of them to the
/// word before them; the analyzer keeps them out of words and spans.
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}' | '\u{061C}' | '\u{200B}'..='\u{200F}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}'
    )
}

/// Suffixes that inclusive writing appends after `·` or `.` ("développeur·se", "salarié.e.s").
const GENDER_SUFFIXES: &[&str] = &[
    "e", "es", "s", "se", "ses", "euse", "euses", "rice", "rices", "trice", "trices", "ne", "nne",
    "nnes", "ere", "eres", "ive", "ives", "le", "les", "fe", "ienne",
];

/// Slash compounds that are one technical term, kept as one token.
const SLASH_COMPOUNDS: &[&str] = &[
    "ci/cd", "ux/ui", "ui/ux", "tcp/ip", "pl/sql", "h/f", "f/h", "e/s", "as/400", "b2b/b2c",
    "pl/pgsql", "i/o", "ai/ml", "r&d",
];

/// Elided articles and pronouns that prefix a word ("l'", "d'", "qu'", ...).
const ELISIONS: &[&str] = &[
    "l", "d", "j", "n", "s", "m", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu",
];

/// Light French stemming of a folded word: plural and gender only.
///
/// The aim is that forms a job posting alternates between meet on one stem
/// ("développeur", "développeuse", "développeurs"; "réactif", "réactive"), not a
/// linguistic root. The stemmer is idempotent.
pub fn stem(norm: &str) -> String {
    // One pass can expose another ending ("activee" → "active" → "actif"): repeat to a
    // fixed point, which every rule reaches since each one shortens the word or ends
    // it in a form no rule applies to.
    let mut word = norm.to_string();
    for _ in 0..6 {
        let next = stem_once(&word);
        if next == word {
            break;
        }
        word = next;
    }
    word
}

fn stem_once(norm: &str) -> String {
    if norm.len() <= 3 || !norm.bytes().all(|b| b.is_ascii_lowercase()) {
        return norm.to_string();
    }
    let mut word = norm.to_string();
    // Plural: "reseaux" -> "reseau", "generaux" -> "general", "projets" -> "projet".
    if let Some(base) = word.strip_suffix("eaux") {
        word = format!("{base}eau");
    } else if let Some(base) = word.strip_suffix("aux").filter(|b| b.len() >= 3) {
        word = format!("{base}al");
    } else if let Some(base) = word.strip_suffix("eux").filter(|b| b.len() >= 3) {
        // Adjectives: "rigoureux" and "rigoureuse" meet on "rigoureur" (see below).
        word = format!("{base}eur");
    } else if word.ends_with('s')
        && !word.ends_with("ss")
        && !word.ends_with("us")
        && !word.ends_with("is")
        && word.len() > 4
    {
        word.pop();
    }
    // Gender: feminine endings fold onto the masculine ones.
    const ENDINGS: &[(&str, &str)] = &[
        ("euse", "eur"),
        ("trice", "teur"),
        ("ienne", "ien"),
        ("enne", "en"),
        ("onne", "on"),
        ("elle", "el"),
        ("ere", "er"),
        ("ive", "if"),
        ("ee", "e"),
        ("ante", "ant"),
        ("ente", "ent"),
    ];
    for (feminine, masculine) in ENDINGS {
        if let Some(base) = word.strip_suffix(feminine)
            && base.len() >= 2
        {
            word = format!("{base}{masculine}");
            break;
        }
    }
    word
}

/// Analyses a text into tokens with their byte spans in `text`.
pub fn analyze(text: &str) -> Vec<Token> {
    analysed(text, None).0
}

/// [`analyze`], with each token's term id in `vocabulary` ([`NO_TERM`] for terms it
/// lacks; breaks and stop words get [`NO_TERM`] too). The ids are remembered in the
/// word cache beside the words' analyses: a word is looked up once, not once to be
/// analysed and once more for its id.
pub(crate) fn analyze_with_ids(text: &str, vocabulary: &Vocabulary) -> (Vec<Token>, Vec<u32>) {
    analysed(text, Some(vocabulary))
}

/// The tokens of `text`, and their term ids when a vocabulary is given (else none).
fn analysed(text: &str, vocabulary: Option<&Vocabulary>) -> (Vec<Token>, Vec<u32>) {
    // The thread's word cache, borrowed once for the whole text.
    WORD_CACHE.with(|cache| {
        let mut cache = cache.borrow_mut();
        let mut out = Analysis::new(text, &mut cache, vocabulary);
        analyze_into(text, &mut out);
        (out.tokens, out.ids)
    })
}

/// The id [`analyze_with_ids`] gives a token whose term is not in the vocabulary.
pub(crate) const NO_TERM: u32 = u32::MAX;

/// Content terms numbered, as a skill matcher numbers the terms of its forms.
#[derive(Debug, Clone, Default)]
pub(crate) struct Vocabulary {
    /// Tells this vocabulary's ids in the word cache from another's (never 0).
    tag: u32,
    ids: FxHashMap<CompactString, u32>,
}

impl Vocabulary {
    pub fn new(ids: FxHashMap<CompactString, u32>) -> Vocabulary {
        static NEXT_TAG: AtomicU32 = AtomicU32::new(1);
        Vocabulary {
            tag: NEXT_TAG.fetch_add(1, Ordering::Relaxed),
            ids,
        }
    }

    /// The id of a term, [`NO_TERM`] when it has none.
    pub fn id(&self, term: &str) -> u32 {
        self.ids.get(term).copied().unwrap_or(NO_TERM)
    }
}

/// A text's analysis under way: its tokens, their term ids when a vocabulary is given,
/// and the thread's word cache.
struct Analysis<'a> {
    tokens: Vec<Token>,
    /// Parallel to `tokens`; empty without a vocabulary.
    ids: Vec<u32>,
    cache: &'a mut WordCache,
    vocabulary: Option<&'a Vocabulary>,
}

impl<'a> Analysis<'a> {
    fn new(
        text: &str,
        cache: &'a mut WordCache,
        vocabulary: Option<&'a Vocabulary>,
    ) -> Analysis<'a> {
        // A word and its space take six bytes on average; a text dense in short words
        // and punctuation takes more tokens: growing the list copies it, a slightly
        // larger first allocation costs nothing.
        let capacity = text.len() / 4 + 8;
        Analysis {
            tokens: Vec::with_capacity(capacity),
            ids: Vec::with_capacity(if vocabulary.is_some() { capacity } else { 0 }),
            cache,
            vocabulary,
        }
    }

    fn push(&mut self, token: Token, id: u32) {
        self.tokens.push(token);
        if self.vocabulary.is_some() {
            self.ids.push(id);
        }
    }

    /// The id of a token's term made here rather than through the cache.
    fn id_of(&self, token: &Token) -> u32 {
        match self.vocabulary {
            Some(vocabulary) if token.is_content() => vocabulary.id(&token.term),
            _ => NO_TERM,
        }
    }

    /// After the last token changed: its id again.
    fn renew_last_id(&mut self) {
        if self.vocabulary.is_some()
            && let Some(last) = self.tokens.last()
        {
            let id = self.id_of(last);
            *self.ids.last_mut().expect("parallel to the tokens") = id;
        }
    }
}

fn analyze_into(text: &str, out: &mut Analysis) {
    let segments = segment::analysed_bounds(text);
    let mut index = 0;
    while index < segments.len() {
        let (offset, segment) = segments[index];
        index += 1;
        let first = segment.chars().next().unwrap_or(' ');
        if first.is_alphanumeric() {
            push_word(out, text, offset, segment);
            continue;
        }
        if first.is_whitespace() {
            if segment.contains('\n') {
                push_break(out, offset, offset + segment.len(), Boundary::Line);
            }
            continue;
        }
        let previous_adjacent_word =
            (out.tokens.last()).filter(|t| t.kind == TokenKind::Word && t.end == offset);
        match segment {
            // "C++", "Notepad++": the pluses join the word before them.
            "+" if previous_adjacent_word.is_some() && text[offset..].starts_with("++") => {
                let last = out.tokens.last_mut().expect("checked above");
                last.end = offset + 2;
                last.norm.push_str("++");
                last.term = last.norm.clone();
                last.stop = false;
                out.renew_last_id();
                index += 1;
            }
            // "C#", "F#": a short word followed by a hash.
            "#" if previous_adjacent_word.is_some_and(|t| t.norm.len() <= 2) => {
                let last = out.tokens.last_mut().expect("checked above");
                last.end = offset + 1;
                last.norm.push('#');
                last.term = last.norm.clone();
                last.stop = false;
                out.renew_last_id();
            }
            // ".NET": a dot that starts a word, not one that ends a sentence.
            "." if previous_adjacent_word.is_none()
                && segments
                    .get(index)
                    .is_some_and(|(o, s)| *o == offset + 1 && is_word_segment(s)) =>
            {
                let (next_offset, next) = segments[index];
                index += 1;
                let norm = CompactString::from(format!(".{}", fold(next)));
                let token = Token {
                    start: offset,
                    end: next_offset + next.len(),
                    term: norm.clone(),
                    norm,
                    stop: false,
                    kind: TokenKind::Word,
                };
                let id = out.id_of(&token);
                out.push(token, id);
            }
            // "CI/CD", "TCP/IP": known compounds stay one token; "Java/JEE" does not.
            "/" | "&" if previous_adjacent_word.is_some() => {
                let joined = segments.get(index).filter(|(o, s)| {
                    *o == offset + 1 && is_word_segment(s) && {
                        let last = out.tokens.last().expect("checked above");
                        // Most compounds fit inline: no allocation for "h/f".
                        let mut candidate = last.norm.clone();
                        candidate.push_str(segment);
                        candidate.push_str(&fold(s));
                        SLASH_COMPOUNDS.contains(&candidate.as_str())
                    }
                });
                if let Some(&(next_offset, next)) = joined {
                    let last = out.tokens.last_mut().expect("checked above");
                    last.end = next_offset + next.len();
                    last.norm = format!("{}{}{}", last.norm, segment, fold(next)).into();
                    last.term = last.norm.clone();
                    last.stop = is_stop_word(&last.norm);
                    out.renew_last_id();
                    index += 1;
                }
            }
            _ if is_break_punctuation(first) => {
                let boundary = if matches!(first, '.' | '!' | '?' | ';' | '…') {
                    Boundary::Sentence
                } else {
                    Boundary::Clause
                };
                push_break(out, offset, offset + segment.len(), boundary);
            }
            _ => {}
        }
    }
}

fn is_word_segment(segment: &str) -> bool {
    segment.chars().next().is_some_and(char::is_alphanumeric)
}

/// Punctuation that closes a clause or a list item.
fn is_break_punctuation(c: char) -> bool {
    matches!(
        c,
        '.' | ','
            | ';'
            | ':'
            | '!'
            | '?'
            | '('
            | ')'
            | '['
            | ']'
            | '{'
            | '}'
            | '"'
            | '«'
            | '»'
            | '“'
            | '”'
            | '•'
            | '·'
            | '●'
            | '▪'
            | '■'
            | '►'
            | '➢'
            | '✓'
            | '✔'
            | '|'
            | '*'
            | '…'
            | '–'
            | '—'
    )
}

fn push_break(out: &mut Analysis, start: usize, end: usize, boundary: Boundary) {
    if let Some(last) = out.tokens.last_mut()
        && let TokenKind::Break(previous) = last.kind
    {
        last.end = end;
        last.kind = TokenKind::Break(previous.max(boundary));
        return;
    }
    let token = Token {
        start,
        end,
        norm: CompactString::default(),
        term: CompactString::default(),
        stop: true,
        kind: TokenKind::Break(boundary),
    };
    out.push(token, NO_TERM);
}

/// Words seen by this thread, with their folded form, stem and stop flag: folding and
/// stemming are the costly part of analysis, and a text repeats its words.
type WordCache = FxHashMap<CompactString, CachedWord>;

/// A word's analysis, and its term id in the vocabulary last asked for it.
#[derive(Debug, Clone)]
struct CachedWord {
    norm: CompactString,
    term: CompactString,
    stop: bool,
    /// The [`Vocabulary`] `id` belongs to; 0 for none.
    tag: u32,
    id: u32,
}

thread_local! {
    static WORD_CACHE: RefCell<WordCache> = RefCell::new(FxHashMap::default());
}

/// Words cached per thread before the cache is cleared (bounds memory on huge inputs).
const WORD_CACHE_LIMIT: usize = 200_000;

/// Runs `build` with an empty word cache on this thread, then gives the thread its own
/// cache back: analysing a référentiel's labels (tens of thousands of words most texts
/// never use) would otherwise fill the cache of the thread that reads texts next, and a
/// larger cache is a slower one.
pub(crate) fn with_scratch_cache<R>(build: impl FnOnce() -> R) -> R {
    let own = WORD_CACHE.with(|cache| std::mem::take(&mut *cache.borrow_mut()));
    let result = build();
    WORD_CACHE.with(|cache| *cache.borrow_mut() = own);
    result
}

/// The folded form, stem and stop flag of one word, and its term id when a vocabulary
/// is given, through the thread's cache.
fn normalise_word(
    cache: &mut WordCache,
    vocabulary: Option<&Vocabulary>,
    surface: &str,
) -> (CompactString, CompactString, bool, u32) {
    let id_in = |vocabulary: &Vocabulary, term: &str, stop: bool| {
        if stop { NO_TERM } else { vocabulary.id(term) }
    };
    if let Some(found) = cache.get_mut(surface) {
        let id = match vocabulary {
            None => NO_TERM,
            Some(vocabulary) if found.tag == vocabulary.tag => found.id,
            Some(vocabulary) => {
                found.id = id_in(vocabulary, &found.term, found.stop);
                found.tag = vocabulary.tag;
                found.id
            }
        };
        return (found.norm.clone(), found.term.clone(), found.stop, id);
    }
    let norm = CompactString::from(fold(surface));
    let stop = is_stop_word(&norm);
    let term = if stop {
        norm.clone()
    } else {
        CompactString::from(stem(&norm))
    };
    let (tag, id) = match vocabulary {
        Some(vocabulary) => (vocabulary.tag, id_in(vocabulary, &term, stop)),
        None => (0, NO_TERM),
    };
    if cache.len() >= WORD_CACHE_LIMIT {
        cache.clear();
    }
    let cached = CachedWord {
        norm: norm.clone(),
        term: term.clone(),
        stop,
        tag,
        id,
    };
    cache.insert(surface.into(), cached);
    (norm, term, stop, id)
}

/// Splits a UAX#29 word into the tokens French writing packs into it:
/// elisions ("l'équipe"), inclusive suffixes ("développeur·se", "salarié.e.s"),
/// and colons ("Compétences:Java").
fn push_word(out: &mut Analysis, text: &str, offset: usize, segment: &str) {
    // Most words hold none of the marks below (apostrophes, colon, dots; the lead bytes
    // of ’, ·, •, the soft hyphen, the narrow no-break space, zero-width and fullwidth
    // characters): one scan of their bytes spares the searches.
    if !segment
        .bytes()
        .any(|b| matches!(b, b'\'' | b':' | b'.' | 0xC2 | 0xE2 | 0xEF))
    {
        if !segment.is_empty() {
            push_term(out, text, offset, offset + segment.len());
        }
        return;
    }
    // The narrow no-break space French puts before `!`, `:`, `;` joins words in UAX#29
    // (it is ExtendNumLet, like `_`); in French it separates them.
    if let Some(position) = segment.find('\u{202F}') {
        let after = position + '\u{202F}'.len_utf8();
        push_word(out, text, offset, &segment[..position]);
        push_word(out, text, offset + after, &segment[after..]);
        return;
    }
    // Invisible marks at either end of a word stay out of its span.
    let inner = segment.trim_matches(is_invisible);
    if inner.is_empty() {
        return;
    }
    if inner.len() != segment.len() {
        let lead = segment.len() - segment.trim_start_matches(is_invisible).len();
        push_word(out, text, offset + lead, inner);
        return;
    }
    let mut start = offset;
    let mut word = segment;
    // Elision: the prefix up to the first apostrophe, when it is an article or pronoun.
    if let Some(position) = word.find(['\'', '’']) {
        let prefix = fold(&word[..position]);
        if ELISIONS.contains(&prefix.as_str()) {
            let apostrophe_len = word[position..].chars().next().map_or(1, char::len_utf8);
            let skip = position + apostrophe_len;
            start += skip;
            word = &word[skip..];
        }
    }
    if word.is_empty() {
        return;
    }
    // A colon inside a word ("Compétences:Java") separates two words.
    if let Some(position) = word.find(':') {
        push_word(out, text, start, &word[..position]);
        push_break(
            out,
            start + position,
            start + position + 1,
            Boundary::Clause,
        );
        push_word(out, text, start + position + 1, &word[position + 1..]);
        return;
    }
    // Inclusive writing: "développeur·se", "développeur.euse", "salarié.e.s".
    let mut end = start + word.len();
    if let Some(position) = word.find(['·', '.', '•']) {
        let rest = &word[position..];
        let all_suffixes = rest
            .split(['·', '.', '•'])
            .skip(1)
            .all(|part| GENDER_SUFFIXES.contains(&fold(part).as_str()));
        if all_suffixes {
            end = start + position;
        }
    }
    push_term(out, text, start, end);
}

/// Pushes `text[start..end]` as one word token.
fn push_term(out: &mut Analysis, text: &str, start: usize, end: usize) {
    let (norm, term, stop, id) = normalise_word(out.cache, out.vocabulary, &text[start..end]);
    let token = Token {
        start,
        end,
        norm,
        term,
        stop,
        kind: TokenKind::Word,
    };
    out.push(token, id);
}

/// The terms of a text's content words, in order (stop words and breaks removed).
pub fn content_terms(text: &str) -> Vec<String> {
    analyze(text)
        .into_iter()
        .filter(Token::is_content)
        .map(|t| t.term.into_string())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn term_ids_are_those_of_the_vocabulary_asked_for() {
        let text = "Développeur Java : C++, C# et .NET ; CI/CD. Java encore.";
        let numbered = |terms: &[(&str, u32)]| {
            Vocabulary::new(terms.iter().map(|&(t, id)| (t.into(), id)).collect())
        };
        let first = numbered(&[("developpeur", 2), ("java", 3), ("c++", 4), ("ci/cd", 5)]);
        let second = numbered(&[("java", 7), ("c#", 8), (".net", 9)]);
        // Each word is cached by the first pass; the later passes read the ids the
        // cache remembers, for the vocabulary they ask for.
        for vocabulary in [&first, &second, &first, &second] {
            let (tokens, ids) = analyze_with_ids(text, vocabulary);
            assert_eq!(tokens, analyze(text));
            let expected: Vec<u32> = (tokens.iter())
                .map(|t| match t.is_content() {
                    true => vocabulary.id(&t.term),
                    false => NO_TERM,
                })
                .collect();
            assert_eq!(ids, expected);
        }
        let known = |vocabulary: &Vocabulary| -> Vec<u32> {
            let (_, ids) = analyze_with_ids(text, vocabulary);
            ids.into_iter().filter(|&id| id != NO_TERM).collect()
        };
        assert_eq!(known(&first), [2, 3, 4, 5, 3]);
        assert_eq!(known(&second), [7, 8, 9, 7]);
    }

    /// Renders the content tokens of `input` as `surface=term` pairs.
    fn check(input: &str, expect: &str) {
        let rendered: Vec<String> = analyze(input)
            .iter()
            .map(|t| match t.kind {
                TokenKind::Break(_) => "|".to_string(),
                TokenKind::Word if t.stop => format!("({})", &input[t.start..t.end]),
                TokenKind::Word => format!("{}={}", &input[t.start..t.end], t.term),
            })
            .collect();
        assert_eq!(rendered.join(" "), expect, "input: {input:?}");
    }

    #[test]
    fn french_words_fold_and_stem() {
        check("Développeuse", "Développeuse=developpeur");
        check("développeurs", "développeurs=developpeur");
        check("réseaux", "réseaux=reseau");
        check(
            "Rigoureux, rigoureuse",
            "Rigoureux=rigoureur | rigoureuse=rigoureur",
        );
        check("réactive", "réactive=reactif");
        check("organisée", "organisée=organise");
        check("technicienne", "technicienne=technicien");
        check("administratrice", "administratrice=administrateur");
        check("Cœur de métier", "Cœur=coeur (de) métier=metier");
        check("projets", "projets=projet");
        check("process", "process=process");
    }

    #[test]
    fn folding_is_idempotent_on_every_character() {
        let unstable: Vec<char> = (0..0x11_0000u32)
            .filter_map(char::from_u32)
            .filter(|c| {
                let once = fold(&c.to_string());
                fold(&once) != once
            })
            .collect();
        assert!(
            unstable.is_empty(),
            "fold(fold(c)) != fold(c) for {unstable:?}"
        );
    }

    #[test]
    fn elisions_and_apostrophes() {
        check("l'équipe", "équipe=equipe");
        check("l’équipe", "équipe=equipe");
        check("qu'il", "(il)");
        check("d'applications", "applications=application");
        check("aujourd'hui", "aujourd'hui=aujourd'hui");
    }

    #[test]
    fn inclusive_and_gendered_forms() {
        check("développeur·se", "développeur=developpeur");
        check("développeur.euse", "développeur=developpeur");
        check("développeur(se)", "développeur=developpeur | (se) |");
        check("Développeur-euse", "Développeur=developpeur (euse)");
        check("Technicien (H/F)", "Technicien=technicien | (H/F) |");
        check("salarié.e.s", "salarié=salarie");
    }

    #[test]
    fn technical_tokens_stay_whole() {
        check("C++ et C#", "C++=c++ (et) C#=c#");
        check("Node.js", "Node.js=node.js");
        check("ASP.NET et .NET", "ASP.NET=asp.net (et) .NET=.net");
        check("CI/CD", "CI/CD=ci/cd");
        check("UX/UI", "UX/UI=ux/ui");
        check("TCP/IP", "TCP/IP=tcp/ip");
        check("PL/SQL", "PL/SQL=pl/sql");
        check("Java/JEE", "Java=java JEE=jee");
        check("Power BI", "Power=power BI=bi");
        check("Fin. Suite", "Fin=fin | Suite=suite");
    }

    #[test]
    fn breaks_close_clauses() {
        check("Java, SQL\n- Git", "Java=java | SQL=sql | Git=git");
        check("Compétences:Java", "Compétences=competence | Java=java");
    }

    #[test]
    fn invisible_and_narrow_spaces_hide_no_word() {
        for text in [
            "Vous maîtrisez Python\u{202F}!",
            "Vous maîtrisez Python\u{200B}.",
            "Vous maîtrisez \u{200E}Python\u{200F} et SQL",
            "Vous maîtrisez Python\u{00AD}",
            "Vous maîtrisez Python\u{2060}\u{FEFF}",
        ] {
            let tokens = analyze(text);
            let python = tokens
                .iter()
                .find(|t| t.norm == "python")
                .unwrap_or_else(|| panic!("no python in {text:?}: {tokens:?}"));
            assert_eq!(&text[python.start..python.end], "Python", "{text:?}");
        }
        // Inside a word, a soft hyphen is not seen; fullwidth letters are ASCII ones.
        let tokens = analyze("Pyt\u{00AD}hon et ＳＱＬ");
        assert_eq!(tokens[0].norm, "python");
        assert_eq!(tokens[2].norm, "sql");
        assert_eq!(fold("ＰＹＴＨＯＮ\u{200D}"), "python");
    }

    #[test]
    fn offsets_point_into_the_original_text() {
        let text = "Maîtrise d’Excel et de Node.js, cœur du métier.";
        for token in analyze(text) {
            let surface = &text[token.start..token.end];
            if token.kind == TokenKind::Word {
                assert_eq!(
                    fold(surface).trim_start_matches('.'),
                    token.norm.trim_start_matches('.')
                );
            }
        }
    }

    #[test]
    fn stemming_is_idempotent_on_samples() {
        for word in [
            "developpeuse",
            "reseaux",
            "rigoureuse",
            "projets",
            "generaux",
            "actives",
            "aaivee",
        ] {
            let once = stem(word);
            assert_eq!(stem(&once), once, "{word}");
        }
    }
}

#[cfg(test)]
mod properties {
    use proptest::prelude::*;

    use super::*;

    proptest! {
        #[test]
        fn invisible_marks_change_no_word(
            words in prop::collection::vec("[a-zA-Zéè]{1,8}", 1..6),
            marks in prop::collection::vec(0usize..9, 1..6),
        ) {
            const MARKS: [&str; 9] = [
                "\u{202F}", "\u{200B}", "\u{200C}", "\u{200D}", "\u{00AD}", "\u{200E}",
                "\u{200F}", "\u{2060}", "\u{FEFF}",
            ];
            let plain = words.join(" ");
            let marked = words
                .iter()
                .zip(marks.iter().cycle())
                .map(|(word, mark)| format!("{word}{}", MARKS[*mark]))
                .collect::<Vec<_>>()
                .join(" ");
            let words_of = |text: &str| {
                analyze(text)
                    .into_iter()
                    .filter(|t| t.kind == TokenKind::Word)
                    .map(|t| (t.norm.to_string(), text[t.start..t.end].to_string()))
                    .collect::<Vec<_>>()
            };
            prop_assert_eq!(words_of(&marked), words_of(&plain));
        }

        #[test]
        fn folding_is_idempotent(text in "\\PC{0,40}") {
            let once = fold(&text);
            prop_assert_eq!(fold(&once), once);
        }

        #[test]
        fn stemming_is_idempotent(word in "[a-z]{1,16}") {
            let once = stem(&word);
            prop_assert_eq!(stem(&once), once);
        }

        #[test]
        fn spans_are_ordered_char_boundaries(text in "\\PC{0,80}") {
            let mut previous_end = 0;
            for token in analyze(&text) {
                prop_assert!(token.start <= token.end && token.end <= text.len());
                prop_assert!(text.is_char_boundary(token.start) && text.is_char_boundary(token.end));
                prop_assert!(token.start >= previous_end);
                previous_end = token.end;
            }
        }
    }
}
