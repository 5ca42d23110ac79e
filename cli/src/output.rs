//! The JSON shapes of the library's values. Every date is ISO `YYYY-MM-DD`.

use chrono::NaiveDate;
use kcna_dates::{ArticleDate, Error, FieldValue, Found, JucheDate, Notation};
use serde_json::{Map, Value, json};

use crate::record::RecordError;

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

/// The start of every output object: file, line (`null` for a file that could not be opened),
/// and (with `--id-field`) id.
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

/// `{"file", "line", "error"}` for an input that could not be opened or read on.
pub fn file_error(file: &str, line: u64, message: &str) -> Value {
    let mut out = head(file, line, None);
    out.insert("error".into(), message.into());
    Value::Object(out)
}

/// `{"file", "line", "id", "reference", "error"}` for an unreadable record: id (with
/// `--id-field`) and reference (`date`, `eval`) are kept when they could be read, else `null`.
pub fn record_error(file: &str, line: u64, err: &RecordError) -> Value {
    let mut out = head(file, line, err.id.clone());
    if let Some(reference) = &err.reference {
        out.insert("reference".into(), reference.clone());
    }
    out.insert("error".into(), err.message.as_str().into());
    Value::Object(out)
}

/// The header row of `date --format csv`.
pub const CSV_HEADER: &str =
    "file,line,id,reference,publication_date,source_kind,source_role,conflicts,error\n";

/// A CSV field: quoted (with `"` doubled) when it holds a comma, a quote, a line break or
/// starts or ends with a blank.
fn csv_field(text: &str) -> String {
    let needs_quotes = text.contains([',', '"', '\n', '\r'])
        || text.starts_with([' ', '\t'])
        || text.ends_with([' ', '\t']);
    if needs_quotes {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_owned()
    }
}

/// A JSON value as CSV text: a string as itself, `null` as empty, anything else as JSON.
fn csv_value(value: Option<&Value>) -> String {
    match value {
        None | Some(Value::Null) => String::new(),
        Some(Value::String(s)) => csv_field(s),
        Some(other) => csv_field(&other.to_string()),
    }
}

/// One CSV row from its fields, with its line break.
fn csv_line(fields: &[String]) -> String {
    let mut line = fields.join(",");
    line.push('\n');
    line
}

/// The CSV row of a dated article.
pub fn csv_row(
    file: &str,
    line: u64,
    id: Option<&Value>,
    reference: Option<NaiveDate>,
    dated: &ArticleDate,
) -> String {
    let source = dated.source.and_then(|i| dated.signals.get(i));
    csv_line(&[
        csv_field(file),
        line.to_string(),
        csv_value(id),
        csv_value(Some(&iso(reference))),
        csv_value(Some(&iso(dated.publication_date))),
        source.map_or_else(String::new, |s| s.kind.as_str().to_owned()),
        source.map_or_else(String::new, |s| s.role.as_str().to_owned()),
        dated.conflicts.len().to_string(),
        String::new(),
    ])
}

/// The CSV row of an unreadable record or input: the dating columns empty, the error last.
pub fn csv_error(
    file: &str,
    line: u64,
    id: Option<&Value>,
    reference: Option<&Value>,
    message: &str,
) -> String {
    csv_line(&[
        csv_field(file),
        if line == 0 {
            String::new()
        } else {
            line.to_string()
        },
        csv_value(id),
        csv_value(reference),
        String::new(),
        String::new(),
        String::new(),
        String::new(),
        csv_field(message),
    ])
}

/// `"YYYY-MM-DD"` or `null`.
pub fn iso(date: Option<NaiveDate>) -> Value {
    match date {
        Some(date) => Value::String(iso_text(date)),
        None => Value::Null,
    }
}

/// `YYYY-MM-DD`, as chrono's `%Y-%m-%d` writes it: its `Display`, which writes the same in
/// every year without parsing a pattern (see the unit test).
fn iso_text(date: NaiveDate) -> String {
    date.to_string()
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
    fn iso_text_is_chrono_s() {
        for (y, m, d) in [
            (2024, 2, 12),
            (999, 1, 5),
            (9, 12, 31),
            (0, 1, 1),
            (9999, 12, 31),
        ] {
            let date = NaiveDate::from_ymd_opt(y, m, d).unwrap();
            assert_eq!(iso_text(date), date.format("%Y-%m-%d").to_string());
        }
        for (y, m, d) in [(10000, 1, 1), (-1, 3, 4), (-1200, 5, 3), (200_000, 6, 7)] {
            let date = NaiveDate::from_ymd_opt(y, m, d).unwrap();
            assert_eq!(iso_text(date), date.format("%Y-%m-%d").to_string());
        }
    }

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
