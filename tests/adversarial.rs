//! Hostile input for every public parser, `scan` and `date_article`: huge digit runs, notations
//! repeated 100,000 times, deep brackets, control and invisible characters, non-ASCII digits,
//! signs, February 29 in common years, every byte and every short byte sequence over an alphabet.
//! Each test states the outcome (which inputs are errors and of what kind, which are dates), and the
//! shared fuzz oracles (`fuzz/oracles.rs`) check the small inputs too. All are fast in debug builds.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    clippy::arithmetic_side_effects,
    clippy::string_slice
)]

#[allow(dead_code)]
#[path = "../fuzz/oracles.rs"]
mod oracles;

use std::str::FromStr;

use chrono::NaiveDate;
use kcna_dates::{
    ArticleOptions, Dateline, Error, ErrorKind, Expected, Field, JucheDate, JucheYear,
    MonthNameDate, Notation, NotationKind, date_article, parse_dmy, parse_dmy_prefix, parse_dotted,
    parse_dotted_prefix, scan,
};

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// The strict result of every public parser on `s`, by name.
fn strict_all(s: &str) -> Vec<(&'static str, Result<String, Error>)> {
    vec![
        ("parse_dmy", parse_dmy(s).map(|d| d.to_string())),
        ("parse_dotted", parse_dotted(s).map(|d| d.to_string())),
        ("JucheDate", JucheDate::from_str(s).map(|d| d.to_string())),
        ("JucheYear", JucheYear::from_str(s).map(|d| d.to_string())),
        (
            "MonthNameDate",
            MonthNameDate::from_str(s).map(|d| d.to_string()),
        ),
        ("Dateline", Dateline::from_str(s).map(|d| d.to_string())),
        ("Notation", Notation::from_str(s).map(|d| d.to_string())),
    ]
}

/// Every strict parser rejects `s`, with an error whose span lies in `s`.
fn all_reject(s: &str) {
    for (name, result) in strict_all(s) {
        match result {
            Ok(value) => panic!("{name} accepted {:?} as {value}", preview(s)),
            Err(err) => oracles::check_error(s, &err),
        }
    }
}

/// Every prefix reader rejects `s` (nothing at its start is a notation).
fn no_prefix(s: &str) {
    assert!(parse_dmy_prefix(s).is_err());
    assert!(parse_dotted_prefix(s).is_err());
    assert!(JucheDate::parse_prefix(s).is_err());
    assert!(JucheYear::parse_prefix(s).is_err());
    assert!(MonthNameDate::parse_prefix(s).is_err());
    assert!(Dateline::parse_prefix(s).is_err());
    assert!(Notation::parse_prefix(s).is_err());
}

/// What `scan` finds: kind, span and date.
fn finds(s: &str) -> Vec<(NotationKind, std::ops::Range<usize>, Option<NaiveDate>)> {
    scan(s).map(|f| (f.kind(), f.span(), f.date())).collect()
}

/// The head of a long input, for messages.
fn preview(s: &str) -> String {
    s.chars().take(40).collect()
}

/// Runs one adversarial case. What it costs is measured by `benches/adversarial.rs` (the time for
/// 8 MiB against 1 MiB), not here: tests assert outcomes, never timings.
fn case<T>(f: impl FnOnce() -> T) -> T {
    f()
}

const MIB: usize = 1 << 20;

#[test]
fn a_mebibyte_of_digits() {
    let digits = "1".repeat(MIB);
    case(|| {
        all_reject(&digits);
        no_prefix(&digits);
        for err in [
            parse_dmy(&digits).unwrap_err(),
            parse_dotted(&digits).unwrap_err(),
            Notation::from_str(&digits).unwrap_err(),
        ] {
            assert!(matches!(err.kind(), ErrorKind::Expected(_)), "{err:?}");
            assert_eq!(err.span(), 0..0);
        }
        assert_eq!(finds(&digits), []);
    });

    // A digit run as a year is checked, not overflowed: the error covers the whole run.
    let stamp = format!("Juche{digits}.1.1.");
    let err = JucheDate::from_str(&stamp).unwrap_err();
    assert_eq!(
        err.kind(),
        ErrorKind::NumberTooLong {
            field: Field::JucheYear
        }
    );
    assert_eq!(err.span(), 5..5 + MIB);
    assert!(
        err.to_string().len() < 300,
        "the message quotes at most a little"
    );
    let year = format!("Juche {digits}");
    assert_eq!(
        JucheYear::from_str(&year).unwrap_err().kind(),
        ErrorKind::NumberTooLong {
            field: Field::JucheYear
        }
    );
    let scanned = finds(&stamp);
    assert_eq!(scanned.len(), 1, "one invalid candidate");
    assert_eq!(scanned[0].0, NotationKind::JucheStamp);
    assert_eq!(scanned[0].2, None);

    // Digits around a real stamp do not make it a date: `108/11/2022` is not `08/11/2022`.
    let glued = format!("{}08/11/2022{}", "9".repeat(1000), "9".repeat(1000));
    all_reject(&glued);
    assert_eq!(finds(&glued), []);
}

#[test]
fn juche_repeated_100_000_times() {
    let bare = "Juche".repeat(100_000);
    case(|| {
        all_reject(&bare);
        no_prefix(&bare);
        assert_eq!(finds(&bare), []);
        let dated = date_article(&bare, &ArticleOptions::new());
        assert!(dated.signals.is_empty() && dated.publication_date.is_none());
    });
    let spaced = "Juche ".repeat(100_000);
    all_reject(&spaced);
    assert_eq!(finds(&spaced), []);
}

#[test]
fn stamps_repeated_100_000_times() {
    let stamp = "Juche111.11.8.";
    let text = stamp.repeat(100_000);
    case(|| {
        let err = JucheDate::from_str(&text).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::TrailingInput);
        assert_eq!(err.span(), 14..15);
        assert_eq!(
            JucheDate::parse_prefix(&text).map(|(d, len)| (d.date(), len)),
            Ok((ymd(2022, 11, 8), 14))
        );
        let mut count = 0;
        for (i, found) in scan(&text).enumerate() {
            assert_eq!(found.span(), i * 14..i * 14 + 14);
            assert_eq!(found.date(), Some(ymd(2022, 11, 8)));
            count += 1;
        }
        assert_eq!(count, 100_000);
    });

    let dmy = "08/11/2022 ".repeat(100_000);
    assert_eq!(
        parse_dmy(&dmy).unwrap_err().kind(),
        ErrorKind::TrailingInput
    );
    assert_eq!(scan(&dmy).count(), 100_000);
    let glued = "May 08, 2025".repeat(100_000);
    assert_eq!(
        MonthNameDate::from_str(&glued).unwrap_err().kind(),
        ErrorKind::TrailingInput
    );
    case(|| {
        assert!(scan(&glued).all(|f| f.date() == Some(ymd(2025, 5, 8))));
    });
}

#[test]
fn pyongyang_repeated() {
    let text = "Pyongyang, ".repeat(100_000);
    case(|| {
        all_reject(&text);
        let err = Dateline::from_str(&text).unwrap_err();
        assert_eq!(
            err.kind(),
            ErrorKind::Expected(Expected::MonthName),
            "{err}"
        );
        assert_eq!(err.span(), 11..11);
        assert_eq!(finds(&text), []);
    });
    let datelines = "Pyongyang, November 8 (KCNA) --".repeat(10_000);
    case(|| {
        let found = finds(&datelines);
        assert_eq!(found.len(), 10_000);
        assert!(
            found
                .iter()
                .all(|(k, _, d)| *k == NotationKind::Dateline && d.is_none())
        );
        assert_eq!(found[1].1, 31..62);
    });
    // A place longer than 64 bytes is no dateline, however it continues.
    let long_place = format!("{}, November 8 (KCNA)", "Pyongyang".repeat(100));
    all_reject(&long_place);
}

#[test]
fn deeply_nested_brackets() {
    let open = "(".repeat(MIB);
    case(|| {
        all_reject(&open);
        no_prefix(&open);
        assert_eq!(finds(&open), []);
    });
    let nested = format!("{}Juche111.11.8.{}", "(".repeat(10_000), ")".repeat(10_000));
    assert_eq!(
        finds(&nested),
        [(
            NotationKind::JucheStamp,
            10_000..10_014,
            Some(ymd(2022, 11, 8))
        )]
    );
    all_reject(&nested);
    let year = format!("Juche 113 {}2024{}", "(".repeat(1000), ")".repeat(1000));
    assert_eq!(
        JucheYear::from_str(&year).unwrap_err().kind(),
        ErrorKind::TrailingInput
    );
}

#[test]
fn nul_bytes() {
    all_reject("\0");
    all_reject("08/11/2022\0");
    all_reject("\x0008/11/2022");
    all_reject("Juche111.11.8.\0");
    all_reject("Juche\x00111.11.8.");
    all_reject("Pyongyang,\0November 8 (KCNA)");
    assert_eq!(
        parse_dmy("08/11/2022\0").unwrap_err().kind(),
        ErrorKind::TrailingInput
    );
    assert_eq!(parse_dmy_prefix("08/11/2022\0"), Ok((ymd(2022, 11, 8), 10)));
    assert_eq!(
        finds("\x0008/11/2022\0"),
        [(NotationKind::Dmy, 1..11, Some(ymd(2022, 11, 8)))]
    );
    assert_eq!(finds(&"\0".repeat(MIB)), []);
}

#[test]
fn invisible_characters() {
    // Right-to-left mark, zero-width space and BOM are not part of any notation, and are not
    // skipped inside one; around a notation they do not hide it from the scanner.
    for mark in ["\u{200F}", "\u{200B}", "\u{FEFF}"] {
        let before = format!("{mark}08/11/2022");
        all_reject(&before);
        assert_eq!(
            finds(&before),
            [(NotationKind::Dmy, 3..13, Some(ymd(2022, 11, 8)))],
            "{before:?}"
        );
        let stamp = format!("{mark}Juche111.11.8.{mark}");
        all_reject(&stamp);
        assert_eq!(
            finds(&stamp),
            [(NotationKind::JucheStamp, 3..17, Some(ymd(2022, 11, 8)))]
        );
        let dateline = format!("{mark}Pyongyang, November 8 (KCNA) --");
        all_reject(&dateline);
        assert_eq!(finds(&dateline).len(), 1);
        assert_eq!(finds(&dateline)[0].1.start, 3);

        for inside in [
            format!("08{mark}/11/2022"),
            format!("08/11/{mark}2022"),
            format!("Juche{mark}111.11.8."),
            format!("Juche111.{mark}11.8."),
            format!("Pyongyang, Novem{mark}ber 8 (KCNA)"),
            format!("May{mark} 08, 2025"),
        ] {
            all_reject(&inside);
            assert!(
                finds(&inside).iter().all(|(_, _, date)| date.is_none()),
                "{inside:?}: {:?}",
                finds(&inside)
            );
        }
    }
    // The BOM at the start of a file, then a whole article.
    let article = "\u{FEFF}www.kcna.kp (Juche111.11.8.)\nPyongyang, November 8 (KCNA) -- text";
    let dated = date_article(article, &ArticleOptions::new());
    assert_eq!(dated.publication_date, Some(ymd(2022, 11, 8)));
    assert!(dated.conflicts.is_empty());
}

#[test]
fn non_ascii_digits_are_not_digits() {
    for text in [
        "０８/１１/２０２２",
        "08/１１/2022",
        "٠٨/١١/٢٠٢٢",
        "۰۸/۱۱/۲۰۲۲",
        "२०२२.११.०८.",
        "Juche１１１.１１.８.",
        "Juche ١١٣ (2024)",
        "May ０８, 2025",
        "Pyongyang, November ８ (KCNA)",
        "２０２５.１２.１４.",
    ] {
        all_reject(text);
        no_prefix(text);
        assert!(
            finds(text).iter().all(|(_, _, date)| date.is_none()),
            "{text:?}: {:?}",
            finds(text)
        );
    }
    assert_eq!(finds("０８/１１/２０２２"), []);
    assert_eq!(finds("٠٨/١١/٢٠٢٢"), []);
}

#[test]
fn hangul() {
    // Hangul that is no date: the ideology, the agency, a dateline without a year, a Juche stamp
    // with a Korean keyword, the "Juche 100s".
    for text in [
        "주체111.11.8.",
        "주체",
        "주체사상",
        "주체100년대",
        "조선중앙통신",
        "Pyongyang, 11월 8 (KCNA)",
        "평양, November 8 (KCNA)",
    ] {
        all_reject(text);
        assert!(
            finds(text).iter().all(|(_, _, date)| date.is_none()),
            "{text:?}: {:?}",
            finds(text)
        );
    }
    // The Korean edition's notations, with ASCII or full-width digits and parentheses.
    for (text, kind, date) in [
        (
            "주체111(2022)년 11월 8일",
            NotationKind::KoreanDate,
            Some(ymd(2022, 11, 8)),
        ),
        (
            "주체１１１（２０２２）년 １１월 ８일",
            NotationKind::KoreanDate,
            Some(ymd(2022, 11, 8)),
        ),
        (
            "2026년 8월 21일",
            NotationKind::KoreanDate,
            Some(ymd(2026, 8, 21)),
        ),
        ("주체87（1998）년", NotationKind::KoreanJucheYear, None),
    ] {
        let parsed = Notation::from_str(text).unwrap();
        assert_eq!((parsed.kind(), parsed.date()), (kind, date), "{text:?}");
        assert_eq!(finds(text), [(kind, 0..text.len(), date)], "{text:?}");
        oracles::notation(text.as_bytes());
        oracles::scan(text.as_bytes());
    }
    // February 29 of a common year, and mismatched years, are errors in Korean too.
    assert!(Notation::from_str("2023년 2월 29일").is_err());
    assert!(matches!(
        Notation::from_str("주체29(1930)년").unwrap_err().kind(),
        ErrorKind::YearMismatch {
            juche: 29,
            gregorian: 1930
        }
    ));
    // Hangul around an English notation does not hide it.
    assert_eq!(
        finds("조선중앙통신 Juche111.11.8. 주체"),
        [(NotationKind::JucheStamp, 19..33, Some(ymd(2022, 11, 8)))]
    );
}

#[test]
fn signs_before_numbers() {
    for text in [
        "+08/11/2022",
        "-08/11/2022",
        "08/+11/2022",
        "08/-1/2022",
        "08/11/+2022",
        "08/11/-2022",
        "Juche-1.1.1.",
        "Juche+111.11.8.",
        "Juche111.-11.8.",
        "Juche -1",
        "Juche 113 (-2024)",
        "Juche 113 (+2024)",
        "+2025.12.14.",
        "May -8, 2025",
        "May 08, -2025",
        "May 08, +2025",
        "Pyongyang, November -8 (KCNA)",
    ] {
        all_reject(text);
    }
    let err = parse_dmy("08/-1/2022").unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Expected(Expected::Month));
    assert_eq!(err.span(), 3..3);
    let err = JucheDate::from_str("Juche-1.1.1.").unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Expected(Expected::Year));
    assert_eq!(err.span(), 5..5);
    // A sign is not a digit, letter or number separator: the stamp after it is found.
    assert_eq!(
        finds("+08/11/2022"),
        [(NotationKind::Dmy, 1..11, Some(ymd(2022, 11, 8)))]
    );
    assert_eq!(finds("Juche-1.1.1."), []);
    assert_eq!(finds("08/-1/2022"), []);
}

#[test]
fn february_29_in_common_years() {
    let no_such = |s: &str, year: i32| {
        let err = Notation::from_str(s).unwrap_err();
        assert_eq!(
            err.kind(),
            ErrorKind::NoSuchDate {
                year,
                month: 2,
                day: 29
            },
            "{s:?}: {err}"
        );
    };
    for year in [1900, 2023, 2025, 2100, 2200, 2300] {
        no_such(&format!("29/02/{year}"), year);
        no_such(&format!("{year}.02.29."), year);
        no_such(&format!("February 29, {year}"), year);
        if year > 1911 {
            no_such(&format!("Juche{}.2.29.", year - 1911), year);
            assert!(JucheDate::new((year - 1911) as u32, 2, 29).is_err());
        }
        let found = finds(&format!("on 29/02/{year} and Feb. 29, {year}"));
        assert_eq!(found.len(), 2, "both are invalid candidates");
        assert!(found.iter().all(|(_, _, d)| d.is_none()));
    }
    no_such("Feb. 29, Juche 112 (2023)", 2023);
    for year in [1912, 2000, 2024, 2400] {
        assert_eq!(parse_dmy(&format!("29/02/{year}")), Ok(ymd(year, 2, 29)));
        assert_eq!(
            JucheDate::from_str(&format!("Juche{}.2.29.", year - 1911)).map(|d| d.date()),
            Ok(ymd(year, 2, 29))
        );
    }
    // A dateline has no year: February 29 is a valid dateline, February 30 is not.
    let leap: Dateline = "Pyongyang, February 29 (KCNA)".parse().unwrap();
    assert_eq!(leap.resolve(ymd(2024, 3, 1)), Ok(ymd(2024, 2, 29)));
    assert!(leap.resolve(ymd(2023, 3, 1)).is_err());
    assert!(
        leap.resolve(ymd(2025, 3, 5)).is_err(),
        "2024-02-29 is over a year back"
    );
    assert!(matches!(
        Dateline::from_str("Pyongyang, February 30 (KCNA)")
            .unwrap_err()
            .kind(),
        ErrorKind::OutOfRange {
            field: Field::Day,
            value: 30,
            min: 1,
            max: 29
        }
    ));
    // And a stamp of a common year does not give a dateline's February 29 a date.
    let article = "(Juche112.3.1.)\nPyongyang, February 29 (KCNA) -- text";
    let dated = date_article(article, &ArticleOptions::new());
    assert_eq!(dated.publication_date, Some(ymd(2023, 3, 1)));
    let dateline = dated
        .signals
        .iter()
        .find(|s| s.kind == NotationKind::Dateline)
        .unwrap();
    assert_eq!(dateline.date, None);
    assert!(dateline.error.is_some());
}

#[test]
fn every_single_byte() {
    for b in 0..=255u8 {
        let s = String::from_utf8_lossy(&[b]).into_owned();
        all_reject(&s);
        no_prefix(&s);
        assert_eq!(finds(&s), [], "{s:?}");
        let dated = date_article(&s, &ArticleOptions::new().with_reference(ymd(2024, 1, 1)));
        assert!(dated.signals.is_empty() && dated.body_dates.is_empty());
        for target in oracles::TARGETS.iter().filter(|t| oracles::has_oracle(t)) {
            assert!(oracles::run(target, &[b]));
        }
    }
}

/// Bytes that start, continue or break notations, plus UTF-8 lead and continuation bytes.
const ALPHABET: &[u8] = b"0189/., -(J)KPM\xC2\xA0\xE2\x80\xEF\xFF";

#[test]
fn every_two_byte_sequence() {
    for &a in ALPHABET {
        for &b in ALPHABET {
            let data = [a, b];
            let s = String::from_utf8_lossy(&data).into_owned();
            all_reject(&s);
            no_prefix(&s);
            assert_eq!(finds(&s), [], "{s:?}");
            for target in oracles::TARGETS.iter().filter(|t| oracles::has_oracle(t)) {
                assert!(oracles::run(target, &data));
            }
        }
    }
}

#[test]
fn every_short_stamp_over_an_alphabet() {
    // Every four-byte sequence over digits, `/` and `.` appended to `08/11/` or prefixed to
    // `.11.08.`: only a four-digit year gives a date, and the scanner agrees with the parser.
    let alphabet = b"019/.";
    let mut dates = 0;
    for i in 0..alphabet.len().pow(4) {
        let tail: String = (0..4)
            .map(|k| char::from(alphabet[i / alphabet.len().pow(k) % alphabet.len()]))
            .collect();
        for text in [format!("08/11/{tail}"), format!("{tail}.11.08.")] {
            let parsed = Notation::from_str(&text);
            let four_digits = tail.bytes().all(|c| c.is_ascii_digit());
            assert_eq!(parsed.is_ok(), four_digits, "{text:?}: {parsed:?}");
            if four_digits {
                dates += 1;
                assert_eq!(
                    finds(&text),
                    [(
                        parsed.as_ref().unwrap().kind(),
                        0..text.len(),
                        parsed.as_ref().unwrap().date()
                    )]
                );
            }
            oracles::notation(text.as_bytes());
            oracles::scan(text.as_bytes());
        }
    }
    assert_eq!(dates, 2 * 3usize.pow(4));
}

#[test]
fn date_article_with_many_signals() {
    // 2,000 alternating stamps: 2,000 signals, the 1,000 that disagree in one group (not one
    // conflict per pair: output linear in the signals).
    let text = "[Juche111.11.8.][Juche111.11.9.]\n".repeat(1_000);
    let dated = case(|| date_article(&text, &ArticleOptions::new()));
    assert_eq!(dated.signals.len(), 2_000);
    assert_eq!(dated.publication_date, Some(ymd(2022, 11, 8)));
    assert_eq!(dated.agreeing.len(), 1_000);
    assert_eq!(dated.conflicts.len(), 1);
    assert_eq!(dated.conflicts[0].signals.len(), 1_000);
    assert_eq!(dated.conflicts[0].days, 1);
}

#[test]
fn date_article_with_100_000_signals() {
    // Agreeing signals cost nothing in the conflict check (it groups signals by date), so 100,000
    // identical stamps on one line are dated without comparing every pair.
    let text = "[Juche111.11.8.]".repeat(100_000);
    let dated = case(|| date_article(&text, &ArticleOptions::new()));
    assert_eq!(dated.signals.len(), 100_000);
    assert!(dated.conflicts.is_empty());
    assert_eq!(dated.publication_date, Some(ymd(2022, 11, 8)));
}

#[test]
fn glued_words_scan_in_linear_time() {
    // Found while fuzzing the first scanner: each capital glued to a letter is a candidate, and the
    // month-name reader counted the whole letter run from each one, so `MayMayMay…` took quadratic
    // time (20,000 repetitions: 1.3 s in release). The anchored scanner (479a6e3) is linear; these
    // keep it so.
    for unit in [
        "May",
        "Monday",
        "Pyongyang",
        "A, May 1 (",
        "KCNA",
        "Juche",
        "주체",
        "１",
        "1-",
        "de mayo ",
    ] {
        let text = unit.repeat(30_000);
        case(|| {
            // Glued, none is a date; where a unit is one (`A, May 1 (`, `de mayo `, the last
            // `Monday`), one per
            // unit at most: the output is linear too.
            let found = finds(&text);
            assert!(found.len() <= 30_000, "{unit:?}: {}", found.len());
            if !matches!(unit, "A, May 1 (" | "de mayo " | "Monday") {
                assert_eq!(found, [], "{unit:?}");
            }
        });
    }
}
