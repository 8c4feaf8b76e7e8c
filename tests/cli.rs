//! End-to-end tests of `bulletin2json`: they run the built binary.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_bulletin2json"))
}

fn run_stdin(args: &[&str], input: &[u8]) -> Output {
    let mut child =
        bin().args(args).stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
    // written from a thread: a large input would otherwise block on a full stdout pipe
    let mut stdin = child.stdin.take().unwrap();
    let input = input.to_vec();
    let writer = std::thread::spawn(move || stdin.write_all(&input));
    let out = child.wait_with_output().unwrap();
    // the child may stop reading early (a usage error): a broken pipe is no test failure
    let _ = writer.join().unwrap();
    out
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures").join(name)
}

/// The `id` of each NDJSON record written to standard output, in order.
fn ids_of(stdout: &[u8]) -> Vec<String> {
    String::from_utf8_lossy(stdout)
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["id"].as_str().unwrap().to_string())
        .collect()
}

/// A scratch folder for one test.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("bulletin2json-test-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn one_file_gives_pretty_json_with_the_file_stem_as_id() {
    let out = bin().arg(fixture("iom-central-asia-2022-12.txt")).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("{\n"), "pretty JSON expected");
    let doc: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(doc["id"], "iom-central-asia-2022-12");
    assert_eq!(doc["items"].as_array().unwrap().len(), 8);
}

#[test]
fn stdin_and_reference_date() {
    let out = run_stdin(
        &["--reference-date", "2023-01-03"],
        b"TRAINING HELD\n\n28 December, Tashkent, Uzbekistan\n\nThe training was held.\n",
    );
    assert!(out.status.success());
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let date = &doc["items"][0]["dateline"]["date"];
    assert_eq!(date["start"], "2022-12-28", "the closest 28 December to 3 January 2023 is in 2022");
    assert_eq!(date["year_inferred"], true);
}

#[test]
fn folders_are_walked_and_give_ndjson_in_name_order() {
    let dir = scratch("folder");
    std::fs::create_dir_all(dir.join("sub")).unwrap();
    std::fs::write(dir.join("b.txt"), "SECOND\n\nText.").unwrap();
    std::fs::write(dir.join("sub/a.md"), "# First\n\nText.").unwrap();
    std::fs::write(dir.join("skip.pdf"), "not read").unwrap();
    let out = bin().arg(&dir).output().unwrap();
    assert!(out.status.success());
    let lines: Vec<serde_json::Value> =
        String::from_utf8(out.stdout).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    let ids: Vec<&str> = lines.iter().map(|d| d["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["b", "sub/a"]);
}

#[test]
fn ndjson_in_ndjson_out_with_per_document_reference_dates() {
    let input = concat!(
        r#"{"id": "a", "text": "18 November, Tashkent, Uzbekistan\n\nA training.", "reference_date": "2021-12-01"}"#,
        "\n\n",
        r#"{"id": 7, "text": "No dateline here."}"#,
        "\n"
    );
    let out = run_stdin(&["--ndjson", "--reference-date", "2020-06-01"], input.as_bytes());
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let docs: Vec<serde_json::Value> =
        String::from_utf8(out.stdout).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(docs.len(), 2);
    assert_eq!(docs[0]["items"][0]["dateline"]["date"]["start"], "2021-11-18");
    assert_eq!(docs[1]["id"], "7");
}

#[test]
fn an_ndjson_file_opening_with_a_byte_order_mark_reads_its_first_line() {
    // as Windows tools save it: a byte-order mark, then CRLF line ends
    let dir = scratch("bom");
    let bom = b"\xEF\xBB\xBF";
    let a =
        [&bom[..], b"{\"id\": \"a1\", \"text\": \"Floods hit Garissa.\"}\r\n{\"id\": \"a2\", \"text\": \"Two.\"}\r\n"]
            .concat();
    std::fs::write(dir.join("a.ndjson"), a).unwrap();
    // a mark that is not at the file's start is still an error, named with its line
    let b = [&b"{\"id\": \"b1\", \"text\": \"One.\"}\n"[..], bom, b"{\"id\": \"b2\", \"text\": \"Two.\"}\n"].concat();
    std::fs::write(dir.join("b.ndjson"), b).unwrap();
    let out = bin().args(["--ndjson", "--jobs", "1"]).arg(&dir).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("b.ndjson:2: malformed JSON"), "{stderr}");
    assert!(!stderr.contains("a.ndjson"), "{stderr}");
    let ids = ids_of(&out.stdout);
    assert_eq!(ids, ["a1", "a2", "b1"]);
    // standard input too
    let out = run_stdin(&["--ndjson"], &[&bom[..], b"{\"text\": \"Floods hit Garissa.\"}\n"].concat());
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let _ = std::fs::remove_dir_all(&dir);
}

#[cfg(unix)]
#[test]
fn links_to_folders_are_not_followed_and_links_to_files_are_read() {
    let dir = scratch("links");
    std::fs::create_dir_all(dir.join("sub")).unwrap();
    std::fs::write(dir.join("sub").join("a.txt"), "Floods hit Garissa.").unwrap();
    // a link back up the tree, a link to a sibling folder, and a link to a file
    std::os::unix::fs::symlink("..", dir.join("sub").join("up")).unwrap();
    std::os::unix::fs::symlink("sub", dir.join("twin")).unwrap();
    std::os::unix::fs::symlink("sub/a.txt", dir.join("b.txt")).unwrap();
    let out = bin().args(["--jobs", "1"]).arg(&dir).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let ids = ids_of(&out.stdout);
    assert_eq!(ids, ["b", "sub/a"]);
    // a link named on the command line is followed
    let out = bin().args(["--jobs", "1"]).arg(dir.join("twin")).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(String::from_utf8(out.stdout).unwrap().lines().count(), 1);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_pretty_printed_json_file_among_ndjson_files_is_one_error() {
    let dir = scratch("pretty-json");
    // the program's own pretty output of one document, beside an NDJSON file
    let pretty = bin().arg(fixture("wire-reuters-style-2023-03.txt")).output().unwrap();
    assert!(pretty.status.success());
    std::fs::write(dir.join("a-pretty.json"), &pretty.stdout).unwrap();
    std::fs::write(dir.join("b.ndjson"), "{\"id\": \"b1\", \"text\": \"One.\"}\n").unwrap();
    let out = bin().args(["--ndjson", "--jobs", "1"]).arg(&dir).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    let errors: Vec<&str> = stderr.lines().filter(|l| l.contains("a-pretty.json")).collect();
    assert_eq!(errors.len(), 1, "{stderr}");
    assert!(errors[0].contains("a-pretty.json:1: not NDJSON"), "{stderr}");
    let ids = ids_of(&out.stdout);
    assert_eq!(ids, ["b1"]);
    // a malformed first line that is more than a brace is reported as a line, and the file read on
    let out = run_stdin(&["--ndjson"], b"{ \"text\": \n{\"text\": \"Two.\"}\n");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("<stdin>:1: malformed JSON"), "{stderr}");
    assert_eq!(String::from_utf8(out.stdout).unwrap().lines().count(), 1);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn malformed_ndjson_lines_are_reported_and_the_rest_is_written() {
    let input = "{\"id\": \"ok1\", \"text\": \"One.\"}\n{not json\n{\"id\": \"x\"}\n[1]\n{\"id\": \"ok2\", \"text\": \"Two.\"}\n";
    let out = run_stdin(&["--ndjson"], input.as_bytes());
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("<stdin>:2: malformed JSON"), "{stderr}");
    assert!(stderr.contains("<stdin>:3: missing \"text\" field"), "{stderr}");
    assert!(stderr.contains("<stdin>:4: expected a JSON object"), "{stderr}");
    let ids = ids_of(&out.stdout);
    assert_eq!(ids, ["ok1", "ok2"]);
}

#[test]
fn invalid_utf8_names_file_and_line_and_other_files_still_run() {
    let dir = scratch("utf8");
    std::fs::write(dir.join("a.txt"), b"Line one\nbad \xff byte\n").unwrap();
    std::fs::write(dir.join("b.txt"), "GOOD ONE\n\nFine.").unwrap();
    let out = bin().arg(&dir).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("a.txt:2:5: invalid UTF-8"), "{stderr}");
    assert!(stderr.contains("document skipped (--lossy repairs it)"), "{stderr}");
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert_eq!(stdout.lines().count(), 1);
    assert!(stdout.contains("\"id\":\"b\""));
}

#[test]
fn unreadable_path_is_an_error_naming_it() {
    let out = bin().arg("/nonexistent/bulletin.txt").arg(fixture("iom-central-asia-2022-12.txt")).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("/nonexistent/bulletin.txt: cannot read"), "{stderr}");
    assert_eq!(String::from_utf8(out.stdout).unwrap().lines().count(), 1, "the good file is still written");
}

#[test]
fn bad_reference_date_is_a_usage_error() {
    let out = bin().args(["--reference-date", "2022-13-01"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not a YYYY-MM-DD date"));
}

#[test]
fn empty_input_is_an_empty_document() {
    let out = run_stdin(&[], b"");
    assert!(out.status.success());
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["items"].as_array().unwrap().len(), 0);
}

#[test]
fn help_explains_inputs_outputs_and_errors() {
    let out = bin().arg("--help").output().unwrap();
    let help = String::from_utf8(out.stdout).unwrap();
    for word in ["--ndjson", "--reference-date", "NDJSON", "standard input", "Exit status"] {
        assert!(help.contains(word), "help lacks {word}");
    }
}

#[test]
fn parallel_runs_keep_input_order_and_report_failures_in_place() {
    let mut input = String::new();
    for i in 0..300 {
        if i == 150 {
            input.push_str("{broken\n");
        }
        input.push_str(&format!(
            "{{\"id\": \"d{i}\", \"text\": \"FLOODS {i}\\n\\nGeneva, 3 March 2023\\n\\nRain.\"}}\n"
        ));
    }
    let out = run_stdin(&["--ndjson", "--jobs", "2"], input.as_bytes());
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("<stdin>:151: malformed JSON"));
    let ids = ids_of(&out.stdout);
    let want: Vec<String> = (0..300).map(|i| format!("d{i}")).collect();
    assert_eq!(ids, want);
}

#[test]
fn batched_runs_give_each_document_what_the_library_gives_it() {
    // documents of a few KB each: a window holds several batches, and failures fall inside them
    let extractor = bulletin_events::Extractor::new();
    let mut input = String::new();
    let mut want = Vec::new();
    let mut broken = 0;
    for i in 0..160 {
        if i % 67 == 50 {
            broken += 1;
            input.push_str("{\"id\": 7}\n");
        }
        let body = format!("IOM trained {i} migrants in Bishkek on 18 November 2022. ").repeat(40 + i % 7);
        let text = format!("TRAINING {i}\n\nBishkek, 18 November 2022\n\n{body}\n");
        let id = format!("d{i}");
        want.push(serde_json::to_value(extractor.extract_document(Some(id.clone()), &text, None)).unwrap());
        input.push_str(&serde_json::json!({ "id": id, "text": text }).to_string());
        input.push('\n');
    }
    for jobs in ["1", "2"] {
        let out = run_stdin(&["--ndjson", "--jobs", jobs], input.as_bytes());
        assert_eq!(out.status.code(), Some(1), "jobs {jobs}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(stderr.matches("missing \"text\" field; line skipped").count(), broken, "jobs {jobs}: {stderr}");
        let got: Vec<serde_json::Value> =
            String::from_utf8(out.stdout).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
        assert_eq!(got.len(), want.len(), "jobs {jobs}");
        for (i, (g, w)) in got.iter().zip(&want).enumerate() {
            assert_eq!(g, w, "jobs {jobs}, document {i}");
        }
    }
}

#[test]
fn many_batches_on_three_threads_come_out_in_input_order() {
    // about 1.7 MB: windows of several batches each, finishing in whatever order the threads
    // take them, and documents of varied sizes so that the batches take unequal times
    let mut input = String::new();
    for i in 0..900 {
        let body = format!("WFP delivered {i} tonnes of food to Garissa on 3 May 2024. ").repeat(5 + (i * 37) % 41);
        let text = format!("DELIVERY {i}\n\nNairobi, 3 May 2024\n\n{body}\n");
        input.push_str(&serde_json::json!({ "id": format!("d{i}"), "text": text }).to_string());
        input.push('\n');
    }
    let one = run_stdin(&["--ndjson", "--jobs", "1"], input.as_bytes());
    let three = run_stdin(&["--ndjson", "--jobs", "3"], input.as_bytes());
    assert!(one.status.success() && three.status.success());
    let ids = ids_of(&three.stdout);
    assert_eq!(ids, (0..900).map(|i| format!("d{i}")).collect::<Vec<_>>());
    assert!(one.stdout == three.stdout, "three threads wrote other bytes than one");
}

#[test]
fn lossy_repairs_invalid_utf8_instead_of_skipping() {
    let dir = scratch("lossy");
    std::fs::write(dir.join("a.txt"), b"GENEVA, 3 March 2023 (IOM) \xe2\x80\x93 bad \xff byte here.\n").unwrap();
    let out = bin().arg("--lossy").arg(dir.join("a.txt")).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["items"][0]["dateline"]["city"], "Geneva");
    assert!(doc["items"][0]["body"].as_str().unwrap().contains('\u{FFFD}'));
    // NDJSON lines too.
    let out = run_stdin(&["--ndjson", "--lossy"], b"{\"id\": \"x\", \"text\": \"caf\xe9 in Bishkek\"}\n");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["id"], "x");
    assert_eq!(doc["items"][0]["body"], "caf\u{FFFD} in Bishkek");
    let out = run_stdin(&["--ndjson"], b"{\"id\": \"x\", \"text\": \"caf\xe9\"}\n");
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("<stdin>:1: invalid UTF-8 at column 25; line skipped (--lossy repairs it)"), "{stderr}");
}

#[test]
fn wrong_field_types_and_bad_dates_in_ndjson_are_named() {
    let input = concat!(
        r#"{"text": 5}"#,
        "\n",
        r#"{"text": "ok", "reference_date": "2022-11-31"}"#,
        "\n",
        r#"{"text": "ok", "id": [1]}"#,
        "\n"
    );
    let out = run_stdin(&["--ndjson"], input.as_bytes());
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("<stdin>:1: \"text\" must be a string"), "{stderr}");
    assert!(stderr.contains("<stdin>:2: \"2022-11-31\" is not a YYYY-MM-DD date"), "{stderr}");
    assert!(stderr.contains("<stdin>:3: \"id\" must be a string or a number"), "{stderr}");
}

#[test]
fn an_unreadable_file_inside_a_folder_and_a_missing_folder_are_errors_naming_them() {
    let dir = scratch("unreadable");
    std::fs::write(dir.join("good.txt"), "GOOD\n\nFine.").unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink(dir.join("nowhere.txt"), dir.join("broken.txt")).unwrap();
    let out = bin().arg(&dir).arg(dir.join("missing-folder")).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    #[cfg(unix)]
    assert!(stderr.contains("broken.txt: cannot read"), "{stderr}");
    assert!(stderr.contains("missing-folder: cannot read"), "{stderr}");
    assert!(String::from_utf8(out.stdout).unwrap().contains("\"id\":\"good\""));
}

#[test]
fn a_closed_stdout_ends_the_run_quietly() {
    let mut input = String::new();
    for i in 0..3000 {
        input.push_str(&format!(
            "{{\"id\": \"{i}\", \"text\": \"IOM TRAINED 25 PEOPLE\\n\\nBishkek, 18-19 November 2022\"}}\n"
        ));
    }
    let mut child = bin()
        .args(["--ndjson", "--jobs", "1"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take()); // the reader goes away before anything is written
    let mut stdin = child.stdin.take().unwrap();
    let _ = stdin.write_all(input.as_bytes());
    drop(stdin);
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0), "stderr: {}", String::from_utf8_lossy(&out.stderr));
    assert!(out.stderr.is_empty(), "stderr: {}", String::from_utf8_lossy(&out.stderr));
}
