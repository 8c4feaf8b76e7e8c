//! Stage 5: run the stages over a document and build the records.

use std::borrow::Cow;
use std::collections::HashMap;
use std::marker::PhantomData;
use std::ops::Range;

use chrono::NaiveDate;

use crate::buffers::{fill_exact, take_exact};
use crate::clean::{clean, Cleaned};
use crate::dateline::ParsedDateline;
use crate::dates::{self, DateMatch, NumericOrder};
use crate::gazetteer::{resolve_each, Gazetteer, RawMatch};
use crate::layout::{self, ends_in_continuation_word, Block, BlockKind, Line};
use crate::model::{
    Attachment, Caption, DateMention, DateOrder, DateRange, Dateline, Document, Headline, Item, NumericDateOrder,
    OrderEvidence, Organization, Place, Precision, Quantity,
};
use crate::orgs::{AcronymTable, GroupScratch, OrgMention, TableBuilder};
use crate::segment::{self, BlockFacts, DocFacts, ItemPlan, Layout};
use crate::Span;

/// Turns bulletin text into [`Document`]s. Build it once and reuse it: it is cheap to share
/// across threads (`Send + Sync`) and holds only options.
///
/// Memory: the gazetteer and word tables load once per process, on first use (about 20 MB).
/// Each thread that extracts keeps its working buffers from one call to the next, so that
/// documents extracted one at a time do not allocate them afresh: about 100 KB after batches of
/// [`Extractor::BATCH_BYTES`], never more than a batch of 1 MiB of text needed (a larger batch's
/// buffers are freed when it ends). They are freed when the thread exits.
///
/// # Example
///
/// ```
/// use bulletin_events::Extractor;
/// use chrono::NaiveDate;
///
/// let extractor = Extractor::builder()
///     .reference_date(NaiveDate::from_ymd_opt(2022, 12, 20).unwrap())
///     .build();
/// let doc = extractor.extract("IOM TRAINED MIGRANTS\n\n18 November, Tashkent, Uzbekistan\n\nThe training was held.");
/// let dateline = doc.items[0].dateline.as_ref().unwrap();
/// assert_eq!(dateline.date.unwrap().start.to_string(), "2022-11-18");
/// assert!(dateline.date.unwrap().year_inferred);
/// ```
#[derive(Clone, Debug, Default)]
pub struct Extractor {
    reference_date: Option<NaiveDate>,
    numeric_order: Option<DateOrder>,
}

/// Options for an [`Extractor`].
#[derive(Clone, Debug, Default)]
pub struct ExtractorBuilder {
    inner: Extractor,
}

impl ExtractorBuilder {
    /// The day the bulletins were issued: anchors year-less dates ("18 November"). Without it, a
    /// year-less date takes its year from the nearest dated mention of the same document.
    pub fn reference_date(mut self, date: NaiveDate) -> Self {
        self.inner.reference_date = Some(date);
        self
    }

    /// Read all-numeric dates ("10/12/2022") in this order instead of deciding per document.
    pub fn numeric_date_order(mut self, order: DateOrder) -> Self {
        self.inner.numeric_order = Some(order);
        self
    }

    /// The extractor.
    pub fn build(self) -> Extractor {
        self.inner
    }
}

impl Extractor {
    /// About how much text (in bytes) [`Extractor::extract_iter`] puts in one batch: enough
    /// for every stage to run warm over several dozen bulletins, small enough for the batch's
    /// working data to stay in a core's caches.
    pub const BATCH_BYTES: usize = 256 << 10;

    /// An extractor with default options: no reference date, numeric date order decided per
    /// document.
    pub fn new() -> Extractor {
        Extractor::default()
    }

    /// A builder to set options.
    pub fn builder() -> ExtractorBuilder {
        ExtractorBuilder::default()
    }

    /// The reference date, if set.
    pub fn reference_date(&self) -> Option<NaiveDate> {
        self.reference_date
    }

    /// Extracts the items of one document.
    pub fn extract(&self, text: &str) -> Document {
        self.extract_document(None, text, None)
    }

    /// Extracts one document with its id and its own reference date (which, when given, takes
    /// precedence over the extractor's).
    pub fn extract_document(&self, id: Option<String>, text: &str, reference_date: Option<NaiveDate>) -> Document {
        let mut docs = self.run_batch(vec![Source { id, text, reference_date }]);
        docs.pop().expect("one document in, one document out")
    }

    /// Extracts a batch of documents, in order: the same [`Document`]s as [`Extractor::extract`]
    /// or [`Extractor::extract_document`] would return one by one, faster.
    ///
    /// Each stage runs over every document of the batch before the next stage starts, so its
    /// code, branch history and tables (the gazetteer's, the organization and count finders'
    /// word lists) stay warm in the caches instead of being evicted by the other stages at every
    /// document. On archives of short bulletins this makes extraction 8–19% faster than one
    /// document at a time (README, Performance). Batches of about
    /// [`Extractor::BATCH_BYTES`] of text get the gain; much larger ones lose part of it again
    /// (the batch's own working data no longer fits the caches) and hold more memory. For a
    /// stream or a whole archive, [`Extractor::extract_iter`] cuts the batches itself.
    ///
    /// Items are anything that converts into a [`Source`]: `&str`, `&String`, or a [`Source`]
    /// carrying an id and a reference date.
    ///
    /// # Example
    ///
    /// ```
    /// use bulletin_events::{Extractor, Source};
    /// use chrono::NaiveDate;
    ///
    /// let extractor = Extractor::new();
    /// let texts = ["IOM TRAINED MIGRANTS\n\n18 November, Tashkent, Uzbekistan\n\nThe training was held.",
    ///              "FLOODS IN KENYA\n\nNairobi, 3 May 2024\n\nHeavy rains displaced 2,000 families."];
    /// let docs = extractor.extract_batch(texts);
    /// assert_eq!(docs.len(), 2);
    /// assert_eq!(docs[1], extractor.extract(texts[1]));
    ///
    /// // with ids and reference dates
    /// let dated = Source::new(texts[0]).id("iom-1").reference_date(NaiveDate::from_ymd_opt(2022, 12, 20).unwrap());
    /// let docs = extractor.extract_batch([dated]);
    /// assert_eq!(docs[0].id.as_deref(), Some("iom-1"));
    /// assert_eq!(docs[0].items[0].dateline.as_ref().unwrap().date.unwrap().start.to_string(), "2022-11-18");
    /// ```
    pub fn extract_batch<'a, I>(&self, docs: I) -> Vec<Document>
    where
        I: IntoIterator,
        I::Item: Into<Source<'a>>,
    {
        self.run_batch(docs.into_iter().map(Into::into).collect())
    }

    /// The documents of `docs`, in order, extracted in batches of about
    /// [`Extractor::BATCH_BYTES`] of text (see [`Extractor::extract_batch`]). The iterator
    /// reads `docs` one batch ahead of what it yields, so memory stays bounded however long
    /// the input is.
    ///
    /// # Example
    ///
    /// ```
    /// use bulletin_events::Extractor;
    ///
    /// let archive = vec![String::from("FLOODS IN KENYA\n\nNairobi, 3 May 2024\n\nRains displaced 2,000 families."); 500];
    /// let extractor = Extractor::new();
    /// let mut families = 0.0;
    /// for doc in extractor.extract_iter(&archive) {
    ///     for item in &doc.items {
    ///         families += item.quantities.iter().map(|q| q.value).sum::<f64>();
    ///     }
    /// }
    /// assert_eq!(families, 1_000_000.0);
    /// ```
    pub fn extract_iter<'e, 's, I>(&'e self, docs: I) -> Documents<'e, 's, I::IntoIter>
    where
        I: IntoIterator,
        I::Item: Into<Source<'s>>,
    {
        Documents { extractor: self, docs: docs.into_iter(), ready: Vec::new().into_iter(), texts: PhantomData }
    }

    /// A document's cleaned text, lines and numeric date order, with the dates read paragraph
    /// by paragraph to decide it (a block that is a whole paragraph keeps those dates): they are
    /// recorded in `facts`, and the returned range is the document's paragraphs in its list.
    ///
    /// The document's lines are appended to `all.lines`, and the first date of each line that is
    /// a paragraph of its own to `all.firsts`: [`Prepared`] has their runs.
    ///
    /// `scratch` holds the paragraphs' dates while the order is decided (reused from one
    /// document to the next; its contents mean nothing between calls).
    fn prepare<'a>(
        &self,
        text: &'a str,
        scratch: &mut Vec<ParagraphRead>,
        facts: &mut BlockFacts,
        all: &mut LineBufs,
    ) -> (Prepared<'a>, Range<usize>) {
        let cleaned = clean(text);
        let t: &str = &cleaned.text;
        let lines_from = all.lines.len();
        layout::lines_into(t, &mut all.lines);
        let lines = &all.lines[lines_from..];
        let paragraphs_from = facts.paragraph_count();
        // The first date of each line that is a paragraph of its own, by line index: what the
        // dateline reader would look for.
        let line_firsts = &mut all.firsts;
        let firsts_from = line_firsts.len();
        let (order, evidence) = match self.numeric_order {
            Some(DateOrder::DayFirst) => (NumericOrder::DayFirst, OrderEvidence::Default),
            Some(DateOrder::MonthFirst) => (NumericOrder::MonthFirst, OrderEvidence::Default),
            None => {
                // The numeric order, when the document decides it, from its dates read paragraph
                // by paragraph; a block that is a whole paragraph keeps those dates.
                let paragraphs = scratch;
                paragraphs.clear();
                let dates = facts.dates_mut();
                paragraphs.extend(layout::paragraph_lines(lines).map(|ls| {
                    let r = lines[ls.start].span.start..lines[ls.end - 1].span.end;
                    let read = dates::paragraph_dates(&t[r.clone()], dates);
                    (ls, r, read)
                }));
                let (o, e) = dates::order_of(paragraphs.iter().map(|(_, _, d)| d));
                // read day first: they stand for month first only if the order was never asked
                for (ls, r, d) in paragraphs.drain(..) {
                    if o == NumericOrder::DayFirst || !d.order_used {
                        let run = facts.add_paragraph(r, d.matches);
                        if ls.len() == 1 {
                            line_firsts.push((ls.start, facts.dates_at(run).first().cloned()));
                        }
                    }
                }
                let e = match e {
                    dates::OrderEvidence::UnambiguousDate => OrderEvidence::UnambiguousDate,
                    dates::OrderEvidence::MonthNameStyle => OrderEvidence::MonthNameStyle,
                    dates::OrderEvidence::Default => OrderEvidence::Default,
                };
                (o, e)
            }
        };
        let (lines, line_firsts) = (lines_from..all.lines.len(), firsts_from..line_firsts.len());
        (Prepared { cleaned, lines, line_firsts, order, evidence }, paragraphs_from..facts.paragraph_count())
    }

    /// The pipeline over a batch, one stage at a time over every document.
    fn run_batch(&self, sources: Vec<Source<'_>>) -> Vec<Document> {
        let mut scratch = BatchScratch::take();
        let text_bytes: usize = sources.iter().map(|s| s.text.len()).sum();
        let docs = self.run_stages(sources, &mut scratch);
        scratch.put_back(text_bytes);
        docs
    }

    /// [`Extractor::run_batch`] with its working buffers in `scratch`.
    fn run_stages(&self, sources: Vec<Source<'_>>, scratch: &mut BatchScratch) -> Vec<Document> {
        let BatchScratch {
            paragraphs: paragraph_scratch,
            facts,
            blocks: block_scratch,
            table,
            orgs: org_scratch,
            places: found_places,
            counts: count_scratch,
            groups: group_scratch,
            lines: all,
            layout_blocks: blocks,
            plans,
            items: bufs,
            runs,
            results,
        } = scratch;
        // Places and dates of blocks (and of paragraphs read before the layout), found once for
        // the grouping and the items, in vectors the batch shares.
        facts.clear();
        // Every document's lines, blocks, item plans, drafts and results in one vector each for
        // the batch, a document's share of each a run (`DocRuns`). The vectors are the thread's,
        // kept from batch to batch: a document allocates none of them, not even a batch of one
        // (`Extractor::extract`), and a batch does not grow them afresh.
        all.lines.clear();
        all.firsts.clear();
        blocks.clear();
        plans.clear();
        bufs.scans.clear();
        bufs.raw_dates.clear();
        runs.clear();
        let BatchResults { drafts, resolved, dated, found, tables, places, quantities, organizations } = results;
        let mut preps: Vec<Prepared> = Vec::with_capacity(sources.len());
        for s in &sources {
            let (p, paragraphs) = self.prepare(s.text, paragraph_scratch, facts, all);
            preps.push(p);
            runs.push(DocRuns { paragraphs, ..DocRuns::default() });
        }
        let LineBufs { lines, firsts } = all;
        for (p, run) in preps.iter().zip(runs.iter_mut()) {
            let firsts = &firsts[p.line_firsts.clone()];
            let known = |i: usize| {
                let k = firsts.binary_search_by_key(&i, |(l, _)| *l).ok()?;
                Some(firsts[k].1.clone())
            };
            let from = blocks.len();
            layout::blocks_into(&p.cleaned.text, &lines[p.lines.clone()], p.order, known, block_scratch, blocks);
            run.blocks = from..blocks.len();
            run.facts = facts.add_document(run.blocks.len(), run.paragraphs.clone());
        }
        let lays: Vec<Layout> = preps
            .iter()
            .zip(runs.iter())
            .map(|(p, run)| Layout {
                text: &p.cleaned.text,
                lines: &lines[p.lines.clone()],
                blocks: &blocks[run.blocks.clone()],
                order: p.order,
            })
            .collect();
        for (lay, run) in lays.iter().zip(runs.iter_mut()) {
            let from = plans.len();
            segment::group_into(lay, facts, run.facts, plans);
            run.plans = from..plans.len();
        }
        let builders: Vec<DocBuilder> = sources
            .iter()
            .zip(&preps)
            .zip(&lays)
            .zip(runs.iter())
            .map(|(((s, p), lay), run)| DocBuilder {
                input: s.text,
                cleaned: &p.cleaned,
                lay,
                facts: run.facts,
                order: p.order,
                reference_date: s.reference_date.or(self.reference_date),
            })
            .collect();
        // The drafts, and what they note of their items (scanned ranges, raw dates).
        drafts.clear();
        drafts.reserve(plans.len());
        for (doc, run) in builders.iter().zip(runs.iter_mut()) {
            let (from, dates_from) = (drafts.len(), bufs.raw_dates.len());
            drafts.extend(plans[run.plans.clone()].iter().map(|p| doc.draft(p, facts, bufs)));
            run.items = from..drafts.len();
            run.dates = dates_from..bufs.raw_dates.len();
        }
        let bufs: &ItemBufs = bufs;
        // Every raw date resolved, in the raw dates' order.
        resolved.clear();
        resolved.reserve(bufs.raw_dates.len());
        for (doc, run) in builders.iter().zip(runs.iter()) {
            doc.resolve_dates_into(&bufs.raw_dates[run.dates.clone()], dated, resolved);
        }
        let resolved: &[Option<dates::Resolved>] = resolved;
        // One organization scan per item serves both the item and the document's acronym table
        // (one builder for the batch: its token buffer is reused).
        found.clear();
        tables.clear();
        for (doc, run) in builders.iter().zip(runs.iter()) {
            found.extend(drafts[run.items.clone()].iter().map(|d| doc.org_mentions(d, bufs, table, org_scratch)));
            tables.push(table.take_table());
        }
        // Each finder over all items in turn (its code and tables stay warm in the caches).
        places.clear();
        for (doc, run) in builders.iter().zip(runs.iter()) {
            places.extend(drafts[run.items.clone()].iter().map(|d| doc.item_places(d, bufs, found_places, facts)));
        }
        quantities.clear();
        for (doc, run) in builders.iter().zip(runs.iter()) {
            quantities.extend(drafts[run.items.clone()].iter().map(|d| doc.quantities(d, bufs, count_scratch)));
        }
        organizations.clear();
        let mut found = found.drain(..);
        for ((doc, run), table) in builders.iter().zip(runs.iter()).zip(tables.drain(..)) {
            let grouped = found.by_ref().take(run.items.len()).map(|o| doc.organizations(o, &table, group_scratch));
            organizations.extend(grouped);
        }
        // The items, document by document, taken from the batch's vectors in order.
        let mut drafts = drafts.drain(..);
        let mut places = places.drain(..);
        let mut quantities = quantities.drain(..);
        let mut organizations = organizations.drain(..);
        sources
            .into_iter()
            .zip(&preps)
            .zip(runs.iter())
            .zip(&builders)
            .map(|(((s, p), run), doc)| {
                let mut items: Vec<Item> = drafts
                    .by_ref()
                    .take(run.items.len())
                    .zip(places.by_ref())
                    .zip(quantities.by_ref())
                    .zip(organizations.by_ref())
                    .map(|(((d, places), quantities), organizations)| {
                        doc.finish(d, bufs, resolved, places, quantities, organizations)
                    })
                    .collect();
                // Title lines that open the document with nothing under them ("PRESS RELEASE",
                // the newsletter's name) are its masthead, not items.
                let plans = &plans[run.plans.clone()];
                let masthead_len = plans.iter().take_while(|p| p.blocks.len() == 1 && p.headline.is_some()).count();
                let masthead = if masthead_len < items.len() {
                    items.drain(..masthead_len).filter_map(|i| i.headline).collect()
                } else {
                    Vec::new()
                };
                Document {
                    id: s.id,
                    items,
                    masthead,
                    numeric_date_order: Some(NumericDateOrder {
                        order: match p.order {
                            NumericOrder::DayFirst => DateOrder::DayFirst,
                            NumericOrder::MonthFirst => DateOrder::MonthFirst,
                        },
                        evidence: p.evidence,
                    }),
                }
            })
            .collect()
    }
}

/// The iterator of [`Extractor::extract_iter`]: documents extracted in batches, in input order.
#[derive(Debug)]
pub struct Documents<'e, 's, I> {
    extractor: &'e Extractor,
    docs: I,
    /// The current batch's documents not yet yielded.
    ready: std::vec::IntoIter<Document>,
    texts: PhantomData<&'s str>,
}

impl<'s, I> Iterator for Documents<'_, 's, I>
where
    I: Iterator,
    I::Item: Into<Source<'s>>,
{
    type Item = Document;

    fn next(&mut self) -> Option<Document> {
        if let Some(doc) = self.ready.next() {
            return Some(doc);
        }
        let mut batch: Vec<Source<'s>> = Vec::new();
        let mut size = 0;
        while size < Extractor::BATCH_BYTES {
            let Some(doc) = self.docs.next() else { break };
            let doc = doc.into();
            size += doc.text.len();
            batch.push(doc);
        }
        if batch.is_empty() {
            return None;
        }
        self.ready = self.extractor.run_batch(batch).into_iter();
        self.ready.next()
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let (lo, hi) = self.docs.size_hint();
        let ready = self.ready.len();
        (lo.saturating_add(ready), hi.and_then(|h| h.checked_add(ready)))
    }
}

/// One document for [`Extractor::extract_batch`]: its text, with an optional id and reference
/// date. `&str` and `&String` convert into a `Source` without them.
///
/// # Example
///
/// ```
/// use bulletin_events::Source;
/// use chrono::NaiveDate;
///
/// let s = Source::new("...").id("bulletin-7").reference_date(NaiveDate::from_ymd_opt(2023, 3, 1).unwrap());
/// assert_eq!(s.id.as_deref(), Some("bulletin-7"));
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Source<'a> {
    /// The document's id, copied to [`Document::id`].
    pub id: Option<String>,
    /// The document's text.
    pub text: &'a str,
    /// The day the document was issued; when given, it takes precedence over the extractor's
    /// reference date.
    pub reference_date: Option<NaiveDate>,
}

impl<'a> Source<'a> {
    /// A document with no id and no reference date of its own.
    pub fn new(text: &'a str) -> Source<'a> {
        Source { id: None, text, reference_date: None }
    }

    /// Sets the document's id.
    pub fn id(mut self, id: impl Into<String>) -> Source<'a> {
        self.id = Some(id.into());
        self
    }

    /// Sets the document's own reference date.
    pub fn reference_date(mut self, date: NaiveDate) -> Source<'a> {
        self.reference_date = Some(date);
        self
    }
}

impl<'a> From<&'a str> for Source<'a> {
    fn from(text: &'a str) -> Source<'a> {
        Source::new(text)
    }
}

impl<'a> From<&'a String> for Source<'a> {
    fn from(text: &'a String) -> Source<'a> {
        Source::new(text)
    }
}

/// One paragraph read while the order is decided: (its lines, its byte range, its dates).
type ParagraphRead = (Range<usize>, Range<usize>, dates::ParagraphDates);

/// Working vectors of [`DocBuilder::quantities`]: a range's dates to skip, its counts.
type QuantityScratch = (Vec<Range<usize>>, Vec<crate::quantities::QuantityMatch>);

/// The working buffers of a batch (see [`Extractor::run_batch`]): kept by each thread from one
/// batch to the next, so that extracting documents one at a time does not grow them afresh for
/// every document. Their contents mean nothing between batches.
#[derive(Default)]
struct BatchScratch {
    /// The paragraphs' dates while a document's numeric order is decided.
    paragraphs: Vec<ParagraphRead>,
    /// Places and dates of blocks and paragraphs.
    facts: BlockFacts,
    /// The layout's per-line facts.
    blocks: layout::BlockScratch,
    /// Organization tokens and the documents' acronym tables.
    table: TableBuilder,
    /// An item's organization mentions.
    orgs: Vec<OrgMention>,
    /// An item's places.
    places: PlaceScratch,
    /// An item's counts.
    counts: QuantityScratch,
    /// An item's organizations.
    groups: GroupScratch,
    /// The documents' lines and their first dates.
    lines: LineBufs,
    /// The documents' blocks.
    layout_blocks: Vec<Block>,
    /// The documents' item plans.
    plans: Vec<ItemPlan>,
    /// What the drafts note of their items.
    items: ItemBufs,
    /// Each document's runs of the vectors above.
    runs: Vec<DocRuns>,
    /// The drafts and what the finders make of them.
    results: BatchResults,
}

/// A document's share of a batch's vectors: a run of each.
#[derive(Default)]
struct DocRuns {
    /// Its paragraphs read before the layout ([`BlockFacts`]).
    paragraphs: Range<usize>,
    /// Its blocks ([`BatchScratch::layout_blocks`]).
    blocks: Range<usize>,
    /// Its share of the block facts.
    facts: DocFacts,
    /// Its item plans ([`BatchScratch::plans`]).
    plans: Range<usize>,
    /// Its items: drafts, and the items' organization mentions, places, counts and
    /// organizations ([`BatchResults`]).
    items: Range<usize>,
    /// Its raw dates ([`ItemBufs::raw_dates`]) and their resolutions
    /// ([`BatchResults::resolved`]).
    dates: Range<usize>,
}

/// The batch's drafts and what each stage makes of them, item by item. The documents take their
/// items with them (the per-item vectors are empty between batches); the resolved dates are
/// cleared at the next batch.
#[derive(Default)]
struct BatchResults {
    drafts: Vec<Draft>,
    /// Every raw date resolved, in the raw dates' order.
    resolved: Vec<Option<dates::Resolved>>,
    /// The dated mentions of a document while its dates are resolved.
    dated: DatedScratch,
    /// Each item's organization mentions, and each document's acronym table.
    found: Vec<Vec<OrgMention>>,
    tables: Vec<AcronymTable>,
    places: Vec<Vec<Place>>,
    quantities: Vec<Vec<Quantity>>,
    organizations: Vec<Vec<Organization>>,
}

/// The dated mentions of a document while its dates are resolved, by start: all of them, and
/// those dated to the day.
#[derive(Default)]
struct DatedScratch {
    day_dated: Vec<(usize, NaiveDate)>,
    dated: Vec<(usize, NaiveDate)>,
}

thread_local! {
    static BATCH_SCRATCH: std::cell::Cell<Option<Box<BatchScratch>>> = const { std::cell::Cell::new(None) };
}

impl BatchScratch {
    /// The thread's buffers, or new ones (the first batch of the thread).
    fn take() -> Box<BatchScratch> {
        BATCH_SCRATCH.take().unwrap_or_default()
    }

    /// Keeps the buffers for the thread's next batch, unless the batch that grew them held
    /// more than a few batches' worth of text: what a thread keeps stays bounded.
    fn put_back(self: Box<Self>, text_bytes: usize) {
        if text_bytes <= Self::KEEP_UP_TO {
            BATCH_SCRATCH.set(Some(self));
        }
    }

    /// The most text a batch may hold for its buffers to be kept.
    const KEEP_UP_TO: usize = 4 * Extractor::BATCH_BYTES;
}

/// The buffers an item's places are gathered in (reused from item to item; their contents
/// mean nothing between calls).
#[derive(Default)]
struct PlaceScratch {
    /// The matches of a range that is no whole block.
    raw: Vec<RawMatch>,
    /// The item's places so far, without their mentions.
    places: Vec<Place>,
    /// Each place's number of mentions.
    counts: Vec<usize>,
    /// Every mention: its place's index and span, in text order.
    mentions: Vec<(usize, Span)>,
}

/// A document's first stage: its cleaned text, lines and numeric date order.
struct Prepared<'a> {
    cleaned: Cleaned<'a>,
    /// The document's lines: a run of [`LineBufs::lines`].
    lines: Range<usize>,
    /// The first date of each line that is a paragraph of its own, by line index: a run of
    /// [`LineBufs::firsts`].
    line_firsts: Range<usize>,
    order: NumericOrder,
    evidence: OrderEvidence,
}

/// The lines of a batch's documents, and the first dates of the lines that are paragraphs of
/// their own, in one vector each: a document's are a run of them.
#[derive(Default)]
struct LineBufs {
    lines: Vec<Line>,
    firsts: Vec<(usize, Option<DateMatch>)>,
}

/// Places of an item looked up in a list before they are hashed.
const FEW_PLACES: usize = 16;

/// A date found in the document, in cleaned coordinates, before year resolution.
struct RawDate {
    m: DateMatch,
}

/// An item before its dates are resolved.
struct Draft {
    span: Span,
    headline: Option<Headline>,
    headline_range: Option<Range<usize>>,
    dateline: Option<(ParsedDateline, usize, Attachment)>,
    /// Index into the batch's raw dates ([`ItemBufs::raw_dates`]) of the dateline's date.
    dateline_date: Option<usize>,
    body: String,
    /// Cleaned ranges scanned for mentions (headline, body, caption), in text order: a run of
    /// [`ItemBufs::scans`].
    scan: Range<usize>,
    /// Indices into the batch's raw dates of the item's date mentions (the draft adds them in a
    /// run).
    dates: Range<usize>,
}

struct DocBuilder<'a> {
    input: &'a str,
    cleaned: &'a Cleaned<'a>,
    lay: &'a Layout<'a>,
    /// The document's share of the batch's block facts.
    facts: DocFacts,
    order: NumericOrder,
    reference_date: Option<NaiveDate>,
}

/// What the drafts of a batch note of their items, in vectors the batch shares: each draft's
/// scanned ranges and raw dates are runs of them.
#[derive(Default)]
struct ItemBufs {
    /// Every draft's scanned ranges (cleaned coordinates of its document), one run per draft.
    scans: Vec<Range<usize>>,
    /// Every draft's raw dates, one run per draft (and so one per document).
    raw_dates: Vec<RawDate>,
    /// Scratch for one body paragraph, reused from item to item.
    para: String,
}

impl DocBuilder<'_> {
    fn orig(&self, r: Range<usize>) -> Span {
        self.cleaned.to_orig(r)
    }

    fn line(&self, i: usize) -> &Line {
        &self.lay.lines[i]
    }

    fn block_lines(&self, k: usize) -> Range<usize> {
        self.lay.blocks[k].lines.clone()
    }

    /// The block whose whole text is `r`, if any: its places and dates are already known.
    fn block_at(&self, r: &Range<usize>) -> Option<usize> {
        let blocks = self.lay.blocks;
        let k = blocks.partition_point(|b| self.line(b.lines.start).span.start < r.start);
        (k < blocks.len() && self.lay.block_range(k) == *r).then_some(k)
    }

    /// The block whose text `r` ends, starting after the block's start: the block and where
    /// `r` starts in it.
    fn block_tail(&self, r: &Range<usize>) -> Option<(usize, usize)> {
        let blocks = self.lay.blocks;
        let k = blocks.partition_point(|b| self.line(b.lines.start).span.start < r.start).checked_sub(1)?;
        let b = self.lay.block_range(k);
        (b.start < r.start && b.end == r.end).then(|| (k, r.start - b.start))
    }

    fn draft(&self, plan: &ItemPlan, facts: &mut BlockFacts, bufs: &mut ItemBufs) -> Draft {
        let t = self.lay.text;
        // an item has at least one block: its first and last (the same when it has one)
        let last_block = plan.blocks.end.saturating_sub(1).max(plan.blocks.start);
        let first = self.block_lines(plan.blocks.start).start;
        let last = self.block_lines(last_block).end - 1;
        let span = self.orig(self.line(first).span.start..self.line(last).span.end);

        let headline_range = plan.headline.map(|k| self.line(self.block_lines(k).start).content.clone());
        let headline = headline_range.clone().map(|r| {
            let s = self.orig(r);
            Headline { text: self.input[s.range()].to_string(), span: s }
        });

        // the headline, a caption and one range per block at most, in one vector for the
        // batch
        let ItemBufs { scans: scan, raw_dates, para } = bufs;
        let scan_start = scan.len();
        scan.extend(headline_range.iter().cloned());
        let mut dateline = None;
        if let Some((k, att)) = plan.dateline {
            if let BlockKind::Dateline(d) = &self.lay.blocks[k].kind {
                let line_start = self.line(self.block_lines(k).start).content.start;
                if let Some(c) = &d.caption {
                    scan.push(line_start + c.start..line_start + c.end);
                }
                dateline = Some((d.clone(), line_start, att));
            }
        }
        let absolute = |(d, base, _): &(ParsedDateline, usize, Attachment)| {
            d.date.clone().map(|mut m| {
                m.span = base + m.span.start..base + m.span.end;
                m
            })
        };
        let mut date = dateline.as_ref().and_then(absolute);
        if let Some((k, d, _)) = &plan.inline {
            // A newswire dateline places the item; a date-only line above the headline (listing
            // style) may still date it.
            let inline = (d.clone(), self.line(self.block_lines(*k).start).span.start, Attachment::Inline);
            date = absolute(&inline).or(date);
            dateline = Some(inline);
        }
        let dateline_date = date.map(|m| {
            raw_dates.push(RawDate { m });
            raw_dates.len() - 1
        });

        // Body paragraphs, rejoining those a layout broke mid-sentence, written straight into
        // the body (blank line between paragraphs); each is read into one reused buffer first,
        // as whether it continues the last one depends on its own start.
        let mut body = String::with_capacity(span.len());
        let mut last: Option<usize> = None;
        for k in plan.blocks.clone() {
            para.clear();
            match &self.lay.blocks[k].kind {
                BlockKind::Body => self.paragraph(plan, k, scan, para),
                // A caption on a dateline's line is prose of the item too.
                BlockKind::Dateline(d) => match &d.caption {
                    Some(c) => {
                        let base = self.line(self.block_lines(k).start).content.start;
                        para.push_str(&t[base + c.start..base + c.end]);
                    }
                    None => continue,
                },
                _ => continue,
            }
            let continues = last.is_some_and(|at| {
                let p = &body[at..];
                is_open_ended(p) && (continues_sentence(para) || ends_in_continuation_word(p))
            });
            if continues {
                body.push(' ');
            } else {
                if last.is_some() {
                    body.push_str("\n\n");
                }
                last = Some(body.len());
            }
            body.push_str(para);
        }

        let dates_start = raw_dates.len();
        let (doc, lay) = (self.facts, self.lay);
        for r in &scan[scan_start..] {
            // The dates of the range: its block's, or the block's from `skip` on when the range
            // is the rest of a block after a newswire dateline (unless a date runs across that
            // point: then the rest is read on its own).
            let block = self.block_at(r).map(|k| (k, 0)).or_else(|| {
                let (k, skip) = self.block_tail(r)?;
                let across = facts.dates_of(doc, lay, k).iter().any(|m| m.span.start < skip && m.span.end > skip);
                (!across).then_some((k, skip))
            });
            let own;
            let (found, base, skip): (&[DateMatch], usize, usize) = match block {
                Some((k, skip)) => (facts.dates_of(doc, lay, k), r.start - skip, skip),
                None => {
                    own = dates::find_dates(&t[r.clone()], self.order);
                    (&own, r.start, 0)
                }
            };
            for m in found.iter().filter(|m| m.span.start >= skip) {
                let m = DateMatch { span: base + m.span.start..base + m.span.end, ..m.clone() };
                raw_dates.push(RawDate { m });
            }
        }
        let dates = dates_start..raw_dates.len();
        // the mention finders read the ranges in text order (a caption may follow the body);
        // a stable sort in place, as few ranges as blocks
        scan[scan_start..].sort_by_key(|r| r.start);
        let scan_range = scan_start..scan.len();
        Draft { span, headline, headline_range, dateline, dateline_date, body, scan: scan_range, dates }
    }

    /// Appends the text of body block `k` to `para` as one paragraph: its lines joined (list
    /// items keep their own lines, without their bullet symbols). Records the block's range for
    /// mention scanning.
    fn paragraph(&self, plan: &ItemPlan, k: usize, scan: &mut Vec<Range<usize>>, para: &mut String) {
        let t = self.lay.text;
        let lines = self.block_lines(k);
        let mut start = self.line(lines.start).span.start;
        if let Some((ik, _, body_start)) = &plan.inline {
            if *ik == k {
                start += body_start;
            }
        }
        let end = self.line(lines.end - 1).span.end;
        scan.push(start..end);
        para.reserve(end - start);
        for i in lines {
            let l = self.line(i);
            let from = if start > l.span.start { start } else { l.prose_start };
            if !para.is_empty() {
                para.push(if l.bullet { '\n' } else { ' ' });
            }
            para.push_str(&t[from..l.span.end]);
        }
    }

    /// Resolves every raw date: years from the expression, else the reference date, else the
    /// nearest dated mention of the document. Mentions dated to the day anchor first: a bare year
    /// ("in 2017") is more often history than the bulletin's own time.
    ///
    /// `raw` is the document's raw dates; they are resolved onto `out`, one for each. `scratch`
    /// holds the dated mentions (reused from one document to the next).
    fn resolve_dates_into(&self, raw: &[RawDate], scratch: &mut DatedScratch, out: &mut Vec<Option<dates::Resolved>>) {
        let DatedScratch { day_dated, dated } = scratch;
        day_dated.clear();
        dated.clear();
        for r in raw {
            if r.m.start.year.is_none() && r.m.end.year.is_none() {
                continue;
            }
            if let Some(d) = dates::resolve(&r.m, None) {
                dated.push((r.m.span.start, d.start));
                if r.m.precision == dates::Precision::Day {
                    day_dated.push((r.m.span.start, d.start));
                }
            }
        }
        day_dated.sort_unstable();
        dated.sort_unstable();
        out.extend(raw.iter().map(|r| {
            let anchor = self
                .reference_date
                .or_else(|| nearest(day_dated, r.m.span.start))
                .or_else(|| nearest(dated, r.m.span.start));
            dates::resolve(&r.m, anchor)
        }));
    }

    fn finish(
        &self,
        d: Draft,
        bufs: &ItemBufs,
        resolved: &[Option<dates::Resolved>],
        places: Vec<Place>,
        quantities: Vec<Quantity>,
        organizations: Vec<Organization>,
    ) -> Item {
        let range = |i: usize| resolved.get(i).copied().flatten().map(to_range);
        let dateline = d.dateline.as_ref().map(|(p, base, att)| {
            let span = self.orig(base + p.span.start..base + p.span.end);
            Dateline {
                text: self.input[span.range()].to_string(),
                span,
                date: d.dateline_date.and_then(range),
                city: p.city.map(|c| Cow::Borrowed(c.name)),
                country: p.country.map(|c| Cow::Borrowed(c.name)),
                country_code: p.country.map(|c| Cow::Borrowed(c.country_code)),
                country_inferred: p.country_inferred,
                attached: *att,
                caption: p.caption.as_ref().map(|c| {
                    let span = self.orig(base + c.start..base + c.end);
                    Caption { text: self.input[span.range()].to_string(), span }
                }),
            }
        });
        let dates = d
            .dates
            .clone()
            .filter_map(|i| {
                let r = range(i)?;
                let span = self.orig(bufs.raw_dates[i].m.span.clone());
                Some(DateMention { text: self.input[span.range()].to_string(), span, range: r })
            })
            .collect();
        Item { span: d.span, headline: d.headline, dateline, body: d.body, dates, places, organizations, quantities }
    }

    /// An item's places: the dateline's text, then headline, caption and body.
    ///
    /// `scratch` holds the places as they are found (reused from item to item).
    fn item_places(
        &self,
        d: &Draft,
        bufs: &ItemBufs,
        scratch: &mut PlaceScratch,
        facts: &mut BlockFacts,
    ) -> Vec<Place> {
        // the dateline's text merged into the sorted ranges, before any range starting with it
        let dateline = d.dateline.as_ref().map(|(p, base, _)| base + p.span.start..base + p.span.end);
        let scan = &bufs.scans[d.scan.clone()];
        let at = dateline.as_ref().map_or(0, |dl| scan.partition_point(|r| r.start < dl.start));
        let ranges = scan[..at].iter().cloned().chain(dateline).chain(scan[at..].iter().cloned());
        self.places(ranges, d.dateline.as_ref().map(|x| &x.0), scratch, facts)
    }

    /// Organization mentions of the headline, caption and body, in text order (spans in cleaned
    /// coordinates); `table` learns the document's acronyms from the same scan.
    ///
    /// The mentions are gathered in `scratch` (reused from item to item) and returned in a
    /// vector of their exact size.
    fn org_mentions(
        &self,
        d: &Draft,
        bufs: &ItemBufs,
        table: &mut TableBuilder,
        scratch: &mut Vec<OrgMention>,
    ) -> Vec<OrgMention> {
        let t = self.lay.text;
        let places = Gazetteer::global();
        let mentions = scratch;
        mentions.clear();
        for r in &bufs.scans[d.scan.clone()] {
            let all_caps = d.headline_range.as_ref() == Some(r) && layout::is_all_caps(&t[r.clone()]);
            let from = mentions.len();
            table.find_into(&t[r.clone()], all_caps, places, mentions);
            for m in &mut mentions[from..] {
                m.span = r.start + m.span.start..r.start + m.span.end;
            }
        }
        mentions.sort_by_key(|m| m.span.start);
        take_exact(mentions)
    }

    /// Distinct organizations of an item, acronyms unified with their expansions across the
    /// document.
    ///
    /// `scratch` holds the grouping's buffers (reused from item to item).
    fn organizations(
        &self,
        mentions: Vec<OrgMention>,
        table: &AcronymTable,
        scratch: &mut GroupScratch,
    ) -> Vec<Organization> {
        crate::orgs::group_with(mentions, table, scratch)
            .into_iter()
            .map(|o| Organization {
                name: o.name,
                acronym: o.acronym,
                office: o.office,
                mentions: o.mentions.into_iter().map(|m| self.orig(m)).collect(),
            })
            .collect()
    }

    /// Counts in the headline, caption and body, never overlapping a date.
    ///
    /// `scratch` holds one range's dates to skip and counts found (reused from item to item).
    fn quantities(&self, d: &Draft, bufs: &ItemBufs, scratch: &mut QuantityScratch) -> Vec<Quantity> {
        let t = self.lay.text;
        let (exclude, found) = (&mut scratch.0, &mut scratch.1);
        // every range's counts first (spans made absolute), then the records in one vector
        found.clear();
        for r in &bufs.scans[d.scan.clone()] {
            exclude.clear();
            exclude.extend(
                bufs.raw_dates[d.dates.clone()]
                    .iter()
                    .map(|raw| &raw.m.span)
                    .filter(|s| s.start >= r.start && s.end <= r.end)
                    .map(|s| s.start - r.start..s.end - r.start),
            );
            let from = found.len();
            crate::quantities::find_quantities_into(&t[r.clone()], exclude, found);
            for q in &mut found[from..] {
                q.span = r.start + q.span.start..r.start + q.span.end;
            }
        }
        let mut out = Vec::with_capacity(found.len());
        for q in found.drain(..) {
            let span = self.orig(q.span);
            out.push(Quantity {
                text: self.input[span.range()].to_string(),
                value: q.value,
                unit: q.unit,
                span,
                qualifier: q.qualifier,
            });
        }
        out.sort_by_key(|q| q.span.start);
        out
    }

    /// The places of `ranges` (in text order), merged by name and country.
    fn places(
        &self,
        ranges: impl Iterator<Item = Range<usize>>,
        dateline: Option<&ParsedDateline>,
        scratch: &mut PlaceScratch,
        facts: &mut BlockFacts,
    ) -> Vec<Place> {
        let t = self.lay.text;
        let context = dateline.and_then(|d| d.country).map(|c| [c.country_code]);
        let context: &[&str] = context.as_ref().map_or(&[], |c| c.as_slice());
        // the places and their mentions are gathered first, then put in vectors of their
        // exact sizes (one allocation each, not one each time a growing vector fills up)
        let PlaceScratch { raw: scratch, places: out, counts, mentions } = scratch;
        out.clear();
        counts.clear();
        mentions.clear();
        // (name, country code) of each place of `out`: the first few in a list on the stack,
        // hashed once an item names more (the gazetteer's own strings: the fast hasher is safe)
        let mut first_keys: [(&'static str, &'static str); FEW_PLACES] = [("", ""); FEW_PLACES];
        let mut index: HashMap<(&str, &str), usize, crate::hash::FxBuild> = HashMap::default();
        for r in ranges {
            let found = match self.block_at(&r) {
                Some(k) => facts.places_of(self.facts, self.lay, k),
                None => {
                    scratch.clear();
                    Gazetteer::global().find_raw_into(&t[r.clone()], scratch);
                    &scratch[..]
                }
            };
            resolve_each(found, context, |m, p| {
                let span = self.orig(r.start + m.start..r.start + m.end);
                let key = (p.name, p.country_code);
                let at = if out.len() <= FEW_PLACES {
                    first_keys[..out.len()].iter().position(|k| *k == key)
                } else {
                    index.get(&key).copied()
                };
                match at {
                    Some(i) => {
                        counts[i] += 1;
                        mentions.push((i, span));
                    }
                    None => {
                        if out.len() < FEW_PLACES {
                            first_keys[out.len()] = key;
                        } else {
                            if out.len() == FEW_PLACES {
                                index.extend(first_keys.iter().enumerate().map(|(i, &k)| (k, i)));
                            }
                            index.insert(key, out.len());
                        }
                        mentions.push((out.len(), span));
                        counts.push(1);
                        out.push(Place {
                            name: Cow::Borrowed(p.name),
                            text: self.input[span.range()].to_string(),
                            kind: p.kind,
                            country_code: Cow::Borrowed(p.country_code),
                            mentions: Vec::new(),
                        });
                    }
                }
            });
        }
        fill_exact(out, counts, mentions.iter().copied(), |p| &mut p.mentions);
        take_exact(out)
    }
}

/// The date of the dated mention nearest to `pos`.
fn nearest(dated: &[(usize, NaiveDate)], pos: usize) -> Option<NaiveDate> {
    let i = dated.partition_point(|(p, _)| *p < pos);
    let before = i.checked_sub(1).map(|j| dated[j]);
    let after = dated.get(i).copied();
    match (before, after) {
        (Some(b), Some(a)) => Some(if pos - b.0 <= a.0 - pos { b.1 } else { a.1 }),
        (Some(x), None) | (None, Some(x)) => Some(x.1),
        (None, None) => None,
    }
}

fn to_range(r: dates::Resolved) -> DateRange {
    DateRange {
        start: r.start,
        end: r.end,
        precision: match r.precision {
            dates::Precision::Day => Precision::Day,
            dates::Precision::Month => Precision::Month,
            dates::Precision::Year => Precision::Year,
        },
        year_inferred: r.year_inferred,
    }
}

/// The paragraph stops without closing punctuation.
fn is_open_ended(p: &str) -> bool {
    let t = p.trim_end();
    !t.ends_with(['.', '!', '?', ':', ';', '…', '"', '”', '»', ')'])
}

/// The paragraph reads as the rest of a sentence: it starts lower-case.
fn continues_sentence(next: &str) -> bool {
    next.starts_with(|c: char| c.is_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extractor_is_shared_across_threads() {
        fn send_sync<T: Send + Sync>() {}
        send_sync::<Extractor>();
        let ex = Extractor::builder().reference_date(NaiveDate::from_ymd_opt(2022, 12, 20).unwrap()).build();
        let docs: Vec<Document> = std::thread::scope(|s| {
            let hs: Vec<_> =
                (0..2).map(|_| s.spawn(|| ex.extract("18 November, Tashkent, Uzbekistan\n\nText."))).collect();
            hs.into_iter().map(|h| h.join().unwrap()).collect()
        });
        assert_eq!(docs[0], docs[1]);
        assert_eq!(docs[0].items[0].dateline.as_ref().unwrap().date.unwrap().start.to_string(), "2022-11-18");
    }

    #[test]
    fn a_thread_s_kept_buffers_change_no_result() {
        let fixtures = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/");
        let read = |name: &str| std::fs::read_to_string(format!("{fixtures}{name}.txt")).unwrap();
        let (big, small) = (read("eu-echo-news-digest-2021-02"), read("wire-reuters-style-2023-03"));
        let ex = Extractor::new();
        // each in a thread of its own: buffers never used before
        let fresh = |t: &str| std::thread::scope(|s| s.spawn(|| ex.extract(t)).join().unwrap());
        let (big_fresh, small_fresh) = (fresh(&big), fresh(&small));
        // one thread, the buffers grown by the larger document, then reused (twice)
        let reused = std::thread::scope(|s| {
            s.spawn(|| [ex.extract(&big), ex.extract(&small), ex.extract(&big), ex.extract(&small)]).join().unwrap()
        });
        assert!(small_fresh.items.len() >= 2 && !small_fresh.items[0].places.is_empty());
        assert_eq!(reused, [big_fresh.clone(), small_fresh.clone(), big_fresh, small_fresh]);
    }

    #[test]
    fn a_thread_keeps_only_the_last_batch_s_facts_and_no_oversized_buffers() {
        let doc = "FLOODS IN KENYA\n\nNairobi, 3 May 2024\n\nRains displaced 2,000 families in Garissa.";
        let ex = Extractor::new();
        let held = |docs: &[String], batches: usize| {
            std::thread::scope(|s| {
                s.spawn(|| {
                    for _ in 0..batches {
                        ex.extract_batch(docs);
                    }
                    BATCH_SCRATCH.take().map(|b| b.facts.blocks_held())
                })
                .join()
                .unwrap()
            })
        };
        let one = held(&[doc.to_string()], 1).expect("a small batch's buffers are kept");
        assert!(one >= 3, "{one}");
        // after three batches of two documents: the facts of the last batch's two, not of six
        assert_eq!(held(&[doc.to_string(), doc.to_string()], 3), Some(2 * one));
        // a batch past the bound is not kept
        let huge = vec![doc.repeat(BatchScratch::KEEP_UP_TO / doc.len() + 1)];
        assert_eq!(held(&huge, 1), None);
    }

    proptest::proptest! {
        #![proptest_config(proptest::test_runner::Config {
            cases: 32,
            failure_persistence: None,
            rng_seed: proptest::test_runner::RngSeed::Fixed(0x5c7a_7c4e),
            ..proptest::test_runner::Config::default()
        })]

        #[test]
        fn what_a_thread_extracted_before_changes_nothing(
            texts in proptest::collection::vec(
                "([A-Z]{2,6} |[A-Z][a-z]{1,8} |[a-z]{1,6} |[0-9]{1,4}|[-–,.:()/ ]|\n|\n\n|“|”|March |2022|Geneva|Kazakhstan|IOM \\(IOM\\) |Ministry of Health |12 teams ){0,80}",
                2..5,
            )
        ) {
            let ex = Extractor::new();
            let fresh: Vec<Document> = texts
                .iter()
                .map(|t| std::thread::scope(|s| s.spawn(|| ex.extract(t)).join().unwrap()))
                .collect();
            // one thread: every text after all the others, one at a time and in batches
            let (one_by_one, batched) = std::thread::scope(|s| {
                s.spawn(|| {
                    let one: Vec<Document> = texts.iter().map(|t| ex.extract(t)).collect();
                    (one, ex.extract_batch(texts.iter().rev()))
                })
                .join()
                .unwrap()
            });
            proptest::prop_assert_eq!(&one_by_one, &fresh);
            let mut batched = batched;
            batched.reverse();
            proptest::prop_assert_eq!(&batched, &fresh);
        }
    }

    #[test]
    fn a_document_reference_date_overrides_the_extractor_one() {
        let ex = Extractor::builder().reference_date(NaiveDate::from_ymd_opt(2020, 1, 1).unwrap()).build();
        let doc = ex.extract_document(None, "18 November, Tashkent\n\nText.", NaiveDate::from_ymd_opt(2022, 12, 1));
        assert_eq!(doc.items[0].dateline.as_ref().unwrap().date.unwrap().start.to_string(), "2022-11-18");
    }

    #[test]
    fn broken_paragraphs_are_rejoined_and_links_dropped() {
        let doc = crate::extract(
            "TITLE HERE\n\nThey learned to make their own products\n\nfrom waste, in the cities of Dashoguz and\n\nTurkmenabat. IOM [organized a round table](#).",
        );
        assert_eq!(
            doc.items[0].body,
            "They learned to make their own products from waste, in the cities of Dashoguz and Turkmenabat. IOM organized a round table."
        );
    }

    #[test]
    fn an_item_naming_many_places_lists_each_once_in_order() {
        // more places than the list looked up before hashing, each named twice
        let countries = [
            "Kenya",
            "Uganda",
            "Ethiopia",
            "Somalia",
            "Sudan",
            "Chad",
            "Niger",
            "Mali",
            "Ghana",
            "Togo",
            "Benin",
            "Nigeria",
            "Cameroon",
            "Gabon",
            "Angola",
            "Zambia",
            "Malawi",
            "Mozambique",
            "Namibia",
            "Botswana",
        ];
        assert!(countries.len() > FEW_PLACES);
        let body = format!("Teams went to {}. They came back from {}.", countries.join(", "), countries.join(", "));
        let doc = crate::extract(&format!("FIELD VISITS\n\n{body}"));
        let places = &doc.items[0].places;
        let names: Vec<&str> = places.iter().map(|p| &*p.name).collect();
        assert_eq!(names, countries);
        assert!(places.iter().all(|p| p.mentions.len() == 2), "{places:?}");
        for p in places {
            let input = format!("FIELD VISITS\n\n{body}");
            assert!(p.mentions.iter().all(|m| input[m.start..m.end] == p.name));
        }
    }

    #[test]
    fn gazetteer_names_are_borrowed_not_copied() {
        let doc = crate::extract("BISHKEK, 3 March 2023 - Floods hit Osh and Almaty.");
        let item = &doc.items[0];
        let d = item.dateline.as_ref().unwrap();
        assert_eq!(
            (d.city.as_deref(), d.country.as_deref(), d.country_code.as_deref()),
            (Some("Bishkek"), Some("Kyrgyzstan"), Some("KG"))
        );
        for name in [&d.city, &d.country, &d.country_code] {
            assert!(matches!(name, Some(Cow::Borrowed(_))), "{name:?}");
        }
        let names: Vec<(&str, &str)> = item.places.iter().map(|p| (&*p.name, &*p.country_code)).collect();
        assert_eq!(names, [("Bishkek", "KG"), ("Osh", "KG"), ("Almaty", "KZ")]);
        assert!(item.places.iter().all(|p| matches!((&p.name, &p.country_code), (Cow::Borrowed(_), Cow::Borrowed(_)))));
        // a record read back owns its names and equals the extracted one
        let back: crate::Document = serde_json::from_str(&serde_json::to_string(&doc).unwrap()).unwrap();
        assert!(matches!(back.items[0].places[0].name, Cow::Owned(_)));
        assert_eq!(back, doc);
    }

    #[test]
    fn paragraph_dates_read_before_the_order_is_known_follow_it() {
        // month-first evidence in one paragraph, an ambiguous numeric date in another
        let us = crate::extract("AGENCY NEWS\n\nThe deal was signed December 10, 2022.\n\nTalks resume 04/05/2023.");
        assert_eq!(us.numeric_date_order.unwrap().order, DateOrder::MonthFirst);
        let starts: Vec<String> = us.items[0].dates.iter().map(|d| d.range.start.to_string()).collect();
        assert_eq!(starts, ["2022-12-10", "2023-04-05"]);
        // the same dates with day-first evidence
        let eu = crate::extract("AGENCY NEWS\n\nThe deal was signed 10 December 2022.\n\nTalks resume 04/05/2023.");
        assert_eq!(eu.numeric_date_order.unwrap().order, DateOrder::DayFirst);
        let starts: Vec<String> = eu.items[0].dates.iter().map(|d| d.range.start.to_string()).collect();
        assert_eq!(starts, ["2022-12-10", "2023-05-04"]);
        // a dateline standing alone is read in the document's order too
        let us = crate::extract("Signed December 10, 2022.\n\nGeneva, 04/05/2023\n\nTalks resumed.");
        let dl: Vec<String> =
            us.items.iter().filter_map(|i| i.dateline.as_ref()?.date).map(|d| d.start.to_string()).collect();
        assert_eq!(dl, ["2023-04-05"]);
    }

    #[test]
    fn a_newswire_body_has_the_dates_of_its_own_text() {
        // After an inline dateline, an item's dates are those a scan of the body text alone
        // finds (the pipeline reuses the block's scan where that gives the same answer).
        let ex = Extractor::builder().reference_date(NaiveDate::from_ymd_opt(2023, 3, 10).unwrap()).build();
        let datelines =
            ["OSH, 5 March", "GENEVA, March 5", "Osh, 5 March 2023", "KABUL, 03/05/2023", "ДУШАНБЕ, 14 марта 2023 г."];
        let agencies = ["", " (IOM)", " (Reuters)", " /НИАТ «Ховар»/."];
        let bodies = [
            "7 March: a training was held.",
            "6 and 7 March saw training.",
            "6, 7 and 8 March saw training.",
            "From 4 to 6 May, 120 families received aid.",
            "March 7 and 8 were quiet; in 2024 more.",
            "2022 was hard, said the agency on 9 March.",
            "- 7 March: talks.",
            "In November, 24 teams met between 3 and 5 December 2022.",
            "On 04/05/2023 and 13/05/2023 the camps reopened.",
            "15 марта 2023 года прошёл семинар, а 16-17 марта – тренинг.",
            "14.03.2023 г. и с 10 по 18 ноября прошли встречи.",
        ];
        let mut reused = 0;
        for d in datelines {
            for a in agencies {
                for b in bodies {
                    // the Russian agencies' form has no dash: "ДУШАНБЕ, 14.03.2023 /НИАТ «Ховар»/. Текст"
                    let text = if a.starts_with(" /") { format!("{d}{a} {b}") } else { format!("{d}{a} - {b}") };
                    let doc = ex.extract(&text);
                    let item = &doc.items[0];
                    let Some(dl) = item.dateline.as_ref() else { continue };
                    let body_at = text.len() - b.len();
                    if dl.span.end > body_at {
                        continue;
                    }
                    reused += 1;
                    let order = match doc.numeric_date_order.unwrap().order {
                        DateOrder::DayFirst => NumericOrder::DayFirst,
                        DateOrder::MonthFirst => NumericOrder::MonthFirst,
                    };
                    let alone: Vec<&str> = dates::find_dates(b, order).iter().map(|m| &b[m.span.clone()]).collect();
                    let found: Vec<&str> = item.dates.iter().map(|m| m.text.as_str()).collect();
                    assert_eq!(found, alone, "{text}");
                }
            }
        }
        assert!(reused > 100, "{reused}");
        // the same for a caption after a dateline on its line
        for (line, caption) in [
            (
                "Photo: 2 November 2022, Astana, Kazakhstan. Participants met on 3 November.",
                "Participants met on 3 November.",
            ),
            ("2 November 2022, Astana. 3-4 November: the second round.", "3-4 November: the second round."),
            ("Astana, 2 November. 3 November and 4 November were planned.", "3 November and 4 November were planned."),
        ] {
            let doc = ex.extract(&format!("{line}\n\nMore text follows here."));
            let item = doc.items.iter().find(|i| i.dateline.as_ref().is_some_and(|d| d.caption.is_some())).expect(line);
            assert_eq!(item.dateline.as_ref().unwrap().caption.as_ref().unwrap().text, caption);
            let alone: Vec<&str> =
                dates::find_dates(caption, NumericOrder::DayFirst).iter().map(|m| &caption[m.span.clone()]).collect();
            let found: Vec<&str> = item.dates.iter().map(|m| m.text.as_str()).collect();
            assert_eq!(found, alone, "{line}");
        }
    }
}
