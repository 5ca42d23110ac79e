//! Streaming input: files (or stdin) read as bytes, line by line or whole, in bounded batches,
//! worked on by several threads with the results handed back in input order.

use std::fs::File;
use std::io::{self, BufRead, BufReader, IsTerminal, Read};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread;
use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use serde_json::{Map, Value};

/// The name under which standard input is reported.
pub const STDIN_NAME: &str = "-";

/// Most items in one batch.
const BATCH_ITEMS: usize = 1024;
/// Most bytes in one batch (a single longer item still makes a batch of its own).
const BATCH_BYTES: usize = 4 << 20;

/// The UTF-8 byte-order mark, dropped from the start of every input.
const BOM: &[u8] = b"\xEF\xBB\xBF";

/// How an input is cut into items.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// One item per line (JSON Lines, or lines of a text file to scan).
    Lines,
    /// The whole input is one item (a plain article file).
    Whole,
}

/// Which inputs are read as JSON Lines.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// Every input (`--jsonl`).
    JsonLines,
    /// None (`--plain`).
    Plain,
    /// Files whose name ends in `.jsonl` or `.ndjson`; standard input is plain text.
    ByExtension,
}

impl Format {
    /// Whether `input` (`None`: stdin) is read as JSON Lines.
    fn is_jsonl(self, input: Option<&Path>) -> bool {
        match self {
            Format::JsonLines => true,
            Format::Plain => false,
            Format::ByExtension => input.is_some_and(has_jsonl_extension),
        }
    }
}

/// Whether a file name ends in `.jsonl` or `.ndjson` (any case).
pub fn has_jsonl_extension(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("jsonl") || e.eq_ignore_ascii_case("ndjson"))
}

/// What an item holds.
pub enum Body {
    /// The bytes of the line (without its `\n`) or of the whole file.
    Bytes(Vec<u8>),
    /// The input could not be opened or read any further.
    FileError(String),
    /// A record (line, or whole plain file) longer than the limit: skipped without being held in
    /// memory; the message says so.
    Oversized(String),
}

/// One unit of input.
pub struct Item {
    /// The input's name (`-` for stdin).
    pub file: Arc<str>,
    /// 1-based line number of the item's first line.
    pub line: u64,
    /// Byte offset of the item in its input.
    pub offset: u64,
    /// Whether the item is a JSON Lines record (else plain text: a line or a whole file).
    pub jsonl: bool,
    /// The content.
    pub body: Body,
}

impl Item {
    fn len(&self) -> usize {
        match &self.body {
            Body::Bytes(bytes) => bytes.len(),
            Body::FileError(_) | Body::Oversized(_) => 0,
        }
    }
}

struct Current {
    name: Arc<str>,
    reader: Box<dyn BufRead>,
    line: u64,
    offset: u64,
    jsonl: bool,
    /// A plain input whose first non-blank line has not been looked at yet.
    sniff: bool,
}

/// Reads items from a list of inputs, one after the other.
pub struct Reader {
    inputs: std::vec::IntoIter<Option<PathBuf>>,
    current: Option<Current>,
    /// How plain inputs are cut (JSON Lines inputs are always cut into lines).
    plain_mode: Mode,
    format: Format,
    /// Where notices go without tearing the progress bar.
    progress: ProgressBar,
    /// Inputs opened (or tried) so far.
    pub inputs_opened: u64,
    /// Bytes read so far, over all inputs.
    pub bytes_read: u64,
    /// The sum of the sizes of the inputs, when all are files of known size.
    pub total_bytes: Option<u64>,
    /// The longest record read, in bytes; longer ones become [`Body::Oversized`].
    pub max_record_bytes: u64,
}

/// The default of `--max-record-bytes`: 64 MiB, far above any real article (KCNA stories are
/// kilobytes), so only a broken record is refused.
pub const DEFAULT_MAX_RECORD_BYTES: u64 = 64 << 20;

impl Reader {
    /// A reader of `files`, or of stdin when `files` is empty (`-` also names stdin).
    ///
    /// Inputs read as JSON Lines (see [`Format`]) are cut into lines; plain inputs by
    /// `plain_mode`.
    pub fn new(files: &[PathBuf], plain_mode: Mode, format: Format) -> Reader {
        let inputs: Vec<Option<PathBuf>> = if files.is_empty() {
            vec![None]
        } else {
            files
                .iter()
                .map(|f| (f.as_os_str() != STDIN_NAME).then(|| f.clone()))
                .collect()
        };
        let total_bytes = inputs.iter().try_fold(0u64, |sum, input| {
            let path = input.as_ref()?;
            let len = std::fs::metadata(path).ok().map(|m| m.len()).unwrap_or(0);
            Some(sum.saturating_add(len))
        });
        Reader {
            inputs: inputs.into_iter(),
            current: None,
            plain_mode,
            format,
            progress: ProgressBar::hidden(),
            inputs_opened: 0,
            bytes_read: 0,
            total_bytes,
            max_record_bytes: DEFAULT_MAX_RECORD_BYTES,
        }
    }

    /// Notices (a plain input that looks like JSON Lines) are printed through `progress`.
    pub fn attach(&mut self, progress: &ProgressBar) {
        self.progress = progress.clone();
    }

    /// Prints a notice on stderr, above the progress bar.
    fn notice(&self, message: &str) {
        self.progress.suspend(|| eprintln!("kcna-dates: {message}"));
    }

    /// The next item, or `None` at the end of the last input.
    pub fn next_item(&mut self) -> Option<Item> {
        loop {
            let current = match self.current.as_mut() {
                Some(current) => current,
                None => {
                    let input = self.inputs.next()?;
                    self.inputs_opened = self.inputs_opened.saturating_add(1);
                    let jsonl = self.format.is_jsonl(input.as_deref());
                    // A plain input is looked at only when the user did not say `--plain`.
                    let sniff = self.format == Format::ByExtension && !jsonl;
                    match open(input, jsonl, sniff) {
                        Ok(opened) => self.current.insert(opened),
                        Err((name, message)) => {
                            return Some(Item {
                                file: name,
                                line: 0,
                                offset: 0,
                                jsonl,
                                body: Body::FileError(message),
                            });
                        }
                    }
                }
            };
            let mode = if current.jsonl {
                Mode::Lines
            } else {
                self.plain_mode
            };
            let mut buf = Vec::new();
            let limit = self.max_record_bytes;
            let mut bounded = (&mut current.reader).take(limit.saturating_add(1));
            let read = match mode {
                Mode::Whole => bounded.read_to_end(&mut buf),
                Mode::Lines => bounded.read_until(b'\n', &mut buf),
            };
            let complete = mode == Mode::Lines && buf.last() == Some(&b'\n');
            if let Ok(n) = read {
                if n as u64 > limit && !complete {
                    // Too long: skip the rest of the record without keeping it.
                    let rest = skip_record(&mut current.reader, mode);
                    let total = (n as u64).saturating_add(*rest.as_ref().unwrap_or(&0));
                    let line = current.line.saturating_add(1);
                    let item = Item {
                        file: current.name.clone(),
                        line,
                        offset: current.offset,
                        jsonl: current.jsonl,
                        body: Body::Oversized(format!(
                            "record of {total} bytes is longer than the limit of {limit} bytes \
                             (--max-record-bytes); skipped"
                        )),
                    };
                    current.line = line;
                    current.offset = current.offset.saturating_add(total);
                    self.bytes_read = self.bytes_read.saturating_add(total);
                    if mode == Mode::Whole || rest.is_err() {
                        self.current = None;
                    }
                    return Some(item);
                }
            }
            match read {
                Ok(0) if mode == Mode::Lines => {
                    self.current = None;
                }
                Ok(n) => {
                    let first = current.line == 0;
                    let line = current.line.saturating_add(1);
                    let mut offset = current.offset;
                    if first && buf.starts_with(BOM) {
                        buf.drain(..BOM.len());
                        offset = offset.saturating_add(BOM.len() as u64);
                    }
                    if mode == Mode::Lines && buf.last() == Some(&b'\n') {
                        buf.pop();
                    }
                    let looks_jsonl = if current.sniff {
                        let verdict = first_line_verdict(&buf, mode);
                        current.sniff = verdict.is_none();
                        verdict == Some(true)
                    } else {
                        false
                    };
                    let item = Item {
                        file: current.name.clone(),
                        line,
                        offset,
                        jsonl: current.jsonl,
                        body: Body::Bytes(buf),
                    };
                    current.line = line;
                    current.offset = current.offset.saturating_add(n as u64);
                    self.bytes_read = self.bytes_read.saturating_add(n as u64);
                    if mode == Mode::Whole {
                        self.current = None;
                    }
                    if looks_jsonl {
                        self.notice(&format!(
                            "{}: input looks like JSON Lines; did you mean --jsonl?",
                            item.file
                        ));
                    }
                    return Some(item);
                }
                Err(err) => {
                    let item = Item {
                        file: current.name.clone(),
                        line: current.line.saturating_add(1),
                        offset: current.offset,
                        jsonl: current.jsonl,
                        body: Body::FileError(format!("cannot read: {err}")),
                    };
                    self.current = None;
                    return Some(item);
                }
            }
        }
    }

    /// The next batch: at most [`BATCH_ITEMS`] items and about [`BATCH_BYTES`] bytes.
    fn batch(&mut self) -> Vec<Item> {
        let mut batch = Vec::new();
        let mut bytes = 0usize;
        while batch.len() < BATCH_ITEMS && bytes < BATCH_BYTES {
            let Some(item) = self.next_item() else {
                break;
            };
            bytes = bytes.saturating_add(item.len());
            batch.push(item);
        }
        batch
    }
}

/// Whether plain `bytes` (a line, or a whole file) look like JSON Lines: their first non-blank
/// line starts with `{` and is a JSON object. `None` when a line of blanks leaves it open.
fn first_line_verdict(bytes: &[u8], mode: Mode) -> Option<bool> {
    let mut lines = bytes.split(|&b| b == b'\n');
    let line = lines.find(|line| !line.iter().all(u8::is_ascii_whitespace));
    match line {
        None if mode == Mode::Lines => None,
        None => Some(false),
        Some(line) => {
            let start = line.iter().position(|b| !b.is_ascii_whitespace());
            let object = start.and_then(|s| line.get(s..)).is_some_and(|rest| {
                rest.first() == Some(&b'{')
                    && serde_json::from_slice::<Map<String, Value>>(rest).is_ok()
            });
            Some(object)
        }
    }
}

/// Opens an input: a file, or stdin for `None`.
fn open(input: Option<PathBuf>, jsonl: bool, sniff: bool) -> Result<Current, (Arc<str>, String)> {
    match input {
        None => {
            let stdin = io::stdin();
            if stdin.is_terminal() {
                eprintln!("kcna-dates: reading standard input (pass a FILE or pipe text)");
            }
            Ok(Current {
                name: Arc::from(STDIN_NAME),
                reader: Box::new(BufReader::with_capacity(1 << 16, stdin)),
                line: 0,
                offset: 0,
                jsonl,
                sniff,
            })
        }
        Some(path) => {
            let name: Arc<str> = Arc::from(path.to_string_lossy().as_ref());
            match File::open(&path) {
                Ok(file) => Ok(Current {
                    name,
                    reader: Box::new(BufReader::with_capacity(1 << 16, file)),
                    line: 0,
                    offset: 0,
                    jsonl,
                    sniff,
                }),
                Err(err) => Err((name, format!("cannot open: {err}"))),
            }
        }
    }
}

/// A progress bar on stderr when stderr is a terminal; hidden otherwise.
///
/// The bar fills the terminal's width and no more (it is redrawn to a new width when the
/// terminal is resized). It is cleared when the run ends, and on Ctrl-C, which then ends the
/// process with exit code 130.
pub fn progress_bar(reader: &Reader) -> ProgressBar {
    if !io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let (_, columns) = console::Term::stderr().size();
    let (bar, template) = match reader.total_bytes {
        Some(total) => (ProgressBar::new(total), bar_template(columns)),
        None => (ProgressBar::new_spinner(), spinner_template(columns)),
    };
    if let Ok(style) = ProgressStyle::with_template(template) {
        bar.set_style(style);
    }
    bar.set_draw_target(ProgressDrawTarget::stderr());
    bar.enable_steady_tick(Duration::from_millis(250));
    let on_interrupt = bar.clone();
    // Only one handler per process; a second bar (there is none) would keep the first one's.
    let _ = ctrlc::set_handler(move || {
        on_interrupt.finish_and_clear();
        std::process::exit(130);
    });
    bar
}

/// The layout of the progress bar on a terminal of `columns` columns: the bar stretches to the
/// width, and the text beside it is cut down so that the line never wraps (the longest text,
/// `1023.99 MiB/1023.99 MiB 1023.99 MiB/s eta 59m`, is 46 columns; `100% eta 59m`, 12).
fn bar_template(columns: u16) -> &'static str {
    match columns {
        60.. => "{wide_bar} {bytes}/{total_bytes} {bytes_per_sec} eta {eta}",
        24..60 => "{wide_bar} {percent:>3}% eta {eta}",
        _ => "{wide_bar}",
    }
}

/// The layout of the spinner (an input of unknown size) on a terminal of `columns` columns.
fn spinner_template(columns: u16) -> &'static str {
    match columns {
        44.. => "{spinner} {bytes} read, {bytes_per_sec}",
        16..44 => "{spinner} {bytes}",
        _ => "{spinner}",
    }
}

/// Runs `work` on every item of `reader` on `threads` threads, and `consume` on each item and
/// its result, in input order.
///
/// Memory is bounded: at most two batches (the one being worked on and the next, read meanwhile)
/// and the results of one are held at a time.
///
/// # Errors
/// The first error returned by `consume` (writing the output).
pub fn run<O, W, C>(
    reader: &mut Reader,
    threads: usize,
    progress: &ProgressBar,
    work: W,
    mut consume: C,
) -> io::Result<()>
where
    O: Send,
    W: Fn(&Item) -> O + Sync,
    C: FnMut(&Item, O) -> io::Result<()>,
{
    let mut batch = reader.batch();
    while !batch.is_empty() {
        let (results, next) = if threads <= 1 {
            let results: Vec<O> = batch.iter().map(&work).collect();
            (results, reader.batch())
        } else {
            work_in_parallel(&batch, threads, &work, reader)
        };
        progress.set_position(reader.bytes_read);
        for (item, result) in batch.iter().zip(results) {
            consume(item, result)?;
        }
        batch = next;
    }
    Ok(())
}

/// Works on `batch` with `threads` threads: `threads - 1` spawned workers start at once, and
/// this thread joins them once it has read the next batch. Items are handed out in small chunks
/// from a shared counter, so a slow record (or a descheduled thread) does not hold up the others.
fn work_in_parallel<O, W>(
    batch: &[Item],
    threads: usize,
    work: &W,
    reader: &mut Reader,
) -> (Vec<O>, Vec<Item>)
where
    O: Send,
    W: Fn(&Item) -> O + Sync,
{
    const CHUNK: usize = 16;
    let next_chunk = AtomicUsize::new(0);
    let chunks = batch.len().div_ceil(CHUNK);
    let worker = || {
        let mut done: Vec<(usize, Vec<O>)> = Vec::new();
        loop {
            let index = next_chunk.fetch_add(1, Ordering::Relaxed);
            if index >= chunks {
                return done;
            }
            let start = index.saturating_mul(CHUNK);
            let end = start.saturating_add(CHUNK).min(batch.len());
            let items = batch.get(start..end).unwrap_or(&[]);
            done.push((index, items.iter().map(work).collect()));
        }
    };
    thread::scope(|scope| {
        let handles: Vec<_> = (1..threads).map(|_| scope.spawn(worker)).collect();
        let next = reader.batch();
        let mut slots: Vec<Option<Vec<O>>> = std::iter::repeat_with(|| None).take(chunks).collect();
        let mut place = |done: Vec<(usize, Vec<O>)>| {
            for (index, results) in done {
                if let Some(slot) = slots.get_mut(index) {
                    *slot = Some(results);
                }
            }
        };
        place(worker());
        for handle in handles {
            match handle.join() {
                Ok(done) => place(done),
                Err(payload) => std::panic::resume_unwind(payload),
            }
        }
        (slots.into_iter().flatten().flatten().collect(), next)
    })
}

/// Reads and drops the rest of a record (to the end of its line, or of the input), in bounded
/// memory; the number of bytes dropped.
fn skip_record(reader: &mut dyn BufRead, mode: Mode) -> io::Result<u64> {
    let mut skipped = 0u64;
    loop {
        let chunk = reader.fill_buf()?;
        if chunk.is_empty() {
            return Ok(skipped);
        }
        let (take, done) = match (mode, memchr_newline(chunk)) {
            (Mode::Lines, Some(at)) => (at.saturating_add(1), true),
            _ => (chunk.len(), false),
        };
        reader.consume(take);
        skipped = skipped.saturating_add(take as u64);
        if done {
            return Ok(skipped);
        }
    }
}

/// The position of the first `\n` in `bytes`.
fn memchr_newline(bytes: &[u8]) -> Option<usize> {
    bytes.iter().position(|&b| b == b'\n')
}
