//! The JSON shapes of the library's values. Every date is ISO `YYYY-MM-DD`.

use chrono::NaiveDate;
use kcna_dates::{ArticleDate, Error, FieldValue, Found, JucheDate, Notation};
use kcna_dates_edge::row::{ErrorRow, head};
use kcna_dates_edge::{iso, iso_text};
use serde_json::{Map, Value, json};

use crate::OutputFormat;

/// A value as one JSON line, or (`pretty`) indented over several lines; ends with a newline.
pub fn render(value: &Value, pretty: bool) -> String {
    let mut text = if pretty {
        serde_json::to_string_pretty(value).unwrap_or_else(|_| value.to_string())
    } else {
        value.to_string()
    };
    text.push('\n');
    text
}

/// An error row (see `kcna_dates_edge::row`) as an output line: a CSV row, a table line, or a
/// JSON object (`pretty`: indented), with its line break.
pub fn error_line(row: &ErrorRow<'_>, format: OutputFormat, pretty: bool) -> String {
    match format {
        OutputFormat::Csv => {
            let mut line = row.csv();
            line.push('\n');
            line
        }
        OutputFormat::Table => format!(
            "{}\t-\terror: {}\t-\n",
            location(row.file, row.line),
            cell(row.message)
        ),
        OutputFormat::Json => render(&Value::Object(row.json()), pretty),
    }
}

/// The header of `date --format table`, with its line break.
pub fn table_header() -> String {
    "file:line\tdate\tsource\tconflicts\n".to_owned()
}

/// `FILE:LINE`, or `FILE` for a whole input that could not be opened (line 0).
fn location(file: &str, line: u64) -> String {
    if line == 0 {
        file.to_owned()
    } else {
        format!("{file}:{line}")
    }
}

/// A text as one table cell: its tabs, line breaks and other control characters as spaces.
fn cell(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

/// The line of `date --format table` for a dated article, with its line break: `FILE:LINE`, the
/// date (`-` when none; `?` after a doubtful one), the source (`kind `text``; when there is no
/// date, why: the first dateline without a year, or `no signal`), and the conflicts (`0`, or
/// their number and dates: `2: 2022-11-07, 2022-11-09`).
pub fn table_row(file: &str, line: u64, dated: &ArticleDate) -> String {
    let date = match dated.publication_date {
        Some(date) if dated.doubtful => format!("{}?", iso_text(date)),
        Some(date) => iso_text(date),
        None => "-".to_owned(),
    };
    let signal = |s: &kcna_dates::Signal| format!("{} `{}`", s.kind.as_str(), cell(&s.text));
    let source = match dated.source.and_then(|i| dated.signals.get(i)) {
        Some(source) => signal(source),
        None => match dated.signals.iter().find(|s| {
            s.error
                .as_ref()
                .is_some_and(|e| e.kind() == kcna_dates::ErrorKind::NoReference)
        }) {
            Some(no_year) => format!("no year (--reference): {}", signal(no_year)),
            None if dated.signals.is_empty() => "no signal".to_owned(),
            None => "no valid signal".to_owned(),
        },
    };
    let conflicts = if dated.conflicts.is_empty() {
        "0".to_owned()
    } else {
        let days: Vec<String> = dated.conflicts.iter().map(|c| iso_text(c.date)).collect();
        format!("{}: {}", dated.conflicts.len(), days.join(", "))
    };
    format!("{}\t{date}\t{source}\t{conflicts}\n", location(file, line))
}

/// The header row of `date --format csv`, with its line break.
pub fn csv_header() -> String {
    let mut line = kcna_dates_edge::csv::header();
    line.push('\n');
    line
}

/// The CSV row of a dated article, with its line break.
pub fn csv_row(
    file: &str,
    line: u64,
    id: Option<&Value>,
    reference: Option<NaiveDate>,
    dated: &ArticleDate,
) -> String {
    let mut row = kcna_dates_edge::csv::article_row(file, line, id, reference, dated);
    row.push('\n');
    row
}

/// The Juche form of a date (`Juche111.11.8.`), or `null` before 1912.
pub fn juche(date: Option<NaiveDate>) -> Value {
    match date.map(JucheDate::try_from) {
        Some(Ok(stamp)) => Value::String(stamp.to_string()),
        _ => Value::Null,
    }
}

/// `{"error": message, "kind": …, "start": byte, "end": byte}`.
pub fn error_object(error: &Error) -> Value {
    let span = error.span();
    json!({
        "error": error.to_string(),
        "kind": error.kind().as_str(),
        "start": span.start,
        "end": span.end,
    })
}

/// The result of `parse`: kind, date, Juche form, canonical text and the notation's fields
/// (`Notation::fields`, the same for every notation the library reads).
pub fn notation(input: &str, notation: &Notation) -> Value {
    let date = notation.date();
    let mut out = Map::new();
    out.insert("input".into(), input.into());
    out.insert("kind".into(), notation.kind().as_str().into());
    out.insert("date".into(), iso(date));
    out.insert("juche".into(), juche(date));
    out.insert("text".into(), notation.to_string().into());
    for (name, value) in notation.fields() {
        let value = match value {
            FieldValue::Int(n) => Value::from(n),
            FieldValue::Text(text) => Value::from(text),
            FieldValue::Bool(yes) => Value::from(yes),
            FieldValue::Null => Value::Null,
        };
        out.insert(name.into(), value);
    }
    Value::Object(out)
}

/// The fields of a JSON object (none for another value, which the library's results never are).
fn fields_of(value: serde_json::Result<Value>) -> Map<String, Value> {
    match value {
        Ok(Value::Object(fields)) => fields,
        _ => Map::new(),
    }
}

/// One found notation of `scan` in the library's JSON form (start, end, kind, date, valid,
/// notation, error: byte offsets in the scanned `text`), and its `text`.
pub fn found(text: &str, found: &Found) -> Map<String, Value> {
    let mut out = fields_of(serde_json::to_value(found));
    out.insert(
        "text".into(),
        text.get(found.span()).map_or(Value::Null, Value::from),
    );
    out
}

/// The fields of `head` then those of `dated`, as one object: serialized straight to text,
/// without building a JSON tree, so a record with a million dates costs a small multiple of its
/// output (see `--max-record-bytes`).
#[derive(serde::Serialize)]
struct ArticleLine<'a> {
    #[serde(flatten)]
    head: &'a Map<String, Value>,
    #[serde(flatten)]
    article: &'a ArticleDate,
}

/// An output line of `date` in compact JSON: `{"file", "line", "id" (when given), "reference"`
/// then the article's fields, with its line break. The same bytes as [`render_article`] with
/// [`head`] and `reference` inserted, written straight into one buffer.
pub fn article_line(
    file: &str,
    line: u64,
    id: Option<&Value>,
    reference: Option<NaiveDate>,
    dated: &ArticleDate,
) -> Vec<u8> {
    let mut out = Vec::with_capacity(1024);
    let written = write_article_line(&mut out, file, line, id, reference, dated);
    if written.is_ok() {
        out.push(b'\n');
        return out;
    }
    // Not reached by the library's types: the error is said as render_article says it.
    let mut obj = head(file, line, id.cloned());
    obj.insert("reference".into(), iso(reference));
    render_article(&obj, dated, false).into_bytes()
}

fn write_article_line(
    out: &mut Vec<u8>,
    file: &str,
    line: u64,
    id: Option<&Value>,
    reference: Option<NaiveDate>,
    dated: &ArticleDate,
) -> serde_json::Result<()> {
    out.extend_from_slice(b"{\"file\":");
    serde_json::to_writer(&mut *out, file)?;
    out.extend_from_slice(b",\"line\":");
    if line == 0 {
        out.extend_from_slice(b"null");
    } else {
        out.extend_from_slice(line.to_string().as_bytes());
    }
    if let Some(id) = id {
        out.extend_from_slice(b",\"id\":");
        serde_json::to_writer(&mut *out, id)?;
    }
    out.extend_from_slice(b",\"reference\":");
    match reference {
        Some(date) => serde_json::to_writer(&mut *out, &iso_text(date))?,
        None => out.extend_from_slice(b"null"),
    }
    // The article's object, its `{` turned into the `,` that follows the head's fields.
    let start = out.len();
    serde_json::to_writer(&mut *out, dated)?;
    let object = out
        .get(start..)
        .is_some_and(|o| o.starts_with(b"{\"") && o.ends_with(b"}"));
    match out.get_mut(start) {
        Some(open) if object => {
            *open = b',';
            Ok(())
        }
        _ => Err(serde::ser::Error::custom(
            "the article is not a JSON object with fields",
        )),
    }
}

/// An output object of `date`: `head`'s fields, then the article's (as [`render`] does).
pub fn render_article(head: &Map<String, Value>, dated: &ArticleDate, pretty: bool) -> String {
    let line = ArticleLine {
        head,
        article: dated,
    };
    let written = if pretty {
        serde_json::to_string_pretty(&line)
    } else {
        serde_json::to_string(&line)
    };
    match written {
        Ok(mut text) => {
            text.push('\n');
            text
        }
        Err(err) => {
            // Not reached by the library's types; said rather than printed as a bare head.
            let mut obj = head.clone();
            obj.insert(
                "error".into(),
                format!("cannot write the result as JSON: {err}").into(),
            );
            render(&Value::Object(obj), pretty)
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use kcna_dates::{ArticleOptions, date_article};

    #[test]
    fn article_line_is_render_article_s() {
        let text = "[Juche113.2.12.]\nPyongyang, February 10 (KCNA) -- \"quoted\" on May 5, 2023";
        let reference = NaiveDate::from_ymd_opt(2024, 2, 13);
        for reference in [reference, None] {
            let mut options = ArticleOptions::new();
            options.reference = reference;
            let dated = date_article(text, &options);
            for (line, id) in [
                (2, Some(Value::from("kcna-\"002\""))),
                (0, None),
                (7, Some(serde_json::json!({"a": [1, null]}))),
            ] {
                let mut obj = head("dir/a \"b\".jsonl", line, id.clone());
                obj.insert("reference".into(), iso(reference));
                assert_eq!(
                    String::from_utf8(article_line(
                        "dir/a \"b\".jsonl",
                        line,
                        id.as_ref(),
                        reference,
                        &dated
                    ))
                    .unwrap(),
                    render_article(&obj, &dated, false)
                );
            }
        }
    }
}
