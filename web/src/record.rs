//! Dating the records of a dropped file: one JSON Lines line and one CSV row per record.
//!
//! A record that cannot be read (not JSON, not an object, no string `text` field, a malformed
//! reference date) becomes an error row with its file and line number; it is never dropped.

use chrono::NaiveDate;
use kcna_dates::{ArticleOptions, date_article};
use kcna_dates_edge::reference::json_day;
use kcna_dates_edge::row::{ErrorRow, bad_json_found, head};
use kcna_dates_edge::{csv, iso, type_name};
use serde_json::Value;

use crate::json;

/// The result for one record.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    /// One JSON object, without a newline.
    pub jsonl: String,
    /// One CSV row, without a newline.
    pub csv: String,
    /// Whether the record is an error row.
    pub error: bool,
    /// Whether the record got a publication date.
    pub dated: bool,
}

impl From<ErrorRow<'_>> for Row {
    fn from(row: ErrorRow<'_>) -> Row {
        Row {
            jsonl: Value::Object(row.json()).to_string(),
            csv: row.csv(),
            error: true,
            dated: false,
        }
    }
}

/// An error row with the page's fields: `id` and `reference` as far as they are known (`null`
/// when not).
pub fn error_row(
    file: &str,
    line: u64,
    id: Option<&Value>,
    reference: Option<NaiveDate>,
    message: &str,
) -> Row {
    let reference = iso(reference);
    ErrorRow {
        file,
        line,
        id: Some(id.unwrap_or(&Value::Null)),
        reference: Some(&reference),
        message,
    }
    .into()
}

/// Dates `text` (a plain-text article, or a record's text) into a row. `id`: `None` for a
/// plain-text file, whose row has no `id` field (as the CLI's without `--id-field`), else the
/// record's id (`null` when it has none).
fn dated_row(
    file: &str,
    line: u64,
    id: Option<Value>,
    text: &str,
    reference: Option<NaiveDate>,
) -> Row {
    let mut options = ArticleOptions::new();
    if let Some(reference) = reference {
        options = options.with_reference(reference);
    }
    let dated = date_article(text, &options);
    let csv = csv::article_row(file, line, id.as_ref(), reference, &dated);
    let mut out = head(file, line, id);
    out.insert("reference".into(), iso(reference));
    json::article(&dated, &mut out);
    Row {
        error: out.contains_key("error"),
        jsonl: Value::Object(out).to_string(),
        csv,
        dated: dated.publication_date.is_some(),
    }
}

/// Dates a whole plain-text file as one article (line 1).
pub fn text_file(file: &str, text: &str, reference: Option<NaiveDate>) -> Row {
    dated_row(file, 1, None, text, reference)
}

/// A plain-text file that is not UTF-8, as the CLI writes it: no `id` field, the reference the
/// file would have been dated with, `invalid UTF-8 at byte {n} (line {l})`.
pub fn text_file_error(file: &str, reference: Option<NaiveDate>, message: &str) -> Row {
    let reference = iso(reference);
    ErrorRow {
        file,
        line: 1,
        id: None,
        reference: Some(&reference),
        message,
    }
    .into()
}

/// Dates one line of a JSON Lines file: the article is the record's `text` field, its id the
/// `id` field or else `url`, its reference the page's `reference`, or, when `reference_field` is
/// not empty, that field of the record (`null` or missing: none). `None` for a blank line.
pub fn jsonl_line(
    file: &str,
    line_no: u64,
    line: &str,
    reference: Option<NaiveDate>,
    reference_field: &str,
) -> Option<Row> {
    let line = line.strip_suffix('\r').unwrap_or(line);
    // A byte order mark opening the file is not part of the first record.
    let line = match line_no {
        1 => line.strip_prefix('\u{feff}').unwrap_or(line),
        _ => line,
    };
    if line.trim().is_empty() {
        return None;
    }
    let value: Value = match serde_json::from_str(line) {
        Ok(value) => value,
        Err(err) => {
            return Some(error_row(
                file,
                line_no,
                None,
                None,
                &bad_json_found(line, &err),
            ));
        }
    };
    let Value::Object(record) = value else {
        let message = format!(
            "the record is {}, expected a JSON object",
            type_name(&value)
        );
        return Some(error_row(file, line_no, None, None, &message));
    };
    let id = record.get("id").or_else(|| record.get("url"));
    let reference = if reference_field.is_empty() {
        reference
    } else {
        match record.get(reference_field).map(json_day) {
            None => None,
            Some(Ok(date)) => date,
            Some(Err(err)) => {
                let message = format!("field `{reference_field}`: {err}");
                return Some(error_row(file, line_no, id, None, &message));
            }
        }
    };
    let text = match record.get("text") {
        Some(Value::String(text)) => text,
        Some(other) => {
            let message = format!("field `text` is {}, expected a string", type_name(other));
            return Some(error_row(file, line_no, id, reference, &message));
        }
        None => {
            return Some(error_row(
                file,
                line_no,
                id,
                reference,
                "missing field `text`",
            ));
        }
    };
    Some(dated_row(
        file,
        line_no,
        Some(id.cloned().unwrap_or(Value::Null)),
        text,
        reference,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, d)
    }

    fn parsed(row: &Row) -> Value {
        serde_json::from_str(&row.jsonl).unwrap_or(Value::Null)
    }

    #[test]
    fn a_record_is_dated_with_its_id() {
        let line = r#"{"url": "u1", "text": "www.kcna.kp (Juche111.11.8.)"}"#;
        let row = jsonl_line("f.jsonl", 3, line, None, "");
        let Some(row) = row else {
            panic!("a record gives a row");
        };
        let value = parsed(&row);
        assert_eq!(value["line"], 3);
        assert_eq!(value["id"], "u1");
        assert_eq!(value["publication_date"], "2022-11-08");
        assert!(row.dated && !row.error);
        assert_eq!(
            row.csv,
            "f.jsonl,3,u1,,2022-11-08,juche_stamp,page_stamp,Juche111.11.8.,false,1,0,,0,"
        );
    }

    #[test]
    fn the_reference_field_resolves_a_dateline() {
        let line = r#"{"text": "Pyongyang, November 8 (KCNA) -- x", "known_date": "2022-11-09"}"#;
        let none = jsonl_line("f", 1, line, None, "").map(|r| parsed(&r));
        assert_eq!(
            none.map(|v| v["publication_date"].clone()),
            Some(Value::Null)
        );
        let with = jsonl_line("f", 1, line, None, "known_date").map(|r| parsed(&r));
        assert_eq!(
            with.map(|v| v["publication_date"].clone()),
            Some(Value::from("2022-11-08"))
        );
        let page = jsonl_line("f", 1, line, ymd(2023, 1, 1), "").map(|r| parsed(&r));
        assert_eq!(
            page.map(|v| v["reference"].clone()),
            Some(Value::from("2023-01-01"))
        );
    }

    #[test]
    fn bad_lines_become_error_rows_with_their_line_number() {
        let cases = [
            ("{not json", "bad JSON: key must be a string"),
            (
                r#"{"text": nope}"#,
                "bad JSON: expected ident at line 1 column 11 (found `o` in `nope`)",
            ),
            ("[1, 2]", "the record is an array, expected a JSON object"),
            (r#"{"title": "x"}"#, "missing field `text`"),
            (
                r#"{"text": 5}"#,
                "field `text` is a number, expected a string",
            ),
            (
                r#"{"text": "x", "known_date": "2022-13-01"}"#,
                "not a valid date",
            ),
        ];
        for (index, (line, expected)) in cases.iter().enumerate() {
            let line_no = u64::try_from(index).unwrap_or(0).saturating_add(10);
            let Some(row) = jsonl_line("f", line_no, line, None, "known_date") else {
                panic!("{line}: an error row");
            };
            let value = parsed(&row);
            assert!(row.error, "{line}");
            assert_eq!(value["line"], line_no, "{line}");
            let message = value["error"].as_str().unwrap_or("");
            assert!(message.contains(expected), "{line}: {message}");
            assert!(row.csv.starts_with(&format!("f,{line_no},")), "{}", row.csv);
        }
        assert_eq!(jsonl_line("f", 1, "  \r", None, ""), None);
        // A byte order mark before the first record is dropped; elsewhere it is an error.
        let bom = "\u{feff}{\"text\": \"Date: 08/11/2022\"}\r";
        assert!(jsonl_line("f", 1, bom, None, "").is_some_and(|r| r.dated && !r.error));
        assert!(jsonl_line("f", 2, bom, None, "").is_some_and(|r| r.error));
    }

    #[test]
    fn csv_fields_with_commas_and_quotes_are_quoted() {
        let row = text_file(
            "a, \"b\".txt",
            "Pyongyang, November 8 (KCNA) --",
            ymd(2022, 11, 9),
        );
        assert!(row.csv.starts_with("\"a, \"\"b\"\".txt\",1,,2022-11-09,2022-11-08,dateline,dateline,\"Pyongyang, November 8 (KCNA) --\","), "{}", row.csv);
        // A record's id that a spreadsheet would run is guarded.
        let line = r#"{"id": "=HYPERLINK(\"http://x\",\"y\")", "text": "x"}"#;
        let row = jsonl_line("f", 1, line, None, "");
        assert!(
            row.is_some_and(|r| r
                .csv
                .starts_with(r#"f,1,"'=HYPERLINK(""http://x"",""y"")","#)),
            "{line}"
        );
    }
}
