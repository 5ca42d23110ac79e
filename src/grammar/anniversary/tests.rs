//! Unit tests of the anniversary table and reader.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::string_slice,
    clippy::panic
)]

use super::*;

/// The event id, N, the year, and the text read.
fn read(input: &str) -> Option<(&'static str, u32, Option<i32>, &str)> {
    prefix(input).map(|(a, len)| (a.event_id(), a.n(), a.year(), &input[..len]))
}

#[test]
fn english_births() {
    assert_eq!(
        read("the 110th birth anniversary of President Kim Il Sung."),
        Some((
            "kim_il_sung_birth",
            110,
            Some(2022),
            "the 110th birth anniversary of President Kim Il Sung"
        ))
    );
    assert_eq!(
        read("80th birth anniversary of leader Kim Jong Il and"),
        Some((
            "kim_jong_il_birth",
            80,
            Some(2022),
            "80th birth anniversary of leader Kim Jong Il"
        ))
    );
    assert_eq!(
        read("the 100th anniversary of the birth of anti-Japanese war heroine Kim Jong Suk"),
        Some((
            "kim_jong_suk_birth",
            100,
            Some(2017),
            "the 100th anniversary of the birth of anti-Japanese war heroine Kim Jong Suk"
        ))
    );
    assert_eq!(
        read("The 71st birth anniversary of the great leader Kim Jong Il"),
        Some((
            "kim_jong_il_birth",
            71,
            Some(2013),
            "The 71st birth anniversary of the great leader Kim Jong Il"
        ))
    );
}

#[test]
fn english_other_events() {
    let year = |s: &str| read(s).map(|(id, _, y, _)| (id, y));
    assert_eq!(
        year("the 80th anniversary of the founding of the Workers' Party of Korea"),
        Some(("wpk_founding", Some(2025)))
    );
    assert_eq!(
        year("the 65th anniversary of the founding of the WPK,"),
        Some(("wpk_founding", Some(2010)))
    );
    assert_eq!(
        year("the 75th founding anniversary of the DPRK"),
        Some(("dprk_founding", Some(2023)))
    );
    assert_eq!(
        year("the 60th anniversary of the foundation of the Democratic People's Republic of Korea"),
        Some(("dprk_founding", Some(2008)))
    );
    assert_eq!(
        year("the 70th anniversary of victory in the Fatherland Liberation War"),
        Some(("victory", Some(2023)))
    );
    assert_eq!(
        year("the 60th anniversary of the victory in the great Fatherland Liberation War"),
        Some(("victory", Some(2013)))
    );
    assert_eq!(
        year("the 79th anniversary of the liberation of Korea"),
        Some(("liberation", Some(2024)))
    );
    assert_eq!(
        year("the 30th anniversary of the demise of President Kim Il Sung"),
        Some(("kim_il_sung_demise", Some(2024)))
    );
    assert_eq!(
        year("the 10th anniversary of the publication of the June 15 joint declaration"),
        Some(("june_15_declaration", Some(2010)))
    );
    assert_eq!(
        year("the 5th anniversary of the October 4 declaration"),
        Some(("october_4_declaration", Some(2012)))
    );
    assert_eq!(
        year("the 77th anniversary of the founding of the Korean Children's Union"),
        Some(("kcu_founding", Some(2023)))
    );
    assert_eq!(
        year("the 70th anniversary of the outbreak of the Korean War"),
        Some(("korean_war_start", Some(2020)))
    );
    assert_eq!(
        year("the 90th anniversary of the formation of the Down-with-Imperialism Union"),
        Some(("dwiu_formation", Some(2016)))
    );
}

#[test]
fn kpa_reckonings() {
    let (a, _) = prefix("the 75th founding anniversary of the KPA").unwrap();
    assert_eq!(a.year(), None);
    assert_eq!(a.years().collect::<Vec<_>>(), [2007, 2023]);
    assert_eq!(a.event().action(), Action::Founding);
    let (a, _) =
        prefix("the 20th anniversary of the founding of the Korean People's Army").unwrap();
    assert_eq!(a.year(), Some(1968));
    let (a, _) = prefix("the 60th anniversary of the founding of the KPA").unwrap();
    assert_eq!(a.year(), Some(1992));
    let (a, _) = prefix("the 90th anniversary of the founding of the KPRA").unwrap();
    assert_eq!((a.event_id(), a.year()), ("kpra_founding", Some(2022)));
}

#[test]
fn spanish() {
    let year = |s: &str| read(s).map(|(id, _, y, _)| (id, y));
    assert_eq!(
        year("el 100 aniversario del natalicio del Presidente Kim Il Sung"),
        Some(("kim_il_sung_birth", Some(2012)))
    );
    assert_eq!(
        year("el 70º aniversario del nacimiento del Dirigente Kim Jong Il"),
        Some(("kim_jong_il_birth", Some(2012)))
    );
    assert_eq!(
        year("el 65 aniversario de la fundacion del Partido del Trabajo de Corea"),
        Some(("wpk_founding", Some(2010)))
    );
    assert_eq!(
        year("El 60 aniversario de la fundación de la RPDC"),
        Some(("dprk_founding", Some(2008)))
    );
    assert_eq!(
        year("el 65 aniversario de la liberacion de la Patria"),
        Some(("liberation", Some(2010)))
    );
    assert_eq!(
        year("el 60 aniversario de la victoria en la Guerra de Liberacion de la Patria"),
        Some(("victory", Some(2013)))
    );
}

#[test]
fn korean() {
    assert_eq!(
        read("조선로동당창건 80돐을"),
        Some(("wpk_founding", 80, Some(2025), "조선로동당창건 80돐"))
    );
    assert_eq!(
        read("당창건 75돐"),
        Some(("wpk_founding", 75, Some(2020), "당창건 75돐"))
    );
    assert_eq!(
        read("조국해방전쟁승리 73돐에"),
        Some(("victory", 73, Some(2026), "조국해방전쟁승리 73돐"))
    );
    assert_eq!(
        read("조국해방 80돐"),
        Some(("liberation", 80, Some(2025), "조국해방 80돐"))
    );
    assert_eq!(
        read("김일성동지 탄생 110돐"),
        Some((
            "kim_il_sung_birth",
            110,
            Some(2022),
            "김일성동지 탄생 110돐"
        ))
    );
    assert_eq!(
        read("김정일동지탄생 80주년"),
        Some(("kim_jong_il_birth", 80, Some(2022), "김정일동지탄생 80주년"))
    );
    assert_eq!(
        read("김일성주석 서거 30주기"),
        Some((
            "kim_il_sung_demise",
            30,
            Some(2024),
            "김일성주석 서거 30주기"
        ))
    );
    assert_eq!(
        read("공화국창건 75돐"),
        Some(("dprk_founding", 75, Some(2023), "공화국창건 75돐"))
    );
    assert_eq!(
        read("조선소년단창립 70돐"),
        Some(("kcu_founding", 70, Some(2016), "조선소년단창립 70돐"))
    );
    assert_eq!(
        read("전승 73돐경축"),
        Some(("victory", 73, Some(2026), "전승 73돐"))
    );
}

#[test]
fn not_anniversaries() {
    assert_eq!(read("the 8th Congress of the WPK"), None);
    assert_eq!(
        read("the 70th anniversary of the independence of Kenya"),
        None
    );
    assert_eq!(read("the 70th anniversary"), None);
    assert_eq!(read("the 80th birth anniversary of Fidel Castro"), None);
    assert_eq!(
        read("the 80th birth anniversary of the President of Cuba Kim Il Sung"),
        None
    );
    assert_eq!(read("the 0th anniversary of the founding of the WPK"), None);
    assert_eq!(read("the 110thbirth anniversary of Kim Il Sung"), None);
    assert_eq!(
        read("the 80th anniversary of the founding of the WPKs"),
        None
    );
    assert_eq!(
        read("el 50 aniversario de la independencia de Argelia"),
        None
    );
    assert_eq!(read("김일성동지 80돐"), None);
    assert_eq!(read("조국해방전쟁 73돐"), None);
    assert_eq!(read("80돐"), None);
    // Checked arithmetic: a huge N gives no year.
    let (a, _) = prefix("the 4294967295th anniversary of the founding of the WPK").unwrap();
    assert_eq!(a.year(), None);
    assert_eq!(
        read("the 99999999999th anniversary of the founding of the WPK"),
        None
    );
}

#[test]
fn whole_words_on_the_left() {
    let text = "the 81st birth anniversary of Kim Jong Suk";
    assert_eq!(at(text, 5), None);
    assert_eq!(at(text, 4).map(|(a, _)| a.year()), Some(Some(1998)));
    assert_eq!(at("el 65 aniversario de la fundación del EPC", 4), None);
    assert_eq!(
        at("조국해방 40돐", 0).map(|(a, _)| a.year()),
        Some(Some(1985))
    );
}

#[test]
fn every_name_reads_back_to_its_event() {
    for event in EVENTS {
        for name in event.en {
            let text = match event.action {
                Action::Birth => format!("the 10th birth anniversary of {name}"),
                Action::Demise => format!("the 10th anniversary of the demise of {name}"),
                Action::Founding => format!("the 10th anniversary of the founding of the {name}"),
                Action::Other => format!("the 10th anniversary of the {name}"),
            };
            assert_eq!(read(&text).map(|r| r.0), Some(event.id), "{text}");
        }
        for name in event.es {
            let text = match event.action {
                Action::Birth => format!("el 10 aniversario del natalicio de {name}"),
                Action::Demise => format!("el 10 aniversario del fallecimiento de {name}"),
                Action::Founding => format!("el 10 aniversario de la fundación de {name}"),
                Action::Other => format!("el 10 aniversario {name}"),
            };
            assert_eq!(read(&text).map(|r| r.0), Some(event.id), "{text}");
        }
        for name in event.ko {
            let text = match event.action {
                Action::Birth => format!("{name}동지 탄생 10돐"),
                Action::Demise => format!("{name}동지 서거 10돐"),
                _ => format!("{name} 10돐"),
            };
            assert_eq!(read(&text).map(|r| r.0), Some(event.id), "{text}");
        }
    }
}

#[test]
fn table_sorted_and_reckonings_consistent() {
    for pair in EVENTS.windows(2) {
        assert!(
            pair[0].id < pair[1].id,
            "{} before {}",
            pair[0].id,
            pair[1].id
        );
    }
    for event in EVENTS {
        assert!(!event.reckonings().is_empty(), "{}", event.id());
        let mut last_end = i32::MIN;
        for r in event.reckonings() {
            let (y, m, d) = r.base;
            assert!(
                chrono::NaiveDate::from_ymd_opt(y, m, d).is_some(),
                "{}",
                event.id
            );
            let first = r.first.unwrap_or(y + 1);
            assert!(first > y && first > last_end, "{}", event.id);
            if let Some(last) = r.last {
                assert!(last >= first, "{}", event.id);
                last_end = last;
            }
        }
        assert!(!event.en.is_empty() && !event.ko.is_empty(), "{}", event.id);
    }
}

#[test]
fn anchors_are_in_every_reading() {
    for text in [
        "the 80th anniversary of the founding of the WPK",
        "el 60 aniversario de la fundación de la RPDC",
        "당창건 75돐",
        "김정일동지탄생 80주년",
        "김일성주석 서거 30주기",
    ] {
        let (_, len) = prefix(text).unwrap();
        assert!(anchors().iter().any(|a| text[..len].contains(a)), "{text}");
    }
}
