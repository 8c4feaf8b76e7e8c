//! Throughput benchmarks, in bytes of input per second: end to end (`Extractor::extract` one
//! document at a time, and `Extractor::extract_iter` in batches) on a generated archive (ASCII
//! newswire-like and non-ASCII newsletters, 5 MB and 50 MB for the linearity check) and on an
//! archive of single news items (5 MB, one item of about 500 bytes per document), per stage on
//! the 5 MB archives, and on each fixture alone.
//!
//! ```text
//! cargo bench --bench throughput                  # everything (a few minutes)
//! cargo bench --bench throughput -- archive/      # one group
//! cargo bench --bench throughput -- items/        # single news items, one per document
//! BULLETIN_BENCH_MB=20 cargo bench --bench throughput -- archive/   # large archive size
//! ```
//! The archive is built in memory, deterministically, by `support/archive.rs`.

use std::time::Duration;

use bulletin_events::dates::{find_dates, NumericOrder};
use bulletin_events::gazetteer::Gazetteer;
use bulletin_events::quantities::find_quantities;
use bulletin_events::{bench, Extractor};
use criterion::measurement::WallTime;
use criterion::{
    black_box, criterion_group, criterion_main, BenchmarkGroup, BenchmarkId, Criterion, SamplingMode, Throughput,
};

#[path = "support/archive.rs"]
mod archive;

use archive::{Flavour, Shape};

const SEED: u64 = 42;
const SMALL_MB: usize = 5;

fn large_mb() -> usize {
    std::env::var("BULLETIN_BENCH_MB").ok().and_then(|v| v.parse().ok()).unwrap_or(50)
}

fn texts(flavour: Flavour, mb: usize) -> Vec<String> {
    shaped_texts(flavour, Shape::Bulletins, mb)
}

fn shaped_texts(flavour: Flavour, shape: Shape, mb: usize) -> Vec<String> {
    let docs = archive::archive_shaped(&archive::fixtures_dir(), flavour, shape, mb << 20, SEED);
    docs.into_iter().map(|d| d.text).collect()
}

fn bytes(docs: &[String]) -> u64 {
    docs.iter().map(|d| d.len() as u64).sum()
}

fn name(f: Flavour) -> &'static str {
    match f {
        Flavour::Ascii => "ascii",
        Flavour::NonAscii => "nonascii",
    }
}

/// End to end over the whole archive, one thread.
fn end_to_end(c: &mut Criterion) {
    let extractor = Extractor::new();
    let mut g = c.benchmark_group("archive");
    g.sampling_mode(SamplingMode::Flat).sample_size(10).warm_up_time(Duration::from_secs(1));
    for flavour in [Flavour::Ascii, Flavour::NonAscii] {
        // Same seed: the small archive is the large one's first documents.
        let all = texts(flavour, large_mb().max(SMALL_MB));
        let mut sizes = vec![SMALL_MB, large_mb()];
        sizes.dedup();
        for mb in sizes {
            let n = all.iter().scan(0, |acc, d| {
                let before = *acc;
                *acc += d.len();
                Some(before)
            });
            let count = n.take_while(|&before| before < mb << 20).count();
            let docs = &all[..count];
            g.measurement_time(Duration::from_secs(if mb > SMALL_MB { 15 } else { 4 }));
            one_and_batched(&mut g, &extractor, flavour, mb, docs);
        }
    }
    g.finish();
}

/// Times `docs` (an archive of `mb` MB) end to end twice: one document at a time
/// (`FLAVOUR/MBMB`), and in batches, each stage over a batch at a time (`FLAVOUR-batched/MBMB`).
fn one_and_batched(
    g: &mut BenchmarkGroup<'_, WallTime>,
    extractor: &Extractor,
    flavour: Flavour,
    mb: usize,
    docs: &[String],
) {
    g.throughput(Throughput::Bytes(bytes(docs)));
    g.bench_with_input(BenchmarkId::new(name(flavour), format!("{mb}MB")), docs, |b, docs| {
        b.iter(|| {
            let items: usize = docs.iter().map(|d| extractor.extract(d).items.len()).sum();
            assert!(items >= docs.len(), "every generated document has items");
            items
        })
    });
    let id = BenchmarkId::new(format!("{}-batched", name(flavour)), format!("{mb}MB"));
    g.bench_with_input(id, docs, |b, docs| {
        b.iter(|| {
            let items: usize = extractor.extract_iter(docs).map(|d| d.items.len()).sum();
            assert!(items >= docs.len(), "every generated document has items");
            items
        })
    });
}

/// End to end over an archive of single news items (one unit of a fixture per document, about
/// 500 bytes each), one thread: what a document costs whatever its size weighs more here.
fn items(c: &mut Criterion) {
    let extractor = Extractor::new();
    let mut g = c.benchmark_group("items");
    g.sampling_mode(SamplingMode::Flat).sample_size(10).warm_up_time(Duration::from_secs(1));
    g.measurement_time(Duration::from_secs(4));
    for flavour in [Flavour::Ascii, Flavour::NonAscii] {
        let docs = shaped_texts(flavour, Shape::Items, SMALL_MB);
        one_and_batched(&mut g, &extractor, flavour, SMALL_MB, &docs);
    }
    g.finish();
}

/// Each stage alone over the 5 MB archives. The mention finders read whole documents; in the
/// pipeline they read each item's headline, body and caption, which sum to about the same bytes.
fn stages(c: &mut Criterion) {
    let mut g = c.benchmark_group("stage");
    g.sampling_mode(SamplingMode::Flat).sample_size(10).warm_up_time(Duration::from_millis(500));
    g.measurement_time(Duration::from_secs(3));
    let gazetteer = Gazetteer::global();
    for flavour in [Flavour::Ascii, Flavour::NonAscii] {
        let docs = texts(flavour, SMALL_MB);
        g.throughput(Throughput::Bytes(bytes(&docs)));
        let f = name(flavour);
        let sum = |docs: &[String], stage: &dyn Fn(&str) -> usize| docs.iter().map(|d| stage(d)).sum::<usize>();
        g.bench_function(BenchmarkId::new("clean", f), |b| b.iter(|| assert!(sum(&docs, &|d| bench::clean(d)) > 0)));
        g.bench_function(BenchmarkId::new("layout_segment", f), |b| {
            b.iter(|| assert!(sum(&docs, &|d| bench::layout_segment(d)) >= docs.len()))
        });
        g.bench_function(BenchmarkId::new("datelines", f), |b| {
            b.iter(|| assert!(sum(&docs, &|d| bench::datelines(d)) > 0))
        });
        g.bench_function(BenchmarkId::new("dates", f), |b| {
            b.iter(|| assert!(sum(&docs, &|d| find_dates(d, NumericOrder::DayFirst).len()) > docs.len()))
        });
        g.bench_function(BenchmarkId::new("places", f), |b| {
            b.iter(|| assert!(sum(&docs, &|d| gazetteer.find(d).len()) > docs.len()))
        });
        g.bench_function(BenchmarkId::new("organizations", f), |b| {
            b.iter(|| assert!(sum(&docs, &|d| bench::organizations(d)) > docs.len()))
        });
        g.bench_function(BenchmarkId::new("quantities", f), |b| {
            b.iter(|| assert!(sum(&docs, &|d| find_quantities(d, &[]).len()) > docs.len()))
        });
    }
    g.finish();
}

/// Each fixture alone, end to end: the cost of one bulletin.
fn single(c: &mut Criterion) {
    let extractor = Extractor::new();
    let mut g = c.benchmark_group("single");
    g.sample_size(20).warm_up_time(Duration::from_millis(300)).measurement_time(Duration::from_secs(1));
    let mut paths: Vec<_> = std::fs::read_dir(archive::fixtures_dir())
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    for p in paths {
        let text = std::fs::read_to_string(&p).unwrap();
        let stem = p.file_stem().unwrap().to_string_lossy().into_owned();
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_with_input(BenchmarkId::from_parameter(stem), &text, |b, text| {
            b.iter(|| {
                let doc = extractor.extract(black_box(text));
                assert!(!doc.items.is_empty());
                doc
            })
        });
    }
    g.finish();
}

criterion_group!(benches, end_to_end, items, stages, single);
criterion_main!(benches);
