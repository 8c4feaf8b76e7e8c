//! Fuzzes the whole pipeline: any UTF-8 text must extract without a panic, with every span on
//! char boundaries slicing the input to its text, and items in order without overlap.
//!
//! Run: `cargo +nightly fuzz run extract` (or `RUSTC_BOOTSTRAP=1 cargo fuzz run extract`).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let doc = bulletin_events::extract(&text);
    let check = |span: bulletin_events::Span, what: &str, expect: Option<&str>| {
        let got = text.get(span.range()).unwrap_or_else(|| panic!("{what} span {span:?} off boundaries"));
        if let Some(e) = expect {
            assert_eq!(got, e, "{what} text");
        }
    };
    let mut last = 0;
    for item in &doc.items {
        assert!(item.span.start >= last && item.span.start < item.span.end, "items overlap or are empty");
        last = item.span.end;
        check(item.span, "item", None);
        if let Some(h) = &item.headline {
            check(h.span, "headline", Some(&h.text));
        }
        if let Some(d) = &item.dateline {
            check(d.span, "dateline", Some(&d.text));
            if let Some(c) = &d.caption {
                check(c.span, "caption", Some(&c.text));
            }
        }
        for d in &item.dates {
            check(d.span, "date", Some(&d.text));
            assert!(d.range.start <= d.range.end, "date range reversed: {d:?}");
        }
        for p in &item.places {
            check(p.mentions[0], "place", Some(&p.text));
            for m in &p.mentions {
                check(*m, "place mention", None);
            }
        }
        for o in &item.organizations {
            for m in &o.mentions {
                check(*m, "organization mention", None);
            }
        }
        for q in &item.quantities {
            check(q.span, "quantity", Some(&q.text));
            assert!(q.value.is_finite(), "quantity value {q:?}");
        }
    }
});
