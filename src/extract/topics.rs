//! Topics and outcomes of a meeting, from its own passage only. Topic cues are matched where
//! they are not part of a capitalised name; bare enumeration members ("educational") count
//! inside a list opened by "military". Outcomes need their noun and a signing word in the
//! same sentence ("The parties signed a protocol"), or a phrase that names them outright.

use super::matcher::{within, Case, Hit, Matcher};
use crate::vocab;
use std::ops::Range;
use std::sync::LazyLock;

struct Automata {
    cues: Matcher,
    items: Matcher,
    phrases: Matcher,
    nouns: Matcher,
    signing: Matcher,
}

static AUTOMATA: LazyLock<Automata> = LazyLock::new(|| {
    let t = &vocab::topics_file().topics;
    let o = vocab::outcomes_file();
    let each = |lists: Vec<&Vec<String>>, case: Case| {
        let mut v = Vec::new();
        for (i, list) in lists.into_iter().enumerate() {
            v.extend(list.iter().map(|p| (p.clone(), i as u32, case)));
        }
        Matcher::new(v)
    };
    Automata {
        cues: each(t.iter().map(|t| &t.cues).collect(), Case::Lower),
        items: each(t.iter().map(|t| &t.items).collect(), Case::Lower),
        phrases: each(o.outcomes.iter().map(|o| &o.phrases).collect(), Case::Any),
        nouns: each(o.outcomes.iter().map(|o| &o.nouns).collect(), Case::Any),
        signing: each(vec![&o.signing_words], Case::Any),
    }
});

/// Every topic and outcome cue of an article, found once.
pub struct TopicHits {
    cues: Vec<Hit>,
    items: Vec<Hit>,
    phrases: Vec<Hit>,
    nouns: Vec<Hit>,
    signing: Vec<Hit>,
}

impl TopicHits {
    pub fn new(text: &str) -> TopicHits {
        let a = &*AUTOMATA;
        TopicHits {
            cues: a.cues.find(text),
            items: a.items.find(text),
            phrases: a.phrases.find(text),
            nouns: a.nouns.find(text),
            signing: a.signing.find(text),
        }
    }

    /// Topic slugs named in `range`, added to `out`.
    pub fn topics(&self, text: &str, range: Range<usize>, out: &mut Vec<&'static str>) {
        let slugs = &vocab::topics_file().topics;
        for h in within(&self.cues, range.start, range.end) {
            out.push(slugs[h.id as usize].slug.as_str());
        }
        for h in within(&self.items, range.start, range.end) {
            if in_military_list(text, range.start, h.start) {
                out.push(slugs[h.id as usize].slug.as_str());
            }
        }
    }

    /// Outcome slugs of the sentence `range`, added to `out`.
    pub fn outcomes(&self, range: Range<usize>, out: &mut Vec<&'static str>) {
        let list = &vocab::outcomes_file().outcomes;
        for h in within(&self.phrases, range.start, range.end) {
            out.push(list[h.id as usize].slug.as_str());
        }
        if !within(&self.signing, range.start, range.end).is_empty() {
            for h in within(&self.nouns, range.start, range.end) {
                out.push(list[h.id as usize].slug.as_str());
            }
        }
    }
}

/// Whether the word at `at` is a member of an enumeration that "military" opens:
/// "military-technical, educational, and medical spheres".
fn in_military_list(text: &str, floor: usize, at: usize) -> bool {
    let mut from = floor.max(at.saturating_sub(120));
    // 120 bytes back may fall inside a character.
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let head = &text[from..at];
    let Some(clause_start) = head.rfind(['.', ';', ':']).map(|p| p + 1).or(Some(0)) else {
        return false;
    };
    let clause = &head[clause_start..];
    let before = clause.trim_end();
    let listed = before.ends_with(',') || before.ends_with(" and") || before.ends_with(" or");
    listed && clause.to_ascii_lowercase().contains("military")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_list_far_into_non_ascii_text_is_read_on_character_boundaries() {
        for lead in ["", "x"] {
            topics_of(&format!(
                "{lead}{} military cooperation, and training.",
                "é".repeat(100)
            ));
        }
    }

    fn topics_of(text: &str) -> Vec<&'static str> {
        let mut v = Vec::new();
        TopicHits::new(text).topics(text, 0..text.len(), &mut v);
        v.sort_unstable();
        v.dedup();
        v
    }

    fn outcomes_of(text: &str) -> Vec<&'static str> {
        let mut v = Vec::new();
        TopicHits::new(text).outcomes(0..text.len(), &mut v);
        v.sort_unstable();
        v
    }

    #[test]
    fn topics_from_cues_and_military_enumerations() {
        assert_eq!(
            topics_of("cooperation in the domains of regional security, military, military-technical, military education, and military medicine"),
            vec!["military-education", "military-medicine", "military-technical", "regional-security"]
        );
        assert_eq!(
            topics_of("military cooperation including military-technical, educational, and medical spheres"),
            vec!["military-education", "military-medicine", "military-technical"]
        );
        assert_eq!(
            topics_of("joint military drills and reciprocal visits"),
            vec!["joint-exercises", "mutual-visits"]
        );
        assert_eq!(
            topics_of("maritime security, demining and counter-terrorism"),
            vec!["counter-terrorism", "demining", "maritime-security"]
        );
    }

    #[test]
    fn names_and_bare_words_outside_lists_are_not_topics() {
        assert!(topics_of("chairman of the Belarusian Defense Industry Committee").is_empty());
        assert!(topics_of("a medical check and educational visit").is_empty());
    }

    #[test]
    fn outcomes_need_a_signing_word_or_a_naming_phrase() {
        assert_eq!(
            outcomes_of("The parties signed a protocol outlining the outcomes."),
            vec!["protocol-signed"]
        );
        assert_eq!(
            outcomes_of("Several contracts on cooperation were signed."),
            vec!["contracts-signed"]
        );
        assert_eq!(
            outcomes_of("They issued a joint press statement."),
            vec!["joint-statement"]
        );
        assert!(outcomes_of("steps taken under bilateral agreements").is_empty());
        assert_eq!(
            outcomes_of("A memorandum of understanding was inked."),
            vec!["memorandum-signed"]
        );
    }
}
