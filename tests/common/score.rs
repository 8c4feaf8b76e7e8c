//! A port of the project's scorer (`score.py`, the record contract's reference scorer) for the
//! fixture tests: items are aligned by span overlap, then every field is scored on the pairs.
//! The golds' hints (optional, alternatives, core/max spans, free lines...) mean what they mean
//! there.

use std::collections::BTreeMap;

use serde_json::Value;
use unicode_normalization::UnicodeNormalization;

/// Precision/recall counts.
#[derive(Default, Debug, Clone, Copy)]
pub struct Counts {
    pub tp: usize,
    pub fp: usize,
    pub fn_: usize,
}

impl Counts {
    fn add(&mut self, tp: usize, fp: usize, fn_: usize) {
        self.tp += tp;
        self.fp += fp;
        self.fn_ += fn_;
    }

    pub fn f1(&self) -> f64 {
        let p = if self.tp + self.fp > 0 {
            self.tp as f64 / (self.tp + self.fp) as f64
        } else if self.fn_ == 0 {
            1.0
        } else {
            0.0
        };
        let r = if self.tp + self.fn_ > 0 { self.tp as f64 / (self.tp + self.fn_) as f64 } else { 1.0 };
        if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        }
    }
}

/// Share of checks that held.
#[derive(Default, Debug, Clone, Copy)]
pub struct Rate {
    pub ok: usize,
    pub n: usize,
}

impl Rate {
    fn add(&mut self, ok: bool) {
        self.n += 1;
        self.ok += usize::from(ok);
    }

    pub fn value(&self) -> f64 {
        if self.n == 0 {
            1.0
        } else {
            self.ok as f64 / self.n as f64
        }
    }
}

/// The scores of one document, with the reasons of every miss for the failure message.
#[derive(Default, Debug)]
pub struct Score {
    pub counts: BTreeMap<&'static str, Counts>,
    pub rates: BTreeMap<&'static str, Rate>,
    pub misses: Vec<String>,
}

impl Score {
    /// A metric by the scorer's name: `items.f1`, `headline`, `dateline.date`...
    pub fn get(&self, metric: &str) -> f64 {
        match metric.strip_suffix(".f1") {
            Some(k) => self.counts.get(k).copied().unwrap_or_default().f1(),
            None => self.rates.get(metric).copied().unwrap_or_default().value(),
        }
    }
}

fn norm(s: &str) -> String {
    let s: String = s.nfkd().filter(|c| !unicode_normalization::char::is_combining_mark(*c)).collect();
    let s: String = s.chars().filter(|c| !"“”„«»\"'‘’`".contains(*c)).collect();
    let s = s.to_lowercase();
    s.split_whitespace().collect::<Vec<_>>().join(" ").trim_matches(|c| " .,:;-–—".contains(c)).to_string()
}

fn unit_norm(u: &str) -> String {
    let u = norm(u);
    if let Some(stem) = u.strip_suffix("ies") {
        format!("{stem}y")
    } else if u.ends_with('s') && !u.ends_with("ss") {
        u[..u.len() - 1].to_string()
    } else {
        u
    }
}

fn span_of(v: &Value) -> Option<(i64, i64)> {
    let s = v.get("span")?;
    Some((s.get("start")?.as_i64()?, s.get("end")?.as_i64()?))
}

fn iou(a: Option<(i64, i64)>, b: Option<(i64, i64)>) -> f64 {
    let (Some((a0, a1)), Some((b0, b1))) = (a, b) else { return 0.0 };
    let inter = (a1.min(b1) - a0.max(b0)).max(0);
    let union = a1.max(b1) - a0.min(b0);
    if union > 0 {
        inter as f64 / union as f64
    } else {
        0.0
    }
}

fn fits(g: &Value, p: &Value) -> f64 {
    let (core, mx) = (g.get("core_span"), g.get("max_span"));
    if core.is_none() && mx.is_none() {
        return 0.0;
    }
    let Some((ps, pe)) = span_of(p) else { return 0.0 };
    let get = |v: Option<&Value>| {
        let v = v.or(g.get("span"))?;
        Some((v.get("start")?.as_i64()?, v.get("end")?.as_i64()?))
    };
    let (Some((cs, ce)), Some((ms, me))) = (get(core), get(mx)) else { return 0.0 };
    if ms <= ps && pe <= me && ps <= cs && ce <= pe {
        1.0
    } else {
        0.0
    }
}

fn arr(v: &Value, key: &str) -> Vec<Value> {
    v.get(key).and_then(Value::as_array).cloned().unwrap_or_default()
}

fn flag(v: &Value, key: &str) -> bool {
    v.get(key).and_then(Value::as_bool).unwrap_or(false)
}

fn text(v: Option<&Value>, key: &str) -> Option<String> {
    v.and_then(|x| x.get(key)).and_then(Value::as_str).map(str::to_string)
}

fn date_key(d: Option<&Value>) -> Option<(String, String)> {
    let d = d.filter(|d| !d.is_null())?;
    Some((text(Some(d), "start").unwrap_or_default(), text(Some(d), "end").unwrap_or_default()))
}

fn entity_match(gold: &[Value], pred_names: &[String], c: &mut Counts, misses: &mut Vec<String>, what: &str) {
    let mut pred: Vec<String> = Vec::new();
    for n in pred_names {
        let n = norm(n);
        if !n.is_empty() && !pred.contains(&n) {
            pred.push(n);
        }
    }
    let mut matched = std::collections::HashSet::new();
    for n in &pred {
        let hit = gold.iter().position(|g| {
            let mut names = vec![norm(g.get("name").and_then(Value::as_str).unwrap_or(""))];
            names.extend(arr(g, "alternatives").iter().filter_map(Value::as_str).map(norm));
            names.contains(n)
        });
        match hit {
            None => {
                c.add(0, 1, 0);
                misses.push(format!("{what} false positive: {n}"));
            }
            Some(i) => {
                if matched.insert(i) {
                    c.add(1, 0, 0);
                }
            }
        }
    }
    for (i, g) in gold.iter().enumerate() {
        if !matched.contains(&i) && !flag(g, "optional") {
            c.add(0, 0, 1);
            misses.push(format!("{what} missed: {}", g.get("name").and_then(Value::as_str).unwrap_or("")));
        }
    }
}

fn quantity_match(gold: &[Value], pred: &[Value], c: &mut Counts, misses: &mut Vec<String>) {
    let keys = |q: &Value| -> Vec<(String, String)> {
        let mut units = vec![text(Some(q), "unit").unwrap_or_default()];
        units.extend(arr(q, "unit_alternatives").iter().filter_map(Value::as_str).map(str::to_string));
        let v = q.get("value").and_then(Value::as_f64).unwrap_or(0.0);
        units.iter().map(|u| (format!("{v}"), unit_norm(u))).collect()
    };
    let mut left: Vec<&Value> = gold.iter().collect();
    left.sort_by_key(|q| flag(q, "optional"));
    for q in pred {
        let k = (
            format!("{}", q.get("value").and_then(Value::as_f64).unwrap_or(0.0)),
            unit_norm(&text(Some(q), "unit").unwrap_or_default()),
        );
        match left.iter().position(|g| keys(g).contains(&k)) {
            None => {
                c.add(0, 1, 0);
                misses.push(format!("quantity false positive: {} {}", k.0, k.1));
            }
            Some(i) => {
                let g = left.remove(i);
                if !flag(g, "optional") {
                    c.add(1, 0, 0);
                }
            }
        }
    }
    for g in left.iter().filter(|g| !flag(g, "optional")) {
        c.add(0, 0, 1);
        misses.push(format!("quantity missed: {} {}", g["value"], g["unit"]));
    }
}

fn city_ok(gold_city: Option<&str>, pd: &Value) -> bool {
    let pc = text(Some(pd), "city");
    match gold_city {
        None => pc.is_none(),
        Some(g) => {
            let Some(pc) = pc else { return false };
            norm(g) == norm(&pc)
                || format!(" {} ", norm(&text(Some(pd), "text").unwrap_or_default()).replace(',', " "))
                    .contains(&format!(" {} ", norm(g)))
        }
    }
}

/// Scores one predicted document against its gold.
pub fn score(gold: &Value, pred: &Value) -> Score {
    let mut s = Score::default();
    for k in ["items", "dates", "places", "organizations", "quantities"] {
        s.counts.insert(k, Counts::default());
    }
    for k in ["headline", "dateline.date", "dateline.city", "dateline.country", "body"] {
        s.rates.insert(k, Rate::default());
    }
    let gi = arr(gold, "items");
    let pi = arr(pred, "items");
    // Align one to one, best overlap first.
    let mut pairs = Vec::new();
    for (a, g) in gi.iter().enumerate() {
        for (b, p) in pi.iter().enumerate() {
            let v = iou(span_of(g), span_of(p)).max(fits(g, p));
            if v >= 0.5 {
                pairs.push((v, a, b));
            }
        }
    }
    pairs.sort_by(|x, y| y.partial_cmp(x).unwrap());
    let mut matched: BTreeMap<usize, usize> = BTreeMap::new();
    let mut used_p = std::collections::HashSet::new();
    for (_, a, b) in pairs {
        if !matched.contains_key(&a) && !used_p.contains(&b) {
            matched.insert(a, b);
            used_p.insert(b);
        }
    }
    let free = arr(gold, "free_lines");
    let mostly_free = |p: &Value| {
        let Some((a, b)) = span_of(p) else { return false };
        if b <= a {
            return false;
        }
        let covered: i64 = free
            .iter()
            .map(|f| {
                let (fs, fe) = (f["start"].as_i64().unwrap_or(0), f["end"].as_i64().unwrap_or(0));
                (b.min(fe) - a.max(fs)).max(0)
            })
            .sum();
        covered * 2 >= b - a
    };
    let mut misses = Vec::new();
    for (a, g) in gi.iter().enumerate() {
        let excused = flag(g, "optional") || flag(g, "mergeable_with_previous");
        let Some(&b) = matched.get(&a) else {
            if !excused {
                s.counts.get_mut("items").unwrap().add(0, 0, 1);
                misses.push(format!("item missed: {:?}", span_of(g)));
                if !flag(g, "optional_headline") {
                    s.rates.get_mut("headline").unwrap().add(false);
                }
                if let Some(gd) = g.get("dateline").filter(|d| !d.is_null() && !flag(d, "optional")) {
                    for (key, field) in
                        [("dateline.date", "date"), ("dateline.city", "city"), ("dateline.country", "country_code")]
                    {
                        if gd.get(field).is_some() {
                            s.rates.get_mut(key).unwrap().add(false);
                        }
                    }
                }
                for _ in arr(g, "body_contains").iter().chain(arr(g, "body_excludes").iter()) {
                    s.rates.get_mut("body").unwrap().add(false);
                }
                for key in ["dates", "places", "organizations", "quantities"] {
                    let n = arr(g, key).iter().filter(|x| !flag(x, "optional")).count();
                    s.counts.get_mut(key).unwrap().add(0, 0, n);
                }
            }
            continue;
        };
        if flag(g, "optional") {
            continue;
        }
        s.counts.get_mut("items").unwrap().add(1, 0, 0);
        let p = &pi[b];
        let at = format!("item {:?}", span_of(g));
        if !flag(g, "optional_headline") {
            let (gh, ph) = (text(g.get("headline"), "text"), text(p.get("headline"), "text"));
            let ok = gh.as_deref().map(norm) == ph.as_deref().map(norm);
            if !ok {
                misses.push(format!("{at}: headline {gh:?} != {ph:?}"));
            }
            s.rates.get_mut("headline").unwrap().add(ok);
        }
        let mut gd = g.get("dateline").filter(|d| !d.is_null()).cloned();
        let pd = p.get("dateline").filter(|d| !d.is_null()).cloned();
        if gd.as_ref().is_some_and(|d| flag(d, "optional")) && pd.is_none() {
            gd = None;
        }
        if let Some(gd) = gd {
            let pd = pd.unwrap_or(Value::Null);
            if gd.get("date").is_some() {
                let ok = date_key(gd.get("date")) == date_key(pd.get("date"));
                if !ok {
                    misses.push(format!(
                        "{at}: dateline date {:?} != {:?}",
                        date_key(gd.get("date")),
                        date_key(pd.get("date"))
                    ));
                }
                s.rates.get_mut("dateline.date").unwrap().add(ok);
            }
            if gd.get("city").is_some() {
                let mut cities = vec![text(Some(&gd), "city")];
                cities.extend(arr(&gd, "city_alternatives").iter().map(|v| v.as_str().map(str::to_string)));
                let ok = cities.iter().any(|c| city_ok(c.as_deref(), &pd));
                if !ok {
                    misses.push(format!("{at}: dateline city {:?} != {:?}", cities[0], text(Some(&pd), "city")));
                }
                s.rates.get_mut("dateline.city").unwrap().add(ok);
            }
            if gd.get("country_code").is_some() {
                let (gc, pc) = (text(Some(&gd), "country_code"), text(Some(&pd), "country_code"));
                let ok = gc.unwrap_or_default().to_uppercase() == pc.clone().unwrap_or_default().to_uppercase();
                if !ok {
                    misses.push(format!("{at}: dateline country {:?} != {pc:?}", text(Some(&gd), "country_code")));
                }
                s.rates.get_mut("dateline.country").unwrap().add(ok);
            }
        } else if pd.is_some() && !g.get("dateline").is_some_and(|d| flag(d, "optional")) {
            misses.push(format!("{at}: dateline predicted where gold has none"));
        }
        let body = p.get("body").and_then(Value::as_str).unwrap_or("");
        let nbody = norm(body);
        for snip in arr(g, "body_contains").iter().filter_map(Value::as_str) {
            let ok = nbody.contains(&norm(snip));
            if !ok {
                misses.push(format!("{at}: body lacks {snip:?}"));
            }
            s.rates.get_mut("body").unwrap().add(ok);
        }
        for snip in arr(g, "body_excludes").iter().filter_map(Value::as_str) {
            let ok = !body.contains(snip);
            if !ok {
                misses.push(format!("{at}: body holds {snip:?}"));
            }
            s.rates.get_mut("body").unwrap().add(ok);
        }
        if g.get("dates").is_some() {
            let mut left: Vec<_> =
                arr(g, "dates").iter().filter(|d| !flag(d, "optional")).map(|d| date_key(Some(d))).collect();
            let mut optional: Vec<_> = arr(g, "optional_dates").iter().map(|d| date_key(Some(d))).collect();
            optional.extend(arr(g, "dates").iter().filter(|d| flag(d, "optional")).map(|d| date_key(Some(d))));
            let c = s.counts.get_mut("dates").unwrap();
            for d in arr(p, "dates") {
                let k = date_key(Some(&d));
                if let Some(i) = left.iter().position(|x| *x == k) {
                    left.remove(i);
                    c.add(1, 0, 0);
                } else if let Some(i) = optional.iter().position(|x| *x == k) {
                    optional.remove(i);
                } else {
                    c.add(0, 1, 0);
                    misses.push(format!("{at}: date false positive {:?} {k:?}", d.get("text")));
                }
            }
            c.add(0, 0, left.len());
            for k in left {
                misses.push(format!("{at}: date missed {k:?}"));
            }
        }
        if g.get("places").is_some() {
            let mut names: Vec<String> = arr(p, "places").iter().filter_map(|x| text(Some(x), "name")).collect();
            names.extend(arr(p, "places").iter().filter_map(|x| text(Some(x), "text")));
            entity_match(
                &arr(g, "places"),
                &names,
                s.counts.get_mut("places").unwrap(),
                &mut misses,
                &format!("{at}: place"),
            );
        }
        if g.get("organizations").is_some() {
            let mut names: Vec<String> = arr(p, "organizations").iter().filter_map(|x| text(Some(x), "name")).collect();
            names.extend(arr(p, "organizations").iter().filter_map(|x| text(Some(x), "acronym")));
            entity_match(
                &arr(g, "organizations"),
                &names,
                s.counts.get_mut("organizations").unwrap(),
                &mut misses,
                &format!("{at}: organization"),
            );
        }
        if g.get("quantities").is_some() {
            quantity_match(
                &arr(g, "quantities"),
                &arr(p, "quantities"),
                s.counts.get_mut("quantities").unwrap(),
                &mut misses,
            );
        }
    }
    for (b, p) in pi.iter().enumerate() {
        if used_p.contains(&b) || mostly_free(p) {
            continue;
        }
        s.counts.get_mut("items").unwrap().add(0, 1, 0);
        misses.push(format!("extra item {:?}", span_of(p)));
        for key in ["dates", "places", "organizations", "quantities"] {
            s.counts.get_mut(key).unwrap().add(0, arr(p, key).len(), 0);
        }
    }
    s.misses = misses;
    s
}
