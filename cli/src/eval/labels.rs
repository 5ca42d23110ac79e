//! `eval --labels`: the body dates of [`date_article`] scored against hand labels.
//!
//! The labels are JSON Lines, one article per line, in the format of
//! `../shared/corpus/labels/GUIDE.md`: the corpus file and the record's `id` (its `url` in files
//! without `id`), the language, the publication date, whether every expression is labelled
//! (`complete`), and the expressions with character offsets, precision, value, kind and tense.
//!
//! Each article is dated with the label's publication date as the reference, so that what is
//! measured is the body dates, not the page's date. A reported body date finds a label when their
//! character spans overlap. Scored, per language and per label kind, on complete articles only:
//!
//! * day recall: labels of precision `day` with a value, found by a body date of precision day;
//! * right of found: of those found, the share whose body date gives the labelled value (a
//!   recurring `--MM-DD` value only when the body date is reported as recurring);
//! * future right: the same, for the labels of tense `future`;
//! * month recall: labels of precision `month`, found by a body date of precision month;
//! * invented: reported body dates that overlap no label of any kind (rows by the kind of the
//!   reported date, from [`body_kind`]).
//!
//! Labels of kind `dateline` and `stamp` (the page's own date signals) are not scored, but a body
//! date on one is not invented. Named days and lunar dates have their own rows and are left out of
//! each language's total.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fs::File;
use std::io::{self, BufRead, BufReader, Write};
use std::path::{Component, Path, PathBuf};

use chrono::{Datelike, NaiveDate};
use kcna_dates::{ArticleOptions, BodyDate, date_article};
use serde::Deserialize;
use serde_json::{Map, Value, json};

use super::{Precision, body_kind, body_precision};
use kcna_dates_edge::reference::parse_iso;

/// The label kinds of the guide, in the order of the table's rows; the page signals last.
pub const KINDS: [&str; 10] = [
    "full_date",
    "month_day",
    "day",
    "weekday",
    "relative_day",
    "month",
    "named_day",
    "lunar",
    "dateline",
    "stamp",
];

/// Label kinds that are the page's own date, not body dates: not scored.
const PAGE_KINDS: [&str; 2] = ["dateline", "stamp"];

/// Label kinds shown in their own rows and left out of a language's total (the DPRK calendar).
pub const APART_KINDS: [&str; 2] = ["named_day", "lunar"];

/// The languages shown first, in this order; others follow in name order.
const LANGUAGES: [&str; 3] = ["en", "es", "ko"];

/// Characters of context on each side of a missed or wrong label.
const CONTEXT_CHARS: usize = 40;

/// What a label says an expression means.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Meaning {
    /// One day: `YYYY-MM-DD`.
    Day(NaiveDate),
    /// A yearly date named as a definition: `--MM-DD`.
    Recurring {
        /// 1-12.
        month: u32,
        /// 1-31.
        day: u32,
    },
    /// One month: `YYYY-MM`.
    Month {
        /// The year.
        year: i32,
        /// 1-12.
        month: u32,
    },
    /// `null`: the text does not say which day.
    Unknown,
}

impl Meaning {
    /// The label's text form: `YYYY-MM-DD`, `--MM-DD`, `YYYY-MM`, or `None`.
    pub fn text(self) -> Option<String> {
        match self {
            Meaning::Day(date) => Some(date.to_string()),
            Meaning::Recurring { month, day } => Some(format!("--{month:02}-{day:02}")),
            Meaning::Month { year, month } => Some(format!("{year:04}-{month:02}")),
            Meaning::Unknown => None,
        }
    }
}

/// One labelled expression, checked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Label {
    /// Start, in characters of the record's text.
    pub start: usize,
    /// End (exclusive), in characters.
    pub end: usize,
    /// The expression as written.
    pub text: String,
    /// One of [`KINDS`].
    pub kind: &'static str,
    /// Day or month.
    pub precision: Precision,
    /// What it means.
    pub meaning: Meaning,
    /// Whether the sentence puts it in the future (tense `future`).
    pub future: bool,
}

/// A body date as the scorer sees it: character span, kind, precision and what it gives.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reported {
    /// Start, in characters of the text.
    pub start: usize,
    /// End (exclusive), in characters.
    pub end: usize,
    /// From [`body_kind`].
    pub kind: &'static str,
    /// From [`body_precision`].
    pub precision: Precision,
    /// The day it gives.
    pub date: Option<NaiveDate>,
    /// The year and month it gives.
    pub month: Option<(i32, u32)>,
    /// Whether it is reported as a yearly date (its year is not meant). The core cannot say so
    /// yet: always `false`.
    pub recurring: bool,
    /// The text of the span.
    pub text: String,
}

impl Reported {
    /// `body` of `text`, its byte span turned into characters with `chars`.
    pub fn of(body: &BodyDate, chars: &CharMap) -> Reported {
        Reported {
            start: chars.char_at(body.span.start),
            end: chars.char_at(body.span.end),
            kind: body_kind(body),
            precision: body_precision(body),
            date: body.date,
            month: body.month,
            recurring: body.recurring,
            text: body.text.clone(),
        }
    }

    /// What it gives, as text: the day, `--MM-DD` when recurring, the month, or `?`.
    fn value(&self) -> String {
        match (self.date, self.month) {
            (Some(date), _) if self.recurring => format!("--{:02}-{:02}", date.month(), date.day()),
            (Some(date), _) => date.to_string(),
            (None, Some((year, month))) => format!("{year:04}-{month:02}"),
            (None, None) => "?".to_owned(),
        }
    }
}

/// Byte offsets of a text turned into character (code point) offsets.
pub struct CharMap {
    /// The byte offset where each character starts.
    starts: Vec<usize>,
}

impl CharMap {
    /// The map of `text`.
    pub fn new(text: &str) -> CharMap {
        CharMap {
            starts: text.char_indices().map(|(i, _)| i).collect(),
        }
    }

    /// How many characters start before byte `byte`: the character offset of a byte offset on
    /// a character boundary (the text's length in characters for its length in bytes).
    pub fn char_at(&self, byte: usize) -> usize {
        self.starts.partition_point(|&start| start < byte)
    }

    /// The text's length in characters.
    pub fn len(&self) -> usize {
        self.starts.len()
    }
}

/// The counts of one row (a language and kind, or a language's total).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    /// Day labels with a value.
    pub day_labels: u64,
    /// Of them, found by a body date of precision day.
    pub day_found: u64,
    /// Of those found, given the labelled value.
    pub day_right: u64,
    /// Day labels with a value and tense `future`.
    pub future_labels: u64,
    /// Of them, found.
    pub future_found: u64,
    /// Of those found, right.
    pub future_right: u64,
    /// Month labels with a value.
    pub month_labels: u64,
    /// Of them, found by a body date of precision month.
    pub month_found: u64,
    /// Reported body dates (rows by their kind).
    pub reported: u64,
    /// Of them, overlapping no label.
    pub invented: u64,
}

impl Tally {
    /// Adds `other` to these counts.
    pub fn add(&mut self, other: &Tally) {
        let fields = [
            (&mut self.day_labels, other.day_labels),
            (&mut self.day_found, other.day_found),
            (&mut self.day_right, other.day_right),
            (&mut self.future_labels, other.future_labels),
            (&mut self.future_found, other.future_found),
            (&mut self.future_right, other.future_right),
            (&mut self.month_labels, other.month_labels),
            (&mut self.month_found, other.month_found),
            (&mut self.reported, other.reported),
            (&mut self.invented, other.invented),
        ];
        for (mine, theirs) in fields {
            *mine = mine.saturating_add(theirs);
        }
    }

    /// Whether nothing was counted.
    pub fn is_empty(&self) -> bool {
        *self == Tally::default()
    }

    /// The counts and the shares (`null` when there is nothing to divide by).
    pub fn to_json(self) -> Value {
        json!({
            "day_labels": self.day_labels,
            "day_found": self.day_found,
            "day_right": self.day_right,
            "day_recall": share(self.day_found, self.day_labels),
            "right_of_found": share(self.day_right, self.day_found),
            "future_labels": self.future_labels,
            "future_found": self.future_found,
            "future_right": self.future_right,
            "future_right_of_found": share(self.future_right, self.future_found),
            "month_labels": self.month_labels,
            "month_found": self.month_found,
            "month_recall": share(self.month_found, self.month_labels),
            "reported": self.reported,
            "invented": self.invented,
            "invented_share": share(self.invented, self.reported),
        })
    }
}

/// `part / whole` as a JSON number, `null` for a whole of 0.
fn share(part: u64, whole: u64) -> Value {
    if whole == 0 {
        Value::Null
    } else {
        // Counts of labels are far below 2^52: the conversion is exact.
        json!(part as f64 / whole as f64)
    }
}

/// The score of one article.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Scored {
    /// Counts by kind (of the label, or of the reported date for `reported` and `invented`).
    pub kinds: BTreeMap<&'static str, Tally>,
    /// The indices of the scored labels that no body date found.
    pub missed: Vec<usize>,
    /// The indices of the day labels found but not given their value, each with the indices of
    /// the body dates that found it.
    pub wrong: Vec<(usize, Vec<usize>)>,
}

/// Whether two half-open spans share a character (an empty span shares none).
pub fn overlaps(a: (usize, usize), b: (usize, usize)) -> bool {
    a.0 < a.1 && b.0 < b.1 && a.0 < b.1 && b.0 < a.1
}

/// Whether `reported` gives the value `meaning`.
fn is_right(meaning: Meaning, reported: &Reported) -> bool {
    match meaning {
        Meaning::Day(day) => !reported.recurring && reported.date == Some(day),
        Meaning::Recurring { month, day } => {
            reported.recurring
                && reported
                    .date
                    .is_some_and(|d| d.month() == month && d.day() == day)
        }
        Meaning::Month { .. } | Meaning::Unknown => false,
    }
}

/// Scores one complete article: its labels against the body dates reported in it (both with
/// character spans). Pure: no input, no output.
pub fn score(labels: &[Label], reported: &[Reported]) -> Scored {
    let mut scored = Scored::default();
    let bump = |n: &mut u64| *n = n.saturating_add(1);
    for (index, label) in labels.iter().enumerate() {
        if PAGE_KINDS.contains(&label.kind) {
            continue;
        }
        let span = (label.start, label.end);
        let finders: Vec<usize> = reported
            .iter()
            .enumerate()
            .filter(|(_, r)| r.precision == label.precision && overlaps(span, (r.start, r.end)))
            .map(|(i, _)| i)
            .collect();
        let tally = scored.kinds.entry(label.kind).or_default();
        match (label.precision, label.meaning) {
            (Precision::Day, Meaning::Day(_) | Meaning::Recurring { .. }) => {
                bump(&mut tally.day_labels);
                if label.future {
                    bump(&mut tally.future_labels);
                }
                if finders.is_empty() {
                    scored.missed.push(index);
                    continue;
                }
                bump(&mut tally.day_found);
                if label.future {
                    bump(&mut tally.future_found);
                }
                let right = finders
                    .iter()
                    .filter_map(|&i| reported.get(i))
                    .any(|r| is_right(label.meaning, r));
                if right {
                    bump(&mut tally.day_right);
                    if label.future {
                        bump(&mut tally.future_right);
                    }
                } else {
                    scored.wrong.push((index, finders));
                }
            }
            (Precision::Month, Meaning::Month { .. }) => {
                bump(&mut tally.month_labels);
                if finders.is_empty() {
                    scored.missed.push(index);
                } else {
                    bump(&mut tally.month_found);
                }
            }
            // No value (the text does not say which day): not scored, but not invented either.
            _ => {}
        }
    }
    for found in reported {
        let tally = scored.kinds.entry(found.kind).or_default();
        bump(&mut tally.reported);
        let labelled = labels
            .iter()
            .any(|label| overlaps((label.start, label.end), (found.start, found.end)));
        if !labelled {
            bump(&mut tally.invented);
        }
    }
    scored
}

/// A label line as written.
#[derive(Deserialize)]
struct RawRecord {
    file: String,
    id: Option<String>,
    url: Option<String>,
    lang: String,
    publication_date: String,
    complete: bool,
    expressions: Vec<RawExpression>,
}

/// An expression as written.
#[derive(Deserialize)]
struct RawExpression {
    text: String,
    start: usize,
    end: usize,
    precision: String,
    value: Option<String>,
    kind: String,
    tense: String,
}

/// A label line, read and checked (but not yet against the article's text).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LabelRecord {
    /// The line in the labels file (from 1).
    pub line: u64,
    /// The corpus file's name.
    pub file: String,
    /// The record's `id`, or its `url` in files without `id`.
    pub key: String,
    /// `en`, `es`, `ko`, …
    pub lang: String,
    /// The reference for dating it.
    pub publication_date: NaiveDate,
    /// Whether every expression is labelled.
    pub complete: bool,
    /// The expressions.
    pub labels: Vec<Label>,
}

/// Reads one label line (without its line break); `Ok(None)` for a blank line.
pub fn read_label_line(line: u64, bytes: &[u8]) -> Result<Option<LabelRecord>, String> {
    let text = std::str::from_utf8(bytes).map_err(|err| format!("invalid UTF-8: {err}"))?;
    let text = text.trim_end_matches('\r');
    if text.trim().is_empty() {
        return Ok(None);
    }
    let raw: RawRecord =
        serde_json::from_str(text).map_err(|err| format!("not a label record: {err}"))?;
    let key = raw
        .id
        .or(raw.url)
        .ok_or("the record has neither `id` nor `url`")?;
    let publication_date =
        parse_iso(&raw.publication_date).map_err(|err| format!("`publication_date`: {err}"))?;
    let labels = raw
        .expressions
        .into_iter()
        .enumerate()
        .map(|(i, raw)| read_expression(raw).map_err(|err| format!("expression {i}: {err}")))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Some(LabelRecord {
        line,
        file: raw.file,
        key,
        lang: raw.lang,
        publication_date,
        complete: raw.complete,
        labels,
    }))
}

/// Checks one expression's kind, precision, value and tense.
fn read_expression(raw: RawExpression) -> Result<Label, String> {
    let kind = KINDS
        .iter()
        .copied()
        .find(|k| *k == raw.kind)
        .ok_or_else(|| format!("unknown kind `{}`", raw.kind))?;
    let precision = match raw.precision.as_str() {
        "day" => Precision::Day,
        "month" => Precision::Month,
        other => return Err(format!("precision `{other}` is neither `day` nor `month`")),
    };
    let future = match raw.tense.as_str() {
        "future" => true,
        "past" | "none" => false,
        other => return Err(format!("unknown tense `{other}`")),
    };
    let meaning = match raw.value.as_deref() {
        None => Meaning::Unknown,
        Some(value) => read_value(value, precision)?,
    };
    if raw.start > raw.end {
        return Err(format!("start {} is after end {}", raw.start, raw.end));
    }
    Ok(Label {
        start: raw.start,
        end: raw.end,
        text: raw.text,
        kind,
        precision,
        meaning,
        future,
    })
}

/// Reads a value of `precision`: `YYYY-MM-DD` or `--MM-DD` for a day, `YYYY-MM` for a month.
fn read_value(value: &str, precision: Precision) -> Result<Meaning, String> {
    let number = |digits: &str| -> Result<u32, String> {
        if digits.len() == 2 && digits.bytes().all(|b| b.is_ascii_digit()) {
            digits
                .parse()
                .map_err(|_| format!("value `{value}`: bad number"))
        } else {
            Err(format!("value `{value}`: `{digits}` is not two digits"))
        }
    };
    match precision {
        Precision::Day => {
            if let Some(rest) = value.strip_prefix("--") {
                let (month, day) = rest
                    .split_once('-')
                    .ok_or_else(|| format!("value `{value}` is not --MM-DD"))?;
                let (month, day) = (number(month)?, number(day)?);
                // A leap year, so that --02-29 is a day.
                NaiveDate::from_ymd_opt(2000, month, day)
                    .ok_or_else(|| format!("value `{value}` is no day of the year"))?;
                Ok(Meaning::Recurring { month, day })
            } else {
                parse_iso(value)
                    .map(Meaning::Day)
                    .map_err(|err| format!("value: {err}"))
            }
        }
        Precision::Month => {
            let (year, month) = value
                .split_once('-')
                .ok_or_else(|| format!("value `{value}` is not YYYY-MM"))?;
            let month = number(month)?;
            let year = if year.len() == 4 && year.bytes().all(|b| b.is_ascii_digit()) {
                year.parse::<i32>().ok()
            } else {
                None
            };
            match year {
                Some(year) if (1..=12).contains(&month) => Ok(Meaning::Month { year, month }),
                _ => Err(format!("value `{value}` is not YYYY-MM")),
            }
        }
    }
}

/// Checks the labels' offsets against the article's text: each in range, and its text the
/// characters it spans.
fn check_spans(labels: &[Label], text: &str, chars: &CharMap) -> Result<(), String> {
    for (i, label) in labels.iter().enumerate() {
        if label.end > chars.len() {
            return Err(format!(
                "expression {i} (`{}`) ends at character {}, after the text's {} characters",
                label.text,
                label.end,
                chars.len()
            ));
        }
        let spanned: String = text
            .chars()
            .skip(label.start)
            .take(label.end.saturating_sub(label.start))
            .collect();
        if spanned != label.text {
            return Err(format!(
                "expression {i}: the text at {}..{} is `{spanned}`, not `{}`",
                label.start, label.end, label.text
            ));
        }
    }
    Ok(())
}

/// A label line that could not be scored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LabelError {
    /// The labels file, as named.
    pub labels: String,
    /// The line in the labels file; `None` when the file itself could not be read.
    pub line: Option<u64>,
    /// The record's key, when it could be read.
    pub id: Option<String>,
    /// What is wrong.
    pub message: String,
}

/// A missed or wrong label, for `--misses`.
#[derive(Clone, Debug)]
struct Miss {
    /// The labels file and line.
    labels: String,
    line: u64,
    /// The corpus file.
    file: String,
    id: String,
    lang: String,
    label: Label,
    /// The text around it, line breaks as spaces.
    context: String,
    /// For a wrong label: the body dates that found it.
    reported: Vec<Reported>,
}

impl Miss {
    fn to_json(&self) -> Value {
        let mut obj = Map::new();
        obj.insert("labels".into(), self.labels.as_str().into());
        obj.insert("line".into(), self.line.into());
        obj.insert("corpus_file".into(), self.file.as_str().into());
        obj.insert("id".into(), self.id.as_str().into());
        obj.insert("lang".into(), self.lang.as_str().into());
        obj.insert("text".into(), self.label.text.as_str().into());
        obj.insert("start".into(), self.label.start.into());
        obj.insert("end".into(), self.label.end.into());
        obj.insert("kind".into(), self.label.kind.into());
        obj.insert("precision".into(), self.label.precision.as_str().into());
        obj.insert(
            "value".into(),
            self.label.meaning.text().map_or(Value::Null, Value::from),
        );
        obj.insert("tense_future".into(), Value::Bool(self.label.future));
        obj.insert("context".into(), self.context.as_str().into());
        if !self.reported.is_empty() {
            let reported: Vec<Value> = self
                .reported
                .iter()
                .map(|r| {
                    json!({"text": r.text, "start": r.start, "end": r.end, "kind": r.kind,
                           "value": r.value()})
                })
                .collect();
            obj.insert("reported".into(), reported.into());
        }
        Value::Object(obj)
    }

    fn line_text(&self, what: &str) -> String {
        let mut line = format!(
            "{what}\t{}:{}\t{} {}\t{}\t{}\t`{}`\t{}",
            self.labels,
            self.line,
            self.file,
            self.id,
            self.lang,
            self.label.kind,
            self.label.text,
            self.label.meaning.text().unwrap_or_else(|| "null".into()),
        );
        if self.label.future {
            line.push_str(" (future)");
        }
        for r in &self.reported {
            line.push_str(&format!(
                "\treported `{}` {} as {}",
                r.text,
                r.kind,
                r.value()
            ));
        }
        line.push_str(&format!("\t…{}…", self.context));
        line
    }
}

/// `text`'s characters around `start..end`, line breaks and tabs as spaces.
fn context(text: &str, start: usize, end: usize) -> String {
    let from = start.saturating_sub(CONTEXT_CHARS);
    text.chars()
        .skip(from)
        .take(end.saturating_sub(from).saturating_add(CONTEXT_CHARS))
        .map(|c| if c.is_whitespace() { ' ' } else { c })
        .collect()
}

/// What `eval --labels` is asked to do.
pub struct Settings {
    /// The labels files, scored together.
    pub labels: Vec<PathBuf>,
    /// Where the corpus files are (default: each labels file's parent's parent).
    pub corpus_dir: Option<PathBuf>,
    /// One JSON object instead of the table.
    pub json: bool,
    /// How many missed and how many wrong labels to list.
    pub misses: usize,
}

/// The counts of one language.
#[derive(Default)]
struct Language {
    records: u64,
    scored: u64,
    kinds: BTreeMap<&'static str, Tally>,
}

impl Language {
    /// The total over the kinds, named days and lunar dates left out.
    fn total(&self) -> Tally {
        let mut total = Tally::default();
        for (kind, tally) in &self.kinds {
            if !APART_KINDS.contains(kind) {
                total.add(tally);
            }
        }
        total
    }

    /// The kinds in the table's order: [`KINDS`], then any other.
    fn rows(&self) -> Vec<(&'static str, Tally)> {
        let mut rows: Vec<(&'static str, Tally)> = KINDS
            .iter()
            .filter_map(|kind| self.kinds.get(kind).map(|t| (*kind, *t)))
            .collect();
        rows.extend(
            self.kinds
                .iter()
                .filter(|(kind, _)| !KINDS.contains(kind))
                .map(|(kind, t)| (*kind, *t)),
        );
        rows.retain(|(_, t)| !t.is_empty());
        rows
    }
}

/// Everything counted over the labels file.
#[derive(Default)]
struct Board {
    /// The labels file being read, as named.
    current: String,
    /// Each labels file read, and its corpus directory.
    files: Vec<(String, Option<PathBuf>)>,
    languages: BTreeMap<String, Language>,
    records: u64,
    scored: u64,
    errors: Vec<LabelError>,
    missed: Vec<Miss>,
    wrong: Vec<Miss>,
}

impl Board {
    /// The languages in the table's order.
    fn languages(&self) -> Vec<(&str, &Language)> {
        let mut langs: Vec<(&str, &Language)> = self
            .languages
            .iter()
            .map(|(name, lang)| (name.as_str(), lang))
            .collect();
        langs.sort_by_key(|(name, _)| {
            (
                LANGUAGES
                    .iter()
                    .position(|l| l == name)
                    .unwrap_or(LANGUAGES.len()),
                name.to_string(),
            )
        });
        langs
    }

    fn error(&mut self, line: Option<u64>, id: Option<&str>, message: String) {
        self.errors.push(LabelError {
            labels: self.current.clone(),
            line,
            id: id.map(str::to_owned),
            message,
        });
    }
}

/// Reads every line of the labels file: the records, and the errors of unreadable lines.
fn read_labels(path: &Path, board: &mut Board) -> io::Result<Vec<LabelRecord>> {
    let mut reader = BufReader::new(File::open(path)?);
    let mut records = Vec::new();
    let mut buf = Vec::new();
    let mut line: u64 = 0;
    loop {
        buf.clear();
        if reader.read_until(b'\n', &mut buf)? == 0 {
            break;
        }
        line = line.saturating_add(1);
        let bytes = buf.strip_suffix(b"\n").unwrap_or(&buf);
        // A byte-order mark at the start of the file is dropped.
        let bytes = if line == 1 {
            bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(bytes)
        } else {
            bytes
        };
        match read_label_line(line, bytes) {
            Ok(Some(record)) => records.push(record),
            Ok(None) => {}
            Err(message) => board.error(Some(line), None, message),
        }
    }
    Ok(records)
}

/// The `id` (or `url`) of a corpus record, read without its text.
#[derive(Deserialize)]
struct CorpusKey {
    id: Option<String>,
    url: Option<String>,
}

/// A corpus record's text.
#[derive(Deserialize)]
struct CorpusText {
    text: String,
}

/// Whether `name` is a plain file name (no directory, no `..`): labels name files of the corpus
/// directory only.
fn plain_name(name: &str) -> bool {
    let mut components = Path::new(name).components();
    matches!(components.next(), Some(Component::Normal(_))) && components.next().is_none()
}

/// The texts of the records named in `wanted` (keys by corpus file), read from `dir`; an
/// unreadable file's name maps to its error.
fn load_texts(
    dir: &Path,
    wanted: &BTreeMap<&str, HashSet<&str>>,
) -> (HashMap<(String, String), String>, HashMap<String, String>) {
    let mut texts = HashMap::new();
    let mut failed = HashMap::new();
    for (file, keys) in wanted {
        if !plain_name(file) {
            failed.insert(
                file.to_string(),
                format!("`{file}` is not the name of a file in the corpus directory"),
            );
            continue;
        }
        let path = dir.join(file);
        let result = (|| -> io::Result<()> {
            let mut reader = BufReader::new(File::open(&path)?);
            let mut buf = Vec::new();
            loop {
                buf.clear();
                if reader.read_until(b'\n', &mut buf)? == 0 {
                    break;
                }
                let Ok(key) = serde_json::from_slice::<CorpusKey>(&buf) else {
                    continue;
                };
                let Some(key) = key.id.or(key.url) else {
                    continue;
                };
                let id = (file.to_string(), key);
                if keys.contains(id.1.as_str()) && !texts.contains_key(&id) {
                    if let Ok(record) = serde_json::from_slice::<CorpusText>(&buf) {
                        texts.insert(id, record.text);
                    }
                }
            }
            Ok(())
        })();
        if let Err(err) = result {
            failed.insert(
                file.to_string(),
                format!("corpus file {}: {err}", path.display()),
            );
        }
    }
    (texts, failed)
}

/// The corpus directory: as given, or the labels file's parent's parent.
fn corpus_dir(settings: &Settings, labels: &Path) -> io::Result<PathBuf> {
    if let Some(dir) = &settings.corpus_dir {
        return Ok(dir.clone());
    }
    let labels = std::fs::canonicalize(labels)?;
    labels
        .parent()
        .and_then(Path::parent)
        .map(Path::to_path_buf)
        .ok_or_else(|| {
            io::Error::other("the labels file has no grandparent directory: give --corpus-dir")
        })
}

/// Scores one label record against its article's text.
fn score_record(record: &LabelRecord, text: &str, misses: usize, board: &mut Board) {
    let chars = CharMap::new(text);
    if let Err(message) = check_spans(&record.labels, text, &chars) {
        board.error(Some(record.line), Some(&record.key), message);
        return;
    }
    board.records = board.records.saturating_add(1);
    let language = board.languages.entry(record.lang.clone()).or_default();
    language.records = language.records.saturating_add(1);
    if !record.complete {
        return;
    }
    let options = ArticleOptions::new().with_reference(record.publication_date);
    let dated = date_article(text, &options);
    let reported: Vec<Reported> = dated
        .body_dates
        .iter()
        .map(|body| Reported::of(body, &chars))
        .collect();
    let scored = score(&record.labels, &reported);
    language.scored = language.scored.saturating_add(1);
    for (kind, tally) in &scored.kinds {
        language.kinds.entry(kind).or_default().add(tally);
    }
    board.scored = board.scored.saturating_add(1);
    let miss = |index: usize, found: &[usize]| {
        record.labels.get(index).map(|label| Miss {
            labels: board.current.clone(),
            line: record.line,
            file: record.file.clone(),
            id: record.key.clone(),
            lang: record.lang.clone(),
            label: label.clone(),
            context: context(text, label.start, label.end),
            reported: found
                .iter()
                .filter_map(|&i| reported.get(i).cloned())
                .collect(),
        })
    };
    // Named days and lunar dates belong to another issue: not listed.
    let listed = |index: &usize| {
        record
            .labels
            .get(*index)
            .is_some_and(|label| !APART_KINDS.contains(&label.kind))
    };
    for index in scored.missed.iter().filter(|i| listed(i)) {
        if board.missed.len() < misses {
            board.missed.extend(miss(*index, &[]));
        }
    }
    for (index, found) in scored.wrong.iter().filter(|(i, _)| listed(i)) {
        if board.wrong.len() < misses {
            board.wrong.extend(miss(*index, found));
        }
    }
}

/// Scores one labels file into `board`.
fn score_file(settings: &Settings, path: &Path, board: &mut Board) {
    board.current = path.display().to_string();
    let first_error = board.errors.len();
    let records = match read_labels(path, board) {
        Ok(records) => records,
        Err(err) => {
            board.error(None, None, err.to_string());
            board.files.push((board.current.clone(), None));
            return;
        }
    };
    let dir = match corpus_dir(settings, path) {
        Ok(dir) => dir,
        Err(err) => {
            board.error(None, None, err.to_string());
            board.files.push((board.current.clone(), None));
            return;
        }
    };
    board.files.push((board.current.clone(), Some(dir.clone())));
    let mut wanted: BTreeMap<&str, HashSet<&str>> = BTreeMap::new();
    for record in &records {
        wanted
            .entry(record.file.as_str())
            .or_default()
            .insert(record.key.as_str());
    }
    let (texts, failed) = load_texts(&dir, &wanted);
    for record in &records {
        if let Some(message) = failed.get(&record.file) {
            board.error(Some(record.line), Some(&record.key), message.clone());
            continue;
        }
        match texts.get(&(record.file.clone(), record.key.clone())) {
            Some(text) => score_record(record, text, settings.misses, board),
            None => board.error(
                Some(record.line),
                Some(&record.key),
                format!(
                    "no article `{}` in {}",
                    record.key,
                    dir.join(&record.file).display()
                ),
            ),
        }
    }
    if let Some(errors) = board.errors.get_mut(first_error..) {
        errors.sort_by_key(|err| err.line);
    }
}

/// Runs `eval --labels`: writes the table (or the JSON object) to `out`, errors to stderr.
/// `Ok(false)` when a labels file or a line of one could not be read or scored.
pub fn run(settings: &Settings, out: &mut impl Write) -> io::Result<bool> {
    let mut board = Board::default();
    for path in &settings.labels {
        score_file(settings, path, &mut board);
    }
    for err in &board.errors {
        let at = err.line.map_or(String::new(), |line| format!(":{line}"));
        let id = err
            .id
            .as_deref()
            .map_or(String::new(), |id| format!(" (id {id})"));
        eprintln!("kcna-dates eval: {}{at}: {}{id}", err.labels, err.message);
    }
    if settings.json {
        writeln!(out, "{}", to_json(&board, settings.misses))?;
    } else {
        write_table(&board, out)?;
        if settings.misses > 0 {
            for miss in &board.missed {
                writeln!(out, "{}", miss.line_text("missed"))?;
            }
            for miss in &board.wrong {
                writeln!(out, "{}", miss.line_text("wrong"))?;
            }
        }
    }
    note!(
        "kcna-dates eval: {}: {} label records read, {} scored (complete), {}",
        plural(board.files.len(), "labels file", "labels files"),
        board.records,
        board.scored,
        plural(board.errors.len(), "error", "errors"),
    );
    Ok(board.errors.is_empty())
}

/// `1 error`, `2 errors`.
fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// `found/of pct%`, or `-` when `of` is 0.
fn cell(found: u64, of: u64) -> String {
    if of == 0 {
        "-".to_owned()
    } else {
        format!("{found}/{of} {:.1}%", 100.0 * found as f64 / of as f64)
    }
}

/// The table: one row per language and kind, then the language's total. `future found` is the
/// day recall of the future labels, the denominator of `future right`.
fn write_table(board: &Board, out: &mut impl Write) -> io::Result<()> {
    let names: Vec<&str> = board.files.iter().map(|(name, _)| name.as_str()).collect();
    writeln!(
        out,
        "body dates against {}: {} articles, {} complete and scored; named_day and lunar are left out of each total",
        names.join(", "),
        board.records,
        board.scored
    )?;
    writeln!(
        out,
        "{:<4} {:<13} {:>14} {:>14} {:>14} {:>14} {:>14} {:>14}",
        "lang",
        "kind",
        "day recall",
        "right of found",
        "future found",
        "future right",
        "month recall",
        "invented"
    )?;
    let row = |out: &mut dyn Write, lang: &str, kind: &str, t: &Tally| {
        writeln!(
            out,
            "{:<4} {:<13} {:>14} {:>14} {:>14} {:>14} {:>14} {:>14}",
            lang,
            kind,
            cell(t.day_found, t.day_labels),
            cell(t.day_right, t.day_found),
            cell(t.future_found, t.future_labels),
            cell(t.future_right, t.future_found),
            cell(t.month_found, t.month_labels),
            cell(t.invented, t.reported),
        )
    };
    for (lang, language) in board.languages() {
        let rows = language.rows();
        for (kind, tally) in rows.iter().filter(|(k, _)| !APART_KINDS.contains(k)) {
            row(out, lang, kind, tally)?;
        }
        row(out, lang, "total", &language.total())?;
        for (kind, tally) in rows.iter().filter(|(k, _)| APART_KINDS.contains(k)) {
            row(out, lang, kind, tally)?;
        }
    }
    Ok(())
}

/// The one JSON object of `--json`.
fn to_json(board: &Board, misses: usize) -> Value {
    let languages: Vec<Value> = board
        .languages()
        .into_iter()
        .map(|(lang, language)| {
            let kinds: Vec<Value> = language
                .rows()
                .into_iter()
                .map(|(kind, tally)| {
                    let mut obj = Map::new();
                    obj.insert("kind".into(), kind.into());
                    obj.insert("in_total".into(), (!APART_KINDS.contains(&kind)).into());
                    if let Value::Object(fields) = tally.to_json() {
                        obj.extend(fields);
                    }
                    Value::Object(obj)
                })
                .collect();
            json!({
                "lang": lang,
                "records": language.records,
                "scored": language.scored,
                "kinds": kinds,
                "total": language.total().to_json(),
            })
        })
        .collect();
    let errors: Vec<Value> = board
        .errors
        .iter()
        .map(
            |err| json!({"file": err.labels, "line": err.line, "id": err.id, "error": err.message}),
        )
        .collect();
    let files: Vec<Value> = board
        .files
        .iter()
        .map(|(name, dir)| {
            json!({"file": name, "corpus_dir": dir.as_ref().map(|d| d.display().to_string())})
        })
        .collect();
    let mut obj = Map::new();
    obj.insert("labels".into(), files.into());
    obj.insert("records".into(), board.records.into());
    obj.insert("scored".into(), board.scored.into());
    obj.insert("languages".into(), languages.into());
    obj.insert("errors".into(), errors.into());
    if misses > 0 {
        let list = |misses: &[Miss]| misses.iter().map(Miss::to_json).collect::<Vec<_>>();
        obj.insert("missed".into(), list(&board.missed).into());
        obj.insert("wrong".into(), list(&board.wrong).into());
    }
    Value::Object(obj)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn label(span: (usize, usize), kind: &'static str, meaning: Meaning) -> Label {
        let precision = match meaning {
            Meaning::Month { .. } => Precision::Month,
            _ => Precision::Day,
        };
        Label {
            start: span.0,
            end: span.1,
            text: String::new(),
            kind,
            precision,
            meaning,
            future: false,
        }
    }

    fn future(mut label: Label) -> Label {
        label.future = true;
        label
    }

    fn day(span: (usize, usize), kind: &'static str, date: NaiveDate) -> Reported {
        Reported {
            start: span.0,
            end: span.1,
            kind,
            precision: Precision::Day,
            date: Some(date),
            month: None,
            recurring: false,
            text: String::new(),
        }
    }

    fn month(span: (usize, usize), year: i32, month: u32) -> Reported {
        Reported {
            start: span.0,
            end: span.1,
            kind: "month",
            precision: Precision::Month,
            date: None,
            month: Some((year, month)),
            recurring: false,
            text: String::new(),
        }
    }

    fn tally(scored: &Scored, kind: &str) -> Tally {
        scored.kinds.get(kind).copied().unwrap_or_default()
    }

    #[test]
    fn a_matched_right_day() {
        let labels = [label((10, 20), "month_day", Meaning::Day(ymd(2012, 11, 3)))];
        let scored = score(&labels, &[day((10, 20), "month_day", ymd(2012, 11, 3))]);
        let t = tally(&scored, "month_day");
        assert_eq!((t.day_labels, t.day_found, t.day_right), (1, 1, 1));
        assert_eq!((t.reported, t.invented), (1, 0));
        assert!(scored.missed.is_empty() && scored.wrong.is_empty());
    }

    #[test]
    fn a_wrong_day_is_found_but_not_right() {
        let labels = [label(
            (10, 20),
            "month_day",
            Meaning::Day(ymd(2012, 11, 18)),
        )];
        let scored = score(&labels, &[day((10, 20), "month_day", ymd(2011, 11, 18))]);
        let t = tally(&scored, "month_day");
        assert_eq!((t.day_labels, t.day_found, t.day_right), (1, 1, 0));
        assert_eq!(scored.wrong, vec![(0, vec![0])]);
        assert!(scored.missed.is_empty());
    }

    #[test]
    fn a_miss() {
        let labels = [label(
            (0, 5),
            "relative_day",
            Meaning::Day(ymd(2012, 11, 16)),
        )];
        let scored = score(&labels, &[]);
        let t = tally(&scored, "relative_day");
        assert_eq!((t.day_labels, t.day_found, t.reported), (1, 0, 0));
        assert_eq!(scored.missed, vec![0]);
    }

    #[test]
    fn an_invented_date_counts_under_its_reported_kind() {
        let labels = [label((0, 5), "day", Meaning::Day(ymd(2012, 11, 16)))];
        let scored = score(&labels, &[day((30, 40), "weekday", ymd(2012, 11, 12))]);
        assert_eq!(tally(&scored, "weekday").reported, 1);
        assert_eq!(tally(&scored, "weekday").invented, 1);
        assert_eq!(tally(&scored, "day").day_found, 0);
    }

    #[test]
    fn a_month_is_found_only_by_a_month() {
        let labels = [
            label(
                (0, 12),
                "month",
                Meaning::Month {
                    year: 2012,
                    month: 10,
                },
            ),
            label(
                (20, 30),
                "month",
                Meaning::Month {
                    year: 2012,
                    month: 9,
                },
            ),
        ];
        // The first by a month body date; the second only by a day-precise one.
        let reported = [
            month((3, 15), 2012, 10),
            day((20, 30), "month_day", ymd(2012, 9, 1)),
        ];
        let scored = score(&labels, &reported);
        let t = tally(&scored, "month");
        assert_eq!((t.month_labels, t.month_found), (2, 1));
        assert_eq!(scored.missed, vec![1]);
        // Neither body date is invented: both overlap a label.
        assert_eq!(tally(&scored, "month").invented, 0);
        assert_eq!(tally(&scored, "month_day").invented, 0);
        // A day label is not found by a month body date.
        let labels = [label((0, 12), "month_day", Meaning::Day(ymd(2012, 10, 1)))];
        let scored = score(&labels, &[month((0, 12), 2012, 10)]);
        assert_eq!(tally(&scored, "month_day").day_found, 0);
    }

    #[test]
    fn future_labels_are_counted_apart_too() {
        let labels = [
            future(label((0, 10), "month_day", Meaning::Day(ymd(2012, 11, 18)))),
            future(label(
                (20, 30),
                "month_day",
                Meaning::Day(ymd(2012, 11, 20)),
            )),
            future(label((40, 50), "weekday", Meaning::Day(ymd(2012, 11, 19)))),
            label((60, 70), "month_day", Meaning::Day(ymd(2012, 11, 3))),
        ];
        let reported = [
            day((0, 10), "month_day", ymd(2011, 11, 18)),
            day((20, 30), "month_day", ymd(2012, 11, 20)),
            day((60, 70), "month_day", ymd(2012, 11, 3)),
        ];
        let scored = score(&labels, &reported);
        let t = tally(&scored, "month_day");
        assert_eq!((t.future_labels, t.future_found, t.future_right), (2, 2, 1));
        assert_eq!((t.day_labels, t.day_found, t.day_right), (3, 3, 2));
        let w = tally(&scored, "weekday");
        assert_eq!((w.future_labels, w.future_found), (1, 0));
    }

    #[test]
    fn a_recurring_value_is_right_only_when_reported_as_recurring() {
        let labels = [label(
            (0, 8),
            "month_day",
            Meaning::Recurring { month: 4, day: 15 },
        )];
        let mut reported = day((0, 8), "month_day", ymd(2012, 4, 15));
        let scored = score(&labels, std::slice::from_ref(&reported));
        assert_eq!(tally(&scored, "month_day").day_right, 0);
        reported.recurring = true;
        let scored = score(&labels, std::slice::from_ref(&reported));
        assert_eq!(tally(&scored, "month_day").day_right, 1);
        // A recurring report of a one-day label is wrong.
        let labels = [label((0, 8), "month_day", Meaning::Day(ymd(2012, 4, 15)))];
        let scored = score(&labels, &[reported]);
        assert_eq!(tally(&scored, "month_day").day_right, 0);
    }

    #[test]
    fn overlap_rules() {
        // Half-open spans: touching is not overlapping; one shared character is.
        assert!(!overlaps((0, 5), (5, 9)));
        assert!(!overlaps((5, 9), (0, 5)));
        assert!(overlaps((0, 5), (4, 9)));
        assert!(overlaps((2, 3), (0, 9)));
        assert!(!overlaps((3, 3), (0, 9)), "an empty span overlaps nothing");
        // `on November 3` labelled, `November 3` reported: found.
        let labels = [label((0, 13), "month_day", Meaning::Day(ymd(2012, 11, 3)))];
        let scored = score(&labels, &[day((3, 13), "month_day", ymd(2012, 11, 3))]);
        assert_eq!(tally(&scored, "month_day").day_right, 1);
        // Two body dates on one label: right when either gives the value.
        let reported = [
            day((0, 5), "weekday", ymd(2012, 11, 2)),
            day((6, 13), "month_day", ymd(2012, 11, 3)),
        ];
        let scored = score(&labels, &reported);
        let t = tally(&scored, "month_day");
        assert_eq!((t.day_labels, t.day_found, t.day_right), (1, 1, 1));
        // Adjacent: not found, and invented.
        let scored = score(&labels, &[day((13, 20), "month_day", ymd(2012, 11, 3))]);
        assert_eq!(tally(&scored, "month_day").day_found, 0);
        assert_eq!(tally(&scored, "month_day").invented, 1);
    }

    #[test]
    fn page_signals_and_unknown_values_are_not_scored_but_not_invented() {
        let labels = [
            label((11, 22), "dateline", Meaning::Day(ymd(2012, 11, 17))),
            label((40, 50), "relative_day", Meaning::Unknown),
        ];
        let reported = [
            day((11, 22), "month_day", ymd(2012, 11, 17)),
            day((40, 50), "weekday", ymd(2012, 11, 12)),
        ];
        let scored = score(&labels, &reported);
        assert!(tally(&scored, "dateline").is_empty());
        assert_eq!(tally(&scored, "relative_day").day_labels, 0);
        assert_eq!(tally(&scored, "month_day").invented, 0);
        assert_eq!(tally(&scored, "weekday").invented, 0);
        assert!(scored.missed.is_empty());
    }

    #[test]
    fn named_days_and_lunar_dates_are_left_out_of_the_total() {
        let labels = [
            label((0, 5), "named_day", Meaning::Day(ymd(2012, 4, 15))),
            label((10, 15), "lunar", Meaning::Day(ymd(2012, 9, 30))),
            label((20, 25), "day", Meaning::Day(ymd(2012, 11, 8))),
        ];
        let scored = score(&labels, &[day((0, 5), "month_day", ymd(2012, 4, 15))]);
        let mut language = Language::default();
        for (kind, tally) in &scored.kinds {
            language.kinds.entry(kind).or_default().add(tally);
        }
        let total = language.total();
        assert_eq!((total.day_labels, total.day_found), (1, 0));
        assert_eq!(total.reported, 1, "reported dates count by their own kind");
        let kinds: Vec<&str> = language.rows().iter().map(|(k, _)| *k).collect();
        assert_eq!(kinds, ["month_day", "day", "named_day", "lunar"]);
    }

    #[test]
    fn byte_spans_become_character_offsets_in_korean_text() {
        let text = "(평양 7월 18일발 조선중앙통신) 회의는 7월 17일에 열렸다.";
        let chars = CharMap::new(text);
        assert_eq!(chars.len(), text.chars().count());
        assert_eq!(chars.char_at(0), 0);
        assert_eq!(chars.char_at(text.len()), chars.len());
        // `평` is 3 bytes: byte 4 is the start of the third character.
        assert_eq!(chars.char_at(4), 2);
        let dated = date_article(
            text,
            &ArticleOptions::new().with_reference(ymd(2026, 7, 18)),
        );
        let reported: Vec<Reported> = dated
            .body_dates
            .iter()
            .map(|b| Reported::of(b, &chars))
            .collect();
        assert_eq!(reported.len(), 1, "{reported:?}");
        let r = &reported[0];
        // Python: text.index("7월 17일") == 24.
        assert_eq!((r.start, r.end), (24, 30));
        let spanned: String = text.chars().skip(r.start).take(r.end - r.start).collect();
        assert_eq!(spanned, "7월 17일");
        assert_eq!((r.kind, r.date), ("month_day", Some(ymd(2026, 7, 17))));
        let labels = [label((24, 30), "month_day", Meaning::Day(ymd(2026, 7, 17)))];
        assert_eq!(tally(&score(&labels, &reported), "month_day").day_right, 1);
    }

    #[test]
    fn body_kind_names_each_resolution() {
        let text = "Pyongyang, November 17 (KCNA) -- It arrived on Monday. It met on November 3 \
                    and on Friday, November 16, and in October 2012, and on November 7, 2011.";
        let dated = date_article(
            text,
            &ArticleOptions::new().with_reference(ymd(2012, 11, 17)),
        );
        let kinds: Vec<(&str, &str)> = dated
            .body_dates
            .iter()
            .map(|b| (b.text.as_str(), body_kind(b)))
            .collect();
        assert_eq!(
            kinds,
            [
                ("Monday", "weekday"),
                ("November 3", "month_day"),
                ("Friday, November 16", "month_day"),
                ("October 2012", "month"),
                ("November 7, 2011", "full_date"),
            ]
        );
        let precisions: Vec<Precision> = dated.body_dates.iter().map(body_precision).collect();
        assert_eq!(precisions[3], Precision::Month);
        assert_eq!(precisions[0], Precision::Day);
    }

    const LINE: &str = r#"{"file": "a.jsonl", "id": "x", "lang": "en", "publication_date": "2012-11-17", "complete": true, "expressions": [{"text": "November 18", "start": 3, "end": 14, "precision": "day", "value": "2012-11-18", "kind": "month_day", "tense": "future"}, {"text": "April 15", "start": 20, "end": 28, "precision": "day", "value": "--04-15", "kind": "named_day", "tense": "none"}, {"text": "late April", "start": 30, "end": 40, "precision": "month", "value": "2012-04", "kind": "month", "tense": "past"}, {"text": "today", "start": 50, "end": 55, "precision": "day", "value": null, "kind": "relative_day", "tense": "none"}]}"#;

    #[test]
    fn a_label_line_is_read_and_checked() {
        let record = read_label_line(7, LINE.as_bytes()).unwrap().unwrap();
        assert_eq!(record.line, 7);
        assert_eq!(
            (record.file.as_str(), record.key.as_str()),
            ("a.jsonl", "x")
        );
        assert_eq!(record.publication_date, ymd(2012, 11, 17));
        let meanings: Vec<Meaning> = record.labels.iter().map(|l| l.meaning).collect();
        assert_eq!(
            meanings,
            [
                Meaning::Day(ymd(2012, 11, 18)),
                Meaning::Recurring { month: 4, day: 15 },
                Meaning::Month {
                    year: 2012,
                    month: 4
                },
                Meaning::Unknown,
            ]
        );
        assert!(record.labels[0].future && !record.labels[2].future);
        assert_eq!(read_label_line(1, b"  \r").unwrap(), None);
        // `url` in place of `id`.
        let url = LINE.replace(r#""id": "x""#, r#""url": "http://u""#);
        assert_eq!(
            read_label_line(1, url.as_bytes()).unwrap().unwrap().key,
            "http://u"
        );
    }

    #[test]
    fn a_bad_label_line_says_why() {
        let cases = [
            ("{", "not a label record"),
            (r#""id": "x""#, "neither `id` nor `url`"),
            ("2012-11-18", "value"),
            ("--04-15", "no day of the year"),
            ("2012-04", "not YYYY-MM"),
            (r#""kind": "month_day""#, "unknown kind"),
            (r#""tense": "future""#, "unknown tense"),
            (r#""start": 3"#, "after end"),
        ];
        let replacements = [
            ("{", "{"),
            (r#""id": "x""#, r#""idx": "x""#),
            ("2012-11-18", "2012-11-31"),
            ("--04-15", "--02-30"),
            ("2012-04", "2012-13"),
            (r#""kind": "month_day""#, r#""kind": "monthday""#),
            (r#""tense": "future""#, r#""tense": "later""#),
            (r#""start": 3"#, r#""start": 30"#),
        ];
        for ((_, want), (from, to)) in cases.iter().zip(replacements) {
            let line = if from == "{" {
                "{".to_owned()
            } else {
                LINE.replacen(from, to, 1)
            };
            let err = read_label_line(1, line.as_bytes()).unwrap_err();
            assert!(err.contains(want), "{line}: {err}");
        }
        assert!(read_label_line(1, b"\xff").unwrap_err().contains("UTF-8"));
    }

    #[test]
    fn label_spans_are_checked_against_the_text() {
        let text = "회의는 7월 17일에";
        let chars = CharMap::new(text);
        let mut good = label((4, 10), "month_day", Meaning::Day(ymd(2026, 7, 17)));
        good.text = "7월 17일".into();
        assert_eq!(
            check_spans(std::slice::from_ref(&good), text, &chars),
            Ok(())
        );
        let mut shifted = good.clone();
        shifted.start = 3;
        assert!(check_spans(&[shifted], text, &chars).is_err());
        let mut long = good;
        long.end = 99;
        assert!(check_spans(&[long], text, &chars).is_err());
    }

    #[test]
    fn context_is_around_the_label_on_one_line() {
        let text = format!("{}\nabc DATE def\n{}", "x".repeat(50), "y".repeat(50));
        let start = 55;
        let got = context(&text, start, start + 4);
        assert_eq!(got.chars().count(), 84);
        assert!(got.contains(" abc DATE def "), "{got}");
        assert!(!got.contains('\n'));
        assert_eq!(context("ab", 0, 2), "ab");
    }

    #[test]
    fn only_plain_file_names_name_corpus_files() {
        assert!(plain_name("a.jsonl"));
        assert!(!plain_name("../a.jsonl"));
        assert!(!plain_name("/etc/passwd"));
        assert!(!plain_name("sub/a.jsonl"));
        assert!(!plain_name(""));
    }
}
