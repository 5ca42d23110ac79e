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
        // A run that ends before it reads all its input (a directory argument, an option error)
        // closes the pipe: the write's error is no failure of the test, the output says the rest.
        std::thread::spawn(move || {
            let _ = pipe.write_all(&input);
        })
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
    assert_eq!(v["kind"], "out_of_range");
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
    // The library's error form: kind, message and the span of the fault.
    assert_eq!(found[1]["error"]["kind"], "out_of_range");
    assert!(
        found[1]["error"]["message"]
            .as_str()
            .unwrap()
            .contains("February")
    );
    assert_eq!(found[1]["notation"], Value::Null);
    // Offsets are in the line; `offset` is the line's offset in the file.
    assert_eq!(found[2]["line"], 2);
    assert_eq!(found[2]["text"], "Juche111.11.8.");
    assert_eq!(found[2]["notation"], "Juche111.11.8.");
    let text = std::fs::read_to_string(&path).unwrap();
    let offset = found[2]["offset"].as_u64().unwrap() as usize;
    assert_eq!(offset, text.find('\n').unwrap() + 1);
    let (s, e) = (
        offset + found[2]["start"].as_u64().unwrap() as usize,
        offset + found[2]["end"].as_u64().unwrap() as usize,
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
    let source = &v["signals"][v["source"].as_u64().unwrap() as usize];
    assert_eq!(source["role"], "page_stamp");
    assert_eq!(source["text"], "Juche111.11.8.");
    assert_eq!(v["agreeing"].as_array().unwrap().len(), 5);
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
            .contains("1 plain-text article from 1 file, 1 dated, 0 with conflicts, 0 errors"),
        "{}",
        r.stderr
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
    assert_eq!(out[0]["source"], 0);
    assert_eq!(out[0]["signals"][0]["role"], "dateline");
    assert_eq!(out[0]["body_dates"][0]["date"], "2022-11-07");

    // The stamp wins; the dateline disagrees and it is said, with its date and signal.
    assert_eq!(out[1]["publication_date"], "2024-02-12");
    assert_eq!(out[1]["signals"][0]["text"], "Juche113.2.12.");
    let conflict = &out[1]["conflicts"][0];
    assert_eq!(conflict["days"], -2);
    assert_eq!(conflict["date"], "2024-02-10");
    assert_eq!(conflict["signals"], serde_json::json!([1]));
    assert_eq!(out[1]["signals"][1]["kind"], "dateline");

    // A dateline crossing the year: resolved into the year before the reference.
    assert_eq!(out[2]["publication_date"], "2023-12-31");

    // No reference field: the dateline has no year.
    assert_eq!(out[3]["publication_date"], Value::Null);
    assert_eq!(out[3]["signals"][0]["date"], Value::Null);
    assert!(out[3]["signals"][0]["error"]["message"].as_str().is_some());
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
    assert!(
        r.stderr.contains("7 JSON Lines records from 1 file"),
        "{}",
        r.stderr
    );
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
            "text": format!("Pyongyang, March {day} (KCNA) -- {filler}\nwww.kcna.kp (Juche112.3.{day}.)"),
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
            r.stderr
                .contains("5001 JSON Lines records from 1 file, 5000 dated"),
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
    // The table only (the JSON object is for --json): records, known, dated, exact, wrong+c,
    // wrong-c, undated, errors. Without a reference only the records with a stamp are dated.
    assert!(r.stdout.contains("records"), "{}", r.stdout);
    assert!(
        !r.stdout.contains("\"total\""),
        "no JSON beside the table: {}",
        r.stdout
    );
    let row: Vec<&str> = r
        .stdout
        .lines()
        .find(|l| l.ends_with("eval.jsonl"))
        .unwrap()
        .split_whitespace()
        .collect();
    assert_eq!(row[2..7], ["2", "1", "1", "0", "3"], "{}", r.stdout);
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

// ---- issue 14: the CLI as users meet it ----

/// Writes `bytes` to a file named `name` in this test run's scratch folder.
fn scratch(name: &str, bytes: &[u8]) -> String {
    let path: PathBuf = [env!("CARGO_TARGET_TMPDIR"), name].iter().collect();
    std::fs::write(&path, bytes).unwrap();
    path.to_string_lossy().into_owned()
}

const BOM: &[u8] = b"\xEF\xBB\xBF";

fn with_bom(text: &str) -> Vec<u8> {
    [BOM, text.as_bytes()].concat()
}

#[test]
fn byte_order_mark_is_dropped_on_every_input() {
    let records = "{\"id\": \"r1\", \"text\": \"Juche111.11.8.\"}\n{\"id\": \"r2\", \"text\": \"2024.02.11.\"}\n";
    let path = scratch("bom.jsonl", &with_bom(records));
    // JSON Lines file: record 1 is read, not lost to `bad JSON`.
    let r = run(&["date", "--id-field", "id", &path], None);
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    let out = r.json_lines();
    assert_eq!(out.len(), 2);
    assert_eq!(out[0]["id"], "r1");
    assert_eq!(out[0]["publication_date"], "2022-11-08");
    // The same on standard input, for scan and eval.
    let r = run(&["scan", "--jsonl"], Some(with_bom(records)));
    assert_eq!(r.code, 0, "{}", r.stdout);
    assert_eq!(r.json_lines()[0]["date"], "2022-11-08");
    let known = "{\"known_date\": \"2022-11-08\", \"text\": \"Juche111.11.8.\"}\n";
    let r = run(&["eval", "--json"], Some(with_bom(known)));
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    assert_eq!(r.json()["total"]["dated_exactly"], 1);
    // A plain file: the text starts after the mark, and scan's offsets still count file bytes.
    let plain = "Juche111.11.8.\nsee 2024.02.11.\n";
    let path = scratch("bom.txt", &with_bom(plain));
    let r = run(&["date", &path], None);
    assert_eq!(r.code, 0);
    let v = r.json();
    assert_eq!(v["source"], 0);
    assert_eq!(v["signals"][0]["start"], 0);
    assert_eq!(v["signals"][0]["role"], "page_stamp");
    let r = run(&["scan", &path], None);
    let found = r.json_lines();
    let bytes = std::fs::read(&path).unwrap();
    for f in &found {
        let offset = f["offset"].as_u64().unwrap() as usize;
        let (s, e) = (
            offset + f["start"].as_u64().unwrap() as usize,
            offset + f["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(&bytes[s..e], f["text"].as_str().unwrap().as_bytes());
    }
    // The first line's text starts after the mark.
    assert_eq!(found[0]["offset"], 3);
    assert_eq!(found[0]["start"], 0);
    assert_eq!(found.len(), 2);
}

#[test]
fn error_objects_keep_the_id_and_the_reference() {
    let records = concat!(
        "{\"id\": \"n1\", \"text\": null, \"crawled\": \"2022-11-09\"}\n",
        "{\"id\": \"n2\", \"crawled\": \"soon\", \"text\": \"Juche111.11.8.\"}\n",
        "{\"id\": \"n3\", \"body\": \"no text\"}\n",
        "{\"id\": \"n4\", \"text\": \n",
    );
    let r = run(
        &[
            "date",
            "--jsonl",
            "--id-field",
            "id",
            "--reference-field",
            "crawled",
        ],
        Some(records.as_bytes().to_vec()),
    );
    assert_eq!(r.code, 1);
    let out = r.json_lines();
    assert_eq!(out.len(), 4);
    assert_eq!(out[0]["id"], "n1");
    assert_eq!(out[0]["reference"], "2022-11-09");
    assert_eq!(out[0]["line"], 1);
    assert_eq!(out[0]["error"], "field `text` is null, expected a string");
    // The reference itself is bad: the id is kept, the reference is null.
    assert_eq!(out[1]["id"], "n2");
    assert_eq!(out[1]["reference"], Value::Null);
    assert!(out[1]["error"].as_str().unwrap().contains("`soon`"));
    assert_eq!(out[2]["id"], "n3");
    assert_eq!(out[2]["error"], "missing field `text`");
    // Bad JSON: nothing could be read, the fields are there as null.
    assert_eq!(out[3]["id"], Value::Null);
    assert!(out[3]["error"].as_str().unwrap().starts_with("bad JSON"));
    // eval keeps them too.
    let r = run(
        &["eval", "--json", "--id-field", "id"],
        Some(records.as_bytes().to_vec()),
    );
    let out = r.json_lines();
    assert_eq!(out[0]["id"], "n1");
    assert_eq!(out[0]["line"], 1);
}

#[test]
fn reference_field_reads_timestamps_in_pyongyang_time() {
    let text = "Pyongyang, November 8 (KCNA) -- x";
    let records: Vec<String> = [
        serde_json::json!("2022-11-09"),
        serde_json::json!("2022-11-09T10:00:00Z"),
        // 20:00 UTC on the 7th is 05:00 on the 8th in Pyongyang.
        serde_json::json!("2022-11-07T20:00:00Z"),
        serde_json::json!("2022-11-08T00:30:00+09:00"),
        // stiles/north-korea-news: epoch milliseconds at UTC midnight.
        serde_json::json!(1_667_865_600_000i64),
        // Epoch seconds, as a number and as digits.
        serde_json::json!(1_667_865_600i64),
        serde_json::json!("1667865600"),
        serde_json::json!("last Tuesday"),
        serde_json::json!("2022-11-09T10:00:00"),
    ]
    .iter()
    .map(|reference| serde_json::json!({"t": reference, "text": text}).to_string() + "\n")
    .collect();
    let r = run(
        &["date", "--jsonl", "--reference-field", "t"],
        Some(records.concat().into_bytes()),
    );
    assert_eq!(r.code, 1);
    let out = r.json_lines();
    let references: Vec<&Value> = out.iter().map(|v| &v["reference"]).collect();
    assert_eq!(
        references[..7],
        [
            "2022-11-09",
            "2022-11-09",
            "2022-11-08",
            "2022-11-08",
            "2022-11-08",
            "2022-11-08",
            "2022-11-08"
        ]
    );
    for v in &out[..7] {
        assert_eq!(v["publication_date"], "2022-11-08", "{v}");
    }
    // Garbage is still an error, with its line number.
    assert_eq!(out[7]["line"], 8);
    assert!(out[7]["error"].as_str().unwrap().contains("last Tuesday"));
    assert_eq!(out[8]["line"], 9);
    assert!(out[8]["error"].as_str().unwrap().contains("UTC offset"));
    // --reference takes the same forms.
    let r = run(
        &["date", "--reference", "2022-11-07T20:00:00Z"],
        Some(text.as_bytes().to_vec()),
    );
    assert_eq!(r.json()["reference"], "2022-11-08");
    let r = run(&["date", "--reference", "tomorrow"], None);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("RFC 3339"), "{}", r.stderr);
}

#[test]
fn eval_reads_the_known_date_from_known_field() {
    let records = concat!(
        "{\"seen\": \"2022-11-08T12:00:00+09:00\", \"text\": \"Juche111.11.8.\"}\n",
        "{\"seen\": 1707696000000, \"text\": \"[Juche113.2.10.]\"}\n",
        "{\"text\": \"no date\"}\n",
    );
    let r = run(
        &["eval", "--json", "--known-field", "seen"],
        Some(records.as_bytes().to_vec()),
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let v = r.json();
    assert_eq!(v["known_field"], "seen");
    assert_eq!(v["total"]["records"], 3);
    assert_eq!(v["total"]["with_known_date"], 2);
    assert_eq!(v["total"]["dated_exactly"], 1);
    assert_eq!(v["total"]["dated_wrongly_without_conflict"], 1);
}

#[test]
fn eval_says_when_no_record_has_the_known_field() {
    // records.jsonl has no `known_date`: no table of zeros, a message, exit code 1.
    let r = run(&["eval", &fixture("records.jsonl")], None);
    assert_eq!(r.code, 1);
    assert_eq!(r.stdout, "", "no table");
    assert!(
        r.stderr
            .contains("no record has a `known_date` field, so there is nothing to compare"),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("--known-field NAME"), "{}", r.stderr);
    // The summary counts what the table would count: no record with a known date.
    assert!(
        r.stderr.contains("0 with a known date (`known_date`)"),
        "{}",
        r.stderr
    );
    // The shipped evaluation sample: every record has a known date, one is dated two days
    // early by its dateline (a story filed late), one has no date signal at all.
    let data: PathBuf = [env!("CARGO_MANIFEST_DIR"), "data", "known_dates.jsonl"]
        .iter()
        .collect();
    let r = run(
        &[
            "eval",
            "--json",
            "--reference-field",
            "crawled",
            &data.to_string_lossy(),
        ],
        None,
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let total = &r.json()["total"];
    assert_eq!(total["records"], 7);
    assert_eq!(total["with_known_date"], 7);
    assert_eq!(total["dated_exactly"], 5);
    assert_eq!(total["dated_wrongly_without_conflict"], 1);
    assert_eq!(total["not_dated"], 1);
    // The examples' sample has no known date, but is evaluable with a field it has.
    let sample: PathBuf = [env!("CARGO_MANIFEST_DIR"), "..", "examples", "sample.jsonl"]
        .iter()
        .collect();
    let r = run(
        &[
            "eval",
            "--json",
            "--known-field",
            "crawled",
            &sample.to_string_lossy(),
        ],
        None,
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let total = &r.json()["total"];
    assert!(total["with_known_date"].as_u64().unwrap() > 0, "{total}");
    assert!(total["dated"].as_u64().unwrap() > 0, "{total}");
}

#[test]
fn plain_input_that_looks_like_json_lines_gets_a_hint() {
    let records = std::fs::read(fixture("records.jsonl")).unwrap();
    let hint = "input looks like JSON Lines; did you mean --jsonl?";
    // Standard input is plain text unless --jsonl: hint, once.
    let r = run(&["date"], Some(records.clone()));
    assert_eq!(r.stderr.matches(hint).count(), 1, "{}", r.stderr);
    assert_eq!(r.json_lines().len(), 1);
    // A .txt file: the same; with blank lines before the first record too.
    let path = scratch("records.txt", &[b"\n  \n".as_slice(), &records].concat());
    let r = run(&["scan", &path], None);
    assert!(
        r.stderr.contains(&format!("{path}: {hint}")),
        "{}",
        r.stderr
    );
    // A .jsonl file is read as JSON Lines without --jsonl: one object per record, no hint.
    let r = run(&["date", &fixture("records.jsonl")], None);
    assert_eq!(r.json_lines().len(), 4);
    assert!(!r.stderr.contains(hint), "{}", r.stderr);
    // --plain reads it as one article, and the user asked for that: no hint.
    let r = run(&["date", "--plain", &fixture("records.jsonl")], None);
    assert_eq!(r.json_lines().len(), 1);
    assert!(!r.stderr.contains(hint), "{}", r.stderr);
    // Text that is not JSON Lines, even starting with `{`: no hint.
    let r = run(&["date"], Some(b"{Juche111.11.8.}\n".to_vec()));
    assert!(!r.stderr.contains(hint), "{}", r.stderr);
    let r = run(&["date", &sample_page()], None);
    assert!(!r.stderr.contains(hint), "{}", r.stderr);
}

#[test]
fn id_field_that_no_record_has_is_warned_once() {
    let r = run(
        &["date", "--id-field", "url", &fixture("records.jsonl")],
        None,
    );
    assert_eq!(r.code, 0);
    let warning = "warning: no record has a `url` field (--id-field url)";
    assert_eq!(r.stderr.matches(warning).count(), 1, "{}", r.stderr);
    // Some records lack it: said with the count.
    let r = run(
        &[
            "scan",
            "--id-field",
            "crawled",
            "--jsonl",
            &fixture("records.jsonl"),
        ],
        None,
    );
    assert!(
        r.stderr
            .contains("warning: 1 of 4 records have no `crawled` field (--id-field)"),
        "{}",
        r.stderr
    );
    // Every record has it: no warning.
    let r = run(
        &["date", "--id-field", "id", &fixture("records.jsonl")],
        None,
    );
    assert!(!r.stderr.contains("warning"), "{}", r.stderr);
    // The same for a reference field no record has.
    let r = run(
        &[
            "date",
            "--reference-field",
            "fetched",
            &fixture("records.jsonl"),
        ],
        None,
    );
    assert!(
        r.stderr.contains("no record has a `fetched` field"),
        "{}",
        r.stderr
    );
}

#[test]
fn threads_zero_says_at_least_one() {
    let r = run(&["date", "--threads", "0", &sample_page()], None);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("must be at least 1"), "{}", r.stderr);
    assert!(!r.stderr.contains("non-zero"), "{}", r.stderr);
    let r = run(&["scan", "--threads", "many", &sample_page()], None);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("at least 1"), "{}", r.stderr);
}

#[test]
fn summary_words_match_what_was_counted() {
    let r = run(&["scan", &fixture("scan.txt")], None);
    let lines = std::fs::read_to_string(fixture("scan.txt"))
        .unwrap()
        .lines()
        .count();
    assert!(
        r.stderr.contains(&format!(
            "kcna-dates scan: {lines} lines of plain text from 1 file, 3 notations (1 invalid), 0 errors"
        )),
        "{}",
        r.stderr
    );
    let r = run(&["date", &sample_page(), &sample_page()], None);
    assert!(
        r.stderr
            .contains("kcna-dates date: 2 plain-text articles from 2 files, 2 dated"),
        "{}",
        r.stderr
    );
    let r = run(&["date", &fixture("records.jsonl"), &sample_page()], None);
    assert!(
        r.stderr.contains(
            "kcna-dates date: 4 JSON Lines records and 1 plain-text article from 2 files"
        ),
        "{}",
        r.stderr
    );
    // An empty file is still a file read.
    let empty = scratch("empty.txt", b"");
    let r = run(&["scan", &empty, &fixture("scan.txt")], None);
    assert!(
        r.stderr.contains(&format!(
            "kcna-dates scan: {lines} lines of plain text from 2 files"
        )),
        "{}",
        r.stderr
    );
    let r = run(&["scan", &empty], None);
    assert!(
        r.stderr
            .contains("kcna-dates scan: 0 records from 1 file, 0 notations"),
        "{}",
        r.stderr
    );
    let r = run(&["scan", "--jsonl", &fixture("bad.jsonl")], None);
    assert!(
        r.stderr
            .contains("kcna-dates scan: 7 JSON Lines records from 1 file,"),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("4 errors"), "{}", r.stderr);
}

/// Every JSON value in `text`, however it is laid out.
fn json_stream(text: &str) -> Vec<Value> {
    serde_json::Deserializer::from_str(text)
        .into_iter::<Value>()
        .collect::<Result<_, _>>()
        .unwrap()
}

#[test]
fn pretty_prints_the_same_values_indented() {
    for args in [
        vec!["parse", "Juche111.11.8."],
        vec!["scan", "--jsonl", "--id-field", "id"],
        vec![
            "date",
            "--jsonl",
            "--id-field",
            "id",
            "--reference-field",
            "crawled",
        ],
    ] {
        // parse reads no input.
        let records = (args[0] != "parse").then(|| std::fs::read(fixture("bad.jsonl")).unwrap());
        let plain = run(&args, records.clone());
        let mut pretty_args = args.clone();
        pretty_args.push("--pretty");
        let pretty = run(&pretty_args, records);
        assert_eq!(plain.code, pretty.code);
        let compact = plain.json_lines();
        assert!(!compact.is_empty());
        assert_eq!(json_stream(&pretty.stdout), compact, "{args:?}");
        assert!(
            pretty.stdout.lines().count() > compact.len() * 3,
            "{}",
            pretty.stdout
        );
        assert!(pretty.stdout.contains("\n  \"file\": ") || args[0] == "parse");
    }
    let r = run(
        &["date", "--pretty", "--format", "csv", &sample_page()],
        None,
    );
    assert_eq!(r.code, 2, "--pretty is for JSON");
    assert!(
        r.stderr.contains("--pretty is for JSON output"),
        "{}",
        r.stderr
    );
    assert_eq!(r.stdout, "");
    let r = run(
        &["date", "--pretty", "--format", "json", &sample_page()],
        None,
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(json_stream(&r.stdout).len(), 1);
}

/// Splits CSV text into rows of fields (RFC 4180: quoted fields, doubled quotes, line breaks
/// inside quotes).
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut field)),
            (false, '\n') => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => field.push(c),
        }
    }
    assert!(
        !quoted && field.is_empty() && row.is_empty(),
        "unterminated: {text}"
    );
    rows
}

#[test]
fn date_prints_csv_rows() {
    let records = concat!(
        "{\"id\": \"r1, \\\"first\\\"\", \"crawled\": \"2024-02-13\", \"text\": \"[Juche113.2.12.]\\nPyongyang, February 10 (KCNA) -- x\"}\n",
        "{\"id\": 7, \"text\": \"Pyongyang, May 7 (KCNA) -- no reference\"}\n",
        "\n",
        "{\"id\": \"r3\", \"text\": 5}\n",
        "{\"id\": \"r4\", \"crawled\": 1704067200000, \"text\": \"Pyongyang, December 31 (KCNA) -- y\"}\n",
    );
    let path = scratch("csv, input.jsonl", records.as_bytes());
    let r = run(
        &[
            "date",
            "--format",
            "csv",
            "--id-field",
            "id",
            "--reference-field",
            "crawled",
            &path,
        ],
        None,
    );
    assert_eq!(r.code, 1, "{}", r.stderr);
    let rows = parse_csv(&r.stdout);
    assert_eq!(
        rows[0],
        [
            "file",
            "line",
            "id",
            "reference",
            "publication_date",
            "source_kind",
            "source_role",
            "source_text",
            "doubtful",
            "signals",
            "conflicts",
            "conflict_days",
            "invalid",
            "error"
        ]
    );
    assert_eq!(
        rows.len(),
        5,
        "a header and one row per record: {}",
        r.stdout
    );
    for row in &rows {
        assert_eq!(row.len(), 14, "{row:?}");
    }
    assert_eq!(rows[1][0], path);
    assert_eq!(
        rows[1][1..],
        [
            "1",
            "r1, \"first\"",
            "2024-02-13",
            "2024-02-12",
            "juche_stamp",
            "page_stamp",
            "Juche113.2.12.",
            "false",
            "2",
            "1",
            "-2",
            "0",
            ""
        ]
    );
    // A dateline without a reference has no year: no date, no source.
    assert_eq!(
        rows[2][1..],
        ["2", "7", "", "", "", "", "", "false", "1", "0", "", "0", ""]
    );
    assert_eq!(rows[3][1..4], ["4", "r3", ""]);
    assert!(rows[3][4..13].iter().all(String::is_empty), "{:?}", rows[3]);
    assert_eq!(rows[3][13], "field `text` is a number, expected a string");
    assert_eq!(
        rows[4][1..6],
        ["5", "r4", "2024-01-01", "2023-12-31", "dateline"]
    );
    // The JSON output agrees with the rows.
    let json = run(
        &[
            "date",
            "--id-field",
            "id",
            "--reference-field",
            "crawled",
            &path,
        ],
        None,
    )
    .json_lines();
    for (row, v) in rows[1..].iter().zip(&json) {
        assert_eq!(row[1], v["line"].to_string());
        assert_eq!(row[4], v["publication_date"].as_str().unwrap_or(""));
    }
}

#[test]
fn parse_prints_the_fields_of_every_kind() {
    let v = run(&["parse", "주체107(2018)년 7월 9일"], None).json();
    assert_eq!(v["kind"], "korean_date");
    assert_eq!(
        (v["year"].clone(), v["month"].clone(), v["day"].clone()),
        (2018.into(), 7.into(), 9.into())
    );
    assert_eq!(v["year_style"], "juche_gregorian");
    let v = run(&["parse", "주체８８（１９９９）년"], None).json();
    assert_eq!(v["kind"], "korean_juche_year");
    assert_eq!(v["juche_year"], 88);
    assert_eq!(v["gregorian_year"], 1999);
    let v = run(&["parse", "15 de junio de 2000"], None).json();
    assert_eq!(v["kind"], "spanish_date");
    assert_eq!(v["year_style"], "gregorian");
    assert_eq!(v["day"], 15);
    for (text, kind) in [
        ("2026-08-21", "iso_date"),
        ("2026.8.21.", "dotted_stamp"),
        ("21/08/2026", "dmy"),
    ] {
        let v = run(&["parse", text], None).json();
        assert_eq!(v["kind"], kind);
        assert_eq!(v["year"], 2026);
        assert_eq!(v["month"], 8);
        assert_eq!(v["day"], 21);
    }
    let v = run(&["parse", "【平壌７月５日発朝鮮中央通信】"], None).json();
    assert_eq!(v["edition"], "ja");
    assert_eq!(v["place"], "平壌");
    assert_eq!(v["month"], 7);
}

/// Three records, the middle one long: all three come out, in order.
fn three_records(big_len: usize) -> Vec<u8> {
    let small = |id: &str| {
        serde_json::json!({
            "id": id,
            "text": "www.kcna.kp (Juche111.11.8.)\nPyongyang, November 8 (KCNA) -- text",
        })
        .to_string()
    };
    let unit = "Pyongyang, November 8 (KCNA) -- A meeting was held on Monday. ";
    let big_text = unit.repeat(big_len / unit.len() + 1);
    let big = serde_json::json!({"id": "big", "text": big_text}).to_string();
    format!("{}\n{big}\n{}\n", small("a"), small("c")).into_bytes()
}

#[test]
fn a_record_over_the_size_limit_is_an_error_object_and_the_run_goes_on() {
    let path = scratch("oversized.jsonl", &three_records(200_000));
    for command in ["date", "scan"] {
        let out = run(
            &[
                command,
                "--id-field",
                "id",
                "--max-record-bytes",
                "100000",
                &path,
            ],
            None,
        );
        assert_eq!(out.code, 1, "{command}: {}", out.stderr);
        let lines = out.json_lines();
        let by_line: Vec<(u64, bool)> = lines
            .iter()
            .map(|l| (l["line"].as_u64().unwrap(), l["error"].is_string()))
            .collect();
        // `scan` prints one object per notation: two for each small record.
        let expected: &[(u64, bool)] = if command == "date" {
            &[(1, false), (2, true), (3, false)]
        } else {
            &[(1, false), (1, false), (2, true), (3, false), (3, false)]
        };
        assert_eq!(by_line, expected, "{command}: {}", out.stdout);
        let error = lines.iter().find(|l| l["error"].is_string()).unwrap();
        let message = error["error"].as_str().unwrap();
        assert!(
            message.contains("longer than the limit of 100000 bytes (--max-record-bytes)"),
            "{message}"
        );
    }
    // The limit covers a plain file read whole too.
    let plain = scratch(
        "oversized.txt",
        "Pyongyang, November 8 (KCNA) -- x ".repeat(10).as_bytes(),
    );
    let out = run(&["date", "--max-record-bytes", "100", &plain], None);
    assert_eq!(out.code, 1);
    assert!(
        out.json()["error"]
            .as_str()
            .unwrap()
            .contains("limit of 100 bytes")
    );
    // Zero is refused.
    let out = run(&["date", "--max-record-bytes", "0", &plain], None);
    assert_eq!(out.code, 2, "{}", out.stderr);
}

#[test]
fn a_long_record_below_the_limit_is_dated_between_two_small_ones() {
    // 4 MB of datelines and body dates in one record (the limit's default is 64 MiB).
    let path = scratch("long_record.jsonl", &three_records(4_000_000));
    let out = run(
        &[
            "date",
            "--id-field",
            "id",
            "--reference",
            "2022-11-09",
            &path,
        ],
        None,
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    let lines = out.json_lines();
    let ids: Vec<&str> = lines.iter().map(|l| l["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["a", "big", "c"]);
    let big = &lines[1];
    assert_eq!(big["publication_date"], "2022-11-08");
    // One signal per dateline and one body date per `on Monday`, all agreeing: output linear in
    // the record, with no conflict group.
    let units =
        4_000_000 / "Pyongyang, November 8 (KCNA) -- A meeting was held on Monday. ".len() + 1;
    assert_eq!(big["signals"].as_array().unwrap().len(), units);
    assert_eq!(big["body_dates"].as_array().unwrap().len(), units);
    assert_eq!(big["agreeing"].as_array().unwrap().len(), units);
    assert_eq!(big["conflicts"].as_array().unwrap().len(), 0);
}

/// Cells that a spreadsheet would run as formulas (OWASP, "CSV Injection") get a leading `'` and
/// are quoted, in every text column: id, file name, source text, error.
#[test]
fn csv_cells_that_start_a_formula_are_guarded() {
    let ids = [
        r#"=HYPERLINK("http://x","y")"#,
        "+1",
        "-2+3",
        "@SUM(A1)",
        "\t=1+1",
        "\r=1+1",
    ];
    let mut records = String::new();
    for id in ids {
        let record = serde_json::json!({"id": id, "text": "Date: 08/11/2022"});
        records.push_str(&format!("{record}\n"));
    }
    records.push_str("{\"id\": -5, \"text\": \"-Date: 08/11/2022\"}\n");
    records.push_str("{\"id\": \"=bad\", \"text\": 5}\n");
    let path = scratch("=formula.jsonl", records.as_bytes());
    let r = run(
        &["date", "--format", "csv", "--id-field", "id", &path],
        None,
    );
    assert_eq!(r.code, 1, "{}", r.stderr);
    // Each guarded cell is quoted, `'` first, as written in the file.
    assert!(
        r.stdout.contains(r#","'=HYPERLINK(""http://x"",""y"")","#),
        "{}",
        r.stdout
    );
    assert!(r.stdout.contains(",\"'@SUM(A1)\","), "{}", r.stdout);
    assert!(r.stdout.contains(",\"'\t=1+1\","), "{}", r.stdout);
    assert!(r.stdout.contains(",\"'\r=1+1\","), "{}", r.stdout);
    let rows = parse_csv(&r.stdout.replace("\r", "<CR>"));
    assert_eq!(rows.len(), 9, "{}", r.stdout);
    let expected_ids = ids
        .iter()
        .chain(&["-5", "=bad"])
        .map(|id| format!("'{}", id.replace('\r', "<CR>")));
    for (row, id) in rows[1..].iter().zip(expected_ids) {
        assert_eq!(row[2], id, "{row:?}");
        // The file name starts with `/`, not a formula character: written as it is.
        assert_eq!(row[0], path);
        assert!(
            !row.iter()
                .any(|cell| cell.starts_with(['=', '+', '@', '\t', '\r'])),
            "{row:?}"
        );
    }
    // The dated rows: the date as it is, no formula anywhere.
    assert_eq!(rows[1][4], "2022-11-08");
    // A file name that starts a formula is guarded too (given relative to the working directory).
    let dir = std::path::Path::new(&path).parent().unwrap();
    let r = Command::new(BIN)
        .args(["date", "--format", "csv", "=formula.jsonl"])
        .current_dir(dir)
        .output()
        .unwrap();
    let stdout = String::from_utf8(r.stdout).unwrap();
    let rows = parse_csv(&stdout.replace("\r", "<CR>"));
    assert!(
        rows[1..].iter().all(|row| row[0] == "'=formula.jsonl"),
        "{stdout}"
    );
}

/// `--reference` reads the one dialect of the edge crate: strict ISO, RFC 3339 with its offset,
/// epoch seconds or milliseconds, each as its date in Pyongyang.
#[test]
fn reference_dialect() {
    let text = b"Pyongyang, January 5 (KCNA) -- x".to_vec();
    for (reference, expected) in [
        ("2022-01-05", "2022-01-05"),
        // 23:30 UTC is 08:30 the next morning in Pyongyang.
        ("2022-01-05T23:30:00Z", "2022-01-06"),
        ("1641425400", "2022-01-06"),
        ("1641425400000", "2022-01-06"),
    ] {
        let r = run(&["date", "--reference", reference], Some(text.clone()));
        assert_eq!(r.code, 0, "{reference}: {}", r.stderr);
        let v = r.json();
        assert_eq!(v["reference"], expected, "{reference}");
        assert_eq!(v["publication_date"], "2022-01-05", "{reference}");
    }
    // Refused before any input is read (no stdin: the tool would exit before reading it).
    let r = run(&["date", "--reference", "2022-1-5"], None);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("`2022-01-05`"), "{}", r.stderr);
    assert!(r.stdout.is_empty());
}

/// Each failure is said on stderr too (`kcna-dates: FILE:LINE: message`, as ripgrep does), while
/// the error object stays in the output: after `> out.jsonl` the user still sees what failed.
#[test]
fn failures_are_said_on_stderr_with_file_and_line() {
    let path = scratch(
        "stderr-errors.jsonl",
        b"{\"text\": \"Date: 08/11/2022\"}\n{not json\n{\"text\": 5}\n",
    );
    let missing = "/nonexistent/kcna-dates-missing.jsonl";
    for command in ["date", "scan", "eval"] {
        let r = run(&[command, missing, &path], None);
        assert_eq!(r.code, 1, "{command}: {}", r.stderr);
        let said: Vec<&str> = r
            .stderr
            .lines()
            .filter(|l| l.starts_with("kcna-dates: /"))
            .collect();
        assert_eq!(said.len(), 3, "{command}: {}", r.stderr);
        assert!(
            said[0].starts_with(&format!("kcna-dates: {missing}: cannot open")),
            "{command}: {}",
            said[0]
        );
        assert!(
            said[1].starts_with(&format!(
                "kcna-dates: {path}:2: bad JSON: key must be a string"
            )),
            "{command}: {}",
            said[1]
        );
        assert_eq!(
            said[2],
            format!("kcna-dates: {path}:3: field `text` is a number, expected a string"),
            "{command}"
        );
        // The output keeps the error objects.
        let errors = r
            .stdout
            .lines()
            .filter(|l| l.contains("\"error\":\"cannot open") || l.contains("bad JSON"))
            .count();
        assert_eq!(errors, 2, "{command}: {}", r.stdout);
    }
}

/// Datelines have no year: the summary says how many, and names the flag and a field of the
/// records that looks like a date.
#[test]
fn summary_says_datelines_had_no_year_and_names_the_flag() {
    let records = concat!(
        "{\"id\": 7, \"title\": \"a\", \"published\": \"2022-11-09T02:00:00Z\", \"text\": \"Pyongyang, November 8 (KCNA) -- x\"}\n",
        "{\"id\": 8, \"title\": \"b\", \"published\": \"2022-11-10T02:00:00Z\", \"text\": \"Pyongyang, November 9 (KCNA) -- y\"}\n",
        "{\"id\": 9, \"title\": \"c\", \"text\": \"[Juche111.11.8.] stamped\"}\n",
    );
    let path = scratch("no-year.jsonl", records.as_bytes());
    let r = run(&["date", &path], None);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let hint = r
        .stderr
        .lines()
        .find(|l| l.contains("had no year"))
        .unwrap_or_else(|| panic!("no hint: {}", r.stderr));
    assert!(hint.contains("2 datelines had no year"), "{hint}");
    assert!(hint.contains("2 articles left undated"), "{hint}");
    assert!(
        hint.contains(
            "--reference-field published (the records' `published` field looks like a date)"
        ),
        "{hint}"
    );
    assert!(hint.contains("--reference DATE"), "{hint}");
    // With the field, every dateline has its year and the hint is gone.
    let r = run(&["date", "--reference-field", "published", &path], None);
    assert!(!r.stderr.contains("had no year"), "{}", r.stderr);
    assert_eq!(
        r.json_lines()
            .iter()
            .filter(|v| v["publication_date"].is_string())
            .count(),
        3
    );
    // eval says the same, without naming the known date's field.
    let eval = scratch(
        "no-year-eval.jsonl",
        b"{\"known_date\": \"2022-11-08\", \"text\": \"Pyongyang, November 8 (KCNA) -- x\"}\n",
    );
    let r = run(&["eval", "--json", &eval], None);
    let hint = r
        .stderr
        .lines()
        .find(|l| l.contains("had no year"))
        .unwrap();
    assert!(
        hint.starts_with("kcna-dates eval: 1 dateline had no year"),
        "{hint}"
    );
    assert!(hint.contains("--reference-field NAME"), "{hint}");
    assert!(!hint.contains("known_date"), "{hint}");
    // Plain text: only --reference applies.
    let r = run(
        &["date"],
        Some(b"Pyongyang, November 8 (KCNA) -- x".to_vec()),
    );
    let hint = r
        .stderr
        .lines()
        .find(|l| l.contains("had no year"))
        .unwrap();
    assert!(hint.ends_with("give one with --reference DATE"), "{hint}");
}

/// `--csv` is answered with the flag that exists, and `--jsonl`'s help is a whole sentence.
#[test]
fn csv_flag_suggests_format_csv_and_jsonl_help_is_whole() {
    let r = run(&["date", "--csv", &sample_page()], None);
    assert_eq!(r.code, 2);
    assert!(r.stdout.is_empty());
    assert!(
        r.stderr.contains("unexpected argument '--csv' found"),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr
            .contains("tip: a similar argument exists: '--format csv'"),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("Usage: kcna-dates date"), "{}", r.stderr);
    assert!(!r.stderr.contains("'-- --csv'"), "{}", r.stderr);
    for help in ["-h", "--help"] {
        let r = run(&["date", help], None);
        let text = r.stdout.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(
            text.contains("only files named *.jsonl or *.ndjson, never standard input)"),
            "{help}: {}",
            r.stdout
        );
    }
}

/// gzip bytes of `text`.
fn gzip(text: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    encoder.write_all(text).unwrap();
    encoder.finish().unwrap()
}

/// `.gz` files are read through a gzip decoder (every member, as `gzip -dc` does); the name
/// before `.gz` says whether it is JSON Lines.
#[test]
fn gzip_files_are_read_decompressed() {
    let mut two_members = gzip(b"{\"id\": 1, \"text\": \"Date: 08/11/2022\"}\n");
    two_members.extend(gzip(b"{\"id\": 2, \"text\": \"[Juche113.2.12.] x\"}\n"));
    let jsonl = scratch("archive.jsonl.gz", &two_members);
    let plain = scratch(
        "article.TXT.GZ",
        &gzip(b"Pyongyang, November 8 (KCNA) -- x"),
    );
    let broken = scratch("broken.jsonl.gz", b"\x1f\x8bnot gzip at all");
    let r = run(
        &[
            "date",
            "--id-field",
            "id",
            "--reference",
            "2022-11-09",
            &jsonl,
            &plain,
            &broken,
        ],
        None,
    );
    assert_eq!(r.code, 1, "{}", r.stderr);
    let out = r.json_lines();
    assert_eq!(out.len(), 4, "{}", r.stdout);
    assert_eq!(
        [&out[0]["id"], &out[0]["publication_date"], &out[0]["line"]],
        [&Value::from(1), &Value::from("2022-11-08"), &Value::from(1)]
    );
    assert_eq!(
        [&out[1]["id"], &out[1]["publication_date"], &out[1]["line"]],
        [&Value::from(2), &Value::from("2024-02-12"), &Value::from(2)]
    );
    assert_eq!(out[2]["file"], plain.as_str());
    assert_eq!(out[2]["publication_date"], "2022-11-08");
    assert_eq!(out[3]["file"], broken.as_str());
    assert!(
        out[3]["error"].as_str().unwrap().starts_with("cannot read"),
        "{}",
        out[3]
    );
    assert!(
        r.stderr
            .contains(&format!("kcna-dates: {broken}:1: cannot read")),
        "{}",
        r.stderr
    );
}

// ---- issue 26: directories, --html, a table for a person, -o, --quiet, completions ----

/// A fresh scratch directory named `name` (emptied first).
fn scratch_dir(name: &str) -> PathBuf {
    let path: PathBuf = [env!("CARGO_TARGET_TMPDIR"), name].iter().collect();
    let _ = std::fs::remove_dir_all(&path);
    std::fs::create_dir_all(&path).unwrap();
    path
}

/// Writes `bytes` gzip-compressed to `path`, with the `gzip` tool.
fn write_gzip(path: &std::path::Path, bytes: &[u8]) {
    let mut child = Command::new("gzip")
        .arg("-c")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(bytes).unwrap();
    let out = child.wait_with_output().unwrap();
    std::fs::write(path, out.stdout).unwrap();
}

#[test]
fn a_directory_is_walked_in_a_stable_order_and_skipped_files_are_named() {
    let dir = scratch_dir("walk");
    let d = |p: &str| dir.join(p);
    std::fs::create_dir_all(d("b/deeper")).unwrap();
    std::fs::create_dir_all(d("a")).unwrap();
    std::fs::create_dir_all(d(".git")).unwrap();
    std::fs::write(d("b/deeper/z.txt"), "Juche111.11.10.").unwrap();
    std::fs::write(d("b/a.ndjson"), "{\"text\": \"Juche111.11.9.\"}\n").unwrap();
    std::fs::write(d("a/2.jsonl"), "{\"text\": \"Juche111.11.2.\"}\n").unwrap();
    std::fs::write(d("a/10.jsonl"), "{\"text\": \"Juche111.11.1.\"}\n").unwrap();
    write_gzip(&d("a/3.JSONL.gz"), b"{\"text\": \"Juche111.11.3.\"}\n");
    std::fs::write(d("notes.pdf"), "%PDF").unwrap();
    std::fs::write(d("page.html"), "<p>Juche111.11.8.</p>").unwrap();
    std::fs::write(d(".git/x.jsonl"), "{\"text\": \"Juche1.1.1.\"}\n").unwrap();
    let dir_arg = dir.to_string_lossy().into_owned();

    let r = run(&["date", &dir_arg], None);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let files: Vec<String> = r
        .json_lines()
        .iter()
        .map(|v| {
            let file = v["file"].as_str().unwrap();
            file.strip_prefix(&dir_arg).unwrap().to_owned()
        })
        .collect();
    // Byte order of names, depth first: `10` before `2`, `a/` before `b/`, `b/a.ndjson` before
    // `b/deeper/`.
    assert_eq!(
        files,
        [
            "/a/10.jsonl",
            "/a/2.jsonl",
            "/a/3.JSONL.gz",
            "/b/a.ndjson",
            "/b/deeper/z.txt"
        ]
    );
    let dates: Vec<String> = r
        .json_lines()
        .iter()
        .map(|v| v["publication_date"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(
        dates,
        [
            "2022-11-01",
            "2022-11-02",
            "2022-11-03",
            "2022-11-09",
            "2022-11-10"
        ]
    );
    assert!(
        r.stderr.contains(&format!(
            "kcna-dates: {dir_arg}: directory: 5 files to read; skipped 2 files not named .jsonl, .ndjson, .txt (or .gz of them): notes.pdf, page.html (.html pages are read with --html); skipped 1 hidden entry"
        )),
        "{}",
        r.stderr
    );

    // With --html, .html pages are read too, and dated after extraction.
    let r = run(&["date", "--html", &dir_arg], None);
    let out = r.json_lines();
    assert_eq!(out.len(), 6, "{}", r.stdout);
    assert!(out[5]["file"].as_str().unwrap().ends_with("page.html"));
    assert_eq!(out[5]["publication_date"], "2022-11-08");
    assert!(
        r.stderr
            .contains("skipped 1 file not named .jsonl, .ndjson, .txt, .html, .htm")
    );

    // A directory with nothing to read is an error, not a read of standard input.
    let empty = scratch_dir("walk-empty");
    std::fs::write(empty.join("a.csv"), "x").unwrap();
    let r = run(
        &["date", &empty.to_string_lossy()],
        Some(b"Juche111.11.8.".to_vec()),
    );
    assert_eq!(r.code, 1);
    assert_eq!(r.stdout, "");
    assert!(r.stderr.contains("no file to read in"), "{}", r.stderr);
}

/// A Rodong-like page whose `html` field dates nothing as it is (the stamp's digits are split by
/// tags, the dateline's spaces are `&nbsp;` entities) and dates after extraction.
#[test]
fn html_pages_are_dated_after_their_text_is_extracted() {
    let page = fixture("rodong_page.jsonl");
    let raw = run(
        &["date", "--text-field", "html", "--id-field", "id", &page],
        None,
    );
    let raw = raw.json();
    assert_eq!(raw["publication_date"], Value::Null);
    assert_eq!(raw["signals"].as_array().unwrap().len(), 0, "{raw}");

    let r = run(
        &[
            "date",
            "--html",
            "--text-field",
            "html",
            "--id-field",
            "id",
            &page,
        ],
        None,
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let v = r.json();
    assert_eq!(v["id"], "rodong-2022-11-08");
    assert_eq!(v["publication_date"], "2022-11-08");
    let signals = v["signals"].as_array().unwrap();
    assert_eq!(signals.len(), 2, "{v}");
    assert_eq!(signals[0]["text"], "Juche111.11.8.");
    assert_eq!(signals[1]["text"], "Pyongyang, November 8 (KCNA) --");
    // The script's and the comment's dates are not text a reader sees.
    assert_eq!(v["conflicts"], serde_json::json!([]));
    // Offsets are into the extracted text: its title line, the heading, then the stamp.
    let extracted = "Rodong Sinmun\nHome | English\nRally Held in Pyongyang\n";
    assert_eq!(signals[0]["start"], extracted.len());
    assert_eq!(signals[0]["end"], extracted.len() + "Juche111.11.8.".len());

    // The same page as a plain .html file, dated and scanned.
    let html = fixture("rodong_page.html");
    let r = run(&["date", "--html", &html], None);
    assert_eq!(r.json()["publication_date"], "2022-11-08");
    let r = run(&["scan", "--html", &html], None);
    let found = r.json_lines();
    assert_eq!(found[0]["text"], "Juche111.11.8.");
    assert_eq!(found[0]["start"], extracted.len());
    assert!(found.iter().all(|f| f.get("offset").is_none()));
}

#[test]
fn table_output_for_a_person() {
    let records = scratch(
        "table.jsonl",
        b"{\"text\": \"Juche111.11.8.\"}\n{\"text\": \"Pyongyang, November 8 (KCNA) --\"}\n{nope\n{\"text\": \"www.kcna.kp (Juche111.11.8.)\\n[Juche111.11.9.]\"}\n",
    );
    let r = run(&["date", "--format", "table", &records], None);
    assert_eq!(r.code, 1);
    let lines: Vec<&str> = r.stdout.lines().collect();
    assert_eq!(lines[0], "file:line\tdate\tsource\tconflicts");
    assert_eq!(
        lines[1],
        format!("{records}:1\t2022-11-08\tjuche_stamp `Juche111.11.8.`\t0")
    );
    assert_eq!(
        lines[2],
        format!(
            "{records}:2\t-\tno year (--reference): dateline `Pyongyang, November 8 (KCNA) --`\t0"
        )
    );
    assert!(
        lines[3].starts_with(&format!("{records}:3\t-\terror: bad JSON: ")),
        "{}",
        lines[3]
    );
    assert!(
        lines[4].starts_with(&format!("{records}:4\t")),
        "{}",
        lines[4]
    );
    for line in &lines {
        assert_eq!(line.split('\t').count(), 4, "{line}");
    }
    // Piped, the default stays JSON Lines; --pretty with the table is refused.
    let r = run(&["date", &records], None);
    assert_eq!(r.json_lines().len(), 4);
    let r = run(&["date", "--format", "table", "--pretty", &records], None);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("not --format table"), "{}", r.stderr);
}

#[test]
fn output_file_and_quiet() {
    let records = scratch(
        "o.jsonl",
        b"{\"text\": \"Juche111.11.8.\"}\n{\"text\": 5}\n",
    );
    let out: PathBuf = [env!("CARGO_TARGET_TMPDIR"), "o-out.jsonl"]
        .iter()
        .collect();
    let _ = std::fs::remove_file(&out);
    let out_arg = out.to_string_lossy().into_owned();
    let r = run(&["date", "-o", &out_arg, &records], None);
    assert_eq!(r.code, 1);
    assert_eq!(r.stdout, "");
    let written = std::fs::read_to_string(&out).unwrap();
    assert_eq!(written.lines().count(), 2, "{written}");
    assert!(written.contains("\"publication_date\":\"2022-11-08\""));
    assert!(r.stderr.contains("kcna-dates date: 2 JSON Lines records"));

    // --quiet: only the failure is said.
    let r = run(&["date", "-q", "--output", &out_arg, &records], None);
    assert_eq!(r.code, 1);
    assert_eq!(
        r.stderr,
        format!("kcna-dates: {records}:2: field `text` is a number, expected a string\n")
    );
    let ok = scratch(
        "o-ok.jsonl",
        b"{\"text\": \"Pyongyang, November 8 (KCNA) --\"}\n",
    );
    let r = run(&["date", "--quiet", &ok], None);
    assert_eq!((r.code, r.stderr.as_str()), (0, ""));
    let r = run(&["scan", "--quiet", &ok], None);
    assert_eq!((r.code, r.stderr.as_str()), (0, ""));

    // -o naming an input is refused before it is emptied.
    let r = run(&["date", "-o", &records, &records], None);
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("that is an input"), "{}", r.stderr);
    assert!(
        std::fs::read_to_string(&records)
            .unwrap()
            .contains("Juche111.11.8.")
    );
}

#[test]
fn completions_for_each_shell() {
    for (shell, marker) in [
        ("bash", "complete -F"),
        ("zsh", "#compdef kcna-dates"),
        ("fish", "complete -c kcna-dates"),
    ] {
        let r = run(&["completions", shell], None);
        assert_eq!(r.code, 0, "{shell}: {}", r.stderr);
        assert!(r.stdout.contains(marker), "{shell}");
        assert!(r.stdout.contains("--reference-field"), "{shell}");
    }
    let r = run(&["completions", "tcsh"], None);
    assert_eq!(r.code, 2);
}

#[test]
fn parse_a_date_without_a_year_names_the_reference() {
    let r = run(&["parse", "November 8"], None);
    assert_eq!(r.code, 0);
    assert_eq!(r.json()["date"], Value::Null);
    assert!(
        r.stderr.contains("`November 8` has no year")
            && r.stderr.contains("--reference YYYY-MM-DD"),
        "{}",
        r.stderr
    );
    let r = run(&["parse", "November 8", "--reference", "2022-11-09"], None);
    let v = r.json();
    assert_eq!(
        (v["reference"].as_str(), v["resolved"].as_str()),
        (Some("2022-11-09"), Some("2022-11-08"))
    );
    assert_eq!(r.stderr, "");
    let r = run(
        &[
            "parse",
            "Pyongyang, November 8 (KCNA) --",
            "--reference",
            "2023-01-02",
        ],
        None,
    );
    assert_eq!(r.json()["resolved"], "2022-11-08");
    // A notation with its year: no hint, no resolved field.
    let r = run(
        &["parse", "Juche111.11.8.", "--reference", "2023-01-02"],
        None,
    );
    assert_eq!((r.stderr.as_str(), r.json().get("resolved")), ("", None));
}

#[test]
fn bad_json_says_what_was_found() {
    let records = scratch(
        "found.jsonl",
        "nope\n{\"text\": tru}\n{\"text\": \"a\"\n{\"t\u{e9}xt\" \"a\"}\n".as_bytes(),
    );
    let r = run(&["date", &records], None);
    let errors: Vec<String> = r
        .json_lines()
        .iter()
        .map(|v| v["error"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(
        errors,
        [
            "bad JSON: expected ident at line 1 column 2 (found `o` in `nope`)",
            "bad JSON: expected ident at line 1 column 13 (found `}`)",
            "bad JSON: EOF while parsing an object at line 1 column 12 (found the end of the line)",
            "bad JSON: expected `:` at line 1 column 10 (found `\"`)",
        ]
    );
}

#[test]
fn eval_help_explains_its_columns() {
    let r = run(&["eval", "--help"], None);
    assert!(
        r.stdout
            .contains("wrong+c (dated to another day, and a conflict was reported")
    );
    assert!(
        r.stdout
            .contains("wrong-c (dated to another day with no conflict reported")
    );
}
