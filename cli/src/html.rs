//! `--html`: the text of a raw HTML page, as a reader sees it, to date instead of its markup.
//!
//! The page is parsed by html5ever (through `scraper`), as a browser parses it: character
//! references are decoded (`&nbsp;` is U+00A0, `&#46;` a `.`), tags that split a notation
//! (`Juche<b>111</b>.11.8.`) are dropped, and so are the contents of `script`, `style`,
//! `noscript`, `template` and the page's `head` (its `title` is kept, as the first line). Within a
//! block, runs of whitespace (and U+00A0) become one space, as a browser shows them (also in `pre`);
//! each block element (`p`, `div`, `br`, `li`, `h1`…, `tr`, `td`…) starts a new line. Every offset
//! reported for the article (`start`, `end`, a signal's `span`) is a byte offset into this
//! extracted text, not into the HTML.

use scraper::node::Element;
use scraper::{Html, Node};

/// Elements whose content is not text a reader sees.
const HIDDEN: &[&str] = &[
    "script", "style", "noscript", "template", "head", "iframe", "object", "svg", "select",
];

/// Elements that start (and end) a line.
const BLOCKS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "br",
    "caption",
    "dd",
    "details",
    "dialog",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "td",
    "th",
    "title",
    "tr",
    "ul",
];

/// The text of an HTML page or fragment (see the module's documentation).
pub fn text(html: &str) -> String {
    let document = Html::parse_document(html);
    let mut out = Extracted::default();
    // The title first: it is in `head`, whose other content is not text.
    let title = document
        .root_element()
        .descendants()
        .find(|node| matches!(node.value(), Node::Element(e) if e.name() == "title"));
    if let Some(title) = title {
        for node in title.descendants() {
            if let Node::Text(text) = node.value() {
                out.push_text(text);
            }
        }
        out.break_line();
    }
    // Depth of hidden elements the walk is in; the walk is iterative (no recursion to overflow on
    // a deeply nested page).
    let mut hidden = 0usize;
    for edge in document.tree.root().traverse() {
        match edge {
            ego_tree::iter::Edge::Open(node) => match node.value() {
                Node::Element(element) if is(element, HIDDEN) => hidden = hidden.saturating_add(1),
                Node::Element(element) if hidden == 0 && is(element, BLOCKS) => out.break_line(),
                Node::Text(text) if hidden == 0 => out.push_text(text),
                _ => {}
            },
            ego_tree::iter::Edge::Close(node) => match node.value() {
                Node::Element(element) if is(element, HIDDEN) => hidden = hidden.saturating_sub(1),
                Node::Element(element) if hidden == 0 && is(element, BLOCKS) => out.break_line(),
                _ => {}
            },
        }
    }
    out.text.truncate(out.text.trim_end().len());
    out.text
}

fn is(element: &Element, names: &[&str]) -> bool {
    names.contains(&element.name())
}

/// The text being extracted, and whether a space is owed before the next word.
#[derive(Default)]
struct Extracted {
    text: String,
    space: bool,
}

impl Extracted {
    /// Appends a text node, its runs of whitespace (and no-break spaces) as one space.
    fn push_text(&mut self, text: &str) {
        for ch in text.chars() {
            if ch.is_whitespace() {
                self.space = true;
                continue;
            }
            if self.space && !self.text.is_empty() && !self.text.ends_with('\n') {
                self.text.push(' ');
            }
            self.space = false;
            self.text.push(ch);
        }
    }

    /// Ends the line (once: no blank lines).
    fn break_line(&mut self) {
        self.space = false;
        if !self.text.is_empty() && !self.text.ends_with('\n') {
            self.text.push('\n');
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_of_a_page() {
        let page = "<!DOCTYPE html><html><head><title>Rodong  Sinmun</title>\
            <script>var d = '2019-01-01';</script><style>p{}</style></head><body>\
            <div class=date>Juche<b>111</b>.11.8.</div>\
            <p>Pyongyang,&nbsp;November&#32;8\n  (KCNA) -- a<br>b</p><ul><li>one<li>two</ul>\
            </body></html>";
        assert_eq!(
            text(page),
            "Rodong Sinmun\nJuche111.11.8.\nPyongyang, November 8 (KCNA) -- a\nb\none\ntwo"
        );
    }

    #[test]
    fn fragments_and_nothing() {
        assert_eq!(text(""), "");
        assert_eq!(text("plain words, no tags"), "plain words, no tags");
        assert_eq!(text("a &lt;b&gt; &amp; c"), "a <b> & c");
    }
}
