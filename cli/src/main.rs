//! `kcna-dates`: parse, scan and date KCNA text from the command line. See `kcna-dates --help`.

mod eval;
mod input;
mod output;
mod record;

use std::io::{self, BufWriter, Write};
use std::num::NonZeroUsize;
use std::path::PathBuf;
use std::process::ExitCode;

use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand};
use kcna_dates::{DEFAULT_GRACE_DAYS, Notation, date_article, scan};
use serde_json::{Map, Value};

use crate::input::{Body, Item, Mode, Reader};
use crate::record::RecordSpec;

/// Read the dates of North Korean state-media (KCNA) text.
///
/// Output is JSON (one object per line); every date is ISO `YYYY-MM-DD`. Commands that read
/// FILEs read standard input when none is given (`-` also names it). Large inputs are streamed in
/// bounded batches and worked on by several threads; the output keeps the input order. A progress
/// bar is drawn on stderr only when stderr is a terminal, and a one-line summary is written to
/// stderr at the end.
///
/// An unreadable record (bad JSON, a missing or non-string text field, invalid UTF-8) or a
/// missing file gives an error object `{"file": …, "line": N, "error": "…"}` in the output, and the
/// run goes on; the exit code is then 1.
#[derive(Parser, Debug)]
#[command(name = "kcna-dates", version)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Parse one notation; print it as a JSON object.
    ///
    /// Prints kind, date (ISO or null), juche (the Juche form of the date, from 1912 on),
    /// text (canonical) and the notation's fields: place/month/day/agency for a dateline,
    /// weekday and juche_year for a month-name date, juche_year/month/day for a Juche stamp,
    /// juche_year/gregorian_year/gregorian_given for a Juche year. On error, prints
    /// {"error": message, "kind": …, "start": byte, "end": byte} and exits with 1.
    Parse {
        /// The notation, e.g. 'Pyongyang, November 8 (KCNA) --' or 'Juche111.11.8.' (quote it).
        text: String,
    },
    /// List every notation found in the text, one JSON object per line.
    ///
    /// Each object has file, line, start, end (byte offsets: in the file for plain text, in the
    /// record's text with --jsonl), kind, text, date (ISO or null), valid, and error (the reason
    /// an invalid candidate is not a date; null when valid). With --jsonl it also has id when
    /// --id-field is given.
    Scan {
        #[command(flatten)]
        input: InputArgs,
    },
    /// Date articles: one JSON object per article.
    ///
    /// A plain FILE is one article (line 1); with --jsonl every line is a record. Each object
    /// has file, line, id (with --id-field), reference, publication_date, source (the signal that
    /// gave it), signals, conflicts, body_dates and invalid.
    Date {
        #[command(flatten)]
        input: InputArgs,
        #[command(flatten)]
        dating: DatingArgs,
    },
    /// Compare the publication date with each JSON Lines record's `known_date` field.
    ///
    /// Input is always JSON Lines (--jsonl is implied). Prints a table (one row per file, and a
    /// total row for several files) and then one JSON line {"files": [...], "total": {...}} with
    /// the counts: records, with_known_date, dated, dated_exactly,
    /// dated_wrongly_with_conflict, dated_wrongly_without_conflict, not_dated, dated_same_year,
    /// errors (and dated_all, with_conflicts_all over all records). With --json only JSON lines
    /// are printed. Error objects of unreadable records and, with --show-wrong, the wrongly
    /// dated records are printed before the table, as they come (tab-separated text lines, or
    /// JSON objects with "wrong": true under --json).
    Eval {
        #[command(flatten)]
        input: InputArgs,
        #[command(flatten)]
        dating: DatingArgs,
        /// Print JSON only: no table.
        #[arg(long)]
        json: bool,
        /// List every record dated differently from its known_date (id, url, title, both dates,
        /// the signal that gave the date, and whether a conflict was reported).
        #[arg(long)]
        show_wrong: bool,
    },
}

#[derive(Args, Debug)]
struct InputArgs {
    /// Input files (standard input when none; `-` is standard input).
    files: Vec<PathBuf>,
    /// Read JSON Lines: each line is a record with the article text in --text-field.
    #[arg(long)]
    jsonl: bool,
    /// The field of a JSON Lines record that holds the text.
    #[arg(long, default_value = "text", value_name = "NAME")]
    text_field: String,
    /// A field of a JSON Lines record copied to the output as `id`.
    #[arg(long, value_name = "NAME")]
    id_field: Option<String>,
    /// Worker threads (default: the number of CPUs).
    #[arg(long, value_name = "N")]
    threads: Option<NonZeroUsize>,
}

#[derive(Args, Debug)]
struct DatingArgs {
    /// Reference date (YYYY-MM-DD) to resolve datelines against when the text has no stamp.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date, conflicts_with = "reference_field")]
    reference: Option<NaiveDate>,
    /// A field of each JSON Lines record that holds the reference date (YYYY-MM-DD); a record
    /// without it (or with null) has no reference, one with a malformed date is an error.
    #[arg(long, value_name = "NAME")]
    reference_field: Option<String>,
    /// Days added to the reference date (from --reference-field or --reference); may be negative.
    #[arg(
        long,
        value_name = "N",
        default_value_t = 0,
        allow_negative_numbers = true
    )]
    reference_offset_days: i64,
    /// How many days the reference date may run behind a dateline.
    #[arg(long, value_name = "N", default_value_t = DEFAULT_GRACE_DAYS)]
    grace_days: u32,
}

fn parse_date(text: &str) -> Result<NaiveDate, String> {
    record::parse_iso(text)
}

/// Running totals for the summary line.
#[derive(Default)]
struct Tally {
    records: u64,
    dated: u64,
    conflicts: u64,
    notations: u64,
    invalid: u64,
    errors: u64,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Parse { text } => return parse_command(&text),
        Command::Scan { input } => scan_command(&input),
        Command::Date { input, dating } => date_command(&input, &dating),
        Command::Eval {
            input,
            dating,
            json,
            show_wrong,
        } => eval_command(&input, &dating, json, show_wrong),
    };
    match result {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(err) if err.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("kcna-dates: {err}");
            ExitCode::FAILURE
        }
    }
}

fn parse_command(text: &str) -> ExitCode {
    let (value, code) = match text.parse::<Notation>() {
        Ok(notation) => (output::notation(text, &notation), ExitCode::SUCCESS),
        Err(err) => (output::error_object(&err), ExitCode::FAILURE),
    };
    let mut stdout = io::stdout().lock();
    match writeln!(stdout, "{value}") {
        Err(err) if err.kind() != io::ErrorKind::BrokenPipe => {
            eprintln!("kcna-dates: {err}");
            ExitCode::FAILURE
        }
        _ => code,
    }
}

fn threads(input: &InputArgs) -> usize {
    input
        .threads
        .or_else(|| std::thread::available_parallelism().ok())
        .map_or(1, NonZeroUsize::get)
}

fn spec(input: &InputArgs, dating: Option<&DatingArgs>) -> RecordSpec {
    RecordSpec {
        text_field: input.text_field.clone(),
        id_field: input.id_field.clone(),
        reference: dating.and_then(|d| d.reference),
        reference_field: dating.and_then(|d| d.reference_field.clone()),
        reference_offset_days: dating.map_or(0, |d| d.reference_offset_days),
        grace_days: dating.map_or(DEFAULT_GRACE_DAYS, |d| d.grace_days),
    }
}

/// The start of every output object: file, line, and (with --id-field) id.
fn head(item: &Item, id: Option<Value>) -> Map<String, Value> {
    let mut out = Map::new();
    out.insert("file".into(), (&*item.file).into());
    out.insert(
        "line".into(),
        if item.line == 0 {
            Value::Null
        } else {
            item.line.into()
        },
    );
    if let Some(id) = id {
        out.insert("id".into(), id);
    }
    out
}

/// An error object for an item, as a line.
fn error_line(item: &Item, message: &str) -> String {
    let mut out = head(item, None);
    out.insert("error".into(), message.into());
    let mut line = Value::Object(out).to_string();
    line.push('\n');
    line
}

/// What a worker hands back for one item.
#[derive(Default)]
struct Done {
    text: String,
    records: u64,
    dated: bool,
    conflict: bool,
    notations: u64,
    invalid: u64,
    error: bool,
}

impl Done {
    fn failed(item: &Item, message: &str) -> Done {
        Done {
            text: error_line(item, message),
            records: 1,
            error: true,
            ..Done::default()
        }
    }
}

fn summary(command: &str, tally: &Tally, detail: &str) {
    eprintln!(
        "kcna-dates {command}: {} records, {detail}{} errors",
        tally.records, tally.errors
    );
}

/// Runs a streaming command: `work` makes each item's output and counts, written in order.
fn stream<W>(input: &InputArgs, mode: Mode, work: W) -> io::Result<Tally>
where
    W: Fn(&Item) -> Done + Sync,
{
    let mut reader = Reader::new(&input.files, mode);
    let progress = input::progress_bar(&reader);
    let mut stdout = BufWriter::with_capacity(1 << 16, io::stdout().lock());
    let mut tally = Tally::default();
    let result = input::run(&mut reader, threads(input), &progress, work, |_, done| {
        tally.records = tally.records.saturating_add(done.records);
        tally.dated = tally.dated.saturating_add(u64::from(done.dated));
        tally.conflicts = tally.conflicts.saturating_add(u64::from(done.conflict));
        tally.notations = tally.notations.saturating_add(done.notations);
        tally.invalid = tally.invalid.saturating_add(done.invalid);
        tally.errors = tally.errors.saturating_add(u64::from(done.error));
        stdout.write_all(done.text.as_bytes())
    });
    progress.finish_and_clear();
    result?;
    stdout.flush()?;
    Ok(tally)
}

fn scan_command(input: &InputArgs) -> io::Result<bool> {
    let spec = spec(input, None);
    let jsonl = input.jsonl;
    let tally = stream(input, Mode::Lines, |item| {
        let bytes = match &item.body {
            Body::Bytes(bytes) => bytes,
            Body::FileError(message) => return Done::failed(item, message),
        };
        let (text, id, offset) = if jsonl {
            match spec.json(bytes) {
                Ok(Some(record)) => (record.text, record.id, 0),
                Ok(None) => return Done::default(),
                Err(message) => return Done::failed(item, &message),
            }
        } else {
            match record::utf8(bytes) {
                Ok(text) => (text.to_owned(), None, item.offset),
                Err(message) => return Done::failed(item, &message),
            }
        };
        let mut done = Done {
            records: 1,
            ..Done::default()
        };
        for found in scan(&text) {
            let mut obj = head(item, id.clone());
            obj.extend(output::found(&text, &found, offset));
            done.text.push_str(&Value::Object(obj).to_string());
            done.text.push('\n');
            done.notations = done.notations.saturating_add(1);
            done.invalid = done.invalid.saturating_add(u64::from(!found.is_valid()));
        }
        done
    })?;
    summary(
        "scan",
        &tally,
        &format!("{} notations, {} invalid, ", tally.notations, tally.invalid),
    );
    Ok(tally.errors == 0)
}

fn date_command(input: &InputArgs, dating: &DatingArgs) -> io::Result<bool> {
    let spec = spec(input, Some(dating));
    let mode = if input.jsonl {
        Mode::Lines
    } else {
        Mode::Whole
    };
    let tally = stream(input, mode, |item| {
        let bytes = match &item.body {
            Body::Bytes(bytes) => bytes,
            Body::FileError(message) => return Done::failed(item, message),
        };
        let record = if mode == Mode::Lines {
            match spec.json(bytes) {
                Ok(Some(record)) => record,
                Ok(None) => return Done::default(),
                Err(message) => return Done::failed(item, &message),
            }
        } else {
            match spec.plain(bytes) {
                Ok(record) => record,
                Err(message) => return Done::failed(item, &message),
            }
        };
        let dated = date_article(&record.text, &record.options);
        let mut obj = head(item, record.id);
        obj.insert("reference".into(), output::iso(record.options.reference));
        output::article(&record.text, &dated, &mut obj);
        let mut text = Value::Object(obj).to_string();
        text.push('\n');
        Done {
            text,
            records: 1,
            dated: dated.publication_date.is_some(),
            conflict: !dated.conflicts.is_empty(),
            ..Done::default()
        }
    })?;
    summary(
        "date",
        &tally,
        &format!(
            "{} dated, {} with conflicts, ",
            tally.dated, tally.conflicts
        ),
    );
    Ok(tally.errors == 0)
}

fn eval_command(
    input: &InputArgs,
    dating: &DatingArgs,
    json_only: bool,
    show_wrong: bool,
) -> io::Result<bool> {
    let spec = spec(input, Some(dating));
    let mut reader = Reader::new(&input.files, Mode::Lines);
    let progress = input::progress_bar(&reader);
    let mut stdout = BufWriter::with_capacity(1 << 16, io::stdout().lock());
    let mut report = eval::Report::new(json_only, show_wrong);
    let result = input::run(
        &mut reader,
        threads(input),
        &progress,
        |item| eval::evaluate(item, &spec),
        |item, outcome| report.record(item, &outcome, &mut stdout),
    );
    progress.finish_and_clear();
    result?;
    report.finish(&mut stdout)?;
    stdout.flush()?;
    let total = report.total();
    let (records, dated, conflicts, errors) = total.summary();
    let tally = Tally {
        records,
        dated,
        conflicts,
        errors,
        ..Tally::default()
    };
    summary(
        "eval",
        &tally,
        &format!("{dated} dated, {conflicts} with conflicts, "),
    );
    Ok(!total.failed())
}
