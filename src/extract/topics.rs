//! Topics and outcomes of a meeting, from its own passage only. Topic cues are matched where
//! they are not part of a capitalised name; bare enumeration members ("educational") count
//! inside a list opened by "military". Outcomes need their noun and a signing word in the
//! same sentence ("The parties signed a protocol"), or a phrase that names them outright.

use super::dates;
use super::matcher::{self, within, Case, Hit, Scan, Table};
use crate::vocab;
use chrono::{Datelike, NaiveDate};
use std::ops::Range;

/// Topic cues, enumeration items, outcome phrases and nouns, and signing words, each in its
/// table, for the vocabulary automaton.
pub(super) fn patterns() -> Vec<(Table, String, u32, Case)> {
    let t = &vocab::topics_file().topics;
    let o = vocab::outcomes_file();
    let mut v = Vec::new();
    let mut each = |table: Table, lists: Vec<&Vec<String>>, case: Case| {
        for (i, list) in lists.into_iter().enumerate() {
            v.extend(list.iter().map(|p| (table, p.clone(), i as u32, case)));
        }
    };
    // Equipment phrases are matched too, with an id past the topics, so that being longer they
    // hide the cue inside them ("training aircraft").
    let equipment = &vocab::topics_file().equipment;
    each(
        Table::Topic,
        t.iter().map(|t| &t.cues).chain([equipment]).collect(),
        Case::Lower,
    );
    each(
        Table::TopicItem,
        t.iter().map(|t| &t.items).collect(),
        Case::Lower,
    );
    each(
        Table::OutcomePhrase,
        o.outcomes.iter().map(|o| &o.phrases).collect(),
        Case::Any,
    );
    each(
        Table::OutcomeNoun,
        o.outcomes.iter().map(|o| &o.nouns).collect(),
        Case::Any,
    );
    each(Table::Signing, vec![&o.signing_words], Case::Any);
    v
}

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
        TopicHits::from_scan(&mut matcher::scan(text))
    }

    /// From the topic and outcome tables of a [`Scan`].
    pub fn from_scan(scan: &mut Scan) -> TopicHits {
        TopicHits {
            cues: scan.take(Table::Topic),
            items: scan.take(Table::TopicItem),
            phrases: scan.take(Table::OutcomePhrase),
            nouns: scan.take(Table::OutcomeNoun),
            signing: scan.take(Table::Signing),
        }
    }

    /// Topic slugs named in `range`, added to `out`.
    pub fn topics(&self, text: &str, range: Range<usize>, out: &mut Vec<&'static str>) {
        let slugs = &vocab::topics_file().topics;
        for h in within(&self.cues, range.start, range.end) {
            if let Some(t) = slugs.get(h.id as usize) {
                out.push(t.slug.as_str());
            }
        }
        for h in within(&self.items, range.start, range.end) {
            if in_military_list(text, range.start, h.start) {
                out.push(slugs[h.id as usize].slug.as_str());
            }
        }
    }

    /// Outcome slugs of the sentence `range`, added to `out`. A signing the sentence places in
    /// the past ("the agreement signed last month", "signed in 2022") is background, not an
    /// outcome of the meeting.
    pub fn outcomes(
        &self,
        text: &str,
        range: Range<usize>,
        published: Option<NaiveDate>,
        out: &mut Vec<&'static str>,
    ) {
        let list = &vocab::outcomes_file().outcomes;
        for h in within(&self.phrases, range.start, range.end) {
            out.push(list[h.id as usize].slug.as_str());
        }
        let signed = !within(&self.signing, range.start, range.end).is_empty();
        if signed && !in_the_past(&text[range.clone()], published) && !denied(&text[range.clone()])
        {
            for h in within(&self.nouns, range.start, range.end) {
                out.push(list[h.id as usize].slug.as_str());
            }
        }
    }
}

impl TopicHits {
    /// Whether the sentence `range` reports a signing of an outcome ("signed a memorandum of
    /// understanding"), not one it places in the past.
    pub fn signs(&self, text: &str, range: Range<usize>, published: Option<NaiveDate>) -> bool {
        !within(&self.signing, range.start, range.end).is_empty()
            && !within(&self.nouns, range.start, range.end).is_empty()
            && !in_the_past(&text[range], published)
    }
}

/// Whether a sentence dates what it reports before the meeting: "last month", "earlier this
/// week", "two years ago", "in 2022" (a year before the publication's), "in December" (a month
/// other than the publication's), "the agreement, which the two countries signed on Monday".
fn in_the_past(sentence: &str, published: Option<NaiveDate>) -> bool {
    let year = published.map(|d| d.year());
    // "signed a contract in December": a month of its own, without a day.
    let other_month = sentence.match_indices("in ").any(|(i, _)| {
        let rest = &sentence[i + 3..];
        let word = rest
            .split(|c: char| !c.is_ascii_alphabetic())
            .next()
            .unwrap_or("");
        let after = rest[word.len()..].trim_start_matches(['.', ' ']);
        dates::month_number(word).is_some_and(|m| published.is_some_and(|p| p.month() != m))
            && !after.starts_with(|c: char| c.is_ascii_digit())
    });
    let s = sentence.to_ascii_lowercase();
    let marked = [
        "last week",
        "last month",
        "last year",
        "earlier this",
        "previously",
        " ago",
        "in the past",
    ]
    .iter()
    .any(|m| s.contains(m));
    let b = s.as_bytes();
    let dated = s.match_indices("in ").any(|(i, _)| {
        let y = &b[i + 3..(i + 7).min(b.len())];
        let earlier = std::str::from_utf8(y)
            .ok()
            .and_then(|y| y.parse::<i32>().ok())
            .is_some_and(|y| year.is_some_and(|now| (1900..now).contains(&y)));
        y.len() == 4 && earlier && b.get(i + 7).is_none_or(|c| !c.is_ascii_digit())
    });
    // A relative clause that names its own day describes an agreement already signed.
    let relative = s
        .find(" signed")
        .is_some_and(|k| s[..k].contains(" which ") || s[..k].contains(" that "));
    let day = [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "yesterday",
    ]
    .iter()
    .any(|d| s.contains(d));
    marked || dated || other_month || (relative && day)
}

/// Whether a sentence says nothing was signed: "no contract was signed", "did not sign", "has
/// not yet been signed".
fn denied(sentence: &str) -> bool {
    let s = sentence.to_ascii_lowercase();
    let nothing = s.match_indices("no ").any(|(i, _)| {
        (i == 0 || !s.as_bytes()[i - 1].is_ascii_alphanumeric())
            && [
                "contract",
                "agreement",
                "deal",
                "memorand",
                "protocol",
                "document",
            ]
            .iter()
            .any(|n| s[i + 3..].starts_with(n))
    });
    let not = [
        "not sign",
        "n't sign",
        "not been sign",
        "not yet sign",
        "not yet been sign",
    ]
    .iter()
    .any(|n| s.contains(n));
    nothing || not
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
        TopicHits::new(text).outcomes(
            text,
            0..text.len(),
            NaiveDate::from_ymd_opt(2024, 3, 10),
            &mut v,
        );
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
        assert!(topics_of("the sale of training aircraft").is_empty());
        assert_eq!(
            topics_of("the training of officers and the planned acquisition of frigates"),
            vec!["arms-procurement", "training"]
        );
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
        assert!(outcomes_of("They reviewed the agreement signed last month.").is_empty());
        assert!(outcomes_of("The two countries signed an access agreement in 2022.").is_empty());
        assert!(outcomes_of(
            "They discussed the agreement, which the two countries signed on Monday."
        )
        .is_empty());
        assert_eq!(
            outcomes_of("They signed a contract for two ships, to be delivered in 2027."),
            vec!["contracts-signed"]
        );
        assert!(outcomes_of("A spokesperson said no contract was signed at the show.").is_empty());
        assert!(outcomes_of("The memorandum has not yet been signed.").is_empty());
        assert!(outcomes_of("They didn't sign the agreement.").is_empty());
        // Published on 10 March: a month of its own dates the signing before the meeting.
        assert!(outcomes_of("Estonia signed a contract for six launchers in December.").is_empty());
        assert!(outcomes_of("The deal they signed in Jan. is in force.").is_empty());
        assert_eq!(
            outcomes_of("They signed a memorandum in March, on the second day of talks."),
            vec!["memorandum-signed"]
        );
        assert_eq!(
            outcomes_of("They signed a memorandum on deliveries in December 2025 and 2026."),
            vec!["memorandum-signed"]
        );
    }
}
