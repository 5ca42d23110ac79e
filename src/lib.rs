//! Read the dates of North Korean state media (KCNA, Rodong Sinmun) as checked [`chrono`] dates.
//!
//! ```
//! use chrono::NaiveDate;
//! use kcna_dates::{Dateline, JucheDate, parse_dmy};
//!
//! // The stamp under an article on kcna.kp: Juche 111 is 2022.
//! let stamp: JucheDate = "Juche111.11.8.".parse()?;
//! let date = NaiveDate::from(stamp);
//! assert_eq!(date, NaiveDate::from_ymd_opt(2022, 11, 8).unwrap());
//!
//! // The dateline has no year: it is resolved against the stamp (or a crawl date).
//! let dateline: Dateline = "Pyongyang, November 8 (KCNA) --".parse()?;
//! assert_eq!(dateline.resolve(date)?, date);
//!
//! // KCNA Watch's day-first stamp, never read month-first.
//! assert_eq!(parse_dmy("08/11/2022")?, date);
//! assert!(parse_dmy("08/13/2022").is_err());
//! # Ok::<(), kcna_dates::Error>(())
//! ```
//!
//! # Notations
//!
//! | notation | examples | read by |
//! |---|---|---|
//! | dateline (no year) | `Pyongyang, November 8 (KCNA) --`, `(KCNA) --Kim Jong Un` | [`Dateline`] |
//! | Juche stamp | `Juche111.11.8.`, `[Juche113.8.4.]`, `Juche113.1.23` | [`JucheDate`] |
//! | Gregorian dotted stamp | `2025.12.14.`, `[2024.02.11.]`, `2023.3.13.` | [`parse_dotted`] |
//! | day-first stamp | `Date: 08/11/2022` (8 November) | [`parse_dmy`] |
//! | month-name date | `May 08, 2025`, `Dec. 5, 2024`, `Feb. 19, 2026 Thursday`, `Monday, November 7, 2022` | [`MonthNameDate`] |
//! | Juche year | `Juche 113 (2024)`, `Juche 81(1992)`, `Dec. 5, Juche 80 (1991)`, bare `Juche 99` | [`JucheYear`], [`MonthNameDate`] |
//! | Korean, Japanese, Spanish dateline | `(평양 8월 21일발 조선중앙통신)`, `【平壌７月５日発朝鮮中央通信】`, `Pyongyang, 24 de diciembre (ACNC) --` | [`Dateline`] ([`Edition`]) |
//! | Korean date, Korean Juche year | `2026년 8월 21일`, `주체107(2018)년 7월 9일`, `주체87（1998）년` | [`KoreanDate`], [`Notation::KoreanJucheYear`] |
//! | Spanish date | `15 de junio de 2000`, `23 de octubre del 101 (2012)` | [`SpanishDate`] |
//! | ISO date (video labels) | `[2026-08-21]` | [`Notation::IsoDate`] |
//! | body dates without a year | `on Monday`, `on May 7`, `on Monday, November 7`, `in October 2014`, `el 15 de junio`, `los días 25 y 30 de agosto`, `7월 9일` | [`Notation::WeekdayRef`], [`MonthDay`], [`MonthRef`], [`DayPair`] |
//!
//! [`Notation`] reads any of them. Each type's `FromStr` is strict (the whole input must be the
//! notation); `parse_prefix` reads a notation at the start of a longer text and says how many
//! bytes it took.
//!
//! # The Juche calendar
//!
//! Juche year *N* is Gregorian year *N* + 1911, *N* >= 1. There are no years before Juche 1: a date
//! before 1912-01-01 has no Juche form, and [`DprkYear`] writes such a year in Gregorian only, as DPRK
//! practice does (`Juche 111 (2022)`, but `1682`). See [`juche`](JucheDate) for the details.
//!
//! # The Korean lunar calendar
//!
//! [`LunarDate`] is a day of the Korean lunisolar calendar as the DPRK keeps it (lunar year,
//! month, leap month, day), converted to and from `NaiveDate` for Gregorian 1900-2100; module
//! [`lunar`] has the lunar holidays (Seollal, Daeboreum, Chusok) and the sources.
//!
//! # Validation
//!
//! Every date is a real calendar day (`29/02/2023` is an error, `29/02/2024` is not), the two years
//! of `Juche 113 (2024)` must agree, a weekday given with a date must be its weekday, Juche years
//! start at 1, and every number is read with checked arithmetic (`Juche99999999999999999999.1.1.`
//! is an error, not an overflow).
//!
//! # Errors and untrusted input
//!
//! Every fallible function returns [`Error`]: a [`kind`](Error::kind), the byte
//! [`span`](Error::span) of the fault, and a message that says what was expected:
//!
//! ```
//! let err = kcna_dates::parse_dmy("31/04/2024").unwrap_err();
//! assert_eq!(err.to_string(), "day 31 is out of range for April, expected 1 to 30");
//! assert_eq!(err.span(), 0..2);
//! ```
//!
//! No input makes this crate panic: it has no `unsafe`, no `unwrap` or indexing that input can
//! reach (clippy's `indexing_slicing`, `unwrap_used` and `arithmetic_side_effects` are denied), and
//! it is fuzzed.
//!
//! # Crate features
//!
//! * `serde`: every value type serializes as its canonical text and deserializes through the same
//!   parser.
//! * `jiff`: as with `NaiveDate`, [`JucheDate`] converts to and from `jiff::civil::Date` and
//!   [`MonthNameDate`] to it, by `TryFrom` (jiff's years are only -9999 to 9999).

mod article;
mod calendar;
mod error;
mod grammar;
#[cfg(feature = "jiff")]
mod jiff_impls;
mod kind;
pub mod lunar;
mod notation;
mod pyongyang;
mod resolve;
mod scan;
#[cfg(feature = "serde")]
mod serde_impls;

/// The README's examples, run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;

pub use article::{
    ArticleDate, ArticleOptions, BodyDate, BodyResolution, Conflict, DEFAULT_DOUBTFUL_AFTER_DAYS,
    Signal, SignalRole, date_article,
};
pub use calendar::YearStyle;
pub use error::{Error, ErrorKind, Expected, Field};
pub use grammar::body::{MonthOnly, RelativeDay, resolve_day, resolve_day_forward};
pub use grammar::dateline::{Agency, DEFAULT_GRACE_DAYS, Dateline, Edition};
pub use grammar::dmy::{parse_dmy, parse_dmy_prefix};
pub use grammar::dotted::{parse_dotted, parse_dotted_prefix};
pub use grammar::juche::{DprkYear, JUCHE_OFFSET, JucheDate, JucheYear};
pub use grammar::korean::KoreanDate;
pub use grammar::lunar_ref::LunarMonthDay;
pub use grammar::month_name::MonthNameDate;
pub use grammar::named_day::{DateRule, Lang, Name, NamedDay, NamedDayRef};
pub use grammar::relative::{DayPair, MonthDay, MonthRef, resolve_weekday};
pub use grammar::spanish::SpanishDate;
pub use lunar::LunarDate;
pub use notation::{FieldValue, Notation, NotationKind};
pub use pyongyang::{pyongyang_offset, to_pyongyang};
pub use resolve::{BodyKind, Precision, Tense};
pub use scan::{Found, Scan, scan};

// The differential tests of the fast paths and the replay of the fuzz inputs through the fuzz
// oracles (`fuzz/oracles.rs`): unit tests, as they use the hooks below, which exist only in test
// and fuzzing builds. They name the crate `kcna_dates`, as the fuzz targets do.
#[cfg(test)]
extern crate self as kcna_dates;
#[cfg(test)]
mod fastpath_tests;
#[cfg(test)]
mod fuzz_replay_tests;
#[cfg(test)]
mod scan_naive_tests;

/// The fast paths and the grammars behind them, and the byte-by-byte scan, for the differential
/// tests (`cfg(test)`) and the fuzz targets (`cfg(fuzzing)`, set by cargo-fuzz). Not part of the
/// API: absent from every other build.
#[cfg(any(test, fuzzing))]
pub mod __internal {
    pub use crate::scan::scan_naive;

    use chrono::NaiveDate;

    use crate::{Dateline, Error, JucheDate, MonthNameDate, Notation};

    /// The `DD/MM/YYYY` fast path.
    pub fn dmy_fast(input: &str) -> Option<NaiveDate> {
        crate::grammar::dmy::fast(input)
    }

    /// `DD/MM/YYYY` by the grammar alone.
    pub fn dmy_grammar(input: &str) -> Result<NaiveDate, Error> {
        crate::grammar::dmy::parse_dmy_grammar(input)
    }

    /// The Juche stamp fast path.
    pub fn juche_fast(input: &str) -> Option<NaiveDate> {
        crate::grammar::juche::fast_stamp(input)
    }

    /// A Juche stamp by the grammar alone.
    pub fn juche_grammar(input: &str) -> Result<JucheDate, Error> {
        crate::grammar::juche::prefix_stamp(input).strict(input)
    }

    /// The `DD/MM/YYYY` prefix fast path: the date and the bytes it takes.
    pub fn dmy_prefix_fast(input: &str) -> Option<(NaiveDate, usize)> {
        crate::grammar::dmy::fast_prefix(input)
    }

    /// The Juche stamp prefix fast path: the date and the bytes it takes.
    pub fn juche_prefix_fast(input: &str) -> Option<(NaiveDate, usize)> {
        crate::grammar::juche::fast_stamp_prefix(input)
    }

    /// The dotted stamp prefix fast path: the date and the bytes it takes.
    pub fn dotted_prefix_fast(input: &str) -> Option<(NaiveDate, usize)> {
        crate::grammar::dotted::fast_prefix(input)
    }

    /// The month-name date prefix fast path: the date and the bytes it takes.
    pub fn month_name_prefix_fast(input: &str) -> Option<(NaiveDate, usize)> {
        crate::grammar::month_name::fast_prefix(input)
    }

    /// A `DD/MM/YYYY` prefix reading by the grammar alone.
    pub fn dmy_prefix_grammar(input: &str) -> Result<(NaiveDate, usize), Error> {
        crate::grammar::dmy::prefix(input).into_result()
    }

    /// A dotted stamp's prefix reading by the grammar alone.
    pub fn dotted_prefix_grammar(input: &str) -> Result<(NaiveDate, usize), Error> {
        crate::grammar::dotted::prefix(input).into_result()
    }

    /// A Juche stamp's prefix reading by the grammar alone.
    pub fn juche_prefix_grammar(input: &str) -> Result<(JucheDate, usize), Error> {
        crate::grammar::juche::prefix_stamp(input).into_result()
    }

    /// A month-name date's prefix reading by the grammar alone.
    pub fn month_name_prefix_grammar(input: &str) -> Result<(MonthNameDate, usize), Error> {
        crate::grammar::month_name::prefix(input).into_result()
    }

    /// The month-name date fast path.
    pub fn month_name_fast(input: &str) -> Option<NaiveDate> {
        crate::grammar::month_name::fast(input)
    }

    /// A month-name date by the grammar alone.
    pub fn month_name_grammar(input: &str) -> Result<MonthNameDate, Error> {
        crate::grammar::month_name::prefix(input).strict(input)
    }

    /// The dateline fast path: place, month, day, agency.
    pub fn dateline_fast(input: &str) -> Option<(String, u32, u32, String)> {
        crate::grammar::dateline::fast(input)
            .map(|p| (p.place.to_owned(), p.month, p.day, p.agency.to_owned()))
    }

    /// A dateline by the grammar alone.
    pub fn dateline_grammar(input: &str) -> Result<Dateline, Error> {
        crate::grammar::dateline::prefix_any(input).strict(input)
    }

    /// The notation at the start of `input` by the grammars alone, without the prefix fast paths
    /// (for comparison with `Notation::parse_prefix`).
    pub fn notation_prefix_grammar(input: &str) -> Result<(Notation, usize), Error> {
        crate::notation::read_grammars(input).1.into_result()
    }

    /// Any notation by the grammars alone (for comparison with `Notation::from_str`).
    pub fn notation_grammar(input: &str) -> Result<Notation, Error> {
        crate::notation::read_grammars(input).1.strict(input)
    }
}
