//! Values of LHEO fields: levels, dates, hours, coordinates, certification codes, durations.

use super::text::clean;

/// Maps a code of the LHEO table `dict-niveaux` to a level 3 to 8 of the national
/// framework of 2019 (décret n° 2019-14), where the correspondence is certain.
///
/// | LHEO code | meaning | level |
/// |---|---|---|
/// | 0, 1 | not given; no specific level | none |
/// | 2, 3 | former levels VI and V bis (below CAP) | none: no certain equivalent |
/// | 4 | former level V (CAP, BEP) | 3 |
/// | 5 | former level IV (baccalauréat) | 4 |
/// | 6 | former level III (bac + 2: BTS, DUT) | 5 |
/// | 7 | former level II (bac + 3 and 4) | 6 |
/// | 8 | former level I (bac + 5 and more) | none: it covers both 7 and 8 |
/// | 11, 12 | levels 1 and 2 of the 2019 framework | none: below the 3 to 8 that Passerelle uses |
/// | 13 to 18 | levels 3 to 8 of the 2019 framework | 3 to 8 |
///
/// Other numbers (later additions to the table) give none; text that is not a number is
/// an error naming the field.
pub(super) fn national_level(field: &str, code: Option<&String>) -> Result<Option<u8>, String> {
    let Some(code) = clean(code) else {
        return Ok(None);
    };
    let value: u32 = code
        .parse()
        .map_err(|_| format!("{field}: {code:?} is not a code of the LHEO level table"))?;
    Ok(match value {
        4 => Some(3),
        5 => Some(4),
        6 => Some(5),
        7 => Some(6),
        13..=18 => u8::try_from(value - 10).ok(),
        _ => None,
    })
}
/// Normalises `37674` or `RNCP37674` to `RNCP37674` (and the same for `RS`).
pub(super) fn certification_code(prefix: &str, text: &str) -> Option<String> {
    let digits = match text.get(..prefix.len()) {
        Some(head) if head.eq_ignore_ascii_case(prefix) => &text[prefix.len()..],
        _ => text,
    }
    .trim();
    let valid = (1..=6).contains(&digits.len()) && digits.bytes().all(|b| b.is_ascii_digit());
    valid.then(|| format!("{prefix}{digits}"))
}
/// A latitude or longitude, accepting a decimal comma.
pub(super) fn coordinate(field: &str, text: Option<&String>) -> Result<Option<f64>, String> {
    let Some(text) = clean(text) else {
        return Ok(None);
    };
    match text.replace(',', ".").parse::<f64>() {
        Ok(value) if value.is_finite() => Ok(Some(value)),
        _ => Err(format!("{field}: {text:?} is not a coordinate")),
    }
}

/// A number of hours; decimals are rounded.
pub(super) fn hours(field: &str, text: Option<&String>) -> Result<Option<u32>, String> {
    let Some(text) = clean(text) else {
        return Ok(None);
    };
    match text.replace(',', ".").parse::<f64>() {
        Ok(value) if (0.0..=100_000.0).contains(&value) => Ok(Some(value.round() as u32)),
        _ => Err(format!("{field}: {text:?} is not a number of hours")),
    }
}
/// Converts an LHEO date `AAAAMMJJ` to ISO `AAAA-MM-JJ`, checking the calendar day.
///
/// `00000000` and `99999999`, which producers write for an unknown or open date, give
/// none: a session without a known start is skipped, one without an end stays open.
pub(super) fn lheo_date(field: &str, text: Option<&String>) -> Result<Option<String>, String> {
    let Some(text) = clean(text) else {
        return Ok(None);
    };
    if text == "00000000" || text == "99999999" {
        return Ok(None);
    }
    let invalid = || format!("{field}: {text:?} is not a date (AAAAMMJJ)");
    if text.len() != 8 || !text.bytes().all(|b| b.is_ascii_digit()) {
        return Err(invalid());
    }
    let number = |range: std::ops::Range<usize>| text[range].parse::<u32>().unwrap_or(0);
    let (year, month, day) = (number(0..4), number(4..6), number(6..8));
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return Err(invalid()),
    };
    if year == 0 || !(1..=days).contains(&day) {
        return Err(invalid());
    }
    Ok(Some(format!(
        "{}-{}-{}",
        &text[..4],
        &text[4..6],
        &text[6..]
    )))
}

/// The hours and months found in free text such as `"455 heures"`, `"35h"` or `"7 mois"`:
/// the first number followed by each unit.
pub(super) fn indicative_duration(text: &str) -> (Option<u32>, Option<f32>) {
    let mut hours = None;
    let mut months = None;
    let chars: Vec<char> = text.to_lowercase().chars().collect();
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len()
            && (chars[i].is_ascii_digit()
                || (matches!(chars[i], ',' | '.')
                    && chars.get(i + 1).is_some_and(char::is_ascii_digit)))
        {
            i += 1;
        }
        let number: String = chars[start..i]
            .iter()
            .map(|&c| if c == ',' { '.' } else { c })
            .collect();
        let unit: String = chars[i..]
            .iter()
            .skip_while(|c| c.is_whitespace())
            .take_while(|c| c.is_alphabetic())
            .collect();
        let Ok(value) = number.parse::<f64>() else {
            continue;
        };
        if (unit == "h" || unit.starts_with("heure")) && (0.0..=100_000.0).contains(&value) {
            hours.get_or_insert(value.round() as u32);
        } else if unit == "mois" && (0.0..=120.0).contains(&value) {
            months.get_or_insert(value as f32);
        }
    }
    (hours, months)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn levels_map_only_where_certain() {
        let check = |code: &str, expect: Option<u8>| {
            let code = code.to_string();
            assert_eq!(national_level("f", Some(&code)).unwrap(), expect, "{code}");
        };
        for (code, level) in [("4", 3), ("5", 4), ("6", 5), ("7", 6), ("13", 3), ("18", 8)] {
            check(code, Some(level));
        }
        for code in ["0", "1", "2", "3", "8", "11", "12", "19", " "] {
            check(code, None);
        }
        let bad = "bac+2".to_string();
        assert!(
            national_level("code-niveau-entree", Some(&bad))
                .unwrap_err()
                .starts_with("code-niveau-entree: ")
        );
    }

    #[test]
    fn dates_convert_and_check_the_calendar() {
        let check = |text: &str| lheo_date("debut", Some(&text.to_string()));
        assert_eq!(check("20260504").unwrap().as_deref(), Some("2026-05-04"));
        assert_eq!(check("20240229").unwrap().as_deref(), Some("2024-02-29"));
        assert_eq!(check("00000000").unwrap(), None);
        assert_eq!(check("99999999").unwrap(), None);
        for bad in [
            "20250229",
            "20261301",
            "20260431",
            "2026-05-04",
            "2026054",
            "00001010",
        ] {
            assert!(check(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn certification_codes_are_normalised() {
        assert_eq!(
            certification_code("RNCP", "37674").as_deref(),
            Some("RNCP37674")
        );
        assert_eq!(
            certification_code("RNCP", "rncp 37674").as_deref(),
            Some("RNCP37674")
        );
        assert_eq!(
            certification_code("RS", "RS5487").as_deref(),
            Some("RS5487")
        );
        for bad in ["", "RNCP", "RNCP-37A74", "1234567", "RS12"] {
            assert_eq!(certification_code("RNCP", bad), None, "{bad}");
        }
    }

    #[test]
    fn indicative_durations_find_hours_and_months() {
        assert_eq!(indicative_duration("455 heures"), (Some(455), None));
        assert_eq!(
            indicative_duration("35h par semaine sur 7 mois"),
            (Some(35), Some(7.0))
        );
        assert_eq!(indicative_duration("3,5 mois"), (None, Some(3.5)));
        assert_eq!(indicative_duration("Module 1 : Python"), (None, None));
    }
}
