//! Words of a sentence, each classed for finding people: a capitalised unknown word (a name
//! part), an initial (`Z.`), a rank, a country word, an office word (`Minister`, `Forces`), an
//! honorific, a place, an event name, or plain lower-case text and punctuation.

use super::matcher::{alnum_run_end, word_char, Case, Hit, Table};
use super::{countries, Hits};
use crate::vocab;
use rustc_hash::FxHashSet;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A capitalised word that may be part of a name.
    Cap,
    /// `Z.`
    Initial,
    Lower,
    Title,
    /// Rank index in the vocabulary.
    Rank(u32),
    Country(&'static str),
    /// An institution or company that stands for a country (`Rafael`, `Aselsan`).
    Org(&'static str),
    Place(&'static str),
    Event,
    /// Office and organisation words; capitalised function words; acronyms; numbers.
    Office,
    Stop,
    Other,
    Punct(char),
}

impl Kind {
    /// The country a country word or an institution stands for.
    pub fn country(self) -> Option<&'static str> {
        match self {
            Kind::Country(c) | Kind::Org(c) => Some(c),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, Copy)]
pub struct Tok {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
}

/// A set of words looked up without regard to case, without allocating for short ASCII words:
/// the folded words, hashed, looked up with ASCII words lower-cased into a buffer.
pub struct WordSet(FxHashSet<Box<[u8]>>);

impl WordSet {
    pub fn new<'a>(words: impl IntoIterator<Item = &'a str>) -> WordSet {
        WordSet(
            words
                .into_iter()
                .map(|w| crate::text::fold(w).into_bytes().into_boxed_slice())
                .collect(),
        )
    }

    /// Whether `word`, or the first part of a hyphenated `word` ("Commander-in-Chief"), is in
    /// the set, in any case.
    pub fn contains_head(&self, word: &str) -> bool {
        self.contains(word)
            || word
                .split_once('-')
                .is_some_and(|(head, _)| self.contains(head))
    }

    /// Whether `word` (its possessive `'s` dropped) is in the set, in any case.
    pub fn contains(&self, word: &str) -> bool {
        let word = bare(word);
        if word.is_ascii() {
            return with_ascii_lower(word, |w| self.0.contains(w));
        }
        self.0.contains(crate::text::fold(word).as_bytes())
    }
}

/// A set of lower-case words looked up by a word's [`str::to_lowercase`]: hashed, with ASCII
/// words lower-cased into a buffer, so that the common look-up does not allocate.
pub struct LowerSet(FxHashSet<&'static [u8]>);

impl LowerSet {
    pub fn new(words: impl IntoIterator<Item = &'static str>) -> LowerSet {
        LowerSet(words.into_iter().map(str::as_bytes).collect())
    }

    /// Whether `word` in lower case is in the set.
    pub fn contains(&self, word: &str) -> bool {
        if word.is_ascii() {
            return with_ascii_lower(word, |w| self.0.contains(w));
        }
        self.0.contains(word.to_lowercase().as_bytes())
    }
}

/// `f` of the ASCII `word` lower-cased, in a buffer on the stack when it is short.
fn with_ascii_lower<T>(word: &str, f: impl FnOnce(&[u8]) -> T) -> T {
    let mut buf = [0u8; 32];
    match buf.get_mut(..word.len()) {
        Some(lower) => {
            lower.copy_from_slice(word.as_bytes());
            lower.make_ascii_lowercase();
            f(lower)
        }
        None => f(word.to_ascii_lowercase().as_bytes()),
    }
}

/// The hits of one table from a position on; positions asked for only grow.
struct Cursor<'a> {
    hits: &'a [Hit],
    next: usize,
}

impl<'a> Cursor<'a> {
    /// The hits of `hits` from its `next`th on.
    fn new(hits: &'a [Hit], next: usize) -> Cursor<'a> {
        Cursor { hits, next }
    }

    /// The hit that starts at `at`, if any.
    fn at(&mut self, at: usize) -> Option<Hit> {
        while self.hits.get(self.next).is_some_and(|h| h.start < at) {
            self.next += 1;
        }
        self.hits.get(self.next).filter(|h| h.start == at).copied()
    }

    /// Whether a hit starts at `at`, without moving past what comes before it.
    fn starts(&self, at: usize) -> bool {
        self.hits[self.next..]
            .iter()
            .find(|h| h.start >= at)
            .is_some_and(|h| h.start == at)
    }
}

/// The word without a possessive `'s`.
pub fn bare(word: &str) -> &str {
    word.strip_suffix("'s")
        .or_else(|| word.strip_suffix("\u{2019}s"))
        .unwrap_or(word)
}

/// Where each table of [`Hits`] is to be read on from: passages tokenized in text order carry
/// them over from one to the next instead of searching for them.
#[derive(Debug, Clone, Copy, Default)]
pub struct Cursors {
    ranks: usize,
    events: usize,
    countries: usize,
    cities: usize,
    titles: usize,
    office: usize,
    stop: usize,
    not_rank_after: usize,
    marked: usize,
}

/// Classes the words of `text[from..to]`.
pub fn tokenize(text: &str, from: usize, to: usize, hits: &Hits) -> Vec<Tok> {
    let mut out = Vec::with_capacity((to - from) / 5);
    let at = |h: &[Hit]| h.partition_point(|h| h.start < from);
    let mut cursors = Cursors {
        ranks: at(&hits.ranks),
        events: at(&hits.events),
        countries: at(&hits.countries),
        cities: at(&hits.cities),
        titles: at(&hits.titles),
        office: at(&hits.office),
        stop: at(&hits.stop),
        not_rank_after: at(&hits.not_rank_after),
        marked: hits.marked.partition_point(|&m| m < from),
    };
    tokenize_into(text, from, to, hits, &mut cursors, &mut out);
    out
}

/// [`tokenize`] into `out` (cleared first), from `cursors` left by the passages before
/// `from`; leaves them for the passages after `to`.
pub fn tokenize_into(
    text: &str,
    from: usize,
    to: usize,
    hits: &Hits,
    cursors: &mut Cursors,
    out: &mut Vec<Tok>,
) {
    out.clear();
    let mut ranks = Cursor::new(&hits.ranks, cursors.ranks);
    let mut events = Cursor::new(&hits.events, cursors.events);
    let mut countries_at = Cursor::new(&hits.countries, cursors.countries);
    let mut cities = Cursor::new(&hits.cities, cursors.cities);
    let mut titles = Cursor::new(&hits.titles, cursors.titles);
    let mut office = Cursor::new(&hits.office, cursors.office);
    let mut stop = Cursor::new(&hits.stop, cursors.stop);
    let mut not_rank_after = Cursor::new(&hits.not_rank_after, cursors.not_rank_after);
    let mut marked = cursors.marked;
    let bytes = text.as_bytes();
    let mut i = from;
    while i < to {
        // Most of a text is spaces, ASCII punctuation and lower-case ASCII words that no
        // vocabulary marks: those are classed from their bytes alone.
        let b = bytes[i];
        if b == b' ' {
            i += 1;
            continue;
        }
        if b.is_ascii_lowercase() {
            while hits.marked.get(marked).is_some_and(|&m| m < i) {
                marked += 1;
            }
            if hits.marked.get(marked) != Some(&i) {
                if let Some(end) = ascii_word_end(bytes, i, to) {
                    out.push(Tok {
                        start: i,
                        end,
                        kind: Kind::Lower,
                    });
                    i = end;
                    continue;
                }
            }
        } else if b.is_ascii_punctuation() {
            out.push(Tok {
                start: i,
                end: i + 1,
                kind: Kind::Punct(b as char),
            });
            i += 1;
            continue;
        }
        let c = text[i..].chars().next().unwrap_or(' ');
        if c.is_whitespace() {
            i += c.len_utf8();
            continue;
        }
        if !c.is_alphanumeric() {
            out.push(Tok {
                start: i,
                end: i + c.len_utf8(),
                kind: Kind::Punct(c),
            });
            i += c.len_utf8();
            continue;
        }
        let word_end = word_end(text, i, to);
        // "Hanwha Ocean's": a name of several words keeps its possessive, as one word does.
        let spanning = |h: Hit| {
            let end = h.end.max(word_end);
            let rest = &text[end.min(to)..to];
            let possessive = ["'s", "\u{2019}s"]
                .iter()
                .find(|p| rest.starts_with(*p))
                .filter(|p| !rest[p.len()..].starts_with(char::is_alphanumeric));
            end + possessive.map_or(0, |p| p.len())
        };
        if let Some(h) = ranks.at(i) {
            // "Director General", but "Principal Secretary Lt-Gen (Rtd) X" holds a rank.
            let one_word = text[h.start..h.end].chars().all(char::is_alphabetic);
            let after_office = one_word
                && out
                    .last()
                    .is_some_and(|t| not_rank_after.at(t.start).is_some_and(|n| n.end == t.end));
            // "Director General", "General Officer Commanding", "the General Staff".
            let office_next = text[h.end.min(to)..to].starts_with(' ')
                && text[h.end + 1..].starts_with(char::is_uppercase)
                && office.starts(h.end + 1);
            // "general Patricia Wendover" (translated text) but "the commanding general of",
            // "the general said": a one-word rank in lower case is one only before a name.
            let lower_alone = one_word
                && text[h.start..].starts_with(char::is_lowercase)
                && !text[h.end.min(to)..to]
                    .strip_prefix(' ')
                    .is_some_and(|r| r.starts_with(char::is_uppercase));
            let (kind, end) = if lower_alone {
                (Kind::Lower, h.end)
            } else if after_office || office_next {
                (Kind::Office, h.end)
            } else {
                // "Lt-Gen. Erich Pfeffer": a stop after a hyphenated or bare rank belongs to it.
                let rest = &text[h.end.min(to)..to];
                let dotted = rest.starts_with(". ")
                    && rest[2..].starts_with(char::is_uppercase)
                    && !text[..h.end].ends_with('.');
                let end = if dotted { h.end + 1 } else { h.end };
                (Kind::Rank(h.id), rank_mark_end(text, end, to))
            };
            out.push(Tok {
                start: i,
                end,
                kind,
            });
            i = end;
            continue;
        }
        if let Some(h) = events.at(i) {
            out.push(Tok {
                start: i,
                end: spanning(h),
                kind: Kind::Event,
            });
            i = spanning(h);
            continue;
        }
        if let Some(h) = countries_at.at(i) {
            let code = countries::code(&h);
            let kind = if code.is_empty() {
                Kind::Other
            } else if countries::is_institution(&h) {
                // "Adm. José Rafael Ojeda": a company's name inside a person's is a given name.
                // "Defense Secretary Leonardo T. Villacorta": a one-word company's name after a
                // title or an office and before a name is a given name too.
                let next = text[h.end.min(to)..to].strip_prefix(' ');
                let word = &text[h.start..h.end];
                let given = out
                    .last()
                    .is_some_and(|t| matches!(t.kind, Kind::Title | Kind::Rank(_) | Kind::Office))
                    && !word.contains(' ')
                    && word.chars().skip(1).any(char::is_lowercase)
                    && next.is_some_and(|r| {
                        let mut c = r.chars();
                        c.next().is_some_and(char::is_uppercase)
                            && c.next().is_some_and(|c| c.is_lowercase() || c == '.')
                    });
                let in_name = given
                    || out
                        .last()
                        .is_some_and(|t| matches!(t.kind, Kind::Cap | Kind::Initial))
                        && next.is_some_and(|r| r.starts_with(char::is_uppercase))
                        && !out
                            .last()
                            .is_some_and(|t| text[t.start..t.end].ends_with("'s"));
                if in_name {
                    Kind::Cap
                } else {
                    Kind::Org(code)
                }
            } else {
                Kind::Country(code)
            };
            out.push(Tok {
                start: i,
                end: spanning(h),
                kind,
            });
            i = spanning(h);
            continue;
        }
        if let Some(h) = cities.at(i) {
            out.push(Tok {
                start: i,
                end: spanning(h),
                kind: Kind::Place(countries::city(&h)),
            });
            i = spanning(h);
            continue;
        }
        let word = &text[i..word_end];
        let dot = text[word_end..].starts_with('.');
        let first = word.chars().next().unwrap_or(' ');
        // A title of several words ("Tan Sri", "Datuk Seri") is one token.
        let title_end = titles.at(i).and_then(|h| {
            let whole = h.end == word_end
                || (dot && h.end == word_end + 1)
                || (h.end > word_end
                    && h.end <= to
                    && text[h.end..].starts_with([' ', ',', '.'])
                    && but_last_char(&text[h.start..h.end]).contains([' ', '.']));
            whole.then_some(h.end)
        });
        let title = title_end.is_some();
        // "H.E." is a title, not two initials.
        let (end, kind) = if let Some(end) = title_end.filter(|&e| e > word_end + usize::from(dot))
        {
            (end, Kind::Title)
        } else if let Some(end) = joined_initial(text, i, word_end, to).filter(|_| !title) {
            // "B.Munkhjargal", "Kh.Tserendorj": an initial joined to the name it stands before.
            (end, Kind::Cap)
        } else if word.len() == first.len_utf8() && first.is_uppercase() && dot {
            (word_end + 1, Kind::Initial)
        } else if title {
            (word_end + usize::from(dot), Kind::Title)
        } else if !first.is_uppercase() {
            (
                word_end,
                if first.is_alphabetic() {
                    Kind::Lower
                } else {
                    Kind::Other
                },
            )
        // An office word, possessive ("Minister's") or heading a compound ("Commanding-in-Chief").
        } else if office.at(i).is_some_and(|h| h.end <= word_end) {
            (word_end, Kind::Office)
        } else if stop.at(i).is_some_and(|h| h.end == word_end) {
            (word_end, Kind::Stop)
        } else if word.chars().any(|c| c.is_ascii_digit())
            // (A one-letter word is no acronym: the Irish "Ó" of "Seán Ó Dubhghaill".)
            || (word.len() > first.len_utf8() && !word.chars().any(char::is_lowercase))
        {
            (word_end, Kind::Other)
        } else {
            (word_end, Kind::Cap)
        };
        out.push(Tok {
            start: i,
            end,
            kind,
        });
        i = end;
    }
    *cursors = Cursors {
        ranks: ranks.next,
        events: events.next,
        countries: countries_at.next,
        cities: cities.next,
        titles: titles.next,
        office: office.next,
        stop: stop.next,
        not_rank_after: not_rank_after.next,
        marked,
    };
    surnames_among_stop_words(text, out);
}

/// The end of a name written with a two-letter initial joined by a dot ("Kh.Tserendorj"): a
/// capital and a small letter, a dot, then a capitalised word. (A one-letter initial,
/// "B.Munkhjargal", is an [`Kind::Initial`] token before the name.)
fn joined_initial(text: &str, start: usize, word_end: usize, to: usize) -> Option<usize> {
    let initial = &text[start..word_end];
    let mut letters = initial.chars();
    let first = letters.next()?;
    if !first.is_uppercase() || initial.chars().count() != 2 || !letters.all(char::is_lowercase) {
        return None;
    }
    let rest = text[word_end..to].strip_prefix('.')?;
    let mut name = rest.chars();
    if !(name.next()?.is_uppercase() && name.next()?.is_lowercase()) {
        return None;
    }
    let len = rest
        .find(|c: char| !(c.is_alphabetic() || c == '-' || c == '\''))
        .unwrap_or(rest.len());
    Some(word_end + 1 + len)
}

/// "Minister of National Defence No Kwang Chol", "General So Chol Ung": a short stop word
/// between a post, rank or title and a capitalised word is a surname.
fn surnames_among_stop_words(text: &str, toks: &mut [Tok]) {
    for k in 1..toks.len().saturating_sub(1) {
        if !matches!(toks[k].kind, Kind::Stop) {
            continue;
        }
        let (before, t, after) = (&toks[k - 1], &toks[k], &toks[k + 1]);
        if t.end - t.start <= 3
            && matches!(before.kind, Kind::Office | Kind::Rank(_) | Kind::Title)
            && after.kind == Kind::Cap
            && text[before.end..t.start] == *" "
            && text[t.end..after.start] == *" "
        {
            toks[k].kind = Kind::Cap;
        }
    }
}

/// Titles, office words, stop words and the words after which a rank word names an office, for
/// the vocabulary automaton: capitalised words matched as written.
pub(super) fn patterns() -> Vec<(Table, String, u32, Case)> {
    let c = vocab::cues();
    let mut v = Vec::new();
    for (table, list) in [
        (Table::Title, &c.titles),
        (Table::Office, &c.office_words),
        (Table::Stop, &c.stop_words),
        (Table::NotRankAfter, &c.not_rank_after),
    ] {
        v.extend(list.iter().map(|w| (table, w.clone(), 0, Case::Exact)));
    }
    v
}

/// A mark in brackets between a rank and the name belongs to the rank: `Brig. Gen. (res.)`,
/// `Lieutenant General (Pilot)`, `Maj-Gen (retd)`, `Lt Gen (R)`. Gives the end of the rank with
/// its mark.
fn rank_mark_end(text: &str, rank_end: usize, to: usize) -> usize {
    let Some(rest) = text.get(rank_end..to) else {
        return rank_end;
    };
    // The Indonesian forces write their service after the rank: `Gen. TNI`, `Maj. Gen. TNI`.
    if rest
        .strip_prefix(" TNI ")
        .is_some_and(|r| r.starts_with(char::is_uppercase))
    {
        return rank_end + " TNI".len();
    }
    let Some(inner) = rest.strip_prefix(" (") else {
        return rank_end;
    };
    let Some(close) = inner.find(')') else {
        return rank_end;
    };
    let mark = &inner[..close];
    // One capital is the retired mark of South Asian forces: `Lt Gen (R)`.
    let word_like = (mark.len() == 1 && mark.starts_with(|c: char| c.is_ascii_uppercase()))
        || ((2..=20).contains(&mark.len()) && mark.chars().all(|c| c.is_alphabetic() || c == '.'));
    let name_follows = inner[close + 1..]
        .strip_prefix(' ')
        .and_then(|r| r.chars().next())
        .is_some_and(char::is_uppercase);
    if word_like && name_follows {
        rank_end + 2 + close + 1
    } else {
        rank_end
    }
}

/// The text without its last character, which may be a typographic apostrophe ("Dato’").
fn but_last_char(s: &str) -> &str {
    s.char_indices().next_back().map_or(s, |(k, _)| &s[..k])
}

/// [`word_end`] of a word that is ASCII to its end, or `None` if it is not (its end is then
/// found by [`word_end`]).
fn ascii_word_end(bytes: &[u8], i: usize, to: usize) -> Option<usize> {
    let mut j = i;
    loop {
        j = alnum_run_end(bytes, j, to);
        if j >= to {
            return Some(j);
        }
        let b = bytes[j];
        if matches!(b, b'-' | b'\'') && j + 1 < to && bytes[j + 1].is_ascii_alphanumeric() {
            j += 2;
        } else if b >= 0x80 || (matches!(b, b'-' | b'\'') && j + 1 < to && bytes[j + 1] >= 0x80) {
            return None;
        } else {
            return Some(j);
        }
    }
}

/// End of the word at `i`: letters and digits, with inner hyphens and apostrophes.
fn word_end(text: &str, i: usize, to: usize) -> usize {
    let bytes = text.as_bytes();
    let next = |k: usize| text[k..to].chars().next();
    let mut k = i;
    while k < to {
        k = alnum_run_end(bytes, k, to);
        if k >= to {
            break;
        }
        let (c, len) = if bytes[k] < 0x80 {
            (bytes[k] as char, 1)
        } else {
            let c = next(k).unwrap_or(' ');
            (c, c.len_utf8())
        };
        let joins = if word_char(c) {
            true
        } else if matches!(c, '-' | '\'' | '\u{2019}') {
            next(k + len).is_some_and(char::is_alphanumeric)
        } else if c == '\u{2018}' {
            // "G‘ofurov": the Uzbek ʻ written as a turned comma.
            k > i && next(k + len).is_some_and(char::is_lowercase)
        } else if matches!(c, '?' | '\u{FFFD}') && k > i {
            // "Ya?ar": a letter lost to encoding inside a word; "Kaz?ml?" at its end too, once
            // the word has lost one inside.
            next(k + len).is_some_and(char::is_lowercase)
                || (c == '\u{FFFD}' || text[i..k].contains('?'))
                    && !next(k + len).is_some_and(char::is_alphanumeric)
        } else {
            false
        };
        if !joins {
            return k;
        }
        k += len;
    }
    k
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<(String, Kind)> {
        let hits = Hits::new(text);
        tokenize(text, 0, text.len(), &hits)
            .into_iter()
            .map(|t| (text[t.start..t.end].to_string(), t.kind))
            .collect()
    }

    #[test]
    fn classes_ranks_countries_titles_initials_and_names() {
        let k = kinds("Azerbaijani Defense Minister Col-Gen Zakir Hasanov met Mr. Yaşar Güler and Z.Hasanov in Baku.");
        let expect = [
            ("Azerbaijani", Kind::Country("AZ")),
            ("Defense", Kind::Office),
            ("Minister", Kind::Office),
            ("Col-Gen", Kind::Rank(9)),
            ("Zakir", Kind::Cap),
            ("Hasanov", Kind::Cap),
            ("met", Kind::Lower),
            ("Mr.", Kind::Title),
            ("Yaşar", Kind::Cap),
            ("Güler", Kind::Cap),
            ("and", Kind::Lower),
            ("Z.", Kind::Initial),
            ("Hasanov", Kind::Cap),
            ("in", Kind::Lower),
            ("Baku", Kind::Place("Baku")),
            (".", Kind::Punct('.')),
        ];
        assert_eq!(
            k,
            expect
                .iter()
                .map(|(s, k)| (s.to_string(), *k))
                .collect::<Vec<_>>()
        );
    }

    #[test]
    fn letters_lost_to_encoding_and_turned_commas_stay_in_the_word() {
        let words =
            |text: &str| -> Vec<String> { kinds(text).into_iter().map(|(w, _)| w).collect() };
        assert_eq!(
            words("Maj. Gen. Rustam G‘ofurov met"),
            ["Maj. Gen.", "Rustam", "G‘ofurov", "met"]
        );
        assert_eq!(
            words("Lt. Gen. R?şad Kaz?ml?, the chief"),
            ["Lt. Gen.", "R?şad", "Kaz?ml?", ",", "the", "chief"]
        );
        // A question mark after a whole word ends a question; a quote mark opens a quote.
        assert_eq!(
            words("Did he meet Kazimli? ‘Yes’"),
            ["Did", "he", "meet", "Kazimli", "?", "‘", "Yes", "’"]
        );
    }

    #[test]
    fn a_mark_in_brackets_belongs_to_the_rank() {
        let k = kinds("Maj. Gen. (res.) Eyal Ronen and Col. (ret) and Gen. (the chief) Ali");
        assert_eq!(k[0], ("Maj. Gen. (res.)".to_string(), Kind::Rank(16)));
        assert_eq!(k[1], ("Eyal".to_string(), Kind::Cap));
        // Not before a name, or not a short mark: left alone.
        assert!(k.contains(&("Col.".to_string(), Kind::Rank(8))));
        assert!(k.contains(&("Gen.".to_string(), Kind::Rank(12))));
        // The one-letter retired mark; a lower-case letter is no mark.
        let k = kinds("Lt Gen (R) Tariq Sohail Mirza and Col. (x) Ali");
        assert_eq!(k[0], ("Lt Gen (R)".to_string(), Kind::Rank(14)));
        assert_eq!(k[1], ("Tariq".to_string(), Kind::Cap));
        assert!(k.contains(&("Col.".to_string(), Kind::Rank(8))));
    }

    #[test]
    fn word_sets_ignore_case_possessives_and_hyphenated_tails() {
        let set = WordSet::new(["chief", "attaché"]);
        assert!(set.contains("Chief") && set.contains("CHIEF's") && set.contains("Attaché"));
        assert!(set.contains_head("Chief-of-Staff") && !set.contains("Chief-of-Staff"));
        assert!(!set.contains("chiefs"));
    }

    #[test]
    fn a_company_name_inside_a_persons_name_is_a_name() {
        let k = kinds(
            "Adm. José Rafael Ojeda Durán met executives of Rafael Advanced Defense Systems.",
        );
        assert_eq!(k[2], ("Rafael".to_string(), Kind::Cap));
        assert!(k
            .iter()
            .filter(|(w, _)| w.starts_with("Rafael"))
            .any(|(_, k)| matches!(k, Kind::Org(_))));
    }

    #[test]
    fn a_stop_after_a_hyphenated_rank_belongs_to_it() {
        for rank in ["Lt-Gen.", "Maj-Gen.", "Brig-Gen.", "Col-Gen."] {
            let k = kinds(&format!(
                "Gen. Ali Demir met {rank} Erich Pfeffer on Monday."
            ));
            let at = k.iter().position(|(w, _)| w == rank);
            assert!(
                at.is_some_and(|i| matches!(k[i].1, Kind::Rank(_))),
                "{rank}: {k:?}"
            );
            assert_eq!(k[at.unwrap() + 1].0, "Erich");
        }
    }

    #[test]
    fn titles_of_several_words_service_marks_and_ranks_after_a_post() {
        let k = kinds("Adm Tan Sri Abdul Rahman met Gen. TNI Agus Budi and Principal Secretary Lt-Gen (Rtd) Peter Kariuki.");
        assert!(k.contains(&("Tan Sri".to_string(), Kind::Title)), "{k:?}");
        assert!(
            k.iter()
                .any(|(w, kind)| w == "Gen. TNI" && matches!(kind, Kind::Rank(_))),
            "{k:?}"
        );
        assert!(
            k.iter()
                .any(|(w, kind)| w == "Lt-Gen (Rtd)" && matches!(kind, Kind::Rank(_))),
            "{k:?}"
        );
        // "Tan" alone is a name.
        let k = kinds("Defence Minister Tan Chuan met them.");
        assert!(k.contains(&("Tan".to_string(), Kind::Cap)), "{k:?}");
    }

    #[test]
    fn a_short_stop_word_after_a_post_is_a_surname() {
        let k = kinds("Minister of National Defence No Kwang Chol met Gen. So Ryong Ho.");
        assert!(k.contains(&("No".to_string(), Kind::Cap)), "{k:?}");
        assert!(k.contains(&("So".to_string(), Kind::Cap)), "{k:?}");
        // At the start of a sentence, before a lower-case word or a weekday, it stays a stop.
        let k = kinds("No Minister met. The Minister On Tuesday; Gen. No one.");
        assert!(
            k.iter().all(|(w, kind)| w != "No" || *kind == Kind::Stop),
            "{k:?}"
        );
        assert!(k.contains(&("On".to_string(), Kind::Stop)), "{k:?}");
    }

    #[test]
    fn a_one_letter_capital_is_a_name_word_not_an_acronym() {
        let k = kinds("Lt Gen Seán Ó Dubhghaill met Col. Ö Demir.");
        assert!(k.contains(&("Ó".to_string(), Kind::Cap)), "{k:?}");
        assert!(k.contains(&("Ö".to_string(), Kind::Cap)), "{k:?}");
        let k = kinds("the NATO and AU missions");
        assert!(k.contains(&("AU".to_string(), Kind::Other)), "{k:?}");
    }

    #[test]
    fn general_after_an_office_word_is_no_rank() {
        let k = kinds("Director General Mr. Agil Gurbanov and Yoav Har-Even of Iran's navy");
        assert_eq!(k[1], ("General".to_string(), Kind::Office));
        assert!(k.contains(&("Har-Even".to_string(), Kind::Cap)));
        assert!(k.contains(&("Iran's".to_string(), Kind::Country("IR"))));
        let k = kinds("the Commanding General of the Philippine Air Force");
        assert_eq!(k[2], ("General".to_string(), Kind::Office));
    }
}
