//! Resolving the dates of a story's body as the writer meant them: the kind of each, its
//! precision, the tense its sentence gives, and the rules that turn a day without its year into a
//! date.
//!
//! The rules, in order:
//!
//! 1. **Tense.** A date is in the past of the story (on or before its date) unless its sentence
//!    speaks of the future: English `will`, `shall`, `is to`, `are to`, `to be held`, `scheduled`,
//!    `slated`, `next`, `upcoming`, `approaching`, `forthcoming`, `coming`; Spanish `próximo`,
//!    `venidero`, a verb in the future (`celebrará`, `se realizarán`), `quedan`; Korean `것이다`,
//!    `예정`, `앞으로`; Japanese `予定`. A future date is the first such date on or after the
//!    story's date. A month and day at most [`SOON_DAYS`] days after the story's date is the coming
//!    one whatever the tense (a story writes of a day a few days ahead far more often than of the
//!    same day almost a year back). `this year's` puts the date in the story's year, either way.
//! 2. **Ranges.** The end of a range (`March 4 to 6`, `17일부터 20일까지`, `19일과 20일`, `del día
//!    22 al 24`) is on or after its start: `from December 28 to January 3` crosses the year.
//! 3. **Relative days.** `today` is the story's date (KCNA's `today` is its dateline's day),
//!    `yesterday` the day before; `that day`, `ese día`, `이날` are the last day the text named
//!    before them, or the story's date when it named none.
//!
//! The sentence of a date is read at most [`WINDOW`] bytes each way, so the cost stays linear.

use core::ops::Range;

use chrono::{Datelike, Days, Months, NaiveDate, Weekday};

use crate::DateRule;
use crate::grammar::body::{resolve_day, resolve_day_forward};
use crate::grammar::relative::resolve_weekday;

/// What kind of date a body date is (the kinds of the corpus's labelling guide).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum BodyKind {
    /// A date with its year: `July 27, 1953`, `(1953.7.27)`, `2015년 10월 30일`.
    FullDate,
    /// A month and day without a year: `November 24`, `el 15 de junio`, `7월 30일`.
    MonthDay,
    /// The day of the month alone: `el día 16`, `18일`.
    Day,
    /// A weekday: `on Monday`, `Thursday`.
    Weekday,
    /// A day relative to the story's date or to one named before: `today`, `ayer`, `이날`.
    RelativeDay,
    /// A month, with or without its year: `in October 2014`, `June`.
    Month,
    /// A named day of the DPRK calendar, or a date that names an event: `the Day of the Sun`,
    /// `the June 15 joint declaration`.
    NamedDay,
    /// A day of the Korean lunar calendar: `음력 8월 15일`.
    Lunar,
}

impl BodyKind {
    /// A short stable name: `full_date`, `month_day`, `day`, `weekday`, `relative_day`, `month`,
    /// `named_day`, `lunar` (the `kind` of the labelling guide).
    ///
    /// ```
    /// assert_eq!(kcna_dates::BodyKind::RelativeDay.as_str(), "relative_day");
    /// ```
    pub fn as_str(&self) -> &'static str {
        match self {
            BodyKind::FullDate => "full_date",
            BodyKind::MonthDay => "month_day",
            BodyKind::Day => "day",
            BodyKind::Weekday => "weekday",
            BodyKind::RelativeDay => "relative_day",
            BodyKind::Month => "month",
            BodyKind::NamedDay => "named_day",
            BodyKind::Lunar => "lunar",
        }
    }

    /// Whether a date of this kind names a month, not a day.
    pub fn precision(&self) -> Precision {
        match self {
            BodyKind::Month => Precision::Month,
            _ => Precision::Day,
        }
    }
}

/// How precise a body date is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Precision {
    /// One calendar day.
    Day,
    /// One calendar month.
    Month,
}

impl Precision {
    /// `day` or `month`.
    pub fn as_str(&self) -> &'static str {
        match self {
            Precision::Day => "day",
            Precision::Month => "month",
        }
    }
}

/// The tense a body date was read with (see the module's rules).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Tense {
    /// On or before the story's date: the default.
    Past,
    /// After the story's date: the sentence speaks of the future.
    Future,
    /// The text gives the year: no tense was needed.
    None,
}

impl Tense {
    /// `past`, `future` or `none`.
    pub fn as_str(&self) -> &'static str {
        match self {
            Tense::Past => "past",
            Tense::Future => "future",
            Tense::None => "none",
        }
    }
}

/// A month and day at most this many days after the story's date is the coming one (rule 1).
pub(crate) const SOON_DAYS: i64 = 15;

/// How far each way the sentence of a date is read, in bytes.
pub(crate) const WINDOW: usize = 240;

/// English, Spanish, Korean and Japanese words that put a sentence in the future (ASCII words
/// are matched without regard to case, with the spaces shown).
const FUTURE_CUES: [&str; 31] = [
    "planned",
    " a celebrarse",
    " a realizarse",
    " a efectuarse",
    " a ejecutarse",
    " shall ",
    " is to ",
    " are to ",
    "to be held",
    "scheduled",
    "slated",
    " next ",
    "upcoming",
    "approaching",
    "forthcoming",
    " coming ",
    "próxim",
    "proxim",
    "venider",
    "rá ",
    "rán ",
    "rá,",
    "rán,",
    "quedan ",
    "것이다",
    "예정",
    "앞으로",
    "게 된다",
    "予定",
    "だろう",
    " would be held",
];

/// The words that put a date in the story's year.
const THIS_YEAR_CUES: [&str; 3] = ["this year", "este año", "올해"];

/// The sentence around `span`: back to the last `.`, `!`, `?` or line break before it and on to
/// the first after it, at most [`WINDOW`] bytes each way (on `char` boundaries).
fn sentence<'a>(text: &'a str, span: &Range<usize>) -> (&'a str, &'a str) {
    let bytes = text.as_bytes();
    let ends = |b: &u8| matches!(b, b'.' | b'!' | b'?' | b'\n');
    let from = span.start.saturating_sub(WINDOW);
    let before = bytes.get(from..span.start).unwrap_or(&[]);
    let start = before
        .iter()
        .rposition(ends)
        .map_or(from, |i| from.saturating_add(i).saturating_add(1));
    let to = span.end.saturating_add(WINDOW).min(bytes.len());
    let after = bytes.get(span.end..to).unwrap_or(&[]);
    let end = after
        .iter()
        .position(ends)
        .map_or(to, |i| span.end.saturating_add(i));
    (
        char_slice(text, start, span.start),
        char_slice(text, span.end, end),
    )
}

/// `text[start..end]` widened to `char` boundaries (empty when out of range).
fn char_slice(text: &str, mut start: usize, mut end: usize) -> &str {
    while start > 0 && !text.is_char_boundary(start) {
        start = start.saturating_sub(1);
    }
    while end < text.len() && !text.is_char_boundary(end) {
        end = end.saturating_add(1);
    }
    text.get(start..end).unwrap_or("")
}

/// Whether `hay` holds `needle`, ASCII letters compared without regard to case.
fn contains_folded(hay: &str, needle: &str) -> bool {
    let (hay, needle) = (hay.as_bytes(), needle.as_bytes());
    needle.is_empty()
        || hay
            .windows(needle.len())
            .any(|w| w.eq_ignore_ascii_case(needle))
}

/// Whether `text` has `will` as a verb (`will submit`), not as a noun (`their will to avert`,
/// `the will of the people`).
fn will_as_verb(text: &str) -> bool {
    const NOUN_BEFORE: [&str; 8] = ["the", "their", "its", "his", "her", "our", "firm", "strong"];
    let bytes = text.as_bytes();
    let mut from = 0;
    while let Some(at) = text.get(from..).and_then(|t| t.find(" will ")) {
        let at = from.saturating_add(at);
        let head = text.get(..at).unwrap_or("");
        let word_before = head.rsplit(' ').next().unwrap_or("");
        let after = text.get(at.saturating_add(6)..).unwrap_or("");
        let noun = NOUN_BEFORE
            .iter()
            .any(|w| word_before.eq_ignore_ascii_case(w))
            || word_before.ends_with("'s")
            || after.starts_with("to ")
            || after.starts_with("of ");
        if !noun {
            return true;
        }
        from = at.saturating_add(6).min(bytes.len());
    }
    false
}

/// The tense of the sentence around `span`, and whether it puts the date in the story's year.
pub(crate) fn tense_at(text: &str, span: &Range<usize>) -> (Tense, bool) {
    let (before, after) = sentence(text, span);
    let cue = |cues: &[&str]| {
        cues.iter()
            .any(|c| contains_folded(before, c) || contains_folded(after, c))
    };
    let tense = if cue(&FUTURE_CUES) || will_as_verb(before) || will_as_verb(after) {
        Tense::Future
    } else {
        Tense::Past
    };
    // `this year's June 25`: just before the date.
    let near = char_slice(text, span.start.saturating_sub(16), span.start);
    (
        tense,
        THIS_YEAR_CUES.iter().any(|c| contains_folded(near, c)),
    )
}

/// What a body date without a year names, before it is resolved.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Unresolved {
    /// `on Monday`, `Thursday`
    Weekday(Weekday),
    /// `on May 7`, `November 24`, `el 15 de junio`, `7월 9일`
    MonthDay {
        month: u32,
        day: u32,
        weekday: Option<Weekday>,
    },
    /// `el día 16`, `18일`
    Day(u32),
    /// `June`: a month of a year to find.
    Month(u32),
    /// `today`, `yesterday`: days after the story's date.
    Offset(i8),
    /// `that day`: the last day named before it.
    Anaphoric,
    /// `the Day of the Sun`: the row's rule in the year meant.
    Named(crate::NamedDayRef),
    /// `음력 8월 15일`: a lunar month and day.
    Lunar { month: u32, day: u32 },
}

/// The day `what` names in a story of date `anchor`, read with `tense`; `start`, the resolved start
/// of the range it ends, if it ends one; `last`, the last day the text named before it. For a
/// month, the first day of the month.
pub(crate) fn resolve(
    what: Unresolved,
    anchor: NaiveDate,
    tense: Tense,
    this_year: bool,
    start: Option<NaiveDate>,
    last: Option<NaiveDate>,
) -> Option<NaiveDate> {
    if let Unresolved::Offset(days) = what {
        let days_abs = Days::new(u64::from(days.unsigned_abs()));
        return if days < 0 {
            anchor.checked_sub_days(days_abs)
        } else {
            anchor.checked_add_days(days_abs)
        };
    }
    // A range's end is on or after its start: resolved forward from it.
    let (anchor, tense) = match start {
        Some(start) => (start, Tense::Future),
        None => (anchor, tense),
    };
    let future = tense == Tense::Future;
    match what {
        Unresolved::Weekday(day) if future => {
            let next = anchor.checked_add_days(Days::new(1))?;
            resolve_weekday(day, next.checked_add_days(Days::new(6))?)
        }
        Unresolved::Weekday(day) => resolve_weekday(day, anchor),
        Unresolved::MonthDay { month, day, .. } => soon_or(month, day, anchor, future, this_year),
        Unresolved::Day(day) if future => resolve_day_forward(day, anchor),
        Unresolved::Day(day) => resolve_day(day, anchor),
        Unresolved::Month(month) => month_of(month, anchor, future, this_year),
        Unresolved::Offset(_) => None,
        Unresolved::Anaphoric => last.or(Some(anchor)),
        Unresolved::Named(named) => {
            let row = named.in_year(anchor.year()).unwrap_or(named.day());
            match row.rule() {
                DateRule::Event { year, month, day } => NaiveDate::from_ymd_opt(year, month, day),
                // A holiday a story speaks of shortly before it is this year's, to come (`a May
                // Day meeting` on April 29); else as any day without a year.
                DateRule::Gregorian { month, day } => {
                    soon_or(month, day, anchor, future, this_year)
                }
                DateRule::Lunar { month, day } => lunar(month, day, anchor, future),
            }
        }
        Unresolved::Lunar { month, day } => lunar(month, day, anchor, future),
    }
}

/// The Gregorian day of lunar `month`/`day` (not a leap month) latest on or before `anchor`, or
/// first on or after it when `future`.
fn lunar(month: u32, day: u32, anchor: NaiveDate, future: bool) -> Option<NaiveDate> {
    let year = anchor.year();
    let days = [year.checked_sub(1)?, year, year.checked_add(1)?]
        .into_iter()
        .filter_map(|y| crate::LunarDate::new(y, month, false, day).ok())
        .map(|d| d.to_gregorian());
    if future {
        days.filter(|d| *d >= anchor).min()
    } else {
        days.filter(|d| *d <= anchor).max()
    }
}

/// `month`/`day` at most [`SOON_DAYS`] after `anchor` (a story speaks of a day a few days ahead,
/// `a May Day meeting` on April 29, far more often than of the same day almost a year back), else
/// as [`month_day`] reads it.
fn soon_or(
    month: u32,
    day: u32,
    anchor: NaiveDate,
    future: bool,
    this_year: bool,
) -> Option<NaiveDate> {
    month_day(month, day, anchor, true, this_year)
        .filter(|d| d.signed_duration_since(anchor).num_days() <= SOON_DAYS)
        .or_else(|| month_day(month, day, anchor, future, this_year))
}

/// `month`/`day` in the story's year when `this_year`, else the latest on or before `anchor`, or
/// the first on or after it when `future`.
fn month_day(
    month: u32,
    day: u32,
    anchor: NaiveDate,
    future: bool,
    this_year: bool,
) -> Option<NaiveDate> {
    let year = anchor.year();
    if this_year {
        return NaiveDate::from_ymd_opt(year, month, day);
    }
    let candidates = if future {
        [year, year.checked_add(1)?]
    } else {
        [year, year.checked_sub(1)?]
    };
    // Within a year of the story: a February 29 with none in the year before (or after) it does
    // not resolve (the caller reports it), it is not a day years away.
    candidates
        .into_iter()
        .filter_map(|y| NaiveDate::from_ymd_opt(y, month, day))
        .find(|d| if future { *d >= anchor } else { *d <= anchor })
        .filter(|d| d.signed_duration_since(anchor).num_days().abs() <= 366)
}

/// The first day of `month` in the story's year when `this_year`, else of the latest such month
/// on or before the story's month, or the first on or after it when `future`.
fn month_of(month: u32, anchor: NaiveDate, future: bool, this_year: bool) -> Option<NaiveDate> {
    let this = NaiveDate::from_ymd_opt(anchor.year(), month, 1)?;
    let anchor_month = anchor.with_day(1)?;
    if this_year || (future && this >= anchor_month) || (!future && this <= anchor_month) {
        Some(this)
    } else if future {
        this.checked_add_months(Months::new(12))
    } else {
        this.checked_sub_months(Months::new(12))
    }
}

/// Whether the text between two body dates joins them as the start and the end of a range, or as
/// a pair: `-`, `–`, ` to `, ` through `, ` and `, ` al `, ` y `, ` a `, `부터 `, `과 `, `와 `,
/// `~`.
pub(crate) fn joins_range(between: &str) -> bool {
    const JOINERS: [&str; 14] = [
        "-",
        "–",
        " to ",
        " through ",
        " and ",
        " al ",
        " y ",
        " a ",
        "부터 ",
        "부터",
        "과 ",
        "와 ",
        "~",
        "から",
    ];
    between.len() <= 12 && JOINERS.contains(&between)
}

#[cfg(test)]
#[allow(
    clippy::unwrap_used,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects
)]
mod tests {
    use super::*;

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn future_cues_move_a_day_forward() {
        let text = "He said the DPRK will submit the report on November 18.";
        let at = text.find("November").unwrap();
        let (tense, this_year) = tense_at(text, &(at..at + 11));
        assert_eq!((tense, this_year), (Tense::Future, false));
        let what = Unresolved::MonthDay {
            month: 11,
            day: 18,
            weekday: None,
        };
        assert_eq!(
            resolve(what, ymd(2012, 11, 17), tense, false, None, None),
            Some(ymd(2012, 11, 18))
        );
        // Read as past, a day soon after the story is still the coming one; one further ahead
        // is last year's.
        assert_eq!(
            resolve(what, ymd(2012, 11, 17), Tense::Past, false, None, None),
            Some(ymd(2012, 11, 18))
        );
        let later = Unresolved::MonthDay {
            month: 12,
            day: 20,
            weekday: None,
        };
        let story = ymd(2012, 11, 17);
        assert_eq!(
            resolve(later, story, Tense::Past, false, None, None),
            Some(ymd(2011, 12, 20))
        );
        assert_eq!(
            resolve(later, story, Tense::Future, false, None, None),
            Some(ymd(2012, 12, 20))
        );
    }

    #[test]
    fn will_as_a_noun_is_no_future() {
        assert!(will_as_verb("the DPRK will submit"));
        assert!(!will_as_verb("to declare their will to avert a war"));
        assert!(!will_as_verb("reflecting the will of the people"));
        assert!(!will_as_verb("the people's will is"));
    }

    #[test]
    fn past_is_the_default_and_this_year_pins_the_year() {
        let text = "A meeting was held on November 18. Then this year's June 25 comes.";
        let at = text.find("November").unwrap();
        assert_eq!(tense_at(text, &(at..at + 11)).0, Tense::Past);
        let at = text.find("June").unwrap();
        assert!(tense_at(text, &(at..at + 7)).1);
        let what = Unresolved::MonthDay {
            month: 6,
            day: 25,
            weekday: None,
        };
        assert_eq!(
            resolve(what, ymd(2016, 7, 26), Tense::Past, true, None, None),
            Some(ymd(2016, 6, 25))
        );
    }

    #[test]
    fn range_ends_cross_the_year() {
        let start = ymd(2012, 12, 28);
        let what = Unresolved::MonthDay {
            month: 1,
            day: 3,
            weekday: None,
        };
        assert_eq!(
            resolve(
                what,
                ymd(2012, 12, 30),
                Tense::Past,
                false,
                Some(start),
                None
            ),
            Some(ymd(2013, 1, 3))
        );
        assert_eq!(
            resolve(
                Unresolved::Day(20),
                ymd(2026, 8, 19),
                Tense::Past,
                false,
                Some(ymd(2026, 8, 17)),
                None
            ),
            Some(ymd(2026, 8, 20))
        );
        assert!(joins_range(" to "));
        assert!(joins_range("부터 "));
        assert!(!joins_range(" and then on "));
    }

    #[test]
    fn lunar_days_fall_on_their_gregorian_day() {
        // Chusok 2024 fell on September 17; in a story of September 20 it is past.
        let what = Unresolved::Lunar { month: 8, day: 15 };
        assert_eq!(
            resolve(what, ymd(2024, 9, 20), Tense::Past, false, None, None),
            Some(ymd(2024, 9, 17))
        );
        assert_eq!(
            resolve(what, ymd(2024, 9, 1), Tense::Future, false, None, None),
            Some(ymd(2024, 9, 17))
        );
        assert_eq!(
            resolve(what, ymd(2024, 9, 1), Tense::Past, false, None, None),
            Some(ymd(2023, 9, 29))
        );
    }

    proptest::proptest! {
        /// Past is on or before the story (within a year), future on or after it (within a year,
        /// or 15 days for a day "soon"), a range's end on or after its start, and each keeps its
        /// month and day.
        #[test]
        fn resolution_keeps_its_direction(
            days in 0i64..60_000,
            month in 1u32..=12,
            day in 1u32..=31,
            future: bool,
            start_back in 0u64..400,
        ) {
            let anchor = ymd(1900, 1, 1) + chrono::Duration::days(days);
            let tense = if future { Tense::Future } else { Tense::Past };
            let what = Unresolved::MonthDay { month, day, weekday: None };
            if let Some(date) = resolve(what, anchor, tense, false, None, None) {
                proptest::prop_assert_eq!((date.month(), date.day()), (month, day));
                let gap = date.signed_duration_since(anchor).num_days();
                if future {
                    proptest::prop_assert!((0..=366).contains(&gap), "{anchor} {date}");
                } else {
                    proptest::prop_assert!((-366..=SOON_DAYS).contains(&gap), "{anchor} {date}");
                }
            }
            if let Some(date) = resolve(Unresolved::Day(day), anchor, tense, false, None, None) {
                proptest::prop_assert_eq!(date.day(), day);
                let gap = date.signed_duration_since(anchor).num_days();
                let range = if future { 0..=366 } else { -366..=0 };
                proptest::prop_assert!(range.contains(&gap), "{anchor} {date}");
            }
            // The end of a range that starts `start_back` days before the story.
            let start = anchor - chrono::Duration::days(i64::try_from(start_back).unwrap());
            for end in [what, Unresolved::Day(day)] {
                if let Some(date) = resolve(end, anchor, Tense::Past, false, Some(start), None) {
                    proptest::prop_assert!(date >= start, "{start} {date}");
                }
            }
        }

        /// A future cue anywhere in the sentence makes it future; none leaves it past.
        #[test]
        fn a_cue_makes_the_sentence_future(
            words in proptest::collection::vec("(the|delegation|arrived|met|here|report|talks)", 0..8),
            cue in proptest::option::of("(will submit|is to open|is scheduled|next)"),
        ) {
            let mut sentence = words.join(" ");
            if let Some(cue) = &cue {
                sentence = format!("{sentence} and it {cue}");
            }
            let text = format!("{sentence} on November 18.");
            let at = text.find("November").unwrap();
            let (tense, _) = tense_at(&text, &(at..at + 11));
            proptest::prop_assert_eq!(tense == Tense::Future, cue.is_some(), "{}", text);
        }
    }

    #[test]
    fn relative_and_anaphoric_days() {
        let story = ymd(2001, 3, 3);
        assert_eq!(
            resolve(
                Unresolved::Anaphoric,
                story,
                Tense::Past,
                false,
                None,
                Some(ymd(2001, 3, 2))
            ),
            Some(ymd(2001, 3, 2))
        );
        assert_eq!(
            resolve(Unresolved::Anaphoric, story, Tense::Past, false, None, None),
            Some(story)
        );
        assert_eq!(
            resolve(
                Unresolved::Month(2),
                story,
                Tense::Future,
                false,
                None,
                None
            ),
            Some(ymd(2002, 2, 1))
        );
        assert_eq!(
            resolve(Unresolved::Month(2), story, Tense::Past, false, None, None),
            Some(ymd(2001, 2, 1))
        );
        assert_eq!(
            resolve(
                Unresolved::Weekday(Weekday::Sat),
                story,
                Tense::Future,
                false,
                None,
                None
            ),
            Some(ymd(2001, 3, 10))
        );
    }
}
