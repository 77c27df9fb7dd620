//! `attache bench`: indexing throughput and query latency, measured in one run on the same
//! articles (a synthetic corpus of N by default, or the user's), with the same writer threads
//! and memory budget:
//!
//! 1. **pipeline**: attache's whole rebuild (read, extract, build documents, index, commit),
//!    with the peak resident memory of the process while it runs;
//! 2. **queries** on the index it built, warm: p50 and p99 of each query shape, and of the
//!    whole `attache search` command, spawned, from process start to exit;
//! 3. **plain**: tantivy indexing the article bodies into one `TEXT` field, the bodies read
//!    before the clock starts: the ceiling for any tantivy indexer of this text;
//! 4. **schema**: tantivy indexing attache's own documents into attache's schema, the
//!    documents built before the clock starts: what the schema costs.
//!
//! The pipeline runs first, with the peak-memory mark reset just before it (Linux
//! `/proc/self/clear_refs`), so its figure is the rebuild's own and not that of the in-memory
//! phases that follow. Hands a [`BenchReport`] to [`crate::output`].
//!
//! `--queries-only` measures step 2 alone on an index already built, and hands a
//! [`QueryReport`]: to compare search changes on one large index without rebuilding it.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use tantivy::schema::{Schema, TEXT};
use tantivy::{Index, IndexWriter, TantivyDocument};

use crate::corpus::{Corpus, Input, Item, ReadOptions};
use crate::error::{Error, Result};
use crate::extract::extract;
use crate::index::{self, BuildOptions, Phases};
use crate::schema;
use crate::search::{self, FacetName, Filters, SearchRequest, SortOrder};
use crate::synth::{self, SynthOptions};

/// What to measure.
#[derive(Debug, Clone)]
pub struct BenchOptions {
    /// Articles of the synthetic corpus (when `corpus` is empty).
    pub articles: u64,
    pub seed: u64,
    /// The user's corpus; empty for a synthetic one.
    pub corpus: Vec<Input>,
    /// Threads and memory budget, the same for every indexing phase.
    pub build: BuildOptions,
    /// Runs of each query shape (at least 200 are made).
    pub runs: usize,
    /// Where the corpus and indexes are written while measuring [default: the system's
    /// temporary directory]; removed afterwards.
    pub work_dir: Option<PathBuf>,
}

/// The keys of the `--json` object, in order.
pub const REPORT_KEYS: [&str; 12] = [
    "articles",
    "bytes",
    "meetings",
    "threads",
    "plain",
    "schema",
    "pipeline",
    "ratio_plain",
    "ratio_schema",
    "peak_rss_mb",
    "queries",
    "command_ms",
];

/// The least number of runs a latency is measured over.
pub const MIN_RUNS: usize = 200;

/// Everything `bench` measured: the `--json` object.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BenchReport {
    pub articles: u64,
    /// Bytes of article text.
    pub bytes: u64,
    /// Meeting documents indexed.
    pub meetings: u64,
    pub threads: usize,
    pub plain: Throughput,
    pub schema: Throughput,
    pub pipeline: Pipeline,
    /// Pipeline articles/s ÷ plain articles/s.
    pub ratio_plain: f64,
    /// Pipeline articles/s ÷ schema articles/s.
    pub ratio_schema: f64,
    /// Peak resident memory of the process during the pipeline, in MB.
    pub peak_rss_mb: f64,
    pub queries: Queries,
    /// The whole `attache search` command (facet_filter shape), process start to exit.
    pub command_ms: CommandLatency,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Throughput {
    pub seconds: f64,
    pub articles_per_s: f64,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Pipeline {
    pub seconds: f64,
    pub articles_per_s: f64,
    /// Megabytes (10^6 bytes) of article text a second.
    pub mb_per_s: f64,
    pub phases: PhaseSeconds,
}

/// Busy seconds of each stage, summed over the threads doing it (see [`Phases`]).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct PhaseSeconds {
    pub read: f64,
    pub extract: f64,
    pub index: f64,
    pub commit: f64,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Latency {
    pub p50_ms: f64,
    pub p99_ms: f64,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Queries {
    /// One common word.
    pub term: Latency,
    pub phrase: Latency,
    /// A word, a country and a topic.
    pub facet_filter: Latency,
    /// Four facets counted over every match of a common word.
    pub facet_counts: Latency,
    /// One year, newest first.
    pub date_range: Latency,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct CommandLatency {
    pub p50: f64,
    pub p99: f64,
}

/// The word the `term`, `facet_filter` and `facet_counts` shapes search for.
const WORD: &str = "cooperation";
const PHRASE: &str = "\"regional security\"";

/// Runs every measurement; `say` hears what is being done, for a progress line.
pub fn run(options: &BenchOptions, say: &dyn Fn(&str)) -> Result<BenchReport> {
    let base = options.work_dir.clone().unwrap_or_else(std::env::temp_dir);
    std::fs::create_dir_all(&base)
        .map_err(|e| Error::io(format!("creating {}", base.display()), e))?;
    let work = tempfile::Builder::new()
        .prefix("attache-bench-")
        .tempdir_in(&base)
        .map_err(|e| Error::io(format!("creating a directory in {}", base.display()), e))?;
    let inputs = if options.corpus.is_empty() {
        say(&format!("writing {} synthetic articles", options.articles));
        let written = synth::write(
            &SynthOptions {
                articles: options.articles,
                seed: options.seed,
                out: work.path().join("corpus"),
                compress: synth::Compression::None,
            },
            &|_| {},
        )?;
        vec![Input::Path(written.articles_path)]
    } else {
        options.corpus.clone()
    };
    let build = &options.build;

    say("pipeline: attache's rebuild");
    let index_dir = work.path().join("index");
    reset_peak_rss();
    let started = Instant::now();
    let summary = index::rebuild(
        &index_dir,
        Corpus::new(inputs.clone(), ReadOptions::default()),
        build,
        &index::Silent,
    )?;
    let pipeline_seconds = started.elapsed().as_secs_f64();
    let peak_rss_mb = peak_rss_mb();
    let articles = summary.tally.articles;

    let (queries, command_ms) = query_latencies(&index_dir, options.runs, say)?;

    say("plain: article bodies into one TEXT field");
    let plain = plain(&inputs, build, &work.path().join("plain"))?;
    say("schema: attache's documents into attache's schema");
    let schema = schema_only(&inputs, build, &work.path().join("schema"))?;

    let per_s = |n: u64, s: f64| n as f64 / s.max(1e-9);
    let pipeline = Pipeline {
        seconds: pipeline_seconds,
        articles_per_s: per_s(articles, pipeline_seconds),
        mb_per_s: summary.bytes as f64 / 1e6 / pipeline_seconds.max(1e-9),
        phases: phase_seconds(&summary.phases),
    };
    let plain = Throughput {
        seconds: plain,
        articles_per_s: per_s(articles, plain),
    };
    let schema = Throughput {
        seconds: schema,
        articles_per_s: per_s(articles, schema),
    };
    Ok(BenchReport {
        articles,
        bytes: summary.bytes,
        meetings: summary.total_meetings(),
        threads: build.threads,
        ratio_plain: pipeline.articles_per_s / plain.articles_per_s,
        ratio_schema: pipeline.articles_per_s / schema.articles_per_s,
        plain,
        schema,
        pipeline,
        peak_rss_mb,
        queries,
        command_ms,
    })
}

/// Query latency alone, on an index built beforehand (`attache bench --queries-only`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QueryReport {
    /// Meeting documents in the index, of every status.
    pub meetings: u64,
    pub queries: Queries,
    /// The whole `attache search` command (facet_filter shape), process start to exit.
    pub command_ms: CommandLatency,
}

/// Measures the query shapes and the whole search command on the index in `index_dir`,
/// without building anything: for comparing search changes on one large index.
pub fn queries_only(index_dir: &Path, runs: usize, say: &dyn Fn(&str)) -> Result<QueryReport> {
    let index = index::open(index_dir)?;
    let every = search::search(
        &index,
        &SearchRequest {
            limit: 0,
            facets: vec![],
            filters: Filters {
                status: search::StatusFilter::Any,
                ..Default::default()
            },
            ..Default::default()
        },
    )?;
    drop(index);
    let (queries, command_ms) = query_latencies(index_dir, runs, say)?;
    Ok(QueryReport {
        meetings: every.total as u64,
        queries,
        command_ms,
    })
}

/// p50 and p99 of each query shape (at least [`MIN_RUNS`] runs each), warm, then of the whole
/// search command.
fn query_latencies(
    index_dir: &Path,
    runs: usize,
    say: &dyn Fn(&str),
) -> Result<(Queries, CommandLatency)> {
    say("queries");
    let index = index::open(index_dir)?;
    let runs = runs.max(MIN_RUNS);
    let shapes = Shapes::for_index(&index)?;
    let queries = Queries {
        term: latency(&index, &shapes.term, runs)?,
        phrase: latency(&index, &shapes.phrase, runs)?,
        facet_filter: latency(&index, &shapes.facet_filter, runs)?,
        facet_counts: latency(&index, &shapes.facet_counts, runs)?,
        date_range: latency(&index, &shapes.date_range, runs)?,
    };
    drop(index);
    say("queries: the whole search command");
    let command_ms = command_latency(index_dir, &shapes.facet_filter_args, runs)?;
    Ok((queries, command_ms))
}

fn phase_seconds(p: &Phases) -> PhaseSeconds {
    PhaseSeconds {
        read: p.read.as_secs_f64(),
        extract: p.extract.as_secs_f64(),
        index: p.index.as_secs_f64(),
        commit: p.commit.as_secs_f64(),
    }
}

/// Resets the process's peak-memory mark (`VmHWM`) to its current size; Linux only, and
/// harmless where it is not supported.
fn reset_peak_rss() {
    let _ = std::fs::write("/proc/self/clear_refs", "5");
}

/// The process's peak resident memory since the last reset, in MB (0 where unknown).
pub fn peak_rss_mb() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|status| {
            status
                .lines()
                .find_map(|l| l.strip_prefix("VmHWM:"))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
        })
        .map_or(0.0, |kb| kb * 1024.0 / 1e6)
}

/// The articles of a corpus, a batch at a time, so that only what is made of them is kept.
fn articles(inputs: &[Input]) -> impl Iterator<Item = Vec<crate::model::Article>> {
    let mut items =
        Corpus::new(inputs.to_vec(), ReadOptions::default()).filter_map(|item| match item {
            Item::Article(a) => Some(a),
            _ => None,
        });
    std::iter::from_fn(move || {
        let batch: Vec<_> = items.by_ref().take(4096).collect();
        (!batch.is_empty()).then_some(batch)
    })
}

fn writer(index: &Index, build: &BuildOptions) -> Result<IndexWriter> {
    let threads = build.threads.max(1);
    let budget = build.memory_budget.max(threads * 16 * 1024 * 1024);
    Ok(index.writer_with_num_threads(threads, budget)?)
}

/// Seconds to add `docs` and commit, merges included, as a rebuild does.
fn index_documents(index: &Index, build: &BuildOptions, docs: Vec<TantivyDocument>) -> Result<f64> {
    let mut writer = writer(index, build)?;
    let started = Instant::now();
    for doc in docs {
        writer.add_document(doc)?;
    }
    writer.commit()?;
    writer.wait_merging_threads()?;
    Ok(started.elapsed().as_secs_f64())
}

fn create_dir(dir: &Path) -> Result<()> {
    std::fs::create_dir_all(dir).map_err(|e| Error::io(format!("creating {}", dir.display()), e))
}

/// tantivy alone: every article body into one `TEXT` field (positions, default tokenizer,
/// not stored).
fn plain(inputs: &[Input], build: &BuildOptions, dir: &Path) -> Result<f64> {
    let mut builder = Schema::builder();
    let body = builder.add_text_field("body", TEXT);
    create_dir(dir)?;
    let index = Index::create_in_dir(dir, builder.build())?;
    let docs: Vec<TantivyDocument> = articles(inputs)
        .flatten()
        .map(|a| {
            let mut doc = TantivyDocument::with_capacity(a.text.len() + 16);
            doc.add_text(body, &a.text);
            doc
        })
        .collect();
    index_documents(&index, build, docs)
}

/// tantivy with attache's schema: the meetings' documents, built beforehand.
fn schema_only(inputs: &[Input], build: &BuildOptions, dir: &Path) -> Result<f64> {
    create_dir(dir)?;
    let index = Index::builder()
        .schema(schema::load_schema())
        .create_in_dir(dir)?;
    schema::register_tokenizers(&index);
    let fields = schema::fields();
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(build.threads.max(1))
        .build()
        .map_err(|e| Error::io("starting worker threads", std::io::Error::other(e)))?;
    let mut docs: Vec<TantivyDocument> = Vec::new();
    for batch in articles(inputs) {
        pool.install(|| {
            docs.par_extend(batch.par_iter().flat_map_iter(|a| {
                extract(a).into_iter().map(|m| {
                    let mut doc = index::meeting_document(fields, &m);
                    doc.shrink_to_fit();
                    doc
                })
            }))
        });
    }
    index_documents(&index, build, docs)
}

/// The query shapes, with filter values that the index holds.
struct Shapes {
    term: SearchRequest,
    phrase: SearchRequest,
    facet_filter: SearchRequest,
    facet_counts: SearchRequest,
    date_range: SearchRequest,
    /// `attache search` arguments of the facet_filter shape.
    facet_filter_args: Vec<String>,
}

impl Shapes {
    fn for_index(index: &Index) -> Result<Shapes> {
        let top = |name: FacetName| -> Result<Option<String>> {
            let r = search::search(
                index,
                &SearchRequest {
                    limit: 0,
                    facets: vec![name],
                    ..Default::default()
                },
            )?;
            Ok(r.facets
                .into_iter()
                .next()
                .and_then(|(_, values)| values.into_iter().next())
                .map(|(value, _)| value))
        };
        let country = top(FacetName::Country)?.unwrap_or_else(|| "TR".into());
        let topic = top(FacetName::Topic)?.unwrap_or_else(|| "military-technical".into());
        let newest = search::search(
            index,
            &SearchRequest {
                limit: 1,
                sort: SortOrder::Date,
                facets: vec![],
                ..Default::default()
            },
        )?;
        let year = newest
            .hits
            .first()
            .and_then(|h| h.meeting.date)
            .map_or(2024, |d| chrono::Datelike::year(&d));
        let text = |q: &str| SearchRequest {
            query: Some(q.to_string()),
            facets: vec![],
            ..Default::default()
        };
        Ok(Shapes {
            term: text(WORD),
            phrase: text(PHRASE),
            facet_filter: SearchRequest {
                filters: Filters {
                    countries: vec![country.clone()],
                    topics: vec![topic.clone()],
                    ..Default::default()
                },
                ..text(WORD)
            },
            facet_counts: SearchRequest {
                limit: 0,
                facets: FacetName::DEFAULT.to_vec(),
                ..text(WORD)
            },
            date_range: SearchRequest {
                filters: Filters {
                    from: chrono::NaiveDate::from_ymd_opt(year, 1, 1),
                    to: chrono::NaiveDate::from_ymd_opt(year, 12, 31),
                    ..Default::default()
                },
                sort: SortOrder::Date,
                facets: vec![],
                ..Default::default()
            },
            facet_filter_args: vec![
                WORD.to_string(),
                "--country".into(),
                country,
                "--topic".into(),
                topic,
            ],
        })
    }
}

/// p50 and p99 of a list of durations, in milliseconds.
fn percentiles(mut times: Vec<Duration>) -> (f64, f64) {
    times.sort_unstable();
    let at = |p: f64| {
        let i = ((times.len() as f64 * p).ceil() as usize).clamp(1, times.len()) - 1;
        times[i].as_secs_f64() * 1e3
    };
    (at(0.50), at(0.99))
}

/// Latency of one shape, warm (segments open, a few untimed runs), over `runs` timed runs.
fn latency(index: &Index, request: &SearchRequest, runs: usize) -> Result<Latency> {
    let searcher = search::searcher(index)?;
    for _ in 0..5 {
        search::search_with(&searcher, index, request)?;
    }
    let mut times = Vec::with_capacity(runs);
    for _ in 0..runs {
        let started = Instant::now();
        std::hint::black_box(search::search_with(&searcher, index, request)?);
        times.push(started.elapsed());
    }
    let (p50_ms, p99_ms) = percentiles(times);
    Ok(Latency { p50_ms, p99_ms })
}

/// Latency of `attache search ARGS --json` as a user runs it: a new process each time.
fn command_latency(index_dir: &Path, args: &[String], runs: usize) -> Result<CommandLatency> {
    let exe = std::env::current_exe().map_err(|e| Error::io("finding the attache binary", e))?;
    let once = || -> Result<Duration> {
        let started = Instant::now();
        let status = Command::new(&exe)
            .arg("search")
            .args(args)
            .args(["--json", "--quiet", "--color", "never", "--index"])
            .arg(index_dir)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .map_err(|e| Error::io(format!("running {}", exe.display()), e))?;
        let elapsed = started.elapsed();
        // 1 is a search without hits: a valid run.
        if !matches!(status.code(), Some(0 | 1)) {
            return Err(Error::io(
                format!("running {} search", exe.display()),
                std::io::Error::other(format!("it exited with {status}")),
            ));
        }
        Ok(elapsed)
    };
    for _ in 0..3 {
        once()?;
    }
    let times = (0..runs).map(|_| once()).collect::<Result<Vec<_>>>()?;
    let (p50, p99) = percentiles(times);
    Ok(CommandLatency { p50, p99 })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentiles_pick_the_ranked_values() {
        let times: Vec<Duration> = (1..=200).rev().map(Duration::from_millis).collect();
        assert_eq!(percentiles(times), (100.0, 198.0));
        assert_eq!(percentiles(vec![Duration::from_millis(7)]), (7.0, 7.0));
    }

    #[test]
    fn peak_memory_is_read_after_a_reset() {
        reset_peak_rss();
        let mb = peak_rss_mb();
        if cfg!(target_os = "linux") {
            assert!(mb > 0.0);
        }
    }

    #[test]
    fn the_report_serialises_with_the_documented_keys_in_order() {
        let l = Latency {
            p50_ms: 1.0,
            p99_ms: 2.0,
        };
        let t = Throughput {
            seconds: 1.0,
            articles_per_s: 2.0,
        };
        let report = BenchReport {
            articles: 1,
            bytes: 2,
            meetings: 3,
            threads: 2,
            plain: t,
            schema: t,
            pipeline: Pipeline {
                seconds: 1.0,
                articles_per_s: 1.0,
                mb_per_s: 1.0,
                phases: PhaseSeconds {
                    read: 0.1,
                    extract: 0.2,
                    index: 0.3,
                    commit: 0.4,
                },
            },
            ratio_plain: 0.5,
            ratio_schema: 0.5,
            peak_rss_mb: 10.0,
            queries: Queries {
                term: l,
                phrase: l,
                facet_filter: l,
                facet_counts: l,
                date_range: l,
            },
            command_ms: CommandLatency { p50: 1.0, p99: 2.0 },
        };
        let json = serde_json::to_string(&report).unwrap();

        let mut at = 0;
        for k in REPORT_KEYS {
            let found = json[at..].find(&format!("\"{k}\":")).expect(k);
            at += found;
        }
        assert!(json.contains(r#""phases":{"read":0.1,"extract":0.2,"index":0.3,"commit":0.4}"#));
        let back: BenchReport = serde_json::from_str(&json).unwrap();
        assert_eq!(back, report);
    }
}
