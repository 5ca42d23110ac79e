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
//!
//! One job per file: this module holds the types ([`Dateline`], [`Edition`], [`Agency`]) and the
//! year's resolution; [`tags`] the agency tags, [`place`] the places, [`words`] the English month
//! words in any case, [`latin`] the English and Spanish grammar, [`cjk`] the Korean and Japanese
//! grammars, [`filter`] the pre-filter [`may_match`] and [`fast`](mod@fast) the fast paths.

mod cjk;
mod fast;
mod filter;
mod latin;
mod place;
mod tags;
#[cfg(test)]
mod testing;
mod words;

use alloc_free::Text;
use core::fmt;
use core::str::FromStr;

use chrono::{Datelike, Days, NaiveDate};
use nom::Offset;

use crate::calendar::max_day;
use crate::calendar::month_name as english_month;
use crate::error::{Error, ErrorKind, Expected, Field};
use crate::grammar::runtime::{PResult, Prefix};
use crate::grammar::spanish::spanish_month_name;

pub(crate) use cjk::prefix_cjk;
pub(crate) use fast::{fast, fast_prefix_any};
pub(crate) use filter::may_match;
pub(crate) use latin::prefix;
pub(crate) use place::glued_place_start;
pub(crate) use words::month_word_bytes;

use cjk::{hangul_word, ideographs, japanese_agency, korean_agency, opens_cjk};
use fast::fast_cjk_prefix;
use tags::classify_tag;

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
            Edition::English | Edition::Spanish => (place::place, tags::agency),
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

/// Reads a dateline of any edition at the start of `input`.
pub(crate) fn prefix_any(input: &str) -> Prefix<Dateline> {
    if opens_cjk(input.as_bytes()) {
        prefix_cjk(input)
    } else {
        prefix(input)
    }
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

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::panic)]

    use super::*;
    use crate::grammar::dateline::testing::{english, strict_err};

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
}
