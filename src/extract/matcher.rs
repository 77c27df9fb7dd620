//! Multi-pattern matching for every vocabulary: one Aho-Corasick automaton per table, built once,
//! run over the whole article once, keeping only matches at word boundaries that obey the
//! pattern's case rule. Hands back [`Hit`]s (byte range + payload id) in text order.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, Input, MatchKind};

/// How a pattern's case must agree with the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Case {
    /// Any case.
    Any,
    /// Byte for byte (acronyms such as `LTG`, `ADEX`).
    Exact,
    /// Any case, but the text must start with a capital (names: `Turkish`, not `turkish`).
    Capital,
    /// Any case, but not the start of a capitalised word unless it opens a sentence
    /// (topic cues are never part of a proper name such as "Defense Industry Committee").
    Lower,
}

/// One match: `[start, end)` in the text and the id given with the pattern.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub start: usize,
    pub end: usize,
    pub id: u32,
}

/// A built automaton with each pattern's id and case rule.
pub struct Matcher {
    ac: AhoCorasick,
    meta: Vec<(u32, Case)>,
    patterns: Vec<String>,
}

impl Matcher {
    /// Builds from `(pattern, id, case)`; empty patterns are ignored.
    pub fn new<S: AsRef<str>>(patterns: impl IntoIterator<Item = (S, u32, Case)>) -> Matcher {
        let mut pats = Vec::new();
        let mut meta = Vec::new();
        for (p, id, case) in patterns {
            let p = p.as_ref().trim();
            if !p.is_empty() {
                pats.push(p.to_string());
                meta.push((id, case));
            }
        }
        let ac = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            // Every article is scanned by a dozen automata: a DFA scans them several times
            // faster than the default NFA, for a few MB and milliseconds, built once.
            .kind(Some(aho_corasick::AhoCorasickKind::DFA))
            .build(&pats)
            .expect("vocabulary patterns build an automaton");
        Matcher {
            ac,
            meta,
            patterns: pats,
        }
    }

    /// Every accepted match in `text`, left to right, not overlapping.
    pub fn find(&self, text: &str) -> Vec<Hit> {
        let mut out = Vec::new();
        self.find_in(text, 0, text.len(), &mut out);
        out
    }

    /// Accepted matches within `text[from..to]`, appended to `out`.
    pub fn find_in(&self, text: &str, from: usize, to: usize, out: &mut Vec<Hit>) {
        let mut pos = from;
        while pos < to {
            let Some(m) = self.ac.find(Input::new(text).range(pos..to)) else {
                break;
            };
            let (s, e) = (m.start(), m.end());
            let (id, case) = self.meta[m.pattern().as_usize()];
            let pat = &self.patterns[m.pattern().as_usize()];
            if boundary_before(text, s) && boundary_after(text, e) && case_ok(text, s, e, pat, case)
            {
                out.push(Hit {
                    start: s,
                    end: e,
                    id,
                });
                pos = e;
            } else {
                // A rejected longest match may hide a shorter one starting later.
                pos = next_char(text, s);
            }
        }
    }
}

fn next_char(text: &str, i: usize) -> usize {
    let mut j = i + 1;
    while j < text.len() && !text.is_char_boundary(j) {
        j += 1;
    }
    j
}

fn is_word_char(c: Option<char>) -> bool {
    c.is_some_and(word_char)
}

/// Letters, digits and combining marks (text in decomposed form spells `ş` as `s` + U+0327).
pub fn word_char(c: char) -> bool {
    c.is_alphanumeric() || is_mark(c)
}

/// A combining diacritical mark.
pub fn is_mark(c: char) -> bool {
    matches!(c, '\u{300}'..='\u{36F}' | '\u{1AB0}'..='\u{1AFF}' | '\u{1DC0}'..='\u{1DFF}' | '\u{20D0}'..='\u{20FF}' | '\u{FE20}'..='\u{FE2F}')
}

fn boundary_before(text: &str, s: usize) -> bool {
    !is_word_char(text[..s].chars().next_back()) || !is_word_char(text[s..].chars().next())
}

fn boundary_after(text: &str, e: usize) -> bool {
    !is_word_char(text[e..].chars().next()) || !is_word_char(text[..e].chars().next_back())
}

fn case_ok(text: &str, s: usize, e: usize, pat: &str, case: Case) -> bool {
    let first = text[s..].chars().next().unwrap_or(' ');
    match case {
        Case::Any => true,
        Case::Exact => &text[s..e] == pat,
        Case::Capital => first.is_uppercase() || first.is_ascii_digit() || !first.is_alphabetic(),
        Case::Lower => !first.is_uppercase() || opens_sentence(text, s),
    }
}

/// Whether only spaces and quotes separate `s` from the start of its sentence.
pub fn opens_sentence(text: &str, s: usize) -> bool {
    match text[..s]
        .trim_end_matches([' ', '"', '\'', '\u{201C}', '('])
        .chars()
        .next_back()
    {
        None => true,
        Some(c) => matches!(c, '.' | '!' | '?' | '\n' | ':'),
    }
}

/// Hits of `hits` (sorted by start) that start within `[from, to)`.
pub fn within(hits: &[Hit], from: usize, to: usize) -> &[Hit] {
    let a = hits.partition_point(|h| h.start < from);
    let b = hits.partition_point(|h| h.start < to);
    &hits[a..b]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_word_bounded_matches_with_their_case_rule() {
        let m = Matcher::new([
            ("met", 0, Case::Any),
            ("ADEX", 1, Case::Exact),
            ("Turkish", 2, Case::Capital),
        ]);
        let hits = m.find("Metin Gurak met turkish and Turkish guests at Adex and ADEX-2022.");
        let ids: Vec<_> = hits.iter().map(|h| h.id).collect();
        assert_eq!(ids, vec![0, 2, 1]);
    }

    #[test]
    fn lower_rule_skips_capitalised_names_but_not_sentence_starts() {
        let m = Matcher::new([("defense industry", 0, Case::Lower)]);
        assert_eq!(m.find("the Defense Industry Committee").len(), 0);
        assert_eq!(m.find("its defense industry grew").len(), 1);
        assert_eq!(m.find("Done. Defense industry grew").len(), 1);
    }
}
