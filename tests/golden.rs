//! Golden tests for the core parsers: for each notation, a table of inputs with the exact value
//! (and canonical `Display` text) or the exact error kind, byte span and full message.
//!
//! Every table is also checked against the type's `parse_prefix`: a valid input is read whole, an
//! input that fails only with trailing text is read up to the error's span, and any other error has
//! the same kind and span (prefix errors carry no quoted context, so their message differs).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    clippy::arithmetic_side_effects,
    clippy::string_slice
)]

use std::collections::BTreeSet;
use std::fmt::Debug;
use std::ops::Range;

use chrono::{Datelike, NaiveDate, Weekday};
use kcna_dates::{
    DEFAULT_GRACE_DAYS, Dateline, DprkYear, Error, ErrorKind, Expected, Field, JUCHE_OFFSET,
    JucheDate, JucheYear, MonthNameDate, Notation, NotationKind, parse_dmy, parse_dmy_prefix,
    parse_dotted, parse_dotted_prefix,
};

fn ymd(year: i32, month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, day).unwrap()
}

/// An expected failure: kind, span and the full `Display` message of the strict parser.
#[derive(Debug)]
struct Fail {
    kind: ErrorKind,
    span: Range<usize>,
    message: &'static str,
}

type Want<P> = Result<P, Fail>;

fn fail<P>(kind: ErrorKind, span: Range<usize>, message: &'static str) -> Want<P> {
    Err(Fail {
        kind,
        span,
        message,
    })
}

fn expected<P>(what: Expected, at: usize, message: &'static str) -> Want<P> {
    fail(ErrorKind::Expected(what), at..at, message)
}

fn trailing<P>(span: Range<usize>, message: &'static str) -> Want<P> {
    fail(ErrorKind::TrailingInput, span, message)
}

/// Checks every row of a table against the strict parser and the prefix parser; panics with the
/// list of every mismatch.
fn run_table<T, P>(
    name: &str,
    rows: &[(&str, Want<P>)],
    parse: impl Fn(&str) -> Result<T, Error>,
    prefix: impl Fn(&str) -> Result<(T, usize), Error>,
    view: impl Fn(&T) -> P,
) where
    P: PartialEq + Debug,
{
    let mut problems = Vec::new();
    for (input, want) in rows {
        match (parse(input), want) {
            (Ok(value), Ok(p)) => {
                if view(&value) != *p {
                    problems.push(format!("{input:?}: got {:?}, want {p:?}", view(&value)));
                }
            }
            (Err(e), Err(f)) => {
                if e.kind() != f.kind || e.span() != f.span || e.to_string() != f.message {
                    problems.push(format!(
                        "{input:?}: got error {:?} {:?} {:?}, want {:?} {:?} {:?}",
                        e.kind(),
                        e.span(),
                        e.to_string(),
                        f.kind,
                        f.span,
                        f.message
                    ));
                }
            }
            (Ok(value), Err(f)) => problems.push(format!(
                "{input:?}: got {:?}, want error {f:?}",
                view(&value)
            )),
            (Err(e), Ok(p)) => problems.push(format!(
                "{input:?}: got error {:?} {:?} {:?}, want {p:?}",
                e.kind(),
                e.span(),
                e.to_string()
            )),
        }
        // The prefix parser agrees.
        let got = prefix(input);
        let ok = match (&got, want) {
            (Ok((value, len)), Ok(p)) => view(value) == *p && *len == input.len(),
            (Ok((_, len)), Err(f)) if f.kind == ErrorKind::TrailingInput => *len == f.span.start,
            (Err(e), Err(f)) if f.kind != ErrorKind::TrailingInput => {
                e.kind() == f.kind && e.span() == f.span
            }
            _ => false,
        };
        if !ok {
            problems.push(format!(
                "{input:?}: parse_prefix disagrees: {:?}",
                got.map(|(v, len)| (view(&v), len))
            ));
        }
    }
    assert!(
        problems.is_empty(),
        "{name}: {} mismatches:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

/// (date, canonical text, Juche year)
type StampView = (NaiveDate, String, u32);

#[test]
fn juche_stamp() {
    let ok = |y, m, d, text: &'static str, juche| Ok((ymd(y, m, d), text.to_owned(), juche));
    let rows: Vec<(&str, Want<StampView>)> = vec![
        ("Juche111.11.8.", ok(2022, 11, 8, "Juche111.11.8.", 111)),
        ("Juche108.12.10.", ok(2019, 12, 10, "Juche108.12.10.", 108)),
        ("Juche113.1.23.", ok(2024, 1, 23, "Juche113.1.23.", 113)),
        ("Juche113.1.23", ok(2024, 1, 23, "Juche113.1.23.", 113)),
        ("Juche113.01.05", ok(2024, 1, 5, "Juche113.1.5.", 113)),
        ("Juche113.01.05.", ok(2024, 1, 5, "Juche113.1.5.", 113)),
        ("Juche0113.8.4.", ok(2024, 8, 4, "Juche113.8.4.", 113)),
        ("Juche1.1.1.", ok(1912, 1, 1, "Juche1.1.1.", 1)),
        ("Juche113.2.29.", ok(2024, 2, 29, "Juche113.2.29.", 113)),
        ("Juche89.2.29.", ok(2000, 2, 29, "Juche89.2.29.", 89)),
        (
            "Juche260231.12.31.",
            ok(262_142, 12, 31, "Juche260231.12.31.", 260_231),
        ),
        (
            "Juche0.1.1.",
            fail(
                ErrorKind::OutOfRange {
                    field: Field::JucheYear,
                    value: 0,
                    min: 1,
                    max: 260_231,
                },
                5..6,
                "Juche year 0 is out of range, expected 1 to 260231",
            ),
        ),
        (
            "Juche000.1.1.",
            fail(
                ErrorKind::OutOfRange {
                    field: Field::JucheYear,
                    value: 0,
                    min: 1,
                    max: 260_231,
                },
                5..8,
                "Juche year 0 is out of range, expected 1 to 260231",
            ),
        ),
        (
            "Juche99999999999999999999.1.1.",
            fail(
                ErrorKind::NumberTooLong {
                    field: Field::JucheYear,
                },
                5..25,
                "Juche year `99999999999999999999` has too many digits",
            ),
        ),
        (
            "Juche4294967295.1.1.",
            fail(
                ErrorKind::OutOfRange {
                    field: Field::JucheYear,
                    value: 4294967295,
                    min: 1,
                    max: 260_231,
                },
                5..15,
                "Juche year 4294967295 is out of range, expected 1 to 260231",
            ),
        ),
        (
            "Juche2147483647.1.1.",
            fail(
                ErrorKind::OutOfRange {
                    field: Field::JucheYear,
                    value: 2147483647,
                    min: 1,
                    max: 260_231,
                },
                5..15,
                "Juche year 2147483647 is out of range, expected 1 to 260231",
            ),
        ),
        (
            // 260232 + 1911 = 262143, one past chrono's last year.
            "Juche260232.1.1.",
            fail(
                ErrorKind::OutOfRange {
                    field: Field::JucheYear,
                    value: 260232,
                    min: 1,
                    max: 260_231,
                },
                5..11,
                "Juche year 260232 is out of range, expected 1 to 260231",
            ),
        ),
        (
            "Juche111.13.1.",
            fail(
                ErrorKind::OutOfRange {
                    field: Field::Month,
                    value: 13,
                    min: 1,
                    max: 12,
                },
                9..11,
                "month 13 is out of range, expected 1 to 12",
            ),
        ),
        (
            "Juche111.0.8.",
            fail(
                ErrorKind::OutOfRange {
                    field: Field::Month,
                    value: 0,
                    min: 1,
                    max: 12,
                },
                9..10,
                "month 0 is out of range, expected 1 to 12",
            ),
        ),
        (
            "Juche111.11.31.",
            fail(
                ErrorKind::OutOfRange {
                    field: Field::Day,
                    value: 31,
                    min: 1,
                    max: 30,
                },
                12..14,
                "day 31 is out of range for November, expected 1 to 30",
            ),
        ),
        (
            "Juche112.2.29.",
            fail(
                ErrorKind::NoSuchDate {
                    year: 2023,
                    month: 2,
                    day: 29,
                },
                11..13,
                "February 29 does not exist in 2023",
            ),
        ),
        (
            "Juche111.11.",
            expected(
                Expected::Day,
                12,
                "expected day after `Juche111.11.`, but found end of input",
            ),
        ),
        (
            "Juche111.11.123.",
            expected(
                Expected::Day,
                12,
                "expected day after `Juche111.11.`, but found `1`",
            ),
        ),
        (
            "Juche111.111.8.",
            expected(
                Expected::Month,
                9,
                "expected month after `Juche111.`, but found `1`",
            ),
        ),
        (
            "Juche.1.1.",
            expected(
                Expected::Year,
                5,
                "expected year after `Juche`, but found `.`",
            ),
        ),
        (
            "Juche 111.11.8.",
            expected(
                Expected::Year,
                5,
                "expected year after `Juche`, but found ` `",
            ),
        ),
        (
            "Juche111,11.8.",
            expected(
                Expected::Literal("."),
                8,
                "expected `.` after `Juche111`, but found `,`",
            ),
        ),
        (
            "Juche111.11.8.x",
            trailing(
                14..15,
                "expected end of input after `Juche111.11.8.`, but found `x`",
            ),
        ),
        (
            "Juche111.11.8..",
            trailing(
                14..15,
                "expected end of input after `Juche111.11.8.`, but found `.`",
            ),
        ),
        (
            "Juche111.11.8.\u{a0}",
            trailing(
                14..16,
                "expected end of input after `Juche111.11.8.`, but found `\\u{a0}`",
            ),
        ),
        (
            " Juche111.11.8.",
            expected(
                Expected::Literal("Juche"),
                0,
                "expected `Juche` at start of input, but found ` `",
            ),
        ),
        (
            "juche111.11.8.",
            expected(
                Expected::Literal("Juche"),
                0,
                "expected `Juche` at start of input, but found `j`",
            ),
        ),
        (
            "",
            expected(
                Expected::Literal("Juche"),
                0,
                "expected `Juche` at start of input, but found end of input",
            ),
        ),
    ];
    run_table(
        "JucheDate",
        &rows,
        |s| s.parse::<JucheDate>(),
        JucheDate::parse_prefix,
        |v| (v.date(), v.to_string(), v.year()),
    );
}

#[test]
fn juche_stamp_accessors_and_conversions() {
    let stamp: JucheDate = "Juche111.11.8.".parse().unwrap();
    assert_eq!((stamp.year(), stamp.month(), stamp.day()), (111, 11, 8));
    assert_eq!(NaiveDate::from(stamp), ymd(2022, 11, 8));
    assert_eq!(format!("{stamp:?}"), "JucheDate(Juche111.11.8.)");
    assert_eq!(JucheDate::new(111, 11, 8).unwrap(), stamp);
    assert_eq!(JucheDate::try_from(ymd(2022, 11, 8)).unwrap(), stamp);

    // Bracketed list stamp read by prefix.
    let (value, len) = JucheDate::parse_prefix("Juche113.8.4.] Kim Jong Un").unwrap();
    assert_eq!((value.date(), len), (ymd(2024, 8, 4), 13));

    // JucheDate::new errors: constructor errors have no input to quote.
    // They carry field, value and bounds (as icu4x's RangeError does).
    let e = JucheDate::new(0, 1, 1).unwrap_err();
    assert_eq!(
        (e.kind(), e.span()),
        (
            ErrorKind::OutOfRange {
                field: Field::JucheYear,
                value: 0,
                min: 1,
                max: 260_231
            },
            0..0
        )
    );
    assert_eq!(
        e.to_string(),
        "Juche year 0 is out of range, expected 1 to 260231"
    );
    let e = JucheDate::new(112, 2, 29).unwrap_err();
    assert_eq!(
        e.kind(),
        ErrorKind::NoSuchDate {
            year: 2023,
            month: 2,
            day: 29
        }
    );
    assert_eq!(e.to_string(), "February 29 does not exist in 2023");
    assert_eq!(
        JucheDate::new(111, 13, 1).unwrap_err().kind(),
        ErrorKind::OutOfRange {
            field: Field::Month,
            value: 13,
            min: 1,
            max: 12
        }
    );
    assert_eq!(
        JucheDate::new(111, 4, 31).unwrap_err().kind(),
        ErrorKind::OutOfRange {
            field: Field::Day,
            value: 31,
            min: 1,
            max: 30
        }
    );
    assert_eq!(
        JucheDate::new(u32::MAX, 1, 1).unwrap_err().kind(),
        ErrorKind::OutOfRange {
            field: Field::JucheYear,
            value: i64::from(u32::MAX),
            min: 1,
            max: 260_231
        }
    );
    assert_eq!(
        JucheDate::new(260_231, 12, 31).unwrap().date(),
        NaiveDate::MAX
    );
    assert_eq!(
        JucheDate::new(260_232, 1, 1).unwrap_err().kind(),
        ErrorKind::OutOfRange {
            field: Field::JucheYear,
            value: 260_232,
            min: 1,
            max: 260_231
        }
    );
}

#[test]
fn juche_boundary() {
    assert_eq!(JUCHE_OFFSET, 1911);
    let e = JucheDate::try_from(ymd(1911, 12, 31)).unwrap_err();
    assert_eq!(
        e.kind(),
        ErrorKind::BeforeJuche {
            date: ymd(1911, 12, 31)
        }
    );
    assert_eq!(
        e.to_string(),
        "1911-12-31 is before 1912-01-01 (Juche 1) and has no Juche date; DPRK practice writes such years in Gregorian only"
    );
    assert_eq!(
        JucheDate::try_from(NaiveDate::MIN).unwrap_err().kind(),
        ErrorKind::BeforeJuche {
            date: NaiveDate::MIN
        }
    );

    let first = JucheDate::try_from(ymd(1912, 1, 1)).unwrap();
    assert_eq!(first.to_string(), "Juche1.1.1.");
    assert_eq!(first, JucheDate::MIN);
    assert_eq!(first.year(), 1);
    assert_eq!(
        JucheDate::try_from(NaiveDate::MAX).unwrap().to_string(),
        "Juche260231.12.31."
    );

    let dprk = [
        (1911, "1911"),
        (1912, "Juche 1 (1912)"),
        (1682, "1682"),
        (2022, "Juche 111 (2022)"),
        (0, "0"),
        (-5, "-5"),
        (i32::MIN, "-2147483648"),
        (i32::MAX, "Juche 2147481736 (2147483647)"),
    ];
    for (year, text) in dprk {
        assert_eq!(DprkYear(year).to_string(), text, "DprkYear({year})");
    }
}

#[test]
fn dmy() {
    let rows: Vec<(&str, Want<NaiveDate>)> = vec![
        ("08/11/2022", Ok(ymd(2022, 11, 8))),
        ("8/11/2022", Ok(ymd(2022, 11, 8))),
        ("8/1/2022", Ok(ymd(2022, 1, 8))),
        ("01/08/2022", Ok(ymd(2022, 8, 1))),
        ("29/02/2024", Ok(ymd(2024, 2, 29))),
        ("29/02/2000", Ok(ymd(2000, 2, 29))),
        ("31/12/9999", Ok(ymd(9999, 12, 31))),
        ("08/11/0000", Ok(ymd(0, 11, 8))),
        (
            "08/13/2022",
            fail(
                ErrorKind::OutOfRange {
                    field: Field::Month,
                    value: 13,
                    min: 1,
                    max: 12,
                },
                3..5,
                "month 13 is out of range, expected 1 to 12",
            ),
        ),
        (
            "08/00/2022",
            fail(
                ErrorKind::OutOfRange {
                    field: Field::Month,
                    value: 0,
                    min: 1,
                    max: 12,
                },
                3..5,
                "month 0 is out of range, expected 1 to 12",
            ),
        ),
        (
            "31/02/2022",
            fail(
                ErrorKind::OutOfRange {
                    field: Field::Day,
                    value: 31,
                    min: 1,
                    max: 29,
                },
                0..2,
                "day 31 is out of range for February, expected 1 to 29",
            ),
        ),
        (
            "30/02/2024",
            fail(
                ErrorKind::OutOfRange {
                    field: Field::Day,
                    value: 30,
                    min: 1,
                    max: 29,
                },
                0..2,
                "day 30 is out of range for February, expected 1 to 29",
            ),
        ),
        (
            "29/02/2023",
            fail(
                ErrorKind::NoSuchDate {
                    year: 2023,
                    month: 2,
                    day: 29,
                },
                0..2,
                "February 29 does not exist in 2023",
            ),
        ),
        (
            "29/2/1900",
            fail(
                ErrorKind::NoSuchDate {
                    year: 1900,
                    month: 2,
                    day: 29,
                },
                0..2,
                "February 29 does not exist in 1900",
            ),
        ),
        (
            "31/04/2024",
            fail(
                ErrorKind::OutOfRange {
                    field: Field::Day,
                    value: 31,
                    min: 1,
                    max: 30,
                },
                0..2,
                "day 31 is out of range for April, expected 1 to 30",
            ),
        ),
        (
            "32/01/2022",
            fail(
                ErrorKind::OutOfRange {
                    field: Field::Day,
                    value: 32,
                    min: 1,
                    max: 31,
                },
                0..2,
                "day 32 is out of range for January, expected 1 to 31",
            ),
        ),
        (
            "00/11/2022",
            fail(
                ErrorKind::OutOfRange {
                    field: Field::Day,
                    value: 0,
                    min: 1,
                    max: 30,
                },
                0..2,
                "day 0 is out of range for November, expected 1 to 30",
            ),
        ),
        (
            // The month is checked before the day.
            "00/00/2022",
            fail(
                ErrorKind::OutOfRange {
                    field: Field::Month,
                    value: 0,
                    min: 1,
                    max: 12,
                },
                3..5,
                "month 0 is out of range, expected 1 to 12",
            ),
        ),
        (
            "08/11/22",
            expected(
                Expected::Year4,
                6,
                "expected four-digit year after `08/11/`, but found `2`",
            ),
        ),
        (
            "108/11/2022",
            expected(
                Expected::Day,
                0,
                "expected day at start of input, but found `1`",
            ),
        ),
        (
            "08/11/20221",
            expected(
                Expected::Year4,
                6,
                "expected four-digit year after `08/11/`, but found `2`",
            ),
        ),
        (
            "08/111/2022",
            expected(
                Expected::Month,
                3,
                "expected month after `08/`, but found `1`",
            ),
        ),
        (
            "08-11-2022",
            expected(
                Expected::Literal("/"),
                2,
                "expected `/` after `08`, but found `-`",
            ),
        ),
        (
            "8/11/ 2022",
            expected(
                Expected::Year4,
                5,
                "expected four-digit year after `8/11/`, but found ` `",
            ),
        ),
        (
            "Date: 08/11/2022",
            expected(
                Expected::Day,
                0,
                "expected day at start of input, but found `D`",
            ),
        ),
        (
            "",
            expected(
                Expected::Day,
                0,
                "expected day at start of input, but found end of input",
            ),
        ),
        (
            "08/11/2022 ",
            trailing(
                10..11,
                "expected end of input after `08/11/2022`, but found ` `",
            ),
        ),
        (
            "08/11/2022é",
            trailing(
                10..12,
                "expected end of input after `08/11/2022`, but found `é`",
            ),
        ),
    ];
    run_table("parse_dmy", &rows, parse_dmy, parse_dmy_prefix, |d| *d);

    let (date, len) = parse_dmy_prefix("08/11/2022 | Source: KCNA").unwrap();
    assert_eq!((date, len), (ymd(2022, 11, 8), 10));
}

#[test]
fn dotted() {
    let rows: Vec<(&str, Want<NaiveDate>)> = vec![
        ("2025.12.14.", Ok(ymd(2025, 12, 14))),
        ("2024.02.11.", Ok(ymd(2024, 2, 11))),
        ("2023.3.13.", Ok(ymd(2023, 3, 13))),
        ("2023.3.13", Ok(ymd(2023, 3, 13))),
        ("2024.2.29", Ok(ymd(2024, 2, 29))),
        (
            "2023.02.29.",
            fail(
                ErrorKind::NoSuchDate {
                    year: 2023,
                    month: 2,
                    day: 29,
                },
                8..10,
                "February 29 does not exist in 2023",
            ),
        ),
        (
            "2023.13.01.",
            fail(
                ErrorKind::OutOfRange {
                    field: Field::Month,
                    value: 13,
                    min: 1,
                    max: 12,
                },
                5..7,
                "month 13 is out of range, expected 1 to 12",
            ),
        ),
        (
            "2023.12.32.",
            fail(
                ErrorKind::OutOfRange {
                    field: Field::Day,
                    value: 32,
                    min: 1,
                    max: 31,
                },
                8..10,
                "day 32 is out of range for December, expected 1 to 31",
            ),
        ),
        (
            "2023.6.0",
            fail(
                ErrorKind::OutOfRange {
                    field: Field::Day,
                    value: 0,
                    min: 1,
                    max: 30,
                },
                7..8,
                "day 0 is out of range for June, expected 1 to 30",
            ),
        ),
        (
            "23.12.01.",
            expected(
                Expected::Year4,
                0,
                "expected four-digit year at start of input, but found `2`",
            ),
        ),
        (
            "20231.1.1.",
            expected(
                Expected::Year4,
                0,
                "expected four-digit year at start of input, but found `2`",
            ),
        ),
        (
            "2023.123.1.",
            expected(
                Expected::Month,
                5,
                "expected month after `2023.`, but found `1`",
            ),
        ),
        (
            "2023/12/01",
            expected(
                Expected::Literal("."),
                4,
                "expected `.` after `2023`, but found `/`",
            ),
        ),
        (
            "2023.12.",
            expected(
                Expected::Day,
                8,
                "expected day after `2023.12.`, but found end of input",
            ),
        ),
        (
            "[2024.02.11.]",
            expected(
                Expected::Year4,
                0,
                "expected four-digit year at start of input, but found `[`",
            ),
        ),
        (
            "2023.12.01..",
            trailing(
                11..12,
                "expected end of input after `2023.12.01.`, but found `.`",
            ),
        ),
    ];
    run_table(
        "parse_dotted",
        &rows,
        parse_dotted,
        parse_dotted_prefix,
        |d| *d,
    );

    let (date, len) = parse_dotted_prefix("2024.02.11.]").unwrap();
    assert_eq!((date, len), (ymd(2024, 2, 11), 11));
}

/// (date, Juche year and whether the Gregorian year was given, weekday, canonical text)
type MonthNameView = (NaiveDate, Option<(u32, bool)>, Option<Weekday>, String);

#[test]
fn month_name() {
    let ok = |y, m, d, juche, weekday, text: &'static str| -> Want<MonthNameView> {
        Ok((ymd(y, m, d), juche, weekday, text.to_owned()))
    };
    let rows: Vec<(&str, Want<MonthNameView>)> = vec![
        ("May 08, 2025", ok(2025, 5, 8, None, None, "May 8, 2025")),
        (
            "Dec. 5, 2024",
            ok(2024, 12, 5, None, None, "December 5, 2024"),
        ),
        (
            "Dec 5, 2024",
            ok(2024, 12, 5, None, None, "December 5, 2024"),
        ),
        (
            "Sept. 9, 2023",
            ok(2023, 9, 9, None, None, "September 9, 2023"),
        ),
        (
            "Sep 9, 2023",
            ok(2023, 9, 9, None, None, "September 9, 2023"),
        ),
        (
            "November  8,   2022",
            ok(2022, 11, 8, None, None, "November 8, 2022"),
        ),
        (
            "Feb. 29, 2024",
            ok(2024, 2, 29, None, None, "February 29, 2024"),
        ),
        (
            "Feb. 19, 2026 Thursday",
            ok(
                2026,
                2,
                19,
                None,
                Some(Weekday::Thu),
                "Thursday, February 19, 2026",
            ),
        ),
        (
            "Monday, November 7, 2022",
            ok(
                2022,
                11,
                7,
                None,
                Some(Weekday::Mon),
                "Monday, November 7, 2022",
            ),
        ),
        (
            "Dec. 5, Juche 80 (1991)",
            ok(
                1991,
                12,
                5,
                Some((80, true)),
                None,
                "December 5, Juche 80 (1991)",
            ),
        ),
        (
            "Dec. 5, Juche 80",
            ok(1991, 12, 5, Some((80, false)), None, "December 5, Juche 80"),
        ),
        (
            "Mar. 10, Juche 111 (2022) Thursday",
            ok(
                2022,
                3,
                10,
                Some((111, true)),
                Some(Weekday::Thu),
                "Thursday, March 10, Juche 111 (2022)",
            ),
        ),
        (
            "Thursday, Dec. 5, Juche 80 (1991)",
            ok(
                1991,
                12,
                5,
                Some((80, true)),
                Some(Weekday::Thu),
                "Thursday, December 5, Juche 80 (1991)",
            ),
        ),
        (
            "Feb. 19, 2026 Friday",
            fail(
                ErrorKind::WeekdayMismatch {
                    date: ymd(2026, 2, 19),
                    given: Weekday::Fri,
                    actual: Weekday::Thu,
                },
                14..20,
                "2026-02-19 is a Thursday, but the text gives Friday",
            ),
        ),
        (
            "Tuesday, November 7, 2022",
            fail(
                ErrorKind::WeekdayMismatch {
                    date: ymd(2022, 11, 7),
                    given: Weekday::Tue,
                    actual: Weekday::Mon,
                },
                0..7,
                "2022-11-07 is a Monday, but the text gives Tuesday",
            ),
        ),
        (
            "Mar. 10, Juche 111 (2022) Sunday",
            fail(
                ErrorKind::WeekdayMismatch {
                    date: ymd(2022, 3, 10),
                    given: Weekday::Sun,
                    actual: Weekday::Thu,
                },
                26..32,
                "2022-03-10 is a Thursday, but the text gives Sunday",
            ),
        ),
        (
            "Dec. 5, Juche 29 (1930)",
            fail(
                ErrorKind::YearMismatch {
                    juche: 29,
                    gregorian: 1930,
                },
                14..22,
                "Juche 29 is 1940, but the text gives 1930",
            ),
        ),
        (
            "Dec. 5, Juche 0",
            fail(
                ErrorKind::OutOfRange {
                    field: Field::JucheYear,
                    value: 0,
                    min: 1,
                    max: 260_231,
                },
                14..15,
                "Juche year 0 is out of range, expected 1 to 260231",
            ),
        ),
        (
            "June 31, 2024",
            fail(
                ErrorKind::OutOfRange {
                    field: Field::Day,
                    value: 31,
                    min: 1,
                    max: 30,
                },
                5..7,
                "day 31 is out of range for June, expected 1 to 30",
            ),
        ),
        (
            "Feb. 29, 2023",
            fail(
                ErrorKind::NoSuchDate {
                    year: 2023,
                    month: 2,
                    day: 29,
                },
                5..7,
                "February 29 does not exist in 2023",
            ),
        ),
        (
            "Febr. 19, 2026",
            expected(
                Expected::MonthName,
                0,
                "expected month name at start of input, but found `F`",
            ),
        ),
        (
            // A leading weekday without its comma: the comma is what is missing (before the
            // grammar was written with `alt`, this said "expected month name at start of input").
            "Monday November 7, 2022",
            expected(
                Expected::Literal(","),
                6,
                "expected `,` after `Monday`, but found ` `",
            ),
        ),
        (
            "May. 8, 2025",
            expected(
                Expected::Space,
                3,
                "expected space after `May`, but found `.`",
            ),
        ),
        (
            "May 8 2025",
            expected(
                Expected::Literal(","),
                5,
                "expected `,` after `May 8`, but found ` `",
            ),
        ),
        (
            "May 8, 25",
            expected(
                Expected::Year4,
                7,
                "expected four-digit year after `May 8, `, but found `2`",
            ),
        ),
        (
            "May 8, 20255",
            expected(
                Expected::Year4,
                7,
                "expected four-digit year after `May 8, `, but found `2`",
            ),
        ),
        (
            "May 08, 2025May 08, 2025",
            trailing(
                12..13,
                "expected end of input after `May 08, 2025`, but found `M`",
            ),
        ),
        (
            "May 08, 2025 Funday",
            trailing(
                12..13,
                "expected end of input after `May 08, 2025`, but found ` `",
            ),
        ),
        (
            // A weekday on both sides: the trailing one is not part of the date.
            "Monday, November 7, 2022 Monday",
            trailing(
                24..25,
                "expected end of input after `Monday, November 7, 2022`, but found ` `",
            ),
        ),
    ];
    run_table(
        "MonthNameDate",
        &rows,
        |s| s.parse::<MonthNameDate>(),
        MonthNameDate::parse_prefix,
        |v| {
            (
                v.date(),
                v.juche_year().map(|y| (y.juche(), y.has_gregorian())),
                v.weekday(),
                v.to_string(),
            )
        },
    );

    let (d, len) = MonthNameDate::parse_prefix("May 08, 2025May 08, 2025").unwrap();
    assert_eq!((d.date(), len), (ymd(2025, 5, 8), 12));
    let plain = MonthNameDate::from_date(ymd(2022, 11, 8)).unwrap();
    assert_eq!(plain.to_string(), "November 8, 2022");
    assert_eq!((plain.juche_year(), plain.weekday()), (None, None));
    assert_eq!(NaiveDate::from(plain), ymd(2022, 11, 8));
    assert_eq!(
        MonthNameDate::from_date(ymd(5, 1, 2)).unwrap().to_string(),
        "January 2, 0005"
    );
    // A year with no four-digit form cannot be written, so it is refused.
    for year in [-1, 10_000] {
        let err = MonthNameDate::from_date(ymd(year, 1, 1)).unwrap_err();
        assert_eq!(
            (err.kind(), err.span()),
            (
                ErrorKind::OutOfRange {
                    field: Field::Year,
                    value: i64::from(year),
                    min: 0,
                    max: 9999
                },
                0..0
            )
        );
        assert_eq!(
            err.to_string(),
            format!("year {year} is out of range, expected 0 to 9999")
        );
    }
}

/// (Juche year, Gregorian year, Gregorian year given, canonical text)
type JucheYearView = (u32, i32, bool, String);

#[test]
fn juche_year() {
    let ok = |j, g, given, text: &'static str| -> Want<JucheYearView> {
        Ok((j, g, given, text.to_owned()))
    };
    let rows: Vec<(&str, Want<JucheYearView>)> = vec![
        ("Juche 113 (2024)", ok(113, 2024, true, "Juche 113 (2024)")),
        ("Juche 81(1992)", ok(81, 1992, true, "Juche 81 (1992)")),
        ("Juche 99", ok(99, 2010, false, "Juche 99")),
        ("Juche 1 (1912)", ok(1, 1912, true, "Juche 1 (1912)")),
        (
            "Juche  113   (2024)",
            ok(113, 2024, true, "Juche 113 (2024)"),
        ),
        ("Juche 260231", ok(260_231, 262_142, false, "Juche 260231")),
        (
            "Juche idea",
            expected(
                Expected::Year,
                6,
                "expected year after `Juche `, but found `i`",
            ),
        ),
        (
            "Juche",
            expected(
                Expected::Space,
                5,
                "expected space after `Juche`, but found end of input",
            ),
        ),
        (
            "Juche-oriented",
            expected(
                Expected::Space,
                5,
                "expected space after `Juche`, but found `-`",
            ),
        ),
        (
            "Juche113",
            expected(
                Expected::Space,
                5,
                "expected space after `Juche`, but found `1`",
            ),
        ),
        (
            "Juche 29 (1930)",
            fail(
                ErrorKind::YearMismatch {
                    juche: 29,
                    gregorian: 1930,
                },
                6..14,
                "Juche 29 is 1940, but the text gives 1930",
            ),
        ),
        (
            "Juche 0",
            fail(
                ErrorKind::OutOfRange {
                    field: Field::JucheYear,
                    value: 0,
                    min: 1,
                    max: 260_231,
                },
                6..7,
                "Juche year 0 is out of range, expected 1 to 260231",
            ),
        ),
        (
            "Juche 0 (1911)",
            fail(
                ErrorKind::OutOfRange {
                    field: Field::JucheYear,
                    value: 0,
                    min: 1,
                    max: 260_231,
                },
                6..7,
                "Juche year 0 is out of range, expected 1 to 260231",
            ),
        ),
        (
            "Juche 99999999999999999999",
            fail(
                ErrorKind::NumberTooLong {
                    field: Field::JucheYear,
                },
                6..26,
                "Juche year `99999999999999999999` has too many digits",
            ),
        ),
        (
            "Juche 260232",
            fail(
                ErrorKind::OutOfRange {
                    field: Field::JucheYear,
                    value: 260232,
                    min: 1,
                    max: 260_231,
                },
                6..12,
                "Juche year 260232 is out of range, expected 1 to 260231",
            ),
        ),
        (
            // A two-digit year in brackets is not read: the bare year is followed by text.
            "Juche 113 (24)",
            trailing(
                9..10,
                "expected end of input after `Juche 113`, but found ` `",
            ),
        ),
        // `(` and a four-digit year commit to the group: the missing `)` is named (before the
        // grammar layer used `cut`, this said "expected end of input after `Juche 113`").
        (
            "Juche 113 (2024",
            expected(
                Expected::Literal(")"),
                15,
                "expected `)` after `Juche 113 (2024`, but found end of input",
            ),
        ),
        (
            "Juche 113 (2024]",
            expected(
                Expected::Literal(")"),
                15,
                "expected `)` after `Juche 113 (2024`, but found `]`",
            ),
        ),
        // Not a year in brackets: the bare year, then text.
        (
            "Juche 113 (see below)",
            trailing(
                9..10,
                "expected end of input after `Juche 113`, but found ` `",
            ),
        ),
    ];
    run_table(
        "JucheYear",
        &rows,
        |s| s.parse::<JucheYear>(),
        JucheYear::parse_prefix,
        |v| (v.juche(), v.gregorian(), v.has_gregorian(), v.to_string()),
    );

    let bare = JucheYear::new(99).unwrap();
    assert_eq!(
        (bare.to_string(), bare.has_gregorian()),
        ("Juche 99".to_owned(), false)
    );
    let both = JucheYear::from_gregorian(2022).unwrap();
    assert_eq!(
        (both.to_string(), both.juche()),
        ("Juche 111 (2022)".to_owned(), 111)
    );
    for bad in [0, 260_232, u32::MAX] {
        let e = JucheYear::new(bad).unwrap_err();
        assert_eq!(
            e.kind(),
            ErrorKind::OutOfRange {
                field: Field::JucheYear,
                value: i64::from(bad),
                min: 1,
                max: 260_231
            },
            "JucheYear::new({bad})"
        );
    }
    for bad in [1911, 0, -1, i32::MIN, i32::MAX] {
        let e = JucheYear::from_gregorian(bad).unwrap_err();
        assert_eq!(
            e.kind(),
            ErrorKind::OutOfRange {
                field: Field::Year,
                value: i64::from(bad),
                min: 1912,
                max: 262_142
            },
            "JucheYear::from_gregorian({bad})"
        );
    }
    assert_eq!(JucheYear::from_gregorian(1912).unwrap().juche(), 1);
}

/// `JucheYear::from_gregorian` takes every year of chrono's range from 1912 on; its `Display`
/// writes the Gregorian year in brackets, which must read back even after 9999.
#[test]
fn juche_year_from_gregorian_round_trips() {
    for (year, text) in [
        (9999, "Juche 8088 (9999)"),
        (10_000, "Juche 8089 (10000)"),
        (262_142, "Juche 260231 (262142)"),
    ] {
        let value = JucheYear::from_gregorian(year).unwrap();
        assert_eq!(value.to_string(), text);
        assert_eq!(text.parse::<JucheYear>().unwrap(), value, "{text}");
        let date = format!("December 5, {text}");
        let parsed: MonthNameDate = date.parse().unwrap();
        assert_eq!(parsed.juche_year(), Some(value));
        assert_eq!(parsed.to_string(), date);
    }
    let e = "Juche 113 (20245)".parse::<JucheYear>().unwrap_err();
    assert_eq!(
        (e.kind(), e.span(), e.to_string()),
        (
            ErrorKind::YearMismatch {
                juche: 113,
                gregorian: 20245
            },
            6..16,
            "Juche 113 is 2024, but the text gives 20245".to_owned()
        )
    );
    // Seven digits are no year in brackets: the bare year is followed by text.
    let e = "Juche 113 (2024000)".parse::<JucheYear>().unwrap_err();
    assert_eq!((e.kind(), e.span()), (ErrorKind::TrailingInput, 9..10));
    assert_eq!(
        JucheYear::from_gregorian(262_143).unwrap_err().kind(),
        ErrorKind::OutOfRange {
            field: Field::Year,
            value: 262_143,
            min: 1912,
            max: 262_142
        }
    );
}

/// (place, month, day, agency, canonical text)
type DatelineView = (String, u32, u32, String, String);

fn dateline_view(d: &Dateline) -> DatelineView {
    (
        d.place().to_owned(),
        d.month(),
        d.day(),
        d.agency().to_owned(),
        d.to_string(),
    )
}

#[test]
fn dateline() {
    let ok = |place: &str, m, d, agency: &str| -> Want<DatelineView> {
        let text = format!(
            "{place}, {} {d} ({agency})",
            [
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
                "December"
            ][m as usize - 1]
        );
        Ok((place.to_owned(), m, d, agency.to_owned(), text))
    };
    let rows: Vec<(&str, Want<DatelineView>)> = vec![
        (
            "Pyongyang, November 8 (KCNA) --",
            ok("Pyongyang", 11, 8, "KCNA"),
        ),
        (
            "Pyongyang, November 8 (KCNA)",
            ok("Pyongyang", 11, 8, "KCNA"),
        ),
        (
            "Pyongyang, November 8 (KCNA)--",
            ok("Pyongyang", 11, 8, "KCNA"),
        ),
        (
            "Pyongyang, November 8 (KCNA) -- ",
            ok("Pyongyang", 11, 8, "KCNA"),
        ),
        (
            "Pyongyang, November 8 (KCNA) \u{2014}",
            ok("Pyongyang", 11, 8, "KCNA"),
        ),
        (
            "Pyongyang, November 8 (KCNA)\t\u{2013}\u{a0}",
            ok("Pyongyang", 11, 8, "KCNA"),
        ),
        (
            "Dar es Salaam, June 3 (KCNA)",
            ok("Dar es Salaam", 6, 3, "KCNA"),
        ),
        (
            "Port-au-Prince, June 3 (KCNA)",
            ok("Port-au-Prince", 6, 3, "KCNA"),
        ),
        ("St. John's, June 3 (KCNA)", ok("St. John's", 6, 3, "KCNA")),
        ("Ürümqi, June 3 (KCNA)", ok("Ürümqi", 6, 3, "KCNA")),
        ("Havana, June 03 (ACNC) --", ok("Havana", 6, 3, "ACNC")),
        (
            "Pyongyang, February 29 (KCNA)",
            ok("Pyongyang", 2, 29, "KCNA"),
        ),
        (
            "Pyongyang,  November   8  (KCNA)",
            ok("Pyongyang", 11, 8, "KCNA"),
        ),
        (
            "Pyongyang, November 3 (KCNA) \u{2013} Avengers",
            trailing(
                33..34,
                "expected end of input after `Pyongyang, November 3 (KCNA) – `, but found `A`",
            ),
        ),
        (
            "Pyongyang, November 8 (KCNA) --Kim Jong Un",
            trailing(
                31..32,
                "expected end of input after `Pyongyang, November 8 (KCNA) --`, but found `K`",
            ),
        ),
        (
            "Pyongyang, November 8 (KCNA) --\u{a0}Kim",
            trailing(
                33..34,
                "expected end of input after `Pyongyang, November 8 (KCNA) --\\u{a0}`, but found `K`",
            ),
        ),
        // Archive variants (kcna.co.jp, 1997-2018): a single hyphen, abbreviated months, a place in
        // lower case, no comma, a lower-case word ending the place, the tag in any case.
        (
            "Pyongyang, November 8 (KCNA) -",
            ok("Pyongyang", 11, 8, "KCNA"),
        ),
        (
            "Pyongyang, February 30 (KCNA)",
            fail(
                ErrorKind::OutOfRange {
                    field: Field::Day,
                    value: 30,
                    min: 1,
                    max: 29,
                },
                20..22,
                "day 30 is out of range for February, expected 1 to 29",
            ),
        ),
        (
            "Pyongyang, November 0 (KCNA)",
            fail(
                ErrorKind::OutOfRange {
                    field: Field::Day,
                    value: 0,
                    min: 1,
                    max: 30,
                },
                20..21,
                "day 0 is out of range for November, expected 1 to 30",
            ),
        ),
        ("Pyongyang, Nov. 8 (KCNA)", ok("Pyongyang", 11, 8, "KCNA")),
        (
            "pyongyang, November 8 (KCNA)",
            ok("pyongyang", 11, 8, "KCNA"),
        ),
        (
            // Without the comma, the month ends the place.
            "Pyongyang November 8 (KCNA)",
            ok("Pyongyang", 11, 8, "KCNA"),
        ),
        (
            // A place in lower case is one word.
            "pyongyang city, November 8 (KCNA)",
            expected(
                Expected::MonthName,
                10,
                "expected month name after `pyongyang `, but found `c`",
            ),
        ),
        (
            "Pyongyang city, November 8 (KCNA)",
            ok("Pyongyang city", 11, 8, "KCNA"),
        ),
        (
            // Lower-case words inside a place are particles or a few words that end one only.
            "Pyongyang lies, November 8 (KCNA)",
            expected(
                Expected::Place,
                10,
                "expected place name after `Pyongyang `, but found `l`",
            ),
        ),
        (
            "Pyongyang, November 8 (kcna)",
            ok("Pyongyang", 11, 8, "kcna"),
        ),
        (
            "Pyongyang, November 8 (K)",
            expected(
                Expected::Agency,
                23,
                "expected news agency tag such as `KCNA` after `Pyongyang, November 8 (`, but found `K`",
            ),
        ),
        (
            // Not a tag of the closed list, nor one letter away from KCNA, ACNC or ATCC.
            "Pyongyang, November 8 (AFP)",
            expected(
                Expected::Agency,
                23,
                "expected news agency tag such as `KCNA` after `Pyongyang, November 8 (`, but found `A`",
            ),
        ),
        (
            "Pyongyang, November 8 KCNA",
            expected(
                Expected::Literal("("),
                22,
                "expected `(` after `Pyongyang, November 8 `, but found `K`",
            ),
        ),
        (
            "Pyongyang, November 8 (KCNA",
            expected(
                Expected::Literal(")"),
                27,
                "expected `)` after `Pyongyang, November 8 (KCNA`, but found end of input",
            ),
        ),
        (
            "Pyongyang, November (KCNA)",
            expected(
                Expected::Day,
                20,
                "expected day after `Pyongyang, November `, but found `(`",
            ),
        ),
        (
            "Pyongyang, November 8 (KCNA) -- and a very long tail x",
            trailing(
                32..33,
                "expected end of input after `Pyongyang, November 8 (KCNA) -- `, but found `a`",
            ),
        ),
        (
            "Pyongyang, Movember 8 (KCNA)",
            expected(
                Expected::MonthName,
                11,
                "expected month name after `Pyongyang, `, but found `M`",
            ),
        ),
    ];
    run_table(
        "Dateline",
        &rows,
        |s| s.parse::<Dateline>(),
        Dateline::parse_prefix,
        dateline_view,
    );
}

#[test]
fn dateline_prefix_lengths() {
    let cases = [
        ("Pyongyang, November 8 (KCNA) --", 31, ""),
        (
            "Pyongyang, November 3 (KCNA) \u{2013} Avengers",
            33,
            "Avengers",
        ),
        (
            "Pyongyang, November 8 (KCNA) --Kim Jong Un",
            31,
            "Kim Jong Un",
        ),
        (
            "Pyongyang, November 8 (KCNA) --\u{a0}Kim Jong Un",
            33,
            "Kim Jong Un",
        ),
        ("Pyongyang, November 8 (KCNA) Kim", 28, " Kim"),
        ("Dar es Salaam, June 3 (KCNA) -- The", 32, "The"),
    ];
    for (text, len, rest) in cases {
        let (d, got) = Dateline::parse_prefix(text).unwrap();
        assert_eq!(got, len, "{text:?}");
        assert_eq!(&text[got..], rest, "{text:?}");
        assert_eq!(d.agency(), "KCNA");
    }

    // Prefix errors have no input to quote: the message gives byte offsets.
    let e = Dateline::parse_prefix("Pyongyang, Movember 8 (KCNA)").unwrap_err();
    assert_eq!(
        e.to_string(),
        "expected month name at byte 11, but found nothing at byte 11"
    );
    let e = JucheDate::parse_prefix("Juche111.11.").unwrap_err();
    assert_eq!(
        e.to_string(),
        "expected day at byte 12, but found nothing at byte 12"
    );
}

#[test]
fn dateline_place_length() {
    // "Place ::= Word (" " Word)*   (at most 64 bytes)": a 64-byte place is read, 65 is not.
    let place64 = "A".repeat(64);
    let text = format!("{place64}, June 3 (KCNA)");
    let d: Dateline = text.parse().unwrap();
    assert_eq!(d.place(), place64);
    assert_eq!(Dateline::new(&place64, 6, 3, "KCNA").unwrap(), d);
    assert_eq!(d.to_string(), text);

    let place65 = "A".repeat(65);
    let e = format!("{place65}, June 3 (KCNA)")
        .parse::<Dateline>()
        .unwrap_err();
    assert_eq!(
        (e.kind(), e.span()),
        (ErrorKind::Expected(Expected::Place), 0..0)
    );
    assert!(Dateline::new(&place65, 6, 3, "KCNA").is_err());
}

#[test]
fn dateline_new() {
    let d = Dateline::new("Pyongyang", 11, 8, "KCNA").unwrap();
    assert_eq!(d, "Pyongyang, November 8 (KCNA) --".parse().unwrap());
    assert_eq!(
        (d.place(), d.month(), d.day(), d.agency()),
        ("Pyongyang", 11, 8, "KCNA")
    );
    let err = |place: &str, m, day, agency: &str| {
        let e = Dateline::new(place, m, day, agency).unwrap_err();
        (e.kind(), e.to_string())
    };
    assert_eq!(
        err("Pyongyang", 2, 30, "KCNA"),
        (
            ErrorKind::OutOfRange {
                field: Field::Day,
                value: 30,
                min: 1,
                max: 29
            },
            "day 30 is out of range, expected 1 to 29".to_owned()
        )
    );
    assert_eq!(
        err("Pyongyang", 13, 3, "KCNA"),
        (
            ErrorKind::OutOfRange {
                field: Field::Month,
                value: 13,
                min: 1,
                max: 12
            },
            "month 13 is out of range, expected 1 to 12".to_owned()
        )
    );
    assert_eq!(
        err("Pyong, yang", 2, 3, "KCNA"),
        (
            ErrorKind::Expected(Expected::Place),
            "expected place name after `Pyong`, but found `,`".to_owned()
        )
    );
    assert_eq!(
        err("Pyongyang", 2, 3, "UPI"),
        (
            ErrorKind::Expected(Expected::Agency),
            "expected news agency tag such as `KCNA` at start of input, but found `U`".to_owned()
        )
    );
    assert_eq!(
        err("", 2, 3, "KCNA"),
        (
            ErrorKind::Expected(Expected::Place),
            "expected place name at start of input, but found end of input".to_owned()
        )
    );
}

#[test]
fn dateline_debug_shows_plain_values() {
    let dateline: Dateline = "Pyongyang, November 8 (KCNA) --".parse().unwrap();
    let debug = format!("{:?}", dateline);
    assert!(debug.contains(r#"place: "Pyongyang""#), "{debug}");
    assert!(debug.contains(r#"agency: "KCNA""#), "{debug}");
    assert!(!debug.contains("Text"), "{debug}");
    assert_eq!(
        debug,
        r#"Dateline { edition: English, place: "Pyongyang", month: 11, day: 8, agency: "KCNA" }"#
    );
    // A place not interned (kept owned) and a Korean dateline print the same way.
    let owned: Dateline = "Kimchaek, May 2 (KCNA)".parse().unwrap();
    assert!(format!("{owned:?}").contains(r#"place: "Kimchaek""#));
    let korean: Dateline = "(평양 8월 21일발 조선중앙통신)".parse().unwrap();
    let debug = format!("{korean:?}");
    assert!(debug.contains(r#"place: "평양""#), "{debug}");
    assert!(debug.contains(r#"agency: "조선중앙통신""#), "{debug}");
}

#[test]
fn dateline_resolve() {
    let dl = |text: &str| text.parse::<Dateline>().unwrap();
    let dec31 = dl("Pyongyang, December 31 (KCNA)");
    let jan1 = dl("Pyongyang, January 1 (KCNA)");
    let feb29 = dl("Pyongyang, February 29 (KCNA)");
    let nov8 = dl("Pyongyang, November 8 (KCNA) --");

    assert_eq!(DEFAULT_GRACE_DAYS, 2);
    assert_eq!(dec31.resolve(ymd(2024, 1, 1)).unwrap(), ymd(2023, 12, 31));
    assert_eq!(jan1.resolve(ymd(2023, 12, 31)).unwrap(), ymd(2024, 1, 1));
    assert_eq!(jan1.resolve(ymd(2023, 12, 30)).unwrap(), ymd(2024, 1, 1));
    // Three days before is beyond the default grace: the previous January 1.
    assert_eq!(jan1.resolve(ymd(2023, 12, 29)).unwrap(), ymd(2023, 1, 1));
    assert_eq!(feb29.resolve(ymd(2024, 3, 1)).unwrap(), ymd(2024, 2, 29));
    assert_eq!(feb29.resolve(ymd(2025, 2, 26)).unwrap(), ymd(2024, 2, 29));
    assert_eq!(feb29.resolve(ymd(2024, 2, 27)).unwrap(), ymd(2024, 2, 29));
    assert_eq!(nov8.resolve(ymd(2022, 11, 8)).unwrap(), ymd(2022, 11, 8));
    assert_eq!(nov8.resolve(ymd(2023, 11, 5)).unwrap(), ymd(2022, 11, 8));
    assert_eq!(nov8.resolve(ymd(2023, 11, 6)).unwrap(), ymd(2023, 11, 8));

    let e = feb29.resolve(ymd(2023, 3, 1)).unwrap_err();
    assert_eq!(
        e.kind(),
        ErrorKind::Unresolvable {
            month: 2,
            day: 29,
            reference: ymd(2023, 3, 1)
        }
    );
    assert_eq!(e.span(), 0..0);
    assert_eq!(
        e.to_string(),
        "February 29 does not occur in the year up to the reference date 2023-03-01 (plus grace)"
    );
    // 2024-02-26 + 2 days is before February 29, and 2023 has none.
    assert!(feb29.resolve(ymd(2024, 2, 26)).is_err());

    // Grace 0: the reference itself is the latest possible date.
    assert_eq!(
        jan1.resolve_with_grace(ymd(2024, 1, 1), 0).unwrap(),
        ymd(2024, 1, 1)
    );
    assert_eq!(
        jan1.resolve_with_grace(ymd(2023, 12, 31), 0).unwrap(),
        ymd(2023, 1, 1)
    );
    assert_eq!(
        dec31.resolve_with_grace(ymd(2023, 12, 31), 0).unwrap(),
        ymd(2023, 12, 31)
    );
    assert_eq!(
        feb29
            .resolve_with_grace(ymd(2024, 2, 28), 0)
            .unwrap_err()
            .kind(),
        ErrorKind::Unresolvable {
            month: 2,
            day: 29,
            reference: ymd(2024, 2, 28)
        }
    );
    assert_eq!(
        feb29.resolve_with_grace(ymd(2024, 2, 28), 1).unwrap(),
        ymd(2024, 2, 29)
    );
}

#[test]
fn dateline_resolve_at_chrono_limits() {
    let dl = |text: &str| text.parse::<Dateline>().unwrap();
    let jan1 = dl("Pyongyang, January 1 (KCNA)");
    let dec31 = dl("Pyongyang, December 31 (KCNA)");
    let feb29 = dl("Pyongyang, February 29 (KCNA)");
    let unresolvable = |d: &Dateline, reference: NaiveDate, grace: u32| {
        let e = d.resolve_with_grace(reference, grace).unwrap_err();
        assert_eq!(
            e.kind(),
            ErrorKind::Unresolvable {
                month: d.month(),
                day: d.day(),
                reference
            },
            "{d} at {reference} + {grace}"
        );
    };

    // The grace would pass chrono's last day.
    unresolvable(&jan1, NaiveDate::MAX, 2);
    unresolvable(&dec31, NaiveDate::MAX, 1);
    unresolvable(&jan1, NaiveDate::MAX, u32::MAX);
    unresolvable(&jan1, NaiveDate::MIN, u32::MAX);
    assert_eq!(
        dec31.resolve_with_grace(NaiveDate::MAX, 0).unwrap(),
        NaiveDate::MAX
    );
    // No year before chrono's first.
    unresolvable(&dec31, NaiveDate::MIN, 2);
    unresolvable(&feb29, NaiveDate::MIN, 0);
    assert_eq!(jan1.resolve(NaiveDate::MIN).unwrap(), NaiveDate::MIN);

    // Every reference near both ends, every grace 0..=5: an error or a date with the dateline's
    // month and day, never a panic.
    let near_min = (0..400).filter_map(|n| NaiveDate::MIN.checked_add_days(chrono::Days::new(n)));
    let near_max = (0..400).filter_map(|n| NaiveDate::MAX.checked_sub_days(chrono::Days::new(n)));
    let mut resolved = 0;
    for reference in near_min.chain(near_max) {
        for d in [&jan1, &dec31, &feb29] {
            for grace in 0..=5 {
                if let Ok(date) = d.resolve_with_grace(reference, grace) {
                    assert_eq!((date.month(), date.day()), (d.month(), d.day()));
                    resolved += 1;
                }
            }
        }
    }
    assert!(resolved > 1000, "only {resolved} resolved");
}

/// (kind, date, canonical text)
type NotationView = (NotationKind, Option<NaiveDate>, String);

#[test]
fn notation_dispatch() {
    let ok = |kind, date: Option<NaiveDate>, text: &'static str| -> Want<NotationView> {
        Ok((kind, date, text.to_owned()))
    };
    let rows: Vec<(&str, Want<NotationView>)> = vec![
        (
            "Pyongyang, November 8 (KCNA) --",
            ok(NotationKind::Dateline, None, "Pyongyang, November 8 (KCNA)"),
        ),
        (
            "08/11/2022",
            ok(NotationKind::Dmy, Some(ymd(2022, 11, 8)), "08/11/2022"),
        ),
        (
            "8/1/2022",
            ok(NotationKind::Dmy, Some(ymd(2022, 1, 8)), "08/01/2022"),
        ),
        (
            "Juche111.11.8.",
            ok(
                NotationKind::JucheStamp,
                Some(ymd(2022, 11, 8)),
                "Juche111.11.8.",
            ),
        ),
        (
            "2025.12.14.",
            ok(
                NotationKind::DottedStamp,
                Some(ymd(2025, 12, 14)),
                "2025.12.14.",
            ),
        ),
        (
            "2023.3.13",
            ok(
                NotationKind::DottedStamp,
                Some(ymd(2023, 3, 13)),
                "2023.03.13.",
            ),
        ),
        (
            "May 08, 2025",
            ok(
                NotationKind::MonthName,
                Some(ymd(2025, 5, 8)),
                "May 8, 2025",
            ),
        ),
        (
            "Monday, November 7, 2022",
            ok(
                NotationKind::MonthName,
                Some(ymd(2022, 11, 7)),
                "Monday, November 7, 2022",
            ),
        ),
        (
            "Juche 113 (2024)",
            ok(NotationKind::JucheYear, None, "Juche 113 (2024)"),
        ),
        ("Juche 99", ok(NotationKind::JucheYear, None, "Juche 99")),
        (
            // A place that is a weekday is still a dateline.
            "Monday, November 7 (KCNA)",
            ok(NotationKind::Dateline, None, "Monday, November 7 (KCNA)"),
        ),
        (
            // A place that starts with `Juche` is still a dateline.
            "Juche Tower, April 15 (KCNA)",
            ok(NotationKind::Dateline, None, "Juche Tower, April 15 (KCNA)"),
        ),
        (
            "Juche113",
            expected(
                Expected::Literal("."),
                8,
                "expected `.` after `Juche113`, but found end of input",
            ),
        ),
        (
            "Juche idea",
            expected(
                Expected::Year,
                6,
                "expected year after `Juche `, but found `i`",
            ),
        ),
        (
            "2025",
            expected(
                Expected::Literal("."),
                4,
                "expected `.` after `2025`, but found end of input",
            ),
        ),
        // Text that begins no notation names the notations tried at such a start (before the
        // registry: "expected month name at start of input, but found …").
        (
            "",
            expected(
                Expected::OneOf(&[NotationKind::MonthName, NotationKind::Dateline]),
                0,
                "expected a KCNA date notation (month-name date `May 08, 2025` or dateline \
                 `Pyongyang, November 8 (KCNA)`) at start of input, but found end of input",
            ),
        ),
        (
            "hello",
            expected(
                Expected::OneOf(&[NotationKind::MonthName, NotationKind::Dateline]),
                0,
                "expected a KCNA date notation (month-name date `May 08, 2025` or dateline \
                 `Pyongyang, November 8 (KCNA)`) at start of input, but found `h`",
            ),
        ),
        (
            " Juche111.11.8.",
            expected(
                Expected::OneOf(&[NotationKind::MonthName, NotationKind::Dateline]),
                0,
                "expected a KCNA date notation (month-name date `May 08, 2025` or dateline \
                 `Pyongyang, November 8 (KCNA)`) at start of input, but found ` `",
            ),
        ),
        (
            "Juche",
            expected(
                Expected::Year,
                5,
                "expected year after `Juche`, but found end of input",
            ),
        ),
        (
            "08/13/2022",
            fail(
                ErrorKind::OutOfRange {
                    field: Field::Month,
                    value: 13,
                    min: 1,
                    max: 12,
                },
                3..5,
                "month 13 is out of range, expected 1 to 12",
            ),
        ),
        (
            "2023.02.29.",
            fail(
                ErrorKind::NoSuchDate {
                    year: 2023,
                    month: 2,
                    day: 29,
                },
                8..10,
                "February 29 does not exist in 2023",
            ),
        ),
        (
            "Juche0.1.1.",
            fail(
                ErrorKind::OutOfRange {
                    field: Field::JucheYear,
                    value: 0,
                    min: 1,
                    max: 260_231,
                },
                5..6,
                "Juche year 0 is out of range, expected 1 to 260231",
            ),
        ),
        (
            "Juche 29 (1930)",
            fail(
                ErrorKind::YearMismatch {
                    juche: 29,
                    gregorian: 1930,
                },
                6..14,
                "Juche 29 is 1940, but the text gives 1930",
            ),
        ),
        (
            "Feb. 19, 2026 Friday",
            fail(
                ErrorKind::WeekdayMismatch {
                    date: ymd(2026, 2, 19),
                    given: Weekday::Fri,
                    actual: Weekday::Thu,
                },
                14..20,
                "2026-02-19 is a Thursday, but the text gives Friday",
            ),
        ),
        (
            "Pyongyang, February 30 (KCNA)",
            fail(
                ErrorKind::OutOfRange {
                    field: Field::Day,
                    value: 30,
                    min: 1,
                    max: 29,
                },
                20..22,
                "day 30 is out of range for February, expected 1 to 29",
            ),
        ),
        (
            "Juche 99 x",
            trailing(
                8..9,
                "expected end of input after `Juche 99`, but found ` `",
            ),
        ),
    ];
    run_table(
        "Notation",
        &rows,
        |s| s.parse::<Notation>(),
        Notation::parse_prefix,
        |n| (n.kind(), n.date(), n.to_string()),
    );
}

#[test]
fn notation_display_round_trip() {
    let values = [
        Notation::Dateline("Dar es Salaam, June 3 (KCNA)".parse().unwrap()),
        Notation::Dateline("Juche Tower, April 15 (KCNA)".parse().unwrap()),
        Notation::Dmy(ymd(2022, 11, 8)),
        Notation::Dmy(ymd(5, 1, 2)),
        Notation::JucheStamp("Juche111.11.8.".parse().unwrap()),
        Notation::DottedStamp(ymd(2024, 2, 11)),
        Notation::MonthName("Mar. 10, Juche 111 (2022) Thursday".parse().unwrap()),
        Notation::MonthName("Dec. 5, Juche 80".parse().unwrap()),
        Notation::MonthName(MonthNameDate::from_date(ymd(2025, 5, 8)).unwrap()),
        Notation::JucheYear("Juche 81(1992)".parse().unwrap()),
        Notation::JucheYear(JucheYear::new(99).unwrap()),
    ];
    let mut kinds = BTreeSet::new();
    for value in values {
        let text = value.to_string();
        let back: Notation = text.parse().unwrap_or_else(|e| panic!("{text:?}: {e}"));
        assert_eq!(back, value, "{text:?}");
        assert_eq!(back.to_string(), text);
        kinds.insert(value.kind());
    }
    assert_eq!(kinds.len(), 6, "every kind: {kinds:?}");

    let names: Vec<_> = [
        NotationKind::Dateline,
        NotationKind::Dmy,
        NotationKind::JucheStamp,
        NotationKind::DottedStamp,
        NotationKind::MonthName,
        NotationKind::JucheYear,
    ]
    .iter()
    .map(|k| (k.as_str(), k.to_string()))
    .collect();
    assert_eq!(
        names,
        [
            ("dateline", "dateline".to_owned()),
            ("dmy", "dmy".to_owned()),
            ("juche_stamp", "juche_stamp".to_owned()),
            ("dotted_stamp", "dotted_stamp".to_owned()),
            ("month_name", "month_name".to_owned()),
            ("juche_year", "juche_year".to_owned()),
        ]
    );
}

#[test]
fn error_is_std_error() {
    fn assert_traits<E: std::error::Error + Send + Sync + Clone + 'static>() {}
    assert_traits::<Error>();

    let err = parse_dmy("31/04/2024").unwrap_err();
    let boxed: Box<dyn std::error::Error + Send + Sync> = Box::new(err.clone());
    assert_eq!(
        boxed.to_string(),
        "day 31 is out of range for April, expected 1 to 30"
    );
    assert!(boxed.source().is_none());
    assert_eq!(boxed.downcast_ref::<Error>(), Some(&err));

    // `?` converts it into the usual boxed error.
    fn read(text: &str) -> Result<NaiveDate, Box<dyn std::error::Error>> {
        Ok(parse_dmy(text)?)
    }
    assert_eq!(read("08/11/2022").unwrap(), ymd(2022, 11, 8));
    assert_eq!(
        read("08/13/2022").unwrap_err().to_string(),
        "month 13 is out of range, expected 1 to 12"
    );
}

/// The `Display` of every `ErrorKind` variant and of every `Expected` phrase that a public
/// function can produce. `Expected::{Juche, Weekday, End, Notation}` are never reported, so they
/// are not listed.
#[test]
fn every_error_display() {
    let dl: Dateline = "Pyongyang, February 29 (KCNA)".parse().unwrap();
    let cases: Vec<(Error, &str)> = vec![
        (
            "Juche111.11.".parse::<JucheDate>().unwrap_err(),
            "expected day after `Juche111.11.`, but found end of input",
        ),
        (
            "Juche 113 (2024)x".parse::<JucheYear>().unwrap_err(),
            "expected end of input after `Juche 113 (2024)`, but found `x`",
        ),
        (
            parse_dmy("08/13/2022").unwrap_err(),
            "month 13 is out of range, expected 1 to 12",
        ),
        (
            parse_dmy("31/02/2022").unwrap_err(),
            "day 31 is out of range for February, expected 1 to 29",
        ),
        (
            parse_dmy("29/02/2023").unwrap_err(),
            "February 29 does not exist in 2023",
        ),
        (
            "Juche0.1.1.".parse::<JucheDate>().unwrap_err(),
            "Juche year 0 is out of range, expected 1 to 260231",
        ),
        (
            "Juche99999999999.1.1.".parse::<JucheDate>().unwrap_err(),
            "Juche year `99999999999` has too many digits",
        ),
        (
            JucheDate::try_from(ymd(1682, 1, 1)).unwrap_err(),
            "1682-01-01 is before 1912-01-01 (Juche 1) and has no Juche date; DPRK practice writes such years in Gregorian only",
        ),
        (
            "Juche 29 (1930)".parse::<JucheYear>().unwrap_err(),
            "Juche 29 is 1940, but the text gives 1930",
        ),
        (
            "Monday, November 8, 2022"
                .parse::<MonthNameDate>()
                .unwrap_err(),
            "2022-11-08 is a Tuesday, but the text gives Monday",
        ),
        (
            dl.resolve(ymd(2023, 3, 1)).unwrap_err(),
            "February 29 does not occur in the year up to the reference date 2023-03-01 (plus grace)",
        ),
        // The phrase of every reachable `Expected`.
        (
            "Juche.1.1.".parse::<JucheDate>().unwrap_err(),
            "expected year after `Juche`, but found `.`",
        ),
        (
            parse_dotted("23.1.1.").unwrap_err(),
            "expected four-digit year at start of input, but found `2`",
        ),
        (
            parse_dmy("1/x/2022").unwrap_err(),
            "expected month after `1/`, but found `x`",
        ),
        (
            parse_dmy("x").unwrap_err(),
            "expected day at start of input, but found `x`",
        ),
        (
            "Smarch 3, 2022".parse::<MonthNameDate>().unwrap_err(),
            "expected month name at start of input, but found `S`",
        ),
        (
            "Pyongyang, Dek. 3 (KCNA)".parse::<Dateline>().unwrap_err(),
            "expected month name after `Pyongyang, `, but found `D`",
        ),
        (
            "3 Pyongyang".parse::<Dateline>().unwrap_err(),
            "expected place name at start of input, but found `3`",
        ),
        (
            "Pyongyang, June 3 (Kxna)".parse::<Dateline>().unwrap_err(),
            "expected news agency tag such as `KCNA` after `Pyongyang, June 3 (`, but found `K`",
        ),
        (
            parse_dmy("1.1.2022").unwrap_err(),
            "expected `/` after `1`, but found `.`",
        ),
        (
            "JucheX".parse::<JucheYear>().unwrap_err(),
            "expected space after `Juche`, but found `X`",
        ),
        // Characters are quoted escaped.
        (
            parse_dmy("1\n").unwrap_err(),
            "expected `/` after `1`, but found `\\n`",
        ),
        (
            parse_dmy("\"").unwrap_err(),
            "expected day at start of input, but found `\\\"`",
        ),
    ];
    let mut kinds = BTreeSet::new();
    for (err, message) in &cases {
        assert_eq!(err.to_string(), *message, "{:?}", err.kind());
        kinds.insert(
            format!("{:?}", err.kind())
                .split([' ', '('])
                .next()
                .unwrap()
                .to_owned(),
        );
    }
    let want: BTreeSet<String> = [
        "Expected",
        "TrailingInput",
        "OutOfRange",
        "NumberTooLong",
        "NoSuchDate",
        "BeforeJuche",
        "YearMismatch",
        "WeekdayMismatch",
        "Unresolvable",
    ]
    .into_iter()
    .map(str::to_owned)
    .collect();
    assert_eq!(kinds, want);

    // Quoting: only the last 32 characters before the fault, on character boundaries.
    let long = format!("{}, June 3 (kxna)", "Ä".repeat(30));
    let e = long.parse::<Dateline>().unwrap_err();
    assert_eq!(e.span(), 70..70);
    assert_eq!(
        e.to_string(),
        format!(
            "expected news agency tag such as `KCNA` after `{}, June 3 (`, but found `k`",
            "Ä".repeat(22)
        )
    );
}
