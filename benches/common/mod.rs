//! What the scaling benchmarks (`adversarial`, `article`) share: sizes, their labels, and the
//! preflight that keeps a superlinear input from running for hours.

use std::time::Duration;

pub const KIB: usize = 1024;
pub const MIB: usize = 1024 * KIB;

/// `1MiB`, `8MiB`, `64KiB`.
pub fn size_label(len: usize) -> String {
    if len >= MIB {
        format!("{}MiB", len / MIB)
    } else {
        format!("{}KiB", len / KIB)
    }
}

/// Whether criterion runs in `--profile-time` mode: then the preflight and the table are skipped,
/// so that a profile shows only the benchmark selected.
pub fn profiling() -> bool {
    std::env::args().any(|a| a == "--profile-time")
}

/// Whether criterion runs as a benchmark (`cargo bench`), not once as a test (`cargo test
/// --benches`, as CI runs it): in a test run the table is skipped and each input is timed at 64 KiB
/// and 512 KiB (the preflight still fails a superlinear input), so that CI stays short.
pub fn benchmarking() -> bool {
    std::env::args().any(|a| a == "--bench")
}

/// The two sizes to time an input at: 1 and 8 MiB, or 8 and 64 KiB (the same 8x step) when a
/// preflight finds it clearly superlinear (64 KiB to 256 KiB more than 10x slower), with whether it
/// was. `time_at(len)` times the input built to `len` bytes.
pub fn sizes_for(time_at: impl Fn(usize) -> Duration) -> ([usize; 2], bool) {
    let small = time_at(64 * KIB);
    let large = time_at(256 * KIB);
    let ratio = large.as_secs_f64() / small.as_secs_f64().max(1e-9);
    if ratio > 10.0 && large > Duration::from_millis(20) {
        ([8 * KIB, 64 * KIB], true)
    } else if benchmarking() {
        ([MIB, 8 * MIB], false)
    } else {
        ([64 * KIB, 512 * KIB], false)
    }
}

/// Fails the run (in `cargo bench` and in CI's `cargo test --benches` alike) when the preflight
/// found an input superlinear, naming every such input: a quadratic path is a bug, not a number
/// to report.
pub fn fail_if_superlinear<'a>(plan: impl IntoIterator<Item = (&'a str, bool)>) {
    let slow: Vec<&str> = plan
        .into_iter()
        .filter_map(|(name, superlinear)| superlinear.then_some(name))
        .collect();
    assert!(
        slow.is_empty(),
        "superlinear (64 KiB -> 256 KiB more than 10x the time): {slow:?}"
    );
}
