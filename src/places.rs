//! The seam between the pipeline and the gazetteer: place lookup for dateline segments and for
//! the organization finder. (Places in running text are found with [`Gazetteer::find`] once per
//! block, in `segment::BlockFacts`, and resolved per item.)

use crate::gazetteer::Gazetteer;
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

/// The gazetteer as the organization finder asks it: a written name's canonical place, whether
/// it is a country, and its country's canonical name.
impl crate::orgs::PlaceLookup for Gazetteer {
    fn place_country(&self, written: &str) -> Option<(&'static str, bool, &'static str)> {
        self.place_country_more(written).0
    }

    fn place_country_more(&self, written: &str) -> (Option<(&'static str, bool, &'static str)>, bool) {
        let g = Gazetteer::global();
        let (best, more) = g.resolve_and_prefix(written);
        let hit = best.and_then(|p| {
            let country = g.country(p.country_code)?;
            Some((p.name, p.kind == PlaceKind::Country, country.name))
        });
        (hit, more)
    }
}
