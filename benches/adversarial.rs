//! `scan` on adversarial texts: does its cost grow linearly with the input?
//!
//! Each input is one short unit repeated to 1 MiB and to 8 MiB (`adversarial/<input>/1MiB` and
//! `adversarial/<input>/8MiB`, throughput in bytes, so a linear scan shows the same MiB/s at both
//! sizes). Before criterion runs, a quick single-shot timing of every input at both sizes is printed
//! with the 8 MiB / 1 MiB ratio (8.0 is linear).
//!
//! An input that a preflight (64 KiB vs 256 KiB) finds clearly superlinear would take minutes or
//! hours at 8 MiB: it is flagged in the table and the run fails (so does CI, which runs this bench
//! once with `cargo test --benches`).
//!
//! Run: `cargo bench --bench adversarial -- --noplot`.

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

use criterion::{
    BenchmarkId, Criterion, SamplingMode, Throughput, criterion_group, criterion_main,
};
use kcna_dates::scan;

mod common;

use common::{MIB, benchmarking, fail_if_superlinear, profiling, size_label, sizes_for};

/// The adversarial inputs: a name and the unit repeated to fill the text.
const INPUTS: &[(&str, &str)] = &[
    // One unbroken run of digits.
    ("digits", "0123456789"),
    // Digits and separators that almost make a date.
    ("digits_dots", "1.2."),
    ("digits_slashes", "12/"),
    ("digit_words", "2024 "),
    // The Juche keyword alone, glued and spaced.
    ("juche_glued", "Juche"),
    ("juche_spaced", "Juche "),
    // Whole valid stamps, glued: every one is a match.
    ("juche_stamps", "Juche111.11.8."),
    ("dmy_stamps", "08/11/2022 "),
    ("month_name_dates", "May 08, 2025"),
    // Datelines that never get past the place.
    ("places", "Pyongyang, "),
    ("parens", "("),
    ("hangul", "조선중앙통신 "),
    // Capitalised words, spaced and glued (glued words each start a candidate).
    (
        "capitalised_words",
        "Kim Jong Un Inspects The Great Factory ",
    ),
    ("capitalised_glued", "KimJongUn"),
    // The body-date forms, each a match, and their near misses: month and day, weekday and month
    // names glued and spaced (each a candidate at its capital), the Spanish and Korean day of the
    // month, relative days in four editions, Korean and Spanish months, a range, a weekday before
    // a place (looked back from, as a dateline's place may hold it).
    ("month_days", "from March 4 to 6 "),
    ("months_glued", "MayJuneMarch"),
    ("weekdays", "Thursday "),
    ("spanish_days", "el dia 16 "),
    ("korean_days", "18일부터 20일까지 "),
    ("korean_counts", "3일간 "),
    ("relative_days", "today ayer 오늘 昨日 that day "),
    ("korean_months", "2021년 6월 "),
    ("spanish_months", "julio de 1950 "),
    ("weekday_places", "Friday Pyongyang, "),
];

/// `unit` repeated to `len` bytes (cut back to a char boundary).
fn fill(unit: &str, len: usize) -> String {
    let mut text = unit.repeat(len / unit.len() + 1);
    let mut end = len;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    text.truncate(end);
    text
}

/// The fastest of `runs` scans of `text`, and how many notations it found.
fn time_scan(text: &str, runs: usize) -> (Duration, usize) {
    let mut best = Duration::MAX;
    let mut count = 0;
    for _ in 0..runs {
        let start = Instant::now();
        count = black_box(scan(black_box(text)).count());
        best = best.min(start.elapsed());
    }
    (best, count)
}

/// Single-shot timings of every input at both its sizes, with the large / small ratio.
fn print_table(plan: &[(&str, &str, [usize; 2], bool)]) {
    eprintln!(
        "\n{:<20} {:>7} {:>12} {:>7} {:>12} {:>9} {:>10} {:>10}",
        "input", "small", "time", "large", "time", "ratio", "MiB/s", "found"
    );
    for &(name, unit, [small, large], superlinear) in plan {
        let (t_small, _) = time_scan(&fill(unit, small), 5);
        let (t_large, found) = time_scan(&fill(unit, large), 3);
        eprintln!(
            "{:<20} {:>7} {:>12.3?} {:>7} {:>12.3?} {:>9.2} {:>10.1} {:>10}{}",
            name,
            size_label(small),
            t_small,
            size_label(large),
            t_large,
            t_large.as_secs_f64() / t_small.as_secs_f64(),
            large as f64 / MIB as f64 / t_large.as_secs_f64(),
            found,
            if superlinear {
                "  SUPERLINEAR (64 KiB -> 256 KiB > 10x): timed at small sizes"
            } else {
                ""
            }
        );
    }
    eprintln!("(ratio: large / small time for 8x the bytes; 8.0 is linear)\n");
}

fn adversarial(c: &mut Criterion) {
    let plan: Vec<_> = INPUTS
        .iter()
        .map(|&(name, unit)| {
            let (sizes, superlinear) = if profiling() {
                ([MIB, 8 * MIB], false)
            } else {
                sizes_for(|len| time_scan(&fill(unit, len), 3).0)
            };
            (name, unit, sizes, superlinear)
        })
        .collect();
    if !profiling() && benchmarking() {
        print_table(&plan);
    }
    fail_if_superlinear(plan.iter().map(|&(name, _, _, slow)| (name, slow)));

    let mut g = c.benchmark_group("adversarial");
    g.sampling_mode(SamplingMode::Flat);
    for &(name, unit, sizes, _) in &plan {
        for len in sizes {
            let text = fill(unit, len);
            g.throughput(Throughput::Bytes(text.len() as u64));
            g.bench_with_input(BenchmarkId::new(name, size_label(len)), &text, |b, text| {
                b.iter(|| scan(black_box(text)).count());
            });
        }
    }
    g.finish();
}

fn config() -> Criterion {
    Criterion::default()
        .measurement_time(Duration::from_secs(2))
        .warm_up_time(Duration::from_millis(500))
        .sample_size(10)
}

criterion_group! {
    name = benches;
    config = config();
    targets = adversarial
}
criterion_main!(benches);
