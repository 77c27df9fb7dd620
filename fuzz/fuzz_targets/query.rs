//! Fuzzes query and filter parsing: any query text and filter values, run against an index of
//! the sample articles, give a response or a user error (a bad query, an unknown value), never a
//! panic or an internal error; a response holds no more hits than asked for.
//!
//! Input: fields separated by `\x01`: query, country, rank, event, topic, person, from, to.
#![no_main]

use std::sync::LazyLock;

use attache::corpus::{Corpus, Input, Item, ReadOptions};
use attache::search::{parse_date_bound, search, Filters, SearchRequest, StatusFilter};
use attache::{extract::extract, index, schema};
use libfuzzer_sys::fuzz_target;
use tantivy::{Index, IndexWriter};

static INDEX: LazyLock<Index> = LazyLock::new(|| {
    let idx = index::create_in_ram();
    let mut writer: IndexWriter = idx.writer_with_num_threads(1, 15_000_000).unwrap();
    for item in Corpus::new(vec![Input::Sample], ReadOptions::default()) {
        if let Item::Article(a) = item {
            let meetings = extract(&a);
            index::add_meetings(&writer, &meetings).unwrap();
            let ledger = index::ledger::document(schema::fields(), &a, meetings.len());
            writer.add_document(ledger).unwrap();
        }
    }
    writer.commit().unwrap();
    idx
});

fuzz_target!(|data: &[u8]| {
    let s = String::from_utf8_lossy(data);
    let mut parts = s.split('\x01');
    let mut next = || parts.next().map(str::to_string);
    let query = next();
    let list = |v: Option<String>| v.into_iter().collect::<Vec<_>>();
    let (country, rank, event, topic, person) = (next(), next(), next(), next(), next());
    let (from, to) = (next(), next());
    let bound = |v: &Option<String>, end| v.as_deref().and_then(|d| parse_date_bound(d, end).ok());
    let request = SearchRequest {
        query,
        filters: Filters {
            countries: list(country),
            ranks: list(rank),
            events: list(event),
            topics: list(topic),
            person,
            from: bound(&from, false),
            to: bound(&to, true),
            status: if data.len() % 2 == 0 {
                StatusFilter::Any
            } else {
                StatusFilter::HeldOnly
            },
            ..Default::default()
        },
        limit: 5,
        ..Default::default()
    };
    match search(&INDEX, &request) {
        Ok(r) => {
            assert!(r.hits.len() <= 5);
            assert!(r.total >= r.hits.len());
        }
        Err(e) => assert!(e.is_user_error(), "an internal error for {request:?}: {e}"),
    }
});
