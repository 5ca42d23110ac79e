//! Dates without a year, as news text writes them in a story's body: `on Monday`, `on May 7`,
//! `on Monday, November 7`, `in October 2014`, `in May Juche 106 (2017)`, Spanish `el 15 de junio`
//! and `los días 25 y 30 de agosto`, Korean `7월 9일`.
//!
//! ```text
//! OnRef     ::= "on" " "+ (Weekday ("," " "+ MonthDay)? | MonthDay)   (not a full date)
//! MonthDay  ::= MonthName " "+ Day          (not followed by "," " "* and a year: a full date)
//! InRef     ::= "in" " "+ MonthName " "+ (Year4 | JucheYear)
//! ElRef     ::= ("el" | "El") " " Day " de " SpanishMonth      (not followed by " de " or " del ")
//! DayPair   ::= "los d" ("i" | "í") "as " Day " y " Day " de " SpanishMonth
//! KoreanDay ::= Month "월" Blank* Day "일"   (not followed by a Hangul noun: `4월13일제철소` is a name)
//! ```
//!
//! Each is a notation of [`crate::scan`]; [`crate::date_article`] resolves them news-style against
//! the story's date, always into the past (see [`MonthDay::resolve`]).

use core::fmt;

use chrono::{Datelike, Days, NaiveDate, Weekday};
use nom::Offset;

use crate::JucheYear;
use crate::calendar::{month_name as english_month, weekday_name};
use crate::error::{Error, ErrorKind, Expected};
use crate::grammar::dateline::resolve_month_day;
use crate::grammar::juche::prefix_year;
use crate::grammar::runtime::{
    Number, PResult, Prefix, check_day, check_month, digits, fail, lit, month_name, spaces, weekday,
};
use crate::grammar::spanish::{spanish_month, spanish_month_name};
use crate::grammar::wide::{wide_blanks0, wide_digits, wide_number};

/// A day of a month without its year, and the weekday the text gives with it, if any: `on May 7`,
/// `on Monday, November 7`, `el 15 de junio`, `7월 9일`.
///
/// ```
/// use chrono::NaiveDate;
/// use kcna_dates::{MonthDay, Notation};
///
/// let Notation::MonthDayRef(day) = "on Monday, November 7".parse()? else { unreachable!() };
/// let story = NaiveDate::from_ymd_opt(2022, 11, 8).unwrap();
/// assert_eq!(day.resolve(story)?, NaiveDate::from_ymd_opt(2022, 11, 7).unwrap());
/// # Ok::<(), kcna_dates::Error>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct MonthDay {
    month: u32,
    day: u32,
    weekday: Option<Weekday>,
}

impl MonthDay {
    /// `month` and `day`, valid together in some year (February 29 is).
    ///
    /// # Errors
    /// [`ErrorKind::MonthOutOfRange`] or [`ErrorKind::DayOutOfRange`].
    pub fn new(month: u32, day: u32) -> Result<MonthDay, Error> {
        let month = check_month(&Number::value(month))?;
        let day = check_day(month, &Number::value(day))?;
        Ok(MonthDay {
            month,
            day,
            weekday: None,
        })
    }

    /// This day, given with `weekday` (`on Monday, November 7`).
    pub fn with_weekday(mut self, weekday: Weekday) -> MonthDay {
        self.weekday = Some(weekday);
        self
    }

    /// The month, 1-12.
    pub fn month(&self) -> u32 {
        self.month
    }

    /// The day of the month, 1-31.
    pub fn day(&self) -> u32 {
        self.day
    }

    /// The weekday the text gives, if any.
    pub fn weekday(&self) -> Option<Weekday> {
        self.weekday
    }

    /// The latest date with this month and day on or before `anchor` (a story's date), within a
    /// year: news write of days that have passed.
    ///
    /// # Errors
    /// [`ErrorKind::Unresolvable`] for a February 29 with none in the year ending at `anchor`;
    /// [`ErrorKind::WeekdayMismatch`] when the text gives another weekday than the date's.
    pub fn resolve(&self, anchor: NaiveDate) -> Result<NaiveDate, Error> {
        let date = resolve_month_day(self.month, self.day, anchor, 0)?;
        match self.weekday {
            Some(given) if given != date.weekday() => Err(Error::new(
                ErrorKind::WeekdayMismatch {
                    date,
                    given,
                    actual: date.weekday(),
                },
                0..0,
            )),
            _ => Ok(date),
        }
    }
}

/// The latest `weekday` on or before `anchor` (0 to 6 days back): what `on Monday` means in a
/// story of that date.
///
/// ```
/// use chrono::{NaiveDate, Weekday};
/// let saturday = NaiveDate::from_ymd_opt(2024, 2, 10).unwrap();
/// let friday = kcna_dates::resolve_weekday(Weekday::Fri, saturday);
/// assert_eq!(friday, NaiveDate::from_ymd_opt(2024, 2, 9));
/// ```
pub fn resolve_weekday(weekday: Weekday, anchor: NaiveDate) -> Option<NaiveDate> {
    let back = anchor
        .weekday()
        .num_days_from_monday()
        .checked_add(7)?
        .checked_sub(weekday.num_days_from_monday())?
        .checked_rem(7)?;
    anchor.checked_sub_days(Days::new(u64::from(back)))
}

/// A month of a given year: `in October 2014`, `in May Juche 106 (2017)`.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct MonthRef {
    year: i32,
    month: u32,
    juche: Option<JucheYear>,
}

impl MonthRef {
    /// The Gregorian year.
    pub fn year(&self) -> i32 {
        self.year
    }

    /// The month, 1-12.
    pub fn month(&self) -> u32 {
        self.month
    }

    /// The Juche year, when the text gives the year that way.
    pub fn juche_year(&self) -> Option<JucheYear> {
        self.juche
    }
}

/// Two days of one month, Spanish style: `los días 25 y 30 de agosto`.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct DayPair {
    first: MonthDay,
    second: MonthDay,
}

impl DayPair {
    /// The first day.
    pub fn first(&self) -> MonthDay {
        self.first
    }

    /// The second day.
    pub fn second(&self) -> MonthDay {
        self.second
    }
}

/// `"on" " "+`, `"in" " "+`: a keyword and the spaces after it.
fn keyword<'a>(word: &'static str) -> impl FnMut(&'a str) -> PResult<'a, &'a str> {
    move |input: &'a str| {
        let (rest, _) = lit(word)(input)?;
        spaces(rest)
    }
}

/// `MonthName " "+ Day`, the day not followed by `,` and a year (that is a full date, which
/// [`crate::MonthNameDate`] reads).
fn month_day(input: &str) -> PResult<'_, (u32, &str)> {
    let (rest, month) = month_name(input)?;
    let (rest, _) = spaces(rest)?;
    let (rest, day) = digits(1, 2, Expected::Day)(rest)?;
    let followed_by_year = rest
        .strip_prefix(',')
        .map(|r| r.trim_start_matches(' '))
        .is_some_and(|r| r.starts_with(|c: char| c.is_ascii_digit()) || r.starts_with("Juche"));
    if followed_by_year {
        return fail(rest, Expected::End);
    }
    Ok((rest, (month, day)))
}

/// What the `on` grammar read.
enum OnRaw<'a> {
    Weekday(Weekday),
    MonthDay(Option<Weekday>, u32, &'a str),
}

/// `OnRef ::= "on" " "+ (Weekday ("," " "+ MonthDay)? | MonthDay)`
fn on_grammar(input: &str) -> PResult<'_, OnRaw<'_>> {
    let (rest, _) = keyword("on")(input)?;
    if let Ok((after, given)) = weekday(rest) {
        let with_date = lit(",")(after)
            .and_then(|(r, _)| spaces(r))
            .and_then(|(r, _)| month_day(r));
        return match with_date {
            Ok((r, (month, day))) => Ok((r, OnRaw::MonthDay(Some(given), month, day))),
            // `on Monday, November 7, 2022` is a full date with its weekday: not this notation.
            Err(_) if !matches!(crate::grammar::month_name::prefix(rest), Prefix::NoMatch(_)) => {
                fail(rest, Expected::End)
            }
            Err(_) => Ok((after, OnRaw::Weekday(given))),
        };
    }
    let (rest, (month, day)) = month_day(rest)?;
    Ok((rest, OnRaw::MonthDay(None, month, day)))
}

/// Reads `on Monday`, `on May 7` or `on Monday, November 7` at the start of `input`.
pub(crate) fn prefix_on(input: &str) -> Prefix<crate::Notation> {
    Prefix::run(input, on_grammar, |raw| match raw {
        OnRaw::Weekday(day) => Ok(crate::Notation::WeekdayRef(day)),
        OnRaw::MonthDay(weekday, month, day) => {
            let day = check_day(month, &Number::new(input, day))?;
            Ok(crate::Notation::MonthDayRef(MonthDay {
                month,
                day,
                weekday,
            }))
        }
    })
}

/// `InRef ::= "in" " "+ MonthName " "+ (Year4 | JucheYear)`
fn in_grammar(input: &str) -> PResult<'_, (u32, Result<&str, &str>)> {
    let (rest, _) = keyword("in")(input)?;
    let (rest, month) = month_name(rest)?;
    let (rest, _) = spaces(rest)?;
    if rest.starts_with("Juche") {
        let (after, _) = crate::grammar::juche::year_grammar(rest)?;
        let len = rest.offset(after);
        return Ok((after, (month, Err(rest.get(..len).unwrap_or(rest)))));
    }
    let (rest, year) = digits(4, 4, Expected::Year4)(rest)?;
    Ok((rest, (month, Ok(year))))
}

/// Reads `in October 2014` or `in May Juche 106 (2017)` at the start of `input`.
pub(crate) fn prefix_in(input: &str) -> Prefix<crate::Notation> {
    Prefix::run(input, in_grammar, |(month, year)| {
        let (year, juche) = match year {
            Ok(digits) => (digits.parse::<i32>().unwrap_or(0), None),
            Err(text) => match prefix_year(text) {
                Prefix::Valid(juche, _) => (juche.gregorian(), Some(juche)),
                Prefix::Invalid(err, _) | Prefix::NoMatch(err) => {
                    return Err(err.shifted(input.offset(text)));
                }
            },
        };
        Ok(crate::Notation::MonthRef(MonthRef { year, month, juche }))
    })
}

/// `" de "` or `" del "` after a Spanish month: a year follows, so the text is a full date (or a
/// year in words, `de mismo año`), not a day of this year.
fn year_follows(rest: &str) -> bool {
    rest.starts_with(" de ") || rest.starts_with(" del ")
}

/// `ElRef ::= ("el" | "El") " " Day " de " SpanishMonth`, no year after it.
fn el_grammar(input: &str) -> PResult<'_, (&str, u32)> {
    let rest = match lit("el ")(input) {
        Ok((rest, _)) => rest,
        Err(_) => lit("El ")(input)?.0,
    };
    let (rest, day) = digits(1, 2, Expected::Day)(rest)?;
    let (rest, _) = lit(" de ")(rest)?;
    let (rest, month) = spanish_month(rest)?;
    if year_follows(rest) {
        return fail(rest, Expected::End);
    }
    Ok((rest, (day, month)))
}

/// Reads `el 15 de junio` at the start of `input`.
pub(crate) fn prefix_el(input: &str) -> Prefix<crate::Notation> {
    Prefix::run(input, el_grammar, |(day, month)| {
        let day = check_day(month, &Number::new(input, day))?;
        Ok(crate::Notation::SpanishDayRef(MonthDay {
            month,
            day,
            weekday: None,
        }))
    })
}

/// `DayPair ::= "los d" ("i" | "í") "as " Day " y " Day " de " SpanishMonth`
fn pair_grammar(input: &str) -> PResult<'_, (&str, &str, u32)> {
    let rest = match lit("los dias ")(input) {
        Ok((rest, _)) => rest,
        Err(_) => lit("los días ")(input)?.0,
    };
    let (rest, first) = digits(1, 2, Expected::Day)(rest)?;
    let (rest, _) = lit(" y ")(rest)?;
    let (rest, second) = digits(1, 2, Expected::Day)(rest)?;
    let (rest, _) = lit(" de ")(rest)?;
    let (rest, month) = spanish_month(rest)?;
    Ok((rest, (first, second, month)))
}

/// Reads `los días 25 y 30 de agosto` at the start of `input`.
pub(crate) fn prefix_pair(input: &str) -> Prefix<crate::Notation> {
    Prefix::run(input, pair_grammar, |(first, second, month)| {
        let day = |digits: &str| -> Result<MonthDay, Error> {
            Ok(MonthDay {
                month,
                day: check_day(month, &Number::new(input, digits))?,
                weekday: None,
            })
        };
        Ok(crate::Notation::SpanishDayPair(DayPair {
            first: day(first)?,
            second: day(second)?,
        }))
    })
}

/// The byte range of the second day's `Day " de " SpanishMonth` in a day pair's text (for the
/// second of the two body dates it gives), and the range of the first day's digits.
pub(crate) fn pair_parts(text: &str) -> Option<(core::ops::Range<usize>, core::ops::Range<usize>)> {
    let after_keyword = text
        .char_indices()
        .filter(|&(_, c)| c == ' ')
        .nth(1)?
        .0
        .checked_add(1)?;
    let digits_len = text
        .get(after_keyword..)?
        .bytes()
        .take_while(u8::is_ascii_digit)
        .count();
    let first = after_keyword..after_keyword.checked_add(digits_len)?;
    let second_start = first.end.checked_add(" y ".len())?;
    Some((first, second_start..text.len()))
}

/// Particles that may follow a Korean day (`5월 25일까지`, `12월 6일에는`, `8월 15일의`).
const KOREAN_PARTICLES: [&str; 18] = [
    "까지", "에", "부터", "의", "전", "은", "는", "을", "를", "이", "가", "로", "과", "와", "도",
    "부", "발", "께",
];

/// Whether the text after a Korean day glues a noun to it, naming something after the date
/// (`4월13일제철소`, `5월1일경기장`, `8월3일인민소비품`): a name, not a date.
fn names_something(after: &str) -> bool {
    after.starts_with(|c: char| ('\u{ac00}'..='\u{d7a3}').contains(&c))
        && !KOREAN_PARTICLES.iter().any(|p| after.starts_with(p))
}

/// `KoreanDay ::= Month "월" Blank* Day "일"`, not followed by a Hangul noun.
fn korean_grammar(input: &str) -> PResult<'_, (&str, &str)> {
    let (rest, month) = wide_digits(1, 2, Expected::Month)(input)?;
    let (rest, _) = lit("월")(rest)?;
    let (rest, day) = wide_digits(1, 2, Expected::Day)(wide_blanks0(rest))?;
    let (rest, _) = lit("일")(rest)?;
    if names_something(rest) {
        return fail(rest, Expected::End);
    }
    Ok((rest, (month, day)))
}

/// Reads `7월 9일` (ASCII or full-width digits) at the start of `input`.
pub(crate) fn prefix_korean(input: &str) -> Prefix<crate::Notation> {
    Prefix::run(input, korean_grammar, |(month, day)| {
        let month = check_month(&wide_number(input, month))?;
        let day = check_day(month, &wide_number(input, day))?;
        Ok(crate::Notation::KoreanMonthDay(MonthDay {
            month,
            day,
            weekday: None,
        }))
    })
}

/// How many bytes of a notation's text come before the date itself (`on `, `in `, `el `), so
/// that a body date's span is the date (`Monday`, `October 2014`).
pub(crate) fn keyword_len(text: &str) -> usize {
    let word = text.bytes().take_while(u8::is_ascii_alphabetic).count();
    let spaces = text
        .get(word..)
        .unwrap_or("")
        .bytes()
        .take_while(|&b| b == b' ')
        .count();
    word.saturating_add(spaces)
}

/// Writes `on …`.
pub(crate) fn write_on(f: &mut fmt::Formatter<'_>, day: &MonthDay) -> fmt::Result {
    let month = english_month(day.month).unwrap_or("?");
    match day.weekday {
        Some(weekday) => write!(f, "on {}, {month} {}", weekday_name(weekday), day.day),
        None => write!(f, "on {month} {}", day.day),
    }
}

/// Writes `in …`.
pub(crate) fn write_in(f: &mut fmt::Formatter<'_>, month: &MonthRef) -> fmt::Result {
    let name = english_month(month.month).unwrap_or("?");
    match month.juche {
        Some(juche) => write!(f, "in {name} {juche}"),
        None => write!(f, "in {name} {:04}", month.year),
    }
}

/// Writes `el …`.
pub(crate) fn write_el(f: &mut fmt::Formatter<'_>, day: &MonthDay) -> fmt::Result {
    let month = spanish_month_name(day.month).unwrap_or("?");
    write!(f, "el {} de {month}", day.day)
}

/// Writes `los días …`.
pub(crate) fn write_pair(f: &mut fmt::Formatter<'_>, pair: &DayPair) -> fmt::Result {
    let month = spanish_month_name(pair.second.month).unwrap_or("?");
    write!(
        f,
        "los días {} y {} de {month}",
        pair.first.day, pair.second.day
    )
}

/// Writes `…월 …일`.
pub(crate) fn write_korean(f: &mut fmt::Formatter<'_>, day: &MonthDay) -> fmt::Result {
    write!(f, "{}월 {}일", day.month, day.day)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::panic)]

    use super::*;
    use crate::Notation;

    fn ok(input: &str) -> (Notation, usize) {
        Notation::parse_prefix(input).unwrap_or_else(|e| panic!("{input:?}: {e}"))
    }

    #[test]
    fn ok_on_forms() {
        assert_eq!(ok("on Monday."), (Notation::WeekdayRef(Weekday::Mon), 9));
        let md = |m, d| MonthDay::new(m, d).unwrap();
        assert_eq!(ok("on May 7 and"), (Notation::MonthDayRef(md(5, 7)), 8));
        assert_eq!(ok("on Dec. 29,"), (Notation::MonthDayRef(md(12, 29)), 10));
        assert_eq!(
            ok("on Monday, November 7."),
            (
                Notation::MonthDayRef(md(11, 7).with_weekday(Weekday::Mon)),
                21
            )
        );
        // A weekday and a comma without a day: only the weekday.
        assert_eq!(ok("on Monday, he"), (Notation::WeekdayRef(Weekday::Mon), 9));
    }

    #[test]
    fn err_on_forms() {
        // A full date is not a day without a year.
        assert!(Notation::parse_prefix("on May 7, 2022").is_err());
        assert!(Notation::parse_prefix("on May 7, Juche 111").is_err());
        assert!(Notation::parse_prefix("one May 7").is_err());
        let err = "on February 30".parse::<Notation>().unwrap_err();
        assert_eq!(err.kind(), ErrorKind::DayOutOfRange { month: 2, day: 30 });
        assert_eq!(err.span(), 12..14);
    }

    #[test]
    fn ok_in_forms() {
        let (n, len) = ok("in October 2014, he");
        assert_eq!(len, 15);
        let Notation::MonthRef(m) = n else { panic!() };
        assert_eq!((m.year(), m.month(), m.juche_year()), (2014, 10, None));
        let (n, _) = ok("in May Juche 106 (2017)");
        let Notation::MonthRef(m) = n else { panic!() };
        assert_eq!((m.year(), m.month()), (2017, 5));
        assert_eq!(n.to_string(), "in May Juche 106 (2017)");
    }

    #[test]
    fn err_in_forms() {
        let err = "in October".parse::<Notation>().unwrap_err();
        assert_eq!(
            err.to_string(),
            "expected space after `in October`, but found end of input"
        );
        let err = "in May Juche 29 (1930)".parse::<Notation>().unwrap_err();
        assert!(
            matches!(err.kind(), ErrorKind::YearMismatch { .. }),
            "{err}"
        );
        assert_eq!(err.span().start, "in May Juche ".len());
    }

    #[test]
    fn ok_spanish_and_korean() {
        let md = |m, d| MonthDay::new(m, d).unwrap();
        assert_eq!(
            ok("el 15 de junio,"),
            (Notation::SpanishDayRef(md(6, 15)), 14)
        );
        assert_eq!(ok("El 1 de Mayo"), (Notation::SpanishDayRef(md(5, 1)), 12));
        let (pair, len) = ok("los dias 25 y 30 de agosto.");
        assert_eq!(len, 26);
        let Notation::SpanishDayPair(p) = pair else {
            panic!()
        };
        assert_eq!(
            (p.first().day(), p.second().day(), p.second().month()),
            (25, 30, 8)
        );
        assert_eq!(
            pair_parts("los dias 25 y 30 de agosto"),
            Some((9..11, 14..26))
        );
        assert_eq!(
            pair_parts("los días 25 y 30 de agosto"),
            Some((10..12, 15..27))
        );
        assert_eq!(
            ok("7월 9일까지"),
            (Notation::KoreanMonthDay(md(7, 9)), "7월 9일".len())
        );
        assert_eq!(
            ok("７월　９일"),
            (Notation::KoreanMonthDay(md(7, 9)), "７월　９일".len())
        );
    }

    #[test]
    fn err_spanish_and_korean() {
        // A year follows: a full date, or a year in words.
        assert!(Notation::parse_prefix("el 19 de abril de mismo ano").is_err());
        // A name, not a date.
        assert!(Notation::parse_prefix("4월13일제철소").is_err());
        let err = "13월 1일".parse::<Notation>().unwrap_err();
        assert_eq!(err.kind(), ErrorKind::MonthOutOfRange { month: 13 });
    }

    #[test]
    fn display_round_trips() {
        for text in [
            "on Monday",
            "on May 7",
            "on Monday, November 7",
            "in October 2014",
            "in May Juche 106 (2017)",
            "in May Juche 106",
            "el 15 de junio",
            "los días 25 y 30 de agosto",
            "7월 9일",
        ] {
            let n: Notation = text.parse().unwrap_or_else(|e| panic!("{text}: {e}"));
            assert_eq!(n.to_string(), text);
            assert_eq!(n.date(), None, "{text}");
        }
    }

    #[test]
    fn resolution_is_past_biased() {
        let ymd = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        let anchor = ymd(2024, 1, 3); // a Wednesday
        assert_eq!(resolve_weekday(Weekday::Wed, anchor), Some(anchor));
        assert_eq!(
            resolve_weekday(Weekday::Thu, anchor),
            Some(ymd(2023, 12, 28))
        );
        let dec29 = MonthDay::new(12, 29).unwrap();
        assert_eq!(dec29.resolve(anchor), Ok(ymd(2023, 12, 29)));
        let wrong = MonthDay::new(1, 2).unwrap().with_weekday(Weekday::Mon);
        assert!(matches!(
            wrong.resolve(anchor).unwrap_err().kind(),
            ErrorKind::WeekdayMismatch { .. }
        ));
    }
}
