//! The one JSON writer of the API and the command line: numbers are written with at
//! most four decimals and never as a negative zero.
//!
//! Scores are `f32` computed in floating point: written as they are, a score of 0.97
//! widened to `f64` reads `0.9699999690055847`, and a sum that cancels out reads `-0.0`.
//! [`Rounding`] wraps a `serde_json` formatter (compact or pretty) and rounds every
//! float on its way out, so no caller has to remember to.

use std::io::{self, Write};

use serde::Serialize;
use serde_json::ser::{CompactFormatter, Formatter, PrettyFormatter};

/// Decimals kept when writing a float.
pub const DECIMALS: i32 = 4;

/// Beyond this magnitude a float has no room left for four decimals in an `f64`: it is
/// written unchanged.
const ROUNDING_LIMIT: f64 = 1e11;

/// `value` rounded to [`DECIMALS`] decimals, a negative zero made positive.
pub fn round(value: f64) -> f64 {
    if !value.is_finite() || value.abs() >= ROUNDING_LIMIT {
        return value;
    }
    let scale = 10f64.powi(DECIMALS);
    let rounded = (value * scale).round() / scale;
    // `-0.0 + 0.0` is `+0.0`; every other value is left as it is.
    rounded + 0.0
}

/// Formatter methods that only pass their arguments on to the wrapped formatter.
macro_rules! delegate {
    ($($method:ident($($arg:ident: $type:ty),*);)*) => {
        $(
            fn $method<W: ?Sized + Write>(&mut self, writer: &mut W $(, $arg: $type)*) -> io::Result<()> {
                self.0.$method(writer $(, $arg)*)
            }
        )*
    };
}

/// A formatter that writes floats rounded (see [`round`]) and delegates everything
/// else to `F`.
#[derive(Debug, Clone, Default)]
pub struct Rounding<F>(pub F);

impl<F: Formatter> Formatter for Rounding<F> {
    fn write_f32<W: ?Sized + Write>(&mut self, writer: &mut W, value: f32) -> io::Result<()> {
        self.0.write_f64(writer, round(f64::from(value)))
    }

    fn write_f64<W: ?Sized + Write>(&mut self, writer: &mut W, value: f64) -> io::Result<()> {
        self.0.write_f64(writer, round(value))
    }

    delegate! {
        begin_array();
        end_array();
        begin_array_value(first: bool);
        end_array_value();
        begin_object();
        end_object();
        begin_object_key(first: bool);
        end_object_key();
        begin_object_value();
        end_object_value();
    }
}

/// Writes `value` as compact JSON with rounded floats.
pub fn to_writer<W: Write, T: ?Sized + Serialize>(writer: W, value: &T) -> serde_json::Result<()> {
    let mut serializer = serde_json::Serializer::with_formatter(writer, Rounding(CompactFormatter));
    value.serialize(&mut serializer)
}

/// Writes `value` as indented JSON with rounded floats.
pub fn to_writer_pretty<W: Write, T: ?Sized + Serialize>(
    writer: W,
    value: &T,
) -> serde_json::Result<()> {
    let mut serializer =
        serde_json::Serializer::with_formatter(writer, Rounding(PrettyFormatter::new()));
    value.serialize(&mut serializer)
}

/// `value` as compact JSON bytes with rounded floats.
pub fn to_vec<T: ?Sized + Serialize>(value: &T) -> serde_json::Result<Vec<u8>> {
    let mut bytes = Vec::with_capacity(128);
    to_writer(&mut bytes, value)?;
    Ok(bytes)
}

/// `value` as indented JSON text with rounded floats.
pub fn to_string_pretty<T: ?Sized + Serialize>(value: &T) -> serde_json::Result<String> {
    let mut bytes = Vec::with_capacity(128);
    to_writer_pretty(&mut bytes, value)?;
    Ok(String::from_utf8(bytes).expect("serde_json writes UTF-8"))
}

/// Whether a JSON text writes a number with more than [`DECIMALS`] decimals or a
/// negative zero. Strings are skipped. Tests scan answers with it.
pub fn has_unclean_number(json: &str) -> bool {
    let bytes = json.as_bytes();
    let mut i = 0;
    let mut in_string = false;
    while i < bytes.len() {
        let byte = bytes[i];
        if in_string {
            match byte {
                b'\\' => i += 1,
                b'"' => in_string = false,
                _ => {}
            }
            i += 1;
            continue;
        }
        if byte == b'"' {
            in_string = true;
            i += 1;
            continue;
        }
        if byte == b'-' || byte.is_ascii_digit() {
            let start = i;
            i += 1;
            while i < bytes.len()
                && matches!(bytes[i], b'0'..=b'9' | b'.' | b'e' | b'E' | b'+' | b'-')
            {
                i += 1;
            }
            let number = &json[start..i];
            let negative_zero = number
                .strip_prefix('-')
                .is_some_and(|n| n.parse::<f64>().is_ok_and(|v| v == 0.0));
            // Decimals of the value, counting a negative exponent (`1e-7` has seven).
            let (mantissa, exponent) = match number.find(['e', 'E']) {
                Some(at) => (&number[..at], number[at + 1..].parse::<i64>().unwrap_or(0)),
                None => (number, 0),
            };
            let fraction = mantissa.split_once('.').map_or(0, |(_, f)| f.len() as i64);
            let decimals = (fraction - exponent).max(0);
            if negative_zero || decimals > i64::from(DECIMALS) {
                return true;
            }
            continue;
        }
        i += 1;
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(value: f64, expect: &str) {
        assert_eq!(String::from_utf8(to_vec(&value).unwrap()).unwrap(), expect);
    }

    #[test]
    fn floats_are_rounded_to_four_decimals() {
        check(4.001999855041504, "4.002");
        check(0.123456, "0.1235");
        check(-0.0, "0.0");
        check(-0.00001, "0.0");
        check(12.5, "12.5");
        check(123_456_789.123_456, "123456789.1235");
        check(f64::NAN, "null");
        // 0.97 as an f32, widened: the extractor's scores.
        check(f64::from(0.97f32), "0.97");
        assert_eq!(
            String::from_utf8(to_vec(&0.97f32).unwrap()).unwrap(),
            "0.97"
        );
    }

    #[test]
    fn pretty_output_keeps_its_layout() {
        let value = serde_json::json!({"a": [1, 2.123456], "b": {"c": -0.0}});
        assert_eq!(
            to_string_pretty(&value).unwrap(),
            "{\n  \"a\": [\n    1,\n    2.1235\n  ],\n  \"b\": {\n    \"c\": 0.0\n  }\n}"
        );
    }

    #[test]
    fn the_scanner_finds_long_decimals_and_negative_zeros() {
        assert!(has_unclean_number(r#"{"a": 0.96999997}"#));
        assert!(has_unclean_number(r#"[-0.0]"#));
        assert!(has_unclean_number(r#"[-0]"#));
        assert!(!has_unclean_number(
            r#"{"a": 0.9699, "b": -1.5, "t": "0.123456 -0.0"}"#
        ));
        assert!(has_unclean_number(r#"{"c": 1e-7}"#));
        assert!(!has_unclean_number(
            r#"{"a\"b": 12, "c": 1.5e3, "d": 1e-4}"#
        ));
    }

    #[test]
    fn any_float_is_written_clean() {
        // A deterministic sweep of magnitudes and signs (proptest is not a dependency
        // of the server).
        let mut state = 0x9e37_79b9_7f4a_7c15_u64;
        for _ in 0..20_000 {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let mantissa = (state >> 11) as f64 / (1u64 << 53) as f64;
            let exponent = (state % 24) as i32 - 12;
            let sign = if state & 1 == 0 { 1.0 } else { -1.0 };
            let value = sign * mantissa * 10f64.powi(exponent);
            let written = String::from_utf8(to_vec(&value).unwrap()).unwrap();
            assert!(!has_unclean_number(&written), "{value} → {written}");
            let back: f64 = written.parse().unwrap();
            assert!(
                (back - value).abs() <= 0.5e-4 + value.abs() * 1e-15,
                "{value} → {written}"
            );
            let single = String::from_utf8(to_vec(&(value as f32)).unwrap()).unwrap();
            assert!(!has_unclean_number(&single), "{value} → {single}");
        }
    }
}
