//! One article dated in the page's text worker, kept in the worker for the page to read in pieces.
//!
//! A 5 MB paste has tens of thousands of notations and body dates: their JSON is tens of
//! megabytes, too much to send to the page and too much to render. [`DatedText`] keeps the result
//! in the worker and answers small questions: a summary with the counts ([`DatedText::summary`]),
//! a page of one list ([`DatedText::items`]) and the marks of a window of the text
//! ([`DatedText::marks`]), every span with its UTF-16 offsets.

use chrono::NaiveDate;
use kcna_dates::{ArticleDate, ArticleOptions, Found, SignalRole, date_article, scan};
use serde_json::{Map, Value, json};
use wasm_bindgen::prelude::wasm_bindgen;

use crate::utf16::utf16_offsets;

/// Byte offsets to UTF-16 offsets, for every offset of a result.
struct Utf16Map {
    bytes: Vec<usize>,
    units: Vec<usize>,
}

impl Utf16Map {
    fn new(text: &str, mut bytes: Vec<usize>) -> Utf16Map {
        bytes.sort_unstable();
        bytes.dedup();
        let units = utf16_offsets(text, &bytes);
        Utf16Map { bytes, units }
    }

    /// The UTF-16 offset of a collected byte offset (0 for one not collected, which cannot
    /// happen: every span of the result is collected).
    fn get(&self, byte: usize) -> usize {
        self.bytes
            .binary_search(&byte)
            .ok()
            .and_then(|index| self.units.get(index).copied())
            .unwrap_or(0)
    }
}

/// One piece of the marked text: a notation `scan` found, or a body date outside every notation.
#[derive(Clone, Debug)]
struct Piece {
    start: usize,
    end: usize,
    /// Index in `found`.
    found: Option<usize>,
    /// Index in the body dates: the piece's own, or the body date inside its notation.
    body: Option<usize>,
    /// The date shown: the notation's, its signal's, or its body date's.
    date: String,
}

/// An article dated for the page (see the module's documentation).
#[wasm_bindgen]
pub struct DatedText {
    reference: Option<NaiveDate>,
    dated: ArticleDate,
    found: Vec<Found>,
    map: Utf16Map,
    pieces: Vec<Piece>,
    utf16_len: usize,
}

/// A body date's day or month as text, or empty.
fn body_date_text(body: &kcna_dates::BodyDate) -> String {
    match (body.date, body.month) {
        (Some(date), _) => date.to_string(),
        (None, Some((year, month))) => format!("{year:04}-{month:02}"),
        (None, None) => String::new(),
    }
}

impl DatedText {
    /// Dates `text` against `reference` and lays out its marks.
    pub fn new(text: &str, reference: Option<NaiveDate>) -> DatedText {
        let mut options = ArticleOptions::new();
        if let Some(reference) = reference {
            options = options.with_reference(reference);
        }
        let dated = date_article(text, &options);
        let found: Vec<Found> = scan(text).collect();

        let mut bytes = Vec::new();
        let spans = found
            .iter()
            .map(Found::span)
            .chain(dated.signals.iter().map(|s| s.span.clone()))
            .chain(dated.body_dates.iter().map(|b| b.span.clone()))
            .chain(dated.invalid.iter().map(Found::span));
        for span in spans {
            bytes.push(span.start);
            bytes.push(span.end);
        }
        bytes.push(text.len());
        let map = Utf16Map::new(text, bytes);
        let pieces = lay_out(&dated, &found);
        DatedText {
            reference,
            utf16_len: map.get(text.len()),
            dated,
            found,
            map,
            pieces,
        }
    }

    /// A value with byte offsets `start`/`end` and their UTF-16 offsets.
    fn with_utf16<T: serde::Serialize>(&self, item: &T) -> Value {
        let mut value = serde_json::to_value(item).unwrap_or(Value::Null);
        if let Value::Object(object) = &mut value {
            let start = object.get("start").and_then(Value::as_u64);
            let end = object.get("end").and_then(Value::as_u64);
            if let (Some(start), Some(end)) = (start, end) {
                let start = usize::try_from(start).unwrap_or(0);
                let end = usize::try_from(end).unwrap_or(0);
                object.insert("start_utf16".into(), self.map.get(start).into());
                object.insert("end_utf16".into(), self.map.get(end).into());
            }
        }
        value
    }

    /// A conflict with the signals it names (the first 20) as objects.
    fn conflict_value(&self, conflict: &kcna_dates::Conflict) -> Value {
        let mut value = serde_json::to_value(conflict).unwrap_or(Value::Null);
        let signals: Vec<Value> = conflict
            .signals
            .iter()
            .take(20)
            .filter_map(|&index| self.dated.signals.get(index))
            .map(|signal| self.with_utf16(signal))
            .collect();
        if let Value::Object(object) = &mut value {
            object.insert("signal_items".into(), signals.into());
        }
        value
    }
}

/// The marked pieces of the text, in text order, none overlapping: every notation `scan` found,
/// and every body date not inside one.
fn lay_out(dated: &ArticleDate, found: &[Found]) -> Vec<Piece> {
    // Notation first where a notation and a body date start at the same place.
    let mut order: Vec<(usize, u8, usize)> = found
        .iter()
        .enumerate()
        .map(|(i, f)| (f.span().start, 0, i))
        .chain(
            dated
                .body_dates
                .iter()
                .enumerate()
                .map(|(i, b)| (b.span.start, 1, i)),
        )
        .collect();
    order.sort_unstable();
    let mut by_start: Vec<(usize, usize)> = dated
        .body_dates
        .iter()
        .enumerate()
        .map(|(i, b)| (b.span.start, i))
        .collect();
    by_start.sort_unstable();
    let signal_dates: std::collections::HashMap<usize, NaiveDate> = dated
        .signals
        .iter()
        .filter_map(|s| s.date.map(|d| (s.span.start, d)))
        .collect();

    let mut pieces = Vec::new();
    let mut at = 0;
    for (start, source, index) in order {
        if start < at {
            continue;
        }
        if source == 1 {
            let Some(body) = dated.body_dates.get(index) else {
                continue;
            };
            at = body.span.end;
            pieces.push(Piece {
                start,
                end: body.span.end,
                found: None,
                body: Some(index),
                date: body_date_text(body),
            });
            continue;
        }
        let Some(f) = found.get(index) else {
            continue;
        };
        let span = f.span();
        // A day without a year (`on Monday`) takes the date its body date resolved to.
        let inner = if f.is_valid() {
            let first = by_start.partition_point(|&(s, _)| s < span.start);
            by_start
                .get(first..)
                .unwrap_or(&[])
                .iter()
                .take_while(|&&(s, _)| s < span.end)
                .find(|&&(_, i)| {
                    dated
                        .body_dates
                        .get(i)
                        .is_some_and(|b| b.span.end <= span.end)
                })
                .map(|&(_, i)| i)
        } else {
            None
        };
        let date = match f.date().or_else(|| signal_dates.get(&span.start).copied()) {
            Some(date) => date.to_string(),
            None => inner
                .and_then(|i| dated.body_dates.get(i))
                .map(body_date_text)
                .unwrap_or_default(),
        };
        at = span.end;
        pieces.push(Piece {
            start: span.start,
            end: span.end,
            found: Some(index),
            body: inner,
            date,
        });
    }
    pieces
}

/// The lists [`DatedText::items`] pages through.
const LISTS: [&str; 4] = ["signals", "body_dates", "conflicts", "invalid"];

#[wasm_bindgen]
impl DatedText {
    /// Dates `text`; `reference` as [`crate::parse_reference`] reads it. A malformed reference
    /// is the summary's `error`.
    pub fn date(text: &str, reference: &str) -> Result<DatedText, String> {
        let reference = crate::parse_reference(reference)
            .map_err(|message| format!("reference date: {message}"))?;
        Ok(DatedText::new(text, reference))
    }

    /// `{reference, publication_date, source, source_signal, doubtful, unresolved_dateline,
    /// length_utf16, counts: {signals, body_dates, conflicts, invalid, found, marks}}`.
    pub fn summary(&self) -> String {
        let dated = &self.dated;
        let source_signal = dated
            .source
            .and_then(|i| dated.signals.get(i))
            .map(|s| self.with_utf16(s));
        json!({
            "reference": kcna_dates_edge::iso(self.reference),
            "publication_date": kcna_dates_edge::iso(dated.publication_date),
            "source": dated.source,
            "source_signal": source_signal,
            "doubtful": dated.doubtful,
            "unresolved_dateline": dated
                .signals
                .iter()
                .any(|s| s.role == SignalRole::Dateline && s.date.is_none()),
            "length_utf16": self.utf16_len,
            "counts": {
                "signals": dated.signals.len(),
                "body_dates": dated.body_dates.len(),
                "conflicts": dated.conflicts.len(),
                "invalid": dated.invalid.len(),
                "found": self.found.len(),
                "marks": self.pieces.len(),
            },
        })
        .to_string()
    }

    /// Items `from..from + count` of a list (`signals`, `body_dates`, `conflicts`, `invalid`) as
    /// a JSON array, each as the library serializes it with UTF-16 offsets; a conflict also has
    /// `signal_items`, the signals it names.
    pub fn items(&self, list: &str, from: u32, count: u32) -> String {
        let from = usize::try_from(from).unwrap_or(usize::MAX);
        let count = usize::try_from(count).unwrap_or(0);
        let dated = &self.dated;
        let values: Vec<Value> = match list {
            "signals" => page(&dated.signals, from, count)
                .iter()
                .map(|s| self.with_utf16(s))
                .collect(),
            "body_dates" => page(&dated.body_dates, from, count)
                .iter()
                .map(|b| self.with_utf16(b))
                .collect(),
            "conflicts" => page(&dated.conflicts, from, count)
                .iter()
                .map(|c| self.conflict_value(c))
                .collect(),
            "invalid" => page(&dated.invalid, from, count)
                .iter()
                .map(|f| self.with_utf16(f))
                .collect(),
            _ => Vec::new(),
        };
        Value::Array(values).to_string()
    }

    /// The first items of every list: `{signals, body_dates, conflicts, invalid}`.
    pub fn first_items(&self, count: u32) -> String {
        let mut out = Map::new();
        for list in LISTS {
            let items: Value =
                serde_json::from_str(&self.items(list, 0, count)).unwrap_or_default();
            out.insert(list.into(), items);
        }
        Value::Object(out).to_string()
    }

    /// The marks of the text from UTF-16 offset `from` to `to`, at most `max` of them:
    /// `{from, to, index, total, marks}`, where `from` and `to` are moved out so no mark is cut,
    /// and `to` is moved in to the end of the last mark when there are more than `max`; `index`
    /// is the number of marks before `from`, `total` that of the whole text. Each mark is `{start,
    /// end, kind, valid, date, error, body}` with UTF-16 offsets: `kind`, `valid` and `error`
    /// those of the notation (`null` for a body date outside every notation), `body` the body
    /// date it is or holds (`{resolution, kind, precision, tense, range_with, date, month,
    /// error}`) or `null`.
    pub fn marks(&self, from: u32, to: u32, max: u32) -> String {
        let from = usize::try_from(from).unwrap_or(0);
        let mut to = usize::try_from(to)
            .unwrap_or(usize::MAX)
            .min(self.utf16_len);
        let max = usize::try_from(max).unwrap_or(0);
        let first = self.pieces.partition_point(|p| self.map.get(p.end) <= from);
        let from = self
            .pieces
            .get(first)
            .map_or(from, |p| self.map.get(p.start).min(from));
        let mut marks = Vec::new();
        for piece in self.pieces.get(first..).unwrap_or(&[]) {
            let start = self.map.get(piece.start);
            let end = self.map.get(piece.end);
            if start >= to {
                break;
            }
            if marks.len() >= max {
                to = start;
                break;
            }
            to = to.max(end);
            marks.push(self.mark_value(piece, start, end));
        }
        json!({
            "from": from,
            "to": to.max(from),
            "index": first,
            "total": self.pieces.len(),
            "marks": marks,
        })
        .to_string()
    }
}

impl DatedText {
    fn mark_value(&self, piece: &Piece, start: usize, end: usize) -> Value {
        let found = piece.found.and_then(|i| self.found.get(i));
        let body = piece
            .body
            .and_then(|i| self.dated.body_dates.get(i))
            .map(|b| {
                let mut value = serde_json::to_value(b).unwrap_or(Value::Null);
                if let Value::Object(object) = &mut value {
                    object.remove("start");
                    object.remove("end");
                    object.remove("text");
                }
                value
            });
        json!({
            "start": start,
            "end": end,
            "kind": found.map(Found::kind),
            "valid": found.map(Found::is_valid),
            "date": piece.date,
            "error": found.and_then(Found::error).map(ToString::to_string),
            "body": body,
        })
    }
}

/// Items `from..from + count` of `items` (fewer at the end, none past it).
fn page<T>(items: &[T], from: usize, count: usize) -> &[T] {
    let end = from.saturating_add(count).min(items.len());
    items.get(from.min(end)..end).unwrap_or(&[])
}

/// `YYYY-MM-DD` of the publication date, or empty: for tests.
#[cfg(test)]
fn publication(dated: &DatedText) -> String {
    dated
        .dated
        .publication_date
        .map(|d| d.to_string())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(json: &str) -> Value {
        serde_json::from_str(json).unwrap_or(Value::Null)
    }

    const EXAMPLE: &str = "www.kcna.kp (Juche111.11.8.)\n😀 Pyongyang, November 8 (KCNA) -- \
        They met on Monday. Date: 31/02/2022. 평양 18일 on November 3.";

    #[test]
    fn the_summary_counts_and_the_marks_match_the_full_result() {
        let dated = DatedText::date(EXAMPLE, "").unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(publication(&dated), "2022-11-08");
        let summary = parse(&dated.summary());
        assert_eq!(summary["publication_date"], "2022-11-08");
        assert_eq!(summary["counts"]["invalid"], 1);
        let full = parse(&crate::date_article_json(EXAMPLE, ""));
        assert_eq!(
            summary["counts"]["found"],
            full["found"].as_array().map_or(0, Vec::len)
        );
        let marks = parse(&dated.marks(0, 10_000, 1000));
        let list = marks["marks"].as_array().cloned().unwrap_or_default();
        let units: Vec<u16> = EXAMPLE.encode_utf16().collect();
        let slice = |m: &Value| {
            let s = usize::try_from(m["start"].as_u64().unwrap_or(0)).unwrap_or(0);
            let e = usize::try_from(m["end"].as_u64().unwrap_or(0)).unwrap_or(0);
            String::from_utf16_lossy(units.get(s..e).unwrap_or(&[]))
        };
        let texts: Vec<String> = list.iter().map(slice).collect();
        assert!(texts.contains(&"Juche111.11.8.".to_owned()), "{texts:?}");
        assert!(texts.contains(&"31/02/2022".to_owned()), "{texts:?}");
        let monday = list
            .iter()
            .find(|m| slice(m) == "on Monday")
            .cloned()
            .unwrap_or_default();
        assert_eq!(monday["date"], "2022-11-07");
        assert_eq!(monday["body"]["kind"], "weekday");
        assert_eq!(monday["body"]["tense"], "past");
        let dateline = list
            .iter()
            .find(|m| m["kind"] == "dateline")
            .cloned()
            .unwrap_or_default();
        assert_eq!(dateline["date"], "2022-11-08");
        // A window with a bound: `to` stops at the last mark kept, `index` counts the skipped.
        let two = parse(&dated.marks(0, 10_000, 2));
        assert_eq!(two["marks"].as_array().map_or(0, Vec::len), 2);
        let rest = parse(&dated.marks(
            u32::try_from(two["to"].as_u64().unwrap_or(0)).unwrap_or(0),
            10_000,
            1000,
        ));
        assert_eq!(rest["index"], 2);
        assert_eq!(
            rest["marks"]
                .as_array()
                .map_or(0, Vec::len)
                .saturating_add(2),
            list.len()
        );
    }

    #[test]
    fn lists_come_in_pages() {
        let dated = DatedText::date(EXAMPLE, "").unwrap_or_else(|e| panic!("{e}"));
        let all = parse(&dated.items("signals", 0, 100));
        let n = all.as_array().map_or(0, Vec::len);
        assert!(n >= 2, "{all}");
        let second = parse(&dated.items("signals", 1, 1));
        assert_eq!(second.get(0), all.get(1));
        assert_eq!(parse(&dated.items("signals", 1000, 5)), json!([]));
        assert_eq!(parse(&dated.items("nope", 0, 5)), json!([]));
        let first = parse(&dated.first_items(1));
        assert_eq!(
            first["invalid"][0]["start_utf16"],
            first["invalid"][0]["start_utf16"]
        );
        assert!(first["invalid"][0]["start_utf16"].is_u64());
        assert!(DatedText::date("x", "08/11/2022").is_err());
    }
}
