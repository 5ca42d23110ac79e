//! Finding every notation in free text.
//!
//! [`scan`] walks a text once, left to right. At each position where a notation can begin it runs
//! the grammars of [`Notation`]; a match is reported and the walk resumes after it, so the results
//! are ordered and never overlap. Where a notation can begin:
//!
//! * a digit that does not continue a number: not after a letter or digit, nor after `,` `.` `/`
//!   that follow a digit (so `1,000/2024` and `108/11/20221` yield nothing);
//! * `Juche`, anywhere (list labels glue it to other text: `\t\t[Juche113.8.1.]`);
//! * a capital letter that does not continue a capitalised word: month names, weekdays and the place
//!   of a dateline. Scraped pages glue words (`May 08, 2025May 08, 2025`, `atKim Il Sung`), so a
//!   capital after a lower-case letter or a digit may begin one.
//!
//! Text that has a notation's shape but is not a valid date (`31/02/2022`, `Juche 29 (1930)`) is
//! reported as an invalid candidate: [`Found::date`] is `None` and [`Found::error`] says why.

use core::ops::Range;

use chrono::NaiveDate;

use crate::error::Error;
use crate::lex::Prefix;
use crate::notation::{self, Notation, NotationKind};

/// A notation found in a text by [`scan`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Found {
    span: Range<usize>,
    kind: NotationKind,
    value: Result<Notation, Error>,
}

impl Found {
    /// The byte range of the notation in the scanned text (on `char` boundaries).
    pub fn span(&self) -> Range<usize> {
        self.span.clone()
    }

    /// Which notation it is.
    pub fn kind(&self) -> NotationKind {
        self.kind
    }

    /// The full date, when the notation is valid and gives one (a dateline or a bare Juche year
    /// does not).
    pub fn date(&self) -> Option<NaiveDate> {
        self.value.as_ref().ok().and_then(Notation::date)
    }

    /// The value, when the text is a valid notation.
    pub fn notation(&self) -> Option<&Notation> {
        self.value.as_ref().ok()
    }

    /// Why the text, which has a notation's shape, is not a valid date (spans are in the scanned
    /// text).
    pub fn error(&self) -> Option<&Error> {
        self.value.as_ref().err()
    }

    /// Whether this is a valid notation (not an invalid candidate).
    pub fn is_valid(&self) -> bool {
        self.value.is_ok()
    }
}

/// Every notation in `text`, left to right, without overlaps; lazily, so a caller can stop early.
///
/// ```
/// use kcna_dates::{scan, NotationKind};
///
/// let page = "May 08, 2025May 08, 2025\nPyongyang, May 7 (KCNA) --Kim Jong Un ... \
///             www.kcna.kp (Juche114.5.7.) 3/4 of the Juche idea";
/// let found: Vec<_> = scan(page).map(|f| (f.kind(), &page[f.span()])).collect();
/// assert_eq!(found, [
///     (NotationKind::MonthName, "May 08, 2025"),
///     (NotationKind::MonthName, "May 08, 2025"),
///     (NotationKind::Dateline, "Pyongyang, May 7 (KCNA) --"),
///     (NotationKind::JucheStamp, "Juche114.5.7."),
/// ]);
/// ```
pub fn scan(text: &str) -> Scan<'_> {
    Scan { text, pos: 0 }
}

/// The iterator returned by [`scan`].
#[derive(Clone, Debug)]
pub struct Scan<'a> {
    text: &'a str,
    pos: usize,
}

impl Iterator for Scan<'_> {
    type Item = Found;

    fn next(&mut self) -> Option<Found> {
        let bytes = self.text.as_bytes();
        while let Some(start) = next_candidate(bytes, self.pos) {
            let Some(rest) = self.text.get(start..) else {
                self.pos = start.saturating_add(1);
                continue;
            };
            let (kind, value, len) = match notation::read(rest) {
                (Some(kind), Prefix::Valid(value, len)) => (kind, Ok(value), len),
                (Some(kind), Prefix::Invalid(err, len)) => (kind, Err(err.shifted(start)), len),
                _ => {
                    self.pos = start.saturating_add(1);
                    continue;
                }
            };
            let end = start.saturating_add(trim_trailing_blanks(rest, len));
            self.pos = end.max(start.saturating_add(1));
            return Some(Found {
                span: start..end,
                kind,
                value,
            });
        }
        self.pos = bytes.len();
        None
    }
}

/// `len` less the blanks that end the first `len` bytes of `text` (a dateline's separator may be
/// followed by spaces, which are not part of the notation's span).
fn trim_trailing_blanks(text: &str, len: usize) -> usize {
    match text.get(..len) {
        Some(head) => head.trim_end_matches([' ', '\t', '\u{a0}']).len(),
        None => len,
    }
}

/// The first position at or after `from` where a notation may begin.
fn next_candidate(bytes: &[u8], from: usize) -> Option<usize> {
    let tail = bytes.get(from..)?;
    tail.iter()
        .enumerate()
        .position(|(offset, &b)| {
            let i = from.saturating_add(offset);
            may_begin(bytes, i, b)
        })
        .map(|offset| from.saturating_add(offset))
}

/// Whether a notation may begin at byte `i`, which is `b`.
fn may_begin(bytes: &[u8], i: usize, b: u8) -> bool {
    let prev = i.checked_sub(1).and_then(|p| bytes.get(p)).copied();
    if b.is_ascii_digit() {
        return match prev {
            None => true,
            Some(p) if p.is_ascii_alphanumeric() => false,
            Some(b',' | b'.' | b'/') => !i
                .checked_sub(2)
                .and_then(|p| bytes.get(p))
                .is_some_and(u8::is_ascii_digit),
            Some(_) => true,
        };
    }
    if b == b'J' && bytes.get(i..).is_some_and(|t| t.starts_with(b"Juche")) {
        return true;
    }
    b.is_ascii_uppercase() && !prev.is_some_and(|p| p.is_ascii_uppercase())
}
