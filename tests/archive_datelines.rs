//! Datelines as the kcna.co.jp archives (1997-2018) write them, and how `date_article` ranks what
//! it finds in such stories. Every fixture is written here in the shape of a real story (no corpus
//! text is copied).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    clippy::string_slice
)]

use chrono::NaiveDate;
use kcna_dates::{
    Agency, ArticleOptions, BodyResolution, Dateline, Edition, ErrorKind, Expected, NotationKind,
    SignalRole, date_article, scan,
};

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// `text` reads as a dateline with these fields.
fn reads(text: &str, place: &str, month: u32, day: u32, agency: &str) -> Dateline {
    let d: Dateline = text.parse().unwrap_or_else(|e| panic!("{text:?}: {e}"));
    assert_eq!(
        (d.place(), d.month(), d.day(), d.agency()),
        (place, month, day, agency),
        "{text:?}"
    );
    // Its canonical form reads back to the same value.
    assert_eq!(d.to_string().parse::<Dateline>().unwrap(), d, "{text:?}");
    d
}

#[test]
fn tokyo_stories_of_the_korea_news_service() {
    for (text, tag) in [
        ("Tokyo, February 8 (KNS-KCNA) --", "KNS-KCNA"),
        ("Tokyo, January 22 (KNS) -", "KNS"),
        ("Tokyo, May 3 (Korea News Service) --", "Korea News Service"),
    ] {
        let d = reads(text, "Tokyo", text_month(text), text_day(text), tag);
        assert_eq!(d.news_agency(), Agency::KoreaNewsService);
        assert!(!d.is_correspondent());
    }
    let d = reads(
        "Tokio, 8 de febrero (SNC-ATCC) --",
        "Tokio",
        2,
        8,
        "SNC-ATCC",
    );
    assert_eq!(
        (d.edition(), d.news_agency()),
        (Edition::Spanish, Agency::KoreaNewsService)
    );
}

fn text_month(text: &str) -> u32 {
    match text.split(' ').nth(1).unwrap() {
        "February" => 2,
        "January" => 1,
        "May" => 5,
        other => panic!("{other}"),
    }
}

fn text_day(text: &str) -> u32 {
    text.split(' ').nth(2).unwrap().parse().unwrap()
}

#[test]
fn correspondents_tags() {
    for (text, place, m, d, tag) in [
        (
            "Hanoi, July 14 (KCNA correspondent) --",
            "Hanoi",
            7,
            14,
            "KCNA correspondent",
        ),
        (
            "Windhoek, March 20 (KCNA Correspondent) --",
            "Windhoek",
            3,
            20,
            "KCNA Correspondent",
        ),
        (
            "Moscow, November 19 (KCNA-Correspondent) --",
            "Moscow",
            11,
            19,
            "KCNA-Correspondent",
        ),
        (
            "Singapur, 1 de agosto (Corresponsal de ATCC) --",
            "Singapur",
            8,
            1,
            "Corresponsal de ATCC",
        ),
        (
            "Caracas, 5 de mayo (corresponsal de la ACNC) --",
            "Caracas",
            5,
            5,
            "corresponsal de la ACNC",
        ),
    ] {
        let dateline = reads(text, place, m, d, tag);
        assert!(dateline.is_correspondent(), "{text}");
        assert_eq!(dateline.news_agency(), Agency::Kcna);
    }
}

#[test]
fn spanish_primero_and_capitalised_months() {
    let d = reads(
        "Pyongyang, primero de diciembre (ACNC) --",
        "Pyongyang",
        12,
        1,
        "ACNC",
    );
    assert_eq!(d.to_string(), "Pyongyang, 1 de diciembre (ACNC)");
    reads(
        "Pyongyang, Primero de julio (ATCC) --",
        "Pyongyang",
        7,
        1,
        "ATCC",
    );
    reads(
        "Pyongyang, 18 de Abril (ACNC) --",
        "Pyongyang",
        4,
        18,
        "ACNC",
    );
    reads(
        "pyongyang, 16 de noviembre (atcc) --",
        "pyongyang",
        11,
        16,
        "atcc",
    );
    // `primero` is the 1st only: `primero de 31` is no date.
    assert!(
        "Pyongyang, primeros de julio (ACNC)"
            .parse::<Dateline>()
            .is_err()
    );
}

#[test]
fn all_capitals_and_lower_case() {
    reads("PYONGYANG, MARCH 1 (KCNA) --", "PYONGYANG", 3, 1, "KCNA");
    assert_eq!(
        Dateline::parse_prefix("PYONGYANG, MARCH 1 (KCNA) -- THE")
            .unwrap()
            .1,
        "PYONGYANG, MARCH 1 (KCNA) -- ".len()
    );
    reads("pyongyang, August 6 (KCNA) --", "pyongyang", 8, 6, "KCNA");
    reads(
        "pyongyang, october 17 (kcna) -",
        "pyongyang",
        10,
        17,
        "kcna",
    );
    // A cut place (`yongyang`) is still one word in lower case.
    reads("yongyang, January 30 (KCNA) --", "yongyang", 1, 30, "KCNA");
    reads("Pyongang, June 2 (KCNA) --", "Pyongang", 6, 2, "KCNA");
}

#[test]
fn spacing_and_punctuation() {
    for (text, m, d) in [
        ("Pyongyang February 19 (KCNA) --", 2, 19),
        ("Pyongyang , March 20 (KCNA) --", 3, 20),
        ("Pyongyang,  May 5 (KCNA) --", 5, 5),
        ("Pyongyang,April 16 (KCNA)-General", 4, 16),
        ("Pyongyang, April 16(KCNA) --", 4, 16),
        ("Pyongyang, June 4 ( KCNA ) --", 6, 4),
        ("Pyongyang, January, 17 (KCNA) --", 1, 17),
        ("Pyongyang, Jun 7 (KCNA) --", 6, 7),
        ("Pyongyang, Sept. 9 (KCNA) --", 9, 9),
        ("Pyongyang, Sept 9 (KCNA) --", 9, 9),
        ("Pyongyang, Dec. 24 (KCNA) --", 12, 24),
    ] {
        let (dateline, _) = Dateline::parse_prefix(text).unwrap_or_else(|e| panic!("{text}: {e}"));
        assert_eq!(
            (dateline.place(), dateline.month(), dateline.day()),
            ("Pyongyang", m, d),
            "{text}"
        );
    }
    reads(
        "Mt. Kumgang resort, July 12 (KCNA) --",
        "Mt. Kumgang resort",
        7,
        12,
        "KCNA",
    );
}

#[test]
fn misspelt_agency_tags_one_edit_from_kcna() {
    for tag in ["KNCA", "KCNAA", "KCN", "KCMA", "ACCN"] {
        let d = reads(&format!("Hyesan, July 15 ({tag}) --"), "Hyesan", 7, 15, tag);
        assert_eq!(d.news_agency(), Agency::Kcna);
    }
    // Two edits away, or in lower case, or another agency: no dateline.
    for tag in ["KNAC", "kcnaa", "AFP", "UN", "KCTV", "Reuters"] {
        let err = format!("Hyesan, July 15 ({tag}) --")
            .parse::<Dateline>()
            .unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Expected(Expected::Agency), "{tag}");
    }
}

#[test]
fn a_glued_headline_is_not_the_place() {
    let text = "Kim Jong Un Inspects Factory Pyongyang, November 8 (KCNA) -- Kim Jong Un";
    let found: Vec<_> = scan(text).collect();
    assert_eq!(found.len(), 1);
    let start = text.find("Pyongyang").unwrap();
    assert_eq!(found[0].span().start, start);
    let Some(kcna_dates::Notation::Dateline(d)) = found[0].notation() else {
        panic!("{found:?}")
    };
    assert_eq!(d.place(), "Pyongyang");
    // Two spaces or a line break end a headline too; a place of several words stays whole.
    for (text, place) in [
        (
            "Pyongyang IP Center Brisk in Operation    Pyongyang, March 3 (KCNA) --",
            "Pyongyang",
        ),
        ("Talks Held\nNew Delhi, April 14 (KCNA) --", "New Delhi"),
        (
            "Resort Tours\n  Mt. Kumgang Resort, April 3 (KCNA) --",
            "Mt. Kumgang Resort",
        ),
    ] {
        let found: Vec<_> = scan(text).collect();
        assert_eq!(found.len(), 1, "{text}");
        assert_eq!(&text[found[0].span()][..place.len()], place, "{text}");
    }
}

#[test]
fn no_dateline_is_invented_in_stripped_stories() {
    // kcna.co.jp bodies without their dateline (as one harvester stored them): dates in the body,
    // agencies in parentheses, capitalised words before month names.
    for text in [
        "The delegation arrived in Pyongyang on Thursday, , The talks, held on November 8 (Friday), \
         were reported by KCNA.",
        "Korean Central News Agency (KCNA) said on May 7 that the army (KPA) is ready.",
        "Rodong Sinmun, November 8 (Friday) carried an article.",
        "A report of the Korea News Service (KNS) of Tokyo, dated March 3, said so.",
        "Speaking at the meeting held in Havana, June 3 (local time), the chairman said.",
    ] {
        let datelines: Vec<_> = scan(text)
            .filter(|f| f.kind() == NotationKind::Dateline)
            .collect();
        assert_eq!(datelines, [], "{text}");
    }
}

#[test]
fn a_dateline_far_before_the_reference_is_doubtful() {
    let text = "Pyongyang, March 3 (KCNA) -- A meeting was held.";
    // Filed under an index day ten months later: resolved back ten months, and flagged.
    let dated = date_article(
        text,
        &ArticleOptions::new().with_reference(ymd(2005, 1, 10)),
    );
    assert_eq!(dated.publication_date, Some(ymd(2004, 3, 3)));
    assert!(dated.doubtful && dated.signals[0].doubtful);
    // Two days later: not doubtful. The threshold is an option.
    let dated = date_article(text, &ArticleOptions::new().with_reference(ymd(2004, 3, 5)));
    assert!(!dated.doubtful);
    let options = ArticleOptions::new()
        .with_reference(ymd(2004, 3, 5))
        .with_doubtful_after_days(1);
    assert!(date_article(text, &options).doubtful);
    assert_eq!(kcna_dates::DEFAULT_DOUBTFUL_AFTER_DAYS, 31);
}

#[test]
fn a_historic_stamp_quoted_in_the_body_is_a_body_date() {
    let text = "Victory Day Marked\n  Pyongyang, July 27 (KCNA) -- Today marks the 54th \
                anniversary of the victory in the Fatherland Liberation War (1953.7.27).";
    let dated = date_article(
        text,
        &ArticleOptions::new().with_reference(ymd(2007, 7, 28)),
    );
    assert_eq!(dated.publication_date, Some(ymd(2007, 7, 27)));
    assert_eq!(dated.signals.len(), 1);
    assert_eq!(dated.signals[0].role, SignalRole::Dateline);
    assert!(dated.conflicts.is_empty());
    // `Today` is the dateline's day; the quoted stamp is a date of the body.
    assert_eq!(dated.body_dates.len(), 2);
    assert_eq!(dated.body_dates[0].text, "Today");
    assert_eq!(dated.body_dates[0].date, Some(ymd(2007, 7, 27)));
    assert_eq!(dated.body_dates[1].text, "1953.7.27");
    assert_eq!(dated.body_dates[1].resolution, BodyResolution::Explicit);
    assert_eq!(dated.body_dates[1].date, Some(ymd(1953, 7, 27)));
    // Where pages put stamps, a stamp is still the page's stamp.
    for page in [
        "www.kcna.kp (Juche96.7.27.)\nPyongyang, July 27 (KCNA) -- text",
        "[Juche96.7.27.] Pyongyang, July 27 (KCNA) -- text",
        "Date: 2007.7.27.\nPyongyang, July 27 (KCNA) -- text",
        "2007.07.27.\nPyongyang, July 27 (KCNA) -- text",
    ] {
        let dated = date_article(page, &ArticleOptions::new());
        assert_eq!(dated.signals[0].role, SignalRole::PageStamp, "{page}");
        assert_eq!(dated.publication_date, Some(ymd(2007, 7, 27)), "{page}");
    }
}

#[test]
fn a_signature_block_does_not_outrank_the_dateline() {
    // A statement dated at its end, carried the next day.
    let text = "Statement of Spokesman\n  Pyongyang, July 20 (KCNA) -- The spokesman of the \
                ministry issued the following statement on Wednesday:\n The statement says \
                that the measures will be taken.\n\nPyongyang\nJuly 19, 2000";
    let dated = date_article(
        text,
        &ArticleOptions::new().with_reference(ymd(2000, 7, 21)),
    );
    let roles: Vec<_> = dated.signals.iter().map(|s| s.role).collect();
    assert_eq!(roles, [SignalRole::Dateline, SignalRole::Signature]);
    assert_eq!(dated.publication_date, Some(ymd(2000, 7, 20)));
    assert_eq!(dated.source, Some(0));
    // The disagreement is reported.
    assert_eq!(dated.conflicts.len(), 1);
    assert_eq!(
        (dated.conflicts[0].date, dated.conflicts[0].days),
        (ymd(2000, 7, 19), -1)
    );
    // Without a reference, the signature gives the dateline its year.
    let dated = date_article(text, &ArticleOptions::new());
    assert_eq!(dated.publication_date, Some(ymd(2000, 7, 20)));
    // A name line, then the date.
    let text = "Letter Sent\n  Pyongyang, February 11 (KCNA) -- A letter was sent.\n\
                Kim Yong Nam\nFebruary 10, 1999";
    let dated = date_article(text, &ArticleOptions::new());
    assert_eq!(dated.publication_date, Some(ymd(1999, 2, 11)));
    assert_eq!(dated.signals[1].role, SignalRole::Signature);
    // A heading date above a paragraph-less page is still a header.
    let dated = date_article("May 08, 2025May 08, 2025\nTitle", &ArticleOptions::new());
    assert_eq!(dated.signals[0].role, SignalRole::Header);
}
