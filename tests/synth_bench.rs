//! End-to-end tests of `synth` and `bench`.
//!
//! 1. `synth` writes the same bytes twice for one seed, and other bytes for another seed; each
//!    gold line names its article by the id `extract` reports for it.
//! 2. `extract` of a synthetic corpus finds the gold's held meetings and their participants,
//!    paired the way `score_extract.py` pairs them (by surname), with F1 of 0.98 or better, and
//!    every paired meeting has the gold's countries.
//! 3. `bench --json` prints one object with every documented key, each figure positive.
//! 4. `bench --queries-only --json` measures the index it is pointed at, and writes nothing: one
//!    object with the index's meetings and each latency positive; with corpus options it is
//!    refused.

mod common;

use std::collections::{BTreeMap, HashSet};
use std::path::Path;

use attache::bench::{BenchReport, Latency, Queries, QueryReport};
use attache::model::{Meeting, Status};
use attache::synth::GoldArticle;
use common::Env;

fn synth(env: &Env, out: &str, seed: u64) -> std::path::PathBuf {
    let dir = env.path(out);
    let run = env
        .cmd()
        .args(["synth", "--articles", "200", "--seed"])
        .arg(seed.to_string())
        .arg("--out")
        .arg(&dir)
        .output()
        .unwrap();
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    dir
}

/// The one line of JSON a `--json` run that succeeded printed.
fn one_json_line(out: std::process::Output) -> String {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert_eq!(stdout.lines().count(), 1, "{stdout}");
    stdout
}

/// Each query shape's latency.
fn shapes(q: &Queries) -> [Latency; 5] {
    [
        q.term,
        q.phrase,
        q.facet_filter,
        q.facet_counts,
        q.date_range,
    ]
}

/// `extract --json` of the corpus in `dir`.
fn extract(env: &Env, dir: &Path) -> Vec<Meeting> {
    let out = env
        .cmd()
        .args(["extract", "--json"])
        .arg(dir.join("articles.jsonl"))
        .output()
        .unwrap();
    assert!(out.status.success());
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

fn gold(dir: &Path) -> Vec<GoldArticle> {
    std::fs::read_to_string(dir.join("gold.jsonl"))
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

#[test]
fn synth_is_deterministic_and_names_articles_as_extract_does() {
    let env = Env::new();
    let a = synth(&env, "a", 9);
    let b = synth(&env, "b", 9);
    let c = synth(&env, "c", 10);
    let read = |d: &Path, f: &str| std::fs::read(d.join(f)).unwrap();
    assert_eq!(read(&a, "articles.jsonl"), read(&b, "articles.jsonl"));
    assert_eq!(read(&a, "gold.jsonl"), read(&b, "gold.jsonl"));
    assert_ne!(read(&a, "articles.jsonl"), read(&c, "articles.jsonl"));

    let extracted: HashSet<String> = extract(&env, &a).into_iter().map(|m| m.article).collect();
    let gold = gold(&a);
    assert_eq!(gold.len(), 200);
    let with_meetings: HashSet<String> = gold
        .iter()
        .filter(|g| !g.meetings.is_empty())
        .map(|g| g.article.clone())
        .collect();
    assert!(with_meetings.is_subset(&extracted));
}

fn surname(name: &str) -> String {
    attache::text::fold(name)
        .rsplit([' ', '-'])
        .next()
        .unwrap_or_default()
        .to_string()
}

/// F1 from true positives, predicted and expected counts.
fn f1(tp: usize, predicted: usize, expected: usize) -> f64 {
    let p = tp as f64 / predicted.max(1) as f64;
    let r = tp as f64 / expected.max(1) as f64;
    2.0 * p * r / (p + r).max(1e-9)
}

#[test]
fn extraction_scores_at_least_0_98_on_a_synthetic_corpus() {
    let env = Env::new();
    let dir = synth(&env, "corpus", 42);
    let mut predicted: BTreeMap<String, Vec<Meeting>> = BTreeMap::new();
    for m in extract(&env, &dir) {
        if m.status == Status::Held {
            predicted.entry(m.article.clone()).or_default().push(m);
        }
    }
    let (mut meetings_tp, mut meetings_pred, mut meetings_gold) = (0, 0, 0);
    let (mut people_tp, mut people_pred, mut people_gold) = (0, 0, 0);
    for g in gold(&dir) {
        let preds = predicted.remove(&g.article).unwrap_or_default();
        meetings_pred += preds.len();
        meetings_gold += g.meetings.len();
        people_pred += preds.iter().map(|m| m.participants.len()).sum::<usize>();
        people_gold += g
            .meetings
            .iter()
            .map(|m| m.participants.len())
            .sum::<usize>();
        // As the scorer pairs: most shared people first, then the nearest in article order.
        let mut candidates = Vec::new();
        for (j, gm) in g.meetings.iter().enumerate() {
            let names: HashSet<String> = gm.participants.iter().map(|p| surname(&p.name)).collect();
            for (i, m) in preds.iter().enumerate() {
                let shared = m
                    .participants
                    .iter()
                    .filter(|p| names.contains(&surname(&p.name)))
                    .count();
                if shared > 0 && shared >= gm.participants.len().min(2) {
                    candidates.push((shared, -(i.abs_diff(j) as i64), i, j));
                }
            }
        }
        candidates.sort_unstable_by(|a, b| b.cmp(a));
        let (mut pred_used, mut gold_used) = (HashSet::new(), HashSet::new());
        for (shared, _, i, j) in candidates {
            if !pred_used.contains(&i) && !gold_used.contains(&j) {
                pred_used.insert(i);
                gold_used.insert(j);
                meetings_tp += 1;
                people_tp += shared;
                assert_eq!(
                    preds[i].countries, g.meetings[j].countries,
                    "{}",
                    preds[i].text
                );
            }
        }
    }
    assert!(predicted.is_empty(), "meetings of unknown articles");
    let meetings = f1(meetings_tp, meetings_pred, meetings_gold);
    let people = f1(people_tp, people_pred, people_gold);
    assert!(meetings >= 0.98, "meetings F1 {meetings}");
    assert!(people >= 0.98, "participants F1 {people}");
}

#[test]
fn bench_json_has_every_key_with_positive_figures() {
    let env = Env::new();
    let out = env
        .cmd()
        .args([
            "bench",
            "--articles",
            "300",
            "--json",
            "--quiet",
            "--work-dir",
        ])
        .arg(env.path("work"))
        .output()
        .unwrap();
    let stdout = one_json_line(out);
    let value: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    for key in attache::bench::REPORT_KEYS {
        assert!(value.get(key).is_some(), "{key} missing: {stdout}");
    }
    for shape in [
        "term",
        "phrase",
        "facet_filter",
        "facet_counts",
        "date_range",
    ] {
        assert!(value["queries"][shape]["p99_ms"].is_number(), "{shape}");
    }
    let r: BenchReport = serde_json::from_value(value).unwrap();
    assert_eq!(r.articles, 300);
    assert!(r.bytes > 300 * 600 && r.meetings > 0 && r.threads > 0);
    let q = &r.queries;
    let figures = [
        r.plain.seconds,
        r.plain.articles_per_s,
        r.schema.seconds,
        r.schema.articles_per_s,
        r.pipeline.seconds,
        r.pipeline.articles_per_s,
        r.pipeline.mb_per_s,
        r.pipeline.phases.read,
        r.pipeline.phases.extract,
        r.pipeline.phases.index,
        r.pipeline.phases.commit,
        r.ratio_plain,
        r.ratio_schema,
        r.peak_rss_mb,
        q.term.p50_ms,
        q.phrase.p50_ms,
        q.facet_filter.p50_ms,
        q.facet_counts.p50_ms,
        q.date_range.p50_ms,
        r.command_ms.p50,
    ];
    for (i, x) in figures.iter().enumerate() {
        assert!(*x > 0.0, "figure {i} is {x}: {stdout}");
    }
    for l in shapes(q) {
        assert!(l.p99_ms >= l.p50_ms);
    }
    assert!(r.command_ms.p99 >= r.command_ms.p50);
    // The work directory is left empty.
    assert_eq!(std::fs::read_dir(env.path("work")).unwrap().count(), 0);
}

#[test]
fn bench_queries_only_measures_the_index_it_is_given() {
    let env = Env::new();
    let corpus = synth(&env, "synth", 5);
    env.index(&[&corpus.join("articles.jsonl")]);
    let before = env.index_entries();
    let out = env
        .cmd()
        .args(["bench", "--queries-only", "--json", "--quiet"])
        .output()
        .unwrap();
    let stdout = one_json_line(out);
    let r: QueryReport = serde_json::from_str(&stdout).unwrap();
    let all = env.search(&["--status", "any", "--limit", "0"]);
    assert_eq!(r.meetings, all.total as u64);
    for l in shapes(&r.queries) {
        assert!(l.p50_ms > 0.0 && l.p99_ms >= l.p50_ms, "{stdout}");
    }
    assert!(r.command_ms.p50 > 0.0 && r.command_ms.p99 >= r.command_ms.p50);
    assert_eq!(env.index_entries(), before, "nothing written");

    let refused = env
        .cmd()
        .args(["bench", "--queries-only", "--articles", "10"])
        .output()
        .unwrap();
    assert_eq!(refused.status.code(), Some(2));
}
