//! Every notation as one value: what [`crate::scan`] finds and what `Notation::from_str` reads.

use core::fmt;
use core::str::FromStr;

use chrono::{Datelike, NaiveDate, Weekday};

use crate::calendar::weekday_name;
use crate::error::{Error, Expected};
use crate::grammar::body::{self, BareRef};
use crate::grammar::relative::{DayPair, MonthDay, MonthRef};
use crate::grammar::runtime::{Miss, Prefix};
use crate::grammar::wide::is_wide_digit;
use crate::grammar::{
    dateline, dmy, dotted, iso, juche, korean, lunar_ref, month_name, named_day, relative, spanish,
};
pub use crate::kind::NotationKind;
use crate::{
    Dateline, JucheDate, JucheYear, KoreanDate, LunarMonthDay, MonthNameDate, MonthOnly,
    NamedDayRef, RelativeDay, SpanishDate,
};

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
    /// A day without its year and without `on`: `November 24`, `Oct. 14`, `Monday, November 7`.
    ///
    /// ```
    /// use kcna_dates::Notation;
    /// let n: Notation = "Oct. 14".parse()?;
    /// assert_eq!(n.to_string(), "October 14");
    /// # Ok::<(), kcna_dates::Error>(())
    /// ```
    MonthDay(MonthDay),
    /// A weekday without `on`: `Rodong Sinmun Saturday says`, `left here Thursday`.
    Weekday(Weekday),
    /// A month without its year (a full month name, never `May` alone): `in late June`.
    Month(u32),
    /// The Spanish day of the month alone: `el día 16`, `el dia primero`.
    ///
    /// ```
    /// use kcna_dates::Notation;
    /// let n: Notation = "dia primero".parse()?;
    /// assert_eq!(n, Notation::SpanishDay(1));
    /// assert_eq!(n.to_string(), "día 1");
    /// # Ok::<(), kcna_dates::Error>(())
    /// ```
    SpanishDay(u32),
    /// The Korean day of the month alone: `18일` (not a count: `3일간`).
    KoreanDay(u32),
    /// A relative day: `today`, `yesterday`, `hoy`, `ayer`, `오늘`, `어제`, `昨日`, `that day`.
    RelativeDay(RelativeDay),
    /// A Korean month without a day: `2021년 6월`, `8월현재`.
    KoreanMonth(MonthOnly),
    /// A Spanish month without a day: `noviembre de 2013`, `julio`.
    SpanishMonth(MonthOnly),
    /// A named day of the DPRK calendar, or a date that names a document or an event: `the Day
    /// of the Sun`, `태양절`, `el Día del Sol`, `the June 15 joint declaration`, `8.15해방`.
    ///
    /// ```
    /// use kcna_dates::Notation;
    /// let Notation::NamedDay(day) = "the June 15 joint declaration".parse()? else {
    ///     unreachable!()
    /// };
    /// assert_eq!(day.day().id(), "june_15_declaration");
    /// # Ok::<(), kcna_dates::Error>(())
    /// ```
    NamedDay(NamedDayRef),
    /// A day of the Korean lunar calendar without its year: `음력 8월 15일`, `lunar August 15`.
    LunarDay(LunarMonthDay),
}

/// The value of a field of a [`Notation`] (see [`Notation::fields`]): the values of JSON, so
/// that every printer can match on it exhaustively.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FieldValue<'a> {
    /// A number.
    Int(i64),
    /// A text: a name (`Monday`, `juche_gregorian`) or text read from the input (a place).
    Text(&'a str),
    /// A yes or no.
    Bool(bool),
    /// Not given in the text (a month-name date without a weekday).
    Null,
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
            Notation::MonthDay(_) => NotationKind::MonthDay,
            Notation::Weekday(_) => NotationKind::Weekday,
            Notation::Month(_) => NotationKind::Month,
            Notation::SpanishDay(_) => NotationKind::SpanishDay,
            Notation::KoreanDay(_) => NotationKind::KoreanDay,
            Notation::RelativeDay(_) => NotationKind::RelativeDay,
            Notation::KoreanMonth(_) => NotationKind::KoreanMonth,
            Notation::SpanishMonth(_) => NotationKind::SpanishMonth,
            Notation::NamedDay(_) => NotationKind::NamedDay,
            Notation::LunarDay(_) => NotationKind::LunarDay,
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
            | Notation::KoreanMonthDay(_)
            | Notation::MonthDay(_)
            | Notation::Weekday(_)
            | Notation::Month(_)
            | Notation::SpanishDay(_)
            | Notation::KoreanDay(_)
            | Notation::RelativeDay(_)
            | Notation::KoreanMonth(_)
            | Notation::SpanishMonth(_)
            | Notation::NamedDay(_)
            | Notation::LunarDay(_) => None,
        }
    }

    /// The notation's fields by name, in a fixed order per kind, for printing (the CLI, the Python
    /// package and the web page print these): `year`/`month`/`day` for a dated notation,
    /// `juche_year`, `weekday`, `year_style`, `place`/`agency`/`edition` for a dateline, …
    ///
    /// ```
    /// use kcna_dates::{FieldValue, Notation};
    /// let n: Notation = "Juche111.11.8.".parse()?;
    /// assert_eq!(
    ///     n.fields(),
    ///     [
    ///         ("juche_year", FieldValue::Int(111)),
    ///         ("month", FieldValue::Int(11)),
    ///         ("day", FieldValue::Int(8)),
    ///     ]
    /// );
    /// # Ok::<(), kcna_dates::Error>(())
    /// ```
    pub fn fields(&self) -> Vec<(&'static str, FieldValue<'_>)> {
        use FieldValue::{Bool, Int, Null, Text};
        let ymd = |date: &NaiveDate| {
            vec![
                ("year", Int(i64::from(date.year()))),
                ("month", Int(i64::from(date.month()))),
                ("day", Int(i64::from(date.day()))),
            ]
        };
        let weekday = |day: Option<Weekday>| day.map_or(Null, |d| Text(weekday_name(d)));
        let juche_year = |year: &JucheYear| {
            vec![
                ("juche_year", Int(i64::from(year.juche()))),
                ("gregorian_year", Int(i64::from(year.gregorian()))),
                ("gregorian_given", Bool(year.has_gregorian())),
            ]
        };
        let month_day = |day: &MonthDay| {
            vec![
                ("month", Int(i64::from(day.month()))),
                ("day", Int(i64::from(day.day()))),
            ]
        };
        match self {
            Notation::Dateline(dateline) => vec![
                ("place", Text(dateline.place())),
                ("month", Int(i64::from(dateline.month()))),
                ("day", Int(i64::from(dateline.day()))),
                ("agency", Text(dateline.agency())),
                ("edition", Text(dateline.edition().as_str())),
            ],
            Notation::JucheStamp(stamp) => vec![
                ("juche_year", Int(i64::from(stamp.year()))),
                ("month", Int(i64::from(stamp.month()))),
                ("day", Int(i64::from(stamp.day()))),
            ],
            Notation::Dmy(date) | Notation::DottedStamp(date) | Notation::IsoDate(date) => {
                ymd(date)
            }
            Notation::MonthName(value) => {
                let mut fields = ymd(&value.date());
                fields.push(("weekday", weekday(value.weekday())));
                let juche = value
                    .juche_year()
                    .map_or(Null, |y| Int(i64::from(y.juche())));
                fields.push(("juche_year", juche));
                fields
            }
            Notation::JucheYear(year) | Notation::KoreanJucheYear(year) => juche_year(year),
            Notation::KoreanDate(value) => {
                let mut fields = ymd(&value.date());
                fields.push(("year_style", Text(value.year_style().as_str())));
                fields
            }
            Notation::SpanishDate(value) => {
                let mut fields = ymd(&value.date());
                fields.push(("year_style", Text(value.year_style().as_str())));
                fields
            }
            Notation::WeekdayRef(day) | Notation::Weekday(day) => {
                vec![("weekday", Text(weekday_name(*day)))]
            }
            Notation::Month(month) => vec![("month", Int(i64::from(*month)))],
            Notation::NamedDay(day) => vec![
                ("id", Text(day.day().id())),
                ("name", Text(day.name().text())),
            ],
            Notation::LunarDay(day) => vec![
                ("lunar_month", Int(i64::from(day.month()))),
                ("lunar_day", Int(i64::from(day.day()))),
            ],
            Notation::KoreanMonth(m) | Notation::SpanishMonth(m) => vec![
                ("year", m.year().map_or(Null, |y| Int(i64::from(y)))),
                ("month", Int(i64::from(m.month()))),
            ],
            Notation::SpanishDay(day) | Notation::KoreanDay(day) => {
                vec![("day", Int(i64::from(*day)))]
            }
            Notation::RelativeDay(day) => vec![
                ("offset", Int(i64::from(day.offset()))),
                ("anaphoric", Bool(day.is_anaphoric())),
                ("edition", Text(day.edition().as_str())),
            ],
            Notation::MonthDayRef(day) | Notation::MonthDay(day) => {
                let mut fields = month_day(day);
                fields.push(("weekday", weekday(day.weekday())));
                fields
            }
            Notation::SpanishDayRef(day) | Notation::KoreanMonthDay(day) => month_day(day),
            Notation::MonthRef(month) => vec![
                ("year", Int(i64::from(month.year()))),
                ("month", Int(i64::from(month.month()))),
                (
                    "juche_year",
                    month
                        .juche_year()
                        .map_or(Null, |y| Int(i64::from(y.juche()))),
                ),
            ],
            Notation::SpanishDayPair(pair) => vec![
                ("month", Int(i64::from(pair.second().month()))),
                ("first_day", Int(i64::from(pair.first().day()))),
                ("second_day", Int(i64::from(pair.second().day()))),
                ("first_month", Int(i64::from(pair.first().month()))),
            ],
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

// ---------------------------------------------------------------------------------------------
// The registry: one entry per notation, read by `Notation::from_str`/`parse_prefix`, by `scan`
// (its anchors), by `date_article` (the role a notation can play) and, through `Notation::fields`,
// by the CLI and the bindings. Adding a notation: its module under `grammar/`, a `Notation`
// variant, and one entry here.

/// How a text begins, as far as choosing the notations to try goes.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Start {
    /// An ASCII digit.
    Digit,
    /// `주체`.
    KoreanJuche,
    /// `【`, `（`, or `(` before a non-ASCII character: a Korean or Japanese dateline.
    CjkOpen,
    /// A full-width digit.
    WideDigit,
    /// `Juche`.
    Juche,
    /// `on `.
    On,
    /// `in `.
    In,
    /// `el `.
    ElLower,
    /// `El ` (a Spanish article, or a place: `El Paso, March 3 (KCNA)`).
    ElCapital,
    /// `los d`.
    Los,
    /// Anything else.
    Other,
}

impl Start {
    /// How `input` begins.
    pub(crate) fn of(input: &str) -> Start {
        let bytes = input.as_bytes();
        match bytes.first() {
            Some(b) if b.is_ascii_digit() => Start::Digit,
            Some(b'J') if input.starts_with("Juche") => Start::Juche,
            Some(b'o') if input.starts_with("on ") => Start::On,
            Some(b'i') if input.starts_with("in ") => Start::In,
            Some(b'e') if input.starts_with("el ") => Start::ElLower,
            Some(b'E') if input.starts_with("El ") => Start::ElCapital,
            Some(b'l') if input.starts_with("los d") => Start::Los,
            Some(b'(') if bytes.get(1).is_some_and(|&b| b >= 0x80) => Start::CjkOpen,
            Some(0x80..) if input.starts_with("주체") => Start::KoreanJuche,
            Some(0x80..) if input.starts_with(['\u{ff08}', '【']) => Start::CjkOpen,
            Some(0x80..) if input.starts_with(is_wide_digit) => Start::WideDigit,
            _ => Start::Other,
        }
    }
}

/// Whether a notation is tried as a leading candidate for a start, or only as a fallback whose
/// error is not reported (`Juche Tower, April 15 (KCNA)` is a dateline, but `Juche idea` should
/// be reported as what the Juche notations expected).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Try {
    Lead,
    Fallback,
}

/// What a notation can be in an article (see [`crate::date_article`]).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Role {
    /// A page stamp, where pages put stamps (`www.kcna.kp (Juche111.11.8.)`, `[2024.02.11.]`).
    Stamp,
    /// A day-first stamp after a label or at a line start (`Date: 08/11/2022`).
    DayFirst,
    /// A full date that is a header or a signature when alone on its line.
    Heading,
    /// A dateline.
    Dateline,
    /// A date inside a sentence only (a day without its year, a bare year, …).
    Body,
}

/// Where `scan` looks for a notation: each notation contains one of its anchors at a known
/// distance from its start (see [`crate::scan`] for the searches).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Anchor {
    /// A capitalised English month name (or a word starting like one).
    Month,
    /// `Juche`: the notation starts at the anchor.
    Juche,
    /// `주체`: the notation starts at the anchor.
    KoreanJuche,
    /// `【`: a Japanese dateline starts at the anchor.
    JapaneseBracket,
    /// A digit before `/`: a day of one or two digits ends there.
    Slash,
    /// A digit before `.` or `-`: a four-digit year ends there.
    YearEnd,
    /// `년`: a Korean year of ASCII or full-width digits ends there.
    Nyeon,
    /// `월`: a Korean month without a year (`7월 9일`) ends there.
    Wol,
    /// A weekday name: `on` and spaces before it start `on Monday`.
    Weekday,
    /// `(`: a dateline's agency tag may open there; its month, in capitals or lower case, stands
    /// before it (`MARCH 1 (`, `october 17 (`).
    Tag,
    /// `(` or `（` before a Hangul syllable: a Korean dateline starts there, or `주체` just after
    /// it.
    HangulParen,
    /// ` de ` + a Spanish month: a day of one or two digits ends there (a Spanish date or the day
    /// of a Spanish dateline).
    SpanishMonth,
    /// `일`: a Korean day of the month (`18일`) of ASCII or full-width digits ends there.
    Il,
    /// A word of a body notation that starts at the word: `día `, and the relative days of
    /// [`body::RELATIVE_WORDS`] (`today`, `hoy`, `오늘`, …), `음력` and `lunar`.
    BodyWord,
    /// The first word of a named day (`Day`, `Songun`, `태양절`): the notation starts there.
    NamedWord,
}

/// A notation's prefix reader (its grammar, then validation).
type Reader = fn(&str) -> Prefix<Notation>;

/// A notation's prefix fast path: the reading of its common form, equal to the grammar's.
type Fast = fn(&str) -> Option<(Notation, usize)>;

/// One notation of the registry.
pub(crate) struct Entry {
    /// Which notation.
    pub(crate) kind: NotationKind,
    /// The starts at which it is tried (in registry order among the entries of that start).
    starts: &'static [(Start, Try)],
    /// Its reader.
    read: Reader,
    /// Its fast path, if one pays (proven equal to `read` by the unit tests of its module).
    fast: Option<Fast>,
    /// A cheap test that the text may be this notation, where one pays: when it says no, the
    /// grammar could not have read past the first byte (checked by a unit test), so it is not run.
    may_be: Option<fn(&[u8]) -> bool>,
    /// A cheap test that the grammar may match at all, where one pays: when it says no, the
    /// grammar gives `NoMatch` (checked by a unit test of its module). Used where the reason for
    /// a `NoMatch` is not reported: at a start where the notation is a fallback, and in `scan`.
    may_match: Option<fn(&[u8]) -> bool>,
    /// What it can be in an article.
    pub(crate) role: Role,
    /// Where `scan` finds it.
    pub(crate) anchors: &'static [Anchor],
}

/// Every notation, in the order they are tried at a start (the first that matches wins).
pub(crate) static REGISTRY: [Entry; 26] = [
    Entry {
        kind: NotationKind::KoreanMonth,
        // Before the Korean date, which commits once it has read `2021년 6월` and finds no day.
        starts: &[
            (Start::Digit, Try::Fallback),
            (Start::WideDigit, Try::Fallback),
        ],
        read: |input| body::prefix_korean_month(input).map(Notation::KoreanMonth),
        fast: None,
        may_be: None,
        may_match: Some(body::may_match_korean_month),
        role: Role::Body,
        anchors: &[Anchor::Nyeon, Anchor::Wol],
    },
    Entry {
        kind: NotationKind::Dmy,
        starts: &[(Start::Digit, Try::Lead)],
        read: |input| dmy::prefix(input).map(Notation::Dmy),
        fast: Some(|input| dmy::fast_prefix(input).map(|(d, len)| (Notation::Dmy(d), len))),
        may_be: None,
        may_match: Some(dmy::may_match),
        role: Role::DayFirst,
        anchors: &[Anchor::Slash],
    },
    Entry {
        kind: NotationKind::DottedStamp,
        starts: &[(Start::Digit, Try::Lead)],
        read: |input| dotted::prefix(input).map(Notation::DottedStamp),
        fast: Some(|input| {
            dotted::fast_prefix(input).map(|(d, len)| (Notation::DottedStamp(d), len))
        }),
        may_be: None,
        may_match: Some(dotted::may_match),
        role: Role::Stamp,
        anchors: &[Anchor::YearEnd],
    },
    Entry {
        kind: NotationKind::IsoDate,
        starts: &[(Start::Digit, Try::Lead)],
        read: |input| iso::prefix(input).map(Notation::IsoDate),
        fast: None,
        may_be: None,
        may_match: Some(iso::may_match),
        role: Role::Heading,
        anchors: &[Anchor::YearEnd],
    },
    Entry {
        kind: NotationKind::KoreanDate,
        starts: &[
            (Start::Digit, Try::Lead),
            (Start::KoreanJuche, Try::Lead),
            (Start::WideDigit, Try::Lead),
        ],
        read: |input| korean::prefix_date(input).map(Notation::KoreanDate),
        fast: Some(|input| {
            korean::fast_date_prefix(input).map(|(date, len)| (Notation::KoreanDate(date), len))
        }),
        may_be: None,
        may_match: Some(korean::may_match_date),
        role: Role::Heading,
        anchors: &[Anchor::Nyeon, Anchor::KoreanJuche],
    },
    Entry {
        kind: NotationKind::SpanishDate,
        starts: &[(Start::Digit, Try::Lead)],
        read: |input| spanish::prefix(input).map(Notation::SpanishDate),
        fast: None,
        may_be: None,
        may_match: Some(spanish::may_match),
        role: Role::Heading,
        anchors: &[Anchor::SpanishMonth],
    },
    Entry {
        kind: NotationKind::KoreanMonthDay,
        starts: &[(Start::Digit, Try::Lead), (Start::WideDigit, Try::Lead)],
        read: |input| relative::prefix_korean(input).map(Notation::KoreanMonthDay),
        fast: None,
        may_be: None,
        may_match: Some(relative::may_match_korean),
        role: Role::Body,
        anchors: &[Anchor::Wol],
    },
    Entry {
        kind: NotationKind::KoreanJucheYear,
        starts: &[(Start::KoreanJuche, Try::Lead)],
        read: |input| korean::prefix_juche_year(input).map(Notation::KoreanJucheYear),
        fast: None,
        may_be: None,
        may_match: None,
        role: Role::Body,
        anchors: &[Anchor::KoreanJuche],
    },
    Entry {
        kind: NotationKind::JucheStamp,
        starts: &[(Start::Juche, Try::Lead)],
        read: |input| juche::prefix_stamp(input).map(Notation::JucheStamp),
        fast: Some(|input| {
            let (date, len) = juche::fast_stamp_prefix(input)?;
            Some((Notation::JucheStamp(JucheDate::try_from(date).ok()?), len))
        }),
        may_be: None,
        may_match: None,
        role: Role::Stamp,
        anchors: &[Anchor::Juche],
    },
    Entry {
        kind: NotationKind::JucheYear,
        starts: &[(Start::Juche, Try::Lead)],
        read: |input| juche::prefix_year(input).map(Notation::JucheYear),
        fast: Some(|input| {
            juche::fast_year_prefix(input.as_bytes())
                .map(|(year, len)| (Notation::JucheYear(year), len))
        }),
        may_be: None,
        may_match: None,
        role: Role::Body,
        anchors: &[Anchor::Juche],
    },
    Entry {
        kind: NotationKind::WeekdayRef,
        starts: &[(Start::On, Try::Lead)],
        // Also reads `MonthDayRef` (`on May 7`, `on Monday, November 7`).
        read: read_on,
        fast: Some(|input| {
            relative::fast_on_weekday(input).map(|(day, len)| (Notation::WeekdayRef(day), len))
        }),
        may_be: None,
        may_match: Some(relative::may_match_on),
        role: Role::Body,
        anchors: &[Anchor::Weekday],
    },
    Entry {
        kind: NotationKind::MonthDayRef,
        // Read by the `on` reader of `WeekdayRef`.
        starts: &[],
        read: read_on,
        fast: None,
        may_be: None,
        may_match: None,
        role: Role::Body,
        anchors: &[Anchor::Month, Anchor::Weekday],
    },
    Entry {
        kind: NotationKind::MonthRef,
        starts: &[(Start::In, Try::Lead)],
        read: |input| relative::prefix_in(input).map(Notation::MonthRef),
        fast: Some(|input| {
            relative::fast_in(input).map(|(month, len)| (Notation::MonthRef(month), len))
        }),
        may_be: None,
        may_match: None,
        role: Role::Body,
        anchors: &[Anchor::Month],
    },
    Entry {
        kind: NotationKind::MonthName,
        starts: &[(Start::Other, Try::Lead)],
        read: |input| month_name::prefix(input).map(Notation::MonthName),
        fast: Some(|input| {
            month_name::fast_prefix(input)
                .map(|(d, len)| (Notation::MonthName(MonthNameDate::from_gregorian(d)), len))
        }),
        // A month name or a weekday name starts it.
        may_be: Some(month_name::may_start),
        may_match: None,
        role: Role::Heading,
        anchors: &[Anchor::Month, Anchor::Weekday],
    },
    Entry {
        kind: NotationKind::Dateline,
        // `El` may be a place (`El Paso, March 3 (KCNA)`): the dateline before `el 15 de junio`.
        starts: &[
            (Start::CjkOpen, Try::Lead),
            (Start::ElCapital, Try::Lead),
            (Start::Other, Try::Lead),
            (Start::Juche, Try::Fallback),
        ],
        read: |input| {
            let dateline = if Start::of(input) == Start::CjkOpen {
                dateline::prefix_cjk(input)
            } else {
                dateline::prefix(input)
            };
            dateline.map(Notation::Dateline)
        },
        fast: Some(|input| {
            dateline::fast_prefix_any(input).map(|(d, len)| (Notation::Dateline(d), len))
        }),
        may_be: None,
        may_match: Some(dateline::may_match),
        role: Role::Dateline,
        anchors: &[
            Anchor::Month,
            Anchor::Tag,
            Anchor::JapaneseBracket,
            Anchor::HangulParen,
            Anchor::SpanishMonth,
        ],
    },
    Entry {
        kind: NotationKind::LunarDay,
        // Before the named days (`Lunar New Year` is one; `lunar August 15` is this).
        starts: &[(Start::Digit, Try::Fallback), (Start::Other, Try::Fallback)],
        read: |input| lunar_ref::prefix(input).map(Notation::LunarDay),
        fast: None,
        may_be: Some(|bytes| matches!(bytes.first(), Some(b'0'..=b'9' | b'l' | b'L' | 0xEC))),
        may_match: None,
        role: Role::Body,
        anchors: &[Anchor::BodyWord, Anchor::SpanishMonth],
    },
    Entry {
        kind: NotationKind::NamedDay,
        // After the dates and the dateline (`June 15, 2000` is a date), before the bare forms
        // (`the June 15 joint declaration` is a named day, `June 15` alone a day).
        starts: &[
            (Start::Digit, Try::Fallback),
            (Start::WideDigit, Try::Fallback),
            (Start::Other, Try::Fallback),
            (Start::ElCapital, Try::Fallback),
        ],
        read: |input| match named_day::prefix(input) {
            Some((day, len)) if named_day::scan_reads(&day) => {
                Prefix::Valid(Notation::NamedDay(day), len)
            }
            _ => Prefix::NoMatch(Miss {
                expected: Expected::Notation,
                at: 0,
            }),
        },
        fast: None,
        may_be: None,
        may_match: None,
        role: Role::Body,
        anchors: &[Anchor::NamedWord, Anchor::SpanishMonth, Anchor::YearEnd],
    },
    Entry {
        kind: NotationKind::SpanishDayRef,
        starts: &[(Start::ElLower, Try::Lead), (Start::ElCapital, Try::Lead)],
        read: |input| relative::prefix_el(input).map(Notation::SpanishDayRef),
        fast: Some(|input| {
            relative::fast_el(input).map(|(day, len)| (Notation::SpanishDayRef(day), len))
        }),
        may_be: None,
        may_match: None,
        role: Role::Body,
        anchors: &[Anchor::SpanishMonth],
    },
    Entry {
        kind: NotationKind::SpanishDayPair,
        starts: &[(Start::Los, Try::Lead)],
        read: |input| relative::prefix_pair(input).map(Notation::SpanishDayPair),
        fast: Some(|input| {
            relative::fast_pair(input).map(|(pair, len)| (Notation::SpanishDayPair(pair), len))
        }),
        may_be: None,
        may_match: None,
        role: Role::Body,
        anchors: &[Anchor::SpanishMonth],
    },
    Entry {
        kind: NotationKind::MonthDay,
        // After the month-name date and the dateline, which a month or weekday may also start.
        // Also reads `Weekday`, `Month` and `MonthRef` (`March 1993`).
        starts: &[(Start::Other, Try::Fallback)],
        read: read_bare,
        fast: None,
        may_be: Some(month_name::may_start),
        may_match: None,
        role: Role::Body,
        anchors: &[Anchor::Month, Anchor::Weekday],
    },
    Entry {
        kind: NotationKind::Weekday,
        // Read by the bare reader of `MonthDay`.
        starts: &[],
        read: read_bare,
        fast: None,
        may_be: None,
        may_match: None,
        role: Role::Body,
        anchors: &[Anchor::Weekday],
    },
    Entry {
        kind: NotationKind::Month,
        // Read by the bare reader of `MonthDay`.
        starts: &[],
        read: read_bare,
        fast: None,
        may_be: None,
        may_match: None,
        role: Role::Body,
        anchors: &[Anchor::Month],
    },
    Entry {
        kind: NotationKind::SpanishDay,
        starts: &[(Start::Other, Try::Fallback)],
        read: |input| body::prefix_spanish(input).map(Notation::SpanishDay),
        fast: None,
        may_be: Some(|bytes| matches!(bytes.first(), Some(b'd' | b'D'))),
        may_match: None,
        role: Role::Body,
        anchors: &[Anchor::BodyWord],
    },
    Entry {
        kind: NotationKind::KoreanDay,
        starts: &[
            (Start::Digit, Try::Fallback),
            (Start::WideDigit, Try::Fallback),
        ],
        read: |input| body::prefix_korean(input).map(Notation::KoreanDay),
        fast: None,
        may_be: None,
        may_match: Some(body::may_match_korean),
        role: Role::Body,
        anchors: &[Anchor::Il],
    },
    Entry {
        kind: NotationKind::RelativeDay,
        starts: &[(Start::Other, Try::Fallback)],
        read: |input| body::prefix_relative(input).map(Notation::RelativeDay),
        fast: None,
        may_be: Some(body::may_start_relative),
        may_match: None,
        role: Role::Body,
        anchors: &[Anchor::BodyWord],
    },
    Entry {
        kind: NotationKind::SpanishMonth,
        starts: &[(Start::Other, Try::Fallback)],
        // Also reads a Spanish weekday (`este martes`), as `Weekday`.
        read: |input| match body::prefix_spanish_month(input) {
            Prefix::NoMatch(_) => body::prefix_spanish_weekday(input).map(Notation::Weekday),
            other => other.map(Notation::SpanishMonth),
        },
        fast: None,
        may_be: Some(|bytes| matches!(bytes.first(), Some(b'a'..=b'z'))),
        may_match: None,
        role: Role::Body,
        anchors: &[Anchor::BodyWord],
    },
];

/// `November 24`, `Monday, November 7` (`MonthDay`), `Friday` (`Weekday`), `June` (`Month`) or
/// `March 1993` (`MonthRef`), without `on` or `in`.
fn read_bare(input: &str) -> Prefix<Notation> {
    body::prefix_bare(input).map(|bare| match bare {
        BareRef::Weekday(day) => Notation::Weekday(day),
        BareRef::Day(day) => Notation::MonthDay(day),
        BareRef::MonthOfYear(month) => Notation::MonthRef(month),
        BareRef::Month(month) => Notation::Month(month),
    })
}

/// `on Monday` (`WeekdayRef`), `on May 7` or `on Monday, November 7` (`MonthDayRef`).
fn read_on(input: &str) -> Prefix<Notation> {
    relative::prefix_on(input).map(|on| match on {
        relative::OnRef::Weekday(day) => Notation::WeekdayRef(day),
        relative::OnRef::Day(day) => Notation::MonthDayRef(day),
    })
}

/// The registry entry of `kind` (every kind has one: see the unit tests).
pub(crate) fn entry(kind: NotationKind) -> Option<&'static Entry> {
    REGISTRY.iter().find(|e| e.kind == kind)
}

/// The number of [`Start`]s.
const STARTS: usize = 11;

/// The registry's entries tried at each start (indexed by `Start as usize`), in registry order:
/// the dispatch of [`read`], computed once from the registry.
static BY_START: std::sync::LazyLock<[Vec<(&'static Entry, Try)>; STARTS]> =
    std::sync::LazyLock::new(|| {
        let mut table: [Vec<(&'static Entry, Try)>; STARTS] = Default::default();
        for entry in &REGISTRY {
            for &(start, how) in entry.starts {
                if let Some(slot) = table.get_mut(start as usize) {
                    slot.push((entry, how));
                }
            }
        }
        table
    });

/// The notations tried at each start, leading ones only (for the error of a text that begins none
/// of them).
static TRIED: std::sync::LazyLock<Vec<(Start, Vec<NotationKind>)>> =
    std::sync::LazyLock::new(|| {
        let mut tried: Vec<(Start, Vec<NotationKind>)> = Vec::new();
        for entry in &REGISTRY {
            for &(start, how) in entry.starts {
                if how != Try::Lead {
                    continue;
                }
                match tried.iter_mut().find(|(s, _)| *s == start) {
                    Some((_, kinds)) => kinds.push(entry.kind),
                    None => tried.push((start, vec![entry.kind])),
                }
            }
        }
        tried
    });

/// The leading notations tried at `start`.
fn tried_at(start: Start) -> &'static [NotationKind] {
    TRIED
        .iter()
        .find(|(s, _)| *s == start)
        .map_or(&[], |(_, kinds)| kinds.as_slice())
}

/// Reads the notation that `input` starts with.
pub(crate) fn prefix(input: &str) -> Prefix<Notation> {
    read(input).1
}

/// Reads the notation that `input` starts with, trying the registry's notations for how it begins
/// in registry order, and says which notation matched (`None` when none did).
///
/// A text with a notation's shape but no valid date (`31/02/2022`) is `Invalid` of that notation;
/// it is not tried as another notation. When no grammar matches, the error is that of the leading
/// grammar that read furthest; when none read anything, it names the notations tried.
pub(crate) fn read(input: &str) -> (Option<NotationKind>, Prefix<Notation>) {
    read_with(input, true, Why::Report)
}

/// [`read`] for a caller that drops the reason of a `NoMatch` (`scan`): the same `Valid` and
/// `Invalid` readings, but a grammar whose `may_match` test says no is not run, and a `NoMatch`
/// says only that no notation was found.
pub(crate) fn read_candidate(input: &str) -> (Option<NotationKind>, Prefix<Notation>) {
    read_with(input, true, Why::Drop)
}

/// [`read`] by the grammars alone, without the fast paths (for tests).
#[cfg(any(test, fuzzing))]
pub(crate) fn read_grammars(input: &str) -> (Option<NotationKind>, Prefix<Notation>) {
    read_with(input, false, Why::Report)
}

/// Whether a reader's caller wants the reason of a `NoMatch`.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Why {
    /// The error of the grammar that read furthest, as [`read`] documents.
    Report,
    /// Nothing: the grammars that cannot match are skipped.
    Drop,
}

/// [`read`], with or without the fast paths, with or without the reason of a `NoMatch`.
fn read_with(input: &str, fast: bool, why: Why) -> (Option<NotationKind>, Prefix<Notation>) {
    let start = Start::of(input);
    let mut best: Option<Miss> = None;
    let tried = BY_START.get(start as usize).map_or(&[][..], Vec::as_slice);
    for &(entry, how) in tried {
        if entry.may_be.is_some_and(|may_be| !may_be(input.as_bytes())) {
            continue;
        }
        // The fast path first: where it reads a notation, `may_match` says yes (the grammar
        // reads the same), so the test would be wasted. Each fast path rejects cheaply: the
        // dateline's looks for the end of a place with memchr before it reads one (on
        // `JucheJuche…`, reading a place's length at every `Juche` took 37% of the instructions).
        if fast {
            if let Some((value, len)) = entry.fast.and_then(|f| f(input)) {
                return (Some(entry.kind), Prefix::Valid(value, len));
            }
        }
        let guard = entry
            .may_match
            .filter(|_| how == Try::Fallback || why == Why::Drop);
        if guard.is_some_and(|may_match| !may_match(input.as_bytes())) {
            continue;
        }
        match (entry.read)(input) {
            Prefix::Valid(value, len) => return (Some(value.kind()), Prefix::Valid(value, len)),
            Prefix::NoMatch(miss) => {
                if how == Try::Lead && best.is_none_or(|b| miss.at > b.at) {
                    best = Some(miss);
                }
            }
            matched => return (Some(entry.kind), matched),
        }
    }
    let miss = match best {
        Some(miss) if miss.at > 0 => miss,
        _ => Miss {
            expected: Expected::OneOf(tried_at(start)),
            at: 0,
        },
    };
    (None, Prefix::NoMatch(miss))
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
            Notation::MonthDay(day) => relative::write_month_day(f, day),
            Notation::Weekday(day) => f.write_str(crate::calendar::weekday_name(*day)),
            Notation::Month(month) => {
                f.write_str(crate::calendar::month_name(*month).unwrap_or("January"))
            }
            Notation::SpanishDay(day) => body::write_spanish(f, *day),
            Notation::KoreanDay(day) => body::write_korean(f, *day),
            Notation::RelativeDay(day) => write!(f, "{day}"),
            Notation::KoreanMonth(m) => body::write_korean_month(f, m),
            Notation::SpanishMonth(m) => body::write_spanish_month(f, m),
            Notation::NamedDay(day) => write!(f, "{day}"),
            Notation::LunarDay(day) => write!(f, "{day}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorKind;

    const KINDS: [NotationKind; 26] = [
        NotationKind::Dateline,
        NotationKind::Dmy,
        NotationKind::JucheStamp,
        NotationKind::DottedStamp,
        NotationKind::MonthName,
        NotationKind::JucheYear,
        NotationKind::KoreanDate,
        NotationKind::KoreanJucheYear,
        NotationKind::IsoDate,
        NotationKind::SpanishDate,
        NotationKind::WeekdayRef,
        NotationKind::MonthDayRef,
        NotationKind::MonthRef,
        NotationKind::SpanishDayRef,
        NotationKind::SpanishDayPair,
        NotationKind::KoreanMonthDay,
        NotationKind::MonthDay,
        NotationKind::Weekday,
        NotationKind::Month,
        NotationKind::SpanishDay,
        NotationKind::KoreanDay,
        NotationKind::RelativeDay,
        NotationKind::KoreanMonth,
        NotationKind::SpanishMonth,
        NotationKind::NamedDay,
        NotationKind::LunarDay,
    ];

    /// The example quoted in a kind's description (between backticks).
    fn example(kind: NotationKind) -> &'static str {
        kind.description().split('`').nth(1).unwrap()
    }

    #[test]
    fn the_dispatch_table_has_a_row_per_start() {
        // `Other` is the last variant of `Start`.
        assert_eq!(Start::Other as usize + 1, STARTS);
        let rows: usize = BY_START.iter().map(Vec::len).sum();
        let starts: usize = REGISTRY.iter().map(|e| e.starts.len()).sum();
        assert_eq!(rows, starts);
    }

    #[test]
    fn every_kind_has_one_entry() {
        for kind in KINDS {
            let n = REGISTRY.iter().filter(|e| e.kind == kind).count();
            assert_eq!(n, 1, "{kind}");
            assert!(
                !entry(kind).unwrap().anchors.is_empty(),
                "{kind} has no anchor"
            );
        }
        assert_eq!(REGISTRY.len(), KINDS.len());
    }

    #[test]
    fn every_example_reads_as_its_kind_through_the_registry() {
        for kind in KINDS {
            let text = example(kind);
            let (found, read) = read(text);
            assert_eq!(found, Some(kind), "{text:?}");
            let (value, len) = read.into_result().unwrap();
            assert_eq!((value.kind(), len), (kind, text.len()), "{text:?}");
            // And by its own entry's reader, and its start is one the entry is tried at (or, for
            // `on May 7`, its reader's).
            assert!(matches!(
                (entry(kind).unwrap().read)(text),
                Prefix::Valid(..)
            ));
            let start = Start::of(text);
            let tried = REGISTRY
                .iter()
                .filter(|e| e.starts.iter().any(|(s, _)| *s == start))
                .any(|e| {
                    core::ptr::fn_addr_eq(e.read, entry(kind).unwrap().read) || e.kind == kind
                });
            assert!(
                tried,
                "{text:?} starts as {start:?}, which {kind} is not tried at"
            );
        }
    }

    #[test]
    fn every_example_is_found_by_scan_inside_text() {
        for kind in KINDS {
            let text = example(kind);
            let page = format!("Text before. {text} and after.");
            let found: Vec<_> = crate::scan(&page).map(|f| (f.kind(), f.span())).collect();
            assert!(
                found
                    .iter()
                    .any(|(k, span)| *k == kind && page.get(span.clone()) == Some(text)),
                "{text:?}: {found:?}"
            );
        }
    }

    #[test]
    fn ok_fast_path_and_grammar_agree_on_the_common_forms() {
        for text in [
            "08/11/2022",
            "2025.12.14.",
            "Juche111.11.8.",
            "May 08, 2025",
        ] {
            assert_eq!(
                read_with(text, true, Why::Report).0,
                read_with(text, false, Why::Report).0,
                "{text:?}"
            );
            let fast = read_with(text, true, Why::Report).1.into_result().unwrap();
            let grammar = read_with(text, false, Why::Report).1.into_result().unwrap();
            assert_eq!(fast, grammar, "{text:?}");
        }
    }

    #[test]
    fn err_no_notation_names_the_notations_tried() {
        let err = prefix("hello").strict("hello").unwrap_err();
        assert_eq!(
            err.kind(),
            ErrorKind::Expected(Expected::OneOf(&[
                NotationKind::MonthName,
                NotationKind::Dateline
            ]))
        );
        // A start where some grammar reads part of the text: that grammar's error.
        let err = prefix("１x").strict("１x").unwrap_err();
        assert_eq!(err.to_string(), "expected `월` after `１`, but found `x`");
    }

    #[test]
    fn err_a_juche_place_does_not_hide_the_juche_error() {
        // `Juche idea` is no dateline; the error is the Juche year's, not the dateline's.
        let err = prefix("Juche idea").strict("Juche idea").unwrap_err();
        assert_eq!(
            err.to_string(),
            "expected year after `Juche `, but found `i`"
        );
        // But `Juche Tower, April 15 (KCNA)` is a dateline.
        let (kind, read) = read("Juche Tower, April 15 (KCNA)");
        assert_eq!(kind, Some(NotationKind::Dateline));
        assert!(matches!(read, Prefix::Valid(..)));
    }

    /// Texts that open with numbers, in the shapes of the notations that do: number, separator,
    /// number, separator, number, separator and a tail, each piece of several kinds (digit runs of
    /// every length, ASCII and full-width; the separators and words of every such notation).
    fn number_texts() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::sample::select;
        use proptest::strategy::Strategy;
        let numbers = vec![
            "1",
            "12",
            "123",
            "2024",
            "20241",
            "2024123",
            "０",
            "２０２４",
            "８",
            "1８",
            "junio",
            "",
        ];
        let separators = vec![
            "/", ".", "-", " ", " de ", "년", "월", "일", "년 ", "월 ", "\u{3000}", "", "x",
        ];
        let tails = vec![
            "",
            " de 2012",
            " del 101 (2012)",
            "일",
            ".",
            "\n",
            "junio de 2012",
            "주체",
        ];
        (
            select(numbers.clone()),
            select(separators.clone()),
            select(numbers.clone()),
            select(separators.clone()),
            select(numbers),
            select(separators),
            select(tails),
        )
            .prop_map(|(a, b, c, d, e, f, g)| format!("{a}{b}{c}{d}{e}{f}{g}"))
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(4_000))]

        /// Where an entry's `may_match` says no, its grammar finds nothing: `scan` may skip it.
        /// (The dateline's own test, with texts of its shape, is in `grammar::dateline`.)
        #[test]
        fn may_match_says_no_only_where_the_grammar_does(text in number_texts()) {
            for entry in REGISTRY.iter() {
                let Some(may_match) = entry.may_match else {
                    continue;
                };
                if !may_match(text.as_bytes()) {
                    proptest::prop_assert!(
                        matches!((entry.read)(&text), Prefix::NoMatch(_)),
                        "{:?}: {:?}", entry.kind, text
                    );
                }
            }
        }
    }

    /// Every form of every notation that has a `may_match` (and some it reads as invalid) passes
    /// its test: the random texts above rarely build a whole notation.
    #[test]
    fn may_match_says_yes_to_every_form() {
        let forms = [
            "8/11/2022",
            "08/11/2022",
            "31/02/2022",
            "2025.12.14.",
            "2025.1.4",
            "2025.13.4",
            "2024-02-11",
            "2024-02-30",
            "2024년 7월 9일",
            "2024년7월9일",
            "202412년 7월 9일",
            "２０２４년 ７월 ９일",
            "20２4년 7월 9일",
            "주체113(2024)년 7월 9일",
            "7월 9일",
            "7월9일",
            "12월 31일",
            "７월 ９일",
            "1２월 ３1일",
            "13월 1일",
            "15 de junio de 2012",
            "1 de junio del 101 (2012)",
            "31 de junio de 2012",
            "Pyongyang, November 8 (KCNA)",
            "Pyongyang November 8 (KCNA)",
            "Dar es Salaam, 24 de diciembre (ACNC)",
            "pyongyang, november 8 (KCNA",
            "(평양 8월 21일발 조선중앙통신)",
            "【平壌７月５日発朝鮮中央通信】",
            "on Monday",
            "on May 7",
            "on Nov. 7",
            "on Monday, November 7",
            "on November 7 2022",
            "on February 30",
        ];
        let mut checked = 0;
        for form in forms {
            for text in [form.to_owned(), format!("{form} and more")] {
                for entry in REGISTRY.iter() {
                    let Some(may_match) = entry.may_match else {
                        continue;
                    };
                    if !matches!((entry.read)(&text), Prefix::NoMatch(_)) {
                        checked += 1;
                        assert!(may_match(text.as_bytes()), "{:?}: {text:?}", entry.kind);
                    }
                }
            }
        }
        // Each form is read (valid or invalid) by some entry with a `may_match`.
        assert!(checked >= 2 * forms.len(), "{checked}");
    }
}
