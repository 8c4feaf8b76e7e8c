//! A deterministic archive of bulletins built from the fixtures, for benchmarks and load tests.
//!
//! The fixtures are cut into a preamble and news units (a headline-like block and what follows
//! it). A bulletin is one preamble and 3 to 10 units drawn from the whole pool, each varied: every
//! number, month name and known place name is replaced by another one, chosen by a seeded PRNG
//! (SplitMix64), so the archive is the same bytes on every machine and run, and its documents do
//! not repeat verbatim. Two flavours: [`Flavour::Ascii`] (the English fixtures folded to ASCII,
//! newswire-like) and [`Flavour::NonAscii`] (every fixture, Russian included, with typographic
//! quotes and dashes), since the regex engines take slower paths on non-ASCII text.
//!
//! [`Shape::Items`] makes an archive of single news items instead (one unit per document), where
//! what a document costs whatever its size weighs more.
//!
//! Shared by `benches/throughput.rs` and `examples/gen_archive.rs` (`#[path]` include).

#![allow(dead_code)]

use std::path::Path;

/// Which text the archive holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Flavour {
    /// English fixtures folded to ASCII: straight quotes, hyphens, no Cyrillic.
    Ascii,
    /// Every fixture (English and Russian), with curly quotes and en dashes.
    NonAscii,
}

/// How the units are put together into documents.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    /// A bulletin: a preamble half the time, then 3 to 10 units (about 3.5 KB).
    Bulletins,
    /// One unit per document, no preamble: an archive of single news items, as a wire service
    /// or a press-release feed stores them (about 600 bytes each).
    Items,
}

/// One generated bulletin.
pub struct Doc {
    pub id: String,
    pub text: String,
    pub reference_date: String,
}

impl Doc {
    /// The document as one NDJSON line (with its trailing newline).
    pub fn ndjson(&self) -> String {
        let mut s = String::with_capacity(self.text.len() + 96);
        s.push_str("{\"id\": ");
        json_str(&mut s, &self.id);
        s.push_str(", \"reference_date\": ");
        json_str(&mut s, &self.reference_date);
        s.push_str(", \"text\": ");
        json_str(&mut s, &self.text);
        s.push_str("}\n");
        s
    }
}

fn json_str(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
}

/// SplitMix64: small, seeded, good enough to vary text.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `lo..=hi`.
    pub fn range(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.next_u64() % (hi - lo + 1)
    }

    pub fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.next_u64() as usize % xs.len()]
    }
}

const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
/// Russian month names in the genitive ("10 марта"), January first, taken from the date
/// grammar's table (its genitive forms are those ending in -а/-я).
fn months_ru() -> [&'static str; 12] {
    let mut out = [""; 12];
    for &(w, m) in bulletin_events::dates::lang::RU.months.iter().filter(|(w, _)| w.ends_with(['а', 'я'])) {
        out[m as usize - 1] = w;
    }
    out
}
/// One-word place names of the fixtures' regions, swapped for one another.
const PLACES_EN: [&str; 16] = [
    "Bishkek", "Tashkent", "Dushanbe", "Almaty", "Astana", "Osh", "Nairobi", "Mombasa", "Garissa", "Kisumu", "Geneva",
    "Dhaka", "Kabul", "Ankara", "Brussels", "Tbilisi",
];
const PLACES_RU: [&str; 6] = ["Бишкек", "Душанбе", "Ташкент", "Алматы", "Ош", "Астана"];

/// The fixtures cut into preambles and news units.
struct Pool {
    preambles: Vec<String>,
    units: Vec<String>,
}

fn fold_ascii(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '“' | '”' | '«' | '»' | '„' => out.push('"'),
            '‘' | '’' => out.push('\''),
            '–' | '—' | '‐' | '‑' => out.push('-'),
            '\u{a0}' | '\u{202f}' => out.push(' '),
            '•' => out.push('*'),
            '…' => out.push_str("..."),
            'é' | 'è' | 'ê' => out.push('e'),
            'ô' | 'ö' => out.push('o'),
            'ü' => out.push('u'),
            c if c.is_ascii() => out.push(c),
            _ => {}
        }
    }
    out
}

/// Straight quotes to typographic ones, spaced hyphens to en dashes.
fn typographic(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + s.len() / 16);
    let mut open = true;
    let mut prev = ' ';
    let chars: Vec<char> = s.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        let next = chars.get(i + 1).copied().unwrap_or(' ');
        match c {
            '"' => {
                out.push(if open { '“' } else { '”' });
                open = !open;
            }
            '\'' if prev.is_alphanumeric() => out.push('’'),
            '-' if prev == ' ' && next == ' ' => out.push('–'),
            c => out.push(c),
        }
        if c == '\n' {
            open = true;
        }
        prev = c;
    }
    out
}

/// Is this block a headline-like line that opens a unit? One line, a capital first, no digits
/// (so trailing datelines stay with their unit), no closing full stop.
fn opens_unit(block: &str) -> bool {
    let t = block.trim();
    !t.contains('\n')
        && t.len() < 120
        && t.chars().next().is_some_and(|c| c.is_uppercase() || c == '#')
        && !t.chars().any(|c| c.is_ascii_digit())
        && !t.ends_with('.')
        && !t.starts_with('(')
}

fn load_pool(fixtures: &Path, flavour: Flavour) -> Pool {
    let mut paths: Vec<_> = std::fs::read_dir(fixtures)
        .expect("fixtures folder")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    let mut pool = Pool { preambles: Vec::new(), units: Vec::new() };
    for p in paths {
        let raw = std::fs::read_to_string(&p).expect("fixture is UTF-8").replace("\r\n", "\n");
        let cyrillic = raw.chars().any(|c| ('\u{400}'..='\u{4ff}').contains(&c));
        let text = match flavour {
            Flavour::Ascii if cyrillic => continue,
            Flavour::Ascii => fold_ascii(&raw),
            Flavour::NonAscii => typographic(&raw),
        };
        let blocks: Vec<&str> = text.split("\n\n").map(str::trim).filter(|b| !b.is_empty()).collect();
        let first_unit = blocks.iter().position(|b| opens_unit(b)).unwrap_or(0);
        if first_unit > 0 {
            pool.preambles.push(blocks[..first_unit].join("\n\n"));
        }
        let mut cur: Vec<&str> = Vec::new();
        for b in &blocks[first_unit..] {
            if opens_unit(b) && !cur.is_empty() {
                pool.units.push(cur.join("\n\n"));
                cur.clear();
            }
            cur.push(b);
        }
        if !cur.is_empty() {
            pool.units.push(cur.join("\n\n"));
        }
    }
    assert!(!pool.units.is_empty(), "no fixture units in {}", fixtures.display());
    pool
}

/// Replaces every number, month name and known place name of `unit` with another one.
fn vary(unit: &str, months_ru: &[&'static str; 12], rng: &mut Rng, out: &mut String) {
    let mut rest = unit;
    while let Some(c) = rest.chars().next() {
        let run = if c.is_ascii_digit() {
            rest.find(|c: char| !c.is_ascii_digit()).unwrap_or(rest.len())
        } else if c.is_alphabetic() {
            rest.find(|c: char| !c.is_alphabetic()).unwrap_or(rest.len())
        } else {
            c.len_utf8()
        };
        let tok = &rest[..run];
        if c.is_ascii_digit() {
            let v: u64 = tok.parse().unwrap_or(0);
            let n = if tok.len() <= 2 && v <= 31 {
                rng.range(1, 28)
            } else if tok.len() == 4 && (1900..2100).contains(&v) {
                rng.range(2014, 2024)
            } else {
                let lo = 10u64.pow(tok.len().min(18) as u32 - 1);
                rng.range(lo, lo * 10 - 1)
            };
            if tok.starts_with('0') {
                out.push_str(&format!("{n:0width$}", width = tok.len()));
            } else {
                out.push_str(&n.to_string());
            }
        } else if MONTHS_EN.contains(&tok) {
            out.push_str(rng.pick::<&str>(&MONTHS_EN));
        } else if months_ru.contains(&tok) {
            out.push_str(rng.pick::<&str>(months_ru));
        } else if PLACES_EN.contains(&tok) {
            out.push_str(rng.pick::<&str>(&PLACES_EN));
        } else if PLACES_RU.contains(&tok) {
            out.push_str(rng.pick::<&str>(&PLACES_RU));
        } else {
            out.push_str(tok);
        }
        rest = &rest[run..];
    }
}

/// Calls `f` on each generated bulletin until about `target_bytes` of text were produced.
/// Streaming, so gigabyte archives never sit in memory.
pub fn generate(fixtures: &Path, flavour: Flavour, target_bytes: usize, seed: u64, f: impl FnMut(Doc)) {
    generate_shaped(fixtures, flavour, Shape::Bulletins, target_bytes, seed, f)
}

/// [`generate`] with documents of the given shape.
pub fn generate_shaped(
    fixtures: &Path,
    flavour: Flavour,
    shape: Shape,
    target_bytes: usize,
    seed: u64,
    mut f: impl FnMut(Doc),
) {
    let pool = load_pool(fixtures, flavour);
    let months_ru = months_ru();
    let mut rng = Rng::new(seed);
    let mut produced = 0usize;
    let mut n = 0usize;
    while produced < target_bytes {
        let mut text = String::new();
        let units = match shape {
            Shape::Bulletins => {
                if !pool.preambles.is_empty() && rng.range(0, 2) > 0 {
                    vary(rng.pick::<String>(&pool.preambles), &months_ru, &mut rng, &mut text);
                    text.push_str("\n\n");
                }
                rng.range(3, 10)
            }
            Shape::Items => 1,
        };
        for i in 0..units {
            if i > 0 {
                text.push_str("\n\n");
            }
            vary(rng.pick::<String>(&pool.units), &months_ru, &mut rng, &mut text);
        }
        text.push('\n');
        produced += text.len();
        n += 1;
        let reference_date = format!("{}-{:02}-{:02}", rng.range(2015, 2024), rng.range(1, 12), rng.range(1, 28));
        f(Doc {
            id: format!("{}-{n:07}", if flavour == Flavour::Ascii { "ascii" } else { "nonascii" }),
            text,
            reference_date,
        });
    }
}

/// The archive in memory (benchmarks).
pub fn archive(fixtures: &Path, flavour: Flavour, target_bytes: usize, seed: u64) -> Vec<Doc> {
    archive_shaped(fixtures, flavour, Shape::Bulletins, target_bytes, seed)
}

/// [`archive`] with documents of the given shape.
pub fn archive_shaped(fixtures: &Path, flavour: Flavour, shape: Shape, target_bytes: usize, seed: u64) -> Vec<Doc> {
    let mut docs = Vec::new();
    generate_shaped(fixtures, flavour, shape, target_bytes, seed, |d| docs.push(d));
    docs
}

/// The fixtures folder of this repository.
pub fn fixtures_dir() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures")
}
