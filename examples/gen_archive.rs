//! Writes a deterministic NDJSON archive of bulletins built from the fixtures (see
//! `benches/support/archive.rs`), for `bulletin2json --ndjson` load tests.
//!
//! ```text
//! cargo run --release --example gen_archive -- ascii 50 benches/data/ascii-50mb.ndjson
//! cargo run --release --example gen_archive -- nonascii 1000 /tmp/archive-1g.ndjson
//! cargo run --release --example gen_archive -- ascii-items 5 /tmp/items5.ndjson
//! ```
//! Arguments: flavour (`ascii` or `nonascii`, with `-items` for one news item per document),
//! size in MB of text, output path (`-` for stdout).

use std::io::Write;

#[path = "../benches/support/archive.rs"]
mod archive;

fn main() -> std::io::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let usage = "usage: gen_archive ascii|nonascii|ascii-items|nonascii-items SIZE_MB OUTPUT";
    let [flavour, mb, path] = args.as_slice() else {
        eprintln!("{usage}");
        std::process::exit(2);
    };
    let (flavour, shape) = match flavour.as_str() {
        "ascii" => (archive::Flavour::Ascii, archive::Shape::Bulletins),
        "nonascii" => (archive::Flavour::NonAscii, archive::Shape::Bulletins),
        "ascii-items" => (archive::Flavour::Ascii, archive::Shape::Items),
        "nonascii-items" => (archive::Flavour::NonAscii, archive::Shape::Items),
        _ => {
            eprintln!("{usage}");
            std::process::exit(2);
        }
    };
    let mb: usize = mb.parse().unwrap_or_else(|_| {
        eprintln!("{usage}");
        std::process::exit(2)
    });
    let out: Box<dyn Write> =
        if path == "-" { Box::new(std::io::stdout().lock()) } else { Box::new(std::fs::File::create(path)?) };
    let mut out = std::io::BufWriter::new(out);
    let mut res = Ok(());
    archive::generate_shaped(&archive::fixtures_dir(), flavour, shape, mb << 20, 42, |d| {
        if res.is_ok() {
            res = out.write_all(d.ndjson().as_bytes());
        }
    });
    res?;
    out.flush()
}
