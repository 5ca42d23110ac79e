//! The English and Spanish dateline grammar (`Dateline`, `DayAfterPlace`, `EnglishDay`,
//! `SpanishDay` and `Separator` of the grammar block in [`super`]), written with nom's
//! combinators, and its reading into a [`Dateline`].

use nom::Parser;
use nom::branch::alt;
use nom::bytes::complete::{take_while, take_while_m_n};
use nom::combinator::{cut, map, map_opt, opt, recognize};
use nom::sequence::{preceded, terminated};

use super::place::dateline_place;
use super::tags::agency;
use super::words::{ascii_no_case, month_word};
use super::{Dateline, Edition, Raw, Text};
use crate::error::Expected;
use crate::grammar::runtime::{
    Number, PResult, Prefix, check_day, digits, expect, lit, spaces, spaces0,
};
use crate::grammar::spanish::spanish_month;

/// `Dateline ::= Place DayAfterPlace " "* "(" " "* Agency " "* ")" Separator?`
///
/// A tag of the closed list after `(` commits the text to being a dateline (`cut`): `Pyongyang,
/// November 8 (KCNA` is an invalid dateline that lacks its `)`. Before the tag, the text may be
/// anything else (`Pyongyang, November 8 (see below)`).
fn grammar(input: &str) -> PResult<'_, Raw<'_>> {
    map(
        (
            dateline_place,
            day_after_place,
            spaces0,
            lit("("),
            spaces0,
            agency,
            cut((spaces0, lit(")"))),
            opt(separator),
        ),
        |(place, (month, day, edition), _, _, _, agency, _, _)| Raw {
            edition,
            place,
            month,
            day,
            agency,
        },
    )
    .parse(input)
}

/// `DayAfterPlace ::= " "+ EnglishDay | " "* "," " "* (EnglishDay | SpanishDay)`
///
/// Without a comma only a month name may follow the place (`Pyongyang February 19`): a number
/// there is no dateline (`Juche 16 de noviembre` is a Juche year and words).
fn day_after_place(input: &str) -> PResult<'_, (u32, &str, Edition)> {
    alt((
        // With no blank after the place either, what is missing is the comma.
        preceded(expect(Expected::Literal(","), spaces), english_day),
        preceded(
            (spaces0, lit(","), spaces0),
            alt((english_day, spanish_day)),
        ),
    ))
    .parse(input)
}

/// `EnglishDay ::= MonthName ","? " "+ Day`
fn english_day(input: &str) -> PResult<'_, (u32, &str, Edition)> {
    map(
        (
            any_case_month,
            opt(lit(",")),
            spaces,
            digits(1, 2, Expected::Day),
        ),
        |(month, _, _, day)| (month, day, Edition::English),
    )
    .parse(input)
}

/// The longest English month name, in letters (`September`).
const LONGEST_MONTH_NAME: usize = 9;

/// `MonthName ::= (FullMonthName | Abbreviation) "."?`, in any case, as [`month_word`] reads it.
fn any_case_month(input: &str) -> PResult<'_, u32> {
    terminated(
        expect(
            Expected::MonthName,
            // A word one letter longer than any month name is read whole enough to be refused.
            map_opt(
                take_while_m_n(1, LONGEST_MONTH_NAME.saturating_add(1), |c: char| {
                    c.is_ascii_alphabetic()
                }),
                month_word,
            ),
        ),
        opt(lit(".")),
    )
    .parse(input)
}

/// `SpanishDay ::= (Day | "primero") " de " SpanishMonth` (`primero` and the month in any case)
fn spanish_day(input: &str) -> PResult<'_, (u32, &str, Edition)> {
    map(
        (
            alt((digits(1, 2, Expected::Day), ascii_no_case("primero"))),
            lit(" de "),
            spanish_month,
        ),
        |(day, _, month)| (month, day, Edition::Spanish),
    )
    .parse(input)
}

/// Whether `c` is a blank around the separator: space, tab or no-break space.
fn is_blank(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\u{a0}')
}

/// `Blank*`
fn blanks(input: &str) -> PResult<'_, &str> {
    take_while(is_blank).parse(input)
}

/// `Separator ::= Blank* ("--" | "-" | "–" | "—") Blank*`
pub(super) fn separator(input: &str) -> PResult<'_, &str> {
    recognize((
        blanks,
        alt((lit("--"), lit("-"), lit("\u{2013}"), lit("\u{2014}"))),
        blanks,
    ))
    .parse(input)
}

/// Reads an English or Spanish dateline at the start of `input`.
pub(crate) fn prefix(input: &str) -> Prefix<Dateline> {
    Prefix::run(input, grammar, |raw| {
        let mut number = Number::new(input, raw.day);
        if raw.day.eq_ignore_ascii_case("primero") {
            number.value = Some(1);
        }
        let day = check_day(raw.month, &number)?;
        Ok(Dateline {
            edition: raw.edition,
            place: Text::new(raw.place),
            month: raw.month,
            day,
            agency: Text::new(raw.agency),
        })
    })
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::panic)]

    use super::*;
    use crate::grammar::dateline::testing::{err, ok};

    #[test]
    fn ok_grammar() {
        let (raw, rest) = ok("Pyongyang, November 8 (KCNA) -- Kim", grammar);
        assert_eq!(
            (raw.edition, raw.place, raw.month, raw.day, raw.agency, rest),
            (Edition::English, "Pyongyang", 11, "8", "KCNA", "Kim")
        );
        // No separator: the blanks after `)` are not read.
        let (raw, rest) = ok("Pyongyang November 8 ( kcna )  Kim", grammar);
        assert_eq!(
            (raw.place, raw.agency, rest),
            ("Pyongyang", "kcna", "  Kim")
        );
        let (raw, rest) = ok(
            "Pyongyang, 24 de diciembre (ACNC)\u{a0}\u{2014}\u{a0}",
            grammar,
        );
        assert_eq!(
            (raw.edition, raw.month, raw.day, raw.agency, rest),
            (Edition::Spanish, 12, "24", "ACNC", "")
        );
        let (raw, _) = ok("Havana, PRIMERO de Mayo (Corresponsal de la ATCC)", grammar);
        assert_eq!(
            (raw.month, raw.day, raw.agency),
            (5, "PRIMERO", "Corresponsal de la ATCC")
        );
    }

    #[test]
    fn err_grammar() {
        // What comes after the place.
        assert_eq!(err("Hello", grammar), (5, Expected::Literal(","), false));
        assert_eq!(err("hello", grammar), (0, Expected::Place, false));
        assert_eq!(
            err("Pyongyang 24 de diciembre", grammar),
            (10, Expected::MonthName, false)
        );
        assert_eq!(
            err("Pyongyang, Movember 8", grammar),
            (11, Expected::MonthName, false)
        );
        assert_eq!(
            err("Pyongyang, November (KCNA)", grammar),
            (20, Expected::Day, false)
        );
        // Before the tag, nothing is committed: the text may be prose.
        assert_eq!(
            err("Pyongyang, November 8 (see below)", grammar),
            (23, Expected::Agency, false)
        );
        assert_eq!(
            err("Pyongyang, November 8 KCNA", grammar),
            (22, Expected::Literal("("), false)
        );
        // After the tag, the `)` is what is missing.
        assert_eq!(
            err("Pyongyang, November 8 (KCNA", grammar),
            (27, Expected::Literal(")"), true)
        );
        assert_eq!(
            err("Pyongyang, November 8 (KCNA reported)", grammar),
            (28, Expected::Literal(")"), true)
        );
        // A tag followed by more letters is no tag.
        assert_eq!(
            err("Pyongyang, November 8 (KCNAx)", grammar),
            (23, Expected::Agency, false)
        );
    }

    #[test]
    fn ok_day_after_place() {
        let day = |s| ok(s, day_after_place);
        assert_eq!(day(", November 8 ("), ((11, "8", Edition::English), " ("));
        assert_eq!(day(" NOV., 08 ("), ((11, "08", Edition::English), " ("));
        assert_eq!(day(" ,  sept 30"), ((9, "30", Edition::English), ""));
        assert_eq!(day(",24 de DICIEMBRE"), ((12, "24", Edition::Spanish), ""));
        assert_eq!(
            day(", primero de mayo"),
            ((5, "primero", Edition::Spanish), "")
        );
    }

    #[test]
    fn err_day_after_place() {
        let day = |s| err(s, day_after_place);
        assert_eq!(day("November 8"), (0, Expected::Literal(","), false));
        assert_eq!(day(" 24 de diciembre"), (1, Expected::MonthName, false));
        assert_eq!(day(", Septembre 3"), (2, Expected::MonthName, false));
        assert_eq!(day(", November8"), (10, Expected::Space, false));
        assert_eq!(day(", November 123"), (11, Expected::Day, false));
        assert_eq!(day(", 24 diciembre"), (4, Expected::Literal(" de "), false));
        assert_eq!(day(", 24 de dicembre"), (8, Expected::MonthName, false));
    }

    #[test]
    fn ok_separator() {
        assert_eq!(ok(" -- Kim", separator), (" -- ", "Kim"));
        assert_eq!(ok("--Kim", separator), ("--", "Kim"));
        assert_eq!(
            ok("\t\u{2013}\u{a0}Kim", separator),
            ("\t\u{2013}\u{a0}", "Kim")
        );
        assert_eq!(ok(" \u{2014}", separator), (" \u{2014}", ""));
    }

    #[test]
    fn err_separator() {
        assert_eq!(err(" Kim", separator), (1, Expected::Literal("--"), false));
        assert_eq!(err("", separator), (0, Expected::Literal("--"), false));
    }
}
