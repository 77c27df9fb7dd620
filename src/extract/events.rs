//! Named occasions: exhibitions, forums, dialogues, summits. Gives back the series and the year
//! written next to it: "4th Azerbaijan International Defense Exhibition ADEX-2022" → (ADEX, 2022),
//! "IDEF'23" → (IDEF, 2023), "the 2024 Shangri-La Dialogue" → (Shangri-La Dialogue, 2024).

use super::matcher::{Case, Hit, Matcher};
use crate::vocab;
use std::sync::LazyLock;

static EVENTS: LazyLock<Matcher> = LazyLock::new(|| {
    let mut patterns = Vec::new();
    for (i, e) in vocab::events_file().events.iter().enumerate() {
        for alias in &e.aliases {
            let acronym = alias.chars().all(|c| !c.is_lowercase());
            patterns.push((
                alias.clone(),
                i as u32,
                if acronym { Case::Exact } else { Case::Any },
            ));
        }
    }
    Matcher::new(patterns)
});

/// One mention of an event series.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventMention {
    pub start: usize,
    pub end: usize,
    pub series: &'static str,
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

/// Event mentions in `text`, a name and its acronym next to each other counting once.
pub fn find(text: &str) -> Vec<EventMention> {
    let hits: Vec<Hit> = EVENTS.find(text);
    let mut out: Vec<EventMention> = Vec::new();
    for h in hits {
        let series = vocab::events_file().events[h.id as usize].series.as_str();
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
            series,
            year,
        });
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
    let digits = head.get(head.len().checked_sub(4)?..)?;
    let clean = head.len() == 4 || !head[head.len() - 5].is_ascii_alphanumeric();
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
    fn acronyms_need_their_case() {
        assert!(labels("an idex of adex").is_empty());
    }

    #[test]
    fn a_year_comes_from_the_meeting_when_not_written() {
        let e = &find("within the 5th ADEX held at")[0];
        assert_eq!(e.label(Some(2024)), "ADEX-2024");
    }
}
