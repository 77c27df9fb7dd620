//! What the generator writes with, built once: a vocabulary of tens of thousands of words made
//! from the syllables of `index_schema/synth.json` (ranked for Zipf's law, plain English words
//! first), names of people and outlets, the countries written the way extraction reads them,
//! every written form of every rank, posts, cities, event series, topic cues.
//!
//! Background words never include a word that extraction keys on (meeting cues, topic cues,
//! outcome nouns, event names, date words), and names never include a capitalised word it
//! classes (ranks, countries, cities, office words): the truth the generator writes is then
//! the truth extraction can read.

use std::collections::HashSet;
use std::sync::LazyLock;

use serde::{Deserialize, Serialize};

use super::rng::Rng;
use crate::extract::countries;
use crate::text::{capitalise, fold};
use crate::vocab::{self, EventEntry, TopicEntry};

/// `index_schema/synth.json`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SynthFile {
    pub about: String,
    pub appositive_heads: Vec<String>,
    pub appositive_units: Vec<String>,
    pub common_words: Vec<String>,
    pub filler_openers: Vec<String>,
    pub name_codas: Vec<String>,
    pub name_nuclei: Vec<String>,
    pub name_onsets: Vec<String>,
    pub outlet_suffixes: Vec<String>,
    /// `[as written before a name, the position a record holds]`.
    pub posts: Vec<(String, String)>,
    pub surname_suffixes: Vec<String>,
    pub word_codas: Vec<String>,
    pub word_nuclei: Vec<String>,
    pub word_onsets: Vec<String>,
    pub word_suffixes: Vec<String>,
}

pub(crate) const SYNTH_JSON: &str = include_str!("../../index_schema/synth.json");

/// Words of background text, most frequent first.
const TOP_WORDS: [&str; 20] = [
    "the", "of", "and", "to", "in", "a", "for", "on", "that", "with", "as", "by", "is", "at",
    "from", "was", "it", "its", "were", "which",
];
/// Distinct generated words wanted in the vocabulary.
const GENERATED_WORDS: usize = 40_000;
const FIRST_NAMES: usize = 3_000;
const SURNAMES: usize = 12_000;
const OUTLETS: usize = 60;
/// Fixed: the vocabulary is the same for every corpus; only the articles depend on the seed.
const MATERIAL_SEED: u64 = 0x5EED_A77A_C4E0;

/// A country as the generator writes it.
#[derive(Debug, Clone)]
pub struct Country {
    pub code: &'static str,
    /// The adjective or name written before a post: `Turkish`, `Tuvalu`.
    pub adjective: String,
}

/// One written form of a rank.
#[derive(Debug, Clone)]
pub struct RankForm {
    pub written: &'static str,
    /// The full English rank extraction reports.
    pub name: &'static str,
}

pub struct Material {
    pub file: SynthFile,
    /// Background words, most frequent first.
    pub words: Vec<String>,
    pub first_names: Vec<String>,
    pub surnames: Vec<String>,
    pub outlets: Vec<String>,
    pub countries: Vec<Country>,
    pub ranks: Vec<RankForm>,
    pub cities: Vec<&'static str>,
    pub events: &'static [EventEntry],
    pub topics: &'static [TopicEntry],
}

pub fn material() -> &'static Material {
    static MATERIAL: LazyLock<Material> = LazyLock::new(Material::build);
    &MATERIAL
}

/// Lower-case words of a phrase, split at anything but letters and digits.
fn words_of(phrase: &str) -> impl Iterator<Item = String> + '_ {
    fold(phrase)
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect::<Vec<_>>()
        .into_iter()
}

/// Every phrase of the lists.
fn each<'a>(lists: &[&'a Vec<String>]) -> Vec<&'a str> {
    lists
        .iter()
        .flat_map(|l| l.iter().map(String::as_str))
        .collect()
}

/// Words that background text must not contain: every word of a phrase that extraction matches
/// in lower case (meeting cues, topics, outcomes, event names, relative days). Function words
/// stay allowed: a cue needs its other words too.
fn background_blocklist() -> HashSet<String> {
    let c = vocab::cues();
    let mut phrases = each(&[
        &c.attendance,
        &c.call,
        &c.continuation,
        &c.meeting,
        &c.planned,
        &c.plural_meetings,
        &c.side_heads,
        &c.position_heads,
    ]);
    for t in &vocab::topics_file().topics {
        phrases.extend(t.cues.iter().chain(&t.items).map(String::as_str));
    }
    let o = vocab::outcomes_file();
    for x in &o.outcomes {
        phrases.extend(x.phrases.iter().chain(&x.nouns).map(String::as_str));
    }
    phrases.extend(o.signing_words.iter().map(String::as_str));
    for e in &vocab::events_file().events {
        phrases.extend(e.aliases.iter().map(String::as_str));
    }
    phrases.extend(["yesterday", "today"]);
    let function: HashSet<&str> = TOP_WORDS
        .iter()
        .copied()
        .chain([
            "an", "are", "be", "his", "their", "this", "up", "will", "who", "when",
        ])
        .collect();
    phrases
        .into_iter()
        .flat_map(words_of)
        .filter(|w| !function.contains(w.as_str()))
        .collect()
}

/// Words that a name must not be: all of the above, and every capitalised word extraction
/// classes (ranks, countries, institutions, cities, offices, honorifics, months, days).
fn name_blocklist(background: &HashSet<String>) -> HashSet<String> {
    let c = vocab::cues();
    let mut out = background.clone();
    let mut phrases = each(&[
        &c.abbreviations,
        &c.boundaries,
        &c.not_rank_after,
        &c.office_words,
        &c.person_intro,
        &c.stop_words,
        &c.titles,
    ]);
    for r in &vocab::ranks_file().ranks {
        phrases.push(&r.name);
        phrases.extend(r.forms.iter().map(String::as_str));
    }
    let countries = vocab::countries_file();
    phrases.extend(countries.cities.iter().map(|(n, _)| n.as_str()));
    out.extend(phrases.into_iter().flat_map(words_of));
    // Months and days, as dates write them.
    let day = chrono::NaiveDate::from_ymd_opt(2001, 1, 1).expect("a valid day");
    for n in 0..365 {
        let d = day + chrono::Days::new(n);
        out.extend(words_of(&d.format("%B %A").to_string()));
    }
    out.extend(vocab::country_text_names().flat_map(|(n, _)| words_of(n)));
    out.extend(
        [
            "al", "bin", "bint", "da", "de", "del", "der", "ibn", "van", "von",
        ]
        .map(String::from),
    );
    out
}

fn syllable(rng: &mut Rng, onsets: &[String], nuclei: &[String], codas: &[String]) -> String {
    let coda = if rng.chance(0.5) {
        ""
    } else {
        rng.pick(codas).as_str()
    };
    format!("{}{}{coda}", rng.pick(onsets), rng.pick(nuclei))
}

/// Letters a name may carry with a diacritic, as written in NFC.
const ACCENTED: [(char, char); 6] = [
    ('u', 'ü'),
    ('o', 'ö'),
    ('s', 'ş'),
    ('c', 'ç'),
    ('e', 'é'),
    ('g', 'ğ'),
];

fn accent(rng: &mut Rng, word: &str) -> String {
    let i = rng.below(word.len());
    let mut out = String::with_capacity(word.len() + 1);
    for (k, ch) in word.chars().enumerate() {
        match ACCENTED.iter().find(|(plain, _)| *plain == ch) {
            Some((_, marked)) if k >= i => {
                out.push(*marked);
                out.extend(word.chars().skip(k + 1));
                return out;
            }
            _ => out.push(ch),
        }
    }
    out
}

/// Draws distinct words until `n` pass `keep`.
fn distinct(
    n: usize,
    rng: &mut Rng,
    seen: &mut HashSet<String>,
    mut make: impl FnMut(&mut Rng) -> String,
    keep: impl Fn(&str) -> bool,
) -> Vec<String> {
    let mut out = Vec::with_capacity(n);
    while out.len() < n {
        let w = make(rng);
        if keep(&w) && seen.insert(w.clone()) {
            out.push(w);
        }
    }
    out
}

/// The form of a country that extraction reads back as exactly that country, if any.
fn country_form(code: &'static str) -> Option<String> {
    let mut forms: Vec<&str> = vocab::countries_file()
        .aliases
        .iter()
        .filter(|(_, c)| c == code)
        .map(|(n, _)| n.as_str())
        .collect();
    forms.sort_by_key(|f| (!f.ends_with(['n', 'i', 'h', 'e']), f.len()));
    // Member states: the sides of defense diplomacy (no territories such as Jersey).
    let country = keshvar::CountryIterator::new()
        .find(|c| c.alpha2().to_string() == code && c.un_member())?;
    let own: Vec<&str> = country
        .maybe_nationality()
        .into_iter()
        .chain([country.iso_short_name()])
        .collect();
    own.into_iter().chain(forms).find_map(|form| {
        if !form
            .chars()
            .all(|c| c.is_alphabetic() || c == ' ' || c == '-')
        {
            return None;
        }
        let hits = countries::find(form);
        let whole = hits.len() == 1
            && hits[0].start == 0
            && hits[0].end == form.len()
            && countries::code(&hits[0]) == code
            && !countries::is_institution(&hits[0]);
        whole.then(|| form.to_string())
    })
}

impl Material {
    fn build() -> Material {
        let file: SynthFile = serde_json::from_str(SYNTH_JSON)
            .unwrap_or_else(|e| panic!("index_schema/synth.json is malformed: {e}"));
        let background = background_blocklist();
        let names_blocked = name_blocklist(&background);
        let mut rng = Rng::for_item(MATERIAL_SEED, 0);

        let mut seen: HashSet<String> = HashSet::new();
        let mut words: Vec<String> = Vec::new();
        for w in TOP_WORDS
            .iter()
            .map(|w| w.to_string())
            .chain(file.common_words.iter().cloned())
        {
            if !background.contains(&w) && seen.insert(w.clone()) {
                words.push(w);
            }
        }
        let f = &file;
        words.extend(distinct(
            GENERATED_WORDS,
            &mut rng,
            &mut seen,
            |r| {
                let n = r.weighted(&[3, 5, 3, 1]) + 1;
                let mut w: String = (0..n)
                    .map(|_| syllable(r, &f.word_onsets, &f.word_nuclei, &f.word_codas))
                    .collect();
                if r.chance(0.35) {
                    w.push_str(r.pick(&f.word_suffixes).as_str());
                }
                w
            },
            |w| (3..=14).contains(&w.len()) && !background.contains(w),
        ));

        let name_ok = |w: &str| {
            let folded = fold(w);
            (3..=12).contains(&folded.len()) && !names_blocked.contains(&folded)
        };
        let mut name_seen: HashSet<String> = HashSet::new();
        let name = |r: &mut Rng, syllables: usize, suffixes: &[String]| {
            let mut w: String = (0..syllables)
                .map(|_| syllable(r, &f.name_onsets, &f.name_nuclei, &f.name_codas))
                .collect();
            if !suffixes.is_empty() && r.chance(0.5) {
                w.push_str(r.pick(suffixes).as_str());
            }
            if r.chance(0.08) {
                w = accent(r, &w);
            }
            capitalise(&w)
        };
        let first_names = distinct(
            FIRST_NAMES,
            &mut rng,
            &mut name_seen,
            |r| {
                let n = r.between(2, 3);
                name(r, n, &[])
            },
            name_ok,
        );
        let surnames = distinct(
            SURNAMES,
            &mut rng,
            &mut name_seen,
            |r| {
                let n = r.between(2, 3);
                name(r, n, &f.surname_suffixes)
            },
            name_ok,
        );
        let outlets = distinct(
            OUTLETS,
            &mut rng,
            &mut name_seen,
            |r| {
                let n = r.between(2, 3);
                format!("{} {}", name(r, n, &[]), r.pick(&f.outlet_suffixes))
            },
            |w| w.split(' ').next().is_some_and(name_ok),
        );

        let countries: Vec<Country> = vocab::country_codes()
            .into_iter()
            .filter_map(|code| country_form(code).map(|adjective| Country { code, adjective }))
            .collect();
        let ranks = vocab::ranks_file()
            .ranks
            .iter()
            .flat_map(|r| {
                r.forms.iter().map(move |form| RankForm {
                    written: form.as_str(),
                    name: r.name.as_str(),
                })
            })
            .collect();
        // A city that is also a country's name (Singapore) reads as the country.
        let cities = vocab::countries_file()
            .cities
            .iter()
            .map(|(n, _)| n.as_str())
            .filter(|n| countries::find(n).is_empty())
            .collect();
        Material {
            file,
            words,
            first_names,
            surnames,
            outlets,
            countries,
            ranks,
            cities,
            events: &vocab::events_file().events,
            topics: &vocab::topics_file().topics,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_file_is_sorted_unique_and_round_trips() {
        let f = &material().file;
        for (name, list) in [
            ("appositive_heads", &f.appositive_heads),
            ("appositive_units", &f.appositive_units),
            ("common_words", &f.common_words),
            ("filler_openers", &f.filler_openers),
            ("name_codas", &f.name_codas),
            ("name_nuclei", &f.name_nuclei),
            ("name_onsets", &f.name_onsets),
            ("outlet_suffixes", &f.outlet_suffixes),
            ("surname_suffixes", &f.surname_suffixes),
            ("word_codas", &f.word_codas),
            ("word_nuclei", &f.word_nuclei),
            ("word_onsets", &f.word_onsets),
            ("word_suffixes", &f.word_suffixes),
        ] {
            assert!(list.windows(2).all(|w| w[0] < w[1]), "{name}");
        }
        assert!(f.posts.windows(2).all(|w| w[0].0 < w[1].0), "posts");
        let original: serde_json::Value = serde_json::from_str(SYNTH_JSON).unwrap();
        assert_eq!(serde_json::to_value(f).unwrap(), original);
    }

    #[test]
    fn the_vocabulary_is_large_and_names_are_plain() {
        let m = material();
        assert!(m.words.len() > 40_000, "{}", m.words.len());
        assert_eq!(m.words[0], "the");
        assert!(m.countries.len() >= 150, "{}", m.countries.len());
        let forms: usize = vocab::ranks_file()
            .ranks
            .iter()
            .map(|r| r.forms.len())
            .sum();
        assert_eq!(m.ranks.len(), forms);
        assert_eq!(m.first_names.len(), FIRST_NAMES);
        assert_eq!(m.surnames.len(), SURNAMES);
        for w in ["met", "cooperation", "signed", "exhibition", "yesterday"] {
            assert!(!m.words.iter().any(|x| x == w), "{w}");
        }
        assert!(m.countries.iter().any(|c| c.code == "TR"));
    }
}
