//! `kcna-dates`: parse, scan and date KCNA text from the command line. See `kcna-dates --help`.

/// Set by `--quiet`: stderr then gets only what failed (no summary, hint, notice or progress).
static QUIET: AtomicBool = AtomicBool::new(false);

/// Whether `--quiet` was given.
fn quiet() -> bool {
    QUIET.load(Ordering::Relaxed)
}

/// `eprintln!` unless `--quiet` was given: for summaries, hints, warnings and notices.
macro_rules! note {
    ($($arg:tt)*) => {
        if !$crate::quiet() {
            eprintln!($($arg)*);
        }
    };
}

mod eval;
mod hint;
mod html;
mod input;
mod output;
mod record;
mod walk;

use std::io::{self, BufWriter, IsTerminal, Write};
use std::num::NonZeroUsize;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};

use chrono::NaiveDate;
use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Args, CommandFactory, Parser, Subcommand, ValueEnum};
use indicatif::ProgressBar;
use kcna_dates::{ArticleOptions, DEFAULT_GRACE_DAYS, Notation, date_article, scan};
use kcna_dates_edge::row::ErrorRow;
use serde_json::{Map, Value};

use crate::hint::{NoYear, NoYearTally};
use crate::input::{Body, Format, Item, Mode, Reader};
use crate::record::{Lacks, RecordError, RecordSpec};

/// Read the dates of North Korean state-media (KCNA) text.
///
/// Output is JSON (one object per line; --pretty indents it); every date is ISO `YYYY-MM-DD`.
/// `date` prints a table for a person instead when its output is a terminal (see `date --help`).
/// Commands that read FILEs read standard input when none is given (`-` also names it). A file
/// whose name ends in .jsonl or .ndjson is read as JSON Lines (one record per line); other files
/// and standard input are plain text unless --jsonl is given. A file whose name ends in .gz is
/// read decompressed (a.jsonl.gz is JSON Lines, a.txt.gz plain text). A DIRECTORY is read as the
/// files under it, at any depth, named *.jsonl, *.ndjson, *.txt or one of them .gz (with --html,
/// also *.html and *.htm), in the byte order of their names, depth first; hidden entries and
/// links to directories are not followed, and the files skipped are named on stderr. A UTF-8
/// byte-order mark at the start of an input is dropped. Large inputs are streamed in bounded
/// batches and worked on by several threads; the output keeps the input order. A progress bar is
/// drawn on stderr only when stderr is a terminal, and a one-line summary is written to stderr at
/// the end (--quiet leaves out both, and every notice: stderr then says only what failed).
///
/// An unreadable record (bad JSON, a missing or non-string text field, invalid UTF-8, a bad
/// reference date) or a missing file gives an error object {"file": …, "line": N, "error": "…"}
/// in the output (with the record's id and reference when they could be read), and the run goes
/// on; the exit code is then 1. Each failure is also said on stderr as `kcna-dates: FILE:LINE:
/// message`.
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
    /// {"error": message, "kind": …, "start": byte, "end": byte} and exits with 1. A notation
    /// without a year (`November 8`, a dateline) has date null: with --reference it also gets
    /// reference and resolved (the date it stands for against that day), and without, stderr
    /// says it needs one.
    Parse {
        /// The notation, e.g. 'Pyongyang, November 8 (KCNA) --' or 'Juche111.11.8.' (quote it).
        text: String,
        /// The day against which a notation without a year is resolved (YYYY-MM-DD, RFC 3339 or
        /// epoch seconds or milliseconds, as `date --reference`).
        #[arg(long, value_name = "DATE", value_parser = parse_date)]
        reference: Option<NaiveDate>,
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
    ///
    /// --format table prints a header and one tab-separated line per article, for a person:
    /// FILE:LINE, the date (`-` when none; `?` after a doubtful one), the source (the kind and
    /// text of the signal that gave the date, or why there is none) and the conflicts (their
    /// number, and their dates). It is the default when the output is a terminal (and neither
    /// --pretty nor -o is given); JSON Lines is the default otherwise, so a pipe or a file always
    /// gets JSON unless --format says otherwise.
    ///
    /// With --html, the text (a plain file, or the text field of a record) is raw HTML: its text
    /// is extracted as a browser shows it (tags dropped, character references decoded, script,
    /// style and head left out, each block on its own line) and dated; every offset is then a
    /// byte offset into that extracted text, not into the HTML.
    Date {
        #[command(flatten)]
        input: InputArgs,
        #[command(flatten)]
        dating: DatingArgs,
        /// Indent each JSON object over several lines (JSON output only).
        #[arg(long)]
        pretty: bool,
        /// Output format [default: table on a terminal, json otherwise].
        #[arg(long, value_enum)]
        format: Option<OutputFormat>,
    },
    /// Compare the publication date with a known date in each JSON Lines record.
    ///
    /// Input is always JSON Lines. The known date is read from --known-field (default
    /// known_date); an input where no record has it is reported on stderr and exits with 1
    /// instead of printing a table of zeros. Prints a table (one row per file, and a total row
    /// for several files), or with --json one JSON line {"files": [...], "total": {...}} with
    /// the counts: records, with_known_date, dated, dated_exactly, dated_wrongly_with_conflict,
    /// dated_wrongly_without_conflict, not_dated, dated_same_year, errors (and dated_all,
    /// with_conflicts_all over all records). The table's columns: records; known (records with a
    /// known date); dated (of those, dated at all); exact (dated to the known date); wrong+c
    /// (dated to another day, and a conflict was reported: the tool said the date was
    /// contested); wrong-c (dated to another day with no conflict reported: a silent error, the
    /// one to worry about); undated (known date but no publication date); errors (unreadable
    /// records). With --json only JSON lines are printed. Error
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
    ///
    /// Tip: `eval --json | jq` reads the counts; without --json, stdout holds the table only.
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
    /// Print a shell completion script: `kcna-dates completions bash > ~/.local/share/bash-completion/completions/kcna-dates`.
    ///
    /// zsh: write it to a file named `_kcna-dates` in a directory of $fpath; fish: to
    /// ~/.config/fish/completions/kcna-dates.fish. Elvish and PowerShell are also offered.
    Completions {
        /// The shell.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
}

/// The output formats of `date`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum OutputFormat {
    /// One JSON object per article.
    Json,
    /// A header row, then one CSV row per article (RFC 4180 quoting).
    Csv,
    /// For a person: a header, then `FILE:LINE  date  source  conflicts`, tab-separated.
    Table,
}

#[derive(Args, Debug)]
struct InputArgs {
    /// Input files or directories (standard input when none; `-` is standard input). A directory
    /// is walked for its *.jsonl, *.ndjson, *.txt files (and their .gz), in a stable order.
    #[arg(value_hint = clap::ValueHint::AnyPath)]
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
    /// The text is raw HTML: date the text a browser would show (offsets are then into that
    /// extracted text). A directory then also gives its *.html and *.htm files.
    #[arg(long)]
    html: bool,
    /// Write the output to FILE instead of standard output (created, or emptied).
    #[arg(short = 'o', long = "output", value_name = "FILE", value_hint = clap::ValueHint::FilePath)]
    output: Option<PathBuf>,
    /// Say nothing on stderr but what failed: no summary, hint, notice or progress bar.
    #[arg(short = 'q', long)]
    quiet: bool,
}

impl InputArgs {
    /// The inputs with each directory replaced by the files to read under it (see `walk`); the
    /// walk's notices are said on stderr. An error when directories were given and none holds a
    /// file to read (rather than reading standard input).
    fn inputs(&self) -> io::Result<Vec<PathBuf>> {
        let walked = walk::expand(&self.files, self.html);
        for notice in &walked.notices {
            note!("kcna-dates: {notice}");
        }
        if walked.files.is_empty() && !self.files.is_empty() {
            let dirs: Vec<String> = walked
                .empty
                .iter()
                .map(|d| d.display().to_string())
                .collect();
            return Err(io::Error::new(
                io::ErrorKind::NotFound,
                format!(
                    "no file to read in {} (files named *.jsonl, *.ndjson, *.txt or their .gz{})",
                    dirs.join(", "),
                    if self.html { ", *.html, *.htm" } else { "" }
                ),
            ));
        }
        Ok(walked.files)
    }

    /// Where the output goes: `-o FILE` (refused when FILE is one of the `inputs`, which it
    /// would empty), else standard output.
    fn writer(&self, inputs: &[PathBuf]) -> io::Result<BufWriter<Box<dyn Write>>> {
        let Some(path) = &self.output else {
            return Ok(BufWriter::with_capacity(
                1 << 16,
                Box::new(io::stdout().lock()),
            ));
        };
        if let Ok(out) = std::fs::canonicalize(path) {
            if inputs
                .iter()
                .any(|input| std::fs::canonicalize(input).is_ok_and(|i| i == out))
            {
                return Err(io::Error::new(
                    io::ErrorKind::InvalidInput,
                    format!(
                        "-o {}: that is an input; it would be emptied before it is read",
                        path.display()
                    ),
                ));
            }
        }
        let file = std::fs::File::create(path).map_err(|err| {
            io::Error::new(
                err.kind(),
                format!("cannot create {}: {err}", path.display()),
            )
        })?;
        Ok(BufWriter::with_capacity(1 << 16, Box::new(file)))
    }

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
            note!("{line}");
        }
    }

    /// Warnings about named fields that records lack.
    fn warnings(&self, spec: &RecordSpec) {
        if self.objects == 0 {
            return;
        }
        if let Some(name) = &spec.id_field {
            if self.lacking_id == self.objects {
                note!(
                    "kcna-dates: warning: no record has a `{name}` field (--id-field {name}): every id is null"
                );
            } else if self.lacking_id > 0 {
                note!(
                    "kcna-dates: warning: {} of {} records have no `{name}` field (--id-field): their id is null",
                    self.lacking_id,
                    self.objects
                );
            }
        }
        if let Some(name) = &spec.reference_field {
            if self.lacking_reference == self.objects {
                note!(
                    "kcna-dates: warning: no record has a `{name}` field (--reference-field {name}): no record has a reference date"
                );
            }
        }
    }
}

/// `1 file`, `2 files`.
pub(crate) fn plural(n: u64, one: &str, many: &str) -> String {
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
    let quiet = match &cli.command {
        Command::Scan { input, .. } | Command::Date { input, .. } | Command::Eval { input, .. } => {
            input.quiet
        }
        Command::Parse { .. } | Command::Completions { .. } => false,
    };
    QUIET.store(quiet, Ordering::Relaxed);
    let result = match cli.command {
        Command::Parse {
            text,
            reference,
            pretty,
        } => return parse_command(&text, reference, pretty),
        Command::Completions { shell } => {
            // Into memory first: clap_complete panics on a write error (a closed pipe).
            let mut script = Vec::new();
            clap_complete::generate(shell, &mut Cli::command(), "kcna-dates", &mut script);
            io::stdout().lock().write_all(&script).map(|()| true)
        }
        Command::Scan { input, pretty } => scan_command(&input, pretty),
        Command::Date {
            input,
            dating,
            pretty,
            format,
        } => {
            let format = match format {
                Some(OutputFormat::Csv) if pretty => {
                    eprintln!("kcna-dates date: --pretty is for JSON output, not --format csv");
                    return ExitCode::from(2);
                }
                Some(OutputFormat::Table) if pretty => {
                    eprintln!("kcna-dates date: --pretty is for JSON output, not --format table");
                    return ExitCode::from(2);
                }
                Some(format) => format,
                None if !pretty && input.output.is_none() && io::stdout().is_terminal() => {
                    OutputFormat::Table
                }
                None => OutputFormat::Json,
            };
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
                input.writer(&[]).and_then(|mut out| {
                    eval::labels::run(&settings, &mut out).and_then(|ok| out.flush().map(|()| ok))
                })
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

fn parse_command(text: &str, reference: Option<NaiveDate>, pretty: bool) -> ExitCode {
    let (value, code) = match text.parse::<Notation>() {
        Ok(notation) => {
            let mut value = output::notation(text, &notation);
            // A notation without a year: resolved against --reference, or a word on what it
            // needs. A fixed day tells whether a reference would date it at all.
            let day = NaiveDate::from_ymd_opt(2000, 6, 30);
            let needs = notation.date().is_none() && day.and_then(|d| resolve(text, d)).is_some();
            if let (true, Some(reference), Value::Object(fields)) = (needs, reference, &mut value) {
                fields.insert("reference".into(), kcna_dates_edge::iso(Some(reference)));
                let resolved = resolve(text, reference);
                fields.insert("resolved".into(), kcna_dates_edge::iso(resolved));
            } else if needs {
                eprintln!(
                    "kcna-dates parse: `{}` has no year: a date without a year needs a reference \
                     date to resolve it; give one with --reference YYYY-MM-DD (e.g. the day it \
                     was published): kcna-dates parse '{}' --reference 2022-11-09",
                    text.trim(),
                    text.trim()
                );
            }
            (value, ExitCode::SUCCESS)
        }
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

/// The date of a notation without a year (`November 8`, a dateline) against `reference`: the
/// article's publication date, or its first body date.
fn resolve(text: &str, reference: NaiveDate) -> Option<NaiveDate> {
    let dated = date_article(text, &ArticleOptions::new().with_reference(reference));
    dated
        .publication_date
        .or_else(|| dated.body_dates.iter().find_map(|b| b.date))
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
        html: input.html,
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
    fn file_failed(
        file: &str,
        line: u64,
        message: &str,
        format: OutputFormat,
        pretty: bool,
    ) -> Done {
        let row = ErrorRow {
            file,
            line,
            id: None,
            reference: None,
            message,
        };
        Done {
            text: output::error_line(&row, format, pretty).into_bytes(),
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
    let inputs = input.inputs()?;
    let mut stdout = input.writer(&inputs)?;
    let mut reader = Reader::new(&inputs, plain_mode, format);
    reader.max_record_bytes = input.max_record_bytes;
    let progress = input::progress_bar(&reader);
    reader.attach(&progress);
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
    // HTML is read whole: its lines are not lines of text.
    let plain_mode = if input.html { Mode::Whole } else { Mode::Lines };
    let tally = stream(input, plain_mode, input.format(), "", |item| {
        let fail = |err: Box<RecordError>| {
            let row = err.row(&item.file, item.line);
            Done::failed(output::error_line(&row, OutputFormat::Json, pretty), &err)
        };
        let bytes = match &item.body {
            Body::Bytes(bytes) => bytes,
            Body::FileError(message) => {
                return Done::file_failed(
                    &item.file,
                    item.line,
                    message,
                    OutputFormat::Json,
                    pretty,
                );
            }
            Body::Oversized(message) => return fail(RecordError::bare(&spec, message.clone())),
        };
        let (text, id, offset, lacks) = if item.jsonl {
            match spec.json(bytes) {
                Ok(Some(record)) => (record.text, record.id, None, Some(record.lacks)),
                Ok(None) => return Done::default(),
                Err(err) => return fail(err),
            }
        } else if input.html {
            match spec.plain(bytes) {
                Ok(record) => (record.text, None, None, None),
                Err(err) => return fail(err),
            }
        } else {
            match kcna_dates_edge::row::utf8(bytes) {
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
    note!(
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
    let header = match format {
        OutputFormat::Csv => output::csv_header(),
        OutputFormat::Table => output::table_header(),
        OutputFormat::Json => String::new(),
    };
    let looked = AtomicU64::new(0);
    let tally = stream(input, Mode::Whole, input.format(), &header, |item| {
        let file: &Arc<str> = &item.file;
        let fail = |err: Box<RecordError>| {
            let row = err.row(file, item.line);
            Done::failed(output::error_line(&row, format, pretty), &err)
        };
        let bytes = match &item.body {
            Body::Bytes(bytes) => bytes,
            Body::FileError(message) => {
                return Done::file_failed(file, item.line, message, format, pretty);
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
        let text = if format == OutputFormat::Table {
            output::table_row(file, item.line, &dated).into_bytes()
        } else if csv {
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
    note!(
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
    let inputs = input.inputs()?;
    let mut stdout = input.writer(&inputs)?;
    let mut reader = Reader::new(&inputs, Mode::Lines, Format::JsonLines);
    reader.max_record_bytes = input.max_record_bytes;
    let progress = input::progress_bar(&reader);
    reader.attach(&progress);
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
    note!(
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
