//! The calendar at the ground of every notation: the Juche offset and year conversions, month and
//! weekday names, and the longest day of each month. It imports nothing from the crate, so every
//! other module can build on it without a cycle.

use chrono::{NaiveDate, Weekday};

/// Gregorian year = Juche year + `JUCHE_OFFSET`.
pub const JUCHE_OFFSET: i32 = 1911;

/// The last Gregorian year chrono's `NaiveDate` holds (262142).
pub(crate) const MAX_YEAR: i32 = 262_142;

/// The Gregorian year of Juche 1 (1912).
pub(crate) const FIRST_JUCHE_YEAR: i32 = 1912;

/// The last Juche year whose Gregorian year chrono holds (260231).
pub(crate) const MAX_JUCHE_YEAR: u32 = 260_231;

/// The Gregorian year of Juche year `juche`, if chrono can represent it.
pub(crate) fn to_gregorian_year(juche: u32) -> Option<i32> {
    let year = i32::try_from(juche).ok()?.checked_add(JUCHE_OFFSET)?;
    NaiveDate::from_ymd_opt(year, 1, 1).map(|_| year)
}

/// The Juche year of Gregorian year `year`, if it is 1912 or later.
pub(crate) fn to_juche_year(year: i32) -> Option<u32> {
    u32::try_from(year.checked_sub(JUCHE_OFFSET)?)
        .ok()
        .filter(|&y| y >= 1)
}

/// The English month names, January first.
pub(crate) const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// The English weekday names, Monday first (chrono's order).
pub(crate) const WEEKDAY_NAMES: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// The English name of a month 1-12.
pub(crate) fn month_name(month: u32) -> Option<&'static str> {
    MONTH_NAMES
        .get(usize::try_from(month.checked_sub(1)?).ok()?)
        .copied()
}

/// The month whose name starts with the three bytes `first` (`Jan` … `Dec`, as written
/// capitalised), and the rest of its full name.
#[inline]
pub(crate) fn month_by_three(first: [u8; 3]) -> Option<(u32, &'static [u8])> {
    let month: u32 = match &first {
        b"Jan" => 1,
        b"Feb" => 2,
        b"Mar" => 3,
        b"Apr" => 4,
        b"May" => 5,
        b"Jun" => 6,
        b"Jul" => 7,
        b"Aug" => 8,
        b"Sep" => 9,
        b"Oct" => 10,
        b"Nov" => 11,
        b"Dec" => 12,
        _ => return None,
    };
    let tail = month_name(month)?.as_bytes().get(3..)?;
    Some((month, tail))
}

/// The month of a full English month name (`November`).
pub(crate) fn full_month(word: &str) -> Option<u32> {
    let [a, b, c, ref tail @ ..] = *word.as_bytes() else {
        return None;
    };
    let (month, full_tail) = month_by_three([a, b, c])?;
    (tail == full_tail).then_some(month)
}

/// The month of an abbreviated English month name, without its dot (`Nov`, `Sept`; `May` has
/// no abbreviation).
pub(crate) fn abbreviated_month(word: &str) -> Option<u32> {
    let (month, _) = match *word.as_bytes() {
        [a, b, c] => month_by_three([a, b, c])?,
        [b'S', b'e', b'p', b't'] => (9, &[][..]),
        _ => return None,
    };
    (month != 5).then_some(month)
}

/// The English name of a weekday.
pub(crate) fn weekday_name(weekday: Weekday) -> &'static str {
    WEEKDAY_NAMES
        .get(usize::try_from(weekday.num_days_from_monday()).unwrap_or(0))
        .copied()
        .unwrap_or("Monday")
}

/// The weekday of a full English weekday name (`Monday`).
pub(crate) fn weekday_of_name(word: &[u8]) -> Option<Weekday> {
    let index = WEEKDAY_NAMES
        .iter()
        .position(|name| name.as_bytes() == word)?;
    Weekday::try_from(u8::try_from(index).ok()?).ok()
}

/// The largest day a month has in any year (February: 29).
pub(crate) fn max_day(month: u32) -> u32 {
    match month {
        2 => 29,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// How the year of a date was written: Gregorian (`2026년`, `de 2000`), Juche alone
/// (`주체107년`), or Juche with its Gregorian year (`주체107(2018)년`, `del 101 (2012)`).
///
/// ```
/// use kcna_dates::{KoreanDate, YearStyle};
/// let d: KoreanDate = "주체107(2018)년 7월 9일".parse()?;
/// assert_eq!(d.year_style(), YearStyle::JucheGregorian);
/// # Ok::<(), kcna_dates::Error>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug)]
#[non_exhaustive]
pub enum YearStyle {
    /// The Gregorian year only: `2026년`.
    Gregorian,
    /// The Juche year only: `주체107년`.
    Juche,
    /// The Juche year with its Gregorian year: `주체107(2018)년`.
    JucheGregorian,
}

impl YearStyle {
    /// A short stable name: `gregorian`, `juche`, `juche_gregorian`.
    pub fn as_str(&self) -> &'static str {
        match self {
            YearStyle::Gregorian => "gregorian",
            YearStyle::Juche => "juche",
            YearStyle::JucheGregorian => "juche_gregorian",
        }
    }

    /// Whether the year is written the Juche way (with or without the Gregorian year).
    pub fn is_juche(&self) -> bool {
        matches!(self, YearStyle::Juche | YearStyle::JucheGregorian)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn year_bounds_are_chronos() {
        assert_eq!(chrono::Datelike::year(&NaiveDate::MAX), MAX_YEAR);
        assert_eq!(to_gregorian_year(MAX_JUCHE_YEAR), Some(MAX_YEAR));
        assert_eq!(to_gregorian_year(1), Some(FIRST_JUCHE_YEAR));
        assert_eq!(to_gregorian_year(MAX_JUCHE_YEAR + 1), None);
    }

    #[test]
    fn month_words() {
        assert_eq!(full_month("September"), Some(9));
        assert_eq!(full_month("Sept"), None);
        assert_eq!(abbreviated_month("Sept"), Some(9));
        assert_eq!(abbreviated_month("Sep"), Some(9));
        assert_eq!(abbreviated_month("May"), None);
        assert_eq!(full_month("May"), Some(5));
        assert_eq!(month_by_three(*b"Dec"), Some((12, &b"ember"[..])));
        assert_eq!(month_by_three(*b"dec"), None);
    }

    #[test]
    fn weekday_words() {
        for day in [Weekday::Mon, Weekday::Thu, Weekday::Sun] {
            assert_eq!(weekday_of_name(weekday_name(day).as_bytes()), Some(day));
        }
        assert_eq!(weekday_of_name(b"monday"), None);
    }
}
