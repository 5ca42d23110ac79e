//! Dates of the Spanish edition: `15 de junio de 2000`, `23 de octubre del 101 (2012)`.
//!
//! ```text
//! SpanishDate ::= Day " de " MonthName SpanishYear
//! SpanishYear ::= " del " (JucheYear | Year4) | " de " Year4
//! JucheYear   ::= Year " (" Year4 ")"      (committed after ` (` and the four-digit year)
//! MonthName   ::= "enero" | "febrero" | … | "septiembre" | "setiembre" | … | "diciembre"
//! Day         ::= Digit Digit?            Year ::= Digit+            Year4 ::= Digit{4,6}
//! ```
//!
//! Notes from real text (kcna.co.jp, 2012): month names are lower case; `de` joins the parts;
//! the Juche year is given with its Gregorian year (`el 23 de octubre del 101 (2012) de la Era
//! Juche`), and the two must agree; `del 2011` is a Gregorian year. A day and month without a year
//! (`el 15 de junio`) is not a full date: [`crate::date_article`] reads it as a body date, like
//! `on May 7`.

use core::fmt;
use core::str::FromStr;

use chrono::{Datelike, NaiveDate};
use nom::branch::alt;
use nom::bytes::complete::take_while1;
use nom::combinator::{consumed, cut, map, map_opt};
use nom::sequence::{delimited, preceded};
use nom::{Offset, Parser};

use crate::calendar::YearStyle;
use crate::calendar::to_juche_year;
use crate::error::{Error, Expected};
use crate::grammar::fixed::digits_then;
use crate::grammar::runtime::{
    Number, PResult, Prefix, checked_date, digits, digits_unbounded, expect, lit,
};
use crate::grammar::year::{RawYear, check_style, validate_year};

/// A date written the Spanish way: `15 de junio de 2000`, `23 de octubre del 101 (2012)`.
///
/// Keeps how the year was written. `Display` writes the full month name in lower case and an
/// unpadded day, which parse back to the same value. Converts like
/// [`JucheDate`](crate::JucheDate): into a [`NaiveDate`] with `From`, from one with `TryFrom` (the
/// year written the Gregorian way).
///
/// ```
/// use chrono::NaiveDate;
/// use kcna_dates::{SpanishDate, YearStyle};
///
/// let d: SpanishDate = "15 de junio de 2000".parse()?;
/// assert_eq!(d.date(), NaiveDate::from_ymd_opt(2000, 6, 15).unwrap());
///
/// let juche: SpanishDate = "23 de octubre del 101 (2012)".parse()?;
/// assert_eq!(juche.year_style(), YearStyle::JucheGregorian);
/// assert_eq!(juche.to_string(), "23 de octubre del 101 (2012)");
/// # Ok::<(), kcna_dates::Error>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug)]
pub struct SpanishDate {
    date: NaiveDate,
    style: YearStyle,
}

impl SpanishDate {
    /// `date`, with its year written in `style`. Spanish text gives a Juche year with its Gregorian
    /// year, so [`YearStyle::Juche`] is stored as [`YearStyle::JucheGregorian`].
    ///
    /// # Errors
    /// [`ErrorKind::BeforeJuche`](crate::ErrorKind::BeforeJuche) for a Juche style and a date
    /// before 1912-01-01; [`ErrorKind::OutOfRange`](crate::ErrorKind::OutOfRange) (field
    /// [`Field::Year`](crate::Field::Year), 1 to 262142) for a year before 1.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use kcna_dates::{SpanishDate, YearStyle};
    /// let d = SpanishDate::new(NaiveDate::from_ymd_opt(1979, 10, 26).unwrap(), YearStyle::Gregorian)?;
    /// assert_eq!(d.to_string(), "26 de octubre de 1979");
    /// # Ok::<(), kcna_dates::Error>(())
    /// ```
    pub fn new(date: NaiveDate, style: YearStyle) -> Result<SpanishDate, Error> {
        check_style(date, style)?;
        let style = match style {
            YearStyle::Juche => YearStyle::JucheGregorian,
            other => other,
        };
        Ok(SpanishDate { date, style })
    }

    /// The date.
    pub fn date(&self) -> NaiveDate {
        self.date
    }

    /// How the year was written.
    pub fn year_style(&self) -> YearStyle {
        self.style
    }

    /// Reads a Spanish date at the start of `input`, returning it and the number of bytes it took.
    ///
    /// ```
    /// let (d, len) = kcna_dates::SpanishDate::parse_prefix("26 de octubre de 1979, el traidor")?;
    /// assert_eq!((d.date().to_string().as_str(), len), ("1979-10-26", 21));
    /// # Ok::<(), kcna_dates::Error>(())
    /// ```
    ///
    /// # Errors
    /// As [`FromStr`], except that trailing text is not an error.
    pub fn parse_prefix(input: &str) -> Result<(SpanishDate, usize), Error> {
        prefix(input).into_result()
    }
}

/// The Spanish month names, January first.
pub(crate) const MONTH_NAMES: [&str; 12] = [
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "septiembre",
    "octubre",
    "noviembre",
    "diciembre",
];

/// The Spanish name of `month` (1-12).
pub(crate) fn spanish_month_name(month: u32) -> Option<&'static str> {
    MONTH_NAMES
        .get(usize::try_from(month.checked_sub(1)?).ok()?)
        .copied()
}

/// `MonthName ::= "enero" | … | "diciembre"`, in any case (`Abril`, `ABRIL`).
pub(crate) fn spanish_month(input: &str) -> PResult<'_, u32> {
    expect(
        Expected::MonthName,
        map_opt(
            take_while1(|c: char| c.is_ascii_alphabetic()),
            |word: &str| month_of_word(word.as_bytes()),
        ),
    )(input)
}

/// The longest Spanish month name (`septiembre`).
const LONGEST_MONTH: usize = 10;

/// [`spanish_month`] without nom, for `scan`'s anchor search and the fast paths of the day
/// notations: the month and the length of its word, where the grammar reads one (proven by
/// `fast_month_agrees_with_the_grammar`). Reads at most one letter past the longest name.
#[inline]
pub(crate) fn fast_month(bytes: &[u8]) -> Option<(u32, usize)> {
    let len = bytes
        .iter()
        .take(LONGEST_MONTH.saturating_add(1))
        .take_while(|b| b.is_ascii_alphabetic())
        .count();
    Some((month_of_word(bytes.get(..len)?)?, len))
}

/// The month a whole word names: lower case as KCNA writes it, capitalised, or in capitals (not
/// mixed); `setiembre` is September.
fn month_of_word(word: &[u8]) -> Option<u32> {
    let (&first, rest) = word.split_first()?;
    // The rest in lower case (the first letter in either case), or the whole word in capitals.
    let named = |name: &str| {
        let Some((&name_first, name_rest)) = name.as_bytes().split_first() else {
            return false;
        };
        name_first == first.to_ascii_lowercase()
            && (name_rest == rest
                || (first.is_ascii_uppercase()
                    && name_rest.len() == rest.len()
                    && name_rest
                        .iter()
                        .zip(rest)
                        .all(|(n, r)| n.to_ascii_uppercase() == *r)))
    };
    match MONTH_NAMES.iter().position(|name| named(name)) {
        Some(index) => u32::try_from(index).ok()?.checked_add(1),
        None => named("setiembre").then_some(9),
    }
}

/// `SpanishYear ::= " del " (JucheYear | Year4) | " de " Year4`
///
/// (` del ` is tried first: for text with neither, the error names ` del `.)
fn spanish_year(input: &str) -> PResult<'_, RawYear<'_>> {
    alt((
        preceded(lit(" del "), alt((juche_year, gregorian_year))),
        preceded(lit(" de "), gregorian_year),
    ))
    .parse(input)
}

/// `Year4 ::= Digit{4,6}`, a Gregorian year.
fn gregorian_year(input: &str) -> PResult<'_, RawYear<'_>> {
    map(digits(4, 6, Expected::Year4), RawYear::Gregorian).parse(input)
}

/// `JucheYear ::= Year " (" Year4 ")"`
///
/// Once ` (` and a year are read the group is committed (`cut`): `del 101 (2012` lacks its `)`.
/// `del 2011 (véase …)` stays the Gregorian `del 2011` followed by text.
fn juche_year(input: &str) -> PResult<'_, RawYear<'_>> {
    map(
        (
            digits_unbounded(Expected::Year),
            delimited(lit(" ("), digits(4, 6, Expected::Year4), cut(lit(")"))),
        ),
        |(juche, gregorian)| RawYear::Juche(juche, Some(gregorian)),
    )
    .parse(input)
}

/// The raw pieces of a Spanish date.
struct Raw<'a> {
    day: &'a str,
    month_text: &'a str,
    month: u32,
    year: RawYear<'a>,
}

/// `SpanishDate ::= Day " de " MonthName SpanishYear`
fn grammar(input: &str) -> PResult<'_, Raw<'_>> {
    map(
        (
            digits(1, 2, Expected::Day),
            lit(" de "),
            consumed(spanish_month),
            spanish_year,
        ),
        |(day, _, (month_text, month), year)| Raw {
            day,
            month_text,
            month,
            year,
        },
    )
    .parse(input)
}

/// Whether a Spanish date may start `bytes`: one or two digits and a space (of ` de `).
pub(crate) fn may_match(bytes: &[u8]) -> bool {
    digits_then(bytes, 1..=2, |b| b == b' ')
}

/// Reads a Spanish date at the start of `input`.
pub(crate) fn prefix(input: &str) -> Prefix<SpanishDate> {
    Prefix::run(input, grammar, |raw| {
        let (year, year_number, style) = validate_year(input, raw.year)?;
        let month = Number {
            digits_len: raw.month_text.len(),
            value: Some(raw.month),
            start: input.offset(raw.month_text),
        };
        let date = checked_date(
            year,
            year_number.span(),
            &month,
            &Number::new(input, raw.day),
        )?;
        Ok(SpanishDate { date, style })
    })
}

impl TryFrom<NaiveDate> for SpanishDate {
    type Error = Error;

    /// `date` with its year written the Gregorian way (`15 de junio de 2000`), as the Spanish
    /// edition writes most dates, and as every year from 1 can be written. For a Juche year
    /// (`23 de octubre del 101 (2012)`), use [`SpanishDate::new`] with
    /// [`YearStyle::JucheGregorian`].
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use kcna_dates::{SpanishDate, YearStyle};
    ///
    /// let date = NaiveDate::from_ymd_opt(2000, 6, 15).unwrap();
    /// let spanish = SpanishDate::try_from(date)?;
    /// assert_eq!(spanish.year_style(), YearStyle::Gregorian);
    /// assert_eq!(spanish.to_string(), "15 de junio de 2000");
    /// assert_eq!(NaiveDate::from(spanish), date);
    ///
    /// // A year before 1 has no Spanish text here.
    /// let bc = NaiveDate::from_ymd_opt(-44, 3, 15).unwrap();
    /// assert_eq!(
    ///     SpanishDate::try_from(bc).unwrap_err().to_string(),
    ///     "year -44 is out of range, expected 1 to 262142",
    /// );
    /// # Ok::<(), kcna_dates::Error>(())
    /// ```
    ///
    /// # Errors
    /// As [`SpanishDate::new`] with [`YearStyle::Gregorian`]:
    /// [`ErrorKind::OutOfRange`](crate::ErrorKind::OutOfRange) (field
    /// [`Field::Year`](crate::Field::Year)) for a year before 1.
    fn try_from(date: NaiveDate) -> Result<SpanishDate, Error> {
        SpanishDate::new(date, YearStyle::Gregorian)
    }
}

impl From<SpanishDate> for NaiveDate {
    fn from(value: SpanishDate) -> NaiveDate {
        value.date
    }
}

impl FromStr for SpanishDate {
    type Err = Error;

    /// Parses a whole Spanish date: `15 de junio de 2000`, `23 de octubre del 101 (2012)`.
    fn from_str(input: &str) -> Result<SpanishDate, Error> {
        prefix(input).strict(input)
    }
}

impl fmt::Display for SpanishDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let month = spanish_month_name(self.date.month()).unwrap_or("?");
        write!(f, "{} de {month}", self.date.day())?;
        let year = self.date.year();
        match (self.style, to_juche_year(year)) {
            (YearStyle::Juche | YearStyle::JucheGregorian, Some(juche)) => {
                write!(f, " del {juche} ({year:04})")
            }
            _ => write!(f, " de {year:04}"),
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::panic)]

    use super::*;
    use crate::error::{ErrorKind, Field};
    use crate::grammar::runtime::GrammarError;
    use crate::grammar::testing::ymd;

    /// The value and the bytes read of a Spanish date at the start of `input`.
    fn ok(input: &str) -> (NaiveDate, YearStyle, usize) {
        let (d, len) = prefix(input)
            .into_result()
            .unwrap_or_else(|e| panic!("{input:?}: {e}"));
        (d.date(), d.year_style(), len)
    }

    /// The message and the span of the strict parse of `input`.
    fn err(input: &str) -> (String, core::ops::Range<usize>) {
        let err = input.parse::<SpanishDate>().unwrap_err();
        (err.to_string(), err.span())
    }

    #[test]
    fn ok_spanish_month() {
        assert_eq!(spanish_month("junio de"), Ok((" de", 6)));
        assert_eq!(spanish_month("Abril,"), Ok((",", 4)));
        assert_eq!(spanish_month("DICIEMBRE"), Ok(("", 12)));
        assert_eq!(spanish_month("setiembre"), Ok(("", 9)));
        assert_eq!(spanish_month("septiembre"), Ok(("", 9)));
        // Every month, in each case KCNA writes (the shortest is `mayo`, the longest
        // `septiembre`).
        for month in 1..=12 {
            let name = spanish_month_name(month).unwrap();
            let mut letters = name.chars();
            let first = letters.next().unwrap().to_ascii_uppercase();
            let capitalised = format!("{first}{}", letters.as_str());
            for word in [name.to_owned(), capitalised, name.to_uppercase()] {
                assert_eq!(spanish_month(&word), Ok(("", month)), "{word}");
            }
        }
    }

    #[test]
    fn err_spanish_month() {
        for input in ["aBRIL", "junios", "june", "", "12"] {
            assert_eq!(
                spanish_month(input),
                Err(nom::Err::Error(GrammarError {
                    at: input,
                    expected: Expected::MonthName
                })),
                "{input:?}"
            );
        }
    }

    #[test]
    fn ok_spanish_year() {
        assert_eq!(
            spanish_year(" de 2000, y"),
            Ok((", y", RawYear::Gregorian("2000")))
        );
        assert_eq!(
            spanish_year(" del 101 (2012) de la Era Juche"),
            Ok((" de la Era Juche", RawYear::Juche("101", Some("2012"))))
        );
        assert_eq!(
            spanish_year(" del 2011."),
            Ok((".", RawYear::Gregorian("2011")))
        );
        // Not committed before the year in parentheses: a Gregorian year and text.
        assert_eq!(
            spanish_year(" del 2011 (véase)"),
            Ok((" (véase)", RawYear::Gregorian("2011")))
        );
    }

    #[test]
    fn err_spanish_year() {
        assert_eq!(
            spanish_year(" del 101 (2012"),
            Err(nom::Err::Failure(GrammarError {
                at: "",
                expected: Expected::Literal(")")
            }))
        );
        assert_eq!(
            spanish_year(" del 101."),
            Err(nom::Err::Error(GrammarError {
                at: ".",
                expected: Expected::Literal(" (")
            }))
        );
    }

    #[test]
    fn ok_spanish_date() {
        assert_eq!(
            ok("15 de junio de 2000, y"),
            (ymd(2000, 6, 15), YearStyle::Gregorian, 19)
        );
        assert_eq!(
            ok("23 de octubre del 101 (2012) de la Era Juche"),
            (ymd(2012, 10, 23), YearStyle::JucheGregorian, 28)
        );
        assert_eq!(
            ok("7 de octubre del 2011"),
            (ymd(2011, 10, 7), YearStyle::Gregorian, 21)
        );
        assert_eq!(
            ok("1 de Setiembre de 1999"),
            (ymd(1999, 9, 1), YearStyle::Gregorian, 22)
        );
    }

    #[test]
    fn err_spanish_date() {
        assert_eq!(
            err("23 de octubre del 101 (2012"),
            (
                "expected `)` after `23 de octubre del 101 (2012`, but found end of input"
                    .to_string(),
                27..27
            )
        );
        assert_eq!(
            err("23 de octubre del 101"),
            (
                "expected ` (` after `23 de octubre del 101`, but found end of input".to_string(),
                21..21
            )
        );
        assert_eq!(
            err("15 de junio"),
            (
                "expected ` del ` after `15 de junio`, but found end of input".to_string(),
                11..11
            )
        );
        assert_eq!(
            err("15 de junio de mismo año"),
            (
                "expected four-digit year after `15 de junio de `, but found `m`".to_string(),
                15..15
            )
        );
        assert_eq!(
            err("15 de june de 2000"),
            (
                "expected month name after `15 de `, but found `j`".to_string(),
                6..6
            )
        );
        assert_eq!(
            err("31 de junio de 2000"),
            (
                "day 31 is out of range for June, expected 1 to 30".to_string(),
                0..2
            )
        );
        assert_eq!(
            err("29 de febrero de 2023"),
            ("February 29 does not exist in 2023".to_string(), 0..2)
        );
        assert_eq!(
            err("23 de octubre del 100 (2012)"),
            (
                "Juche 100 is 2011, but the text gives 2012".to_string(),
                18..27
            )
        );
    }

    #[test]
    fn err_constructor() {
        let err = SpanishDate::new(ymd(-1, 1, 1), YearStyle::Gregorian).unwrap_err();
        assert_eq!(
            err.kind(),
            ErrorKind::OutOfRange {
                field: Field::Year,
                value: -1,
                min: 1,
                max: 262_142
            }
        );
        assert_eq!(err.span(), 0..0);
        assert!(matches!(
            SpanishDate::new(ymd(1900, 1, 1), YearStyle::JucheGregorian)
                .unwrap_err()
                .kind(),
            ErrorKind::BeforeJuche { .. }
        ));
        // A Juche year alone is written with its Gregorian year.
        let d = SpanishDate::new(ymd(2012, 10, 23), YearStyle::Juche).unwrap();
        assert_eq!(d.year_style(), YearStyle::JucheGregorian);
    }

    #[test]
    fn conversions_round_trip() {
        for date in [
            ymd(1, 1, 1),
            ymd(1912, 1, 1),
            ymd(2000, 2, 29),
            NaiveDate::MAX,
        ] {
            let spanish = SpanishDate::try_from(date).unwrap();
            assert_eq!(spanish.year_style(), YearStyle::Gregorian);
            assert_eq!(NaiveDate::from(spanish), date);
            let text = spanish.to_string();
            assert_eq!(text.parse::<SpanishDate>(), Ok(spanish), "{text}");
        }
        assert!(SpanishDate::try_from(NaiveDate::MIN).is_err());
    }

    /// The year styles this edition writes.
    const STYLES: [YearStyle; 2] = [YearStyle::Gregorian, YearStyle::JucheGregorian];

    /// Words near the Spanish month names: each name in the cases KCNA writes and in mixed case,
    /// cut short, run on, or followed by what follows a month in text.
    fn near_month() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::sample::select;
        use proptest::strategy::Strategy;
        (
            1..=13u32,
            select(vec!["lower", "Capital", "UPPER", "mIxed", "short"]),
            select(vec![
                "", " de", "s", "x", ",", "2", "es de", "ABRIL", "\u{e1}",
            ]),
            "[a-zA-Z ]{0,3}",
        )
            .prop_map(|(month, case, after, noise)| {
                let name = spanish_month_name(month).unwrap_or("setiembre");
                // (Month names are ASCII: one byte per letter.)
                let (first, rest) = name.split_at(1);
                let word = match case {
                    "lower" => name.to_owned(),
                    "Capital" => format!("{}{rest}", first.to_uppercase()),
                    "UPPER" => name.to_uppercase(),
                    "mIxed" => format!("{first}{}", rest.to_uppercase()),
                    _ => name.split_at(name.len().saturating_sub(1)).0.to_owned(),
                };
                format!("{word}{after}{noise}")
            })
    }

    proptest::proptest! {
        /// The month fast path reads a month exactly where the grammar does, the same one, and
        /// as many bytes (`scan`'s anchor search relies on it saying no where the grammar does).
        #[test]
        fn fast_month_agrees_with_the_grammar(
            text in proptest::prop_oneof![near_month(), "[a-zA-Z]{0,14}[ ,.]?"],
        ) {
            let grammar = spanish_month(&text)
                .ok()
                .map(|(rest, month)| (month, text.len().saturating_sub(rest.len())));
            proptest::prop_assert_eq!(fast_month(text.as_bytes()), grammar, "{:?}", text);
        }

        /// Every date a style can write converts, displays and parses back to itself.
        #[test]
        fn prop_display_parses_back(
            days in 0i32..=NaiveDate::MAX.num_days_from_ce(),
            style in proptest::sample::select(&STYLES),
        ) {
            let date = NaiveDate::from_num_days_from_ce_opt(days.max(1)).unwrap();
            if let Ok(value) = SpanishDate::new(date, style) {
                proptest::prop_assert_eq!(NaiveDate::from(value), date);
                let text = value.to_string();
                proptest::prop_assert_eq!(text.parse::<SpanishDate>(), Ok(value), "{}", text);
            } else {
                proptest::prop_assert!(style.is_juche() && date.year() < 1912);
            }
            proptest::prop_assert_eq!(
                SpanishDate::try_from(date).map(|v| v.year_style()),
                Ok(YearStyle::Gregorian)
            );
        }
    }
}
