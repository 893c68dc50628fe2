//! Character encodings of LHEO files: Latin-1 and Windows-1252 exports made UTF-8.
//!
//! The XML reader reads UTF-8 only. Some producers still export in ISO-8859-1 (or
//! ISO-8859-15, or Windows-1252) and say so in the declaration
//! (`<?xml version="1.0" encoding="ISO-8859-1"?>`): such a file, when its bytes are not
//! UTF-8, is transcoded before it is read. Line numbers stay those of the file (line
//! ends are single bytes in every one of these encodings).

use std::borrow::Cow;

use super::text::windows_1252;

/// The single-byte encodings that are transcoded, as they are named in declarations.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum SingleByte {
    /// ISO-8859-1 and Windows-1252: bytes 0x80 to 0x9F are read as Windows-1252, as
    /// browsers do, since producers that declare Latin-1 often write Windows quotes.
    Latin1,
    /// ISO-8859-15: Latin-1 with the euro sign and eight other letters.
    Latin9,
}

/// The input as UTF-8: unchanged unless it declares a single-byte encoding and is not
/// valid UTF-8.
pub(super) fn to_utf8(bytes: &[u8]) -> Cow<'_, [u8]> {
    let Some(encoding) = declared_encoding(bytes) else {
        return Cow::Borrowed(bytes);
    };
    if std::str::from_utf8(bytes).is_ok() {
        return Cow::Borrowed(bytes);
    }
    let mut text = String::with_capacity(bytes.len() + bytes.len() / 8);
    for &byte in bytes {
        text.push(decode(encoding, byte));
    }
    Cow::Owned(text.into_bytes())
}

/// The single-byte encoding named by the XML declaration, if any.
fn declared_encoding(bytes: &[u8]) -> Option<SingleByte> {
    let head = &bytes[..bytes.len().min(256)];
    let end = head.windows(2).position(|w| w == b"?>")?;
    let declaration = String::from_utf8_lossy(&head[..end]).to_ascii_lowercase();
    if !declaration.trim_start().starts_with("<?xml") {
        return None;
    }
    let value = declaration.split("encoding").nth(1)?;
    let value = value.trim_start().strip_prefix('=')?.trim_start();
    let quote = value.chars().next().filter(|c| matches!(c, '"' | '\''))?;
    let name = value[1..].split(quote).next()?.trim();
    match name {
        "iso-8859-1" | "iso8859-1" | "latin1" | "latin-1" | "l1" | "windows-1252" | "cp1252" => {
            Some(SingleByte::Latin1)
        }
        "iso-8859-15" | "iso8859-15" | "latin-9" | "latin9" => Some(SingleByte::Latin9),
        _ => None,
    }
}

fn decode(encoding: SingleByte, byte: u8) -> char {
    if encoding == SingleByte::Latin9 {
        let replaced = match byte {
            0xA4 => Some('€'),
            0xA6 => Some('Š'),
            0xA8 => Some('š'),
            0xB4 => Some('Ž'),
            0xB8 => Some('ž'),
            0xBC => Some('Œ'),
            0xBD => Some('œ'),
            0xBE => Some('Ÿ'),
            _ => None,
        };
        if let Some(character) = replaced {
            return character;
        }
    }
    windows_1252(byte).unwrap_or(char::from(byte))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latin1_declared_files_become_utf8() {
        let latin1 =
            b"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<a>D\xe9veloppeur \x92web\x92</a>";
        let text = String::from_utf8(to_utf8(latin1).into_owned()).unwrap();
        assert!(text.ends_with("<a>Développeur ’web’</a>"), "{text}");
        let latin9 = b"<?xml version='1.0' encoding='iso-8859-15'?><a>\xa4 \xbd</a>";
        let text = String::from_utf8(to_utf8(latin9).into_owned()).unwrap();
        assert!(text.ends_with("<a>€ œ</a>"), "{text}");
    }

    #[test]
    fn utf8_and_undeclared_files_are_untouched() {
        let utf8 = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><a>déjà</a>".as_bytes();
        assert!(matches!(to_utf8(utf8), Cow::Borrowed(_)));
        let undeclared = b"<a>\xe9</a>";
        assert!(matches!(to_utf8(undeclared), Cow::Borrowed(_)));
        let utf8_declared = b"<?xml version=\"1.0\" encoding=\"UTF-8\"?><a>\xe9</a>";
        assert!(matches!(to_utf8(utf8_declared), Cow::Borrowed(_)));
    }
}
