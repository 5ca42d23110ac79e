//! Turning one input item (a JSON Lines record or a plain text) into an article to date.

use std::fmt;

use chrono::{Days, NaiveDate};
use kcna_dates::ArticleOptions;
use kcna_dates_edge::reference::json_day;
use kcna_dates_edge::row::{ErrorRow, bad_json_found, utf8, utf8_text};
use kcna_dates_edge::{iso, type_name};
use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Value};

/// Where the text, id and reference of a record are, and the dating options.
#[derive(Clone, Debug)]
pub struct RecordSpec {
    /// The field holding the article text.
    pub text_field: String,
    /// The field copied to the output as `id`.
    pub id_field: Option<String>,
    /// A fixed reference date.
    pub reference: Option<NaiveDate>,
    /// The field holding the reference date (a date, a timestamp or an epoch number).
    pub reference_field: Option<String>,
    /// Days added to the reference date.
    pub reference_offset_days: i64,
    /// The grace of dateline resolution.
    pub grace_days: u32,
    /// Whether the output has a `reference` field (`date` and `eval`, not `scan`).
    pub with_reference: bool,
    /// Other fields of a JSON record kept in [`Record::fields`] (`eval`: the known date, url and
    /// title); the rest are read as JSON (a record must be valid JSON) but not kept.
    pub keep: Vec<String>,
    /// `--html`: the text is raw HTML, whose extracted text is dated (see `crate::html`).
    pub html: bool,
}

/// An article read from an item.
#[derive(Debug)]
pub struct Record {
    /// The article text.
    pub text: String,
    /// The value of the id field (`None` when no id field was asked for; `Null` when missing).
    pub id: Option<Value>,
    /// The options to date it with.
    pub options: ArticleOptions,
    /// The fields of a JSON record named by the spec (`--id-field`, `--reference-field` and
    /// [`RecordSpec::keep`]) that it has, apart from the text (empty for plain text).
    pub fields: Map<String, Value>,
    /// Which of the named fields the record lacks (or has as `null`).
    pub lacks: Lacks,
}

/// The named fields (`--id-field`, `--reference-field`) a JSON record lacks or has as `null`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Lacks {
    /// The record has no `--id-field`.
    pub id: bool,
    /// The record has no `--reference-field`.
    pub reference: bool,
}

/// Why an item is not an article, and what could be read of it all the same.
#[derive(Clone, Debug, PartialEq)]
pub struct RecordError {
    /// What is wrong.
    pub message: String,
    /// The id (with `--id-field`: `null` when it could not be read).
    pub id: Option<Value>,
    /// The reference date as ISO text (`date` and `eval`: `null` when there is none or it could
    /// not be read).
    pub reference: Option<Value>,
    /// Which named fields the record lacks (when it is a JSON object).
    pub lacks: Option<Lacks>,
}

impl RecordError {
    /// This error as the error row of the item at `file`, `line`.
    pub fn row<'a>(&'a self, file: &'a str, line: u64) -> ErrorRow<'a> {
        ErrorRow {
            file,
            line,
            id: self.id.as_ref(),
            reference: self.reference.as_ref(),
            message: &self.message,
        }
    }

    /// An error about which nothing else is known.
    pub fn bare(spec: &RecordSpec, message: String) -> Box<RecordError> {
        Box::new(RecordError {
            message,
            id: spec.id_field.as_ref().map(|_| Value::Null),
            reference: spec.with_reference.then_some(Value::Null),
            lacks: None,
        })
    }
}

/// `date` moved by `days` days.
pub fn add_days(date: NaiveDate, days: i64) -> Result<NaiveDate, String> {
    let moved = if days >= 0 {
        date.checked_add_days(Days::new(days.unsigned_abs()))
    } else {
        date.checked_sub_days(Days::new(days.unsigned_abs()))
    };
    moved.ok_or_else(|| format!("{date} moved by {days} days is out of range"))
}

impl RecordSpec {
    /// The options for an article whose record gives `field_reference` (already parsed).
    fn options(&self, field_reference: Option<NaiveDate>) -> Result<ArticleOptions, String> {
        let reference = match field_reference.or(self.reference) {
            Some(date) => Some(add_days(date, self.reference_offset_days)?),
            None => None,
        };
        let mut options = ArticleOptions::new().with_grace_days(self.grace_days);
        if let Some(reference) = reference {
            options = options.with_reference(reference);
        }
        Ok(options)
    }

    /// A plain text as an article.
    pub fn plain(&self, bytes: &[u8]) -> Result<Record, Box<RecordError>> {
        let options = self
            .options(None)
            .map_err(|message| RecordError::bare(self, message))?;
        let text = utf8_text(bytes).map_err(|message| {
            let mut err = RecordError::bare(self, message);
            err.reference = self.with_reference.then(|| iso(options.reference));
            err
        })?;
        let text = if self.html {
            crate::html::text(text)
        } else {
            text.to_owned()
        };
        Ok(Record {
            text,
            id: None,
            options,
            fields: Map::new(),
            lacks: Lacks::default(),
        })
    }

    /// A JSON Lines record as an article. `Ok(None)` for a blank line.
    ///
    /// On error, the id and the reference are kept whenever they could be read.
    pub fn json(&self, bytes: &[u8]) -> Result<Option<Record>, Box<RecordError>> {
        let line = utf8(bytes).map_err(|message| RecordError::bare(self, message))?;
        if line.trim().is_empty() {
            return Ok(None);
        }
        let mut fields = match self.read_fields(line) {
            Ok(Parsed::Object(fields)) => fields,
            Ok(Parsed::Other(type_name)) => {
                return Err(RecordError::bare(
                    self,
                    format!("the record is {type_name}, expected a JSON object"),
                ));
            }
            Err(err) => return Err(RecordError::bare(self, bad_json_found(line, &err))),
        };
        let lacks = Lacks {
            id: self
                .id_field
                .as_ref()
                .is_some_and(|name| fields.get(name).is_none_or(Value::is_null)),
            reference: self
                .reference_field
                .as_ref()
                .is_some_and(|name| fields.get(name).is_none_or(Value::is_null)),
        };
        let id = self
            .id_field
            .as_ref()
            .map(|name| fields.get(name).cloned().unwrap_or(Value::Null));
        let fail = |message: String, reference: Option<NaiveDate>| {
            Box::new(RecordError {
                message,
                id: id.clone(),
                reference: self.with_reference.then(|| iso(reference)),
                lacks: Some(lacks),
            })
        };
        let field_reference = match &self.reference_field {
            None => None,
            Some(name) => match fields.get(name).map(json_day) {
                None | Some(Ok(None)) => None,
                Some(Ok(Some(date))) => Some(date),
                Some(Err(err)) => return Err(fail(format!("field `{name}`: {err}"), None)),
            },
        };
        let options = self
            .options(field_reference)
            .map_err(|message| fail(message, None))?;
        let text = match fields.remove(&self.text_field) {
            Some(Value::String(text)) => text,
            Some(other) => {
                return Err(fail(
                    format!(
                        "field `{}` is {}, expected a string",
                        self.text_field,
                        type_name(&other)
                    ),
                    options.reference,
                ));
            }
            None => {
                return Err(fail(
                    format!("missing field `{}`", self.text_field),
                    options.reference,
                ));
            }
        };
        let text = if self.html {
            crate::html::text(&text)
        } else {
            text
        };
        Ok(Some(Record {
            text,
            id,
            options,
            fields,
            lacks,
        }))
    }
}

impl RecordSpec {
    /// The bytes of a JSON record to look for a date-like field in, for the summary's hint:
    /// only while no reference is given (`--reference`, `--reference-field`).
    pub fn hint_record<'a>(&self, bytes: &'a [u8]) -> Option<&'a [u8]> {
        (self.reference.is_none() && self.reference_field.is_none()).then_some(bytes)
    }

    /// The fields the hint does not name: the text and the id.
    pub fn named_fields(&self) -> Vec<&str> {
        let mut names = vec![self.text_field.as_str()];
        names.extend(self.id_field.as_deref());
        names
    }

    /// Reads a JSON record as `serde_json::from_str::<Value>` would (the same errors, at the same
    /// places), but keeps only the fields it names: the text, the id, the reference and
    /// [`RecordSpec::keep`]. The others are parsed and dropped without being built.
    fn read_fields(&self, line: &str) -> serde_json::Result<Parsed> {
        let mut wanted: Vec<&str> = Vec::with_capacity(self.keep.len().saturating_add(3));
        wanted.push(&self.text_field);
        wanted.extend(self.id_field.as_deref());
        wanted.extend(self.reference_field.as_deref());
        wanted.extend(self.keep.iter().map(String::as_str));
        let mut deserializer = serde_json::Deserializer::from_str(line);
        let parsed = RecordSeed { wanted: &wanted }.deserialize(&mut deserializer)?;
        deserializer.end()?;
        Ok(parsed)
    }
}

/// A JSON record as [`RecordSpec::read_fields`] reads it.
enum Parsed {
    /// An object: its wanted fields (the last one of a repeated name, as in a `Value`).
    Object(Map<String, Value>),
    /// Another value: the name of its type (see [`type_name`]).
    Other(&'static str),
}

/// Reads a JSON value, keeping the `wanted` fields of an object.
struct RecordSeed<'a> {
    wanted: &'a [&'a str],
}

impl<'de> DeserializeSeed<'de> for RecordSeed<'_> {
    type Value = Parsed;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Parsed, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for RecordSeed<'_> {
    type Value = Parsed;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_unit<E: de::Error>(self) -> Result<Parsed, E> {
        Ok(Parsed::Other("null"))
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<Parsed, E> {
        Ok(Parsed::Other("a boolean"))
    }

    fn visit_i64<E: de::Error>(self, _: i64) -> Result<Parsed, E> {
        Ok(Parsed::Other("a number"))
    }

    fn visit_u64<E: de::Error>(self, _: u64) -> Result<Parsed, E> {
        Ok(Parsed::Other("a number"))
    }

    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Parsed, E> {
        Ok(Parsed::Other("a number"))
    }

    fn visit_str<E: de::Error>(self, _: &str) -> Result<Parsed, E> {
        Ok(Parsed::Other("a string"))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Parsed, A::Error> {
        while seq.next_element::<Skip>()?.is_some() {}
        Ok(Parsed::Other("an array"))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Parsed, A::Error> {
        let mut fields = Map::new();
        while let Some(wanted) = map.next_key_seed(Key(self.wanted))? {
            match wanted {
                Some(name) => {
                    let value = map.next_value::<Value>()?;
                    fields.insert(name.to_owned(), value);
                }
                None => {
                    map.next_value::<Skip>()?;
                }
            }
        }
        Ok(Parsed::Object(fields))
    }
}

/// Reads an object's key: the wanted name it is, if any (without allocating).
struct Key<'a>(&'a [&'a str]);

impl<'de, 'a> DeserializeSeed<'de> for Key<'a> {
    type Value = Option<&'a str>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_str(self)
    }
}

impl<'de, 'a> Visitor<'de> for Key<'a> {
    type Value = Option<&'a str>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a string key")
    }

    fn visit_str<E: de::Error>(self, key: &str) -> Result<Self::Value, E> {
        Ok(self.0.iter().copied().find(|name| *name == key))
    }
}

/// Any JSON value, parsed (and so checked, as a `Value` would be) and dropped.
struct Skip;

impl<'de> de::Deserialize<'de> for Skip {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Skip, D::Error> {
        deserializer.deserialize_any(Skip)
    }
}

impl<'de> Visitor<'de> for Skip {
    type Value = Skip;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_unit<E: de::Error>(self) -> Result<Skip, E> {
        Ok(Skip)
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<Skip, E> {
        Ok(Skip)
    }

    fn visit_i64<E: de::Error>(self, _: i64) -> Result<Skip, E> {
        Ok(Skip)
    }

    fn visit_u64<E: de::Error>(self, _: u64) -> Result<Skip, E> {
        Ok(Skip)
    }

    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Skip, E> {
        Ok(Skip)
    }

    fn visit_str<E: de::Error>(self, _: &str) -> Result<Skip, E> {
        Ok(Skip)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Skip, A::Error> {
        while seq.next_element::<Skip>()?.is_some() {}
        Ok(Skip)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Skip, A::Error> {
        while map.next_entry::<Skip, Skip>()?.is_some() {}
        Ok(Skip)
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use kcna_dates_edge::row::bad_json;

    /// What `RecordSpec::json` did before it read only the named fields: the whole record as a
    /// `Value`, its error, or its type when not an object.
    fn as_value(line: &str) -> Result<Map<String, Value>, String> {
        match serde_json::from_str::<Value>(line) {
            Ok(Value::Object(fields)) => Ok(fields),
            Ok(other) => Err(format!("the record is {}", type_name(&other))),
            Err(err) => Err(bad_json(&err)),
        }
    }

    #[test]
    fn named_fields_are_read_as_a_value_reads_them() {
        let spec = RecordSpec {
            text_field: "text".into(),
            id_field: Some("id".into()),
            reference_field: Some("known_date".into()),
            reference: None,
            reference_offset_days: 0,
            grace_days: 3,
            with_reference: true,
            keep: vec!["url".into()],
            html: false,
        };
        let deep = format!(
            "{{\"text\":\"t\",\"x\":{}{}}}",
            "[".repeat(130),
            "]".repeat(130)
        );
        let lines = [
            r#"{"text":"a","id":7,"known_date":"2020-01-02","url":"u","other":[1,{"b":null}]}"#,
            r#"{"te\u0078t":"escaped key","id":"x","id":"last one wins"}"#,
            r#"{"text":"a","big":1e400}"#,
            r#"{"text":"a","n":18446744073709551616,"m":-9223372036854775809}"#,
            r#"{"text":"a","s":"\ud800"}"#,
            r#"{"text":"a","s":"\ud83d\ude00","t":"\x"}"#,
            "{\"text\":\"a\",\"s\":\"tab\there\"}",
            r#"{"text":"a",}"#,
            r#"{"text":"a" "id":1}"#,
            r#"{1:2}"#,
            r#"{"text":"a"} trailing"#,
            r#"{"text":"a","n":01}"#,
            r#"[1,2,{"a":3}]"#,
            r#"[1,2"#,
            r#""a string""#,
            "-1.5e3",
            "true",
            "null",
            "{}",
            &deep,
        ];
        for line in lines {
            let ours = match spec.read_fields(line) {
                Ok(Parsed::Object(fields)) => Ok(fields),
                Ok(Parsed::Other(type_name)) => Err(format!("the record is {type_name}")),
                Err(err) => Err(bad_json(&err)),
            };
            let whole = as_value(line).map(|fields| {
                fields
                    .into_iter()
                    .filter(|(name, _)| {
                        ["text", "id", "known_date", "url"].contains(&name.as_str())
                    })
                    .collect::<Map<String, Value>>()
            });
            assert_eq!(ours, whole, "{line}");
        }
    }
}
