//! The module layout: no module of `src/` imports another that imports it back, directly or
//! through others (issue 10). A module's imports are the `crate::…` paths in its code (outside
//! comments and its `#[cfg(test)] mod tests`), with names the crate root re-exports traced to the
//! module that defines them.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::string_slice,
    clippy::arithmetic_side_effects
)]

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

/// Every `.rs` file under `dir`.
fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The module path of a file (`grammar::dmy` for `src/grammar/dmy.rs`, `grammar` for
/// `src/grammar/mod.rs`).
fn module_of(src: &Path, file: &Path) -> String {
    let rel = file.strip_prefix(src).unwrap().with_extension("");
    let parts: Vec<String> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .filter(|p| p != "mod")
        .collect();
    parts.join("::")
}

/// The code of a file without comments and without its unit tests.
fn code_of(text: &str) -> String {
    let text = match text.find("#[cfg(test)]\nmod tests") {
        Some(at) => &text[..at],
        None => text,
    };
    text.lines()
        .filter(|line| !line.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The identifier paths that follow `crate::` in `code`, each as its segments.
fn crate_paths(code: &str) -> Vec<Vec<String>> {
    let mut paths = Vec::new();
    for (at, _) in code.match_indices("crate::") {
        let rest = &code[at + "crate::".len()..];
        let path: String = rest
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == ':')
            .collect();
        let segments: Vec<String> = path
            .split("::")
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
            .collect();
        paths.push(segments);
        // `crate::{A, b::C}`: the names of the group, each a path.
        let after = &rest[path.len()..];
        if path.is_empty() && after.starts_with('{') {
            let group = &after[1..after.find('}').unwrap_or(after.len())];
            for item in group.split(',') {
                let item: Vec<String> = item
                    .trim()
                    .split("::")
                    .map(|s| s.trim().to_owned())
                    .filter(|s| !s.is_empty() && s != "{" && s != "self")
                    .collect();
                if !item.is_empty() {
                    paths.push(item);
                }
            }
        }
    }
    paths
}

/// The names the crate root re-exports, by the module that defines them.
fn reexports(lib: &str) -> BTreeMap<String, String> {
    let mut names = BTreeMap::new();
    for line in lib.lines().map(str::trim) {
        let Some(rest) = line.strip_prefix("pub use ") else {
            continue;
        };
        let rest = rest.trim_end_matches(';');
        let (module, items) = match rest.find("::{") {
            Some(at) => (&rest[..at], rest[at + 3..].trim_end_matches('}')),
            None => match rest.rfind("::") {
                Some(at) => (&rest[..at], &rest[at + 2..]),
                None => continue,
            },
        };
        for item in items.split(',').map(str::trim).filter(|i| !i.is_empty()) {
            names.insert(item.to_owned(), module.to_owned());
        }
    }
    names
}

#[test]
fn no_module_imports_one_that_imports_it_back() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let lib = fs::read_to_string(src.join("lib.rs")).unwrap();
    let reexported = reexports(&lib);
    let modules: BTreeMap<String, String> = files
        .iter()
        .map(|f| (module_of(&src, f), fs::read_to_string(f).unwrap()))
        .filter(|(m, _)| m != "lib")
        .collect();
    assert!(modules.len() >= 15, "{:?}", modules.keys());

    let mut imports: BTreeMap<&str, BTreeSet<String>> = BTreeMap::new();
    for (module, text) in &modules {
        let mut deps = BTreeSet::new();
        for path in crate_paths(&code_of(text)) {
            // The longest prefix of the path that is a module, else a re-exported name.
            let target = (1..=path.len())
                .rev()
                .map(|n| path[..n].join("::"))
                .find(|p| modules.contains_key(p))
                .or_else(|| path.first().and_then(|name| reexported.get(name).cloned()));
            if let Some(target) = target.filter(|t| t != module) {
                deps.insert(target);
            }
        }
        imports.insert(module, deps);
    }

    // A depth-first search that reports the first cycle it meets.
    fn visit<'a>(
        module: &'a str,
        imports: &'a BTreeMap<&str, BTreeSet<String>>,
        stack: &mut Vec<&'a str>,
        done: &mut BTreeSet<&'a str>,
    ) {
        if done.contains(module) {
            return;
        }
        if let Some(at) = stack.iter().position(|m| *m == module) {
            panic!("import cycle: {} -> {module}", stack[at..].join(" -> "));
        }
        stack.push(module);
        for dep in imports.get(module).into_iter().flatten() {
            if let Some((name, _)) = imports.get_key_value(dep.as_str()) {
                visit(name, imports, stack, done);
            }
        }
        stack.pop();
        done.insert(module);
    }
    let mut done = BTreeSet::new();
    for module in imports.keys() {
        visit(module, &imports, &mut Vec::new(), &mut done);
    }
    // The ground imports nothing of the crate.
    assert!(imports["calendar"].is_empty(), "{:?}", imports["calendar"]);
    assert!(imports["kind"].is_empty(), "{:?}", imports["kind"]);
}
