//! Streaming input: files (or stdin) read as bytes, line by line or whole, in bounded batches,
//! worked on by several threads with the results handed back in input order.

use std::collections::BTreeMap;
use std::fs::File;
use std::io::{self, BufRead, BufReader, IsTerminal, Read};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError, mpsc};
use std::thread;
use std::time::Duration;

use flate2::bufread::MultiGzDecoder;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use serde_json::{Map, Value};

/// The name under which standard input is reported.
pub const STDIN_NAME: &str = "-";

/// Most items in one batch handed to a worker thread.
const BATCH_ITEMS: usize = 32;
/// Most bytes in one batch (a single longer item still makes a batch of its own): small, so that
/// a batch is still in the CPU's cache when a worker takes it.
const BATCH_BYTES: usize = 128 << 10;

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

/// Whether a file name ends in `.jsonl` or `.ndjson` (any case), before a `.gz`.
pub fn has_jsonl_extension(path: &Path) -> bool {
    let has = |path: &Path, names: &[&str]| {
        path.extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| names.iter().any(|name| e.eq_ignore_ascii_case(name)))
    };
    let inner = if is_gzip(path) {
        path.file_stem().map(Path::new)
    } else {
        Some(path)
    };
    inner.is_some_and(|inner| has(inner, &["jsonl", "ndjson"]))
}

/// Whether a file name ends in `.gz` (any case): it is read through a gzip decoder, every member
/// of it, as `gzip -dc` (and `rg -z`) read it.
pub fn is_gzip(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("gz"))
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
        // Known only for files read as they are: a `.gz` file's size is not what is read of it.
        let total_bytes = inputs.iter().try_fold(0u64, |sum, input| {
            let path = input.as_ref().filter(|path| !is_gzip(path))?;
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
        self.progress.suspend(|| note!("kcna-dates: {message}"));
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
            let read = match mode {
                Mode::Whole => (&mut current.reader)
                    .take(limit.saturating_add(1))
                    .read_to_end(&mut buf),
                Mode::Lines => read_line(&mut current.reader, &mut buf, limit.saturating_add(1)),
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

    /// The next batch: at most [`BATCH_ITEMS`] items and about [`BATCH_BYTES`] bytes; and its
    /// bytes.
    fn batch(&mut self) -> (Vec<Item>, usize) {
        let mut batch = Vec::new();
        let mut bytes = 0usize;
        while batch.len() < BATCH_ITEMS && bytes < BATCH_BYTES {
            let Some(item) = self.next_item() else {
                break;
            };
            bytes = bytes.saturating_add(item.len());
            batch.push(item);
        }
        (batch, bytes)
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
                note!("kcna-dates: reading standard input (pass a FILE or pipe text)");
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
            let reader = File::open(&path).map(|file| -> Box<dyn BufRead> {
                if is_gzip(&path) {
                    let decoder = MultiGzDecoder::new(BufReader::with_capacity(1 << 16, file));
                    Box::new(BufReader::with_capacity(1 << 16, decoder))
                } else {
                    Box::new(BufReader::with_capacity(1 << 16, file))
                }
            });
            match reader {
                Ok(reader) => Ok(Current {
                    name,
                    reader,
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

/// A progress bar on stderr when stderr is a terminal (and not `--quiet`); hidden otherwise.
///
/// The bar fills the terminal's width and no more (it is redrawn to a new width when the
/// terminal is resized). It is cleared when the run ends, and on Ctrl-C, which then ends the
/// process with exit code 130.
pub fn progress_bar(reader: &Reader) -> ProgressBar {
    if !io::stderr().is_terminal() || crate::quiet() {
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
/// With one thread, each item is worked on and consumed as soon as it is read, so its bytes are
/// still in the CPU's cache. With more, see [`run_in_parallel`]. Memory is bounded either way.
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
    if threads > 1 {
        return run_in_parallel(reader, threads, progress, &work, &mut consume);
    }
    let mut shown = 0u64;
    while let Some(item) = reader.next_item() {
        consume(&item, work(&item))?;
        if reader.bytes_read.saturating_sub(shown) >= PROGRESS_STEP {
            shown = reader.bytes_read;
            progress.set_position(shown);
        }
    }
    progress.set_position(reader.bytes_read);
    Ok(())
}

/// Bytes read between two updates of the progress bar by a single thread.
const PROGRESS_STEP: u64 = 1 << 20;

/// A batch handed to a worker: its number in input order and its items.
type Batch = (u64, Vec<Item>);

/// What a worker hands back.
enum Handed<O> {
    /// A batch and the result of each of its items.
    Done(u64, Vec<Item>, Vec<O>),
    /// A worker panicked (sent as it unwinds), so a batch will never come back.
    Lost,
}

/// Says [`Handed::Lost`] when a worker unwinds from a panic.
struct LostOnPanic<O: Send> {
    results: mpsc::Sender<Handed<O>>,
}

impl<O: Send> Drop for LostOnPanic<O> {
    fn drop(&mut self) {
        if thread::panicking() {
            let _ = self.results.send(Handed::Lost);
        }
    }
}

/// Runs `work` on `threads` threads, this one and `threads - 1` workers started once for the
/// whole run, and `consume` on this thread in input order.
///
/// This thread reads small batches (at most [`BATCH_ITEMS`] items and about [`BATCH_BYTES`]
/// bytes, a longer item making a batch of its own) and hands them out through a queue; each
/// worker takes the next batch when it is done with one, so a slow record (or a descheduled
/// thread) holds up no other batch. When this thread would wait for a result, it takes a batch
/// from the queue and works on it itself: `threads` threads are busy, not `threads + 1` (on two
/// cores, a third busy thread cost 15-34% more CPU time in preemption and hand-off). Results
/// are put in input order and consumed (written) as they come. Memory is bounded: at most
/// `4 × threads` batches, and about [`IN_FLIGHT_BYTES`] bytes of input (or one longer item),
/// are read and not yet consumed at any time.
///
/// # Errors
/// The first error returned by `consume`; reading then stops, and the workers finish the batches
/// already read (at most `4 × threads`).
fn run_in_parallel<O, W, C>(
    reader: &mut Reader,
    threads: usize,
    progress: &ProgressBar,
    work: &W,
    consume: &mut C,
) -> io::Result<()>
where
    O: Send,
    W: Fn(&Item) -> O + Sync,
    C: FnMut(&Item, O) -> io::Result<()>,
{
    let (batches, queue) = mpsc::channel::<Batch>();
    let queue = Mutex::new(queue);
    let (results, handed) = mpsc::channel::<Handed<O>>();
    thread::scope(|scope| {
        let workers: Vec<_> = (1..threads)
            .map(|_| {
                let results = results.clone();
                let queue = &queue;
                scope.spawn(move || {
                    let lost = LostOnPanic { results };
                    loop {
                        // The lock is held only while waiting for the next batch.
                        let next = queue.lock().unwrap_or_else(PoisonError::into_inner).recv();
                        let Ok((number, items)) = next else {
                            return;
                        };
                        let done: Vec<O> = items.iter().map(work).collect();
                        if lost
                            .results
                            .send(Handed::Done(number, items, done))
                            .is_err()
                        {
                            return;
                        }
                    }
                })
            })
            .collect();
        drop(results);
        let pool = Pool {
            batches: &batches,
            queue: &queue,
            handed: &handed,
            work,
        };
        let outcome = hand_out(reader, threads, progress, &pool, consume);
        // No more batches: the workers stop once the queue is empty.
        drop(batches);
        for worker in workers {
            if let Err(payload) = worker.join() {
                std::panic::resume_unwind(payload);
            }
        }
        outcome
    })
}

/// The two ends of [`run_in_parallel`]'s queues that this thread holds, and the work.
struct Pool<'a, O, W> {
    /// Where batches are sent to the workers.
    batches: &'a mpsc::Sender<Batch>,
    /// The workers' end of that queue, from which this thread takes a batch when it would wait.
    queue: &'a Mutex<mpsc::Receiver<Batch>>,
    /// Where the workers' results come back.
    handed: &'a mpsc::Receiver<Handed<O>>,
    work: &'a W,
}

impl<O, W: Fn(&Item) -> O> Pool<'_, O, W> {
    /// The next batch done: a worker's result if one is back (so that it is written, and the
    /// queue refilled, without delay), else one this thread takes from the queue and works on,
    /// if there is one it can take at once, else the next result of a worker (waiting for it).
    fn next_done(&self) -> Handed<O> {
        if let Ok(handed) = self.handed.try_recv() {
            return handed;
        }
        // `try_lock`: a worker holds the lock while it waits for a batch, so the queue is empty
        // (or about to be) and this thread waits for a result instead of for the lock.
        let taken = self
            .queue
            .try_lock()
            .ok()
            .and_then(|queue| queue.try_recv().ok());
        if let Some((number, items)) = taken {
            let done = items.iter().map(self.work).collect();
            return Handed::Done(number, items, done);
        }
        self.handed.recv().unwrap_or(Handed::Lost)
    }
}

/// Most bytes of input read and not yet consumed by [`run_in_parallel`] (one longer item is
/// always let through).
const IN_FLIGHT_BYTES: usize = 4 << 20;

/// The loop of [`run_in_parallel`] on this thread: reads and sends batches while there is room,
/// and consumes results in input order.
fn hand_out<O, W, C>(
    reader: &mut Reader,
    threads: usize,
    progress: &ProgressBar,
    pool: &Pool<'_, O, W>,
    consume: &mut C,
) -> io::Result<()>
where
    W: Fn(&Item) -> O,
    C: FnMut(&Item, O) -> io::Result<()>,
{
    let most_batches = threads.saturating_mul(4);
    let mut sent = 0u64;
    let mut written = 0u64;
    let mut in_flight = 0usize;
    let mut in_flight_bytes = 0usize;
    let mut waiting: BTreeMap<u64, (Vec<Item>, Vec<O>)> = BTreeMap::new();
    let mut more = true;
    loop {
        while more
            && in_flight < most_batches
            && (in_flight == 0 || in_flight_bytes < IN_FLIGHT_BYTES)
        {
            let (items, bytes) = reader.batch();
            if items.is_empty() {
                more = false;
                break;
            }
            if pool.batches.send((sent, items)).is_err() {
                // Every worker is gone: only a panic does that, which the join reports.
                return Ok(());
            }
            sent = sent.saturating_add(1);
            in_flight = in_flight.saturating_add(1);
            in_flight_bytes = in_flight_bytes.saturating_add(bytes);
        }
        if in_flight == 0 {
            return Ok(());
        }
        match pool.next_done() {
            Handed::Done(number, items, results) => {
                waiting.insert(number, (items, results));
            }
            // A worker panicked: the join reports it.
            Handed::Lost => return Ok(()),
        }
        while let Some((items, results)) = waiting.remove(&written) {
            for (item, result) in items.iter().zip(results) {
                consume(item, result)?;
            }
            written = written.saturating_add(1);
            in_flight = in_flight.saturating_sub(1);
            in_flight_bytes = in_flight_bytes.saturating_sub(items.iter().map(Item::len).sum());
        }
        progress.set_position(reader.bytes_read);
    }
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
    memchr::memchr(b'\n', bytes)
}

/// Appends to `buf` the bytes of `reader` up to and with the next `\n`, or up to `limit` bytes, or
/// to the end of the input; the number of bytes appended. As `reader.take(limit).read_until(b'\n',
/// buf)`, with a vectorized search for the line break.
fn read_line(reader: &mut dyn BufRead, buf: &mut Vec<u8>, limit: u64) -> io::Result<usize> {
    let mut read = 0usize;
    loop {
        let available = match reader.fill_buf() {
            Ok(available) => available,
            Err(err) if err.kind() == io::ErrorKind::Interrupted => continue,
            Err(err) => return Err(err),
        };
        let room = usize::try_from(limit.saturating_sub(read as u64)).unwrap_or(usize::MAX);
        let window = available.get(..room).unwrap_or(available);
        let (used, done) = match memchr_newline(window) {
            Some(at) => (at.saturating_add(1), true),
            None => (window.len(), window.is_empty() || window.len() == room),
        };
        buf.extend_from_slice(window.get(..used).unwrap_or(window));
        reader.consume(used);
        read = read.saturating_add(used);
        if done {
            return Ok(read);
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::panic)]
    use super::*;

    /// A JSON Lines file of `lines` lines of varied lengths, deleted on drop.
    struct TempLines(PathBuf);

    impl TempLines {
        fn new(name: &str, lines: usize) -> TempLines {
            let path = std::env::temp_dir().join(format!(
                "kcna-dates-input-{}-{name}.jsonl",
                std::process::id()
            ));
            let text: String = (1..=lines)
                .map(|n| format!("{{\"n\":{n},\"pad\":\"{}\"}}\n", "x".repeat(n % 97 * 50)))
                .collect();
            std::fs::write(&path, text).unwrap();
            TempLines(path)
        }
    }

    impl Drop for TempLines {
        fn drop(&mut self) {
            let _ = std::fs::remove_file(&self.0);
        }
    }

    fn reader(file: &TempLines) -> Reader {
        Reader::new(
            std::slice::from_ref(&file.0),
            Mode::Lines,
            Format::JsonLines,
        )
    }

    /// Work whose time varies from item to item, so the threads finish out of order.
    fn slow_line(item: &Item) -> u64 {
        if item.line % 7 == 0 {
            thread::sleep(Duration::from_micros(200));
        }
        item.line
    }

    #[test]
    fn read_line_is_take_read_until() {
        let text = b"one\ntwo two\n\nthree three three\nno line break at the end";
        for capacity in [1, 2, 3, 5, 64] {
            for limit in [0, 1, 2, 4, 5, 9, 100] {
                let mut ours = BufReader::with_capacity(capacity, &text[..]);
                let mut std = BufReader::with_capacity(capacity, &text[..]);
                loop {
                    let (mut a, mut b) = (Vec::new(), Vec::new());
                    let n = read_line(&mut ours, &mut a, limit).unwrap();
                    let m = (&mut std).take(limit).read_until(b'\n', &mut b).unwrap();
                    assert_eq!((n, &a), (m, &b), "capacity {capacity}, limit {limit}");
                    if n == 0 {
                        break;
                    }
                }
            }
        }
    }

    #[test]
    fn results_are_consumed_in_input_order() {
        let file = TempLines::new("order", 2000);
        for threads in [1, 2, 3, 8] {
            let mut seen = Vec::new();
            run(
                &mut reader(&file),
                threads,
                &ProgressBar::hidden(),
                slow_line,
                |item, line| {
                    assert_eq!(item.line, line);
                    seen.push(line);
                    Ok(())
                },
            )
            .unwrap();
            assert_eq!(seen, (1..=2000).collect::<Vec<u64>>(), "{threads} threads");
        }
    }

    #[test]
    fn a_write_error_stops_the_run() {
        let file = TempLines::new("error", 2000);
        for threads in [1, 2, 3] {
            let mut written = 0;
            let result = run(
                &mut reader(&file),
                threads,
                &ProgressBar::hidden(),
                slow_line,
                |_, line| {
                    if line == 300 {
                        return Err(io::Error::from(io::ErrorKind::BrokenPipe));
                    }
                    written += 1;
                    Ok(())
                },
            );
            assert_eq!(result.unwrap_err().kind(), io::ErrorKind::BrokenPipe);
            assert_eq!(written, 299, "{threads} threads");
        }
    }

    #[test]
    fn a_panic_in_a_worker_reaches_the_caller() {
        let file = TempLines::new("panic", 2000);
        for threads in [2, 3] {
            let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                run(
                    &mut reader(&file),
                    threads,
                    &ProgressBar::hidden(),
                    |item| {
                        if item.line == 1234 {
                            panic!("worker panic at line 1234");
                        }
                        item.line
                    },
                    |_, _| Ok(()),
                )
            }));
            let payload = outcome.unwrap_err();
            assert_eq!(
                payload.downcast_ref::<&str>(),
                Some(&"worker panic at line 1234")
            );
        }
    }
}
