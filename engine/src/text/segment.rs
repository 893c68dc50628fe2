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

fn is_letter(c: Class) -> bool {
    c == Class::Letter
}

fn is_mid_letter(c: Class) -> bool {
    matches!(c, Class::MidLetter | Class::MidNumLet | Class::SingleQuote)
}

fn is_mid_num(c: Class) -> bool {
    matches!(c, Class::MidNum | Class::MidNumLet | Class::SingleQuote)
}

/// Whether UAX#29 keeps `classes[i - 1]` and `classes[i]` in one segment.
fn joined(classes: &[Class], i: usize) -> bool {
    use Class::*;
    let before = classes[i - 1];
    let here = classes[i];
    let earlier = i.checked_sub(2).map(|j| classes[j]);
    let next = classes.get(i + 1).copied();
    match (before, here) {
        (Cr, Lf) => true,                                                      // WB3
        (Cr | Lf | Newline, _) | (_, Cr | Lf | Newline) => false,              // WB3a, WB3b
        (WSegSpace, WSegSpace) => true,                                        // WB3d
        (Letter, Letter) => true,                                              // WB5
        (Letter, mid) if is_mid_letter(mid) => next.is_some_and(is_letter),    // WB6
        (mid, Letter) if is_mid_letter(mid) => earlier.is_some_and(is_letter), // WB7
        (Numeric, Numeric) | (Letter, Numeric) | (Numeric, Letter) => true,    // WB8–WB10
        (mid, Numeric) if is_mid_num(mid) => earlier == Some(Numeric),         // WB11
        (Numeric, mid) if is_mid_num(mid) => next == Some(Numeric),            // WB12
        (Letter | Numeric | ExtendNumLet, ExtendNumLet) => true,               // WB13a
        (ExtendNumLet, Letter | Numeric) => true,                              // WB13b
        _ => false,                                                            // WB999
    }
}

/// The UAX#29 word segments of `text` with their byte offsets, as
/// `UnicodeSegmentation::split_word_bound_indices` gives them.
pub fn word_bounds(text: &str) -> Vec<(usize, &str)> {
    let mut offsets = Vec::with_capacity(text.len() + 1);
    let mut classes = Vec::with_capacity(text.len());
    let bytes = text.as_bytes();
    let mut offset = 0;
    while offset < bytes.len() {
        let (found, width) = match bytes[offset] {
            byte @ 0..0x80 => (ASCII[byte as usize], 1),
            _ => {
                let c = text[offset..]
                    .chars()
                    .next()
                    .expect("offset is a char boundary");
                (class(c), c.len_utf8())
            }
        };
        let Some(found) = found else {
            return text.split_word_bound_indices().collect();
        };
        offsets.push(offset);
        classes.push(found);
        offset += width;
    }
    offsets.push(text.len());
    let mut segments = Vec::with_capacity(text.len() / 3 + 1);
    let mut start = 0;
    for i in 1..classes.len() {
        if !joined(&classes, i) {
            segments.push((offsets[start], &text[offsets[start]..offsets[i]]));
            start = i;
        }
    }
    if !classes.is_empty() {
        segments.push((offsets[start], &text[offsets[start]..]));
    }
    segments
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
        }
    }
}
