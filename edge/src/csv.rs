//! CSV: one column set, RFC 4180 quoting, and a guard against formula injection.
//!
//! # Columns
//!
//! [`COLUMNS`]: `file`, `line`, `id`, `reference`, `publication_date`, `source_kind`,
//! `source_role`, `source_text` (the signal that gave the publication date: its kind, part and
//! text as written), `doubtful` (`true` or `false`), `signals`, `conflicts` (how many of each),
//! `conflict_days` (each conflict's date minus the publication date, in days, separated by
//! spaces), `invalid` (how many) and `error`. An error row (see [`crate::row`]) has the first
//! four cells, the dating cells empty, and `error`; a dated row has an empty `error`.
//!
//! # Quoting
//!
//! A cell is quoted (`"…"`, each `"` inside doubled, as RFC 4180 says) when it holds a comma, a
//! quote or a line break, or starts or ends with a space or a tab. Rows are separated by `\n`.
//!
//! # Formula injection
//!
//! Ids, file names, article text and error messages come from scraped pages and from users, and
//! a spreadsheet runs a cell such as `=HYPERLINK("http://x","y")` as a formula. As OWASP's page
//! "CSV Injection" advises, a text cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage
//! return gets a leading `'` and is quoted: `=1+1` is written `"'=1+1"`, which a spreadsheet
//! shows as the text `'=1+1` (Excel hides the `'`), and which a CSV reader reads back as `'=1+1`
//! (strip one leading `'` from a cell to get the original).
//!
//! The guard applies to every cell that holds text, whatever its column: `file`, `id` (a JSON
//! number id such as `-5` too, since it comes from the record), `reference`, the dates (an ISO
//! date before year 0 starts with `-`), `source_text` and `error`.
//!
//! Exempt, by choice: the cells this crate writes from numbers of its own, `line`, the counts and
//! `conflict_days` (a list such as `-2 3`). They hold only digits, `-` and spaces made by
//! formatting integers, never input text, so they cannot name a function or a cell; and a
//! negative count of days is meant to be read as the number it is (`-2`), which a `'` would turn
//! into text.

use chrono::NaiveDate;
use kcna_dates::ArticleDate;
use serde_json::Value;

use crate::iso_text;
use crate::row::ErrorRow;

/// The CSV columns, in order.
pub const COLUMNS: [&str; 14] = [
    "file",
    "line",
    "id",
    "reference",
    "publication_date",
    "source_kind",
    "source_role",
    "source_text",
    "doubtful",
    "signals",
    "conflicts",
    "conflict_days",
    "invalid",
    "error",
];

/// The characters that make a spreadsheet read a cell as a formula (OWASP, "CSV Injection").
pub const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// The header row, without its line break.
pub fn header() -> String {
    COLUMNS.join(",")
}

/// `text` quoted as RFC 4180 says, `"` doubled inside.
fn quoted(text: &str) -> String {
    format!("\"{}\"", text.replace('"', "\"\""))
}

/// A text cell: guarded against formula injection (a leading `'`, quoted) when it starts with
/// one of [`FORMULA_STARTS`]; else quoted when it holds a comma, a quote or a line break, or
/// starts or ends with a blank; else as it is.
pub fn text(cell: &str) -> String {
    if cell.starts_with(FORMULA_STARTS) {
        return quoted(&format!("'{cell}"));
    }
    let needs_quotes = cell.contains([',', '"', '\n', '\r'])
        || cell.starts_with([' ', '\t'])
        || cell.ends_with([' ', '\t']);
    if needs_quotes {
        quoted(cell)
    } else {
        cell.to_owned()
    }
}

/// A JSON value as a text cell: a string as itself, `null` (or nothing) as empty, anything else
/// as its JSON text.
pub fn value(cell: Option<&Value>) -> String {
    match cell {
        None | Some(Value::Null) => String::new(),
        Some(Value::String(s)) => text(s),
        Some(other) => text(&other.to_string()),
    }
}

/// A date as a text cell (`YYYY-MM-DD`), or empty.
fn date(cell: Option<NaiveDate>) -> String {
    cell.map_or_else(String::new, |date| text(&iso_text(date)))
}

/// A line number: empty for 0 (a whole input).
fn line_number(line: u64) -> String {
    if line == 0 {
        String::new()
    } else {
        line.to_string()
    }
}

/// The row of a dated article (see [`COLUMNS`]), without its line break.
pub fn article_row(
    file: &str,
    line: u64,
    id: Option<&Value>,
    reference: Option<NaiveDate>,
    dated: &ArticleDate,
) -> String {
    let source = dated.source.and_then(|i| dated.signals.get(i));
    let conflict_days: Vec<String> = dated.conflicts.iter().map(|c| c.days.to_string()).collect();
    [
        text(file),
        line_number(line),
        value(id),
        date(reference),
        date(dated.publication_date),
        source.map_or_else(String::new, |s| text(s.kind.as_str())),
        source.map_or_else(String::new, |s| text(s.role.as_str())),
        source.map_or_else(String::new, |s| text(&s.text)),
        dated.doubtful.to_string(),
        dated.signals.len().to_string(),
        dated.conflicts.len().to_string(),
        conflict_days.join(" "),
        dated.invalid.len().to_string(),
        String::new(),
    ]
    .join(",")
}

/// The row of an error (see [`crate::row`]), without its line break.
pub fn error_row(row: &ErrorRow<'_>) -> String {
    let mut cells = vec![
        text(row.file),
        line_number(row.line),
        value(row.id),
        value(row.reference),
    ];
    // The dating cells, empty.
    cells.resize(COLUMNS.len().saturating_sub(1), String::new());
    cells.push(text(row.message));
    cells.join(",")
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)]
    use super::*;
    use kcna_dates::{ArticleOptions, date_article};

    #[test]
    fn formula_starts_are_guarded_and_quoted() {
        for (cell, written) in [
            (
                r#"=HYPERLINK("http://x","y")"#,
                r#""'=HYPERLINK(""http://x"",""y"")""#,
            ),
            ("+1", "\"'+1\""),
            ("-2+3", "\"'-2+3\""),
            ("@SUM(A1)", "\"'@SUM(A1)\""),
            ("\t=1", "\"'\t=1\""),
            ("\r=1", "\"'\r=1\""),
            ("-", "\"'-\""),
        ] {
            assert_eq!(text(cell), written, "{cell:?}");
        }
        // Not at the start, or after a blank: as RFC 4180 alone says.
        assert_eq!(text("a=1"), "a=1");
        assert_eq!(text("a, b"), "\"a, b\"");
        assert_eq!(text("say \"x\""), "\"say \"\"x\"\"\"");
        assert_eq!(text(" =1"), "\" =1\"");
        assert_eq!(text("2022-11-08"), "2022-11-08");
        // A number id from the record is guarded too; `null` is empty.
        assert_eq!(value(Some(&Value::from(-5))), "\"'-5\"");
        assert_eq!(value(Some(&Value::from(7))), "7");
        assert_eq!(value(Some(&Value::Null)), "");
    }

    #[test]
    fn an_article_row_has_every_column() {
        let text_ = "[Juche113.2.12.]\nPyongyang, February 10 (KCNA) -- x";
        let dated = date_article(text_, &ArticleOptions::new());
        let id = Value::from("=cmd|' /C calc'!A0");
        let row = article_row(
            "a.jsonl",
            2,
            Some(&id),
            NaiveDate::from_ymd_opt(2024, 2, 13),
            &dated,
        );
        assert_eq!(
            row,
            "a.jsonl,2,\"'=cmd|' /C calc'!A0\",2024-02-13,2024-02-12,juche_stamp,page_stamp,\
             Juche113.2.12.,false,2,1,-2,0,"
        );
        assert_eq!(header().split(',').count(), COLUMNS.len());
        let error = ErrorRow {
            file: "f",
            line: 1,
            id: None,
            reference: None,
            message: "-x",
        };
        assert_eq!(error_row(&error), "f,1,,,,,,,,,,,,\"'-x\"");
        assert_eq!(error_row(&error).split(',').count(), COLUMNS.len());
    }
}
