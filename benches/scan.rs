//! `scan` over whole texts, against the regex passes a user would otherwise write.
//!
//! * `scan_synthetic`: a ~3.6 MB text of invented KCNA-style articles (one dateline and one stamp per
//!   article, a few month-name dates, `on Monday`s, occasional `Juche 113 (2024)`, `3/4` and
//!   `1,000` noise). Timed: our `scan`, four separate regex `find_iter` passes (dateline,
//!   DD/MM/YYYY, Juche stamp, month-name date), one combined regex alternation, and the ceiling
//!   `memchr::memmem::find_iter` for the literal `(KCNA)`. Throughput is in bytes.
//! * `corpus_<file>`: for each file of `../shared/corpus/*.jsonl` (the `text` fields), when that
//!   directory exists next to the repository (skipped with a message otherwise): our `scan` over
//!   the texts concatenated, `date_article` on each text, and the ceiling `memmem` of `(KCNA)`.
//!
//! Before timing, the match counts of each alternative are checked against ours, kind by kind.
//!
//! Run: `cargo bench --bench scan -- --noplot`.

#![allow(
    missing_docs,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    clippy::arithmetic_side_effects,
    clippy::string_slice
)]

use std::fmt::Write as _;
use std::hint::black_box;
use std::path::Path;
use std::time::Duration;

use chrono::{Datelike, NaiveDate};
use criterion::{Criterion, SamplingMode, Throughput, criterion_group, criterion_main};
use kcna_dates::{ArticleOptions, NotationKind, date_article, scan};
use regex::Regex;

/// The size of the synthetic text, in bytes (at least).
const SYNTHETIC_LEN: usize = 3_600_000;

/// Invented news prose in the house style; `{}`-free, so it can be mixed freely.
const PARAGRAPHS: &[&str] = &[
    "The respected comrade inspected the newly built Ryongsong Machine Complex and praised the \
     officials and workers who had overfulfilled their plan for the first half of the year. He \
     went round the assembly shop and the forging workshop, saying that the complex had become a \
     model unit in the country's machine-building industry.",
    "Working people across the country are waging a vigorous campaign to carry out the tasks set \
     forth at the Plenary Meeting of the Central Committee. Farmers of the cooperative farms in \
     South Hwanghae Province finished rice transplanting ahead of schedule, and the irrigation \
     channels were repaired by volunteers from the city.",
    "A national exhibition of science and technology opened at the Sci-Tech Complex. On display \
     are more than 1,000 inventions and new technologies developed by scientists, technicians \
     and innovators, including energy-saving pumps and a new variety of maize suited to the \
     climate of the northern highlands.",
    "The delegation laid a floral basket before the statues of the great leaders on Mansu Hill. \
     Speakers at the meeting said that the friendship between the two peoples, forged in the \
     common struggle against imperialism, would grow stronger with each passing day.",
    "Nearly 3/4 of the new flats in the district are already occupied by families of teachers, \
     doctors and workers of the textile mill. The streets are lined with trees, and the \
     kindergarten, the clinic and the shops stand ready to serve the residents.",
    "The spokesman denounced the provocative military drills staged by the hostile forces near \
     the Korean peninsula, calling them a dangerous act that threatens peace and stability in \
     the region. He stressed that the army and people would never tolerate any infringement on \
     the sovereignty of the country.",
    "Students of Kim Il Sung University held a seminar on the history of the revolutionary \
     struggle. Papers were read on the founding of the Workers' Party of Korea, the building of \
     an independent national economy and the traditions handed down from the anti-Japanese \
     guerrillas in the forests of Mount Paektu.",
    "Fishermen of the East Sea caught tonnes of squid and pollack this season, bringing their \
     catch to the processing plants of Sinpho and Hongwon. The officials of the fisheries \
     sector said new boats and refrigerated storage had raised the output by half.",
];

const PLACES: &[&str] = &[
    "Pyongyang",
    "Pyongyang",
    "Pyongyang",
    "Wonsan",
    "Kaesong",
    "Hamhung",
    "Sinuiju",
    "Chongjin",
    "Panmunjom",
];

const MONTHS: &[&str] = &[
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

const SHORT_MONTHS: &[&str] = &[
    "Jan.", "Feb.", "Mar.", "Apr.", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec.",
];

const WEEKDAYS: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// A small deterministic generator (xorshift64*), so every run scans the same text.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }

    /// A day that every month has.
    fn day(&mut self) -> usize {
        1 + self.below(28)
    }
}

/// About `len` bytes of articles: a dateline each, a few body notations, a stamp at the end.
fn synthetic_text(len: usize) -> String {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut text = String::with_capacity(len + 4096);
    while text.len() < len {
        let month = rng.below(12);
        let day = rng.day();
        let year = 2012 + rng.below(14);
        // Dateline, with the separators seen in real text.
        let sep = ["-- ", "--", "\u{2013} "][rng.below(3)];
        write!(
            text,
            "{}, {} {} (KCNA) {}",
            rng.pick(PLACES),
            MONTHS[month],
            day,
            sep
        )
        .unwrap();
        let paragraphs = 3 + rng.below(3);
        for p in 0..paragraphs {
            text.push_str(rng.pick(PARAGRAPHS));
            match rng.below(8) {
                0 | 1 => write!(
                    text,
                    " The meeting was held on {} {}, {}.",
                    MONTHS[rng.below(12)],
                    rng.day(),
                    year
                )
                .unwrap(),
                2 => write!(
                    text,
                    " It was first published on {} {}, {}.",
                    SHORT_MONTHS[rng.below(12)],
                    rng.day(),
                    year - rng.below(30)
                )
                .unwrap(),
                3 => text.push_str(" The talks will continue on Monday."),
                4 => write!(text, " The work began in Juche {} ({}).", year - 1911, year).unwrap(),
                5 => {
                    let (m, d) = (rng.below(12), rng.day());
                    let date =
                        NaiveDate::from_ymd_opt(year as i32, m as u32 + 1, d as u32).unwrap();
                    write!(
                        text,
                        " The decision was adopted on {}, {} {}, {}.",
                        WEEKDAYS[date.weekday().num_days_from_monday() as usize],
                        MONTHS[m],
                        d,
                        year
                    )
                    .unwrap();
                }
                6 => {
                    let juche = 80 + rng.below(20);
                    write!(
                        text,
                        " The monument was unveiled on Dec. 5, Juche {} ({}).",
                        juche,
                        juche + 1911
                    )
                    .unwrap();
                }
                _ => {}
            }
            text.push_str(if p + 1 == paragraphs { "\n" } else { "\n\n" });
        }
        match rng.below(3) {
            0 => writeln!(text, "Juche{}.{}.{}.\n", year - 1911, month + 1, day).unwrap(),
            1 => writeln!(text, "{}.{:02}.{:02}.\n", year, month + 1, day).unwrap(),
            _ => writeln!(text, "Date: {:02}/{:02}/{}\n", day, month + 1, year).unwrap(),
        }
    }
    text
}

const MONTH_ALT: &str =
    "January|February|March|April|May|June|July|August|September|October|November|December";

/// The dateline as a user would write it (`\w` is Unicode-aware in the regex crate).
fn dateline_pattern() -> String {
    format!(r"[A-Z][\w ]*, (?:{MONTH_ALT}) \d{{1,2}} \([A-Z]+\)")
}

/// The same with an ASCII place, to show the alternation's cost is not Unicode `\w` (measured:
/// both alternations run at ~15 MiB/s on the synthetic text; the separate passes each get a literal
/// prefilter, the alternation gets none).
fn dateline_pattern_ascii() -> String {
    format!(r"[A-Z][A-Za-z ]*, (?:{MONTH_ALT}) \d{{1,2}} \([A-Z]+\)")
}

const DMY_PATTERN: &str = r"\b\d{1,2}/\d{1,2}/\d{4}\b";
const JUCHE_PATTERN: &str = r"Juche\d+\.\d{1,2}\.\d{1,2}\.?";

fn month_name_pattern() -> String {
    format!(
        r"(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), )?(?:{MONTH_ALT}|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?) \d{{1,2}}, (?:\d{{4}}|Juche \d+ ?\(\d{{4}}\))"
    )
}

/// The four single-notation regexes, in the order dateline, DD/MM/YYYY, Juche stamp, month name.
fn four_regexes() -> [Regex; 4] {
    [
        Regex::new(&dateline_pattern()).unwrap(),
        Regex::new(DMY_PATTERN).unwrap(),
        Regex::new(JUCHE_PATTERN).unwrap(),
        Regex::new(&month_name_pattern()).unwrap(),
    ]
}

fn combined_regex(dateline: &str) -> Regex {
    Regex::new(&format!(
        "(?:{})|(?:{})|(?:{})|(?:{})",
        dateline,
        DMY_PATTERN,
        JUCHE_PATTERN,
        month_name_pattern()
    ))
    .unwrap()
}

fn count_four_passes(regexes: &[Regex; 4], text: &str) -> [usize; 4] {
    [
        regexes[0].find_iter(text).count(),
        regexes[1].find_iter(text).count(),
        regexes[2].find_iter(text).count(),
        regexes[3].find_iter(text).count(),
    ]
}

fn config() -> Criterion {
    Criterion::default()
        .measurement_time(Duration::from_secs(3))
        .warm_up_time(Duration::from_secs(1))
        .sample_size(20)
}

fn scan_synthetic(c: &mut Criterion) {
    let text = synthetic_text(SYNTHETIC_LEN);
    let regexes = four_regexes();
    let combined = combined_regex(&dateline_pattern());
    let combined_ascii = combined_regex(&dateline_pattern_ascii());
    let kcna = memchr::memmem::Finder::new("(KCNA)");

    // Same answers, kind by kind, before any timing.
    let kinds = [
        NotationKind::Dateline,
        NotationKind::Dmy,
        NotationKind::JucheStamp,
        NotationKind::MonthName,
    ];
    let found: Vec<_> = scan(&text).collect();
    assert!(
        found.iter().all(|f| f.is_valid()),
        "synthetic text is all valid"
    );
    let ours = kinds.map(|k| found.iter().filter(|f| f.kind() == k).count());
    let passes = count_four_passes(&regexes, &text);
    assert_eq!(ours, passes, "scan vs four regex passes: {kinds:?}");
    assert_eq!(
        combined.find_iter(&text).count(),
        ours.iter().sum::<usize>()
    );
    assert_eq!(kcna.find_iter(text.as_bytes()).count(), ours[0]);
    eprintln!(
        "synthetic text: {} bytes, {} notations found by scan ({} datelines, {} dd/mm/yyyy, {} Juche \
         stamps, {} month-name dates, {} other)",
        text.len(),
        found.len(),
        ours[0],
        ours[1],
        ours[2],
        ours[3],
        found.len() - ours.iter().sum::<usize>()
    );

    let mut g = c.benchmark_group("scan_synthetic");
    g.sampling_mode(SamplingMode::Flat);
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.bench_function("kcna_dates::scan", |b| {
        b.iter(|| scan(black_box(&text)).count());
    });
    g.bench_function("regex_four_passes", |b| {
        b.iter(|| count_four_passes(&regexes, black_box(&text)));
    });
    g.bench_function("regex_alternation", |b| {
        b.iter(|| combined.find_iter(black_box(&text)).count());
    });
    g.bench_function("regex_alternation_ascii_place", |b| {
        b.iter(|| combined_ascii.find_iter(black_box(&text)).count());
    });
    g.bench_function("memchr_memmem_KCNA", |b| {
        b.iter(|| kcna.find_iter(black_box(text.as_bytes())).count());
    });
    g.finish();
}

/// The `text` fields of each `*.jsonl` file in `../shared/corpus`, concatenated (with a blank
/// line between them) and one by one, by file name.
fn corpus_texts() -> Vec<(String, String, Vec<String>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return Vec::new();
    };
    let mut files: Vec<_> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "jsonl"))
        .collect();
    files.sort();
    files
        .into_iter()
        .filter_map(|path| {
            let data = std::fs::read_to_string(&path).ok()?;
            let mut text = String::new();
            let mut records = Vec::new();
            for line in data.lines().filter(|l| !l.trim().is_empty()) {
                let record: serde_json::Value = serde_json::from_str(line).ok()?;
                if let Some(t) = record.get("text").and_then(|t| t.as_str()) {
                    text.push_str(t);
                    text.push_str("\n\n");
                    records.push(t.to_owned());
                }
            }
            let name = path.file_stem()?.to_string_lossy().into_owned();
            Some((name, text, records))
        })
        .filter(|(_, text, _)| !text.is_empty())
        .collect()
}

/// Per corpus file, side by side: `scan`, `date_article` on each record (the same texts), and the
/// memchr ceiling (`memmem` of `(KCNA)` over the same bytes).
fn scan_corpus(c: &mut Criterion) {
    let texts = corpus_texts();
    if texts.is_empty() {
        eprintln!("scan_corpus: no ../shared/corpus next to the repository; skipped");
        return;
    }
    let kcna = memchr::memmem::Finder::new(b"(KCNA)");
    let options = ArticleOptions::new();
    for (name, text, records) in &texts {
        eprintln!(
            "corpus {name}: {} bytes, {} records, {} notations",
            text.len(),
            records.len(),
            scan(text).count()
        );
        let mut g = c.benchmark_group(format!("corpus_{name}"));
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_function("kcna_dates::scan", |b| {
            b.iter(|| scan(black_box(text)).count());
        });
        g.bench_function("kcna_dates::date_article", |b| {
            b.iter(|| {
                records
                    .iter()
                    .map(|r| date_article(black_box(r), &options).signals.len())
                    .sum::<usize>()
            });
        });
        g.bench_function("memchr_memmem_KCNA", |b| {
            b.iter(|| kcna.find_iter(black_box(text.as_bytes())).count());
        });
        g.finish();
    }
}

criterion_group! {
    name = benches;
    config = config();
    targets = scan_synthetic, scan_corpus
}
criterion_main!(benches);
