//! Text of LHEO fields: placeholders, escaped HTML markup and entities made clean text.
//!
//! Real feeds differ from the schema in three ways this module undoes:
//! - a field that is mandatory but unknown holds a placeholder, most often a lone `-`
//!   ([`is_placeholder`]): it is read as absent, never shown;
//! - producers such as ONISEP put HTML inside the text, escaped once (`&lt;p&gt;`),
//!   twice (`&amp;lt;p&amp;gt;`) or raw in a CDATA section: tags are removed, paragraphs
//!   and list items become lines ([`clean_markup`]);
//! - HTML entities (`&nbsp;`, `&eacute;`, `&#233;`) survive the XML reader inside escaped
//!   markup: they are resolved to their characters.
//!
//! The clean text is what the training keeps, so the spans of extracted skills point
//! into the text a person reads.

/// How many times escaped markup is unescaped at most: real feeds escape it once or
/// twice; a bound keeps a crafted `&amp;amp;amp;…` from looping long.
const MAX_UNESCAPE_ROUNDS: usize = 4;

/// The clean text of a field, none when it is blank or a placeholder.
pub(super) fn clean(text: Option<&String>) -> Option<String> {
    let text = clean_markup(text?);
    (!is_placeholder(&text)).then_some(text)
}

/// The clean text on one line, runs of blanks made one space; none when blank or a
/// placeholder.
pub(super) fn clean_line(text: Option<&String>) -> Option<String> {
    clean(text).map(|text| one_line(&text))
}

/// The text on one line, runs of blanks made one space.
pub(super) fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Whether a text says "not given": blank, or only dashes, dots, underscores, asterisks
/// or slashes (`-`, `--`, `–`, `...`), or one of the "non communiqué" abbreviations.
pub(super) fn is_placeholder(text: &str) -> bool {
    let text = text.trim();
    if text
        .chars()
        .all(|c| c.is_whitespace() || matches!(c, '-' | '‐' | '–' | '—' | '.' | '_' | '*' | '/'))
    {
        return true;
    }
    let lower = text.to_lowercase();
    matches!(
        lower.as_str(),
        "nc" | "n.c." | "n.c" | "n/c" | "non communiqué" | "non renseigné" | "null"
    )
}

/// Removes HTML markup from a text, escaped or not, and resolves HTML entities.
///
/// Paragraph and block tags (`p`, `div`, `ul`, `h1`…`h6`, `table`) end a paragraph, which
/// becomes a blank line; `br`, list items (`li`, `dt`, `dd`) and table rows start a line,
/// table cells are separated by a space. Other tags
/// (`b`, `strong`, `a`, `span`…) are removed, keeping their text; `script` and `style`
/// are removed with their content. Blanks are folded within each line (no-break spaces
/// included), lines are trimmed and at most one blank line separates paragraphs.
pub(super) fn clean_markup(text: &str) -> String {
    let mut text = text.to_string();
    for _ in 0..MAX_UNESCAPE_ROUNDS {
        if !has_entity(&text) {
            break;
        }
        text = resolve_entities(&text);
    }
    let text = if text.contains('<') {
        strip_tags(&text)
    } else {
        text
    };
    fold_blanks(&text)
}

/// Whether the text holds an HTML entity such as `&lt;`, `&amp;`, `&#233;` or `&#xE9;`.
fn has_entity(text: &str) -> bool {
    text.match_indices('&')
        .any(|(at, _)| entity_at(&text[at..]).is_some())
}

/// Resolves every entity of the text once; unknown ones are kept as written.
fn resolve_entities(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        match entity_at(&rest[at..]) {
            Some((resolved, length)) => {
                out.push(resolved);
                rest = &rest[at + length..];
            }
            None => {
                out.push('&');
                rest = &rest[at + 1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// The character of the entity opening `text` (which starts with `&`) and its length.
fn entity_at(text: &str) -> Option<(char, usize)> {
    let end = text.char_indices().take(12).find(|&(_, c)| c == ';')?.0;
    let name = &text[1..end];
    let resolved = if let Some(number) = name.strip_prefix('#') {
        let value = match number.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => number.parse::<u32>().ok()?,
        };
        // Windows-1252 code points written as numbers by some producers (`&#146;`).
        match value {
            0x80..=0x9F => windows_1252(value as u8)?,
            _ => char::from_u32(value)?,
        }
    } else {
        named_entity(name)?
    };
    Some((resolved, end + 1))
}

/// The HTML named entities found in French text; others are left as written.
fn named_entity(name: &str) -> Option<char> {
    Some(match name {
        "lt" => '<',
        "gt" => '>',
        "amp" => '&',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => '\u{a0}',
        "eacute" => 'é',
        "egrave" => 'è',
        "ecirc" => 'ê',
        "euml" => 'ë',
        "Eacute" => 'É',
        "Egrave" => 'È',
        "Ecirc" => 'Ê',
        "agrave" => 'à',
        "acirc" => 'â',
        "Agrave" => 'À',
        "Acirc" => 'Â',
        "icirc" => 'î',
        "iuml" => 'ï',
        "ocirc" => 'ô',
        "Ocirc" => 'Ô',
        "ugrave" => 'ù',
        "ucirc" => 'û',
        "uuml" => 'ü',
        "ccedil" => 'ç',
        "Ccedil" => 'Ç',
        "oelig" => 'œ',
        "OElig" => 'Œ',
        "aelig" => 'æ',
        "laquo" => '«',
        "raquo" => '»',
        "rsquo" => '’',
        "lsquo" => '‘',
        "ldquo" => '“',
        "rdquo" => '”',
        "hellip" => '…',
        "ndash" => '–',
        "mdash" => '—',
        "bull" => '•',
        "middot" => '·',
        "deg" => '°',
        "euro" => '€',
        "copy" => '©',
        "reg" => '®',
        "trade" => '™',
        "sup2" => '²',
        "ordm" => 'º',
        "ordf" => 'ª',
        _ => return None,
    })
}

/// The character of a Windows-1252 byte in 0x80..=0x9F, where it differs from Latin-1.
pub(super) fn windows_1252(byte: u8) -> Option<char> {
    const TABLE: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž',
        '\u{8f}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}',
        'ž', 'Ÿ',
    ];
    (0x80..=0x9F)
        .contains(&byte)
        .then(|| TABLE[usize::from(byte - 0x80)])
}

/// The HTML elements found in training texts (with `o:p`, which word processors write);
/// a name outside this list is prose between angle brackets, kept as text.
const HTML_ELEMENTS: &[&str] = &[
    "a",
    "abbr",
    "article",
    "b",
    "big",
    "blockquote",
    "br",
    "center",
    "cite",
    "code",
    "dd",
    "div",
    "dl",
    "dt",
    "em",
    "font",
    "footer",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "i",
    "img",
    "label",
    "li",
    "mark",
    "o:p",
    "ol",
    "p",
    "pre",
    "q",
    "s",
    "section",
    "small",
    "span",
    "strike",
    "strong",
    "style",
    "script",
    "sub",
    "sup",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "u",
    "ul",
];

/// What a tag does to the text around it.
enum TagEffect {
    /// Ends a paragraph: a blank line.
    Paragraph,
    /// Ends a line.
    Line,
    /// Separates words: a space.
    Space,
    /// Nothing: the tag is removed, its text kept.
    Inline,
    /// The tag and everything up to its end tag are removed.
    Drop,
}

/// What a tag does; list items and table rows start a line where they open, so that
/// `<li>a</li><li>b</li>` gives two lines and not a blank line between them.
fn tag_effect(name: &str, closing: bool) -> TagEffect {
    match name {
        "p" | "div" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "ul" | "ol" | "dl" | "table"
        | "blockquote" | "section" | "article" | "header" | "footer" | "hr" | "pre" => {
            TagEffect::Paragraph
        }
        "br" => TagEffect::Line,
        "li" | "dt" | "dd" | "tr" if !closing => TagEffect::Line,
        "td" | "th" => TagEffect::Space,
        "script" | "style" => TagEffect::Drop,
        _ => TagEffect::Inline,
    }
}

/// The tag opening `text` (which starts with `<`): its lowercase name, whether it is an
/// end tag, and its length. Comments give an empty name. Text such as `a < b` or `<5 ans`
/// is not a tag.
fn tag_at(text: &str) -> Option<(String, bool, usize)> {
    if let Some(comment) = text.strip_prefix("<!--") {
        let end = comment.find("-->").map_or(text.len(), |i| 4 + i + 3);
        return Some((String::new(), false, end));
    }
    let bytes = text.as_bytes();
    let closing = bytes.get(1) == Some(&b'/');
    let name_start = if closing { 2 } else { 1 };
    let first = *bytes.get(name_start)?;
    if !(first.is_ascii_alphabetic() || (first == b'!' && !closing)) {
        return None;
    }
    let end = text.find('>')? + 1;
    // A `<` that another `<` follows before any `>` is text, not a tag.
    if text[1..end].contains('<') {
        return None;
    }
    let name: String = text[name_start..end]
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == ':')
        .collect::<String>()
        .to_ascii_lowercase();
    // Only HTML elements are markup: `<Power BI>` or `<nom du poste>` in prose stay text.
    if !(name.is_empty() || HTML_ELEMENTS.contains(&name.as_str())) {
        return None;
    }
    Some((name, closing, end))
}

fn strip_tags(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('<') {
        out.push_str(&rest[..at]);
        let Some((name, closing, length)) = tag_at(&rest[at..]) else {
            out.push('<');
            rest = &rest[at + 1..];
            continue;
        };
        rest = &rest[at + length..];
        if name.is_empty() {
            continue;
        }
        match tag_effect(&name, closing) {
            TagEffect::Paragraph => out.push_str("\n\n"),
            TagEffect::Line => out.push('\n'),
            TagEffect::Space => out.push(' '),
            TagEffect::Inline => {}
            TagEffect::Drop if !closing => {
                let end = format!("</{name}");
                let lower = rest.to_ascii_lowercase();
                rest = match lower.find(&end) {
                    Some(i) => rest[i..].find('>').map_or("", |j| &rest[i + j + 1..]),
                    None => "",
                };
            }
            TagEffect::Drop => {}
        }
    }
    out.push_str(rest);
    out
}

/// Folds blanks within lines, trims lines and keeps at most one blank line in a row.
fn fold_blanks(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blank_lines = 0;
    for line in text.lines() {
        let line = one_line(line);
        if line.is_empty() {
            blank_lines += 1;
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank_lines > 0 { "\n\n" } else { "\n" });
        }
        blank_lines = 0;
        out.push_str(&line);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &str, expect: &str) {
        assert_eq!(clean_markup(input), expect, "{input:?}");
    }

    #[test]
    fn markup_becomes_lines() {
        check("<p>Un</p><p>Deux</p>", "Un\n\nDeux");
        check("a<br>b<br/>c<BR />d", "a\nb\nc\nd");
        check("<ul><li>HTML</li><li>CSS</li></ul>", "HTML\nCSS");
        check("<p><b>Module 1</b><br>PHP</p>", "Module 1\nPHP");
        check(
            "<a href=\"x\">lien</a> et <strong>gras</strong>",
            "lien et gras",
        );
        check("<!-- note -->texte", "texte");
        check(
            "tableaux de bord <Power BI>.",
            "tableaux de bord <Power BI>.",
        );
        check("<p class=\"MsoNormal\">Word<o:p></o:p></p>", "Word");
        check("<style>p{}</style>Texte<script>x()</script>", "Texte");
        check("  deux   espaces \n\n\n\n suite ", "deux espaces\n\nsuite");
    }

    #[test]
    fn escaped_markup_and_entities_resolve() {
        check("a&lt;br /&gt;b", "a\nb");
        check("&amp;lt;p&amp;gt;Un&amp;lt;/p&amp;gt;", "Un");
        check("caf&eacute; &amp;eacute;t&#233; &#xE9;", "café été é");
        check("l&#146;offre", "l’offre");
        check("prix&nbsp;: 10&nbsp;€", "prix : 10 €");
        check("R&D et S&P", "R&D et S&P");
        check("&inconnu; reste", "&inconnu; reste");
    }

    #[test]
    fn less_than_in_prose_is_kept() {
        check("âge < 26 ans", "âge < 26 ans");
        check("niveau <5 ou >3", "niveau <5 ou >3");
        check("a &lt; b", "a < b");
    }

    #[test]
    fn placeholders_are_absent() {
        for text in ["-", " -- ", "–", "\n\t", "...", "N.C.", "nc", "_", "&#45;"] {
            assert_eq!(clean(Some(&text.to_string())), None, "{text:?}");
        }
        for text in ["-1.5", "Aucune", "0", "- accès"] {
            assert!(clean(Some(&text.to_string())).is_some(), "{text:?}");
        }
        assert_eq!(
            clean_line(Some(&"  Atelier\n  Numérique ".to_string())).as_deref(),
            Some("Atelier Numérique")
        );
    }
}
