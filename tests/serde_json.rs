//! serde (feature `serde`): every value type is its canonical text in JSON, read back through the
//! same strict parser as `FromStr`; bad JSON fails with the parser's message.

#![cfg(feature = "serde")]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    clippy::arithmetic_side_effects,
    clippy::string_slice
)]

use std::fmt::Debug;
use std::str::FromStr;

use chrono::NaiveDate;
use kcna_dates::{
    Dateline, JucheDate, JucheYear, KoreanDate, LunarDate, MonthNameDate, Notation, NotationKind,
    SpanishDate,
};
use serde::Serialize;
use serde::de::DeserializeOwned;

fn ymd(year: i32, month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, day).unwrap()
}

/// `input` (JSON) deserializes to a value that serializes to exactly `canonical` (JSON), which
/// deserializes back to the same value; the value is also what `FromStr` reads from the string.
fn golden<T>(input: &str, canonical: &str) -> T
where
    T: Serialize + DeserializeOwned + FromStr + PartialEq + Debug,
    <T as FromStr>::Err: Debug,
{
    let value: T = serde_json::from_str(input).unwrap_or_else(|e| panic!("{input}: {e}"));
    let text: String = serde_json::from_str(input).unwrap();
    assert_eq!(text.parse::<T>().unwrap(), value, "{input}");
    assert_eq!(serde_json::to_string(&value).unwrap(), canonical, "{input}");
    let back: T = serde_json::from_str(canonical).unwrap();
    assert_eq!(back, value, "{canonical}");
    // Through serde_json::Value as well.
    let tree = serde_json::to_value(&value).unwrap();
    assert!(tree.is_string(), "{tree:?}");
    assert_eq!(serde_json::from_value::<T>(tree).unwrap(), value);
    value
}

#[test]
fn juche_date() {
    let v: JucheDate = golden("\"Juche111.11.8.\"", "\"Juche111.11.8.\"");
    assert_eq!(v.date(), ymd(2022, 11, 8));
    let v: JucheDate = golden("\"Juche113.01.05\"", "\"Juche113.1.5.\"");
    assert_eq!(v.date(), ymd(2024, 1, 5));
    // JSON escapes are undone before parsing.
    let v: JucheDate = golden("\"Juche\\u0031\\u0031\\u0031.11.8.\"", "\"Juche111.11.8.\"");
    assert_eq!(v.date(), ymd(2022, 11, 8));
    let v: JucheDate = golden("\"Juche1.1.1.\"", "\"Juche1.1.1.\"");
    assert_eq!(v, JucheDate::MIN);
}

#[test]
fn juche_year() {
    let v: JucheYear = golden("\"Juche 113 (2024)\"", "\"Juche 113 (2024)\"");
    assert_eq!(
        (v.juche(), v.gregorian(), v.has_gregorian()),
        (113, 2024, true)
    );
    let v: JucheYear = golden("\"Juche 81(1992)\"", "\"Juche 81 (1992)\"");
    assert_eq!((v.juche(), v.has_gregorian()), (81, true));
    let v: JucheYear = golden("\"Juche 99\"", "\"Juche 99\"");
    assert_eq!((v.juche(), v.has_gregorian()), (99, false));
    let v: JucheYear = golden("\"Juche 8089 (10000)\"", "\"Juche 8089 (10000)\"");
    assert_eq!(v, JucheYear::from_gregorian(10_000).unwrap());
}

#[test]
fn month_name_date() {
    let v: MonthNameDate = golden("\"May 08, 2025\"", "\"May 8, 2025\"");
    assert_eq!(v.date(), ymd(2025, 5, 8));
    let v: MonthNameDate = golden(
        "\"Feb. 19, 2026 Thursday\"",
        "\"Thursday, February 19, 2026\"",
    );
    assert_eq!(v.date(), ymd(2026, 2, 19));
    let v: MonthNameDate = golden(
        "\"Mar. 10, Juche 111 (2022) Thursday\"",
        "\"Thursday, March 10, Juche 111 (2022)\"",
    );
    assert_eq!(v.juche_year().map(|y| y.juche()), Some(111));
    let v: MonthNameDate = golden("\"Dec. 5, Juche 80\"", "\"December 5, Juche 80\"");
    assert_eq!(v.date(), ymd(1991, 12, 5));
    assert_eq!(
        serde_json::to_string(&MonthNameDate::from_date(ymd(2022, 11, 8)).unwrap()).unwrap(),
        "\"November 8, 2022\""
    );
}

#[test]
fn dateline() {
    let v: Dateline = golden(
        "\"Pyongyang, November 8 (KCNA) --\"",
        "\"Pyongyang, November 8 (KCNA)\"",
    );
    assert_eq!(
        (v.place(), v.month(), v.day(), v.agency()),
        ("Pyongyang", 11, 8, "KCNA")
    );
    let v: Dateline = golden(
        "\"Dar es Salaam, June 3 (KCNA) \u{2013} \"",
        "\"Dar es Salaam, June 3 (KCNA)\"",
    );
    assert_eq!(v.place(), "Dar es Salaam");
    // Non-ASCII text is written as UTF-8, not escaped.
    let v: Dateline = golden("\"Ürümqi, June 3 (KCNA)\"", "\"Ürümqi, June 3 (KCNA)\"");
    assert_eq!(v.place(), "Ürümqi");
}

#[test]
fn notation() {
    let cases = [
        (
            "\"Pyongyang, November 8 (KCNA) --\"",
            "\"Pyongyang, November 8 (KCNA)\"",
            NotationKind::Dateline,
        ),
        ("\"8/11/2022\"", "\"08/11/2022\"", NotationKind::Dmy),
        (
            "\"Juche111.11.8.\"",
            "\"Juche111.11.8.\"",
            NotationKind::JucheStamp,
        ),
        (
            "\"2023.3.13\"",
            "\"2023.03.13.\"",
            NotationKind::DottedStamp,
        ),
        (
            "\"May 08, 2025\"",
            "\"May 8, 2025\"",
            NotationKind::MonthName,
        ),
        (
            "\"Juche 81(1992)\"",
            "\"Juche 81 (1992)\"",
            NotationKind::JucheYear,
        ),
    ];
    for (input, canonical, kind) in cases {
        let v: Notation = golden(input, canonical);
        assert_eq!(v.kind(), kind, "{input}");
    }
    let v: Notation = golden("\"Juche111.11.8.\"", "\"Juche111.11.8.\"");
    assert_eq!(v.date(), Some(ymd(2022, 11, 8)));
}

#[test]
fn collections() {
    let stamps: Vec<JucheDate> =
        serde_json::from_str(r#"["Juche111.11.8.", "Juche113.01.23"]"#).unwrap();
    assert_eq!(
        serde_json::to_string(&stamps).unwrap(),
        r#"["Juche111.11.8.","Juche113.1.23."]"#
    );
    let map: std::collections::BTreeMap<String, Notation> =
        serde_json::from_str(r#"{"stamp": "08/11/2022", "year": "Juche 99"}"#).unwrap();
    assert_eq!(
        serde_json::to_string(&map).unwrap(),
        r#"{"stamp":"08/11/2022","year":"Juche 99"}"#
    );
    let optional: Option<JucheYear> = serde_json::from_str("null").unwrap();
    assert_eq!(optional, None);

    // One bad element fails the whole list, with the parser's message and the position.
    let e =
        serde_json::from_str::<Vec<JucheDate>>(r#"["Juche111.11.8.", "Juche0.1.1."]"#).unwrap_err();
    assert_eq!(
        e.to_string(),
        "Juche year 0 is out of range, expected 1 to 260231 at line 1 column 32"
    );
}

/// `json` does not deserialize as `T`; the error message contains `message`.
fn bad<T: DeserializeOwned + Debug>(json: &str, message: &str) {
    let err = serde_json::from_str::<T>(json).unwrap_err();
    let text = err.to_string();
    assert!(
        text.contains(message),
        "{json}: {text:?} does not contain {message:?}"
    );
}

/// `json` is a string the parser rejects: the deserialization error carries the parser's own
/// message (and serde_json's position).
fn bad_text<T>(json: &str)
where
    T: DeserializeOwned + FromStr + Debug,
    <T as FromStr>::Err: std::fmt::Display + Debug,
{
    let text: String = serde_json::from_str(json).unwrap();
    let parser = text.parse::<T>().unwrap_err().to_string();
    let err = serde_json::from_str::<T>(json).unwrap_err();
    assert!(err.is_data(), "{json}: {err}");
    assert_eq!(
        err.to_string(),
        format!("{parser} at line 1 column {}", json.len()),
        "{json}"
    );
}

#[test]
fn bad_json() {
    // Exact messages for a few.
    bad::<JucheDate>(
        "\"Juche0.1.1.\"",
        "Juche year 0 is out of range, expected 1 to 260231 at line 1 column 13",
    );
    bad::<JucheDate>(
        "\"Juche112.2.29.\"",
        "February 29 does not exist in 2023 at line 1 column 16",
    );
    bad::<JucheDate>(
        "\"Juche111.11.\"",
        "expected day after `Juche111.11.`, but found end of input",
    );
    bad::<JucheYear>(
        "\"Juche 29 (1930)\"",
        "Juche 29 is 1940, but the text gives 1930",
    );
    bad::<MonthNameDate>(
        "\"Feb. 19, 2026 Friday\"",
        "2026-02-19 is a Thursday, but the text gives Friday",
    );
    bad::<Dateline>(
        "\"Pyongyang, February 30 (KCNA)\"",
        "day 30 is out of range for February, expected 1 to 29",
    );
    bad::<Notation>(
        "\"31/02/2022\"",
        "day 31 is out of range for February, expected 1 to 29",
    );

    // Every rejected string carries the parser's message.
    for json in [
        "\"Juche0.1.1.\"",
        "\"Juche99999999999999999999.1.1.\"",
        "\"Juche111.13.1.\"",
        "\"Juche111.11.8.x\"",
        "\" Juche111.11.8.\"",
        "\"2022-11-08\"",
        "\"\"",
    ] {
        bad_text::<JucheDate>(json);
    }
    for json in [
        "\"Juche idea\"",
        "\"Juche\"",
        "\"Juche 0\"",
        "\"Juche 113 (2023)\"",
    ] {
        bad_text::<JucheYear>(json);
    }
    for json in [
        "\"May 8 2025\"",
        "\"Feb. 29, 2023\"",
        "\"Monday, November 8, 2022\"",
        "\"Dec. 5, Juche 29 (1930)\"",
    ] {
        bad_text::<MonthNameDate>(json);
    }
    for json in [
        "\"Pyongyang, Movember 8 (KCNA)\"",
        "\"pyongyang city, November 8 (KCNA)\"",
        "\"Pyongyang, November 8 (AFP)\"",
        "\"Pyongyang, November 8 (KCNA) --Kim\"",
    ] {
        bad_text::<Dateline>(json);
    }
    for json in [
        "\"08/13/2022\"",
        "\"29/02/2023\"",
        "\"2023.02.29.\"",
        "\"Juche 29 (1930)\"",
        "\"hello\"",
    ] {
        bad_text::<Notation>(json);
    }

    // Not a string at all: serde's type error names what was expected.
    let stamp = "expected a Juche stamp such as `Juche111.11.8.`";
    bad::<JucheDate>(
        "20221108",
        &format!("invalid type: integer `20221108`, {stamp}"),
    );
    bad::<JucheDate>(
        "111.5",
        &format!("invalid type: floating point `111.5`, {stamp}"),
    );
    bad::<JucheDate>("null", &format!("invalid type: null, {stamp}"));
    bad::<JucheDate>("true", &format!("invalid type: boolean `true`, {stamp}"));
    bad::<JucheDate>("[111, 11, 8]", &format!("invalid type: sequence, {stamp}"));
    bad::<JucheDate>("{\"year\": 111}", &format!("invalid type: map, {stamp}"));
    bad::<JucheYear>(
        "113",
        "invalid type: integer `113`, expected a Juche year such as `Juche 113 (2024)`",
    );
    bad::<MonthNameDate>(
        "false",
        "invalid type: boolean `false`, expected a date such as `November 8, 2022`",
    );
    bad::<Dateline>(
        "[]",
        "invalid type: sequence, expected a dateline such as `Pyongyang, November 8 (KCNA)`",
    );
    bad::<Notation>(
        "2022",
        "invalid type: integer `2022`, expected a KCNA date notation",
    );
    // Broken JSON.
    bad::<JucheDate>("\"Juche111.11.8.", "EOF while parsing a string");
}

#[test]
fn korean_and_spanish_dates() {
    let v: KoreanDate = golden("\"2026년 8월 21일\"", "\"2026년 8월 21일\"");
    assert_eq!(v.date(), ymd(2026, 8, 21));
    // Full-width digits and padding are read; the canonical text is ASCII.
    let v: KoreanDate = golden("\"１９９９년 ０１월 ０１일\"", "\"1999년 1월 1일\"");
    assert_eq!(v.date(), ymd(1999, 1, 1));
    let v: KoreanDate = golden("\"주체107(2018)년 7월 9일\"", "\"주체107(2018)년 7월 9일\"");
    assert_eq!(v.date(), ymd(2018, 7, 9));
    let v: SpanishDate = golden("\"15 de junio de 2000\"", "\"15 de junio de 2000\"");
    assert_eq!(v.date(), ymd(2000, 6, 15));
    bad_text::<KoreanDate>("\"2023년 2월 29일\"");
    bad_text::<KoreanDate>("\"주체29(1930)년 1월 1일\"");
    bad_text::<SpanishDate>("\"31 de junio de 2000\"");
    bad::<SpanishDate>("15", "invalid type: integer `15`");
}

#[test]
fn lunar_dates() {
    let v: LunarDate = golden("\"2024-08-15\"", "\"2024-08-15\"");
    assert_eq!(v.to_gregorian(), ymd(2024, 9, 17));
    let v: LunarDate = golden("\"2023-02L-10\"", "\"2023-02L-10\"");
    assert_eq!(v.to_gregorian(), ymd(2023, 3, 31));
    bad_text::<LunarDate>("\"2024-02L-10\"");
    bad_text::<LunarDate>("\"2024-01-30\"");
    bad_text::<LunarDate>("\"2024-8-15\"");
    bad::<LunarDate>("20240815", "invalid type: integer `20240815`");
}

/// The one JSON form of an article's dating, pinned field by field.
#[test]
fn article_date_serializes_to_its_documented_form() {
    use kcna_dates::{ArticleOptions, date_article, scan};
    let text = "[Juche113.2.12.]\nPyongyang, February 10 (KCNA) -- It opened on Friday. 31/02/2022";
    let dated = date_article(text, &ArticleOptions::new());
    let json = serde_json::to_value(&dated).unwrap();
    let expected = serde_json::json!({
        "publication_date": "2024-02-12",
        "source": 0,
        "doubtful": false,
        "signals": [
            {"start": 1, "end": 15, "text": "Juche113.2.12.", "kind": "juche_stamp",
             "role": "page_stamp", "date": "2024-02-12", "doubtful": false, "error": null},
            {"start": 17, "end": 49, "text": "Pyongyang, February 10 (KCNA) --",
             "kind": "dateline", "role": "dateline", "date": "2024-02-10", "doubtful": false,
             "error": null},
        ],
        "agreeing": [0],
        "conflicts": [{"date": "2024-02-10", "days": -2, "signals": [1]}],
        "body_dates": [
            {"start": 63, "end": 69, "text": "Friday", "resolution": "weekday",
             "kind": "weekday", "precision": "day", "tense": "past", "range_with": null,
             "recurring": false,
             "date": "2024-02-09", "month": null, "error": null},
        ],
        "invalid": [
            {"start": 71, "end": 81, "kind": "dmy", "date": null, "valid": false,
             "notation": null,
             "error": {"kind": "out_of_range",
                       "message": "day 31 is out of range for February, expected 1 to 29",
                       "start": 71, "end": 73}},
        ],
    });
    assert_eq!(
        json,
        expected,
        "{}",
        serde_json::to_string_pretty(&json).unwrap()
    );
    // A found notation serializes the same way inside and outside an article.
    let found: Vec<_> = scan(text).collect();
    assert_eq!(
        serde_json::to_value(&found[3]).unwrap(),
        expected["invalid"][0]
    );
    assert_eq!(
        serde_json::to_value(&found[2]).unwrap(),
        serde_json::json!({"start": 60, "end": 69, "kind": "weekday_ref", "date": null,
                           "valid": true, "notation": "on Friday", "error": null})
    );
    assert_eq!(
        serde_json::to_value(&found[0]).unwrap(),
        serde_json::json!({"start": 1, "end": 15, "kind": "juche_stamp", "date": "2024-02-12",
                           "valid": true, "notation": "Juche113.2.12.", "error": null})
    );
}
