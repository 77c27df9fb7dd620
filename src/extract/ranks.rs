//! Ranks in running text: give it `Col-Gen`, `Lt. Gen.` or `Rear Admiral`, it gives back the
//! vocabulary's rank (Colonel General, OF-8). The longest written form wins.

use super::matcher::{self, Case, Hit, Table};
use crate::vocab::{self, Rank};

/// Every written form of every rank, for the vocabulary automaton.
pub(super) fn patterns() -> Vec<(String, u32, Case)> {
    let mut patterns = Vec::new();
    for (i, r) in vocab::ranks_file().ranks.iter().enumerate() {
        for form in r.forms.iter().chain([&r.name]) {
            let acronym = form.chars().all(|c| c.is_ascii_uppercase());
            // Forms written in lower case ("gen. bryg.", "płk", Polish) are matched as written.
            let lower = !form.chars().any(char::is_uppercase);
            let case = if acronym || lower {
                Case::Exact
            } else {
                Case::Capital
            };
            patterns.push((form.clone(), i as u32, case));
        }
    }
    patterns
}

/// Rank mentions in `text`; see [`rank`].
pub fn find(text: &str) -> Vec<Hit> {
    matcher::scan(text).take(Table::Rank)
}

/// The rank of a hit from [`find`].
pub fn rank(hit: &Hit) -> &'static Rank {
    &vocab::ranks()[hit.id as usize]
}

/// The rank whose full name, in any case, opens `text` ("lieutenant general who commands …"),
/// the longest one.
pub fn spelled_out(text: &str) -> Option<u32> {
    vocab::ranks()
        .iter()
        .enumerate()
        .filter(|(_, r)| {
            // "major-general" is "Major General" spelled with a hyphen.
            text.get(..r.name.len()).is_some_and(|head| {
                head.bytes()
                    .zip(r.name.bytes())
                    .all(|(t, n)| t.eq_ignore_ascii_case(&n) || (t == b'-' && n == b' '))
            }) && !text[r.name.len()..].starts_with(char::is_alphanumeric)
        })
        .max_by_key(|(_, r)| r.name.len())
        .map(|(i, _)| i as u32)
}

/// The rank at a vocabulary index.
pub fn by_index(i: u32) -> &'static Rank {
    &vocab::ranks()[i as usize]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str) -> Vec<&'static str> {
        find(text).iter().map(|h| rank(h).name.as_str()).collect()
    }

    #[test]
    fn a_rank_spelled_out_in_lower_case_is_found_at_the_start() {
        let name = |t: &str| spelled_out(t).map(|i| by_index(i).name.as_str());
        assert_eq!(
            name("lieutenant general who commands"),
            Some("Lieutenant General")
        );
        assert_eq!(name("general in the reserve"), Some("General"));
        assert_eq!(name("major-general who has led"), Some("Major General"));
        assert_eq!(name("vice admiral of"), Some("Vice Admiral"));
        assert_eq!(name("generalist"), None);
        assert_eq!(name("retired officer"), None);
    }

    #[test]
    fn every_style_resolves_to_the_full_rank() {
        assert_eq!(
            names("Col-Gen A, Lt. Gen. B, Maj-Gen C, Rear Adm. D, Air Marshal E, AVM F, Brig. Gen. G, Colonel General H, Army General I, Gen. J"),
            vec![
                "Colonel General",
                "Lieutenant General",
                "Major General",
                "Rear Admiral",
                "Air Marshal",
                "Air Vice Marshal",
                "Brigadier General",
                "Colonel General",
                "Army General",
                "General"
            ]
        );
    }

    #[test]
    fn portuguese_and_spanish_ranks_in_translated_text() {
        assert_eq!(
            names("General de Divisão A, Mayor General B, General de Brigada C and Contra-Almirante D"),
            vec!["Major General", "Major General", "Brigadier General", "Rear Admiral"]
        );
        assert_eq!(names("Cmde A and Cmde. B"), vec!["Commodore", "Commodore"]);
        assert_eq!(
            names("Generalleutnant A, Generalmajor B, Vizeadmiral C and Konteradmiral D"),
            vec![
                "Lieutenant General",
                "Major General",
                "Vice Admiral",
                "Rear Admiral"
            ]
        );
        // The Saudi fariq awwal as translated is a general, not a lieutenant general.
        assert_eq!(names("First Lieutenant General A"), vec!["General"]);
        assert_eq!(
            names("gen. bryg. A and ppłk B"),
            vec!["Brigadier General", "Lieutenant Colonel"]
        );
    }

    #[test]
    fn acronyms_need_their_case_and_words_their_capital() {
        assert_eq!(names("avm ltg the Public"), Vec::<&str>::new());
        // Ranks in lower case are found; the tokenizer keeps a one-word one only before a name.
        assert_eq!(names("the general public"), vec!["General"]);
        assert_eq!(
            names("LTG Smith and Lieutenant general Jones"),
            vec!["Lieutenant General", "Lieutenant General"]
        );
    }
}
