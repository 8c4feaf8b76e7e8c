//! Shared test helpers: a small place table standing in for the project's gazetteer.
#![allow(dead_code)]
use bulletin_events::orgs::PlaceLookup;

/// (written, canonical, is_country, country)
const PLACES: &[(&str, &str, bool, &str)] = &[
    ("kazakhstan", "Kazakhstan", true, "Kazakhstan"),
    ("republic of kazakhstan", "Kazakhstan", true, "Kazakhstan"),
    ("kyrgyzstan", "Kyrgyzstan", true, "Kyrgyzstan"),
    ("kyrgyz republic", "Kyrgyzstan", true, "Kyrgyzstan"),
    ("tajikistan", "Tajikistan", true, "Tajikistan"),
    ("turkmenistan", "Turkmenistan", true, "Turkmenistan"),
    ("uzbekistan", "Uzbekistan", true, "Uzbekistan"),
    ("afghanistan", "Afghanistan", true, "Afghanistan"),
    ("ukraine", "Ukraine", true, "Ukraine"),
    ("poland", "Poland", true, "Poland"),
    ("sudan", "Sudan", true, "Sudan"),
    ("south sudan", "South Sudan", true, "South Sudan"),
    ("somalia", "Somalia", true, "Somalia"),
    ("yemen", "Yemen", true, "Yemen"),
    ("syria", "Syria", true, "Syria"),
    ("lebanon", "Lebanon", true, "Lebanon"),
    ("jordan", "Jordan", true, "Jordan"),
    ("türkiye", "Türkiye", true, "Türkiye"),
    ("turkey", "Türkiye", true, "Türkiye"),
    ("germany", "Germany", true, "Germany"),
    ("japan", "Japan", true, "Japan"),
    ("france", "France", true, "France"),
    ("bangladesh", "Bangladesh", true, "Bangladesh"),
    ("ethiopia", "Ethiopia", true, "Ethiopia"),
    ("kenya", "Kenya", true, "Kenya"),
    ("nigeria", "Nigeria", true, "Nigeria"),
    ("haiti", "Haiti", true, "Haiti"),
    ("libya", "Libya", true, "Libya"),
    ("russia", "Russia", true, "Russia"),
    ("china", "China", true, "China"),
    ("india", "India", true, "India"),
    ("pakistan", "Pakistan", true, "Pakistan"),
    ("mongolia", "Mongolia", true, "Mongolia"),
    ("us", "United States", true, "United States"),
    ("usa", "United States", true, "United States"),
    ("united states", "United States", true, "United States"),
    ("uk", "United Kingdom", true, "United Kingdom"),
    ("united kingdom", "United Kingdom", true, "United Kingdom"),
    ("switzerland", "Switzerland", true, "Switzerland"),
    ("almaty", "Almaty", false, "Kazakhstan"),
    ("astana", "Astana", false, "Kazakhstan"),
    ("bishkek", "Bishkek", false, "Kyrgyzstan"),
    ("osh", "Osh", false, "Kyrgyzstan"),
    ("dushanbe", "Dushanbe", false, "Tajikistan"),
    ("ashgabat", "Ashgabat", false, "Turkmenistan"),
    ("tashkent", "Tashkent", false, "Uzbekistan"),
    ("turkmenabat", "Türkmenabat", false, "Turkmenistan"),
    ("dashoguz", "Daşoguz", false, "Turkmenistan"),
    ("kyiv", "Kyiv", false, "Ukraine"),
    ("kiev", "Kyiv", false, "Ukraine"),
    ("geneva", "Geneva", false, "Switzerland"),
    ("new york", "New York City", false, "United States"),
    ("washington", "Washington", false, "United States"),
    ("nairobi", "Nairobi", false, "Kenya"),
    ("khartoum", "Khartoum", false, "Sudan"),
    ("beirut", "Beirut", false, "Lebanon"),
    ("amman", "Amman", false, "Jordan"),
    ("gaza", "Gaza", false, "Palestine"),
    ("kabul", "Kabul", false, "Afghanistan"),
    ("berlin", "Berlin", false, "Germany"),
    ("paris", "Paris", false, "France"),
    ("london", "London", false, "United Kingdom"),
    ("brussels", "Brussels", false, "Belgium"),
    ("vienna", "Vienna", false, "Austria"),
    ("москва", "Moscow", false, "Russia"),
    ("brazil", "Brazil", true, "Brazil"),
    ("mozambique", "Mozambique", true, "Mozambique"),
    ("таджикистан", "Tajikistan", true, "Tajikistan"),
    ("таджикистана", "Tajikistan", true, "Tajikistan"),
    ("таджикистане", "Tajikistan", true, "Tajikistan"),
    ("узбекистан", "Uzbekistan", true, "Uzbekistan"),
    ("узбекистана", "Uzbekistan", true, "Uzbekistan"),
    ("узбекистане", "Uzbekistan", true, "Uzbekistan"),
    ("кыргызстан", "Kyrgyzstan", true, "Kyrgyzstan"),
    ("кыргызстане", "Kyrgyzstan", true, "Kyrgyzstan"),
    ("туркменистан", "Turkmenistan", true, "Turkmenistan"),
    ("туркменистана", "Turkmenistan", true, "Turkmenistan"),
    ("туркменистане", "Turkmenistan", true, "Turkmenistan"),
    ("казахстане", "Kazakhstan", true, "Kazakhstan"),
    ("казахстана", "Kazakhstan", true, "Kazakhstan"),
    ("душанбе", "Dushanbe", false, "Tajikistan"),
    ("бишкек", "Bishkek", false, "Kyrgyzstan"),
    ("бишкеке", "Bishkek", false, "Kyrgyzstan"),
    ("ош", "Osh", false, "Kyrgyzstan"),
    ("ташкент", "Tashkent", false, "Uzbekistan"),
    ("ашхабад", "Ashgabat", false, "Turkmenistan"),
    ("ашхабаде", "Ashgabat", false, "Turkmenistan"),
    ("алматы", "Almaty", false, "Kazakhstan"),
    ("казахстан", "Kazakhstan", true, "Kazakhstan"),
];

/// Case-insensitive, whitespace-collapsing lookup over `PLACES`.
pub struct TestPlaces;

/// Lower-cased, whitespace-collapsed key -> entry.
static INDEX: once_cell::sync::Lazy<std::collections::HashMap<&'static str, (&'static str, bool, &'static str)>> =
    once_cell::sync::Lazy::new(|| PLACES.iter().map(|p| (p.0, (p.1, p.2, p.3))).collect());

impl PlaceLookup for TestPlaces {
    fn place_country(&self, written: &str) -> Option<(&'static str, bool, &'static str)> {
        if written.len() > 40 {
            return None;
        }
        let mut k = String::with_capacity(written.len());
        for w in written.split_whitespace() {
            if !k.is_empty() {
                k.push(' ');
            }
            k.extend(w.chars().flat_map(char::to_lowercase));
        }
        INDEX.get(k.as_str()).copied()
    }
}
