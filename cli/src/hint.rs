//! The summary's hint when datelines had no year: how many, and which flag gives them one
//! (naming a field of the records that looks like a date, when one does).

use std::sync::atomic::{AtomicU64, Ordering};

use chrono::{Datelike, NaiveDate};
use kcna_dates::{ArticleDate, ErrorKind};
use kcna_dates_edge::reference::{json_day, parse_day};
use serde_json::{Map, Value};

/// How many records at most are read again in whole to look for a date-like field: the first
/// ones with a dateline without a year are enough to name one, and the rest cost nothing.
const LOOKS: u64 = 64;

/// The datelines of `dated` that have no date because no reference gave them a year.
pub fn no_year(dated: &ArticleDate) -> u64 {
    let count = dated
        .signals
        .iter()
        .filter(|s| {
            s.error
                .as_ref()
                .is_some_and(|e| e.kind() == ErrorKind::NoReference)
        })
        .count();
    u64::try_from(count).unwrap_or(u64::MAX)
}

/// Whether a day is one a crawl or list date could be (1990 to 2100; KCNA has been on the web
/// since 1996): a record's `id` of `7` or `20221109` is an epoch second of 1970, not a date.
fn plausible(day: NaiveDate) -> bool {
    (1990..=2100).contains(&day.year())
}

/// Whether a field's value reads as a reference date (as `--reference-field` reads it).
fn looks_like_date(value: &Value) -> bool {
    let day = match value {
        Value::String(text) => parse_day(text.trim()).ok(),
        Value::Number(_) => json_day(value).ok().flatten(),
        _ => None,
    };
    day.is_some_and(plausible)
}

/// The first field of a JSON record (other than `skip`) that looks like a date, while fewer than
/// [`LOOKS`] records have been looked at (`looked` counts them across threads).
pub fn date_like_field(bytes: &[u8], skip: &[&str], looked: &AtomicU64) -> Option<String> {
    if looked.fetch_add(1, Ordering::Relaxed) >= LOOKS {
        return None;
    }
    let fields: Map<String, Value> = serde_json::from_slice(bytes).ok()?;
    fields
        .into_iter()
        .find(|(name, value)| !skip.contains(&name.as_str()) && looks_like_date(value))
        .map(|(name, _)| name)
}

/// What one record's datelines without a year add to the summary.
#[derive(Clone, Debug, Default)]
pub struct NoYear {
    /// Datelines without a date for want of a reference.
    pub datelines: u64,
    /// The record got no publication date while it had such a dateline.
    pub undated: bool,
    /// A field of the record that looks like a date (looked for while no reference is given).
    pub field: Option<String>,
}

impl NoYear {
    /// What `dated` adds; `record` is the JSON record's bytes when a date-like field is worth
    /// looking for (no reference given), `skip` the fields not to name (text, id).
    pub fn of(
        dated: &ArticleDate,
        record: Option<&[u8]>,
        skip: &[&str],
        looked: &AtomicU64,
    ) -> NoYear {
        let datelines = no_year(dated);
        if datelines == 0 {
            return NoYear::default();
        }
        NoYear {
            datelines,
            undated: dated.publication_date.is_none(),
            field: record.and_then(|bytes| date_like_field(bytes, skip, looked)),
        }
    }
}

/// The datelines without a year of a whole run.
#[derive(Debug, Default)]
pub struct NoYearTally {
    datelines: u64,
    undated: u64,
    field: Option<String>,
}

impl NoYearTally {
    /// Counts one record's.
    pub fn add(&mut self, one: &NoYear) {
        self.datelines = self.datelines.saturating_add(one.datelines);
        self.undated = self.undated.saturating_add(u64::from(one.undated));
        if self.field.is_none() {
            self.field.clone_from(&one.field);
        }
    }

    /// The hint line of the summary (`None` when every dateline had its year).
    ///
    /// `reference_given`: `--reference` or `--reference-field` was given, so only the records
    /// without one are concerned.
    /// `records`: some inputs were JSON Lines (so `--reference-field` applies).
    pub fn line(&self, command: &str, reference_given: bool, records: bool) -> Option<String> {
        if self.datelines == 0 {
            return None;
        }
        let datelines = if self.datelines == 1 {
            "1 dateline had no year".to_owned()
        } else {
            format!("{} datelines had no year", self.datelines)
        };
        let undated = match self.undated {
            1 => "1 article left undated".to_owned(),
            n => format!("{n} articles left undated"),
        };
        if reference_given {
            return Some(format!(
                "kcna-dates {command}: {datelines} ({undated}): their \
                 records have no reference date"
            ));
        }
        let flag = match &self.field {
            Some(name) => format!(
                "--reference-field {name} (the records' `{name}` field looks like a date) or \
                 --reference DATE"
            ),
            None if !records => "--reference DATE".to_owned(),
            None => "--reference-field NAME (a field of each record holding its crawl or list \
                     date) or --reference DATE"
                .to_owned(),
        };
        Some(format!(
            "kcna-dates {command}: {datelines} ({undated}): a dateline \
             (`Pyongyang, November 8 (KCNA)`) is resolved against a reference date; give one with \
             {flag}"
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_like_fields_are_named() {
        let looked = AtomicU64::new(0);
        let record = br#"{"id": 7, "text": "2022-11-09", "title": "x", "crawled": 1704067200000}"#;
        assert_eq!(
            date_like_field(record, &["text"], &looked).as_deref(),
            Some("crawled")
        );
        let record = br#"{"id": "1704067200", "date": "2024-01-01T10:00:00+09:00"}"#;
        assert_eq!(date_like_field(record, &[], &looked).as_deref(), Some("id"));
        assert_eq!(date_like_field(br#"{"n": 12}"#, &[], &looked), None);
        assert_eq!(date_like_field(br#"{"n": 20221109}"#, &[], &looked), None);
        let spent = AtomicU64::new(LOOKS);
        assert_eq!(
            date_like_field(br#"{"d": "2024-01-01"}"#, &[], &spent),
            None
        );
    }
}
