//! Unit tests of the named-day table and its reader.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::string_slice,
    clippy::panic
)]

use super::*;
use crate::grammar::testing::ymd;

/// The id and the text read.
fn read(input: &str) -> Option<(&'static str, &str)> {
    prefix(input).map(|(found, len)| (found.day().id(), &input[..len]))
}

fn read_at(text: &str, start: usize) -> Option<&'static str> {
    at(text, start).map(|(found, _)| found.day().id())
}

#[test]
fn every_name_reads_back_to_its_row() {
    for row in NAMED_DAYS {
        for name in row.names {
            let text = if name.dotted() {
                format!("{}절", name.text)
            } else {
                format!("{} x", name.text)
            };
            let (found, len) = prefix(&text).unwrap_or_else(|| panic!("{}", name.text));
            assert!(len >= name.text.len(), "{}", name.text);
            // The same name, maybe in a row of other years.
            assert!(
                found.day().names.iter().any(|n| n.text == name.text),
                "{} read as {}",
                name.text,
                found.day().id()
            );
            let owner = row.first_year.or(row.last_year).unwrap_or(2000);
            assert!(
                found.in_year(owner).is_some_and(|r| r.rule == row.rule),
                "{} in {owner}",
                name.text
            );
        }
    }
}

#[test]
fn table_sorted_unique_and_years_consistent() {
    for pair in NAMED_DAYS.windows(2) {
        assert!(
            pair[0].id < pair[1].id,
            "{} before {}",
            pair[0].id,
            pair[1].id
        );
    }
    for row in NAMED_DAYS {
        assert!(!row.names.is_empty(), "{}", row.id);
        if let (Some(first), Some(last)) = (row.first_year, row.last_year) {
            assert!(first <= last, "{}", row.id);
        }
        match row.rule {
            DateRule::Gregorian { month, day } => {
                assert!(
                    NaiveDate::from_ymd_opt(2000, month, day).is_some(),
                    "{}",
                    row.id
                );
            }
            DateRule::Lunar { month, day } => {
                assert!(
                    (1..=12).contains(&month) && (1..=30).contains(&day),
                    "{}",
                    row.id
                );
            }
            DateRule::Event { year, .. } => {
                assert!(row.event_date().is_some(), "{}", row.id);
                assert_eq!(row.first_year, Some(year), "{}", row.id);
            }
        }
        // A name is in one language's list once per row.
        for (i, a) in row.names.iter().enumerate() {
            assert!(
                !row.names[..i].contains(a),
                "{} twice in {}",
                a.text,
                row.id
            );
        }
    }
    // Two rows sharing a name are never in use the same year with different days.
    for (i, a) in NAMED_DAYS.iter().enumerate() {
        for b in &NAMED_DAYS[..i] {
            let shared = a.names.iter().any(|n| b.names.contains(n));
            if !shared || a.rule == b.rule {
                continue;
            }
            for year in 1900..=2100 {
                assert!(
                    !(a.in_use(year) && b.in_use(year)),
                    "{} {} {year}",
                    a.id,
                    b.id
                );
            }
        }
    }
}

#[test]
fn accessors() {
    let (found, _) = prefix("Día del Sol").unwrap();
    assert_eq!(
        (found.name().text(), found.name().lang()),
        ("Día del Sol", Lang::Es)
    );
    let day = found.day();
    assert_eq!(day.rule(), DateRule::Gregorian { month: 4, day: 15 });
    assert_eq!(day.years(), (Some(1997), None));
    assert_eq!(day.names().len(), 6);
}

#[test]
fn army_day_by_year() {
    let (found, _) = prefix("조선인민군창건일을").unwrap();
    let day = |year| found.in_year(year).and_then(|r| r.month_day_in(year));
    assert_eq!(day(1970), Some(ymd(1970, 2, 8)));
    assert_eq!(day(2012), Some(ymd(2012, 4, 25)));
    assert_eq!(day(2017), Some(ymd(2017, 4, 25)));
    assert_eq!(day(2018), Some(ymd(2018, 2, 8)));
    assert_eq!(found.in_year(1948), None);
    let (kpra, _) = prefix("4.25경축").unwrap();
    assert_eq!(
        kpra.in_year(2020).map(NamedDay::id),
        Some("kpra_founding_day")
    );
    assert_eq!(
        kpra.in_year(2000).map(NamedDay::id),
        Some("army_founding_day_1978")
    );
}

#[test]
fn rules() {
    let sun = NAMED_DAYS
        .iter()
        .find(|r| r.id == "day_of_the_sun")
        .unwrap();
    assert_eq!(sun.month_day_in(2003), Some(ymd(2003, 4, 15)));
    assert!(sun.in_use(1997) && !sun.in_use(1996));
    assert_eq!(sun.lunar_month_day(), None);
    let chusok = NAMED_DAYS.iter().find(|r| r.id == "chusok").unwrap();
    assert_eq!(
        (chusok.month_day_in(2007), chusok.lunar_month_day()),
        (None, Some((8, 15)))
    );
    let june = NAMED_DAYS
        .iter()
        .find(|r| r.id == "june_15_declaration")
        .unwrap();
    assert_eq!(june.event_date(), Some(ymd(2000, 6, 15)));
    assert!(!june.in_use(1999) && june.in_use(2010));
}

#[test]
fn english_forms() {
    assert_eq!(
        read("the Day of the Sun, "),
        Some(("day_of_the_sun", "the Day of the Sun"))
    );
    assert_eq!(
        read("Day of Sun welcomed"),
        Some(("day_of_the_sun", "Day of Sun"))
    );
    assert_eq!(
        read("The Day of the Shining Star."),
        Some(("day_of_the_shining_star", "The Day of the Shining Star"))
    );
    assert_eq!(
        read("the Day of Songun"),
        Some(("songun_day", "the Day of Songun"))
    );
    assert_eq!(read("May Day meeting"), Some(("may_day", "May Day")));
    assert_eq!(read("May Day of 1961"), Some(("may_day", "May Day")));
    assert_eq!(read("V-Day."), Some(("victory_day", "V-Day")));
    assert_eq!(
        read("War Victory Day (July 27)"),
        Some(("victory_day", "War Victory Day"))
    );
    assert_eq!(
        read("tree planting day."),
        Some(("tree_planting_day", "tree planting day"))
    );
    assert_eq!(
        read("Lunar New Year's Day."),
        Some(("lunar_new_year", "Lunar New Year's Day"))
    );
    assert_eq!(
        read("lunar New Year’s Day"),
        Some(("lunar_new_year", "lunar New Year’s Day"))
    );
    assert_eq!(
        read("New Year's Day when"),
        Some(("new_years_day", "New Year's Day"))
    );
    assert_eq!(read("Chusok (the lunar"), Some(("chusok", "Chusok")));
    assert_eq!(
        read("June 15 joint declaration"),
        Some(("june_15_declaration", "June 15 joint declaration"))
    );
    assert_eq!(
        read("June 15 North-South Joint Declaration"),
        Some((
            "june_15_declaration",
            "June 15 North-South Joint Declaration"
        ))
    );
    assert_eq!(
        read("June 15 era of"),
        Some(("june_15_declaration", "June 15 era"))
    );
    assert_eq!(
        read("October 4 declaration"),
        Some(("october_4_declaration", "October 4 declaration"))
    );
    assert_eq!(
        read("July 4 joint statement"),
        Some(("july_4_joint_statement", "July 4 joint statement"))
    );
    assert_eq!(
        read("September 11 incident"),
        Some(("september_11_attacks", "September 11 incident"))
    );
    assert_eq!(
        read("Foundation Day of Korea on"),
        Some(("korea_foundation_day", "Foundation Day of Korea"))
    );
}

#[test]
fn spanish_forms() {
    assert_eq!(
        read("Día del Sol (el 15"),
        Some(("day_of_the_sun", "Día del Sol"))
    );
    assert_eq!(read("Dia del Sol"), Some(("day_of_the_sun", "Dia del Sol")));
    assert_eq!(
        read("Dia de la Estrella Luz"),
        Some(("day_of_the_shining_star", "Dia de la Estrella Luz"))
    );
    assert_eq!(
        read("dia de victoria en"),
        Some(("victory_day", "dia de victoria"))
    );
    assert_eq!(
        read("dia de la liberacion de la patria"),
        Some(("liberation_day", "dia de la liberacion de la patria"))
    );
    assert_eq!(
        read("dia mundial de medioambiente"),
        Some(("world_environment_day", "dia mundial de medioambiente"))
    );
    assert_eq!(
        read("Dia Mundial de los DDHH"),
        Some(("human_rights_day", "Dia Mundial de los DDHH"))
    );
    assert_eq!(
        read("15 de Junio y la"),
        Some(("june_15_declaration", "15 de Junio"))
    );
    assert_eq!(
        read("4 de Octubre para"),
        Some(("october_4_declaration", "4 de Octubre"))
    );
    assert_eq!(
        read("Primero de Mayo"),
        Some(("may_day", "Primero de Mayo"))
    );
}

#[test]
fn korean_and_japanese_forms() {
    assert_eq!(read("태양절을 맞으며"), Some(("day_of_the_sun", "태양절")));
    assert_eq!(
        read("광명성절"),
        Some(("day_of_the_shining_star", "광명성절"))
    );
    assert_eq!(read("전승절경축"), Some(("victory_day", "전승절")));
    assert_eq!(
        read("조국해방의 날에"),
        Some(("liberation_day", "조국해방의 날"))
    );
    assert_eq!(read("9.9절"), Some(("dprk_founding_day", "9.9절")));
    assert_eq!(read("5.1절전으로"), Some(("may_day", "5.1절")));
    assert_eq!(read("8.15해방후"), Some(("liberation_day", "8.15")));
    assert_eq!(
        read("7.4남북공동성명"),
        Some(("july_4_joint_statement", "7.4"))
    );
    assert_eq!(read("6.15공동선언"), Some(("june_15_declaration", "6.15")));
    assert_eq!(read("6.25전쟁의"), Some(("korean_war_start", "6.25")));
    assert_eq!(read("7.27의 "), Some(("victory_day", "7.27")));
    assert_eq!(read("선군절"), Some(("songun_day", "선군절")));
    assert_eq!(
        read("당창건기념일"),
        Some(("party_founding_day", "당창건기념일"))
    );
    assert_eq!(
        read("공화국창건일"),
        Some(("dprk_founding_day", "공화국창건일"))
    );
    assert_eq!(read("추석"), Some(("chusok", "추석")));
    assert_eq!(read("설날"), Some(("lunar_new_year", "설날")));
    assert_eq!(read("정월대보름"), Some(("daeboreum", "정월대보름")));
    assert_eq!(read("太陽節を"), Some(("day_of_the_sun", "太陽節")));
    assert_eq!(read("秋夕"), Some(("chusok", "秋夕")));
}

#[test]
fn traps() {
    // Places, teams, prizes.
    assert_eq!(read("May Day Stadium"), None);
    assert_eq!(read("May Day stadium"), None);
    assert_eq!(read("April 25 Sports Group"), None);
    assert_eq!(read("April 25 Hotel"), None);
    assert_eq!(read("4.25체육단"), None);
    assert_eq!(read("4.25문화회관"), None);
    assert_eq!(read("2.8비날론련합기업소"), None);
    assert_eq!(read("8.15범민족대회"), None);
    assert_eq!(read_at("el Estadio Primero de Mayo", 11), None);
    assert_eq!(read_at("el Primero de Mayo", 3), Some("may_day"));
    // Another country's day.
    assert_eq!(read("Army Day of Iran"), None);
    assert_eq!(read("Victory Day of Cuban Revolution"), None);
    // Not a name at all.
    assert_eq!(read("the Sun"), None);
    assert_eq!(read("the Sun."), None);
    assert_eq!(read("Day of the Sunday"), None);
    assert_eq!(read("the 8th Congress"), None);
    assert_eq!(read("June 15"), None);
    assert_eq!(read("June 15, 2000"), None);
    assert_eq!(read("15 de junio"), None);
    assert_eq!(read("4 de octubre de 2007"), None);
    assert_eq!(read("25 de Abril"), None);
    // Dotted forms: not numbers, and not in English or Spanish.
    assert_eq!(read("8.15"), None);
    assert_eq!(read("8.15 million"), None);
    assert_eq!(read("8.151해방"), None);
    assert_eq!(read("8.15.3해방"), None);
    assert_eq!(read("7.27 metres"), None);
    assert_eq!(read_at("18.15해방", 1), None);
    assert_eq!(read_at("1.8.15해방", 2), None);
    assert_eq!(read_at("19.9절", 1), None);
    assert_eq!(read_at("그날 8.15해방", 7), Some("liberation_day"));
    // Whole words on the left.
    assert_eq!(read_at("Lunar New Year's Day", 6), None);
    assert_eq!(
        read_at("the Lunar New Year's Day", 4),
        Some("lunar_new_year")
    );
    assert_eq!(read_at("XMay Day", 1), None);
    // Korean names glue to what follows, and may follow a noun.
    assert_eq!(read_at("민족의태양절", 9), Some("day_of_the_sun"));
}

#[test]
fn anchors_start_every_name() {
    let anchors = anchors();
    for row in NAMED_DAYS {
        for name in row.names {
            assert!(
                anchors.iter().any(|a| name.text.starts_with(a.as_str())),
                "{}",
                name.text
            );
        }
    }
    assert!(anchors.iter().any(|a| a == "Dia") && anchors.iter().any(|a| a == "Día"));
    assert!(anchors.iter().any(|a| a == "태양절") && anchors.iter().any(|a| a == "8.15"));
}
