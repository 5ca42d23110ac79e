//! The dateline that opens a KCNA story, in every edition: `Pyongyang, November 8 (KCNA) --`,
//! `Pyongyang, 24 de diciembre (ACNC) --`, `(평양 8월 21일발 조선중앙통신)`,
//! `【平壌７月５日発朝鮮中央通信】`.
//!
//! English and Spanish, as the archives of 1997-2018 write them too:
//!
//! ```text
//! Dateline  ::= Place DayAfterPlace " "* "(" " "* Agency " "* ")" Separator?
//! DayAfterPlace ::= " "+ EnglishDay | " "* "," " "* (EnglishDay | SpanishDay)
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
//! What commits a text to being a dateline (nom's `cut`, so that the error names the missing
//! piece and [`crate::scan`] reports the text as an invalid dateline): in English and Spanish, a
//! tag of the closed list after `(` (`Pyongyang, November 8 (KCNA` lacks its `)`); in Korean,
//! `일발`; in Japanese, `日発`. Before them the text may be anything else.
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
use nom::branch::alt;
use nom::bytes::complete::{take_while, take_while_m_n};
use nom::character::complete::{one_of, satisfy};
use nom::combinator::{cut, map, map_opt, not, opt, peek, recognize, verify};
use nom::multi::many0_count;
use nom::sequence::{preceded, terminated};
use nom::{Offset, Parser};

use crate::calendar::month_name as english_month;
use crate::calendar::{max_day, month_by_three};
use crate::error::{Error, ErrorKind, Expected, Field};
use crate::grammar::fixed::{digit, strip_short, two, upto_two_then};
use crate::grammar::runtime::{
    GrammarError, Number, PResult, Prefix, check_day, check_month, digits, expect, fail, lit,
    spaces, spaces0,
};
use crate::grammar::spanish::{spanish_month, spanish_month_name};
use crate::grammar::wide::{
    is_wide_blank, wide_blanks1, wide_close_paren, wide_digits, wide_number, wide_number_prefix,
    wide_open_paren,
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

/// The longest place name a dateline may have, in bytes. The grammar, its fast path and
/// [`crate::scan`]'s look-back before a dateline's month read no further.
pub(crate) const MAX_PLACE_LEN: usize = 64;

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
    /// ```
    /// use kcna_dates::{Dateline, ErrorKind, Expected, Field};
    ///
    /// let err = Dateline::new("Pyongyang", 2, 30, "KCNA").unwrap_err();
    /// assert_eq!(err.kind(), ErrorKind::OutOfRange { field: Field::Day, value: 30, min: 1, max: 29 });
    /// assert_eq!(err.to_string(), "day 30 is out of range, expected 1 to 29");
    ///
    /// // The place is checked by the grammar, and the error quotes it.
    /// let err = Dateline::new("Pyong, yang", 2, 3, "KCNA").unwrap_err();
    /// assert_eq!(err.kind(), ErrorKind::Expected(Expected::Place));
    /// assert_eq!(err.to_string(), "expected place name after `Pyong`, but found `,`");
    /// ```
    ///
    /// # Errors
    /// * [`ErrorKind::OutOfRange`] with [`Field::Month`](crate::Field::Month) for a month outside
    ///   1..=12, with [`Field::Day`](crate::Field::Day) for a day outside 1 to the month's last day
    ///   in a leap year (the value and the bounds are in the kind; the span is empty);
    /// * [`ErrorKind::Expected`] with [`Expected::Place`] or [`Expected::Agency`] for a place or
    ///   agency the grammar would not read back (so that `Display` and `FromStr` round-trip): the
    ///   span is the byte offset in that argument where it stops being one, and the message quotes
    ///   the argument.
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
        let (place_grammar, agency_grammar): (RunGrammar, RunGrammar) = match edition {
            Edition::English | Edition::Spanish => (self::place, self::agency),
            Edition::Korean => (hangul_word, korean_agency),
            Edition::Japanese => (ideographs, japanese_agency),
        };
        check_whole(place, place_grammar, Expected::Place)?;
        check_whole(agency, agency_grammar, Expected::Agency)?;
        if !(1..=12).contains(&month) {
            return Err(Error::out_of_range(Field::Month, month, 1, 12));
        }
        let last = max_day(month);
        if !(1..=last).contains(&day) {
            return Err(Error::out_of_range(Field::Day, day, 1, i64::from(last)));
        }
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

/// KCNA's own tags in English and Spanish (the only tags of the fast path), which a misspelling
/// of one edit may stand for.
const KCNA_TAGS: [&str; 3] = ["KCNA", "ACNC", "ATCC"];

/// The closed list of tags, compared without case (blanks inside are single spaces or hyphens as
/// written here), with its agency and whether it is a correspondent's. Longest first: the grammar
/// reads the first that the text starts with, so the longest (`KNS-KCNA`, not `KNS`).
const TAGS: [(&str, Agency, bool); 14] = [
    ("Corresponsal de la ATCC", Agency::Kcna, true),
    ("Corresponsal de la ACNC", Agency::Kcna, true),
    ("Corresponsal de ATCC", Agency::Kcna, true),
    ("Corresponsal de ACNC", Agency::Kcna, true),
    ("Korea News Service", Agency::KoreaNewsService, false),
    ("KCNA Correspondent", Agency::Kcna, true),
    ("KCNA-Correspondent", Agency::Kcna, true),
    ("KNS-KCNA", Agency::KoreaNewsService, false),
    ("SNC-ATCC", Agency::KoreaNewsService, false),
    ("KCNA", Agency::Kcna, false),
    ("ACNC", Agency::Kcna, false),
    ("ATCC", Agency::Kcna, false),
    ("KNS", Agency::KoreaNewsService, false),
    ("SNC", Agency::KoreaNewsService, false),
];

/// The length of a misspelt KCNA tag: one edit from a four-letter tag.
const MISSPELT_TAG_LEN: core::ops::RangeInclusive<usize> = 3..=5;

/// The agency and correspondent flag of a tag of the closed list, or `None`.
///
/// The tags are read in any case (`KCNA`, `kcna`, `atcc`); written in capitals, a tag one edit
/// away from one of KCNA's own (a letter changed, added, dropped, or two swapped: `KNCA`,
/// `KCNAA`) is taken as a misspelling of it.
pub(crate) fn classify_tag(tag: &str) -> Option<(Agency, bool)> {
    match TAGS.iter().find(|(t, _, _)| t.eq_ignore_ascii_case(tag)) {
        Some(&(_, agency, correspondent)) => Some((agency, correspondent)),
        None => is_misspelt_kcna_tag(tag).then_some((Agency::Kcna, false)),
    }
}

/// Whether `tag`, in capitals, is one edit from one of [`KCNA_TAGS`].
fn is_misspelt_kcna_tag(tag: &str) -> bool {
    MISSPELT_TAG_LEN.contains(&tag.len())
        && tag.bytes().all(|b| b.is_ascii_uppercase())
        && KCNA_TAGS
            .iter()
            .any(|t| one_edit(t.as_bytes(), tag.as_bytes()))
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

/// The month of an English month name, full or abbreviated, as written in datelines: capitalised,
/// in capitals or in lower case (`November`, `NOVEMBER`, `november`, `Nov`, `Sept`).
pub(crate) fn month_word(word: &str) -> Option<u32> {
    month_word_bytes(word.as_bytes())
}

/// [`month_word`] on bytes: one look at the first three letters, then the rest compared in the
/// word's own case (the capitalised form exactly, or every letter in capitals or in lower case).
pub(crate) fn month_word_bytes(word: &[u8]) -> Option<u32> {
    let [a, b, c, ref tail @ ..] = *word else {
        return None;
    };
    if word.len() > 9 {
        return None;
    }
    // (The first three letters first: most words a caller asks about are no month.)
    let (month, full_tail) = month_by_three([
        a.to_ascii_uppercase(),
        b.to_ascii_lowercase(),
        c.to_ascii_lowercase(),
    ])?;
    // The case of the word: capitalised (`March`) or in lower case (the letters after the
    // first in lower case), or in capitals (`MARCH`).
    let rest = word.get(1..)?;
    let lower_rest = rest.iter().all(u8::is_ascii_lowercase);
    let upper = a.is_ascii_uppercase() && rest.iter().all(u8::is_ascii_uppercase);
    if !((a.is_ascii_alphabetic() && lower_rest) || upper) {
        return None;
    }
    // (A tail in lower case is compared as it is: `full_tail` is in lower case.)
    let tail_is = |expected: &[u8]| {
        if lower_rest {
            tail == expected
        } else {
            tail.eq_ignore_ascii_case(expected)
        }
    };
    if tail_is(full_tail) {
        return Some(month);
    }
    // Abbreviations: `Nov`, `Sept` (`May` is a full name, and has none).
    let abbreviated = tail.is_empty() || (month == 9 && tail_is(b"t"));
    (abbreviated && month != 5).then_some(month)
}

// ---------------------------------------------------------------------------------------------
// The grammar (the block at the top of this file), written with nom's combinators.

/// The raw pieces of a dateline.
struct Raw<'a> {
    edition: Edition,
    place: &'a str,
    month: u32,
    day: &'a str,
    agency: &'a str,
}

/// A grammar that reads one piece of a dateline (a place, an agency): what
/// [`Dateline::new_in`] checks its arguments with.
type RunGrammar = for<'a> fn(&'a str) -> PResult<'a, &'a str>;

/// `Dateline ::= Place DayAfterPlace " "* "(" " "* Agency " "* ")" Separator?`
///
/// A tag of the closed list after `(` commits the text to being a dateline (`cut`): `Pyongyang,
/// November 8 (KCNA` is an invalid dateline that lacks its `)`. Before the tag, the text may be
/// anything else (`Pyongyang, November 8 (see below)`).
fn grammar(input: &str) -> PResult<'_, Raw<'_>> {
    map(
        (
            dateline_place,
            day_after_place,
            spaces0,
            lit("("),
            spaces0,
            agency,
            cut((spaces0, lit(")"))),
            opt(separator),
        ),
        |(place, (month, day, edition), _, _, _, agency, _, _)| Raw {
            edition,
            place,
            month,
            day,
            agency,
        },
    )
    .parse(input)
}

/// `Place` as a dateline opens with it: a place in lower case (`LowerWord`) only before a blank or
/// a comma; else it is no place, and the error says so at its start (`hello`).
fn dateline_place(input: &str) -> PResult<'_, &str> {
    alt((
        expect(Expected::Place, terminated(lower_place, peek(one_of(" ,")))),
        capitalised_place,
    ))
    .parse(input)
}

/// `Place ::= Word (" " Word)* | LowerWord`, at most [`MAX_PLACE_LEN`] bytes.
///
/// A run of words separated by one space is one place: a headline glued before it by a scraper
/// with two or more spaces, or a line break, is not part of it (see [`crate::scan`] for how the
/// start of the place is chosen).
fn place(input: &str) -> PResult<'_, &str> {
    alt((lower_place, capitalised_place)).parse(input)
}

/// The shortest place written as one lower-case word, in characters.
const MIN_LOWER_PLACE_CHARS: usize = 4;

/// `LowerWord`: one word in lower case of [`MIN_LOWER_PLACE_CHARS`] letters or more (a
/// lower-cased or cut place: `pyongyang`, `yongyang`). `on`, `in`, `el` or `los` before a date
/// start a date without a year, not a dateline.
fn lower_place(input: &str) -> PResult<'_, &str> {
    expect(
        Expected::Place,
        preceded(
            peek(satisfy(char::is_lowercase)),
            verify(place_word, |word: &str| {
                word.chars().count() >= MIN_LOWER_PLACE_CHARS && word.len() <= MAX_PLACE_LEN
            }),
        ),
    )
    .parse(input)
}

/// Lower-case words that may stand inside a place name (`Dar es Salaam`, `Rio de Janeiro`), and
/// lower-case words that may end one (`Mt. Kumgang resort`).
const PARTICLES: &[&str] = &[
    "al", "am", "an", "area", "city", "county", "da", "das", "de", "del", "den", "der", "di",
    "district", "do", "dos", "du", "el", "es", "la", "le", "les", "province", "resort", "upon",
    "van", "von", "y",
];

/// `Word (" " Word)*`: the first word capitalised (or in capitals), each later one capitalised or
/// a particle ([`PARTICLES`]); a month name after a space ends the place (`Pyongyang November 8`).
/// The length is checked word by word, so a long run of words is not read to its end.
///
/// A later word that is none of these (`Pyongyang lies`) is an error of the place at that word:
/// the `cut` that says so stays inside the place ([`uncut`]), as such a word does not commit the
/// text to being a dateline.
fn capitalised_place(input: &str) -> PResult<'_, &str> {
    uncut(recognize((
        capital_word,
        within_place(input),
        many0_count((lit(" "), later_word, within_place(input))),
    )))
    .parse(input)
}

/// Succeeds while the place that started at `start` is at most [`MAX_PLACE_LEN`] bytes; else
/// fails (a `cut`) at its start.
fn within_place<'a>(start: &'a str) -> impl FnMut(&'a str) -> PResult<'a, ()> {
    move |rest: &'a str| {
        if start.offset(rest) > MAX_PLACE_LEN {
            Err(nom::Err::Failure(GrammarError {
                at: start,
                expected: Expected::Place,
            }))
        } else {
            Ok((rest, ()))
        }
    }
}

/// A place's first word: capitalised or in capitals.
fn capital_word(input: &str) -> PResult<'_, &str> {
    expect(
        Expected::Place,
        preceded(peek(satisfy(char::is_uppercase)), place_word),
    )
    .parse(input)
}

/// A place's later word, after a space: capitalised, in capitals or a particle. No letter there, or
/// a month name (`November`, `Nov.`), ends the place (an error); any other word fails it (a
/// `cut`, at the word), as does a word longer than a place.
fn later_word(input: &str) -> PResult<'_, &str> {
    let (_, _) = peek(satisfy(char::is_alphabetic)).parse(input)?;
    let (rest, word) = cut(place_word).parse(input)?;
    if is_month(word.as_bytes()) {
        return fail(input, Expected::Place);
    }
    if word.starts_with(char::is_uppercase) || is_particle(word.as_bytes()) {
        Ok((rest, word))
    } else {
        Err(nom::Err::Failure(GrammarError {
            at: input,
            expected: Expected::Place,
        }))
    }
}

/// Whether `c` may continue a place word.
fn is_place_char(c: char) -> bool {
    c.is_alphabetic() || matches!(c, '-' | '\'' | '.')
}

/// `Word ::= Letter (Letter | "-" | "'" | ".")*`, each character starting within the first
/// [`MAX_PLACE_LEN`] bytes (read no further). A token, read character by character.
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

/// `DayAfterPlace ::= " "+ EnglishDay | " "* "," " "* (EnglishDay | SpanishDay)`
///
/// Without a comma only a month name may follow the place (`Pyongyang February 19`): a number
/// there is no dateline (`Juche 16 de noviembre` is a Juche year and words).
fn day_after_place(input: &str) -> PResult<'_, (u32, &str, Edition)> {
    alt((
        // With no blank after the place either, what is missing is the comma.
        preceded(expect(Expected::Literal(","), spaces), english_day),
        preceded(
            (spaces0, lit(","), spaces0),
            alt((english_day, spanish_day)),
        ),
    ))
    .parse(input)
}

/// `EnglishDay ::= MonthName ","? " "+ Day`
fn english_day(input: &str) -> PResult<'_, (u32, &str, Edition)> {
    map(
        (
            any_case_month,
            opt(lit(",")),
            spaces,
            digits(1, 2, Expected::Day),
        ),
        |(month, _, _, day)| (month, day, Edition::English),
    )
    .parse(input)
}

/// The longest English month name, in letters (`September`).
const LONGEST_MONTH_NAME: usize = 9;

/// `MonthName ::= (FullMonthName | Abbreviation) "."?`, in any case, as [`month_word`] reads it.
fn any_case_month(input: &str) -> PResult<'_, u32> {
    terminated(
        expect(
            Expected::MonthName,
            // A word one letter longer than any month name is read whole enough to be refused.
            map_opt(
                take_while_m_n(1, LONGEST_MONTH_NAME.saturating_add(1), |c: char| {
                    c.is_ascii_alphabetic()
                }),
                month_word,
            ),
        ),
        opt(lit(".")),
    )
    .parse(input)
}

/// `SpanishDay ::= (Day | "primero") " de " SpanishMonth` (`primero` and the month in any case)
fn spanish_day(input: &str) -> PResult<'_, (u32, &str, Edition)> {
    map(
        (
            alt((digits(1, 2, Expected::Day), ascii_no_case("primero"))),
            lit(" de "),
            spanish_month,
        ),
        |(day, _, month)| (month, day, Edition::Spanish),
    )
    .parse(input)
}

/// `Agency ::= Tag`: the first tag of the closed list ([`TAGS`], longest first) that the text
/// starts with as whole words, in any case; or a word in capitals one edit from KCNA, ACNC or
/// ATCC (`KNCA`).
fn agency(input: &str) -> PResult<'_, &str> {
    expect(Expected::Agency, alt((listed_tag, misspelt_tag))).parse(input)
}

/// One of [`TAGS`] in any case, not followed by a letter: `alt` over the table, in its order
/// (only the tags that start with the input's first letter are tried).
fn listed_tag(input: &str) -> PResult<'_, &str> {
    let first = input.as_bytes().first().copied().unwrap_or(0);
    TAGS.iter()
        .filter(|(tag, _, _)| {
            tag.as_bytes()
                .first()
                .is_some_and(|b| b.eq_ignore_ascii_case(&first))
        })
        .find_map(|&(tag, _, _)| terminated(ascii_no_case(tag), word_end).parse(input).ok())
        .map_or_else(|| fail(input, Expected::Agency), Ok)
}

/// A word in capitals one edit from one of [`KCNA_TAGS`] (see [`classify_tag`]).
fn misspelt_tag(input: &str) -> PResult<'_, &str> {
    verify(
        terminated(
            take_while_m_n(
                *MISSPELT_TAG_LEN.start(),
                *MISSPELT_TAG_LEN.end(),
                |c: char| c.is_ascii_uppercase(),
            ),
            word_end,
        ),
        is_misspelt_kcna_tag,
    )
    .parse(input)
}

/// The end of a word of ASCII letters: no letter follows.
fn word_end(input: &str) -> PResult<'_, ()> {
    not(satisfy(|c: char| c.is_ascii_alphabetic())).parse(input)
}

/// Whether `c` is a blank around the separator: space, tab or no-break space.
fn is_blank(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\u{a0}')
}

/// `Blank*`
fn blanks(input: &str) -> PResult<'_, &str> {
    take_while(is_blank).parse(input)
}

/// `Separator ::= Blank* ("--" | "-" | "–" | "—") Blank*`
fn separator(input: &str) -> PResult<'_, &str> {
    recognize((
        blanks,
        alt((lit("--"), lit("-"), lit("\u{2013}"), lit("\u{2014}"))),
        blanks,
    ))
    .parse(input)
}

/// `literal` in any ASCII case. (nom's `tag_no_case` on `&str` folds case by Unicode and may
/// then cut a character in two: the Kelvin sign `K` lowercases to `k`.)
fn ascii_no_case<'a>(literal: &'static str) -> impl FnMut(&'a str) -> PResult<'a, &'a str> {
    move |input: &'a str| match (input.get(..literal.len()), input.get(literal.len()..)) {
        (Some(head), Some(rest)) if head.eq_ignore_ascii_case(literal) => Ok((rest, head)),
        _ => fail(input, Expected::Literal(literal)),
    }
}

/// Runs `parser` with a `cut` inside it kept local: its failure becomes an ordinary error at the
/// same point, so the text as a whole is not committed and other readings may be tried.
fn uncut<'a, O>(
    mut parser: impl Parser<&'a str, Output = O, Error = GrammarError<'a>>,
) -> impl FnMut(&'a str) -> PResult<'a, O> {
    move |input: &'a str| {
        parser.parse(input).map_err(|e| match e {
            nom::Err::Failure(e) => nom::Err::Error(e),
            e => e,
        })
    }
}

// Korean and Japanese.

/// The longest Korean or Japanese place or agency, in characters.
const MAX_CJK_CHARS: usize = 16;

/// `Char+`: 1..=[`MAX_CJK_CHARS`] characters satisfying `accept`, expecting `what`; a longer run
/// is refused, not cut.
fn cjk_run<'a>(
    accept: impl Fn(char) -> bool + Copy,
    what: Expected,
) -> impl FnMut(&'a str) -> PResult<'a, &'a str> {
    expect(
        what,
        terminated(
            take_while_m_n(1, MAX_CJK_CHARS, accept),
            not(satisfy(accept)),
        ),
    )
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

/// `Hangul+`: a Korean place.
fn hangul_word(input: &str) -> PResult<'_, &str> {
    cjk_run(is_hangul, Expected::Place)(input)
}

/// `Hangul+`: a Korean agency.
fn korean_agency(input: &str) -> PResult<'_, &str> {
    cjk_run(is_hangul, Expected::Agency)(input)
}

/// `Ideograph+`: a Japanese place.
fn ideographs(input: &str) -> PResult<'_, &str> {
    cjk_run(is_ideograph, Expected::Place)(input)
}

/// `Ideograph+`: a Japanese agency.
fn japanese_agency(input: &str) -> PResult<'_, &str> {
    cjk_run(is_ideograph, Expected::Agency)(input)
}

/// `Blank*` of the Korean edition: spaces and ideographic spaces.
fn wide_blanks(input: &str) -> PResult<'_, &str> {
    take_while(is_wide_blank).parse(input)
}

/// `Korean ::= Open Hangul+ Blank+ Month "월" Blank* Day "일발" Blank* Hangul+ Close`, with the
/// month's digits (validated by [`prefix_cjk`]).
///
/// `일발` ("filed on the day") commits the text to being a dateline (`cut`):
/// `(평양 8월 21일발 조선중앙통신` lacks its `)`.
fn korean_grammar(input: &str) -> PResult<'_, (Raw<'_>, &str)> {
    map(
        (
            wide_open_paren,
            hangul_word,
            wide_blanks1,
            wide_digits(1, 2, Expected::Month),
            lit("월"),
            wide_blanks,
            wide_digits(1, 2, Expected::Day),
            lit("일발"),
            cut((wide_blanks, korean_agency, wide_close_paren)),
        ),
        |(_, place, _, month, _, _, day, _, (_, agency, _))| {
            let raw = Raw {
                edition: Edition::Korean,
                place,
                month: 0,
                day,
                agency,
            };
            (raw, month)
        },
    )
    .parse(input)
}

/// `Japanese ::= "【" Ideograph+ Month "月" Day "日発" Ideograph+ "】" ("－－－" | "---")?`, with
/// the month's digits (validated by [`prefix_cjk`]).
///
/// `日発` ("filed on the day") commits the text to being a dateline (`cut`):
/// `【平壌７月５日発朝鮮中央通信` lacks its `】`.
fn japanese_grammar(input: &str) -> PResult<'_, (Raw<'_>, &str)> {
    map(
        (
            lit("【"),
            ideographs,
            wide_digits(1, 2, Expected::Month),
            lit("月"),
            wide_digits(1, 2, Expected::Day),
            lit("日発"),
            cut((japanese_agency, lit("】"))),
            opt(alt((lit("－－－"), lit("---")))),
        ),
        |(_, place, month, _, day, _, (agency, _), _)| {
            let raw = Raw {
                edition: Edition::Japanese,
                place,
                month: 0,
                day,
                agency,
            };
            (raw, month)
        },
    )
    .parse(input)
}

// Reading and validating.

/// Reads a Korean (`(평양 8월 21일발 조선중앙통신)`) or Japanese (`【平壌７月５日発朝鮮中央通信】`)
/// dateline at the start of `input`.
pub(crate) fn prefix_cjk(input: &str) -> Prefix<Dateline> {
    let grammar = if input.starts_with('【') {
        japanese_grammar
    } else {
        korean_grammar
    };
    Prefix::run(input, grammar, |(raw, month)| {
        let month = check_month(&wide_number(input, month))?;
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

/// The cheapest test of [`may_match`] (and of the fast path, where its place-reading loop would
/// cost more): whether a comma or a space stands within a place's longest length, to end one.
#[inline]
fn place_may_end(bytes: &[u8]) -> bool {
    let head = bytes.get(..=MAX_PLACE_LEN).unwrap_or(bytes);
    memchr::memchr2(b' ', b',', head).is_some()
}

/// Whether an English or Spanish dateline may start `bytes` at all (an opening bracket, which may
/// start a Korean or Japanese one, always may): when not, [`prefix`] gives `NoMatch`. `scan` asks
/// this at every word before a date in running text, where the grammar would read a few words of
/// prose before failing.
///
/// The text is read as words of place characters (letters, non-ASCII, `-`, `'`, `.`) and spaces,
/// over the longest place ([`MAX_PLACE_LEN`] bytes). A place is followed by a comma, or by spaces,
/// a month name and a day, so:
/// * a word after the first that starts with a lower-case letter is a particle ([`PARTICLES`]) or
///   a month name (a place's later words are capitalised, and a lower-case place is one word);
/// * the place (its words up to a month name, a double space or a word that starts with no
///   letter) ends within [`MAX_PLACE_LEN`] bytes;
/// * a comma or a space comes within the place's length, and the first byte that is neither a
///   place character nor a space is a comma or a digit;
/// * a text that ends within the place's length has no `(`.
///
/// Checked by `may_match_says_no_only_where_the_grammar_does`.
pub(crate) fn may_match(bytes: &[u8]) -> bool {
    if opens_cjk(bytes) {
        return true;
    }
    if !place_may_end(bytes) {
        return false;
    }
    let is_place_byte =
        |b: u8| b.is_ascii_alphabetic() || b >= 0x80 || matches!(b, b'-' | b'\'' | b'.');
    let mut at = 0usize;
    // Whether every word so far may be part of the place: no month name, double space or word
    // that no place word starts with has ended it.
    let mut in_place = true;
    while at <= MAX_PLACE_LEN {
        let Some(&b) = bytes.get(at) else {
            return false;
        };
        let rest = bytes.get(at..).unwrap_or(&[]);
        if b == b' ' {
            let spaces = rest.iter().take_while(|&&b| b == b' ').count();
            in_place &= spaces == 1;
            at = at.saturating_add(spaces);
            continue;
        }
        if !is_place_byte(b) {
            return b == b',' || b.is_ascii_digit();
        }
        // (No further than a place reaches: `JucheJuche…` is one word as long as the text.)
        let word_len = rest
            .iter()
            .take(MAX_PLACE_LEN.saturating_add(1))
            .take_while(|&&b| is_place_byte(b))
            .count();
        let word = rest.get(..word_len).unwrap_or(&[]);
        if at > 0 {
            if b >= 0x80 {
                // A word whose case this does not judge.
                return true;
            }
            if is_month(word) || !b.is_ascii_alphabetic() {
                in_place = false;
            } else if b.is_ascii_lowercase() && !is_particle(word) {
                return false;
            }
        }
        at = at.saturating_add(word_len);
        if in_place && at > MAX_PLACE_LEN {
            return false;
        }
    }
    true
}

/// Whether `word` is one of [`PARTICLES`] (compared byte by byte: most words of prose are as long
/// as some particle, and `==` on slices of equal length calls `memcmp`).
fn is_particle(word: &[u8]) -> bool {
    PARTICLES
        .iter()
        .any(|p| p.len() == word.len() && p.bytes().zip(word).all(|(a, &b)| a == b))
}

/// Whether `word` is a month name in any case, its dots aside (`Nov.`).
fn is_month(word: &[u8]) -> bool {
    let mut bare = word;
    while let Some(rest) = bare.strip_suffix(b".") {
        bare = rest;
    }
    month_word_bytes(bare).is_some()
}

/// Whether `bytes` opens with a bracket that may start a Korean or Japanese dateline: `(`, `（`
/// or `【`.
fn opens_cjk(bytes: &[u8]) -> bool {
    bytes.starts_with(b"(")
        || bytes.starts_with("\u{ff08}".as_bytes())
        || bytes.starts_with("【".as_bytes())
}

/// Reads a dateline of any edition at the start of `input`.
pub(crate) fn prefix_any(input: &str) -> Prefix<Dateline> {
    if opens_cjk(input.as_bytes()) {
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

/// Checks that `grammar` reads the whole of `text`, a constructor's argument: else an error
/// expecting `what` at the byte of `text` where it stops being one, quoting `text`.
fn check_whole(text: &str, grammar: RunGrammar, what: Expected) -> Result<(), Error> {
    let stop = match grammar(text) {
        Ok(("", _)) => return Ok(()),
        Ok((rest, _)) => text.offset(rest),
        Err(nom::Err::Error(e) | nom::Err::Failure(e)) => text.offset(e.at),
        Err(nom::Err::Incomplete(_)) => 0,
    };
    Err(Error::new(ErrorKind::Expected(what), stop..stop).with_input(text))
}

/// The whole of `input` as a dateline of any edition, by the grammar (the fast path's fallback,
/// kept out of line so that `from_str` inlines into its caller as a byte check and a call).
fn strict(input: &str) -> Result<Dateline, Error> {
    // The Korean and Japanese fast path reads the same dateline and length as the grammar: where
    // it reads the whole input, so would the grammar.
    if let Some((dateline, _)) = fast_cjk_prefix(input).filter(|&(_, len)| len == input.len()) {
        return Ok(dateline);
    }
    prefix_any(input).strict(input)
}

impl FromStr for Dateline {
    type Err = Error;

    /// Parses a whole dateline, with or without its separator: `Pyongyang, November 8 (KCNA) --`.
    #[inline]
    fn from_str(input: &str) -> Result<Dateline, Error> {
        match fast(input) {
            Some(parts) => Ok(parts.into_dateline()),
            None => strict(input),
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

        /// A name known at compile time (a tag of the closed list), never copied.
        pub(super) fn from_static(text: &'static str) -> Text {
            Text(Cow::Borrowed(text))
        }

        pub(super) fn as_str(&self) -> &str {
            &self.0
        }
    }
}

// ---------------------------------------------------------------------------------------------
// The fast path: the common form read at byte level, proven equal to the grammar (see
// `crate::grammar::fixed`, and the property at the end of the tests below).

/// The parts of a dateline read by [`fast`].
pub(crate) struct DatelineParts<'a> {
    pub(crate) edition: Edition,
    pub(crate) place: &'a str,
    pub(crate) month: u32,
    pub(crate) day: u32,
    pub(crate) agency: &'static str,
}

/// `Place ", " FullMonthName " " D{1,2} " (" Agency ")"` or, in Spanish, `Place ", " D{1,2}
/// " de " SpanishMonth " (" Agency ")"` at the start of `input`, where the place is one ASCII word
/// of letters starting with a capital, at most [`MAX_PLACE_LEN`] bytes, and the agency one of
/// [`KCNA_TAGS`] as written there; the day valid for the month in a leap year. The parts, and
/// the text after the `)`.
#[inline]
fn fast_head(input: &str) -> Option<(DatelineParts<'_>, &str)> {
    let bytes = input.as_bytes();
    let (first, tail) = bytes.split_first()?;
    if !first.is_ascii_uppercase() || !place_may_end(bytes) {
        return None;
    }
    // The letters after the first, then the byte that ends the place, within the place's length.
    let place_len = tail
        .iter()
        .take(MAX_PLACE_LEN)
        .position(|b| !b.is_ascii_alphabetic())?
        .checked_add(1)?;
    let (place, rest) = input.split_at_checked(place_len)?;
    let [b',', b' ', a, b, c, ref tail @ ..] = *rest.as_bytes() else {
        return None;
    };
    let (edition, month, day, rest) = if a.is_ascii_digit() {
        // `24 de diciembre (`: the month as `spanish::fast_month` reads the grammar's.
        let (day, rest) = upto_two_then(rest.as_bytes().get(2..)?, b' ')?;
        let rest = strip_short(rest, b"de ")?;
        let (month, len) = crate::grammar::spanish::fast_month(rest)?;
        let rest = strip_short(rest.get(len..)?, b" (")?;
        (Edition::Spanish, month, day, rest)
    } else {
        let (month, full_tail) = month_by_three([a, b, c])?;
        let rest = strip_short(tail, full_tail)?.strip_prefix(b" ")?;
        let (day, rest) = match *rest {
            [x, b' ', b'(', ref rest @ ..] => (digit(x)?, rest),
            [x, y, b' ', b'(', ref rest @ ..] => (two(x, y)?, rest),
            _ => return None,
        };
        (Edition::English, month, day, rest)
    };
    if !(1..=max_day(month)).contains(&day) {
        return None;
    }
    let [t, u, v, w, b')', ref rest @ ..] = *rest else {
        return None;
    };
    let agency = *KCNA_TAGS
        .iter()
        .find(|tag| tag.as_bytes() == [t, u, v, w])?;
    let after = input.get(bytes.len().checked_sub(rest.len())?..)?;
    let parts = DatelineParts {
        edition,
        place,
        month,
        day,
        agency,
    };
    Some((parts, after))
}

/// The common form of [`fast_head`], then `(" --")?`: the whole input.
#[inline]
pub(crate) fn fast(input: &str) -> Option<DatelineParts<'_>> {
    let (parts, rest) = fast_head(input)?;
    matches!(rest, "" | " --").then_some(parts)
}

/// The fast path of every edition that has one, at the start of `input`: [`fast_cjk_prefix`]
/// after an opening bracket, else [`fast_prefix`].
pub(crate) fn fast_prefix_any(input: &str) -> Option<(Dateline, usize)> {
    if opens_cjk(input.as_bytes()) {
        fast_cjk_prefix(input)
    } else {
        fast_prefix(input)
    }
}

/// The common form of [`fast_head`] at the start of `input`, then the grammar's own `Separator?`:
/// the dateline and the bytes it takes, as [`prefix`] reads them.
pub(crate) fn fast_prefix(input: &str) -> Option<(Dateline, usize)> {
    let (parts, rest) = fast_head(input)?;
    let rest = opt(separator).parse(rest).map_or(rest, |(rest, _)| rest);
    Some((parts.into_dateline(), input.offset(rest)))
}

/// The common Korean and Japanese forms at the start of `input`, as [`prefix_cjk`] reads them
/// when they are valid: `(평양 8월 21일발 조선중앙통신)` and `【平壌７月５日発朝鮮中央通信】`, read
/// character by character without the combinators (each piece as in [`korean_grammar`] and
/// [`japanese_grammar`]).
pub(crate) fn fast_cjk_prefix(input: &str) -> Option<(Dateline, usize)> {
    let (edition, place, month, day, agency, rest) = match input.strip_prefix('【') {
        Some(rest) => {
            let (place, rest) = cjk_word(rest, is_ideograph)?;
            let (month, rest) = wide_number_prefix(rest, 1, 2)?;
            let (day, rest) = wide_number_prefix(rest.strip_prefix('月')?, 1, 2)?;
            let (agency, rest) = cjk_word(rest.strip_prefix("日発")?, is_ideograph)?;
            let rest = rest.strip_prefix('】')?;
            let rest = (rest.strip_prefix("－－－"))
                .or_else(|| rest.strip_prefix("---"))
                .unwrap_or(rest);
            (Edition::Japanese, place, month, day, agency, rest)
        }
        None => {
            let rest = input.strip_prefix(['(', '\u{ff08}'])?;
            let (place, rest) = cjk_word(rest, is_hangul)?;
            let blanks = rest.trim_start_matches(is_wide_blank);
            if blanks.len() == rest.len() {
                return None;
            }
            let (month, rest) = wide_number_prefix(blanks, 1, 2)?;
            let rest = rest.strip_prefix('월')?.trim_start_matches(is_wide_blank);
            let (day, rest) = wide_number_prefix(rest, 1, 2)?;
            let rest = rest.strip_prefix("일발")?.trim_start_matches(is_wide_blank);
            let (agency, rest) = cjk_word(rest, is_hangul)?;
            let rest = rest.strip_prefix([')', '\u{ff09}'])?;
            (Edition::Korean, place, month, day, agency, rest)
        }
    };
    if !(1..=12).contains(&month) || !(1..=max_day(month)).contains(&day) {
        return None;
    }
    let dateline = Dateline {
        edition,
        place: Text::new(place),
        month,
        day,
        agency: Text::new(agency),
    };
    Some((dateline, input.offset(rest)))
}

/// `Char{1,MAX_CJK_CHARS}` of `accept`, then a character that is not: the run and the text
/// from that character on.
fn cjk_word(input: &str, accept: fn(char) -> bool) -> Option<(&str, &str)> {
    let (end, _) = input
        .char_indices()
        .take(MAX_CJK_CHARS.saturating_add(1))
        .find(|&(_, c)| !accept(c))?;
    (end > 0).then(|| input.split_at_checked(end))?
}

impl DatelineParts<'_> {
    /// The dateline of these parts.
    fn into_dateline(self) -> Dateline {
        Dateline {
            edition: self.edition,
            place: Text::new(self.place),
            month: self.month,
            day: self.day,
            agency: Text::from_static(self.agency),
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::panic)]

    use super::*;
    use proptest::strategy::Strategy;

    /// The value and the remainder of a grammar that read `input`.
    fn ok<'a, O>(input: &'a str, grammar: impl FnOnce(&'a str) -> PResult<'a, O>) -> (O, &'a str) {
        match grammar(input) {
            Ok((rest, value)) => (value, rest),
            Err(e) => panic!("{input:?}: {e:?}"),
        }
    }

    /// Where a grammar failed in `input`, what it expected, and whether it had committed (`cut`).
    fn err<'a, O>(
        input: &'a str,
        grammar: impl FnOnce(&'a str) -> PResult<'a, O>,
    ) -> (usize, Expected, bool) {
        match grammar(input) {
            Err(nom::Err::Error(e)) => (input.offset(e.at), e.expected, false),
            Err(nom::Err::Failure(e)) => (input.offset(e.at), e.expected, true),
            Err(nom::Err::Incomplete(_)) => panic!("{input:?}: incomplete"),
            Ok(_) => panic!("{input:?}: read"),
        }
    }

    /// The error of a strict parse, as (span, message).
    fn strict_err(input: &str) -> (core::ops::Range<usize>, String) {
        let e = input.parse::<Dateline>().unwrap_err();
        (e.span(), e.to_string())
    }

    fn english(place: &str, month: u32, day: u32, agency: &str) -> Dateline {
        Dateline::new(place, month, day, agency).unwrap()
    }

    #[test]
    fn ok_grammar() {
        let (raw, rest) = ok("Pyongyang, November 8 (KCNA) -- Kim", grammar);
        assert_eq!(
            (raw.edition, raw.place, raw.month, raw.day, raw.agency, rest),
            (Edition::English, "Pyongyang", 11, "8", "KCNA", "Kim")
        );
        // No separator: the blanks after `)` are not read.
        let (raw, rest) = ok("Pyongyang November 8 ( kcna )  Kim", grammar);
        assert_eq!(
            (raw.place, raw.agency, rest),
            ("Pyongyang", "kcna", "  Kim")
        );
        let (raw, rest) = ok(
            "Pyongyang, 24 de diciembre (ACNC)\u{a0}\u{2014}\u{a0}",
            grammar,
        );
        assert_eq!(
            (raw.edition, raw.month, raw.day, raw.agency, rest),
            (Edition::Spanish, 12, "24", "ACNC", "")
        );
        let (raw, _) = ok("Havana, PRIMERO de Mayo (Corresponsal de la ATCC)", grammar);
        assert_eq!(
            (raw.month, raw.day, raw.agency),
            (5, "PRIMERO", "Corresponsal de la ATCC")
        );
    }

    #[test]
    fn err_grammar() {
        // What comes after the place.
        assert_eq!(err("Hello", grammar), (5, Expected::Literal(","), false));
        assert_eq!(err("hello", grammar), (0, Expected::Place, false));
        assert_eq!(
            err("Pyongyang 24 de diciembre", grammar),
            (10, Expected::MonthName, false)
        );
        assert_eq!(
            err("Pyongyang, Movember 8", grammar),
            (11, Expected::MonthName, false)
        );
        assert_eq!(
            err("Pyongyang, November (KCNA)", grammar),
            (20, Expected::Day, false)
        );
        // Before the tag, nothing is committed: the text may be prose.
        assert_eq!(
            err("Pyongyang, November 8 (see below)", grammar),
            (23, Expected::Agency, false)
        );
        assert_eq!(
            err("Pyongyang, November 8 KCNA", grammar),
            (22, Expected::Literal("("), false)
        );
        // After the tag, the `)` is what is missing.
        assert_eq!(
            err("Pyongyang, November 8 (KCNA", grammar),
            (27, Expected::Literal(")"), true)
        );
        assert_eq!(
            err("Pyongyang, November 8 (KCNA reported)", grammar),
            (28, Expected::Literal(")"), true)
        );
        // A tag followed by more letters is no tag.
        assert_eq!(
            err("Pyongyang, November 8 (KCNAx)", grammar),
            (23, Expected::Agency, false)
        );
    }

    #[test]
    fn ok_parse_messages_pinned() {
        let d: Dateline = "Pyongyang, Nov. 8 (KNCA) -".parse().unwrap();
        assert_eq!(d, english("Pyongyang", 11, 8, "KNCA"));
        assert_eq!(d.news_agency(), Agency::Kcna);
        let (d, len) = Dateline::parse_prefix("Dar es Salaam, June 3 (KCNA) -- The").unwrap();
        assert_eq!((d.place(), len), ("Dar es Salaam", 32));
    }

    #[test]
    fn err_parse_messages_pinned() {
        assert_eq!(
            strict_err("Pyongyang, November 8 (KCNA"),
            (
                27..27,
                "expected `)` after `Pyongyang, November 8 (KCNA`, but found end of input"
                    .to_owned()
            )
        );
        assert_eq!(
            strict_err("Pyongyang lies, November 8 (KCNA)"),
            (
                10..10,
                "expected place name after `Pyongyang `, but found `l`".to_owned()
            )
        );
        assert_eq!(
            strict_err("el 8 de mayo"),
            (
                0..0,
                "expected place name at start of input, but found `e`".to_owned()
            )
        );
        assert_eq!(
            strict_err("Pyongyang, February 30 (KCNA)"),
            (
                20..22,
                "day 30 is out of range for February, expected 1 to 29".to_owned()
            )
        );
        assert_eq!(
            strict_err("Pyongyang, November 8 (KCNA) x"),
            (
                28..29,
                "expected end of input after `Pyongyang, November 8 (KCNA)`, but found ` `"
                    .to_owned()
            )
        );
        // The cut makes an invalid candidate whose extent ends at the fault.
        assert!(matches!(
            prefix("Pyongyang, November 8 (KCNA"),
            Prefix::Invalid(_, 27)
        ));
        assert!(matches!(
            prefix("Pyongyang, November 8 (AFP)"),
            Prefix::NoMatch(_)
        ));
    }

    #[test]
    fn ok_place() {
        assert_eq!(
            ok("Pyongyang, November", place),
            ("Pyongyang", ", November")
        );
        assert_eq!(
            ok("Dar es Salaam, June", place),
            ("Dar es Salaam", ", June")
        );
        assert_eq!(
            ok("Mt. Kumgang resort, June", place),
            ("Mt. Kumgang resort", ", June")
        );
        assert_eq!(ok("St. John's, June", place), ("St. John's", ", June"));
        // A month name ends a place; two spaces or a digit end it too.
        assert_eq!(
            ok("Pyongyang November 8", place),
            ("Pyongyang", " November 8")
        );
        assert_eq!(ok("Pyongyang Nov. 8", place), ("Pyongyang", " Nov. 8"));
        assert_eq!(
            ok("Headline  Pyongyang", place),
            ("Headline", "  Pyongyang")
        );
        assert_eq!(ok("Pyongyang 8", place), ("Pyongyang", " 8"));
        // One word in lower case, of four letters or more.
        assert_eq!(ok("pyongyang city,", place), ("pyongyang", " city,"));
        let long = "A".repeat(MAX_PLACE_LEN);
        assert_eq!(ok(&format!("{long},"), place), (long.as_str(), ","));
        let words = format!("{} {}", "A".repeat(31), "B".repeat(32));
        assert_eq!(ok(&words, place), (words.as_str(), ""));
    }

    #[test]
    fn err_place() {
        assert_eq!(err("", place), (0, Expected::Place, false));
        assert_eq!(err("8 November", place), (0, Expected::Place, false));
        assert_eq!(err("el 8", place), (0, Expected::Place, false));
        assert_eq!(err("평양", place), (0, Expected::Place, false));
        // A later word in lower case that is no particle: at the word, and not committed.
        assert_eq!(err("Pyongyang lies,", place), (10, Expected::Place, false));
        // Too long, by one byte: at the start.
        let long = "A".repeat(MAX_PLACE_LEN.saturating_add(1));
        assert_eq!(err(&long, place), (0, Expected::Place, false));
        let words = format!("{} {}", "A".repeat(32), "B".repeat(32));
        assert_eq!(err(&words, place), (0, Expected::Place, false));
        // A later word longer than a place: at the word, as the word is read no further.
        let long_word = format!("A {}", "B".repeat(70));
        assert_eq!(err(&long_word, place), (2, Expected::Place, false));
    }

    #[test]
    fn ok_place_word() {
        assert_eq!(ok("Port-au-Prince,", place_word), ("Port-au-Prince", ","));
        // Each character starts within the place's length: a last two-byte letter at byte 63.
        let word = format!("{}Ü", "A".repeat(MAX_PLACE_LEN.saturating_sub(1)));
        assert_eq!(ok(&word, place_word), (word.as_str(), ""));
    }

    #[test]
    fn err_place_word() {
        assert_eq!(err("-Pyongyang", place_word), (0, Expected::Place, false));
        let word = format!("{}Ü", "A".repeat(MAX_PLACE_LEN));
        assert_eq!(err(&word, place_word), (0, Expected::Place, false));
        // Such a word is read, but it makes a place one byte too long.
        let word = format!("{}Ü", "A".repeat(MAX_PLACE_LEN.saturating_sub(1)));
        assert_eq!(err(&word, place), (0, Expected::Place, false));
    }

    #[test]
    fn ok_day_after_place() {
        let day = |s| ok(s, day_after_place);
        assert_eq!(day(", November 8 ("), ((11, "8", Edition::English), " ("));
        assert_eq!(day(" NOV., 08 ("), ((11, "08", Edition::English), " ("));
        assert_eq!(day(" ,  sept 30"), ((9, "30", Edition::English), ""));
        assert_eq!(day(",24 de DICIEMBRE"), ((12, "24", Edition::Spanish), ""));
        assert_eq!(
            day(", primero de mayo"),
            ((5, "primero", Edition::Spanish), "")
        );
    }

    #[test]
    fn err_day_after_place() {
        let day = |s| err(s, day_after_place);
        assert_eq!(day("November 8"), (0, Expected::Literal(","), false));
        assert_eq!(day(" 24 de diciembre"), (1, Expected::MonthName, false));
        assert_eq!(day(", Septembre 3"), (2, Expected::MonthName, false));
        assert_eq!(day(", November8"), (10, Expected::Space, false));
        assert_eq!(day(", November 123"), (11, Expected::Day, false));
        assert_eq!(day(", 24 diciembre"), (4, Expected::Literal(" de "), false));
        assert_eq!(day(", 24 de dicembre"), (8, Expected::MonthName, false));
    }

    #[test]
    fn ok_agency() {
        assert_eq!(ok("KCNA)", agency), ("KCNA", ")"));
        assert_eq!(ok("kcna )", agency), ("kcna", " )"));
        assert_eq!(ok("KNS-KCNA)", agency), ("KNS-KCNA", ")"));
        assert_eq!(ok("KNS KCNA)", agency), ("KNS", " KCNA)"));
        assert_eq!(
            ok("KCNA correspondent)", agency),
            ("KCNA correspondent", ")")
        );
        assert_eq!(ok("KCNA reported", agency), ("KCNA", " reported"));
        assert_eq!(
            ok("Corresponsal de la ACNC)", agency),
            ("Corresponsal de la ACNC", ")")
        );
        assert_eq!(ok("KNCA)", agency), ("KNCA", ")"));
        assert_eq!(ok("KCNAA-x", agency), ("KCNAA", "-x"));
    }

    #[test]
    fn err_agency() {
        for text in [
            "AFP)",
            "K)",
            "KCNAx)",
            "Kcnaa)",
            "KCNAAA)",
            "",
            "\u{212a}CNA)",
            "Korea News",
        ] {
            assert_eq!(err(text, agency), (0, Expected::Agency, false), "{text:?}");
        }
    }

    #[test]
    fn tags_are_longest_first_and_kcna_tags_are_listed() {
        assert!(TAGS.windows(2).all(|w| w[0].0.len() >= w[1].0.len()));
        for tag in KCNA_TAGS {
            assert_eq!(classify_tag(tag), Some((Agency::Kcna, false)));
            assert!(TAGS.iter().any(|(t, _, _)| *t == tag));
        }
        assert_eq!(
            classify_tag("snc-atcc"),
            Some((Agency::KoreaNewsService, false))
        );
        assert_eq!(classify_tag("ATC"), Some((Agency::Kcna, false)));
        assert_eq!(classify_tag("atc"), None);
        assert_eq!(classify_tag("KCNAAA"), None);
        assert!(
            one_edit(b"KCNA", b"KNCA") && one_edit(b"KCNA", b"KCN") && !one_edit(b"KCNA", b"KCNA")
        );
    }

    #[test]
    fn ok_separator() {
        assert_eq!(ok(" -- Kim", separator), (" -- ", "Kim"));
        assert_eq!(ok("--Kim", separator), ("--", "Kim"));
        assert_eq!(
            ok("\t\u{2013}\u{a0}Kim", separator),
            ("\t\u{2013}\u{a0}", "Kim")
        );
        assert_eq!(ok(" \u{2014}", separator), (" \u{2014}", ""));
    }

    #[test]
    fn err_separator() {
        assert_eq!(err(" Kim", separator), (1, Expected::Literal("--"), false));
        assert_eq!(err("", separator), (0, Expected::Literal("--"), false));
    }

    #[test]
    fn ok_korean_and_japanese() {
        let ((raw, month), rest) = ok("(평양 8월 21일발 조선중앙통신) 경애하는", korean_grammar);
        assert_eq!(
            (raw.place, month, raw.day, raw.agency, rest),
            ("평양", "8", "21", "조선중앙통신", " 경애하는")
        );
        let ((raw, month), rest) = ok(
            "（평양\u{3000}８월\u{3000}２１일발\u{3000}조선중앙통신）",
            korean_grammar,
        );
        assert_eq!((month, raw.day, rest), ("８", "２１", ""));
        let ((raw, month), rest) = ok("【平壌７月５日発朝鮮中央通信】－－－金", japanese_grammar);
        assert_eq!(
            (raw.place, month, raw.day, raw.agency, rest),
            ("平壌", "７", "５", "朝鮮中央通信", "金")
        );
        let d: Dateline = "（평양 8월 21일발 조선중앙통신）".parse().unwrap();
        assert_eq!((d.edition(), d.month(), d.day()), (Edition::Korean, 8, 21));
    }

    #[test]
    fn err_korean_and_japanese() {
        let text = "(평양 8월 21일발 조선중앙통신";
        assert_eq!(
            err(text, korean_grammar),
            (text.len(), Expected::Literal(")"), true)
        );
        let text = "(평양 8월 21일발 )";
        assert_eq!(
            err(text, korean_grammar),
            ("(평양 8월 21일발 ".len(), Expected::Agency, true)
        );
        // Before `일발`, any parenthesis: not committed.
        let text = "(평양 8월 21일 조선중앙통신)";
        assert_eq!(
            err(text, korean_grammar),
            ("(평양 8월 21".len(), Expected::Literal("일발"), false)
        );
        let text = "(평양시 중구역)";
        assert_eq!(
            err(text, korean_grammar),
            ("(평양시 ".len(), Expected::Month, false)
        );
        let text = "【平壌７月５日発朝鮮中央通信";
        assert_eq!(
            err(text, japanese_grammar),
            (text.len(), Expected::Literal("】"), true)
        );
        let text = "【平壌７月５日朝鮮中央通信】";
        assert_eq!(
            err(text, japanese_grammar),
            ("【平壌７月５".len(), Expected::Literal("日発"), false)
        );
        // A place of 17 characters is refused, not cut.
        let text = format!(
            "({} 8월 21일발 조선중앙통신)",
            "평".repeat(MAX_CJK_CHARS.saturating_add(1))
        );
        assert_eq!(err(&text, korean_grammar), (1, Expected::Place, false));
        assert_eq!(
            "(평양 13월 21일발 조선중앙통신)"
                .parse::<Dateline>()
                .unwrap_err()
                .to_string(),
            "month 13 is out of range, expected 1 to 12"
        );
        let (span, message) = strict_err("【平壌７月５日発朝鮮中央通信");
        assert_eq!(span, 42..42);
        assert_eq!(
            message,
            "expected `】` after `【平壌７月５日発朝鮮中央通信`, but found end of input"
        );
    }

    #[test]
    fn ok_new() {
        let d = Dateline::new_in(Edition::Spanish, "Pyongyang", 12, 24, "ACNC").unwrap();
        assert_eq!(d.to_string(), "Pyongyang, 24 de diciembre (ACNC)");
        let d = Dateline::new("pyongyang", 2, 29, "KCNA correspondent").unwrap();
        assert_eq!(d.to_string().parse::<Dateline>().unwrap(), d);
        assert!(d.is_correspondent());
    }

    #[test]
    fn err_new() {
        let e = |edition, place: &str, month, day, agency: &str| {
            let e = Dateline::new_in(edition, place, month, day, agency).unwrap_err();
            (e.kind(), e.span(), e.to_string())
        };
        let range = |field, value, max| ErrorKind::OutOfRange {
            field,
            value,
            min: 1,
            max,
        };
        assert_eq!(
            e(Edition::English, "Pyongyang", 13, 1, "KCNA"),
            (
                range(Field::Month, 13, 12),
                0..0,
                "month 13 is out of range, expected 1 to 12".to_owned()
            )
        );
        assert_eq!(
            e(Edition::English, "Pyongyang", 0, 1, "KCNA"),
            (
                range(Field::Month, 0, 12),
                0..0,
                "month 0 is out of range, expected 1 to 12".to_owned()
            )
        );
        assert_eq!(
            e(Edition::English, "Pyongyang", 4, 31, "KCNA"),
            (
                range(Field::Day, 31, 30),
                0..0,
                "day 31 is out of range, expected 1 to 30".to_owned()
            )
        );
        assert_eq!(
            e(Edition::English, "Pyongyang", 1, u32::MAX, "KCNA"),
            (
                range(Field::Day, i64::from(u32::MAX), 31),
                0..0,
                "day 4294967295 is out of range, expected 1 to 31".to_owned()
            )
        );
        // Text arguments: the kind names the argument, the span is in it, the message quotes it.
        assert_eq!(
            e(Edition::English, "Pyong, yang", 1, 1, "KCNA"),
            (
                ErrorKind::Expected(Expected::Place),
                5..5,
                "expected place name after `Pyong`, but found `,`".to_owned()
            )
        );
        assert_eq!(
            e(Edition::English, "Pyongyang", 1, 1, "KCNA x"),
            (
                ErrorKind::Expected(Expected::Agency),
                4..4,
                "expected news agency tag such as `KCNA` after `KCNA`, but found ` `".to_owned()
            )
        );
        assert_eq!(
            e(Edition::Korean, "평양", 1, 1, "KCNA"),
            (
                ErrorKind::Expected(Expected::Agency),
                0..0,
                "expected news agency tag such as `KCNA` at start of input, but found `K`"
                    .to_owned()
            )
        );
        assert_eq!(
            e(Edition::Japanese, "Pyongyang", 1, 1, "朝鮮中央通信"),
            (
                ErrorKind::Expected(Expected::Place),
                0..0,
                "expected place name at start of input, but found `P`".to_owned()
            )
        );
        // The place and the agency are checked before the numbers.
        assert_eq!(
            e(Edition::English, "", 13, 1, "KCNA").0,
            ErrorKind::Expected(Expected::Place)
        );
    }

    #[test]
    fn ok_fast() {
        let parts = fast("Pyongyang, November 8 (KCNA) --").unwrap();
        assert_eq!(
            (parts.place, parts.month, parts.day, parts.agency),
            ("Pyongyang", 11, 8, "KCNA")
        );
        let place = "A".repeat(MAX_PLACE_LEN);
        assert!(fast(&format!("{place}, February 29 (ATCC)")).is_some());
    }

    #[test]
    fn may_match_at_the_longest_place() {
        // The comma that ends a place of the longest length is the last byte `may_match` looks
        // at for one.
        let text = format!("{},November 8 (KCNA)", "A".repeat(MAX_PLACE_LEN));
        assert!(matches!(prefix(&text), Prefix::Valid(..)));
        assert!(may_match(text.as_bytes()));
        let longer = format!("{},November 8 (KCNA)", "A".repeat(MAX_PLACE_LEN + 1));
        assert!(matches!(prefix(&longer), Prefix::NoMatch(_)));
        assert!(!may_match(longer.as_bytes()));
    }

    #[test]
    fn err_fast() {
        let place = "A".repeat(MAX_PLACE_LEN.saturating_add(1));
        for text in [
            format!("{place}, June 3 (KCNA)"),
            "Pyongyang, February 30 (KCNA)".to_owned(),
            "Pyongyang, November 8 (KCNAX)".to_owned(),
            "Pyongyang, November 8 (KCNA) --Kim".to_owned(),
            "Pyongyang, Nov. 8 (KCNA)".to_owned(),
            "pyongyang, November 8 (KCNA)".to_owned(),
        ] {
            assert!(fast(&text).is_none(), "{text:?}");
        }
    }

    /// Texts near the fast path's form: each piece right, or a little wrong.
    fn near_dateline() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::sample::select;
        let long = "A".repeat(MAX_PLACE_LEN);
        let longer = "A".repeat(MAX_PLACE_LEN.saturating_add(1));
        let places: Vec<String> = [
            "Pyongyang",
            "X",
            "pyongyang",
            "Dar es Salaam",
            "Pyong8",
            "Ürümqi",
            "",
        ]
        .iter()
        .map(|s| (*s).to_owned())
        .chain([long, longer])
        .collect();
        (
            select(places),
            select(vec![", ", ",", " ", ",  ", " , "]),
            select(vec![
                "November",
                "February",
                "April",
                "Nov",
                "Nov.",
                "NOVEMBER",
                "Septembre",
                "May",
            ]),
            select(vec![" ", "", "  "]),
            select(vec!["8", "08", "29", "30", "31", "0", "123", "1", "９"]),
            select(vec![" (", "(", "  (", " ( "]),
            select(vec![
                "KCNA",
                "ACNC",
                "ATCC",
                "KNCA",
                "kcna",
                "KNS",
                "KCNAX",
                "KCNA Correspondent",
                "AFP",
            ]),
            select(vec![")", ") --", ")--", ") -- ", ")x", "", " )", ") –"]),
            // What follows in running text (for the prefix form).
            select(vec![
                "",
                "Kim",
                " Kim",
                "\u{a0}-- Kim",
                "\t-\t",
                "—",
                " — ",
                "\n",
                "- -",
                "(KCNA)",
            ]),
        )
            .prop_map(|(a, b, c, d, e, f, g, h, i)| format!("{a}{b}{c}{d}{e}{f}{g}{h}{i}"))
    }

    /// Texts near Spanish datelines: place, separator, day, ` de `, month, tag and what follows,
    /// each right or a little wrong.
    fn near_spanish_dateline() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::sample::select;
        (
            // (The common form listed more than once, so that most texts are near it.)
            select(vec![
                "Pyongyang",
                "Pyongyang",
                "X",
                "pyongyang",
                "Dar es Salaam",
                "Ürümqi",
            ]),
            select(vec![", ", ", ", ",", " ", ",  ", " , "]),
            select(vec![
                "24", "8", "08", "0", "31", "30", "29", "123", "primero", "９", "2",
            ]),
            select(vec![" de ", " de ", " de  ", "de ", " del ", " De "]),
            select(vec![
                "diciembre",
                "Diciembre",
                "DICIEMBRE",
                "DIciembre",
                "febrero",
                "setiembre",
                "junio",
                "diciembres",
                "dic",
                "November",
            ]),
            select(vec![" (", " (", "(", "  (", " ( "]),
            select(vec![
                "ACNC",
                "ATCC",
                "KCNA",
                "acnc",
                "Corresponsal de ACNC",
                "ACN",
                "ACNCX",
            ]),
            select(vec![")", ") --", ")--", ")x", "", " )"]),
            select(vec!["", " Kim", "\n", "(ACNC)"]),
        )
            .prop_map(|(a, b, c, d, e, f, g, h, i)| format!("{a}{b}{c}{d}{e}{f}{g}{h}{i}"))
    }

    /// Texts near English and Spanish datelines: place, separator, day, tag and what follows,
    /// each right or a little wrong.
    fn may_match_texts() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::sample::select;
        let places: Vec<String> = [
            "Pyongyang",
            "Dar es Salaam",
            "pyongyang",
            "Mt. Kumgang resort",
            "O'Neil",
            "Ürümqi",
            "Hwanghae-do",
            "",
            "x9",
            "Juche",
            "Kim Jong Il Library of Ecuador",
            "Rio de Janeiro",
            "the Pyongyang",
            "Pyongyang resort",
            "Juche Juche Juche Juche Juche Juche Juche Juche Juche Juche Juch",
            "Juche Juche Juche Juche Juche Juche Juche Juche Juche Juche Juche",
            "Juche Juche Juche Juche Juche Juche Juche Juche Juche Juche de Juc",
            "Juche Juche Juche Juche Juche Juche Juche Juche Juche Juche Ju Ü",
            "Juche Juche Juche Juche Juche Juche Juche Juche Juche Juche -Juche",
        ]
        .iter()
        .map(|s| (*s).to_owned())
        .chain([
            "A".repeat(MAX_PLACE_LEN),
            "A".repeat(MAX_PLACE_LEN.saturating_add(1)),
        ])
        .collect();
        (
            select(places),
            select(vec![
                ", ", ",", " ", "  ", " , ", "\t", "\n", ",  ", "\u{a0}", "", "/",
            ]),
            select(vec![
                "November 8",
                "Nov. 8",
                "November, 8",
                "MARCH 3",
                "24 de diciembre",
                "primero de enero",
                "8",
                "November",
                "November  8",
                "november 8",
                "nov. 8",
                "sept 8",
                "",
            ]),
            select(vec![
                " (KCNA)",
                "(KCNA)",
                " ( KCNA )",
                "  (ACNC)",
                " (KCNA",
                " (see)",
                "",
            ]),
            select(vec!["", " --", " -- x", "\n"]),
        )
            .prop_map(|(a, b, c, d, e)| format!("{a}{b}{c}{d}{e}"))
    }

    /// Numbers where a Korean or Japanese month or day goes: mostly right, some not.
    const CJK_NUMBERS: [&str; 15] = [
        "8", "08", "12", "7", "７", "０７", "1７", "３１", "31", "30", "29", "13", "0", "123", "",
    ];

    /// Japanese texts near the fast path's form: each piece mostly right, sometimes a little wrong.
    fn near_japanese_dateline() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::sample::select;
        let long = "平".repeat(MAX_CJK_CHARS);
        let longer = "平".repeat(MAX_CJK_CHARS.saturating_add(1));
        let words: Vec<String> = ["平壌", "平壌", "朝鮮中央通信", "カタカナ", "평양", ""]
            .iter()
            .map(|s| (*s).to_owned())
            .chain([long, longer])
            .collect();
        (
            select(vec!["【", "【", "【", "("]),
            select(words.clone()),
            select(CJK_NUMBERS.to_vec()),
            select(vec!["月", "月", "月", "월"]),
            select(CJK_NUMBERS.to_vec()),
            select(vec!["日発", "日発", "日発", "日", "일발"]),
            select(words),
            select(vec!["】", "】", "】－－－", "】---", "】--", ")", ""]),
            select(vec!["", "本文", "\n", "－", "---"]),
        )
            .prop_map(|(a, b, c, d, e, f, g, h, i)| format!("{a}{b}{c}{d}{e}{f}{g}{h}{i}"))
    }

    /// Korean texts near the fast path's form: each piece mostly right, sometimes a little wrong.
    fn near_korean_dateline() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::sample::select;
        let long = "평".repeat(MAX_CJK_CHARS);
        let longer = "평".repeat(MAX_CJK_CHARS.saturating_add(1));
        let words: Vec<String> = ["평양", "평양", "조선중앙통신", "平壌", ""]
            .iter()
            .map(|s| (*s).to_owned())
            .chain([long, longer])
            .collect();
        let blanks = vec![" ", " ", "\u{3000}", "  ", "", " \u{3000}"];
        (
            select(vec!["(", "（", "(", "【"]),
            select(words.clone()),
            select(blanks.clone()),
            select(CJK_NUMBERS.to_vec()),
            select(vec!["월", "월", "월 ", "월\u{3000}", "月"]),
            select(CJK_NUMBERS.to_vec()),
            select(vec!["일발", "일발 ", "일발", "일발\u{3000}", "일", ""]),
            select(blanks),
            select(words),
            select(vec![")", "）", ")", " )", "】", ""]),
            select(vec!["", "본문", "\n", ")"]),
        )
            .prop_map(|(a, b, c, d, e, f, g, h, i, j, k)| {
                format!("{a}{b}{c}{d}{e}{f}{g}{h}{i}{j}{k}")
            })
    }

    /// What [`month_word_bytes`] reads, by the rules: a word capitalised, in capitals or in
    /// lower case, whose capitalised form the month-name tables know, full or abbreviated.
    fn month_word_by_the_rules(word: &[u8]) -> Option<u32> {
        let upper = word.iter().all(u8::is_ascii_uppercase);
        let lower = word.iter().all(u8::is_ascii_lowercase);
        let capitalised = word.first().is_some_and(u8::is_ascii_uppercase)
            && word.iter().skip(1).all(u8::is_ascii_lowercase);
        if !(upper || lower || capitalised) {
            return None;
        }
        let mut text = String::from_utf8(word.to_ascii_lowercase()).ok()?;
        if let Some(first) = text.get_mut(..1) {
            first.make_ascii_uppercase();
        }
        crate::calendar::full_month(&text).or_else(|| crate::calendar::abbreviated_month(&text))
    }

    /// Month names and abbreviations with each letter in either case, cut short or run on.
    fn month_words() -> impl proptest::strategy::Strategy<Value = Vec<u8>> {
        use proptest::strategy::Strategy;
        let names = proptest::sample::select(vec![
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "sept",
            "october",
            "november",
            "december",
            "jan",
            "dec",
            "mayo",
            "marc",
            "1an",
        ]);
        (
            names,
            proptest::collection::vec(proptest::bool::ANY, 10),
            "[a-zA-Z.]{0,2}",
        )
            .prop_map(|(name, upper, tail)| {
                let mut word: Vec<u8> = name
                    .bytes()
                    .zip(upper.iter().chain(core::iter::repeat(&false)))
                    .map(|(b, &up)| if up { b.to_ascii_uppercase() } else { b })
                    .collect();
                word.extend(tail.bytes());
                word
            })
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(4_000))]

        /// `month_word_bytes` reads a month exactly where its case rules say.
        #[test]
        fn month_word_bytes_follows_the_case_rules(word in month_words()) {
            proptest::prop_assert_eq!(
                month_word_bytes(&word),
                month_word_by_the_rules(&word),
                "{:?}", String::from_utf8_lossy(&word)
            );
        }

        /// Where the fast path reads a dateline, the grammar reads the same one.
        #[test]
        fn fast_path_agrees_with_the_grammar(
            text in proptest::prop_oneof![near_dateline(), near_spanish_dateline()]
        ) {
            if let Some(parts) = fast(&text) {
                let grammar = prefix_any(&text).strict(&text);
                let expected = Dateline {
                    edition: parts.edition,
                    place: Text::new(parts.place),
                    month: parts.month,
                    day: parts.day,
                    agency: Text::new(parts.agency),
                };
                proptest::prop_assert_eq!(grammar, Ok(expected), "{:?}", text);
            }
        }

        /// Where the Korean and Japanese fast path reads a dateline, the grammar reads the same
        /// one, and as many bytes of it.
        #[test]
        fn fast_cjk_prefix_agrees_with_the_grammar(
            text in proptest::prop_oneof![near_japanese_dateline(), near_korean_dateline()]
        ) {
            if let Some((dateline, len)) = fast_cjk_prefix(&text) {
                let grammar = prefix_cjk(&text).into_result();
                proptest::prop_assert_eq!(grammar, Ok((dateline, len)), "{:?}", text);
            }
        }

        /// Where `may_match` says no, the grammar finds no dateline.
        #[test]
        fn may_match_says_no_only_where_the_grammar_does(text in may_match_texts()) {
            if !may_match(text.as_bytes()) {
                proptest::prop_assert!(
                    matches!(prefix(&text), Prefix::NoMatch(_)),
                    "{:?}", text
                );
            }
        }

        /// Where the prefix fast path reads a dateline, the grammar reads the same one, and as
        /// many bytes of it.
        #[test]
        fn fast_prefix_agrees_with_the_grammar(
            text in proptest::prop_oneof![near_dateline(), near_spanish_dateline()]
        ) {
            if let Some((dateline, len)) = fast_prefix(&text) {
                let grammar = prefix(&text).into_result();
                proptest::prop_assert_eq!(grammar, Ok((dateline, len)), "{:?}", text);
            }
        }
    }

    #[test]
    fn ok_month_words_in_every_case_the_archives_use() {
        for (month, name) in crate::calendar::MONTH_NAMES.iter().enumerate() {
            let month = u32::try_from(month).unwrap() + 1;
            let abbreviation = name.get(..3).unwrap();
            for word in [name.to_string(), name.to_uppercase(), name.to_lowercase()] {
                assert_eq!(month_word(&word), Some(month), "{word}");
            }
            let abbreviated = month_word(abbreviation);
            assert_eq!(abbreviated, Some(month), "{abbreviation}");
            assert_eq!(month_word(&abbreviation.to_uppercase()), Some(month));
        }
        assert_eq!(month_word("Sept"), Some(9));
        assert_eq!(month_word("SEPT"), Some(9));
        for word in [
            "MArch",
            "Septe",
            "Mayy",
            "Ma",
            "Decembers",
            "Juni",
            "M4y",
            "",
            "Junee",
        ] {
            assert_eq!(month_word(word), None, "{word}");
        }
    }
}
