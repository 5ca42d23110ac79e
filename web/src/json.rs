//! The JSON form of the library's results: the library's own serialization (feature `serde`),
//! the one JSON form of an article's dating that the command-line tool prints too.

use kcna_dates::{ArticleDate, Found};
use serde_json::{Map, Value};

/// One notation found by `scan`, as the library serializes it.
pub fn found(found: &Found) -> Value {
    serde_json::to_value(found).unwrap_or_else(|err| Value::String(err.to_string()))
}

/// Everything `date_article` found (`publication_date`, `source`, `doubtful`, `signals`,
/// `agreeing`, `conflicts`, `body_dates`, `invalid`), as fields added to `out`.
pub fn article(dated: &ArticleDate, out: &mut Map<String, Value>) {
    match serde_json::to_value(dated) {
        Ok(Value::Object(fields)) => out.extend(fields),
        Ok(other) => {
            out.insert(
                "error".into(),
                format!("unexpected JSON form {other}").into(),
            );
        }
        Err(err) => {
            out.insert("error".into(), err.to_string().into());
        }
    }
}
