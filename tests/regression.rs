//! Inputs that once broke an invariant, kept so they never do again. (The fuzz runs so far found
//! no crash; these came from the property tests.)

use bulletin_events::extract;

/// Every non-blank line lies in an item or in the masthead.
fn covered(text: &str) -> bool {
    let doc = extract(text);
    let mut pos = 0;
    text.split(['\n', '\r']).all(|line| {
        let start = pos;
        pos += line.len() + 1;
        // Markdown bold markers are no content.
        let t = line.trim_matches(|c: char| c.is_whitespace() || c == '\u{FEFF}' || c == '*');
        if t.is_empty() {
            return true;
        }
        let a = start
            + (line.len() - line.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{FEFF}' || c == '*').len());
        let b = a + t.len();
        doc.items.iter().any(|i| i.span.start <= a && b <= i.span.end)
            || doc.masthead.iter().any(|h| h.span.start < b && a < h.span.end)
    })
}

#[test]
fn a_markdown_link_never_spans_a_carriage_return() {
    // A CR inside link text once made the cleaner drop the second line from every item.
    let text = "# Digest\n\n## News\n\nRead the [\rMore information](https://example.org/x) page now.\n";
    assert!(covered(text));
    let doc = extract(text);
    for item in &doc.items {
        assert!(text.get(item.span.range()).is_some());
    }
}

#[test]
fn a_byte_order_mark_before_a_headline_is_not_content() {
    let text = "\u{FEFF}World Refugee Day marked in Nairobi\n\nNAIROBI, Kenya, 20 June 2023 — UNHCR said refugees and hosts marked the day together.";
    assert!(covered(text));
    let doc = extract(text);
    assert_eq!(doc.items[0].headline.as_ref().unwrap().text, "World Refugee Day marked in Nairobi");
}

#[test]
fn a_lone_carriage_return_is_a_line_break() {
    let text = "Winter kits for families in Batken\rALL CAPS LINE\rMore text follows here.";
    assert!(covered(text));
}

#[test]
fn an_html_tag_never_spans_a_carriage_return() {
    // "<A\t" then a CR: no tag, two lines of text.
    assert!(covered("<A\t\ra\u{0}>"));
}

#[test]
fn bold_markers_alone_leave_their_text_in_an_item() {
    assert!(covered("**\u{3400}\u{0}"));
    assert!(covered("**GENEVA, 3 March 2023** – IOM said.\n\n**Bold paragraph** of text."));
}
