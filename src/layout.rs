//! Stage 2: split the cleaned text into lines and blocks, and tell what each block is.
//!
//! A block is a run of non-blank lines. A block's first line stands apart when its layout says it
//! is a heading (Markdown `#`, ALL CAPS, a short Title Case line over a longer text) or a
//! dateline. Blocks are then classified as headline, dateline or body; the grouping stage turns
//! them into items.

use std::ops::Range;

use once_cell::sync::Lazy;
use once_cell::unsync::OnceCell;

use crate::dateline::{self, ParsedDateline};
use crate::dates::{DateMatch, NumericOrder};
use crate::words::WordSet;

/// One non-blank line of the cleaned text.
#[derive(Clone, Debug)]
pub(crate) struct Line {
    /// The line without surrounding white space (cleaned coordinates).
    pub span: Range<usize>,
    /// The line's text after Markdown heading markers.
    pub content: Range<usize>,
    /// Markdown heading (`#`..`######`).
    pub heading: bool,
    /// List item (`- `, `* `, `• `, `1. `, `a) `).
    pub bullet: bool,
    /// Where the line's prose starts: after a symbol bullet (`• `, `- `), which the body drops.
    pub prose_start: usize,
    /// A blank line stands before this one (or it starts the text).
    pub gap_before: bool,
}

/// What a block is.
#[derive(Clone, Debug)]
pub(crate) enum BlockKind {
    /// A title line.
    Headline,
    /// A dateline line, possibly followed by a caption on the same line.
    Dateline(ParsedDateline),
    /// Prose, lists, captions without a dateline.
    Body,
    /// An author line ("By Dana Whitfield"): part of the item, not of its prose.
    Byline,
}

/// A run of lines with one role.
#[derive(Clone, Debug)]
pub(crate) struct Block {
    /// Indices into the line list.
    pub lines: Range<usize>,
    /// Its role.
    pub kind: BlockKind,
}

/// The paragraphs (runs of lines between blank lines) of `lines`, as ranges of line indices.
/// Their text, from the first line's start to the last line's end, is what the date finder
/// reads paragraph by paragraph (`dates::detect_numeric_order` included).
pub(crate) fn paragraph_lines(lines: &[Line]) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut i = 0;
    std::iter::from_fn(move || {
        let first = i;
        lines.get(i)?;
        i += 1;
        while lines.get(i).is_some_and(|l| !l.gap_before) {
            i += 1;
        }
        Some(first..i)
    })
}

/// Splits `text` into its non-blank lines.
pub(crate) fn lines(text: &str) -> Vec<Line> {
    let mut out = Vec::new();
    lines_into(text, &mut out);
    out
}

/// [`lines`] appended to `out` (a batch keeps its documents' lines in one vector).
pub(crate) fn lines_into(text: &str, out: &mut Vec<Line>) {
    let mut gap = true;
    let bytes = text.as_bytes();
    let mut pos = 0;
    while pos <= text.len() {
        let start = pos;
        let end = crate::swar::find_byte(bytes, pos, b'\n');
        // the line is `start..end`: a '\n' is one byte, and never inside a char
        let raw = &text[start..end];
        pos = end + 1;
        let trimmed_start = raw.len() - raw.trim_start().len();
        let trimmed = raw.trim();
        if trimmed.is_empty() {
            gap = true;
            continue;
        }
        let span = start + trimmed_start..start + trimmed_start + trimmed.len();
        let (heading, content) = match heading_content(trimmed) {
            Some(off) => (true, span.start + off..span.end - trailing_hashes(&trimmed[off..])),
            None => (false, span.clone()),
        };
        let bullet = !heading && is_bullet(trimmed);
        let prose_start = if bullet && trimmed.starts_with(|c: char| !c.is_alphanumeric()) {
            let marker = trimmed.chars().next().map_or(0, char::len_utf8);
            span.start + marker + (trimmed[marker..].len() - trimmed[marker..].trim_start().len())
        } else {
            content.start
        };
        out.push(Line { bullet, prose_start, span, content, heading, gap_before: gap });
        gap = false;
    }
}

/// For a Markdown ATX heading, the offset of its text.
fn heading_content(line: &str) -> Option<usize> {
    let hashes = line.bytes().take_while(|&b| b == b'#').count();
    if !(1..=6).contains(&hashes) {
        return None;
    }
    let rest = &line[hashes..];
    let text = rest.trim_start();
    if text.is_empty() || text.len() == rest.len() {
        return None;
    }
    Some(line.len() - text.len())
}

/// Length of optional closing `#`s of a heading (with the space before them).
fn trailing_hashes(content: &str) -> usize {
    let t = content.trim_end_matches('#');
    if t.len() < content.len() && t.ends_with(' ') {
        content.len() - t.trim_end().len()
    } else {
        0
    }
}

/// A list item marker at the start of the line.
fn is_bullet(line: &str) -> bool {
    let mut chars = line.chars();
    match chars.next() {
        Some('-' | '*' | '•' | '–' | '·' | '▪' | '●' | '◦') => chars.next().is_some_and(char::is_whitespace),
        Some(c) if c.is_ascii_digit() || c.is_ascii_lowercase() => {
            let digits = line.bytes().take_while(u8::is_ascii_alphanumeric).count();
            let marker = &line[digits..];
            (c.is_ascii_digit() && digits <= 3 || digits == 1) && (marker.starts_with(". ") || marker.starts_with(") "))
        }
        _ => false,
    }
}

/// Words that may stay lower-case inside a Title Case heading, several languages.
const MINOR_WORDS: &[&str] = &[
    "a", "an", "the", "and", "or", "nor", "but", "of", "in", "on", "at", "to", "for", "by", "with", "from", "into",
    "onto", "as", "vs", "via", "per", "over", "under", "upon", "about", "after", "amid", "among", "between", "than",
    "de", "la", "le", "les", "des", "du", "et", "el", "en", "y", "del", "da", "do", "und", "der", "die", "das", "и",
    "в", "во", "на", "с", "со", "по", "для", "о", "об", "к", "из", "от", "за",
];

/// Letters-only view of a word for casing tests.
fn word_core(w: &str) -> &str {
    w.trim_matches(|c: char| !c.is_alphanumeric())
}

/// Statistics of a line's casing.
pub(crate) struct Casing {
    /// Words with a letter or digit.
    pub words: usize,
    /// Words that are not minor words.
    pub major: usize,
    /// Major words starting with an upper-case letter (or a digit).
    pub major_capitalised: usize,
}

/// [`MINOR_WORDS`] as a set.
static MINOR: Lazy<WordSet> = Lazy::new(|| WordSet::new(MINOR_WORDS));

/// [`CONTINUATION_WORDS`] as a set.
static CONTINUATION: Lazy<WordSet> = Lazy::new(|| WordSet::new(CONTINUATION_WORDS));

/// Counts the casing facts of `line`.
pub(crate) fn casing(line: &str) -> Casing {
    if line.is_ascii() {
        return casing_ascii(line);
    }
    casing_chars(line)
}

/// [`casing`] char by char, for any line.
fn casing_chars(line: &str) -> Casing {
    let mut c = Casing { words: 0, major: 0, major_capitalised: 0 };
    for w in line.split_whitespace() {
        let core = word_core(w);
        let Some(first) = core.chars().next() else { continue };
        c.words += 1;
        // Minor words are short; long words skip the table.
        if core.len() > 16 || !MINOR.contains(core) {
            c.major += 1;
            if first.is_uppercase() || first.is_numeric() {
                c.major_capitalised += 1;
            }
        }
    }
    c
}

/// [`casing`] of an ASCII line, byte by byte: the same words (runs between ASCII whitespace),
/// cores (letters and digits inside their punctuation) and counts.
fn casing_ascii(line: &str) -> Casing {
    let mut c = Casing { words: 0, major: 0, major_capitalised: 0 };
    let b = line.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let start = i;
        while i < b.len() && !crate::words::is_ascii_space(b[i]) {
            i += 1;
        }
        let word = &b[start..i];
        i += 1;
        let Some(a) = word.iter().position(u8::is_ascii_alphanumeric) else { continue };
        let z = word.iter().rposition(u8::is_ascii_alphanumeric).map_or(a, |z| z + 1);
        let core = &word[a..z];
        c.words += 1;
        // Minor words are short; long words skip the table.
        if core.len() > 16 || !MINOR.contains(&line[start + a..start + z]) {
            c.major += 1;
            if core[0].is_ascii_uppercase() || core[0].is_ascii_digit() {
                c.major_capitalised += 1;
            }
        }
    }
    c
}

/// An ALL CAPS line: nearly every cased letter upper-case (9 in 10), and longer than an
/// acronym. One pass, no allocation; a line of prose is given up on once even all its
/// remaining bytes in capitals could not make up for its lower-case letters.
pub(crate) fn is_all_caps(line: &str) -> bool {
    let b = line.as_bytes();
    let (mut upper, mut lower) = (0usize, 0usize);
    let mut i = 0;
    while i < b.len() {
        // Eight ASCII bytes at a time: their capitals and lower-case letters counted at once.
        // The give-up test after the step is the per-byte one, a few bytes later: it only
        // ever says false when the end would too.
        if let Some(chunk) = b.get(i..i + 8) {
            let mut w = [0u8; 8];
            w.copy_from_slice(chunk);
            let x = u64::from_le_bytes(w);
            if x & crate::swar::H8 == 0 {
                upper += crate::swar::between(x, 0x40, 0x5B).count_ones() as usize;
                lower += crate::swar::between(x, 0x60, 0x7B).count_ones() as usize;
                i += 8;
                if upper + (b.len() - i) < 9 * lower {
                    return false;
                }
                continue;
            }
        }
        let c = b[i];
        let (is_upper, is_lower, len) = if c < 0x80 {
            (c.is_ascii_uppercase(), c.is_ascii_lowercase(), 1)
        } else {
            match line[i..].chars().next() {
                Some(ch) => (ch.is_uppercase(), ch.is_lowercase(), ch.len_utf8()),
                None => break,
            }
        };
        i += len;
        if is_upper {
            upper += 1;
        } else if is_lower {
            lower += 1;
            // each remaining byte is at most one more capital
            if upper + (b.len() - i) < 9 * lower {
                return false;
            }
        }
    }
    upper + lower >= 6 && upper >= 9 * lower
}

/// A Title Case line: the first word and at least 3 in 4 of the major words capitalised.
fn is_title_case(line: &str) -> bool {
    let first_upper = line.chars().find(|c| c.is_alphanumeric()).is_some_and(|c| c.is_uppercase() || c.is_numeric());
    if !first_upper {
        return false;
    }
    let c = casing(line);
    c.words >= 2 && c.major > 0 && c.major_capitalised * 4 >= c.major * 3
}

/// The line ends as a sentence or a lead-in does, not as a title.
fn ends_as_sentence(line: &str) -> bool {
    let t = line.trim_end_matches(['"', '”', '’', '\'', ')', '»', '*', '_']);
    t.ends_with(['.', ',', ';', ':', '…']) && !t.ends_with("...")
}

/// Words that open an author line.
const BYLINE_PREFIXES: &[&str] = &["By ", "BY ", "by ", "Par ", "Por ", "Von "];

/// An author line: "By" and one to six capitalised names ("By Dana Whitfield and Sam Okafor").
pub(crate) fn is_byline(line: &str) -> bool {
    let Some(rest) = BYLINE_PREFIXES.iter().find_map(|p| line.strip_prefix(p)) else { return false };
    let words: Vec<&str> = rest.split_whitespace().collect();
    !words.is_empty()
        && words.len() <= 8
        && !ends_as_sentence(line)
        && words.iter().all(|w| w.starts_with(|c: char| c.is_uppercase()) || MINOR.contains(w))
}

/// Words after which a sentence cannot end: a title never ends in one, and a paragraph that ends
/// in one was broken mid-sentence.
pub(crate) const CONTINUATION_WORDS: &[&str] = &[
    "a",
    "an",
    "the",
    "and",
    "or",
    "nor",
    "but",
    "of",
    "in",
    "on",
    "at",
    "to",
    "for",
    "with",
    "by",
    "from",
    "as",
    "into",
    "that",
    "which",
    "who",
    "whose",
    "its",
    "their",
    "his",
    "her",
    "our",
    "this",
    "these",
    "those",
    "than",
    "between",
    "including",
    "such",
    "nearly",
    "almost",
    "about",
    "around",
    "some",
    "approximately",
    "over",
    "least",
    "more",
    "less",
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "has",
    "have",
    "had",
    "will",
    "would",
    "could",
    "should",
    "и",
    "в",
    "на",
    "с",
    "по",
    "для",
    "а",
    "но",
    "или",
    "из",
    "от",
    "к",
    "около",
    "более",
    "менее",
    "что",
    "который",
];

/// The last word of `line`, lower-cased, is one no sentence or title ends with.
pub(crate) fn ends_in_continuation_word(line: &str) -> bool {
    let last = line.trim_end().rsplit(char::is_whitespace).next().unwrap_or("");
    CONTINUATION.contains(last)
}

/// Longest headline, in bytes (30 long Cyrillic words).
const MAX_HEADLINE_BYTES: usize = 600;
/// Longest headline, in words.
const MAX_HEADLINE_WORDS: usize = 30;
/// Longest sentence-case or Title Case headline (not ALL CAPS), in words.
const MAX_TITLE_WORDS: usize = 16;

/// The number of whitespace-separated words of `line`, counting stops at `limit`: as
/// `split_whitespace().take(limit).count()`, reading an ASCII line byte by byte.
fn count_words(line: &str, limit: usize) -> usize {
    if limit == 0 || !line.is_ascii() {
        return line.split_whitespace().take(limit).count();
    }
    let b = line.as_bytes();
    let mut n = 0;
    // word starts eight bytes a step: a byte that is no space after one that is
    let mut i = 0;
    // bit 63: the byte before the chunk is a space (the line start counts as one)
    let mut space_before: u64 = 1 << 63;
    while let Some(chunk) = b.get(i..i + 8) {
        let mut w = [0u8; 8];
        w.copy_from_slice(chunk);
        let space = crate::swar::ascii_spaces(u64::from_le_bytes(w));
        let starts = !space & ((space << 8) | (space_before >> 56)) & crate::swar::H8;
        n += starts.count_ones() as usize;
        if n >= limit {
            return limit;
        }
        space_before = space;
        i += 8;
    }
    let mut in_word = space_before >> 63 == 0;
    for &b in &b[i..] {
        let space = crate::words::is_ascii_space(b);
        if !space && !in_word {
            n += 1;
            if n == limit {
                return n;
            }
        }
        in_word = !space;
    }
    n
}

/// Can this line stand as a headline on layout alone (before looking at what follows)?
/// `full: false` stops after the ALL CAPS test (all that splitting blocks needs), sparing the
/// Title Case tests on lines inside paragraphs.
fn headline_shape(line: &str, l: &Line, full: bool) -> Option<HeadlineShape> {
    if l.heading {
        return Some(HeadlineShape::Marked);
    }
    // Cheap exits first: most lines are prose that ends as a sentence, or too long for a title.
    if ends_as_sentence(line) && !line.ends_with(':') || line.len() > MAX_HEADLINE_BYTES {
        return None;
    }
    // The ALL CAPS test first: it gives up after a few lower-case letters, and without it
    // only a full reading of a line that is no list item may go on.
    let caps = is_all_caps(line);
    if !caps && (!full || l.bullet) {
        return None;
    }
    // Counting stops past the longest headline: prose lines are long.
    let words = count_words(line, MAX_HEADLINE_WORDS + 1);
    if words > MAX_HEADLINE_WORDS {
        return None;
    }
    if caps {
        return Some(HeadlineShape::Marked);
    }
    // Title and sentence shapes: the cheap tests first (a wrapped line of prose often starts
    // in lower case).
    if !full
        || words > MAX_TITLE_WORDS
        || line.ends_with(':')
        || !line.starts_with(|c: char| c.is_uppercase() || c.is_numeric())
    {
        return None;
    }
    if ends_in_continuation_word(line) || is_byline(line) || dateline::caption_label_len(line) > 0 {
        return None;
    }
    Some(if is_title_case(line) { HeadlineShape::Title } else { HeadlineShape::Sentence })
}

/// How strongly a line's layout says "headline".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum HeadlineShape {
    /// Markdown heading or ALL CAPS: a headline whatever follows.
    Marked,
    /// Title Case: a headline when a body follows.
    Title,
    /// Sentence case without closing punctuation: a headline when a much longer body follows.
    Sentence,
}

/// What a line's own text says about it, computed once per line.
struct LineFacts {
    /// The line read as a dateline.
    dateline: Option<ParsedDateline>,
    /// A Markdown heading or an ALL CAPS line.
    marked: bool,
    /// The line's headline shape, worked out when asked for.
    shape: OnceCell<Option<HeadlineShape>>,
    /// An author line.
    byline: bool,
}

impl LineFacts {
    /// The line's headline shape (Title Case and sentence tests run once, on demand).
    fn shape(&self, text: &str, l: &Line) -> Option<HeadlineShape> {
        *self.shape.get_or_init(|| headline_shape(&text[l.content.clone()], l, true))
    }

    /// A dateline with nothing after it on its line.
    fn lone_dateline(&self) -> bool {
        self.dateline.as_ref().is_some_and(|d| d.caption.is_none())
    }
}

/// Splits the lines into blocks and classifies them.
///
/// `first_date(i)` may give line `i`'s first date in `order` when it is already known
/// (`Some(None)`: the line has none); `None` means unknown.
pub(crate) fn blocks(
    text: &str,
    lines: &[Line],
    order: NumericOrder,
    first_date: impl Fn(usize) -> Option<Option<DateMatch>>,
) -> Vec<Block> {
    let mut out = Vec::new();
    blocks_into(text, lines, order, first_date, &mut BlockScratch::default(), &mut out);
    out
}

/// Working storage of [`blocks_into`], kept from one document to the next (its contents mean
/// nothing between calls).
#[derive(Default)]
pub(crate) struct BlockScratch {
    facts: Vec<LineFacts>,
    spans: Vec<Range<usize>>,
}

/// [`blocks`] appended to `out`, with its per-line facts and line runs in `scratch`: a batch of
/// documents reuses one scratch and one vector of blocks instead of allocating three vectors a
/// document.
pub(crate) fn blocks_into(
    text: &str,
    lines: &[Line],
    order: NumericOrder,
    first_date: impl Fn(usize) -> Option<Option<DateMatch>>,
    scratch: &mut BlockScratch,
    out: &mut Vec<Block>,
) {
    let BlockScratch { facts, spans } = scratch;
    facts.clear();
    spans.clear();
    facts.extend(lines.iter().enumerate().map(|(i, l)| {
        let s = &text[l.content.clone()];
        LineFacts {
            dateline: if l.heading { None } else { dateline::parse_known(s, order, first_date(i)) },
            marked: headline_shape(s, l, false) == Some(HeadlineShape::Marked),
            shape: OnceCell::new(),
            byline: !l.heading && is_byline(s),
        }
    }));
    // A line that forms a block of its own even without blank lines around it: a Markdown
    // heading, an ALL CAPS line, or a dateline with nothing after it.
    let stands_alone = |i: usize| lines[i].heading || facts[i].marked || facts[i].lone_dateline();
    // Pass 1: runs of lines, with a standalone first line split off.
    let mut i = 0;
    while i < lines.len() {
        let mut j = i + 1;
        while j < lines.len() && !lines[j].gap_before && !stands_alone(j) {
            j += 1;
        }
        if j > i + 1
            && (stands_alone(i)
                || title_over_prose_possible(&lines[i], &lines[i + 1])
                    && title_over_prose(text, &lines[i], facts[i].shape(text, &lines[i]), &lines[i + 1]))
        {
            spans.push(i..i + 1);
            i += 1;
            continue;
        }
        spans.push(i..j);
        i = j;
    }
    // Pass 2: classify, looking ahead (past a byline or one dateline) for the body that makes
    // a Title Case or sentence-case line a headline.
    out.reserve(spans.len());
    for (k, r) in spans.iter().enumerate() {
        let f: &LineFacts = &facts[r.start];
        let kind = if r.len() > 1 {
            BlockKind::Body
        } else if let Some(d) = &f.dateline {
            BlockKind::Dateline(d.clone())
        } else if f.byline {
            BlockKind::Byline
        } else {
            let next = spans[k + 1..]
                .iter()
                .take(4)
                .enumerate()
                .find(|(skipped, n)| {
                    let nf = &facts[n.start];
                    !(nf.byline || *skipped == 0 && n.len() == 1 && nf.lone_dateline())
                })
                .map(|(_, n)| n.clone());
            let body_follows = |min_ratio: usize| {
                next.as_ref().is_some_and(|n| {
                    let len: usize = lines[n.clone()].iter().map(|x| x.span.len()).sum();
                    let nf = &facts[n.start];
                    // A dateline whose line goes on with a caption is prose too.
                    let prose = nf.dateline.as_ref().is_none_or(|d| d.caption.is_some());
                    !lines[n.start].heading && !nf.marked && prose && len >= lines[r.start].content.len() * min_ratio
                })
            };
            // (a Title Case or sentence-case headline needs a body after it: the shape tests
            // run only then)
            let shape = if f.marked || body_follows(1) { f.shape(text, &lines[r.start]) } else { None };
            match shape {
                Some(HeadlineShape::Marked) => BlockKind::Headline,
                Some(HeadlineShape::Title) if body_follows(1) => BlockKind::Headline,
                Some(HeadlineShape::Sentence) if body_follows(2) => BlockKind::Headline,
                _ => BlockKind::Body,
            }
        };
        out.push(Block { lines: r.clone(), kind });
    }
}

/// A Title Case (or short sentence-case) line directly over a clearly longer line of prose: a
/// headline without a blank line after it. (Lines of a hard-wrapped paragraph are of like
/// length, so they never split.)
fn title_over_prose(text: &str, l: &Line, shape: Option<HeadlineShape>, next: &Line) -> bool {
    let s = &text[l.content.clone()];
    !next.bullet
        && match shape {
            Some(HeadlineShape::Title) => s.len() * 5 <= next.span.len() * 3,
            Some(HeadlineShape::Sentence) => s.len() * 2 <= next.span.len() && next.span.len() >= 40,
            _ => false,
        }
}

/// A necessary condition of [`title_over_prose`] that needs no shape: the next line is no list
/// item and is at least 5/3 as long (a sentence-case line must be shorter still).
fn title_over_prose_possible(l: &Line, next: &Line) -> bool {
    !next.bullet && l.content.len() * 5 <= next.span.len() * 3
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_over_prose_needs_what_its_possible_test_checks() {
        let text = "x".repeat(300);
        let line = |len: usize, bullet: bool| Line {
            span: 0..len,
            content: 0..len,
            heading: false,
            bullet,
            prose_start: 0,
            gap_before: false,
        };
        for a in 0..120 {
            for b in 0..240 {
                for bullet in [false, true] {
                    let (l, next) = (line(a, false), line(b, bullet));
                    for shape in [Some(HeadlineShape::Title), Some(HeadlineShape::Sentence)] {
                        if title_over_prose(&text, &l, shape, &next) {
                            assert!(title_over_prose_possible(&l, &next), "{a} {b} {bullet} {shape:?}");
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn paragraphs_are_runs_of_lines_between_blank_lines() {
        let text = "\n\n  Title  \nbody line\n\n\nNext\u{a0}paragraph\n \t\nlast\n\u{b}\nafter a vertical tab";
        let ls = lines(text);
        let got: Vec<&str> =
            paragraph_lines(&ls).map(|r| &text[ls[r.start].span.start..ls[r.end - 1].span.end]).collect();
        assert_eq!(got, ["Title  \nbody line", "Next\u{a0}paragraph", "last", "after a vertical tab"]);
        assert_eq!(paragraph_lines(&lines("")).count(), 0);
    }

    #[test]
    fn count_words_is_split_whitespace_with_a_limit() {
        let long = [
            "",
            "  ",
            "one",
            " two  words ",
            "a\tb\x0Bc\x0Cd\re",
            "Ünïcode words\u{a0}here",
            "x y z w",
            "Floods displace 25 000 people in Garissa, officials said on Monday",
            "        eight spaces then words",
            "abcdefgh ijklmnop\n\nqrstuvwx yz",
            "a b c d e f g h i j k l m n o p q r s t u v w x y z",
            "x\x1cy\x1fz\x08w\x0ev",
        ];
        for line in long {
            for limit in 0..30 {
                assert_eq!(count_words(line, limit), line.split_whitespace().take(limit).count(), "{line:?} {limit}");
            }
        }
        for line in ["", "  ", "one", " two  words ", "a\tb\x0Bc\x0Cd\re", "Ünïcode words\u{a0}here", "x y z w"] {
            for limit in 0..6 {
                assert_eq!(count_words(line, limit), line.split_whitespace().take(limit).count(), "{line:?} {limit}");
            }
        }
        assert_eq!(count_words("Floods displace 25 000 people in Garissa", 31), 7);
    }

    #[test]
    fn word_tables_are_lower_case_for_their_sets() {
        for w in MINOR_WORDS.iter().chain(CONTINUATION_WORDS) {
            assert_eq!(w.to_lowercase(), *w, "table entries are lower-case");
        }
        assert!(MINOR.contains("The") && CONTINUATION.contains("ИЛИ") && !CONTINUATION.contains("offshore"));
    }

    fn kinds(text: &str) -> Vec<String> {
        let ls = lines(text);
        blocks(text, &ls, NumericOrder::DayFirst, |_| None)
            .iter()
            .map(|b| {
                let t = &text[ls[b.lines.start].content.start..ls[b.lines.end - 1].content.end];
                let k = match b.kind {
                    BlockKind::Headline => "H",
                    BlockKind::Dateline(_) => "D",
                    BlockKind::Body => "B",
                    BlockKind::Byline => "A",
                };
                format!("{k}:{t}")
            })
            .collect()
    }

    #[test]
    fn lines_trim_and_mark_gaps() {
        let ls = lines("  # Title ##\n\n- one\n2. two\ntext");
        assert_eq!(ls.len(), 4);
        assert!(ls[0].heading && ls[0].gap_before);
        assert_eq!(ls[0].content, 4..9);
        assert!(ls[1].bullet && ls[2].bullet && !ls[3].bullet);
        assert!(ls[1].gap_before && !ls[2].gap_before);
    }

    /// `is_all_caps` (eight ASCII bytes a step, giving up early) says what its definition
    /// says: at least six cased letters, nine capitals or more for each lower-case one.
    #[test]
    fn all_caps_is_its_definition() {
        let def = |s: &str| {
            let upper = s.chars().filter(|c| c.is_uppercase()).count();
            let lower = s.chars().filter(|c| c.is_lowercase()).count();
            upper + lower >= 6 && upper >= 9 * lower
        };
        let parts = ["IOM", "KYRGYZSTAN", " AND ", "Local", "ÉTÉ", "ДУШАНБЕ", "ngo", "a", "2022", " – ", "x", "ÄÖÜ"];
        let mut lines: Vec<String> = Vec::new();
        for a in parts {
            for b in parts {
                for c in parts {
                    lines.push(format!("{a}{b}{c}"));
                    lines.push(format!("{a}{b}{c}{a}{b}{c}{a}"));
                }
            }
        }
        for f in ["iom-central-asia-2022-12.txt", "iom-central-asia-ru-2023-03.txt", "wire-reuters-style-2023-03.txt"] {
            let text =
                std::fs::read_to_string(format!("{}/fixtures/{f}", env!("CARGO_MANIFEST_DIR"))).unwrap_or_default();
            assert!(!text.is_empty(), "{f}");
            lines.extend(text.lines().map(str::to_string));
        }
        let mut caps = 0;
        for l in &lines {
            assert_eq!(is_all_caps(l), def(l), "{l:?}");
            caps += usize::from(def(l));
        }
        assert!(caps > 100 && caps < lines.len() / 2, "{caps} of {}", lines.len());
    }

    #[test]
    fn casing_of_ascii_lines_is_the_general_count() {
        for line in [
            "Floods in the Horn of Africa",
            "  \"The\"  (Debates) -- of  2022's --- x\t\x0bY ",
            "International Migrants Day 2022",
            "a-b AND/or ... 3rd-Party",
            "",
            " ",
            "!!! ?",
            "Verylongwordindeedbeyond sixteen The THE the",
        ] {
            let (a, c) = (casing_ascii(line), casing_chars(line));
            assert_eq!((a.words, a.major, a.major_capitalised), (c.words, c.major, c.major_capitalised), "{line:?}");
        }
        let c = casing("Floods in the Horn of Africa");
        assert_eq!((c.words, c.major, c.major_capitalised), (6, 3, 3));
    }

    #[test]
    fn casing_rules() {
        assert!(is_all_caps("IOM KYRGYZSTAN AND LOCAL NGO TRAINED INTERNAL MIGRANTS"));
        assert!(!is_all_caps("IOM and UN"));
        assert!(is_title_case("International Migrants Day 2022"));
        assert!(is_title_case("Floods in the Horn of Africa"));
        assert!(!is_title_case("The debates involving youth from different regions"));
        assert!(ends_as_sentence("and were awarded prizes."));
        assert!(!ends_as_sentence("IOM UZBEKISTAN: TRAINING ON IDENTIFICATION AND REFERRAL"));
    }

    #[test]
    fn headline_kinds() {
        let text = "# Weekly Update\n\nInternational Migrants Day 2022\n\nIOM Kazakhstan organized a round table on migration policy in the region.\n\nWFP scales up aid\nThe World Food Programme has scaled up its operations in the north of the country this week.\n\nIt ends here";
        assert_eq!(
            kinds(text),
            vec![
                "H:Weekly Update",
                "H:International Migrants Day 2022",
                "B:IOM Kazakhstan organized a round table on migration policy in the region.",
                "H:WFP scales up aid",
                "B:The World Food Programme has scaled up its operations in the north of the country this week.",
                "B:It ends here",
            ]
        );
    }

    #[test]
    fn all_caps_line_splits_a_block() {
        let text = "FLOODS IN THE NORTH\nHeavy rain fell on Monday.\nMore is expected.";
        assert_eq!(kinds(text), vec!["H:FLOODS IN THE NORTH", "B:Heavy rain fell on Monday.\nMore is expected."]);
    }
}
