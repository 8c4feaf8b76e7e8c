//! Hostile inputs: each finishes, and its cost grows linearly with its size. Each shape is run at
//! two sizes, ten times apart; the larger may take at most a generous multiple of ten times the
//! time of the smaller (best of five runs each, and a wide margin, so a busy machine does not fail the test).
//! No absolute time is asserted.

use std::time::{Duration, Instant};

use bulletin_events::extract;

/// Best of five wall times of extracting `text`, and the item count.
fn cost(text: &str) -> (Duration, usize) {
    let mut best = Duration::MAX;
    let mut items = 0;
    for _ in 0..5 {
        let t = Instant::now();
        let doc = extract(text);
        best = best.min(t.elapsed());
        items = doc.items.len();
    }
    (best, items)
}

/// Ten times the input may cost at most this many times as much: linear is 10, quadratic 100.
/// The margin absorbs a machine busy with other work (ratios near 50 were seen under a load
/// of 7 on two cores).
const MAX_RATIO: f64 = 60.0;

fn assert_linear(name: &str, make: impl Fn(usize) -> String, small: usize) {
    let (a, b) = (make(small), make(small * 10));
    let (ta, _) = cost(&a);
    let (tb, items) = cost(&b);
    // Below a millisecond, timer noise dominates: compare against at least that.
    let ratio = tb.as_secs_f64() / ta.as_secs_f64().max(1e-3);
    assert!(
        ratio <= MAX_RATIO,
        "{name}: {} bytes took {ta:?}, {} bytes took {tb:?} (x{ratio:.1}, {items} items)",
        a.len(),
        b.len()
    );
}

#[test]
fn one_long_line() {
    assert_linear(
        "single line",
        |n| "IOM trained 25 people in Bishkek on 18 November 2022 and ".repeat(n / 58),
        200_000,
    );
}

#[test]
fn many_one_character_lines() {
    assert_linear("1-char lines", |n| "a\n".repeat(n / 2), 100_000);
}

#[test]
fn consecutive_all_caps_lines() {
    assert_linear("ALL CAPS lines", |n| "IOM KAZAKHSTAN TRAINED MIGRANTS IN ASTANA\n".repeat(n / 42), 100_000);
}

#[test]
fn only_digits() {
    assert_linear("digits", |n| "0123456789".repeat(n / 10), 200_000);
}

#[test]
fn repeated_ranges() {
    assert_linear("1-2-3 ranges", |n| (0..n / 4).map(|i| (i % 97).to_string()).collect::<Vec<_>>().join("-"), 100_000);
}

#[test]
fn datelines_and_bylines_alternating() {
    let block = "Bishkek, 18-19 November 2022\n\nBy Dana Whitfield\n\nShort title here\n\n";
    assert_linear("datelines", |n| block.repeat(n / block.len()), 50_000);
}

#[test]
fn hostile_inputs_keep_their_spans() {
    for text in [
        "1-2-3-4-5-6-7-8-9-10 November 2022",
        &"\u{301}".repeat(1000),
        &"\n".repeat(10_000),
        "[[[[]]]]((((",
        "&#99999999;&#x;&;",
    ] {
        let doc = extract(text);
        for item in &doc.items {
            assert!(text.get(item.span.range()).is_some());
        }
    }
}
