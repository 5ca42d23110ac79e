//! The JSON shapes of the library's values. Every date is ISO `YYYY-MM-DD`.

use chrono::{NaiveDate, Weekday};
use kcna_dates::{ArticleDate, Error, Found, JucheDate, Notation};
use serde_json::{Map, Value, json};

/// `"YYYY-MM-DD"` or `null`.
pub fn iso(date: Option<NaiveDate>) -> Value {
    match date {
        Some(date) => Value::String(date.format("%Y-%m-%d").to_string()),
        None => Value::Null,
    }
}

/// The Juche form of a date (`Juche111.11.8.`), or `null` before 1912.
pub fn juche(date: Option<NaiveDate>) -> Value {
    match date.map(JucheDate::try_from) {
        Some(Ok(stamp)) => Value::String(stamp.to_string()),
        _ => Value::Null,
    }
}

/// The text of `span` in `text`, or `null` if it is not a range of `text`.
pub fn span_text(text: &str, span: core::ops::Range<usize>) -> Value {
    text.get(span)
        .map_or(Value::Null, |s| Value::String(s.to_owned()))
}

/// An error's message, or `null`.
pub fn message(error: Option<&Error>) -> Value {
    error.map_or(Value::Null, |e| Value::String(e.to_string()))
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

/// The English name of a weekday.
pub fn weekday_name(weekday: Weekday) -> &'static str {
    match weekday {
        Weekday::Mon => "Monday",
        Weekday::Tue => "Tuesday",
        Weekday::Wed => "Wednesday",
        Weekday::Thu => "Thursday",
        Weekday::Fri => "Friday",
        Weekday::Sat => "Saturday",
        Weekday::Sun => "Sunday",
    }
}

/// The result of `parse`: kind, date, Juche form, canonical text and the notation's fields.
pub fn notation(input: &str, notation: &Notation) -> Value {
    let date = notation.date();
    let mut out = Map::new();
    out.insert("input".into(), input.into());
    out.insert("kind".into(), notation.kind().as_str().into());
    out.insert("date".into(), iso(date));
    out.insert("juche".into(), juche(date));
    out.insert("text".into(), notation.to_string().into());
    match notation {
        Notation::Dateline(dateline) => {
            out.insert("place".into(), dateline.place().into());
            out.insert("month".into(), dateline.month().into());
            out.insert("day".into(), dateline.day().into());
            out.insert("agency".into(), dateline.agency().into());
        }
        Notation::JucheStamp(stamp) => {
            out.insert("juche_year".into(), stamp.year().into());
            out.insert("month".into(), stamp.month().into());
            out.insert("day".into(), stamp.day().into());
        }
        Notation::MonthName(value) => {
            out.insert(
                "weekday".into(),
                value
                    .weekday()
                    .map_or(Value::Null, |w| weekday_name(w).into()),
            );
            out.insert(
                "juche_year".into(),
                value.juche_year().map_or(Value::Null, |y| y.juche().into()),
            );
        }
        Notation::JucheYear(year) => {
            out.insert("juche_year".into(), year.juche().into());
            out.insert("gregorian_year".into(), year.gregorian().into());
            out.insert("gregorian_given".into(), year.has_gregorian().into());
        }
        _ => {}
    }
    Value::Object(out)
}

/// One found notation of `scan`; `offset` is added to its span.
pub fn found(text: &str, found: &Found, offset: u64) -> Map<String, Value> {
    let span = found.span();
    let mut out = Map::new();
    out.insert(
        "start".into(),
        offset.saturating_add(span.start as u64).into(),
    );
    out.insert("end".into(), offset.saturating_add(span.end as u64).into());
    out.insert("kind".into(), found.kind().as_str().into());
    out.insert("text".into(), span_text(text, span));
    out.insert("date".into(), iso(found.date()));
    out.insert("valid".into(), found.is_valid().into());
    out.insert("error".into(), message(found.error()));
    out
}

/// Everything `date_article` found, as fields to add to an output object.
pub fn article(text: &str, dated: &ArticleDate, out: &mut Map<String, Value>) {
    let signal = |index: usize| -> Value {
        let Some(s) = dated.signals.get(index) else {
            return Value::Null;
        };
        json!({
            "index": index,
            "start": s.span.start,
            "end": s.span.end,
            "kind": s.kind.as_str(),
            "role": s.role.as_str(),
            "date": iso(s.date),
            "text": span_text(text, s.span.clone()),
            "error": message(s.error.as_ref()),
        })
    };
    out.insert("publication_date".into(), iso(dated.publication_date));
    out.insert("source".into(), dated.source.map_or(Value::Null, &signal));
    out.insert(
        "signals".into(),
        (0..dated.signals.len()).map(&signal).collect(),
    );
    let conflicts: Vec<Value> = dated
        .conflicts
        .iter()
        .map(|c| {
            let first = dated.signals.get(c.first);
            let second = dated.signals.get(c.second);
            json!({
                "first": c.first,
                "second": c.second,
                "days": c.days,
                "first_text": first.map_or(Value::Null, |s| span_text(text, s.span.clone())),
                "first_date": iso(first.and_then(|s| s.date)),
                "second_text": second.map_or(Value::Null, |s| span_text(text, s.span.clone())),
                "second_date": iso(second.and_then(|s| s.date)),
            })
        })
        .collect();
    out.insert("conflicts".into(), conflicts.into());
    let body: Vec<Value> = dated
        .body_dates
        .iter()
        .map(|b| {
            json!({
                "start": b.span.start,
                "end": b.span.end,
                "text": span_text(text, b.span.clone()),
                "resolution": b.resolution.as_str(),
                "date": iso(b.date),
                "month": b.month.map_or(Value::Null, |(y, m)| format!("{y:04}-{m:02}").into()),
                "error": message(b.error.as_ref()),
            })
        })
        .collect();
    out.insert("body_dates".into(), body.into());
    let invalid: Vec<Value> = dated
        .invalid
        .iter()
        .map(|f| {
            let span = f.span();
            json!({
                "start": span.start,
                "end": span.end,
                "kind": f.kind().as_str(),
                "text": span_text(text, span),
                "error": message(f.error()),
            })
        })
        .collect();
    out.insert("invalid".into(), invalid.into());
}
