//! Turn raw bulletins — NGO and UN newsletters, press-release digests, situation reports,
//! newswire — into typed event records.
//!
//! ```
//! let text = "\
//! IOM KYRGYZSTAN TRAINED INTERNAL MIGRANTS
//!
//! IOM and Public Foundation “Unison” trained 25 internal migrants in Bishkek.
//!
//! Bishkek, 18-19 November 2022
//! ";
//! let doc = bulletin_events::extract(text);
//! let item = &doc.items[0];
//! assert_eq!(item.headline.as_ref().unwrap().text, "IOM KYRGYZSTAN TRAINED INTERNAL MIGRANTS");
//! let dateline = item.dateline.as_ref().unwrap();
//! assert_eq!(dateline.city.as_deref(), Some("Bishkek"));
//! assert_eq!(dateline.country.as_deref(), Some("Kyrgyzstan"));
//! assert!(dateline.country_inferred);
//! assert_eq!(dateline.date.unwrap().start.to_string(), "2022-11-18");
//! assert_eq!(dateline.date.unwrap().end.to_string(), "2022-11-19");
//! // Every span slices the input to exactly the mention.
//! assert_eq!(&text[dateline.span.range()], dateline.text);
//! ```
//!
//! # Overview
//!
//! - [`extract()`] runs the whole pipeline with default options; an [`Extractor`] (built once with
//!   [`Extractor::builder`], shared freely across threads) carries options such as the reference
//!   date that anchors year-less dates.
//! - For archives, [`Extractor::extract_iter`] (or [`Extractor::extract_batch`]) extracts many
//!   documents stage by stage, a batch at a time: the same [`Document`]s, 8–19% faster than one
//!   by one.
//! - The result is a [`Document`] of [`Item`]s: each with its [`Headline`], [`Dateline`] (date or
//!   [`DateRange`], city, country), cleaned body, and the [`DateMention`]s, [`Place`]s,
//!   [`Organization`]s and [`Quantity`]s it mentions. All types serialize with serde to the JSON
//!   record contract; every mention carries its byte [`Span`] in the original input.
//!
//! The pipeline runs in stages, one module each: clean the text (link syntax, tags, entities,
//! NBSP, CRLF, BOM; offsets kept), split it into lines and blocks, classify the blocks
//! (headline, dateline, body), group them into items, read the datelines, then find the mentions.
//!
//! # Features
//!
//! - `cli` (default): the `bulletin2json` binary and its dependencies. Library users can set
//!   `default-features = false` to compile none of them.
//! - `ndjson` (part of `cli`): [`ndjson::InputDocument`], the reader of NDJSON input lines.

#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod buffers;
mod clean;
mod dateline;
pub mod dates;
mod error;
mod extract;
pub mod gazetteer;
mod hash;
mod layout;
mod model;
#[cfg(feature = "ndjson")]
pub mod ndjson;
pub mod orgs;
mod places;
pub mod quantities;
mod segment;
mod span;
mod swar;
mod words;

pub use crate::error::{parse_reference_date, Error, ErrorKind, Result};
pub use crate::extract::{Documents, Extractor, ExtractorBuilder, Source};
pub use crate::model::{
    Attachment, Caption, DateMention, DateOrder, DateRange, Dateline, Document, Headline, Item, NumericDateOrder,
    OrderEvidence, Organization, Place, PlaceKind, Precision, Quantity,
};
pub use crate::span::Span;

// The README's examples run as doc-tests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;

/// Extracts the items of one document with default options (no reference date: year-less
/// dates take their year from the nearest dated mention).
///
/// # Example
///
/// ```
/// let doc = bulletin_events::extract("FLOODS IN THE NORTH\n\nGeneva, 3 March 2023\n\nHeavy rain fell.");
/// assert_eq!(doc.items.len(), 1);
/// assert_eq!(doc.items[0].body, "Heavy rain fell.");
/// ```
pub fn extract(text: &str) -> Document {
    Extractor::new().extract(text)
}

/// Thin wrappers over internal stages, for the benchmarks in `benches/` only. Not part of the
/// API: no stability promise.
#[doc(hidden)]
pub mod bench {
    use crate::dates::NumericOrder;

    /// Stage 1: cleans `text`; returns the cleaned length.
    pub fn clean(text: &str) -> usize {
        crate::clean::clean(text).text.len()
    }

    /// Stages 2 and 4 on already clean text: lines, blocks (with their dateline parsing) and
    /// grouping into items; returns the number of items.
    pub fn layout_segment(text: &str) -> usize {
        let lines = crate::layout::lines(text);
        let blocks = crate::layout::blocks(text, &lines, NumericOrder::DayFirst, |_| None);
        let lay = crate::segment::Layout { text, lines: &lines, blocks: &blocks, order: NumericOrder::DayFirst };
        let mut facts = crate::segment::BlockFacts::default();
        let doc = facts.add_document(blocks.len(), 0..0);
        crate::segment::group(&lay, &mut facts, doc).len()
    }

    /// Organizations: every mention in `text` read as prose, places looked up in the gazetteer as
    /// the pipeline does; returns the number of mentions.
    pub fn organizations(text: &str) -> usize {
        crate::orgs::find_organizations(text, false, crate::gazetteer::Gazetteer::global()).len()
    }

    /// Document-level acronym table of `text` (places looked up in the gazetteer); returns the
    /// number of pairs.
    pub fn acronym_table(text: &str) -> usize {
        crate::orgs::acronym_table(text, crate::gazetteer::Gazetteer::global()).pairs().len()
    }

    /// Stage 3: reads every line of `text` as a standalone and as an inline (newswire) dateline;
    /// returns how many read as one.
    pub fn datelines(text: &str) -> usize {
        let order = NumericOrder::DayFirst;
        text.lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(|l| {
                usize::from(crate::dateline::parse(l, order).is_some())
                    + usize::from(crate::dateline::parse_inline(l, order).is_some())
            })
            .sum()
    }
}
