//! CSV for French spreadsheets, the one writer of the engine's CSV exports: `;`
//! separator, UTF-8 with a byte order mark, decimal commas where asked.

use crate::{Error, Result};

/// A CSV document being written in memory.
pub(crate) struct FrenchCsv {
    writer: csv::Writer<Vec<u8>>,
}

impl FrenchCsv {
    /// A document that starts with its header row.
    pub(crate) fn new(header: &[&str]) -> Result<FrenchCsv> {
        let mut csv = FrenchCsv {
            writer: csv::WriterBuilder::new()
                .delimiter(b';')
                .from_writer(b"\xEF\xBB\xBF".to_vec()),
        };
        csv.row(header)?;
        Ok(csv)
    }

    /// Writes one row.
    pub(crate) fn row<I, S>(&mut self, fields: I) -> Result<()>
    where
        I: IntoIterator<Item = S>,
        S: AsRef<[u8]>,
    {
        self.writer.write_record(fields).map_err(csv_error)
    }

    /// The document's bytes.
    pub(crate) fn finish(self) -> Result<Vec<u8>> {
        self.writer
            .into_inner()
            .map_err(|e| Error::invalid("csv", e.to_string()))
    }
}

fn csv_error(error: csv::Error) -> Error {
    Error::invalid("csv", error.to_string())
}

/// A number with `places` decimals (as short as it reads when `None`), with a decimal
/// comma when `comma`.
pub(crate) fn decimal(value: f64, places: Option<usize>, comma: bool) -> String {
    let text = match places {
        Some(places) => format!("{value:.places$}"),
        None => value.to_string(),
    };
    if comma { text.replace('.', ",") } else { text }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn documents_open_with_a_byte_order_mark_and_use_semicolons() {
        let mut csv = FrenchCsv::new(&["nom", "valeur"]).unwrap();
        csv.row(["Île-de-France; Paris", &decimal(2.5, None, true)])
            .unwrap();
        let text = String::from_utf8(csv.finish().unwrap()).unwrap();
        assert_eq!(text, "\u{feff}nom;valeur\n\"Île-de-France; Paris\";2,5\n");
        assert_eq!(decimal(0.12345, Some(4), false), "0.1235");
    }
}
