//! Unit tests of the anniversary table and reader.
