//! Dates without a year, as news text writes them in a story's body: `on Monday`, `on May 7`,
//! `on Monday, November 7`, `in October 2014`, `in May Juche 106 (2017)`, Spanish `el 15 de junio`
//! and `los días 25 y 30 de agosto`, Korean `7월 9일`.
//!
//! ```text
//! OnRef      ::= "on" " "+ (MonthDay | WeekdayRef)
//! WeekdayRef ::= Weekday "," " "+ MonthDay | Weekday   (a bare weekday not starting a full date)
//! MonthDay   ::= MonthName " "+ Day          (not followed by "," " "* and a year: a full date)
//! InRef      ::= "in" " "+ MonthName " "+ (Year4 | JucheYear)
//! ElRef      ::= ("el " | "El ") Day " de " SpanishMonth      (not followed by " de " or " del ")
//! DayPair    ::= ("los días " | "los dias ") Day " y " Day " de " SpanishMonth
//! KoreanDay  ::= Month "월" Blank* Day "일"   (not followed by a Hangul noun: `4월13일제철소` is a name)
//! Year4      ::= Digit Digit Digit Digit
//! ```
//!
//! `JucheYear` is the English one of [`crate::JucheYear`] (`Juche 106 (2017)`), `SpanishMonth`
//! the month name of [`crate::SpanishDate`], `KoreanDay` the month and day of
//! [`crate::KoreanDate`]. Only the Juche year's parenthesised group commits (`in May Juche 106
//! (2017` lacks its `)`); otherwise a text that stops short is prose, not a broken date:
//! `on Monday, he`, `in October, the`, `el 19 de abril de mismo año`.
//!
//! Each is a notation of [`crate::scan`]; [`crate::date_article`] resolves them news-style against
//! the story's date, always into the past (see [`MonthDay::resolve`]).

use core::fmt;

use chrono::{Datelike, Days, NaiveDate, Weekday};
use nom::branch::alt;
use nom::character::complete::satisfy;
use nom::combinator::{map, not, value};
use nom::sequence::{preceded, terminated};
use nom::{Offset, Parser};

use crate::JucheYear;
use crate::calendar::{max_day, month_name as english_month, weekday_name};
use crate::error::{Error, ErrorKind, Expected, Field};
use crate::grammar::dateline::resolve_month_day;
use crate::grammar::fixed;
use crate::grammar::juche::{self, year_grammar};
use crate::grammar::korean;
use crate::grammar::runtime::{
    GrammarError, Number, PResult, Prefix, check_day, check_month, digits, expect, fail, lit,
    month_name, spaces, spaces0, weekday,
};
use crate::grammar::spanish::{fast_month, spanish_month, spanish_month_name};
use crate::grammar::wide::wide_number;

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
    /// ```
    /// use kcna_dates::{ErrorKind, Field, MonthDay};
    ///
    /// assert_eq!(MonthDay::new(2, 29)?.day(), 29);
    /// let err = MonthDay::new(4, 31).unwrap_err();
    /// assert_eq!(
    ///     err.kind(),
    ///     ErrorKind::OutOfRange { field: Field::Day, value: 31, min: 1, max: 30 },
    /// );
    /// assert_eq!(err.to_string(), "day 31 is out of range, expected 1 to 30");
    /// # Ok::<(), kcna_dates::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`ErrorKind::OutOfRange`] with field [`Field::Month`] (1 to 12) or [`Field::Day`] (1 to
    /// the longest the month has in any year: 29 for February).
    pub fn new(month: u32, day: u32) -> Result<MonthDay, Error> {
        // Checked by the rules of parsed text, reported as values given out of range.
        let month = check_month(&Number::value(month))
            .map_err(|_| Error::out_of_range(Field::Month, month, 1, 12))?;
        let day = check_day(month, &Number::value(day))
            .map_err(|_| Error::out_of_range(Field::Day, day, 1, i64::from(max_day(month))))?;
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
fn keyword<'a>(
    word: &'static str,
) -> impl Parser<&'a str, Output = &'a str, Error = GrammarError<'a>> {
    terminated(lit(word), spaces)
}

/// `MonthDay ::= MonthName " "+ Day`, the day not followed by `,` and a year (that is a full
/// date, which [`crate::MonthNameDate`] reads).
fn month_day(input: &str) -> PResult<'_, (u32, &str)> {
    map(
        terminated(
            (month_name, spaces, digits(1, 2, Expected::Day)),
            no_year_after,
        ),
        |(month, _, day)| (month, day),
    )
    .parse(input)
}

/// Succeeds, reading nothing, unless `input` is `,` and a year (`, 2022`, `, Juche 111`).
fn no_year_after(input: &str) -> PResult<'_, ()> {
    let year_start = alt((
        value((), satisfy(|c: char| c.is_ascii_digit())),
        value((), lit("Juche")),
    ));
    expect(Expected::End, not((lit(","), spaces0, year_start)))(input)
}

/// What the `on` grammar read.
#[derive(Debug, PartialEq, Eq)]
enum OnRaw<'a> {
    Weekday(Weekday),
    MonthDay(Option<Weekday>, u32, &'a str),
}

/// `OnRef ::= "on" " "+ (MonthDay | WeekdayRef)`
fn on_grammar(input: &str) -> PResult<'_, OnRaw<'_>> {
    preceded(keyword("on"), on_body).parse(input)
}

/// `MonthDay | WeekdayRef`: what follows `on`, and what a body date without `on` is.
fn on_body(input: &str) -> PResult<'_, OnRaw<'_>> {
    alt((
        map(month_day, |(month, day)| OnRaw::MonthDay(None, month, day)),
        weekday_ref,
    ))
    .parse(input)
}

/// `WeekdayRef ::= Weekday "," " "+ MonthDay | Weekday`
fn weekday_ref(input: &str) -> PResult<'_, OnRaw<'_>> {
    alt((
        map(
            (weekday, lit(","), spaces, month_day),
            |(given, _, _, (month, day))| OnRaw::MonthDay(Some(given), month, day),
        ),
        bare_weekday,
    ))
    .parse(input)
}

/// `Weekday`, when it does not start a full date: `on Monday, November 7, 2022` is a date with
/// its weekday, which [`crate::MonthNameDate`] reads, not this notation.
fn bare_weekday(input: &str) -> PResult<'_, OnRaw<'_>> {
    let (rest, given) = weekday(input)?;
    match crate::grammar::month_name::prefix(input) {
        Prefix::NoMatch(_) => Ok((rest, OnRaw::Weekday(given))),
        Prefix::Valid(..) | Prefix::Invalid(..) => fail(input, Expected::End),
    }
}

/// What `on …` names: a weekday, or a day without its year.
#[derive(Debug)]
pub(crate) enum OnRef {
    /// `on Monday`
    Weekday(Weekday),
    /// `on May 7`, `on Monday, November 7`
    Day(MonthDay),
}

/// Reads `on Monday`, `on May 7` or `on Monday, November 7` at the start of `input`.
pub(crate) fn prefix_on(input: &str) -> Prefix<OnRef> {
    on_with(input, on_grammar)
}

/// Reads `Monday`, `May 7` or `Monday, November 7` (without `on`) at the start of `input`.
pub(crate) fn prefix_on_body(input: &str) -> Prefix<OnRef> {
    on_with(input, on_body)
}

/// Reads what `grammar` (with or without `on`) reads, and checks the day against its month.
fn on_with<'a>(input: &'a str, grammar: fn(&'a str) -> PResult<'a, OnRaw<'a>>) -> Prefix<OnRef> {
    Prefix::run(input, grammar, |raw| match raw {
        OnRaw::Weekday(day) => Ok(OnRef::Weekday(day)),
        OnRaw::MonthDay(weekday, month, day) => {
            let day = check_day(month, &Number::new(input, day))?;
            Ok(OnRef::Day(MonthDay {
                month,
                day,
                weekday,
            }))
        }
    })
}

/// `"on" " "+ Weekday` at the start of `input`, the weekday not followed by a letter or a comma
/// (where `, November 7` may follow): the weekday and the bytes taken, as [`prefix_on`] reads them
/// (proven by `fast_on_weekday_agrees_with_the_grammar`).
pub(crate) fn fast_on_weekday(input: &str) -> Option<(Weekday, usize)> {
    let bytes = input.as_bytes();
    let (day, after) = fixed::weekday_word(fixed::spaces1(fixed::strip_short(bytes, b"on")?)?)?;
    if after
        .first()
        .is_some_and(|&b| b == b',' || b.is_ascii_alphabetic())
    {
        return None;
    }
    Some((day, bytes.len().checked_sub(after.len())?))
}

/// Whether the `on` grammar may match `bytes`: not where `on` is followed by a full month-name
/// date (`on November 7, 2022`, which `MonthDay` refuses and `crate::MonthNameDate` reads from the
/// month), each piece as [`on_grammar`] reads it: then it gives `NoMatch` (proven by
/// `may_match_on_says_no_only_where_the_grammar_does`). `scan` meets this at every such date.
pub(crate) fn may_match_on(bytes: &[u8]) -> bool {
    let full_date = || {
        let rest = fixed::spaces1(fixed::strip_short(bytes, b"on")?)?;
        let (_, rest) = fixed::month_word(rest)?;
        let (_, _, rest) = fixed::upto_two_end(fixed::spaces1(rest)?)?;
        let year = fixed::spaces0(rest.strip_prefix(b",")?);
        Some(fixed::starts_with_digit(year) || year.starts_with(b"Juche"))
    };
    full_date() != Some(true)
}

/// The year of `in …`, as read.
enum InYear<'a> {
    /// `2014`
    Gregorian(&'a str),
    /// `Juche 106 (2017)`, `Juche 106`
    Juche(juche::RawYear<'a>),
}

/// `InRef ::= "in" " "+ MonthOfYear`
fn in_grammar(input: &str) -> PResult<'_, (u32, InYear<'_>)> {
    preceded(keyword("in"), month_of_year).parse(input)
}

/// `MonthOfYear ::= MonthName " "+ (Year4 | JucheYear)`
fn month_of_year(input: &str) -> PResult<'_, (u32, InYear<'_>)> {
    map(
        (
            month_name,
            spaces,
            alt((
                map(digits(4, 4, Expected::Year4), InYear::Gregorian),
                map(year_grammar, InYear::Juche),
            )),
        ),
        |(month, _, year)| (month, year),
    )
    .parse(input)
}

/// `in October 2014` or `in May Juche 106 (2017)` at the start of `input`, as [`prefix_in`] reads
/// it where it reads a valid year (proven by `fast_in_agrees_with_the_grammar`); `None` otherwise.
pub(crate) fn fast_in(input: &str) -> Option<(MonthRef, usize)> {
    let bytes = input.as_bytes();
    let rest = fixed::spaces1(fixed::strip_short(bytes, b"in")?)?;
    // `month_word` leaves what follows the name to its caller: one or more spaces here.
    let (month, rest) = fixed::month_word(rest)?;
    let rest = fixed::spaces1(rest)?;
    let (year, juche, after) = match fixed::four_end(rest) {
        Some((year, after)) => (i32::try_from(year).ok()?, None, after),
        None => {
            let (juche, len) = juche::fast_year_prefix(rest)?;
            (juche.gregorian(), Some(juche), rest.get(len..)?)
        }
    };
    let month = MonthRef { year, month, juche };
    Some((month, bytes.len().checked_sub(after.len())?))
}

/// Reads `in October 2014` or `in May Juche 106 (2017)` at the start of `input`.
pub(crate) fn prefix_in(input: &str) -> Prefix<MonthRef> {
    in_with(input, in_grammar)
}

/// Reads `October 2014` or `May Juche 106 (2017)` (without `in`) at the start of `input`.
pub(crate) fn prefix_month_of_year(input: &str) -> Prefix<MonthRef> {
    in_with(input, month_of_year)
}

/// Reads what `grammar` (with or without `in`) reads, and checks the Juche year.
fn in_with<'a>(
    input: &'a str,
    grammar: fn(&'a str) -> PResult<'a, (u32, InYear<'a>)>,
) -> Prefix<MonthRef> {
    Prefix::run(input, grammar, |(month, year)| {
        let (year, juche) = match year {
            // (Four ASCII digits: always a year chrono holds.)
            InYear::Gregorian(digits) => (digits.parse::<i32>().unwrap_or(0), None),
            InYear::Juche(raw) => {
                let juche = juche::validate_year(input, &raw)?;
                (juche.gregorian(), Some(juche))
            }
        };
        Ok(MonthRef { year, month, juche })
    })
}

/// Succeeds, reading nothing, unless ` de ` or ` del ` follows a Spanish month: a year follows,
/// so the text is a full date (or a year in words, `de mismo año`), not a day of this year.
fn no_spanish_year_after(input: &str) -> PResult<'_, ()> {
    expect(Expected::End, not(alt((lit(" de "), lit(" del ")))))(input)
}

/// `ElRef ::= ("el " | "El ") Day " de " SpanishMonth`, no year after it.
fn el_grammar(input: &str) -> PResult<'_, (&str, u32)> {
    map(
        terminated(
            (
                alt((lit("el "), lit("El "))),
                digits(1, 2, Expected::Day),
                lit(" de "),
                spanish_month,
            ),
            no_spanish_year_after,
        ),
        |(_, day, _, month)| (day, month),
    )
    .parse(input)
}

/// Reads `el 15 de junio` at the start of `input`.
pub(crate) fn prefix_el(input: &str) -> Prefix<MonthDay> {
    Prefix::run(input, el_grammar, |(day, month)| {
        let day = check_day(month, &Number::new(input, day))?;
        Ok(MonthDay {
            month,
            day,
            weekday: None,
        })
    })
}

/// `Day " de " SpanishMonth` at the start of `bytes`, without nom: the day (checked against its
/// month), the month and the bytes after the month's word.
fn fast_day_of_month(bytes: &[u8]) -> Option<(MonthDay, &[u8])> {
    let (day, _, rest) = fixed::upto_two_end(bytes)?;
    let rest = fixed::strip_short(rest, b" de ")?;
    let (month, len) = fast_month(rest)?;
    let day = MonthDay::new(month, day).ok()?;
    Some((day, rest.get(len..)?))
}

/// `el 15 de junio` at the start of `input`, as [`prefix_el`] reads it where it reads a valid day
/// (proven by `fast_el_agrees_with_the_grammar`); `None` otherwise, and the grammar reads it.
pub(crate) fn fast_el(input: &str) -> Option<(MonthDay, usize)> {
    let bytes = input.as_bytes();
    let rest = fixed::strip_short(bytes, b"el ").or_else(|| fixed::strip_short(bytes, b"El "))?;
    let (day, after) = fast_day_of_month(rest)?;
    // `no_spanish_year_after`: ` de 2022` or ` del …` would make a full date.
    if after.starts_with(b" de ") || after.starts_with(b" del ") {
        return None;
    }
    Some((day, bytes.len().checked_sub(after.len())?))
}

/// `los días 25 y 30 de agosto` at the start of `input`, as [`prefix_pair`] reads it where it
/// reads two valid days (proven by `fast_pair_agrees_with_the_grammar`); `None` otherwise.
pub(crate) fn fast_pair(input: &str) -> Option<(DayPair, usize)> {
    fast_pair_layout(input).map(|layout| (layout.pair, layout.len))
}

/// A day pair as its fast path reads it, and where its parts are.
struct PairLayout {
    pair: DayPair,
    /// The first day's digits.
    first: core::ops::Range<usize>,
    /// Where the second day starts.
    second: usize,
    /// The bytes taken.
    len: usize,
}

/// [`fast_pair`], with where the parts are.
fn fast_pair_layout(input: &str) -> Option<PairLayout> {
    let bytes = input.as_bytes();
    let rest = fixed::strip_short(bytes, "los días ".as_bytes())
        .or_else(|| fixed::strip_short(bytes, b"los dias "))?;
    let first_start = bytes.len().checked_sub(rest.len())?;
    let (first, first_len, rest) = fixed::upto_two_end(rest)?;
    let rest = fixed::strip_short(rest, b" y ")?;
    let second_start = bytes.len().checked_sub(rest.len())?;
    let (second, after) = fast_day_of_month(rest)?;
    Some(PairLayout {
        pair: DayPair {
            first: MonthDay::new(second.month, first).ok()?,
            second,
        },
        first: first_start..first_start.checked_add(first_len)?,
        second: second_start,
        len: bytes.len().checked_sub(after.len())?,
    })
}

/// `DayPair ::= ("los días " | "los dias ") Day " y " Day " de " SpanishMonth`
fn pair_grammar(input: &str) -> PResult<'_, (&str, &str, u32)> {
    map(
        (
            alt((lit("los días "), lit("los dias "))),
            digits(1, 2, Expected::Day),
            lit(" y "),
            digits(1, 2, Expected::Day),
            lit(" de "),
            spanish_month,
        ),
        |(_, first, _, second, _, month)| (first, second, month),
    )
    .parse(input)
}

/// Reads `los días 25 y 30 de agosto` at the start of `input`.
pub(crate) fn prefix_pair(input: &str) -> Prefix<DayPair> {
    Prefix::run(input, pair_grammar, |(first, second, month)| {
        let day = |digits: &str| -> Result<MonthDay, Error> {
            Ok(MonthDay {
                month,
                day: check_day(month, &Number::new(input, digits))?,
                weekday: None,
            })
        };
        Ok(DayPair {
            first: day(first)?,
            second: day(second)?,
        })
    })
}

/// The range of the first day's digits in a day pair's text, and that of the second day's
/// `Day " de " SpanishMonth` (the two body dates it gives); read by the fast path, else by the
/// grammar.
pub(crate) fn pair_parts(text: &str) -> Option<(core::ops::Range<usize>, core::ops::Range<usize>)> {
    match fast_pair_layout(text) {
        Some(layout) => Some((layout.first, layout.second..layout.len)),
        None => grammar_pair_parts(text),
    }
}

/// [`pair_parts`] by the grammar.
fn grammar_pair_parts(text: &str) -> Option<(core::ops::Range<usize>, core::ops::Range<usize>)> {
    let (rest, (first, second, _)) = pair_grammar(text).ok()?;
    let first_start = text.offset(first);
    let first = first_start..first_start.checked_add(first.len())?;
    Some((first, text.offset(second)..text.offset(rest)))
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

/// Succeeds, reading nothing, unless a Hangul noun follows.
fn no_noun_after(input: &str) -> PResult<'_, ()> {
    if names_something(input) {
        return fail(input, Expected::End);
    }
    Ok((input, ()))
}

/// `KoreanDay ::= Month "월" Blank* Day "일"`, not followed by a Hangul noun.
fn korean_grammar(input: &str) -> PResult<'_, (&str, &str)> {
    terminated(korean::month_day, no_noun_after).parse(input)
}

/// Whether `7월 9일` may start `bytes`: one or two digits and `월`.
pub(crate) fn may_match_korean(bytes: &[u8]) -> bool {
    crate::grammar::fixed::wide_digits_then(bytes, 1..=2, "월")
}

/// Reads `7월 9일` (ASCII or full-width digits) at the start of `input`.
pub(crate) fn prefix_korean(input: &str) -> Prefix<MonthDay> {
    Prefix::run(input, korean_grammar, |(month, day)| {
        let month = check_month(&wide_number(input, month))?;
        let day = check_day(month, &wide_number(input, day))?;
        Ok(MonthDay {
            month,
            day,
            weekday: None,
        })
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

/// Writes a day without `on`: `November 7`, `Monday, November 7`.
pub(crate) fn write_month_day(f: &mut fmt::Formatter<'_>, day: &MonthDay) -> fmt::Result {
    let month = english_month(day.month).unwrap_or("?");
    match day.weekday {
        Some(weekday) => write!(f, "{}, {month} {}", weekday_name(weekday), day.day),
        None => write!(f, "{month} {}", day.day),
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
        assert_eq!(
            err.kind(),
            ErrorKind::OutOfRange {
                field: Field::Day,
                value: 30,
                min: 1,
                max: 29
            }
        );
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
        assert_eq!(
            err.kind(),
            ErrorKind::OutOfRange {
                field: Field::Month,
                value: 13,
                min: 1,
                max: 12
            }
        );
    }

    /// The message and span of the strict reading of `input` by `reader`.
    fn err_of<T: core::fmt::Debug>(
        reader: fn(&str) -> Prefix<T>,
        input: &str,
    ) -> (String, core::ops::Range<usize>) {
        let err = reader(input).strict(input).unwrap_err();
        (err.to_string(), err.span())
    }

    #[test]
    fn ok_month_day() {
        assert_eq!(month_day("May 7 and"), Ok((" and", (5, "7"))));
        assert_eq!(month_day("Dec.  29, he"), Ok((", he", (12, "29"))));
        assert_eq!(
            on_grammar("on Monday, he"),
            Ok((", he", OnRaw::Weekday(Weekday::Mon)))
        );
        assert_eq!(
            on_grammar("on Monday, November 7."),
            Ok((".", OnRaw::MonthDay(Some(Weekday::Mon), 11, "7")))
        );
    }

    #[test]
    fn err_month_day() {
        assert_eq!(
            month_day("May 7, 2022"),
            Err(nom::Err::Error(GrammarError {
                at: ", 2022",
                expected: Expected::End
            }))
        );
        assert_eq!(
            err_of(prefix_on, "on May 7, 2022"),
            (
                "expected end of input after `on May 7`, but found `,`".to_string(),
                8..8
            )
        );
        assert_eq!(
            err_of(prefix_on, "on Monday, November 7, 2022"),
            (
                "expected end of input after `on Monday, November 7`, but found `,`".to_string(),
                21..21
            )
        );
        assert_eq!(
            err_of(prefix_on, "on hello"),
            (
                "expected month name after `on `, but found `h`".to_string(),
                3..3
            )
        );
        assert_eq!(
            err_of(prefix_on, "on February 30"),
            (
                "day 30 is out of range for February, expected 1 to 29".to_string(),
                12..14
            )
        );
    }

    #[test]
    fn err_month_day_constructor() {
        for (month, day, field, value, max) in [
            (13, 1, Field::Month, 13, 12),
            (0, 1, Field::Month, 0, 12),
            (2, 30, Field::Day, 30, 29),
            (4, 0, Field::Day, 0, 30),
        ] {
            let err = MonthDay::new(month, day).unwrap_err();
            assert_eq!(
                err.kind(),
                ErrorKind::OutOfRange {
                    field,
                    value,
                    min: 1,
                    max
                },
                "{month}/{day}"
            );
            assert_eq!(err.span(), 0..0);
        }
        assert_eq!(
            MonthDay::new(13, 1).unwrap_err().to_string(),
            "month 13 is out of range, expected 1 to 12"
        );
    }

    #[test]
    fn err_in_messages() {
        // Committed after `(` and a year, as the English Juche year is.
        assert!(matches!(
            prefix_in("in May Juche 106 (2017"),
            Prefix::Invalid(_, 22)
        ));
        assert_eq!(
            err_of(prefix_in, "in May Juche 106 (2017"),
            (
                "expected `)` after `in May Juche 106 (2017`, but found end of input".to_string(),
                22..22
            )
        );
        assert_eq!(
            err_of(prefix_in, "in October 20145"),
            (
                "expected four-digit year after `in October `, but found `2`".to_string(),
                11..11
            )
        );
        assert_eq!(
            err_of(prefix_in, "in May Juche 29 (1930)"),
            (
                "Juche 29 is 1940, but the text gives 1930".to_string(),
                13..21
            )
        );
    }

    #[test]
    fn err_spanish_and_korean_messages() {
        assert_eq!(
            err_of(prefix_el, "el 19 de abril de 2000"),
            (
                "expected end of input after `el 19 de abril`, but found ` `".to_string(),
                14..14
            )
        );
        assert_eq!(
            err_of(prefix_el, "el 31 de junio"),
            (
                "day 31 is out of range for June, expected 1 to 30".to_string(),
                3..5
            )
        );
        assert_eq!(
            err_of(prefix_pair, "los dias 25 y 30"),
            (
                "expected ` de ` after `los dias 25 y 30`, but found end of input".to_string(),
                16..16
            )
        );
        assert_eq!(
            err_of(prefix_pair, "los días 25 y 31 de junio"),
            (
                "day 31 is out of range for June, expected 1 to 30".to_string(),
                15..17
            )
        );
        assert_eq!(
            err_of(prefix_korean, "4월13일제철소"),
            (
                "expected end of input after `4월13일`, but found `제`".to_string(),
                9..9
            )
        );
        assert_eq!(
            err_of(prefix_korean, "7월 9"),
            (
                "expected `일` after `7월 9`, but found end of input".to_string(),
                6..6
            )
        );
        assert_eq!(korean_grammar("７월　９일까지"), Ok(("까지", ("７", "９"))));
    }

    #[test]
    fn spanish_fast_paths_read_the_common_forms() {
        let day = |month, day| MonthDay::new(month, day).unwrap();
        assert_eq!(fast_el("el 15 de junio y"), Some((day(6, 15), 14)));
        assert_eq!(fast_el("El 1 de SETIEMBRE,"), Some((day(9, 1), 17)));
        assert_eq!(fast_el("el 15 de junio de 2022"), None);
        assert_eq!(fast_el("el 31 de junio"), None);
        let pair = |first, second, month| DayPair {
            first: day(month, first),
            second: day(month, second),
        };
        assert_eq!(
            fast_pair("los días 25 y 30 de agosto."),
            Some((pair(25, 30, 8), 27))
        );
        assert_eq!(
            fast_pair("los dias 1 y 2 de enero de 2022"),
            Some((pair(1, 2, 1), 23))
        );
        assert_eq!(fast_pair("los dias 30 y 31 de abril"), None);
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

    /// `common` half the time, else one of `others`.
    fn mostly(
        common: &'static str,
        others: Vec<&'static str>,
    ) -> proptest::strategy::BoxedStrategy<&'static str> {
        use proptest::strategy::{Just, Strategy};
        proptest::prop_oneof![Just(common), proptest::sample::select(others)].boxed()
    }

    /// Days, valid and not, and what may stand around them in Spanish text.
    fn spanish_day_parts() -> [proptest::strategy::BoxedStrategy<&'static str>; 4] {
        [
            mostly(
                "15",
                vec!["1", "07", "31", "30", "29", "0", "00", "123", "", "x"],
            ),
            mostly(" de ", vec![" de", "de ", "  de ", " del "]),
            mostly(
                "junio",
                vec![
                    "febrero",
                    "Abril",
                    "SETIEMBRE",
                    "septiembre",
                    "juni",
                    "junios",
                    "jUNIO",
                    "",
                ],
            ),
            mostly(
                "",
                vec![
                    " de 2022",
                    " del a\u{f1}o",
                    " de ",
                    " del ",
                    " de",
                    " y",
                    ",",
                    "s",
                    "1",
                    " dela",
                ],
            ),
        ]
    }

    /// Texts near `in October 2014`.
    fn near_in() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::strategy::Strategy;
        let keyword = mostly("in ", vec!["In ", "in", "in  ", "on ", "i "]);
        let month = mostly(
            "October",
            vec![
                "May", "Sept.", "Sep", "Sept", "Dec.", "Mayo", "Octobers", "october", "Ma", "",
            ],
        );
        let space = mostly(" ", vec!["", "  ", ".", ". ", ","]);
        let year = mostly(
            "2014",
            vec!["0000", "201", "20145", "Juche 106 (2017)", "x"],
        );
        let after = mostly("", vec![" and", ",", "5", ")", "th"]);
        (keyword, month, space, year, after).prop_map(|(keyword, month, space, year, after)| {
            format!("{keyword}{month}{space}{year}{after}")
        })
    }

    /// Texts near `el 15 de junio`.
    fn near_el() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::strategy::Strategy;
        let [day, de, month, after] = spanish_day_parts();
        let el = mostly("el ", vec!["El ", "EL ", "el", "el  ", "del "]);
        (el, day, de, month, after)
            .prop_map(|(el, day, de, month, after)| format!("{el}{day}{de}{month}{after}"))
    }

    /// Texts near `los días 25 y 30 de agosto`.
    fn near_pair() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::strategy::Strategy;
        let [day, de, month, after] = spanish_day_parts();
        let head = mostly(
            "los d\u{ed}as ",
            vec!["los dias ", "los dias", "Los d\u{ed}as ", "los  dias "],
        );
        let first = mostly("25", vec!["1", "31", "30", "0", "123", ""]);
        let and = mostly(" y ", vec![" y", "y ", " e "]);
        (head, first, and, day, de, month, after).prop_map(
            |(head, first, and, day, de, month, after)| {
                format!("{head}{first}{and}{day}{de}{month}{after}")
            },
        )
    }

    /// Texts near `on Monday`: the keyword, blanks, a word and what follows.
    fn near_on_weekday() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::sample::select;
        use proptest::strategy::Strategy;
        (
            select(vec!["on", "On", "o", "on"]),
            select(vec![" ", "  ", "", "\t", " "]),
            select(vec![
                "Monday",
                "Sunday",
                "Wednesday",
                "monday",
                "Mondays",
                "Mon",
                "November",
                "May",
                "Thursdayx",
                "",
            ]),
            select(vec![
                "",
                " ",
                ",",
                ", November 7",
                ", November 7, 2022",
                " 7",
                " and",
                "s",
                "\n",
                ".",
                " 7, 2022",
            ]),
        )
            .prop_map(|(a, b, c, d)| format!("{a}{b}{c}{d}"))
    }

    /// Texts near `on November 7, 2022`: the keyword, blanks, a month (or another word), a day
    /// and what may follow it.
    fn near_on_date() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::sample::select;
        use proptest::strategy::Strategy;
        (
            select(vec!["on", "On", "o", "on"]),
            select(vec![" ", "  ", "", "\t"]),
            select(vec![
                "November", "Nov.", "Nov", "Sept", "Sept.", "Sep.", "May", "Mayor", "Monday",
                "november", "",
            ]),
            select(vec![" ", "  ", "", "."]),
            select(vec!["7", "07", "31", "123", "", "x", "0"]),
            select(vec![",", ", ", ",  ", "", " ,", ";", ", ,"]),
            select(vec![
                "2022",
                "Juche 111",
                "juche",
                "Juche",
                "x",
                "",
                " 2022",
                "1",
            ]),
        )
            .prop_map(|(a, b, c, d, e, f, g)| format!("{a}{b}{c}{d}{e}{f}{g}"))
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2_000))]

        /// Where `may_match_on` says no, the `on` grammar matches nothing.
        #[test]
        fn may_match_on_says_no_only_where_the_grammar_does(text in near_on_date()) {
            if !may_match_on(text.as_bytes()) {
                proptest::prop_assert!(
                    matches!(prefix_on(&text), Prefix::NoMatch(_)),
                    "{:?}", text
                );
            }
        }

        /// Where the `in October 2014` fast path reads a month, the grammar reads the same one,
        /// and as many bytes.
        #[test]
        fn fast_in_agrees_with_the_grammar(text in near_in()) {
            if let Some((month, len)) = fast_in(&text) {
                proptest::prop_assert_eq!(prefix_in(&text).into_result(), Ok((month, len)), "{:?}", text);
            }
        }

        /// Where the `el 15 de junio` fast path reads a day, the grammar reads the same one, and
        /// as many bytes.
        #[test]
        fn fast_el_agrees_with_the_grammar(text in near_el()) {
            if let Some((day, len)) = fast_el(&text) {
                proptest::prop_assert_eq!(prefix_el(&text).into_result(), Ok((day, len)), "{:?}", text);
            }
        }

        /// Where the day pair's fast path reads two days, the grammar reads the same two, and as
        /// many bytes.
        #[test]
        fn fast_pair_agrees_with_the_grammar(text in near_pair()) {
            if let Some(layout) = fast_pair_layout(&text) {
                proptest::prop_assert_eq!(
                    prefix_pair(&text).into_result(),
                    Ok((layout.pair, layout.len)),
                    "{:?}", text
                );
                proptest::prop_assert_eq!(
                    grammar_pair_parts(&text),
                    Some((layout.first, layout.second..layout.len)),
                    "{:?}", text
                );
            }
        }

        /// Where the `on Monday` fast path reads a weekday, the grammar reads the same one, and as
        /// many bytes.
        #[test]
        fn fast_on_weekday_agrees_with_the_grammar(text in near_on_weekday()) {
            if let Some((day, len)) = fast_on_weekday(&text) {
                let grammar = prefix_on(&text).into_result().map(|(on, n)| (format!("{on:?}"), n));
                proptest::prop_assert_eq!(
                    grammar,
                    Ok((format!("{:?}", OnRef::Weekday(day)), len)),
                    "{:?}", text
                );
            }
        }
    }
}
