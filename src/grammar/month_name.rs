//! Dates with an English month name: listing dates `May 08, 2025`, `Dec. 5, 2024`, Rodong Sinmun
//! headers `Mar. 10, Juche 111 (2022) Thursday`, and body text `on Monday, November 7, 2022`.
//!
//! ```text
//! MonthNameDate ::= Weekday "," " "+ Body | Body (" "+ Weekday)?
//! Body          ::= MonthName " "+ Day "," " "+ Year
//! MonthName     ::= "January" | … | "December" | ("Jan" | "Feb" | … | "Sep" | "Sept" | … | "Dec") "."?
//! Day           ::= Digit Digit?           (valid for the month and year)
//! Year          ::= Year4 | JucheYear      (Dec. 5, Juche 80 (1991))
//! Year4         ::= Digit Digit Digit Digit
//! Weekday       ::= "Monday" | … | "Sunday"
//! ```
//!
//! The weekday comes before the date (`Monday, November 7, 2022`) or after it (`Mar. 10, Juche 111
//! (2022) Thursday`), never both: in `Monday, November 7, 2022 Monday` the second one is text after
//! the date. A weekday given with the date must be the date's weekday: a mismatch is an error that
//! names both. Scraped listing pages glue dates together (`May 08, 2025May 08, 2025`); the grammar stops
//! after the four-digit year, so each reads on its own.

use core::fmt;
use core::str::FromStr;

use core::ops::Range;

use chrono::{Datelike, NaiveDate, Weekday};
use nom::branch::alt;
use nom::combinator::{consumed, map, opt};
use nom::sequence::{preceded, terminated};
use nom::{Offset, Parser};

use crate::calendar::{month_name as english_month, weekday_name};
use crate::error::{Error, ErrorKind, Expected, Field};
use crate::grammar::fixed::{
    digit, four, four_end, month_word, month_word_space, two, upto_two_then, ymd,
};
use crate::grammar::juche::{JucheYear, RawYear, validate_year, year_grammar};
use crate::grammar::runtime::{
    Number, PResult, Prefix, checked_date, digits, expect, lit, month_name, spaces, weekday,
    year_out_of_range,
};

/// A date written with an English month name, as in `May 08, 2025` or `Dec. 5, Juche 80 (1991)`.
///
/// Keeps how the year was written (Gregorian, or Juche with or without the Gregorian year) and the
/// weekday if one was given, so that `Display` writes a text that parses back to the same value:
/// full month name, unpadded day, weekday first.
///
/// ```
/// use chrono::{NaiveDate, Weekday};
/// use kcna_dates::{ErrorKind, MonthNameDate};
///
/// let d: MonthNameDate = "Feb. 19, 2026 Thursday".parse()?;
/// assert_eq!(d.date(), NaiveDate::from_ymd_opt(2026, 2, 19).unwrap());
/// assert_eq!(d.to_string(), "Thursday, February 19, 2026");
///
/// let rodong: MonthNameDate = "Mar. 10, Juche 111 (2022) Thursday".parse()?;
/// assert_eq!(rodong.juche_year().map(|y| y.juche()), Some(111));
///
/// let wrong = "Feb. 19, 2026 Friday".parse::<MonthNameDate>().unwrap_err();
/// assert_eq!(
///     wrong.kind(),
///     ErrorKind::WeekdayMismatch {
///         date: NaiveDate::from_ymd_opt(2026, 2, 19).unwrap(),
///         given: Weekday::Fri,
///         actual: Weekday::Thu,
///     }
/// );
/// assert_eq!(wrong.to_string(), "2026-02-19 is a Thursday, but the text gives Friday");
/// # Ok::<(), kcna_dates::Error>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug)]
pub struct MonthNameDate {
    date: NaiveDate,
    juche: Option<JucheYear>,
    /// Whether the text gave the weekday (always the date's own).
    weekday_given: bool,
}

impl MonthNameDate {
    /// A date to be written with a Gregorian year and no weekday (`November 8, 2022`).
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// let d = kcna_dates::MonthNameDate::from_date(NaiveDate::from_ymd_opt(2022, 11, 8).unwrap())?;
    /// assert_eq!(d.to_string(), "November 8, 2022");
    /// # Ok::<(), kcna_dates::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`ErrorKind::OutOfRange`] (field [`Field::Year`](crate::Field::Year)) for a year outside
    /// 0 to 9999, which has no four-digit form.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use kcna_dates::{ErrorKind, Field, MonthNameDate};
    ///
    /// let err = MonthNameDate::from_date(NaiveDate::from_ymd_opt(10_000, 1, 1).unwrap()).unwrap_err();
    /// assert_eq!(
    ///     err.kind(),
    ///     ErrorKind::OutOfRange { field: Field::Year, value: 10_000, min: 0, max: 9999 }
    /// );
    /// assert_eq!(err.to_string(), "year 10000 is out of range, expected 0 to 9999");
    /// ```
    pub fn from_date(date: NaiveDate) -> Result<MonthNameDate, Error> {
        let year = date.year();
        if !(MIN_YEAR4..=MAX_YEAR4).contains(&year) {
            return Err(Error::out_of_range(
                Field::Year,
                year,
                i64::from(MIN_YEAR4),
                i64::from(MAX_YEAR4),
            ));
        }
        Ok(MonthNameDate::from_gregorian(date))
    }

    /// A date with a four-digit Gregorian year, as the grammar reads it.
    #[inline]
    pub(crate) fn from_gregorian(date: NaiveDate) -> MonthNameDate {
        MonthNameDate {
            date,
            juche: None,
            weekday_given: false,
        }
    }

    /// The date.
    pub fn date(&self) -> NaiveDate {
        self.date
    }

    /// The Juche year, when the text wrote the year the Juche way.
    pub fn juche_year(&self) -> Option<JucheYear> {
        self.juche
    }

    /// The weekday, when the text gave one (it is always the date's weekday).
    pub fn weekday(&self) -> Option<Weekday> {
        self.weekday_given.then(|| self.date.weekday())
    }

    /// Reads a month-name date at the start of `input`, returning it and the bytes it took.
    ///
    /// ```
    /// let (d, len) = kcna_dates::MonthNameDate::parse_prefix("May 08, 2025May 08, 2025")?;
    /// assert_eq!((d.to_string().as_str(), len), ("May 8, 2025", 12));
    /// # Ok::<(), kcna_dates::Error>(())
    /// ```
    ///
    /// # Errors
    /// As [`FromStr`], except that trailing text is not an error.
    pub fn parse_prefix(input: &str) -> Result<(MonthNameDate, usize), Error> {
        prefix(input).into_result()
    }
}

/// The first year a four-digit Gregorian year writes (`0000`).
const MIN_YEAR4: i32 = 0;
/// The last year a four-digit Gregorian year writes (`9999`).
const MAX_YEAR4: i32 = 9999;

/// The year of a month-name date as written.
enum RawYearPart<'a> {
    Gregorian(&'a str),
    /// The whole text of the Juche year (`Juche 80 (1991)`) and its pieces.
    Juche(&'a str, RawYear<'a>),
}

/// The raw pieces of a month-name date.
struct Raw<'a> {
    /// The weekday as written (before or after the date) and its value.
    weekday: Option<(&'a str, Weekday)>,
    body: RawBody<'a>,
}

/// The raw pieces of a month-name date without its weekday.
struct RawBody<'a> {
    month: (&'a str, u32),
    day: &'a str,
    year: RawYearPart<'a>,
}

/// `MonthNameDate ::= Weekday "," " "+ Body | Body (" "+ Weekday)?`
///
/// When both alternatives fail, the error of the one that read further is reported:
/// `Monday November 7, 2022` lacks the `,` after `Monday`, not a month name at its start. The
/// trailing weekday is optional without commitment: `May 8, 2025 The leader …` is a complete date
/// followed by prose.
fn grammar(input: &str) -> PResult<'_, Raw<'_>> {
    // The month-first form first: it is the common one, and a text that is neither fails both at
    // its start, where the month-first error ("expected month name") is the one kept.
    alt((
        map((body, opt(trailing_weekday)), |(body, weekday)| Raw {
            weekday,
            body,
        }),
        map((leading_weekday, body), |(weekday, body)| Raw {
            weekday: Some(weekday),
            body,
        }),
    ))
    .parse(input)
}

/// `Body ::= MonthName " "+ Day "," " "+ Year`
fn body(input: &str) -> PResult<'_, RawBody<'_>> {
    map(
        (
            consumed(month_name),
            spaces,
            digits(1, 2, Expected::Day),
            lit(","),
            spaces,
            year_part,
        ),
        |(month, _, day, _, _, year)| RawBody { month, day, year },
    )
    .parse(input)
}

/// `Year ::= Year4 | JucheYear`
///
/// (A Juche year that lacks the `)` of its Gregorian year, `Dec. 5, Juche 80 (1991`, fails there:
/// the Juche grammar commits after `(` and a year.)
fn year_part(input: &str) -> PResult<'_, RawYearPart<'_>> {
    alt((
        map(digits(4, 4, Expected::Year4), RawYearPart::Gregorian),
        map(consumed(year_grammar), |(text, year)| {
            RawYearPart::Juche(text, year)
        }),
    ))
    .parse(input)
}

/// `Weekday "," " "+`: the weekday as written and its value.
///
/// Text that starts with no weekday fails expecting a month name: the weekday is optional, so a
/// month name is what such a text lacks (`Febr. 19, 2026`: "expected month name").
fn leading_weekday(input: &str) -> PResult<'_, (&str, Weekday)> {
    terminated(
        consumed(expect(Expected::MonthName, weekday)),
        (lit(","), spaces),
    )
    .parse(input)
}

/// `" "+ Weekday`: the weekday as written and its value.
fn trailing_weekday(input: &str) -> PResult<'_, (&str, Weekday)> {
    preceded(spaces, consumed(weekday)).parse(input)
}

/// Checks the raw pieces of a month-name date read in `full`.
fn validate(full: &str, raw: Raw<'_>) -> Result<MonthNameDate, Error> {
    let RawBody { month, day, year } = raw.body;
    let (gregorian, year_span, juche) = match year {
        RawYearPart::Gregorian(text) => {
            let year = Number::new(full, text);
            let value = year.parsed(Field::Year)?;
            let value = i32::try_from(value).map_err(|_| year_out_of_range(value, year.span()))?;
            (value, year.span(), None)
        }
        RawYearPart::Juche(text, ref year) => {
            let juche = validate_year(full, year)?;
            (juche.gregorian(), span_of(full, text), Some(juche))
        }
    };
    let (month_text, month_value) = month;
    let month = Number {
        digits_len: month_text.len(),
        value: Some(month_value),
        start: full.offset(month_text),
    };
    let date = checked_date(gregorian, year_span, &month, &Number::new(full, day))?;
    if let Some((text, given)) = raw.weekday.filter(|&(_, given)| given != date.weekday()) {
        return Err(Error::new(
            ErrorKind::WeekdayMismatch {
                date,
                given,
                actual: date.weekday(),
            },
            span_of(full, text),
        ));
    }
    Ok(MonthNameDate {
        date,
        juche,
        weekday_given: raw.weekday.is_some(),
    })
}

/// The byte span of `part`, a slice of `full`.
fn span_of(full: &str, part: &str) -> Range<usize> {
    let start = full.offset(part);
    start..start.saturating_add(part.len())
}

/// Reads a month-name date at the start of `input`.
pub(crate) fn prefix(input: &str) -> Prefix<MonthNameDate> {
    Prefix::run(input, grammar, |raw| validate(input, raw))
}

/// The whole of `input` as a month-name date, by the grammar (the fast path's fallback, kept out
/// of line so that `from_str` inlines into its caller as a byte check and a call).
fn strict(input: &str) -> Result<MonthNameDate, Error> {
    prefix(input).strict(input)
}

impl FromStr for MonthNameDate {
    type Err = Error;

    /// Parses a whole month-name date: `May 08, 2025`, `Dec. 5, Juche 80 (1991)`,
    /// `Monday, November 7, 2022`, `Feb. 19, 2026 Thursday`.
    #[inline]
    fn from_str(input: &str) -> Result<MonthNameDate, Error> {
        match fast(input) {
            Some(date) => Ok(MonthNameDate::from_gregorian(date)),
            None => strict(input),
        }
    }
}

impl fmt::Display for MonthNameDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(day) = self.weekday() {
            write!(f, "{}, ", weekday_name(day))?;
        }
        let month = english_month(self.date.month()).unwrap_or("?");
        write!(f, "{month} {}, ", self.date.day())?;
        match self.juche {
            Some(juche) => write!(f, "{juche}"),
            None => write!(f, "{:04}", self.date.year()),
        }
    }
}

impl From<MonthNameDate> for NaiveDate {
    fn from(value: MonthNameDate) -> NaiveDate {
        value.date
    }
}

// ---------------------------------------------------------------------------------------------
// The fast path: the common form read at byte level, proven equal to the grammar (see
// `crate::grammar::fixed`).

/// `MonthName " " D{1,2} ", " Y{4}` at the start of `input`, not followed by a digit nor by
/// blanks and a weekday (which the grammar would read): the date and the bytes it takes.
pub(crate) fn fast_prefix(input: &str) -> Option<(NaiveDate, usize)> {
    let bytes = input.as_bytes();
    let (month, rest) = month_word_space(bytes)?;
    let (day, rest) = upto_two_then(rest, b',')?;
    let (year, rest) = four_end(rest.strip_prefix(b" ")?)?;
    if rest.first() == Some(&b' ') {
        // ` Thursday`: a trailing weekday is the grammar's to read.
        if crate::grammar::fixed::weekday_word(rest.trim_ascii_start()).is_some() {
            return None;
        }
    }
    let date = ymd(year, month, day)?;
    Some((date, bytes.len().checked_sub(rest.len())?))
}

/// Whether `bytes` may start a month-name date: its first three bytes begin a month name or a
/// weekday name (`Jan` … `Dec`, `Mon` … `Sun`). When not, the grammar fails at the first byte.
pub(crate) fn may_start(bytes: &[u8]) -> bool {
    let [a, b, c, ..] = *bytes else {
        return false;
    };
    // (One match, compiled to byte comparisons: this runs at every capitalised word `scan` meets.
    // `may_start_agrees_with_the_tables` checks it against the month and weekday tables.)
    matches!(
        &[a, b, c],
        b"Jan"
            | b"Feb"
            | b"Mar"
            | b"Apr"
            | b"May"
            | b"Jun"
            | b"Jul"
            | b"Aug"
            | b"Sep"
            | b"Oct"
            | b"Nov"
            | b"Dec"
            | b"Mon"
            | b"Tue"
            | b"Wed"
            | b"Thu"
            | b"Fri"
            | b"Sat"
            | b"Sun"
    )
}

/// `MonthName " " D{1,2} ", " Y{4}`, the whole input (no weekday, Gregorian year).
pub(crate) fn fast(input: &str) -> Option<NaiveDate> {
    // Fixed width from the end: ` D, YYYY` or ` DD, YYYY`.
    let (word, day, a, b, c, d) = match *input.as_bytes() {
        [ref word @ .., b' ', x, y, b',', b' ', a, b, c, d] if x.is_ascii_digit() => {
            (word, two(x, y)?, a, b, c, d)
        }
        [ref word @ .., b' ', x, b',', b' ', a, b, c, d] => (word, digit(x)?, a, b, c, d),
        _ => return None,
    };
    let (month, rest) = month_word(word)?;
    if !rest.is_empty() {
        return None;
    }
    ymd(four(a, b, c, d)?, month, day)
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::grammar::testing::{Read, after, invalid, near, no_match, read, ymd};

    /// What a reading gives: the date, the Juche year (and whether its Gregorian year was written),
    /// the weekday given.
    type View = (NaiveDate, Option<(u32, bool)>, Option<Weekday>);

    fn view(d: MonthNameDate) -> View {
        (
            d.date(),
            d.juche_year().map(|y| (y.juche(), y.has_gregorian())),
            d.weekday(),
        )
    }

    fn date(input: &str) -> Read<'_, View> {
        read(input, prefix(input).map(view))
    }

    fn plain(year: i32, month: u32, day: u32) -> View {
        (ymd(year, month, day), None, None)
    }

    // `Body ::= MonthName " "+ Day "," " "+ Year`

    #[test]
    fn ok_listing() {
        assert_eq!(date("May 08, 2025"), Read::Valid(plain(2025, 5, 8), ""));
    }

    #[test]
    fn ok_glued_listing() {
        assert_eq!(
            date("May 08, 2025May 08, 2025"),
            Read::Valid(plain(2025, 5, 8), "May 08, 2025")
        );
    }

    #[test]
    fn ok_abbreviations() {
        assert_eq!(date("Dec. 5, 2024"), Read::Valid(plain(2024, 12, 5), ""));
        assert_eq!(date("Dec 5, 2024"), Read::Valid(plain(2024, 12, 5), ""));
        assert_eq!(date("Sept. 5, 2024"), Read::Valid(plain(2024, 9, 5), ""));
        assert_eq!(date("Sep  5,  2024"), Read::Valid(plain(2024, 9, 5), ""));
    }

    #[test]
    fn ok_then_prose() {
        // Text after a complete date, even a capitalised word, is not a missing weekday.
        assert_eq!(
            date("May 8, 2025 The leader"),
            Read::Valid(plain(2025, 5, 8), " The leader")
        );
    }

    #[test]
    fn ok_juche_years() {
        assert_eq!(
            date("Dec. 5, Juche 80 (1991)"),
            Read::Valid((ymd(1991, 12, 5), Some((80, true)), None), "")
        );
        assert_eq!(
            date("Dec. 5, Juche 80, the"),
            Read::Valid((ymd(1991, 12, 5), Some((80, false)), None), ", the")
        );
        assert_eq!(
            date("Jan. 1, Juche 8089"),
            Read::Valid((ymd(10_000, 1, 1), Some((8089, false)), None), "")
        );
    }

    // `MonthNameDate ::= Body (" "+ Weekday)? | Weekday "," " "+ Body`

    #[test]
    fn ok_leading_weekday() {
        assert_eq!(
            date("Monday, November 7, 2022 and"),
            Read::Valid((ymd(2022, 11, 7), None, Some(Weekday::Mon)), " and")
        );
    }

    #[test]
    fn ok_trailing_weekday() {
        assert_eq!(
            date("Feb. 19, 2026 Thursday."),
            Read::Valid((ymd(2026, 2, 19), None, Some(Weekday::Thu)), ".")
        );
        assert_eq!(
            date("Mar. 10, Juche 111 (2022) Thursday"),
            Read::Valid(
                (ymd(2022, 3, 10), Some((111, true)), Some(Weekday::Thu)),
                ""
            )
        );
    }

    #[test]
    fn ok_weekday_on_both_sides() {
        // Never both: the second weekday is text after the date.
        assert_eq!(
            date("Monday, November 7, 2022 Monday"),
            Read::Valid((ymd(2022, 11, 7), None, Some(Weekday::Mon)), " Monday")
        );
    }

    #[test]
    fn err_weekday_mismatch() {
        assert_eq!(
            date("Feb. 19, 2026 Friday"),
            invalid(
                "2026-02-19 is a Thursday, but the text gives Friday",
                14..20,
                ""
            )
        );
        assert_eq!(
            date("Tuesday, November 7, 2022"),
            invalid(
                "2022-11-07 is a Monday, but the text gives Tuesday",
                0..7,
                ""
            )
        );
    }

    #[test]
    fn err_leading_weekday_without_comma() {
        assert_eq!(
            date("Monday November 7, 2022"),
            no_match("expected `,` after `Monday`, but found ` `", 6)
        );
    }

    #[test]
    fn err_leading_weekday_without_space() {
        assert_eq!(
            date("Monday,November 7, 2022"),
            no_match("expected space after `Monday,`, but found `N`", 7)
        );
    }

    #[test]
    fn err_leading_weekday_then_prose() {
        assert_eq!(
            date("Monday, the leader"),
            no_match("expected month name after `Monday, `, but found `t`", 8)
        );
    }

    #[test]
    fn err_month_name() {
        assert_eq!(
            date("Febr. 19, 2026"),
            no_match("expected month name at start of input, but found `F`", 0)
        );
        assert_eq!(
            date(""),
            no_match(
                "expected month name at start of input, but found end of input",
                0
            )
        );
    }

    #[test]
    fn err_missing_comma() {
        assert_eq!(
            date("May 8 2025"),
            no_match("expected `,` after `May 8`, but found ` `", 5)
        );
    }

    #[test]
    fn err_month_day_then_prose() {
        // `On May 8, he said` is no date: no year, so no match (not an invalid candidate).
        assert_eq!(
            date("May 8, he said"),
            no_match("expected four-digit year after `May 8, `, but found `h`", 7)
        );
    }

    #[test]
    fn err_year() {
        assert_eq!(
            date("May 8, 25"),
            no_match("expected four-digit year after `May 8, `, but found `2`", 7)
        );
        assert_eq!(
            date("May 8, 20255"),
            no_match("expected four-digit year after `May 8, `, but found `2`", 7)
        );
        assert_eq!(
            date("May 8, Juche idea"),
            no_match("expected year after `May 8, Juche `, but found `i`", 13)
        );
    }

    #[test]
    fn err_juche_year_unclosed() {
        assert_eq!(
            date("Dec. 5, Juche 80 (1991"),
            invalid(
                "expected `)` after `Dec. 5, Juche 80 (1991`, but found end of input",
                22..22,
                ""
            )
        );
    }

    #[test]
    fn err_juche_year_mismatch() {
        assert_eq!(
            date("Dec. 5, Juche 29 (1930)"),
            invalid("Juche 29 is 1940, but the text gives 1930", 14..22, "")
        );
    }

    #[test]
    fn err_no_such_date() {
        assert_eq!(
            date("Feb. 29, 2023"),
            invalid("February 29 does not exist in 2023", 5..7, "")
        );
        assert_eq!(
            date("Feb. 29, Juche 112 (2023)"),
            invalid("February 29 does not exist in 2023", 5..7, "")
        );
        assert_eq!(
            date("June 31, 2024"),
            invalid(
                "day 31 is out of range for June, expected 1 to 30",
                5..7,
                ""
            )
        );
    }

    #[test]
    fn ok_from_date() {
        let d = MonthNameDate::from_date(ymd(2022, 11, 8)).unwrap();
        assert_eq!(view(d), plain(2022, 11, 8));
        assert_eq!(d.to_string(), "November 8, 2022");
        assert_eq!(
            MonthNameDate::from_date(ymd(0, 1, 2)).unwrap().to_string(),
            "January 2, 0000"
        );
        assert_eq!(
            MonthNameDate::from_date(ymd(9999, 12, 31))
                .unwrap()
                .to_string(),
            "December 31, 9999"
        );
    }

    #[test]
    fn err_from_date() {
        for year in [-1, 10_000, 262_142] {
            let err = MonthNameDate::from_date(ymd(year, 1, 1)).unwrap_err();
            assert_eq!(
                (err.kind(), err.span(), err.to_string()),
                (
                    ErrorKind::OutOfRange {
                        field: Field::Year,
                        value: i64::from(year),
                        min: 0,
                        max: 9999
                    },
                    0..0,
                    format!("year {year} is out of range, expected 0 to 9999")
                )
            );
        }
    }

    const NEAR: &[&str] = &[
        "May",
        "Dec.",
        "Sept.",
        "Sep",
        "Feb",
        "February",
        "Mayo",
        "December.",
        " ",
        ", ",
        ",",
        "08",
        "5",
        "29",
        "2025",
        "2024",
        "Juche 80 (1991)",
        " Thursday",
        " Thu",
        "Monday, ",
        "0",
        "99999",
    ];

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2_000))]

        /// Where the fast path accepts a whole date, the grammar reads the same date.
        #[test]
        fn fast_path_agrees(text in near(NEAR, 7)) {
            let grammar = prefix(&text).strict(&text);
            if let Some(date) = fast(&text) {
                prop_assert_eq!(grammar.clone(), Ok(MonthNameDate::from_gregorian(date)));
            }
            prop_assert_eq!(text.parse::<MonthNameDate>(), grammar);
        }

        /// Where the prefix fast path accepts, the grammar's prefix reading is the same date and
        /// length: on near-miss texts, and on dates of any day with text glued after.
        #[test]
        fn fast_prefix_agrees(
            text in near(NEAR, 8),
            (month, day, year) in (proptest::sample::select(&NEAR[..8]), 0u32..=32, 0u32..=9999),
            suffix in near(NEAR, 3),
        ) {
            let listing = format!("{month} {day:02}, {year:04}{suffix}");
            for text in [text, listing] {
                if let Some((date, len)) = fast_prefix(&text) {
                    prop_assert_eq!(
                        read(&text, prefix(&text)),
                        Read::Valid(MonthNameDate::from_gregorian(date), after(&text, len))
                    );
                }
            }
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(4000))]

        /// Where `may_start` says no, the grammar fails at the first byte (so the registry may
        /// skip it): on texts made of month and weekday words, their prefixes and noise.
        #[test]
        fn may_start_is_exact_where_it_says_no(
            text in "(May|Mar|Monday|Mon|Ma|M|Sept\\.|Dec|De|Friday|Fr|Juche|8|, |2025| |x){0,6}"
        ) {
            if !may_start(text.as_bytes()) {
                let failed_at_start = match grammar(&text) {
                    Err(nom::Err::Error(e) | nom::Err::Failure(e)) => e.at.len() == text.len(),
                    _ => false,
                };
                proptest::prop_assert!(failed_at_start, "{:?}", text);
            }
        }
    }

    #[test]
    fn may_start_agrees_with_the_tables() {
        let names = crate::calendar::MONTH_NAMES
            .iter()
            .chain(crate::calendar::WEEKDAY_NAMES.iter());
        let threes: Vec<&[u8]> = names.map(|name| &name.as_bytes()[..3]).collect();
        for a in b'A'..=b'Z' {
            for b in b'a'..=b'z' {
                for c in b'a'..=b'z' {
                    let word = [a, b, c, b' '];
                    assert_eq!(
                        may_start(&word),
                        threes.contains(&&word[..3]),
                        "{:?}",
                        String::from_utf8_lossy(&word)
                    );
                }
            }
        }
    }
}
