use super::*;

fn g() -> &'static Gazetteer {
    Gazetteer::global()
}

fn names(v: &[&Place]) -> Vec<(String, PlaceKind, String)> {
    v.iter().map(|p| (p.name.to_string(), p.kind, p.country_code.to_string())).collect()
}

#[test]
fn loads_every_iso_country() {
    assert!(g().len() > 30_000);
    assert!(!g().is_empty());
    for code in ["KG", "KZ", "TJ", "TM", "UZ", "US", "GB", "RU", "IR", "KR", "KP", "VN", "BO", "XK", "AQ"] {
        let c = g().country(code).unwrap_or_else(|| panic!("{code}"));
        assert_eq!(c.kind, PlaceKind::Country);
        assert_eq!(c.country_code, code);
    }
    assert!(g().country("ZZ").is_none());
    assert!(g().country("").is_none());
    assert!(g().country("Кы").is_none());
}

#[test]
fn canonical_country_names_are_short_english() {
    let want = [
        ("KG", "Kyrgyzstan"),
        ("TJ", "Tajikistan"),
        ("US", "United States"),
        ("RU", "Russia"),
        ("IR", "Iran"),
        ("KR", "South Korea"),
        ("VN", "Vietnam"),
        ("BO", "Bolivia"),
        ("NL", "Netherlands"),
        ("GB", "United Kingdom"),
        ("CI", "Côte d'Ivoire"),
    ];
    for (code, name) in want {
        assert_eq!(g().country(code).unwrap().name, name);
    }
    assert_eq!(g().country("kg").unwrap().name, "Kyrgyzstan");
}

#[test]
fn lookup_folds_case_and_diacritics() {
    for written in ["Türkmenabat", "Turkmenabat", "TURKMENABAT", "türkmenabat", "Chardzhev", "Chardzhou", "Туркменабад"]
    {
        let got = names(&g().lookup(written));
        assert_eq!(got.first().map(|t| t.0.as_str()), Some("Türkmenabat"), "{written}");
    }
    assert_eq!(g().lookup("DUSHANBE")[0].name, "Dushanbe");
    assert_eq!(g().lookup("DAŞOGUZ")[0].name, "Dashoguz");
    assert_eq!(g().lookup("TÜRKMENABAT")[0].name, "Türkmenabat");
    assert_eq!(g().lookup("ŞANLIURFA")[0].country_code, "TR");
    assert_eq!(g().lookup("Душанбе")[0].name, "Dushanbe");
    assert_eq!(g().lookup("ДУШАНБЕ")[0].name, "Dushanbe");
    assert_eq!(g().lookup("Alma-Ata")[0].name, "Almaty");
    assert_eq!(g().lookup("alma ata")[0].name, "Almaty");
    assert_eq!(g().lookup("Ashkhabad")[0].name, "Ashgabat");
    assert_eq!(g().lookup("Frunze")[0].name, "Bishkek");
    assert_eq!(g().lookup("Nur-Sultan")[0].name, "Astana");
    assert_eq!(g().lookup("Akmola")[0].name, "Astana");
    assert_eq!(g().lookup("Dashoguz")[0].name, "Dashoguz");
    // Decomposed accent (u + combining diaeresis).
    assert_eq!(g().lookup("Tu\u{308}rkmenabat")[0].name, "Türkmenabat");
}

#[test]
fn lookup_country_forms() {
    for (written, code) in [
        ("Republic of Kazakhstan", "KZ"),
        ("Kyrgyz Republic", "KG"),
        ("US", "US"),
        ("USA", "US"),
        ("U.S.", "US"),
        ("UK", "GB"),
        ("the Netherlands", "NL"),
        ("Russian Federation", "RU"),
        ("Viet Nam", "VN"),
        ("Türkiye", "TR"),
        ("Turkey", "TR"),
        ("Россия", "RU"),
        ("Казахстан", "KZ"),
        ("Iran, Islamic Republic of", "IR"),
    ] {
        let got = g().lookup(written);
        if written.contains(',') {
            assert!(got.is_empty(), "{written}: inverted ISO forms are not names");
            continue;
        }
        assert_eq!(got.first().map(|p| (p.kind, p.country_code)), Some((PlaceKind::Country, code)), "{written}");
    }
    // Abbreviations only in capitals; no ISO codes other than the kept ones.
    assert!(g().lookup("us").iter().all(|p| p.country_code != "US"));
    assert!(g().lookup("Uk").is_empty());
    assert!(g().lookup("UN").is_empty());
    assert!(g().lookup("EU").is_empty());
    assert!(g().lookup("IOM").is_empty());
    assert!(g().lookup("TAS").is_empty());
}

#[test]
fn lookup_orders_candidates() {
    // A country beats a region of the same name; cities by population.
    let georgia = names(&g().lookup("Georgia"));
    assert_eq!(georgia[0], ("Georgia".into(), PlaceKind::Country, "GE".into()));
    assert!(georgia.contains(&("Georgia".into(), PlaceKind::Region, "US".into())));
    let alex = g().lookup("Alexandria");
    assert_eq!(alex[0].country_code, "EG");
    assert!(alex.iter().any(|p| p.country_code == "US"));
    assert_eq!(g().lookup("Tripoli")[0].country_code, "LY");
    assert!(g().lookup("Tripoli").iter().any(|p| p.country_code == "LB"));
    assert_eq!(g().lookup("St. Petersburg")[0].country_code, "RU");
    assert_eq!(g().lookup("New York")[0].name, "New York City");
    assert_eq!(g().lookup("Virginia")[0].kind, PlaceKind::Region);
}

#[test]
fn calendar_words_and_junk_are_not_places() {
    for w in ["March", "May", "Monday", "Sunday", "", " ", "123", "a-b", "Of", "🙂", "Bishkek!"] {
        assert!(g().lookup(w).is_empty(), "{w:?}");
    }
}

#[test]
fn common_word_flag_comes_from_data() {
    for w in
        ["Nice", "Reading", "Bath", "Mobile", "Split", "Male", "Police", "Orange", "Van", "Batman", "Along", "Same"]
    {
        assert!(g().is_common_word(w), "{w}");
        assert!(!g().lookup(w).is_empty(), "{w} is still a place name");
    }
    for w in ["Bishkek", "Paris", "Berlin", "Boston", "Geneva", "Chad", "Turkey", "Jordan", "Bari"] {
        assert!(!g().is_common_word(w), "{w}");
    }
}

#[test]
fn resolve_uses_context() {
    assert_eq!(g().resolve("Bishkek", &[]).map(|p| p.name), Some("Bishkek"));
    assert_eq!(g().resolve("Tripoli", &["LB"]).unwrap().country_code, "LB");
    assert_eq!(g().resolve("Tripoli", &["lb"]).unwrap().country_code, "LB");
    assert_eq!(g().resolve("Valencia", &["ES"]).unwrap().country_code, "ES");
    assert_eq!(g().resolve("Hyderabad", &["PK"]).unwrap().country_code, "PK");
    assert_eq!(g().resolve("Hyderabad", &[]).unwrap().country_code, "IN");
    assert_eq!(g().resolve("Georgia", &[]).unwrap().kind, PlaceKind::Country);
    assert_eq!(g().resolve("Georgia", &["US"]).unwrap().kind, PlaceKind::Region);
    assert_eq!(g().resolve("Georgia", &["US", "GE"]).unwrap().kind, PlaceKind::Country);
    // Context does not turn a major city into a small namesake.
    assert_eq!(g().resolve("Paris", &["US"]).unwrap().country_code, "FR");
    assert_eq!(g().resolve("Nowhere-on-Earth", &[]), None);
}

#[test]
fn find_spans_are_exact_and_longest() {
    let text = "Officials in New York City, New York and York met; the Republic of Kazakhstan too.";
    let m = g().find(text);
    let spans: Vec<&str> = m.iter().map(|m| &text[m.span.clone()]).collect();
    assert_eq!(spans, ["New York City", "New York", "York", "Republic of Kazakhstan"]);
}

#[test]
fn find_weak_matches_need_context() {
    let text = "The team drove a Van with supplies. Teams met Batman fans.";
    let m = g().find(text);
    assert!(m.iter().all(|m| m.weak), "{m:?}");
    assert!(resolve_matches(&m, &[]).is_empty());
    let r = resolve_matches(&m, &["TR"]);
    assert_eq!(r.iter().map(|(_, p)| p.name).collect::<Vec<_>>(), ["Van", "Batman"]);
}

#[test]
fn find_never_panics_and_spans_are_char_boundaries() {
    let samples = [
        "",
        "a",
        "É",
        "0123456789 0123456789",
        "\u{301}\u{301}Bishkek\u{301}",
        "🙂Bishkek🙂, Kyrgyzstan🇰🇬",
        "مرحبا Bishkek שלום",
        "U.S.",
        "U.",
        "St.",
        "New York-",
        "Republic of",
        "Kabul\r\nHerat\r\n",
        "ALL CAPS IN",
        "/US/",
        "US/",
        "Côte d’",
        "\u{a0}Nice\u{a0}",
        "Tu\u{308}rkmenabat",
    ];
    for s in samples {
        for m in g().find(s) {
            assert!(s.is_char_boundary(m.span.start) && s.is_char_boundary(m.span.end), "{s:?}");
            assert!(m.span.start < m.span.end && m.span.end <= s.len());
        }
    }
    // Pseudo-random strings over a mixed alphabet.
    let alphabet: Vec<char> = "aZ Ké.,-'’/\n\u{301}ДшUSNiceBishkek🙂ß0ǅİ".chars().collect();
    let mut x: u64 = 0x2545_f491_4f6c_dd1d;
    for _ in 0..3000 {
        let mut s = String::new();
        for _ in 0..(x % 40) {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            s.push(alphabet[(x % alphabet.len() as u64) as usize]);
        }
        for m in g().find(&s) {
            assert!(s.is_char_boundary(m.span.start) && s.is_char_boundary(m.span.end), "{s:?}");
        }
        let _ = g().lookup(&s);
        let _ = g().resolve(&s, &["KG"]);
    }
}

#[test]
fn gazetteer_is_send_and_sync() {
    fn check<T: Send + Sync>() {}
    check::<Gazetteer>();
    check::<PlaceMatch>();
}

#[test]
fn the_ascii_key_is_the_char_by_char_key() {
    let cases = [
        "New York City",
        "  Nur-Sultan ",
        "U.S.",
        "St. John's",
        "Bosnia and Herzegovina",
        "NORTHERN ETHIOPIA",
        "Rio\tde\nJaneiro",
        "Gaza, Palestine",
        "A1 (x)",
        "--",
        "",
        "x\u{b}y",
    ];
    for c in cases {
        let (mut fast, mut slow) = (Vec::new(), Vec::new());
        let f = g().normalize_into(c, &mut fast);
        let s = g().normalize_chars_into(c, &mut slow);
        assert_eq!(f, s, "{c:?}");
        if f {
            assert_eq!(fast, slow, "{c:?}");
        }
    }
    // every ASCII byte inside, before and after a word
    for v in 0..128u8 {
        let c = char::from(v);
        for s in [format!("Ab{c}Cd"), format!("{c}x"), format!("x{c}"), format!("{c}{c}")] {
            let (mut fast, mut slow) = (Vec::new(), Vec::new());
            let f = g().normalize_into(&s, &mut fast);
            let sl = g().normalize_chars_into(&s, &mut slow);
            assert_eq!(f, sl, "{s:?}");
            if f {
                assert_eq!(fast, slow, "{s:?}");
            }
        }
    }
    let mut key = Vec::new();
    assert!(g().normalize_into("Nur-Sultan", &mut key));
    assert_eq!(key, b"nur sultan");
}

/// `resolve_and_prefix` resolves as `resolve` does without context, and its "more" answer is
/// `false` only where no key of more words starts with the written words: the organization
/// finder stops extending a place name there.
#[test]
fn resolve_and_prefix_agrees_with_resolve_and_the_keys() {
    for w in ["Kenya", "KENYA", "New", "New York", "Tripoli", "US", "us", "Nice", "Xyzzy", "Côte d’Ivoire", "", "a,b"]
    {
        let (best, more) = g().resolve_and_prefix(w);
        assert_eq!(best.map(|p| p.id), g().resolve(w, &[]).map(|p| p.id), "{w:?}");
        if !more {
            // nothing longer: no key at all starts with these words and a space
            let mut key = Vec::new();
            if g().normalize_into(w, &mut key) {
                key.push(b' ');
                assert!(!g().keys.keys.iter().any(|(k, _)| k.as_bytes().starts_with(&key)), "{w:?}");
            }
        }
    }
    assert!(g().resolve_and_prefix("New").1, "New York");
    assert!(!g().resolve_and_prefix("Xyzzy").1);
    assert!(!g().resolve_and_prefix("a,b").1);
    // every word prefix of every key is a key flagged as a prefix
    for (k, _) in &g().keys.keys {
        for (at, _) in k.match_indices(' ') {
            let info = g().key_info(&k.as_bytes()[..at]).unwrap_or_else(|| panic!("{k:?} at {at}"));
            assert!(info.prefix, "{k:?} at {at}");
        }
    }
}

/// A capital inside a word starts no mention, whatever follows it ("McAllen" holds "Allen",
/// "NEWYORK" holds "YORK", "ParisLondon" holds "London").
#[test]
fn capitals_inside_words_start_nothing() {
    let text = "Teams from McAllen, NEWYORK and ParisLondon met in Leeds and ÉcoleParis.";
    let spans: Vec<&str> = g().find(text).iter().map(|m| &text[m.span.clone()]).collect();
    assert!(spans.contains(&"Leeds"), "{spans:?}");
    for inner in ["Allen", "YORK", "London", "Paris"] {
        assert!(!spans.contains(&inner), "{inner} in {spans:?}");
    }
    assert!(g().find("Allen").iter().any(|m| m.span == (0..5)));
}

#[test]
fn find_raw_into_appends_what_find_returns() {
    let texts = ["Floods hit Bishkek and Osh, Kyrgyzstan.", "", "No place here.", "Talks in Geneva and Paris."];
    let mut out = Vec::new();
    let mut want = Vec::new();
    for text in texts {
        let before = out.len();
        g().find_raw_into(text, &mut out);
        let appended: Vec<PlaceMatch> = out[before..].iter().cloned().map(PlaceMatch::from).collect();
        let alone = g().find(text);
        assert_eq!(appended, alone, "{text:?}");
        want.extend(alone);
    }
    let got: Vec<PlaceMatch> = out.into_iter().map(PlaceMatch::from).collect();
    assert_eq!(got, want);
    let spans: Vec<_> = got.iter().map(|m| m.span.clone()).collect();
    assert_eq!(spans, [11..18, 23..26, 28..38, 9..15, 20..25]);
}

/// The data format read by `Gazetteer::parse`, on a small hand-made table: entries with and
/// without the capitals-only flag, a place number out of range, malformed lines, and the
/// longest key coming after shorter ones.
#[test]
fn parse_reads_each_section_and_skips_malformed_lines() {
    let data = "# a comment\n\
                @fold\nÀ\ta\n\
                @places\n\
                C\tAA\t1000\tAaland\n\
                c\tAA\t500\tBeeville\n\
                r\tAA\tnot-a-number\tCee Region\n\
                C\tBB\n\
                @keys\n\
                aaland\tp\t0\n\
                aa\t\t0A\n\
                beeville\tw\t1,0\n\
                ghost\t\t7\n\
                no tabs at all\n\
                cee region of the north\t\t2\n\
                x\t\t\n";
    let g = Gazetteer::parse(data);
    // the places line without its name is skipped; an unreadable population is 0
    assert_eq!(g.len(), 3);
    assert_eq!(g.places[2].population, 0);
    assert_eq!(g.country("AA").map(|p| p.name), Some("Aaland"));
    let info = |k: &str| g.key_info(k.as_bytes()).unwrap_or_else(|| panic!("{k}"));
    let entries =
        |k: &str| -> Vec<(u32, bool)> { g.entries_of(info(k)).iter().map(|e| (e.place, e.caps_only)).collect() };
    assert_eq!(entries("aaland"), [(0, false)]);
    assert!(info("aaland").prefix && !info("aaland").common);
    assert_eq!(entries("aa"), [(0, true)]);
    assert_eq!(entries("beeville"), [(1, false), (0, false)]);
    assert!(info("beeville").common);
    // a place number past the places is dropped; a key with no entries is kept, empty
    assert_eq!(entries("ghost"), []);
    assert_eq!(entries("x"), []);
    assert!(g.key_info(b"no tabs at all").is_none());
    assert_eq!(g.max_tokens, 5);
    assert_eq!(g.fold.get(&'À'), Some(&"a"));
    // the shortest keys of two and three words still raise the count
    assert_eq!(Gazetteer::parse("@keys\na\t\t\na b\t\t\n").max_tokens, 2);
    assert_eq!(Gazetteer::parse("@keys\na b\t\t\nc d e\t\t\n").max_tokens, 3);
}
