//! Streaming input: files (or stdin) read as bytes, line by line or whole, in bounded batches,
//! worked on by several threads with the results handed back in input order.

use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// The name under which standard input is reported.
pub const STDIN_NAME: &str = "-";

/// Most items in one batch.
const BATCH_ITEMS: usize = 1024;
/// Most bytes in one batch (a single longer item still makes a batch of its own).
const BATCH_BYTES: usize = 4 << 20;

/// How an input is cut into items.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// One item per line (JSON Lines, or lines of a text file to scan).
    Lines,
    /// The whole input is one item (a plain article file).
    Whole,
}

/// What an item holds.
pub enum Body {
    /// The bytes of the line (without its `\n`) or of the whole file.
    Bytes(Vec<u8>),
    /// The input could not be opened or read any further.
    FileError(String),
}

/// One unit of input.
pub struct Item {
    /// The input's name (`-` for stdin).
    pub file: Arc<str>,
    /// 1-based line number of the item's first line.
    pub line: u64,
    /// Byte offset of the item in its input.
    pub offset: u64,
    /// The content.
    pub body: Body,
}

impl Item {
    fn len(&self) -> usize {
        match &self.body {
            Body::Bytes(bytes) => bytes.len(),
            Body::FileError(_) => 0,
        }
    }
}

struct Current {
    name: Arc<str>,
    reader: Box<dyn BufRead>,
    line: u64,
    offset: u64,
}

/// Reads items from a list of inputs, one after the other.
pub struct Reader {
    inputs: std::vec::IntoIter<Option<PathBuf>>,
    current: Option<Current>,
    mode: Mode,
    /// Bytes read so far, over all inputs.
    pub bytes_read: u64,
    /// The sum of the sizes of the inputs, when all are files of known size.
    pub total_bytes: Option<u64>,
}

impl Reader {
    /// A reader of `files`, or of stdin when `files` is empty (`-` also names stdin).
    pub fn new(files: &[PathBuf], mode: Mode) -> Reader {
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
            mode,
            bytes_read: 0,
            total_bytes,
        }
    }

    /// The next item, or `None` at the end of the last input.
    pub fn next_item(&mut self) -> Option<Item> {
        loop {
            let current = match self.current.as_mut() {
                Some(current) => current,
                None => {
                    let input = self.inputs.next()?;
                    match open(input) {
                        Ok(opened) => self.current.insert(opened),
                        Err((name, message)) => {
                            return Some(Item {
                                file: name,
                                line: 0,
                                offset: 0,
                                body: Body::FileError(message),
                            });
                        }
                    }
                }
            };
            let mut buf = Vec::new();
            let read = match self.mode {
                Mode::Whole => current.reader.read_to_end(&mut buf),
                Mode::Lines => current.reader.read_until(b'\n', &mut buf),
            };
            match read {
                Ok(0) if self.mode == Mode::Lines => {
                    self.current = None;
                }
                Ok(n) => {
                    let line = current.line.saturating_add(1);
                    let item = Item {
                        file: current.name.clone(),
                        line,
                        offset: current.offset,
                        body: Body::Bytes(buf),
                    };
                    current.line = line;
                    current.offset = current.offset.saturating_add(n as u64);
                    self.bytes_read = self.bytes_read.saturating_add(n as u64);
                    if self.mode == Mode::Whole {
                        self.current = None;
                    }
                    let mut item = item;
                    if let Body::Bytes(bytes) = &mut item.body {
                        if self.mode == Mode::Lines && bytes.last() == Some(&b'\n') {
                            bytes.pop();
                        }
                    }
                    return Some(item);
                }
                Err(err) => {
                    let item = Item {
                        file: current.name.clone(),
                        line: current.line.saturating_add(1),
                        offset: current.offset,
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

/// Opens an input: a file, or stdin for `None`.
fn open(input: Option<PathBuf>) -> Result<Current, (Arc<str>, String)> {
    match input {
        None => Ok(Current {
            name: Arc::from(STDIN_NAME),
            reader: Box::new(BufReader::with_capacity(1 << 16, io::stdin())),
            line: 0,
            offset: 0,
        }),
        Some(path) => {
            let name: Arc<str> = Arc::from(path.to_string_lossy().as_ref());
            match File::open(&path) {
                Ok(file) => Ok(Current {
                    name,
                    reader: Box::new(BufReader::with_capacity(1 << 16, file)),
                    line: 0,
                    offset: 0,
                }),
                Err(err) => Err((name, format!("cannot open: {err}"))),
            }
        }
    }
}

/// A progress bar on stderr when stderr is a terminal; hidden otherwise.
pub fn progress_bar(reader: &Reader) -> ProgressBar {
    use std::io::IsTerminal;
    if !io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = match reader.total_bytes {
        Some(total) => {
            let bar = ProgressBar::new(total);
            if let Ok(style) = ProgressStyle::with_template(
                "{bar:40} {bytes}/{total_bytes} {bytes_per_sec} eta {eta} {msg}",
            ) {
                bar.set_style(style);
            }
            bar
        }
        None => {
            let bar = ProgressBar::new_spinner();
            if let Ok(style) =
                ProgressStyle::with_template("{spinner} {bytes} {bytes_per_sec} {msg}")
            {
                bar.set_style(style);
            }
            bar
        }
    };
    bar.set_draw_target(ProgressDrawTarget::stderr());
    bar
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
