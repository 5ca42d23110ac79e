//! Dates that stand alone in a story's body, as every edition writes them: an English month and
//! day, weekday or month without `on` or `in` (`from April 3`, `left here Thursday`, `in late
//! June`), the Spanish day of the month (`el día 16`), the Korean day of the month (`18일`), and
//! the relative days of all four editions (`today`, `ayer`, `오늘`, `昨日`, `that day`).
//!
//! ```text
//! BareRef     ::= Weekday "," " "+ MonthDay | MonthDay | Weekday
//!               | MonthName " "+ (Year4 | JucheYear) | FullMonthName     (English; no `on`, no `in`)
//! SpanishDay  ::= ("día" | "dia" | "Día" | "Dia") " "+ (Day | "primero")
//!                                        (not followed by " de " or " del ": `día 29 de enero`)
//! KoreanDay   ::= Day "일"               (ASCII or full-width digits; not a count: `3일간`,
//!                                          `3일동안`, `20일만에`, `3일째`, `1일분`, nor a name)
//! RelativeDay ::= one word of RELATIVE_WORDS, as a whole word
//! KoreanMonth ::= (Year "년" Blank*)? Month "월"   (not followed by Blank* Day "일": a day)
//! SpanishMonthRef ::= SpanishMonthWord ((" de " | " del ") Year4)?   (lower case, a whole word)
//! ```
//!
//! `MonthDay`, `Weekday` and `JucheYear` are those of [`crate::grammar::relative`]: a bare
//! `November 7` is read as `on November 7` is, and `May` alone is never a month (it is a verb far
//! more often). None of these commits: a text that stops short is prose, not a broken date.
//!
//! [`crate::date_article`] resolves them against the story's date, into the past unless the
//! sentence speaks of the future.

use core::fmt;

use chrono::{Datelike, Days, NaiveDate, Weekday};
use nom::Parser;
use nom::branch::alt;
use nom::combinator::{map, not, opt};
use nom::sequence::{preceded, terminated};

use crate::Edition;
use crate::calendar::full_month;
use crate::error::Expected;
use crate::grammar::relative::{self, MonthDay, MonthRef, OnRef};
use crate::grammar::runtime::{
    Number, PResult, Prefix, check_day, digits, expect, fail, lit, spaces,
};
use crate::grammar::spanish::spanish_month;
use crate::grammar::wide::{wide_digits, wide_number};

// ---------------------------------------------------------------------------------------------
// English: the bare forms.

/// What a bare English reference names.
#[derive(Debug)]
pub(crate) enum BareRef {
    /// `Friday`
    Weekday(Weekday),
    /// `November 7`, `Monday, November 7`
    Day(MonthDay),
    /// `March 1993`, `December Juche 92 (2003)`
    MonthOfYear(MonthRef),
    /// `June`
    Month(u32),
}

/// `FullMonthName`, not `May` (a verb far more often than a month), not followed by a letter, nor
/// by a number (`November 7, 2022` is a date, `November 31` no day: each read as such).
fn month_alone(input: &str) -> PResult<'_, u32> {
    // (At most one letter past the longest name: a longer run is no month.)
    let len = input
        .bytes()
        .take(10)
        .take_while(u8::is_ascii_alphabetic)
        .count();
    match (input.get(..len), input.get(len..)) {
        (Some(word), Some(rest)) if word != "May" && len < 10 => {
            let number_after = rest
                .trim_start_matches(' ')
                .starts_with(|c: char| c.is_ascii_digit());
            match full_month(word) {
                Some(month) if !number_after => Ok((rest, month)),
                _ => fail(input, Expected::FullMonthName),
            }
        }
        _ => fail(input, Expected::FullMonthName),
    }
}

/// Reads `November 7`, `Monday, November 7`, `Friday`, `March 1993` or `June` at the start of
/// `input`.
pub(crate) fn prefix_bare(input: &str) -> Prefix<BareRef> {
    let found = prefix_bare_any(input);
    // `April 25 Sports Group`, `the April Spring Friendship Art Festival`: a name, no date.
    if let Prefix::Valid(ref bare, len) = found {
        let rest = input.get(len..).unwrap_or("");
        let capital_after = matches!(bare, BareRef::Month(_))
            && rest.starts_with(' ')
            && rest.get(1..).is_some_and(|r| {
                r.starts_with(|c: char| c.is_ascii_uppercase()) && !r.starts_with("Juche")
            });
        if capital_after || crate::grammar::named_day::place_word_follows(rest) {
            return Prefix::NoMatch(crate::grammar::runtime::Miss {
                expected: Expected::End,
                at: len,
            });
        }
    }
    found
}

/// [`prefix_bare`] before the check of what follows.
fn prefix_bare_any(input: &str) -> Prefix<BareRef> {
    match relative::prefix_on_body(input) {
        Prefix::Valid(OnRef::Weekday(day), len) => {
            return Prefix::Valid(BareRef::Weekday(day), len);
        }
        Prefix::Valid(OnRef::Day(day), len) => return Prefix::Valid(BareRef::Day(day), len),
        Prefix::Invalid(err, len) => return Prefix::Invalid(err, len),
        Prefix::NoMatch(_) => {}
    }
    match relative::prefix_month_of_year(input) {
        Prefix::Valid(month, len) => return Prefix::Valid(BareRef::MonthOfYear(month), len),
        Prefix::Invalid(err, len) => return Prefix::Invalid(err, len),
        Prefix::NoMatch(_) => {}
    }
    Prefix::run(input, month_alone, |month| Ok(BareRef::Month(month)))
}

// ---------------------------------------------------------------------------------------------
// The day of the month alone.

/// `("día" | "dia" | "Día" | "Dia") " "+`
fn dia(input: &str) -> PResult<'_, &str> {
    terminated(
        alt((lit("día"), lit("dia"), lit("Día"), lit("Dia"))),
        spaces,
    )
    .parse(input)
}

/// Succeeds, reading nothing, unless ` de ` or ` del ` and a Spanish month follow (`día 29 de
/// enero de 1958` is a date read from its day).
fn no_spanish_month_after(input: &str) -> PResult<'_, ()> {
    expect(
        Expected::End,
        not(preceded(alt((lit(" de "), lit(" del "))), spanish_month)),
    )(input)
}

/// Succeeds, reading nothing, unless a letter or a digit follows.
fn word_end(input: &str) -> PResult<'_, ()> {
    match input.chars().next() {
        Some(c) if c.is_alphanumeric() => fail(input, Expected::End),
        _ => Ok((input, ())),
    }
}

/// The day as read: its digits, or `primero`.
enum RawDay<'a> {
    Digits(&'a str),
    First,
}

/// `SpanishDay ::= ("día" | "dia") " "+ (Day | "primero")`, no month after it.
fn spanish_grammar(input: &str) -> PResult<'_, RawDay<'_>> {
    preceded(
        dia,
        terminated(
            alt((
                map(digits(1, 2, Expected::Day), RawDay::Digits),
                map(terminated(lit("primero"), word_end), |_| RawDay::First),
            )),
            no_spanish_month_after,
        ),
    )
    .parse(input)
}

/// A day of the month, 1 to 31.
fn check_any_day(full: &str, digits: &str) -> Result<u32, crate::Error> {
    // (December has every day a month has.)
    check_day(12, &Number::new(full, digits))
}

/// Reads `día 16`, `dia primero` at the start of `input`.
pub(crate) fn prefix_spanish(input: &str) -> Prefix<u32> {
    Prefix::run(input, spanish_grammar, |raw| match raw {
        RawDay::Digits(digits) => check_any_day(input, digits),
        RawDay::First => Ok(1),
    })
}

/// What may follow `일` in a count or a name rather than a date: `3일간` (for three days),
/// `3일동안`, `20일만에` (after twenty days), `3일째` (the third day), `1일분`, `2일회의`.
const KOREAN_NOT_A_DATE: [&str; 8] = ["간", "동안", " 동안", "만에", "째", "분", "회의", "씩"];

/// Succeeds, reading nothing, unless a count's or a name's word follows.
fn not_a_count(input: &str) -> PResult<'_, ()> {
    if KOREAN_NOT_A_DATE.iter().any(|w| input.starts_with(w)) {
        return fail(input, Expected::End);
    }
    Ok((input, ()))
}

/// `KoreanDay ::= Day "일"`, not a count.
fn korean_grammar(input: &str) -> PResult<'_, &str> {
    terminated(wide_digits(1, 2, Expected::Day), (lit("일"), not_a_count)).parse(input)
}

/// Whether `18일` may start `bytes`: one or two digits and `일`.
pub(crate) fn may_match_korean(bytes: &[u8]) -> bool {
    crate::grammar::fixed::wide_digits_then(bytes, 1..=2, "일")
}

/// Reads `18일` (ASCII or full-width digits) at the start of `input`.
pub(crate) fn prefix_korean(input: &str) -> Prefix<u32> {
    Prefix::run(input, korean_grammar, |day| {
        check_day(12, &wide_number(input, day))
    })
}

/// The latest date on or before `anchor` whose day of the month is `day` (within the month of
/// `anchor` or the eleven before it): what `el día 16` or `16일` means in a story of that date.
///
/// ```
/// use chrono::NaiveDate;
/// let ymd = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
/// assert_eq!(kcna_dates::resolve_day(16, ymd(2014, 12, 17)), Some(ymd(2014, 12, 16)));
/// assert_eq!(kcna_dates::resolve_day(31, ymd(2014, 12, 17)), Some(ymd(2014, 10, 31)));
/// ```
pub fn resolve_day(day: u32, anchor: NaiveDate) -> Option<NaiveDate> {
    let first = anchor.with_day0(0)?;
    (0..12u32).find_map(|back| {
        let month_start = first.checked_sub_months(chrono::Months::new(back))?;
        let date = month_start.with_day(day)?;
        (date <= anchor).then_some(date)
    })
}

/// The earliest date on or after `anchor` whose day of the month is `day` (within a year): a day
/// a story speaks of as to come.
///
/// ```
/// use chrono::NaiveDate;
/// let ymd = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
/// assert_eq!(kcna_dates::resolve_day_forward(17, ymd(2007, 5, 12)), Some(ymd(2007, 5, 17)));
/// assert_eq!(kcna_dates::resolve_day_forward(3, ymd(2007, 5, 12)), Some(ymd(2007, 6, 3)));
/// ```
pub fn resolve_day_forward(day: u32, anchor: NaiveDate) -> Option<NaiveDate> {
    let first = anchor.with_day0(0)?;
    (0..12u32).find_map(|ahead| {
        let month_start = first.checked_add_months(chrono::Months::new(ahead))?;
        let date = month_start.with_day(day)?;
        (date >= anchor).then_some(date)
    })
}

// ---------------------------------------------------------------------------------------------
// Relative days.

/// A day named relative to the story's own date (`today`, `yesterday`, `hoy`, `ayer`, `오늘`,
/// `어제`, `昨日`), or to a day the text has just named (`that day`, `ese día`, `이날`).
///
/// ```
/// use chrono::NaiveDate;
/// use kcna_dates::Notation;
///
/// let Notation::RelativeDay(day) = "yesterday".parse()? else { unreachable!() };
/// let story = NaiveDate::from_ymd_opt(2001, 3, 3).unwrap();
/// assert_eq!(day.resolve(story), NaiveDate::from_ymd_opt(2001, 3, 2));
/// assert_eq!(day.to_string(), "yesterday");
/// # Ok::<(), kcna_dates::Error>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct RelativeDay {
    offset: i8,
    anaphoric: bool,
    edition: Edition,
}

impl RelativeDay {
    /// Days after the story's date: -1 for `yesterday`, 0 for `today` and for an anaphoric day.
    pub fn offset(&self) -> i8 {
        self.offset
    }

    /// Whether it names a day the text has just named (`that day`, `ese día`, `이날`) rather than
    /// one relative to the story's date.
    pub fn is_anaphoric(&self) -> bool {
        self.anaphoric
    }

    /// The edition whose word it is.
    pub fn edition(&self) -> Edition {
        self.edition
    }

    /// The day it names in a story of date `anchor` (`None` for an anaphoric day, which needs the
    /// day named before it, and at the ends of the calendar).
    pub fn resolve(&self, anchor: NaiveDate) -> Option<NaiveDate> {
        if self.anaphoric {
            return None;
        }
        let days = Days::new(u64::from(self.offset.unsigned_abs()));
        if self.offset < 0 {
            anchor.checked_sub_days(days)
        } else {
            anchor.checked_add_days(days)
        }
    }
}

impl fmt::Display for RelativeDay {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let word = RELATIVE_WORDS
            .iter()
            .find(|w| {
                (w.offset, w.anaphoric, w.edition) == (self.offset, self.anaphoric, self.edition)
            })
            .map_or("today", |w| w.text);
        f.write_str(word)
    }
}

/// One word of the relative-day table.
pub(crate) struct RelativeWord {
    /// The word as written (the first of each meaning and edition is the canonical one).
    pub(crate) text: &'static str,
    offset: i8,
    anaphoric: bool,
    edition: Edition,
    /// Continuations that make the word mean something else (`hoy en día`: nowadays; `오늘날`).
    not_before: &'static [&'static str],
}

/// Builds a table row.
const fn word(
    text: &'static str,
    offset: i8,
    anaphoric: bool,
    edition: Edition,
    not_before: &'static [&'static str],
) -> RelativeWord {
    RelativeWord {
        text,
        offset,
        anaphoric,
        edition,
        not_before,
    }
}

/// What follows `hoy` when it means "nowadays".
const HOY_NOT: &[&str] = &[" en día", " en dia", " día", " dia"];

/// Every relative-day word, longest first where one begins another. KCNA's `today` is the
/// dateline's day, `yesterday` the day before it (see the labelling guide of the corpus).
pub(crate) static RELATIVE_WORDS: [RelativeWord; 36] = {
    use Edition::{English as En, Japanese as Ja, Korean as Ko, Spanish as Es};
    [
        word("today", 0, false, En, &[]),
        word("Today", 0, false, En, &[]),
        word("yesterday", -1, false, En, &[]),
        word("Yesterday", -1, false, En, &[]),
        word("tomorrow", 1, false, En, &[]),
        word("Tomorrow", 1, false, En, &[]),
        word("last night", -1, false, En, &[]),
        word("that day", 0, true, En, &[]),
        word("That day", 0, true, En, &[]),
        word("this day", 0, true, En, &[]),
        word("This day", 0, true, En, &[]),
        word("same day", 0, true, En, &[]),
        word("hoy", 0, false, Es, HOY_NOT),
        word("Hoy", 0, false, Es, HOY_NOT),
        word("ayer", -1, false, Es, &[]),
        word("Ayer", -1, false, Es, &[]),
        word("víspera", -1, false, Es, &[]),
        word("vispera", -1, false, Es, &[]),
        word("ese día", 0, true, Es, &[]),
        word("ese dia", 0, true, Es, &[]),
        word("este día", 0, true, Es, &[]),
        word("este dia", 0, true, Es, &[]),
        word("mismo día", 0, true, Es, &[]),
        word("mismo dia", 0, true, Es, &[]),
        word("dicho día", 0, true, Es, &[]),
        word("dicho dia", 0, true, Es, &[]),
        word("오늘", 0, false, Ko, &["날"]),
        word("어제", -1, false, Ko, &[]),
        word("래일", 1, false, Ko, &[]),
        word("내일", 1, false, Ko, &[]),
        word("이날", 0, true, Ko, &[]),
        word("그날", 0, true, Ko, &[]),
        word("今日", 0, false, Ja, &[]),
        word("昨日", -1, false, Ja, &[]),
        word("明日", 1, false, Ja, &[]),
        word("この日", 0, true, Ja, &[]),
    ]
};

/// Whether `after` ends a word: not a letter (a Hangul or kanji word may take particles, so only
/// ASCII letters and Latin letters with accents are letters here).
fn ends_word(after: &str) -> bool {
    !after
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || ('\u{c0}'..='\u{24f}').contains(&c))
}

/// `RelativeDay ::= Word`, a whole word of [`RELATIVE_WORDS`].
fn relative_grammar(input: &str) -> PResult<'_, &'static RelativeWord> {
    for row in &RELATIVE_WORDS {
        if let Some(rest) = input.strip_prefix(row.text) {
            if ends_word(rest) && !row.not_before.iter().any(|w| rest.starts_with(w)) {
                return Ok((rest, row));
            }
        }
    }
    fail(input, Expected::Notation)
}

/// Reads `today`, `ayer`, `오늘`, `that day`, … at the start of `input`.
pub(crate) fn prefix_relative(input: &str) -> Prefix<RelativeDay> {
    Prefix::run(input, relative_grammar, |row| {
        Ok(RelativeDay {
            offset: row.offset,
            anaphoric: row.anaphoric,
            edition: row.edition,
        })
    })
}

/// The words `scan` finds the body words at: `día ` (accented or not, capitalised or not) and
/// every relative-day word; each notation starts at its word.
pub(crate) fn anchor_words() -> impl Iterator<Item = &'static str> {
    ["día ", "dia ", "Día ", "Dia "]
        .into_iter()
        .chain(RELATIVE_WORDS.iter().map(|w| w.text))
        .chain(crate::grammar::spanish::MONTH_NAMES)
        .chain(SPANISH_WEEKDAYS.iter().map(|(name, _)| *name))
        .chain(crate::grammar::lunar_ref::ANCHOR_WORDS)
}

/// Whether `bytes` may start a relative-day word (its first byte is that of some word).
pub(crate) fn may_start_relative(bytes: &[u8]) -> bool {
    let first = bytes.first();
    RELATIVE_WORDS
        .iter()
        .any(|w| w.text.as_bytes().first() == first)
}

/// Whether a relative-day word of the Korean or Japanese edition starts `bytes` (where `scan` may
/// begin a notation with a non-ASCII byte).
pub(crate) fn starts_cjk_word(bytes: &[u8]) -> bool {
    RELATIVE_WORDS
        .iter()
        .filter(|w| matches!(w.edition, Edition::Korean | Edition::Japanese))
        .map(|w| w.text)
        .chain(crate::grammar::lunar_ref::ANCHOR_WORDS)
        .any(|w| !w.is_ascii() && bytes.starts_with(w.as_bytes()))
}

// ---------------------------------------------------------------------------------------------
// Months without a day.

/// A month named without a day, with its year if the text gives one: `2021년 6월`, `8월`,
/// `noviembre de 2013`, `julio`.
///
/// ```
/// use kcna_dates::Notation;
/// let Notation::KoreanMonth(m) = "2021년 6월".parse()? else { unreachable!() };
/// assert_eq!((m.year(), m.month()), (Some(2021), 6));
/// # Ok::<(), kcna_dates::Error>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct MonthOnly {
    year: Option<i32>,
    month: u32,
}

impl MonthOnly {
    /// The Gregorian year, when the text gives it.
    pub fn year(&self) -> Option<i32> {
        self.year
    }

    /// The month, 1-12.
    pub fn month(&self) -> u32 {
        self.month
    }
}

/// Succeeds, reading nothing, unless blanks, a day and `일` follow (`8월 21일` is a day).
fn no_day_after(input: &str) -> PResult<'_, ()> {
    let rest = crate::grammar::wide::wide_blanks0(input);
    match crate::grammar::wide::wide_number_prefix(rest, 1, 2) {
        Some((_, after)) if after.starts_with('일') => fail(input, Expected::End),
        _ => Ok((input, ())),
    }
}

/// `KoreanMonth ::= (Year "년" Blank*)? Month "월"`, no day after it.
fn korean_month_grammar(input: &str) -> PResult<'_, (Option<&str>, &str)> {
    (
        opt(terminated(
            wide_digits(4, 4, Expected::Year4),
            (lit("년"), crate::grammar::wide::wide_blanks0_parser),
        )),
        terminated(
            wide_digits(1, 2, Expected::Month),
            (lit("월"), no_day_after),
        ),
    )
        .parse(input)
}

/// Whether `2021년 6월` or `8월` may start `bytes`.
pub(crate) fn may_match_korean_month(bytes: &[u8]) -> bool {
    use crate::grammar::fixed::wide_digits_then;
    wide_digits_then(bytes, 1..=2, "월") || wide_digits_then(bytes, 4..=4, "년")
}

/// Reads `2021년 6월`, `8월` (ASCII or full-width digits) at the start of `input`.
pub(crate) fn prefix_korean_month(input: &str) -> Prefix<MonthOnly> {
    Prefix::run(input, korean_month_grammar, |(year, month)| {
        let month = crate::grammar::runtime::check_month(&wide_number(input, month))?;
        let year = match year {
            Some(digits) => wide_number(input, digits)
                .value
                .and_then(|y| i32::try_from(y).ok()),
            None => None,
        };
        // (Four digits: a year chrono holds; the month is checked.)
        Ok(MonthOnly { year, month })
    })
}

/// `SpanishMonthWord`, in lower case, as a whole word.
fn spanish_month_word(input: &str) -> PResult<'_, u32> {
    let bytes = input.as_bytes();
    match crate::grammar::spanish::fast_month(bytes) {
        Some((month, len)) if bytes.first().is_some_and(u8::is_ascii_lowercase) => {
            match input.get(len..) {
                Some(rest) if ends_word(rest) => Ok((rest, month)),
                _ => fail(input, Expected::MonthName),
            }
        }
        _ => fail(input, Expected::MonthName),
    }
}

/// `SpanishMonthRef ::= SpanishMonthWord ((" de " | " del ") Year4)?`
fn spanish_month_grammar(input: &str) -> PResult<'_, (u32, Option<&str>)> {
    (
        spanish_month_word,
        opt(preceded(
            alt((lit(" de "), lit(" del "))),
            digits(4, 4, Expected::Year4),
        )),
    )
        .parse(input)
}

/// The Spanish weekdays, with and without accents, as KCNA writes them (lower case).
const SPANISH_WEEKDAYS: [(&str, Weekday); 10] = [
    ("lunes", Weekday::Mon),
    ("martes", Weekday::Tue),
    ("miércoles", Weekday::Wed),
    ("miercoles", Weekday::Wed),
    ("jueves", Weekday::Thu),
    ("viernes", Weekday::Fri),
    ("sábado", Weekday::Sat),
    ("sabado", Weekday::Sat),
    ("domingo", Weekday::Sun),
    ("domingos", Weekday::Sun),
];

/// `SpanishWeekday ::= "lunes" | "martes" | …`, a whole word (`domingos`, every Sunday, is none).
fn spanish_weekday(input: &str) -> PResult<'_, Weekday> {
    for (name, day) in SPANISH_WEEKDAYS {
        if let Some(rest) = input.strip_prefix(name) {
            if ends_word(rest) && name != "domingos" {
                return Ok((rest, day));
            }
        }
    }
    fail(input, Expected::Weekday)
}

/// Reads a Spanish weekday (`martes`) at the start of `input`.
pub(crate) fn prefix_spanish_weekday(input: &str) -> Prefix<Weekday> {
    Prefix::run(input, spanish_weekday, Ok)
}

/// Reads `julio`, `noviembre de 2013` at the start of `input`.
pub(crate) fn prefix_spanish_month(input: &str) -> Prefix<MonthOnly> {
    Prefix::run(input, spanish_month_grammar, |(month, year)| {
        // (Four ASCII digits: always a year chrono holds.)
        let year = year.and_then(|y| y.parse::<i32>().ok());
        Ok(MonthOnly { year, month })
    })
}

/// Writes a month the Korean way: `2021년 6월`, `8월`.
pub(crate) fn write_korean_month(f: &mut fmt::Formatter<'_>, m: &MonthOnly) -> fmt::Result {
    match m.year {
        Some(year) => write!(f, "{year:04}년 {}월", m.month),
        None => write!(f, "{}월", m.month),
    }
}

/// Writes a month the Spanish way: `noviembre de 2013`, `julio`.
pub(crate) fn write_spanish_month(f: &mut fmt::Formatter<'_>, m: &MonthOnly) -> fmt::Result {
    let name = crate::grammar::spanish::spanish_month_name(m.month).unwrap_or("enero");
    match m.year {
        Some(year) => write!(f, "{name} de {year:04}"),
        None => f.write_str(name),
    }
}

/// Writes a day of the month the Spanish way.
pub(crate) fn write_spanish(f: &mut fmt::Formatter<'_>, day: u32) -> fmt::Result {
    write!(f, "día {day}")
}

/// Writes a day of the month the Korean way.
pub(crate) fn write_korean(f: &mut fmt::Formatter<'_>, day: u32) -> fmt::Result {
    write!(f, "{day}일")
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]
mod tests {
    use super::*;

    fn valid<T: fmt::Debug>(p: Prefix<T>) -> (T, usize) {
        match p {
            Prefix::Valid(v, len) => (v, len),
            other => panic!("not valid: {other:?}"),
        }
    }

    fn no_match<T: fmt::Debug>(p: Prefix<T>) {
        assert!(matches!(p, Prefix::NoMatch(_)), "{p:?}");
    }

    #[test]
    fn bare_english_forms() {
        let (r, len) = valid(prefix_bare("November 24 the"));
        assert!(matches!(r, BareRef::Day(d) if (d.month(), d.day()) == (11, 24)));
        assert_eq!(len, 11);
        let (r, len) = valid(prefix_bare("Oct. 14 and"));
        assert!(matches!(r, BareRef::Day(d) if (d.month(), d.day()) == (10, 14)));
        assert_eq!(len, 7);
        let (r, _) = valid(prefix_bare("Friday, April 9 the"));
        assert!(matches!(r, BareRef::Day(d) if d.weekday() == Some(Weekday::Fri)));
        let (r, len) = valid(prefix_bare("Thursday that"));
        assert!(matches!(r, BareRef::Weekday(Weekday::Thu)));
        assert_eq!(len, 8);
        let (r, len) = valid(prefix_bare("March 1993, the"));
        assert!(matches!(r, BareRef::MonthOfYear(m) if (m.year(), m.month()) == (1993, 3)));
        assert_eq!(len, 10);
        let (r, _) = valid(prefix_bare("December Juche 92 (2003)"));
        assert!(matches!(r, BareRef::MonthOfYear(m) if m.year() == 2003));
        let (r, len) = valid(prefix_bare("June this year"));
        assert!(matches!(r, BareRef::Month(6)));
        assert_eq!(len, 4);
    }

    #[test]
    fn bare_english_traps() {
        // A full date is a month-name date, read by its own notation.
        no_match(prefix_bare("November 7, 2022"));
        // `May` alone is a verb; `Marching` is no month; `Sept` alone is no month.
        no_match(prefix_bare("May the"));
        no_match(prefix_bare("Marching"));
        no_match(prefix_bare("Sept"));
        no_match(prefix_bare("Pyongyang"));
        // A day no month has is an invalid candidate, not a silent miss.
        assert!(matches!(prefix_bare("April 31 it"), Prefix::Invalid(..)));
        // A date in a name stands for no day.
        no_match(prefix_bare("April 25 Sports Group came"));
        no_match(prefix_bare("April Spring Friendship Art Festival"));
        assert!(matches!(
            valid(prefix_bare("April Juche 106 (2017)")).0,
            BareRef::MonthOfYear(_)
        ));
        // But `May 7` is a day.
        let (r, _) = valid(prefix_bare("May 7 the"));
        assert!(matches!(r, BareRef::Day(_)));
    }

    #[test]
    fn spanish_day_forms_and_traps() {
        assert_eq!(valid(prefix_spanish("día 16 los")), (16, 7));
        assert_eq!(valid(prefix_spanish("dia 4,")), (4, 5));
        assert_eq!(valid(prefix_spanish("dia primero")), (1, 11));
        // A day with its month is a date read from the day.
        no_match(prefix_spanish("dia 29 de enero de 1958"));
        no_match(prefix_spanish("día 15 del agosto"));
        no_match(prefix_spanish("dia 123"));
        no_match(prefix_spanish("diario"));
        no_match(prefix_spanish("dia primeros"));
        assert!(matches!(prefix_spanish("dia 32"), Prefix::Invalid(..)));
    }

    #[test]
    fn korean_day_forms_and_traps() {
        assert_eq!(valid(prefix_korean("18일 조선")), (18, 5));
        assert_eq!(valid(prefix_korean("１９일부터")), (19, 9));
        assert_eq!(valid(prefix_korean("5일에")), (5, 4));
        for count in [
            "3일간",
            "3일동안",
            "3일 동안",
            "20일만에",
            "3일째",
            "1일분",
            "2일회의",
        ] {
            no_match(prefix_korean(count));
        }
        no_match(prefix_korean("123일"));
        no_match(prefix_korean("18월"));
        assert!(matches!(prefix_korean("32일"), Prefix::Invalid(..)));
        assert!(may_match_korean("18일".as_bytes()));
        assert!(!may_match_korean("18월".as_bytes()));
    }

    #[test]
    fn relative_words_read_back() {
        for row in &RELATIVE_WORDS {
            let text = format!("{} x", row.text);
            let (day, len) = valid(prefix_relative(&text));
            assert_eq!(len, row.text.len(), "{}", row.text);
            assert_eq!(
                (day.offset, day.anaphoric, day.edition),
                (row.offset, row.anaphoric, row.edition)
            );
            // Display writes the canonical word of the same meaning, which reads back the same.
            let again = valid(prefix_relative(&day.to_string())).0;
            assert_eq!(again, day);
        }
    }

    #[test]
    fn relative_traps() {
        for text in [
            "todays",
            "Hoy en dia",
            "hoy día",
            "오늘날",
            "ayeres",
            "hoyo",
            "thatday",
        ] {
            no_match(prefix_relative(text));
        }
        assert!(starts_cjk_word("어제".as_bytes()));
        assert!(!starts_cjk_word("주체".as_bytes()));
    }

    #[test]
    fn months_without_a_day() {
        let (m, len) = valid(prefix_korean_month("2021년 6월에 진행된"));
        assert_eq!((m.year, m.month, len), (Some(2021), 6, 12));
        let (m, _) = valid(prefix_korean_month("８월현재"));
        assert_eq!((m.year, m.month), (None, 8));
        no_match(prefix_korean_month("8월 21일"));
        no_match(prefix_korean_month("2026년 8월 21일"));
        no_match(prefix_korean_month("5개월"));
        assert!(matches!(prefix_korean_month("13월"), Prefix::Invalid(..)));
        let (m, len) = valid(prefix_spanish_month("noviembre de 2013, asegura"));
        assert_eq!((m.year, m.month, len), (Some(2013), 11, 17));
        let (m, len) = valid(prefix_spanish_month("julio la sexta"));
        assert_eq!((m.year, m.month, len), (None, 7, 5));
        no_match(prefix_spanish_month("mayor"));
        no_match(prefix_spanish_month("Julio"));
        assert_eq!(valid(prefix_spanish_weekday("martes y")).0, Weekday::Tue);
        no_match(prefix_spanish_weekday("domingos"));
        no_match(prefix_spanish_weekday("martesx"));
    }

    #[test]
    fn days_resolve_back_and_forward() {
        let ymd = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        assert_eq!(resolve_day(18, ymd(2026, 8, 20)), Some(ymd(2026, 8, 18)));
        assert_eq!(resolve_day(20, ymd(2026, 8, 20)), Some(ymd(2026, 8, 20)));
        assert_eq!(resolve_day(30, ymd(2026, 3, 2)), Some(ymd(2026, 1, 30)));
        assert_eq!(resolve_day(31, ymd(2026, 1, 5)), Some(ymd(2025, 12, 31)));
        assert_eq!(
            resolve_day_forward(17, ymd(2007, 5, 12)),
            Some(ymd(2007, 5, 17))
        );
        assert_eq!(
            resolve_day_forward(30, ymd(2026, 2, 1)),
            Some(ymd(2026, 3, 30))
        );
    }
}
