//! The oracles of the fuzz targets: one function per target, taking the raw fuzz input and
//! panicking (with a message saying which property broke) when the library is wrong.
//!
//! This file is shared: each fuzz target in `fuzz/fuzz_targets/` includes it with `#[path]`, and so
//! does the replay test of the root crate (`src/fuzz_replay_tests.rs`), which runs every committed
//! seed and regression through the same code on stable `cargo test`. It must therefore compile
//! against the root crate's dependencies alone (kcna-dates, chrono, serde_json).
//!
//! Every input is first read as text with invalid UTF-8 replaced by U+FFFD, so every input reaches
//! the parsers. Several oracles also derive a *structured* input from the bytes (numbers, names) so
//! that the interesting cases (valid dates, boundary years) are reached often, not by luck.

use std::str::FromStr;

use chrono::{Datelike, Days, NaiveDate};
use kcna_dates::{
    ArticleOptions, BodyResolution, DEFAULT_GRACE_DAYS, Dateline, Error, ErrorKind, JUCHE_OFFSET,
    JucheDate, JucheYear, MonthNameDate, Notation, NotationKind, parse_dmy, parse_dmy_prefix,
    parse_dotted, parse_dotted_prefix,
};

/// The fuzz targets, as named in `fuzz/Cargo.toml` and in `fuzz/seeds/<target>/`.
pub const TARGETS: &[&str] = &[
    "juche", "dmy", "dateline", "notation", "serde", "scan", "article", "fastpath",
];

/// Whether the oracle of `target` is compiled here: `fastpath` compares the library's fast paths
/// with its grammars through the library's test hooks, which exist under `cfg(fuzzing)` (set by
/// cargo-fuzz). Without it (`cargo test`), `src/fuzz_replay_tests.rs` replays the `fastpath`
/// inputs through the same differential checks of the library's unit tests.
pub fn has_oracle(target: &str) -> bool {
    cfg!(fuzzing) || target != "fastpath"
}

/// Runs the oracle of `target` over `data`; `false` if there is no such target.
pub fn run(target: &str, data: &[u8]) -> bool {
    match target {
        "juche" => juche(data),
        "dmy" => dmy(data),
        "dateline" => dateline(data),
        "notation" => notation(data),
        "serde" => serde_text(data),
        "scan" => scan(data),
        "article" => article(data),
        #[cfg(fuzzing)]
        "fastpath" => fastpath(data),
        _ => return false,
    }
    true
}

/// The input as text (invalid UTF-8 replaced).
pub fn text(data: &[u8]) -> String {
    String::from_utf8_lossy(data).into_owned()
}

// ---------------------------------------------------------------------------------------------
// Shared checks

/// An error's span lies in the input, on char boundaries, and its message is not empty.
pub fn check_error(input: &str, err: &Error) {
    let span = err.span();
    assert!(
        span.start <= span.end && span.end <= input.len(),
        "error span {span:?} out of bounds for {input:?} (len {}): {err}",
        input.len()
    );
    assert!(
        input.is_char_boundary(span.start) && input.is_char_boundary(span.end),
        "error span {span:?} not on char boundaries of {input:?}: {err}"
    );
    assert!(!err.to_string().is_empty(), "empty message for {err:?}");
}

/// A prefix length is on a char boundary, not empty and within the input.
fn check_len(input: &str, len: usize) {
    assert!(
        len >= 1 && len <= input.len(),
        "prefix length {len} out of 1..={} for {input:?}",
        input.len()
    );
    assert!(
        input.is_char_boundary(len),
        "prefix length {len} not on a char boundary of {input:?}"
    );
}

/// The checks every type with `FromStr` and `parse_prefix` gets: strict parsing is prefix parsing
/// that took the whole input; the taken slice re-parses strictly to the same value; errors are
/// well-formed. Returns the strict value.
fn check_strict_and_prefix<T>(
    input: &str,
    strict: impl Fn(&str) -> Result<T, Error>,
    prefix: impl Fn(&str) -> Result<(T, usize), Error>,
) -> Option<T>
where
    T: PartialEq + core::fmt::Debug,
{
    let whole = strict(input);
    match prefix(input) {
        Ok((value, len)) => {
            check_len(input, len);
            let taken = input.get(..len).expect("checked boundary");
            assert_eq!(
                strict(taken).as_ref(),
                Ok(&value),
                "the slice {taken:?} taken from {input:?} does not re-parse to the same value"
            );
            if len == input.len() {
                assert_eq!(
                    whole.as_ref(),
                    Ok(&value),
                    "strict and prefix differ on {input:?}"
                );
            } else {
                let err = whole
                    .as_ref()
                    .expect_err("strict parse accepted trailing input");
                assert_eq!(err.kind(), ErrorKind::TrailingInput, "{input:?}: {err}");
                assert_eq!(
                    err.span().start,
                    len,
                    "trailing input error at the wrong place"
                );
            }
        }
        Err(err) => {
            check_error(input, &err);
            let strict_err = whole
                .as_ref()
                .expect_err("strict parse accepted what prefix rejected");
            assert_eq!(
                strict_err.kind(),
                err.kind(),
                "strict and prefix errors differ on {input:?}"
            );
        }
    }
    if let Err(err) = &whole {
        check_error(input, err);
    }
    whole.ok()
}

/// `Display` then `FromStr` gives the value back.
fn check_display_round_trip<T>(value: &T)
where
    T: FromStr<Err = Error> + core::fmt::Display + PartialEq + core::fmt::Debug,
{
    let printed = value.to_string();
    assert_eq!(
        printed.parse::<T>().as_ref(),
        Ok(value),
        "{value:?} prints as {printed:?}, which does not parse back"
    );
}

/// A little-endian reader over the input bytes that yields zeros once the input is used up.
struct Bytes<'a>(&'a [u8]);

impl Bytes<'_> {
    fn u8(&mut self) -> u8 {
        match self.0.split_first() {
            Some((first, rest)) => {
                self.0 = rest;
                *first
            }
            None => 0,
        }
    }

    fn u16(&mut self) -> u16 {
        u16::from_le_bytes([self.u8(), self.u8()])
    }

    fn u32(&mut self) -> u32 {
        u32::from_le_bytes([self.u8(), self.u8(), self.u8(), self.u8()])
    }
}

/// FNV-1a: a stable hash of the input, to derive reference dates and such.
fn fnv(data: &[u8]) -> u64 {
    data.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// The Gregorian year of Juche `juche` by the definition (no library code).
fn juche_to_gregorian(juche: u32) -> Option<i32> {
    if juche == 0 {
        return None;
    }
    let year = i64::from(juche) + i64::from(JUCHE_OFFSET);
    let year = i32::try_from(year).ok()?;
    NaiveDate::from_ymd_opt(year, 1, 1).map(|_| year)
}

// ---------------------------------------------------------------------------------------------
// juche

/// Juche stamps and Juche years.
///
/// * A stamp that parses prints and re-parses to itself, its Juche year + 1911 is the Gregorian
///   year of its date, `JucheDate::new` and `TryFrom<NaiveDate>` agree with it, and `Notation`
///   reads the same text as the same stamp.
/// * The same for a Juche year, which must also equal its Gregorian year - 1911.
/// * Structured: `Juche{y}.{m}.{d}` built from the bytes parses exactly when chrono has the date
///   `y + 1911`-`m`-`d` and `y >= 1`; `Juche {y} ({g})` parses exactly when `g == y + 1911`.
pub fn juche(data: &[u8]) {
    let s = text(data);
    if let Some(stamp) = check_strict_and_prefix(&s, JucheDate::from_str, JucheDate::parse_prefix) {
        check_stamp(&stamp);
        assert_eq!(
            Notation::from_str(&s),
            Ok(Notation::JucheStamp(stamp)),
            "Notation reads {s:?} differently"
        );
    }
    if let Some(year) = check_strict_and_prefix(&s, JucheYear::from_str, JucheYear::parse_prefix) {
        check_juche_year(&year);
        assert_eq!(
            Notation::from_str(&s),
            Ok(Notation::JucheYear(year)),
            "Notation reads {s:?} differently"
        );
    }
    juche_structured(data);
}

fn check_stamp(stamp: &JucheDate) {
    check_display_round_trip(stamp);
    let date = NaiveDate::from(*stamp);
    assert_eq!(
        i64::from(stamp.year()) + i64::from(JUCHE_OFFSET),
        i64::from(date.year()),
        "Juche year of {stamp:?} is not its Gregorian year - 1911"
    );
    assert_eq!((stamp.month(), stamp.day()), (date.month(), date.day()));
    assert_eq!(stamp.date(), date);
    assert!(date >= NaiveDate::from_ymd_opt(1912, 1, 1).expect("valid"));
    assert_eq!(JucheDate::try_from(date), Ok(*stamp));
    assert_eq!(
        JucheDate::new(stamp.year(), stamp.month(), stamp.day()),
        Ok(*stamp)
    );
    assert_eq!(
        stamp.to_string(),
        format!("Juche{}.{}.{}.", stamp.year(), stamp.month(), stamp.day())
    );
}

fn check_juche_year(year: &JucheYear) {
    check_display_round_trip(year);
    assert!(year.juche() >= 1, "{year:?} is before Juche 1");
    assert_eq!(
        Some(year.gregorian()),
        juche_to_gregorian(year.juche()),
        "{year:?}: Gregorian year is not Juche + 1911"
    );
    assert_eq!(
        JucheYear::new(year.juche()).map(|y| y.juche()),
        Ok(year.juche())
    );
    assert_eq!(
        JucheYear::from_gregorian(year.gregorian()).map(|y| y.juche()),
        Ok(year.juche())
    );
}

fn juche_structured(data: &[u8]) {
    let mut b = Bytes(data);
    let max_juche = u32::try_from(NaiveDate::MAX.year() - JUCHE_OFFSET).unwrap_or(0);
    let year = match b.u8() % 5 {
        0 => b.u32(),
        1 => u32::from(b.u16() % 301),
        2 => max_juche
            .wrapping_add(u32::from(b.u8() % 5))
            .wrapping_sub(2),
        3 => u32::from(b.u8() % 3),
        _ => u32::from(b.u16()),
    };
    let month = u32::from(b.u8() % 15);
    let day = u32::from(b.u8() % 34);
    let style = b.u8();
    let month_text = if style & 1 == 0 {
        format!("{month}")
    } else {
        format!("{month:02}")
    };
    let day_text = if style & 2 == 0 {
        format!("{day}")
    } else {
        format!("{day:02}")
    };
    let dot = if style & 4 == 0 { "." } else { "" };
    let stamp_text = format!("Juche{year}.{month_text}.{day_text}{dot}");
    let expected = juche_to_gregorian(year).and_then(|g| NaiveDate::from_ymd_opt(g, month, day));
    let parsed = JucheDate::from_str(&stamp_text);
    if let Err(err) = &parsed {
        check_error(&stamp_text, err);
    }
    assert_eq!(
        parsed.as_ref().ok().map(JucheDate::date),
        expected,
        "{stamp_text:?} parsed as {parsed:?}"
    );
    assert_eq!(
        JucheDate::new(year, month, day).ok().map(NaiveDate::from),
        expected,
        "JucheDate::new({year}, {month}, {day})"
    );
    if let Ok(stamp) = parsed {
        check_stamp(&stamp);
    }
    if let Some(date) = expected {
        assert_eq!(JucheDate::try_from(date).map(NaiveDate::from), Ok(date));
    }

    let gregorian = b.u16() % 10_000;
    let with_gregorian = if style & 8 == 0 {
        format!("Juche {year} ({gregorian:04})")
    } else {
        format!("Juche {year}({gregorian:04})")
    };
    let expected_year = juche_to_gregorian(year).filter(|&g| g == i32::from(gregorian));
    let parsed = JucheYear::from_str(&with_gregorian);
    assert_eq!(
        parsed.as_ref().ok().map(JucheYear::gregorian),
        expected_year,
        "{with_gregorian:?} parsed as {parsed:?}"
    );
    if let Err(err) = &parsed {
        check_error(&with_gregorian, err);
        if juche_to_gregorian(year).is_some() {
            let mismatch = ErrorKind::YearMismatch {
                juche: year,
                gregorian: i32::from(gregorian),
            };
            assert_eq!(err.kind(), mismatch, "{with_gregorian:?}");
        }
    }
    let bare = format!("Juche {year}");
    assert_eq!(
        JucheYear::from_str(&bare).ok().map(|y| y.gregorian()),
        juche_to_gregorian(year),
        "{bare:?}"
    );
}

// ---------------------------------------------------------------------------------------------
// dmy

/// Whether `s` is exactly `\d\d/\d\d/\d\d\d\d` (ASCII digits).
pub fn is_exact_dmy_shape(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 10
        && b.iter().enumerate().all(|(i, c)| match i {
            2 | 5 => *c == b'/',
            _ => c.is_ascii_digit(),
        })
}

/// Compares `parse_dmy` with chrono on `s`. Where `parse_dmy` succeeds chrono's `%d/%m/%Y` must give
/// the same date; on the exact shape `\d\d/\d\d/\d\d\d\d` both must also fail together.
fn dmy_against_chrono(s: &str) {
    let ours = parse_dmy(s);
    let chrono = NaiveDate::parse_from_str(s, "%d/%m/%Y");
    if let Ok(date) = ours {
        assert_eq!(chrono.ok(), Some(date), "chrono reads {s:?} differently");
    }
    if is_exact_dmy_shape(s) {
        assert_eq!(
            ours.as_ref().ok(),
            chrono.as_ref().ok(),
            "parse_dmy and chrono disagree on {s:?}: {ours:?} vs {chrono:?}"
        );
    }
}

/// Day-first stamps (and, as their neighbour, Gregorian dotted stamps).
///
/// * Differential against chrono (see `dmy_against_chrono`), on the input and on an exact-shape
///   `DD/MM/YYYY` built from its first bytes.
/// * Strict parsing is prefix parsing of the whole input; `Notation` reads the same text as the
///   same `Dmy`; `Notation`'s canonical text re-parses to the same date.
/// * The same for `parse_dotted` against chrono's `%Y.%m.%d.`.
pub fn dmy(data: &[u8]) {
    let s = text(data);
    if let Some(date) = check_strict_and_prefix(&s, parse_dmy, parse_dmy_prefix) {
        let notation = Notation::Dmy(date);
        assert_eq!(
            Notation::from_str(&s),
            Ok(notation.clone()),
            "Notation reads {s:?}"
        );
        check_display_round_trip(&notation);
        assert_eq!(
            parse_dmy(&format!(
                "{:02}/{:02}/{:04}",
                date.day(),
                date.month(),
                date.year()
            )),
            Ok(date)
        );
    }
    dmy_against_chrono(&s);

    // An exact-shape stamp from the first eight bytes.
    let digit = |i: usize| char::from(b'0' + data.get(i).map_or(0, |b| b % 10));
    let shaped: String = (0..8)
        .map(digit)
        .enumerate()
        .flat_map(|(i, c)| {
            let slash = (i == 2 || i == 4).then_some('/');
            slash.into_iter().chain(Some(c))
        })
        .collect();
    assert!(is_exact_dmy_shape(&shaped), "{shaped:?}");
    dmy_against_chrono(&shaped);

    if let Some(date) = check_strict_and_prefix(&s, parse_dotted, parse_dotted_prefix) {
        let notation = Notation::DottedStamp(date);
        assert_eq!(
            Notation::from_str(&s),
            Ok(notation.clone()),
            "Notation reads {s:?}"
        );
        check_display_round_trip(&notation);
        let chrono_text = s.strip_suffix('.').unwrap_or(&s);
        assert_eq!(
            NaiveDate::parse_from_str(chrono_text, "%Y.%m.%d").ok(),
            Some(date),
            "chrono reads {s:?} differently"
        );
    }
}

// ---------------------------------------------------------------------------------------------
// dateline

/// A reference date derived from a hash: chrono's extremes, dates near them, and ordinary dates.
fn reference_date(h: u64) -> NaiveDate {
    let near = (h >> 8) % 800;
    let date = match h % 8 {
        0 => Some(NaiveDate::MIN),
        1 => Some(NaiveDate::MAX),
        2 => NaiveDate::MAX.checked_sub_days(Days::new(near)),
        3 => NaiveDate::MIN.checked_add_days(Days::new(near)),
        4 => {
            let span = i64::from(NaiveDate::MAX.num_days_from_ce())
                - i64::from(NaiveDate::MIN.num_days_from_ce());
            let offset = i64::try_from((h >> 16) % u64::try_from(span).unwrap_or(1)).unwrap_or(0);
            i32::try_from(i64::from(NaiveDate::MIN.num_days_from_ce()) + offset)
                .ok()
                .and_then(NaiveDate::from_num_days_from_ce_opt)
        }
        _ => NaiveDate::from_ymd_opt(1900, 1, 1)
            .and_then(|d| d.checked_add_days(Days::new((h >> 16) % 73_050))),
    };
    date.unwrap_or(NaiveDate::MIN)
}

/// The documented resolution policy, by brute force: the latest date with `month` and `day` that is
/// not after `reference + grace`, looking back at most a year (366 dates).
fn resolve_model(month: u32, day: u32, reference: NaiveDate, grace: u32) -> Option<NaiveDate> {
    let limit = reference.checked_add_days(Days::new(u64::from(grace)))?;
    (0..366u64)
        .map_while(|back| limit.checked_sub_days(Days::new(back)))
        .find(|d| d.month() == month && d.day() == day)
}

fn check_resolve(dateline: &Dateline, data: &[u8]) {
    let h = fnv(data);
    let reference = reference_date(h);
    let grace = match (h >> 40) % 5 {
        0 => 0,
        1 => DEFAULT_GRACE_DAYS,
        2 => u32::try_from((h >> 8) % 400).unwrap_or(0),
        3 => u32::MAX,
        _ => (h >> 16) as u32,
    };
    let got = dateline.resolve_with_grace(reference, grace);
    let expected = resolve_model(dateline.month(), dateline.day(), reference, grace);
    match &got {
        Ok(date) => {
            assert_eq!(
                (date.month(), date.day()),
                (dateline.month(), dateline.day()),
                "{dateline:?} resolved against {reference} + {grace} to {date}"
            );
        }
        Err(err) => assert!(
            matches!(err.kind(), ErrorKind::Unresolvable { .. }),
            "resolve error of the wrong kind: {err:?}"
        ),
    }
    assert_eq!(
        got.as_ref().ok(),
        expected.as_ref(),
        "{dateline:?} resolved against {reference} + {grace} days: got {got:?}, policy says {expected:?}"
    );
    assert_eq!(
        dateline.resolve(reference),
        dateline.resolve_with_grace(reference, DEFAULT_GRACE_DAYS)
    );
}

fn check_dateline(dateline: &Dateline, data: &[u8]) {
    check_display_round_trip(dateline);
    assert!((1..=12).contains(&dateline.month()), "{dateline:?}");
    assert!(
        NaiveDate::from_ymd_opt(2024, dateline.month(), dateline.day()).is_some(),
        "{dateline:?} has a day that no leap year has"
    );
    assert_eq!(
        Dateline::new_in(
            dateline.edition(),
            dateline.place(),
            dateline.month(),
            dateline.day(),
            dateline.agency()
        )
        .as_ref(),
        Ok(dateline)
    );
    check_resolve(dateline, data);
}

/// English datelines.
///
/// * A dateline that parses prints and re-parses to itself, has a month in 1..=12 and a day that
///   exists in a leap year, is rebuilt by `Dateline::new_in` from its edition and parts, and `Notation` reads the
///   same text as the same dateline.
/// * Resolving it against a reference date (and grace) derived from the input never panics and
///   gives the date the documented policy gives (checked by brute force), with the dateline's
///   month and day.
/// * Structured: a dateline built with `Dateline::new` from pieces of the input (place and agency
///   split at `|`) prints text that parses back to it.
pub fn dateline(data: &[u8]) {
    let s = text(data);
    if let Some(dateline) = check_strict_and_prefix(&s, Dateline::from_str, Dateline::parse_prefix)
    {
        check_dateline(&dateline, data);
        assert_eq!(
            Notation::from_str(&s),
            Ok(Notation::Dateline(dateline.clone())),
            "Notation reads {s:?} differently"
        );
    }

    let mut b = Bytes(data);
    let month = u32::from(b.u8() % 14);
    let day = u32::from(b.u8() % 33);
    let rest = text(b.0);
    let (place, agency) = rest.split_once('|').unwrap_or((&rest, "KCNA"));
    match Dateline::new(place, month, day, agency) {
        Ok(built) => {
            assert_eq!(
                (built.place(), built.month(), built.day(), built.agency()),
                (place, month, day, agency)
            );
            check_dateline(&built, data);
            let notation = Notation::Dateline(built);
            check_display_round_trip(&notation);
        }
        Err(err) => assert!(!err.to_string().is_empty()),
    }
}

// ---------------------------------------------------------------------------------------------
// notation

/// `Notation::parse_prefix`, the reader behind scanning.
///
/// * The length taken is on a char boundary, at least 1 and at most the input's length; the taken
///   slice parses strictly to the same value; strict parsing of the whole input agrees.
/// * `Display` then `FromStr` gives the same value, and the value's kind and `date()` agree.
/// * The notation's own parser reads the same prefix to the same value.
pub fn notation(data: &[u8]) {
    let s = text(data);
    check_strict_and_prefix(&s, Notation::from_str, Notation::parse_prefix);
    if let Ok((value, len)) = Notation::parse_prefix(&s) {
        check_notation(&s, &value, len);
    }
}

fn check_notation(s: &str, value: &Notation, len: usize) {
    check_display_round_trip(value);
    // Datelines, bare years and days without a year give no date of their own.
    let has_date = !matches!(
        value.kind(),
        NotationKind::Dateline
            | NotationKind::JucheYear
            | NotationKind::KoreanJucheYear
            | NotationKind::WeekdayRef
            | NotationKind::MonthDayRef
            | NotationKind::MonthRef
            | NotationKind::SpanishDayRef
            | NotationKind::SpanishDayPair
            | NotationKind::KoreanMonthDay
            | NotationKind::MonthDay
            | NotationKind::Weekday
            | NotationKind::Month
            | NotationKind::SpanishDay
            | NotationKind::KoreanDay
            | NotationKind::RelativeDay
            | NotationKind::KoreanMonth
            | NotationKind::SpanishMonth
            | NotationKind::NamedDay
            | NotationKind::LunarDay
    );
    assert_eq!(value.date().is_some(), has_date, "{value:?}");
    match value {
        Notation::Dateline(d) => {
            assert_eq!(Dateline::parse_prefix(s), Ok((d.clone(), len)));
        }
        Notation::Dmy(d) => assert_eq!(parse_dmy_prefix(s), Ok((*d, len))),
        Notation::JucheStamp(d) => {
            assert_eq!(JucheDate::parse_prefix(s), Ok((*d, len)));
            check_stamp(d);
        }
        Notation::DottedStamp(d) => assert_eq!(parse_dotted_prefix(s), Ok((*d, len))),
        Notation::MonthName(d) => {
            assert_eq!(MonthNameDate::parse_prefix(s), Ok((*d, len)));
            assert_eq!(Some(d.date()), value.date());
            if let Some(year) = d.juche_year() {
                assert_eq!(year.gregorian(), d.date().year());
            }
            if let Some(weekday) = d.weekday() {
                assert_eq!(weekday, d.date().weekday());
            }
        }
        Notation::JucheYear(y) => {
            assert_eq!(JucheYear::parse_prefix(s), Ok((*y, len)));
            check_juche_year(y);
        }
        _ => {}
    }
}

// ---------------------------------------------------------------------------------------------
// serde

/// Serializing `value` gives its canonical text as a JSON string, which deserializes to it.
#[cfg(feature = "serde")]
fn check_serde<T>(value: &T)
where
    T: serde::Serialize
        + for<'de> serde::Deserialize<'de>
        + core::fmt::Display
        + PartialEq
        + core::fmt::Debug,
{
    let json = serde_json::to_string(value).expect("serialization never fails");
    assert_eq!(
        json,
        serde_json::to_string(&value.to_string()).expect("a string serializes"),
        "{value:?} does not serialize as its canonical text"
    );
    let back: T = serde_json::from_str(&json)
        .unwrap_or_else(|err| panic!("{value:?} serialized as {json} does not deserialize: {err}"));
    assert_eq!(&back, value, "{json} deserialized to another value");
}

/// Deserializing `s` as a JSON string gives what `FromStr` gives; a JSON document read straight
/// from the input deserializes (if at all) to a value that round-trips.
#[cfg(feature = "serde")]
fn check_serde_type<T>(s: &str, data: &[u8])
where
    T: serde::Serialize
        + for<'de> serde::Deserialize<'de>
        + FromStr<Err = Error>
        + core::fmt::Display
        + PartialEq
        + core::fmt::Debug,
{
    let parsed = T::from_str(s);
    let from_json = serde_json::from_value::<T>(serde_json::Value::String(s.to_owned()));
    assert_eq!(
        parsed.as_ref().ok(),
        from_json.as_ref().ok(),
        "FromStr and Deserialize disagree on {s:?}"
    );
    if let (Err(parse_err), Err(json_err)) = (&parsed, &from_json) {
        assert!(
            json_err.to_string().contains(&parse_err.to_string()),
            "the deserialization error {json_err} does not carry the parser's message {parse_err}"
        );
    }
    if let Ok(value) = &parsed {
        check_serde(value);
    }
    if let Ok(value) = serde_json::from_slice::<T>(data) {
        check_serde(&value);
    }
}

/// serde: every value that parses serializes as its canonical text and deserializes to itself;
/// deserializing agrees with `FromStr`. Without the `serde` feature this checks nothing.
pub fn serde_text(data: &[u8]) {
    #[cfg(feature = "serde")]
    {
        let s = text(data);
        check_serde_type::<JucheDate>(&s, data);
        check_serde_type::<JucheYear>(&s, data);
        check_serde_type::<MonthNameDate>(&s, data);
        check_serde_type::<Dateline>(&s, data);
        check_serde_type::<Notation>(&s, data);
        if let Ok((value, _)) = Notation::parse_prefix(&s) {
            check_serde(&value);
        }
        // The same through serde_json's own string escapes: the input as a JSON string literal.
        let quoted = serde_json::to_string(&s).expect("a string serializes");
        assert_eq!(
            serde_json::from_str::<Notation>(&quoted).ok(),
            Notation::from_str(&s).ok()
        );
    }
    #[cfg(not(feature = "serde"))]
    let _ = data;
}

// ---------------------------------------------------------------------------------------------
// scan

/// `scan` over the input.
///
/// * Every span is non-empty, in bounds, on char boundaries; spans are in order and never overlap.
/// * A valid find's text, alone, parses strictly (`Notation::from_str`) to the same notation, of the
///   same kind; its date is that notation's date (so a reported date is never one the strict
///   parser rejects), and `Notation::parse_prefix` at the span's start reads the same value.
/// * An invalid candidate has no date, an error whose span is in the text, and its text alone does
///   not parse strictly.
/// * Scanning is deterministic and a clone of the iterator yields the same finds.
pub fn scan(data: &[u8]) {
    let s = text(data);
    let found: Vec<_> = kcna_dates::scan(&s).collect();
    let mut end = 0;
    for f in &found {
        let span = f.span();
        assert!(
            span.start < span.end && span.end <= s.len(),
            "span {span:?} empty or out of bounds in {s:?}"
        );
        assert!(
            s.is_char_boundary(span.start) && s.is_char_boundary(span.end),
            "span {span:?} not on char boundaries of {s:?}"
        );
        assert!(
            span.start >= end,
            "span {span:?} overlaps or precedes the previous find (ending at {end}) in {s:?}"
        );
        end = span.end;
        let piece = s.get(span.clone()).expect("checked");
        match f.notation() {
            Some(notation) => {
                assert!(f.is_valid() && f.error().is_none());
                assert_eq!(notation.kind(), f.kind(), "{f:?}");
                assert_eq!(f.date(), notation.date(), "{f:?}");
                assert_eq!(
                    Notation::from_str(piece).as_ref(),
                    Ok(notation),
                    "scan found {notation:?} at {span:?} in {s:?}, but {piece:?} alone does not parse to it"
                );
                let rest = s.get(span.start..).expect("checked");
                assert_eq!(
                    Notation::parse_prefix(rest).map(|(n, _)| n).as_ref(),
                    Ok(notation),
                    "parse_prefix at {} of {s:?}",
                    span.start
                );
                if let Some(date) = f.date() {
                    assert_eq!(
                        Notation::from_str(piece).ok().and_then(|n| n.date()),
                        Some(date)
                    );
                }
            }
            None => {
                assert!(!f.is_valid() && f.date().is_none(), "{f:?}");
                let err = f.error().expect("an invalid find has an error");
                check_error(&s, err);
                assert!(
                    Notation::from_str(piece).is_err(),
                    "{piece:?} parses strictly, but scan calls it invalid: {err}"
                );
            }
        }
    }
    let scanner = kcna_dates::scan(&s);
    assert_eq!(scanner.clone().collect::<Vec<_>>(), found);
    assert_eq!(scanner.count(), found.len());
}

// ---------------------------------------------------------------------------------------------
// article

/// Options derived from the input: no reference, chrono's extremes, ordinary dates; small and huge
/// graces.
fn article_options(data: &[u8]) -> ArticleOptions {
    let h = fnv(data);
    let options = ArticleOptions::new();
    let options = match (h >> 4) % 3 {
        0 => options,
        _ => options.with_reference(reference_date(h)),
    };
    match (h >> 48) % 4 {
        0 => options.with_grace_days(0),
        1 => options.with_grace_days(u32::MAX),
        2 => options.with_grace_days(u32::try_from((h >> 20) % 1000).unwrap_or(0)),
        _ => options,
    }
}

/// `date_article` over the input, with options derived from it: it never panics, and what it says
/// is consistent with the text and with itself.
///
/// * Every span (signals, body dates, invalid candidates) is in bounds and on char boundaries;
///   signals and body dates are in text order; every error span is in the text.
/// * A signal's date is the date of the notation its text is, where the notation gives one; a
///   dateline signal's text is a dateline, and its date has the dateline's month and day.
/// * The publication date is the date of the signal named by `source`.
/// * `agreeing` and `conflicts` hold every dated signal once: those that give the publication date,
///   and the others grouped by date with the difference from the publication date.
/// * A month reference has no day, and a month in 1..=12 or an error.
pub fn article(data: &[u8]) {
    let s = text(data);
    let options = article_options(data);
    let dated = kcna_dates::date_article(&s, &options);
    let in_text = |span: &core::ops::Range<usize>| {
        span.start <= span.end
            && span.end <= s.len()
            && s.is_char_boundary(span.start)
            && s.is_char_boundary(span.end)
    };
    let mut last = 0;
    for signal in &dated.signals {
        assert!(
            in_text(&signal.span),
            "signal span {:?} in {s:?}",
            signal.span
        );
        assert!(signal.span.start >= last, "signals out of order in {s:?}");
        last = signal.span.start;
        if let Some(err) = &signal.error {
            check_error(&s, err);
        }
        let piece = s.get(signal.span.clone()).expect("checked");
        let notation = Notation::from_str(piece);
        match notation.as_ref().ok().map(|n| (n.date(), n)) {
            Some((Some(date), n)) => {
                assert_eq!(n.kind(), signal.kind, "{signal:?} in {s:?}");
                assert_eq!(signal.date, Some(date), "{signal:?} is {piece:?}, in {s:?}");
            }
            Some((None, Notation::Dateline(dateline))) => {
                if let Some(date) = signal.date {
                    assert_eq!(
                        (date.month(), date.day()),
                        (dateline.month(), dateline.day()),
                        "{signal:?}"
                    );
                }
            }
            Some((None, _)) => {}
            None => {
                panic!("signal {signal:?}: its text {piece:?} is not a notation ({notation:?})")
            }
        }
    }
    match dated.source {
        Some(i) => {
            let signal = dated
                .signals
                .get(i)
                .expect("source is an index into signals");
            assert!(signal.date.is_some(), "the source signal has no date");
            assert_eq!(dated.publication_date, signal.date);
        }
        None => assert!(
            dated.publication_date.is_none() || options.reference.is_some(),
            "a publication date from nowhere: {dated:?}"
        ),
    }
    // Every dated signal is in exactly one place: `agreeing` if it gives the publication date,
    // else the conflict group of its date, which gives the difference from the publication date.
    let mut expected_agreeing = Vec::new();
    let mut expected_groups: std::collections::BTreeMap<_, Vec<usize>> = Default::default();
    for (i, signal) in dated.signals.iter().enumerate() {
        match signal.date {
            Some(d) if Some(d) == dated.publication_date => expected_agreeing.push(i),
            Some(d) => expected_groups.entry(d).or_default().push(i),
            None => {}
        }
    }
    assert_eq!(dated.agreeing, expected_agreeing, "agreeing of {s:?}");
    let expected: Vec<_> = expected_groups
        .into_iter()
        .map(|(d, members)| {
            let days = dated.publication_date.map_or(0, |p| (d - p).num_days());
            (d, days, members)
        })
        .collect();
    let conflicts: Vec<_> = dated
        .conflicts
        .iter()
        .map(|c| (c.date, c.days, c.signals.clone()))
        .collect();
    assert_eq!(conflicts, expected, "conflicts of {s:?}");
    assert!(
        dated.conflicts.is_empty() || dated.publication_date.is_some(),
        "conflicts without a publication date in {s:?}"
    );
    let mut last = 0;
    for body in &dated.body_dates {
        assert!(
            in_text(&body.span),
            "body date span {:?} in {s:?}",
            body.span
        );
        assert!(body.span.start >= last, "body dates out of order in {s:?}");
        last = body.span.start;
        if let Some(err) = &body.error {
            check_error(&s, err);
        }
        if body.resolution == BodyResolution::Month {
            assert!(body.date.is_none(), "{body:?}");
            // A month reference has its year and month, or (`in May Juche 126 (2017)`, a year
            // mismatch) an error instead.
            match body.month {
                Some((_, month)) => assert!((1..=12).contains(&month), "{body:?}"),
                None => assert!(body.error.is_some(), "no month and no error: {body:?}"),
            }
        }
    }
    for found in &dated.invalid {
        assert!(in_text(&found.span()), "{found:?}");
        assert!(found.date().is_none() && !found.is_valid(), "{found:?}");
    }
}

// ---------------------------------------------------------------------------------------------
// fastpath

/// What the `fastpath` oracle glues before its input: the starts of the notations.
pub const FASTPATH_PREFIXES: &[&str] = &[
    "",
    "Juche",
    "Juche1",
    "May ",
    "Dec. ",
    "0",
    "08/",
    "Pyongyang, November ",
    "el ",
    "los d\u{ed}as 25 y ",
    "on ",
    "in ",
];

/// Target `fastpath`: each byte-level fast path in front of a grammar accepts only what the grammar
/// accepts, with the same value, and the public parser (fast path, then grammar) gives exactly what
/// the grammar alone gives, errors included. Checked on the input and on the input glued after the
/// start of each notation, so that the fuzzer reaches the common forms quickly.
#[cfg(fuzzing)]
pub fn fastpath(data: &[u8]) {
    use kcna_dates::__internal as fp;
    let raw = text(data);
    for prefix in FASTPATH_PREFIXES {
        let s = format!("{prefix}{raw}");
        // Every prefix fast path of the registry (`Notation::parse_prefix` tries them first)
        // reads what the grammars alone read.
        assert_eq!(
            kcna_dates::Notation::parse_prefix(&s),
            fp::notation_prefix_grammar(&s),
            "a prefix fast path differs from the grammars on {s:?}"
        );
        let dmy = fp::dmy_grammar(&s);
        if let Some(date) = fp::dmy_fast(&s) {
            assert_eq!(dmy, Ok(date), "dmy fast path accepted {s:?}");
        }
        assert_eq!(
            kcna_dates::parse_dmy(&s),
            dmy,
            "parse_dmy differs from its grammar on {s:?}"
        );

        let juche = fp::juche_grammar(&s);
        if let Some(date) = fp::juche_fast(&s) {
            assert_eq!(
                juche.clone().map(|j| j.date()),
                Ok(date),
                "Juche fast path accepted {s:?}"
            );
        }
        assert_eq!(
            s.parse::<JucheDate>(),
            juche,
            "JucheDate differs from its grammar on {s:?}"
        );

        let month = fp::month_name_grammar(&s);
        if let Some(date) = fp::month_name_fast(&s) {
            assert_eq!(
                month.clone().map(|m| m.date()),
                Ok(date),
                "month fast path accepted {s:?}"
            );
        }
        assert_eq!(
            s.parse::<MonthNameDate>(),
            month,
            "MonthNameDate differs on {s:?}"
        );

        let dateline = fp::dateline_grammar(&s);
        if let Some((place, m, d, agency)) = fp::dateline_fast(&s) {
            let parts = dateline.as_ref().map(|v| {
                (
                    v.place().to_owned(),
                    v.month(),
                    v.day(),
                    v.agency().to_owned(),
                )
            });
            assert_eq!(
                parts,
                Ok((place, m, d, agency)),
                "dateline fast path accepted {s:?}"
            );
        }
        assert_eq!(
            s.parse::<Dateline>(),
            dateline,
            "Dateline differs from its grammar on {s:?}"
        );
    }
}
