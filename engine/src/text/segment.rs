//! UAX#29 word boundaries, fast for the Latin text of job offers.
//!
//! `unicode-segmentation` looks every character up in the whole Unicode tables, which
//! was about a quarter of extraction time. Job offers are written almost entirely in
//! ASCII and Latin-1 letters and punctuation. For a text made only of characters whose
//! word-break property is listed in [`class`], this module applies the UAX#29 rules
//! those properties can trigger and returns the same segments; any other text goes to
//! `unicode-segmentation`. The tests compare both on every real offer and on random
//! strings over the listed characters.

use unicode_segmentation::UnicodeSegmentation;

/// UAX#29 word-break properties of the characters the fast path knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    /// ALetter (no Hebrew letters here, so also AHLetter).
    Letter,
    Numeric,
    ExtendNumLet,
    MidLetter,
    MidNumLet,
    SingleQuote,
    MidNum,
    WSegSpace,
    Cr,
    Lf,
    Newline,
    Other,
}

/// The word-break property of `c`, or `None` when the fast path does not know it.
const fn class(c: char) -> Option<Class> {
    use Class::*;
    Some(match c {
        'a'..='z' | 'A'..='Z' => Letter,
        // Latin-1 letters (except × and ÷) and Latin Extended-A (œ, Œ, ...).
        'ª' | 'µ' | 'º' | 'À'..='Ö' | 'Ø'..='ö' | 'ø'..='ſ' => Letter,
        '0'..='9' => Numeric,
        '_' => ExtendNumLet,
        ':' | '·' => MidLetter,
        '.' | '‘' | '’' => MidNumLet,
        '\'' => SingleQuote,
        ',' | ';' => MidNum,
        ' ' => WSegSpace,
        '\r' => Cr,
        '\n' => Lf,
        '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' | '\u{2029}' => Newline,
        '\t' | '!' | '"' | '#' | '$' | '%' | '&' | '(' | ')' | '*' | '+' | '-' | '/' | '<'
        | '=' | '>' | '?' | '@' | '[' | '\\' | ']' | '^' | '`' | '{' | '|' | '}' | '~' => Other,
        // The Latin-1 punctuation and typographic marks offers use.
        '\u{A0}' | '«' | '»' | '°' | '×' | '÷' | '–' | '—' | '“' | '”' | '•' | '…' | '€' | '●'
        | '▪' | '■' | '►' | '➢' | '✓' | '✔' => Other,
        _ => return None,
    })
}

/// [`class`] of the ASCII characters, looked up by byte.
const ASCII: [Option<Class>; 128] = {
    let mut table = [None; 128];
    let mut byte = 0;
    while byte < 128 {
        table[byte] = class(byte as u8 as char);
        byte += 1;
    }
    table
};

fn is_mid_letter(c: Class) -> bool {
    matches!(c, Class::MidLetter | Class::MidNumLet | Class::SingleQuote)
}

fn is_mid_num(c: Class) -> bool {
    matches!(c, Class::MidNum | Class::MidNumLet | Class::SingleQuote)
}

/// The class and UTF-8 width of the character at `offset`, or `None` when the fast path
/// does not know it.
#[inline(always)]
fn decode(text: &str, offset: usize) -> Option<(Class, usize)> {
    match text.as_bytes()[offset] {
        byte @ 0..0x80 => ASCII[byte as usize].map(|c| (c, 1)),
        _ => {
            let c = text[offset..]
                .chars()
                .next()
                .expect("offset is a char boundary");
            class(c).map(|found| (found, c.len_utf8()))
        }
    }
}

/// The UAX#29 word segments of `text` with their byte offsets, as
/// `UnicodeSegmentation::split_word_bound_indices` gives them.
pub fn word_bounds(text: &str) -> Vec<(usize, &str)> {
    latin_word_bounds::<false>(text).unwrap_or_else(|| text.split_word_bound_indices().collect())
}

/// [`word_bounds`] without the runs of plain spaces (U+0020), which the analyzer
/// skips: half the segments of an offer, not listed only to be passed over.
pub(super) fn analysed_bounds(text: &str) -> Vec<(usize, &str)> {
    latin_word_bounds::<true>(text).unwrap_or_else(|| {
        (text.split_word_bound_indices())
            .filter(|(_, segment)| !segment.bytes().all(|b| b == b' '))
            .collect()
    })
}

/// [`word_bounds`] in one pass over the characters, or `None` at the first character
/// whose class the fast path does not know; without the runs of plain spaces when
/// `SKIP_SPACES`.
///
/// With the classes of [`class`], a segment is one of: a word (letters, digits and
/// connectors, with the mid-word punctuation WB6, WB7, WB11 and WB12 allow), a run of
/// spaces (WB3d), CR LF (WB3), or a single character (WB999). Scanning those shapes
/// gives the segments the rules give pair by pair.
fn latin_word_bounds<const SKIP_SPACES: bool>(text: &str) -> Option<Vec<(usize, &str)>> {
    let bytes = text.as_bytes();
    // About one segment every three bytes (a word, then its space); room for more, so
    // that punctuation-heavy texts and short titles do not grow the list.
    let mut segments = Vec::with_capacity(text.len() / 2 + 8);
    let mut offset = 0;
    while offset < bytes.len() {
        let start = offset;
        let (class, width) = decode(text, offset)?;
        offset += width;
        match class {
            Class::Letter | Class::Numeric | Class::ExtendNumLet => {
                offset = word_end(text, class, offset)?;
            }
            Class::WSegSpace => {
                while bytes.get(offset) == Some(&b' ') {
                    offset += 1;
                }
                if SKIP_SPACES {
                    continue;
                }
            }
            Class::Cr if bytes.get(offset) == Some(&b'\n') => offset += 1,
            _ => {}
        }
        segments.push((start, &text[start..offset]));
    }
    Some(segments)
}

/// The end of the word whose last character so far has class `last` and ends at
/// `offset`.
fn word_end(text: &str, mut last: Class, mut offset: usize) -> Option<usize> {
    use Class::*;
    let bytes = text.as_bytes();
    loop {
        // ASCII letters and digits join a word whatever it ends with (WB5, WB8–WB10,
        // WB13b): the common case, without decoding.
        while let Some(&byte) = bytes.get(offset)
            && byte.is_ascii_alphanumeric()
        {
            last = if byte.is_ascii_digit() {
                Numeric
            } else {
                Letter
            };
            offset += 1;
        }
        if offset >= bytes.len() {
            return Some(offset);
        }
        let (here, width) = decode(text, offset)?;
        match (last, here) {
            (Letter | Numeric | ExtendNumLet, Letter | Numeric | ExtendNumLet) => {
                last = here;
                offset += width;
            }
            (Letter, mid) | (Numeric, mid) if is_mid_letter(mid) || is_mid_num(mid) => {
                // WB6/WB7: letter, mid, letter; WB11/WB12: digit, mid, digit.
                let wanted = last;
                let fits = if wanted == Letter {
                    is_mid_letter(mid)
                } else {
                    is_mid_num(mid)
                };
                let after = offset + width;
                if !fits || after >= bytes.len() {
                    return Some(offset);
                }
                let (next, next_width) = decode(text, after)?;
                if next != wanted {
                    return Some(offset);
                }
                offset = after + next_width;
            }
            _ => return Some(offset),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn reference(text: &str) -> Vec<(usize, &str)> {
        text.split_word_bound_indices().collect()
    }

    #[test]
    fn agrees_with_unicode_segmentation_on_offer_text() {
        for text in [
            "",
            "Développeur·se Java (H/F) - l'équipe d'Orange: C++, C#, .NET, Node.js",
            "CI/CD, TCP/IP, 3.5 ans, 1,5 jours, 10:30, a'b, 1'000, snake_case_12",
            "  Vous êtes\r\n\r\nautonome…  rigoureux·se ; «  curieux  » – 35 000 €\t!",
            "œuvre Œil straße ÿ µ ª º × ÷ ¿ ¡ \u{A0}nbsp\u{85}\u{2028}x",
            "a.b. .a a..b 1.2.3 1..2 a:b: :a a'1 1'a _a a_ 1_ __",
        ] {
            assert_eq!(word_bounds(text), reference(text), "{text:?}");
        }
    }

    /// The analyzer's segments: the same, less the runs of plain spaces.
    fn without_spaces(text: &str) -> Vec<(usize, &str)> {
        (reference(text).into_iter())
            .filter(|(_, s)| !s.bytes().all(|b| b == b' '))
            .collect()
    }

    #[test]
    fn analysed_bounds_are_the_segments_less_the_plain_spaces() {
        for text in [
            "",
            "  Vous êtes\r\n\r\nautonome…  rigoureux·se ; «  curieux  » – 35 000 €\t!",
            "Java / JEE,  C++ \u{A0}.NET ",
            "日本語 のテキスト  emoji 👩‍💻 dev",
        ] {
            let analysed = analysed_bounds(text);
            assert_eq!(analysed, without_spaces(text), "{text:?}");
            assert!(
                analysed.iter().all(|(_, s)| !s.starts_with(' ')),
                "{text:?}"
            );
        }
    }

    #[test]
    fn other_scripts_go_to_unicode_segmentation() {
        for text in [
            "日本語のテキスト",
            "emoji 👩‍💻 dev",
            "soft\u{AD}hyphen",
            "e\u{301}te",
        ] {
            assert_eq!(word_bounds(text), reference(text), "{text:?}");
        }
    }

    proptest! {
        #[test]
        fn agrees_on_random_strings_of_known_characters(
            text in "[a-zA-Zé0-9_:·.‘’',; \r\n\u{0B}\u{0C}\u{85}\u{2028}\u{2029}\t!\"#$%&()*+/<=>?@\\[\\]^`{|}~\u{A0}-\u{BF}ª×÷–—“”•…€ÀÖØöøÿœ-]{0,40}"
        ) {
            prop_assert_eq!(word_bounds(&text), reference(&text));
            prop_assert_eq!(analysed_bounds(&text), without_spaces(&text));
        }
    }
}
