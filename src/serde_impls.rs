//! serde support (feature `serde`): every value type is its canonical text.
//!
//! Serializing writes the `Display` text; deserializing reads a string (or UTF-8 bytes) through the
//! same strict parser as `FromStr`, so a value that serializes always deserializes to itself and a
//! bad string is a deserialization error carrying the parser's message.

use core::fmt;
use core::marker::PhantomData;
use core::str::FromStr;

use serde::de::{self, Deserialize, Deserializer, Visitor};
use serde::ser::{Serialize, Serializer};

use crate::{
    Dateline, JucheDate, JucheYear, KoreanDate, LunarDate, MonthNameDate, Notation, SpanishDate,
};

/// Reads a value of `T` from a string or UTF-8 bytes with `T::from_str`.
struct TextVisitor<T> {
    expecting: &'static str,
    marker: PhantomData<T>,
}

impl<T> Visitor<'_> for TextVisitor<T>
where
    T: FromStr,
    T::Err: fmt::Display,
{
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.expecting)
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<T, E> {
        text.parse().map_err(E::custom)
    }

    fn visit_bytes<E: de::Error>(self, bytes: &[u8]) -> Result<T, E> {
        match core::str::from_utf8(bytes) {
            Ok(text) => self.visit_str(text),
            Err(_) => Err(E::invalid_value(de::Unexpected::Bytes(bytes), &self)),
        }
    }
}

/// Implements `Serialize` and `Deserialize` through `Display` and `FromStr`.
macro_rules! serde_as_text {
    ($($ty:ty => $expecting:literal),* $(,)?) => {$(
        impl Serialize for $ty {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.collect_str(self)
            }
        }

        impl<'de> Deserialize<'de> for $ty {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<$ty, D::Error> {
                deserializer.deserialize_str(TextVisitor { expecting: $expecting, marker: PhantomData })
            }
        }
    )*};
}

serde_as_text! {
    JucheDate => "a Juche stamp such as `Juche111.11.8.`",
    JucheYear => "a Juche year such as `Juche 113 (2024)`",
    MonthNameDate => "a date such as `November 8, 2022`",
    Dateline => "a dateline such as `Pyongyang, November 8 (KCNA)`",
    KoreanDate => "a Korean date such as `2026년 8월 21일`",
    SpanishDate => "a Spanish date such as `15 de junio de 2000`",
    Notation => "a KCNA date notation",
    LunarDate => "a lunar date such as `2024-08-15` or `2023-02L-10`",
}

// Results: serialized only (they are computed from a text, not read back). Dates are ISO
// `YYYY-MM-DD` strings, spans byte offsets, kinds and roles their `as_str` names, and errors
// objects `{"kind", "message", "start", "end"}`.

use serde::ser::SerializeStruct;

use crate::{ArticleDate, BodyDate, BodyResolution, Conflict, Error, Found, Signal, SignalRole};
use crate::{Edition, NotationKind};

/// A date as `YYYY-MM-DD`, or `None`.
struct Iso(Option<chrono::NaiveDate>);

impl Serialize for Iso {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self.0 {
            // chrono's `Display` is `%Y-%m-%d` in every year (see the unit test), written
            // directly, where `format` parses its pattern on every call (6% of the instructions
            // of the CLI's `date --jsonl`).
            Some(date) => serializer.collect_str(&date),
            None => serializer.serialize_none(),
        }
    }
}

/// Implements `Serialize` as the value's `as_str` name.
macro_rules! serde_as_name {
    ($($ty:ty),* $(,)?) => {$(
        impl Serialize for $ty {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }
    )*};
}

serde_as_name!(NotationKind, SignalRole, BodyResolution, Edition);

/// `{"kind": "out_of_range", "message": "day 31 is out of range …", "start": 0, "end": 2}`.
impl Serialize for Error {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut out = serializer.serialize_struct("Error", 4)?;
        out.serialize_field("kind", self.kind().as_str())?;
        out.serialize_field("message", &self.to_string())?;
        out.serialize_field("start", &self.span().start)?;
        out.serialize_field("end", &self.span().end)?;
        out.end()
    }
}

/// `{"start", "end", "kind", "date", "valid", "notation", "error"}`: `notation` is the canonical
/// text of a valid notation (`null` for an invalid candidate), `error` why it is invalid.
impl Serialize for Found {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let span = self.span();
        let mut out = serializer.serialize_struct("Found", 7)?;
        out.serialize_field("start", &span.start)?;
        out.serialize_field("end", &span.end)?;
        out.serialize_field("kind", &self.kind())?;
        out.serialize_field("date", &Iso(self.date()))?;
        out.serialize_field("valid", &self.is_valid())?;
        out.serialize_field("notation", &self.notation().map(ToString::to_string))?;
        out.serialize_field("error", &self.error())?;
        out.end()
    }
}

/// `{"start", "end", "text", "kind", "role", "date", "doubtful", "error"}`.
impl Serialize for Signal {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut out = serializer.serialize_struct("Signal", 8)?;
        out.serialize_field("start", &self.span.start)?;
        out.serialize_field("end", &self.span.end)?;
        out.serialize_field("text", &self.text)?;
        out.serialize_field("kind", &self.kind)?;
        out.serialize_field("role", &self.role)?;
        out.serialize_field("date", &Iso(self.date))?;
        out.serialize_field("doubtful", &self.doubtful)?;
        out.serialize_field("error", &self.error)?;
        out.end()
    }
}

/// `{"date", "days", "signals"}`.
impl Serialize for Conflict {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut out = serializer.serialize_struct("Conflict", 3)?;
        out.serialize_field("date", &Iso(Some(self.date)))?;
        out.serialize_field("days", &self.days)?;
        out.serialize_field("signals", &self.signals)?;
        out.end()
    }
}

/// `{"start", "end", "text", "resolution", "kind", "precision", "tense", "range_with",
/// "recurring", "date", "month", "error"}`; `month` is `YYYY-MM` for a month; a recurring date's
/// `date` is its occurrence in the story's year.
impl Serialize for BodyDate {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut out = serializer.serialize_struct("BodyDate", 12)?;
        out.serialize_field("start", &self.span.start)?;
        out.serialize_field("end", &self.span.end)?;
        out.serialize_field("text", &self.text)?;
        out.serialize_field("resolution", &self.resolution)?;
        out.serialize_field("kind", self.kind.as_str())?;
        out.serialize_field("precision", self.precision.as_str())?;
        out.serialize_field("tense", self.tense.as_str())?;
        out.serialize_field("range_with", &self.range_with)?;
        out.serialize_field("recurring", &self.recurring)?;
        out.serialize_field("date", &Iso(self.date))?;
        let month = self.month.map(|(y, m)| format!("{y:04}-{m:02}"));
        out.serialize_field("month", &month)?;
        out.serialize_field("error", &self.error)?;
        out.end()
    }
}

/// `{"publication_date", "source", "doubtful", "signals", "agreeing", "conflicts", "body_dates",
/// "invalid"}`: the one JSON form of an article's dating, printed by the CLI and the bindings.
impl Serialize for ArticleDate {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut out = serializer.serialize_struct("ArticleDate", 8)?;
        out.serialize_field("publication_date", &Iso(self.publication_date))?;
        out.serialize_field("source", &self.source)?;
        out.serialize_field("doubtful", &self.doubtful)?;
        out.serialize_field("signals", &self.signals)?;
        out.serialize_field("agreeing", &self.agreeing)?;
        out.serialize_field("conflicts", &self.conflicts)?;
        out.serialize_field("body_dates", &self.body_dates)?;
        out.serialize_field("invalid", &self.invalid)?;
        out.end()
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use chrono::NaiveDate;

    use super::Iso;

    /// A date is written as `%Y-%m-%d` in every year, with a sign outside 0 to 9999.
    #[test]
    fn iso_is_year_month_day_in_every_year() {
        let years = [-10_000, -1, 0, 1, 999, 1912, 2022, 9999, 10_000, 262_142];
        let dates = years
            .iter()
            .map(|&year| NaiveDate::from_ymd_opt(year, 2, 9).unwrap())
            .chain([NaiveDate::MIN, NaiveDate::MAX]);
        for date in dates {
            let expected = format!("\"{}\"", date.format("%Y-%m-%d"));
            assert_eq!(serde_json::to_string(&Iso(Some(date))).unwrap(), expected);
        }
        assert_eq!(serde_json::to_string(&Iso(None)).unwrap(), "null");
    }
}
