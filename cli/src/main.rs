//! `kcna-dates`: parse, scan and date KCNA text from the command line. See `kcna-dates --help`.

mod eval;
mod hint;
mod input;
mod output;
mod record;

use std::io::{self, BufWriter, Write};
use std::num::NonZeroUsize;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::AtomicU64;

use chrono::NaiveDate;
use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Args, CommandFactory, Parser, Subcommand, ValueEnum};
use indicatif::ProgressBar;
use kcna_dates::{DEFAULT_GRACE_DAYS, Notation, date_article, scan};
use kcna_dates_edge::row::ErrorRow;
use serde_json::{Map, Value};

use crate::hint::{NoYear, NoYearTally};
use crate::input::{Body, Format, Item, Mode, Reader};
use crate::record::{Lacks, RecordError, RecordSpec};

/// Read the dates of North Korean state-media (KCNA) text.
///
/// Output is JSON (one object per line; --pretty indents it); every date is ISO `YYYY-MM-DD`.
/// Commands that read FILEs read standard input when none is given (`-` also names it). A file
/// whose name ends in .jsonl or .ndjson is read as JSON Lines (one record per line); other files
/// and standard input are plain text unless --jsonl is given. A file whose name ends in .gz is
/// read decompressed (a.jsonl.gz is JSON Lines, a.txt.gz plain text). A UTF-8 byte-order mark at the
/// start of an input is dropped. Large inputs are streamed in bounded batches and worked on by
/// several threads; the output keeps the input order. A progress bar is drawn on stderr only
/// when stderr is a terminal, and a one-line summary is written to stderr at the end.
///
/// An unreadable record (bad JSON, a missing or non-string text field, invalid UTF-8, a bad
/// reference date) or a missing file gives an error object {"file": …, "line": N, "error": "…"}
/// in the output (with the record's id and reference when they could be read), and the run goes
/// on; the exit code is then 1.
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
    /// Prints input, kind, date (ISO or null), juche (the Juche form of the date, from 1912
    /// on), text (canonical) and the notation's fields: place/month/day/agency/edition for a
    /// dateline; juche_year/month/day for a Juche stamp; year/month/day for a dated notation,
    /// with weekday and juche_year for a month-name date and year_style (gregorian, juche,
    /// juche_gregorian) for a Korean or Spanish date; juche_year/gregorian_year/gregorian_given
    /// for a Juche year (Korean or not). On error, prints
    /// {"error": message, "kind": …, "start": byte, "end": byte} and exits with 1.
    Parse {
        /// The notation, e.g. 'Pyongyang, November 8 (KCNA) --' or 'Juche111.11.8.' (quote it).
        text: String,
        /// Indent the JSON over several lines.
        #[arg(long)]
        pretty: bool,
    },
    /// List every notation found in the text, one JSON object per line.
    ///
    /// Each object has file, line, (offset: plain text only, the byte offset of the line in the
    /// file), start, end (byte offsets in the line, or in the record's text for JSON Lines),
    /// kind, date (ISO or null), valid, notation (canonical text; null when invalid), error
    /// (why an invalid candidate is not a date: {kind, message, start, end}; null when valid)
    /// and text (as written). For JSON Lines it also has id when --id-field is given.
    Scan {
        #[command(flatten)]
        input: InputArgs,
        /// Indent each JSON object over several lines.
        #[arg(long)]
        pretty: bool,
    },
    /// Date articles: one JSON object (or CSV row) per article.
    ///
    /// A plain FILE is one article (line 1); in JSON Lines every line is a record. Each object
    /// has file, line, id (with --id-field), reference, and the library's JSON form of the
    /// result: publication_date, source (the index in signals of the signal that gave it),
    /// doubtful, signals, agreeing, conflicts, body_dates and invalid. --format csv prints one row per
    /// article instead: file, line, id, reference, publication_date, source_kind, source_role,
    /// source_text, doubtful, signals, conflicts, conflict_days, invalid, error; a text cell that
    /// starts with =, +, -, @, a tab or a carriage return gets a leading ' (formula guard).
    Date {
        #[command(flatten)]
        input: InputArgs,
        #[command(flatten)]
        dating: DatingArgs,
        /// Indent each JSON object over several lines (JSON output only).
        #[arg(long)]
        pretty: bool,
        /// Output format.
        #[arg(long, value_enum, default_value_t = OutputFormat::Json)]
        format: OutputFormat,
    },
    /// Compare the publication date with a known date in each JSON Lines record.
    ///
    /// Input is always JSON Lines. The known date is read from --known-field (default
    /// known_date); an input where no record has it is reported on stderr and exits with 1
    /// instead of printing a table of zeros. Prints a table (one row per file, and a total row
    /// for several files) and then one JSON line {"files": [...], "total": {...}} with the
    /// counts: records, with_known_date, dated, dated_exactly, dated_wrongly_with_conflict,
    /// dated_wrongly_without_conflict, not_dated, dated_same_year, errors (and dated_all,
    /// with_conflicts_all over all records). With --json only JSON lines are printed. Error
    /// objects of unreadable records and, with --show-wrong, the wrongly dated records are
    /// printed before the table, as they come (tab-separated text lines, or JSON objects with
    /// "wrong": true under --json).
    ///
    /// With --labels FILE, scores the body dates instead, against hand labels in the format of
    /// the corpus's labels/GUIDE.md: each label line names a corpus file and a record (`id`, or
    /// `url` for files without `id`), found in --corpus-dir (default: the labels file's parent's
    /// parent); the record's text is dated with the label's publication_date as reference. A
    /// body date finds a label when their character spans overlap. Complete articles are
    /// scored, per language and per label kind: day recall (day labels with a value found by a
    /// day-precise body date), right of found (of those, given the labelled value; a recurring
    /// --MM-DD value only when reported as recurring), future right (the same for labels of
    /// tense future), month recall (month labels found by a month body date) and invented
    /// (reported body dates overlapping no label, by the reported date's kind). Dateline and
    /// stamp labels are not scored; named_day and lunar have their own rows, left out of each
    /// language's total. Prints a table, or with --json one JSON object instead. A label line
    /// that cannot be read or whose article is missing is reported on stderr (and in the JSON
    /// object's "errors") with its line number, the run goes on, and the exit code is 1.
    Eval {
        #[command(flatten)]
        input: InputArgs,
        #[command(flatten)]
        dating: DatingArgs,
        /// The field of each record that holds the known date (same forms as --reference-field).
        #[arg(long, value_name = "NAME", default_value = eval::KNOWN_FIELD)]
        known_field: String,
        /// Print JSON only: no table.
        #[arg(long)]
        json: bool,
        /// List every record dated differently from its known date (id, url, title, both dates,
        /// the signal that gave the date, and whether a conflict was reported).
        #[arg(long)]
        show_wrong: bool,
        /// Score body dates against this labels file (JSON Lines, see above) instead of
        /// comparing publication dates; may be given several times (scored together, one
        /// table). FILEs, --known-field and the reference options do not apply.
        #[arg(long, value_name = "FILE",
              conflicts_with_all = ["files", "show_wrong", "known_field", "reference", "reference_field", "reference_offset_days"])]
        labels: Vec<PathBuf>,
        /// The directory of the corpus files the labels name (default: each labels file's
        /// parent's parent).
        #[arg(long, value_name = "DIR", requires = "labels")]
        corpus_dir: Option<PathBuf>,
        /// With --labels: list up to N missed and N wrongly resolved labels after the table (in
        /// "missed" and "wrong" with --json), with their text and context.
        #[arg(long, value_name = "N", requires = "labels")]
        misses: Option<usize>,
    },
}

/// The output formats of `date`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum OutputFormat {
    /// One JSON object per article.
    Json,
    /// A header row, then one CSV row per article (RFC 4180 quoting).
    Csv,
}

#[derive(Args, Debug)]
struct InputArgs {
    /// Input files (standard input when none; `-` is standard input).
    files: Vec<PathBuf>,
    /// Read every input as JSON Lines, one record per line with its text in --text-field
    /// (without --jsonl: only files named *.jsonl or *.ndjson, never standard input).
    #[arg(long)]
    jsonl: bool,
    /// Read every input as plain text, even a file named *.jsonl.
    #[arg(long, conflicts_with = "jsonl")]
    plain: bool,
    /// The field of a JSON Lines record that holds the text.
    #[arg(long, default_value = "text", value_name = "NAME")]
    text_field: String,
    /// A field of a JSON Lines record copied to the output as `id`.
    #[arg(long, value_name = "NAME")]
    id_field: Option<String>,
    /// Worker threads, at least 1 (default: the number of CPUs).
    #[arg(long, value_name = "N", value_parser = parse_threads)]
    threads: Option<NonZeroUsize>,
    /// The longest record (a JSON Lines line, or a whole plain-text file) to read, in bytes; a
    /// longer one is skipped without being held in memory and reported as an error object with
    /// its line number, and the run goes on.
    #[arg(long, value_name = "BYTES", default_value_t = input::DEFAULT_MAX_RECORD_BYTES,
          value_parser = clap::value_parser!(u64).range(1..))]
    max_record_bytes: u64,
}

impl InputArgs {
    fn format(&self) -> Format {
        if self.jsonl {
            Format::JsonLines
        } else if self.plain {
            Format::Plain
        } else {
            Format::ByExtension
        }
    }
}

#[derive(Args, Debug)]
struct DatingArgs {
    /// Reference date to resolve datelines against when the text has no stamp (YYYY-MM-DD, or
    /// a timestamp as for --reference-field).
    #[arg(long, value_name = "DATE", value_parser = parse_date, conflicts_with = "reference_field")]
    reference: Option<NaiveDate>,
    /// A field of each JSON Lines record that holds the reference date: YYYY-MM-DD, an RFC 3339
    /// timestamp (2022-11-09T10:00:00Z) or epoch seconds or milliseconds (a number or digits;
    /// below 10^11 is seconds, from 10^11 on milliseconds). A timestamp counts as its date in
    /// Pyongyang time (UTC+9; UTC+8:30 from 2015-08-15 to 2018-05-04). A record without the
    /// field (or with null) has no reference; one with anything else is an error.
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
    kcna_dates_edge::reference::parse_day(text)
}

fn parse_threads(text: &str) -> Result<NonZeroUsize, String> {
    match text.parse::<usize>() {
        Ok(0) => Err("must be at least 1".into()),
        Ok(n) => NonZeroUsize::new(n).ok_or_else(|| "must be at least 1".into()),
        Err(_) => Err(format!(
            "`{text}` is not a whole number of threads (at least 1)"
        )),
    }
}

/// Running totals for the summary line.
#[derive(Default)]
struct Tally {
    /// Inputs opened (or tried), set at the end of the run.
    files: u64,
    /// JSON Lines records (blank lines not counted).
    records: u64,
    /// Plain-text units: articles (`date`) or lines (`scan`).
    plain: u64,
    dated: u64,
    conflicts: u64,
    notations: u64,
    invalid: u64,
    errors: u64,
    /// JSON records that were objects (so their fields could be looked at).
    objects: u64,
    lacking_id: u64,
    lacking_reference: u64,
    /// Datelines without a year.
    no_year: NoYearTally,
}

impl Tally {
    /// Counts one item and what was done with it.
    fn add(&mut self, item: &Item, done: &Done) {
        let bump = |n: &mut u64, by: bool| *n = n.saturating_add(u64::from(by));
        if item.jsonl {
            bump(&mut self.records, done.record);
        } else {
            bump(&mut self.plain, done.record);
        }
        bump(&mut self.dated, done.dated);
        bump(&mut self.conflicts, done.conflict);
        self.notations = self.notations.saturating_add(done.notations);
        self.invalid = self.invalid.saturating_add(done.invalid);
        bump(&mut self.errors, done.failure.is_some());
        self.no_year.add(&done.no_year);
        if let Some(lacks) = done.lacks {
            bump(&mut self.objects, true);
            bump(&mut self.lacking_id, lacks.id);
            bump(&mut self.lacking_reference, lacks.reference);
        }
    }

    /// What was read, in words that match what was counted: `7 JSON Lines records from 1
    /// file`, `1 plain-text article from 1 file`, `12 lines of plain text from 2 files`.
    fn read(&self, plain_unit: (&str, &str)) -> String {
        let mut parts = Vec::new();
        if self.records > 0 {
            parts.push(plural(
                self.records,
                "JSON Lines record",
                "JSON Lines records",
            ));
        }
        if self.plain > 0 {
            parts.push(plural(self.plain, plain_unit.0, plain_unit.1));
        }
        if parts.is_empty() {
            parts.push("0 records".to_owned());
        }
        format!(
            "{} from {}",
            parts.join(" and "),
            plural(self.files, "file", "files")
        )
    }

    /// The hint about datelines without a year, when there were any.
    fn hint(&self, command: &str, spec: &RecordSpec) {
        let given = spec.reference.is_some() || spec.reference_field.is_some();
        if let Some(line) = self.no_year.line(command, given, self.records > 0) {
            eprintln!("{line}");
        }
    }

    /// Warnings about named fields that records lack.
    fn warnings(&self, spec: &RecordSpec) {
        if self.objects == 0 {
            return;
        }
        if let Some(name) = &spec.id_field {
            if self.lacking_id == self.objects {
                eprintln!(
                    "kcna-dates: warning: no record has a `{name}` field (--id-field {name}): every id is null"
                );
            } else if self.lacking_id > 0 {
                eprintln!(
                    "kcna-dates: warning: {} of {} records have no `{name}` field (--id-field): their id is null",
                    self.lacking_id, self.objects
                );
            }
        }
        if let Some(name) = &spec.reference_field {
            if self.lacking_reference == self.objects {
                eprintln!(
                    "kcna-dates: warning: no record has a `{name}` field (--reference-field {name}): no record has a reference date"
                );
            }
        }
    }
}

/// `1 file`, `2 files`.
fn plural(n: u64, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The command line, parsed; a bad one exits with clap's message (code 2). `--csv`, which clap
/// would answer with a generic tip, gets "a similar argument exists: '--format csv'".
fn parse_cli() -> Cli {
    let err = match Cli::try_parse() {
        Ok(cli) => return cli,
        Err(err) => err,
    };
    let csv = err.kind() == ErrorKind::UnknownArgument
        && matches!(
            err.get(ContextKind::InvalidArg),
            Some(ContextValue::String(arg)) if arg == "--csv" || arg.starts_with("--csv=")
        );
    if !csv {
        err.exit();
    }
    let mut better = clap::Error::new(ErrorKind::UnknownArgument).with_cmd(&Cli::command());
    for kind in [ContextKind::InvalidArg, ContextKind::Usage] {
        if let Some(value) = err.get(kind) {
            better.insert(kind, value.clone());
        }
    }
    better.insert(
        ContextKind::SuggestedArg,
        ContextValue::String("--format csv".into()),
    );
    better.exit()
}

fn main() -> ExitCode {
    let cli = parse_cli();
    let result = match cli.command {
        Command::Parse { text, pretty } => return parse_command(&text, pretty),
        Command::Scan { input, pretty } => scan_command(&input, pretty),
        Command::Date {
            input,
            dating,
            pretty,
            format,
        } => {
            if pretty && format == OutputFormat::Csv {
                eprintln!("kcna-dates date: --pretty is for JSON output, not --format csv");
                return ExitCode::from(2);
            }
            date_command(&input, &dating, pretty, format)
        }
        Command::Eval {
            input,
            dating,
            known_field,
            json,
            show_wrong,
            labels,
            corpus_dir,
            misses,
        } => {
            if !labels.is_empty() {
                let settings = eval::labels::Settings {
                    labels,
                    corpus_dir,
                    json,
                    misses: misses.unwrap_or(0),
                };
                let mut stdout = BufWriter::new(io::stdout().lock());
                eval::labels::run(&settings, &mut stdout).and_then(|ok| stdout.flush().map(|()| ok))
            } else if corpus_dir.is_some() || misses.is_some() {
                // clap lets `requires` pass when a FILE (which conflicts with --labels) is given.
                eprintln!("kcna-dates eval: --corpus-dir and --misses go with --labels FILE");
                return ExitCode::from(2);
            } else {
                eval_command(&input, &dating, known_field, json, show_wrong)
            }
        }
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

fn parse_command(text: &str, pretty: bool) -> ExitCode {
    let (value, code) = match text.parse::<Notation>() {
        Ok(notation) => (output::notation(text, &notation), ExitCode::SUCCESS),
        Err(err) => (output::error_object(&err), ExitCode::FAILURE),
    };
    let mut stdout = io::stdout().lock();
    match stdout.write_all(output::render(&value, pretty).as_bytes()) {
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
        with_reference: dating.is_some(),
        keep: Vec::new(),
    }
}

/// The start of every output object: file, line, and (with --id-field) id.
fn head(item: &Item, id: Option<Value>) -> Map<String, Value> {
    kcna_dates_edge::row::head(&item.file, item.line, id)
}

/// Says a failure on stderr as `kcna-dates: FILE:LINE: message` (`FILE: message` for a whole
/// input), as ripgrep does, above the progress bar; the output keeps its error object too.
fn say_failure(progress: &ProgressBar, file: &str, line: u64, message: &str) {
    progress.suspend(|| {
        if line == 0 {
            eprintln!("kcna-dates: {file}: {message}");
        } else {
            eprintln!("kcna-dates: {file}:{line}: {message}");
        }
    });
}

/// What a worker hands back for one item.
#[derive(Default)]
struct Done {
    /// The output: JSON lines or CSV rows, each with its line break.
    text: Vec<u8>,
    /// The item was a record (JSON Lines), an article or a line (plain text).
    record: bool,
    dated: bool,
    conflict: bool,
    notations: u64,
    invalid: u64,
    /// What failed, said on stderr too (the output has its error object or row).
    failure: Option<String>,
    /// For a JSON object: the named fields it lacks.
    lacks: Option<Lacks>,
    /// Its datelines without a year, for the summary's hint.
    no_year: NoYear,
}

impl Done {
    /// A record that could not be read: its error object (or row).
    fn failed(text: String, err: &RecordError) -> Done {
        Done {
            text: text.into_bytes(),
            record: true,
            failure: Some(err.message.clone()),
            lacks: err.lacks,
            ..Done::default()
        }
    }

    /// An input that could not be opened or read on: its error object (or row).
    fn file_failed(file: &str, line: u64, message: &str, csv: bool, pretty: bool) -> Done {
        let row = ErrorRow {
            file,
            line,
            id: None,
            reference: None,
            message,
        };
        Done {
            text: output::error_line(&row, csv, pretty).into_bytes(),
            failure: Some(message.to_owned()),
            ..Done::default()
        }
    }
}

/// Runs a streaming command: `header` first, then each item's output made by `work`, in order.
fn stream<W>(
    input: &InputArgs,
    plain_mode: Mode,
    format: Format,
    header: &str,
    work: W,
) -> io::Result<Tally>
where
    W: Fn(&Item) -> Done + Sync,
{
    let mut reader = Reader::new(&input.files, plain_mode, format);
    reader.max_record_bytes = input.max_record_bytes;
    let progress = input::progress_bar(&reader);
    reader.attach(&progress);
    let mut stdout = BufWriter::with_capacity(1 << 16, io::stdout().lock());
    stdout.write_all(header.as_bytes())?;
    let mut tally = Tally::default();
    let result = input::run(
        &mut reader,
        threads(input),
        &progress,
        work,
        |item, done| {
            tally.add(item, &done);
            if let Some(message) = &done.failure {
                say_failure(&progress, &item.file, item.line, message);
            }
            stdout.write_all(&done.text)
        },
    );
    progress.finish_and_clear();
    tally.files = reader.inputs_opened;
    result?;
    stdout.flush()?;
    Ok(tally)
}

fn scan_command(input: &InputArgs, pretty: bool) -> io::Result<bool> {
    let spec = spec(input, None);
    let tally = stream(input, Mode::Lines, input.format(), "", |item| {
        let fail = |err: Box<RecordError>| {
            let row = err.row(&item.file, item.line);
            Done::failed(output::error_line(&row, false, pretty), &err)
        };
        let bytes = match &item.body {
            Body::Bytes(bytes) => bytes,
            Body::FileError(message) => {
                return Done::file_failed(&item.file, item.line, message, false, pretty);
            }
            Body::Oversized(message) => return fail(RecordError::bare(&spec, message.clone())),
        };
        let (text, id, offset, lacks) = if item.jsonl {
            match spec.json(bytes) {
                Ok(Some(record)) => (record.text, record.id, None, Some(record.lacks)),
                Ok(None) => return Done::default(),
                Err(err) => return fail(err),
            }
        } else {
            match record::utf8(bytes) {
                Ok(text) => (text.to_owned(), None, Some(item.offset), None),
                Err(message) => return fail(RecordError::bare(&spec, message)),
            }
        };
        let mut done = Done {
            record: true,
            lacks,
            ..Done::default()
        };
        for found in scan(&text) {
            let mut obj = head(item, id.clone());
            if let Some(offset) = offset {
                obj.insert("offset".into(), offset.into());
            }
            obj.extend(output::found(&text, &found));
            done.text
                .extend_from_slice(output::render(&Value::Object(obj), pretty).as_bytes());
            done.notations = done.notations.saturating_add(1);
            done.invalid = done.invalid.saturating_add(u64::from(!found.is_valid()));
        }
        done
    })?;
    eprintln!(
        "kcna-dates scan: {}, {} ({} invalid), {}",
        tally.read(("line of plain text", "lines of plain text")),
        plural(tally.notations, "notation", "notations"),
        tally.invalid,
        plural(tally.errors, "error", "errors"),
    );
    tally.warnings(&spec);
    Ok(tally.errors == 0)
}

fn date_command(
    input: &InputArgs,
    dating: &DatingArgs,
    pretty: bool,
    format: OutputFormat,
) -> io::Result<bool> {
    let spec = spec(input, Some(dating));
    let csv = format == OutputFormat::Csv;
    let header = if csv {
        output::csv_header()
    } else {
        String::new()
    };
    let looked = AtomicU64::new(0);
    let tally = stream(input, Mode::Whole, input.format(), &header, |item| {
        let file: &Arc<str> = &item.file;
        let fail = |err: Box<RecordError>| {
            let row = err.row(file, item.line);
            Done::failed(output::error_line(&row, csv, pretty), &err)
        };
        let bytes = match &item.body {
            Body::Bytes(bytes) => bytes,
            Body::FileError(message) => {
                return Done::file_failed(file, item.line, message, csv, pretty);
            }
            Body::Oversized(message) => return fail(RecordError::bare(&spec, message.clone())),
        };
        let read = if item.jsonl {
            spec.json(bytes)
        } else {
            spec.plain(bytes).map(Some)
        };
        let record = match read {
            Ok(Some(record)) => record,
            Ok(None) => return Done::default(),
            Err(err) => return fail(err),
        };
        let dated = date_article(&record.text, &record.options);
        let text = if csv {
            output::csv_row(
                file,
                item.line,
                record.id.as_ref(),
                record.options.reference,
                &dated,
            )
            .into_bytes()
        } else if pretty {
            let mut obj = head(item, record.id);
            obj.insert(
                "reference".into(),
                kcna_dates_edge::iso(record.options.reference),
            );
            output::render_article(&obj, &dated, pretty).into_bytes()
        } else {
            output::article_line(
                file,
                item.line,
                record.id.as_ref(),
                record.options.reference,
                &dated,
            )
        };
        let record_bytes = item.jsonl.then_some(bytes.as_slice());
        Done {
            text,
            record: true,
            no_year: NoYear::of(
                &dated,
                record_bytes.and_then(|b| spec.hint_record(b)),
                &spec.named_fields(),
                &looked,
            ),
            dated: dated.publication_date.is_some(),
            conflict: !dated.conflicts.is_empty(),
            lacks: item.jsonl.then_some(record.lacks),
            ..Done::default()
        }
    })?;
    eprintln!(
        "kcna-dates date: {}, {} dated, {} with conflicts, {}",
        tally.read(("plain-text article", "plain-text articles")),
        tally.dated,
        tally.conflicts,
        plural(tally.errors, "error", "errors"),
    );
    tally.hint("date", &spec);
    tally.warnings(&spec);
    Ok(tally.errors == 0)
}

fn eval_command(
    input: &InputArgs,
    dating: &DatingArgs,
    known_field: String,
    json_only: bool,
    show_wrong: bool,
) -> io::Result<bool> {
    if input.plain {
        eprintln!("kcna-dates eval: the input of eval is JSON Lines; --plain does not apply");
        return Ok(false);
    }
    let mut spec = spec(input, Some(dating));
    spec.keep = eval::kept_fields(&known_field);
    let mut reader = Reader::new(&input.files, Mode::Lines, Format::JsonLines);
    reader.max_record_bytes = input.max_record_bytes;
    let progress = input::progress_bar(&reader);
    reader.attach(&progress);
    let mut stdout = BufWriter::with_capacity(1 << 16, io::stdout().lock());
    let looked = AtomicU64::new(0);
    let mut report = eval::Report::new(known_field.clone(), json_only, show_wrong);
    let mut tally = Tally::default();
    let result = input::run(
        &mut reader,
        threads(input),
        &progress,
        |item| eval::evaluate(item, &spec, &known_field, &looked),
        |item, evaluated| {
            let done = Done {
                record: evaluated.is_record(),
                lacks: evaluated.lacks,
                no_year: evaluated.no_year.clone(),
                ..Done::default()
            };
            tally.add(item, &done);
            match &evaluated.outcome {
                eval::Outcome::FileError(message) => {
                    say_failure(&progress, &item.file, item.line, message);
                }
                eval::Outcome::Error(err) => {
                    say_failure(&progress, &item.file, item.line, &err.message);
                }
                _ => {}
            }
            report.record(item, &evaluated.outcome, &mut stdout)
        },
    );
    progress.finish_and_clear();
    tally.files = reader.inputs_opened;
    result?;
    let total = report.total();
    let nothing_known = total.records() > 0 && total.known() == 0;
    if !nothing_known || json_only {
        report.finish(&mut stdout)?;
    }
    stdout.flush()?;
    let name = &known_field;
    eprintln!(
        "kcna-dates eval: {}: {} with a known date (`{name}`), {} of them dated ({} exactly); {} dated in all, {} with conflicts; {}",
        tally.read(("line", "lines")),
        total.known(),
        total.dated(),
        total.exact(),
        total.dated_all(),
        total.conflicts_all(),
        plural(total.errors(), "error", "errors"),
    );
    tally.hint("eval", &spec);
    tally.warnings(&spec);
    if nothing_known {
        eprintln!(
            "kcna-dates eval: no record has a `{name}` field, so there is nothing to compare: name the field that holds the known date with --known-field NAME"
        );
        return Ok(false);
    }
    Ok(!total.failed())
}
