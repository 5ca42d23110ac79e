//! `eval`: how often the publication date matches a record's independently known date, and
//! (`eval --labels`, in [`labels`]) how well the body dates match hand labels.

pub mod labels;

use std::io::{self, Write};
use std::sync::atomic::AtomicU64;

use chrono::{Datelike, NaiveDate};
use kcna_dates::{BodyDate, date_article};
use kcna_dates_edge::iso;
use kcna_dates_edge::reference::json_day;
use kcna_dates_edge::row::ErrorRow;
use serde_json::{Map, Value, json};

use crate::hint::NoYear;
use crate::input::{Body, Item};
use crate::record::{Lacks, RecordError, RecordSpec};

/// The default field that holds the known date.
pub const KNOWN_FIELD: &str = "known_date";

/// The kind of a reported body date, in the names of the labels' `kind` (see
/// `../shared/corpus/labels/GUIDE.md`): `full_date`, `month_day`, `weekday`, `month`.
///
/// The one place where `eval --labels` learns a body date's kind: the core's [`BodyDate::kind`].
pub fn body_kind(body: &BodyDate) -> &'static str {
    body.kind.as_str()
}

/// How precise a date is: one calendar day or one calendar month.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Precision {
    /// One day.
    Day,
    /// One month.
    Month,
}

impl Precision {
    /// `day` or `month`, as in the labels.
    pub fn as_str(self) -> &'static str {
        match self {
            Precision::Day => "day",
            Precision::Month => "month",
        }
    }
}

/// The precision of a reported body date: a month for kind `month`, else a day (derived from
/// [`body_kind`], until the core gives each body date its own precision).
pub fn body_precision(body: &BodyDate) -> Precision {
    match body.precision {
        kcna_dates::Precision::Month => Precision::Month,
        _ => Precision::Day,
    }
}

/// The fields of a wrongly dated record that are listed with it (besides the id).
const ABOUT_FIELDS: [&str; 2] = ["url", "title"];

/// The fields besides the text, id and reference that [`evaluate`] reads: the known date and
/// [`ABOUT_FIELDS`] (for [`RecordSpec::keep`]).
pub fn kept_fields(known_field: &str) -> Vec<String> {
    std::iter::once(known_field)
        .chain(ABOUT_FIELDS)
        .map(str::to_owned)
        .collect()
}

/// The outcome of one record.
pub enum Outcome {
    /// A blank line.
    Blank,
    /// An input that could not be opened or read on.
    FileError(String),
    /// An unreadable record.
    Error(Box<RecordError>),
    /// A record without a known date.
    Unknown { dated: bool, conflict: bool },
    /// A record with a known date.
    Known {
        known: NaiveDate,
        dated: Option<NaiveDate>,
        conflict: bool,
        /// id, url and title, kept only for wrongly dated records.
        about: Option<Box<Map<String, Value>>>,
    },
}

/// One record's outcome, and which named fields it lacks (for a JSON object).
pub struct Evaluated {
    /// What came of it.
    pub outcome: Outcome,
    /// The `--id-field` and `--reference-field` it lacks, when it is a JSON object.
    pub lacks: Option<Lacks>,
    /// Its datelines without a year, for the summary's hint.
    pub no_year: NoYear,
}

impl Evaluated {
    /// Whether it was a record (not a blank line or a file error).
    pub fn is_record(&self) -> bool {
        !matches!(self.outcome, Outcome::Blank | Outcome::FileError(_))
    }
}

/// Evaluates one JSON Lines item against the known date in field `known_field`.
pub fn evaluate(
    item: &Item,
    spec: &RecordSpec,
    known_field: &str,
    looked: &AtomicU64,
) -> Evaluated {
    let bytes = match &item.body {
        Body::Bytes(bytes) => bytes,
        Body::FileError(message) => {
            return Evaluated {
                no_year: NoYear::default(),
                outcome: Outcome::FileError(message.clone()),
                lacks: None,
            };
        }
        Body::Oversized(message) => {
            return Evaluated {
                no_year: NoYear::default(),
                outcome: Outcome::Error(RecordError::bare(spec, message.clone())),
                lacks: None,
            };
        }
    };
    let record = match spec.json(bytes) {
        Ok(Some(record)) => record,
        Ok(None) => {
            return Evaluated {
                no_year: NoYear::default(),
                outcome: Outcome::Blank,
                lacks: None,
            };
        }
        Err(err) => {
            return Evaluated {
                no_year: NoYear::default(),
                lacks: err.lacks,
                outcome: Outcome::Error(err),
            };
        }
    };
    let lacks = Some(record.lacks);
    let known = match record.fields.get(known_field).map(json_day) {
        None | Some(Ok(None)) => None,
        Some(Ok(Some(date))) => Some(date),
        Some(Err(err)) => {
            let err = Box::new(RecordError {
                message: format!("field `{known_field}`: {err}"),
                id: record.id,
                reference: Some(iso(record.options.reference)),
                lacks,
            });
            return Evaluated {
                no_year: NoYear::default(),
                outcome: Outcome::Error(err),
                lacks,
            };
        }
    };
    let dated = date_article(&record.text, &record.options);
    let conflict = !dated.conflicts.is_empty();
    // The known date is what is compared with: never a reference to suggest.
    let mut skip = spec.named_fields();
    skip.push(known_field);
    let no_year = NoYear::of(&dated, spec.hint_record(bytes), &skip, looked);
    let Some(known) = known else {
        return Evaluated {
            no_year,
            outcome: Outcome::Unknown {
                dated: dated.publication_date.is_some(),
                conflict,
            },
            lacks,
        };
    };
    let about = match dated.publication_date {
        Some(date) if date != known => {
            let mut about = Map::new();
            if let Some(id) = record.id {
                about.insert("id".into(), id);
            }
            for field in ABOUT_FIELDS {
                if let Some(value) = record.fields.get(field) {
                    about.insert(field.into(), value.clone());
                }
            }
            let source = dated.source.and_then(|i| dated.signals.get(i));
            if let Some(source) = source {
                about.insert("source_role".into(), source.role.as_str().into());
                about.insert(
                    "source_text".into(),
                    record
                        .text
                        .get(source.span.clone())
                        .map_or(Value::Null, Value::from),
                );
            }
            about.insert("reference".into(), iso(record.options.reference));
            Some(Box::new(about))
        }
        _ => None,
    };
    Evaluated {
        no_year,
        outcome: Outcome::Known {
            known,
            dated: dated.publication_date,
            conflict,
            about,
        },
        lacks,
    }
}

/// The counts of one file (or of all).
#[derive(Clone, Copy, Debug, Default)]
pub struct Counts {
    records: u64,
    known: u64,
    dated: u64,
    exact: u64,
    wrong_conflict: u64,
    wrong_no_conflict: u64,
    not_dated: u64,
    same_year: u64,
    errors: u64,
    /// Over all records, with or without `known_date`.
    all_dated: u64,
    all_conflicts: u64,
}

impl Counts {
    fn add(&mut self, other: &Counts) {
        let fields = [
            (&mut self.records, other.records),
            (&mut self.known, other.known),
            (&mut self.dated, other.dated),
            (&mut self.exact, other.exact),
            (&mut self.wrong_conflict, other.wrong_conflict),
            (&mut self.wrong_no_conflict, other.wrong_no_conflict),
            (&mut self.not_dated, other.not_dated),
            (&mut self.same_year, other.same_year),
            (&mut self.errors, other.errors),
            (&mut self.all_dated, other.all_dated),
            (&mut self.all_conflicts, other.all_conflicts),
        ];
        for (mine, theirs) in fields {
            *mine = mine.saturating_add(theirs);
        }
    }

    /// Counts one outcome.
    pub fn count(&mut self, outcome: &Outcome) {
        let bump = |n: &mut u64| *n = n.saturating_add(1);
        match outcome {
            Outcome::Blank => return,
            Outcome::FileError(_) => {
                bump(&mut self.errors);
                return;
            }
            Outcome::Error(_) => bump(&mut self.errors),
            Outcome::Unknown { dated, conflict } => {
                if *dated {
                    bump(&mut self.all_dated);
                }
                if *conflict {
                    bump(&mut self.all_conflicts);
                }
            }
            Outcome::Known {
                known,
                dated,
                conflict,
                ..
            } => {
                bump(&mut self.known);
                if *conflict {
                    bump(&mut self.all_conflicts);
                }
                match dated {
                    None => bump(&mut self.not_dated),
                    Some(date) => {
                        bump(&mut self.dated);
                        bump(&mut self.all_dated);
                        if date.year() == known.year() {
                            bump(&mut self.same_year);
                        }
                        if date == known {
                            bump(&mut self.exact);
                        } else if *conflict {
                            bump(&mut self.wrong_conflict);
                        } else {
                            bump(&mut self.wrong_no_conflict);
                        }
                    }
                }
            }
        }
        bump(&mut self.records);
    }

    /// Records (with or without a known date, readable or not).
    pub fn records(&self) -> u64 {
        self.records
    }

    /// Records with a known date.
    pub fn known(&self) -> u64 {
        self.known
    }

    /// Records with a known date that were dated.
    pub fn dated(&self) -> u64 {
        self.dated
    }

    /// Records dated to their known date.
    pub fn exact(&self) -> u64 {
        self.exact
    }

    /// Records dated, over all records.
    pub fn dated_all(&self) -> u64 {
        self.all_dated
    }

    /// Records with conflicts, over all records.
    pub fn conflicts_all(&self) -> u64 {
        self.all_conflicts
    }

    /// Unreadable records and inputs.
    pub fn errors(&self) -> u64 {
        self.errors
    }

    /// Whether any record failed.
    pub fn failed(&self) -> bool {
        self.errors > 0
    }

    fn to_json(self) -> Value {
        json!({
            "records": self.records,
            "with_known_date": self.known,
            "dated": self.dated,
            "dated_exactly": self.exact,
            "dated_wrongly_with_conflict": self.wrong_conflict,
            "dated_wrongly_without_conflict": self.wrong_no_conflict,
            "not_dated": self.not_dated,
            "dated_same_year": self.same_year,
            "errors": self.errors,
            "dated_all": self.all_dated,
            "with_conflicts_all": self.all_conflicts,
        })
    }
}

/// Per-file and total counts, and how they are written.
pub struct Report {
    files: Vec<(String, Counts)>,
    known_field: String,
    json_only: bool,
    show_wrong: bool,
}

impl Report {
    /// An empty report of the known dates in field `known_field`.
    pub fn new(known_field: String, json_only: bool, show_wrong: bool) -> Report {
        Report {
            files: Vec::new(),
            known_field,
            json_only,
            show_wrong,
        }
    }

    /// Counts one record's outcome, writing its error object or (with `--show-wrong`) its
    /// wrong date as it comes.
    pub fn record(
        &mut self,
        item: &Item,
        outcome: &Outcome,
        out: &mut impl Write,
    ) -> io::Result<()> {
        if self
            .files
            .last()
            .is_none_or(|(name, _)| **name != *item.file)
        {
            self.files.push((item.file.to_string(), Counts::default()));
        }
        if let Some((_, counts)) = self.files.last_mut() {
            counts.count(outcome);
        }
        match outcome {
            Outcome::FileError(message) => {
                let row = ErrorRow {
                    file: &item.file,
                    line: item.line,
                    id: None,
                    reference: None,
                    message,
                };
                writeln!(out, "{}", Value::Object(row.json()))
            }
            Outcome::Error(err) => {
                writeln!(
                    out,
                    "{}",
                    Value::Object(err.row(&item.file, item.line).json())
                )
            }
            Outcome::Known {
                known,
                dated: Some(dated),
                conflict,
                about: Some(about),
            } if self.show_wrong => {
                let days = dated.signed_duration_since(*known).num_days();
                if self.json_only {
                    let mut obj = Map::new();
                    obj.insert("wrong".into(), true.into());
                    obj.insert("file".into(), (&*item.file).into());
                    obj.insert("line".into(), item.line.into());
                    obj.insert("known_date".into(), iso(Some(*known)));
                    obj.insert("publication_date".into(), iso(Some(*dated)));
                    obj.insert("days".into(), days.into());
                    obj.insert("conflict".into(), (*conflict).into());
                    obj.extend(about.as_ref().clone());
                    writeln!(out, "{}", Value::Object(obj))
                } else {
                    let text = |k: &str| match about.get(k) {
                        Some(Value::String(s)) => s.clone(),
                        Some(other) => other.to_string(),
                        None => String::new(),
                    };
                    writeln!(
                        out,
                        "wrong\t{}:{}\tknown {known}\tdated {dated}\t{days:+} days\t{}\tfrom {} `{}`\tid {}\turl {}\ttitle {}",
                        item.file,
                        item.line,
                        if *conflict { "conflict" } else { "no conflict" },
                        text("source_role"),
                        text("source_text"),
                        text("id"),
                        text("url"),
                        text("title"),
                    )
                }
            }
            _ => Ok(()),
        }
    }

    /// The totals over all files.
    pub fn total(&self) -> Counts {
        let mut total = Counts::default();
        for (_, counts) in &self.files {
            total.add(counts);
        }
        total
    }

    /// Writes the table, or with `--json` the final JSON object: never both on one stream, so
    /// `eval --json | jq` reads the counts and the table stays a table.
    pub fn finish(&self, out: &mut impl Write) -> io::Result<()> {
        let total = self.total();
        if !self.json_only {
            writeln!(
                out,
                "{:>8} {:>8} {:>8} {:>8} {:>8} {:>8} {:>8} {:>8}  file",
                "records", "known", "dated", "exact", "wrong+c", "wrong-c", "undated", "errors"
            )?;
            let row = |out: &mut dyn Write, c: &Counts, name: &str| {
                writeln!(
                    out,
                    "{:>8} {:>8} {:>8} {:>8} {:>8} {:>8} {:>8} {:>8}  {name}",
                    c.records,
                    c.known,
                    c.dated,
                    c.exact,
                    c.wrong_conflict,
                    c.wrong_no_conflict,
                    c.not_dated,
                    c.errors
                )
            };
            for (name, counts) in &self.files {
                row(out, counts, name)?;
            }
            if self.files.len() > 1 {
                row(out, &total, "total")?;
            }
            return Ok(());
        }
        let files: Vec<Value> = self
            .files
            .iter()
            .map(|(name, counts)| {
                let mut obj = Map::new();
                obj.insert("file".into(), name.as_str().into());
                if let Value::Object(fields) = counts.to_json() {
                    obj.extend(fields);
                }
                Value::Object(obj)
            })
            .collect();
        writeln!(
            out,
            "{}",
            json!({"known_field": self.known_field, "files": files, "total": total.to_json()})
        )
    }
}
