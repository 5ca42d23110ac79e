//! The grammars: the parse runtime and one module per notation.
//!
//! * [`runtime`]: the nom error type, the three-state prefix result ([`runtime::Prefix`]),
//!   bounded numbers, English month and weekday words, and the "shape, then validate" protocol;
//! * [`wide`]: the pieces of the Korean and Japanese editions (full-width digits, ideographic
//!   spaces, full-width parentheses);
//! * [`fixed`]: the fixed-width byte readers the fast paths are built from;
//! * one module per notation, holding its type, its nom grammar (the grammar block of its doc
//!   comment), its fast path where a benchmark shows one pays, and its unit tests.
//!
//! Every notation module is read through the registry in [`crate::notation`].

pub(crate) mod anniversary;
pub(crate) mod body;
pub(crate) mod dateline;
pub(crate) mod dmy;
pub(crate) mod dotted;
pub(crate) mod fixed;
pub(crate) mod iso;
pub(crate) mod juche;
pub(crate) mod korean;
pub(crate) mod lunar_ref;
pub(crate) mod month_name;
pub(crate) mod named_day;
pub(crate) mod relative;
pub(crate) mod runtime;
pub(crate) mod spanish;
#[cfg(test)]
pub(crate) mod testing;
pub(crate) mod wide;
pub(crate) mod year;
