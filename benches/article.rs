//! `date_article` on adversarial texts: does its cost grow linearly with the input?
//!
//! Each shape is built to 1 MiB and to 8 MiB (`article/<shape>/1MiB`, `article/<shape>/8MiB`,
//! throughput in bytes, so a linear cost shows the same MiB/s at both sizes). Before criterion runs,
//! a single-shot table gives each shape's time at both sizes, the 8 MiB / 1 MiB ratio (8.0 is
//! linear; the goal is at most 10) and the size of the result (signals, body dates, conflict
//! groups), which must grow linearly too.
//!
//! A shape that a preflight (64 KiB vs 256 KiB) finds clearly superlinear is flagged in the table
//! and fails the run (and CI, which runs this bench once with `cargo test --benches`), in minutes,
//! not hours.
//!
//! Run: `cargo bench --bench article -- --noplot`.

#![allow(
    missing_docs,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    clippy::arithmetic_side_effects,
    clippy::string_slice
)]

use std::hint::black_box;
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use criterion::{
    BenchmarkId, Criterion, SamplingMode, Throughput, criterion_group, criterion_main,
};
use kcna_dates::{ArticleDate, ArticleOptions, date_article};

mod common;

use common::{MIB, benchmarking, fail_if_superlinear, profiling, size_label, sizes_for};

/// A kcna.kp page as a reader saves it: listing date, day-first stamp, dateline, body dates of
/// every kind, page stamp.
const ARTICLE: &str = "November 08, 2022November 08, 2022\n\
    Date: 08/11/2022 | Source: Korean Central News Agency (KCNA)\n\
    Pyongyang, November 8 (KCNA) -- A national meeting took place on Monday, November 7.\n\
    The delegation arrived on November 3, in October 2014 and in May Juche 106 (2017) it left.\n\
    Pyongyang\nNovember 7, 2022\n\
    www.kcna.kp (Juche111.11.8.)\n";

/// `unit(i)` for i = 0, 1, 2, … concatenated to `len` bytes (cut back to a char boundary).
fn build(len: usize, unit: impl Fn(usize) -> String) -> String {
    let mut text = String::with_capacity(len + 64);
    let mut i = 0;
    while text.len() < len {
        text.push_str(&unit(i));
        i += 1;
    }
    let mut end = len;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    text.truncate(end);
    text
}

/// The shapes: a name and how to build a text of a given length.
type Shape = (&'static str, fn(usize) -> String);

const SHAPES: &[Shape] = &[
    // Day-first dates inside sentences: every one a body date.
    ("body_dmy", |len| build(len, |_| "on 08/11/2022 x ".into())),
    // Korean months and days without a year.
    ("korean_body", |len| build(len, |_| "7월 9일 ".into())),
    // Spanish days without a year, single and paired.
    ("spanish_body", |len| {
        build(len, |_| {
            "el 15 de junio y los dias 25 y 30 de agosto ".into()
        })
    }),
    // List labels with ever-changing dates: many signals, many disagreeing dates.
    ("disagreeing_stamps", |len| {
        build(len, |i| {
            format!("[Juche113.{}.{}.]\n", i % 12 + 1, i % 28 + 1)
        })
    }),
    // Datelines with changing days.
    ("datelines", |len| {
        build(len, |i| {
            format!("Pyongyang, November {} (KCNA) -- text\n", i % 30 + 1)
        })
    }),
    // Weekday references.
    ("weekday_refs", |len| build(len, |_| "on Monday ".into())),
    // Month references, Gregorian and Juche.
    ("month_refs", |len| {
        build(len, |_| {
            "in October 2014 and in May Juche 106 (2017) ".into()
        })
    }),
    // Whole articles concatenated.
    ("whole_articles", |len| build(len, |_| ARTICLE.into())),
    // Signature blocks, one after another.
    ("signatures", |len| {
        build(len, |i| {
            format!("text\nPyongyang\nJuly {}, 2000\n", i % 28 + 1)
        })
    }),
    // One line without a break, full of stamps and heading-shaped dates.
    ("one_long_line", |len| {
        build(len, |_| "x [Juche111.11.8.] May 08, 2025 ".into())
    }),
    // A signal, then half the text in blanks, then dates in sentences.
    ("blanks_after_signal", |len| {
        let mut text = String::from("[Juche111.11.8.]");
        text.push_str(&" ".repeat(len / 2));
        text.push_str(&build(len - text.len(), |_| "May 08, 2025 x ".into()));
        text
    }),
];

fn options() -> ArticleOptions {
    ArticleOptions::new().with_reference(NaiveDate::from_ymd_opt(2022, 11, 9).unwrap())
}

/// The fastest of `runs` datings of `text`, and the last result.
fn time_article(text: &str, runs: usize) -> (Duration, ArticleDate) {
    let mut best = Duration::MAX;
    let mut last = None;
    for _ in 0..runs {
        let start = Instant::now();
        let dated = black_box(date_article(black_box(text), &options()));
        best = best.min(start.elapsed());
        last = Some(dated);
    }
    (best, last.unwrap())
}

/// The size of a result: signals, body dates, conflict groups, invalid candidates.
fn result_size(dated: &ArticleDate) -> usize {
    dated.signals.len() + dated.body_dates.len() + dated.conflicts.len() + dated.invalid.len()
}

/// A shape to time: its name, how to build it, its two sizes, whether it was found superlinear.
type Planned = (&'static str, fn(usize) -> String, [usize; 2], bool);

fn print_table(plan: &[Planned]) {
    eprintln!(
        "\n{:<20} {:>6} {:>11} {:>6} {:>11} {:>7} {:>8} {:>10} {:>10}",
        "shape", "small", "time", "large", "time", "ratio", "MiB/s", "items", "items x"
    );
    for &(name, make, [small, large], superlinear) in plan {
        let (t_small, d_small) = time_article(&make(small), 3);
        let (t_large, d_large) = time_article(&make(large), 2);
        eprintln!(
            "{:<20} {:>6} {:>11.3?} {:>6} {:>11.3?} {:>7.2} {:>8.1} {:>10} {:>10.2}{}",
            name,
            size_label(small),
            t_small,
            size_label(large),
            t_large,
            t_large.as_secs_f64() / t_small.as_secs_f64(),
            large as f64 / MIB as f64 / t_large.as_secs_f64(),
            result_size(&d_large),
            result_size(&d_large) as f64 / result_size(&d_small).max(1) as f64,
            if superlinear {
                "  SUPERLINEAR (64 KiB -> 256 KiB > 10x): timed at small sizes"
            } else {
                ""
            }
        );
    }
    eprintln!(
        "(ratio: large / small time for 8x the bytes; 8.0 is linear; items x: result growth)\n"
    );
}

fn article(c: &mut Criterion) {
    let plan: Vec<Planned> = SHAPES
        .iter()
        .map(|&(name, make)| {
            let (sizes, superlinear) = if profiling() {
                ([MIB, 8 * MIB], false)
            } else {
                sizes_for(|len| time_article(&make(len), 3).0)
            };
            (name, make, sizes, superlinear)
        })
        .collect();
    if !profiling() && benchmarking() {
        print_table(&plan);
    }
    fail_if_superlinear(plan.iter().map(|&(name, _, _, slow)| (name, slow)));
    let mut g = c.benchmark_group("article");
    g.sampling_mode(SamplingMode::Flat);
    for &(name, make, sizes, _) in &plan {
        for len in sizes {
            let text = make(len);
            g.throughput(Throughput::Bytes(text.len() as u64));
            g.bench_with_input(BenchmarkId::new(name, size_label(len)), &text, |b, text| {
                b.iter(|| date_article(black_box(text), &options()));
            });
        }
    }
    g.finish();
}

fn config() -> Criterion {
    Criterion::default()
        .measurement_time(Duration::from_secs(3))
        .warm_up_time(Duration::from_millis(500))
        .sample_size(10)
}

criterion_group! {
    name = benches;
    config = config();
    targets = article
}
criterion_main!(benches);
