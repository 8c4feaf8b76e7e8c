//! Russian organization names. Russian capitalises only a name's first word, so a name is
//! found by its grammar, not by a run of capitals: a capitalised head noun ("Министерство",
//! "Правительство") or capitalised adjectives before a head noun ("Государственная служба",
//! "Европейского союза"), then a tail of genitive words ("труда, социального обеспечения и
//! миграции Кыргызской Республики"), "по" phrases ("организация по миграции") and places.
//! The reported name has its head and adjectives in the nominative ("Министерства труда" ->
//! "Министерство труда"); the span is the text as written.
//!
//! Office heads ("Представительство Международной организации по миграции (МОМ) в
//! Таджикистане") name an office of the organization after them; a Cyrillic acronym followed by
//! "в" and a place ("МОМ в Узбекистане") is an office too (see `acronym`).

use super::tables::{
    RU_BARE_GENITIVES, RU_HEADS, RU_NAME_ADJECTIVE_STEMS, RU_OFFICE_HEADS, RU_OFFICE_PREPS, RU_STOP,
    RU_UMBRELLA_ACRONYMS,
};
use super::{paren_acronym, Cx, Kind, OrgMention, PlaceHit};
use crate::hash::FxBuild;
use once_cell::sync::Lazy;
use std::collections::HashMap;

/// Grammatical gender of a head noun: masculine, feminine, neuter, plural-only.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Gender {
    M,
    F,
    N,
    P,
}

/// Every case form of every head (ё folded to е) -> (nominative, gender). The keys are fixed:
/// the fast hasher is safe here.
static HEAD_FORMS: Lazy<HashMap<String, (&'static str, Gender), FxBuild>> = Lazy::new(|| {
    let mut m = HashMap::default();
    for &(nom, class) in RU_HEADS {
        let (cut, gender, ends): (&str, Gender, &[&str]) = match class {
            "n" => ("о", Gender::N, &["о", "а", "у", "ом", "е", "", "ам", "ами", "ах"]),
            "nie" => ("е", Gender::N, &["е", "я", "ю", "ем", "и", "й", "ям", "ями", "ях"]),
            "f" => ("а", Gender::F, &["а", "ы", "е", "у", "ой", "ою", "", "ам", "ами", "ах"]),
            "fia" => ("я", Gender::F, &["я", "и", "ю", "ей", "й", "ям", "ями", "ях"]),
            "pl" => ("а", Gender::P, &["а", "", "ам", "ами", "ах"]),
            _ => ("", Gender::M, &["", "а", "у", "ом", "е", "ы", "ов", "ам", "ами", "ах"]),
        };
        let stem = nom.strip_suffix(cut).unwrap_or(nom);
        for e in ends {
            m.entry(format!("{stem}{e}")).or_insert((nom, gender));
        }
    }
    m
});

/// [`RU_STOP`] and every Russian month name of the date grammar ("марта", "декабре"): a date
/// ends a name's genitive tail.
static STOP: Lazy<std::collections::HashSet<&'static str, FxBuild>> =
    Lazy::new(|| RU_STOP.iter().copied().chain(crate::dates::lang::RU.months.iter().map(|(w, _)| *w)).collect());

/// [`RU_NAME_ADJECTIVE_STEMS`], folded once.
static ADJECTIVE_STEMS: Lazy<Vec<String>> = Lazy::new(|| RU_NAME_ADJECTIVE_STEMS.iter().map(|s| fold(s)).collect());

/// Adjective endings, longest first.
const ADJ_ENDINGS: &[&str] = &[
    "ыми", "ими", "ого", "его", "ому", "ему", "ый", "ий", "ой", "ая", "яя", "ое", "ее", "ые", "ие", "ым", "им", "ом",
    "ем", "ую", "юю", "ых", "их", "ей",
];
/// Endings of genitive nouns and adjectives.
const GEN_ENDINGS: &[&str] = &["ого", "его", "ой", "ей", "ых", "их", "ов", "ев", "ий", "а", "я", "ы", "и"];
/// Endings of dative nouns and adjectives (the phrase after "по").
const DAT_ENDINGS: &[&str] = &["ам", "ям", "ому", "ему", "ым", "им", "у", "ю", "е", "и", "ой", "ей"];
/// Verb endings (present, infinitive, reflexive past).
const VERB_ENDINGS: &[&str] = &["лся", "лась", "лось", "лись", "ть", "ться", "ет", "ит", "ют", "ят", "ут", "ат"];

fn is_cyr(c: char) -> bool {
    matches!(c as u32, 0x400..=0x4FF)
}

fn is_vowel(c: char) -> bool {
    matches!(c, 'а' | 'е' | 'ё' | 'и' | 'о' | 'у' | 'ы' | 'э' | 'ю' | 'я')
}

/// Lower case with ё folded to е.
fn fold(w: &str) -> String {
    let mut out = String::with_capacity(w.len());
    let b = w.as_bytes();
    let mut i = 0;
    while i < b.len() {
        // Cyrillic U+0400..=U+047F (lead byte D0 or D1): the code point from its two bytes,
        // lower-cased by `fast_lower`, which knows the whole block
        if let [lead @ (0xD0 | 0xD1), next, ..] = b[i..] {
            let u = (u32::from(lead & 0x1F) << 6) | u32::from(next & 0x3F);
            if let Some(l) = char::from_u32(u).and_then(super::fast_lower) {
                out.push(if l == 'ё' { 'е' } else { l });
                i += 2;
                continue;
            }
        }
        let Some(c) = w[i..].chars().next() else { break };
        i += c.len_utf8();
        // Latin letters lower-case to one char: no case-table search
        match super::fast_lower(c) {
            Some('ё') => out.push('е'),
            Some(l) => out.push(l),
            None if c.is_ascii() => out.push(c.to_ascii_lowercase()),
            None => out.extend(c.to_lowercase().map(|l| if l == 'ё' { 'е' } else { l })),
        }
    }
    out
}

fn verb_shaped(w: &str) -> bool {
    if VERB_ENDINGS.iter().any(|e| w.ends_with(e)) || w.ends_with('л') {
        return true;
    }
    // past tense: vowel + л + а/о/и ("провела", "провело", "провели")
    let cs: Vec<char> = w.chars().rev().take(3).collect();
    cs.len() == 3 && matches!(cs[0], 'а' | 'о' | 'и') && cs[1] == 'л' && is_vowel(cs[2])
}

fn gen_shaped(w: &str) -> bool {
    w.chars().count() >= 2
        && (RU_BARE_GENITIVES.contains(&w) || (GEN_ENDINGS.iter().any(|e| w.ends_with(e)) && !verb_shaped(w)))
}

fn dat_shaped(w: &str) -> bool {
    w.chars().count() >= 2 && DAT_ENDINGS.iter().any(|e| w.ends_with(e)) && !verb_shaped(w)
}

fn adj_ending(w: &str) -> Option<&'static str> {
    if w.chars().count() < 4 {
        return None;
    }
    ADJ_ENDINGS.iter().copied().find(|e| w.ends_with(e))
}

impl<'a> Cx<'a> {
    /// Word token `i` starting with a Cyrillic letter, folded.
    #[inline]
    fn cyr(&self, i: usize) -> Option<String> {
        // an ASCII first byte starts no Cyrillic letter
        let t = self.t.get(i)?;
        if self.text.as_bytes().get(t.s).is_none_or(|&b| b < 0x80) {
            return None;
        }
        let w = self.w(i)?;
        if !w.chars().next().is_some_and(is_cyr) || self.t[i].has(super::F_DIGIT) {
            return None;
        }
        Some(fold(w))
    }
    /// Token `i` begins a sentence (or the block, a line after a break, a quote or bracket).
    fn sentence_start(&self, i: usize) -> bool {
        i == 0
            || matches!(self.t[i - 1].kind, Kind::Break)
            || matches!(self.punct(i - 1), Some('.' | '!' | '?' | '…' | ':' | '–' | '—' | '-' | '(' | '«' | '“' | '"'))
    }
}

/// A Russian name starting at capitalised token `i`.
struct RuName {
    head: usize,
    end: usize,
    nom: &'static str,
    gender: Gender,
}

fn ru_name(cx: &Cx, i: usize, lim: usize) -> Option<RuName> {
    if !cx.is_cap(i) {
        return None;
    }
    let first = cx.cyr(i)?;
    let mut j = i;
    let mut w = first.clone();
    while HEAD_FORMS.get(&w).is_none() && adj_ending(&w).is_some() && j < i + 3 {
        j += 1;
        if j >= lim {
            return None;
        }
        w = cx.cyr(j)?;
    }
    let &(nom, gender) = HEAD_FORMS.get(&w)?;
    if j > i && cx.sentence_start(i) && !ADJECTIVE_STEMS.iter().any(|s| first.starts_with(s.as_str())) {
        return None;
    }
    let end = tail(cx, j + 1, lim);
    if j == i && end == j + 1 {
        return None;
    }
    Some(RuName { head: j, end, nom, gender })
}

/// Genitive tail from token `k`: returns the end token.
fn tail(cx: &Cx, mut k: usize, lim: usize) -> usize {
    let mut end = k;
    let mut after_po = false;
    let mut n = 0;
    while k < lim && n < 14 {
        if cx.punct(k) == Some(',') {
            if member(cx, k + 1, lim) {
                k += 1;
                continue;
            }
            break;
        }
        let w = match cx.cyr(k) {
            Some(w) => w,
            None => break,
        };
        if cx.acronym_at(k) {
            if RU_UMBRELLA_ACRONYMS.iter().any(|a| cx.w(k) == Some(*a)) {
                end = k + 1;
            }
            break;
        }
        if w == "по" && k + 1 < lim && cx.cyr(k + 1).is_some() {
            after_po = true;
            k += 1;
            continue;
        }
        if w == "и" {
            if member(cx, k + 1, lim) {
                k += 1;
                continue;
            }
            break;
        }
        if STOP.contains(w.as_str()) {
            break;
        }
        let ok = if cx.is_cap(k) && !cx.caps {
            // proper genitive ("Кыргызской Республики", "Объединённых Наций") or a place
            // ("Республики Таджикистан"), never the head of a new name
            HEAD_FORMS.get(&w).is_none_or(|_| k > 0 && cx.cyr(k - 1).is_some_and(|p| gen_shaped(&p)))
                && (gen_shaped(&w) || cx.places.place_country(cx.w(k).unwrap_or("")).is_some())
        } else {
            gen_shaped(&w) || (after_po && dat_shaped(&w))
        };
        if !ok {
            break;
        }
        k += 1;
        n += 1;
        end = k;
    }
    end
}

/// A list member after "и" or a comma inside a tail: a lower-case genitive word.
fn member(cx: &Cx, k: usize, lim: usize) -> bool {
    k < lim
        && (cx.caps || !cx.is_cap(k))
        && !cx.acronym_at(k)
        && cx.cyr(k).is_some_and(|w| !STOP.contains(w.as_str()) && w != "и" && gen_shaped(&w))
}

/// The name with its adjectives and head in the nominative, the tail as written.
fn nominative(cx: &Cx, i: usize, n: &RuName) -> String {
    let head_w = cx.w(n.head).unwrap_or("");
    let raw = cx.slice(i, n.end);
    if fold(head_w) == n.nom {
        return super::collapse_ws(raw);
    }
    let caps = head_w.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase);
    let mut s = String::new();
    for k in i..n.head {
        s.push_str(&agree(cx.w(k).unwrap_or(""), n.gender, caps));
        s.push(' ');
    }
    let mut nom: String = n.nom.to_string();
    if caps {
        nom = nom.to_uppercase();
    } else if head_w.chars().next().is_some_and(char::is_uppercase) {
        let mut c = nom.chars();
        nom = c.next().map(|f| f.to_uppercase().chain(c).collect()).unwrap_or_default();
    }
    s.push_str(&nom);
    if n.end > n.head + 1 {
        let rest = cx.text.get(cx.t[n.head + 1].s..cx.t[n.end - 1].e).unwrap_or("");
        s.push(' ');
        s.push_str(&super::collapse_ws(rest));
    }
    s
}

/// An adjective put in the nominative of `gender` ("Международной" + F -> "Международная").
fn agree(w: &str, gender: Gender, caps: bool) -> String {
    let lw = fold(w);
    let e = match adj_ending(&lw) {
        Some(e) => e,
        None => return w.to_string(),
    };
    let keep = w.chars().count() - e.chars().count();
    let stem: String = w.chars().take(keep).collect();
    let last = lw.chars().nth(keep.wrapping_sub(1)).unwrap_or(' ');
    let velar = matches!(last, 'к' | 'г' | 'х');
    let hush = matches!(last, 'ж' | 'ш' | 'ч' | 'щ');
    let soft = e.starts_with(['е', 'и', 'я', 'ю']) && !velar && !hush;
    let end = match gender {
        Gender::M if soft || velar || hush => "ий",
        Gender::M => "ый",
        Gender::F if soft => "яя",
        Gender::F => "ая",
        Gender::N if soft || hush => "ее",
        Gender::N => "ое",
        Gender::P if soft || velar || hush => "ие",
        Gender::P => "ые",
    };
    if caps {
        stem + &end.to_uppercase()
    } else {
        stem + end
    }
}

/// Russian name (or office of one) at capitalised token `i`; pushes mentions and returns the
/// next token.
pub(super) fn parse(cx: &Cx, i: usize, lim: usize, out: &mut Vec<OrgMention>) -> Option<usize> {
    let first = cx.cyr(i)?;
    // an office head: the organization named after it
    if RU_OFFICE_HEADS.contains(&first.as_str()) && i + 1 < lim {
        let k = i + 1;
        let (org, acr, mut end) = if cx.acronym_at(k) {
            let a = cx.w(k)?.to_string();
            (a.clone(), Some(a), k + 1)
        } else if let Some(n) = ru_name(cx, k, lim) {
            (nominative(cx, k, &n), None, n.end)
        } else {
            (String::new(), None, k)
        };
        if !org.is_empty() {
            let mut acr = acr;
            if acr.is_none() {
                if let Some((a, n)) = paren_acronym(cx, end, lim) {
                    acr = Some(a);
                    end = n;
                }
            }
            let office = place_after(cx, end, lim);
            let stop = office.map_or(end, |h| h.0);
            let s = cx.t[k].s;
            let (ctry, city) = match office {
                Some((_, canon, isc, ctry)) => (Some(ctry.to_string()), (!isc).then(|| canon.to_string())),
                None => (None, None),
            };
            out.push(OrgMention {
                span: if office.is_some() { cx.span(i, stop) } else { s..cx.t[end - 1].e },
                name: org,
                acronym: acr,
                office: ctry,
                office_city: city,
            });
            return Some(stop);
        }
    }
    let n = ru_name(cx, i, lim)?;
    let name = nominative(cx, i, &n);
    let s = cx.t[i].s;
    let e = cx.t[n.end - 1].e;
    if let Some((acr, next)) = paren_acronym(cx, n.end, lim) {
        out.push(OrgMention { span: s..e, name, acronym: Some(acr.clone()), office: None, office_city: None });
        let t = &cx.t[n.end + 1];
        out.push(OrgMention { span: t.s..t.e, name: acr.clone(), acronym: Some(acr), office: None, office_city: None });
        return Some(next);
    }
    out.push(OrgMention { span: s..e, name, acronym: None, office: None, office_city: None });
    Some(n.end)
}

/// "в Таджикистане" at `k`: the place of an office.
pub(super) fn place_after(cx: &Cx, k: usize, lim: usize) -> Option<PlaceHit> {
    let w = cx.cyr(k)?;
    if !RU_OFFICE_PREPS.contains(&w.as_str()) || (cx.is_cap(k) && !cx.caps) {
        return None;
    }
    cx.place_at(k + 1, lim)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn russian_fold_is_lower_case_with_yo_as_ye() {
        let slow = |w: &str| -> String {
            w.chars().flat_map(char::to_lowercase).map(|c| if c == 'ё' { 'е' } else { c }).collect()
        };
        for w in ["ЁЛКА", "Объединённых", "МОМ", "ООН-Хабитат", "İstanbul", "ΣΟΦΊΑ", "Straße", "ǅ", ""]
        {
            assert_eq!(fold(w), slow(w), "{w:?}");
        }
        for u in 0..0x3000u32 {
            let Some(c) = char::from_u32(u) else { continue };
            let w = format!("{c}Ё{c}");
            assert_eq!(fold(&w), slow(&w), "U+{u:04X}");
        }
        assert_eq!(fold("ЁЛКА"), "елка");
    }
}
