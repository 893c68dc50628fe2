//! Input read line by line within a bound: a line longer than the limit is skipped as it
//! is read (never held whole), and a NUL byte stops the read at once, as binary input
//! is not JSON lines (ripgrep does the same with binary files).

use std::io::BufRead;
use std::path::PathBuf;

use crate::{Error, Result};

/// One line of input.
#[derive(Debug, PartialEq)]
pub enum Line {
    /// The line's bytes, without its `\n` or `\r\n`.
    Text(Vec<u8>),
    /// A line over the limit, skipped; its length in bytes.
    TooLong(u64),
}

/// Bounded lines of a reader, numbered from 1.
#[derive(Debug)]
pub struct Lines<R> {
    reader: R,
    limit: usize,
    number: usize,
    source: PathBuf,
}

impl<R: BufRead> Lines<R> {
    /// Lines of `reader` (named `source` in errors), each at most `limit` bytes.
    pub fn new(reader: R, limit: usize, source: impl Into<PathBuf>) -> Lines<R> {
        Lines {
            reader,
            limit,
            number: 0,
            source: source.into(),
        }
    }

    /// The next line and its number, `None` at the end; an error on binary input.
    pub fn next_line(&mut self) -> Result<Option<(usize, Line)>> {
        let mut text = Vec::new();
        let mut length = 0u64;
        let mut any = false;
        loop {
            let available = self
                .reader
                .fill_buf()
                .map_err(|e| Error::io(&self.source, e))?;
            if available.is_empty() {
                if !any {
                    return Ok(None);
                }
                break;
            }
            any = true;
            let end = available.iter().position(|&b| b == b'\n');
            let part = &available[..end.unwrap_or(available.len())];
            if part.contains(&0) {
                return Err(Error::Format {
                    path: self.source.clone(),
                    line: self.number as u64 + 1,
                    message: "NUL byte: binary input, not JSON lines".into(),
                });
            }
            length += part.len() as u64;
            if length <= self.limit as u64 {
                text.extend_from_slice(part);
            } else if !text.is_empty() {
                text = Vec::new();
            }
            let consumed = end.map_or(available.len(), |e| e + 1);
            self.reader.consume(consumed);
            if end.is_some() {
                break;
            }
        }
        self.number += 1;
        if length > self.limit as u64 {
            return Ok(Some((self.number, Line::TooLong(length))));
        }
        if text.last() == Some(&b'\r') {
            text.pop();
        }
        Ok(Some((self.number, Line::Text(text))))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(input: &[u8], limit: usize) -> Result<Vec<(usize, Line)>> {
        // A tiny buffer so that lines span several reads.
        let mut lines = Lines::new(std::io::BufReader::with_capacity(4, input), limit, "test");
        let mut out = Vec::new();
        while let Some(line) = lines.next_line()? {
            out.push(line);
        }
        Ok(out)
    }

    #[test]
    fn lines_are_numbered_bounded_and_stripped() {
        let lines = all(b"ab\r\n\nabcdefghij\nxyz", 5).unwrap();
        assert_eq!(
            lines,
            vec![
                (1, Line::Text(b"ab".to_vec())),
                (2, Line::Text(Vec::new())),
                (3, Line::TooLong(10)),
                (4, Line::Text(b"xyz".to_vec())),
            ]
        );
    }

    #[test]
    fn a_nul_byte_stops_the_read() {
        let error = all(b"ok\nfine\nbin\0ary\n", 100).unwrap_err();
        assert!(
            error.to_string().contains("test: line 3: NUL byte"),
            "{error}"
        );
    }
}
