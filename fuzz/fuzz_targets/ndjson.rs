//! Fuzzes the NDJSON input reader: any bytes, line by line, parse to a document or a clear
//! error, never a panic; parsed documents extract.
//!
//! Run: `cargo +nightly fuzz run ndjson` (or `RUSTC_BOOTSTRAP=1 cargo fuzz run ndjson`).
#![no_main]

use bulletin_events::ndjson::InputDocument;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    for line in data.split(|&b| b == b'\n') {
        match InputDocument::from_json_line(line) {
            Ok(doc) => {
                let _ = bulletin_events::Extractor::new().extract_document(doc.id, &doc.text, doc.reference_date);
            }
            Err(e) => assert!(!e.to_string().is_empty()),
        }
    }
});
