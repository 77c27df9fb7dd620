//! What is measured: the stages of attache's pipeline, one core —
//! extraction (`Article` → meetings, in bytes of article text per second), building tantivy
//! documents from meetings, indexing them in RAM, and writing the synthetic corpus.
//!
//! Corpus: the five sample articles embedded in the binary (about 13 KB), and 2,000 articles
//! of `attache synth` (seed 42, about 3.8 MB), which has the shape of a large corpus: many
//! short articles, tens of thousands of distinct words, 0–6 meetings each.
//!
//! Notes: single-threaded on purpose, so the figures are per core; the `attache bench` command
//! measures whole rebuilds with the writer's threads. The target for extraction is
//! 100 MB/s per core.

use criterion::{criterion_group, criterion_main, BatchSize, Criterion, Throughput};
use std::hint::black_box;

use attache::corpus::{Corpus, Input, Item};
use attache::extract::extract;
use attache::index::{add_meetings, create_in_ram, meeting_document};
use attache::model::{Article, Meeting};
use attache::{schema, synth};

fn sample() -> Vec<Article> {
    Corpus::new(vec![Input::Sample], Default::default())
        .filter_map(|item| match item {
            Item::Article(a) => Some(a),
            _ => None,
        })
        .collect()
}

fn synthetic() -> Vec<Article> {
    synth::articles(synth::DEFAULT_SEED, 0..2000)
        .map(|g| g.article)
        .collect()
}

fn bench_extract(c: &mut Criterion) {
    let mut group = c.benchmark_group("extract");
    for (name, articles) in [("sample", sample()), ("synthetic", synthetic())] {
        let bytes: usize = articles.iter().map(|a| a.text.len()).sum();
        group.throughput(Throughput::Bytes(bytes as u64));
        group.bench_function(name, |b| {
            b.iter(|| {
                for a in &articles {
                    black_box(extract(black_box(a)));
                }
            })
        });
    }
    group.finish();
}

fn bench_documents(c: &mut Criterion) {
    let fields = schema::fields();
    let mut group = c.benchmark_group("documents");
    for (name, articles) in [("sample", sample()), ("synthetic", synthetic())] {
        let meetings: Vec<Meeting> = articles.iter().flat_map(extract).collect();
        group.throughput(Throughput::Elements(meetings.len() as u64));
        group.bench_function(format!("build/{name}"), |b| {
            b.iter(|| {
                for m in &meetings {
                    black_box(meeting_document(fields, black_box(m)));
                }
            })
        });
        // The sample is small: index it 20 times over so the commit does not dominate.
        let copies = if name == "sample" { 20 } else { 1 };
        group.throughput(Throughput::Elements((meetings.len() * copies) as u64));
        group.bench_function(format!("index_in_ram/{name}"), |b| {
            b.iter_batched(
                create_in_ram,
                |index| {
                    let mut writer: tantivy::IndexWriter =
                        index.writer_with_num_threads(1, 50_000_000).unwrap();
                    for _ in 0..copies {
                        add_meetings(&writer, &meetings).unwrap();
                    }
                    writer.commit().unwrap();
                },
                BatchSize::PerIteration,
            )
        });
    }
    group.finish();
}

fn bench_synth(c: &mut Criterion) {
    let mut group = c.benchmark_group("synth");
    group.throughput(Throughput::Elements(1000));
    group.bench_function("generate", |b| {
        b.iter(|| {
            for g in synth::articles(7, 0..1000) {
                black_box(g);
            }
        })
    });
    group.finish();
}

criterion_group!(benches, bench_extract, bench_documents, bench_synth);
criterion_main!(benches);
