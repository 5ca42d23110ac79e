//! `date_article`: publication date, signals, conflicts and body dates on fixtures written here.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    clippy::arithmetic_side_effects,
    clippy::string_slice
)]

use chrono::NaiveDate;
use kcna_dates::{
    ArticleDate, ArticleOptions, BodyResolution, ErrorKind, NotationKind, SignalRole, date_article,
};

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn with_reference(reference: NaiveDate) -> ArticleOptions {
    ArticleOptions::new().with_reference(reference)
}

/// (text, resolution, date) of every body date.
fn body<'a>(
    text: &'a str,
    dated: &ArticleDate,
) -> Vec<(&'a str, BodyResolution, Option<NaiveDate>)> {
    dated
        .body_dates
        .iter()
        .map(|b| (&text[b.span.clone()], b.resolution, b.date))
        .collect()
}

const WATCH_PAGE: &str = "November 08, 2022November 08, 2022\n\
    Date: 08/11/2022 | Source: Korean Central News Agency (KCNA)\n\
    Pyongyang, November 8 (KCNA) -- A national meeting took place on Monday.\n\
    The delegation arrived on November 3 and left on Saturday.\n\
    www.kcna.kp (Juche111.11.8.)";

#[test]
fn watch_page_is_dated_by_its_stamp_and_every_signal_agrees() {
    let dated = date_article(WATCH_PAGE, &ArticleOptions::new());
    assert_eq!(dated.publication_date, Some(ymd(2022, 11, 8)));
    let roles: Vec<_> = dated
        .signals
        .iter()
        .map(|s| (s.role, s.kind, s.date))
        .collect();
    assert_eq!(
        roles,
        [
            (
                SignalRole::Header,
                NotationKind::MonthName,
                Some(ymd(2022, 11, 8))
            ),
            (
                SignalRole::Header,
                NotationKind::MonthName,
                Some(ymd(2022, 11, 8))
            ),
            (
                SignalRole::DayFirstStamp,
                NotationKind::Dmy,
                Some(ymd(2022, 11, 8))
            ),
            (
                SignalRole::Dateline,
                NotationKind::Dateline,
                Some(ymd(2022, 11, 8))
            ),
            (
                SignalRole::PageStamp,
                NotationKind::JucheStamp,
                Some(ymd(2022, 11, 8))
            ),
        ]
    );
    // The page stamp is the source.
    assert_eq!(dated.source, Some(4));
    assert!(dated.conflicts.is_empty());
    // 2022-11-08 is a Tuesday: Monday is the day before; Saturday three days before.
    assert_eq!(
        body(WATCH_PAGE, &dated),
        [
            ("Monday", BodyResolution::Weekday, Some(ymd(2022, 11, 7))),
            (
                "November 3",
                BodyResolution::MonthDay,
                Some(ymd(2022, 11, 3))
            ),
            ("Saturday", BodyResolution::Weekday, Some(ymd(2022, 11, 5))),
        ]
    );
}

#[test]
fn dateline_under_a_later_list_label_is_a_two_day_conflict() {
    let text = "Delegation Leaves\r\n\t\t\t[Juche113.2.12.]\nPyongyang, February 10 (KCNA) -- text";
    let dated = date_article(text, &ArticleOptions::new());
    assert_eq!(dated.publication_date, Some(ymd(2024, 2, 12)));
    assert_eq!(dated.signals[1].date, Some(ymd(2024, 2, 10)));
    assert_eq!(dated.agreeing, [0]);
    assert_eq!(dated.conflicts.len(), 1);
    let c = &dated.conflicts[0];
    assert_eq!(
        (c.date, c.days, c.signals.as_slice()),
        (ymd(2024, 2, 10), -2, &[1][..])
    );
}

#[test]
fn dateline_alone_is_resolved_against_the_reference() {
    let text = "Pyongyang, December 31 (KCNA) -- The year ended.";
    for (reference, expected) in [
        (ymd(2024, 1, 1), ymd(2023, 12, 31)),
        (ymd(2023, 12, 29), ymd(2023, 12, 31)), // reference 2 days behind: the grace
        (ymd(2024, 1, 30), ymd(2023, 12, 31)),
    ] {
        let dated = date_article(text, &with_reference(reference));
        assert_eq!(
            dated.publication_date,
            Some(expected),
            "reference {reference}"
        );
        assert_eq!(dated.signals[0].role, SignalRole::Dateline);
    }
    // Without grace, a reference two days behind gives last year's December 31.
    let strict = with_reference(ymd(2023, 12, 29)).with_grace_days(0);
    assert_eq!(
        date_article(text, &strict).publication_date,
        Some(ymd(2022, 12, 31))
    );
}

#[test]
fn dateline_without_reference_is_undated_and_says_why() {
    let text = "Pyongyang, November 8 (KCNA) -- on Monday";
    let dated = date_article(text, &ArticleOptions::new());
    assert_eq!(dated.publication_date, None);
    assert_eq!(dated.signals[0].date, None);
    assert_eq!(
        dated.signals[0].error.as_ref().unwrap().kind(),
        ErrorKind::NoReference
    );
    assert_eq!(dated.body_dates[0].date, None);
    assert_eq!(
        dated.body_dates[0].error.as_ref().unwrap().kind(),
        ErrorKind::NoReference
    );
}

#[test]
fn unresolvable_february_29_is_an_error_not_a_date() {
    let text = "Pyongyang, February 29 (KCNA) -- text";
    let dated = date_article(text, &with_reference(ymd(2023, 3, 1)));
    assert_eq!(dated.publication_date, None);
    assert!(matches!(
        dated.signals[0].error.as_ref().unwrap().kind(),
        ErrorKind::Unresolvable {
            month: 2,
            day: 29,
            ..
        }
    ));
}

#[test]
fn body_dates_are_past_biased() {
    // 2024-01-03 is a Wednesday.
    let text = "Pyongyang, January 3 (KCNA) -- It opened on Wednesday, met on Dec. 29 and on \
                Monday, January 1, and ended on Tuesday, January 2. Compare on Monday, January 2.";
    let dated = date_article(text, &with_reference(ymd(2024, 1, 3)));
    assert_eq!(
        body(text, &dated),
        [
            ("Wednesday", BodyResolution::Weekday, Some(ymd(2024, 1, 3))),
            ("Dec. 29", BodyResolution::MonthDay, Some(ymd(2023, 12, 29))),
            (
                "Monday, January 1",
                BodyResolution::WeekdayMonthDay,
                Some(ymd(2024, 1, 1))
            ),
            (
                "Tuesday, January 2",
                BodyResolution::WeekdayMonthDay,
                Some(ymd(2024, 1, 2))
            ),
            (
                "Monday, January 2",
                BodyResolution::WeekdayMonthDay,
                Some(ymd(2024, 1, 2))
            ),
        ]
    );
    let errors: Vec<_> = dated
        .body_dates
        .iter()
        .map(|b| b.error.as_ref().map(|e| e.kind()))
        .collect();
    assert_eq!(errors[..4], [None, None, None, None]);
    assert!(matches!(errors[4], Some(ErrorKind::WeekdayMismatch { .. })));
}

#[test]
fn month_references_are_months_not_days() {
    let text = "One day in October 2014, he came. One day in May Juche 106 (2017), she went.";
    let dated = date_article(text, &ArticleOptions::new());
    let months: Vec<_> = dated
        .body_dates
        .iter()
        .map(|b| (&text[b.span.clone()], b.resolution, b.date, b.month))
        .collect();
    assert_eq!(
        months,
        [
            (
                "October 2014",
                BodyResolution::Month,
                None,
                Some((2014, 10))
            ),
            (
                "May Juche 106 (2017)",
                BodyResolution::Month,
                None,
                Some((2017, 5))
            ),
        ]
    );
    assert_eq!(dated.publication_date, None);
}

#[test]
fn explicit_body_date_is_not_a_signal() {
    let text = "Pyongyang, November 9 (KCNA) -- The talks held on Monday, November 7, 2022 ended.";
    let dated = date_article(text, &with_reference(ymd(2022, 11, 9)));
    assert_eq!(dated.signals.len(), 1);
    assert_eq!(dated.publication_date, Some(ymd(2022, 11, 9)));
    assert_eq!(
        body(text, &dated),
        [(
            "Monday, November 7, 2022",
            BodyResolution::Explicit,
            Some(ymd(2022, 11, 7))
        )]
    );
}

#[test]
fn rodong_header_dates_the_article() {
    let text = "Mar. 10, Juche 111 (2022) Thursday\nThe meeting was held on Wednesday.";
    let dated = date_article(text, &ArticleOptions::new());
    assert_eq!(dated.publication_date, Some(ymd(2022, 3, 10)));
    assert_eq!(dated.signals[0].role, SignalRole::Header);
    assert_eq!(
        body(text, &dated),
        [("Wednesday", BodyResolution::Weekday, Some(ymd(2022, 3, 9)))]
    );
}

#[test]
fn every_disagreeing_signal_is_reported_grouped_by_date() {
    let text = "Date: 08/11/2022\nwww.kcna.kp (Juche111.11.9.)\n[2022.11.10.]\n[Juche111.11.8.]";
    let dated = date_article(text, &ArticleOptions::new());
    let groups: Vec<_> = dated
        .conflicts
        .iter()
        .map(|c| (c.date, c.days, c.signals.clone()))
        .collect();
    assert_eq!(
        groups,
        [
            (ymd(2022, 11, 8), -1, vec![0, 3]),
            (ymd(2022, 11, 10), 1, vec![2])
        ]
    );
    assert_eq!(dated.agreeing, [1]);
    // Page stamps come first among the sources.
    assert_eq!(dated.publication_date, Some(ymd(2022, 11, 9)));
}

#[test]
fn invalid_candidates_are_kept_apart() {
    let text = "Date: 31/02/2022\nPyongyang, November 8 (KCNA) --";
    let dated = date_article(text, &ArticleOptions::new());
    assert_eq!(dated.invalid.len(), 1);
    assert_eq!(&text[dated.invalid[0].span()], "31/02/2022");
    assert_eq!(dated.publication_date, None);
}

#[test]
fn a_date_starting_a_sentence_is_not_a_heading() {
    // Rodong Sinmun, 2022-04-26: a body line begins with a historical date.
    let text = "Intro.\nApril 25, Juche 21 (1932) was the day when the army was founded.\n\
                Pyongyang, April 25 (KCNA) -- text";
    let dated = date_article(text, &with_reference(ymd(2022, 4, 26)));
    assert_eq!(dated.publication_date, Some(ymd(2022, 4, 25)));
    assert_eq!(dated.signals.len(), 1);
    assert_eq!(dated.signals[0].role, SignalRole::Dateline);
    assert_eq!(
        body(text, &dated),
        [(
            "April 25, Juche 21 (1932)",
            BodyResolution::Explicit,
            Some(ymd(1932, 4, 25))
        )]
    );
}

#[test]
fn a_day_first_date_in_a_sentence_is_a_body_date() {
    let text = "Published on 12/05/2022 in the body.\nPyongyang, May 13 (KCNA) -- x";
    let dated = date_article(text, &with_reference(ymd(2022, 5, 13)));
    assert_eq!(dated.publication_date, Some(ymd(2022, 5, 13)));
    assert!(dated.conflicts.is_empty());
    assert_eq!(
        body(text, &dated),
        [(
            "12/05/2022",
            BodyResolution::Explicit,
            Some(ymd(2022, 5, 12))
        )]
    );
}

#[test]
fn body_dates_fall_back_to_the_reference() {
    // kcna.co.jp texts have no dateline and no stamp.
    let text = "The delegation left on Thursday after talks on Nov. 27.";
    let dated = date_article(text, &with_reference(ymd(2012, 11, 30)));
    assert_eq!(dated.publication_date, None);
    assert_eq!(
        body(text, &dated),
        [
            ("Thursday", BodyResolution::Weekday, Some(ymd(2012, 11, 29))),
            ("Nov. 27", BodyResolution::MonthDay, Some(ymd(2012, 11, 27))),
        ]
    );
}

#[test]
fn a_stamp_outranks_the_reference_for_datelines_and_a_reference_outranks_a_heading() {
    let text = "Mar. 10, Juche 111 (2022) Thursday\nPyongyang, March 9 (KCNA) -- x";
    let dated = date_article(text, &with_reference(ymd(2023, 3, 12)));
    // The heading dates the page; the dateline is resolved against the caller's reference.
    assert_eq!(dated.publication_date, Some(ymd(2022, 3, 10)));
    assert_eq!(dated.signals[1].date, Some(ymd(2023, 3, 9)));
    assert_eq!(dated.conflicts.len(), 1);
}

#[test]
fn a_date_after_a_title_and_a_dash_heads_the_text() {
    let text = "신년사 \n\n- 1977년 01월 01일 \n해 제\n\n노동신문 사설 - 1967년 01월 01일 \n";
    let dated = date_article(text, &ArticleOptions::new());
    assert_eq!(dated.publication_date, Some(ymd(1977, 1, 1)));
    let roles: Vec<_> = dated.signals.iter().map(|s| (s.role, s.date)).collect();
    assert_eq!(
        roles,
        [
            (SignalRole::Header, Some(ymd(1977, 1, 1))),
            (SignalRole::Header, Some(ymd(1967, 1, 1)))
        ]
    );
    // A date after a dash in a sentence is not a heading.
    let body_text = "Pyongyang, May 7 (KCNA) -- The plan - May 8, 2025 - was set.";
    let dated = date_article(body_text, &with_reference(ymd(2025, 5, 7)));
    assert_eq!(dated.signals.len(), 1);
}
