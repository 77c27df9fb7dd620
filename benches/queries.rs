//! What is measured: search latency per query shape on a small warm index —
//! `term` (one word), `phrase`, `facet_filter` (query + country + topic filters),
//! `facet_counts` (four facets over every match), `date_range` (a year, sorted by date).
//!
//! Corpus: the sample articles' meetings, each indexed 200 times under new ids.
//!
//! Notes: the index lives in RAM; `attache bench` measures the same shapes on a large on-disk
//! index, plus the whole command from process start to exit.

use criterion::{criterion_group, criterion_main, Criterion};
use std::hint::black_box;

use attache::corpus::{Corpus, Input, Item};
use attache::extract::extract;
use attache::index::{add_meetings, create_in_ram};
use attache::search::{search, FacetName, Filters, SearchRequest, SortOrder};

fn bench_queries(c: &mut Criterion) {
    let meetings: Vec<_> = Corpus::new(vec![Input::Sample], Default::default())
        .filter_map(|item| match item {
            Item::Article(a) => Some(extract(&a)),
            _ => None,
        })
        .flatten()
        .collect();
    let index = create_in_ram();
    let mut writer: tantivy::IndexWriter = index.writer_with_num_threads(1, 50_000_000).unwrap();
    for copy in 0..200 {
        let renamed: Vec<_> = meetings
            .iter()
            .map(|m| {
                let mut m = m.clone();
                m.id = format!("{}-{copy}", m.id);
                m
            })
            .collect();
        add_meetings(&writer, &renamed).unwrap();
    }
    writer.commit().unwrap();

    let shapes: Vec<(&str, SearchRequest)> = vec![
        (
            "term",
            SearchRequest {
                query: Some("cooperation".into()),
                facets: vec![],
                ..Default::default()
            },
        ),
        (
            "phrase",
            SearchRequest {
                query: Some("\"regional security\"".into()),
                facets: vec![],
                ..Default::default()
            },
        ),
        (
            "facet_filter",
            SearchRequest {
                query: Some("cooperation".into()),
                filters: Filters {
                    countries: vec!["TR".into()],
                    topics: vec!["military-technical".into()],
                    ..Default::default()
                },
                facets: vec![],
                ..Default::default()
            },
        ),
        (
            "facet_counts",
            SearchRequest {
                query: Some("cooperation".into()),
                limit: 0,
                facets: FacetName::DEFAULT.to_vec(),
                ..Default::default()
            },
        ),
        (
            "date_range",
            SearchRequest {
                filters: Filters {
                    from: "2024-01-01".parse().ok(),
                    to: "2024-12-31".parse().ok(),
                    ..Default::default()
                },
                sort: SortOrder::Date,
                facets: vec![],
                ..Default::default()
            },
        ),
    ];
    let mut group = c.benchmark_group("query");
    for (name, request) in &shapes {
        group.bench_function(*name, |b| {
            b.iter(|| black_box(search(&index, request).unwrap()))
        });
    }
    group.finish();
}

criterion_group!(benches, bench_queries);
criterion_main!(benches);
