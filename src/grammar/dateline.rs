//! The dateline that opens a KCNA story, in every edition: `Pyongyang, November 8 (KCNA) --`,
//! `Pyongyang, 24 de diciembre (ACNC) --`, `(평양 8월 21일발 조선중앙통신)`,
//! `【平壌７月５日発朝鮮中央通信】`.
//!
//! English and Spanish, as the archives of 1997-2018 write them too:
//!
//! ```text
//! Dateline  ::= Place (" "* "," " "* (EnglishDay | SpanishDay) | " "+ EnglishDay)
//!               " "* "(" " "* Agency " "* ")" Separator?
//! Place     ::= Word (" " Word)* | LowerWord     (at most 64 bytes)
//! Word      ::= Letter (Letter | "-" | "'" | ".")*   (capitalised or in capitals; after the first,
//!                                                   also a particle: `es`, `de`, `resort`, …)
//! LowerWord ::= a word in lower case of four letters or more (`pyongyang`, a cut `yongyang`)
//! EnglishDay ::= MonthName "."? ","? " "+ Day  (full or abbreviated; capitalised, capitals or
//!                                               lower case: `November`, `MARCH`, `Sept.`)
//! SpanishDay ::= (Day | "primero") " de " SpanishMonth    (lower case, capitalised or capitals)
//! Day       ::= Digit Digit?              (valid for the month in some year: February 29 is)
//! Agency    ::= a tag of KCNA's closed list, in any case: KCNA, ACNC, ATCC, KNS, KNS-KCNA,
//!               Korea News Service, SNC, SNC-ATCC, KCNA Correspondent, KCNA-Correspondent,
//!               Corresponsal de (la) ATCC/ACNC; or, in capitals, one edit from KCNA/ACNC/ATCC
//! Separator ::= Blank* ("--" | "-" | "–" | "—") Blank*    (Blank: space, tab, no-break space)
//! ```
//!
//! Korean and Japanese:
//!
//! ```text
//! Korean    ::= Open Hangul+ Blank+ Month "월" Blank* Day "일발" Blank* Hangul+ Close
//! Japanese  ::= "【" Ideograph+ Month "月" Day "日発" Ideograph+ "】" ("－－－" | "---")?
//! Month, Day ::= Digit Digit?       (ASCII or full-width digits; Blank: space or U+3000)
//! Open, Close ::= "(" | "（", ")" | "）"
//! ```
//!
//! Notes from real text: the separator may be missing, may touch the next word
//! (`(KCNA) --Kim Jong Un`) or be followed by a no-break space; some stories use an en dash
//! (`(KCNA) – Avengers`). Scrapers glue headlines before the place; [`crate::scan`] starts the
//! place at a DPRK dateline place (`Pyongyang`, `Kaesong`, …) when other words precede it on the
//! line, and a line break or two spaces end a headline.
//!
//! A dateline has no year. [`Dateline::resolve`] takes it from a reference date: see there.

use alloc_free::Text;
use core::fmt;
use core::str::FromStr;

use chrono::{Datelike, Days, NaiveDate};
use nom::Offset;

use crate::calendar::month_by_three;
use crate::calendar::month_name as english_month;
use crate::calendar::{abbreviated_month, full_month, max_day};
use crate::error::{Error, ErrorKind, Expected};
use crate::grammar::fixed::{digit, two};
use crate::grammar::runtime::{Number, PResult, Prefix, check_day, digits, fail, lit, spaces};
use crate::grammar::spanish::{spanish_month, spanish_month_name};
use crate::grammar::wide::{
    wide_blanks0, wide_blanks1, wide_close_paren, wide_digits, wide_number, wide_open_paren,
};

/// The edition (language) of KCNA a dateline was written in.
///
/// ```
/// use kcna_dates::{Dateline, Edition};
/// let d: Dateline = "【平壌７月５日発朝鮮中央通信】".parse()?;
/// assert_eq!(d.edition(), Edition::Japanese);
/// assert_eq!(Edition::Japanese.as_str(), "ja");
/// # Ok::<(), kcna_dates::Error>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug, Default)]
#[non_exhaustive]
pub enum Edition {
    /// `Pyongyang, November 8 (KCNA) --`
    #[default]
    English,
    /// `(평양 8월 21일발 조선중앙통신)`
    Korean,
    /// `【平壌７月５日発朝鮮中央通信】`
    Japanese,
    /// `Pyongyang, 24 de diciembre (ACNC) --`
    Spanish,
}

impl Edition {
    /// The language code: `en`, `ko`, `ja`, `es`.
    pub fn as_str(&self) -> &'static str {
        match self {
            Edition::English => "en",
            Edition::Korean => "ko",
            Edition::Japanese => "ja",
            Edition::Spanish => "es",
        }
    }
}

impl fmt::Display for Edition {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The longest place name a dateline may have, in bytes.
const MAX_PLACE_LEN: usize = 64;

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
    edition: Edition,
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
        Dateline::new_in(Edition::English, place, month, day, agency)
    }

    /// A dateline of `edition` for `place`, `month` and `day` (valid in some year), from `agency`.
    ///
    /// ```
    /// use kcna_dates::{Dateline, Edition};
    /// let d = Dateline::new_in(Edition::Korean, "평양", 8, 21, "조선중앙통신")?;
    /// assert_eq!(d.to_string(), "(평양 8월 21일발 조선중앙통신)");
    /// # Ok::<(), kcna_dates::Error>(())
    /// ```
    ///
    /// # Errors
    /// As [`Dateline::new`], the place and agency checked by the edition's grammar.
    pub fn new_in(
        edition: Edition,
        place: &str,
        month: u32,
        day: u32,
        agency: &str,
    ) -> Result<Dateline, Error> {
        match edition {
            Edition::English | Edition::Spanish => {
                whole(place, self::place)?;
                whole(agency, self::agency)?;
            }
            Edition::Korean => {
                whole(place, hangul_word)?;
                whole(agency, hangul_word)?;
            }
            Edition::Japanese => {
                whole(place, ideographs)?;
                whole(agency, ideographs)?;
            }
        }
        let month_number = Number {
            digits_len: 0,
            value: Some(month),
            start: 0,
        };
        let month = crate::grammar::runtime::check_month(&month_number)?;
        let day = check_day(
            month,
            &Number {
                digits_len: 0,
                value: Some(day),
                start: 0,
            },
        )?;
        Ok(Dateline {
            edition,
            place: Text::new(place),
            month,
            day,
            agency: Text::new(agency),
        })
    }

    /// The edition the dateline was written in.
    pub fn edition(&self) -> Edition {
        self.edition
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

    /// The agency's tag, as written (`KCNA`, `KNS-KCNA`, `KCNA correspondent`, `atcc`).
    pub fn agency(&self) -> &str {
        self.agency.as_str()
    }

    /// The news agency the tag names (a misspelt tag such as `KNCA` names KCNA).
    pub fn news_agency(&self) -> Agency {
        match self.edition {
            Edition::English | Edition::Spanish => {
                classify_tag(self.agency()).map_or(Agency::Kcna, |(agency, _)| agency)
            }
            Edition::Korean | Edition::Japanese => Agency::Kcna,
        }
    }

    /// Whether the tag is a correspondent's (`KCNA Correspondent`, `Corresponsal de ATCC`): a
    /// story filed from abroad.
    pub fn is_correspondent(&self) -> bool {
        matches!(self.edition, Edition::English | Edition::Spanish)
            && classify_tag(self.agency()).is_some_and(|(_, correspondent)| correspondent)
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
        prefix_any(input).into_result()
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
    /// [`ErrorKind::Unresolvable`] as above, or when the dates would leave chrono's range (years
    /// -262143 to 262142).
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
    edition: Edition,
    place: &'a str,
    month: u32,
    day: &'a str,
    agency: &'a str,
}

/// Whether `c` may continue a place word.
fn is_place_char(c: char) -> bool {
    c.is_alphabetic() || matches!(c, '-' | '\'' | '.')
}

/// The shortest place written as one lower-case word, in characters.
const MIN_LOWER_PLACE_CHARS: usize = 4;

/// Lower-case words that may stand inside a place name (`Dar es Salaam`, `Rio de Janeiro`), and
/// lower-case words that may end one (`Mt. Kumgang resort`).
const PARTICLES: &[&str] = &[
    "al", "am", "an", "area", "city", "county", "da", "das", "de", "del", "den", "der", "di",
    "district", "do", "dos", "du", "el", "es", "la", "le", "les", "province", "resort", "upon",
    "van", "von", "y",
];

/// `Place ::= Word (" " Word)* | LowerWord`: each word capitalised (or all capitals), or a particle
/// after the first; or one word in lower case (a lower-cased or cut place: `pyongyang`,
/// `yongyang`). At most [`MAX_PLACE_LEN`] bytes.
///
/// A run of words separated by one space is one place: a headline glued before it by a scraper
/// with two or more spaces, or a line break, is not part of it (see [`crate::scan`] for how the
/// start of the place is chosen).
fn place(input: &str) -> PResult<'_, &str> {
    let mut rest = input;
    let mut end = input;
    let mut first = true;
    loop {
        let (after, word) = place_word(rest)?;
        let capital = word.starts_with(char::is_uppercase);
        let lower = word.starts_with(char::is_lowercase);
        if !first && month_word(word.trim_end_matches('.')).is_some() {
            // `Pyongyang November 8`: the month ends the place.
            break;
        }
        if !(capital || (first && lower) || (!first && PARTICLES.contains(&word))) {
            return fail(rest, Expected::Place);
        }
        rest = after;
        end = after;
        if input.offset(rest) > MAX_PLACE_LEN {
            return fail(input, Expected::Place);
        }
        if first && !capital {
            // One lower-case word is a place only on its own, and only a word of four letters
            // or more (`pyongyang`, a cut `yongyang`): `on`, `in`, `el` or `los` before a date
            // start a date without a year, not a dateline.
            if word.chars().count() < MIN_LOWER_PLACE_CHARS {
                return fail(rest, Expected::Place);
            }
            break;
        }
        first = false;
        match rest.strip_prefix(' ') {
            Some(next) if next.starts_with(char::is_alphabetic) => rest = next,
            _ => break,
        }
    }
    match input.get(..input.offset(end)) {
        Some(name) => Ok((end, name)),
        None => fail(input, Expected::Place),
    }
}

/// DPRK places that open datelines, as a place's last word shows where a headline glued before it
/// ends (`… Inspects Factory Pyongyang, November 8 (KCNA)`).
const DATELINE_PLACES: &[&str] = &[
    "Pyongyang",
    "Phyongyang",
    "Panmunjom",
    "Phanmunjom",
    "Kaesong",
    "Rason",
    "Wonsan",
    "Hamhung",
    "Sinuiju",
    "Nampho",
    "Chongjin",
    "Haeju",
    "Sariwon",
    "Kanggye",
    "Hyesan",
    "Samjiyon",
];

/// Where the place really starts in `place`, a place of several words read from the first
/// capital of a line: at its last word if that is a DPRK dateline place (the words before it are a
/// headline glued on by a scraper), else at its start.
pub(crate) fn glued_place_start(place: &str) -> usize {
    match place.rfind(' ') {
        Some(space) => {
            let last = place.get(space.saturating_add(1)..).unwrap_or("");
            if DATELINE_PLACES.iter().any(|p| p.eq_ignore_ascii_case(last)) {
                space.saturating_add(1)
            } else {
                0
            }
        }
        None => 0,
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

/// The news agency behind a dateline's tag.
///
/// ```
/// use kcna_dates::{Agency, Dateline};
/// let d: Dateline = "Tokyo, February 8 (KNS-KCNA) --".parse()?;
/// assert_eq!(d.news_agency(), Agency::KoreaNewsService);
/// let d: Dateline = "Hanoi, July 14 (KCNA correspondent) --".parse()?;
/// assert_eq!((d.news_agency(), d.is_correspondent()), (Agency::Kcna, true));
/// # Ok::<(), kcna_dates::Error>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug)]
#[non_exhaustive]
pub enum Agency {
    /// The Korean Central News Agency: `KCNA`, Spanish `ACNC` and `ATCC`, Korean `조선중앙통신`,
    /// Japanese `朝鮮中央通信`.
    Kcna,
    /// The Korea News Service of Tokyo (`KNS`, `KNS-KCNA`, `Korea News Service`, Spanish
    /// `SNC-ATCC`): stories from Japan carried by KCNA.
    KoreaNewsService,
}

impl Agency {
    /// A short stable name: `kcna`, `kns`.
    pub fn as_str(&self) -> &'static str {
        match self {
            Agency::Kcna => "kcna",
            Agency::KoreaNewsService => "kns",
        }
    }
}

/// KCNA's own tags in English and Spanish, which a misspelling of one edit may stand for.
const KCNA_TAGS: [&str; 3] = ["KCNA", "ACNC", "ATCC"];

/// Every other tag of the closed list, compared without case (blanks inside are single spaces or
/// hyphens as written here), with its agency and whether it is a correspondent's.
const OTHER_TAGS: [(&str, Agency, bool); 11] = [
    ("KNS", Agency::KoreaNewsService, false),
    ("KNS-KCNA", Agency::KoreaNewsService, false),
    ("Korea News Service", Agency::KoreaNewsService, false),
    ("SNC", Agency::KoreaNewsService, false),
    ("SNC-ATCC", Agency::KoreaNewsService, false),
    ("KCNA Correspondent", Agency::Kcna, true),
    ("KCNA-Correspondent", Agency::Kcna, true),
    ("Corresponsal de ATCC", Agency::Kcna, true),
    ("Corresponsal de ACNC", Agency::Kcna, true),
    ("Corresponsal de la ATCC", Agency::Kcna, true),
    ("Corresponsal de la ACNC", Agency::Kcna, true),
];

/// The agency and correspondent flag of a tag of the closed list, or `None`.
///
/// KCNA's tags are read in any case (`KCNA`, `kcna`, `atcc`); written in capitals, a tag one edit
/// away from one of them (a letter changed, added, dropped, or two swapped: `KNCA`, `KCNAA`) is
/// taken as a misspelling of it.
pub(crate) fn classify_tag(tag: &str) -> Option<(Agency, bool)> {
    if KCNA_TAGS.iter().any(|t| t.eq_ignore_ascii_case(tag)) {
        return Some((Agency::Kcna, false));
    }
    if let Some((_, agency, correspondent)) = OTHER_TAGS
        .iter()
        .find(|(t, _, _)| t.eq_ignore_ascii_case(tag))
    {
        return Some((*agency, *correspondent));
    }
    let capitals = (3..=5).contains(&tag.len()) && tag.bytes().all(|b| b.is_ascii_uppercase());
    (capitals
        && KCNA_TAGS
            .iter()
            .any(|t| one_edit(t.as_bytes(), tag.as_bytes())))
    .then_some((Agency::Kcna, false))
}

/// Whether `b` is one edit from `a` (optimal string alignment distance exactly 1). Both are at
/// most a few bytes long.
fn one_edit(a: &[u8], b: &[u8]) -> bool {
    let prefix = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let (a, b) = (
        a.get(prefix..).unwrap_or(&[]),
        b.get(prefix..).unwrap_or(&[]),
    );
    match (a, b) {
        ([], []) => false,
        ([_, a_rest @ ..], [_, b_rest @ ..]) if a_rest == b_rest => true,
        ([x, y, a_rest @ ..], [p, q, b_rest @ ..]) if x == q && y == p && a_rest == b_rest => true,
        ([_, a_rest @ ..], b) if a_rest == b => true,
        (a, [_, b_rest @ ..]) if a == b_rest => true,
        _ => false,
    }
}

/// The longest tag of the closed list, in bytes (`Corresponsal de la ACNC`).
const MAX_TAG_LEN: usize = 24;

/// `Agency ::= Tag` of the closed list ([`classify_tag`]): words of ASCII letters joined by one
/// space or hyphen, as written.
fn agency(input: &str) -> PResult<'_, &str> {
    let mut end = 0usize;
    let mut best = None;
    let bytes = input.as_bytes();
    while end < MAX_TAG_LEN {
        let word = bytes
            .get(end..)
            .unwrap_or(&[])
            .iter()
            .take_while(|b| b.is_ascii_alphabetic())
            .count();
        if word == 0 {
            break;
        }
        end = end.saturating_add(word);
        if let Some(tag) = input.get(..end) {
            if classify_tag(tag).is_some() {
                best = Some(end);
            }
        }
        match bytes.get(end) {
            Some(b' ' | b'-') => end = end.saturating_add(1),
            _ => break,
        }
    }
    match best.and_then(|n| Some((input.get(n..)?, input.get(..n)?))) {
        Some((rest, tag)) => Ok((rest, tag)),
        None => fail(input, Expected::Agency),
    }
}

/// Whether `c` is a blank around the separator: space, tab or no-break space.
fn is_blank(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\u{a0}')
}

/// `Blank*`
fn blanks0(input: &str) -> &str {
    input.trim_start_matches(is_blank)
}

/// `Separator ::= Blank* ("--" | "-" | "–" | "—") Blank*`, or nothing.
fn separator(input: &str) -> &str {
    let trimmed = blanks0(input);
    let after = ["--", "-", "\u{2013}", "\u{2014}"]
        .iter()
        .find_map(|dash| trimmed.strip_prefix(dash));
    match after {
        Some(rest) => blanks0(rest),
        None => input,
    }
}

/// The month of an English month name, full or abbreviated, as written in datelines: capitalised,
/// in capitals or in lower case (`November`, `NOVEMBER`, `november`, `Nov`, `Sept`).
pub(crate) fn month_word(word: &str) -> Option<u32> {
    if let Some(month) = full_month(word).or_else(|| abbreviated_month(word)) {
        return Some(month);
    }
    // In capitals or in lower case: compare its capitalised form.
    let bytes = word.as_bytes();
    let upper = bytes.iter().all(u8::is_ascii_uppercase);
    let lower = bytes.iter().all(u8::is_ascii_lowercase);
    if !(3..=9).contains(&bytes.len()) || !(upper || lower) {
        return None;
    }
    let mut buf = [0u8; 9];
    for (i, (slot, b)) in buf.iter_mut().zip(bytes).enumerate() {
        *slot = if i == 0 {
            b.to_ascii_uppercase()
        } else {
            b.to_ascii_lowercase()
        };
    }
    let capitalised = core::str::from_utf8(buf.get(..bytes.len())?).ok()?;
    full_month(capitalised).or_else(|| abbreviated_month(capitalised))
}

/// `MonthName ::= (FullMonthName | Abbreviation) "."?`, as [`month_word`] reads it.
fn any_case_month(input: &str) -> PResult<'_, u32> {
    let n = input.bytes().take_while(u8::is_ascii_alphabetic).count();
    let (Some(word), Some(rest)) = (input.get(..n), input.get(n..)) else {
        return fail(input, Expected::MonthName);
    };
    match month_word(word) {
        Some(month) => Ok((rest.strip_prefix('.').unwrap_or(rest), month)),
        None => fail(input, Expected::MonthName),
    }
}

/// `EnglishDay ::= MonthName ","? " "+ Day`
fn english_day_month(input: &str) -> PResult<'_, (u32, &str, Edition)> {
    let (rest, month) = any_case_month(input)?;
    let rest = rest.strip_prefix(',').unwrap_or(rest);
    let (rest, _) = spaces(rest)?;
    let (rest, day) = digits(1, 2, Expected::Day)(rest)?;
    Ok((rest, (month, day, Edition::English)))
}

/// `Dateline ::= Place (" "* "," " "* (EnglishDay | SpanishDay) | " "+ EnglishDay) " "* "(" " "*
/// Agency " "* ")" Separator?`
fn grammar(input: &str) -> PResult<'_, Raw<'_>> {
    let (rest, place) = place(input)?;
    let after_blanks = rest.trim_start_matches(' ');
    let (rest, comma) = match after_blanks.strip_prefix(',') {
        Some(after_comma) => (after_comma.trim_start_matches(' '), true),
        None if after_blanks.len() < rest.len() => (after_blanks, false),
        // A word in lower case that is not followed by a comma is no place: say so at its start.
        None if place.starts_with(char::is_lowercase) => return fail(input, Expected::Place),
        None => return fail(rest, Expected::Literal(",")),
    };
    let (rest, (month, day, edition)) = match english_day_month(rest) {
        Ok(found) => found,
        // Without a comma only a month name may follow the place (`Pyongyang February 19`): a
        // number there is no dateline (`Juche 16 de noviembre` is a Juche year and words).
        Err(e) if !comma => return Err(e),
        Err(nom::Err::Error(english_error)) => match spanish_day_month(rest) {
            Ok(found) => found,
            Err(nom::Err::Error(spanish_error)) => {
                return Err(nom::Err::Error(nom::error::ParseError::or(
                    english_error,
                    spanish_error,
                )));
            }
            Err(e) => return Err(e),
        },
        Err(e) => return Err(e),
    };
    let rest = rest.trim_start_matches(' ');
    let (rest, _) = lit("(")(rest)?;
    let (rest, agency) = agency(rest.trim_start_matches(' '))?;
    let (rest, _) = lit(")")(rest.trim_start_matches(' '))?;
    Ok((
        separator(rest),
        Raw {
            edition,
            place,
            month,
            day,
            agency,
        },
    ))
}

/// `SpanishDay ::= (Day | "primero") " de " SpanishMonth` (the month in any case)
fn spanish_day_month(input: &str) -> PResult<'_, (u32, &str, Edition)> {
    let (rest, day) = match digits(1, 2, Expected::Day)(input) {
        Ok(found) => found,
        Err(e) => match input.get(..7).filter(|w| w.eq_ignore_ascii_case("primero")) {
            Some(word) => (input.get(7..).unwrap_or(""), word),
            None => return Err(e),
        },
    };
    let (rest, _) = lit(" de ")(rest)?;
    let (rest, month) = spanish_month(rest)?;
    Ok((rest, (month, day, Edition::Spanish)))
}

/// The longest Korean or Japanese place or agency, in characters.
const MAX_CJK_CHARS: usize = 16;

/// Reads 1..=[`MAX_CJK_CHARS`] characters satisfying `accept`.
fn cjk_run(input: &str, accept: fn(char) -> bool, what: Expected) -> PResult<'_, &str> {
    let mut end = 0usize;
    for (count, c) in input.chars().enumerate() {
        if !accept(c) {
            break;
        }
        if count >= MAX_CJK_CHARS {
            return fail(input, what);
        }
        end = end.saturating_add(c.len_utf8());
    }
    match (input.get(..end), input.get(end..)) {
        (Some(word), Some(rest)) if !word.is_empty() => Ok((rest, word)),
        _ => fail(input, what),
    }
}

/// Whether `c` is a Hangul syllable.
fn is_hangul(c: char) -> bool {
    ('\u{ac00}'..='\u{d7a3}').contains(&c)
}

/// Whether `c` may be part of a Japanese place or agency: a kanji, katakana or hiragana.
fn is_ideograph(c: char) -> bool {
    matches!(
        c,
        '\u{4e00}'..='\u{9fff}'
            | '\u{3400}'..='\u{4dbf}'
            | '\u{f900}'..='\u{faff}'
            | '\u{30a0}'..='\u{30ff}'
            | '\u{3041}'..='\u{309f}'
    )
}

/// `Hangul+` (a Korean place or agency).
fn hangul_word(input: &str) -> PResult<'_, &str> {
    cjk_run(input, is_hangul, Expected::Place)
}

/// `Ideograph+` (a Japanese place or agency).
fn ideographs(input: &str) -> PResult<'_, &str> {
    cjk_run(input, is_ideograph, Expected::Place)
}

/// `Korean ::= Open Hangul+ Blank+ Month "월" Blank* Day "일발" Blank* Hangul+ Close`
fn korean_grammar(input: &str) -> PResult<'_, (Raw<'_>, &str)> {
    let (rest, _) = wide_open_paren(input)?;
    let (rest, place) = hangul_word(rest)?;
    let (rest, _) = wide_blanks1(rest)?;
    let (rest, month) = wide_digits(1, 2, Expected::Month)(rest)?;
    let (rest, _) = lit("월")(rest)?;
    let (rest, day) = wide_digits(1, 2, Expected::Day)(wide_blanks0(rest))?;
    let (rest, _) = lit("일발")(rest)?;
    let (rest, agency) = cjk_run(wide_blanks0(rest), is_hangul, Expected::Agency)?;
    let (rest, _) = wide_close_paren(rest)?;
    let raw = Raw {
        edition: Edition::Korean,
        place,
        month: 0,
        day,
        agency,
    };
    Ok((rest, (raw, month)))
}

/// `Japanese ::= "【" Ideograph+ Month "月" Day "日発" Ideograph+ "】" ("－－－" | "---")?`
fn japanese_grammar(input: &str) -> PResult<'_, (Raw<'_>, &str)> {
    let (rest, _) = lit("【")(input)?;
    let (rest, place) = ideographs(rest)?;
    let (rest, month) = wide_digits(1, 2, Expected::Month)(rest)?;
    let (rest, _) = lit("月")(rest)?;
    let (rest, day) = wide_digits(1, 2, Expected::Day)(rest)?;
    let (rest, _) = lit("日発")(rest)?;
    let (rest, agency) = cjk_run(rest, is_ideograph, Expected::Agency)?;
    let (rest, _) = lit("】")(rest)?;
    let rest = rest
        .strip_prefix("－－－")
        .or_else(|| rest.strip_prefix("---"))
        .unwrap_or(rest);
    let raw = Raw {
        edition: Edition::Japanese,
        place,
        month: 0,
        day,
        agency,
    };
    Ok((rest, (raw, month)))
}

/// Reads a Korean (`(평양 8월 21일발 조선중앙통신)`) or Japanese (`【平壌７月５日発朝鮮中央通信】`)
/// dateline at the start of `input`.
pub(crate) fn prefix_cjk(input: &str) -> Prefix<Dateline> {
    let grammar = if input.starts_with('【') {
        japanese_grammar
    } else {
        korean_grammar
    };
    Prefix::run(input, grammar, |(raw, month)| {
        let month = crate::grammar::runtime::check_month(&wide_number(input, month))?;
        let day = check_day(month, &wide_number(input, raw.day))?;
        Ok(Dateline {
            edition: raw.edition,
            place: Text::new(raw.place),
            month,
            day,
            agency: Text::new(raw.agency),
        })
    })
}

/// Reads a dateline of any edition at the start of `input`.
pub(crate) fn prefix_any(input: &str) -> Prefix<Dateline> {
    if input.starts_with(['(', '\u{ff08}', '【']) {
        prefix_cjk(input)
    } else {
        prefix(input)
    }
}

/// Reads an English or Spanish dateline at the start of `input`.
pub(crate) fn prefix(input: &str) -> Prefix<Dateline> {
    Prefix::run(input, grammar, |raw| {
        let mut number = Number::new(input, raw.day);
        if raw.day.eq_ignore_ascii_case("primero") {
            number.value = Some(1);
        }
        let day = check_day(raw.month, &number)?;
        Ok(Dateline {
            edition: raw.edition,
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
        match fast(input) {
            Some(parts) => Ok(Dateline {
                edition: Edition::English,
                place: Text::new(parts.place),
                month: parts.month,
                day: parts.day,
                agency: Text::new(parts.agency),
            }),
            None => prefix_any(input).strict(input),
        }
    }
}

impl fmt::Display for Dateline {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (place, day, agency) = (self.place(), self.day, self.agency());
        match self.edition {
            Edition::English => {
                let month = english_month(self.month).unwrap_or("?");
                write!(f, "{place}, {month} {day} ({agency})")
            }
            Edition::Spanish => {
                let month = spanish_month_name(self.month).unwrap_or("?");
                write!(f, "{place}, {day} de {month} ({agency})")
            }
            Edition::Korean => write!(f, "({place} {}월 {day}일발 {agency})", self.month),
            Edition::Japanese => write!(f, "【{place}{}月{day}日発{agency}】", self.month),
        }
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
            "평양" => "평양",
            "조선중앙통신" => "조선중앙통신",
            "平壌" => "平壌",
            "朝鮮中央通信" => "朝鮮中央通信",
            _ => return None,
        })
    }

    /// A place or agency name: a `&'static str` when interned, else owned.
    ///
    /// `Debug` prints it as a `&str` (`"Pyongyang"`), so a `Dateline` shows plain values.
    #[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
    pub(super) struct Text(Cow<'static, str>);

    impl std::fmt::Debug for Text {
        fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            std::fmt::Debug::fmt(self.as_str(), f)
        }
    }

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

// ---------------------------------------------------------------------------------------------
// The fast path: the common form read at byte level, proven equal to the grammar (see
// `crate::grammar::fixed`).

/// The parts of a dateline read by [`dateline`].
pub(crate) struct DatelineParts<'a> {
    pub(crate) place: &'a str,
    pub(crate) month: u32,
    pub(crate) day: u32,
    pub(crate) agency: &'a str,
}

/// `Place ", " FullMonthName " " D{1,2} " (" Agency ")" (" --")?`, the whole input, where the place
/// is one ASCII word of letters starting with a capital and the agency `KCNA`, `ACNC` or `ATCC`; the day
/// valid for the month in a leap year.
pub(crate) fn fast(input: &str) -> Option<DatelineParts<'_>> {
    let bytes = input.as_bytes();
    let (first, tail) = bytes.split_first()?;
    if !first.is_ascii_uppercase() {
        return None;
    }
    let place_len = tail
        .iter()
        .take(64)
        .position(|b| !b.is_ascii_alphabetic())?
        .checked_add(1)?;
    let (place, rest) = input.split_at_checked(place_len)?;
    let [b',', b' ', a, b, c, ref tail @ ..] = *rest.as_bytes() else {
        return None;
    };
    let (month, full_tail) = month_by_three([a, b, c])?;
    let rest = tail.strip_prefix(full_tail)?.strip_prefix(b" ")?;
    let (day, rest) = match *rest {
        [x, b' ', b'(', ref rest @ ..] => (digit(x)?, rest),
        [x, y, b' ', b'(', ref rest @ ..] => (two(x, y)?, rest),
        _ => return None,
    };
    if !(1..=max_day(month)).contains(&day) {
        return None;
    }
    let agency_len = rest.iter().take(13).position(|b| !b.is_ascii_uppercase())?;
    let (agency, rest) = rest.split_at_checked(agency_len)?;
    if !matches!(agency, b"KCNA" | b"ACNC" | b"ATCC") || !matches!(rest, b")" | b") --") {
        return None;
    }
    let agency_start = input
        .len()
        .checked_sub(rest.len())?
        .checked_sub(agency.len())?;
    let agency = input.get(agency_start..agency_start.checked_add(agency.len())?)?;
    Some(DatelineParts {
        place,
        month,
        day,
        agency,
    })
}
