//! What is measured: search latency per query shape on a warm index —
//! `term` (one word), `phrase`, `facet_filter` (query + country + topic filters),
//! `facet_counts` (four facets over every match), `date_range` (a year, sorted by date).
//!
//! Corpus: `sample`, the sample articles' meetings, each indexed 200 times under new ids (a few
//! thousand near-identical documents); `synthetic`, the meetings of 20,000 articles of
//! `attache synth` (seed 42, about 45,000 documents of varied text).
//!
//! Notes: the indexes live in RAM and are built once, before measuring; `attache bench`
//! measures the same shapes on a large on-disk index, plus the whole command from process
//! start to exit.

use criterion::{criterion_group, criterion_main, Criterion};
use std::hint::black_box;

use attache::corpus::{Corpus, Input, Item};
use attache::extract::extract;
use attache::index::{add_meetings, create_in_ram};
use attache::model::Meeting;
use attache::search::{search, FacetName, Filters, SearchRequest, SortOrder};
use attache::synth;
use rayon::prelude::*;
use tantivy::Index;

fn index_of(meetings: &[Meeting], copies: usize) -> Index {
    let index = create_in_ram();
    let mut writer: tantivy::IndexWriter = index.writer_with_num_threads(1, 100_000_000).unwrap();
    for copy in 0..copies {
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
    index
}

fn sample_index() -> Index {
    let meetings: Vec<_> = Corpus::new(vec![Input::Sample], Default::default())
        .filter_map(|item| match item {
            Item::Article(a) => Some(extract(&a)),
            _ => None,
        })
        .flatten()
        .collect();
    index_of(&meetings, 200)
}

fn synthetic_index() -> Index {
    let articles: Vec<_> = synth::articles(synth::DEFAULT_SEED, 0..20_000)
        .map(|g| g.article)
        .collect();
    let meetings: Vec<Meeting> = articles.par_iter().flat_map_iter(extract).collect();
    index_of(&meetings, 1)
}

/// The five shapes, filtering on a country, topic and year the corpus holds.
fn shapes(country: &str, topic: &str, year: i32) -> Vec<(&'static str, SearchRequest)> {
    let text = |q: &str| SearchRequest {
        query: Some(q.into()),
        facets: vec![],
        ..Default::default()
    };
    vec![
        ("term", text("cooperation")),
        ("phrase", text("\"regional security\"")),
        (
            "facet_filter",
            SearchRequest {
                filters: Filters {
                    countries: vec![country.into()],
                    topics: vec![topic.into()],
                    ..Default::default()
                },
                ..text("cooperation")
            },
        ),
        (
            "facet_counts",
            SearchRequest {
                limit: 0,
                facets: FacetName::DEFAULT.to_vec(),
                ..text("cooperation")
            },
        ),
        (
            "date_range",
            SearchRequest {
                filters: Filters {
                    from: chrono::NaiveDate::from_ymd_opt(year, 1, 1),
                    to: chrono::NaiveDate::from_ymd_opt(year, 12, 31),
                    ..Default::default()
                },
                sort: SortOrder::Date,
                facets: vec![],
                ..Default::default()
            },
        ),
    ]
}

fn bench_queries(c: &mut Criterion) {
    for (corpus, index, shapes) in [
        (
            "sample",
            sample_index(),
            shapes("TR", "military-technical", 2024),
        ),
        (
            "synthetic",
            synthetic_index(),
            shapes("TR", "regional-security", 2020),
        ),
    ] {
        let mut group = c.benchmark_group(format!("query/{corpus}"));
        for (name, request) in &shapes {
            group.bench_function(*name, |b| {
                b.iter(|| black_box(search(&index, request).unwrap()))
            });
        }
        group.finish();
    }
}

criterion_group!(benches, bench_queries);
criterion_main!(benches);
