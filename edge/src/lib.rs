//! The edge that kcna-dates' front-ends share: the command-line tool (`cli/`), the web page
//! (`web/`) and the Python package (`python/`) read the same reference dates, write the same error
//! rows and the same CSV (`tests/cross/run.sh` checks it).
//!
//! Not published (`publish = false`): it is the workspace's own glue, with no semver promise.
//!
//! * [`reference`](mod@reference): one dialect of reference dates (`YYYY-MM-DD`, RFC 3339 with
//!   its offset, epoch seconds or milliseconds), each read as its date in Pyongyang time.
//! * [`row`]: the start of every output object (`file`, `line`, `id`) and the one error row
//!   shape, as JSON and as CSV.
//! * [`csv`]: the CSV columns, RFC 4180 quoting with the formula-injection guard, and the row of
//!   a dated article.
//!
//! Dates are written as ISO `YYYY-MM-DD` by [`iso`] and [`iso_text`].

pub mod csv;
pub mod reference;
pub mod row;

use chrono::NaiveDate;
use serde_json::Value;

/// `YYYY-MM-DD`, as chrono's `%Y-%m-%d` writes it: its `Display`, which writes the same in every
/// year without parsing a pattern (see the unit test).
pub fn iso_text(date: NaiveDate) -> String {
    date.to_string()
}

/// `"YYYY-MM-DD"` or `null`.
pub fn iso(date: Option<NaiveDate>) -> Value {
    match date {
        Some(date) => Value::String(iso_text(date)),
        None => Value::Null,
    }
}

/// A short name of a JSON value's type, for error messages (`a number`, `an object`).
pub fn type_name(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn iso_text_is_chrono_s() {
        for (y, m, d) in [
            (2024, 2, 12),
            (999, 1, 5),
            (9, 12, 31),
            (0, 1, 1),
            (9999, 12, 31),
            (10000, 1, 1),
            (-1, 3, 4),
            (-1200, 5, 3),
            (200_000, 6, 7),
        ] {
            let date = NaiveDate::from_ymd_opt(y, m, d).unwrap();
            assert_eq!(iso_text(date), date.format("%Y-%m-%d").to_string());
        }
        assert_eq!(iso(None), Value::Null);
    }
}
