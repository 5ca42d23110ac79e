//! The DPRK's named days: public holidays and commemorative days (`the Day of the Sun`, `태양절`,
//! `Día del Sol`, `太陽節`), and the dates that name a document or an event and stand for its day
//! (`the June 15 joint declaration`, `15 de Junio`, `7.4공동성명`).
//!
//! ```text
//! NamedDay   ::= (("the" | "The") " "+)? EnName WordEnd    (English)
//!              | EsName WordEnd                             (Spanish)
//!              | KoJaName                                   (Korean, Japanese)
//!              | Dotted Blank* Continuation                 (Korean, Japanese)
//! EnName     ::= a name of NAMED_DAYS; word-initial letters in either case, " " one or more spaces
//! EsName     ::= as EnName, accents optional (`Dia del Sol` as `Día del Sol`); the document names
//!                `15 de Junio`, `4 de Octubre`, `4 de Julio` only with their capital
//! KoJaName   ::= a name of NAMED_DAYS, exactly; " " any run of blanks, none included
//! Dotted     ::= Month "." Day     (a dotted name of NAMED_DAYS, `8.15`; not followed by a digit
//!                                   or by "." and a digit)
//! Continuation ::= "절" | "해방" | "공동선언" | "선언" | "공동성명" | "시대" | "전쟁" | … | "の" | "共同宣言" | …
//! WordEnd    ::= not a letter or digit next; and not " "+ PlaceWord (`May Day Stadium`), nor, in
//!                English, " "+ "of" " "+ Letter (`Army Day of Iran`: another country's day)
//! ```
//!
//! The names are whole words on the right (checked here) and on the left ([`at`] checks the text
//! before; [`prefix`] trusts its caller). A date inside the name of a place, a prize or a team
//! stands for no day: `May Day Stadium`, `Estadio Primero de Mayo`, `April 25 Sports Group` (no
//! English row reads a bare `April 25`), `4.25체육단` (the dotted forms need a continuation from a
//! closed list: a holiday suffix, a document noun or a particle; `체육단` is none). The dotted short
//! forms name the day only in the Korean and Japanese editions: in English and Spanish text `8.15`,
//! `7.27` and `9.9` are decimal numbers (`8.4 million`), so they are not read there.
//!
//! Rows and their public references (years inclusive; "from" = the first year the name was used
//! for that day, an event's rows are in use from the event):
//!
//! | id | rule | years | reference |
//! |---|---|---|---|
//! | `new_years_day` | Jan 1 | all | Wikipedia, *Public holidays in North Korea* |
//! | `lunar_new_year` | lunar 1/1 | all | same; Korean Lunar calendar (KASI) |
//! | `daeboreum` | lunar 1/15 | all | same (정월대보름) |
//! | `army_founding_day_1948` | Feb 8 | 1949-1977 | Wikipedia, *Korean People's Army* (founding day moved to Apr 25 in 1978) |
//! | `army_founding_day_1978` | Apr 25 | 1978-2017 | same (Apr 25, 1932 founding of the KPRA) |
//! | `army_founding_day_2018` | Feb 8 | 2018- | same; KCNA 2018-01-23 (Politburo decision restoring Feb 8) |
//! | `kpra_founding_day` | Apr 25 | 2018- | same (Apr 25 kept as the founding day of the KPRA) |
//! | `day_of_the_shining_star` | Feb 16 | 2012- | KCNA 2012-01-12, Wikipedia *Day of the Shining Star* |
//! | `tree_planting_day_1947` | Apr 6 | 1947-1998 | Wikipedia, *Arbor Day* (DPRK: Apr 6 until 1999) |
//! | `tree_planting_day` | Mar 2 | 1999- | same (Mar 2 from 1999) |
//! | `international_womens_day` | Mar 8 | all | UN; Wikipedia *Public holidays in North Korea* |
//! | `day_of_the_sun` | Apr 15 | 1997- | Decision of 8 July 1997 (KCNA 1997-07-09), Wikipedia *Day of the Sun* |
//! | `may_day` | May 1 | all | Wikipedia, *Public holidays in North Korea* |
//! | `international_childrens_day` | Jun 1 | all | same |
//! | `world_environment_day` | Jun 5 | 1973- | UNEP (first observed 1973) |
//! | `victory_day` | Jul 27 | 1954- | Armistice of 27 July 1953; Wikipedia *Victory Day (North Korea)* |
//! | `liberation_day` | Aug 15 | 1946- | Wikipedia, *National Liberation Day of Korea* |
//! | `songun_day` | Aug 25 | 2013- | Wikipedia, *Songun*; first KCNA use of `Day of Songun` in the corpus 2013 |
//! | `youth_day` | Aug 28 | 1991- | KCNA 1997: `the 6th Youth Day` in 1996 |
//! | `dprk_founding_day` | Sep 9 | 1949- | Wikipedia, *Public holidays in North Korea* |
//! | `chusok` | lunar 8/15 | all | same |
//! | `korea_foundation_day` | Oct 3 | all | Wikipedia, *Gaecheonjeol* (KCNA: Foundation Day of Korea) |
//! | `party_founding_day` | Oct 10 | 1946- | Wikipedia, *Workers' Party of Korea* |
//! | `mothers_day` | Nov 16 | 2012- | KCNA 2012-11: `the first Mother Day in the DPRK` |
//! | `human_rights_day` | Dec 10 | 1950- | UN General Assembly resolution 423 (V), 1950 |
//! | `socialist_constitution_day` | Dec 27 | 1973- | Constitution of 27 Dec 1972; Wikipedia *Public holidays in North Korea* |
//! | `jeju_april_3_uprising` | 1948-04-03 | event | Wikipedia, *Jeju uprising* |
//! | `korean_war_start` | 1950-06-25 | event | Wikipedia, *Korean War* |
//! | `july_4_joint_statement` | 1972-07-04 | event | Wikipedia, *July 4th North–South Joint Statement* |
//! | `june_15_declaration` | 2000-06-15 | event | Wikipedia, *June 15th North–South Joint Declaration* |
//! | `september_11_attacks` | 2001-09-11 | event | Wikipedia, *September 11 attacks* |
//! | `october_4_declaration` | 2007-10-04 | event | Wikipedia, *2007 inter-Korean summit* |
//!
//! The Japanese names follow the Chongryon and KCNA Japanese usage; the corpus holds one Japanese
//! record only, so they are not checked against text.

// (The table and readers are not yet wired into the registry or the public API: the lead engineer
// does that; until then, outside tests, nothing uses them.)
#![cfg_attr(not(test), allow(dead_code))]

use chrono::NaiveDate;
use nom::Parser;
use nom::branch::alt;
use nom::bytes::complete::tag;
use nom::combinator::opt;
use nom::sequence::terminated;

use crate::error::Expected;
use crate::grammar::runtime::{PResult, fail, spaces};

/// An edition's language.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Lang {
    /// English.
    En,
    /// Spanish.
    Es,
    /// Korean.
    Ko,
    /// Japanese.
    Ja,
}

/// One name of a row: its text and language, and whether its case is exact (`15 de Junio`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Name {
    text: &'static str,
    lang: Lang,
    exact: bool,
}

impl Name {
    /// The name as KCNA writes it.
    pub fn text(&self) -> &'static str {
        self.text
    }

    /// Its language.
    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// A dotted short form (`8.15`).
    fn dotted(&self) -> bool {
        self.text.bytes().all(|b| b.is_ascii_digit() || b == b'.') && self.text.contains('.')
    }
}

const fn en(text: &'static str) -> Name {
    Name {
        text,
        lang: Lang::En,
        exact: false,
    }
}
const fn es(text: &'static str) -> Name {
    Name {
        text,
        lang: Lang::Es,
        exact: false,
    }
}
const fn es_exact(text: &'static str) -> Name {
    Name {
        text,
        lang: Lang::Es,
        exact: true,
    }
}
const fn ko(text: &'static str) -> Name {
    Name {
        text,
        lang: Lang::Ko,
        exact: true,
    }
}
const fn ja(text: &'static str) -> Name {
    Name {
        text,
        lang: Lang::Ja,
        exact: true,
    }
}

/// How a row's day falls in a year.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DateRule {
    /// The same Gregorian month and day every year.
    Gregorian {
        /// Month, 1-12.
        month: u32,
        /// Day of the month.
        day: u32,
    },
    /// A month and day of the Korean lunar calendar (converted elsewhere).
    Lunar {
        /// Lunar month, 1-12 (never a leap month).
        month: u32,
        /// Lunar day, 1-30.
        day: u32,
    },
    /// One day: a document or an event named by its date (`the June 15 joint declaration`).
    Event {
        /// Its year.
        year: i32,
        /// Month, 1-12.
        month: u32,
        /// Day of the month.
        day: u32,
    },
}

/// A row of `NAMED_DAYS`: a day with a name, its date rule, the years the name was used for it,
/// and its names in the four editions.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NamedDay {
    id: &'static str,
    rule: DateRule,
    first_year: Option<i32>,
    last_year: Option<i32>,
    names: &'static [Name],
}

impl NamedDay {
    /// The stable id: `day_of_the_sun`.
    pub fn id(&self) -> &'static str {
        self.id
    }

    /// The date rule.
    pub fn rule(&self) -> DateRule {
        self.rule
    }

    /// The names, in every edition.
    pub fn names(&self) -> &'static [Name] {
        self.names
    }

    /// The first and last years (inclusive) the name was used for this day; `None`: no bound.
    pub fn years(&self) -> (Option<i32>, Option<i32>) {
        (self.first_year, self.last_year)
    }

    /// Whether the name stood for this day in `year`.
    pub fn in_use(&self, year: i32) -> bool {
        self.first_year.is_none_or(|first| year >= first)
            && self.last_year.is_none_or(|last| year <= last)
    }

    /// The day in `year` of a Gregorian rule, or the event's month and day in `year` (its
    /// anniversary); `None` for a lunar rule (see [`lunar_month_day`](Self::lunar_month_day)) or a
    /// day `year` lacks.
    pub fn month_day_in(&self, year: i32) -> Option<NaiveDate> {
        match self.rule {
            DateRule::Gregorian { month, day } | DateRule::Event { month, day, .. } => {
                NaiveDate::from_ymd_opt(year, month, day)
            }
            DateRule::Lunar { .. } => None,
        }
    }

    /// The lunar month and day of a lunar rule.
    pub fn lunar_month_day(&self) -> Option<(u32, u32)> {
        match self.rule {
            DateRule::Lunar { month, day } => Some((month, day)),
            _ => None,
        }
    }

    /// The one day a document or event row stands for (`2000-06-15`).
    pub fn event_date(&self) -> Option<NaiveDate> {
        match self.rule {
            DateRule::Event { year, month, day } => NaiveDate::from_ymd_opt(year, month, day),
            _ => None,
        }
    }
}

const fn yearly(
    id: &'static str,
    month: u32,
    day: u32,
    years: (Option<i32>, Option<i32>),
    names: &'static [Name],
) -> NamedDay {
    NamedDay {
        id,
        rule: DateRule::Gregorian { month, day },
        first_year: years.0,
        last_year: years.1,
        names,
    }
}

const fn lunar(id: &'static str, month: u32, day: u32, names: &'static [Name]) -> NamedDay {
    NamedDay {
        id,
        rule: DateRule::Lunar { month, day },
        first_year: None,
        last_year: None,
        names,
    }
}

const fn event(id: &'static str, ymd: (i32, u32, u32), names: &'static [Name]) -> NamedDay {
    NamedDay {
        id,
        rule: DateRule::Event {
            year: ymd.0,
            month: ymd.1,
            day: ymd.2,
        },
        first_year: Some(ymd.0),
        last_year: None,
        names,
    }
}

const ALL: (Option<i32>, Option<i32>) = (None, None);

/// The named days, sorted by id (see the module documentation for each row's reference).
#[rustfmt::skip]
pub static NAMED_DAYS: &[NamedDay] = &[
    yearly("army_founding_day_1948", 2, 8, (Some(1949), Some(1977)), &[
        en("Army Day"), en("founding day of the KPA"), en("founding day of the Korean People's Army"),
        es("Día de la Fundación del Ejército Popular de Corea"), es("Día de la Fundación del EPC"),
        ko("조선인민군창건일"), ko("인민군창건일"), ja("朝鮮人民軍創建記念日")]),
    yearly("army_founding_day_1978", 4, 25, (Some(1978), Some(2017)), &[
        en("Army Day"), en("founding day of the KPA"), en("founding day of the Korean People's Army"),
        es("Día de la Fundación del Ejército Popular de Corea"), es("Día de la Fundación del EPC"),
        ko("조선인민군창건일"), ko("인민군창건일"), ko("4.25"), ja("朝鮮人民軍創建記念日"), ja("4.25")]),
    yearly("army_founding_day_2018", 2, 8, (Some(2018), None), &[
        en("Army Day"), en("founding day of the KPA"), en("founding day of the Korean People's Army"),
        es("Día de la Fundación del Ejército Popular de Corea"), es("Día de la Fundación del EPC"),
        ko("조선인민군창건일"), ko("인민군창건일"), ko("건군절"), ja("朝鮮人民軍創建記念日"), ja("建軍節")]),
    lunar("chusok", 8, 15, &[en("Chusok"), en("Chuseok"), es("Chusok"), ko("추석"), ja("秋夕")]),
    lunar("daeboreum", 1, 15, &[
        en("15th day of the first lunar month"), en("15th of the first lunar month"),
        en("Jongwoldaeborum"), ko("정월대보름"), ja("小正月")]),
    yearly("day_of_the_shining_star", 2, 16, (Some(2012), None), &[
        en("Day of the Shining Star"), en("Day of Shining Star"), es("Día de la Estrella Luz"),
        es("Día de Estrella Luz"), es("Día de la Estrella Brillante"), ko("광명성절"), ko("2.16"),
        ja("光明星節")]),
    yearly("day_of_the_sun", 4, 15, (Some(1997), None), &[
        en("Day of the Sun"), en("Day of Sun"), es("Día del Sol"), ko("태양절"), ko("4.15"),
        ja("太陽節")]),
    yearly("dprk_founding_day", 9, 9, (Some(1949), None), &[
        en("founding day of the DPRK"), en("Day of the Foundation of the DPRK"),
        en("DPRK Foundation Day"), es("Día de la Fundación de la RPDC"),
        es("Día de Fundación de RPDC"), es("Día de la Fundación de la República"),
        ko("공화국창건일"), ko("공화국창건기념일"), ko("조선민주주의인민공화국창건일"), ko("9.9절"),
        ko("9.9"), ja("共和国創建記念日"), ja("9.9")]),
    yearly("human_rights_day", 12, 10, (Some(1950), None), &[
        en("Human Rights Day"), es("Día Mundial de los DDHH"), es("Día de los Derechos Humanos"),
        es("Día Mundial de los Derechos Humanos"), ko("세계인권의 날"), ja("人権デー")]),
    yearly("international_childrens_day", 6, 1, ALL, &[
        en("International Children's Day"), es("Día Internacional del Niño"), ko("국제아동절"),
        ko("6.1절"), ja("国際子どもの日")]),
    yearly("international_womens_day", 3, 8, ALL, &[
        en("International Women's Day"), es("Día Internacional de la Mujer"), ko("국제부녀절"),
        ko("3.8절"), ja("国際婦人デー")]),
    event("jeju_april_3_uprising", (1948, 4, 3), &[
        en("April 3 uprising"), en("April 3 people's uprising"), en("April 3 popular uprising"),
        ko("4.3")]),
    event("july_4_joint_statement", (1972, 7, 4), &[
        en("July 4 joint statement"), en("July 4 North-South joint statement"),
        es_exact("4 de Julio"), ko("7.4"), ja("7.4")]),
    event("june_15_declaration", (2000, 6, 15), &[
        en("June 15 joint declaration"), en("June 15 North-South joint declaration"),
        en("June 15 declaration"), en("June 15 era"), en("June 15 reunification era"),
        es_exact("15 de Junio"), ko("6.15"), ja("6.15")]),
    yearly("korea_foundation_day", 10, 3, ALL, &[
        en("Foundation Day of Korea"), es("Día de la Fundación de Corea"), ko("개천절"),
        ja("開天節")]),
    event("korean_war_start", (1950, 6, 25), &[ko("6.25"), ja("6.25")]),
    yearly("kpra_founding_day", 4, 25, (Some(2018), None), &[
        en("founding day of the Korean People's Revolutionary Army"),
        en("founding day of the KPRA"), ko("조선인민혁명군창건일"), ko("4.25"), ja("4.25")]),
    yearly("liberation_day", 8, 15, (Some(1946), None), &[
        en("Liberation Day"), en("Day of Liberation"), es("Día de la Liberación"),
        es("Día de la Liberación de la Patria"), es("Día de la Liberación de Corea"),
        ko("조국해방의 날"), ko("해방의 날"), ko("조선해방의 날"), ko("8.15"), ja("祖国解放の日"),
        ja("解放の日"), ja("8.15")]),
    lunar("lunar_new_year", 1, 1, &[
        en("Lunar New Year's Day"), en("Lunar New Year Day"), en("Lunar New Year"),
        es("Año Nuevo Lunar"), es("Año Nuevo según el calendario lunar"), ko("설날"),
        ko("음력설"), ja("旧正月")]),
    yearly("may_day", 5, 1, ALL, &[
        en("May Day"), en("International Workers' Day"), en("International Labour Day"),
        es("Primero de Mayo"), es("Día Internacional de los Trabajadores"), ko("5.1절"),
        ko("국제로동자절"), ja("メーデー")]),
    yearly("mothers_day", 11, 16, (Some(2012), None), &[
        en("Mother's Day"), en("Mother Day"), es("Día de la Madre"), ko("어머니날"),
        ja("母の日")]),
    yearly("new_years_day", 1, 1, ALL, &[
        en("New Year's Day"), en("New Year Day"), es("Día de Año Nuevo"), ko("양력설"),
        ja("元日")]),
    event("october_4_declaration", (2007, 10, 4), &[
        en("October 4 declaration"), en("October 4 North-South declaration"),
        en("October 4 joint declaration"), es_exact("4 de Octubre"), ko("10.4"), ja("10.4")]),
    yearly("party_founding_day", 10, 10, (Some(1946), None), &[
        en("Party Founding Day"), en("founding day of the WPK"),
        en("founding day of the Workers' Party of Korea"), es("Día de la Fundación del Partido"),
        es("Día de la Fundación del PTC"), ko("당창건기념일"), ko("조선로동당창건기념일"),
        ko("당창건일"), ja("党創建記念日"), ja("朝鮮労働党創建記念日")]),
    event("september_11_attacks", (2001, 9, 11), &[
        en("September 11 incident"), en("September 11 attacks"), en("September 11 terrorist attacks")]),
    yearly("socialist_constitution_day", 12, 27, (Some(1973), None), &[
        en("Socialist Constitution Day"), en("Day of the Socialist Constitution"),
        es("Día de la Constitución Socialista"), ko("사회주의헌법절"), ja("社会主義憲法節")]),
    yearly("songun_day", 8, 25, (Some(2013), None), &[
        en("Day of Songun"), en("Songun Day"), es("Día del Songun"), es("Día de Songun"),
        ko("선군절"), ja("先軍節")]),
    yearly("tree_planting_day", 3, 2, (Some(1999), None), &[
        en("Tree-planting Day"), en("Tree Planting Day"), en("Day of Tree-Planting"),
        es("Día de la Plantación de Árboles"), ko("식수절"), ja("植樹節")]),
    yearly("tree_planting_day_1947", 4, 6, (Some(1947), Some(1998)), &[
        en("Tree-planting Day"), en("Tree Planting Day"), en("Day of Tree-Planting"),
        es("Día de la Plantación de Árboles"), ko("식수일"), ja("植樹デー")]),
    yearly("victory_day", 7, 27, (Some(1954), None), &[
        en("Victory Day"), en("War Victory Day"), en("V-Day"),
        en("Day of Victory in the Great Fatherland Liberation War"), es("Día de la Victoria"),
        es("Día de Victoria"), es("Día de la Victoria en la Guerra"), ko("전승절"), ko("7.27"),
        ja("戦勝節"), ja("7.27")]),
    yearly("world_environment_day", 6, 5, (Some(1973), None), &[
        en("World Environment Day"), es("Día Mundial del Medioambiente"),
        es("Día Mundial del Medio Ambiente"), es("Día Mundial de Medioambiente"),
        ko("세계환경의 날"), ja("世界環境デー")]),
    yearly("youth_day", 8, 28, (Some(1991), None), &[
        en("Youth Day"), es("Día de la Juventud"), ko("청년절"), ja("青年節")]),
];

// ---------------------------------------------------------------------------------------------
// The grammar.

/// A row's name as read from text: the row and the name written. Two are equal when they name the
/// same row (the name is how the text wrote it); `Display` writes the row's canonical name.
#[derive(Clone, Copy, Debug)]
pub struct NamedDayRef {
    row: &'static NamedDay,
    name: &'static Name,
}

impl NamedDayRef {
    /// The row the name was found in (the first of the table, by id, that has it).
    pub fn day(&self) -> &'static NamedDay {
        self.row
    }

    /// The name read.
    pub fn name(&self) -> &'static Name {
        self.name
    }

    /// The row this name stood for in `year`: a name may belong to several rows in different
    /// years (`Army Day`: February 8 until 1977, April 25 from 1978 to 2017, February 8 again).
    pub fn in_year(&self, year: i32) -> Option<&'static NamedDay> {
        let name = self.name;
        NAMED_DAYS.iter().find(|row| {
            row.in_use(year)
                && row
                    .names
                    .iter()
                    .any(|n| n.text == name.text && n.lang == name.lang)
        })
    }
}

impl PartialEq for NamedDayRef {
    fn eq(&self, other: &NamedDayRef) -> bool {
        self.row.id == other.row.id
    }
}

impl Eq for NamedDayRef {}

impl core::hash::Hash for NamedDayRef {
    fn hash<H: core::hash::Hasher>(&self, state: &mut H) {
        self.row.id.hash(state);
    }
}

impl core::fmt::Display for NamedDayRef {
    /// The row's canonical name: its first name that reads back alone (not a dotted short form,
    /// `7.4`, which needs a word after it, and one `scan` reads), else the name as written.
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        let canonical = self.row.names.iter().find(|name| {
            !name.dotted()
                && scan_reads(&NamedDayRef {
                    row: self.row,
                    name,
                })
                && prefix(name.text).is_some_and(|(found, len)| {
                    found.row.id == self.row.id && len == name.text.len()
                })
        });
        f.write_str(canonical.map_or(self.name.text, |name| name.text))
    }
}

/// The anchor patterns of the named days for `scan`: the first word of every name that starts
/// with a letter, in lower case and capitalised where it is ASCII (the grammar reads either), and
/// as written otherwise. Names that start with a digit (`15 de Junio`, `8.15`) are reached from the
/// anchors of digits (` de ` + a Spanish month, a digit before `.`).
pub(crate) fn anchor_words() -> Vec<String> {
    let mut words: Vec<String> = Vec::new();
    for word in anchors() {
        if word.starts_with(|c: char| c.is_ascii_digit()) {
            continue;
        }
        // (ASCII words are searched in any case.)
        words.push(if word.is_ascii() {
            word.to_ascii_lowercase()
        } else {
            word
        });
    }
    words.sort();
    words.dedup();
    words
}

/// Whether `scan` reads this name: a Korean, Japanese or dotted one, or a Latin one that starts
/// with a month name, `Día`/`Dia` or a day (`June 15 joint declaration`, `May Day`, `Día del Sol`,
/// `15 de Junio`), whose first words are anchors of other notations. Other Latin names (`the Day of
/// the Sun`, `Victory Day`) would need their own anchors, whose search (a hundred words in any
/// case) made `scan` several times slower on real text: they are left for a later version.
pub(crate) fn scan_reads(found: &NamedDayRef) -> bool {
    let text = found.name.text;
    let first = text.split(' ').next().unwrap_or(text);
    let month = crate::calendar::full_month(first).is_some();
    // A dotted short form (`8.15` before `해방`) is read only with the word after it, which it
    // does not take: alone, its text would not read back; left out until it takes its word.
    !found.name.dotted()
        && (!matches!(found.name.lang, Lang::En | Lang::Es)
            || month
            || text.starts_with(|c: char| c.is_ascii_digit())
            || matches!(first, "Día" | "Dia"))
}

/// Whether a named day of the Korean or Japanese edition starts `bytes` (where `scan` may begin
/// a notation with a non-ASCII byte).
pub(crate) fn starts_cjk_name(bytes: &[u8]) -> bool {
    bytes.first().is_some_and(|&b| b >= 0x80)
        && NAMED_DAYS
            .iter()
            .flat_map(|row| row.names)
            .any(|name| bytes.starts_with(name.text.as_bytes()))
}

/// `ä` → `a`: the Spanish vowels with their accent dropped (KCNA's Spanish often omits them).
fn fold(c: char) -> char {
    match c {
        'á' => 'a',
        'é' => 'e',
        'í' => 'i',
        'ó' => 'o',
        'ú' | 'ü' => 'u',
        'Á' => 'A',
        'É' => 'E',
        'Í' => 'I',
        'Ó' => 'O',
        'Ú' => 'U',
        '’' => '\'',
        other => other,
    }
}

/// A blank between words: a space, a no-break space, an ideographic space.
pub(crate) fn is_blank(c: char) -> bool {
    matches!(c, ' ' | '\u{a0}' | '\u{3000}')
}

/// How [`phrase`] compares a name with the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Case {
    /// Letter for letter; a name's space is any run of blanks, none included (Korean, Japanese).
    Exact,
    /// Word-initial ASCII letters in either case; a space is one or more blanks (English).
    Initials,
    /// As `Initials`, and accents optional (Spanish).
    Folded,
    /// Letter for letter; a space is one or more blanks (`15 de Junio`).
    ExactWords,
}

/// The literal `name` at the start of `input`, compared as `case` says: the rest of the input.
pub(crate) fn phrase(input: &str, name: &str, case: Case) -> Option<usize> {
    let mut rest = input;
    let mut word_start = true;
    for n in name.chars() {
        if n == ' ' {
            let trimmed = rest.trim_start_matches(is_blank);
            if trimmed.len() == rest.len() && case != Case::Exact {
                return None;
            }
            rest = trimmed;
            word_start = true;
            continue;
        }
        let mut chars = rest.chars();
        let c = chars.next()?;
        let same = match case {
            Case::Exact | Case::ExactWords => c == n || (n == '\'' && c == '’'),
            Case::Initials | Case::Folded => {
                let (c, n) = if case == Case::Folded {
                    (fold(c), fold(n))
                } else {
                    (c, n)
                };
                c == n || (n == '\'' && c == '’') || (word_start && c.eq_ignore_ascii_case(&n))
            }
        };
        if !same {
            return None;
        }
        word_start = n == '-';
        rest = chars.as_str();
    }
    input.len().checked_sub(rest.len())
}

/// The case rule of `name`.
fn case_of(name: &Name) -> Case {
    match (name.lang, name.exact) {
        (Lang::Ko | Lang::Ja, _) => Case::Exact,
        (_, true) => Case::ExactWords,
        (Lang::En, false) => Case::Initials,
        (Lang::Es, false) => Case::Folded,
    }
}

/// Words that make a name before them the name of a place, a prize or a team: `May Day Stadium`.
#[rustfmt::skip]
const PLACE_WORDS: &[&str] = &[
    "Stadium", "Hotel", "House", "Sports", "Team", "Group", "Film", "Studio", "Factory", "Works",
    "Mine", "Prize", "Medal", "Award", "Order", "Street", "Bridge", "Square", "Park", "Hall",
    "Club", "Cup", "Station", "Palace", "Building", "Cooperative", "Farm", "School", "Company",
    "Festival", "Exhibition", "Contest", "Troupe", "Institute", "University", "Corps", "Unit",
];

/// Words that make a Spanish name after them the name of a place, a prize or a team:
/// `Estadio Primero de Mayo`, `Equipo 25 de Abril`.
#[rustfmt::skip]
const PLACE_WORDS_BEFORE: &[&str] = &[
    "Estadio", "Equipo", "Deportivo", "Club", "Premio", "Medalla", "Orden", "Hotel", "Fábrica",
    "Fabrica", "Calle", "Plaza", "Puente", "Palacio", "Stadium", "Team", "Hotel", "lunar", "Lunar",
];

/// What may follow a dotted short form (`8.15해방`, `7.4공동성명`, `6.15시대`, `8.15를`).
#[rustfmt::skip]
const CONTINUATIONS: &[&str] = &[
    "절", "해방", "광복", "공동선언", "북남공동선언", "남북공동선언", "북남공동성명", "남북공동성명", "공동성명", "선언", "시대", "통일시대",
    "전쟁", "남침", "인민봉기", "봉기", "항쟁", "경축", "기념", "의", "을", "를", "은", "는", "이", "가", "과", "와", "에",
    "로", "까지", "부터", "共同宣言", "宣言", "共同声明", "声明", "解放", "節", "時代", "戦争", "の", "を", "に", "は", "が",
    "と",
];

/// Whether the text after a date (`rest`) names a place, a prize or a team with it: blanks and a
/// place word (`April 25 Sports Group`, `May Day Stadium`): then the date stands for no day.
pub(crate) fn place_word_follows(rest: &str) -> bool {
    let after = rest.trim_start_matches(is_blank);
    after.len() < rest.len()
        && PLACE_WORDS.iter().any(|w| {
            phrase(after, w, Case::Initials)
                .and_then(|n| after.get(n..))
                .is_some_and(|tail| !tail.chars().next().is_some_and(char::is_alphanumeric))
        })
}

/// `WordEnd` after a Latin name: no letter or digit next, no place word, no `of` + a name.
fn latin_word_end(rest: &str, lang: Lang, event: bool) -> bool {
    if rest.chars().next().is_some_and(char::is_alphanumeric) {
        return false;
    }
    let after = rest.trim_start_matches(is_blank);
    if after.len() == rest.len() {
        return true;
    }
    let next_word_is = |word: &str| {
        phrase(after, word, Case::Initials)
            .and_then(|n| after.get(n..))
            .is_some_and(|tail| !tail.chars().next().is_some_and(char::is_alphanumeric))
    };
    if PLACE_WORDS.iter().any(|w| next_word_is(w)) {
        return false;
    }
    // `Army Day of Iran`, `Victory Day of the Cuban Revolution`: another's day (`May Day of 1961`
    // is ours; so is the `June 15 era of reunification`, a date that names an event).
    if lang == Lang::En && next_word_is("of") && !event {
        let owner = after.get(2..).unwrap_or("").trim_start_matches(is_blank);
        return !owner.chars().next().is_some_and(char::is_alphabetic);
    }
    true
}

/// `Dotted Blank* Continuation`: what follows a dotted short form.
fn dotted_end(rest: &str) -> bool {
    let mut chars = rest.chars();
    match chars.next() {
        Some(c) if c.is_ascii_digit() => return false,
        Some('.') if chars.next().is_some_and(|c| c.is_ascii_digit()) => return false,
        _ => {}
    }
    let after = rest.trim_start_matches(is_blank);
    CONTINUATIONS.iter().any(|c| after.starts_with(c))
}

/// Every name of the table with the first character of its first word, folded to ASCII lower
/// case and without its accent: the names [`longest_name`] compares with a text.
type ByFirst = std::collections::HashMap<char, Vec<(&'static NamedDay, &'static Name)>>;

/// The names by their first character (built once).
static BY_FIRST: std::sync::LazyLock<ByFirst> = std::sync::LazyLock::new(|| {
    let mut map = ByFirst::new();
    for row in NAMED_DAYS {
        for name in row.names {
            if let Some(first) = name.text.chars().next() {
                map.entry(fold(first).to_ascii_lowercase())
                    .or_default()
                    .push((row, name));
            }
        }
    }
    map
});

/// The longest name of the table at the start of `input`, in `langs`, that ends as its kind must.
fn longest_name(input: &str, english_only: bool) -> PResult<'_, NamedDayRef> {
    let mut best: Option<(NamedDayRef, usize)> = None;
    let first = input.chars().next().map(|c| fold(c).to_ascii_lowercase());
    let candidates = first
        .and_then(|c| BY_FIRST.get(&c))
        .map_or(&[][..], Vec::as_slice);
    for &(row, name) in candidates {
        {
            if english_only && name.lang != Lang::En {
                continue;
            }
            let Some(len) = phrase(input, name.text, case_of(name)) else {
                continue;
            };
            let rest = input.get(len..).unwrap_or("");
            let ends = if name.dotted() {
                dotted_end(rest)
            } else {
                match name.lang {
                    Lang::En | Lang::Es => {
                        latin_word_end(rest, name.lang, matches!(row.rule, DateRule::Event { .. }))
                    }
                    Lang::Ko | Lang::Ja => true,
                }
            };
            if ends && best.is_none_or(|(_, longest)| len > longest) {
                best = Some((NamedDayRef { row, name }, len));
            }
        }
    }
    match best.and_then(|(found, len)| Some((input.get(len..)?, found))) {
        Some((rest, found)) => Ok((rest, found)),
        None => fail(input, Expected::Notation),
    }
}

/// `NamedDay ::= (("the" | "The") " "+)? EnName WordEnd | EsName WordEnd | KoJaName | Dotted …`
fn grammar(input: &str) -> PResult<'_, NamedDayRef> {
    alt((
        |i| {
            let (i, _) = terminated(alt((tag("the"), tag("The"))), spaces).parse(i)?;
            longest_name(i, true)
        },
        |i| longest_name(i, false),
    ))
    .parse(input)
}

/// Reads a named day at the start of `input`: the row and the bytes read. The text before is the
/// caller's to check (a whole word on the left); [`at`] does it.
pub(crate) fn prefix(input: &str) -> Option<(NamedDayRef, usize)> {
    let (rest, found) = opt(grammar).parse(input).ok()?;
    Some((found?, input.len().checked_sub(rest.len())?))
}

/// Reads a named day at byte `start` of `text`, checking the text before it too: a Latin name or
/// a dotted form must start a word (`18.15` holds no `8.15`), and no place word may come before a
/// Latin name (`Estadio Primero de Mayo`, `Lunar New Year's Day` holds no `New Year's Day`).
pub(crate) fn at(text: &str, start: usize) -> Option<(NamedDayRef, usize)> {
    let before = text.get(..start)?;
    let (found, len) = prefix(text.get(start..)?)?;
    let prev = before.chars().next_back();
    let numeric = found.name.text.starts_with(|c: char| c.is_ascii_digit());
    let latin = matches!(found.name.lang, Lang::En | Lang::Es) || numeric;
    if latin && prev.is_some_and(|c| c.is_alphanumeric() || (numeric && c == '.')) {
        return None;
    }
    if matches!(found.name.lang, Lang::En | Lang::Es) {
        let word = before.trim_end_matches(is_blank);
        if word.len() < before.len() && PLACE_WORDS_BEFORE.iter().any(|w| word.ends_with(w)) {
            return None;
        }
    }
    Some((found, len))
}

/// The literal words a named day starts with, for an anchor searcher: a named day read by
/// [`prefix`] starts (after an optional `the`) with one of them, compared ASCII-case-insensitively
/// (Spanish names are listed with and without their accents).
pub(crate) fn anchors() -> Vec<String> {
    let mut words: Vec<String> = Vec::new();
    for name in NAMED_DAYS.iter().flat_map(|row| row.names) {
        let first = name.text.split(' ').next().unwrap_or(name.text);
        words.push(first.to_owned());
        if name.lang == Lang::Es {
            words.push(first.chars().map(fold).collect());
        }
    }
    words.sort();
    words.dedup();
    words
}

#[cfg(test)]
mod tests;
