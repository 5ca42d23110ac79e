//! Golden tests for the other KCNA editions (issue 6): Korean, Japanese and Spanish datelines,
//! Korean and Spanish dates, ISO video labels, full-width digits, Pyongyang time, and how
//! `scan` and `date_article` use them. Exact values, spans and error kinds.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    clippy::arithmetic_side_effects,
    clippy::string_slice
)]

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use kcna_dates::{
    ArticleOptions, BodyResolution, Dateline, Edition, ErrorKind, Expected, Field, JucheYear,
    KoreanDate, Notation, NotationKind, SignalRole, SpanishDate, YearStyle, date_article,
    pyongyang_offset, scan, to_pyongyang,
};

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// (kind, text, date) of everything `scan` finds (valid or not).
fn found(text: &str) -> Vec<(NotationKind, &str, Option<NaiveDate>, bool)> {
    scan(text)
        .map(|f| (f.kind(), &text[f.span()], f.date(), f.is_valid()))
        .collect()
}

// ---- datelines -------------------------------------------------------------------------------

#[test]
fn korean_dateline() {
    let d: Dateline = "(평양 8월 21일발 조선중앙통신)".parse().unwrap();
    assert_eq!(d.edition(), Edition::Korean);
    assert_eq!(
        (d.place(), d.month(), d.day(), d.agency()),
        ("평양", 8, 21, "조선중앙통신")
    );
    assert_eq!(d.to_string(), "(평양 8월 21일발 조선중앙통신)");
    assert_eq!(d.resolve(ymd(2026, 8, 21)).unwrap(), ymd(2026, 8, 21));
}

#[test]
fn korean_dateline_full_width_and_ideographic_space() {
    let d: Dateline = "（평양\u{3000}８월\u{3000}２１일발\u{3000}조선중앙통신）"
        .parse()
        .unwrap();
    assert_eq!(
        d,
        "(평양 8월 21일발 조선중앙통신)"
            .parse::<Dateline>()
            .unwrap()
    );
}

#[test]
fn korean_dateline_errors() {
    let err = "(평양 13월 1일발 조선중앙통신)"
        .parse::<Dateline>()
        .unwrap_err();
    assert_eq!(
        err.kind(),
        ErrorKind::OutOfRange {
            field: Field::Month,
            value: 13,
            min: 1,
            max: 12
        }
    );
    assert_eq!(err.span(), 8..10);
    let err = "(평양 2월 30일발 조선중앙통신)"
        .parse::<Dateline>()
        .unwrap_err();
    assert_eq!(
        err.kind(),
        ErrorKind::OutOfRange {
            field: Field::Day,
            value: 30,
            min: 1,
            max: 29
        }
    );
    assert_eq!(err.span(), 13..15);
    // A citation, not a dateline.
    let err = "(평양: 조선로동당출판사, 1979)"
        .parse::<Dateline>()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Expected(Expected::Space));
    assert_eq!(err.span(), 7..7);
}

#[test]
fn japanese_dateline() {
    let text = "【平壌７月５日発朝鮮中央通信】";
    let d: Dateline = text.parse().unwrap();
    assert_eq!(d.edition(), Edition::Japanese);
    assert_eq!(
        (d.place(), d.month(), d.day(), d.agency()),
        ("平壌", 7, 5, "朝鮮中央通信")
    );
    assert_eq!(d.to_string(), "【平壌7月5日発朝鮮中央通信】");
    assert_eq!(d, d.to_string().parse::<Dateline>().unwrap());
    let hyesan: Dateline = "【恵山7月20日発朝鮮中央通信】".parse().unwrap();
    assert_eq!(
        (hyesan.place(), hyesan.month(), hyesan.day()),
        ("恵山", 7, 20)
    );
    // The end mark may follow.
    let (_, len) = Dateline::parse_prefix("【平壌７月５日発朝鮮中央通信】－－－金日成").unwrap();
    assert_eq!(len, "【平壌７月５日発朝鮮中央通信】－－－".len());
}

#[test]
fn japanese_dateline_errors() {
    let err = "【平壌７月３２日発朝鮮中央通信】"
        .parse::<Dateline>()
        .unwrap_err();
    assert_eq!(
        err.kind(),
        ErrorKind::OutOfRange {
            field: Field::Day,
            value: 32,
            min: 1,
            max: 31
        }
    );
    assert_eq!(err.span(), 15..21);
    let err = "【平壌７月５日朝鮮中央通信】"
        .parse::<Dateline>()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Expected(Expected::Literal("日発")));
    assert_eq!(err.span(), 18..18);
}

#[test]
fn spanish_dateline() {
    let d: Dateline = "Pyongyang, 24 de diciembre (ACNC) --".parse().unwrap();
    assert_eq!(d.edition(), Edition::Spanish);
    assert_eq!(
        (d.place(), d.month(), d.day(), d.agency()),
        ("Pyongyang", 12, 24, "ACNC")
    );
    assert_eq!(d.to_string(), "Pyongyang, 24 de diciembre (ACNC)");
    let old: Dateline = "Pyongyang, 3 de setiembre (ATCC)".parse().unwrap();
    assert_eq!((old.month(), old.day(), old.agency()), (9, 3, "ATCC"));
    assert_eq!(old.to_string(), "Pyongyang, 3 de septiembre (ATCC)");
    let err = "Pyongyang, 31 de abril (ACNC)"
        .parse::<Dateline>()
        .unwrap_err();
    assert_eq!(
        err.kind(),
        ErrorKind::OutOfRange {
            field: Field::Day,
            value: 31,
            min: 1,
            max: 30
        }
    );
    assert_eq!(err.span(), 11..13);
    // Archives also capitalise the month (`18 de Abril`), or write the whole dateline in capitals
    // or in lower case; mixed case inside a word is no month.
    for text in [
        "Pyongyang, 24 de Diciembre (ACNC)",
        "PYONGYANG, 24 DE DICIEMBRE (ACNC)",
        "pyongyang, 24 de diciembre (atcc)",
    ] {
        let d: Dateline = text.to_string().replace("DE", "de").parse().unwrap();
        assert_eq!((d.month(), d.day()), (12, 24), "{text}");
    }
    assert!(
        "Pyongyang, 24 de DiCiembre (ACNC)"
            .parse::<Dateline>()
            .is_err()
    );
}

#[test]
fn editions_resolve_alike() {
    let reference = ymd(2024, 1, 1);
    let en: Dateline = "Pyongyang, December 31 (KCNA)".parse().unwrap();
    for text in [
        "Pyongyang, 31 de diciembre (ACNC)",
        "(평양 12월 31일발 조선중앙통신)",
        "【平壌１２月３１日発朝鮮中央通信】",
    ] {
        let d: Dateline = text.parse().unwrap();
        assert_eq!(
            d.resolve(reference).unwrap(),
            en.resolve(reference).unwrap(),
            "{text}"
        );
        assert_eq!((d.month(), d.day()), (12, 31));
    }
}

#[test]
fn dateline_new_in_checks_the_edition() {
    let d = Dateline::new_in(Edition::Japanese, "平壌", 7, 5, "朝鮮中央通信").unwrap();
    assert_eq!(d.to_string(), "【平壌7月5日発朝鮮中央通信】");
    assert!(Dateline::new_in(Edition::Korean, "Pyongyang", 7, 5, "KCNA").is_err());
    let es = Dateline::new_in(Edition::Spanish, "Pyongyang", 12, 24, "ACNC").unwrap();
    assert_eq!(es.to_string(), "Pyongyang, 24 de diciembre (ACNC)");
    assert_eq!(
        Dateline::new("Pyongyang", 1, 1, "KCNA").unwrap().edition(),
        Edition::English
    );
}

// ---- Korean dates ----------------------------------------------------------------------------

#[test]
fn korean_dates() {
    let cases: [(&str, NaiveDate, YearStyle, &str); 6] = [
        (
            "2026년 8월 21일",
            ymd(2026, 8, 21),
            YearStyle::Gregorian,
            "2026년 8월 21일",
        ),
        (
            "1999년 01월 01일",
            ymd(1999, 1, 1),
            YearStyle::Gregorian,
            "1999년 1월 1일",
        ),
        (
            "주체107(2018)년 7월 9일",
            ymd(2018, 7, 9),
            YearStyle::JucheGregorian,
            "주체107(2018)년 7월 9일",
        ),
        (
            "주체102(2013)년 1월 1일",
            ymd(2013, 1, 1),
            YearStyle::JucheGregorian,
            "주체102(2013)년 1월 1일",
        ),
        (
            "주체107년 7월 9일",
            ymd(2018, 7, 9),
            YearStyle::Juche,
            "주체107년 7월 9일",
        ),
        (
            "１９９９년\u{3000}０１월\u{3000}０１일",
            ymd(1999, 1, 1),
            YearStyle::Gregorian,
            "1999년 1월 1일",
        ),
    ];
    for (text, date, style, canonical) in cases {
        let d: KoreanDate = text.parse().unwrap();
        assert_eq!((d.date(), d.year_style()), (date, style), "{text}");
        assert_eq!(d.to_string(), canonical);
        let n: Notation = text.parse().unwrap();
        assert_eq!(n.kind(), NotationKind::KoreanDate);
        assert_eq!(n.date(), Some(date));
    }
}

#[test]
fn korean_date_errors() {
    let err = "주체29(1930)년 1월 1일".parse::<KoreanDate>().unwrap_err();
    assert_eq!(
        err.kind(),
        ErrorKind::YearMismatch {
            juche: 29,
            gregorian: 1930
        }
    );
    assert_eq!(err.span(), 6..13);
    let err = "2023년 2월 29일".parse::<KoreanDate>().unwrap_err();
    assert_eq!(
        err.kind(),
        ErrorKind::NoSuchDate {
            year: 2023,
            month: 2,
            day: 29
        }
    );
    assert_eq!(err.span(), 13..15);
    let err = "2026년 13월 1일".parse::<KoreanDate>().unwrap_err();
    assert_eq!(
        err.kind(),
        ErrorKind::OutOfRange {
            field: Field::Month,
            value: 13,
            min: 1,
            max: 12
        }
    );
    assert_eq!(err.span(), 8..10);
    let err = "주체0년 1월 1일".parse::<KoreanDate>().unwrap_err();
    assert_eq!(
        err.kind(),
        ErrorKind::OutOfRange {
            field: Field::JucheYear,
            value: 0,
            min: 1,
            max: 260_231
        }
    );
    assert_eq!(err.span(), 6..7);
    let err = "2026년 8월".parse::<KoreanDate>().unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Expected(Expected::Day));
    assert_eq!(err.span(), 12..12);
    // Full-width digits in the spans: ２０２３ is 12 bytes.
    let err = "２０２３년 ２월 ２９일".parse::<KoreanDate>().unwrap_err();
    assert_eq!(
        err.kind(),
        ErrorKind::NoSuchDate {
            year: 2023,
            month: 2,
            day: 29
        }
    );
    assert_eq!(err.span(), 23..29);
}

#[test]
fn korean_juche_years() {
    for (text, juche, gregorian, canonical) in [
        ("주체87（1998）년", 87, true, "주체87(1998)년"),
        ("주체８８（１９９９）년", 88, true, "주체88(1999)년"),
        ("주체１００년", 100, false, "주체100년"),
        ("주체89(2000)년", 89, true, "주체89(2000)년"),
    ] {
        let n: Notation = text.parse().unwrap();
        let Notation::KoreanJucheYear(year) = &n else {
            panic!("{text}: {n:?}");
        };
        assert_eq!(
            (year.juche(), year.has_gregorian()),
            (juche, gregorian),
            "{text}"
        );
        assert_eq!(n.to_string(), canonical);
        assert_eq!(n.date(), None);
    }
    let year = JucheYear::from_gregorian(1998).unwrap();
    assert_eq!(
        Notation::KoreanJucheYear(year).to_string(),
        "주체87(1998)년"
    );
}

#[test]
fn korean_juche_year_errors() {
    let err = "주체29(1930)년".parse::<Notation>().unwrap_err();
    assert_eq!(
        err.kind(),
        ErrorKind::YearMismatch {
            juche: 29,
            gregorian: 1930
        }
    );
    assert_eq!(err.span(), 6..13);
    // The ideology, an era and a history are not dates.
    for text in ["주체사상", "주체", "주체100년대", "주체１００년사"] {
        assert!(text.parse::<Notation>().is_err(), "{text}");
    }
    let err = "주체사상".parse::<Notation>().unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Expected(Expected::Year));
    assert_eq!(err.span(), 6..6);
}

// ---- ISO and Spanish dates ------------------------------------------------------------------

#[test]
fn iso_dates() {
    let n: Notation = "2026-08-21".parse().unwrap();
    assert_eq!(
        (n.kind(), n.date()),
        (NotationKind::IsoDate, Some(ymd(2026, 8, 21)))
    );
    assert_eq!(n.to_string(), "2026-08-21");
    let err = "2026-02-30".parse::<Notation>().unwrap_err();
    assert_eq!(
        err.kind(),
        ErrorKind::OutOfRange {
            field: Field::Day,
            value: 30,
            min: 1,
            max: 29
        }
    );
    assert_eq!(err.span(), 8..10);
    let err = "2026-13-01".parse::<Notation>().unwrap_err();
    assert_eq!(
        err.kind(),
        ErrorKind::OutOfRange {
            field: Field::Month,
            value: 13,
            min: 1,
            max: 12
        }
    );
    // Not a whole token: not a date.
    for text in ["2026-08-21T10:00", "2026-08-21-22", "2026-8-21"] {
        assert!(text.parse::<Notation>().is_err(), "{text}");
    }
}

#[test]
fn spanish_dates() {
    let d: SpanishDate = "15 de junio de 2000".parse().unwrap();
    assert_eq!(
        (d.date(), d.year_style()),
        (ymd(2000, 6, 15), YearStyle::Gregorian)
    );
    assert_eq!(d.to_string(), "15 de junio de 2000");
    let j: SpanishDate = "23 de octubre del 101 (2012)".parse().unwrap();
    assert_eq!(
        (j.date(), j.year_style()),
        (ymd(2012, 10, 23), YearStyle::JucheGregorian)
    );
    assert_eq!(j.to_string(), "23 de octubre del 101 (2012)");
    let del: SpanishDate = "7 de octubre del 2011".parse().unwrap();
    assert_eq!(del.to_string(), "7 de octubre de 2011");
    let n: Notation = "26 de octubre de 1979".parse().unwrap();
    assert_eq!(
        (n.kind(), n.date()),
        (NotationKind::SpanishDate, Some(ymd(1979, 10, 26)))
    );
}

#[test]
fn spanish_date_errors() {
    let err = "23 de octubre del 100 (2012)"
        .parse::<SpanishDate>()
        .unwrap_err();
    assert_eq!(
        err.kind(),
        ErrorKind::YearMismatch {
            juche: 100,
            gregorian: 2012
        }
    );
    assert_eq!(err.span(), 18..27);
    let err = "29 de febrero de 2023".parse::<SpanishDate>().unwrap_err();
    assert_eq!(
        err.kind(),
        ErrorKind::NoSuchDate {
            year: 2023,
            month: 2,
            day: 29
        }
    );
    assert_eq!(err.span(), 0..2);
    let err = "31 de junio de 2000".parse::<SpanishDate>().unwrap_err();
    assert_eq!(
        err.kind(),
        ErrorKind::OutOfRange {
            field: Field::Day,
            value: 31,
            min: 1,
            max: 30
        }
    );
    // A day and month alone is a body date, not a notation.
    let err = "15 de junio".parse::<SpanishDate>().unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Expected(Expected::Literal(" del ")));
    assert_eq!(err.span(), 11..11);
}

// ---- scan ------------------------------------------------------------------------------------

#[test]
fn scan_finds_korean_forms() {
    let text = "- 1999년 01월 01일 \n주체８８（１９９９）년은\u{3000}위대한 주체사상 주체１００년대의 \
                (평양 8월 21일발 조선중앙통신) 주체107(2018)년 7월 9일 [2026-08-21]";
    assert_eq!(
        found(text),
        [
            (
                NotationKind::KoreanDate,
                "1999년 01월 01일",
                Some(ymd(1999, 1, 1)),
                true
            ),
            (
                NotationKind::KoreanJucheYear,
                "주체８８（１９９９）년",
                None,
                true
            ),
            (
                NotationKind::Dateline,
                "(평양 8월 21일발 조선중앙통신)",
                None,
                true
            ),
            (
                NotationKind::KoreanDate,
                "주체107(2018)년 7월 9일",
                Some(ymd(2018, 7, 9)),
                true
            ),
            (
                NotationKind::IsoDate,
                "2026-08-21",
                Some(ymd(2026, 8, 21)),
                true
            ),
        ]
    );
}

#[test]
fn scan_finds_japanese_and_spanish_forms() {
    let ja = "【平壌７月５日発朝鮮中央通信】金日成主席回顧インドネシア委員会が、６月２２日に結成された。－－－";
    assert_eq!(
        found(ja),
        [(
            NotationKind::Dateline,
            "【平壌７月５日発朝鮮中央通信】",
            None,
            true
        )]
    );
    let es = "Pyongyang, 24 de diciembre (ACNC) -- Como resultado, el 26 de octubre de 1979, el \
              traidor... el 15 de junio, el 23 de octubre del 101 (2012) de la Era Juche";
    assert_eq!(
        found(es),
        [
            (
                NotationKind::Dateline,
                "Pyongyang, 24 de diciembre (ACNC) --",
                None,
                true
            ),
            (
                NotationKind::SpanishDate,
                "26 de octubre de 1979",
                Some(ymd(1979, 10, 26)),
                true
            ),
            // A day without its year is a notation too (resolved by `date_article`).
            (NotationKind::SpanishDayRef, "el 15 de junio", None, true),
            (
                NotationKind::SpanishDate,
                "23 de octubre del 101 (2012)",
                Some(ymd(2012, 10, 23)),
                true
            ),
        ]
    );
}

#[test]
fn scan_reports_invalid_candidates_with_spans_in_the_text() {
    let text = "가 주체29(1930)년 1월 1일";
    let all: Vec<_> = scan(text).collect();
    assert_eq!(all.len(), 1);
    assert_eq!(all[0].kind(), NotationKind::KoreanDate);
    assert_eq!(
        all[0].error().unwrap().kind(),
        ErrorKind::YearMismatch {
            juche: 29,
            gregorian: 1930
        }
    );
    assert_eq!(&text[all[0].error().unwrap().span()], "29(1930");
}

// ---- date_article ----------------------------------------------------------------------------

#[test]
fn korean_article_dateline_and_body_date() {
    let text = "(평양 7월 11일발 조선중앙통신) 김정은동지께서 7월 9일 공장을 현지지도하시였다.";
    let dated = date_article(
        text,
        &ArticleOptions::new().with_reference(ymd(2018, 7, 12)),
    );
    assert_eq!(dated.signals.len(), 1);
    assert_eq!(dated.signals[0].role, SignalRole::Dateline);
    assert_eq!(dated.publication_date, Some(ymd(2018, 7, 11)));
    assert_eq!(dated.body_dates.len(), 1);
    let body = &dated.body_dates[0];
    assert_eq!(&text[body.span.clone()], "7월 9일");
    assert_eq!(body.resolution, BodyResolution::MonthDay);
    assert_eq!(body.date, Some(ymd(2018, 7, 9)));
}

#[test]
fn japanese_article_dateline() {
    let text = "【平壌７月５日発朝鮮中央通信】金日成主席回顧インドネシア委員会が結成された。－－－";
    let dated = date_article(text, &ArticleOptions::new().with_reference(ymd(2017, 7, 5)));
    assert_eq!(dated.publication_date, Some(ymd(2017, 7, 5)));
    assert_eq!(dated.signals[0].role, SignalRole::Dateline);
}

#[test]
fn spanish_article_body_dates_are_past_biased() {
    let text = "Pyongyang, 2 de enero (ACNC) -- Segun fuentes, el 26 de diciembre, y los dias 25 y 30 \
                de diciembre hubo actos.";
    let dated = date_article(text, &ArticleOptions::new().with_reference(ymd(2013, 1, 2)));
    assert_eq!(dated.publication_date, Some(ymd(2013, 1, 2)));
    let bodies: Vec<_> = dated
        .body_dates
        .iter()
        .map(|b| (&text[b.span.clone()], b.resolution, b.date))
        .collect();
    assert_eq!(
        bodies,
        [
            (
                "26 de diciembre",
                BodyResolution::MonthDay,
                Some(ymd(2012, 12, 26))
            ),
            ("25", BodyResolution::MonthDay, Some(ymd(2012, 12, 25))),
            (
                "30 de diciembre",
                BodyResolution::MonthDay,
                Some(ymd(2012, 12, 30))
            ),
        ]
    );
}

// ---- Pyongyang time --------------------------------------------------------------------------

fn utc(y: i32, m: u32, d: u32, h: u32, min: u32, s: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(y, m, d, h, min, s).unwrap()
}

#[test]
fn pyongyang_time_edges() {
    const NINE: i32 = 9 * 3600;
    const HALF: i32 = 8 * 3600 + 1800;
    assert_eq!(
        pyongyang_offset(utc(2015, 8, 14, 14, 59, 59)).local_minus_utc(),
        NINE
    );
    assert_eq!(
        pyongyang_offset(utc(2015, 8, 14, 15, 0, 0)).local_minus_utc(),
        HALF
    );
    assert_eq!(
        to_pyongyang(utc(2015, 8, 14, 14, 59, 59)).to_rfc3339(),
        "2015-08-14T23:59:59+09:00"
    );
    assert_eq!(
        to_pyongyang(utc(2015, 8, 14, 15, 0, 0)).to_rfc3339(),
        "2015-08-14T23:30:00+08:30"
    );
    assert_eq!(
        pyongyang_offset(utc(2018, 5, 4, 14, 59, 59)).local_minus_utc(),
        HALF
    );
    assert_eq!(
        pyongyang_offset(utc(2018, 5, 4, 15, 0, 0)).local_minus_utc(),
        NINE
    );
    assert_eq!(
        to_pyongyang(utc(2018, 5, 4, 14, 59, 59)).to_rfc3339(),
        "2018-05-04T23:29:59+08:30"
    );
    assert_eq!(
        to_pyongyang(utc(2018, 5, 4, 15, 0, 0)).to_rfc3339(),
        "2018-05-05T00:00:00+09:00"
    );
    assert_eq!(
        pyongyang_offset(utc(2000, 1, 1, 0, 0, 0)).local_minus_utc(),
        NINE
    );
    assert_eq!(
        pyongyang_offset(utc(2024, 1, 1, 0, 0, 0)).local_minus_utc(),
        NINE
    );
}
