//! `bulletin2json`: bulletin text to JSON records. Flags and glue only; the work is the library's.

use std::io::{self, BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use bulletin_events::{Document, Extractor};
use chrono::NaiveDate;
use clap::Parser;

/// Turn raw bulletins (NGO/UN newsletters, press-release digests, situation reports, newswire)
/// into JSON event records: items with headline, dateline, body, dates, places, organizations and
/// counts, each mention with its byte span in the input.
#[derive(Parser, Debug)]
#[command(version, after_help = AFTER_HELP)]
struct Args {
    /// Files or folders to read. Folders are walked recursively for `.txt` and `.md` files, in
    /// name order. `-` or no path at all reads standard input.
    paths: Vec<PathBuf>,

    /// Read NDJSON input: one document a line, `{"id": "...", "text": "...", "reference_date":
    /// "YYYY-MM-DD"}` (`id` and `reference_date` optional). Output is NDJSON.
    #[arg(long)]
    ndjson: bool,

    /// The day the bulletins were issued (YYYY-MM-DD): anchors year-less dates such as
    /// "18 November". A document's own `reference_date` (NDJSON) takes precedence.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    reference_date: Option<NaiveDate>,
}

const AFTER_HELP: &str = "\
Output: pretty JSON when the input is one document (one file or standard input), NDJSON (one
document a line, in input order) otherwise or with --ndjson. A document's id is its file name
without extension (its path below the folder for folders), or the NDJSON `id`.

Errors: a file that cannot be read, text that is not UTF-8, or a malformed NDJSON line is reported
on standard error with the file and line; every other document is still written.
Exit status: 0 when every input was read, 1 when any failed, 2 for a wrong command line.

Examples:
  bulletin2json fixtures/iom-central-asia-2022-12.txt
  bulletin2json --reference-date 2022-12-20 bulletins/ > records.ndjson
  cat archive.ndjson | bulletin2json --ndjson - > records.ndjson";

fn parse_date(s: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|e| format!("{s:?} is not a YYYY-MM-DD date: {e}"))
}

/// One input source: a file (with the id its documents get) or standard input.
enum Source {
    Stdin,
    File { path: PathBuf, id: String },
}

impl Source {
    fn name(&self) -> String {
        match self {
            Source::Stdin => "<stdin>".to_string(),
            Source::File { path, .. } => path.display().to_string(),
        }
    }

    fn open(&self) -> io::Result<Box<dyn Read>> {
        Ok(match self {
            Source::Stdin => Box::new(io::stdin().lock()),
            Source::File { path, .. } => Box::new(std::fs::File::open(path)?),
        })
    }
}

/// Failures are reported as they happen and counted; the run goes on.
struct Run {
    extractor: Extractor,
    out: io::BufWriter<io::StdoutLock<'static>>,
    pretty: bool,
    failures: usize,
}

/// Writing failed: stop. A closed pipe is not an error worth a message.
struct WriteFailed(io::Error);

impl Run {
    fn fail(&mut self, msg: String) {
        eprintln!("bulletin2json: {msg}");
        self.failures += 1;
    }

    fn write(&mut self, doc: &Document) -> Result<(), WriteFailed> {
        let res = if self.pretty {
            serde_json::to_writer_pretty(&mut self.out, doc).map_err(io::Error::from)
        } else {
            serde_json::to_writer(&mut self.out, doc).map_err(io::Error::from)
        };
        res.and_then(|()| self.out.write_all(b"\n")).map_err(WriteFailed)
    }

    fn text_source(&mut self, src: &Source, reference_date: Option<NaiveDate>) -> Result<(), WriteFailed> {
        let mut bytes = Vec::new();
        if let Err(e) = src.open().and_then(|mut r| r.read_to_end(&mut bytes)) {
            self.fail(format!("{}: cannot read: {e}", src.name()));
            return Ok(());
        }
        match String::from_utf8(bytes) {
            Ok(text) => {
                let id = match src {
                    Source::Stdin => None,
                    Source::File { id, .. } => Some(id.clone()),
                };
                let doc = self.extractor.extract_document(id, &text, reference_date);
                self.write(&doc)
            }
            Err(e) => {
                let bytes = e.as_bytes();
                let at = e.utf8_error().valid_up_to();
                let line = bytes[..at].iter().filter(|&&b| b == b'\n').count() + 1;
                let col = at - bytes[..at].iter().rposition(|&b| b == b'\n').map_or(0, |p| p + 1) + 1;
                self.fail(format!("{}:{line}:{col}: invalid UTF-8 (byte offset {at}); document skipped", src.name()));
                Ok(())
            }
        }
    }

    fn ndjson_source(&mut self, src: &Source, reference_date: Option<NaiveDate>) -> Result<(), WriteFailed> {
        let reader = match src.open() {
            Ok(r) => BufReader::with_capacity(1 << 16, r),
            Err(e) => {
                self.fail(format!("{}: cannot read: {e}", src.name()));
                return Ok(());
            }
        };
        let name = src.name();
        let mut buf = Vec::new();
        let mut reader = reader;
        let mut line_no = 0usize;
        loop {
            buf.clear();
            match reader.read_until(b'\n', &mut buf) {
                Ok(0) => break,
                Ok(_) => {}
                Err(e) => {
                    self.fail(format!("{name}:{}: cannot read: {e}", line_no + 1));
                    break;
                }
            }
            line_no += 1;
            if buf.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            match parse_ndjson_line(&buf) {
                Ok(input) => {
                    let date = input.reference_date.or(reference_date);
                    let doc = self.extractor.extract_document(input.id, &input.text, date);
                    self.write(&doc)?;
                }
                Err(msg) => self.fail(format!("{name}:{line_no}: {msg}; line skipped")),
            }
        }
        Ok(())
    }
}

/// One NDJSON input document.
struct Input {
    id: Option<String>,
    text: String,
    reference_date: Option<NaiveDate>,
}

fn parse_ndjson_line(line: &[u8]) -> Result<Input, String> {
    let line = std::str::from_utf8(line).map_err(|e| format!("invalid UTF-8 at column {}", e.valid_up_to() + 1))?;
    let value: serde_json::Value =
        serde_json::from_str(line).map_err(|e| format!("malformed JSON at column {}: {e}", e.column()))?;
    let obj = value.as_object().ok_or("expected a JSON object {\"text\": ...}")?;
    let text = match obj.get("text") {
        Some(serde_json::Value::String(s)) => s.clone(),
        Some(_) => return Err("\"text\" must be a string".into()),
        None => return Err("missing \"text\" field".into()),
    };
    let id = match obj.get("id") {
        None | Some(serde_json::Value::Null) => None,
        Some(serde_json::Value::String(s)) => Some(s.clone()),
        Some(serde_json::Value::Number(n)) => Some(n.to_string()),
        Some(_) => return Err("\"id\" must be a string or a number".into()),
    };
    let reference_date = match obj.get("reference_date") {
        None | Some(serde_json::Value::Null) => None,
        Some(serde_json::Value::String(s)) => Some(parse_date(s).map_err(|e| format!("reference_date {e}"))?),
        Some(_) => return Err("\"reference_date\" must be a \"YYYY-MM-DD\" string".into()),
    };
    Ok(Input { id, text, reference_date })
}

/// Expands the command-line paths into sources, walking folders in name order.
fn sources(paths: &[PathBuf], run: &mut Run, ndjson: bool) -> Vec<Source> {
    let mut out = Vec::new();
    if paths.is_empty() {
        out.push(Source::Stdin);
    }
    for p in paths {
        if p.as_os_str() == "-" {
            out.push(Source::Stdin);
        } else if p.is_dir() {
            walk(p, p, &mut out, run, ndjson);
        } else {
            let id = p.file_stem().map_or_else(|| p.display().to_string(), |s| s.to_string_lossy().into_owned());
            out.push(Source::File { path: p.clone(), id });
        }
    }
    out
}

fn walk(root: &Path, dir: &Path, out: &mut Vec<Source>, run: &mut Run, ndjson: bool) {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => return run.fail(format!("{}: cannot read folder: {e}", dir.display())),
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    let wanted: &[&str] = if ndjson { &["ndjson", "jsonl", "json"] } else { &["txt", "md"] };
    for p in paths {
        if p.is_dir() {
            walk(root, &p, out, run, ndjson);
        } else if p.extension().is_some_and(|e| wanted.iter().any(|w| e.eq_ignore_ascii_case(w))) {
            let rel = p.strip_prefix(root).unwrap_or(&p).with_extension("");
            out.push(Source::File { id: rel.to_string_lossy().into_owned(), path: p });
        }
    }
}

fn main() -> ExitCode {
    let args = Args::parse();
    let one_document =
        !args.ndjson && args.paths.len() <= 1 && args.paths.first().is_none_or(|p| p.as_os_str() == "-" || p.is_file());
    let mut run = Run {
        extractor: Extractor::builder().build(),
        out: io::BufWriter::new(io::stdout().lock()),
        pretty: one_document,
        failures: 0,
    };
    let srcs = sources(&args.paths, &mut run, args.ndjson);
    for src in &srcs {
        let res = if args.ndjson {
            run.ndjson_source(src, args.reference_date)
        } else {
            run.text_source(src, args.reference_date)
        };
        if let Err(WriteFailed(e)) = res {
            return write_error(e);
        }
    }
    if let Err(e) = run.out.flush() {
        return write_error(e);
    }
    if run.failures > 0 {
        eprintln!("bulletin2json: {} input(s) failed; all others were written", run.failures);
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn write_error(e: io::Error) -> ExitCode {
    if e.kind() == io::ErrorKind::BrokenPipe {
        // The reader went away (`| head`): stop quietly, as Unix tools do.
        return ExitCode::SUCCESS;
    }
    eprintln!("bulletin2json: cannot write output: {e}");
    ExitCode::from(1)
}
