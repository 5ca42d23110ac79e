//! Directory arguments: each is walked for the files to read, in a stable order.
//!
//! A directory is read as the files under it (at any depth) whose name ends in `.jsonl`,
//! `.ndjson` or `.txt`, or one of those followed by `.gz` (with `--html`, also `.html` and
//! `.htm`), any case. Entries are taken in the byte order of their names, a directory's files and
//! subdirectories together, depth first: the same order on every run and every machine. Hidden
//! entries (a name starting with `.`) and symbolic links to directories are not followed. Every
//! other file is skipped, and the skipped files are named in a notice on stderr.

use std::ffi::OsString;
use std::fs;
use std::path::{Path, PathBuf};

use crate::input::STDIN_NAME;

/// How many skipped files a notice names (the rest are counted).
const NAMED: usize = 5;

/// The inputs with each directory replaced by the files to read under it, and what to say.
#[derive(Debug, Default)]
pub struct Walked {
    /// The inputs, in order (an empty list stays empty: standard input).
    pub files: Vec<PathBuf>,
    /// One notice per directory that had files skipped, or nothing to read.
    pub notices: Vec<String>,
    /// The directories given in which nothing was found to read.
    pub empty: Vec<PathBuf>,
}

/// What the walk of one directory found.
#[derive(Default)]
struct Found {
    files: Vec<PathBuf>,
    skipped: Vec<PathBuf>,
    hidden: u64,
    links: u64,
}

/// Whether a file name is read in a directory walk (see the module's documentation).
pub fn is_readable_name(path: &Path, html: bool) -> bool {
    let lower = |s: &std::ffi::OsStr| s.to_str().map(str::to_ascii_lowercase);
    let inner = match path.extension().and_then(lower).as_deref() {
        Some("gz") => path.file_stem().map(Path::new),
        _ => Some(path),
    };
    let ext = inner.and_then(|p| p.extension()).and_then(lower);
    match ext.as_deref() {
        Some("jsonl" | "ndjson" | "txt") => true,
        Some("html" | "htm") => html,
        _ => false,
    }
}

/// Replaces every directory among `files` by the files to read under it (see the module's
/// documentation). Files and `-` are kept as given.
pub fn expand(files: &[PathBuf], html: bool) -> Walked {
    let mut walked = Walked::default();
    for path in files {
        let is_dir = path.as_os_str() != STDIN_NAME && fs::metadata(path).is_ok_and(|m| m.is_dir());
        if !is_dir {
            walked.files.push(path.clone());
            continue;
        }
        let mut found = Found::default();
        walk(path, html, &mut found);
        if found.files.is_empty() {
            walked.empty.push(path.clone());
        }
        if let Some(notice) = notice(path, &found, html) {
            walked.notices.push(notice);
        }
        walked.files.append(&mut found.files);
    }
    walked
}

/// Walks `dir` depth first, its entries in the byte order of their names; a directory that
/// cannot be listed is kept as an input, so that reading it reports why.
fn walk(dir: &Path, html: bool, found: &mut Found) {
    // An explicit stack of entries still to visit, the next one on top, instead of recursion: no
    // depth of directories can overflow it.
    let mut stack: Vec<(PathBuf, bool)> = vec![(dir.to_path_buf(), true)];
    while let Some((path, is_dir)) = stack.pop() {
        if !is_dir {
            if is_readable_name(&path, html) {
                found.files.push(path);
            } else {
                found.skipped.push(path);
            }
            continue;
        }
        let Ok(entries) = fs::read_dir(&path) else {
            found.files.push(path);
            continue;
        };
        let mut names: Vec<(OsString, bool)> = Vec::new();
        for entry in entries.flatten() {
            let name = entry.file_name();
            if name.as_encoded_bytes().first() == Some(&b'.') {
                found.hidden = found.hidden.saturating_add(1);
                continue;
            }
            let kind = entry.file_type().ok();
            if kind.is_some_and(|k| k.is_symlink())
                && fs::metadata(entry.path()).is_ok_and(|m| m.is_dir())
            {
                found.links = found.links.saturating_add(1);
                continue;
            }
            names.push((name, kind.is_some_and(|k| k.is_dir())));
        }
        // Reversed, so that the first name is on top of the stack.
        names.sort_by(|a, b| b.0.as_encoded_bytes().cmp(a.0.as_encoded_bytes()));
        stack.extend(
            names
                .into_iter()
                .map(|(name, is_dir)| (path.join(name), is_dir)),
        );
    }
}

/// What to say about the walk of `dir`: the files skipped (the first few named), hidden entries
/// and links not followed, or that nothing was found to read.
fn notice(dir: &Path, found: &Found, html: bool) -> Option<String> {
    let read = if html {
        ".jsonl, .ndjson, .txt, .html, .htm"
    } else {
        ".jsonl, .ndjson, .txt"
    };
    let mut parts = Vec::new();
    if !found.skipped.is_empty() {
        let named: Vec<String> = found
            .skipped
            .iter()
            .take(NAMED)
            .map(|p| p.strip_prefix(dir).unwrap_or(p).display().to_string())
            .collect();
        let more = found.skipped.len().saturating_sub(NAMED);
        let mut list = named.join(", ");
        if more > 0 {
            list.push_str(&format!(" and {more} more"));
        }
        let html_tip = if !html && found.skipped.iter().any(|p| is_readable_name(p, true)) {
            " (.html pages are read with --html)"
        } else {
            ""
        };
        parts.push(format!(
            "skipped {} not named {read} (or .gz of them): {list}{html_tip}",
            crate::plural(found.skipped.len() as u64, "file", "files"),
        ));
    }
    if found.hidden > 0 {
        parts.push(format!(
            "skipped {} (name starting with `.`)",
            crate::plural(found.hidden, "hidden entry", "hidden entries")
        ));
    }
    if found.links > 0 {
        parts.push(format!(
            "did not follow {}",
            crate::plural(found.links, "link to a directory", "links to directories")
        ));
    }
    let files = found.files.len() as u64;
    if parts.is_empty() {
        return None;
    }
    Some(format!(
        "{}: directory: {} to read; {}",
        dir.display(),
        crate::plural(files, "file", "files"),
        parts.join("; ")
    ))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn readable_names() {
        for (name, plain, html) in [
            ("a.jsonl", true, true),
            ("a.NDJSON", true, true),
            ("a.txt.gz", true, true),
            ("a.jsonl.GZ", true, true),
            ("a.html", false, true),
            ("a.htm.gz", false, true),
            ("a.gz", false, false),
            ("a.csv", false, false),
            ("jsonl", false, false),
        ] {
            assert_eq!(is_readable_name(Path::new(name), false), plain, "{name}");
            assert_eq!(is_readable_name(Path::new(name), true), html, "{name}");
        }
    }
}
