//! Runs the built `kcna-dates` binary on the fixtures in `tests/fixtures/`.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    clippy::string_slice
)]

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Stdio};

use serde_json::Value;

const BIN: &str = env!("CARGO_BIN_EXE_kcna-dates");

fn fixture(name: &str) -> String {
    let path: PathBuf = [env!("CARGO_MANIFEST_DIR"), "tests", "fixtures", name]
        .iter()
        .collect();
    path.to_string_lossy().into_owned()
}

fn sample_page() -> String {
    let path: PathBuf = [
        env!("CARGO_MANIFEST_DIR"),
        "..",
        "examples",
        "kcna_watch_page.txt",
    ]
    .iter()
    .collect();
    path.to_string_lossy().into_owned()
}

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

impl Run {
    /// Every stdout line as JSON.
    fn json_lines(&self) -> Vec<Value> {
        self.stdout
            .lines()
            .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
            .collect()
    }

    fn json(&self) -> Value {
        let lines = self.json_lines();
        assert_eq!(lines.len(), 1, "{}", self.stdout);
        lines.into_iter().next().unwrap()
    }
}

fn run(args: &[&str], stdin: Option<Vec<u8>>) -> Run {
    let mut child = Command::new(BIN)
        .args(args)
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run kcna-dates");
    let writer = stdin.map(|input| {
        let mut pipe = child.stdin.take().unwrap();
        std::thread::spawn(move || pipe.write_all(&input).unwrap())
    });
    let out = child.wait_with_output().unwrap();
    if let Some(writer) = writer {
        writer.join().unwrap();
    }
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8(out.stdout).unwrap(),
        stderr: String::from_utf8(out.stderr).unwrap(),
    }
}

#[test]
fn parse_juche_stamp() {
    let r = run(&["parse", "Juche111.11.8."], None);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let v = r.json();
    assert_eq!(v["kind"], "juche_stamp");
    assert_eq!(v["date"], "2022-11-08");
    assert_eq!(v["juche"], "Juche111.11.8.");
    assert_eq!(v["text"], "Juche111.11.8.");
    assert_eq!(v["juche_year"], 111);
}

#[test]
fn parse_dateline_fields() {
    let r = run(&["parse", "Pyongyang, November 8 (KCNA) --"], None);
    assert_eq!(r.code, 0);
    let v = r.json();
    assert_eq!(v["kind"], "dateline");
    assert_eq!(v["date"], Value::Null);
    assert_eq!(v["juche"], Value::Null);
    assert_eq!(v["place"], "Pyongyang");
    assert_eq!(v["month"], 11);
    assert_eq!(v["day"], 8);
    assert_eq!(v["agency"], "KCNA");
}

#[test]
fn parse_month_name_weekday_and_dmy() {
    let v = run(&["parse", "Feb. 19, 2026 Thursday"], None).json();
    assert_eq!(v["kind"], "month_name");
    assert_eq!(v["date"], "2026-02-19");
    assert_eq!(v["weekday"], "Thursday");
    assert_eq!(v["juche"], "Juche115.2.19.");

    let v = run(&["parse", "08/11/2022"], None).json();
    assert_eq!(v["kind"], "dmy");
    assert_eq!(v["date"], "2022-11-08");
}

#[test]
fn parse_before_juche_has_no_juche_form() {
    let v = run(&["parse", "May 1, 1900"], None).json();
    assert_eq!(v["date"], "1900-05-01");
    assert_eq!(v["juche"], Value::Null);
}

#[test]
fn parse_error_object_and_exit_code() {
    let r = run(&["parse", "31/04/2024"], None);
    assert_eq!(r.code, 1);
    let v = r.json();
    assert_eq!(
        v["error"],
        "day 31 is out of range for April, expected 1 to 30"
    );
    assert_eq!(v["kind"], "day_out_of_range");
    assert_eq!(v["start"], 0);
    assert_eq!(v["end"], 2);

    let r = run(&["parse", "Juche111.11."], None);
    assert_eq!(r.code, 1);
    let v = r.json();
    assert_eq!(v["kind"], "expected");
    assert_eq!(v["start"], 12);
}

#[test]
fn scan_plain_file_jsonl() {
    let path = fixture("scan.txt");
    let r = run(&["scan", &path], None);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let found = r.json_lines();
    assert_eq!(found.len(), 3);
    assert_eq!(found[0]["kind"], "dateline");
    assert_eq!(found[0]["start"], 0);
    assert_eq!(found[0]["valid"], true);
    assert_eq!(found[1]["kind"], "dmy");
    assert_eq!(found[1]["text"], "31/02/2022");
    assert_eq!(found[1]["valid"], false);
    assert_eq!(found[1]["date"], Value::Null);
    assert!(found[1]["error"].as_str().unwrap().contains("February"));
    // Offsets are in the file, across lines.
    assert_eq!(found[2]["line"], 2);
    assert_eq!(found[2]["text"], "Juche111.11.8.");
    let text = std::fs::read_to_string(&path).unwrap();
    let (s, e) = (
        found[2]["start"].as_u64().unwrap() as usize,
        found[2]["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(&text[s..e], "Juche111.11.8.");
    assert_eq!(found[2]["date"], "2022-11-08");
    assert_eq!(found[2]["file"], path.as_str());
    assert!(r.stderr.contains("3 notations"), "{}", r.stderr);
}

#[test]
fn scan_reads_stdin() {
    let r = run(
        &["scan"],
        Some(b"see Juche113.2.12. and 2024.02.11.".to_vec()),
    );
    assert_eq!(r.code, 0);
    let found = r.json_lines();
    assert_eq!(found.len(), 2);
    assert_eq!(found[0]["file"], "-");
    assert_eq!(found[1]["kind"], "dotted_stamp");
    assert_eq!(found[1]["date"], "2024-02-11");
}

#[test]
fn date_sample_page() {
    let r = run(&["date", &sample_page()], None);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let v = r.json();
    assert_eq!(v["line"], 1);
    assert_eq!(v["publication_date"], "2022-11-08");
    assert_eq!(v["conflicts"].as_array().unwrap().len(), 0);
    assert_eq!(v["source"]["role"], "page_stamp");
    assert_eq!(v["source"]["text"], "Juche111.11.8.");
    let roles: Vec<&str> = v["signals"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["role"].as_str().unwrap())
        .collect();
    assert_eq!(
        roles,
        [
            "header",
            "header",
            "day_first_stamp",
            "dateline",
            "page_stamp"
        ]
    );
    for s in v["signals"].as_array().unwrap() {
        assert_eq!(s["date"], "2022-11-08");
    }
    let body = v["body_dates"].as_array().unwrap();
    assert!(
        body.iter()
            .any(|b| b["text"] == "Monday" && b["date"] == "2022-11-07"),
        "{body:?}"
    );
    assert!(body.iter().any(|b| b["resolution"] == "month_day"));
    assert!(
        r.stderr
            .contains("1 records, 1 dated, 0 with conflicts, 0 errors")
    );
}

#[test]
fn date_jsonl_with_id_and_reference_field() {
    let r = run(
        &[
            "date",
            "--jsonl",
            "--id-field",
            "id",
            "--reference-field",
            "crawled",
            &fixture("records.jsonl"),
        ],
        None,
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let out = r.json_lines();
    assert_eq!(out.len(), 4);
    let ids: Vec<&str> = out.iter().map(|v| v["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["r1", "r2", "r3", "r4"]);
    let lines: Vec<u64> = out.iter().map(|v| v["line"].as_u64().unwrap()).collect();
    assert_eq!(lines, [1, 2, 3, 4]);

    assert_eq!(out[0]["reference"], "2022-11-09");
    assert_eq!(out[0]["publication_date"], "2022-11-08");
    assert_eq!(out[0]["source"]["role"], "dateline");
    assert_eq!(out[0]["body_dates"][0]["date"], "2022-11-07");

    // The stamp wins; the dateline disagrees and it is said, with both texts.
    assert_eq!(out[1]["publication_date"], "2024-02-12");
    let conflict = &out[1]["conflicts"][0];
    assert_eq!(conflict["days"], -2);
    assert_eq!(conflict["first_text"], "Juche113.2.12.");
    assert_eq!(conflict["second_date"], "2024-02-10");

    // A dateline crossing the year: resolved into the year before the reference.
    assert_eq!(out[2]["publication_date"], "2023-12-31");

    // No reference field: the dateline has no year.
    assert_eq!(out[3]["publication_date"], Value::Null);
    assert_eq!(out[3]["signals"][0]["date"], Value::Null);
    assert!(out[3]["signals"][0]["error"].as_str().is_some());
}

#[test]
fn date_jsonl_with_fixed_reference_and_offset() {
    let r = run(
        &[
            "date",
            "--jsonl",
            "--id-field",
            "id",
            "--reference",
            "2023-05-01",
            "--reference-offset-days",
            "10",
            &fixture("records.jsonl"),
        ],
        None,
    );
    assert_eq!(r.code, 0);
    let out = r.json_lines();
    assert_eq!(out[3]["reference"], "2023-05-11");
    assert_eq!(out[3]["publication_date"], "2023-05-07");
}

#[test]
fn bad_lines_give_error_objects_and_the_run_goes_on() {
    let r = run(
        &["date", "--jsonl", "--id-field", "id", &fixture("bad.jsonl")],
        None,
    );
    assert_eq!(r.code, 1);
    let out = r.json_lines();
    assert_eq!(out.len(), 7, "{}", r.stdout);
    let lines: Vec<u64> = out.iter().map(|v| v["line"].as_u64().unwrap()).collect();
    assert_eq!(lines, [1, 2, 3, 4, 5, 6, 7]);
    // Good records.
    assert_eq!(out[0]["id"], "a");
    assert_eq!(out[0]["publication_date"], "2023-03-03");
    assert_eq!(out[2]["publication_date"], "2022-11-08");
    assert_eq!(out[6]["id"], "g");
    // Bad JSON.
    assert!(out[1]["error"].as_str().unwrap().starts_with("bad JSON"));
    // A missing field.
    assert_eq!(out[3]["error"], "missing field `text`");
    // A non-string field.
    assert_eq!(
        out[4]["error"],
        "field `text` is a number, expected a string"
    );
    // Invalid UTF-8.
    assert!(out[5]["error"].as_str().unwrap().contains("invalid UTF-8"));
    for i in [1, 3, 4, 5] {
        assert!(out[i].get("publication_date").is_none());
    }
    assert!(r.stderr.contains("7 records"), "{}", r.stderr);
    assert!(r.stderr.contains("4 errors"), "{}", r.stderr);
}

#[test]
fn scan_jsonl_bad_lines() {
    let r = run(&["scan", "--jsonl", &fixture("bad.jsonl")], None);
    assert_eq!(r.code, 1);
    let out = r.json_lines();
    let errors: Vec<u64> = out
        .iter()
        .filter(|v| v.get("error").is_some_and(|e| e.is_string()) && v.get("kind").is_none())
        .map(|v| v["line"].as_u64().unwrap())
        .collect();
    assert_eq!(errors, [2, 4, 5, 6]);
    assert!(
        out.iter()
            .any(|v| v["line"] == 7 && v["kind"] == "juche_stamp")
    );
}

#[test]
fn missing_file_is_an_error_object_and_the_run_goes_on() {
    let r = run(
        &[
            "date",
            "/nonexistent/kcna-dates-missing.txt",
            &sample_page(),
        ],
        None,
    );
    assert_eq!(r.code, 1);
    let out = r.json_lines();
    assert_eq!(out.len(), 2);
    assert!(out[0]["error"].as_str().unwrap().contains("cannot open"));
    assert_eq!(out[0]["file"], "/nonexistent/kcna-dates-missing.txt");
    assert_eq!(out[1]["publication_date"], "2022-11-08");
}

#[test]
fn plain_file_with_invalid_utf8_is_an_error_object() {
    let r = run(&["date"], Some(b"line one\nJuche111.11.8. \xff\n".to_vec()));
    assert_eq!(r.code, 1);
    let v = r.json();
    assert_eq!(v["line"], 1);
    assert!(v["error"].as_str().unwrap().contains("(line 2)"), "{v}");
}

#[test]
fn date_reads_stdin_as_one_article() {
    let page = std::fs::read(sample_page()).unwrap();
    let r = run(&["date"], Some(page));
    assert_eq!(r.code, 0);
    let v = r.json();
    assert_eq!(v["file"], "-");
    assert_eq!(v["publication_date"], "2022-11-08");
}

#[test]
fn order_is_kept_across_many_records() {
    let mut input = String::new();
    for i in 0..5000u32 {
        // Varied lengths so that the threads finish out of order.
        let day = i % 28 + 1;
        let filler = "word ".repeat((i % 97) as usize * 4);
        let record = serde_json::json!({
            "n": i,
            "text": format!("Pyongyang, March {day} (KCNA) -- {filler} (Juche112.3.{day}.)"),
        });
        input.push_str(&record.to_string());
        input.push('\n');
        if i == 2500 {
            input.push_str("{not json\n");
        }
    }
    for threads in ["1", "2", "3"] {
        let r = run(
            &[
                "date",
                "--jsonl",
                "--id-field",
                "n",
                "--threads",
                threads,
                "-",
            ],
            Some(input.clone().into_bytes()),
        );
        assert_eq!(r.code, 1);
        let out = r.json_lines();
        assert_eq!(out.len(), 5001);
        let mut n = 0u64;
        for (i, v) in out.iter().enumerate() {
            assert_eq!(v["line"], i as u64 + 1);
            if v.get("error").is_some() {
                assert_eq!(v["line"], 2502);
                continue;
            }
            assert_eq!(v["id"], n);
            let day = n % 28 + 1;
            assert_eq!(v["publication_date"], format!("2023-03-{day:02}"));
            n += 1;
        }
        assert!(
            r.stderr.contains("5001 records, 5000 dated"),
            "{}",
            r.stderr
        );
    }
}

#[test]
fn eval_counts() {
    let r = run(
        &[
            "eval",
            "--json",
            "--id-field",
            "url",
            "--reference-field",
            "known_date",
            &fixture("eval.jsonl"),
        ],
        None,
    );
    assert_eq!(r.code, 1, "the bad known_date is an error");
    let out = r.json_lines();
    let error = out.iter().find(|v| v.get("error").is_some()).unwrap();
    assert_eq!(error["line"], 6);
    let total = &out.last().unwrap()["total"];
    assert_eq!(total["records"], 7);
    assert_eq!(total["with_known_date"], 5);
    assert_eq!(total["dated"], 4);
    assert_eq!(total["dated_exactly"], 2);
    assert_eq!(total["dated_wrongly_with_conflict"], 1);
    assert_eq!(total["dated_wrongly_without_conflict"], 1);
    assert_eq!(total["not_dated"], 1);
    assert_eq!(total["errors"], 1);
}

#[test]
fn eval_without_reference_and_show_wrong() {
    let r = run(
        &[
            "eval",
            "--show-wrong",
            "--id-field",
            "url",
            &fixture("eval.jsonl"),
        ],
        None,
    );
    assert_eq!(r.code, 1);
    // The table, then one JSON line.
    let last: Value = serde_json::from_str(r.stdout.lines().last().unwrap()).unwrap();
    let total = &last["total"];
    // Without a reference only the records with a stamp are dated.
    assert_eq!(total["dated"], 2);
    assert_eq!(total["dated_exactly"], 1);
    assert_eq!(total["dated_wrongly_with_conflict"], 1);
    assert_eq!(total["not_dated"], 3);
    assert!(r.stdout.contains("records"), "{}", r.stdout);
    let wrong: Vec<&str> = r
        .stdout
        .lines()
        .filter(|l| l.starts_with("wrong\t"))
        .collect();
    assert_eq!(wrong.len(), 1);
    assert!(wrong[0].contains("u/conflict") && wrong[0].contains("\tconflict\t"));

    let r = run(
        &[
            "eval",
            "--json",
            "--show-wrong",
            "--reference-field",
            "known_date",
            &fixture("eval.jsonl"),
        ],
        None,
    );
    let wrong: Vec<Value> = r
        .json_lines()
        .into_iter()
        .filter(|v| v.get("wrong").is_some())
        .collect();
    assert_eq!(wrong.len(), 2);
    assert_eq!(wrong[1]["url"], "u/wrong");
    assert_eq!(wrong[1]["known_date"], "2024-02-12");
    assert_eq!(wrong[1]["publication_date"], "2024-02-10");
    assert_eq!(wrong[1]["conflict"], false);
    assert_eq!(wrong[1]["days"], -2);
}

#[test]
fn eval_reference_offset() {
    // A reference 30 days after the known date still resolves the datelines to it.
    let r = run(
        &[
            "eval",
            "--json",
            "--reference-field",
            "known_date",
            "--reference-offset-days",
            "30",
            &fixture("eval.jsonl"),
        ],
        None,
    );
    let out = r.json_lines();
    let total = &out.last().unwrap()["total"];
    assert_eq!(total["dated_exactly"], 2);
}

#[test]
fn no_progress_bar_on_a_pipe() {
    let r = run(&["date", &sample_page()], None);
    assert_eq!(r.stderr.lines().count(), 1, "{}", r.stderr);
}
