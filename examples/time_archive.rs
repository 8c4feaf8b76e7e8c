//! Best-of-N timing of `Extractor::extract` over an NDJSON archive, one thread: the quick
//! A/B tool for a noisy machine. Build two versions, then run them alternately on the same
//! archive and compare their best rounds (criterion's means drift with the machine's load).
//!
//! ```sh
//! cargo run --release --example gen_archive -- ascii 5 /tmp/a5.ndjson
//! cargo run --release --example time_archive -- /tmp/a5.ndjson 8
//! ```

use bulletin_events::ndjson::InputDocument;
use bulletin_events::Extractor;
use std::time::Instant;

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next() else {
        eprintln!("usage: time_archive ARCHIVE.ndjson [ROUNDS]");
        std::process::exit(2);
    };
    let rounds: usize = args.next().and_then(|r| r.parse().ok()).unwrap_or(5).max(1);
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
        let items: usize = docs.iter().map(|d| extractor.extract(d).items.len()).sum();
        std::hint::black_box(items);
        best = best.min(t.elapsed().as_secs_f64());
    }
    println!(
        "{:.2} MiB/s (best of {rounds}, {} documents, {bytes} bytes)",
        bytes as f64 / best / 1_048_576.0,
        docs.len()
    );
}
