//! Byte offsets (Rust) to UTF-16 offsets (JavaScript strings), in one linear pass.
//!
//! Every object of a JSON result that has integer `start` and `end` fields (byte offsets into the
//! text) gains `start_utf16` and `end_utf16`: the same positions counted in UTF-16 code units,
//! which is what `String.prototype.slice` and a `<textarea>`'s selection take. All the offsets are
//! `error` objects are left alone: an error's span says where in the notation it went wrong. The
//! offsets are collected first, sorted, and converted in a single walk over the text, so the cost is linear in
//! the text plus `k log k` for `k` offsets, not one walk from the start per hit.

use serde_json::{Map, Value};

/// The UTF-16 offsets of `sorted` byte offsets (ascending) in `text`, in the same order.
///
/// A byte offset inside a character maps to the UTF-16 offset of that character's start; one past
/// the end of the text maps to the text's UTF-16 length.
pub fn utf16_offsets(text: &str, sorted: &[usize]) -> Vec<usize> {
    let mut out = Vec::with_capacity(sorted.len());
    let mut units: usize = 0;
    let mut chars = text.char_indices().peekable();
    for &target in sorted {
        while let Some(&(pos, ch)) = chars.peek() {
            if pos.saturating_add(ch.len_utf8()) > target {
                break;
            }
            units = units.saturating_add(ch.len_utf16());
            chars.next();
        }
        out.push(units);
    }
    out
}

/// The `start` and `end` of an object, when both are non-negative integers.
fn span_of(object: &Map<String, Value>) -> Option<(usize, usize)> {
    let start = object.get("start")?.as_u64()?;
    let end = object.get("end")?.as_u64()?;
    Some((usize::try_from(start).ok()?, usize::try_from(end).ok()?))
}

/// Every byte offset of every span in `value`, in any order.
fn collect(value: &Value, out: &mut Vec<usize>) {
    match value {
        Value::Array(items) => items.iter().for_each(|item| collect(item, out)),
        Value::Object(object) => {
            if let Some((start, end)) = span_of(object) {
                out.push(start);
                out.push(end);
            }
            object
                .iter()
                .filter(|(key, _)| key.as_str() != "error")
                .for_each(|(_, item)| collect(item, out));
        }
        _ => {}
    }
}

/// Adds `start_utf16` and `end_utf16` after every `start`/`end` pair in `value`.
fn rewrite(value: &mut Value, lookup: &impl Fn(usize) -> usize) {
    match value {
        Value::Array(items) => items.iter_mut().for_each(|item| rewrite(item, lookup)),
        Value::Object(object) => {
            if let Some((start, end)) = span_of(object) {
                object.insert("start_utf16".into(), lookup(start).into());
                object.insert("end_utf16".into(), lookup(end).into());
            }
            object
                .iter_mut()
                .filter(|(key, _)| key.as_str() != "error")
                .for_each(|(_, item)| rewrite(item, lookup));
        }
        _ => {}
    }
}

/// Adds UTF-16 offsets to every span of `value`, which holds byte offsets into `text`.
pub fn add_utf16_offsets(text: &str, value: &mut Value) {
    let mut offsets = Vec::new();
    collect(value, &mut offsets);
    offsets.sort_unstable();
    offsets.dedup();
    let units = utf16_offsets(text, &offsets);
    let lookup = |byte: usize| -> usize {
        match offsets.binary_search(&byte) {
            Ok(index) => units.get(index).copied().unwrap_or(0),
            // Not collected (cannot happen: every offset rewritten was collected).
            Err(_) => 0,
        }
    };
    rewrite(value, &lookup);
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// The UTF-16 offset of `byte` computed the slow way: encode the prefix.
    fn slow(text: &str, byte: usize) -> usize {
        text.get(..byte)
            .map_or(0, |prefix| prefix.encode_utf16().count())
    }

    #[test]
    fn ascii_offsets_are_unchanged() {
        let text = "Pyongyang, November 8 (KCNA) --";
        assert_eq!(utf16_offsets(text, &[0, 3, 31]), vec![0, 3, 31]);
    }

    #[test]
    fn korean_japanese_and_astral_text() {
        // Hangul and kanji are 3 bytes and 1 UTF-16 unit; an emoji is 4 bytes and 2 units.
        let text = "（평양　８월　２１일발　조선중앙통신）😀【平壌７月５日発朝鮮中央通信】x";
        let boundaries: Vec<usize> = text
            .char_indices()
            .map(|(i, _)| i)
            .chain([text.len()])
            .collect();
        let fast = utf16_offsets(text, &boundaries);
        let expected: Vec<usize> = boundaries.iter().map(|&b| slow(text, b)).collect();
        assert_eq!(fast, expected);
        assert_eq!(fast.last().copied(), Some(text.encode_utf16().count()));
    }

    #[test]
    fn offsets_past_the_end_map_to_the_length() {
        assert_eq!(utf16_offsets("평양", &[6, 100]), vec![2, 2]);
    }

    #[test]
    fn spans_in_nested_objects_gain_utf16_offsets() {
        let text = "평양 Juche111.11.8.";
        let mut value = json!({
            "found": [{"start": 7, "end": 21, "kind": "juche_stamp"}],
            "source": {"start": 7, "end": 21},
            "other": {"start": "x", "end": 1},
            "error": {"start": 7, "end": 8},
        });
        add_utf16_offsets(text, &mut value);
        assert_eq!(value["found"][0]["start_utf16"], 3);
        assert_eq!(value["found"][0]["end_utf16"], 17);
        assert_eq!(value["source"]["start_utf16"], 3);
        assert!(value["other"].get("start_utf16").is_none());
        assert!(value["error"].get("start_utf16").is_none());
        let slice: String = text
            .encode_utf16()
            .skip(3)
            .take(14)
            .map(|u| char::from_u32(u32::from(u)).unwrap_or('?'))
            .collect();
        assert_eq!(slice, "Juche111.11.8.");
    }
}
