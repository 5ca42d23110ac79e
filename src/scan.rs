//! Finding every notation in free text.
//!
//! [`scan`] walks a text once, left to right. At each position where a notation can begin it runs
//! the grammars of [`Notation`]; a match is reported and the walk resumes after it, so the results
//! are ordered and never overlap. Where a notation can begin:
//!
//! * a digit that does not continue a number: not after a letter or digit, nor after `,` `.` `/`
//!   that follow a digit (so `1,000/2024` and `108/11/20221` yield nothing);
//! * `Juche`, anywhere (list labels glue it to other text: `\t\t[Juche113.8.1.]`);
//! * a capital letter that does not continue a capitalised word: month names, weekdays and the place
//!   of a dateline. Scraped pages glue words (`May 08, 2025May 08, 2025`, `atKim Il Sung`), so a
//!   capital after a lower-case letter or a digit may begin one;
//! * a full-width digit (`１９９９년`) by the same rule as an ASCII digit; full-width and ASCII
//!   digits together make one number;
//! * `주체`, `【` (a Japanese dateline), and `(` or `（` before a Hangul syllable (a Korean dateline).
//!
//! The anchored scan ([`scan`]) finds the same as trying every such position: each notation has an
//! anchor (an English month name, `Juche`, `주체`, `년`, `【`, `(` + Hangul, a digit before `/`, `.`
//! or `-`, ` de ` + a Spanish month) at a known distance from its start.
//!
//! Text that has a notation's shape but is not a valid date (`31/02/2022`, `Juche 29 (1930)`) is
//! reported as an invalid candidate: [`Found::date`] is `None` and [`Found::error`] says why.

use core::ops::Range;

use chrono::NaiveDate;

use crate::Edition;
use crate::error::Error;
use crate::grammar::runtime::Prefix;
use crate::notation::{self, Anchor, Notation, NotationKind, REGISTRY};

/// A notation found in a text by [`scan`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Found {
    span: Range<usize>,
    kind: NotationKind,
    value: Result<Notation, Error>,
}

impl Found {
    /// The byte range of the notation in the scanned text (on `char` boundaries).
    pub fn span(&self) -> Range<usize> {
        self.span.clone()
    }

    /// Which notation it is.
    pub fn kind(&self) -> NotationKind {
        self.kind
    }

    /// The full date, when the notation is valid and gives one (a dateline or a bare Juche year
    /// does not).
    pub fn date(&self) -> Option<NaiveDate> {
        self.value.as_ref().ok().and_then(Notation::date)
    }

    /// The value, when the text is a valid notation.
    pub fn notation(&self) -> Option<&Notation> {
        self.value.as_ref().ok()
    }

    /// Why the text, which has a notation's shape, is not a valid date (spans are in the scanned
    /// text).
    pub fn error(&self) -> Option<&Error> {
        self.value.as_ref().err()
    }

    /// Whether this is a valid notation (not an invalid candidate).
    pub fn is_valid(&self) -> bool {
        self.value.is_ok()
    }
}

/// Every notation in `text`, left to right, without overlaps; lazily, so a caller can stop early.
///
/// ```
/// use kcna_dates::{scan, NotationKind};
///
/// let page = "May 08, 2025May 08, 2025\nPyongyang, May 7 (KCNA) --Kim Jong Un ... \
///             www.kcna.kp (Juche114.5.7.) 3/4 of the Juche idea";
/// let found: Vec<_> = scan(page).map(|f| (f.kind(), &page[f.span()])).collect();
/// assert_eq!(found, [
///     (NotationKind::MonthName, "May 08, 2025"),
///     (NotationKind::MonthName, "May 08, 2025"),
///     (NotationKind::Dateline, "Pyongyang, May 7 (KCNA) --"),
///     (NotationKind::JucheStamp, "Juche114.5.7."),
/// ]);
/// ```
pub fn scan(text: &str) -> Scan<'_> {
    Scan {
        text,
        pos: 0,
        anchors: Anchors::new(text, [0; SOURCES]),
    }
}

/// The iterator returned by [`scan`].
pub struct Scan<'a> {
    text: &'a str,
    /// Where the next notation may start: the end of the last one found.
    pos: usize,
    /// The anchors still to visit; `None` only if an anchor automaton could not be built, in
    /// which case every position is tried.
    anchors: Option<Anchors<'a>>,
}

impl Clone for Scan<'_> {
    fn clone(&self) -> Self {
        let anchors = self
            .anchors
            .as_ref()
            .and_then(|a| Anchors::new(self.text, a.resume()));
        Scan {
            text: self.text,
            pos: self.pos,
            anchors,
        }
    }
}

impl core::fmt::Debug for Scan<'_> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("Scan")
            .field("pos", &self.pos)
            .finish_non_exhaustive()
    }
}

impl Iterator for Scan<'_> {
    type Item = Found;

    fn next(&mut self) -> Option<Found> {
        let Some(anchors) = self.anchors.as_mut() else {
            return naive_next(self.text, &mut self.pos);
        };
        let (text, pos) = (self.text, &mut self.pos);
        let bytes = text.as_bytes();
        while let Some(anchor) = anchors.next_anchor() {
            let from = *pos;
            let mut found = None;
            candidate_starts(bytes, anchor.start, anchor.kind, |start| {
                if start >= from {
                    found = read_at(text, start, pos);
                }
                found.is_some()
            });
            if let Some(found) = found {
                let found = earliest_start(text, from, found, pos);
                anchors.skip_before(*pos);
                return Some(found);
            }
        }
        *pos = bytes.len();
        None
    }
}

/// An anchor found in the text.
#[derive(Clone, Copy, Debug)]
struct Hit {
    start: usize,
    end: usize,
    kind: Anchor,
}

/// How many anchor searches [`Anchors`] merges.
const SOURCES: usize = 6;

/// The anchors of a text in order, merged from four searches that each stay fast: the ASCII word
/// anchors (months, `Juche`) with aho-corasick, the anchors of the Korean and Japanese editions
/// with aho-corasick (only in text that is not all ASCII), ` de ` before a Spanish month with
/// memmem, and a digit before `/` `.` `-` with memchr. No anchor of one search can overlap an
/// anchor of another, so the merge gives the anchors one search over all of them would give.
struct Anchors<'a> {
    text: &'a str,
    ascii: Option<aho_corasick::FindIter<'static, 'a>>,
    wide: Option<aho_corasick::FindIter<'static, 'a>>,
    /// The ASCII words of the body notations (their own automaton, under 64 patterns as the
    /// other: with them, the month names and `Juche` would lose aho-corasick's vectorised
    /// searcher).
    words: Option<aho_corasick::FindIter<'static, 'a>>,
    /// Where the search for ` de ` goes on.
    spanish_from: usize,
    /// Where the search for a digit before `/`, `.` or `-` goes on.
    digits_from: usize,
    /// Where the search for `(` (the agency tag of a dateline) goes on.
    tags_from: usize,
    /// The next anchor of each search, once looked at.
    heads: [Option<Hit>; SOURCES],
    /// Which searches have reached the end of the text (an exhausted aho-corasick iterator would
    /// search the rest of the text again on every call).
    done: [bool; SOURCES],
    /// Where each search resumes: the end of the last anchor it gave (for `Clone`).
    resume: [usize; SOURCES],
    /// The search whose head was taken last, the only one that may lack its head (`None` before
    /// the first anchor: then every search does).
    taken: Option<usize>,
}

impl<'a> Anchors<'a> {
    /// The anchors of `text`, each search resuming at its offset in `resume`.
    fn new(text: &'a str, resume: [usize; SOURCES]) -> Option<Anchors<'a>> {
        let (ascii, wide, words) = ANCHORS.as_ref()?;
        let input =
            |from: usize| aho_corasick::Input::new(text).span(from.min(text.len())..text.len());
        let [
            ascii_from,
            wide_from,
            spanish_from,
            digits_from,
            tags_from,
            words_from,
        ] = resume;
        Some(Anchors {
            text,
            ascii: Some(ascii.0.find_iter(input(ascii_from))),
            wide: (!text.is_ascii()).then(|| wide.0.find_iter(input(wide_from))),
            words: Some(words.0.find_iter(input(words_from))),
            spanish_from,
            digits_from,
            tags_from,
            heads: [None; SOURCES],
            done: SEARCHES.map(|needed| !needed),
            resume,
            taken: None,
        })
    }

    /// Where each search resumes.
    fn resume(&self) -> [usize; SOURCES] {
        let mut resume = self.resume;
        // An anchor looked at but not yet taken is found again.
        for (slot, head) in resume.iter_mut().zip(&self.heads) {
            if let Some(hit) = head {
                *slot = (*slot).min(hit.start);
            }
        }
        resume
    }

    /// Moves the searches whose anchors lie at or before every start they give past the anchors
    /// before `pos`: once a notation ends at `pos`, no start before it is tried again (`scan`
    /// would drop those anchors one by one; in `08/11/2022` the second `/` is inside the date).
    fn skip_before(&mut self, pos: usize) {
        // A digit before `/` `.` `-`, ` de ` and `(` lie at or after every start they give (see
        // `candidate_starts`); the automata's anchors do not (`(주체`), and their searches go on.
        for from in [
            &mut self.spanish_from,
            &mut self.digits_from,
            &mut self.tags_from,
        ] {
            *from = (*from).max(pos);
        }
    }

    /// The next anchor of search `source`.
    fn pull(&mut self, source: usize) -> Option<Hit> {
        let kinds = |k: usize| {
            ANCHORS.as_ref().map(|(ascii, wide, words)| match k {
                0 => ascii.1.as_slice(),
                1 => wide.1.as_slice(),
                _ => words.1.as_slice(),
            })
        };
        match source {
            0 | 1 | 5 => {
                let iter = match source {
                    0 => self.ascii.as_mut()?,
                    1 => self.wide.as_mut()?,
                    _ => self.words.as_mut()?,
                };
                let m = iter.next()?;
                let kind = *kinds(source)?.get(m.pattern().as_usize())?;
                Some(Hit {
                    start: m.start(),
                    end: m.end(),
                    kind,
                })
            }
            4 => loop {
                // `(` of a dateline's agency tag: the anchor of datelines whose month is in
                // capitals or lower case (`PYONGYANG, MARCH 1 (KCNA)`, `pyongyang, october 17
                // (kcna)`), which the capitalised month names do not anchor.
                let hay = self.text.as_bytes().get(self.tags_from..)?;
                let Some(found) = memchr::memchr(b'(', hay) else {
                    self.tags_from = self.text.len();
                    return None;
                };
                let at = self.tags_from.checked_add(found)?;
                self.tags_from = at.saturating_add(1);
                // A tag's day stands before it (`1 (`): a `(` without a digit and spaces before
                // it gives no start (see `month_before_tag`), and is dropped here, before the
                // merge (in `((((`, every one).
                let day_end = at.saturating_sub(spaces_before(self.text.as_bytes(), at));
                if !digit_ends_at(self.text.as_bytes(), day_end) {
                    continue;
                }
                return Some(Hit {
                    start: at,
                    end: self.tags_from,
                    kind: Anchor::Tag,
                });
            },
            3 => loop {
                // `/`, `.` or `-` after a digit: the digit is the anchor. (As aho-corasick patterns
                // these 30 two-byte anchors would push the other ASCII anchors off its fastest
                // searcher; two such anchors never overlap, so this finds the same ones.)
                let hay = self.text.as_bytes().get(self.digits_from..)?;
                let Some(found) = memchr::memchr3(b'/', b'.', b'-', hay) else {
                    self.digits_from = self.text.len();
                    return None;
                };
                let sep_at = self.digits_from.checked_add(found)?;
                self.digits_from = sep_at.saturating_add(1);
                let Some(digit_at) = sep_at.checked_sub(1) else {
                    continue;
                };
                if !self
                    .text
                    .as_bytes()
                    .get(digit_at)
                    .is_some_and(u8::is_ascii_digit)
                {
                    continue;
                }
                let kind = if self.text.as_bytes().get(sep_at) == Some(&b'/') {
                    Anchor::Slash
                } else {
                    Anchor::YearEnd
                };
                return Some(Hit {
                    start: digit_at,
                    end: self.digits_from,
                    kind,
                });
            },
            _ => loop {
                // Every ` de `, overlapping ones too (` de de enero`), as one search over
                // ` de enero`, ` de febrero`, … would find them.
                let hay = self.text.as_bytes().get(self.spanish_from..)?;
                let Some(found) = SPANISH_DE.find(hay) else {
                    // Searched to the end: never again.
                    self.spanish_from = self.text.len();
                    return None;
                };
                let at = self.spanish_from.checked_add(found)?;
                self.spanish_from = at.saturating_add(1);
                // A Spanish month name as the grammar reads it (a whole word).
                let after = self
                    .text
                    .as_bytes()
                    .get(at.saturating_add(4)..)
                    .unwrap_or(&[]);
                if let Some((_, len)) = crate::grammar::spanish::fast_month(after) {
                    let end = at.saturating_add(4).saturating_add(len);
                    self.spanish_from = end;
                    return Some(Hit {
                        start: at,
                        end,
                        kind: Anchor::SpanishMonth,
                    });
                }
            },
        }
    }

    /// Pulls the head of search `source` if it has none and is not done.
    fn refill(&mut self, source: usize) {
        let empty = self.heads.get(source).is_some_and(Option::is_none);
        let done = self.done.get(source).copied().unwrap_or(true);
        if empty && !done {
            let hit = self.pull(source);
            if hit.is_none() {
                if let Some(done) = self.done.get_mut(source) {
                    *done = true;
                }
            }
            if let Some(head) = self.heads.get_mut(source) {
                *head = hit;
            }
        }
    }

    /// The next anchor of all the searches: the earliest head, of the first search on a tie.
    fn next_anchor(&mut self) -> Option<Hit> {
        // Only the search whose head was taken last needs a new one (all of them at first): on
        // text dense with one kind of anchor (`((((`, `1.2.1.2.`), asking every search cost 5-10%.
        match self.taken {
            Some(source) => self.refill(source),
            None => (0..SOURCES).for_each(|source| self.refill(source)),
        }
        let (source, hit) = self
            .heads
            .iter()
            .enumerate()
            .filter_map(|(i, h)| h.map(|h| (i, h)))
            .min_by_key(|(_, h)| h.start)?;
        if let Some(head) = self.heads.get_mut(source) {
            *head = None;
        }
        if let Some(resume) = self.resume.get_mut(source) {
            *resume = hit.end;
        }
        self.taken = Some(source);
        Some(hit)
    }
}

/// The searcher for ` de `, the anchor of Spanish dates.
static SPANISH_DE: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
    std::sync::LazyLock::new(|| memchr::memmem::Finder::new(b" de "));

/// An anchor automaton and the kind of each of its patterns.
type Automaton = (aho_corasick::AhoCorasick, Vec<Anchor>);

/// The ASCII anchors and the anchors of the Korean and Japanese editions, as two automata: one set
/// of ASCII patterns keeps aho-corasick's vectorised prefilter, which a mixed set loses.
static ANCHORS: std::sync::LazyLock<Option<(Automaton, Automaton, Automaton)>> =
    std::sync::LazyLock::new(|| {
        let mut ascii = Patterns::default();
        let mut wide = Patterns::default();
        let mut words = Patterns::default();
        for anchor in registry_anchors() {
            match anchor {
                // Capitalised month names; a dateline's month in capitals or lower case is
                // reached from its agency tag's `(` instead (see `Anchor::Tag`), so the set stays
                // small and fast.
                Anchor::Month => {
                    for month in crate::calendar::MONTH_NAMES {
                        ascii.add(month.as_bytes().get(..3)?.to_vec(), anchor);
                    }
                }
                Anchor::Weekday => {
                    for day in crate::calendar::WEEKDAY_NAMES {
                        ascii.add(day.as_bytes().to_vec(), anchor);
                    }
                }
                Anchor::Juche => ascii.add(b"Juche".to_vec(), anchor),
                Anchor::KoreanJuche => wide.add("주체".as_bytes().to_vec(), anchor),
                Anchor::JapaneseBracket => wide.add("【".as_bytes().to_vec(), anchor),
                Anchor::Nyeon => wide.add("년".as_bytes().to_vec(), anchor),
                Anchor::Wol => wide.add("월".as_bytes().to_vec(), anchor),
                Anchor::Il => wide.add("일".as_bytes().to_vec(), anchor),
                Anchor::BodyWord => {
                    for word in crate::grammar::body::anchor_words() {
                        let target = if word.is_ascii() {
                            &mut words
                        } else {
                            &mut wide
                        };
                        target.add(word.as_bytes().to_vec(), anchor);
                    }
                }
                Anchor::NamedWord => {
                    // The Korean and Japanese names; a Latin name that `scan` reads starts with a
                    // month (`June 15 joint declaration`, `May Day`), `Día`/`Dia` or a day, each
                    // an anchor of its own (see `named_day::scan_reads`).
                    for word in crate::grammar::named_day::anchor_words() {
                        if !word.is_ascii() {
                            wide.add(word.into_bytes(), anchor);
                        }
                    }
                }
                Anchor::HangulParen => {
                    // Hangul syllables (U+AC00..U+D7A3) start with one of these bytes in UTF-8.
                    for lead in 0xEA..=0xED_u8 {
                        wide.add(vec![b'(', lead], anchor);
                        let mut paren = "\u{ff08}".as_bytes().to_vec();
                        paren.push(lead);
                        wide.add(paren, anchor);
                    }
                }
                // Searched by memchr and memmem (see `Anchors::pull`).
                Anchor::Slash | Anchor::YearEnd | Anchor::Tag | Anchor::SpanishMonth => {}
            }
        }
        Some((ascii.build()?, wide.build()?, words.build()?))
    });

/// Every anchor some notation of the registry declares, once each, in the order of [`rank`].
fn registry_anchors() -> Vec<Anchor> {
    let mut anchors: Vec<Anchor> = Vec::new();
    for anchor in REGISTRY.iter().flat_map(|entry| entry.anchors) {
        if !anchors.contains(anchor) {
            anchors.push(*anchor);
        }
    }
    anchors.sort_by_key(|&anchor| rank(anchor));
    anchors
}

/// The order in which the anchors' patterns are given to the automata. It does not change what
/// is found (no two patterns match at the same position), but aho-corasick's Teddy searcher
/// assigns its buckets by pattern order, and this order measured fastest: in the Korean corpus
/// file, the wide anchors in registry order (`년` first) made the wide search 2.5x slower.
fn rank(anchor: Anchor) -> u8 {
    match anchor {
        Anchor::Month => 0,
        Anchor::Juche => 1,
        Anchor::Weekday => 2,
        Anchor::KoreanJuche => 3,
        Anchor::JapaneseBracket => 4,
        Anchor::Nyeon => 5,
        Anchor::Wol => 6,
        Anchor::HangulParen => 7,
        Anchor::Slash => 8,
        Anchor::YearEnd => 9,
        Anchor::Tag => 10,
        Anchor::SpanishMonth => 11,
        Anchor::Il => 12,
        Anchor::BodyWord => 13,
        Anchor::NamedWord => 14,
    }
}

/// Which of the searches that are not automata some notation needs: ` de ` + Spanish month,
/// digit before `/`, `.` or `-`, and `(`.
static SEARCHES: std::sync::LazyLock<[bool; SOURCES]> = std::sync::LazyLock::new(|| {
    let anchors = registry_anchors();
    let has = |a: Anchor| anchors.contains(&a);
    [
        true,
        true,
        has(Anchor::SpanishMonth),
        has(Anchor::Slash) || has(Anchor::YearEnd),
        has(Anchor::Tag),
        true,
    ]
});

/// Anchor patterns being collected.
#[derive(Default)]
struct Patterns {
    patterns: Vec<Vec<u8>>,
    kinds: Vec<Anchor>,
}

impl Patterns {
    fn add(&mut self, pattern: Vec<u8>, kind: Anchor) {
        self.patterns.push(pattern);
        self.kinds.push(kind);
    }

    fn build(self) -> Option<Automaton> {
        aho_corasick::AhoCorasick::builder()
            .match_kind(aho_corasick::MatchKind::LeftmostFirst)
            .build(self.patterns)
            .ok()
            .map(|ac| (ac, self.kinds))
    }
}

/// The positions where a notation containing the anchor `kind` at byte `at` may start, in
/// increasing order, until `visit` returns `true`: exactly the positions the byte-by-byte scan would
/// try that can reach the anchor.
fn candidate_starts(bytes: &[u8], at: usize, kind: Anchor, mut visit: impl FnMut(usize) -> bool) {
    match kind {
        Anchor::Tag => {
            // Back over `Month "."? ","? " "+ Day " "*` to the month, when it is not capitalised
            // (a capitalised month is an anchor of its own).
            if let Some(month) = month_before_tag(bytes, at).filter(|&m| may_begin_at(bytes, m)) {
                if !place_lookback(bytes, month, &mut visit) {
                    visit(month);
                }
            }
        }
        Anchor::Month => {
            // Only a month name can be the month of a date or a dateline (`Declaration` is not).
            if !may_begin_at(bytes, at) || !starts_with_month_name(bytes.get(at..).unwrap_or(&[])) {
                return;
            }
            // A dateline (`Pyongyang, November 8 (KCNA)`, `Pyongyang February 19 (KCNA)`) only
            // where its day and `(` follow the month; else, after a comma, only `Weekday, ` (a
            // month-name date) or `on Weekday, ` (a day) before it, and without a comma only `on`
            // or `in` just before it can start a notation that reaches it. (Before, every word of
            // the 64 bytes before `Monday, November 7, 2022` was tried as a dateline's place: a
            // quarter of `scan`'s instructions on the synthetic text of `benches/scan.rs`.)
            if dateline_follows(bytes, at) {
                if place_lookback(bytes, at, &mut visit) {
                    return;
                }
            } else if let Some(comma) = comma_before_month(bytes, at) {
                if weekday_lookback(bytes, comma, &mut visit) {
                    return;
                }
            } else if let Some(keyword) = keyword_before(bytes, at, &[b"on", b"in"]) {
                if may_begin_at(bytes, keyword) && visit(keyword) {
                    return;
                }
            }
            visit(at);
        }
        Anchor::Juche | Anchor::KoreanJuche | Anchor::JapaneseBracket => {
            visit(at);
        }
        Anchor::BodyWord | Anchor::NamedWord => {
            if may_begin_at(bytes, at) {
                visit(at);
            }
        }
        Anchor::HangulParen => {
            // `(` is one byte, `（` three.
            let len = if bytes.get(at) == Some(&b'(') { 1 } else { 3 };
            if visit(at) {
                return;
            }
            // The anchor took the first byte of what follows the parenthesis: `(주체…`.
            let next = at.saturating_add(len);
            if may_begin_at(bytes, next) {
                visit(next);
            }
        }
        Anchor::Slash | Anchor::YearEnd => {
            // A digit run ending at `at`: a day of one or two digits before `/`, a four-digit year
            // before `.` or `-`.
            let (min, max) = if kind == Anchor::Slash {
                (1, 2)
            } else {
                (4, 4)
            };
            let run = bytes.get(..=at).map_or(0, |head| {
                head.iter().rev().take_while(|b| b.is_ascii_digit()).count()
            });
            let start = at.saturating_add(1).saturating_sub(run);
            if run >= min && run <= max {
                if may_begin_at(bytes, start) {
                    visit(start);
                }
            } else if kind == Anchor::YearEnd
                && (1..=2).contains(&run)
                && dotted_before_cjk(bytes, at)
                && may_begin_at(bytes, start)
            {
                // `8.15해방`, `9.9절`: a dotted named day of the Korean and Japanese editions.
                visit(start);
            }
        }
        Anchor::Nyeon | Anchor::Wol | Anchor::Il => {
            let start = wide_digit_run_start(bytes, at);
            if start < at && may_begin_at(bytes, start) {
                visit(start);
            }
        }
        Anchor::Weekday => {
            // `on` + spaces before the weekday, then the weekday itself (`left here Thursday`;
            // a weekday that starts a month-name date is read there too).
            if let Some(on) = keyword_before(bytes, at, &[b"on"]) {
                if may_begin_at(bytes, on) && visit(on) {
                    return;
                }
            }
            if may_begin_at(bytes, at) {
                visit(at);
            }
        }
        Anchor::SpanishMonth => {
            let run = bytes.get(..at).map_or(0, |head| {
                head.iter().rev().take_while(|b| b.is_ascii_digit()).count()
            });
            // `primero de diciembre`: the first of the month in a Spanish dateline.
            let primero = run == 0
                && at
                    .checked_sub(7)
                    .and_then(|from| bytes.get(from..at))
                    .is_some_and(|word| word.eq_ignore_ascii_case(b"primero"));
            let run = if primero { 7 } else { run };
            if !(1..=2).contains(&run) && !primero {
                return;
            }
            let start = at.saturating_sub(run);
            // `los días 25 y 30 de agosto`: two days, the notation starts before the first.
            if let Some(pair) = day_pair_start(bytes, start) {
                if may_begin_at(bytes, pair) && visit(pair) {
                    return;
                }
            }
            // `Place, 24 de diciembre (ACNC)`: a Spanish dateline before the day; `el 15 de
            // junio`: `el` is a word of that run.
            if place_lookback(bytes, start, &mut visit) {
                return;
            }
            if may_begin_at(bytes, start) {
                visit(start);
            }
        }
    }
}

/// Whether the digit at `at` is followed by `.`, one or two digits and a non-ASCII byte, as the
/// dotted named days are (`8.15해방`, `9.9절`).
fn dotted_before_cjk(bytes: &[u8], at: usize) -> bool {
    let rest = bytes.get(at.saturating_add(1)..).unwrap_or(&[]);
    let Some(after_dot) = rest.strip_prefix(b".") else {
        return false;
    };
    let digits = after_dot
        .iter()
        .take(3)
        .take_while(|b| b.is_ascii_digit())
        .count();
    (1..=2).contains(&digits) && after_dot.get(digits).is_some_and(|&b| b >= 0x80)
}

/// Visits the positions where the place of a dateline whose month (or day) starts at `at` may
/// start, if a place can end just before it (`Place, `, `Place , `, `Place,` or `Place `); `true`
/// if `visit` did.
fn place_lookback(bytes: &[u8], at: usize, visit: &mut impl FnMut(usize) -> bool) -> bool {
    let Some(end) = place_end_before(bytes, at) else {
        return false;
    };
    let run = place_run_before(bytes, end);
    let from = end.saturating_sub(run);
    (from..end).any(|start| may_start_place(bytes, start) && visit(start))
}

/// Visits the start of the weekday of `Weekday, `, whose comma is at `comma` (before a month);
/// `true` if `visit` did. (`on` before the weekday, `on Monday, November 7`, is visited from the
/// weekday's own anchor, which comes first.)
fn weekday_lookback(bytes: &[u8], comma: usize, visit: &mut impl FnMut(usize) -> bool) -> bool {
    // The weekday's name just before the comma (a capital may begin it inside a word: `deMonday`).
    let head = bytes.get(..comma).unwrap_or(&[]);
    let weekday = crate::calendar::WEEKDAY_NAMES
        .iter()
        .find(|name| head.ends_with(name.as_bytes()))
        .map(|name| comma.saturating_sub(name.len()));
    weekday.is_some_and(|weekday| may_begin_at(bytes, weekday) && visit(weekday))
}

/// Where `los días D y ` (or `los dias`) starts, if it stands just before the day at `day`.
fn day_pair_start(bytes: &[u8], day: usize) -> Option<usize> {
    let head = bytes.get(..day)?.strip_suffix(b" y ")?;
    let digits = head.iter().rev().take_while(|b| b.is_ascii_digit()).count();
    if !(1..=2).contains(&digits) {
        return None;
    }
    let head = head.get(..head.len().checked_sub(digits)?)?;
    let head = head
        .strip_suffix(b"los dias ")
        .or_else(|| head.strip_suffix("los días ".as_bytes()))?;
    Some(head.len())
}

/// The start of a month name in capitals or in lower case that stands before the `(` at `at` as
/// in a dateline: `Month "."? ","? " "+ Day " "*` (a capitalised month is anchored by itself).
fn month_before_tag(bytes: &[u8], at: usize) -> Option<usize> {
    let head = bytes.get(..at)?;
    let mut end = at.checked_sub(spaces_before(bytes, at))?;
    let digits = head
        .get(..end)?
        .iter()
        .rev()
        .take_while(|b| b.is_ascii_digit())
        .count();
    if !(1..=2).contains(&digits) {
        return None;
    }
    end = end.checked_sub(digits)?;
    let spaces = spaces_before(bytes, end);
    if spaces == 0 {
        return None;
    }
    end = end.checked_sub(spaces)?;
    for optional in [b',', b'.'] {
        if end >= 1 && head.get(end.saturating_sub(1)) == Some(&optional) {
            end = end.saturating_sub(1);
        }
    }
    let word = head
        .get(..end)?
        .iter()
        .rev()
        .take(10)
        .take_while(|b| b.is_ascii_alphabetic())
        .count();
    let start = end.checked_sub(word)?;
    let word = head.get(start..end)?;
    let capitalised = word.first().is_some_and(u8::is_ascii_uppercase)
        && word.iter().skip(1).all(u8::is_ascii_lowercase);
    (crate::grammar::dateline::month_word_bytes(word).is_some() && !capitalised).then_some(start)
}

/// Where `,` stands just before the month at `at`, spaces between them.
fn comma_before_month(bytes: &[u8], at: usize) -> Option<usize> {
    at.checked_sub(spaces_before(bytes, at))
        .and_then(|end| end.checked_sub(1))
        .filter(|&comma| bytes.get(comma) == Some(&b','))
}

/// Whether the month at `at` is followed as in a dateline: its word, `.`?, `,`?, spaces, a day of
/// one or two digits, spaces and `(` (what the dateline grammar reads after the month).
fn dateline_follows(bytes: &[u8], at: usize) -> bool {
    let rest = bytes.get(at..).unwrap_or(&[]);
    // The length of the run of bytes from `i` that satisfy `accept`.
    let run = |i: usize, accept: fn(&u8) -> bool| {
        rest.get(i..)
            .unwrap_or(&[])
            .iter()
            .take_while(|b| accept(b))
            .count()
    };
    let mut i = run(0, u8::is_ascii_alphabetic);
    for optional in [b'.', b','] {
        if rest.get(i) == Some(&optional) {
            i = i.saturating_add(1);
        }
    }
    let spaces = run(i, |&b| b == b' ');
    let digits = run(i.saturating_add(spaces), u8::is_ascii_digit);
    i = i.saturating_add(spaces).saturating_add(digits);
    let after = i.saturating_add(run(i, |&b| b == b' '));
    spaces > 0 && (1..=2).contains(&digits) && rest.get(after) == Some(&b'(')
}

/// Where one of the two-letter `words` (`on`, `in`) and one or more spaces stand just before byte
/// `at`.
fn keyword_before(bytes: &[u8], at: usize, words: &[&[u8; 2]]) -> Option<usize> {
    let spaces = spaces_before(bytes, at);
    let start = at.checked_sub(spaces)?.checked_sub(2)?;
    let word = bytes.get(start..start.checked_add(2)?)?;
    (spaces >= 1 && words.iter().any(|w| w.as_slice() == word)).then_some(start)
}

/// How many ASCII spaces end the text just before byte `at`.
fn spaces_before(bytes: &[u8], at: usize) -> usize {
    bytes.get(..at).map_or(0, |head| {
        head.iter().rev().take_while(|&&b| b == b' ').count()
    })
}

/// The length of the run of place characters that ends at byte `end`, at most a place's length:
/// a place reaches its end through letters, `-`, `'`, `.` and spaces only, so no start before the
/// run can parse (non-ASCII bytes are kept, as they may be letters).
fn place_run_before(bytes: &[u8], end: usize) -> usize {
    bytes.get(..end).map_or(0, |head| {
        head.iter()
            .rev()
            .take(MAX_PLACE_LOOKBACK)
            .take_while(|&&b| {
                b.is_ascii_alphabetic() || b >= 0x80 || matches!(b, b'-' | b'\'' | b'.' | b' ')
            })
            .count()
    })
}

/// Whether a dateline's place may start at byte `start`: a capital that may begin a notation, or
/// a lower-case letter that begins a word.
fn may_start_place(bytes: &[u8], start: usize) -> bool {
    bytes
        .get(start)
        .is_some_and(|b| b.is_ascii_uppercase() || b.is_ascii_lowercase())
        && may_begin_at(bytes, start)
}

/// The start of the run of ASCII and full-width digits that ends at byte `end`.
fn wide_digit_run_start(bytes: &[u8], end: usize) -> usize {
    let mut start = end;
    loop {
        if start >= 1
            && bytes
                .get(start.saturating_sub(1))
                .is_some_and(u8::is_ascii_digit)
        {
            start = start.saturating_sub(1);
        } else if start >= 3 && is_wide_digit_at(bytes, start.saturating_sub(3)) {
            start = start.saturating_sub(3);
        } else {
            return start;
        }
    }
}

/// Whether a full-width digit (U+FF10..U+FF19: `EF BC 90..99`) starts at byte `i`.
fn is_wide_digit_at(bytes: &[u8], i: usize) -> bool {
    matches!(
        bytes.get(i..i.saturating_add(3)),
        Some([0xEF, 0xBC, 0x90..=0x99])
    )
}

/// Whether an ASCII or full-width digit ends just before byte `i`.
fn digit_ends_at(bytes: &[u8], i: usize) -> bool {
    (i >= 1
        && bytes
            .get(i.saturating_sub(1))
            .is_some_and(u8::is_ascii_digit))
        || (i >= 3 && is_wide_digit_at(bytes, i.saturating_sub(3)))
}

/// Whether `bytes` starts with a whole English month name or abbreviation, as a dateline may
/// write it (month-name dates read only the capitalised forms, a subset).
fn starts_with_month_name(bytes: &[u8]) -> bool {
    let word_len = bytes
        .iter()
        .take(10)
        .take_while(|b| b.is_ascii_alphabetic())
        .count();
    bytes
        .get(..word_len)
        .is_some_and(|word| crate::grammar::dateline::month_word_bytes(word).is_some())
}

/// The longest place a dateline may have: no place starts further back than this.
const MAX_PLACE_LOOKBACK: usize = crate::grammar::dateline::MAX_PLACE_LEN;

/// Where a dateline's place ends if its month or day starts at `at`: before `,` and the spaces
/// around it, or before one or more spaces.
fn place_end_before(bytes: &[u8], at: usize) -> Option<usize> {
    let spaces = spaces_before(bytes, at);
    let before = at.checked_sub(spaces)?;
    if before >= 1 && bytes.get(before.saturating_sub(1)) == Some(&b',') {
        let comma = before.saturating_sub(1);
        return comma.checked_sub(spaces_before(bytes, comma));
    }
    (spaces >= 1).then_some(before)
}

/// `found`, or a notation that starts before it (at or after `from`) in the run of place
/// characters that leads up to it.
///
/// Anchors are visited in text order, but a dateline's place stands before its anchor (the
/// month): a notation found from an earlier anchor inside that place (`on Monday` in
/// `ABC on Monday, November 7 (KCNA)`, `May` in `in MayPyongyang, November 8 (KCNA)`) may lie
/// inside a dateline that starts earlier. The byte-by-byte scan would find that one, so the
/// anchored scan looks back over the run of place characters (at most a place's length, and
/// never before `from`, so every byte is looked back over at most once).
fn earliest_start(text: &str, from: usize, found: Found, pos: &mut usize) -> Found {
    // Only a notation that starts with a word can lie inside a place: a dateline, and `on` +
    // weekday or month glued to a place (`ABC년on Monday, November 7 (KNS)`). Other notations are
    // reached from their own anchors after any place before them.
    let start = found.span.start;
    let bytes = text.as_bytes();
    // A body notation that starts with a letter (`Thursday`, `November 24`, `That day`) may lie
    // in a dateline's place only where the place's month and day can follow it.
    let in_place = match found.kind {
        NotationKind::Dateline | NotationKind::WeekdayRef | NotationKind::MonthDayRef => true,
        NotationKind::Weekday
        | NotationKind::MonthDay
        | NotationKind::Month
        | NotationKind::MonthRef
        | NotationKind::RelativeDay
        | NotationKind::SpanishDay => {
            bytes.get(start).is_some_and(u8::is_ascii_alphabetic)
                && day_may_follow(bytes, found.span.end)
        }
        _ => false,
    };
    if !in_place {
        return found;
    }
    // `on` after a space is a word of its own, which no place has (a place's later words are
    // capitalised or particles, and no day follows a place that ends before it): no dateline
    // that starts before it reaches it. (Trying each word of the 64 bytes before `on Monday` as
    // a dateline's place was a tenth of `scan`'s instructions on the synthetic text.)
    if matches!(
        found.kind,
        NotationKind::WeekdayRef | NotationKind::MonthDayRef
    ) && start
        .checked_sub(1)
        .is_some_and(|before| bytes.get(before) == Some(&b' '))
    {
        return found;
    }
    let run = place_run_before(bytes, start);
    for earlier in from.max(start.saturating_sub(run))..start {
        if may_start_place(bytes, earlier) {
            let mut earlier_pos = *pos;
            if let Some(found) = read_at(text, earlier, &mut earlier_pos) {
                *pos = earlier_pos;
                return found;
            }
        }
    }
    found
}

/// Whether a dateline's day may follow byte `end` across the rest of a place, its separator and
/// its month: the place characters, commas and spaces from `end` reach a digit. Looks at most
/// [`DAY_LOOKAHEAD`] bytes ahead, and says yes when it cannot tell (so `earliest_start` looks back
/// whenever a dateline could contain the notation).
fn day_may_follow(bytes: &[u8], end: usize) -> bool {
    let rest = bytes.get(end..).unwrap_or(&[]);
    match rest
        .iter()
        .take(DAY_LOOKAHEAD)
        .position(|&b| !(b.is_ascii_alphabetic() || b >= 0x80 || b" ,.-'".contains(&b)))
    {
        // The day, then spaces and the agency tag's `(` (or ` de ` and the month of a Spanish
        // dateline): what a dateline's day is followed by.
        Some(at) => {
            let after = rest.get(at..).unwrap_or(&[]);
            let digits = after
                .iter()
                .take(3)
                .take_while(|b| b.is_ascii_digit())
                .count();
            let tail = after.get(digits..).unwrap_or(&[]);
            let spaces = tail.iter().take_while(|&&b| b == b' ').count();
            (1..=2).contains(&digits)
                && (tail.get(spaces) == Some(&b'(') || tail.starts_with(b" de "))
        }
        None => rest.len() >= DAY_LOOKAHEAD,
    }
}

/// How far [`day_may_follow`] looks: a place, a separator and a month with room to spare.
const DAY_LOOKAHEAD: usize = MAX_PLACE_LOOKBACK.saturating_mul(2).saturating_add(32);

/// Reads the notation at `start`, if any, and moves `pos` past it.
///
/// A dateline whose place ends with a DPRK dateline place after other words (`Inspects Factory
/// Pyongyang, November 8 (KCNA)`) is read from that place: the words before it are a glued
/// headline.
fn read_at(text: &str, start: usize, pos: &mut usize) -> Option<Found> {
    let found = read_at_once(text, start, pos)?;
    if let Some(Notation::Dateline(dateline)) = found.notation() {
        let skip = crate::grammar::dateline::glued_place_start(dateline.place());
        if skip > 0 && matches!(dateline.edition(), Edition::English | Edition::Spanish) {
            return read_at_once(text, start.saturating_add(skip), pos).or(Some(found));
        }
    }
    Some(found)
}

/// Reads the notation at `start`, if any, and moves `pos` past it.
fn read_at_once(text: &str, start: usize, pos: &mut usize) -> Option<Found> {
    let rest = text.get(start..)?;
    let (kind, value, len) = match notation::read_candidate(rest) {
        (Some(kind), Prefix::Valid(value, len)) => (kind, Ok(value), len),
        // The message quotes the candidate up to the fault and the character there: a piece of
        // the text no longer than the candidate, so quoting stays linear.
        (Some(kind), Prefix::Invalid(err, len)) => {
            (kind, Err(err.with_input(rest).shifted(start)), len)
        }
        _ => return None,
    };
    let end = start.saturating_add(trim_trailing_blanks(rest, len));
    *pos = end.max(start.saturating_add(1));
    Some(Found {
        span: start..end,
        kind,
        value,
    })
}

/// The reference scanner: tries every position where a notation may begin, byte by byte.
///
/// [`scan`] must give exactly what this gives; it is public (but hidden) so that property tests
/// and the `fastpath` fuzz target can check that.
#[cfg(any(test, fuzzing))]
pub fn scan_naive(text: &str) -> impl Iterator<Item = Found> + '_ {
    let mut pos = 0;
    core::iter::from_fn(move || naive_next(text, &mut pos))
}

/// The next notation at or after `pos`, trying every candidate position.
fn naive_next(text: &str, pos: &mut usize) -> Option<Found> {
    let bytes = text.as_bytes();
    while let Some(start) = next_candidate(bytes, *pos) {
        match read_at(text, start, pos) {
            Some(found) => return Some(found),
            None => *pos = start.saturating_add(1),
        }
    }
    *pos = bytes.len();
    None
}

/// `len` less the blanks that end the first `len` bytes of `text` (a dateline's separator may be
/// followed by spaces, which are not part of the notation's span).
fn trim_trailing_blanks(text: &str, len: usize) -> usize {
    match text.get(..len) {
        Some(head) => head.trim_end_matches([' ', '\t', '\u{a0}']).len(),
        None => len,
    }
}

/// The first position at or after `from` where a notation may begin.
fn next_candidate(bytes: &[u8], from: usize) -> Option<usize> {
    let tail = bytes.get(from..)?;
    tail.iter()
        .enumerate()
        .position(|(offset, &b)| may_begin(bytes, from.saturating_add(offset), b))
        .map(|offset| from.saturating_add(offset))
}

/// Whether a notation may begin at byte `i`.
fn may_begin_at(bytes: &[u8], i: usize) -> bool {
    bytes.get(i).is_some_and(|&b| may_begin(bytes, i, b))
}

/// Whether a notation may begin at byte `i`, which is `b`.
fn may_begin(bytes: &[u8], i: usize, b: u8) -> bool {
    let prev = i.checked_sub(1).and_then(|p| bytes.get(p)).copied();
    if b.is_ascii_lowercase() {
        // (The last test below, taken first: no other case applies to a lower-case letter.)
        return !prev.is_some_and(|p| p.is_ascii_alphabetic());
    }
    if b.is_ascii_digit() || is_wide_digit_at(bytes, i) {
        // Not continuing a number: not after a letter or digit (ASCII or full-width), nor after
        // `,` `.` `/` that follow one. (A full-width digit ends with a byte that is not ASCII.)
        return match prev {
            None => true,
            Some(p) if p.is_ascii_alphanumeric() => false,
            Some(b',' | b'.' | b'/') => !digit_ends_at(bytes, i.saturating_sub(1)),
            Some(p) if p.is_ascii() => true,
            Some(_) => !digit_ends_at(bytes, i),
        };
    }
    let tail = bytes.get(i..).unwrap_or(&[]);
    match b {
        b'J' if tail.starts_with(b"Juche") => return true,
        b'(' => return matches!(tail.get(1), Some(0xEA..=0xED)),
        0xEF if tail.starts_with("\u{ff08}".as_bytes()) => {
            return matches!(tail.get(3), Some(0xEA..=0xED));
        }
        0x80.. => {
            return tail.starts_with("주체".as_bytes())
                || tail.starts_with("【".as_bytes())
                || crate::grammar::body::starts_cjk_word(tail)
                || crate::grammar::named_day::starts_cjk_name(tail);
        }
        _ => {}
    }
    // A capital not inside a word in capitals, or a lower-case letter that begins a word (the
    // place of a dateline written in lower case: `pyongyang, August 6 (KCNA)`).
    (b.is_ascii_uppercase() && !prev.is_some_and(|p| p.is_ascii_uppercase()))
        || (b.is_ascii_lowercase() && !prev.is_some_and(|p| p.is_ascii_alphabetic()))
}
