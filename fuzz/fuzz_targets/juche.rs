//! Fuzz target `juche`: the oracle is `oracles::juche` (shared with `src/fuzz_replay_tests.rs`).
#![no_main]

#[allow(dead_code)]
#[path = "../oracles.rs"]
mod oracles;

libfuzzer_sys::fuzz_target!(|data: &[u8]| oracles::juche(data));
