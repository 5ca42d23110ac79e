//! Dating the records of a dropped file: one JSON Lines line and one CSV row per record.
//!
//! A record that cannot be read (not JSON, not an object, no string `text` field, a malformed
//! reference date) becomes an error row with its file and line number; it is never dropped.

use chrono::NaiveDate;
use kcna_dates::{ArticleOptions, date_article};
use serde_json::{Map, Value};

use crate::json;

/// The CSV columns, in order.
pub const CSV_COLUMNS: [&str; 12] = [
    "file",
    "line",
    "id",
    "reference",
    "publication_date",
    "source_kind",
    "source_text",
    "signals",
    "conflicts",
    "conflict_days",
    "invalid",
    "error",
];

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

/// Parses a `YYYY-MM-DD` reference date; the empty string is no reference.
pub fn parse_reference(text: &str) -> Result<Option<NaiveDate>, String> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    let well_formed = text.len() == 10
        && text.bytes().enumerate().all(|(i, b)| match i {
            4 | 7 => b == b'-',
            _ => b.is_ascii_digit(),
        });
    if !well_formed {
        return Err(format!("`{text}` is not a YYYY-MM-DD date"));
    }
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map(Some)
        .map_err(|err| format!("`{text}` is not a valid date: {err}"))
}

/// A CSV field, quoted when it holds a comma, a quote or a line break.
fn csv_field(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_owned()
    }
}

/// A JSON value as CSV text: strings bare, null empty, others as JSON.
fn csv_value(value: Option<&Value>) -> String {
    match value {
        None | Some(Value::Null) => String::new(),
        Some(Value::String(s)) => csv_field(s),
        Some(other) => csv_field(&other.to_string()),
    }
}

/// The CSV row of an output object.
fn csv_row(out: &Map<String, Value>) -> String {
    let len = |key: &str| out.get(key).and_then(Value::as_array).map(Vec::len);
    let source = out
        .get("source")
        .and_then(Value::as_u64)
        .and_then(|i| usize::try_from(i).ok())
        .and_then(|i| out.get("signals").and_then(|s| s.get(i)));
    let days: Vec<String> = out
        .get("conflicts")
        .and_then(Value::as_array)
        .map(|all| {
            all.iter()
                .filter_map(|c| c.get("days").map(Value::to_string))
                .collect()
        })
        .unwrap_or_default();
    let count = |key: &str| len(key).map_or(String::new(), |n| n.to_string());
    let cells = [
        csv_value(out.get("file")),
        csv_value(out.get("line")),
        csv_value(out.get("id")),
        csv_value(out.get("reference")),
        csv_value(out.get("publication_date")),
        csv_value(source.and_then(|s| s.get("kind"))),
        csv_value(source.and_then(|s| s.get("text"))),
        count("signals"),
        count("conflicts"),
        csv_field(&days.join(" ")),
        count("invalid"),
        csv_value(out.get("error")),
    ];
    cells.join(",")
}

/// The row of an output object.
fn row(out: Map<String, Value>) -> Row {
    let error = out.contains_key("error");
    let dated = out.get("publication_date").is_some_and(Value::is_string);
    let csv = csv_row(&out);
    Row {
        jsonl: Value::Object(out).to_string(),
        csv,
        error,
        dated,
    }
}

/// The first fields of every output object.
fn head(file: &str, line: u64) -> Map<String, Value> {
    let mut out = Map::new();
    out.insert("file".into(), file.into());
    out.insert("line".into(), line.into());
    out
}

/// An error row.
fn error_row(file: &str, line: u64, message: &str) -> Row {
    let mut out = head(file, line);
    out.insert("error".into(), message.into());
    row(out)
}

/// Dates `text` (a plain-text article, or a record's text) into a row.
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
    let mut out = head(file, line);
    out.insert("id".into(), id.unwrap_or(Value::Null));
    out.insert("reference".into(), json::iso(reference));
    json::article(&dated, &mut out);
    row(out)
}

/// Dates a whole plain-text file as one article (line 1).
pub fn text_file(file: &str, text: &str, reference: Option<NaiveDate>) -> Row {
    dated_row(file, 1, None, text, reference)
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
        Err(err) => return Some(error_row(file, line_no, &format!("not JSON: {err}"))),
    };
    let Value::Object(record) = value else {
        return Some(error_row(file, line_no, "the record is not a JSON object"));
    };
    let text = match record.get("text") {
        Some(Value::String(text)) => text,
        Some(_) => return Some(error_row(file, line_no, "the `text` field is not a string")),
        None => return Some(error_row(file, line_no, "the record has no `text` field")),
    };
    let reference = if reference_field.is_empty() {
        reference
    } else {
        match record.get(reference_field) {
            None | Some(Value::Null) => None,
            Some(Value::String(date)) => match parse_reference(date) {
                Ok(date) => date,
                Err(message) => {
                    let message = format!("the `{reference_field}` field: {message}");
                    return Some(error_row(file, line_no, &message));
                }
            },
            Some(_) => {
                let message = format!("the `{reference_field}` field is not a string");
                return Some(error_row(file, line_no, &message));
            }
        }
    };
    let id = record.get("id").or_else(|| record.get("url")).cloned();
    Some(dated_row(file, line_no, id, text, reference))
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
            "f.jsonl,3,u1,,2022-11-08,juche_stamp,Juche111.11.8.,1,0,,0,"
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
            ("{not json", "not JSON"),
            ("[1, 2]", "not a JSON object"),
            (r#"{"title": "x"}"#, "no `text` field"),
            (r#"{"text": 5}"#, "not a string"),
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
        assert!(row.csv.starts_with("\"a, \"\"b\"\".txt\",1,,2022-11-09,2022-11-08,dateline,\"Pyongyang, November 8 (KCNA) --\","), "{}", row.csv);
        assert_eq!(parse_reference(" "), Ok(None));
        assert!(parse_reference("2022-1-01").is_err());
    }
}
