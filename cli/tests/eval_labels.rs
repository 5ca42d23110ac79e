//! `kcna-dates eval --labels`: a tiny corpus and labels file written here, scored by the binary.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    clippy::string_slice
)]

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::{Value, json};

const BIN: &str = env!("CARGO_BIN_EXE_kcna-dates");

const EN_TEXT: &str = "Pyongyang, November 17 (KCNA) -- The delegation arrived here on Monday. \
    The report is due on December 20. The meeting was held on November 3 and on \
    November 5. It left the day before. It met in October 2012.";

const KO_TEXT: &str = "(평양 7월 18일발 조선중앙통신) 회의는 7월 17일에 열렸다. 그저께 발표하였다.";

/// A labelled expression: `needle` found in `text` (character offsets).
fn expr(text: &str, needle: &str, kind: &str, value: Value, tense: &str) -> Value {
    let byte = text.find(needle).unwrap_or_else(|| panic!("{needle}"));
    let start = text[..byte].chars().count();
    let precision = if kind == "month" { "month" } else { "day" };
    json!({"text": needle, "start": start, "end": start + needle.chars().count(),
           "precision": precision, "value": value, "kind": kind, "tense": tense})
}

/// A fresh directory `corpus/` with `labels/` in it, under the target's temporary directory.
fn corpus(name: &str) -> PathBuf {
    let dir: PathBuf = [env!("CARGO_TARGET_TMPDIR"), name, "corpus"]
        .iter()
        .collect();
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("labels")).unwrap();
    // An English file with ids (and a record of no interest), a Korean one with urls only.
    let en = [
        json!({"id": "other", "lang": "en", "text": "Nothing here."}),
        json!({"id": "en-1", "lang": "en", "text": EN_TEXT}),
    ];
    let ko = [json!({"url": "http://ko/1", "lang": "ko", "text": KO_TEXT})];
    let lines = |records: &[Value]| records.iter().map(|r| format!("{r}\n")).collect::<String>();
    std::fs::write(dir.join("tiny_en.jsonl"), lines(&en)).unwrap();
    std::fs::write(dir.join("tiny_ko.jsonl"), lines(&ko)).unwrap();
    dir
}

/// The labels of both articles: the English one leaves `November 5` out on purpose (so that it
/// is invented) and labels `the day before` (missed); `December 20` is future (read as past: wrong).
fn label_lines() -> Vec<String> {
    let en = json!({"file": "tiny_en.jsonl", "id": "en-1", "lang": "en",
    "publication_date": "2012-11-17", "complete": true, "expressions": [
        expr(EN_TEXT, "November 17", "dateline", json!("2012-11-17"), "none"),
        expr(EN_TEXT, "Monday", "weekday", json!("2012-11-12"), "past"),
        expr(EN_TEXT, "December 20", "month_day", json!("2012-12-20"), "future"),
        expr(EN_TEXT, "November 3", "month_day", json!("2012-11-03"), "past"),
        expr(EN_TEXT, "the day before", "relative_day", json!("2012-11-16"), "past"),
        expr(EN_TEXT, "October 2012", "month", json!("2012-10"), "past"),
    ]});
    let ko = json!({"file": "tiny_ko.jsonl", "id": "http://ko/1", "lang": "ko",
    "publication_date": "2026-07-18", "complete": true, "expressions": [
        expr(KO_TEXT, "7월 18일", "dateline", json!("2026-07-18"), "none"),
        expr(KO_TEXT, "7월 17일", "month_day", json!("2026-07-17"), "past"),
        expr(KO_TEXT, "그저께", "relative_day", json!("2026-07-16"), "past"),
    ]});
    vec![en.to_string(), ko.to_string()]
}

fn write_labels(dir: &Path, lines: &[String]) -> String {
    let path = dir.join("labels").join("tiny.jsonl");
    std::fs::write(&path, lines.join("\n") + "\n").unwrap();
    path.to_string_lossy().into_owned()
}

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

fn run(args: &[&str]) -> Run {
    let out = Command::new(BIN).args(args).output().unwrap();
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8(out.stdout).unwrap(),
        stderr: String::from_utf8(out.stderr).unwrap(),
    }
}

fn kind<'a>(lang: &'a Value, kind: &str) -> &'a Value {
    lang["kinds"]
        .as_array()
        .unwrap()
        .iter()
        .find(|k| k["kind"] == kind)
        .unwrap_or_else(|| panic!("no kind {kind} in {lang}"))
}

#[test]
fn json_scores_both_languages() {
    let dir = corpus("json");
    let labels = write_labels(&dir, &label_lines());
    let r = run(&["eval", "--labels", &labels, "--json"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let lines: Vec<&str> = r.stdout.lines().collect();
    assert_eq!(lines.len(), 1, "one JSON object only: {}", r.stdout);
    let v: Value = serde_json::from_str(lines[0]).unwrap();
    assert_eq!(v["records"], 2);
    assert_eq!(v["scored"], 2);
    assert_eq!(v["errors"], json!([]));
    let langs = v["languages"].as_array().unwrap();
    assert_eq!(langs.len(), 2);
    let (en, ko) = (&langs[0], &langs[1]);
    assert_eq!((&en["lang"], &ko["lang"]), (&json!("en"), &json!("ko")));
    // English: Monday, December 20 (wrong, future), November 3 found; the day before missed.
    let t = &en["total"];
    assert_eq!(
        (&t["day_labels"], &t["day_found"], &t["day_right"]),
        (&json!(4), &json!(3), &json!(2))
    );
    assert_eq!(
        (&t["future_labels"], &t["future_found"], &t["future_right"]),
        (&json!(1), &json!(1), &json!(0))
    );
    assert_eq!(
        (&t["month_labels"], &t["month_found"]),
        (&json!(1), &json!(1))
    );
    // Monday, December 20, November 3, November 5 (invented), October 2012.
    assert_eq!((&t["reported"], &t["invented"]), (&json!(5), &json!(1)));
    assert_eq!(t["invented_share"], 0.2);
    assert_eq!(kind(en, "month_day")["invented"], 1);
    assert_eq!(kind(en, "relative_day")["day_found"], 0);
    assert!(
        en["kinds"]
            .as_array()
            .unwrap()
            .iter()
            .all(|k| k["kind"] != "dateline")
    );
    // Korean (matched by url): 7월 17일 right, 18일 missed; the dateline is no body date.
    let t = &ko["total"];
    assert_eq!(
        (&t["day_labels"], &t["day_found"], &t["day_right"]),
        (&json!(2), &json!(1), &json!(1))
    );
    assert_eq!((&t["reported"], &t["invented"]), (&json!(1), &json!(0)));
    assert!(v.get("missed").is_none());
    assert!(
        r.stderr.contains("2 label records read, 2 scored"),
        "{}",
        r.stderr
    );
}

#[test]
fn table_and_misses() {
    let dir = corpus("table");
    let labels = write_labels(&dir, &label_lines());
    let r = run(&["eval", "--labels", &labels, "--misses", "5"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.contains("day recall"), "{}", r.stdout);
    let row = |lang: &str, kind: &str| {
        r.stdout
            .lines()
            .find(|l| l.split_whitespace().take(2).eq([lang, kind]))
            .unwrap_or_else(|| panic!("no {lang} {kind} row: {}", r.stdout))
            .to_owned()
    };
    assert!(
        row("en", "total").contains("3/4 75.0%"),
        "{}",
        row("en", "total")
    );
    assert!(
        row("en", "total").contains("1/5 20.0%"),
        "{}",
        row("en", "total")
    );
    assert!(
        row("ko", "relative_day").contains("0/1 0.0%"),
        "{}",
        row("ko", "relative_day")
    );
    assert!(
        !r.stdout.trim_start().starts_with('{'),
        "no JSON beside the table"
    );
    let missed: Vec<&str> = r
        .stdout
        .lines()
        .filter(|l| l.starts_with("missed"))
        .collect();
    assert_eq!(missed.len(), 2, "{}", r.stdout);
    assert!(missed[0].contains("`the day before`") && missed[0].contains("It left the day before"));
    assert!(missed[1].contains("`그저께`"));
    let wrong: Vec<&str> = r
        .stdout
        .lines()
        .filter(|l| l.starts_with("wrong"))
        .collect();
    assert_eq!(wrong.len(), 1, "{}", r.stdout);
    assert!(wrong[0].contains("`December 20`") && wrong[0].contains("2011-12-20"));
    // --misses with --json: in the object.
    let r = run(&["eval", "--labels", &labels, "--json", "--misses", "1"]);
    let v: Value = serde_json::from_str(r.stdout.trim()).unwrap();
    assert_eq!(v["missed"].as_array().unwrap().len(), 1);
    assert_eq!(v["wrong"][0]["reported"][0]["value"], "2011-12-20");
}

#[test]
fn bad_lines_and_missing_articles_are_errors_and_the_run_goes_on() {
    let dir = corpus("errors");
    let mut lines = label_lines();
    lines.insert(1, "{not json".to_owned());
    lines.push(
        json!({"file": "tiny_en.jsonl", "id": "gone", "lang": "en",
               "publication_date": "2012-11-17", "complete": true, "expressions": []})
        .to_string(),
    );
    lines.push(
        json!({"file": "nowhere.jsonl", "id": "x", "lang": "en",
               "publication_date": "2012-11-17", "complete": true, "expressions": []})
        .to_string(),
    );
    let labels = write_labels(&dir, &lines);
    let r = run(&["eval", "--labels", &labels, "--json"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    let v: Value = serde_json::from_str(r.stdout.trim()).unwrap();
    assert_eq!(v["scored"], 2, "{v}");
    let errors = v["errors"].as_array().unwrap();
    let lines: Vec<&Value> = errors.iter().map(|e| &e["line"]).collect();
    assert_eq!(lines, [2, 4, 5]);
    assert!(
        errors[1]["error"]
            .as_str()
            .unwrap()
            .contains("no article `gone`")
    );
    assert!(
        errors[2]["error"]
            .as_str()
            .unwrap()
            .contains("nowhere.jsonl")
    );
    assert!(
        r.stderr.contains("tiny.jsonl:2: not a label record"),
        "{}",
        r.stderr
    );
}

#[test]
fn corpus_dir_is_given_or_the_labels_grandparent() {
    let dir = corpus("dir");
    // The labels elsewhere: the default corpus directory has no such files.
    let elsewhere = dir.parent().unwrap().join("elsewhere").join("labels");
    std::fs::create_dir_all(&elsewhere).unwrap();
    let path = elsewhere.join("tiny.jsonl");
    std::fs::write(&path, label_lines().join("\n")).unwrap();
    let path = path.to_string_lossy().into_owned();
    let r = run(&["eval", "--labels", &path, "--json"]);
    assert_eq!(r.code, 1);
    let r = run(&[
        "eval",
        "--labels",
        &path,
        "--json",
        "--corpus-dir",
        dir.to_str().unwrap(),
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let v: Value = serde_json::from_str(r.stdout.trim()).unwrap();
    assert_eq!(v["scored"], 2);
}

#[test]
fn labels_do_not_mix_with_the_publication_date_options() {
    let dir = corpus("conflicts");
    let labels = write_labels(&dir, &label_lines());
    let r = run(&["eval", "--labels", &labels, "some.jsonl"]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    let r = run(&["eval", "--labels", &labels, "--known-field", "x"]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    let r = run(&["eval", "--misses", "3", "some.jsonl"]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    let r = run(&["eval", "--labels", "/no/such/labels.jsonl"]);
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("/no/such/labels.jsonl"), "{}", r.stderr);
}

#[test]
fn several_labels_files_make_one_table() {
    let dir = corpus("several");
    let lines = label_lines();
    let en = dir.join("labels").join("en.jsonl");
    let ko = dir.join("labels").join("ko.jsonl");
    std::fs::write(&en, &lines[0]).unwrap();
    std::fs::write(&ko, &lines[1]).unwrap();
    let (en, ko) = (en.to_str().unwrap(), ko.to_str().unwrap());
    let r = run(&["eval", "--labels", en, "--labels", ko, "--json"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let v: Value = serde_json::from_str(r.stdout.trim()).unwrap();
    assert_eq!(v["scored"], 2);
    assert_eq!(v["labels"].as_array().unwrap().len(), 2);
    assert_eq!(v["languages"].as_array().unwrap().len(), 2);
    // A labels file that cannot be read is an error; the others are scored all the same.
    let r = run(&[
        "eval",
        "--labels",
        en,
        "--labels",
        "/no/such/labels.jsonl",
        "--json",
    ]);
    assert_eq!(r.code, 1);
    let v: Value = serde_json::from_str(r.stdout.trim()).unwrap();
    assert_eq!(v["scored"], 1);
    assert_eq!(v["errors"][0]["file"], "/no/such/labels.jsonl");
    assert_eq!(v["errors"][0]["line"], Value::Null);
}
