//! Stage 4: group classified blocks into items, attaching each dateline where the layout and the
//! text say it belongs.
//!
//! - A headline opens an item (a dateline that opened the item just before it stays with it).
//! - A dateline right after a headline leads that item; at the start of the text it leads the
//!   item that follows.
//! - A dateline after a body is weighed: its place and date are compared with the item before and
//!   the item after it; ties go by layout (before a headline it is a trailing caption, before a
//!   body it opens a new item, unless the document writes its datelines before its headlines).
//! - A dateline made only of a date, a short phrase and a country, that agrees with neither
//!   neighbour, is an item of its own.
//! - A dateline is always an item boundary: a body after a trailing dateline opens a new item.

use std::ops::Range;

use crate::dateline::ParsedDateline;

use crate::dates::{DateMatch, NumericOrder};
use crate::gazetteer::{resolve_each, Gazetteer, RawMatch};
use crate::layout::{Block, BlockKind, Line};
use crate::model::Attachment;

/// One item as a set of blocks.
#[derive(Clone, Debug, Default)]
pub(crate) struct ItemPlan {
    /// Block index of the headline.
    pub headline: Option<usize>,
    /// Block index of the dateline and how it attaches.
    pub dateline: Option<(usize, Attachment)>,
    /// A newswire dateline at the start of the first body block: the block, the dateline (offsets
    /// relative to that block's first line) and where the prose starts in that line.
    pub inline: Option<(usize, ParsedDateline, usize)>,
    /// Every block of the item, in order: the items take the blocks one after another, each
    /// block into exactly one item, so an item's blocks are a run.
    pub blocks: Range<usize>,
    /// A body block is among them.
    has_body: bool,
    /// A trailing dateline closed the item.
    closed: bool,
}

impl ItemPlan {
    fn has_content(&self) -> bool {
        !self.blocks.is_empty()
    }

    /// Adds block `k`, the one after the item's last.
    fn push(&mut self, k: usize) {
        debug_assert!(self.blocks.is_empty() || self.blocks.end == k, "blocks join items in order");
        if self.blocks.is_empty() {
            self.blocks = k..k;
        }
        self.blocks.end = k + 1;
    }
}

/// The context the grouping reads.
pub(crate) struct Layout<'a> {
    pub text: &'a str,
    pub lines: &'a [Line],
    pub blocks: &'a [Block],
    pub order: NumericOrder,
}

impl Layout<'_> {
    /// The text of a block (cleaned coordinates).
    pub(crate) fn block_range(&self, k: usize) -> Range<usize> {
        let b = &self.blocks[k];
        self.lines[b.lines.start].span.start..self.lines[b.lines.end - 1].span.end
    }

    fn is_body(&self, k: usize) -> bool {
        matches!(self.blocks.get(k).map(|b| &b.kind), Some(BlockKind::Body | BlockKind::Byline))
    }

    fn is_headline(&self, k: usize) -> bool {
        matches!(self.blocks.get(k).map(|b| &b.kind), Some(BlockKind::Headline))
    }
}

/// Groups the blocks into items.
pub(crate) fn group(layout: &Layout<'_>, facts: &mut BlockFacts, doc: DocFacts) -> Vec<ItemPlan> {
    let mut items = Vec::new();
    group_into(layout, facts, doc, &mut items);
    items
}

/// [`group`] appended to `items` (a batch keeps its documents' item plans in one vector).
pub(crate) fn group_into(layout: &Layout<'_>, facts: &mut BlockFacts, doc: DocFacts, items: &mut Vec<ItemPlan>) {
    let blocks = layout.blocks;
    // Does this document write datelines before headlines? Evidence: a dateline that opens the
    // text and is followed by a headline.
    let dateline_before_headline =
        matches!(blocks.first().map(|b| &b.kind), Some(BlockKind::Dateline(_))) && layout.is_headline(1);
    let mut cur = ItemPlan::default();
    for (k, block) in blocks.iter().enumerate() {
        match &block.kind {
            BlockKind::Headline => {
                let only_leading_dateline = cur.headline.is_none() && !cur.has_body && cur.dateline.is_some();
                if cur.has_content() && !only_leading_dateline {
                    items.push(std::mem::take(&mut cur));
                }
                cur.headline = Some(k);
                cur.push(k);
            }
            BlockKind::Byline => {
                if cur.closed {
                    items.push(std::mem::take(&mut cur));
                }
                cur.push(k);
            }
            BlockKind::Body => {
                let first = &layout.lines[block.lines.start];
                let inline = crate::dateline::parse_inline(&layout.text[first.span.clone()], layout.order);
                // A newswire dateline opens an item, as any dateline does.
                if cur.closed || inline.is_some() && (cur.has_body || cur.inline.is_some()) {
                    items.push(std::mem::take(&mut cur));
                }
                if let Some((d, body_start)) = inline {
                    // A leading line with a date and no place leaves the placing to the inline one.
                    let date_only = |k: usize| matches!(&blocks[k].kind, BlockKind::Dateline(p) if p.city.is_none() && p.country.is_none());
                    if cur.dateline.is_none_or(|(k, att)| att == Attachment::Leading && date_only(k)) {
                        cur.inline = Some((k, d, body_start));
                    }
                }
                cur.push(k);
                cur.has_body = true;
            }
            BlockKind::Dateline(d) => {
                let choice = if !cur.has_content() {
                    Choice::Leading
                } else if !cur.has_body && cur.dateline.is_none() && cur.inline.is_none() {
                    // Right after a headline.
                    Choice::Leading
                } else {
                    weigh(layout, facts, doc, &cur, k, d, dateline_before_headline)
                };
                match choice {
                    Choice::Leading => {
                        if cur.has_content() && (cur.dateline.is_some() || cur.has_body || cur.closed) {
                            items.push(std::mem::take(&mut cur));
                        }
                        cur.dateline = Some((k, Attachment::Leading));
                        cur.push(k);
                    }
                    Choice::Trailing => {
                        cur.dateline = Some((k, Attachment::Trailing));
                        cur.push(k);
                        cur.closed = true;
                    }
                    Choice::Alone => {
                        if cur.has_content() {
                            items.push(std::mem::take(&mut cur));
                        }
                        items.push(ItemPlan {
                            dateline: Some((k, Attachment::Leading)),
                            blocks: k..k + 1,
                            ..ItemPlan::default()
                        });
                    }
                }
            }
        }
    }
    if cur.has_content() {
        items.push(cur);
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Choice {
    Leading,
    Trailing,
    Alone,
}

/// Decides where a dateline that follows a body belongs.
fn weigh(
    layout: &Layout<'_>,
    facts: &mut BlockFacts,
    doc: DocFacts,
    cur: &ItemPlan,
    k: usize,
    d: &ParsedDateline,
    dateline_before_headline: bool,
) -> Choice {
    let next_exists = k + 1 < layout.blocks.len();
    let prev_agree = |facts: &mut BlockFacts| agreement(layout, facts, doc, d, cur.blocks.clone());
    let next_agree = |facts: &mut BlockFacts| agreement(layout, facts, doc, d, next_item_blocks(layout, k + 1));
    let can_trail = cur.dateline.is_none() && cur.inline.is_none();
    let thin = d.free_words && d.city.is_none();
    if thin && prev_agree(facts) == 0 && next_agree(facts) == 0 {
        return Choice::Alone;
    }
    if !next_exists {
        return if can_trail { Choice::Trailing } else { Choice::Alone };
    }
    // A body that opens with its own newswire dateline takes no other.
    let next_has_inline = layout.is_body(k + 1) && {
        let first = &layout.lines[layout.blocks[k + 1].lines.start];
        crate::dateline::parse_inline(&layout.text[first.span.clone()], layout.order).is_some()
    };
    if !can_trail {
        return if next_has_inline { Choice::Alone } else { Choice::Leading };
    }
    if next_has_inline {
        return Choice::Trailing;
    }
    // Layout prior, worth less than one point of agreement.
    let next_is_body = layout.is_body(k + 1);
    let lead_prior = next_is_body || dateline_before_headline;
    let (t, l) = (2 * prev_agree(facts) + u32::from(!lead_prior), 2 * next_agree(facts) + u32::from(lead_prior));
    if l > t {
        Choice::Leading
    } else {
        Choice::Trailing
    }
}

/// The blocks of the item that would follow block `k`: an optional headline and the bodies after
/// it, up to the next dateline or headline.
fn next_item_blocks(layout: &Layout<'_>, k: usize) -> Range<usize> {
    let mut j = k;
    if layout.is_headline(j) {
        j += 1;
    }
    while layout.is_body(j) {
        j += 1;
    }
    k..j
}

/// The places and dates each block mentions, found at most once per block however many
/// datelines weigh it and whatever item it ends up in, for every document of a batch.
///
/// A block's facts are runs of a few vectors the batch shares, so finding them allocates
/// nothing per block: each document added has a [`DocFacts`] share, and each of its blocks a
/// [`Slots`] entry telling where the block's runs are once found.
#[derive(Default)]
pub(crate) struct BlockFacts {
    /// Where each block's facts are, for the blocks of every document added.
    slots: Vec<Slots>,
    /// Place mentions (spans relative to their block; before resolution, which depends on the
    /// item's countries).
    places: Vec<RawMatch>,
    /// Dates (spans relative to their block or paragraph).
    dates: Vec<DateMatch>,
    /// Places resolved without context, as the agreement test reads them.
    agree: Vec<(&'static str, &'static str)>,
    /// Paragraphs whose dates were read before the layout: text range and run of `dates`, in
    /// text order within each document.
    paragraphs: Vec<(Range<usize>, Run)>,
}

/// A run of one of [`BlockFacts`]'s vectors.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Run {
    start: usize,
    end: usize,
}

impl Run {
    /// The run `start..end`.
    fn new(start: usize, end: usize) -> Run {
        Run { start, end }
    }

    fn range(self) -> Range<usize> {
        self.start..self.end
    }
}

/// Where one block's facts are: `None` until they are first asked for.
#[derive(Clone, Copy, Default)]
struct Slots {
    places: Option<Run>,
    dates: Option<Run>,
    agree: Option<Run>,
}

/// One document's share of a [`BlockFacts`]: its `blocks` blocks are numbered from `base`, its
/// paragraphs read beforehand are a run of the paragraph list.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct DocFacts {
    base: usize,
    blocks: usize,
    paragraphs: Run,
}

impl BlockFacts {
    /// How many blocks' facts are held (every document's added since the last clear).
    #[cfg(test)]
    pub(crate) fn blocks_held(&self) -> usize {
        self.slots.len()
    }

    /// Forgets every document's facts, keeping the vectors' storage for the next batch.
    pub(crate) fn clear(&mut self) {
        self.slots.clear();
        self.places.clear();
        self.dates.clear();
        self.agree.clear();
        self.paragraphs.clear();
    }

    /// The vector paragraphs' dates are read into before the layout (see
    /// [`BlockFacts::add_paragraph`]; the dates of a paragraph not recorded stay, unread).
    pub(crate) fn dates_mut(&mut self) -> &mut Vec<DateMatch> {
        &mut self.dates
    }

    /// The dates at `run` of the dates vector.
    pub(crate) fn dates_at(&self, run: Run) -> &[DateMatch] {
        &self.dates[run.range()]
    }

    /// Records a paragraph read beforehand: its text range and the range of its dates in
    /// [`BlockFacts::dates_mut`] (spans relative to the text range), valid in the layout's
    /// order. Returns the dates' run.
    pub(crate) fn add_paragraph(&mut self, range: Range<usize>, dates: Range<usize>) -> Run {
        let run = Run::new(dates.start, dates.end);
        self.paragraphs.push((range, run));
        run
    }

    /// The number of paragraphs recorded so far.
    pub(crate) fn paragraph_count(&self) -> usize {
        self.paragraphs.len()
    }

    /// Room for a document of `n` blocks, whose paragraphs read beforehand are `paragraphs` of
    /// the list (as [`BlockFacts::paragraph_count`] told before and after they were added).
    pub(crate) fn add_document(&mut self, n: usize, paragraphs: Range<usize>) -> DocFacts {
        let base = self.slots.len();
        self.slots.resize(base + n, Slots::default());
        DocFacts { base, blocks: n, paragraphs: Run::new(paragraphs.start, paragraphs.end) }
    }

    /// Where block `k` of document `doc` has its facts (a block of that document only).
    fn slot(&mut self, doc: DocFacts, k: usize) -> &mut Slots {
        &mut self.slots[doc.base..doc.base + doc.blocks][k]
    }

    /// Place mentions of block `k` of document `doc` (spans relative to the block's range):
    /// found once, for the grouping and for the item the block ends up in.
    pub(crate) fn places_of(&mut self, doc: DocFacts, layout: &Layout<'_>, k: usize) -> &[RawMatch] {
        let run = self.place_run(doc, layout, k);
        &self.places[run.range()]
    }

    fn place_run(&mut self, doc: DocFacts, layout: &Layout<'_>, k: usize) -> Run {
        let slot = self.slot(doc, k);
        if let Some(run) = slot.places {
            return run;
        }
        let from = self.places.len();
        Gazetteer::global().find_raw_into(&layout.text[layout.block_range(k)], &mut self.places);
        let run = Run::new(from, self.places.len());
        self.slot(doc, k).places = Some(run);
        run
    }

    /// Dates of block `k` of document `doc` (spans relative to the block's range), found once.
    pub(crate) fn dates_of(&mut self, doc: DocFacts, layout: &Layout<'_>, k: usize) -> &[DateMatch] {
        let run = match self.slot(doc, k).dates {
            Some(run) => run,
            None => {
                let range = layout.block_range(k);
                // a block that is a whole paragraph has its dates already
                let paragraphs = &self.paragraphs[doc.paragraphs.range()];
                let read = paragraphs.binary_search_by_key(&range.start, |(r, _)| r.start).ok();
                let run = match read.map(|i| &paragraphs[i]) {
                    Some((r, run)) if *r == range => *run,
                    _ => {
                        let from = self.dates.len();
                        crate::dates::find_dates_into(&layout.text[range], layout.order, &mut self.dates);
                        Run::new(from, self.dates.len())
                    }
                };
                self.slot(doc, k).dates = Some(run);
                run
            }
        };
        &self.dates[run.range()]
    }

    /// Block `k`'s places (canonical name, country code), resolved without context.
    fn places(&mut self, doc: DocFacts, layout: &Layout<'_>, k: usize) -> &[(&'static str, &'static str)] {
        let run = match self.slot(doc, k).agree {
            Some(run) => run,
            None => {
                let found = self.place_run(doc, layout, k);
                let BlockFacts { places, agree, .. } = self;
                let from = agree.len();
                resolve_each(&places[found.range()], &[], |_, p| agree.push((p.name, p.country_code)));
                let run = Run::new(from, agree.len());
                self.slot(doc, k).agree = Some(run);
                run
            }
        };
        &self.agree[run.range()]
    }
}

/// How well a dateline agrees with some blocks: its city named (2), its country or a place of
/// its country named (1), its date named (1).
fn agreement(
    layout: &Layout<'_>,
    facts: &mut BlockFacts,
    doc: DocFacts,
    d: &ParsedDateline,
    blocks: Range<usize>,
) -> u32 {
    let mut city = false;
    let mut country = false;
    let mut date = false;
    for k in blocks {
        for &(name, cc) in facts.places(doc, layout, k) {
            city |= d.city.is_some_and(|c| c.name == name && c.country_code == cc);
            country |= d.country.is_some_and(|c| c.country_code == cc);
        }
        if let Some(dd) = &d.date {
            date |= facts.dates_of(doc, layout, k).iter().any(|m| covers(m, dd));
        }
    }
    2 * u32::from(city) + u32::from(country) + u32::from(date)
}

/// Does mention `m` name the same days as the dateline date `d` (years ignored when unwritten)?
fn covers(m: &crate::dates::DateMatch, d: &crate::dates::DateMatch) -> bool {
    let key = |p: &crate::dates::PartialDate| (p.month.unwrap_or(0), p.day.unwrap_or(0));
    let years_agree = match (m.start.year.or(m.end.year), d.start.year.or(d.end.year)) {
        (Some(a), Some(b)) => a == b,
        _ => true,
    };
    let (ms, me, ds) = (key(&m.start), key(&m.end), key(&d.start));
    years_agree && d.start.day.is_some() && ms <= ds && ds <= me
}

#[cfg(test)]
mod tests {
    use crate::model::Attachment;

    /// (headline, dateline text, attachment) per item.
    fn items(text: &str) -> Vec<(Option<String>, Option<String>, Option<Attachment>)> {
        crate::extract(text)
            .items
            .into_iter()
            .map(|i| {
                (
                    i.headline.map(|h| h.text),
                    i.dateline.as_ref().map(|d| d.text.clone()),
                    i.dateline.map(|d| d.attached),
                )
            })
            .collect()
    }

    fn s(x: &str) -> Option<String> {
        Some(x.to_string())
    }

    #[test]
    fn a_dateline_after_a_headline_leads_it() {
        let got = items("FLOODS HIT THE NORTH\n\nGeneva, 3 March 2023\n\nHeavy rain fell on Monday.");
        assert_eq!(got, vec![(s("FLOODS HIT THE NORTH"), s("Geneva, 3 March 2023"), Some(Attachment::Leading))]);
    }

    #[test]
    fn a_dateline_between_a_body_and_a_headline_trails_as_a_caption() {
        let got = items(
            "TRAINING IN BISHKEK\n\nMigrants were trained in Bishkek.\n\nBishkek, 18-19 November 2022\n\nFORUM IN ASTANA\n\nA forum was held.",
        );
        assert_eq!(
            got,
            vec![
                (s("TRAINING IN BISHKEK"), s("Bishkek, 18-19 November 2022"), Some(Attachment::Trailing)),
                (s("FORUM IN ASTANA"), None, None),
            ]
        );
    }

    #[test]
    fn a_dateline_between_two_bodies_goes_to_the_side_that_names_its_place() {
        let got = items(
            "A round table on migration policy was held in Kazakhstan.\n\n10 December 2022, Dushanbe, Tajikistan\n\nThe office in Dushanbe organized a debate tournament.",
        );
        assert_eq!(got.len(), 2);
        assert_eq!(got[1], (None, s("10 December 2022, Dushanbe, Tajikistan"), Some(Attachment::Leading)));
        let got = items(
            "A round table was held in Dushanbe, the capital.\n\n10 December 2022, Dushanbe, Tajikistan\n\nOther news: a forum on trade opened in Almaty.",
        );
        assert_eq!(got[0], (None, s("10 December 2022, Dushanbe, Tajikistan"), Some(Attachment::Trailing)));
    }

    #[test]
    fn a_thin_dateline_agreeing_with_neither_side_stands_alone() {
        let got = items(
            "A debate was held in Dushanbe.\n\n19 December 2022, Press cafe held in Kyrgyzstan\n\nIOM KAZAKHSTAN HELD A FORUM\n\nThe forum was held in Astana.",
        );
        assert_eq!(got.len(), 3);
        assert_eq!(got[1], (None, s("19 December 2022, Press cafe held in Kyrgyzstan"), Some(Attachment::Leading)));
    }

    #[test]
    fn a_newswire_dateline_opens_an_item_even_without_a_headline() {
        let got =
            items("GENEVA, 3 March 2023 (IOM) – IOM said.\n\nMore text.\n\nBrasília – A series of workshops began.");
        assert_eq!(
            got,
            vec![
                (None, s("GENEVA, 3 March 2023"), Some(Attachment::Inline)),
                (None, s("Brasília"), Some(Attachment::Inline)),
            ]
        );
    }

    #[test]
    fn a_headline_over_a_dateline_with_a_caption_is_still_a_headline() {
        let got = items(
            "New office opens in Almaty\n\n5.03.2023, Almaty. UNICEF opened a new regional office in Almaty on Monday.",
        );
        assert_eq!(got, vec![(s("New office opens in Almaty"), s("5.03.2023, Almaty"), Some(Attachment::Leading))]);
    }

    /// Each document of a batch reads only its own paragraphs' dates, though the batch keeps
    /// them in one list: a block whose range equals a paragraph of another document (read
    /// before it, as the pipeline reads every paragraph before the layout) reads its own text.
    #[test]
    fn block_facts_keep_each_document_to_its_own_paragraphs() {
        use crate::dates::{paragraph_dates, NumericOrder};
        use crate::layout::{blocks, lines};
        // the same layout, two dates of the same length
        let texts =
            ["Floods in the north\n\nRains fell on 3 May 2024.", "Floods in the north\n\nRains fell on 9 May 2023."];
        let mut facts = super::BlockFacts::default();
        // the first document's paragraphs were not kept (as when its order was decided month
        // first); the second's were
        let first = facts.paragraph_count()..facts.paragraph_count();
        let from = facts.paragraph_count();
        for r in [0..19, 21..texts[1].len()] {
            let read = paragraph_dates(&texts[1][r.clone()], facts.dates_mut());
            facts.add_paragraph(r, read.matches);
        }
        let second = from..facts.paragraph_count();
        assert_eq!(second.len(), 2);
        let lines: Vec<_> = texts.iter().map(|t| lines(t)).collect();
        let blocks: Vec<_> =
            texts.iter().zip(&lines).map(|(t, l)| blocks(t, l, NumericOrder::DayFirst, |_| None)).collect();
        let docs = [facts.add_document(blocks[0].len(), first), facts.add_document(blocks[1].len(), second)];
        for (i, year) in [(0, 2024), (1, 2023)] {
            let lay =
                super::Layout { text: texts[i], lines: &lines[i], blocks: &blocks[i], order: NumericOrder::DayFirst };
            let body = blocks[i].len() - 1;
            assert_eq!(lay.block_range(body), 21..texts[i].len());
            let dates = facts.dates_of(docs[i], &lay, body);
            assert_eq!(dates.len(), 1, "document {i}");
            assert_eq!(dates[0].start.year, Some(year), "document {i}");
            // asked again, the same run
            assert_eq!(facts.dates_of(docs[i], &lay, body)[0].start.year, Some(year));
        }
    }
}
