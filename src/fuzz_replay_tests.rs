//! Replays the fuzz inputs on stable `cargo test`: every committed seed (`fuzz/seeds/<target>/`) and
//! every regression (`fuzz/regressions/<target>/`) goes through the same oracle the fuzz target
//! runs (`fuzz/oracles.rs`, included here), chosen by the directory name.
//!
//! Each crash a fuzzer found is also a named test below, with its cause.
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

use std::fs;
use std::path::{Path, PathBuf};

/// The files of `fuzz/<kind>/<target>/`, for each target directory found there.
fn inputs(kind: &str) -> Vec<(String, PathBuf)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz")
        .join(kind);
    let mut found = Vec::new();
    let Ok(targets) = fs::read_dir(&root) else {
        return found;
    };
    for target in targets {
        let target = target.unwrap().path();
        if !target.is_dir() {
            continue;
        }
        let name = target.file_name().unwrap().to_string_lossy().into_owned();
        for file in fs::read_dir(&target).unwrap() {
            let file = file.unwrap().path();
            if file.is_file() {
                found.push((name.clone(), file));
            }
        }
    }
    found.sort();
    found
}

/// Runs every input of `kind` through its target's oracle; returns how many ran.
fn replay(kind: &str) -> usize {
    let inputs = inputs(kind);
    for (target, file) in &inputs {
        let data = fs::read(file).unwrap();
        if !oracles::has_oracle(target) {
            // `fastpath` (its oracle needs `cfg(fuzzing)`): the same differential checks, on the
            // input glued after each of the oracle's prefixes.
            let raw = oracles::text(&data);
            for prefix in oracles::FASTPATH_PREFIXES {
                let text = format!("{prefix}{raw}");
                crate::fastpath_tests::check_all(&text)
                    .unwrap_or_else(|e| panic!("fuzz/{kind}/{target}/{}: {e}", file.display()));
            }
            continue;
        }
        let known = std::panic::catch_unwind(|| oracles::run(target, &data)).unwrap_or_else(|_| {
            panic!(
                "fuzz/{kind}/{target}/{} breaks the oracle (input: {:?})",
                file.file_name().unwrap().to_string_lossy(),
                String::from_utf8_lossy(&data)
            )
        });
        assert!(
            known,
            "{} is under fuzz/{kind}/{target}, which is not a fuzz target (known: {:?})",
            file.display(),
            oracles::TARGETS
        );
    }
    inputs.len()
}

#[test]
fn every_seed_passes_its_oracle() {
    let count = replay("seeds");
    assert!(count >= 30, "only {count} seeds found under fuzz/seeds");
}

#[test]
fn every_regression_passes_its_oracle() {
    replay("regressions");
}

#[test]
fn every_target_has_seeds() {
    let seeds = inputs("seeds");
    for target in oracles::TARGETS {
        assert!(
            seeds.iter().any(|(t, _)| t == target),
            "no seeds under fuzz/seeds/{target}"
        );
    }
}

#[test]
fn targets_match_fuzz_manifest() {
    let manifest =
        fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/Cargo.toml")).unwrap();
    for target in oracles::TARGETS {
        assert!(
            manifest.contains(&format!("name = \"{target}\"")),
            "fuzz/Cargo.toml has no [[bin]] {target}"
        );
        let source = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("fuzz/fuzz_targets")
            .join(format!("{target}.rs"));
        assert!(source.is_file(), "{} is missing", source.display());
    }
}

/// A regression file's bytes.
fn regression(target: &str, name: &str) -> Vec<u8> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz/regressions")
        .join(target)
        .join(name);
    fs::read(&path).unwrap_or_else(|err| panic!("{}: {err}", path.display()))
}

/// Found by the `dateline` target (`\x02\x1dPyangonyngMayNc`: the structured part builds a
/// `February 29` dateline, resolved against +262141-05-29 with no grace). Cause: `resolve` fell
/// back to the previous year's month and day without checking it was within a year, so a
/// February 29 dateline resolved against any date from March 1 to December 31 of the year after a
/// leap year gave that leap year's February 29, more than a year back, where the documented policy
/// says unresolvable. Fixed in `resolve_month_day` (src/dateline.rs).
#[test]
fn regression_dateline_feb29_resolved_more_than_a_year_back() {
    oracles::dateline(&regression(
        "dateline",
        "feb29-resolved-more-than-a-year-back",
    ));
    let ymd = |y, m, d| chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap();
    let leap: kcna_dates::Dateline = "Pyongyang, February 29 (KCNA)".parse().unwrap();
    assert_eq!(leap.resolve(ymd(2025, 2, 26)), Ok(ymd(2024, 2, 29)));
    assert_eq!(
        leap.resolve_with_grace(ymd(2025, 2, 28), 0),
        Ok(ymd(2024, 2, 29))
    );
    assert!(leap.resolve_with_grace(ymd(2025, 3, 1), 0).is_err());
    assert!(leap.resolve(ymd(2025, 3, 5)).is_err());
    assert!(leap.resolve(ymd(2025, 12, 30)).is_err());
}

/// Found by the `article` target (`... -- in May Juche 126 (2017)`). Cause: the oracle, not the
/// library: it required every month reference (`BodyResolution::Month`) to carry its month, but
/// a month whose Juche and Gregorian years disagree has no month. Since month references are
/// notations of `scan`, such a text is an invalid candidate (`month_ref`) with the `YearMismatch`,
/// kept in `invalid`, and never a body date.
#[test]
fn regression_article_month_reference_with_year_mismatch() {
    let data = regression("article", "month-reference-with-year-mismatch");
    oracles::article(&data);
    let text = String::from_utf8(data).unwrap();
    let dated = kcna_dates::date_article(&text, &kcna_dates::ArticleOptions::new());
    assert!(
        dated
            .body_dates
            .iter()
            .all(|b| b.resolution != kcna_dates::BodyResolution::Month)
    );
    let month = dated
        .invalid
        .iter()
        .find(|f| f.kind() == kcna_dates::NotationKind::MonthRef)
        .unwrap();
    assert!(matches!(
        month.error().map(kcna_dates::Error::kind),
        Some(kcna_dates::ErrorKind::YearMismatch {
            juche: 126,
            gregorian: 2017
        })
    ));
}

/// Found by the 10-minute run of the `dateline` target: `(햑 1월1일발발)`, a Korean dateline (place
/// `햑`, agency `발`). Cause: a harness bug, not a library one: the oracle rebuilt every dateline
/// with `Dateline::new`, which makes English datelines, so a Korean place was rejected. The oracle
/// now rebuilds with `Dateline::new_in(edition, …)`.
#[test]
fn regression_dateline_korean_rebuilt_as_english() {
    let data = regression("dateline", "korean-dateline-rebuilt-as-english");
    oracles::dateline(&data);
    let dateline: kcna_dates::Dateline = String::from_utf8(data).unwrap().parse().unwrap();
    assert_eq!(dateline.edition(), kcna_dates::Edition::Korean);
    assert_eq!(
        (dateline.place(), dateline.month(), dateline.day()),
        ("햑", 1, 1)
    );
}

/// Found by the `dateline` target (`on  October 2 (AANC) --`): `Dateline` read a dateline whose
/// place is the word `on`, while `Notation` read `on  October 2` (a day without a year) and stopped
/// there. Cause: a library bug: a lower-case place of one word could be any word. A lower-case
/// place now has at least four letters (`pyongyang`, a cut `yongyang`), and where both could match,
/// `Notation` tries the dateline first.
#[test]
fn regression_dateline_lower_case_place_on_before_a_month() {
    let data = regression("dateline", "lower-case-place-on-before-a-month");
    oracles::dateline(&data);
    oracles::notation(&data);
    assert!(
        "on  October 2 (AANC) --"
            .parse::<kcna_dates::Dateline>()
            .is_err()
    );
    assert!(
        "pyongyang, October 2 (AANC) --"
            .parse::<kcna_dates::Dateline>()
            .is_ok()
    );
    // With a comma, a capitalised `El` is a place; without one, `El 15 de junio` is a day.
    let n: kcna_dates::Notation = "El, 15 de junio (ACNC)".parse().unwrap();
    assert_eq!(n.kind(), kcna_dates::NotationKind::Dateline);
    let (n, len) = kcna_dates::Notation::parse_prefix("El 15 de junio (ACNC)").unwrap();
    assert_eq!(
        (n.kind(), len),
        (kcna_dates::NotationKind::SpanishDayRef, 14)
    );
}

/// Found by the `notation` target (`el 15 de junio y los dias 25 y 30 de agosto`). Cause: the
/// oracle, not the library: it expected every notation but datelines and bare years to give a date,
/// and the days without a year are notations now.
#[test]
fn regression_notation_spanish_day_without_year_has_no_date() {
    let data = regression("notation", "spanish-day-without-year-has-no-date");
    oracles::notation(&data);
    let (n, _) = kcna_dates::Notation::parse_prefix(std::str::from_utf8(&data).unwrap()).unwrap();
    assert_eq!(n.kind(), kcna_dates::NotationKind::SpanishDayRef);
    assert_eq!(n.date(), None);
}

/// Found by the `dateline` target (`Juche 16 de noviembre(atcc)  -`): `Dateline` read a Spanish
/// dateline whose place `Juche` has no comma after it, while `Notation` read the Juche year
/// `Juche 16`. Cause: a library bug: without a comma, a number after the place made a dateline.
/// Without a comma, only a month name may now follow the place (`Pyongyang February 19 (KCNA)`).
#[test]
fn regression_dateline_juche_place_without_comma_before_a_spanish_day() {
    let data = regression("dateline", "juche-place-without-comma-before-a-spanish-day");
    oracles::dateline(&data);
    oracles::notation(&data);
    assert!(
        "Juche 16 de noviembre (atcc)"
            .parse::<kcna_dates::Dateline>()
            .is_err()
    );
    assert!(
        "Juche, 16 de noviembre (atcc)"
            .parse::<kcna_dates::Dateline>()
            .is_ok()
    );
}
