//! Anniversaries as a year signal: `the 110th birth anniversary of President Kim Il Sung`,
//! `the 80th anniversary of the founding of the WPK`, `el 70 aniversario de la fundación de la
//! RPDC`, `조선로동당창건 80돐`, `위대한 수령 김일성동지 탄생 110돐`. An anniversary gives a year (the
//! base event's year + N), never a day.
//!
//! ```text
//! English    ::= (("the" | "The") " "+)? Ordinal " "+ Lead? "anniversary" " "+ "of" " "+ EnSubject
//! Ordinal    ::= Digit+ ("st" | "nd" | "rd" | "th")
//! Lead       ::= ("birth" | "founding" | "foundation") " "+
//! EnSubject  ::= Titles Person                    (Lead "birth", or a birth or demise row after
//!                                                   ("the" " "+)? Action " "+ "of" " "+)
//!              | ("the" " "+)? Org                 (Lead "founding", or after Action … "of")
//!              | ("the" " "+)? Phrase              (no Lead: `victory in the Fatherland Liberation War`)
//! Action     ::= "birth" | "demise" | "passing" | "founding" | "foundation" | "formation" | …
//! Titles     ::= (Word " "+){0,6}                 (`President`, `the great leader`; not `of`, `and`)
//! Spanish    ::= (("el" | "El") " "+)? Digit+ ("º" | "°")? " "+ "aniversario" " "+ EsSubject
//! EsSubject  ::= ("del natalicio" | "del nacimiento") " "+ "de" "l"? " "+ Titles Person
//!              | ("de la fundación" | "de la creación" | "de la formación") " "+ ("del" | "de la" | "de") " "+ Org
//!              | Phrase
//! Korean     ::= KoSubject Blank* Digit+ Blank* ("돐" | "주년" | "주기")
//! KoSubject  ::= Person ("동지" | "주석" | "장군님" | "대원수님")? Blank* ("탄생" | "서거") | Phrase
//! ```
//!
//! English and Spanish names compare as the named days' do ([`crate::grammar::named_day`]): word-
//! initial letters in either case, Spanish accents optional. A subject not in [`EVENTS`] gives no
//! anniversary: `the 70th anniversary of the independence of Kenya` is not read (no year is
//! invented). Ordinals written as words (`the first anniversary`) are not read.
//!
//! The Korean People's Army's anniversaries were counted from 1948-02-08 until 1977, from the
//! Korean People's Revolutionary Army's founding, 1932-04-25, from 1978 to 2017, and from 1948
//! again since 2018 (Wikipedia, *Korean People's Army*): `the 75th anniversary of the founding of
//! the KPA` is 2007 or 2023, and [`Anniversary::year`] gives `None` for it (both are in
//! [`Anniversary::years`]).

// (Not yet wired into the registry: the lead engineer does that; until then, outside tests,
// nothing uses it.)
#![cfg_attr(not(test), allow(dead_code))]

use nom::Parser;
use nom::branch::alt;
use nom::bytes::complete::tag;
use nom::combinator::opt;

use crate::error::Expected;
use crate::grammar::named_day::{Case, is_blank, phrase};
use crate::grammar::runtime::{PResult, digits_unbounded, fail};

/// What happened on an event's day, which decides how its anniversary is phrased.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Action {
    /// A birth: `birth anniversary of President Kim Il Sung`, `김일성동지 탄생 110돐`.
    Birth,
    /// A death: `anniversary of the demise of …`, `서거 30돐`.
    Demise,
    /// A founding: `founding anniversary of the KPA`, `anniversary of the founding of the WPK`.
    Founding,
    /// Anything else, written as whole phrases: `victory in the Fatherland Liberation War`.
    Other,
}

/// A base from which anniversaries were counted, and the anniversary years it was used for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Reckoning {
    /// The event's year, month and day.
    pub base: (i32, u32, u32),
    /// The first anniversary year counted from this base (`None`: from the first).
    pub first: Option<i32>,
    /// The last (`None`: still in use).
    pub last: Option<i32>,
}

/// A row of [`EVENTS`]: an event whose anniversaries KCNA marks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Event {
    id: &'static str,
    action: Action,
    reckonings: &'static [Reckoning],
    /// English: persons for births and demises, organisations for foundings, whole phrases else.
    en: &'static [&'static str],
    /// Spanish, likewise (whole phrases start with `de`).
    es: &'static [&'static str],
    /// Korean: persons for births and demises, whole subjects (`조선로동당창건`) else.
    ko: &'static [&'static str],
}

impl Event {
    /// The stable id: `kim_il_sung_birth`.
    pub fn id(&self) -> &'static str {
        self.id
    }

    /// How the event is phrased.
    pub fn action(&self) -> Action {
        self.action
    }

    /// Its bases and the years each was used for.
    pub fn reckonings(&self) -> &'static [Reckoning] {
        self.reckonings
    }
}

const fn r(base: (i32, u32, u32), first: Option<i32>, last: Option<i32>) -> Reckoning {
    Reckoning { base, first, last }
}

const fn ev(
    id: &'static str,
    action: Action,
    reckonings: &'static [Reckoning],
    langs: (
        &'static [&'static str],
        &'static [&'static str],
        &'static [&'static str],
    ),
) -> Event {
    Event {
        id,
        action,
        reckonings,
        en: langs.0,
        es: langs.1,
        ko: langs.2,
    }
}

/// The base events, sorted by id. References: the births, demises and foundings as KCNA dates
/// them (Wikipedia: *Kim Il Sung*, *Kim Jong Il*, *Kim Jong Suk*, *Workers' Party of Korea*,
/// *North Korea*, *Korean People's Army*, *Korean Children's Union*, *Socialist Patriotic Youth
/// League*, *Down-with-Imperialism Union*); the armistice, 1953-07-27, and the liberation,
/// 1945-08-15; the joint statement and declarations as in [`crate::grammar::named_day`].
#[rustfmt::skip]
pub static EVENTS: &[Event] = &[
    ev("dprk_founding", Action::Founding, &[r((1948, 9, 9), None, None)], (
        &["DPRK", "Democratic People's Republic of Korea", "Republic"],
        &["RPDC", "República Popular Democrática de Corea", "República"],
        &["조선민주주의인민공화국창건", "공화국창건", "공화국창건일"])),
    ev("dwiu_formation", Action::Founding, &[r((1926, 10, 17), None, None)], (
        &["Down-with-Imperialism Union", "DIU"],
        &["Unión para Derrotar al Imperialismo", "UDI"],
        &["《ㅌ.ㄷ》결성", "<ㅌ.ㄷ>결성", "ㅌ.ㄷ결성", "타도제국주의동맹결성"])),
    ev("july_4_joint_statement", Action::Other, &[r((1972, 7, 4), None, None)], (
        &["publication of the July 4 joint statement", "July 4 joint statement",
          "July 4 North-South joint statement"],
        &["de la publicación de la Declaración Conjunta del 4 de Julio",
          "de la Declaración Conjunta del 4 de Julio"],
        &["7.4공동성명발표", "7.4남북공동성명발표", "7.4북남공동성명발표"])),
    ev("june_15_declaration", Action::Other, &[r((2000, 6, 15), None, None)], (
        &["publication of the June 15 joint declaration", "June 15 joint declaration",
          "adoption of the June 15 joint declaration",
          "publication of the June 15 North-South Joint Declaration",
          "June 15 North-South Joint Declaration"],
        &["de la publicación de la Declaración Conjunta del 15 de Junio",
          "de la Declaración Conjunta del 15 de Junio"],
        &["6.15공동선언발표", "6.15북남공동선언발표", "6.15남북공동선언발표"])),
    ev("kcu_founding", Action::Founding, &[r((1946, 6, 6), None, None)], (
        &["Korean Children's Union", "KCU"],
        &["Unión de Niños de Corea", "UNC"],
        &["조선소년단창립", "소년단창립"])),
    ev("kim_il_sung_birth", Action::Birth, &[r((1912, 4, 15), None, None)], (
        &["Kim Il Sung"], &["Kim Il Sung"], &["김일성"])),
    ev("kim_il_sung_demise", Action::Demise, &[r((1994, 7, 8), None, None)], (
        &["Kim Il Sung"], &["Kim Il Sung"], &["김일성"])),
    ev("kim_jong_il_birth", Action::Birth, &[r((1942, 2, 16), None, None)], (
        &["Kim Jong Il"], &["Kim Jong Il"], &["김정일"])),
    ev("kim_jong_il_demise", Action::Demise, &[r((2011, 12, 17), None, None)], (
        &["Kim Jong Il"], &["Kim Jong Il"], &["김정일"])),
    ev("kim_jong_suk_birth", Action::Birth, &[r((1917, 12, 24), None, None)], (
        &["Kim Jong Suk"], &["Kim Jong Suk"], &["김정숙"])),
    ev("korean_war_start", Action::Other, &[r((1950, 6, 25), None, None)], (
        &["outbreak of the Korean War", "start of the Korean War"],
        &["del estallido de la Guerra de Corea", "del inicio de la Guerra de Corea"],
        &["6.25전쟁발발"])),
    ev("kpa_founding", Action::Founding, &[
        r((1948, 2, 8), Some(1949), Some(1977)),
        r((1932, 4, 25), Some(1978), Some(2017)),
        r((1948, 2, 8), Some(2018), None)], (
        &["Korean People's Army", "KPA"],
        &["Ejército Popular de Corea", "EPC"],
        &["조선인민군창건", "영웅적조선인민군창건", "인민군창건", "건군"])),
    ev("kpra_founding", Action::Founding, &[r((1932, 4, 25), None, None)], (
        &["Korean People's Revolutionary Army", "KPRA"],
        &["Ejército Revolucionario Popular de Corea"],
        &["조선인민혁명군창건"])),
    ev("liberation", Action::Other, &[r((1945, 8, 15), None, None)], (
        &["liberation of Korea", "Korea's liberation", "national liberation",
          "liberation of the country", "country's liberation", "liberation of the fatherland"],
        &["de la liberación de Corea", "de la liberación de la Patria",
          "de la liberación nacional"],
        &["조국해방", "조국광복", "조선해방", "해방", "광복"])),
    ev("october_4_declaration", Action::Other, &[r((2007, 10, 4), None, None)], (
        &["publication of the October 4 declaration", "October 4 declaration",
          "adoption of the October 4 declaration"],
        &["de la publicación de la Declaración del 4 de Octubre",
          "de la Declaración del 4 de Octubre"],
        &["10.4선언발표", "10.4북남선언발표"])),
    ev("victory", Action::Other, &[r((1953, 7, 27), None, None)], (
        &["victory in the Fatherland Liberation War",
          "victory in the great Fatherland Liberation War",
          "great victory in the Fatherland Liberation War",
          "victory of the Korean people in the Fatherland Liberation War",
          "victory in the war", "V-Day"],
        &["de la victoria en la Guerra de Liberación de la Patria",
          "de la victoria en la Gran Guerra de Liberación de la Patria",
          "de la victoria en la guerra"],
        &["조국해방전쟁승리", "위대한 조국해방전쟁승리", "전승"])),
    ev("wpk_founding", Action::Founding, &[r((1945, 10, 10), None, None)], (
        &["Workers' Party of Korea", "WPK", "Party"],
        &["Partido del Trabajo de Corea", "PTC", "Partido"],
        &["조선로동당창건", "로동당창건", "당창건", "창당"])),
    ev("youth_league_founding", Action::Founding, &[r((1946, 1, 17), None, None)], (
        &["Kim Il Sung Socialist Youth League", "Kimilsungist-Kimjongilist Youth League",
          "Socialist Patriotic Youth League", "Democratic Youth League of North Korea"],
        &["Unión de la Juventud Socialista Kim Il Sung",
          "Unión de la Juventud Patriótica Socialista"],
        &["청년동맹창립", "김일성사회주의청년동맹창립"])),
];

/// An anniversary read from text: which event, and which anniversary (N).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Anniversary {
    event: &'static Event,
    n: u32,
}

impl Anniversary {
    /// The event.
    pub fn event(&self) -> &'static Event {
        self.event
    }

    /// The event's id.
    pub fn event_id(&self) -> &'static str {
        self.event.id
    }

    /// Which anniversary: 110 in `the 110th birth anniversary`.
    pub fn n(&self) -> u32 {
        self.n
    }

    /// Every year this anniversary may fall in: the base year + N of each reckoning whose years
    /// hold it (checked arithmetic: a huge N gives none).
    pub fn years(&self) -> impl Iterator<Item = i32> + '_ {
        let n = i32::try_from(self.n).ok();
        self.event.reckonings.iter().filter_map(move |r| {
            let year = r.base.0.checked_add(n?)?;
            let used = r.first.is_none_or(|f| year >= f) && r.last.is_none_or(|l| year <= l);
            used.then_some(year)
        })
    }

    /// The year of this anniversary, if exactly one reckoning gives one.
    pub fn year(&self) -> Option<i32> {
        let mut years = self.years();
        let year = years.next()?;
        years.next().is_none().then_some(year)
    }
}

// ---------------------------------------------------------------------------------------------
// The grammar.

/// `" "+` between Latin words (spaces, no-break spaces).
fn blanks1(input: &str) -> PResult<'_, ()> {
    let rest = input.trim_start_matches(is_blank);
    if rest.len() == input.len() {
        return fail(input, Expected::Space);
    }
    Ok((rest, ()))
}

/// Whether `rest` starts a new word (no letter or digit next).
fn word_end(rest: &str) -> bool {
    !rest.chars().next().is_some_and(char::is_alphanumeric)
}

/// The longest of `names` at the start of `input`, compared as `case` says, as a whole word
/// unless `case` is exact (Korean): the bytes read.
fn longest(input: &str, names: &[&str], case: Case) -> Option<usize> {
    names
        .iter()
        .filter_map(|name| phrase(input, name, case))
        .filter(|&len| case == Case::Exact || word_end(input.get(len..).unwrap_or("")))
        .max()
}

/// One of `words` as a parser (a whole word, initials in either case, accents optional).
fn kw<'a>(words: &'static [&'static str]) -> impl FnMut(&'a str) -> PResult<'a, ()> {
    move |input: &'a str| match longest(input, words, Case::Folded) {
        Some(len) => Ok((input.get(len..).unwrap_or(""), ())),
        None => fail(input, Expected::Notation),
    }
}

/// `Digit+` as a number 1 or more.
fn count(input: &str) -> PResult<'_, u32> {
    let (rest, digits) = digits_unbounded(Expected::Year)(input)?;
    match digits.parse::<u32>() {
        Ok(n @ 1..) => Ok((rest, n)),
        _ => fail(input, Expected::Year),
    }
}

/// `Titles Person`: up to six title words, then one of `persons`.
fn titles_person<'a>(input: &'a str, persons: &[&str], case: Case) -> Option<&'a str> {
    let mut rest = input;
    for _ in 0..=6 {
        if let Some(len) = longest(rest, persons, case) {
            return rest.get(len..);
        }
        let len: usize = rest
            .chars()
            .take_while(|&c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’' | '.'))
            .map(char::len_utf8)
            .sum();
        let word = rest.get(..len)?;
        if len == 0
            || ["and", "of", "y", "de", "및"]
                .iter()
                .any(|w| word.eq_ignore_ascii_case(w))
        {
            return None;
        }
        rest = blanks1(rest.get(len..)?).ok()?.0;
    }
    None
}

/// The longest event subject at the start of `input` among `events`, read by `subject` (which
/// gives the text left after a subject of that event).
fn best_event<'a>(
    input: &'a str,
    subject: impl Fn(&'a str, &'static Event) -> Option<&'a str>,
) -> PResult<'a, &'static Event> {
    let best = EVENTS
        .iter()
        .filter_map(|event| Some((subject(input, event)?, event)))
        .min_by_key(|(rest, _)| rest.len());
    match best {
        Some((rest, event)) => Ok((rest, event)),
        None => fail(input, Expected::Notation),
    }
}

const THE: &[&str] = &["the"];
const EN_BIRTH: &[&str] = &["birth"];
const EN_DEMISE: &[&str] = &["demise", "passing", "death"];
const EN_FOUNDING: &[&str] = &[
    "founding",
    "foundation",
    "formation",
    "establishment",
    "creation",
    "organization",
];

/// `EnSubject` of `event`, after `Lead` (`lead`) if there was one.
fn en_subject<'a>(input: &'a str, event: &Event, lead: Option<Action>) -> Option<&'a str> {
    let case = Case::Initials;
    let the = |i: &'a str| {
        opt((kw(THE), blanks1))
            .parse(i)
            .ok()
            .map_or(i, |(rest, _)| rest)
    };
    let action_of = |i: &'a str, words: &'static [&'static str]| {
        let (rest, _) = (kw(words), blanks1, kw(&["of"]), blanks1)
            .parse(the(i))
            .ok()?;
        Some(rest)
    };
    let org = |i: &'a str| the(i).get(longest(the(i), event.en, case)?..);
    match (lead, event.action) {
        (Some(Action::Birth), Action::Birth) => titles_person(input, event.en, case),
        (Some(Action::Founding), Action::Founding) => org(input),
        (Some(_), _) => None,
        (None, Action::Birth) => titles_person(action_of(input, EN_BIRTH)?, event.en, case),
        (None, Action::Demise) => titles_person(action_of(input, EN_DEMISE)?, event.en, case),
        (None, Action::Founding) => org(action_of(input, EN_FOUNDING)?),
        (None, Action::Other) => org(input),
    }
}

/// `English ::= (("the" | "The") " "+)? Ordinal " "+ Lead? "anniversary" " "+ "of" " "+ EnSubject`
fn english(input: &str) -> PResult<'_, Anniversary> {
    let (i, _) = opt((alt((tag("the"), tag("The"))), blanks1)).parse(input)?;
    let (i, n) = count(i)?;
    let (i, _) = alt((tag("st"), tag("nd"), tag("rd"), tag("th"))).parse(i)?;
    let (i, _) = blanks1(i)?;
    let (i, lead) = opt(|i| {
        let birth = kw(EN_BIRTH)
            .parse(i)
            .map(|(rest, ())| (rest, Action::Birth));
        let (rest, lead) = birth.or_else(|_: nom::Err<_>| {
            kw(&["founding", "foundation"])
                .parse(i)
                .map(|(rest, ())| (rest, Action::Founding))
        })?;
        Ok((blanks1(rest)?.0, lead))
    })
    .parse(i)?;
    let (i, _) = (kw(&["anniversary"]), blanks1, kw(&["of"]), blanks1).parse(i)?;
    let (i, event) = best_event(i, |i, event| en_subject(i, event, lead))?;
    Ok((i, Anniversary { event, n }))
}

/// `EsSubject` of `event`.
fn es_subject<'a>(input: &'a str, event: &Event) -> Option<&'a str> {
    let case = Case::Folded;
    let of = |i: &'a str| {
        let (rest, _) = (kw(&["del", "de la", "de los", "de"]), blanks1)
            .parse(i)
            .ok()?;
        Some(rest)
    };
    let lead = |i: &'a str, words: &'static [&'static str]| {
        let (rest, _) = (kw(words), blanks1).parse(i).ok()?;
        of(rest)
    };
    let org = |i: &'a str| i.get(longest(i, event.es, case)?..);
    match event.action {
        Action::Birth => titles_person(
            lead(input, &["del natalicio", "del nacimiento"])?,
            event.es,
            case,
        ),
        Action::Demise => titles_person(
            lead(input, &["del fallecimiento", "de la muerte", "del deceso"])?,
            event.es,
            case,
        ),
        Action::Founding => org(lead(
            input,
            &["de la fundación", "de la creación", "de la formación"],
        )?),
        Action::Other => org(input),
    }
}

/// `Spanish ::= (("el" | "El") " "+)? Digit+ ("º" | "°")? " "+ "aniversario" " "+ EsSubject`
fn spanish(input: &str) -> PResult<'_, Anniversary> {
    let (i, _) = opt((alt((tag("el"), tag("El"))), blanks1)).parse(input)?;
    let (i, n) = count(i)?;
    let (i, _) = opt(alt((tag("º"), tag("°")))).parse(i)?;
    let (i, _) = (blanks1, kw(&["aniversario"]), blanks1).parse(i)?;
    let (i, event) = best_event(i, es_subject)?;
    Ok((i, Anniversary { event, n }))
}

/// `KoSubject` of `event`.
fn ko_subject<'a>(input: &'a str, event: &Event) -> Option<&'a str> {
    let case = Case::Exact;
    let rest = input.get(longest(input, event.ko, case)?..)?;
    let verb: &[&str] = match event.action {
        Action::Birth => &["탄생"],
        Action::Demise => &["서거"],
        Action::Founding | Action::Other => return Some(rest),
    };
    let rest = rest.get(
        longest(
            rest,
            &["동지", "주석", "장군님", "대원수님", "동지의"],
            case,
        )
        .unwrap_or(0)..,
    )?;
    let rest = rest.trim_start_matches(is_blank);
    rest.get(longest(rest, verb, case)?..)
}

/// `Korean ::= KoSubject Blank* Digit+ Blank* ("돐" | "주년" | "주기")`
fn korean(input: &str) -> PResult<'_, Anniversary> {
    let (i, event) = best_event(input, |i, event| {
        // (The subject is the one followed by the number: `조국해방전쟁승리 73돐` is the victory's,
        // not the liberation's.)
        let rest = ko_subject(i, event)?.trim_start_matches(is_blank);
        rest.starts_with(|c: char| c.is_ascii_digit())
            .then_some(rest)
    })?;
    let (i, n) = count(i)?;
    let i = i.trim_start_matches(is_blank);
    let (i, _) = alt((tag("돐"), tag("주년"), tag("주기"))).parse(i)?;
    Ok((i, Anniversary { event, n }))
}

/// Reads an anniversary at the start of `input`: the anniversary and the bytes read. A subject
/// not in [`EVENTS`] gives none.
pub(crate) fn prefix(input: &str) -> Option<(Anniversary, usize)> {
    let (rest, found) = alt((english, spanish, korean)).parse(input).ok()?;
    Some((found, input.len().checked_sub(rest.len())?))
}

/// Reads an anniversary at byte `start` of `text`, checking the text before it: an English or
/// Spanish anniversary starts a word (`81st` holds no `1st`, `65 aniversario` no `5 aniversario`).
pub(crate) fn at(text: &str, start: usize) -> Option<(Anniversary, usize)> {
    let before = text.get(..start)?;
    let input = text.get(start..)?;
    let latin = input.starts_with(|c: char| c.is_ascii_alphanumeric());
    if latin
        && before
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric)
    {
        return None;
    }
    prefix(input)
}

/// The literal words an anniversary holds, for an anchor searcher: English and Spanish
/// anniversaries hold `anniversary`/`aniversario` (the reader starts up to two words before it:
/// `the 110th birth`); Korean ones end with `돐`, `주년` or `주기` (the reader starts at the
/// subject, before the number).
pub(crate) fn anchors() -> &'static [&'static str] {
    &["anniversary", "aniversario", "돐", "주년", "주기"]
}

#[cfg(test)]
mod tests;
