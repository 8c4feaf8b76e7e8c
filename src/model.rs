//! The records: serde types that mirror the JSON contract one to one.
//!
//! Field names and meanings follow the record contract (`spec/records.md`, v1). Fields this crate
//! adds on top of the contract are marked *(extension)*. The types hold no logic.

use std::borrow::Cow;

use chrono::NaiveDate;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::Span;

/// One input document: the items found in it, in document order.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// The document's id: the NDJSON `id`, or the file's name without extension.
    pub id: Option<String>,
    /// The news items, in document order; they never overlap.
    pub items: Vec<Item>,
    /// *(extension)* Title lines that open the document with no item under them (the
    /// newsletter's name, "PRESS RELEASE"); every other non-blank line belongs to an item.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub masthead: Vec<Headline>,
    /// *(extension)* How all-numeric dates ("10/12/2022") were read in this document, and why.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub numeric_date_order: Option<NumericDateOrder>,
}

/// *(extension)* The day/month order used for all-numeric dates of a document.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NumericDateOrder {
    /// `"day_first"` (10/12/2022 is 10 December) or `"month_first"` (10/12/2022 is October 12).
    pub order: DateOrder,
    /// What decided it.
    pub evidence: OrderEvidence,
}

/// Day-first or month-first reading of numeric dates.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DateOrder {
    /// "10/12/2022" is 10 December 2022 (most of the world).
    #[default]
    DayFirst,
    /// "10/12/2022" is October 12, 2022 (United States).
    MonthFirst,
}

/// Why a document's numeric dates were read in the order they were.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OrderEvidence {
    /// The document holds a numeric date that can be read only one way ("13/12/2022").
    UnambiguousDate,
    /// The document writes month names in that order ("December 10, 2022" is month-first).
    MonthNameStyle,
    /// Nothing in the document tells: day-first, as outside the United States.
    Default,
}

/// One news item of a bulletin.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Item {
    /// Covers every line that belongs to the item: headline, datelines and captions, body.
    pub span: Span,
    /// The item's title line, or `None`.
    pub headline: Option<Headline>,
    /// The line that dates and places the item, or `None`.
    pub dateline: Option<Dateline>,
    /// The item's prose, cleaned: link syntax and tags removed (link text kept), paragraphs
    /// broken mid-sentence rejoined, paragraphs separated by `"\n\n"`.
    pub body: String,
    /// Every temporal expression in the headline and body (not the dateline itself).
    pub dates: Vec<DateMention>,
    /// Distinct places mentioned anywhere in the item, first mention first.
    pub places: Vec<Place>,
    /// Distinct organizations in the item, first mention first.
    pub organizations: Vec<Organization>,
    /// Counts of things and people.
    pub quantities: Vec<Quantity>,
}

/// An item's title line.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Headline {
    /// The title as written (Markdown `#` markers excluded).
    pub text: String,
    /// Where it stands in the input.
    pub span: Span,
}

/// Where a dateline stands relative to its item's body.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Attachment {
    /// Before the body (after the headline, or opening the item).
    Leading,
    /// After the body, as a photo caption does.
    Trailing,
    /// At the start of the body, as newswire writes it ("GENEVA, 3 March 2023 (IOM) – ...").
    Inline,
}

/// The line that dates and places an item.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Dateline {
    /// The dateline as written (without a caption that follows it on the same line).
    pub text: String,
    /// Where it stands in the input.
    pub span: Span,
    /// The date or date range, or `None` when the dateline has none.
    pub date: Option<DateRange>,
    /// Canonical English city name, or `None`. Extracted records borrow it from the embedded
    /// gazetteer; deserialized ones own it.
    pub city: Option<Cow<'static, str>>,
    /// Canonical English country name, or `None` (borrowed like `city`).
    pub country: Option<Cow<'static, str>>,
    /// ISO 3166-1 alpha-2 code of the country, or `None` (borrowed like `city`).
    pub country_code: Option<Cow<'static, str>>,
    /// `true` when the country was not written but derived from the city.
    pub country_inferred: bool,
    /// Before, after or inside the body.
    pub attached: Attachment,
    /// *(extension)* Text that follows the dateline on its line ("2 November 2022, Astana,
    /// Kazakhstan. Participants of the forum..."), usually a photo caption.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub caption: Option<Caption>,
}

/// *(extension)* A caption written on a dateline's line.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Caption {
    /// The caption as written.
    pub text: String,
    /// Where it stands in the input.
    pub span: Span,
}

/// How precise a date range is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    /// Whole days.
    Day,
    /// A whole month ("November 2022").
    Month,
    /// A whole year ("in 2022").
    Year,
}

/// A date or an inclusive range of dates. A single day has `start == end`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct DateRange {
    /// First day.
    pub start: NaiveDate,
    /// Last day (inclusive).
    pub end: NaiveDate,
    /// Day, month or year.
    pub precision: Precision,
    /// `true` when the year was not written but taken from the reference date or the nearest
    /// dated mention of the document.
    pub year_inferred: bool,
}

/// A temporal expression of an item's headline or body.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DateMention {
    /// The expression as written ("from November 10 to 18").
    pub text: String,
    /// Where it stands in the input.
    pub span: Span,
    /// The dates it denotes.
    #[serde(flatten)]
    pub range: DateRange,
}

/// The kind of a place.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PlaceKind {
    /// A city or town.
    City,
    /// A country (ISO 3166-1).
    Country,
    /// A first-level administrative region (state, province, oblast...).
    Region,
}

/// A distinct place of an item, with all its mentions.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Place {
    /// Canonical gazetteer name ("Türkmenabat" for "Chardzhev"). Extracted records borrow it
    /// from the embedded gazetteer (no allocation per place); deserialized ones own it.
    pub name: Cow<'static, str>,
    /// The first mention as written.
    pub text: String,
    /// City, country or region.
    pub kind: PlaceKind,
    /// ISO 3166-1 alpha-2 code of the place's country (borrowed like `name`).
    pub country_code: Cow<'static, str>,
    /// Every mention, in order.
    pub mentions: Vec<Span>,
}

/// A distinct organization of an item, with all its mentions.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Organization {
    /// The name ("Ministry of Labor, Migration and Employment", "IOM").
    pub name: String,
    /// The acronym the text pairs with the name ("IOM" for "International Organization for
    /// Migration"), or `None`.
    pub acronym: Option<String>,
    /// *(extension)* For a country office ("IOM Kazakhstan", "IOM office in Dushanbe"): the
    /// canonical name of the office's country.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub office: Option<String>,
    /// Every mention, in order.
    pub mentions: Vec<Span>,
}

/// A count of things or people ("24 teams", "more than 300 participants").
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Quantity {
    /// The count as written.
    pub text: String,
    /// The number (spelled-out numbers included).
    #[serde(serialize_with = "ser_number", deserialize_with = "de_number")]
    pub value: f64,
    /// The counted noun as written, lower-cased ("teams").
    pub unit: String,
    /// Where it stands in the input.
    pub span: Span,
    /// *(extension)* A qualifier written before the number ("more than", "about"), lower-cased.
    /// One of a fixed list: extracted records borrow it, deserialized ones own it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub qualifier: Option<Cow<'static, str>>,
}

/// Whole numbers are written without a fraction (`24`, not `24.0`).
fn ser_number<S: Serializer>(v: &f64, s: S) -> Result<S::Ok, S::Error> {
    if v.fract() == 0.0 && v.abs() < 9.0e15 {
        s.serialize_i64(*v as i64)
    } else {
        s.serialize_f64(*v)
    }
}

fn de_number<'de, D: Deserializer<'de>>(d: D) -> Result<f64, D::Error> {
    f64::deserialize(d)
}
