//! The records that flow through the pipeline: an [`Article`] read from a corpus, and the
//! [`Meeting`]s extracted from it. A `Meeting` serialises to the flat JSON record that
//! `attache extract --json` prints, that the index stores, and that search hits carry.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// One news article, as read from a corpus file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Article {
    /// Stable id: the `id` given in the input, else the file name of a text file, else `file:line`.
    pub id: String,
    /// Where the article came from, for messages: `path` or `path:line`.
    pub origin: String,
    /// Publication date, when the input states it.
    pub published: Option<NaiveDate>,
    pub title: Option<String>,
    pub source: Option<String>,
    pub url: Option<String>,
    /// The article body. Meeting spans are byte ranges into this string.
    pub text: String,
}

/// Whether a meeting took place, is only announced, or was held remotely.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Default,
)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Reported as having happened in person.
    #[default]
    Held,
    /// Announced or expected ("is slated to meet", "will visit").
    Planned,
    /// A phone or video call.
    Call,
}

impl Status {
    pub const ALL: [Status; 3] = [Status::Held, Status::Planned, Status::Call];

    pub fn as_str(self) -> &'static str {
        match self {
            Status::Held => "held",
            Status::Planned => "planned",
            Status::Call => "call",
        }
    }
}

/// How a meeting's `date` was obtained.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum DateSource {
    /// The passage states the day ("On March 28", "yesterday"), resolved against the publication date.
    Stated,
    /// Nothing in the passage: the publication date stands in.
    Published,
    /// Neither the passage nor the article gives a date.
    #[default]
    Unknown,
}

/// One attendee of a meeting.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Participant {
    /// The name as written, honorifics (Mr., Dr.) stripped.
    pub name: String,
    /// ISO 3166-1 alpha-2 code of the side the person represents.
    pub country: Option<String>,
    /// Full English rank ("Colonel General"); `None` for civilians and unknown.
    pub rank: Option<String>,
    /// NATO grade of the rank ("OF-9"), where one is defined.
    #[serde(default)]
    pub grade: Option<String>,
    /// Position as written ("Chief of the General Staff").
    pub position: Option<String>,
    /// Organisation the person heads or belongs to ("Rafael", "Turkish Armed Forces").
    pub organization: Option<String>,
}

/// One meeting reported by an article: the unit attache indexes and searches.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Meeting {
    /// Stable id: `{article}#{ordinal}`, the ordinal counting from 1 in article order.
    pub id: String,
    /// Id of the article that reports the meeting.
    pub article: String,
    pub status: Status,
    /// The day the meeting took place, see `date_source`.
    pub date: Option<NaiveDate>,
    #[serde(default)]
    pub date_source: DateSource,
    /// Publication date of the article.
    pub published: Option<NaiveDate>,
    pub title: Option<String>,
    pub source: Option<String>,
    #[serde(default)]
    pub url: Option<String>,
    /// Where it took place (a city), when stated.
    pub location: Option<String>,
    /// Named occasion: series plus year when known (`ADEX-2022`), or the series alone (`ADEX`).
    pub event: Option<String>,
    pub participants: Vec<Participant>,
    /// ISO 3166-1 alpha-2 codes of every side present, sorted.
    pub countries: Vec<String>,
    /// Distinct ranks of the participants, sorted.
    pub ranks: Vec<String>,
    /// Topic slugs from `index_schema/topics.json`, sorted.
    pub topics: Vec<String>,
    /// Outcome slugs from `index_schema/outcomes.json`, sorted.
    pub outcomes: Vec<String>,
    /// The meeting's own passage.
    pub text: String,
    /// Byte range of the passage in the article text: `[start, end)`.
    pub span: [usize; 2],
}

impl Meeting {
    /// The event split into its series and year: `ADEX-2022` → (`ADEX`, Some(2022)).
    pub fn event_parts(&self) -> Option<(&str, Option<i32>)> {
        self.event.as_deref().map(split_event)
    }
}

/// Splits an event name into its series and trailing year: `ADEX-2022` → (`ADEX`, Some(2022)).
pub fn split_event(event: &str) -> (&str, Option<i32>) {
    let bytes = event.as_bytes();
    if bytes.len() > 5 && bytes[bytes.len() - 5] == b'-' {
        let (series, year) = event.split_at(event.len() - 5);
        if let Ok(y) = year[1..].parse::<i32>() {
            if year[1..].bytes().all(|b| b.is_ascii_digit()) {
                return (series, Some(y));
            }
        }
    }
    (event, None)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn event_split_takes_only_a_trailing_year() {
        assert_eq!(split_event("ADEX-2022"), ("ADEX", Some(2022)));
        assert_eq!(split_event("ADEX"), ("ADEX", None));
        assert_eq!(
            split_event("High-Level Military Dialogue"),
            ("High-Level Military Dialogue", None)
        );
        assert_eq!(split_event("IDEF-23"), ("IDEF-23", None));
    }

    #[test]
    fn meeting_record_round_trips_through_json() {
        let m = Meeting {
            id: "a.txt#1".into(),
            article: "a.txt".into(),
            date: NaiveDate::from_ymd_opt(2024, 9, 24),
            date_source: DateSource::Stated,
            participants: vec![Participant {
                name: "Zakir Hasanov".into(),
                country: Some("AZ".into()),
                rank: Some("Colonel General".into()),
                ..Default::default()
            }],
            countries: vec!["AZ".into(), "TR".into()],
            span: [3, 40],
            ..Default::default()
        };
        let json = serde_json::to_string(&m).unwrap();
        assert!(json.contains(r#""date":"2024-09-24""#), "{json}");
        assert!(json.contains(r#""status":"held""#), "{json}");
        let back: Meeting = serde_json::from_str(&json).unwrap();
        assert_eq!(back, m);
    }
}
