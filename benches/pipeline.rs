//! What is measured: the stages of attache's pipeline on the sample articles —
//! extraction (`Article` → meetings, in bytes of article text per second, one core), building
//! tantivy documents from meetings, and indexing them in RAM.
//!
//! Corpus: the five sample articles embedded in the binary (about 13 KB), repeated.
//!
//! Notes: single-threaded on purpose, so the figures are per core; the `attache bench` command
//! measures whole rebuilds with the writer's threads.

use criterion::{criterion_group, criterion_main, BatchSize, Criterion, Throughput};
use std::hint::black_box;

use attache::corpus::{Corpus, Input, Item};
use attache::extract::extract;
use attache::index::{add_meetings, create_in_ram, meeting_document};
use attache::model::{Article, Meeting};
use attache::schema;

fn sample() -> Vec<Article> {
    Corpus::new(vec![Input::Sample], Default::default())
        .filter_map(|item| match item {
            Item::Article(a) => Some(a),
            _ => None,
        })
        .collect()
}

fn bench_extract(c: &mut Criterion) {
    let articles = sample();
    let bytes: usize = articles.iter().map(|a| a.text.len()).sum();
    let mut group = c.benchmark_group("extract");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("sample", |b| {
        b.iter(|| {
            for a in &articles {
                black_box(extract(black_box(a)));
            }
        })
    });
    group.finish();
}

fn bench_documents(c: &mut Criterion) {
    let meetings: Vec<Meeting> = sample().iter().flat_map(extract).collect();
    let fields = schema::fields();
    let mut group = c.benchmark_group("documents");
    group.throughput(Throughput::Elements(meetings.len() as u64));
    group.bench_function("build", |b| {
        b.iter(|| {
            for m in &meetings {
                black_box(meeting_document(fields, black_box(m)));
            }
        })
    });
    group.bench_function("index_in_ram", |b| {
        b.iter_batched(
            create_in_ram,
            |index| {
                let mut writer: tantivy::IndexWriter =
                    index.writer_with_num_threads(1, 15_000_000).unwrap();
                for _ in 0..20 {
                    add_meetings(&writer, &meetings).unwrap();
                }
                writer.commit().unwrap();
            },
            BatchSize::PerIteration,
        )
    });
    group.finish();
}

criterion_group!(benches, bench_extract, bench_documents);
criterion_main!(benches);
