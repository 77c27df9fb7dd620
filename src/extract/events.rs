//! Named occasions: exhibitions, forums, dialogues, summits. Gives back the series and the year
//! written next to it: "4th Azerbaijan International Defense Exhibition ADEX-2022" → (ADEX, 2022),
//! "IDEF'23" → (IDEF, 2023), "the 2024 Shangri-La Dialogue" → (Shangri-La Dialogue, 2024).
//! Series the vocabulary does not know are recognised by their shape: a name with a year next to
//! it that ends in an occasion word or is an acronym ("Manama Dialogue 2023", "EDEX 2023"), or an
//! ordinal before an occasion's name ("the 31st International Defence Industry Exhibition MSPO").

use super::matcher::{self, Case, Hit, Table};
use crate::vocab;

/// Every alias of every listed series, for the vocabulary automaton.
pub(super) fn patterns() -> Vec<(String, u32, Case)> {
    let mut patterns = Vec::new();
    for (i, e) in vocab::events_file().events.iter().enumerate() {
        for alias in &e.aliases {
            let acronym = alias.chars().all(|c| !c.is_lowercase());
            let case = if acronym {
                Case::Exact
            } else if e.with_year.contains(alias) {
                // "Army-2022", not "the army in 2022".
                Case::Capital
            } else {
                Case::Any
            };
            patterns.push((alias.clone(), i as u32, case));
        }
    }
    patterns
}

/// One mention of an event series.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventMention {
    pub start: usize,
    pub end: usize,
    pub series: String,
    pub year: Option<i32>,
}

impl EventMention {
    /// `ADEX-2022`, or the series alone.
    pub fn label(&self, fallback_year: Option<i32>) -> String {
        match self.year.or(fallback_year) {
            Some(y) => format!("{}-{y}", self.series),
            None => self.series.to_string(),
        }
    }
}

/// Event mentions in `text`, a name and its acronym next to each other counting once; series
/// the vocabulary knows, then others recognised by their shape where no known one is named.
pub fn find(text: &str) -> Vec<EventMention> {
    find_with(text, matcher::scan(text).get(Table::Event))
}

/// [`find`], given the hits of the listed series.
pub fn find_with(text: &str, hits: &[Hit]) -> Vec<EventMention> {
    let mut out: Vec<EventMention> = Vec::new();
    for &h in hits {
        let entry = &vocab::events_file().events[h.id as usize];
        let series = entry.series.as_str();
        let alias = &text[h.start..h.end];
        if entry
            .with_year
            .iter()
            .any(|a| a.eq_ignore_ascii_case(alias))
            && year_after(text, h.end).is_none()
            && year_before(text, h.start).is_none()
        {
            // "the Turkish Land Forces", "PAKISTAN ARMY DELEGATION": no occasion without its year.
            continue;
        }
        if let Some(last) = out.last_mut() {
            let gap = &text[last.end..h.start];
            if last.series == series && gap.len() <= 3 && gap.chars().all(|c| " ()-".contains(c)) {
                last.end = h.end;
                last.year = last.year.or_else(|| year_after(text, h.end));
                continue;
            }
        }
        let year = year_after(text, h.end).or_else(|| year_before(text, h.start));
        out.push(EventMention {
            start: h.start,
            end: h.end,
            series: series.to_string(),
            year,
        });
    }
    let known = out.len();
    for e in unlisted(text) {
        if !out[..known]
            .iter()
            .any(|k| k.start < e.end + 2 && e.start < k.end + 2)
        {
            out.push(e);
        }
    }
    out.sort_by_key(|e| e.start);
    out
}

/// Last words of an occasion's name.
const OCCASIONS: [&str; 15] = [
    "Airshow",
    "Conference",
    "Congress",
    "Dialogue",
    "Exhibition",
    "Expo",
    "Fair",
    "Forum",
    "Meeting",
    "Salon",
    "Show",
    "Summit",
    "Symposium",
    "Talks",
    "Week",
];

/// Acronyms that are no occasion even next to a year ("NATO 2030", "FY 2025").
const NOT_OCCASIONS: [&str; 12] = [
    "ASEAN", "BRICS", "COVID", "CSTO", "EU", "FY", "GCC", "NATO", "OPEC", "OSCE", "UN", "UNSC",
];

/// A word of `text` with its byte range.
#[derive(Debug, Clone, Copy)]
struct Word<'a> {
    start: usize,
    end: usize,
    text: &'a str,
}

/// The words of windows of a text that move forward, read once: a window that starts on a
/// space (or at the text's start) goes on from where the one before it stopped, as the words
/// after a space do not depend on what came before it.
struct Words<'a> {
    text: &'a str,
    /// The words ended before `pos`, then for the while a window is read, its cut last word.
    words: Vec<Word<'a>>,
    ended: usize,
    /// Where reading stopped, and the start of a word read up to there.
    pos: usize,
    open: Option<usize>,
}

impl<'a> Words<'a> {
    fn new(text: &'a str) -> Words<'a> {
        Words {
            text,
            words: Vec::new(),
            ended: 0,
            pos: 0,
            open: None,
        }
    }

    /// The words of `text[from..to]`, with their offsets in `text`.
    fn window(&mut self, from: usize, to: usize) -> &[Word<'a>] {
        let text = self.text;
        self.words.truncate(self.ended);
        let fresh = from == 0 || text[from..].starts_with(char::is_whitespace);
        if from > self.pos || to < self.pos || !fresh {
            self.words.clear();
            self.pos = from;
            self.open = None;
        }
        let bytes = text.as_bytes();
        let mut next = self.pos;
        let mut start = self.open;
        while next < to {
            let i = next;
            // ASCII, nearly all of a text, is read without decoding.
            let c = if bytes[i] < 0x80 {
                bytes[i] as char
            } else {
                text[i..to].chars().next().unwrap_or(' ')
            };
            next += c.len_utf8();
            let inside = c.is_alphanumeric() || (start.is_some() && matches!(c, '-' | '&'));
            match (inside || c == '&', start) {
                (true, None) => start = Some(i),
                (false, Some(s)) => {
                    self.words.push(Word {
                        start: s,
                        end: i,
                        text: text[s..i].trim_end_matches('-'),
                    });
                    start = None;
                }
                _ => {}
            }
        }
        self.pos = next;
        self.open = start;
        self.ended = self.words.len();
        if let Some(s) = start {
            self.words.push(Word {
                start: s,
                end: to,
                text: text[s..to].trim_end_matches('-'),
            });
        }
        let first = self.words.partition_point(|w| w.start < from);
        &self.words[first..]
    }
}

/// Where an occasion may be named: a year ("2023", "ADEX-2022") or an ordinal ("31st").
fn triggers(text: &str) -> Vec<usize> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let Some(k) = matcher::next_ascii_digit(b, i) else {
            break;
        };
        i = k;
        let start = i;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        let year = i - start == 4 && matches!(&b[start..start + 2], b"19" | b"20");
        let ordinal = matches!(b.get(i..i + 2), Some(b"st" | b"nd" | b"rd" | b"th"));
        if year || ordinal {
            out.push(start);
        }
    }
    out
}

/// `[from, to)` widened by about `by` bytes each way, on character boundaries.
fn window(text: &str, at: usize, by: usize) -> (usize, usize) {
    let mut from = at.saturating_sub(by);
    while !text.is_char_boundary(from) {
        from -= 1;
    }
    let mut to = (at + by).min(text.len());
    while !text.is_char_boundary(to) {
        to += 1;
    }
    // Start at a word boundary, so that the window does not cut a name in two.
    if let Some(space) = text[from..at].find(char::is_whitespace) {
        from += space;
    }
    (from, to)
}

fn capitalised(w: &str) -> bool {
    w.starts_with(|c: char| c.is_uppercase()) || w == "&"
}

fn acronym(w: &str) -> bool {
    let letters = w.chars().filter(|c| c.is_alphabetic()).count();
    letters >= 3
        && w.chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
        && !NOT_OCCASIONS.contains(&w)
}

fn ordinal(w: &str) -> bool {
    let digits = w.len() - w.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    digits > 0 && matches!(&w[digits..], "st" | "nd" | "rd" | "th")
}

/// Whether only spaces (and an opening bracket) separate two words: one name.
fn joined(text: &str, a: &Word, b: &Word) -> bool {
    text[a.end..b.start].chars().all(|c| c == ' ' || c == '(') && !text[a.end..b.start].is_empty()
}

/// The capitalised run of words ending at `last` (inclusive), going back; connectors such as
/// "of", "and", "for" inside it are kept.
fn run_back(text: &str, ws: &[Word], last: usize) -> usize {
    let mut first = last;
    while first > 0 {
        let prev = &ws[first - 1];
        if !joined(text, prev, &ws[first]) || text[prev.end..ws[first].start].contains('(') {
            break;
        }
        let connector = matches!(prev.text, "of" | "and" | "for" | "on")
            && first >= 2
            && capitalised(ws[first - 2].text);
        if !(capitalised(prev.text) || connector) || ordinal(prev.text) || prev.text == "The" {
            break;
        }
        first -= 1;
    }
    first
}

/// The capitalised run of words starting at `first`, going forward.
fn run_forward(text: &str, ws: &[Word], first: usize) -> usize {
    let mut last = first;
    while last + 1 < ws.len() {
        let next = &ws[last + 1];
        if !joined(text, &ws[last], next) || text[ws[last].end..next.start].contains('(') {
            break;
        }
        let connector = matches!(next.text, "of" | "and" | "for" | "on")
            && ws.get(last + 2).is_some_and(|w| capitalised(w.text));
        if !(capitalised(next.text) || connector) || year_word(next.text).is_some() {
            break;
        }
        last += 1;
    }
    last
}

fn year_word(w: &str) -> Option<i32> {
    (w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit()))
        .then(|| w.parse().ok())
        .flatten()
        .and_then(plausible)
}

/// "ADEX-2024" as one word: the acronym and the year.
fn acronym_year(w: &str) -> Option<(&str, i32)> {
    let (name, year) = w.rsplit_once('-')?;
    Some((name, year_word(year)?)).filter(|(n, _)| acronym(n))
}

fn names_occasion(run: &[Word]) -> bool {
    run.iter().any(|w| OCCASIONS.contains(&w.text)) || run.first().is_some_and(|w| acronym(w.text))
}

/// Occasions the vocabulary does not list, recognised by their shape.
fn unlisted(text: &str) -> Vec<EventMention> {
    let mut out: Vec<EventMention> = Vec::new();
    let mut push = |start: usize, end: usize, series: &str, year: Option<i32>| {
        let series = series.trim_end_matches(" of").trim();
        if !series.is_empty() && !out.iter().any(|e| e.start < end && start < e.end) {
            out.push(EventMention {
                start,
                end,
                series: series.to_string(),
                year,
            });
        }
    };
    let mut words = Words::new(text);
    for at in triggers(text) {
        // Only the words around a year or an ordinal are read.
        let (from, to) = window(text, at, 160);
        let ws = words.window(from, to);
        let Some(i) = ws.iter().position(|w| w.start <= at && at < w.end) else {
            continue;
        };
        let w = ws[i];
        if let Some((name, year)) = acronym_year(w.text) {
            push(w.start, w.end, name, Some(year));
            continue;
        }
        if let Some(year) = year_word(w.text) {
            // "Manama Dialogue 2023", "EDEX 2023", "LAAD Defence & Security 2025".
            if i > 0 && joined(text, &ws[i - 1], &w) && capitalised(ws[i - 1].text) {
                let first = run_back(text, ws, i - 1);
                let run = &ws[first..i];
                let head_after = ws
                    .get(i + 1)
                    .is_some_and(|n| joined(text, &w, n) && OCCASIONS.contains(&n.text));
                if names_occasion(run) || head_after {
                    push(
                        run[0].start,
                        w.end,
                        &text[run[0].start..run[run.len() - 1].end],
                        Some(year),
                    );
                    continue;
                }
            }
            // "the 2024 Shangri-La Dialogue".
            if ws
                .get(i + 1)
                .is_some_and(|n| joined(text, &w, n) && capitalised(n.text))
            {
                let last = run_forward(text, ws, i + 1);
                let run = &ws[i + 1..=last];
                if run.iter().any(|r| OCCASIONS.contains(&r.text)) {
                    push(
                        w.start,
                        run[run.len() - 1].end,
                        &text[run[0].start..run[run.len() - 1].end],
                        Some(year),
                    );
                }
            }
            continue;
        }
        // "the 31st International Defence Industry Exhibition MSPO", "the 3rd Egypt Defence Expo".
        if ordinal(w.text)
            && ws
                .get(i + 1)
                .is_some_and(|n| joined(text, &w, n) && capitalised(n.text))
        {
            let last = run_forward(text, ws, i + 1);
            let run = &ws[i + 1..=last];
            let Some(head) = run.iter().rposition(|r| OCCASIONS.contains(&r.text)) else {
                continue;
            };
            // The acronym after the name, bracketed or not: "Egypt Defence Expo (EDEX 2023)".
            let at = if run.get(head + 1).is_some_and(|r| acronym(r.text)) {
                Some(i + 1 + head + 1)
            } else {
                Some(last + 1).filter(|&k| {
                    ws.get(k)
                        .is_some_and(|n| joined(text, &ws[last], n) && acronym(n.text))
                })
            };
            match at {
                Some(a) => {
                    let year = ws
                        .get(a + 1)
                        .filter(|y| joined(text, &ws[a], y))
                        .and_then(|y| year_word(y.text));
                    let end = if year.is_some() {
                        ws[a + 1].end
                    } else {
                        ws[a].end
                    };
                    push(
                        run[0].start,
                        end.max(run[run.len() - 1].end),
                        ws[a].text,
                        year,
                    );
                }
                None => push(
                    run[0].start,
                    run[run.len() - 1].end,
                    &text[run[0].start..run[head].end],
                    None,
                ),
            }
        }
    }
    out
}

/// `-2022`, ` 2022`, `'23` right after the name.
fn year_after(text: &str, end: usize) -> Option<i32> {
    let rest = &text[end..];
    let sep = rest.len() - rest.trim_start_matches([' ', '-', '\u{2013}']).len();
    let apostrophe = rest[sep..].starts_with(['\'', '\u{2019}']);
    let digits_at = sep
        + if apostrophe {
            rest[sep..].chars().next().map_or(0, char::len_utf8)
        } else {
            0
        };
    let digits: String = rest[digits_at..]
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    match (apostrophe, digits.len()) {
        (_, 4) if sep > 0 || apostrophe => plausible(digits.parse().ok()?),
        (true, 2) => plausible(2000 + digits.parse::<i32>().ok()?),
        _ => None,
    }
}

/// `2024 ` right before the name.
fn year_before(text: &str, start: usize) -> Option<i32> {
    // Bytes, not characters: the text before may be in any script, and shorter than a year.
    let head = text[..start].strip_suffix(' ')?.as_bytes();
    let at = head.len().checked_sub(4)?;
    let digits = &head[at..];
    let clean = at == 0 || !head[at - 1].is_ascii_alphanumeric();
    if digits.iter().all(u8::is_ascii_digit) && clean {
        return plausible(std::str::from_utf8(digits).ok()?.parse().ok()?);
    }
    None
}

fn plausible(y: i32) -> Option<i32> {
    (1950..=2100).contains(&y).then_some(y)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn labels(text: &str) -> Vec<String> {
        find(text).iter().map(|e| e.label(None)).collect()
    }

    #[test]
    fn common_words_name_an_occasion_only_with_its_year() {
        assert_eq!(
            labels("on the sidelines of Land Forces 2022 in Brisbane"),
            vec!["Land Forces-2022"]
        );
        assert_eq!(
            labels("at Defense & Security 2023 in Nonthaburi"),
            vec!["Defense & Security-2023"]
        );
        assert!(labels("the commander of the Turkish Land Forces").is_empty());
        assert!(labels("Embraer Defense & Security chief executive").is_empty());
        assert!(labels("COAS RECEIVES PAKISTAN ARMY DELEGATION").is_empty());
        assert_eq!(labels("at ARMY-2022 near Moscow"), vec!["Army-2022"]);
    }

    #[test]
    fn short_or_non_latin_text_before_a_name_is_no_year() {
        assert_eq!(labels(". IDEF"), vec!["IDEF"]);
        assert_eq!(labels("دد IDEF"), vec!["IDEF"]);
        assert_eq!(labels("x2024 IDEF"), vec!["IDEF"]);
    }

    #[test]
    fn series_with_the_year_written_next_to_it() {
        assert_eq!(
            labels("the 4th Azerbaijan International Defense Exhibition ADEX-2022 in Baku"),
            vec!["ADEX-2022"]
        );
        assert_eq!(
            labels("at ADEX 2022 and IDEF'23"),
            vec!["ADEX-2022", "IDEF-2023"]
        );
        assert_eq!(
            labels("the 2024 Shangri-La Dialogue"),
            vec!["Shangri-La Dialogue-2024"]
        );
        assert_eq!(
            labels("Azerbaijan International Defense Exhibition (ADEX) at the Expo"),
            vec!["ADEX"]
        );
        assert_eq!(
            labels("the Azerbaijani-Turkish High-Level Military Dialogue Meeting."),
            vec!["High-Level Military Dialogue Meeting"]
        );
    }

    #[test]
    fn unlisted_series_are_known_by_their_shape() {
        assert_eq!(
            labels("on the sidelines of the Narva Dialogue 2023, and at TAMDEX 2024 and ORYX-2025"),
            vec!["Narva Dialogue-2023", "TAMDEX-2024", "ORYX-2025"]
        );
        assert_eq!(
            labels("at the 5th Baltic Maritime Defence Exhibition BALTEX in Gdynia, the 2nd Lagos Security Forum and the 3rd Cairo Air Expo (CAX 2023)"),
            vec!["BALTEX", "Lagos Security Forum", "CAX-2023"]
        );
        assert_eq!(
            labels("at Andes Defence 2025 Expo & Forum and the 2026 Pacific Air Show."),
            vec!["Andes Defence-2025", "Pacific Air Show-2026"]
        );
        assert!(
            labels("under Vision 2030, NATO 2030 and the FY 2025 budget of the Army 2024")
                .is_empty()
        );
    }

    #[test]
    fn windows_read_on_give_the_words_of_each_window_read_alone() {
        let text = "Dialogue-2023 at the Expo & Forum–2024 in Łódź, IDEX- and  ADEX 2025 of 12th";
        let spaces: Vec<usize> = text.match_indices(' ').map(|(i, _)| i).collect();
        let mut on = Words::new(text);
        for (k, &from) in spaces.iter().enumerate() {
            // Windows that end inside a word, as well as at the end of the text.
            let mut to = spaces.get(k + 3).map_or(text.len(), |&s| s - 2);
            while !text.is_char_boundary(to) {
                to -= 1;
            }
            let alone: Vec<_> = Words::new(text)
                .window(from, to)
                .iter()
                .map(|w| (w.start, w.end, w.text))
                .collect();
            let read_on: Vec<_> = on
                .window(from, to)
                .iter()
                .map(|w| (w.start, w.end, w.text))
                .collect();
            assert_eq!(read_on, alone);
        }
    }

    #[test]
    fn acronyms_need_their_case() {
        assert!(labels("an idex of adex").is_empty());
    }

    #[test]
    fn a_year_comes_from_the_meeting_when_not_written() {
        let e = &find("within the 5th ADEX held at")[0];
        assert_eq!(e.label(Some(2024)), "ADEX-2024");
    }
}
