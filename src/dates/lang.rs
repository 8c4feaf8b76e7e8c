//! Per-language word tables for the date grammar.
//!
//! Everything language-specific lives here as DATA: adding French, Spanish, Kazakh or Uzbek
//! means writing one more [`Lang`] constant and listing it in [`LANGS`]; the grammar in
//! `mod.rs` does not change. All words are written in lower case; matching folds case
//! (Unicode-aware), so "ДЕКАБРЯ", "Декабря" and "декабря" are the same word.

/// How a modifier word before a month narrows it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    /// The whole month ("the end of March", "в конце марта": the project's gold counts the
    /// whole month, as the phrase only hints at a time within it).
    Whole,
    /// Days 1..=10 ("early November").
    Early,
    /// Days 11..=20 ("mid-November").
    Mid,
    /// Day 21 to the last day ("late November").
    Late,
}

/// The word tables of one language.
///
/// The grammar tries every language of [`LANGS`] on each candidate expression and keeps the
/// longest match, so the connector words of one language never mix with another's.
#[derive(Debug)]
pub struct Lang {
    /// ISO 639-1 code, for diagnostics.
    pub code: &'static str,
    /// Month names in every inflected form, with the month number (1..=12).
    pub months: &'static [(&'static str, u32)],
    /// Month names that are also ordinary words or names ("May", "March", "August"): written
    /// alone after a trigger, they must be followed by what may follow a bare year
    /// ("after May said" is no date; "in May, ..." is).
    pub ambiguous_months: &'static [&'static str],
    /// Abbreviated month names (may be followed by a full stop that belongs to the date).
    pub month_abbrevs: &'static [(&'static str, u32)],
    /// Weekday names and abbreviations in every form used before a date.
    pub weekdays: &'static [&'static str],
    /// Month and weekday names only count when written with an initial capital
    /// (English "May", "March"; Russian months are lower case by convention).
    pub names_capitalized: bool,
    /// Ordinal suffixes glued to the day number ("10th"); a leading '-' means the suffix is
    /// attached with a hyphen ("10-го").
    pub ordinal_suffixes: &'static [&'static str],
    /// Words linking an ordinal day to the month ("10th of December").
    pub day_month_links: &'static [&'static str],
    /// Words opening a "from X to Y" range ("from", "с").
    pub range_from: &'static [&'static str],
    /// Words opening a "between X and Y" range ("between", "между").
    pub range_between: &'static [&'static str],
    /// Words closing a "from" range, also allowed without an opener ("10 to 12 December").
    pub range_to: &'static [&'static str],
    /// Words closing a "between" range; without an opener they join a list of days
    /// ("3 and 5 March" = two dates).
    pub range_and: &'static [&'static str],
    /// Words written after a year that mark it as a year ("2022 г.", "2022 года").
    pub year_suffixes: &'static [&'static str],
    /// Year suffixes that are abbreviations (may be followed by a full stop: "г.", "гг.").
    pub year_suffix_abbrevs: &'static [&'static str],
    /// Words that, written right before a bare 4-digit number or a bare month name, make
    /// it a date ("in 2022", "since 2019", "for 2021", "in November", "с февраля").
    /// Not part of the span.
    pub year_triggers: &'static [&'static str],
    /// Modifiers of a month or year that also make a bare one a date: adjectives that
    /// narrow a month ("early", "mid", "late"; part of the span) and nouns that do not
    /// ("end", "beginning", followed by a `day_month_links` word in English: "the end of
    /// March", "the end of 2022"; "в конце марта"). They never narrow a year.
    pub parts: &'static [(&'static str, Part)],
    /// Lower-case words that may follow a bare year ("in 2022 alone", "since 2019 the ...").
    /// A bare year followed by any other lower-case word is taken as a count ("by 2000 people").
    pub year_followers: &'static [&'static str],
}

/// English.
pub const EN: Lang = Lang {
    code: "en",
    months: &[
        ("january", 1),
        ("february", 2),
        ("march", 3),
        ("april", 4),
        ("may", 5),
        ("june", 6),
        ("july", 7),
        ("august", 8),
        ("september", 9),
        ("october", 10),
        ("november", 11),
        ("december", 12),
    ],
    ambiguous_months: &["march", "may", "august"],
    month_abbrevs: &[
        ("jan", 1),
        ("feb", 2),
        ("mar", 3),
        ("apr", 4),
        ("jun", 6),
        ("jul", 7),
        ("aug", 8),
        ("sep", 9),
        ("sept", 9),
        ("oct", 10),
        ("nov", 11),
        ("dec", 12),
    ],
    weekdays: &[
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "mon",
        "tue",
        "tues",
        "wed",
        "thu",
        "thur",
        "thurs",
        "fri",
        "sat",
        "sun",
    ],
    names_capitalized: true,
    ordinal_suffixes: &["st", "nd", "rd", "th"],
    day_month_links: &["of"],
    range_from: &["from"],
    range_between: &["between"],
    range_to: &["to", "until", "till", "through", "thru"],
    range_and: &["and"],
    year_suffixes: &[],
    year_suffix_abbrevs: &[],
    year_triggers: &[
        "in",
        "since",
        "by",
        "until",
        "through",
        "till",
        "before",
        "after",
        "during",
        "throughout",
        "from",
        "between",
        "for",
        "year",
    ],
    parts: &[
        ("early", Part::Early),
        ("mid", Part::Mid),
        ("late", Part::Late),
        ("beginning", Part::Whole),
        ("start", Part::Whole),
        ("middle", Part::Whole),
        ("end", Part::Whole),
    ],
    year_followers: &[
        "and",
        "or",
        "to",
        "through",
        "until",
        "the",
        "a",
        "an",
        "with",
        "as",
        "at",
        "in",
        "on",
        "of",
        "for",
        "from",
        "by",
        "after",
        "before",
        "when",
        "while",
        "compared",
        "alone",
        "onwards",
        "onward",
        "respectively",
        "versus",
        "vs",
        "but",
        "so",
        "was",
        "were",
        "is",
        "are",
        "has",
        "have",
        "had",
        "will",
        "would",
        "this",
        "that",
        "it",
        "its",
        "their",
        "there",
        "which",
        "who",
        "we",
        "they",
        "he",
        "she",
        "our",
        "according",
        "only",
        "also",
        "across",
        "amid",
        "among",
        "despite",
        "due",
        "following",
        "under",
        "within",
        "against",
        "already",
        "again",
        "however",
        "than",
        "saw",
        "marked",
        "remained",
        "rose",
        "fell",
        "increased",
        "decreased",
        "reached",
        "totalled",
        "totaled",
        "amounted",
        "showed",
        "brought",
    ],
};

/// Russian.
pub const RU: Lang = Lang {
    code: "ru",
    months: &[
        // nominative
        ("январь", 1),
        ("февраль", 2),
        ("март", 3),
        ("апрель", 4),
        ("май", 5),
        ("июнь", 6),
        ("июль", 7),
        ("август", 8),
        ("сентябрь", 9),
        ("октябрь", 10),
        ("ноябрь", 11),
        ("декабрь", 12),
        // genitive ("10 декабря")
        ("января", 1),
        ("февраля", 2),
        ("марта", 3),
        ("апреля", 4),
        ("мая", 5),
        ("июня", 6),
        ("июля", 7),
        ("августа", 8),
        ("сентября", 9),
        ("октября", 10),
        ("ноября", 11),
        ("декабря", 12),
        // prepositional ("в декабре 2022 года")
        ("январе", 1),
        ("феврале", 2),
        ("марте", 3),
        ("апреле", 4),
        ("мае", 5),
        ("июне", 6),
        ("июле", 7),
        ("августе", 8),
        ("сентябре", 9),
        ("октябре", 10),
        ("ноябре", 11),
        ("декабре", 12),
    ],
    ambiguous_months: &[],
    month_abbrevs: &[
        ("янв", 1),
        ("фев", 2),
        ("февр", 2),
        ("мар", 3),
        ("апр", 4),
        ("авг", 8),
        ("сен", 9),
        ("сент", 9),
        ("окт", 10),
        ("нояб", 11),
        ("дек", 12),
    ],
    weekdays: &[
        "понедельник",
        "вторник",
        "среда",
        "среду",
        "четверг",
        "пятница",
        "пятницу",
        "суббота",
        "субботу",
        "воскресенье",
    ],
    names_capitalized: false,
    ordinal_suffixes: &["-го", "-е"],
    day_month_links: &[],
    range_from: &["с", "со", "от"],
    range_between: &["между"],
    range_to: &["по", "до"],
    range_and: &["и"],
    year_suffixes: &["г", "гг", "год", "года", "году", "годом", "годы", "годов", "годах", "годам"],
    year_suffix_abbrevs: &["г", "гг"],
    year_triggers: &["в", "во", "с", "со", "до", "к", "после", "от", "между", "по"],
    parts: &[
        ("начале", Part::Whole),
        ("начала", Part::Whole),
        ("началу", Part::Whole),
        ("середине", Part::Whole),
        ("середины", Part::Whole),
        ("конце", Part::Whole),
        ("конца", Part::Whole),
        ("концу", Part::Whole),
    ],
    year_followers: &["и", "или", "по", "до", "в", "на"],
};

/// Every language the grammar knows, tried in this order (earlier wins ties).
pub const LANGS: &[Lang] = &[EN, RU];
