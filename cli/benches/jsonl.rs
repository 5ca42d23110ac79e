//! `kcna-dates date --jsonl` side by side with a bare loop over the same file (issue 15).
//!
//! The bare loop reads the JSON Lines file line by line, parses each record with serde_json,
//! takes the text and reference fields, runs `date_article` and serializes the result with
//! serde_json to a `Vec`; it is timed twice, reading the record into a struct of the two fields
//! (`bare typed`) and into a `serde_json::Value` (`bare Value`). The CLI (the binary built with
//! this bench) is run on the same file with `--threads 1` and `--threads 2`, stdout to
//! `/dev/null`. The ratios `CLI1/typed` and `CLI1/Value` are the CLI's time (1 thread) over the
//! bare loop's; `CLI2 speedup` is the time with 1 thread over the time with 2. Every round runs
//! all four, one after the other, so the ratios compare runs made under the same load. Each is
//! given in wall time and in CPU time (user + system: this thread's for the bare loops, from
//! `/proc/thread-self/schedstat`; the child's for the CLI, from `/proc/self/stat`).
//!
//! Input: `KCNA_BENCH_CORPUS`, a `.jsonl` file or a directory of them (every record has `text`
//! and `known_date`), concatenated `KCNA_BENCH_REPEAT` times (default: enough copies for about
//! 200 MB, so that the CPU time of the CLI, counted in ticks of 10 ms, is precise to about 1%)
//! into a file in the temporary directory. Without it (or when it is not there), a synthetic
//! corpus is generated. `KCNA_BENCH_ROUNDS` sets the rounds (default 3).
//!
//! ```sh
//! KCNA_BENCH_CORPUS=/work/shared/corpus cargo bench -p kcna-dates-cli --bench jsonl
//! ```
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use std::fs::File;
use std::hint::black_box;
use std::io::{BufRead, BufReader, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

use chrono::NaiveDate;
use kcna_dates::{ArticleOptions, date_article};
use serde_json::Value;

const BIN: &str = env!("CARGO_BIN_EXE_kcna-dates");
const REFERENCE_FIELD: &str = "known_date";

/// The record read by the typed bare loop: only the two fields it needs.
#[derive(serde::Deserialize)]
struct Rec {
    text: String,
    #[serde(default)]
    known_date: Option<String>,
}

fn options(known_date: Option<&str>) -> ArticleOptions {
    let reference = known_date.and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
    match reference {
        Some(date) => ArticleOptions::new().with_reference(date),
        None => ArticleOptions::new(),
    }
}

/// The bare loop, reading each record into [`Rec`]; the number of records.
fn bare_typed(path: &Path) -> usize {
    let mut reader = BufReader::with_capacity(1 << 16, File::open(path).unwrap());
    let mut line = String::new();
    let mut out = Vec::new();
    let mut records = 0;
    loop {
        line.clear();
        if reader.read_line(&mut line).unwrap() == 0 {
            return records;
        }
        let Ok(rec) = serde_json::from_str::<Rec>(&line) else {
            continue;
        };
        let dated = date_article(&rec.text, &options(rec.known_date.as_deref()));
        out.clear();
        serde_json::to_writer(&mut out, &dated).unwrap();
        black_box(&out);
        records += 1;
    }
}

/// The bare loop, reading each record into a `serde_json::Value`; the number of records.
fn bare_value(path: &Path) -> usize {
    let mut reader = BufReader::with_capacity(1 << 16, File::open(path).unwrap());
    let mut line = String::new();
    let mut out = Vec::new();
    let mut records = 0;
    loop {
        line.clear();
        if reader.read_line(&mut line).unwrap() == 0 {
            return records;
        }
        let Ok(record) = serde_json::from_str::<Value>(&line) else {
            continue;
        };
        let Some(text) = record.get("text").and_then(Value::as_str) else {
            continue;
        };
        let known = record.get(REFERENCE_FIELD).and_then(Value::as_str);
        let dated = date_article(text, &options(known));
        out.clear();
        serde_json::to_writer(&mut out, &dated).unwrap();
        black_box(&out);
        records += 1;
    }
}

/// The CPU time of this thread so far, in seconds (`/proc/thread-self/schedstat`, ns).
fn thread_cpu() -> f64 {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse::<f64>().ok())
        .map_or(f64::NAN, |ns| ns / 1e9)
}

/// The user and system time of the children waited for so far, in seconds (`/proc/self/stat`
/// fields 16 and 17, in ticks of 1/100 s).
fn children_cpu() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    // The fields after the command name, which is in parentheses and may hold spaces.
    let after = stat.rsplit_once(')').map_or("", |(_, rest)| rest);
    let fields: Vec<&str> = after.split_whitespace().collect();
    // `after` starts at field 3 (state), so field n is at index n - 3.
    let ticks = |n: usize| fields.get(n - 3).and_then(|f| f.parse::<f64>().ok());
    match (ticks(16), ticks(17)) {
        (Some(user), Some(system)) => (user + system) / 100.0,
        _ => f64::NAN,
    }
}

fn cli(path: &Path, threads: usize) {
    let status = Command::new(BIN)
        .args(["date", "--jsonl", "--threads", &threads.to_string()])
        .args(["--reference-field", REFERENCE_FIELD])
        .arg(path)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .unwrap();
    assert!(status.success(), "{BIN} failed: {status}");
}

/// The `.jsonl` files of the corpus (a file, or the files of a directory), sorted.
fn corpus_files(corpus: &Path) -> Vec<PathBuf> {
    if corpus.is_file() {
        return vec![corpus.to_owned()];
    }
    let mut files: Vec<PathBuf> = std::fs::read_dir(corpus)
        .map(|dir| {
            dir.filter_map(Result::ok)
                .map(|entry| entry.path())
                .filter(|p| p.extension().is_some_and(|e| e == "jsonl"))
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    files
}

/// A synthetic corpus: articles with datelines, stamps, body dates, escapes and non-ASCII text,
/// and the other fields a scraped record carries.
fn synthetic() -> Vec<u8> {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    const FILLER: &str = "The delegation laid a floral basket before the statues and \
        toured the exhibition hall, where the guide said \\\"the great achievements of the \
        people\\\" would be handed down.\\nSpeakers stressed the need to increase production \
        and to carry out the tasks set forth at the plenary meeting, , ";
    let mut out = Vec::new();
    let mut seed: u32 = 12345;
    let mut next = |n: u32| {
        seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12345);
        (seed >> 16) % n
    };
    for i in 0..5000u32 {
        let month = next(12) as usize;
        let day = next(28) + 1;
        let year = 2000 + next(25);
        let mut text = String::new();
        if i % 4 != 0 {
            text.push_str(&format!("Pyongyang, {} {day} (KCNA) -- ", MONTHS[month]));
        } else {
            text.push_str(&format!("[Juche{}.{}.{day}.]\\n", year - 1911, month + 1));
        }
        for _ in 0..(2 + next(12)) {
            text.push_str(FILLER);
            if next(3) == 0 {
                text.push_str(&format!(
                    "on {} {}, {year} ",
                    MONTHS[next(12) as usize],
                    day
                ));
            }
            if next(5) == 0 {
                text.push_str("주체113(2024)년 조선중앙통신 \u{3000}평양 ");
            }
        }
        text.push_str("-0-");
        let line = format!(
            "{{\"source\":\"synthetic\",\"lang\":\"en\",\"known_date\":\"{year}-{:02}-{day:02}\",\
             \"title\":\"Article {i}\",\"url\":\"http://example.org/{i}.htm\",\"text\":\"{text}\"}}\n",
            month + 1
        );
        out.extend_from_slice(line.as_bytes());
    }
    out
}

fn main() {
    // `cargo bench` passes `--bench`; a filter argument is accepted and ignored. Without it
    // (`cargo test --benches`, as CI runs every bench once) one round over one copy of the input
    // checks that the bench still runs, quickly.
    let test_mode = !std::env::args().any(|a| a == "--bench");
    let rounds: usize = std::env::var("KCNA_BENCH_ROUNDS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(if test_mode { 1 } else { 3 });
    let corpus = std::env::var_os("KCNA_BENCH_CORPUS").map(PathBuf::from);
    let (name, one_copy) = match corpus.as_deref().map(corpus_files) {
        Some(files) if !files.is_empty() => {
            let mut bytes = Vec::new();
            for file in &files {
                bytes.extend(std::fs::read(file).unwrap());
                if bytes.last().is_some_and(|&b| b != b'\n') {
                    bytes.push(b'\n');
                }
            }
            (
                format!("{} files of {}", files.len(), corpus.unwrap().display()),
                bytes,
            )
        }
        _ => {
            println!(
                "KCNA_BENCH_CORPUS is not set or holds no .jsonl file: using a synthetic corpus"
            );
            ("synthetic corpus".to_owned(), synthetic())
        }
    };
    let repeat: usize = std::env::var("KCNA_BENCH_REPEAT")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or_else(|| {
            if test_mode {
                1
            } else {
                (200 << 20) / one_copy.len().max(1) + 1
            }
        });
    let path = std::env::temp_dir().join(format!("kcna-dates-bench-{}.jsonl", std::process::id()));
    {
        let mut file = BufWriter::new(File::create(&path).unwrap());
        for _ in 0..repeat {
            file.write_all(&one_copy).unwrap();
        }
        file.flush().unwrap();
    }
    let bytes = std::fs::metadata(&path).unwrap().len() as f64;
    println!(
        "input: {name} x{repeat} = {:.1} MB ({})",
        bytes / 1e6,
        path.display()
    );
    let mb_s = |seconds: f64| bytes / 1e6 / seconds;
    // Wall time, and CPU time (this thread's for the bare loops, the child's for the CLI): on a
    // machine shared with other work the CPU time is the steadier measure of work done.
    let time = |f: &mut dyn FnMut()| {
        let (cpu, children) = (thread_cpu(), children_cpu());
        let start = Instant::now();
        f();
        let wall = start.elapsed().as_secs_f64();
        let cpu = (thread_cpu() - cpu) + (children_cpu() - children);
        (wall, cpu)
    };
    // One warm-up of each, so the file is in the page cache and the binary loaded.
    black_box(bare_typed(&path));
    cli(&path, 1);
    println!(
        "{:>5} {:>5} {:>16} {:>16} {:>16} {:>16} {:>12} {:>12} {:>12}",
        "round",
        "time",
        "bare typed MB/s",
        "bare Value MB/s",
        "CLI 1 thr MB/s",
        "CLI 2 thr MB/s",
        "CLI1/typed",
        "CLI1/Value",
        "CLI2 speedup"
    );
    for round in 1..=rounds {
        let typed = time(&mut || {
            black_box(bare_typed(&path));
        });
        let value = time(&mut || {
            black_box(bare_value(&path));
        });
        let one = time(&mut || cli(&path, 1));
        let two = time(&mut || cli(&path, 2));
        for (kind, pick) in [("wall", 0), ("cpu", 1)] {
            let get = |t: (f64, f64)| if pick == 0 { t.0 } else { t.1 };
            let (typed, value, one, two) = (get(typed), get(value), get(one), get(two));
            println!(
                "{round:>5} {kind:>5} {:>16.1} {:>16.1} {:>16.1} {:>16.1} {:>12.2} {:>12.2} {:>12.2}",
                mb_s(typed),
                mb_s(value),
                mb_s(one),
                mb_s(two),
                one / typed,
                one / value,
                one / two
            );
        }
    }
    println!(
        "(cpu: user + system time; `CLI2 speedup` on the cpu line is the CPU time of 1 thread \
         over that of 2, below 1 by what the second thread costs in hand-off)"
    );
    let _ = std::fs::remove_file(&path);
}
