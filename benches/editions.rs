//! The other KCNA editions (issue 6): Korean, Japanese and Spanish datelines, a Korean date, and
//! `scan` over a short Korean text.
//!
//! Run: `cargo bench --bench editions -- --noplot`.

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

use criterion::{Criterion, criterion_group, criterion_main};
use kcna_dates::{Dateline, KoreanDate, Notation, NotationKind, scan};

const KOREAN_TEXT: &str = "(평양 7월 11일발 조선중앙통신) 경애하는 김정은동지께서 7월 9일 \
    공장을 현지지도하시였다.\n새해 주체８８（１９９９）년은\u{3000}위대한\u{3000}당의\u{3000}령도따라 \
    주체107(2018)년 7월 9일 1999년 01월 01일 주체사상 주체１００년대의 [2026-08-21]";

fn datelines(c: &mut Criterion) {
    let mut group = c.benchmark_group("dateline");
    for (name, text) in [
        ("korean", "(평양 8월 21일발 조선중앙통신)"),
        ("japanese", "【平壌７月５日発朝鮮中央通信】"),
        ("spanish", "Pyongyang, 24 de diciembre (ACNC) --"),
        ("english", "Pyongyang, November 8 (KCNA) --"),
    ] {
        assert!(text.parse::<Dateline>().is_ok(), "{text}");
        group.bench_function(name, |b| b.iter(|| black_box(text).parse::<Dateline>()));
    }
    group.finish();
}

fn korean_date(c: &mut Criterion) {
    let mut group = c.benchmark_group("korean_date");
    for (name, text) in [
        ("juche", "주체107(2018)년 7월 9일"),
        ("full_width", "１９９９년\u{3000}０１월\u{3000}０１일"),
    ] {
        assert!(text.parse::<KoreanDate>().is_ok(), "{text}");
        group.bench_function(name, |b| b.iter(|| black_box(text).parse::<KoreanDate>()));
        group.bench_function(format!("{name}_notation"), |b| {
            b.iter(|| black_box(text).parse::<Notation>())
        });
    }
    group.finish();
}

fn scan_korean(c: &mut Criterion) {
    // The dateline, `7월 9일` (a day without its year), the Juche year, two Korean dates and the
    // ISO label; `주체사상` (the idea) and `주체１００년대` (an era) are not dates.
    let kinds: Vec<_> = scan(KOREAN_TEXT).map(|f| f.kind()).collect();
    assert_eq!(
        kinds,
        [
            NotationKind::Dateline,
            NotationKind::KoreanMonthDay,
            NotationKind::KoreanJucheYear,
            NotationKind::KoreanDate,
            NotationKind::KoreanDate,
            NotationKind::IsoDate,
        ]
    );
    c.bench_function("scan/korean_text", |b| {
        b.iter(|| scan(black_box(KOREAN_TEXT)).count())
    });
}

criterion_group!(benches, datelines, korean_date, scan_korean);
criterion_main!(benches);
