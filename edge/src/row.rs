//! The start of every output object, and the one shape of an error row.
//!
//! An input that cannot be read (a file that cannot be opened, a line that is not JSON, a record
//! without its text, a malformed reference date) is never dropped: it becomes an error row that
//! says where it is and what could still be read of it.
//!
//! As JSON: `{"file", "line", "id", "reference", "error"}`, where `line` is `null` for a whole
//! input that could not be opened, `id` is there when the front-end writes ids (`null` when it
//! could not be read) and `reference` when it writes references (ISO, or `null`). As CSV: the
//! same cells in the columns of [`crate::csv::COLUMNS`], the dating cells empty, `error` last.
//!
//! Messages are worded the same everywhere: a line that is not JSON is `bad JSON: …` (serde_json's
//! message after it, then what was found where it stopped: [`bad_json_found`]); a line that is
//! not UTF-8 is `invalid UTF-8 at byte {n} of the line` ([`utf8`]).

use serde_json::{Map, Value};

use crate::csv;

/// The prefix of the message of a line that is not JSON.
pub const BAD_JSON: &str = "bad JSON";

/// `bad JSON: {err}`.
pub fn bad_json(err: &serde_json::Error) -> String {
    format!("{BAD_JSON}: {err}")
}

/// The start of every output object: `file`, `line` (`null` when 0: a whole input that could not
/// be opened) and, when given, `id`.
pub fn head(file: &str, line: u64, id: Option<Value>) -> Map<String, Value> {
    let mut out = Map::new();
    out.insert("file".into(), file.into());
    out.insert(
        "line".into(),
        if line == 0 { Value::Null } else { line.into() },
    );
    if let Some(id) = id {
        out.insert("id".into(), id);
    }
    out
}

/// `bad JSON: {err}`, and what was found where the parser stopped: ``found `o` in `nope` ``,
/// `found the end of the line`.
pub fn bad_json_found(line: &str, err: &serde_json::Error) -> String {
    let mut message = bad_json(err);
    if let Some(found) = found_at(line, err) {
        message.push_str(&format!(" ({found})"));
    }
    message
}

/// What is at the place of a JSON error in a one-line record (`None` for another line).
fn found_at(line: &str, err: &serde_json::Error) -> Option<String> {
    if err.is_eof() {
        return Some("found the end of the line".into());
    }
    if err.line() != 1 {
        return None;
    }
    // serde_json's column counts bytes from 1; an error at the end points past the last byte.
    let at = err.column().checked_sub(1)?;
    let (start, ch) = line
        .char_indices()
        .take_while(|(i, _)| *i <= at)
        .last()
        .filter(|(i, ch)| at < i.saturating_add(ch.len_utf8()))?;
    let is_word = |c: char| !c.is_whitespace() && !"{}[]:,\"".contains(c);
    let show = |text: &str| {
        let mut shown: String = text.chars().take(24).collect();
        if shown.len() < text.len() {
            shown.push('…');
        }
        format!("`{shown}`")
    };
    if !is_word(ch) {
        return Some(format!("found {}", show(&ch.to_string())));
    }
    let before = line.get(..start).unwrap_or("");
    let from = before
        .char_indices()
        .rev()
        .take_while(|(_, c)| is_word(*c))
        .last()
        .map_or(start, |(i, _)| i);
    let word = line
        .get(from..)
        .unwrap_or("")
        .split(|c: char| !is_word(c))
        .next()
        .unwrap_or("");
    if word.chars().count() <= 1 {
        Some(format!("found {}", show(word)))
    } else {
        Some(format!("found {} in {}", show(&ch.to_string()), show(word)))
    }
}

/// Reads bytes as UTF-8, or says where they stop being UTF-8.
/// Every front-end words it so: the CLI for a line of a file, the page for a line of a dropped file.
pub fn utf8(bytes: &[u8]) -> Result<&str, String> {
    std::str::from_utf8(bytes).map_err(|err| {
        let at = err.valid_up_to();
        format!("invalid UTF-8 at byte {at} of the line")
    })
}

/// Reads a whole plain-text input as UTF-8, or says where it stops being UTF-8:
/// `invalid UTF-8 at byte {n} (line {l})`, as the CLI says of a plain-text file and the page of a
/// dropped `.txt` file.
pub fn utf8_text(bytes: &[u8]) -> Result<&str, String> {
    std::str::from_utf8(bytes).map_err(|err| {
        let at = err.valid_up_to();
        let line = bytes
            .get(..at)
            .map_or(0, |b| b.iter().filter(|&&c| c == b'\n').count())
            .saturating_add(1);
        format!("invalid UTF-8 at byte {at} (line {line})")
    })
}

/// An input or record that could not be read, and what could be read of it all the same.
#[derive(Clone, Debug, PartialEq)]
pub struct ErrorRow<'a> {
    /// The input's name.
    pub file: &'a str,
    /// The 1-based line, or 0 for a whole input (written as `null`, or an empty CSV cell).
    pub line: u64,
    /// The record's id: `None` when the front-end writes no id (no such field in the row),
    /// `Some(Null)` when it could not be read.
    pub id: Option<&'a Value>,
    /// The reference date as ISO text: `None` when the front-end writes no reference (no such
    /// field in the row), `Some(Null)` when there is none or it could not be read.
    pub reference: Option<&'a Value>,
    /// What is wrong.
    pub message: &'a str,
}

impl ErrorRow<'_> {
    /// The row as a JSON object: `file`, `line`, `id` and `reference` when given, `error`.
    pub fn json(&self) -> Map<String, Value> {
        let mut out = head(self.file, self.line, self.id.cloned());
        if let Some(reference) = self.reference {
            out.insert("reference".into(), reference.clone());
        }
        out.insert("error".into(), self.message.into());
        out
    }

    /// The row as a CSV row, without its line break.
    pub fn csv(&self) -> String {
        csv::error_row(self)
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn error_rows_keep_what_could_be_read() {
        let id = Value::from("=1+1");
        let reference = Value::from("2022-11-09");
        let row = ErrorRow {
            file: "a.jsonl",
            line: 3,
            id: Some(&id),
            reference: Some(&reference),
            message: "missing field `text`",
        };
        assert_eq!(
            Value::Object(row.json()).to_string(),
            r#"{"file":"a.jsonl","line":3,"id":"=1+1","reference":"2022-11-09","error":"missing field `text`"}"#
        );
        assert_eq!(
            row.csv(),
            "a.jsonl,3,\"'=1+1\",2022-11-09,,,,,,,,,,missing field `text`"
        );
        let opened = ErrorRow {
            file: "nosuch.jsonl",
            line: 0,
            id: None,
            reference: None,
            message: "cannot open",
        };
        assert_eq!(
            Value::Object(opened.json()).to_string(),
            r#"{"file":"nosuch.jsonl","line":null,"error":"cannot open"}"#
        );
        assert_eq!(opened.csv(), "nosuch.jsonl,,,,,,,,,,,,,cannot open");
        let err = serde_json::from_str::<Value>("{x").unwrap_err();
        assert!(bad_json(&err).starts_with("bad JSON: key must be a string"));
        let line = r#"{"id": "x", "text": nope}"#;
        let err = serde_json::from_str::<Value>(line).unwrap_err();
        assert_eq!(
            bad_json_found(line, &err),
            "bad JSON: expected ident at line 1 column 22 (found `o` in `nope`)"
        );
        assert_eq!(utf8(b"ok"), Ok("ok"));
        assert_eq!(
            utf8_text(b"a\nb\ncaf\xff"),
            Err("invalid UTF-8 at byte 7 (line 3)".to_owned())
        );
        assert_eq!(
            utf8(b"caf\xff"),
            Err("invalid UTF-8 at byte 3 of the line".to_owned())
        );
    }
}
