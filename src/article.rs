//! Dating a whole article: every date signal in it, the publication date they fix, the dates in
//! its body, and every disagreement.
//!
//! [`date_article`] runs [`scan`](crate::scan()) once and classifies what it finds, in text order,
//! by where each notation stands (the line context is computed once, left to right); it has no
//! grammar of its own:
//!
//! * **Signals** of the publication date: page stamps (`www.kcna.kp (Juche111.11.8.)`, list labels
//!   `[Juche113.8.4.]`, a stamp alone on its line), day-first stamps (`Date: 08/11/2022`), header
//!   or listing dates (`May 08, 2025May 08, 2025`, `Mar. 10, Juche 111 (2022) Thursday`),
//!   datelines (`Pyongyang, November 8 (KCNA) --`) and signature dates (a date alone on its line
//!   below the body). See [`date_article`] for the ranking.
//! * **Conflicts**: the signals that give another date than the publication date, grouped by date,
//!   with the difference in days. A disagreement is always reported, never settled silently, and
//!   the output grows with the number of signals, not of pairs.
//! * **Body dates**: full dates inside sentences (`the victory (1953.7.27)`), and the notations
//!   without a year ([`Notation::WeekdayRef`], [`Notation::MonthDayRef`], [`Notation::MonthRef`],
//!   [`Notation::SpanishDayRef`], [`Notation::SpanishDayPair`], [`Notation::KoreanMonthDay`]),
//!   resolved news-style against the dateline's date (or, without a dateline, the publication date
//!   or the reference), always into the past: `on Monday` is the latest Monday on or before it
//!   (0-6 days back), `on May 7` the latest such day on or before it (within a year), `on Monday,
//!   November 7` is checked against its weekday, and `in October 2014` is a month, not an
//!   invented day.

use core::ops::Range;
use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};

use crate::error::{Error, ErrorKind};
use crate::grammar::dateline::DEFAULT_GRACE_DAYS;
use crate::grammar::relative;
use crate::notation::{self, Notation, NotationKind, Role};
use crate::resolve::{self, BodyKind, Precision, Tense, Unresolved};
use crate::scan::{Found, scan};

/// What [`date_article`] may use besides the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct ArticleOptions {
    /// A date the article was published on or shortly before: a crawl date, an index page's date.
    /// Datelines are resolved against it when the text has no stamp.
    pub reference: Option<NaiveDate>,
    /// How many days the reference may run behind a dateline (see [`Dateline::resolve`]).
    ///
    /// [`Dateline::resolve`]: crate::Dateline::resolve
    pub grace_days: u32,
    /// A dateline resolved more than this many days before the date it was resolved against is
    /// [doubtful](Signal::doubtful): a record filed under the wrong day, or a year slipped back.
    pub doubtful_after_days: u32,
}

/// The default of [`ArticleOptions::doubtful_after_days`]: a month.
pub const DEFAULT_DOUBTFUL_AFTER_DAYS: u32 = 31;

impl Default for ArticleOptions {
    fn default() -> ArticleOptions {
        ArticleOptions {
            reference: None,
            grace_days: DEFAULT_GRACE_DAYS,
            doubtful_after_days: DEFAULT_DOUBTFUL_AFTER_DAYS,
        }
    }
}

impl ArticleOptions {
    /// No reference date, the default grace.
    pub fn new() -> ArticleOptions {
        ArticleOptions::default()
    }

    /// These options with `reference` as the reference date.
    pub fn with_reference(mut self, reference: NaiveDate) -> ArticleOptions {
        self.reference = Some(reference);
        self
    }

    /// These options with a grace of `days`.
    pub fn with_grace_days(mut self, days: u32) -> ArticleOptions {
        self.grace_days = days;
        self
    }

    /// These options with datelines resolved more than `days` before their reference flagged as
    /// doubtful.
    pub fn with_doubtful_after_days(mut self, days: u32) -> ArticleOptions {
        self.doubtful_after_days = days;
        self
    }
}

/// The part a signal plays on the page.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum SignalRole {
    /// A Juche or Gregorian dotted stamp: `(Juche111.11.8.)`, `[2024.02.11.]`.
    PageStamp,
    /// A day-first stamp: `Date: 08/11/2022`.
    DayFirstStamp,
    /// A month-name date heading the article or a listing: `May 08, 2025`.
    Header,
    /// A dateline, its year resolved from a stamp or the reference date.
    Dateline,
    /// A date heading a line below the dateline or below the body: the date of a closing
    /// signature block (`Pyongyang\nJuly 19, 2000`). It dates a statement, not always the story.
    Signature,
}

impl SignalRole {
    /// A short stable name: `page_stamp`, `day_first_stamp`, `header`, `dateline`, `signature`.
    pub fn as_str(&self) -> &'static str {
        match self {
            SignalRole::PageStamp => "page_stamp",
            SignalRole::DayFirstStamp => "day_first_stamp",
            SignalRole::Header => "header",
            SignalRole::Dateline => "dateline",
            SignalRole::Signature => "signature",
        }
    }

    /// The rank of the role in choosing the publication date: lower wins.
    fn rank(self) -> u8 {
        match self {
            SignalRole::PageStamp => 0,
            SignalRole::DayFirstStamp => 1,
            SignalRole::Header => 2,
            SignalRole::Dateline => 3,
            SignalRole::Signature => 4,
        }
    }
}

/// One piece of evidence for the publication date.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Signal {
    /// Byte range in the text.
    pub span: Range<usize>,
    /// The text of the span.
    pub text: String,
    /// The notation.
    pub kind: NotationKind,
    /// The part it plays.
    pub role: SignalRole,
    /// Its date; `None` for a dateline that could not be resolved (see `error`).
    pub date: Option<NaiveDate>,
    /// Why a dateline has no date: no reference, or [`ErrorKind::Unresolvable`].
    pub error: Option<Error>,
    /// A dateline resolved more than [`ArticleOptions::doubtful_after_days`] before the date it
    /// was resolved against: most likely a misfiled record, not a story a year old.
    pub doubtful: bool,
}

/// Signals that agree with each other on a date other than the publication date.
///
/// Signals are grouped by date, so a page with many signals gives one conflict per other date, not
/// one per pair of signals.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Conflict {
    /// The date these signals give.
    pub date: NaiveDate,
    /// That date minus the publication date, in days.
    pub days: i64,
    /// The indices of the signals in [`ArticleDate::signals`], in text order.
    pub signals: Vec<usize>,
}

/// How a date in the body was read.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum BodyResolution {
    /// The text gives the full date (`on November 7, 2022`).
    Explicit,
    /// `on Monday`: the latest such weekday on or before the anchor date.
    Weekday,
    /// `on May 7`: the latest such day on or before the anchor date.
    MonthDay,
    /// `on Monday, November 7`: as `MonthDay`, checked against the weekday.
    WeekdayMonthDay,
    /// `in October 2014`, `June`: a month, not a day.
    Month,
    /// `el día 16`, `18일`: the latest such day of a month on or before the anchor date.
    Day,
    /// `today`, `yesterday`, `ayer`, `오늘`: days after the anchor date.
    Relative,
    /// `that day`, `ese día`, `이날`: the last day named before it.
    Anaphoric,
    /// `the Day of the Sun`, `the June 15 joint declaration`: by the named day's rule.
    Named,
    /// `음력 8월 15일`: the Gregorian day of a lunar month and day.
    Lunar,
}

impl BodyResolution {
    /// A short stable name: `explicit`, `weekday`, `month_day`, `weekday_month_day`, `month`,
    /// `day`, `relative`, `anaphoric`, `named`, `lunar`.
    pub fn as_str(&self) -> &'static str {
        match self {
            BodyResolution::Explicit => "explicit",
            BodyResolution::Weekday => "weekday",
            BodyResolution::MonthDay => "month_day",
            BodyResolution::WeekdayMonthDay => "weekday_month_day",
            BodyResolution::Month => "month",
            BodyResolution::Day => "day",
            BodyResolution::Relative => "relative",
            BodyResolution::Anaphoric => "anaphoric",
            BodyResolution::Named => "named",
            BodyResolution::Lunar => "lunar",
        }
    }
}

/// A date mentioned in the body of an article.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct BodyDate {
    /// Byte range in the text of the date (without the `on` or `in` before it).
    pub span: Range<usize>,
    /// The text of the span.
    pub text: String,
    /// How it was read.
    pub resolution: BodyResolution,
    /// What kind of date it is: `full_date`, `month_day`, `day`, `weekday`, `relative_day`,
    /// `month`.
    pub kind: BodyKind,
    /// Whether it names a day or a month.
    pub precision: Precision,
    /// The tense it was read with ([`Tense::None`] where the text gives the year).
    pub tense: Tense,
    /// For one end of a range or pair (`March 4 to 6`, `17일부터 20일까지`), the index in
    /// [`ArticleDate::body_dates`] of the other end.
    pub range_with: Option<usize>,
    /// A yearly date given as a definition (`April 15, the Day of the Sun`): the month and day
    /// of `date` are meant, its year (the story's occurrence) is not.
    pub recurring: bool,
    /// The day; `None` for a month, or when there is no anchor date or it does not resolve.
    pub date: Option<NaiveDate>,
    /// The year and month of a month reference (with its year, or resolved).
    pub month: Option<(i32, u32)>,
    /// What is wrong with it: a weekday that does not match, no anchor date, no such day.
    pub error: Option<Error>,
}

/// Everything [`date_article`] found out about an article's date.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct ArticleDate {
    /// The publication date, where the text or the options fix it.
    pub publication_date: Option<NaiveDate>,
    /// The index in `signals` of the signal that gave the publication date.
    pub source: Option<usize>,
    /// Whether the signal that gave the publication date is a [doubtful](Signal::doubtful)
    /// dateline.
    pub doubtful: bool,
    /// Every signal, in text order.
    pub signals: Vec<Signal>,
    /// The signals that give the publication date, in text order.
    pub agreeing: Vec<usize>,
    /// The signals that give another date, one group per date, in date order.
    pub conflicts: Vec<Conflict>,
    /// Dates in the body, in text order.
    pub body_dates: Vec<BodyDate>,
    /// Text with a notation's shape that is not a valid date (`31/02/2022`), with the reason.
    pub invalid: Vec<Found>,
}

/// Dates an article from its text and the options.
///
/// ```
/// use chrono::NaiveDate;
/// use kcna_dates::{ArticleOptions, BodyResolution, date_article};
///
/// let text = "[Juche113.2.12.]\nPyongyang, February 10 (KCNA) -- A delegation left here on Friday.";
/// let dated = date_article(text, &ArticleOptions::new());
/// let ymd = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
/// assert_eq!(dated.publication_date, Some(ymd(2024, 2, 12)));
/// // The dateline disagrees with the list label by two days, and it is said.
/// assert_eq!(dated.conflicts.len(), 1);
/// assert_eq!(dated.conflicts[0].days, -2);
/// assert_eq!(dated.conflicts[0].signals, [1]);
/// // `on Friday` is read back from the dateline's date (a Saturday).
/// assert_eq!(dated.body_dates[0].resolution, BodyResolution::Weekday);
/// assert_eq!(dated.body_dates[0].date, Some(ymd(2024, 2, 9)));
/// ```
///
/// # How each date is classified
///
/// | where the date stands | role | rank for the publication date |
/// |---|---|---|
/// | a Juche or dotted stamp in a list label `[...]`, after `kcna.kp (`, after a `Label:` or alone at the start of its line | [`SignalRole::PageStamp`] | 1 |
/// | a day-first date after a `Label:` or at the start of its line (`Date: 08/11/2022`) | [`SignalRole::DayFirstStamp`] | 2 |
/// | a month-name, Korean, Spanish or ISO date alone on its line (or glued to another signal) above the dateline and the body | [`SignalRole::Header`] | 3 |
/// | a dateline, its year resolved against a page stamp, else the reference, else a header, else a signature | [`SignalRole::Dateline`] | 4 |
/// | a date alone on its line below the dateline or below a paragraph (a closing signature block) | [`SignalRole::Signature`] | 5 |
/// | any other date, inside a sentence (`(1953.7.27)`, `on 12/05/2022`) | a body date, never a signal | - |
///
/// The publication date is that of the first signal of the best rank. Every signal that gives
/// another date is reported in [`ArticleDate::conflicts`], grouped by date.
pub fn date_article(text: &str, options: &ArticleOptions) -> ArticleDate {
    let mut signals = Vec::new();
    let mut datelines = Vec::new();
    let mut body_dates = Vec::new();
    let mut invalid = Vec::new();
    // Where the blanks after the last signal end: a notation that starts there is glued to it.
    let mut glued_until: Option<usize> = None;
    let mut context = LineContext::default();

    for found in scan(text) {
        let span = found.span();
        let Some(notation) = found.notation() else {
            invalid.push(found);
            continue;
        };
        let below_body = context.below_body(text, span.start);
        let role = match notation::entry(found.kind()).map(|entry| entry.role) {
            Some(Role::Stamp) if stamp_place(text, span.start) => Some(SignalRole::PageStamp),
            Some(Role::DayFirst) if labelled(text, span.start) => Some(SignalRole::DayFirstStamp),
            Some(Role::Heading) if heads_line(text, span.clone(), glued_until) => {
                if below_body {
                    Some(SignalRole::Signature)
                } else {
                    Some(SignalRole::Header)
                }
            }
            Some(Role::Dateline) => Some(SignalRole::Dateline),
            _ => None,
        };
        match role {
            Some(role) => {
                if let Notation::Dateline(dateline) = notation {
                    datelines.push((signals.len(), dateline.clone()));
                    context.dateline_seen = true;
                }
                let blanks = text
                    .get(span.end..)
                    .unwrap_or("")
                    .bytes()
                    .take_while(u8::is_ascii_whitespace)
                    .count();
                glued_until = Some(span.end.saturating_add(blanks));
                signals.push(Signal {
                    text: text.get(span.clone()).unwrap_or("").to_owned(),
                    span,
                    kind: found.kind(),
                    role,
                    date: found.date(),
                    error: None,
                    doubtful: false,
                });
            }
            None => push_body(text, span, notation, found.date(), &mut body_dates),
        }
    }

    let page_date = first_date(&signals, SignalRole::PageStamp)
        .or_else(|| first_date(&signals, SignalRole::DayFirstStamp));
    // Datelines take their year from a stamp, else the caller's reference, else a header, else a
    // signature.
    let reference = page_date
        .map(|(_, date)| date)
        .or(options.reference)
        .or(first_date(&signals, SignalRole::Header).map(|(_, date)| date))
        .or(first_date(&signals, SignalRole::Signature).map(|(_, date)| date));
    for (index, dateline) in &datelines {
        let Some(signal) = signals.get_mut(*index) else {
            continue;
        };
        match reference {
            Some(reference) => match dateline.resolve_with_grace(reference, options.grace_days) {
                Ok(date) => {
                    signal.date = Some(date);
                    let back = reference.signed_duration_since(date).num_days();
                    signal.doubtful = back > i64::from(options.doubtful_after_days);
                }
                Err(err) => signal.error = Some(err.shifted(signal.span.start)),
            },
            None => {
                let at = signal.span.start;
                signal.error = Some(Error::new(ErrorKind::NoReference, at..at));
            }
        }
    }

    // The first dated signal of the best rank.
    let source = signals
        .iter()
        .enumerate()
        .filter(|(_, s)| s.date.is_some())
        .min_by_key(|(i, s)| (s.role.rank(), *i))
        .map(|(i, _)| i);
    let source_signal = source.and_then(|i| signals.get(i));
    let publication_date = source_signal.and_then(|s| s.date);
    let doubtful = source_signal.is_some_and(|s| s.doubtful);
    let anchor = first_date(&signals, SignalRole::Dateline)
        .map(|(_, d)| d)
        .or(publication_date)
        .or(options.reference);

    let body_dates = resolve_body_dates(text, &mut body_dates, anchor);
    let (agreeing, conflicts) = group_by_date(&signals, publication_date);

    ArticleDate {
        publication_date,
        source,
        doubtful,
        agreeing,
        conflicts,
        signals,
        body_dates,
        invalid,
    }
}

/// What [`date_article`] knows of the lines before the notation it is classifying, computed once,
/// left to right: every byte of the text is looked at a bounded number of times over all calls.
#[derive(Default)]
struct LineContext {
    /// How far the text has been searched for line breaks.
    scanned: usize,
    /// The start of the line of the last notation classified.
    line_start: usize,
    /// Where the lines not yet measured begin (all lines before it have been).
    checked: usize,
    /// Whether a line of prose (a paragraph) ends before `checked`.
    prose_seen: bool,
    /// Whether a dateline has been found.
    dateline_seen: bool,
}

/// A line at least this long (in bytes, blanks trimmed) is a paragraph, not a title or a header.
const PARAGRAPH_BYTES: usize = 100;

impl LineContext {
    /// Whether the notation at `start` stands below the dateline or below a paragraph (`start`
    /// never decreases from one call to the next).
    fn below_body(&mut self, text: &str, start: usize) -> bool {
        if !self.prose_seen && start > self.scanned {
            let new = text.as_bytes().get(self.scanned..start).unwrap_or(&[]);
            if let Some(nl) = memchr::memrchr(b'\n', new) {
                self.line_start = self.scanned.saturating_add(nl).saturating_add(1);
            }
            self.scanned = start;
            if self.line_start > self.checked {
                let lines = text.get(self.checked..self.line_start).unwrap_or("");
                self.prose_seen = lines
                    .split('\n')
                    .any(|line| line.trim().len() >= PARAGRAPH_BYTES);
                self.checked = self.line_start;
            }
        }
        self.dateline_seen || self.prose_seen
    }
}

/// A body date at `span` not yet read or resolved.
fn placeholder(span: Range<usize>, kind: BodyKind, resolution: BodyResolution) -> BodyDate {
    BodyDate {
        text: String::new(),
        span,
        resolution,
        kind,
        precision: kind.precision(),
        tense: Tense::Past,
        range_with: None,
        recurring: false,
        date: None,
        month: None,
        error: None,
    }
}

/// The index and date of the first dated signal of `role`.
fn first_date(signals: &[Signal], role: SignalRole) -> Option<(usize, NaiveDate)> {
    signals.iter().enumerate().find_map(|(i, s)| {
        if s.role == role {
            s.date.map(|d| (i, d))
        } else {
            None
        }
    })
}

/// The signals that give the publication date, and the others grouped by date: linear in the
/// number of signals (plus the sort of the distinct dates).
fn group_by_date(
    signals: &[Signal],
    publication_date: Option<NaiveDate>,
) -> (Vec<usize>, Vec<Conflict>) {
    let mut agreeing = Vec::new();
    let mut groups: BTreeMap<NaiveDate, Vec<usize>> = BTreeMap::new();
    for (index, signal) in signals.iter().enumerate() {
        match signal.date {
            Some(date) if Some(date) == publication_date => agreeing.push(index),
            Some(date) => groups.entry(date).or_default().push(index),
            None => {}
        }
    }
    let conflicts = groups
        .into_iter()
        .map(|(date, signals)| Conflict {
            date,
            days: publication_date.map_or(0, |p| date.signed_duration_since(p).num_days()),
            signals,
        })
        .collect();
    (agreeing, conflicts)
}

/// Whether a Juche or dotted stamp at `start` stands where pages put their stamp: in a list label
/// (`[Juche113.8.4.]`), after `kcna.kp (`, after a `Label:`, or first on its line. A stamp inside
/// a sentence (`the victory (1953.7.27)`) is a date mentioned in the body.
fn stamp_place(text: &str, start: usize) -> bool {
    let head = text.get(..start).unwrap_or("");
    let tight = head.trim_end_matches([' ', '\t']);
    if tight.ends_with('[') {
        return true;
    }
    let before_paren = tight.strip_suffix(['(', '\u{ff08}']).map(str::trim_end);
    if before_paren.is_some_and(|b| b.ends_with("kcna.kp") || b.ends_with("rodong.rep.kp")) {
        return true;
    }
    labelled(text, start)
}

/// Whether a day-first date at `start` is a stamp: first on its line, or after a label such as
/// `Date:` (in the body, `12/05/2022` is a date mentioned, not the page's date).
fn labelled(text: &str, start: usize) -> bool {
    let (last, _) = line_tail(text, start);
    last.is_none_or(|c| c == ':')
}

/// The last character before byte `start` on its line once blanks and brackets are skipped, and
/// the character just before that one; `None` where the line begins. Reads back only over the
/// blanks, so a long line with many dates costs no more than a short one.
fn line_tail(text: &str, start: usize) -> (Option<char>, Option<char>) {
    let mut chars = text
        .get(..start)
        .unwrap_or("")
        .chars()
        .rev()
        .skip_while(|&c| c != '\n' && is_blank_or_bracket(c));
    let last = chars.next().filter(|&c| c != '\n');
    let before = last.and_then(|_| chars.next()).filter(|&c| c != '\n');
    (last, before)
}

/// Whether `c` may stand around a heading date without making it part of a sentence.
fn is_blank_or_bracket(c: char) -> bool {
    c.is_whitespace() || matches!(c, '[' | ']' | '(' | ')' | '|')
}

/// Whether a month-name date at `span` is a heading or listing date: it starts its line (or is
/// glued to the previous signal) and nothing but blanks, a `|` field separator or another glued
/// month-name date follows it on its line. `April 25, Juche 21 (1932) was the day when…` is a
/// date in a sentence, not a heading.
fn heads_line(text: &str, span: Range<usize>, glued_until: Option<usize>) -> bool {
    if !starts_line(text, span.start, glued_until) {
        return false;
    }
    let after = text
        .get(span.end..)
        .unwrap_or("")
        .trim_start_matches(|c: char| c != '\n' && (c.is_whitespace() || matches!(c, ']' | ')')));
    after.is_empty()
        || after.starts_with(['\n', '|'])
        || crate::MonthNameDate::parse_prefix(after).is_ok()
}

/// Whether the notation at `start` starts its line (after blanks and brackets, or after a title and
/// ` - `) or directly follows the previous signal, only blanks between (glued listings): the
/// blanks after the previous signal end at `glued_until`.
fn starts_line(text: &str, start: usize, glued_until: Option<usize>) -> bool {
    let after_signal = glued_until.is_some_and(|until| start <= until);
    // A title or byline then ` - ` and the date (`신년사 - 1977년 01월 01일`) heads it too.
    let (last, before) = line_tail(text, start);
    after_signal || last.is_none() || (last == Some('-') && before.is_none_or(char::is_whitespace))
}

/// A body date of the notation at `span`, waiting for the story's date when it has no year, and
/// the unresolved day it names.
struct Body {
    date: BodyDate,
    unresolved: Option<Unresolved>,
}

/// Adds the body dates of `notation` at `span` to `body_dates` (a Spanish day pair gives two).
fn push_body(
    text: &str,
    span: Range<usize>,
    notation: &Notation,
    date: Option<NaiveDate>,
    body_dates: &mut Vec<Body>,
) {
    if let Notation::SpanishDayPair(pair) = notation {
        // Two body dates: the first day, and the second with its month.
        let found_text = text.get(span.clone()).unwrap_or("");
        if let Some((first, second)) = relative::pair_parts(found_text) {
            let shift = |r: Range<usize>| {
                r.start.saturating_add(span.start)..r.end.saturating_add(span.start)
            };
            for (part, day) in [(first, pair.first()), (second, pair.second())] {
                body_dates.push(Body {
                    date: placeholder(shift(part), BodyKind::MonthDay, BodyResolution::MonthDay),
                    unresolved: Some(Unresolved::MonthDay {
                        month: day.month(),
                        day: day.day(),
                        weekday: None,
                    }),
                });
            }
        }
        return;
    }
    // `Estadio Primero de Mayo`: a place word before a named day makes it a name.
    if matches!(notation, Notation::NamedDay(_))
        && crate::grammar::named_day::at(text, span.start).is_none()
    {
        return;
    }
    if let Some((unresolved, kind, resolution)) = unresolved_of(notation) {
        // A day or month without a year: resolved once the story's date is known.
        let found_text = text.get(span.clone()).unwrap_or("");
        let keyword = match notation.kind() {
            NotationKind::WeekdayRef | NotationKind::MonthDayRef | NotationKind::SpanishDayRef => {
                relative::keyword_len(found_text)
            }
            NotationKind::MonthRef if found_text.starts_with("in ") => {
                relative::keyword_len(found_text)
            }
            _ => 0,
        };
        let date_start = span.start.saturating_add(keyword).min(span.end);
        let mut body = placeholder(date_start..span.end, kind, resolution);
        let with_year = match notation {
            Notation::MonthRef(month) => Some((month.year(), month.month())),
            Notation::KoreanMonth(m) | Notation::SpanishMonth(m) => {
                m.year().map(|year| (year, m.month()))
            }
            _ => None,
        };
        if let Some(month) = with_year {
            body.month = Some(month);
            body.tense = Tense::None;
        }
        body_dates.push(Body {
            date: body,
            unresolved,
        });
    } else if let Some(date) = date {
        let mut body = placeholder(span, BodyKind::FullDate, BodyResolution::Explicit);
        body.date = Some(date);
        body.tense = Tense::None;
        body_dates.push(Body {
            date: body,
            unresolved: None,
        });
    }
}

/// The kind, the way of reading and the unresolved day of a notation without a year (`None`
/// inside for a month with its year, which needs no resolving); `None` for a notation with its
/// year or none at all.
fn unresolved_of(notation: &Notation) -> Option<(Option<Unresolved>, BodyKind, BodyResolution)> {
    let day = |day: &crate::MonthDay| {
        let resolution = if day.weekday().is_some() {
            BodyResolution::WeekdayMonthDay
        } else {
            BodyResolution::MonthDay
        };
        let what = Unresolved::MonthDay {
            month: day.month(),
            day: day.day(),
            weekday: day.weekday(),
        };
        Some((Some(what), BodyKind::MonthDay, resolution))
    };
    match notation {
        Notation::WeekdayRef(weekday) | Notation::Weekday(weekday) => Some((
            Some(Unresolved::Weekday(*weekday)),
            BodyKind::Weekday,
            BodyResolution::Weekday,
        )),
        Notation::MonthRef(_) => Some((None, BodyKind::Month, BodyResolution::Month)),
        Notation::Month(month) => Some((
            Some(Unresolved::Month(*month)),
            BodyKind::Month,
            BodyResolution::Month,
        )),
        Notation::NamedDay(day) => Some((
            Some(Unresolved::Named(*day)),
            BodyKind::NamedDay,
            BodyResolution::Named,
        )),
        Notation::LunarDay(day) => Some((
            Some(Unresolved::Lunar {
                month: day.month(),
                day: day.day(),
            }),
            BodyKind::Lunar,
            BodyResolution::Lunar,
        )),
        Notation::KoreanMonth(m) | Notation::SpanishMonth(m) => match m.year() {
            Some(_) => Some((None, BodyKind::Month, BodyResolution::Month)),
            None => Some((
                Some(Unresolved::Month(m.month())),
                BodyKind::Month,
                BodyResolution::Month,
            )),
        },
        Notation::MonthDayRef(d)
        | Notation::MonthDay(d)
        | Notation::SpanishDayRef(d)
        | Notation::KoreanMonthDay(d) => day(d),
        Notation::SpanishDay(d) | Notation::KoreanDay(d) => Some((
            Some(Unresolved::Day(*d)),
            BodyKind::Day,
            BodyResolution::Day,
        )),
        Notation::RelativeDay(r) if r.is_anaphoric() => Some((
            Some(Unresolved::Anaphoric),
            BodyKind::RelativeDay,
            BodyResolution::Anaphoric,
        )),
        Notation::RelativeDay(r) => Some((
            Some(Unresolved::Offset(r.offset())),
            BodyKind::RelativeDay,
            BodyResolution::Relative,
        )),
        _ => None,
    }
}

/// Resolves the body dates without a year against `anchor` (the story's date), in text order:
/// each with the tense of its sentence, a range's end from its start, an anaphoric day from the
/// last day named before it (see [`crate::resolve`]). Fills in each date's text.
fn resolve_body_dates(text: &str, bodies: &mut [Body], anchor: Option<NaiveDate>) -> Vec<BodyDate> {
    let mut last_day: Option<NaiveDate> = None;
    let mut previous: Option<(usize, Range<usize>, Option<NaiveDate>)> = None;
    let mut out: Vec<BodyDate> = Vec::with_capacity(bodies.len());
    for (index, body) in bodies.iter_mut().enumerate() {
        let mut date = core::mem::replace(
            &mut body.date,
            placeholder(0..0, BodyKind::Day, BodyResolution::Day),
        );
        let range_start = previous.as_ref().and_then(|(other, span, start)| {
            let between = text.get(span.end..date.span.start)?;
            (resolve::joins_range(between) && start.is_some()).then_some((*other, *start))
        });
        if let Some(what) = body.unresolved {
            let (tense, this_year) = resolve::tense_at(text, &date.span);
            date.tense = tense;
            match anchor {
                None => {
                    let at = date.span.start;
                    date.error = Some(Error::new(ErrorKind::NoReference, at..at));
                }
                Some(anchor) => {
                    let start = range_start.and_then(|(_, start)| start);
                    let resolved =
                        resolve::resolve(what, anchor, tense, this_year, start, last_day);
                    if date.kind == BodyKind::Month {
                        date.month = resolved.map(|d| (d.year(), d.month()));
                    } else {
                        date.date = resolved;
                    }
                    check_resolved(&mut date, what, resolved, anchor);
                }
            }
        }
        if let Some((other, _)) = range_start {
            date.range_with = Some(other);
            if let Some(first) = out.get_mut(other) {
                first.range_with = Some(index);
            }
        }
        if date.precision == Precision::Day && date.date.is_some() {
            last_day = date.date;
        }
        date.text = text.get(date.span.clone()).unwrap_or("").to_owned();
        if let Some(prev) = index.checked_sub(1).and_then(|i| out.get_mut(i)) {
            mark_definition(text, prev, &mut date);
        }
        previous =
            (date.precision == Precision::Day).then(|| (index, date.span.clone(), date.date));
        out.push(date);
    }
    out
}

/// What follows a day that a sentence defines (`April 9 is the day of ...`): a yearly date.
const DEFINES: [&str; 4] = [" is the day", " is a day", " es el día", " es el dia"];

/// Marks a named day and the day given with it as its definition (`April 15, the Day of the
/// Sun`, `the Day of the Sun (April 15)`, `el 8 de febrero como Día de ...`) as recurring: a yearly
/// date, not one occurrence.
fn mark_definition(text: &str, prev: &mut BodyDate, date: &mut BodyDate) {
    const APPOSITION: [&str; 5] = [", the ", ", ", " (", " como ", " como el "];
    for body in [&mut *prev, &mut *date] {
        let after = text.get(body.span.end..).unwrap_or("");
        if body.kind == BodyKind::MonthDay && DEFINES.iter().any(|d| after.starts_with(d)) {
            body.recurring = true;
            body.tense = Tense::None;
        }
    }
    let between = text.get(prev.span.end..date.span.start).unwrap_or("");
    if !APPOSITION.contains(&between) {
        return;
    }
    let named = [prev.kind, date.kind].contains(&BodyKind::NamedDay);
    let day = [prev.kind, date.kind].contains(&BodyKind::MonthDay);
    let same = |a: Option<NaiveDate>, b: Option<NaiveDate>| {
        a.zip(b)
            .is_some_and(|(a, b)| (a.month(), a.day()) == (b.month(), b.day()))
    };
    if named && day && same(prev.date, date.date) {
        prev.recurring = true;
        date.recurring = true;
        prev.tense = Tense::None;
        date.tense = Tense::None;
    }
}

/// Says what is wrong with a resolved day: a weekday the text gives that the date does not have,
/// a day that does not resolve.
fn check_resolved(
    date: &mut BodyDate,
    what: Unresolved,
    resolved: Option<NaiveDate>,
    reference: NaiveDate,
) {
    let span = date.span.clone();
    match (what, resolved) {
        (Unresolved::MonthDay { month, day, .. }, None) => {
            let kind = ErrorKind::Unresolvable {
                month,
                day,
                reference,
            };
            date.error = Some(Error::new(kind, span));
        }
        (
            Unresolved::MonthDay {
                weekday: Some(given),
                ..
            },
            Some(found),
        ) if found.weekday() != given => {
            let kind = ErrorKind::WeekdayMismatch {
                date: found,
                given,
                actual: found.weekday(),
            };
            // A weekday that does not match still names the day: keep it, and say so.
            date.error = Some(Error::new(kind, span));
        }
        // (A month too: at the ends of the calendar, its occurrence may not exist.)
        (_, None) => {
            date.error = Some(Error::new(ErrorKind::NoReference, span.start..span.start));
        }
        _ => {}
    }
}
