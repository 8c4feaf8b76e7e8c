//! Batched extraction (`Extractor::extract_batch`, `Extractor::extract_iter`) gives exactly the
//! documents that one-by-one extraction gives, in input order, whatever the batch holds.

mod common;

use bulletin_events::{DateOrder, Document, Extractor, Source};
use chrono::NaiveDate;
use proptest::prelude::*;

/// (file stem, text) of every fixture bulletin, in name order.
fn fixtures() -> Vec<(String, String)> {
    common::fixture_paths()
        .iter()
        .map(|p| (p.file_stem().unwrap().to_string_lossy().into_owned(), std::fs::read_to_string(p).unwrap()))
        .collect()
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// Texts that stress the document boundaries of a batch: empty, blank, one word, a date alone.
const ODD: [&str; 6] = ["", " ", "\n\n\n", "A", "2022", "IOM\n\n18 November, Tashkent\n"];

#[test]
fn a_batch_of_every_fixture_equals_one_by_one() {
    let fixtures = fixtures();
    assert!(fixtures.len() >= 9, "the fixtures are there");
    for extractor in [
        Extractor::new(),
        Extractor::builder().reference_date(date(2023, 1, 15)).build(),
        Extractor::builder().numeric_date_order(DateOrder::MonthFirst).build(),
    ] {
        // every other document has its own id and reference date
        let sources: Vec<Source> = fixtures
            .iter()
            .enumerate()
            .map(|(i, (name, text))| {
                let s = Source::new(text);
                if i % 2 == 0 {
                    s.id(name.as_str()).reference_date(date(2022, 12, 20))
                } else {
                    s
                }
            })
            .collect();
        let one_by_one: Vec<Document> =
            sources.iter().map(|s| extractor.extract_document(s.id.clone(), s.text, s.reference_date)).collect();
        let batched = extractor.extract_batch(sources.clone());
        assert_eq!(batched.len(), fixtures.len());
        for ((name, _), (b, o)) in fixtures.iter().zip(batched.iter().zip(&one_by_one)) {
            assert_eq!(b, o, "{name}");
        }
        // the ids and reference dates reached their own documents
        assert_eq!(batched[0].id.as_deref(), Some(fixtures[0].0.as_str()));
        assert_eq!(batched[1].id, None);
    }
}

#[test]
fn extract_iter_over_a_long_stream_equals_one_by_one() {
    // fixtures and odd texts, repeated past several batches
    let fixtures = fixtures();
    let mut texts: Vec<String> = Vec::new();
    let mut size = 0;
    let mut i = 0;
    while size < 4 * Extractor::BATCH_BYTES {
        let t = if i % 4 == 3 { ODD[i % ODD.len()].to_string() } else { fixtures[i % fixtures.len()].1.clone() };
        size += t.len();
        texts.push(t);
        i += 1;
    }
    let extractor = Extractor::new();
    let mut stream = extractor.extract_iter(&texts);
    assert!(stream.size_hint().0 >= texts.len());
    let mut n = 0;
    for (k, text) in texts.iter().enumerate() {
        let doc = stream.next().unwrap_or_else(|| panic!("document {k} is missing"));
        assert_eq!(doc, extractor.extract(text), "document {k}");
        let errors = common::span_errors(text, &doc);
        assert!(errors.is_empty(), "document {k}: {errors:#?}");
        n += 1;
    }
    assert!(stream.next().is_none());
    assert_eq!(n, texts.len());
}

#[test]
fn empty_and_one_document_batches() {
    let extractor = Extractor::new();
    assert!(extractor.extract_batch(Vec::<&str>::new()).is_empty());
    assert_eq!(extractor.extract_iter(Vec::<&str>::new()).count(), 0);
    for text in ODD {
        assert_eq!(extractor.extract_batch([text]), vec![extractor.extract(text)], "{text:?}");
    }
    let text = "IOM TRAINED MIGRANTS\n\n18 November, Tashkent, Uzbekistan\n\nThe training was held.";
    let doc = &extractor.extract_batch([Source::new(text).reference_date(date(2022, 12, 20))])[0];
    let dateline = doc.items[0].dateline.as_ref().unwrap();
    assert_eq!(dateline.date.unwrap().start, date(2022, 11, 18));
    assert_eq!(dateline.city.as_deref(), Some("Tashkent"));
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 48,
        failure_persistence: None,
        rng_seed: proptest::test_runner::RngSeed::Fixed(0xba7c_4ed0),
        ..ProptestConfig::default()
    })]

    #[test]
    fn batches_of_arbitrary_texts_equal_one_by_one(
        texts in prop::collection::vec(
            "([A-Z]{2,6} |[A-Z][a-z]{1,8} |[a-z]{1,6} |[0-9]{1,4}|[-–,.:()/ ]|\n|\n\n|“|”|March |2022|Geneva|Kazakhstan|IOM ){0,60}",
            0..8,
        )
    ) {
        let extractor = Extractor::new();
        let batched = extractor.extract_batch(&texts);
        prop_assert_eq!(batched.len(), texts.len());
        for (text, doc) in texts.iter().zip(&batched) {
            prop_assert_eq!(doc, &extractor.extract(text));
        }
    }
}
