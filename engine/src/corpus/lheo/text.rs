//! Text of LHEO fields: trimming and one-line folding.

/// The trimmed text, none when blank.
pub(super) fn clean(text: Option<&String>) -> Option<String> {
    text.map(|t| t.trim())
        .filter(|t| !t.is_empty())
        .map(str::to_string)
}

/// The text on one line, runs of blanks made one space.
pub(super) fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
