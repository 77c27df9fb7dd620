//! Countries in running text: names, demonyms, aliases and institutions (`Turkish`, `Iran's`,
//! `Rafael`, `the Pentagon`) → ISO alpha-2 codes; and the cities that place a meeting.

use super::matcher::{self, Case, Hit, Table};
use crate::text::fold;
use crate::vocab;
use std::collections::HashSet;
use std::sync::LazyLock;

fn case_of(name: &str) -> Case {
    let letters = name.chars().filter(|c| c.is_alphabetic()).count();
    if letters >= 2 && name.chars().all(|c| !c.is_lowercase()) {
        Case::Exact
    } else {
        Case::Capital
    }
}

/// Letters that decomposed (NFD) text spells as a base letter and a combining mark.
const DECOMPOSED: [(char, &str); 24] = [
    ('á', "a\u{301}"),
    ('â', "a\u{302}"),
    ('ã', "a\u{303}"),
    ('ä', "a\u{308}"),
    ('å', "a\u{30A}"),
    ('ç', "c\u{327}"),
    ('é', "e\u{301}"),
    ('è', "e\u{300}"),
    ('ê', "e\u{302}"),
    ('ğ', "g\u{306}"),
    ('í', "i\u{301}"),
    ('î', "i\u{302}"),
    ('ñ', "n\u{303}"),
    ('ó', "o\u{301}"),
    ('ô', "o\u{302}"),
    ('ö', "o\u{308}"),
    ('ş', "s\u{327}"),
    ('ú', "u\u{301}"),
    ('ü', "u\u{308}"),
    ('Ç', "C\u{327}"),
    ('É', "E\u{301}"),
    ('Ö', "O\u{308}"),
    ('Ş', "S\u{327}"),
    ('Ü', "U\u{308}"),
];

fn decompose(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 4);
    for c in s.chars() {
        match DECOMPOSED.iter().find(|(k, _)| *k == c) {
            Some((_, d)) => out.push_str(d),
            None => out.push(c),
        }
    }
    out
}

/// The country patterns, and for each id its code and whether it names an institution.
type CountryTable = (Vec<(String, u32, Case)>, Vec<(&'static str, bool)>);

static COUNTRIES: LazyLock<CountryTable> = LazyLock::new(|| {
    let file = vocab::countries_file();
    let institutions: HashSet<&str> = file.institutions.iter().map(|(n, _)| n.as_str()).collect();
    let ours: HashSet<&str> = file
        .aliases
        .iter()
        .map(|(n, _)| n.as_str())
        .chain(institutions.iter().copied())
        .collect();
    let mut codes = Vec::new();
    let mut seen = HashSet::new();
    let mut patterns = Vec::new();
    // Waters come first and, being longer, win over the country inside their name.
    for name in &vocab::countries_file().waters {
        if seen.insert(name.clone()) {
            patterns.push((name.clone(), codes.len() as u32, Case::Capital));
            codes.push(("", false));
        }
    }
    for (name, code) in vocab::country_text_names() {
        // The folded spelling too: `Türkiye` is often written `Turkiye`.
        let folded = {
            let f = fold(name);
            let mut c = f.chars();
            c.next()
                .map(|h| h.to_uppercase().chain(c).collect::<String>())
                .unwrap_or_default()
        };
        // (Only for names with letters to fold: an acronym's folded form would lose its case.)
        let folded = if name.is_ascii() {
            name.to_string()
        } else {
            folded
        };
        // keshvar's names in other scripts of Latin ("Österreich") are looked for folded only:
        // English text spells them so, and every distinct non-ASCII byte would enlarge the
        // automaton. Our own names keep their letters, composed and decomposed ("Türkiye").
        let variants = if ours.contains(name) || name.is_ascii() {
            vec![name.to_string(), folded, decompose(name)]
        } else {
            vec![folded]
        };
        for n in variants {
            if seen.insert(n.clone()) {
                patterns.push((n.clone(), codes.len() as u32, case_of(&n)));
                codes.push((code, institutions.contains(name)));
            }
        }
    }
    (patterns, codes)
});

/// Country names, demonyms, aliases, institutions and waters, for the vocabulary automaton.
pub(super) fn patterns() -> Vec<(String, u32, Case)> {
    COUNTRIES.0.clone()
}

/// City names, for the vocabulary automaton.
pub(super) fn city_patterns() -> Vec<(String, u32, Case)> {
    vocab::countries_file()
        .cities
        .iter()
        .enumerate()
        .map(|(i, (n, _))| (n.clone(), i as u32, Case::Capital))
        .collect()
}

/// Country mentions in `text`; see [`code`].
pub fn find(text: &str) -> Vec<Hit> {
    matcher::scan(text).take(Table::Country)
}

/// The alpha-2 code of a hit from [`find`]; empty for waters and regions named after a country
/// ("South China Sea"), which stand for none.
pub fn code(hit: &Hit) -> &'static str {
    COUNTRIES.1[hit.id as usize].0
}

/// Whether a hit from [`find`] names an institution or company rather than the country itself.
pub fn is_institution(hit: &Hit) -> bool {
    COUNTRIES.1[hit.id as usize].1
}

/// City mentions in `text`; see [`city`].
pub fn find_cities(text: &str) -> Vec<Hit> {
    matcher::scan(text).take(Table::City)
}

/// The city's name for a hit from [`find_cities`].
pub fn city(hit: &Hit) -> &'static str {
    vocab::countries_file().cities[hit.id as usize].0.as_str()
}

/// The country of a city [`city`] names.
pub fn city_country(name: &str) -> Option<&'static str> {
    vocab::countries_file()
        .cities
        .iter()
        .find(|(n, _)| n == name)
        .and_then(|(_, code)| vocab::country_name(code).map(|_| code.as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(text: &str) -> Vec<&'static str> {
        find(text).iter().map(code).collect()
    }

    #[test]
    fn finds_names_demonyms_aliases_and_institutions() {
        assert_eq!(
            codes("Azerbaijani and Turkish officials met in Türkiye and Turkiye; Iran's envoy and the U.S. side"),
            vec!["AZ", "TR", "TR", "TR", "IR", "US"]
        );
        assert_eq!(
            codes(
                "Yoav Har-Even, head of the Israeli Rafael company, met Pakistani and Saudi chiefs"
            ),
            vec!["IL", "IL", "PK", "SA"]
        );
        assert_eq!(
            codes("Azerbaijani-Israeli relations, a Filipino general, an Emirati firm"),
            vec!["AZ", "IL", "PH", "AE"]
        );
    }

    #[test]
    fn waters_named_after_a_country_stand_for_none() {
        assert_eq!(
            codes("patrols in the South China Sea and the Indian Ocean by China and India"),
            vec!["", "", "CN", "IN"]
        );
    }

    #[test]
    fn our_aliases_settle_names_several_countries_claim() {
        // keshvar gives "American" to the Northern Mariana Islands too, "Nigerian" to Niger.
        assert_eq!(
            codes("the American commander and a Nigerian general; a Hellenic frigate"),
            vec!["US", "NG", "GR"]
        );
        assert_eq!(
            codes("officers of the Royal Navy and CENTCOM"),
            vec!["GB", "US"]
        );
        // An acronym keeps its case: "SAMI" is a Saudi company, "Sami" a first name.
        assert_eq!(codes("SAMI and Sami"), vec!["SA"]);
    }

    #[test]
    fn ignores_lower_case_words_and_bare_codes() {
        assert!(codes("let us turkey in the oven, it is by the way").is_empty());
        assert_eq!(codes("the US and UK"), vec!["US", "GB"]);
        assert_eq!(codes("the Republic of Tu\u{308}rkiye"), vec!["TR"]);
    }

    #[test]
    fn finds_cities() {
        let t = "talks in New Delhi and BAKU, not in baku";
        let names: Vec<_> = find_cities(t).iter().map(city).collect();
        assert_eq!(names, vec!["New Delhi", "Baku"]);
        assert_eq!(city_country("Bengaluru"), Some("IN"));
        assert_eq!(city_country("Atlantis"), None);
    }
}
