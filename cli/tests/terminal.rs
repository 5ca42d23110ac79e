//! What `kcna-dates` prints only on a terminal: the progress bar (its width, its clearing on
//! Ctrl-C) and the notice when it waits for standard input. Runs the binary on pseudo-terminals.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use std::fs::File;
use std::io::{Read, Write};
use std::os::fd::OwnedFd;
use std::path::PathBuf;
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::{Arc, Mutex};
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

use nix::pty::{Winsize, openpty};
use nix::sys::signal::{Signal, kill};
use nix::unistd::Pid;

const BIN: &str = env!("CARGO_BIN_EXE_kcna-dates");

/// The characters a progress bar is drawn with (done, to do).
const BAR: [char; 2] = ['█', '░'];

/// A pseudo-terminal of `cols` columns: (master, slave).
fn pty(cols: u16) -> (File, OwnedFd) {
    let size = Winsize {
        ws_row: 24,
        ws_col: cols,
        ws_xpixel: 0,
        ws_ypixel: 0,
    };
    let pty = openpty(&size, None).expect("open a pseudo-terminal");
    (File::from(pty.master), pty.slave)
}

/// Reads everything the terminal shows until the last slave is closed.
fn read_all(mut master: File) -> JoinHandle<Vec<u8>> {
    thread::spawn(move || {
        let mut out = Vec::new();
        let mut buf = [0u8; 4096];
        // Linux reports EIO on the master once no process holds the slave.
        while let Ok(n) = master.read(&mut buf) {
            if n == 0 {
                break;
            }
            out.extend_from_slice(&buf[..n]);
        }
        out
    })
}

/// Waits for `child`, killing it (and failing) after a minute.
fn wait(child: &mut Child) -> ExitStatus {
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            return status;
        }
        if Instant::now() > deadline {
            child.kill().unwrap();
            panic!("kcna-dates did not finish");
        }
        thread::sleep(Duration::from_millis(20));
    }
}

/// The screen line states drawn on a terminal: the text between carriage returns, line feeds
/// and erase-line sequences, with escape sequences removed. The last element is what the
/// cursor's line shows at the end.
fn frames(bytes: &[u8]) -> Vec<String> {
    let text = String::from_utf8_lossy(bytes);
    let mut frames = vec![String::new()];
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' | '\n' => frames.push(String::new()),
            '\u{1b}' => {
                // CSI: ESC [ parameters final-byte.
                if chars.peek() == Some(&'[') {
                    chars.next();
                    let mut last = ' ';
                    for c in chars.by_ref() {
                        last = c;
                        if c.is_ascii_alphabetic() {
                            break;
                        }
                    }
                    if last == 'K' || last == 'J' || last == 'A' {
                        frames.push(String::new());
                    }
                } else {
                    chars.next();
                }
            }
            c => frames.last_mut().unwrap().push(c),
        }
    }
    frames
}

fn scratch(name: &str) -> PathBuf {
    [env!("CARGO_TARGET_TMPDIR"), name].iter().collect()
}

#[test]
fn stdin_on_a_terminal_says_it_is_read() {
    let (mut master, slave) = pty(80);
    let mut child = Command::new(BIN)
        .arg("date")
        .stdin(Stdio::from(slave))
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // A line, then Ctrl-D at the start of a line: the end of the input.
    master.write_all(b"Juche111.11.8.\n\x04").unwrap();
    let echo = read_all(master);
    let status = wait(&mut child);
    let mut stdout = String::new();
    child
        .stdout
        .take()
        .unwrap()
        .read_to_string(&mut stdout)
        .unwrap();
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut stderr)
        .unwrap();
    drop(echo);
    assert!(status.success(), "{stderr}");
    assert!(
        stderr.starts_with("kcna-dates: reading standard input (pass a FILE or pipe text)\n"),
        "{stderr}"
    );
    let v: serde_json::Value = serde_json::from_str(stdout.trim()).unwrap();
    assert_eq!(v["publication_date"], "2022-11-08");

    // From a pipe: no notice.
    let mut child = Command::new(BIN)
        .arg("date")
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"Juche111.11.8.\n")
        .unwrap();
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(!stderr.contains("reading standard input"), "{stderr}");
}

/// Runs `date` with stderr on a terminal of `cols` columns, on a file and then a FIFO that no
/// one writes, so the bar stays up; interrupts it once frames were drawn. Returns the exit
/// status and what the terminal received.
fn interrupted_run(cols: u16) -> (ExitStatus, Vec<u8>) {
    let file = scratch(&format!("bar-{cols}.jsonl"));
    let mut records = String::new();
    for i in 0..2000 {
        records.push_str(&format!(
            "{{\"id\": {i}, \"text\": \"Pyongyang, May 7 (KCNA) -- words.\\nwww.kcna.kp (Juche113.5.7.)\"}}\n"
        ));
    }
    std::fs::write(&file, records).unwrap();
    let fifo = scratch(&format!("bar-{cols}.fifo"));
    let _ = std::fs::remove_file(&fifo);
    nix::unistd::mkfifo(&fifo, nix::sys::stat::Mode::S_IRWXU).unwrap();
    let (master, slave) = pty(cols);
    let mut child = Command::new(BIN)
        .args(["date", "--jsonl"])
        .arg(&file)
        .arg(&fifo)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::from(slave))
        .spawn()
        .unwrap();
    let screen = Arc::new(Mutex::new(Vec::new()));
    let reader = {
        let screen = Arc::clone(&screen);
        let mut master = master;
        thread::spawn(move || {
            let mut buf = [0u8; 4096];
            while let Ok(n) = master.read(&mut buf) {
                if n == 0 {
                    break;
                }
                screen.lock().unwrap().extend_from_slice(&buf[..n]);
            }
        })
    };
    // The steady tick draws the bar four times a second while the reader waits on the FIFO:
    // wait for a frame (however loaded the machine), and a few more.
    let deadline = Instant::now() + Duration::from_secs(30);
    while !String::from_utf8_lossy(&screen.lock().unwrap()).contains(BAR) {
        assert!(Instant::now() < deadline, "no bar was drawn in 30 s");
        thread::sleep(Duration::from_millis(50));
    }
    thread::sleep(Duration::from_millis(600));
    kill(Pid::from_raw(child.id() as i32), Signal::SIGINT).unwrap();
    let status = wait(&mut child);
    reader.join().unwrap();
    let shown = screen.lock().unwrap().clone();
    (status, shown)
}

#[test]
fn progress_bar_fits_the_terminal_and_ctrl_c_clears_it() {
    for cols in [80u16, 60, 59, 30, 12] {
        let (status, screen) = interrupted_run(cols);
        let shown = String::from_utf8_lossy(&screen).into_owned();
        assert_eq!(status.code(), Some(130), "{shown:?}");
        let frames = frames(&screen);
        // A frame of the bar: its full text, or its narrow forms (percent, or the bar alone).
        let is_bar = |f: &String| f.contains(BAR);
        let drawn: Vec<&String> = frames.iter().filter(|f| is_bar(f)).collect();
        assert!(!drawn.is_empty(), "no bar was drawn: {shown:?}");
        for frame in &frames {
            assert!(
                frame.chars().count() <= usize::from(cols),
                "{} columns on a {cols}-column terminal: {frame:?}",
                frame.chars().count()
            );
        }
        // The widest frame fills the line (the bar stretches to the width).
        let widest = drawn.iter().map(|f| f.chars().count()).max().unwrap();
        assert!(widest + 2 >= usize::from(cols), "{widest}: {drawn:?}");
        // After Ctrl-C the bar's line is empty: the last frame was cleared.
        assert_eq!(frames.last().map(String::as_str), Some(""), "{shown:?}");
        let last_drawn = frames.iter().rposition(|f| !f.is_empty()).unwrap();
        assert!(
            is_bar(&frames[last_drawn]),
            "the last text on the terminal is the bar: {shown:?}"
        );
        assert!(
            shown.rfind("\u{1b}[2K").unwrap() > shown.rfind(BAR).unwrap(),
            "the last frame is erased: {shown:?}"
        );
    }
}

/// On a terminal, `date` prints the table for a person; piped, JSON Lines (see cli.rs).
#[test]
fn date_prints_a_table_on_a_terminal() {
    let (master, slave) = pty(120);
    let file = scratch("table-tty.txt");
    std::fs::write(&file, "Juche111.11.8.").unwrap();
    let mut child = Command::new(BIN)
        .arg("date")
        .arg(&file)
        .stdin(Stdio::null())
        .stdout(Stdio::from(slave))
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let screen = read_all(master);
    assert!(wait(&mut child).success());
    let screen = String::from_utf8(screen.join().unwrap()).unwrap();
    let lines: Vec<&str> = screen.lines().map(|l| l.trim_end_matches('\r')).collect();
    assert_eq!(lines[0], "file:line\tdate\tsource\tconflicts", "{screen}");
    assert_eq!(
        lines[1],
        format!(
            "{}:1\t2022-11-08\tjuche_stamp `Juche111.11.8.`\t0",
            file.display()
        )
    );
}
