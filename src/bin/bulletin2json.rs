//! `bulletin2json`: bulletin text to JSON records. Flags and glue only; the work is the library's.

use std::io::{self, BufRead, BufReader, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::{mpsc, Arc};
use std::time::{Duration, Instant};

use bulletin_events::ndjson::InputDocument;
use bulletin_events::{Document, ErrorKind, Extractor};
use chrono::NaiveDate;
use clap::Parser;
use indicatif::{ProgressBar, ProgressStyle};

/// The records are many small strings and vectors; mimalloc allocates and frees them faster
/// than the system allocator (the library itself leaves the choice to its users).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Turn raw bulletins (NGO/UN newsletters, press-release digests, situation reports, newswire)
/// into JSON event records: items with headline, dateline, body, dates, places, organizations and
/// counts, each mention with its byte span in the input.
#[derive(Parser, Debug)]
#[command(version, after_help = AFTER_HELP)]
struct Args {
    /// Files or folders to read. Folders are walked recursively, in name order, for `.txt` and
    /// `.md` files (`.ndjson`, `.jsonl` and `.json` with --ndjson); links to folders inside them
    /// are not followed. `-` or no path at all reads standard input.
    paths: Vec<PathBuf>,

    /// Read NDJSON input: one document a line, `{"id": "...", "text": "...", "reference_date":
    /// "YYYY-MM-DD"}` (`id` and `reference_date` optional). Output is NDJSON.
    #[arg(long)]
    ndjson: bool,

    /// The day the bulletins were issued (YYYY-MM-DD): anchors year-less dates such as
    /// "18 November". A document's own `reference_date` (NDJSON) takes precedence.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    reference_date: Option<NaiveDate>,

    /// Repair text that is not UTF-8: invalid bytes become U+FFFD and the document is processed
    /// (its spans then index the repaired text) instead of being skipped with an error.
    #[arg(long)]
    lossy: bool,

    /// Documents processed in parallel (threads). Output stays in input order. Default, and
    /// with 0: the number of available cores.
    #[arg(long, short = 'j', value_name = "N")]
    jobs: Option<usize>,
}

const AFTER_HELP: &str = "\
Input is streamed: documents are read, processed in parallel (--jobs) and written a window at a
time, in input order, so memory stays flat whatever the archive's size. A progress line
(documents/s, MB/s) is shown on standard error when it is a terminal and the output is not.

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
    bulletin_events::parse_reference_date(s).map_err(|e| e.to_string())
}

/// Said after text skipped for invalid UTF-8.
const LOSSY_HINT: &str = " (--lossy repairs it)";

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

/// One unit of work, read in input order and processed on any thread.
enum Job {
    /// A whole text file (or standard input) as one document.
    Text { name: String, id: Option<String>, bytes: Vec<u8> },
    /// One NDJSON line.
    Line { name: Arc<str>, line_no: usize, bytes: Vec<u8> },
    /// A failure found while reading, reported in its place in the output order.
    Failed(String),
}

impl Job {
    fn len(&self) -> usize {
        match self {
            Job::Text { bytes, .. } | Job::Line { bytes, .. } => bytes.len(),
            Job::Failed(_) => 0,
        }
    }
}

/// What a job gives: the serialized document (with its newline) or a failure message.
enum Outcome {
    Doc(Vec<u8>),
    Failed(String),
}

/// Options every job reads.
struct Settings {
    extractor: Extractor,
    reference_date: Option<NaiveDate>,
    pretty: bool,
    lossy: bool,
}

/// A job read and decoded, waiting for its batch to be extracted.
enum Decoded {
    Doc { id: Option<String>, text: String, reference_date: Option<NaiveDate> },
    Failed(String),
}

impl Settings {
    /// Processes a batch of jobs, in order: their documents are extracted together
    /// (`Extractor::extract_batch`, each stage over the whole batch) and serialized one by one.
    fn process(&self, jobs: Vec<Job>) -> Vec<Outcome> {
        let decoded: Vec<Decoded> = jobs.into_iter().map(|j| self.decode(j)).collect();
        let sources = decoded.iter().filter_map(|d| match d {
            Decoded::Doc { text, reference_date, .. } => {
                Some(bulletin_events::Source { id: None, text, reference_date: *reference_date })
            }
            Decoded::Failed(_) => None,
        });
        let mut docs = self.extractor.extract_batch(sources).into_iter();
        decoded
            .into_iter()
            .map(|d| match d {
                Decoded::Doc { id, text, .. } => match docs.next() {
                    Some(mut doc) => {
                        doc.id = id;
                        self.serialize(&doc, text.len())
                    }
                    None => Outcome::Failed("internal error: a batch returned too few documents".to_string()),
                },
                Decoded::Failed(msg) => Outcome::Failed(msg),
            })
            .collect()
    }

    /// A job's text, id and reference date, or why it cannot be read.
    fn decode(&self, job: Job) -> Decoded {
        match job {
            Job::Failed(msg) => Decoded::Failed(msg),
            Job::Text { name, id, bytes } => match String::from_utf8(bytes) {
                Ok(text) => Decoded::Doc { id, text, reference_date: self.reference_date },
                Err(e) if self.lossy => Decoded::Doc {
                    id,
                    text: String::from_utf8_lossy(e.as_bytes()).into_owned(),
                    reference_date: self.reference_date,
                },
                Err(e) => {
                    let bytes = e.as_bytes();
                    let at = e.utf8_error().valid_up_to();
                    let line = bytes[..at].iter().filter(|&&b| b == b'\n').count() + 1;
                    let col = at - bytes[..at].iter().rposition(|&b| b == b'\n').map_or(0, |p| p + 1) + 1;
                    Decoded::Failed(format!(
                        "{name}:{line}:{col}: invalid UTF-8 (byte offset {at}); document skipped{LOSSY_HINT}"
                    ))
                }
            },
            Job::Line { name, line_no, bytes } => {
                // Valid lines (nearly all) are checked once, by the JSON reader; only with
                // --lossy does a line that fails the check get repaired and read again.
                let parsed = match InputDocument::from_json_line(&bytes) {
                    Err(e) if self.lossy && matches!(e.kind(), ErrorKind::InvalidUtf8 { .. }) => {
                        InputDocument::from_json_line(String::from_utf8_lossy(&bytes).as_bytes())
                    }
                    parsed => parsed,
                };
                match parsed {
                    Ok(input) => Decoded::Doc {
                        id: input.id,
                        text: input.text,
                        reference_date: input.reference_date.or(self.reference_date),
                    },
                    Err(e) => {
                        let hint = if matches!(e.kind(), ErrorKind::InvalidUtf8 { .. }) { LOSSY_HINT } else { "" };
                        Decoded::Failed(format!("{name}:{line_no}: {e}; line skipped{hint}"))
                    }
                }
            }
        }
    }

    /// `doc` as JSON and a newline (compact, or pretty when the input is one document).
    /// `text_len`, the document's length, sizes the buffer: compact JSON runs to about four
    /// bytes per byte of text (the body again, each mention's text and span), so the buffer is
    /// seldom grown and copied.
    fn serialize(&self, doc: &Document, text_len: usize) -> Outcome {
        let mut out = Vec::with_capacity(text_len.saturating_mul(4).saturating_add(1024));
        if self.pretty { serde_json::to_writer_pretty(&mut out, doc) } else { serde_json::to_writer(&mut out, doc) }
            .expect("a document always serializes");
        out.push(b'\n');
        Outcome::Doc(out)
    }
}

/// Writing failed: stop. A closed pipe is not an error worth a message.
struct WriteFailed(io::Error);

/// Jobs are gathered in input order into a window of at most this many documents or bytes,
/// processed in parallel, then written in order: memory stays flat whatever the archive's size.
const WINDOW_DOCS_PER_JOB: usize = 128;
const WINDOW_BYTES: usize = 8 << 20;
/// Consecutive jobs in batches, each extracted stage by stage (`Extractor::extract_batch`): of
/// about `Extractor::BATCH_BYTES` of input, their number rounded up to a multiple of `threads`
/// so that the threads get equal shares of the window. Every batch holds at least one job.
fn batches(jobs: Vec<Job>, bytes: usize, threads: usize) -> Vec<Vec<Job>> {
    let threads = threads.max(1);
    let count = bytes.div_ceil(Extractor::BATCH_BYTES).div_ceil(threads) * threads;
    let target = bytes.div_ceil(count.max(1)).max(1);
    let mut out = Vec::with_capacity(count);
    let mut batch = Vec::new();
    let mut size = 0;
    for job in jobs {
        size += job.len();
        batch.push(job);
        if size >= target {
            out.push(std::mem::take(&mut batch));
            size = 0;
        }
    }
    if !batch.is_empty() {
        out.push(batch);
    }
    out
}

/// The output side: documents in order, failures counted, progress shown.
struct Sink {
    out: io::BufWriter<io::StdoutLock<'static>>,
    failures: usize,
    progress: Progress,
}

impl Sink {
    fn fail(&mut self, msg: &str) {
        self.progress.bar.suspend(|| eprintln!("bulletin2json: {msg}"));
        self.failures += 1;
    }

    fn emit(&mut self, outcome: Outcome) -> Result<(), WriteFailed> {
        match outcome {
            Outcome::Doc(bytes) => self.out.write_all(&bytes).map_err(WriteFailed),
            Outcome::Failed(msg) => {
                self.fail(&msg);
                Ok(())
            }
        }
    }
}

/// A progress line on standard error (documents, documents/s, MB/s), when [`shows_progress`].
struct Progress {
    bar: ProgressBar,
    bytes: u64,
    started: Instant,
}

/// Whether the progress line is drawn: on a terminal, and only when the output goes
/// elsewhere (a file, a pipe). Redrawn between records written to the same terminal, it would
/// break their lines.
fn shows_progress(stderr_terminal: bool, stdout_terminal: bool) -> bool {
    stderr_terminal && !stdout_terminal
}

impl Progress {
    fn new() -> Progress {
        let bar = if shows_progress(io::stderr().is_terminal(), io::stdout().is_terminal()) {
            let bar = ProgressBar::new_spinner();
            bar.set_style(
                ProgressStyle::with_template("{spinner} {human_pos} documents, {msg} [{elapsed}]")
                    .expect("a valid template"),
            );
            bar.enable_steady_tick(Duration::from_millis(200));
            bar
        } else {
            ProgressBar::hidden()
        };
        Progress { bar, bytes: 0, started: Instant::now() }
    }

    fn advance(&mut self, docs: u64, bytes: u64) {
        if self.bar.is_hidden() {
            return;
        }
        self.bytes += bytes;
        self.bar.inc(docs);
        self.bar.set_message(rates(self.bar.position(), self.bytes, self.started.elapsed()));
    }
}

/// The progress line's rates: "6037 documents/s, 33.1 MB/s" (whole documents, MB of 10^6 bytes).
fn rates(docs: u64, bytes: u64, elapsed: Duration) -> String {
    let secs = elapsed.as_secs_f64().max(1e-3);
    format!("{:.0} documents/s, {:.1} MB/s", docs as f64 / secs, bytes as f64 / 1e6 / secs)
}

/// Runs the jobs: windows of them in parallel on `pool` (or on this thread), written in order.
/// With a pool, this thread writes one window and reads the next while the pool processes the
/// one between them: reading and writing do not hold the workers up.
struct Runner {
    settings: Arc<Settings>,
    pool: Option<rayon::ThreadPool>,
    window_docs: usize,
    window: Vec<Job>,
    window_bytes: usize,
    /// The window the pool is processing: its batches' outcomes arrive on their channels.
    in_flight: Option<InFlight>,
    sink: Sink,
}

/// A window handed to the pool: where each of its batches' outcomes will arrive (in input
/// order), its documents and bytes.
struct InFlight {
    outcomes: Vec<mpsc::Receiver<Vec<Outcome>>>,
    docs: u64,
    bytes: u64,
}

impl Runner {
    fn push(&mut self, job: Job) -> Result<(), WriteFailed> {
        self.window_bytes += job.len();
        self.window.push(job);
        if self.window.len() >= self.window_docs || self.window_bytes >= WINDOW_BYTES {
            self.flush()?;
        }
        Ok(())
    }

    /// Sends the gathered window to be processed, and writes the one sent before it.
    fn flush(&mut self) -> Result<(), WriteFailed> {
        let jobs = std::mem::take(&mut self.window);
        let (docs, bytes) = (jobs.len() as u64, self.window_bytes as u64);
        self.window_bytes = 0;
        let Some(pool) = &self.pool else {
            let outcomes: Vec<Outcome> =
                batches(jobs, bytes as usize, 1).into_iter().flat_map(|b| self.settings.process(b)).collect();
            return self.write(outcomes, docs, bytes);
        };
        let next = if jobs.is_empty() {
            None
        } else {
            // Each batch is a task of its own, not one task joining them all: a worker that
            // waited on a join would run the next window's task inside the wait, and this
            // window's outcomes would arrive only once that returned, too late for this thread
            // to hand over the window after it before the workers ran out of work.
            let outcomes = batches(jobs, bytes as usize, pool.current_num_threads())
                .into_iter()
                .map(|batch| {
                    let (tx, rx) = mpsc::sync_channel(1);
                    let settings = Arc::clone(&self.settings);
                    pool.spawn(move || {
                        // The receiver is gone only when writing has failed and the program
                        // is stopping.
                        let _ = tx.send(settings.process(batch));
                    });
                    rx
                })
                .collect();
            Some(InFlight { outcomes, docs, bytes })
        };
        match std::mem::replace(&mut self.in_flight, next) {
            Some(previous) => {
                for batch in previous.outcomes {
                    // A task that panics aborts the process (rayon's default), so every batch
                    // arrives.
                    let outcomes = batch.recv().expect("the pool returns every batch");
                    self.emit_all(outcomes)?;
                }
                self.sink.progress.advance(previous.docs, previous.bytes);
                Ok(())
            }
            None => Ok(()),
        }
    }

    /// Processes and writes everything still gathered or in flight.
    fn finish(&mut self) -> Result<(), WriteFailed> {
        self.flush()?;
        // The last window: sent by the flush above, written by this one.
        self.flush()
    }

    fn write(&mut self, outcomes: Vec<Outcome>, docs: u64, bytes: u64) -> Result<(), WriteFailed> {
        self.emit_all(outcomes)?;
        self.sink.progress.advance(docs, bytes);
        Ok(())
    }

    fn emit_all(&mut self, outcomes: Vec<Outcome>) -> Result<(), WriteFailed> {
        for o in outcomes {
            self.sink.emit(o)?;
        }
        Ok(())
    }

    fn fail(&mut self, msg: String) -> Result<(), WriteFailed> {
        self.push(Job::Failed(msg))
    }

    fn text_source(&mut self, src: &Source) -> Result<(), WriteFailed> {
        let mut bytes = Vec::new();
        if let Err(e) = src.open().and_then(|mut r| r.read_to_end(&mut bytes)) {
            return self.fail(format!("{}: cannot read: {e}", src.name()));
        }
        let id = match src {
            Source::Stdin => None,
            Source::File { id, .. } => Some(id.clone()),
        };
        self.push(Job::Text { name: src.name(), id, bytes })
    }

    fn ndjson_source(&mut self, src: &Source) -> Result<(), WriteFailed> {
        let mut reader = match src.open() {
            Ok(r) => BufReader::with_capacity(1 << 16, r),
            Err(e) => return self.fail(format!("{}: cannot read: {e}", src.name())),
        };
        let name: Arc<str> = src.name().into();
        let mut line_no = 0usize;
        let mut first = true;
        loop {
            let mut buf = Vec::new();
            match reader.read_until(b'\n', &mut buf) {
                Ok(0) => break,
                Ok(_) => {}
                Err(e) => {
                    self.fail(format!("{name}:{}: cannot read: {e}", line_no + 1))?;
                    break;
                }
            }
            line_no += 1;
            // A byte-order mark opens files saved by some Windows tools: it belongs to the
            // file, not to the first document's JSON.
            if line_no == 1 && buf.starts_with(UTF8_BOM) {
                buf.drain(..UTF8_BOM.len());
            }
            if buf.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            // A lone brace or bracket opens a JSON document spread over lines (pretty-printed
            // output, say), not one document a line: one error for the file, not one a line.
            if std::mem::take(&mut first) && matches!(buf.trim_ascii(), b"{" | b"[") {
                return self.fail(format!(
                    "{name}:{line_no}: not NDJSON: a JSON document spread over several lines \
                     (expected one JSON object a line); file skipped"
                ));
            }
            self.push(Job::Line { name: name.clone(), line_no, bytes: buf })?;
        }
        Ok(())
    }
}

/// The UTF-8 byte-order mark.
const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// The command-line paths as sources, folders walked lazily (one folder listing at a time, in
/// name order), so an archive of millions of files starts at once and never sits in memory.
struct Walk {
    /// Command-line paths not yet expanded.
    args: std::vec::IntoIter<PathBuf>,
    /// Open folders: their root (for ids) and their remaining entries, reversed (next last).
    stack: Vec<(Arc<Path>, Vec<PathBuf>)>,
    wanted: &'static [&'static str],
}

/// What the walk yields: a source, or a folder it could not read.
enum Walked {
    Source(Source),
    Failed(String),
}

impl Walk {
    fn new(paths: &[PathBuf], ndjson: bool) -> Walk {
        let mut args = paths.to_vec();
        if args.is_empty() {
            args.push(PathBuf::from("-"));
        }
        let wanted: &'static [&'static str] = if ndjson { &["ndjson", "jsonl", "json"] } else { &["txt", "md"] };
        Walk { args: args.into_iter(), stack: Vec::new(), wanted }
    }

    /// Pushes a folder's entries, sorted; reports it when unreadable.
    fn open(&mut self, root: Arc<Path>, dir: &Path) -> Option<Walked> {
        match std::fs::read_dir(dir) {
            Ok(entries) => {
                let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
                paths.sort_unstable_by(|a, b| b.cmp(a));
                self.stack.push((root, paths));
                None
            }
            Err(e) => Some(Walked::Failed(format!("{}: cannot read folder: {e}", dir.display()))),
        }
    }
}

impl Iterator for Walk {
    type Item = Walked;

    fn next(&mut self) -> Option<Walked> {
        loop {
            if let Some((root, entries)) = self.stack.last_mut() {
                let Some(p) = entries.pop() else {
                    self.stack.pop();
                    continue;
                };
                let root = root.clone();
                // A link to a folder is not followed (as `find` and ripgrep do): a link back up
                // the tree would otherwise be walked round and round, each file read again
                // under a longer id. Links to files are read.
                let link = std::fs::symlink_metadata(&p).is_ok_and(|m| m.file_type().is_symlink());
                if p.is_dir() {
                    if link {
                        continue;
                    }
                    if let Some(failed) = self.open(root, &p) {
                        return Some(failed);
                    }
                } else if p.extension().is_some_and(|e| self.wanted.iter().any(|w| e.eq_ignore_ascii_case(w))) {
                    let rel = p.strip_prefix(&*root).unwrap_or(&p).with_extension("");
                    return Some(Walked::Source(Source::File { id: rel.to_string_lossy().into_owned(), path: p }));
                }
                continue;
            }
            let p = self.args.next()?;
            if p.as_os_str() == "-" {
                return Some(Walked::Source(Source::Stdin));
            } else if p.is_dir() {
                let root: Arc<Path> = p.as_path().into();
                if let Some(failed) = self.open(root, &p) {
                    return Some(failed);
                }
            } else {
                let id = p.file_stem().map_or_else(|| p.display().to_string(), |s| s.to_string_lossy().into_owned());
                return Some(Walked::Source(Source::File { path: p, id }));
            }
        }
    }
}

/// The number of threads `--jobs` asks for: the cores `available` reports when it is absent
/// or 0 (as `xz -T0` and `zstd -T0` read it), never fewer than one.
fn threads(jobs: Option<usize>, available: impl FnOnce() -> usize) -> usize {
    match jobs {
        Some(n) if n > 0 => n,
        _ => available().max(1),
    }
}

fn main() -> ExitCode {
    let args = Args::parse();
    let one_document =
        !args.ndjson && args.paths.len() <= 1 && args.paths.first().is_none_or(|p| p.as_os_str() == "-" || p.is_file());
    let jobs = threads(args.jobs, || std::thread::available_parallelism().map_or(1, |n| n.get()));
    let pool = if jobs > 1 {
        match rayon::ThreadPoolBuilder::new().num_threads(jobs).build() {
            Ok(pool) => Some(pool),
            Err(e) => {
                eprintln!("bulletin2json: cannot start {jobs} threads ({e}); running on one");
                None
            }
        }
    } else {
        None
    };
    let settings = Settings {
        extractor: Extractor::builder().build(),
        reference_date: args.reference_date,
        pretty: one_document,
        lossy: args.lossy,
    };
    let mut runner = Runner {
        settings: Arc::new(settings),
        pool,
        window_docs: jobs * WINDOW_DOCS_PER_JOB,
        window: Vec::new(),
        window_bytes: 0,
        in_flight: None,
        sink: Sink { out: io::BufWriter::new(io::stdout().lock()), failures: 0, progress: Progress::new() },
    };
    for walked in Walk::new(&args.paths, args.ndjson) {
        let res = match walked {
            Walked::Source(src) if args.ndjson => runner.ndjson_source(&src),
            Walked::Source(src) => runner.text_source(&src),
            Walked::Failed(msg) => runner.fail(msg),
        };
        if let Err(WriteFailed(e)) = res {
            return write_error(e);
        }
    }
    if let Err(WriteFailed(e)) = runner.finish() {
        return write_error(e);
    }
    let mut sink = runner.sink;
    sink.progress.bar.finish_and_clear();
    if let Err(e) = sink.out.flush() {
        return write_error(e);
    }
    if sink.failures > 0 {
        eprintln!("bulletin2json: {} input(s) failed; all others were written", sink.failures);
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

#[cfg(test)]
mod tests {
    use super::{rates, shows_progress, threads};
    use std::time::Duration;

    #[test]
    fn progress_shows_on_a_terminal_only_when_the_output_goes_elsewhere() {
        assert!(shows_progress(true, false));
        assert!(!shows_progress(true, true), "records on the same terminal");
        assert!(!shows_progress(false, false));
        assert!(!shows_progress(false, true));
    }

    #[test]
    fn jobs_absent_or_zero_mean_every_available_core() {
        assert_eq!(threads(None, || 4), 4);
        assert_eq!(threads(Some(0), || 4), 4);
        assert_eq!(threads(Some(3), || 4), 3);
        assert_eq!(threads(Some(1), || 8), 1);
        // a machine that reports no cores still gets one thread
        assert_eq!(threads(Some(0), || 0), 1);
    }

    #[test]
    fn progress_rates_are_whole_documents_and_tenths_of_a_megabyte() {
        assert_eq!(rates(6037, 33_100_000, Duration::from_secs(1)), "6037 documents/s, 33.1 MB/s");
        assert_eq!(rates(3, 5_000_000, Duration::from_millis(2500)), "1 documents/s, 2.0 MB/s");
        // no time elapsed yet: no division by zero
        assert_eq!(rates(0, 0, Duration::ZERO), "0 documents/s, 0.0 MB/s");
    }
}
