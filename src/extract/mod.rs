//! Extraction: one [`Article`] → the [`Meeting`]s it reports. Each vocabulary is matched once
//! over the whole text ([`Hits`]); sentences are then read in order ([`assemble`]) to open a
//! meeting at a cue, gather its participants, and close its passage; each meeting's passage gives
//! its topics, outcomes and date.

mod assemble;
pub mod countries;
pub mod cues;
pub mod dates;
pub mod events;
pub mod matcher;
pub mod people;
pub mod positions;
pub mod ranks;
pub mod refs;
pub mod segment;
pub mod sides;
pub mod tokens;
pub mod topics;

use crate::model::{Article, Meeting};
use matcher::Hit;

/// Every vocabulary match of an article that people-finding needs, in text order.
pub struct Hits {
    pub ranks: Vec<Hit>,
    pub countries: Vec<Hit>,
    pub cities: Vec<Hit>,
    pub events: Vec<Hit>,
    /// Honorifics, office words, stop words, and words after which a rank names an office.
    pub titles: Vec<Hit>,
    pub office: Vec<Hit>,
    pub stop: Vec<Hit>,
    pub not_rank_after: Vec<Hit>,
    pub event_mentions: Vec<events::EventMention>,
    /// Where a rank, event, country, city or title hit starts, sorted: the words that
    /// tokenizing cannot class as plain lower-case text from their first letter.
    pub marked: Vec<usize>,
}

impl Hits {
    pub fn new(text: &str) -> Hits {
        Hits::from_scan(text, &mut matcher::scan(text))
    }

    /// From the rank, country, city and event tables of a [`matcher::Scan`].
    pub fn from_scan(text: &str, scan: &mut matcher::Scan) -> Hits {
        let event_mentions = events::find_with(text, scan.get(matcher::Table::Event));
        let mut marked: Vec<usize> = [
            matcher::Table::Rank,
            matcher::Table::Country,
            matcher::Table::City,
            matcher::Table::Title,
        ]
        .into_iter()
        .flat_map(|t| scan.get(t).iter().map(|h| h.start))
        .chain(event_mentions.iter().map(|e| e.start))
        .collect();
        marked.sort_unstable();
        marked.dedup();
        Hits {
            marked,
            ranks: scan.take(matcher::Table::Rank),
            countries: scan.take(matcher::Table::Country),
            cities: scan.take(matcher::Table::City),
            titles: scan.take(matcher::Table::Title),
            office: scan.take(matcher::Table::Office),
            stop: scan.take(matcher::Table::Stop),
            not_rank_after: scan.take(matcher::Table::NotRankAfter),
            events: event_mentions
                .iter()
                .map(|e| Hit {
                    start: e.start,
                    end: e.end,
                    id: 0,
                })
                .collect(),
            event_mentions,
        }
    }
}

/// Extracts every meeting the article reports, in article order.
pub fn extract(article: &Article) -> Vec<Meeting> {
    assemble::meetings(article)
}

#[cfg(test)]
mod tests {
    //! No input makes extraction panic, and every meeting's span is a passage of the article.

    use super::*;
    use proptest::prelude::*;

    const PIECES: &[&str] = &[
        "Lt. Gen.",
        " (res.)",
        "Maj-Gen",
        "Col.",
        "Mr.",
        "Admiral Sir",
        " ",
        ", ",
        ". ",
        "\n",
        "\u{2014}",
        "met with",
        "received",
        "led by",
        "a delegation of the",
        "Turkish",
        "Türkiye",
        "ğ",
        "ş",
        "Hasanov",
        "Güler",
        "Zakir",
        "Baku",
        "NAIROBI",
        "the minister",
        "the two ministers",
        "(",
        ")",
        "On March 28",
        "yesterday",
        "on Sunday",
        "ADEX-2022",
        "is slated to meet",
        "phone call",
        "signed a protocol",
        "Z.",
        "é",
        "\u{201C}",
        "\u{201D}",
        "'s",
        "Air Chief Marshal",
        "of the",
        "Ministry of Defense",
        "IDF",
        "Commander-in-Chief",
        "2024",
        "The expanded meeting involved",
        "Manama Dialogue",
        "u\u{308}",
    ];

    fn article(text: String, published: Option<NaiveDate>) -> Article {
        Article {
            id: "p".into(),
            origin: "p".into(),
            published,
            title: None,
            source: None,
            url: None,
            text,
        }
    }

    use chrono::NaiveDate;

    fn check(a: &Article) {
        for m in extract(a) {
            let [s, e] = m.span;
            assert!(s <= e && a.text.get(s..e).is_some(), "{m:?}");
            assert_eq!(m.text, a.text[s..e]);
        }
    }

    proptest! {
        #[test]
        fn article_like_text_never_panics(
            parts in prop::collection::vec(0..PIECES.len(), 0..80),
            days in prop::option::of(0i64..20_000),
        ) {
            let text: String = parts.iter().map(|&i| PIECES[i]).collect();
            let published = days.map(|d| NaiveDate::from_ymd_opt(1990, 1, 1).unwrap() + chrono::Days::new(d as u64));
            check(&article(text, published));
        }

        #[test]
        fn any_text_never_panics(text in any::<String>()) {
            check(&article(text, NaiveDate::from_ymd_opt(2024, 2, 29)));
        }
    }
}
