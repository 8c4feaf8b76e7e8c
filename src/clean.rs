//! Stage 1: clean the raw text into a view the later stages read, keeping a map back to the
//! original byte offsets.
//!
//! Cleaning drops a byte-order mark, turns CRLF and lone CR into LF, NBSP and other fixed-width
//! spaces into a plain space, removes HTML tags (block tags become line breaks), decodes HTML
//! entities, reduces Markdown links and images to their text and drops bold markers (`**`). Every byte of the cleaned text
//! maps back to the original input, so a mention found in the cleaned text is reported with its
//! span in the original.

use std::borrow::Cow;

/// The cleaned view of a text and its map back to the original.
#[derive(Debug)]
pub(crate) struct Cleaned<'a> {
    /// The cleaned text (borrowed when nothing needed cleaning).
    pub text: Cow<'a, str>,
    /// One entry per run of the cleaned text; empty when the text is borrowed unchanged.
    segments: Vec<Segment>,
    /// Length of the original text.
    orig_len: usize,
}

/// A run of cleaned text: either a verbatim copy of the original (`orig_len == None`) or a
/// replacement for `orig_len` original bytes (an entity, a CRLF, an NBSP...).
#[derive(Clone, Copy, Debug)]
struct Segment {
    clean: usize,
    orig: usize,
    replaced_len: Option<usize>,
}

impl Cleaned<'_> {
    /// Maps a start offset of the cleaned text to the original.
    pub fn start_to_orig(&self, pos: usize) -> usize {
        if self.segments.is_empty() {
            return pos;
        }
        let i = self.segments.partition_point(|s| s.clean <= pos).saturating_sub(1);
        let seg = self.segments[i];
        match seg.replaced_len {
            None => seg.orig + (pos - seg.clean),
            Some(len) if pos > seg.clean => seg.orig + len,
            Some(_) => seg.orig,
        }
        .min(self.orig_len)
    }

    /// Maps an end offset (exclusive) of the cleaned text to the original.
    pub fn end_to_orig(&self, pos: usize) -> usize {
        if self.segments.is_empty() || pos == 0 {
            return self.start_to_orig(pos);
        }
        let i = self.segments.partition_point(|s| s.clean < pos).saturating_sub(1);
        let seg = self.segments[i];
        match seg.replaced_len {
            None => seg.orig + (pos - seg.clean),
            Some(len) => seg.orig + len,
        }
        .min(self.orig_len)
    }

    /// Maps a cleaned range to the original.
    pub fn to_orig(&self, r: std::ops::Range<usize>) -> crate::Span {
        let start = self.start_to_orig(r.start);
        let end = self.end_to_orig(r.end).max(start);
        crate::Span::new(start, end)
    }
}

/// A 256-entry table of the given bytes.
const fn byte_table(bytes: &[u8]) -> [bool; 256] {
    let mut t = [false; 256];
    let mut k = 0;
    while k < bytes.len() {
        t[bytes[k] as usize] = true;
        k += 1;
    }
    t
}

/// Bytes where the cleaner may change something: a table look-up per byte is all the rest of
/// the text costs. (`!` opens an image link, which holds a `[` too.)
static SPECIAL: [bool; 256] = byte_table(&[b'\r', b'<', b'&', b'[', b'!', b'*', 0xC2, 0xE2]);
/// [`SPECIAL`] without `!`: a text with none of these is left as it is.
static NEEDS_CLEANING: [bool; 256] = byte_table(&[b'\r', b'<', b'&', b'[', b'*', 0xC2, 0xE2]);

/// The first byte at or after `i` that is in `table` (`b.len()` if none).
///
/// Eight bytes are tested per step with their look-ups or-ed together, so the loop branches
/// once per eight bytes; the step that hits is then searched byte by byte.
#[inline]
fn next_in(table: &[bool; 256], b: &[u8], mut i: usize) -> usize {
    while let Some(chunk) = b.get(i..i + 8) {
        if chunk.iter().fold(false, |hit, &c| hit | table[usize::from(c)]) {
            break;
        }
        i += 8;
    }
    b.get(i..).and_then(|r| r.iter().position(|&c| table[usize::from(c)])).map_or(b.len(), |p| i + p)
}

/// Does the text hold anything the cleaner changes? One cheap pass over the bytes.
fn needs_cleaning(text: &str) -> bool {
    let b = text.as_bytes();
    b.starts_with(b"\xEF\xBB\xBF") || next_in(&NEEDS_CLEANING, b, 0) < b.len()
}

/// Builds the cleaned text segment by segment.
struct Builder<'a> {
    src: &'a str,
    out: String,
    segments: Vec<Segment>,
    /// Start of the pending verbatim run in the original.
    copy_from: usize,
}

impl<'a> Builder<'a> {
    /// Flushes the verbatim run `copy_from..upto`.
    fn copy_until(&mut self, upto: usize) {
        if upto > self.copy_from {
            self.segments.push(Segment { clean: self.out.len(), orig: self.copy_from, replaced_len: None });
            self.out.push_str(&self.src[self.copy_from..upto]);
        }
        self.copy_from = upto;
    }

    /// Replaces original bytes `at..at+len` with `with` (possibly empty).
    fn replace(&mut self, at: usize, len: usize, with: &str) {
        self.copy_until(at);
        if !with.is_empty() {
            self.segments.push(Segment { clean: self.out.len(), orig: at, replaced_len: Some(len) });
            self.out.push_str(with);
        }
        self.copy_from = at + len;
    }
}

/// Cleans `text`. See the module docs for what changes.
pub(crate) fn clean(text: &str) -> Cleaned<'_> {
    if !needs_cleaning(text) {
        return Cleaned { text: Cow::Borrowed(text), segments: Vec::new(), orig_len: text.len() };
    }
    let mut b = Builder { src: text, out: String::with_capacity(text.len()), segments: Vec::new(), copy_from: 0 };
    let bytes = text.as_bytes();
    let mut i = 0;
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        b.replace(0, 3, "");
        i = 3;
    }
    loop {
        i = next_in(&SPECIAL, bytes, i);
        if i >= bytes.len() {
            break;
        }
        match bytes[i] {
            b'\r' => {
                let len = if bytes.get(i + 1) == Some(&b'\n') { 2 } else { 1 };
                b.replace(i, len, "\n");
                i += len;
            }
            b'<' => match html_tag(&text[i..]) {
                Some((len, block)) => {
                    b.replace(i, len, if block { "\n" } else { "" });
                    i += len;
                }
                None => i += 1,
            },
            b'&' => match html_entity(&text[i..]) {
                Some((len, ch)) => {
                    let mut buf = [0u8; 4];
                    b.replace(i, len, ch.encode_utf8(&mut buf));
                    i += len;
                }
                None => i += 1,
            },
            b'[' | b'!' => match markdown_link(&text[i..]) {
                Some(link) => {
                    // Keep the link text, drop the brackets and the target.
                    b.replace(i, link.text_start, "");
                    b.copy_from = i + link.text_start;
                    b.copy_until(i + link.text_end);
                    b.replace(i + link.text_end, link.len - link.text_end, "");
                    i += link.len;
                }
                None => i += 1,
            },
            // Markdown bold markers ("**New York, 6 February 2023** – ...") are no text.
            b'*' if bytes.get(i + 1) == Some(&b'*') => {
                let run = bytes[i..].iter().take_while(|&&c| c == b'*').count();
                b.replace(i, run, "");
                i += run;
            }
            0xC2 if bytes.get(i + 1) == Some(&0xA0) => {
                b.replace(i, 2, " ");
                i += 2;
            }
            // U+2007 figure space, U+202F narrow no-break space, U+2009 thin space.
            0xE2 if bytes.get(i + 1) == Some(&0x80) && matches!(bytes.get(i + 2), Some(0x87 | 0xAF | 0x89)) => {
                b.replace(i, 3, " ");
                i += 3;
            }
            // U+2028 line separator, U+2029 paragraph separator.
            0xE2 if bytes.get(i + 1) == Some(&0x80) && matches!(bytes.get(i + 2), Some(0xA8 | 0xA9)) => {
                b.replace(i, 3, "\n");
                i += 3;
            }
            _ => i += 1,
        }
    }
    b.copy_until(text.len());
    Cleaned { text: Cow::Owned(b.out), segments: b.segments, orig_len: text.len() }
}

/// HTML tags that end a line of text.
const BLOCK_TAGS: &[&str] = &[
    "br",
    "p",
    "div",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "tr",
    "table",
    "section",
    "article",
    "header",
    "footer",
    "blockquote",
    "hr",
];

/// An HTML tag at the start of `s`: its length and whether it breaks the line.
fn html_tag(s: &str) -> Option<(usize, bool)> {
    let b = s.as_bytes();
    let mut j = 1;
    if b.get(j) == Some(&b'/') {
        j += 1;
    }
    let name_start = j;
    while j < b.len() && b[j].is_ascii_alphanumeric() {
        j += 1;
    }
    if j == name_start || !b[name_start].is_ascii_alphabetic() {
        // Comments `<!-- ... -->` are dropped too.
        if s.starts_with("<!--") {
            let end = s.find("-->")?;
            return Some((end + 3, false));
        }
        return None;
    }
    let name = &s[name_start..j];
    // Attributes: anything but another '<' or a line break, up to '>'; bounded so that a stray
    // '<' in prose never swallows a long stretch.
    let rest = &b[j..];
    let close = rest.iter().take(1024).position(|&c| c == b'>' || c == b'<' || c == b'\n' || c == b'\r')?;
    if rest[close] != b'>' {
        return None;
    }
    if close > 0 && !matches!(rest[0], b' ' | b'\t' | b'/') {
        return None;
    }
    let block = BLOCK_TAGS.iter().any(|t| t.eq_ignore_ascii_case(name));
    Some((j + close + 1, block))
}

/// Named HTML entities the cleaner decodes.
const ENTITIES: &[(&str, char)] = &[
    ("amp", '&'),
    ("lt", '<'),
    ("gt", '>'),
    ("quot", '"'),
    ("apos", '\''),
    ("nbsp", ' '),
    ("ndash", '–'),
    ("mdash", '—'),
    ("lsquo", '‘'),
    ("rsquo", '’'),
    ("ldquo", '“'),
    ("rdquo", '”'),
    ("laquo", '«'),
    ("raquo", '»'),
    ("hellip", '…'),
    ("eacute", 'é'),
    ("copy", '©'),
];

/// An HTML entity at the start of `s`: its length and the character it stands for.
fn html_entity(s: &str) -> Option<(usize, char)> {
    let b = s.as_bytes();
    let semi = b.iter().take(12).position(|&c| c == b';')?;
    let body = &s[1..semi];
    let ch = if let Some(num) = body.strip_prefix('#') {
        let code = if let Some(hex) = num.strip_prefix(['x', 'X']) {
            u32::from_str_radix(hex, 16).ok()?
        } else {
            num.parse::<u32>().ok()?
        };
        match char::from_u32(code)? {
            '\u{A0}' => ' ',
            c if c.is_control() && c != '\n' && c != '\t' => return None,
            c => c,
        }
    } else {
        ENTITIES.iter().find(|(name, _)| *name == body)?.1
    };
    Some((semi + 1, ch))
}

/// A Markdown link or image at the start of a string.
struct Link {
    /// Length of the whole construct.
    len: usize,
    /// Start of the link text (after `[` or `![`).
    text_start: usize,
    /// End of the link text (before `]`).
    text_end: usize,
}

/// `[text](target)` or `![alt](target)` at the start of `s`, on one line.
fn markdown_link(s: &str) -> Option<Link> {
    let b = s.as_bytes();
    let text_start = if b.starts_with(b"![") {
        2
    } else if b.first() == Some(&b'[') {
        1
    } else {
        return None;
    };
    let mut j = text_start;
    while j < b.len() && b[j] != b']' {
        if matches!(b[j], b'\n' | b'\r' | b'[') || j - text_start > 500 {
            return None;
        }
        j += 1;
    }
    let text_end = j;
    if b.get(j + 1) != Some(&b'(') {
        return None;
    }
    j += 2;
    let mut depth = 1usize;
    while j < b.len() {
        match b[j] {
            b'(' => depth += 1,
            b')' => {
                depth -= 1;
                if depth == 0 {
                    return Some(Link { len: j + 1, text_start, text_end });
                }
            }
            b'\n' | b'\r' => return None,
            _ => {}
        }
        if j - text_end > 2048 {
            return None;
        }
        j += 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every mapped range slices the original without panicking, and verbatim text maps to itself.
    fn check(input: &str, expect: &str) {
        let c = clean(input);
        assert_eq!(c.text, expect, "cleaning {input:?}");
        for (i, _) in c.text.char_indices() {
            let s = c.to_orig(i..c.text.len());
            assert!(input.is_char_boundary(s.start) && input.is_char_boundary(s.end));
        }
    }

    #[test]
    fn next_in_finds_the_first_special_byte_at_any_offset() {
        // every length up to three chunks, every position of the special byte, every start
        for len in 0..25 {
            for hit in 0..=len {
                let mut b = vec![b'a'; len];
                if hit < len {
                    b[hit] = b'&';
                }
                for start in 0..=len + 1 {
                    let want = if hit < len && start <= hit { hit } else { len };
                    assert_eq!(next_in(&SPECIAL, &b, start), want, "len {len} hit {hit} start {start}");
                }
            }
        }
    }

    #[test]
    fn untouched_text_is_borrowed() {
        let c = clean("Plain text, 10 December 2022.");
        assert!(matches!(c.text, Cow::Borrowed(_)));
        assert_eq!(c.to_orig(6..10), crate::Span::new(6, 10));
    }

    #[test]
    fn markdown_link_keeps_text_and_maps_back() {
        let input = "IOM [organized a round table](#) dedicated";
        let c = clean(input);
        assert_eq!(c.text, "IOM organized a round table dedicated");
        let at = c.text.find("round").unwrap();
        let span = c.to_orig(at..at + 5);
        assert_eq!(&input[span.range()], "round");
        let at = c.text.find("dedicated").unwrap();
        assert_eq!(&input[c.to_orig(at..at + 9).range()], "dedicated");
    }

    #[test]
    fn crlf_bom_nbsp_entities_tags() {
        check("\u{FEFF}Title\r\nBody\rend", "Title\nBody\nend");
        check("10\u{A0}December 2022", "10 December 2022");
        check("AT&amp;T &#8211; &#x2014; &bogus; & more", "AT&T – — &bogus; & more");
        check("<p>One<br/>two <b>bold</b></p> 3 < 4 and a<b", "\nOne\ntwo bold\n 3 < 4 and a<b");
        check("![photo](x.jpg) [a [b](c) [d]", "photo [a b [d]");
        check("<!-- note --> text", " text");
        check("**New York, 6 February 2023** – UN *agencies*", "New York, 6 February 2023 – UN *agencies*");
    }

    #[test]
    fn entity_maps_to_its_whole_original() {
        let input = "Smith &amp; Sons";
        let c = clean(input);
        let at = c.text.find('&').unwrap();
        assert_eq!(&input[c.to_orig(at..at + 1).range()], "&amp;");
        assert_eq!(&input[c.to_orig(0..c.text.len()).range()], input);
    }
}
