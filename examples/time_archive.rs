//! Best-of-N timing of `Extractor::extract` over an NDJSON archive, one thread: the quick
//! A/B tool for a noisy machine. Build two versions, then run them alternately on the same
//! archive and compare their best rounds (criterion's means drift with the machine's load).
//!
//! ```sh
//! cargo run --release --example gen_archive -- ascii 5 /tmp/a5.ndjson
//! cargo run --release --example time_archive -- /tmp/a5.ndjson 8
//! cargo run --release --example time_archive -- /tmp/a5.ndjson 8 256   # batches of 256 KiB
//! ```
//! The optional third argument times `Extractor::extract_batch` over batches of that many KiB
//! of text instead of `Extractor::extract` one document at a time.

use bulletin_events::ndjson::InputDocument;
use bulletin_events::Extractor;
use std::time::Instant;

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next() else {
        eprintln!("usage: time_archive ARCHIVE.ndjson [ROUNDS [BATCH_KIB]]");
        std::process::exit(2);
    };
    let rounds: usize = args.next().and_then(|r| r.parse().ok()).unwrap_or(5).max(1);
    let batch_kib: Option<usize> = args.next().and_then(|b| b.parse().ok());
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        eprintln!("{path}: {e}");
        std::process::exit(1);
    });
    let mut docs = Vec::new();
    for (i, line) in text.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
        match InputDocument::from_json_line(line.as_bytes()) {
            Ok(d) => docs.push(d.text),
            Err(e) => {
                eprintln!("{path}:{}: {e}", i + 1);
                std::process::exit(1);
            }
        }
    }
    let bytes: usize = docs.iter().map(String::len).sum();
    let extractor = Extractor::new();
    // first use loads the tables: not part of any round
    if let Some(d) = docs.first() {
        std::hint::black_box(extractor.extract(d));
    }
    let mut best = f64::MAX;
    for _ in 0..rounds {
        let t = Instant::now();
        let items: usize = match batch_kib {
            None => docs.iter().map(|d| extractor.extract(d).items.len()).sum(),
            Some(kib) => batches(&docs, kib << 10)
                .map(|b| extractor.extract_batch(b).iter().map(|d| d.items.len()).sum::<usize>())
                .sum(),
        };
        std::hint::black_box(items);
        best = best.min(t.elapsed().as_secs_f64());
    }
    let how = batch_kib.map_or("one by one".to_string(), |k| format!("batches of {k} KiB"));
    println!(
        "{:.2} MiB/s (best of {rounds}, {} documents, {bytes} bytes, {how})",
        bytes as f64 / best / 1_048_576.0,
        docs.len()
    );
}

/// Consecutive documents in batches of about `bytes` of text (at least one document each).
fn batches(docs: &[String], bytes: usize) -> impl Iterator<Item = &[String]> {
    let mut rest = docs;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let mut size = 0;
        let n = rest.iter().take_while(|d| {
            let take = size < bytes.max(1);
            size += d.len();
            take
        });
        let n = n.count().max(1);
        let (batch, tail) = rest.split_at(n);
        rest = tail;
        Some(batch)
    })
}
