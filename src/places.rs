//! The seam between the pipeline and the gazetteer: place lookup for dateline segments and place
//! finding in text.

use std::ops::Range;

use crate::gazetteer::{resolve_matches, Gazetteer};
use crate::model::PlaceKind;

/// A gazetteer entry as the pipeline sees it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct PlaceRef {
    pub name: &'static str,
    pub kind: PlaceKind,
    pub country_code: &'static str,
}

impl From<&'static crate::gazetteer::Place> for PlaceRef {
    fn from(p: &'static crate::gazetteer::Place) -> PlaceRef {
        PlaceRef { name: p.name, kind: p.kind, country_code: p.country_code }
    }
}

/// A country by ISO 3166-1 alpha-2 code.
pub(crate) fn country(code: &str) -> Option<PlaceRef> {
    Gazetteer::global().country(code).map(PlaceRef::from)
}

/// The place a written name denotes (a whole dateline segment), preferring places in the
/// `context` countries.
pub(crate) fn lookup(written: &str, context: &[&str]) -> Option<PlaceRef> {
    Gazetteer::global().resolve(written, context).map(PlaceRef::from)
}

/// Every place mention in `text`, spans relative to `text`, ambiguity resolved with the
/// `context` countries.
pub(crate) fn find(text: &str, context: &[&str]) -> Vec<(Range<usize>, PlaceRef)> {
    let g = Gazetteer::global();
    resolve_matches(&g.find(text), context).into_iter().map(|(r, p)| (r, PlaceRef::from(p))).collect()
}

/// The gazetteer as the organization finder asks it: a written name's canonical place, whether
/// it is a country, and its country's canonical name.
impl crate::orgs::PlaceLookup for Gazetteer {
    fn place_country(&self, written: &str) -> Option<(&'static str, bool, &'static str)> {
        let g = Gazetteer::global();
        let p = g.resolve(written, &[])?;
        let country = g.country(p.country_code)?;
        Some((p.name, p.kind == PlaceKind::Country, country.name))
    }
}
