//! The names of the notations, at the ground of the crate (the error type names them).

use core::fmt;

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
    /// `November 24`, `Monday, November 7`: a day without its year and without `on`.
    MonthDay,
    /// `Thursday`: a weekday without `on`.
    Weekday,
    /// `June`: a month without its year.
    Month,
    /// `el día 16` (Spanish edition): the day of the month alone.
    SpanishDay,
    /// `18일` (Korean edition): the day of the month alone.
    KoreanDay,
    /// `today`, `ayer`, `오늘`, `that day`: a day relative to the story's date or to a day named
    /// before.
    RelativeDay,
    /// `2021년 6월`, `8월현재` (Korean edition): a month without a day.
    KoreanMonth,
    /// `julio`, `noviembre de 2013` (Spanish edition): a month without a day.
    SpanishMonth,
    /// `the Day of the Sun`, `태양절`, `the June 15 joint declaration`: a named day.
    NamedDay,
    /// `음력 8월 15일`, `lunar August 15`: a day of the Korean lunar calendar.
    LunarDay,
}

impl NotationKind {
    /// A short stable name: `dateline`, `dmy`, `juche_stamp`, `dotted_stamp`, `month_name`,
    /// `juche_year`, `korean_date`, `korean_juche_year`, `iso_date`, `spanish_date`, `weekday_ref`,
    /// `month_day_ref`, `month_ref`, `spanish_day_ref`, `spanish_day_pair`, `korean_month_day`,
    /// `month_day`, `weekday`, `month`, `spanish_day`, `korean_day`, `relative_day`, `korean_month`,
    /// `spanish_month`, `named_day`, `lunar_day`.
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
            NotationKind::MonthDay => "month_day",
            NotationKind::Weekday => "weekday",
            NotationKind::Month => "month",
            NotationKind::SpanishDay => "spanish_day",
            NotationKind::KoreanDay => "korean_day",
            NotationKind::RelativeDay => "relative_day",
            NotationKind::KoreanMonth => "korean_month",
            NotationKind::SpanishMonth => "spanish_month",
            NotationKind::NamedDay => "named_day",
            NotationKind::LunarDay => "lunar_day",
        }
    }
}

impl NotationKind {
    /// What the notation is called in error messages: `dateline`, `day-first stamp`, …
    ///
    /// ```
    /// assert_eq!(kcna_dates::NotationKind::Dmy.description(), "day-first stamp `08/11/2022`");
    /// ```
    pub fn description(&self) -> &'static str {
        match self {
            NotationKind::Dateline => "dateline `Pyongyang, November 8 (KCNA)`",
            NotationKind::Dmy => "day-first stamp `08/11/2022`",
            NotationKind::JucheStamp => "Juche stamp `Juche111.11.8.`",
            NotationKind::DottedStamp => "dotted stamp `2025.12.14.`",
            NotationKind::MonthName => "month-name date `May 08, 2025`",
            NotationKind::JucheYear => "Juche year `Juche 113 (2024)`",
            NotationKind::KoreanDate => "Korean date `2026년 8월 21일`",
            NotationKind::KoreanJucheYear => "Korean Juche year `주체87(1998)년`",
            NotationKind::IsoDate => "ISO date `2026-08-21`",
            NotationKind::SpanishDate => "Spanish date `15 de junio de 2000`",
            NotationKind::WeekdayRef => "weekday `on Monday`",
            NotationKind::MonthDayRef => "day `on May 7`",
            NotationKind::MonthRef => "month `in October 2014`",
            NotationKind::SpanishDayRef => "Spanish day `el 15 de junio`",
            NotationKind::SpanishDayPair => "Spanish day pair `los días 25 y 30 de agosto`",
            NotationKind::KoreanMonthDay => "Korean day `7월 9일`",
            NotationKind::MonthDay => "day `November 24`",
            NotationKind::Weekday => "weekday `Thursday`",
            NotationKind::Month => "month `June`",
            NotationKind::SpanishDay => "Spanish day `día 16`",
            NotationKind::KoreanDay => "Korean day `18일`",
            NotationKind::RelativeDay => "relative day `today`",
            NotationKind::KoreanMonth => "Korean month `2021년 6월`",
            NotationKind::SpanishMonth => "Spanish month `noviembre de 2013`",
            NotationKind::NamedDay => "named day `May Day`",
            NotationKind::LunarDay => "lunar day `음력 8월 15일`",
        }
    }
}

impl fmt::Display for NotationKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}
