//! Every notation as one value: what [`crate::scan`] finds and what `Notation::from_str` reads.

use core::fmt;
use core::str::FromStr;

use chrono::{Datelike, NaiveDate, Weekday};

use crate::error::{Error, ErrorKind, Expected};
use crate::grammar::relative::{DayPair, MonthDay, MonthRef};
use crate::grammar::runtime::Prefix;
use crate::grammar::{dateline, dmy, dotted, iso, juche, korean, month_name, relative, spanish};
use crate::{Dateline, JucheDate, JucheYear, KoreanDate, MonthNameDate, SpanishDate};

/// Which notation a piece of text is written in.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug)]
#[non_exhaustive]
pub enum NotationKind {
    /// `Pyongyang, November 8 (KCNA) --`
    Dateline,
    /// `08/11/2022`, day first.
    Dmy,
    /// `Juche111.11.8.`
    JucheStamp,
    /// `2025.12.14.`
    DottedStamp,
    /// `May 08, 2025`, `Dec. 5, Juche 80 (1991)`
    MonthName,
    /// `Juche 113 (2024)`, bare `Juche 99`
    JucheYear,
    /// `2026년 8월 21일`, `주체107(2018)년 7월 9일` (Korean edition)
    KoreanDate,
    /// `주체87（1998）년`, `주체１００년` (Korean edition; no month or day)
    KoreanJucheYear,
    /// `2026-08-21`, as in video labels `[2026-08-21]`
    IsoDate,
    /// `15 de junio de 2000`, `23 de octubre del 101 (2012)` (Spanish edition)
    SpanishDate,
    /// `on Monday`: a weekday in a story's body.
    WeekdayRef,
    /// `on May 7`, `on Monday, November 7`: a day without its year.
    MonthDayRef,
    /// `in October 2014`, `in May Juche 106 (2017)`: a month, not a day.
    MonthRef,
    /// `el 15 de junio` (Spanish edition): a day without its year.
    SpanishDayRef,
    /// `los días 25 y 30 de agosto` (Spanish edition): two days without their year.
    SpanishDayPair,
    /// `7월 9일` (Korean edition): a day without its year.
    KoreanMonthDay,
}

impl NotationKind {
    /// A short stable name: `dateline`, `dmy`, `juche_stamp`, `dotted_stamp`, `month_name`,
    /// `juche_year`, `korean_date`, `korean_juche_year`, `iso_date`, `spanish_date`, `weekday_ref`,
    /// `month_day_ref`, `month_ref`, `spanish_day_ref`, `spanish_day_pair`, `korean_month_day`.
    ///
    /// ```
    /// assert_eq!(kcna_dates::NotationKind::KoreanDate.as_str(), "korean_date");
    /// ```
    pub fn as_str(&self) -> &'static str {
        match self {
            NotationKind::Dateline => "dateline",
            NotationKind::Dmy => "dmy",
            NotationKind::JucheStamp => "juche_stamp",
            NotationKind::DottedStamp => "dotted_stamp",
            NotationKind::MonthName => "month_name",
            NotationKind::JucheYear => "juche_year",
            NotationKind::KoreanDate => "korean_date",
            NotationKind::KoreanJucheYear => "korean_juche_year",
            NotationKind::IsoDate => "iso_date",
            NotationKind::SpanishDate => "spanish_date",
            NotationKind::WeekdayRef => "weekday_ref",
            NotationKind::MonthDayRef => "month_day_ref",
            NotationKind::MonthRef => "month_ref",
            NotationKind::SpanishDayRef => "spanish_day_ref",
            NotationKind::SpanishDayPair => "spanish_day_pair",
            NotationKind::KoreanMonthDay => "korean_month_day",
        }
    }
}

impl fmt::Display for NotationKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A value in any of the notations.
///
/// `FromStr` tries each notation; `Display` writes the canonical text of the notation it holds,
/// which parses back to the same value.
///
/// ```
/// use kcna_dates::{Notation, NotationKind};
///
/// let n: Notation = "Date: 08/11/2022".trim_start_matches("Date: ").parse()?;
/// assert_eq!(n.kind(), NotationKind::Dmy);
/// assert_eq!(n.date().map(|d| d.to_string()), Some("2022-11-08".to_string()));
///
/// let dateline: Notation = "Pyongyang, November 8 (KCNA) --".parse()?;
/// assert_eq!(dateline.date(), None); // a dateline has no year
/// # Ok::<(), kcna_dates::Error>(())
/// ```
#[derive(Clone, PartialEq, Eq, Hash, Debug)]
#[non_exhaustive]
pub enum Notation {
    /// A dateline (no year).
    Dateline(Dateline),
    /// A day-first stamp.
    Dmy(NaiveDate),
    /// A Juche stamp.
    JucheStamp(JucheDate),
    /// A Gregorian dotted stamp.
    DottedStamp(NaiveDate),
    /// A month-name date.
    MonthName(MonthNameDate),
    /// A Juche year, with or without its Gregorian year (no month or day).
    JucheYear(JucheYear),
    /// A Korean date: `2026년 8월 21일`, `주체107(2018)년 7월 9일`.
    ///
    /// ```
    /// use kcna_dates::Notation;
    /// let n: Notation = "주체102(2013)년 1월 1일".parse()?;
    /// assert!(matches!(n, Notation::KoreanDate(_)));
    /// # Ok::<(), kcna_dates::Error>(())
    /// ```
    KoreanDate(KoreanDate),
    /// A Juche year written the Korean way, without month or day: `주체87（1998）년`, `주체１００년`.
    /// `Display` writes `주체87(1998)년`.
    ///
    /// ```
    /// use kcna_dates::Notation;
    /// let n: Notation = "주체８８（１９９９）년".parse()?;
    /// assert_eq!(n.to_string(), "주체88(1999)년");
    /// # Ok::<(), kcna_dates::Error>(())
    /// ```
    KoreanJucheYear(JucheYear),
    /// An ISO 8601 date, as a whole token: `2026-08-21`.
    ///
    /// ```
    /// use kcna_dates::Notation;
    /// let n: Notation = "2026-08-21".parse()?;
    /// assert_eq!(n.date().map(|d| d.to_string()), Some("2026-08-21".to_string()));
    /// # Ok::<(), kcna_dates::Error>(())
    /// ```
    IsoDate(NaiveDate),
    /// A Spanish date with its year: `15 de junio de 2000`.
    ///
    /// ```
    /// use kcna_dates::Notation;
    /// let n: Notation = "15 de junio de 2000".parse()?;
    /// assert!(matches!(n, Notation::SpanishDate(_)));
    /// # Ok::<(), kcna_dates::Error>(())
    /// ```
    SpanishDate(SpanishDate),
    /// A weekday in a story's body: `on Monday` (resolved against the story's date).
    WeekdayRef(Weekday),
    /// A day without its year: `on May 7`, `on Monday, November 7`.
    MonthDayRef(MonthDay),
    /// A month of a year: `in October 2014`, `in May Juche 106 (2017)`.
    MonthRef(MonthRef),
    /// A Spanish day without its year: `el 15 de junio`.
    SpanishDayRef(MonthDay),
    /// Two Spanish days without their year: `los días 25 y 30 de agosto`.
    SpanishDayPair(DayPair),
    /// A Korean day without its year: `7월 9일`.
    KoreanMonthDay(MonthDay),
}

impl Notation {
    /// Which notation this is.
    pub fn kind(&self) -> NotationKind {
        match self {
            Notation::Dateline(_) => NotationKind::Dateline,
            Notation::Dmy(_) => NotationKind::Dmy,
            Notation::JucheStamp(_) => NotationKind::JucheStamp,
            Notation::DottedStamp(_) => NotationKind::DottedStamp,
            Notation::MonthName(_) => NotationKind::MonthName,
            Notation::JucheYear(_) => NotationKind::JucheYear,
            Notation::KoreanDate(_) => NotationKind::KoreanDate,
            Notation::KoreanJucheYear(_) => NotationKind::KoreanJucheYear,
            Notation::IsoDate(_) => NotationKind::IsoDate,
            Notation::SpanishDate(_) => NotationKind::SpanishDate,
            Notation::WeekdayRef(_) => NotationKind::WeekdayRef,
            Notation::MonthDayRef(_) => NotationKind::MonthDayRef,
            Notation::MonthRef(_) => NotationKind::MonthRef,
            Notation::SpanishDayRef(_) => NotationKind::SpanishDayRef,
            Notation::SpanishDayPair(_) => NotationKind::SpanishDayPair,
            Notation::KoreanMonthDay(_) => NotationKind::KoreanMonthDay,
        }
    }

    /// The full date, where the text alone gives one (not for a dateline or a bare year).
    pub fn date(&self) -> Option<NaiveDate> {
        match self {
            Notation::Dmy(date) | Notation::DottedStamp(date) | Notation::IsoDate(date) => {
                Some(*date)
            }
            Notation::KoreanDate(value) => Some(value.date()),
            Notation::SpanishDate(value) => Some(value.date()),
            Notation::JucheStamp(stamp) => Some(stamp.date()),
            Notation::MonthName(value) => Some(value.date()),
            Notation::Dateline(_)
            | Notation::JucheYear(_)
            | Notation::KoreanJucheYear(_)
            | Notation::WeekdayRef(_)
            | Notation::MonthDayRef(_)
            | Notation::MonthRef(_)
            | Notation::SpanishDayRef(_)
            | Notation::SpanishDayPair(_)
            | Notation::KoreanMonthDay(_) => None,
        }
    }

    /// Reads one notation at the start of `input`, returning it and the number of bytes it took.
    ///
    /// ```
    /// use kcna_dates::{Notation, NotationKind};
    /// let (n, len) = Notation::parse_prefix("Juche113.8.4.] Kim Jong Un")?;
    /// assert_eq!((n.kind(), len), (NotationKind::JucheStamp, 13));
    /// # Ok::<(), kcna_dates::Error>(())
    /// ```
    ///
    /// # Errors
    /// The error of the notation whose shape the text has, or, when it has none,
    /// the error of the grammar that read furthest.
    pub fn parse_prefix(input: &str) -> Result<(Notation, usize), Error> {
        prefix(input).into_result()
    }
}

/// A notation's prefix reader.
type Grammar = fn(&str) -> Prefix<Notation>;

/// Reads the notation that `input` starts with.
pub(crate) fn prefix(input: &str) -> Prefix<Notation> {
    read(input).1
}

/// Reads the notation that `input` starts with, choosing the grammars to try by the first byte,
/// and says which notation matched (`None` when none did).
///
/// A text with a notation's shape but no valid date (`31/02/2022`) is `Invalid` of that notation;
/// it is not tried as another notation. When no grammar matches, the error is that of the grammar
/// that read furthest.
pub(crate) fn read(input: &str) -> (Option<NotationKind>, Prefix<Notation>) {
    read_with(input, true)
}

/// [`read`] by the grammars alone, without the fast paths (for tests).
#[cfg(feature = "__internal")]
pub(crate) fn read_grammars(input: &str) -> (Option<NotationKind>, Prefix<Notation>) {
    read_with(input, false)
}

/// The prefix fast path of notation `kind`, where it has one and it accepts `input`: the same
/// reading as the grammar's (see [`crate::grammar::fixed`]).
fn read_fast(kind: NotationKind, input: &str) -> Option<Prefix<Notation>> {
    let (value, len) = match kind {
        NotationKind::Dmy => {
            crate::grammar::dmy::fast_prefix(input).map(|(d, len)| (Notation::Dmy(d), len))
        }
        NotationKind::DottedStamp => crate::grammar::dotted::fast_prefix(input)
            .map(|(d, len)| (Notation::DottedStamp(d), len)),
        NotationKind::JucheStamp => juche::fast_prefix_stamp(input),
        NotationKind::MonthName => crate::grammar::month_name::fast_prefix(input)
            .map(|(d, len)| (Notation::MonthName(MonthNameDate::from_gregorian(d)), len)),
        _ => None,
    }?;
    Some(Prefix::Valid(value, len))
}

/// [`read`], with or without the fast paths.
fn read_with(input: &str, fast: bool) -> (Option<NotationKind>, Prefix<Notation>) {
    let first = input.as_bytes().first().copied().unwrap_or(0);
    let mut best: Option<Error> = None;
    let tries: &[(NotationKind, Grammar)] = if first.is_ascii_digit() {
        &[
            (NotationKind::Dmy, read_dmy),
            (NotationKind::DottedStamp, read_dotted),
            (NotationKind::IsoDate, read_iso),
            (NotationKind::KoreanDate, read_korean_date),
            (NotationKind::SpanishDate, read_spanish_date),
            (NotationKind::KoreanMonthDay, relative::prefix_korean),
        ]
    } else if input.starts_with("주체") {
        &[
            (NotationKind::KoreanDate, read_korean_date),
            (NotationKind::KoreanJucheYear, read_korean_juche_year),
        ]
    } else if input.starts_with(['\u{ff08}', '【'])
        || (first == b'(' && input.as_bytes().get(1).is_some_and(|&b| b >= 0x80))
    {
        &[(NotationKind::Dateline, read_cjk_dateline)]
    } else if input.starts_with(crate::grammar::wide::is_wide_digit) {
        &[
            (NotationKind::KoreanDate, read_korean_date),
            (NotationKind::KoreanMonthDay, relative::prefix_korean),
        ]
    } else if first == b'J' && input.starts_with("Juche") {
        &[
            (NotationKind::JucheStamp, read_juche_stamp),
            (NotationKind::JucheYear, read_juche_year),
        ]
    } else if input.starts_with("on ") {
        // (`on`, `in`, `el` and `los` are no place: a place in lower case has four letters or
        // more.)
        &[(NotationKind::WeekdayRef, relative::prefix_on)]
    } else if input.starts_with("in ") {
        &[(NotationKind::MonthRef, relative::prefix_in)]
    } else if input.starts_with("el ") {
        &[(NotationKind::SpanishDayRef, relative::prefix_el)]
    } else if input.starts_with("El ") {
        // `El` may be a place (`El Paso, March 3 (KCNA)`): the dateline first.
        &[
            (NotationKind::Dateline, read_dateline),
            (NotationKind::SpanishDayRef, relative::prefix_el),
        ]
    } else if input.starts_with("los d") {
        &[(NotationKind::SpanishDayPair, relative::prefix_pair)]
    } else {
        &[
            (NotationKind::MonthName, read_month_name),
            (NotationKind::Dateline, read_dateline),
        ]
    };
    for (kind, grammar) in tries {
        if let Some(found) = fast.then(|| read_fast(*kind, input)).flatten() {
            return (Some(*kind), found);
        }
        match grammar(input) {
            Prefix::Valid(value, len) => return (Some(value.kind()), Prefix::Valid(value, len)),
            Prefix::NoMatch(err) => {
                if best
                    .as_ref()
                    .is_none_or(|b| err.span().start > b.span().start)
                {
                    best = Some(err);
                }
            }
            matched => return (Some(*kind), matched),
        }
    }
    // A place may start with `Juche` (`Juche Tower, April 15 (KCNA)`): when neither Juche
    // notation matches, the text may still be a dateline. If it is not, the Juche error stands.
    // (A dateline's place is at most 64 bytes and ends at a comma or a space: without one that
    // near, there is nothing to try.)
    let comma_near = input
        .as_bytes()
        .iter()
        .take(65)
        .any(|&b| b == b',' || b == b' ');
    if first == b'J' && input.starts_with("Juche") && comma_near {
        let dateline = read_dateline(input);
        if !matches!(dateline, Prefix::NoMatch(_)) {
            return (Some(NotationKind::Dateline), dateline);
        }
    }
    let err = best.unwrap_or_else(|| Error::new(ErrorKind::Expected(Expected::Notation), 0..0));
    (None, Prefix::NoMatch(err))
}

fn read_dmy(input: &str) -> Prefix<Notation> {
    dmy::prefix(input).map(Notation::Dmy)
}

fn read_dotted(input: &str) -> Prefix<Notation> {
    dotted::prefix(input).map(Notation::DottedStamp)
}

fn read_juche_stamp(input: &str) -> Prefix<Notation> {
    juche::prefix_stamp(input).map(Notation::JucheStamp)
}

fn read_juche_year(input: &str) -> Prefix<Notation> {
    juche::prefix_year(input).map(Notation::JucheYear)
}

fn read_month_name(input: &str) -> Prefix<Notation> {
    month_name::prefix(input).map(Notation::MonthName)
}

fn read_korean_date(input: &str) -> Prefix<Notation> {
    korean::prefix_date(input).map(Notation::KoreanDate)
}

fn read_korean_juche_year(input: &str) -> Prefix<Notation> {
    korean::prefix_juche_year(input).map(Notation::KoreanJucheYear)
}

fn read_iso(input: &str) -> Prefix<Notation> {
    iso::prefix(input).map(Notation::IsoDate)
}

fn read_spanish_date(input: &str) -> Prefix<Notation> {
    spanish::prefix(input).map(Notation::SpanishDate)
}

fn read_cjk_dateline(input: &str) -> Prefix<Notation> {
    dateline::prefix_cjk(input).map(Notation::Dateline)
}

fn read_dateline(input: &str) -> Prefix<Notation> {
    dateline::prefix(input).map(Notation::Dateline)
}

impl FromStr for Notation {
    type Err = Error;

    /// Parses a whole text in any one notation.
    fn from_str(input: &str) -> Result<Notation, Error> {
        prefix(input).strict(input)
    }
}

impl fmt::Display for Notation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Notation::Dateline(value) => write!(f, "{value}"),
            Notation::Dmy(date) => write!(
                f,
                "{:02}/{:02}/{:04}",
                date.day(),
                date.month(),
                date.year()
            ),
            Notation::JucheStamp(value) => write!(f, "{value}"),
            Notation::DottedStamp(date) => {
                write!(
                    f,
                    "{:04}.{:02}.{:02}.",
                    date.year(),
                    date.month(),
                    date.day()
                )
            }
            Notation::MonthName(value) => write!(f, "{value}"),
            Notation::JucheYear(value) => write!(f, "{value}"),
            Notation::KoreanDate(value) => write!(f, "{value}"),
            Notation::KoreanJucheYear(value) => korean::write_juche_year(f, value),
            Notation::IsoDate(date) => write!(
                f,
                "{:04}-{:02}-{:02}",
                date.year(),
                date.month(),
                date.day()
            ),
            Notation::SpanishDate(value) => write!(f, "{value}"),
            Notation::WeekdayRef(day) => {
                write!(f, "on {}", crate::calendar::weekday_name(*day))
            }
            Notation::MonthDayRef(day) => relative::write_on(f, day),
            Notation::MonthRef(month) => relative::write_in(f, month),
            Notation::SpanishDayRef(day) => relative::write_el(f, day),
            Notation::SpanishDayPair(pair) => relative::write_pair(f, pair),
            Notation::KoreanMonthDay(day) => relative::write_korean(f, day),
        }
    }
}
