//! Byte spans into the original input.

use serde::{Deserialize, Serialize};

/// A half-open range of byte offsets `start..end` into the **original** input text.
///
/// Spans always fall on UTF-8 character boundaries, so `&input[span.range()]` never panics
/// for the text a span was produced from, and it is exactly the mention as written.
///
/// # Example
///
/// ```
/// use bulletin_events::Span;
///
/// let text = "Bishkek, 18-19 November 2022";
/// let span = Span::new(0, 7);
/// assert_eq!(&text[span.range()], "Bishkek");
/// assert_eq!(span.len(), 7);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Span {
    /// Offset of the first byte.
    pub start: usize,
    /// Offset one past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end` (half-open).
    pub const fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }

    /// The span as a `Range`, for slicing.
    pub const fn range(&self) -> std::ops::Range<usize> {
        self.start..self.end
    }

    /// Length in bytes.
    pub const fn len(&self) -> usize {
        self.end.saturating_sub(self.start)
    }

    /// `true` when the span covers no byte.
    pub const fn is_empty(&self) -> bool {
        self.end <= self.start
    }

    /// `true` when the two spans share at least one byte.
    pub const fn overlaps(&self, other: &Span) -> bool {
        self.start < other.end && other.start < self.end
    }
}

impl From<std::ops::Range<usize>> for Span {
    fn from(r: std::ops::Range<usize>) -> Span {
        Span::new(r.start, r.end)
    }
}

impl std::ops::Index<Span> for str {
    type Output = str;
    fn index(&self, span: Span) -> &str {
        &self[span.range()]
    }
}
