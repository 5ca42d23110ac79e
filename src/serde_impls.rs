//! serde support (feature `serde`): every value type is its canonical text.
//!
//! Serializing writes the `Display` text; deserializing reads a string (or UTF-8 bytes) through the
//! same strict parser as `FromStr`, so a value that serializes always deserializes to itself and a
//! bad string is a deserialization error carrying the parser's message.

use core::fmt;
use core::marker::PhantomData;
use core::str::FromStr;

use serde::de::{self, Deserialize, Deserializer, Visitor};
use serde::ser::{Serialize, Serializer};

use crate::{Dateline, JucheDate, JucheYear, KoreanDate, MonthNameDate, Notation, SpanishDate};

/// Reads a value of `T` from a string or UTF-8 bytes with `T::from_str`.
struct TextVisitor<T> {
    expecting: &'static str,
    marker: PhantomData<T>,
}

impl<T> Visitor<'_> for TextVisitor<T>
where
    T: FromStr,
    T::Err: fmt::Display,
{
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.expecting)
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<T, E> {
        text.parse().map_err(E::custom)
    }

    fn visit_bytes<E: de::Error>(self, bytes: &[u8]) -> Result<T, E> {
        match core::str::from_utf8(bytes) {
            Ok(text) => self.visit_str(text),
            Err(_) => Err(E::invalid_value(de::Unexpected::Bytes(bytes), &self)),
        }
    }
}

/// Implements `Serialize` and `Deserialize` through `Display` and `FromStr`.
macro_rules! serde_as_text {
    ($($ty:ty => $expecting:literal),* $(,)?) => {$(
        impl Serialize for $ty {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.collect_str(self)
            }
        }

        impl<'de> Deserialize<'de> for $ty {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<$ty, D::Error> {
                deserializer.deserialize_str(TextVisitor { expecting: $expecting, marker: PhantomData })
            }
        }
    )*};
}

serde_as_text! {
    JucheDate => "a Juche stamp such as `Juche111.11.8.`",
    JucheYear => "a Juche year such as `Juche 113 (2024)`",
    MonthNameDate => "a date such as `November 8, 2022`",
    Dateline => "a dateline such as `Pyongyang, November 8 (KCNA)`",
    KoreanDate => "a Korean date such as `2026년 8월 21일`",
    SpanishDate => "a Spanish date such as `15 de junio de 2000`",
    Notation => "a KCNA date notation",
}
