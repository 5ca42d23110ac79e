//! Turning one input item (a JSON Lines record or a plain text) into an article to date.

use chrono::{Days, NaiveDate};
use kcna_dates::ArticleOptions;
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
    /// The field holding the reference date (`YYYY-MM-DD`).
    pub reference_field: Option<String>,
    /// Days added to the reference date.
    pub reference_offset_days: i64,
    /// The grace of dateline resolution.
    pub grace_days: u32,
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
    /// The other fields of a JSON record (empty for plain text).
    pub fields: Map<String, Value>,
}

/// Reads bytes as UTF-8, or says where they stop being UTF-8.
pub fn utf8(bytes: &[u8]) -> Result<&str, String> {
    std::str::from_utf8(bytes).map_err(|err| {
        let at = err.valid_up_to();
        format!("invalid UTF-8 at byte {at} of the line")
    })
}

/// Parses `YYYY-MM-DD`.
pub fn parse_iso(text: &str) -> Result<NaiveDate, String> {
    let well_formed = text.len() == 10
        && text.bytes().enumerate().all(|(i, b)| match i {
            4 | 7 => b == b'-',
            _ => b.is_ascii_digit(),
        });
    if !well_formed {
        return Err(format!("`{text}` is not a YYYY-MM-DD date"));
    }
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map_err(|err| format!("`{text}` is not a valid date: {err}"))
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

/// A short name of a JSON value's type, for error messages.
pub fn type_name(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
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
    pub fn plain(&self, bytes: &[u8]) -> Result<Record, String> {
        let text = std::str::from_utf8(bytes).map_err(|err| {
            let at = err.valid_up_to();
            let line = bytes
                .get(..at)
                .map_or(0, |b| b.iter().filter(|&&c| c == b'\n').count())
                .saturating_add(1);
            format!("invalid UTF-8 at byte {at} (line {line})")
        })?;
        Ok(Record {
            text: text.to_owned(),
            id: None,
            options: self.options(None)?,
            fields: Map::new(),
        })
    }

    /// A JSON Lines record as an article. `Ok(None)` for a blank line.
    pub fn json(&self, bytes: &[u8]) -> Result<Option<Record>, String> {
        let line = utf8(bytes)?;
        if line.trim().is_empty() {
            return Ok(None);
        }
        let value: Value = serde_json::from_str(line).map_err(|err| format!("bad JSON: {err}"))?;
        let Value::Object(mut fields) = value else {
            return Err(format!(
                "the record is {}, expected a JSON object",
                type_name(&value)
            ));
        };
        let text = match fields.remove(&self.text_field) {
            Some(Value::String(text)) => text,
            Some(other) => {
                return Err(format!(
                    "field `{}` is {}, expected a string",
                    self.text_field,
                    type_name(&other)
                ));
            }
            None => return Err(format!("missing field `{}`", self.text_field)),
        };
        let id = self
            .id_field
            .as_ref()
            .map(|name| fields.get(name).cloned().unwrap_or(Value::Null));
        let field_reference = match &self.reference_field {
            None => None,
            Some(name) => match fields.get(name) {
                None | Some(Value::Null) => None,
                Some(Value::String(s)) => {
                    Some(parse_iso(s).map_err(|err| format!("field `{name}`: {err}"))?)
                }
                Some(other) => {
                    return Err(format!(
                        "field `{name}` is {}, expected a YYYY-MM-DD string",
                        type_name(other)
                    ));
                }
            },
        };
        Ok(Some(Record {
            text,
            id,
            options: self.options(field_reference)?,
            fields,
        }))
    }
}
