//! Properties that hold for any input, checked on generated text (proptest).
//!
//! 1. Extraction never panics, on arbitrary Unicode and on text assembled from the words it keys
//!    on (ranks, names, countries, meeting cues, dates, possible and impossible), punctuation,
//!    line breaks, right-to-left and invisible characters.
//! 2. Extraction is deterministic: the same article gives the same meetings.
//! 3. Every meeting's span lies inside the article, on character boundaries, and is its passage;
//!    its id names its article.
//! 4. Reading never panics: any bytes on standard input give articles with text, or notices.
//! 5. A text query either parses or is a user error whose column lies within the query.
//! 6. Every phrase of the vocabularies in `index_schema/`, as written and with typographic
//!    apostrophes, extracts without a panic wherever it stands in a sentence.

use std::io::Cursor;

use attache::corpus::{Corpus, Input, Item, ReadOptions};
use attache::error::Error;
use attache::extract::extract;
use attache::model::Article;
use attache::search::{search, SearchRequest};
use proptest::prelude::*;

const FRAGMENTS: &[&str] = &[
    "Colonel General",
    "Col-Gen",
    "Lt. Gen.",
    "Maj.-Gen.",
    "Rear Adm.",
    "Gen.",
    "Mr.",
    "Dr.",
    "Zakir Hasanov",
    "Yaşar Güler",
    "Ahmed Saleh",
    "Rahim Khan",
    "Y.",
    "U.S.",
    "al-Harbi",
    "Azerbaijani",
    "Turkish",
    "Türkiye",
    "Pakistan's",
    "Israeli",
    "of Egypt",
    "Chief of the General Staff",
    "Minister of Defense",
    "Deputy",
    "commander of the Navy",
    "met with",
    "met",
    "held talks with",
    "received",
    "is slated to meet",
    "will visit",
    "spoke by phone with",
    "video call",
    "discussed",
    "military-technical cooperation",
    "joint exercises",
    "signed a memorandum",
    "ADEX-2024",
    "IDEF",
    "in Baku",
    "in Ankara",
    "on September 24",
    "on Tuesday",
    "yesterday",
    "2024-02-30",
    "on February 30, 2024",
    "in the year 0",
    "0000-01-01",
    "on 31/12/2023",
    ".",
    ",",
    ";",
    ":",
    "!",
    "?",
    "(",
    ")",
    "\"",
    "“",
    "”",
    "’",
    "—",
    "-",
    "\n",
    "\n\n",
    "\r\n",
    "\t",
    " ",
    "  ",
    "العميد محمد",
    "שלום",
    "\u{200B}",
    "\u{200D}",
    "\u{2060}",
    "\u{202E}",
    "\u{00AD}",
    "\u{FEFF}",
    "e\u{301}",
    "İ",
    "ı",
    "ß",
    "日本",
    "🙂",
    "\u{0}",
    "...",
    "a.b",
    "Sept.",
    "No.",
    "St.",
];

fn article(text: String) -> Article {
    Article {
        id: "prop".into(),
        origin: "prop".into(),
        published: chrono::NaiveDate::from_ymd_opt(2024, 2, 29),
        title: None,
        source: None,
        url: None,
        text,
    }
}

/// Text made of the fragments extraction keys on, glued by nothing or a space.
fn meeting_like() -> impl Strategy<Value = String> {
    prop::collection::vec((prop::sample::select(FRAGMENTS), any::<bool>()), 0..60).prop_map(
        |parts| {
            let mut s = String::new();
            for (p, space) in parts {
                s.push_str(p);
                if space {
                    s.push(' ');
                }
            }
            s
        },
    )
}

fn check_extraction(text: String) -> Result<(), TestCaseError> {
    let a = article(text);
    let meetings = extract(&a);
    prop_assert_eq!(&meetings, &extract(&a), "deterministic");
    for m in &meetings {
        let [start, end] = m.span;
        prop_assert!(
            start <= end && end <= a.text.len(),
            "{:?} in {}",
            m.span,
            a.text.len()
        );
        prop_assert!(a.text.is_char_boundary(start) && a.text.is_char_boundary(end));
        prop_assert_eq!(&m.text, &a.text[start..end]);
        prop_assert_eq!(&m.article, &a.id);
        prop_assert!(m.id.starts_with("prop#"), "{}", m.id);
    }
    Ok(())
}

/// Every string in a JSON value.
fn strings_of(v: &serde_json::Value, out: &mut Vec<String>) {
    match v {
        serde_json::Value::String(s) => out.push(s.clone()),
        serde_json::Value::Array(a) => a.iter().for_each(|x| strings_of(x, out)),
        serde_json::Value::Object(o) => o.values().for_each(|x| strings_of(x, out)),
        _ => {}
    }
}

#[test]
fn every_vocabulary_phrase_extracts_in_any_place_and_apostrophe() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("index_schema");
    let mut phrases = Vec::new();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "json") {
            let text = std::fs::read_to_string(&path).unwrap();
            strings_of(&serde_json::from_str(&text).unwrap(), &mut phrases);
        }
    }
    phrases.retain(|p| p.len() <= 60);
    assert!(phrases.len() > 1000, "{} phrases", phrases.len());
    let mut texts = 0;
    for phrase in &phrases {
        for form in [phrase.clone(), phrase.replace('\'', "\u{2019}")] {
            for text in [
                format!("{form} met {form}."),
                format!("Gen. {form}, {form}\u{2019}s chief, received Col. {form} Ali"),
                format!("The {form}. {form}"),
                format!("On Monday {form}\u{2019} {form}' met the {form}-based {form}\u{2019}s."),
            ] {
                check_extraction(text).unwrap();
                texts += 1;
            }
        }
    }
    assert!(texts >= 8 * phrases.len());
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn extraction_holds_on_meeting_like_text(text in meeting_like()) {
        check_extraction(text.clone())?;
        check_extraction(attache::text::normalize(text))?;
    }

    #[test]
    fn extraction_holds_on_any_text(text in any::<String>()) {
        check_extraction(text)?;
    }

    #[test]
    fn reading_any_bytes_gives_articles_or_notices(bytes in prop::collection::vec(any::<u8>(), 0..2048)) {
        let corpus = Corpus::new(vec![Input::Stdin], ReadOptions { max_file_bytes: 1024, max_line_bytes: 256 })
            .with_stdin(Cursor::new(bytes));
        for item in corpus {
            if let Item::Article(a) = item {
                prop_assert!(!a.text.trim().is_empty());
            }
        }
    }

    #[test]
    fn a_query_parses_or_points_within_itself(
        query in prop::collection::vec(prop::sample::select(&[
            "a", "Hasanov", "AND", "OR", "(", ")", "\"", ":", "title:", "text:", "nosuch:", "country:",
            "-", "+", "*", "\\", " ", "participants:guler", "\"joint exercises\"", "ü",
        ][..]), 0..12).prop_map(|p| p.concat())
    ) {
        let index = sample_index();
        let request = SearchRequest { query: Some(query.clone()), limit: 3, ..Default::default() };
        match search(index, &request) {
            Ok(r) => prop_assert!(r.hits.len() <= 3),
            Err(Error::InvalidQuery { column, .. }) => {
                if let Some(c) = column {
                    prop_assert!(c >= 1 && c <= query.chars().count(), "column {} of {:?}", c, query);
                }
            }
            Err(other) => prop_assert!(other.is_user_error(), "{}", other),
        }
    }
}

fn sample_index() -> &'static tantivy::Index {
    static INDEX: std::sync::OnceLock<tantivy::Index> = std::sync::OnceLock::new();
    INDEX.get_or_init(|| {
        let index = attache::index::create_in_ram();
        let mut writer: tantivy::IndexWriter =
            index.writer_with_num_threads(1, 15_000_000).unwrap();
        for item in Corpus::new(vec![Input::Sample], ReadOptions::default()) {
            if let Item::Article(a) = item {
                attache::index::add_meetings(&writer, &extract(&a)).unwrap();
            }
        }
        writer.commit().unwrap();
        index
    })
}
