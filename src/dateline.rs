//! The English dateline that opens a KCNA story: `Pyongyang, November 8 (KCNA) --`.
//!
//! ```text
//! Dateline  ::= Place "," " "+ FullMonthName " "+ Day " "+ "(" Agency ")" Separator?
//! Place     ::= Word (" " Word)*          (first word capitalised; at most 64 bytes)
//! Word      ::= Letter (Letter | "-" | "'" | ".")*
//! Day       ::= Digit Digit?              (valid for the month in some year: February 29 is)
//! Agency    ::= Upper Upper+              (KCNA; ACNC and ATCC in Spanish text)
//! Separator ::= Blank* ("--" | "–" | "—") Blank*    (Blank: space, tab, no-break space)
//! ```
//!
//! Notes from real text: the separator may be missing, may touch the next word
//! (`(KCNA) --Kim Jong Un`) or be followed by a no-break space; some stories use an en dash
//! (`(KCNA) – Avengers`).
//!
//! A dateline has no year. [`Dateline::resolve`] takes it from a reference date: see there.

use alloc_free::Text;
use core::fmt;
use core::str::FromStr;

use chrono::{Datelike, Days, NaiveDate};
use nom::Offset;

use crate::error::{Error, ErrorKind, Expected, month_name as english_month};
use crate::lex::{Number, PResult, Prefix, check_day, digits, fail, full_month_name, lit, spaces};

/// The longest place name a dateline may have, in bytes.
const MAX_PLACE_LEN: usize = 64;
/// The longest agency name, in bytes.
const MAX_AGENCY_LEN: usize = 12;

/// How many days a reference date may run behind a dateline by default (see [`Dateline::resolve`]).
pub const DEFAULT_GRACE_DAYS: u32 = 2;

/// The dateline of a news story: place, month, day and agency, without a year.
///
/// ```
/// use chrono::NaiveDate;
/// use kcna_dates::Dateline;
///
/// let d: Dateline = "Pyongyang, November 8 (KCNA) --".parse()?;
/// assert_eq!((d.place(), d.month(), d.day(), d.agency()), ("Pyongyang", 11, 8, "KCNA"));
/// assert_eq!(d.to_string(), "Pyongyang, November 8 (KCNA)");
///
/// // The year comes from a reference date, such as the page's stamp.
/// let stamp = NaiveDate::from_ymd_opt(2022, 11, 8).unwrap();
/// assert_eq!(d.resolve(stamp)?, stamp);
/// # Ok::<(), kcna_dates::Error>(())
/// ```
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Debug)]
pub struct Dateline {
    place: Text,
    month: u32,
    day: u32,
    agency: Text,
}

impl Dateline {
    /// A dateline for `place`, `month` and `day` (valid in some year), from `agency`.
    ///
    /// # Errors
    /// [`ErrorKind::MonthOutOfRange`] or [`ErrorKind::DayOutOfRange`].
    /// [`ErrorKind::Expected`] for a place or agency the grammar would not read back
    /// (so that `Display` and `FromStr` round-trip).
    pub fn new(place: &str, month: u32, day: u32, agency: &str) -> Result<Dateline, Error> {
        whole(place, self::place)?;
        whole(agency, self::agency)?;
        let month_number = Number {
            digits_len: 0,
            value: Some(month),
            start: 0,
        };
        let month = crate::lex::check_month(&month_number)?;
        let day = check_day(
            month,
            &Number {
                digits_len: 0,
                value: Some(day),
                start: 0,
            },
        )?;
        Ok(Dateline {
            place: Text::new(place),
            month,
            day,
            agency: Text::new(agency),
        })
    }

    /// The place, as written (`Pyongyang`).
    pub fn place(&self) -> &str {
        self.place.as_str()
    }

    /// The month, 1-12 (as chrono's `Datelike::month`).
    pub fn month(&self) -> u32 {
        self.month
    }

    /// The day of the month, 1-31 (as chrono's `Datelike::day`).
    pub fn day(&self) -> u32 {
        self.day
    }

    /// The agency, as written (`KCNA`).
    pub fn agency(&self) -> &str {
        self.agency.as_str()
    }

    /// Reads a dateline at the start of `input`, returning it and the number of bytes it took,
    /// the separator and the blanks after it included.
    ///
    /// ```
    /// let text = "Pyongyang, November 8 (KCNA) --Kim Jong Un visited";
    /// let (d, len) = kcna_dates::Dateline::parse_prefix(text)?;
    /// assert_eq!(&text[len..], "Kim Jong Un visited");
    /// # Ok::<(), kcna_dates::Error>(())
    /// ```
    ///
    /// # Errors
    /// As [`FromStr`], except that trailing text is not an error.
    pub fn parse_prefix(input: &str) -> Result<(Dateline, usize), Error> {
        prefix(input).into_result()
    }

    /// The date of this dateline, with the year taken from `reference`, allowing
    /// [`DEFAULT_GRACE_DAYS`] of grace.
    ///
    /// The policy: the result is the **latest date with this month and day that is not after
    /// `reference` + grace**. The grace covers references that run a little behind the story, such
    /// as crawl dates in UTC (Pyongyang is 9 hours ahead). So a reference between `grace` days
    /// before the story and a year after it gives the story's date. A `February 29` dateline needs a
    /// February 29 within the year ending at `reference` + grace; if there is none, the result is
    /// an error ([`ErrorKind::Unresolvable`]), never a date years away.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use kcna_dates::Dateline;
    ///
    /// let ymd = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    /// let dec31: Dateline = "Pyongyang, December 31 (KCNA)".parse()?;
    /// assert_eq!(dec31.resolve(ymd(2024, 1, 1))?, ymd(2023, 12, 31));
    /// let jan1: Dateline = "Pyongyang, January 1 (KCNA)".parse()?;
    /// assert_eq!(jan1.resolve(ymd(2023, 12, 31))?, ymd(2024, 1, 1)); // within the grace
    /// let leap: Dateline = "Pyongyang, February 29 (KCNA)".parse()?;
    /// assert_eq!(leap.resolve(ymd(2024, 3, 1))?, ymd(2024, 2, 29));
    /// assert!(leap.resolve(ymd(2023, 3, 1)).is_err());
    /// # Ok::<(), kcna_dates::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`ErrorKind::Unresolvable`] as above, or when the dates would leave chrono's range.
    pub fn resolve(&self, reference: NaiveDate) -> Result<NaiveDate, Error> {
        self.resolve_with_grace(reference, DEFAULT_GRACE_DAYS)
    }

    /// [`resolve`](Dateline::resolve) with a grace of `grace_days` instead of the default.
    ///
    /// # Errors
    /// As [`resolve`](Dateline::resolve).
    pub fn resolve_with_grace(
        &self,
        reference: NaiveDate,
        grace_days: u32,
    ) -> Result<NaiveDate, Error> {
        resolve_month_day(self.month, self.day, reference, grace_days)
    }
}

/// The latest date with `month` and `day` not after `reference` + `grace_days`, within a year.
pub(crate) fn resolve_month_day(
    month: u32,
    day: u32,
    reference: NaiveDate,
    grace_days: u32,
) -> Result<NaiveDate, Error> {
    let unresolvable = || {
        Error::new(
            ErrorKind::Unresolvable {
                month,
                day,
                reference,
            },
            0..0,
        )
    };
    let limit = reference
        .checked_add_days(Days::new(u64::from(grace_days)))
        .ok_or_else(unresolvable)?;
    let this_year = NaiveDate::from_ymd_opt(limit.year(), month, day).filter(|d| *d <= limit);
    let found = match this_year {
        Some(date) => Some(date),
        None => limit
            .year()
            .checked_sub(1)
            .and_then(|year| NaiveDate::from_ymd_opt(year, month, day))
            // Only within the year ending at `limit`: last year's February 29 can be more than a
            // year back (2024-02-29 against 2025-03-01 is 366 days), and is then not the answer.
            .filter(|date| limit.signed_duration_since(*date).num_days() <= 365),
    };
    found.ok_or_else(unresolvable)
}

/// The raw pieces of a dateline.
struct Raw<'a> {
    place: &'a str,
    month: u32,
    day: &'a str,
    agency: &'a str,
}

/// Whether `c` may continue a place word.
fn is_place_char(c: char) -> bool {
    c.is_alphabetic() || matches!(c, '-' | '\'' | '.')
}

/// Lower-case words that may stand inside a place name (`Dar es Salaam`, `Rio de Janeiro`).
const PARTICLES: &[&str] = &[
    "al", "am", "an", "da", "das", "de", "del", "den", "der", "di", "do", "dos", "du", "el", "es",
    "la", "le", "les", "upon", "van", "von", "y",
];

/// `Place ::= Word (" " Word)*`: each word capitalised, or a particle after the first; at most
/// [`MAX_PLACE_LEN`] bytes.
fn place(input: &str) -> PResult<'_, &str> {
    let mut rest = input;
    let mut first = true;
    loop {
        let (after, word) = place_word(rest)?;
        let capital = word.starts_with(char::is_uppercase);
        if !(capital || (!first && PARTICLES.contains(&word))) {
            return fail(rest, Expected::Place);
        }
        first = false;
        rest = after;
        if input.offset(rest) > MAX_PLACE_LEN {
            return fail(input, Expected::Place);
        }
        match rest.strip_prefix(' ') {
            Some(next) if next.starts_with(char::is_alphabetic) => rest = next,
            _ => break,
        }
    }
    match input.get(..input.offset(rest)) {
        Some(name) => Ok((rest, name)),
        None => fail(input, Expected::Place),
    }
}

/// `Word ::= Letter (Letter | "-" | "'" | ".")*`, read no further than [`MAX_PLACE_LEN`] bytes.
fn place_word(input: &str) -> PResult<'_, &str> {
    let mut end = 0usize;
    for (i, c) in input.char_indices() {
        if !is_place_char(c) || (i == 0 && !c.is_alphabetic()) {
            break;
        }
        if i >= MAX_PLACE_LEN {
            return fail(input, Expected::Place);
        }
        end = i.saturating_add(c.len_utf8());
    }
    match (input.get(..end), input.get(end..)) {
        (Some(word), Some(rest)) if !word.is_empty() => Ok((rest, word)),
        _ => fail(input, Expected::Place),
    }
}

/// Checks that `grammar` reads the whole of `text`.
fn whole<'a>(text: &'a str, grammar: fn(&'a str) -> PResult<'a, &'a str>) -> Result<(), Error> {
    Prefix::run(text, grammar, |_| Ok(())).strict(text)
}

/// `Agency ::= Upper Upper+`
fn agency(input: &str) -> PResult<'_, &str> {
    let n = input.bytes().take_while(u8::is_ascii_uppercase).count();
    match (input.get(..n), input.get(n..)) {
        (Some(name), Some(rest)) if (2..=MAX_AGENCY_LEN).contains(&n) => Ok((rest, name)),
        _ => fail(input, Expected::Agency),
    }
}

/// Whether `c` is a blank around the separator: space, tab or no-break space.
fn is_blank(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\u{a0}')
}

/// `Separator ::= Blank* ("--" | "–" | "—") Blank*`, or nothing.
fn separator(input: &str) -> &str {
    let trimmed = input.trim_start_matches(is_blank);
    let after = ["--", "\u{2013}", "\u{2014}"]
        .iter()
        .find_map(|dash| trimmed.strip_prefix(dash));
    match after {
        Some(rest) => rest.trim_start_matches(is_blank),
        None => input,
    }
}

/// `Dateline ::= Place "," " "+ FullMonthName " "+ Day " "+ "(" Agency ")" Separator?`
fn grammar(input: &str) -> PResult<'_, Raw<'_>> {
    let (rest, place) = place(input)?;
    let (rest, _) = lit(",")(rest)?;
    let (rest, _) = spaces(rest)?;
    let (rest, month) = full_month_name(rest)?;
    let (rest, _) = spaces(rest)?;
    let (rest, day) = digits(1, 2, Expected::Day)(rest)?;
    let (rest, _) = spaces(rest)?;
    let (rest, _) = lit("(")(rest)?;
    let (rest, agency) = agency(rest)?;
    let (rest, _) = lit(")")(rest)?;
    Ok((
        separator(rest),
        Raw {
            place,
            month,
            day,
            agency,
        },
    ))
}

/// Reads a dateline at the start of `input`.
pub(crate) fn prefix(input: &str) -> Prefix<Dateline> {
    Prefix::run(input, grammar, |raw| {
        let day = check_day(raw.month, &Number::new(input, raw.day))?;
        Ok(Dateline {
            place: Text::new(raw.place),
            month: raw.month,
            day,
            agency: Text::new(raw.agency),
        })
    })
}

impl FromStr for Dateline {
    type Err = Error;

    /// Parses a whole dateline, with or without its separator: `Pyongyang, November 8 (KCNA) --`.
    fn from_str(input: &str) -> Result<Dateline, Error> {
        prefix(input).strict(input)
    }
}

impl fmt::Display for Dateline {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let month = english_month(self.month).unwrap_or("?");
        write!(
            f,
            "{}, {month} {} ({})",
            self.place(),
            self.day,
            self.agency()
        )
    }
}

/// Short strings that need no heap allocation in the common case.
mod alloc_free {
    use std::borrow::Cow;

    /// The interned copy of a place or agency common enough to be kept without allocating.
    fn interned(text: &str) -> Option<&'static str> {
        Some(match text {
            "Pyongyang" => "Pyongyang",
            "KCNA" => "KCNA",
            "ACNC" => "ACNC",
            "ATCC" => "ATCC",
            "Panmunjom" => "Panmunjom",
            "Kaesong" => "Kaesong",
            "Rason" => "Rason",
            "Wonsan" => "Wonsan",
            "Hamhung" => "Hamhung",
            "Sinuiju" => "Sinuiju",
            "Nampho" => "Nampho",
            "Chongjin" => "Chongjin",
            "Haeju" => "Haeju",
            "Sariwon" => "Sariwon",
            "Kanggye" => "Kanggye",
            "Hyesan" => "Hyesan",
            "Samjiyon" => "Samjiyon",
            _ => return None,
        })
    }

    /// A place or agency name: a `&'static str` when interned, else owned.
    #[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Debug)]
    pub(super) struct Text(Cow<'static, str>);

    impl Text {
        pub(super) fn new(text: &str) -> Text {
            match interned(text) {
                Some(s) => Text(Cow::Borrowed(s)),
                None => Text(Cow::Owned(text.to_owned())),
            }
        }

        pub(super) fn as_str(&self) -> &str {
            &self.0
        }
    }
}
