//! Multi-pattern matching for every vocabulary at once: one anchored Aho-Corasick DFA over all
//! tables (ranks, countries, cities, events, cues, topics, outcomes, dates), built once and walked
//! from each word start of an article whose first bytes and first word can begin a pattern, so
//! the text is read once however many tables there are.
//! Keeps the longest match of each table at a word start that ends at a word boundary and obeys
//! its pattern's case rule; matches of one table never overlap. Hands back [`Hit`]s (byte range +
//! payload id) per table, in text order.

use aho_corasick::automaton::{Automaton, StateID};
use aho_corasick::dfa::DFA;
use aho_corasick::{Anchored, MatchKind, StartKind};
use std::collections::HashMap;
use std::sync::LazyLock;

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

/// The vocabularies matched in one pass; each keeps its own hits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Table {
    Rank,
    Country,
    City,
    Event,
    Cue,
    Topic,
    TopicItem,
    OutcomePhrase,
    OutcomeNoun,
    Signing,
    Date,
    Title,
    Office,
    Stop,
    NotRankAfter,
}

/// How many [`Table`]s there are.
pub const TABLES: usize = 15;

/// The hits of every table in one text.
#[derive(Debug, Default, Clone)]
pub struct Scan {
    tables: [Vec<Hit>; TABLES],
}

impl Scan {
    /// The hits of one table, in text order.
    pub fn get(&self, t: Table) -> &[Hit] {
        &self.tables[t as usize]
    }

    /// Takes the hits of one table out of the scan.
    pub fn take(&mut self, t: Table) -> Vec<Hit> {
        std::mem::take(&mut self.tables[t as usize])
    }
}

/// What one pattern of the automaton stands for, in one table.
#[derive(Debug, Clone)]
struct Entry {
    table: Table,
    id: u32,
    case: Case,
    /// The pattern as written, for [`Case::Exact`].
    written: Box<str>,
}

/// A built automaton with what each pattern stands for.
pub struct Matcher {
    dfa: DFA,
    start: StateID,
    /// Per first byte: whether any pattern can start with it.
    opens: [bool; 256],
    /// The patterns' first words ([`first_word_key`]), as bits of a filter: a word start whose
    /// first word has no bit set starts no pattern.
    first_words: Box<[u64; FIRST_WORD_BITS / 64]>,
    /// Per automaton pattern: the table entries it stands for.
    entries: Vec<Vec<Entry>>,
}

impl Matcher {
    /// Builds from `(table, pattern, id, case)`; empty patterns are ignored.
    pub fn new<S: AsRef<str>>(
        patterns: impl IntoIterator<Item = (Table, S, u32, Case)>,
    ) -> Matcher {
        let mut texts: Vec<String> = Vec::new();
        let mut entries: Vec<Vec<Entry>> = Vec::new();
        let mut index: HashMap<String, usize> = HashMap::new();
        // A pattern with an apostrophe ("People's Liberation Army") is also looked for with a
        // typographic one.
        let patterns = patterns.into_iter().flat_map(|(table, p, id, case)| {
            let p = p.as_ref().trim().to_string();
            let curly = p.contains('\'').then(|| p.replace('\'', "\u{2019}"));
            std::iter::once((table, p, id, case)).chain(curly.map(|c| (table, c, id, case)))
        });
        for (table, p, id, case) in patterns {
            let p = p.as_str();
            if p.is_empty() {
                continue;
            }
            // The automaton ignores ASCII case, so `EUROSATORY` and `Eurosatory` are one pattern
            // to it; within one table and id, the more lenient case rule of the two holds.
            let k = *index.entry(p.to_ascii_lowercase()).or_insert_with(|| {
                texts.push(p.to_string());
                entries.push(Vec::new());
                texts.len() - 1
            });
            match entries[k]
                .iter_mut()
                .find(|e| e.table == table && e.id == id)
            {
                Some(e) => {
                    if lenient(e.case, case) != e.case {
                        e.case = case;
                        e.written = p.into();
                    }
                }
                None => entries[k].push(Entry {
                    table,
                    id,
                    case,
                    written: p.into(),
                }),
            }
        }
        let dfa = DFA::builder()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::Standard)
            .start_kind(StartKind::Anchored)
            .build(&texts)
            .expect("vocabulary patterns build an automaton");
        let start = dfa
            .start_state(Anchored::Yes)
            .expect("an anchored start state");
        let mut opens = [false; 256];
        for (b, open) in opens.iter_mut().enumerate() {
            *open = !dfa.is_dead(dfa.next_state(Anchored::Yes, start, b as u8));
        }
        let mut first_words = Box::new([0u64; FIRST_WORD_BITS / 64]);
        for t in &texts {
            let key = first_word_key(t.as_bytes(), 0, ascii_run_end(t.as_bytes(), 0));
            first_words[key / 64] |= 1 << (key % 64);
        }
        Matcher {
            dfa,
            start,
            opens,
            first_words,
            entries,
        }
    }

    /// Whether a walk from the word start `p` (its first word ending at `word_end`) can find
    /// anything, by its first bytes and by its first word; `key` keeps the [`first_word_key`]
    /// once made.
    #[inline(always)]
    fn may_walk(&self, bytes: &[u8], p: usize, word_end: usize, key: &mut Option<usize>) -> bool {
        let b = bytes[p];
        if !self.opens[b as usize] || !self.may_start(bytes, p) {
            return false;
        }
        if b >= 0x80 {
            return true;
        }
        // A pattern that matches here has the same first word as the text, in another ASCII case
        // at most: the word's letters and digits are matched byte for byte, and a pattern that
        // ended inside the word would end at no word boundary.
        let key = *key.get_or_insert_with(|| first_word_key(bytes, p, word_end));
        self.first_words[key / 64] & (1 << (key % 64)) != 0
    }

    /// The accepted hits of every table in `text`.
    pub fn scan(&self, text: &str) -> Scan {
        scan_with(self, None, text)
    }

    /// Whether a walk from `p` can find anything: the automaton has matched after the first
    /// byte, or is still alive after the second. Most words are ruled out here, without a walk.
    #[inline]
    fn may_start(&self, bytes: &[u8], p: usize) -> bool {
        let first = self.dfa.next_state(Anchored::Yes, self.start, bytes[p]);
        if self.dfa.is_dead(first) {
            return false;
        }
        if self.dfa.is_match(first) || p + 1 >= bytes.len() {
            return true;
        }
        let second = self.dfa.next_state(Anchored::Yes, first, bytes[p + 1]);
        !self.dfa.is_dead(second)
    }

    /// Every pattern that starts at the word start `p`: the longest accepted one per table.
    /// `best` is scratch space, empty between calls.
    fn walk(
        &self,
        text: &str,
        p: usize,
        free: &mut [usize; TABLES],
        best: &mut Vec<(usize, Hit)>,
        scan: &mut Scan,
    ) {
        let bytes = text.as_bytes();
        let mut sid = self.start;
        // Most bytes of a walk lead to no match: they are read in a loop of their own, and what
        // a match state asks for is done apart from it.
        for (e, &b) in bytes.iter().enumerate().skip(p) {
            sid = self.dfa.next_state(Anchored::Yes, sid, b);
            if self.dfa.is_dead(sid) {
                break;
            }
            if !self.dfa.is_match(sid) {
                continue;
            }
            // A pattern that ends between two ASCII letters or digits ends inside a word.
            let inside_word = ASCII_CLASS[b as usize] != 0
                && bytes
                    .get(e + 1)
                    .is_some_and(|&after| ASCII_CLASS[after as usize] != 0);
            if !inside_word {
                self.matched(text, p, e + 1, sid, free, best);
            }
        }
        if best.is_empty() {
            return;
        }
        for (t, h) in best.drain(..) {
            scan.tables[t].push(h);
            free[t] = h.end;
        }
    }

    /// The patterns of the match state `sid`, reached by a walk from `p` at `e`, that are
    /// accepted there: kept in `best`, the longest per table.
    #[inline(never)]
    fn matched(
        &self,
        text: &str,
        p: usize,
        e: usize,
        sid: StateID,
        free: &[usize; TABLES],
        best: &mut Vec<(usize, Hit)>,
    ) {
        if !text.is_char_boundary(e) || !boundary_after(text, e) {
            return;
        }
        for m in 0..self.dfa.match_len(sid) {
            let pid = self.dfa.match_pattern(sid, m);
            // A shorter pattern ending here starts later than `p`.
            if self.dfa.pattern_len(pid) != e - p {
                continue;
            }
            for entry in &self.entries[pid.as_usize()] {
                let t = entry.table as usize;
                if free[t] > p || !case_ok(text, p, e, &entry.written, entry.case) {
                    continue;
                }
                let hit = Hit {
                    start: p,
                    end: e,
                    id: entry.id,
                };
                // Matches come shortest first: a later one of a table is longer.
                match best.iter_mut().find(|(bt, _)| *bt == t) {
                    Some((_, h)) => *h = hit,
                    None => best.push((t, hit)),
                }
            }
        }
    }
}

/// The automata of every vocabulary in `index_schema/`: one for phrases in any case (cues,
/// topics, outcomes), walked from every word start; one for names and capitalised words
/// (ranks, countries, cities, events, months, titles, office words), walked only from
/// capitalised word starts. Keeping the large name tables out of the walk at most words keeps
/// the search in cache.
static VOCABULARY: LazyLock<(Matcher, Matcher)> = LazyLock::new(|| {
    use super::{countries, cues, dates, events, ranks, tokens, topics};
    let tagged = |table: Table, v: Vec<(String, u32, Case)>| {
        v.into_iter().map(move |(p, id, case)| (table, p, id, case))
    };
    let (capitalised_dates, any_dates): (Vec<_>, Vec<_>) = dates::patterns()
        .into_iter()
        .partition(|(_, _, case)| *case == Case::Capital);
    // Ranks written in lower case ("gen. bryg.") start no capitalised word.
    let (lower_ranks, capitalised_ranks): (Vec<_>, Vec<_>) = ranks::patterns()
        .into_iter()
        .partition(|(p, _, _)| p.starts_with(char::is_lowercase));
    let any = Matcher::new(
        tagged(Table::Cue, cues::patterns())
            .chain(topics::patterns())
            .chain(tagged(Table::Date, any_dates))
            .chain(tagged(Table::Rank, lower_ranks)),
    );
    let capitalised = Matcher::new(
        tagged(Table::Rank, capitalised_ranks)
            .chain(tagged(Table::Country, countries::patterns()))
            .chain(tagged(Table::City, countries::city_patterns()))
            .chain(tagged(Table::Event, events::patterns()))
            .chain(tagged(Table::Date, capitalised_dates))
            .chain(tokens::patterns()),
    );
    (any, capitalised)
});

/// Every vocabulary's hits in `text`, in one pass.
pub fn scan(text: &str) -> Scan {
    let (any, capitalised) = &*VOCABULARY;
    scan_with(any, Some(capitalised), text)
}

/// Walks `any` from every word start of `text`, and `capitalised` from those whose first
/// letter is a capital.
fn scan_with(any: &Matcher, capitalised: Option<&Matcher>, text: &str) -> Scan {
    let mut scan = Scan::default();
    let mut free = [0usize; TABLES];
    let mut best = Vec::new();
    let bytes = text.as_bytes();
    let mut previous_word = false;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let (word, upper, len) = if b < 0x80 {
            let class = ASCII_CLASS[b as usize];
            (class != 0, class == UPPER, 1)
        } else {
            let c = text[i..].chars().next().unwrap_or(' ');
            (word_char(c), c.is_uppercase(), c.len_utf8())
        };
        // The rest of an ASCII word starts nothing.
        let next = if word {
            ascii_run_end(bytes, i + len)
        } else {
            i + len
        };
        // Spaces start nothing and end any word: a run of them is passed at once.
        let mut after = next;
        while bytes.get(after) == Some(&b' ') {
            after += 1;
        }
        if word && !previous_word {
            // The first word's key is made once, for the first matcher that needs it.
            let mut key = None;
            if any.may_walk(bytes, i, next, &mut key) {
                any.walk(text, i, &mut free, &mut best, &mut scan);
            }
            if let Some(m) = capitalised.filter(|m| upper && m.may_walk(bytes, i, next, &mut key)) {
                m.walk(text, i, &mut free, &mut best, &mut scan);
            }
        }
        previous_word = word && after == next;
        i = after;
    }
    scan
}

/// Bits of a matcher's first-word filter.
const FIRST_WORD_BITS: usize = 1 << 15;

/// A hash, below [`FIRST_WORD_BITS`], of the word `bytes[p..end]` (ASCII letters and digits):
/// its length and its first eight bytes, lower-cased.
#[inline]
fn first_word_key(bytes: &[u8], p: usize, end: usize) -> usize {
    let n = (end - p).min(8);
    let head = match bytes.get(p..p + 8) {
        Some(b) => u64::from_le_bytes(b.try_into().unwrap_or_default()),
        None => bytes[p..p + n]
            .iter()
            .rev()
            .fold(0, |v, &b| (v << 8) | u64::from(b)),
    };
    let kept = if n == 8 { !0 } else { (1u64 << (8 * n)) - 1 };
    // Setting 0x20 lower-cases an ASCII letter and leaves a digit as it is.
    let v = (head & kept) | 0x2020_2020_2020_2020;
    let h = (v ^ (end - p) as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    (h >> (64 - FIRST_WORD_BITS.trailing_zeros())) as usize
}

/// Where the run of ASCII letters and digits from `i` ends.
#[inline]
fn ascii_run_end(bytes: &[u8], i: usize) -> usize {
    alnum_run_end(bytes, i, bytes.len())
}

/// Per byte of `x` (eight bytes of text), the high bit set for an ASCII letter or digit, and
/// for an ASCII digit.
#[inline]
fn ascii_classes(x: u64) -> (u64, u64) {
    const fn each(b: u8) -> u64 {
        u64::from_ne_bytes([b; 8])
    }
    // Per byte, the high bit of `a + b` is set when `a ≥ 0x80 - b` (no byte carries over).
    let low = x & each(0x7f);
    let folded = low | each(0x20);
    let letter = folded.wrapping_add(each(0x80 - b'a')) & !folded.wrapping_add(each(0x7f - b'z'));
    let digit = low.wrapping_add(each(0x80 - b'0')) & !low.wrapping_add(each(0x7f - b'9'));
    let ascii = !x & each(0x80);
    ((letter | digit) & ascii, digit & ascii)
}

/// Eight bytes of `bytes` from `j`, if there are as many.
#[inline]
fn eight(bytes: &[u8], j: usize) -> Option<u64> {
    let chunk = bytes.get(j..j + 8)?;
    Some(u64::from_le_bytes(chunk.try_into().ok()?))
}

/// Where the run of ASCII letters and digits from `from` ends, at `to` at the latest. Reads
/// eight bytes at a time: words are short, and most runs end in the first eight.
#[inline]
pub fn alnum_run_end(bytes: &[u8], from: usize, to: usize) -> usize {
    let mut j = from;
    while j < to {
        let Some(x) = eight(bytes, j) else {
            break;
        };
        let stop = !ascii_classes(x).0 & u64::from_ne_bytes([0x80; 8]);
        if stop != 0 {
            return (j + (stop.trailing_zeros() / 8) as usize).min(to);
        }
        j += 8;
    }
    while j < to && ASCII_CLASS[bytes[j] as usize] != 0 {
        j += 1;
    }
    j.min(to)
}

/// The first ASCII digit of `bytes` from `from` on, read eight bytes at a time.
pub fn next_ascii_digit(bytes: &[u8], from: usize) -> Option<usize> {
    let mut j = from;
    while let Some(x) = eight(bytes, j) {
        let digits = ascii_classes(x).1;
        if digits != 0 {
            return Some(j + (digits.trailing_zeros() / 8) as usize);
        }
        j += 8;
    }
    bytes[j..]
        .iter()
        .position(u8::is_ascii_digit)
        .map(|k| j + k)
}

const UPPER: u8 = 2;

/// ASCII bytes: 0 for no word character, 1 for a lower-case letter or a digit, [`UPPER`] for a
/// capital; 0 for the bytes of other characters.
static ASCII_CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        t[b] = if c.is_ascii_uppercase() {
            UPPER
        } else if c.is_ascii_alphanumeric() {
            1
        } else {
            0
        };
        b += 1;
    }
    t
};

/// Of two case rules for one pattern, the one that accepts more.
fn lenient(a: Case, b: Case) -> Case {
    let rank = |c: Case| match c {
        Case::Exact => 0,
        Case::Lower => 1,
        Case::Capital => 2,
        Case::Any => 3,
    };
    if rank(a) >= rank(b) {
        a
    } else {
        b
    }
}

fn is_word_char(c: Option<char>) -> bool {
    c.is_some_and(word_char)
}

/// Letters, digits and combining marks (text in decomposed form spells `ş` as `s` + U+0327).
pub fn word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    c.is_alphanumeric() || is_mark(c)
}

/// A combining diacritical mark.
pub fn is_mark(c: char) -> bool {
    matches!(c, '\u{300}'..='\u{36F}' | '\u{1AB0}'..='\u{1AFF}' | '\u{1DC0}'..='\u{1DFF}' | '\u{20D0}'..='\u{20FF}' | '\u{FE20}'..='\u{FE2F}')
}

#[inline]
fn boundary_after(text: &str, e: usize) -> bool {
    let bytes = text.as_bytes();
    // Between two ASCII bytes, the bytes say it.
    if let (Some(&before), Some(&after)) = (bytes.get(e.wrapping_sub(1)), bytes.get(e)) {
        if before < 0x80 && after < 0x80 {
            return ASCII_CLASS[before as usize] == 0 || ASCII_CLASS[after as usize] == 0;
        }
    }
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

    fn find(patterns: &[(&str, u32, Case)], text: &str) -> Vec<(u32, String)> {
        let m = Matcher::new(patterns.iter().map(|&(p, id, c)| (Table::Cue, p, id, c)));
        m.scan(text)
            .get(Table::Cue)
            .iter()
            .map(|h| (h.id, text[h.start..h.end].to_string()))
            .collect()
    }

    #[test]
    fn keeps_word_bounded_matches_with_their_case_rule() {
        let ids: Vec<u32> = find(
            &[
                ("met", 0, Case::Any),
                ("ADEX", 1, Case::Exact),
                ("Turkish", 2, Case::Capital),
            ],
            "Metin Gurak met turkish and Turkish guests at Adex and ADEX-2022.",
        )
        .into_iter()
        .map(|x| x.0)
        .collect();
        assert_eq!(ids, vec![0, 2, 1]);
    }

    #[test]
    fn lower_rule_skips_capitalised_names_but_not_sentence_starts() {
        let p = [("defense industry", 0, Case::Lower)];
        assert_eq!(find(&p, "the Defense Industry Committee").len(), 0);
        assert_eq!(find(&p, "its defense industry grew").len(), 1);
        assert_eq!(find(&p, "Done. Defense industry grew").len(), 1);
    }

    #[test]
    fn an_apostrophe_is_also_found_typographic() {
        let p = [("People's Liberation Army", 0, Case::Capital)];
        assert_eq!(
            find(
                &p,
                "the People\u{2019}s Liberation Army and the People's Liberation Army"
            )
            .len(),
            2
        );
    }

    #[test]
    fn one_pattern_in_two_cases_keeps_the_lenient_rule() {
        let p = [("EUROSATORY", 0, Case::Exact), ("Eurosatory", 0, Case::Any)];
        assert_eq!(find(&p, "at Eurosatory and EUROSATORY").len(), 2);
    }

    #[test]
    fn the_longest_match_wins_and_matches_of_a_table_never_overlap() {
        let p = [
            ("Bosnia", 0, Case::Capital),
            ("Bosnia and Herzegovina", 1, Case::Capital),
            ("Herzegovina", 2, Case::Capital),
            ("Gen", 3, Case::Capital),
        ];
        assert_eq!(
            find(
                &p,
                "Bosnia and Herzegovina, Bosnia; General Gen. Herzegovina"
            ),
            vec![
                (1, "Bosnia and Herzegovina".to_string()),
                (0, "Bosnia".to_string()),
                (3, "Gen".to_string()),
                (2, "Herzegovina".to_string())
            ]
        );
    }

    #[test]
    fn tables_keep_their_own_hits_at_one_word_start() {
        let m = Matcher::new([
            (Table::Country, "Azerbaijan", 0, Case::Capital),
            (
                Table::Event,
                "Azerbaijan International Defense Exhibition",
                0,
                Case::Any,
            ),
            (Table::Rank, "Gen.", 1, Case::Capital),
        ]);
        let s = m.scan("the Azerbaijan International Defense Exhibition with Lt. Gen. Ali, in Türkiye's Azerbaijan");
        assert_eq!(s.get(Table::Country).len(), 2);
        assert_eq!(s.get(Table::Event).len(), 1);
        assert_eq!(s.get(Table::Rank).len(), 1);
    }

    #[test]
    fn runs_of_letters_and_digits_end_at_any_other_byte() {
        let naive = |bytes: &[u8], from: usize, to: usize| {
            (from..to)
                .find(|&j| !bytes[j].is_ascii_alphanumeric())
                .unwrap_or(to)
        };
        for stop in 0..=255u8 {
            for at in 0..20 {
                let mut bytes = b"Ab9zZ0aQ".repeat(3);
                bytes[at] = stop;
                for (from, to) in [(0, 24), (0, at.max(1)), (3, 17), (at, 24), (5, 9)] {
                    let from = from.min(to);
                    assert_eq!(
                        alnum_run_end(&bytes, from, to),
                        naive(&bytes, from, to),
                        "{stop:#x} at {at}, {from}..{to}"
                    );
                }
            }
        }
    }

    #[test]
    fn the_next_digit_is_found_among_any_bytes() {
        for stop in 0..=255u8 {
            for at in 0..20 {
                let mut bytes = b"Ab-zZ.aQ\xc3".repeat(3);
                bytes[at] = stop;
                for from in [0, 3, at, 19] {
                    let naive = (from..bytes.len()).find(|&j| bytes[j].is_ascii_digit());
                    assert_eq!(next_ascii_digit(&bytes, from), naive, "{stop:#x} at {at}");
                }
            }
        }
    }

    #[test]
    fn a_pattern_is_found_however_its_first_word_is_cased_or_ends() {
        let p = [
            ("co-operation", 0, Case::Any),
            ("Lt.", 1, Case::Any),
            ("ab", 2, Case::Any),
        ];
        assert_eq!(
            find(&p, "CO-OPERATION, lt. and Ab abc"),
            vec![
                (0, "CO-OPERATION".to_string()),
                (1, "lt.".to_string()),
                (2, "Ab".to_string())
            ]
        );
    }

    #[test]
    fn every_vocabulary_pattern_starts_a_word() {
        // The automaton is walked from word starts only.
        let (any, capitalised) = &*VOCABULARY;
        for e in any.entries.iter().chain(&capitalised.entries).flatten() {
            assert!(
                e.written.chars().next().is_some_and(word_char),
                "{:?} does not start with a letter or digit",
                e.written
            );
        }
    }
}
