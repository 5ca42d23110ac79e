//! kcna-dates in the browser: the WebAssembly module behind the static page of `web/`.
//!
//! `bash web/build.sh` compiles this crate for `wasm32-unknown-unknown`, runs `wasm-bindgen` on it
//! and writes the page to `web/dist/`. The functions exported to JavaScript return JSON text, so
//! the page needs no glue beyond `JSON.parse`:
//!
//! * [`date_article_json`]: everything `date_article` finds (byte offsets, as the command-line
//!   tool writes it) and every notation `scan` finds, each span with its UTF-16 offsets too.
//! * [`scan_json`]: every notation `scan` finds, with UTF-16 offsets.
//! * [`date_jsonl_line`] and [`date_text_file`]: one record of a dropped file as a JSON Lines line
//!   and a CSV row ([`csv_header`]); a record that cannot be read is an error row, never dropped.
//!
//! Everything here is plain Rust that also builds natively, so `cargo test --workspace` tests it.

mod json;
mod record;
mod session;
mod utf16;

use chrono::NaiveDate;
use kcna_dates::{ArticleOptions, date_article, scan};
use serde_json::{Map, Value};
use wasm_bindgen::prelude::wasm_bindgen;

pub use kcna_dates_edge::csv::COLUMNS as CSV_COLUMNS;
pub use kcna_dates_edge::reference::parse_optional as parse_reference;
pub use session::DatedText;
pub use utf16::{add_utf16_offsets, utf16_offsets};

/// `{"error": message}` as JSON text.
fn error_json(message: &str) -> String {
    let mut out = Map::new();
    out.insert("error".into(), message.into());
    Value::Object(out).to_string()
}

/// Every notation `scan` finds in `text`, as JSON values with byte offsets.
fn found_values(text: &str) -> Vec<Value> {
    scan(text).map(|found| json::found(&found)).collect()
}

/// Dates an article for the page.
///
/// `reference` is empty, or `YYYY-MM-DD`, an RFC 3339 timestamp with its offset, or epoch seconds
/// or milliseconds, read as its date in Pyongyang time (`kcna_dates_edge::reference`). Returns JSON text: `{"reference", "publication_date",
/// "source", "doubtful", "signals", "agreeing", "conflicts", "body_dates", "invalid", "found"}`
/// (the library's serialization of `ArticleDate`, and of each `Found`), where `found` is every
/// notation `scan` finds (valid or not) and every object with byte offsets `start`/`end` also has
/// `start_utf16`/`end_utf16`; or `{"error": …}` for a malformed reference.
#[wasm_bindgen]
pub fn date_article_json(text: &str, reference: &str) -> String {
    let reference = match parse_reference(reference) {
        Ok(reference) => reference,
        Err(message) => return error_json(&format!("reference date: {message}")),
    };
    let mut out = Map::new();
    out.insert("reference".into(), kcna_dates_edge::iso(reference));
    let mut options = ArticleOptions::new();
    if let Some(reference) = reference {
        options = options.with_reference(reference);
    }
    let dated = date_article(text, &options);
    json::article(&dated, &mut out);
    out.insert("found".into(), found_values(text).into());
    let mut value = Value::Object(out);
    add_utf16_offsets(text, &mut value);
    value.to_string()
}

/// Every notation `scan` finds in `text`, as a JSON array of the library's serialization of
/// `Found` (`{start, end, kind, date, valid, notation, error}`) with `start_utf16` and `end_utf16`.
#[wasm_bindgen]
pub fn scan_json(text: &str) -> String {
    let mut value = Value::Array(found_values(text));
    add_utf16_offsets(text, &mut value);
    value.to_string()
}

/// The result for one record of a dropped file.
#[wasm_bindgen]
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RecordResult {
    jsonl: String,
    csv: String,
    error: bool,
    dated: bool,
}

#[wasm_bindgen]
impl RecordResult {
    /// The JSON Lines line (no newline): the command-line tool's `date` object.
    #[wasm_bindgen(getter)]
    pub fn jsonl(&self) -> String {
        self.jsonl.clone()
    }

    /// The CSV row (no newline), in the columns of [`csv_header`].
    #[wasm_bindgen(getter)]
    pub fn csv(&self) -> String {
        self.csv.clone()
    }

    /// Whether the record could not be read (the row is an error row).
    #[wasm_bindgen(getter)]
    pub fn error(&self) -> bool {
        self.error
    }

    /// Whether the record got a publication date.
    #[wasm_bindgen(getter)]
    pub fn dated(&self) -> bool {
        self.dated
    }
}

impl From<record::Row> for RecordResult {
    fn from(row: record::Row) -> RecordResult {
        RecordResult {
            jsonl: row.jsonl,
            csv: row.csv,
            error: row.error,
            dated: row.dated,
        }
    }
}

/// The CSV header line (no newline).
#[wasm_bindgen]
pub fn csv_header() -> String {
    CSV_COLUMNS.join(",")
}

/// A malformed page reference as an error row for `line`.
fn reference_error(file: &str, line: u64, message: &str) -> RecordResult {
    record::error_row(
        file,
        line,
        None,
        None,
        &format!("reference date: {message}"),
    )
    .into()
}

/// The error row of an input the page could not date (a `.txt` file that is not UTF-8), in the
/// same shape as every other error row.
#[wasm_bindgen]
pub fn date_error_row(file: &str, line_no: u32, message: &str) -> RecordResult {
    record::error_row(file, u64::from(line_no), None, None, message).into()
}

/// Dates one line of a JSON Lines file (`line_no` counts from 1), as its bytes without the
/// newline: a line that is not UTF-8 is an error row worded as the CLI's
/// (`invalid UTF-8 at byte {n} of the line`, [`kcna_dates_edge::row::utf8`]).
///
/// The article is the record's `text` field; `reference` (empty, or a date as [`parse_reference`]
/// reads it) is the reference date, unless `reference_field` names a field of the record that
/// holds it (a date string or an epoch number, in the same dialect). Returns `undefined`
/// for a blank line, and an error row for a line that is not a record with a `text` string.
#[wasm_bindgen]
pub fn date_jsonl_line(
    file: &str,
    line_no: u32,
    line: &[u8],
    reference: &str,
    reference_field: &str,
) -> Option<RecordResult> {
    let line_no = u64::from(line_no);
    // The byte order mark opening a file is not part of its first line, for the byte count of
    // the UTF-8 error as for the record (the CLI drops it before reading the file's lines).
    let line = match line_no {
        1 => line
            .strip_prefix(b"\xEF\xBB\xBF".as_slice())
            .unwrap_or(line),
        _ => line,
    };
    let line = match kcna_dates_edge::row::utf8(line) {
        Ok(line) => line,
        Err(message) => return Some(record::error_row(file, line_no, None, None, &message).into()),
    };
    let reference = match parse_reference(reference) {
        Ok(reference) => reference,
        Err(message) => return Some(reference_error(file, line_no, &message)),
    };
    record::jsonl_line(file, line_no, line, reference, reference_field.trim()).map(Into::into)
}

/// Dates a plain-text file as one article (line 1).
#[wasm_bindgen]
pub fn date_text_file(file: &str, text: &str, reference: &str) -> RecordResult {
    match parse_reference(reference) {
        Ok(reference) => record::text_file(file, text, reference).into(),
        Err(message) => reference_error(file, 1, &message),
    }
}

/// Dates a plain-text file given as its bytes (line 1): the page calls it for a `.txt` file that
/// `TextDecoder` refused, so that the error row is the CLI's (`invalid UTF-8 at byte {n} (line
/// {l})`, no `id`, the reference).
#[wasm_bindgen]
pub fn date_text_bytes(file: &str, bytes: &[u8], reference: &str) -> RecordResult {
    let reference = match parse_reference(reference) {
        Ok(reference) => reference,
        Err(message) => return reference_error(file, 1, &message),
    };
    match kcna_dates_edge::row::utf8_text(bytes) {
        Ok(text) => record::text_file(file, text, reference).into(),
        Err(message) => record::text_file_error(file, reference, &message).into(),
    }
}

/// Checks a reference date as typed in the page's field: `{"date": "YYYY-MM-DD" or null,
/// "error": message or null}` (blank text is no reference, no error).
#[wasm_bindgen]
pub fn check_reference(text: &str) -> String {
    let (date, error) = match parse_reference(text) {
        Ok(date) => (kcna_dates_edge::iso(date), Value::Null),
        Err(message) => (Value::Null, Value::from(message)),
    };
    let mut out = Map::new();
    out.insert("date".into(), date);
    out.insert("error".into(), error);
    Value::Object(out).to_string()
}

/// The reference date of a text (`YYYY-MM-DD`, RFC 3339, epoch seconds or milliseconds), for
/// callers in Rust.
pub fn reference_date(text: &str) -> Option<NaiveDate> {
    parse_reference(text).ok().flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The UTF-16 slice `start..end` of `text`.
    fn utf16_slice(text: &str, start: &Value, end: &Value) -> String {
        let units: Vec<u16> = text.encode_utf16().collect();
        let start = usize::try_from(start.as_u64().unwrap()).unwrap();
        let end = usize::try_from(end.as_u64().unwrap()).unwrap();
        String::from_utf16(&units[start..end]).unwrap()
    }

    #[test]
    fn every_span_slices_to_its_text_in_utf16() {
        let text = "주체111(2022)년 11월 8일\n【平壌７月５日発朝鮮中央通信】\n\
                    （평양　８월　２１일발　조선중앙통신）😀 31/02/2022 [Juche111.11.8.]";
        let value: Value = serde_json::from_str(&date_article_json(text, "2022-11-09")).unwrap();
        let found = value["found"].as_array().unwrap();
        let kinds: Vec<&str> = found.iter().map(|f| f["kind"].as_str().unwrap()).collect();
        assert_eq!(
            kinds,
            ["korean_date", "dateline", "dateline", "dmy", "juche_stamp"]
        );
        for f in found {
            let start = usize::try_from(f["start"].as_u64().unwrap()).unwrap();
            let end = usize::try_from(f["end"].as_u64().unwrap()).unwrap();
            let byte_text = text.get(start..end).unwrap();
            assert_eq!(
                utf16_slice(text, &f["start_utf16"], &f["end_utf16"]),
                byte_text
            );
        }
        assert_eq!(found[3]["valid"], false);
        let message = found[3]["error"]["message"].as_str().unwrap();
        assert!(message.contains("February"), "{message}");
        assert_eq!(value["invalid"][0]["start_utf16"], found[3]["start_utf16"]);
        assert_eq!(value["publication_date"], "2022-11-08");
        let scanned: Value = serde_json::from_str(&scan_json(text)).unwrap();
        assert_eq!(&scanned, &value["found"]);
    }

    #[test]
    fn a_malformed_reference_is_an_error() {
        let value: Value = serde_json::from_str(&date_article_json("x", "2022-02-30")).unwrap();
        assert!(
            value["error"]
                .as_str()
                .unwrap()
                .contains("not a valid date")
        );
        let row = date_jsonl_line("f", 2, br#"{"text": "x"}"#, "nope", "").unwrap();
        assert!(row.error());
        assert!(row.csv().starts_with("f,2,,,"), "{}", row.csv());
        assert!(row.jsonl().contains("reference date: `nope` is not a date"));
        let row = date_error_row("=f", 3, "invalid UTF-8");
        assert_eq!(row.csv(), "\"'=f\",3,,,,,,,,,,,,invalid UTF-8");
        assert_eq!(
            row.jsonl(),
            r#"{"file":"=f","line":3,"id":null,"reference":null,"error":"invalid UTF-8"}"#
        );
        assert_eq!(
            reference_date("2024-02-29"),
            NaiveDate::from_ymd_opt(2024, 2, 29)
        );
    }

    #[test]
    fn a_line_that_is_not_utf8_is_worded_as_the_cli_words_it() {
        // The byte count starts after the byte order mark opening the file, as in the CLI.
        for (line_no, line) in [(1, b"\xEF\xBB\xBF{\"te\xFF".as_slice()), (2, b"{\"te\xFF")] {
            let row = date_jsonl_line("f", line_no, line, "", "").unwrap();
            assert_eq!(
                row.jsonl(),
                format!(
                    r#"{{"file":"f","line":{line_no},"id":null,"reference":null,"error":"invalid UTF-8 at byte 4 of the line"}}"#
                )
            );
        }
        let bom = date_jsonl_line(
            "f",
            1,
            b"\xEF\xBB\xBF{\"text\": \"Date: 08/11/2022\"}",
            "",
            "",
        );
        assert!(bom.is_some_and(|r| r.dated() && !r.error()));
    }

    #[test]
    fn the_csv_header_matches_the_rows() {
        let row = date_text_file("a.txt", "Date: 08/11/2022", "");
        assert_eq!(
            row.csv().split(',').count(),
            csv_header().split(',').count()
        );
        assert!(row.dated());
    }
}
