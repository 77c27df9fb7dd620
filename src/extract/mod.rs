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
    pub event_mentions: Vec<events::EventMention>,
}

impl Hits {
    pub fn new(text: &str) -> Hits {
        let event_mentions = events::find(text);
        Hits {
            ranks: ranks::find(text),
            countries: countries::find(text),
            cities: countries::find_cities(text),
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
