//! Data-driven organization cases: tests/data/orgs.tsv (sentence, all-caps flag, expected).
mod orgs_places;
use bulletin_events::orgs::{acronym_table, find_organizations, group};

#[test]
fn orgs_cases() {
    let data = include_str!("data/orgs.tsv");
    let places = orgs_places::TestPlaces;
    let mut failures = Vec::new();
    let (mut n, mut neg) = (0, 0);
    for (ln, line) in data.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        assert_eq!(cols.len(), 3, "line {}: three tab-separated columns", ln + 1);
        let (text, caps, want) = (cols[0], cols[1] == "1", cols[2].trim());
        n += 1;
        let table = acronym_table(text, &places);
        let mentions = find_organizations(text, caps, &places);
        for m in &mentions {
            assert!(text.get(m.span.clone()).is_some(), "line {}: bad span {:?}", ln + 1, m.span);
        }
        let got = group(mentions, &table);
        let want: Vec<&str> = if want == "-" {
            neg += 1;
            vec![]
        } else {
            want.split(" ; ").collect()
        };
        let mut ok = got.len() == want.len();
        if ok {
            for (g, w) in got.iter().zip(&want) {
                let mut parts = w.split('|');
                let name = parts.next().unwrap_or("").trim();
                let mut office = None;
                for p in parts {
                    if let Some(a) = p.strip_prefix("acr=") {
                        ok &= g.acronym.as_deref() == Some(a);
                    } else if let Some(o) = p.strip_prefix("office=") {
                        office = Some(o);
                    }
                }
                ok &= g.name == name && g.office.as_deref() == office;
            }
        }
        if !ok {
            let shown: Vec<String> = got
                .iter()
                .map(|g| {
                    let mut s = g.name.clone();
                    if let Some(a) = &g.acronym {
                        s += &format!("|acr={a}");
                    }
                    if let Some(o) = &g.office {
                        s += &format!("|office={o}");
                    }
                    s
                })
                .collect();
            failures.push(format!("line {}: {}\n   want: {}\n   got:  {}", ln + 1, text, cols[2], shown.join(" ; ")));
        }
    }
    assert!(n >= 150 && neg >= 40, "{n} cases, {neg} negatives");
    assert!(failures.is_empty(), "{} of {} cases failed:\n{}", failures.len(), n, failures.join("\n"));
}
