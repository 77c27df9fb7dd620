//! Everything attache prints. Data goes to the writer the caller hands in (stdout): tables for
//! people, JSON Lines for programs. Progress, warnings and summaries go to stderr.
//!
//! The JSON contract:
//! - `extract --json`: one [`Meeting`] record per line.
//! - `search --json`: one [`SearchLine::Hit`] per hit (`{"type":"hit","score":S,"meeting":{…}}`),
//!   then one [`SearchLine::Summary`] (`{"type":"summary","total":N,"facets":{FACET:{VALUE:COUNT}}}`),
//!   counts most frequent first.
//! - `facets --json`: one [`FacetsObject`] (`{"total":N,"facets":{…}}`).
//! - `score --json`: one [`Report`] object.

use std::collections::BTreeMap;
use std::io::{self, Write};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use serde::ser::SerializeMap;
use serde::{Deserialize, Serialize, Serializer};

use crate::app::OutputOptions;
use crate::bench::{BenchReport, CommandLatency, Queries, QueryReport};
use crate::corpus::{Notice, Tally};
use crate::index::update::UpdateSummary;
use crate::index::{BuildSummary, Progress};
use crate::model::{Article, Meeting, Participant};
use crate::score::Report;
use crate::search::{FacetName, SearchRequest, SearchResponse, Snippet};
use crate::synth::SynthSummary;

/// One line of `search --json`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "lowercase")]
pub enum SearchLine {
    Hit {
        /// BM25 score; null when sorted by date.
        score: Option<f32>,
        meeting: Box<Meeting>,
        /// With `--collapse`: the real meeting's key (smallest report id).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        meeting_key: Option<String>,
        /// With `--collapse`: how many reports of this meeting matched.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        reports: Option<usize>,
        /// With `--collapse`: each report, best first.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        reported_by: Option<Vec<ReportedBy>>,
    },
    Summary {
        /// Matching meetings over all pages.
        total: usize,
        facets: BTreeMap<String, Counts>,
    },
}

/// One report of a collapsed meeting.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct ReportedBy {
    pub meeting: String,
    pub article: String,
    pub source: Option<String>,
}

/// `facets --json`.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct FacetsObject {
    pub total: usize,
    pub facets: BTreeMap<String, Counts>,
    /// With `--by year|month`: meetings per period, in time order.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timeline: Option<Counts>,
}

/// Value → count, serialised as a JSON object in the order given (most frequent first).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Counts(pub Vec<(String, u64)>);

impl Serialize for Counts {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(self.0.len()))?;
        for (k, v) in &self.0 {
            map.serialize_entry(k, v)?;
        }
        map.end()
    }
}

impl<'de> Deserialize<'de> for Counts {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let map: BTreeMap<String, u64> = BTreeMap::deserialize(d)?;
        let mut v: Vec<(String, u64)> = map.into_iter().collect();
        v.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        Ok(Counts(v))
    }
}

fn facet_map(response: &SearchResponse) -> BTreeMap<String, Counts> {
    response
        .facets
        .iter()
        .map(|(name, values)| (name.as_str().to_string(), Counts(values.clone())))
        .collect()
}

fn json_line(out: &mut dyn Write, value: &impl Serialize) -> io::Result<()> {
    serde_json::to_writer(&mut *out, value)?;
    out.write_all(b"\n")
}

/// ANSI styling, or none.
struct Style {
    on: bool,
}

impl Style {
    fn paint(&self, code: &str, s: &str) -> String {
        if self.on {
            format!("\x1b[{code}m{s}\x1b[0m")
        } else {
            s.to_string()
        }
    }
    fn bold(&self, s: &str) -> String {
        self.paint("1", s)
    }
    fn dim(&self, s: &str) -> String {
        self.paint("2", s)
    }
    fn highlight(&self, s: &str) -> String {
        if self.on {
            self.paint("1;33", s)
        } else {
            format!("**{s}**")
        }
    }
}

/// `Colonel General Zakir Hasanov (AZ, Minister of Defense)`.
pub fn participant_label(p: &Participant) -> String {
    let mut s = String::new();
    if let Some(rank) = &p.rank {
        s.push_str(rank);
        s.push(' ');
    }
    s.push_str(&p.name);
    let details: Vec<&str> = [
        p.country.as_deref(),
        p.position.as_deref(),
        p.organization.as_deref(),
    ]
    .into_iter()
    .flatten()
    .collect();
    if !details.is_empty() {
        s.push_str(" (");
        s.push_str(&details.join(", "));
        s.push(')');
    }
    s
}

fn meeting_header(m: &Meeting) -> String {
    let date = m
        .date
        .map_or_else(|| "date unknown".to_string(), |d| d.to_string());
    let mut parts = vec![date];
    if !m.countries.is_empty() {
        parts.push(m.countries.join("-"));
    }
    if let Some(e) = &m.event {
        parts.push(e.clone());
    }
    if let Some(l) = &m.location {
        parts.push(l.clone());
    }
    if m.status != crate::model::Status::Held {
        parts.push(m.status.as_str().to_uppercase());
    }
    parts.join("  ")
}

fn write_meeting_body(out: &mut dyn Write, m: &Meeting, style: &Style) -> io::Result<()> {
    for p in &m.participants {
        writeln!(out, "   {}", participant_label(p))?;
    }
    let mut tags = Vec::new();
    if !m.topics.is_empty() {
        tags.push(format!("topics: {}", m.topics.join(", ")));
    }
    if !m.outcomes.is_empty() {
        tags.push(format!("outcomes: {}", m.outcomes.join(", ")));
    }
    if !tags.is_empty() {
        writeln!(out, "   {}", style.dim(&tags.join("   ")))?;
    }
    Ok(())
}

fn render_snippet(s: &Snippet, style: &Style) -> String {
    let mut out = String::new();
    let mut at = 0;
    for r in &s.highlighted {
        if r.start < at || r.end > s.fragment.len() {
            continue;
        }
        out.push_str(&s.fragment[at..r.start]);
        out.push_str(&style.highlight(&s.fragment[r.clone()]));
        at = r.end;
    }
    out.push_str(&s.fragment[at..]);
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `extract`: records as JSON Lines, or a readable summary per article.
pub fn write_extraction(
    out: &mut dyn Write,
    article: &Article,
    meetings: &[Meeting],
    options: OutputOptions,
) -> io::Result<()> {
    if options.json {
        for m in meetings {
            json_line(out, m)?;
        }
        return Ok(());
    }
    let style = Style { on: options.color };
    let published = article
        .published
        .map_or_else(|| "no date".to_string(), |d| d.to_string());
    writeln!(
        out,
        "{}  {}  {} meeting{}",
        style.bold(&article.id),
        published,
        meetings.len(),
        if meetings.len() == 1 { "" } else { "s" }
    )?;
    for (i, m) in meetings.iter().enumerate() {
        writeln!(out, "{:>2}. {}", i + 1, meeting_header(m))?;
        write_meeting_body(out, m, &style)?;
    }
    writeln!(out)
}

/// `search`: hits then facet counts.
pub fn write_search(
    out: &mut dyn Write,
    request: &SearchRequest,
    response: &SearchResponse,
    options: OutputOptions,
) -> io::Result<()> {
    if options.json {
        for hit in &response.hits {
            json_line(
                out,
                &SearchLine::Hit {
                    score: hit.score,
                    meeting: Box::new(hit.meeting.clone()),
                    meeting_key: hit.reports.as_ref().map(|r| r.key.clone()),
                    reports: hit.reports.as_ref().map(|r| r.by.len()),
                    reported_by: hit.reports.as_ref().map(|r| {
                        r.by.iter()
                            .map(|(meeting, article, source)| ReportedBy {
                                meeting: meeting.clone(),
                                article: article.clone(),
                                source: source.clone(),
                            })
                            .collect()
                    }),
                },
            )?;
        }
        return json_line(
            out,
            &SearchLine::Summary {
                total: response.total,
                facets: facet_map(response),
            },
        );
    }
    let style = Style { on: options.color };
    for (i, hit) in response.hits.iter().enumerate() {
        let m = &hit.meeting;
        let score = hit.score.map(|s| format!("  [{s:.2}]")).unwrap_or_default();
        writeln!(
            out,
            "{:>3}. {}{}",
            request.offset + i + 1,
            style.bold(&meeting_header(m)),
            style.dim(&score)
        )?;
        write_meeting_body(out, m, &style)?;
        if let Some(s) = &hit.snippet {
            writeln!(out, "   \u{201c}{}\u{201d}", render_snippet(s, &style))?;
        }
        let source = m
            .source
            .as_deref()
            .map(|s| format!(" · {s}"))
            .unwrap_or_default();
        match &hit.reports {
            Some(r) if r.by.len() > 1 => {
                let by: Vec<String> =
                    r.by.iter()
                        .map(|(id, _, source)| match source {
                            Some(s) => format!("{id} · {s}"),
                            None => id.clone(),
                        })
                        .collect();
                writeln!(
                    out,
                    "   {}",
                    style.dim(&format!("{} reports: {}", r.by.len(), by.join(", ")))
                )?;
            }
            _ => writeln!(out, "   {}", style.dim(&format!("{}{source}", m.id)))?,
        }
        writeln!(out)?;
    }
    let shown = response.hits.len();
    let first = if shown == 0 { 0 } else { request.offset + 1 };
    writeln!(
        out,
        "{} meeting{} match{}; showing {}–{}",
        response.total,
        if response.total == 1 { "" } else { "s" },
        if response.total == 1 { "es" } else { "" },
        first,
        request.offset + shown
    )?;
    write_facet_table(out, &response.facets, &style)
}

fn write_facet_table(
    out: &mut dyn Write,
    facets: &[(FacetName, Vec<(String, u64)>)],
    style: &Style,
) -> io::Result<()> {
    for (name, values) in facets {
        if values.is_empty() {
            continue;
        }
        let shown: Vec<String> = values
            .iter()
            .take(12)
            .map(|(v, n)| format!("{v} {n}"))
            .collect();
        let more = if values.len() > 12 {
            format!(" … (+{} more)", values.len() - 12)
        } else {
            String::new()
        };
        writeln!(
            out,
            "  {:<8} {}{more}",
            style.bold(name.as_str()),
            shown.join(" · ")
        )?;
    }
    Ok(())
}

/// `facets`: counts only.
pub fn write_facets(
    out: &mut dyn Write,
    response: &SearchResponse,
    options: OutputOptions,
) -> io::Result<()> {
    if options.json {
        return json_line(
            out,
            &FacetsObject {
                total: response.total,
                facets: facet_map(response),
                timeline: Some(Counts(response.timeline.clone()))
                    .filter(|_| !response.timeline.is_empty()),
            },
        );
    }
    let style = Style { on: options.color };
    writeln!(out, "{} meetings", response.total)?;
    for (name, values) in &response.facets {
        writeln!(out, "{}", style.bold(name.as_str()))?;
        let width = values
            .iter()
            .map(|(v, _)| v.chars().count())
            .max()
            .unwrap_or(0);
        for (v, n) in values {
            writeln!(out, "  {v:<width$}  {n:>6}")?;
        }
    }
    if !response.timeline.is_empty() {
        writeln!(out, "{}", style.bold("timeline"))?;
        let most = response.timeline.iter().map(|(_, n)| *n).max().unwrap_or(1);
        for (period, n) in &response.timeline {
            // A bar of at most 40 cells, scaled to the busiest period.
            let bar = "#".repeat(((n * 40).div_ceil(most)) as usize);
            writeln!(out, "  {period:<8}  {n:>6}  {bar}")?;
        }
    }
    Ok(())
}

/// `attache people`: JSON Lines, or a table for people.
pub fn write_people(
    out: &mut dyn Write,
    people: &[crate::people::Person],
    total: usize,
    options: OutputOptions,
) -> io::Result<()> {
    if options.json {
        for p in people {
            json_line(out, p)?;
        }
        return Ok(());
    }
    let style = Style { on: options.color };
    let day = |d: Option<chrono::NaiveDate>| d.map_or_else(|| "-".to_string(), |d| d.to_string());
    let width = people
        .iter()
        .map(|p| p.name.chars().count())
        .max()
        .unwrap_or(4)
        .max(4);
    writeln!(
        out,
        "{}",
        style.bold(&format!(
            "{:<width$}  {:>8}  {:<10}  {:<10}  countries  ranks · positions",
            "name", "meetings", "first", "last"
        ))
    )?;
    for p in people {
        let about: Vec<&str> = p
            .ranks
            .iter()
            .chain(&p.positions)
            .map(String::as_str)
            .collect();
        writeln!(
            out,
            "{:<width$}  {:>8}  {:<10}  {:<10}  {:<9}  {}",
            p.name,
            p.meetings,
            day(p.first),
            day(p.last),
            p.countries.join(","),
            about.join(" · ")
        )?;
    }
    if people.len() < total {
        writeln!(
            out,
            "{} of {total} people shown (--limit 0 shows all)",
            people.len()
        )?;
    }
    Ok(())
}

/// `score`: the figures of `tools/score_extract.py`, in its layout; `--json` prints the
/// [`Report`] as one object (each P/R/F1 as `[p, r, f1]`); `verbose` adds a line per article.
pub fn write_score(
    out: &mut dyn Write,
    report: &Report,
    options: OutputOptions,
    verbose: bool,
) -> io::Result<()> {
    if options.json {
        return json_line(out, report);
    }
    if verbose {
        for a in &report.per_article {
            let flag = if a.predicted == a.gold && a.gold == a.paired {
                ""
            } else {
                "  <--"
            };
            writeln!(
                out,
                "{}: predicted {}, gold {}, paired {}{flag}",
                a.article, a.predicted, a.gold, a.paired
            )?;
        }
    }
    for (name, prf) in [
        ("meetings", report.meetings),
        ("participants", report.participants),
        ("countries", report.countries),
        ("ranks", report.ranks),
        ("topics", report.topics),
        ("outcomes", report.outcomes),
    ] {
        writeln!(
            out,
            "{name:<13} P={:.3} R={:.3} F1={:.3}",
            prf.precision(),
            prf.recall(),
            prf.f1()
        )?;
    }
    writeln!(
        out,
        "event accuracy {:.3}  date accuracy {:.3}  unparsable lines {}",
        report.event_accuracy, report.date_accuracy, report.unparsable_lines
    )?;
    writeln!(
        out,
        "score {:.3} (mean F1 of meetings, participants, countries, ranks over {} articles)",
        report.score, report.articles
    )
}

fn plural(n: u64, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

fn skipped_line(tally: &Tally) -> Option<String> {
    let by_reason = |counts: &std::collections::BTreeMap<crate::corpus::Reason, u64>| {
        counts
            .iter()
            .map(|(r, n)| format!("{n} {}", r.as_str()))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let (skipped, warnings) = (tally.skipped_total(), tally.warnings_total());
    let mut parts = Vec::new();
    if skipped > 0 {
        parts.push(format!(
            "skipped {} ({})",
            plural(skipped, "input", "inputs"),
            by_reason(&tally.skipped)
        ));
    }
    if warnings > 0 {
        parts.push(format!(
            "{} ({})",
            plural(warnings, "warning", "warnings"),
            by_reason(&tally.warnings)
        ));
    }
    (!parts.is_empty()).then(|| parts.join("; "))
}

/// The closing summary of `index`: every input accounted for.
pub fn write_build_summary(
    err: &mut dyn Write,
    s: &BuildSummary,
    index_dir: &std::path::Path,
) -> io::Result<()> {
    taken_over_line(err, s.taken_over.as_ref())?;
    let [held, planned, calls] = s.meetings;
    writeln!(
        err,
        "indexed {} → {} ({held} held, {planned} planned, {}); {} had none",
        plural(s.tally.articles, "article", "articles"),
        plural(s.total_meetings(), "meeting", "meetings"),
        plural(calls, "call", "calls"),
        s.tally.articles - s.articles_with_meetings,
    )?;
    if let Some(line) = skipped_line(&s.tally) {
        writeln!(err, "{line}")?;
    }
    let secs = s.elapsed.as_secs_f64();
    writeln!(
        err,
        "{:.2} s, {:.0} articles/s, {:.1} MB/s → {}",
        secs,
        s.articles_per_second(),
        s.bytes as f64 / 1e6 / secs.max(1e-9),
        index_dir.display()
    )
}

/// The note about a writer that died holding the lock.
fn taken_over_line(
    err: &mut dyn Write,
    holder: Option<&crate::index::lock::Holder>,
) -> io::Result<()> {
    match holder {
        Some(h) => writeln!(
            err,
            "note: took over the lock left by a writer that is gone: {h}"
        ),
        None => Ok(()),
    }
}

/// The closing summary of `add` and `delete`: every article given accounted for as added,
/// updated, unchanged, deleted or skipped.
pub fn write_update_summary(
    err: &mut dyn Write,
    s: &UpdateSummary,
    index_dir: &std::path::Path,
) -> io::Result<()> {
    taken_over_line(err, s.taken_over.as_ref())?;
    let skipped = s.tally.skipped_total() + s.not_found.len() as u64;
    writeln!(
        err,
        "{} added, {} updated, {} unchanged, {} deleted, {skipped} skipped; {} written, {} removed",
        s.added,
        s.updated,
        s.unchanged,
        s.deleted,
        plural(s.meetings_added, "meeting", "meetings"),
        s.meetings_removed,
    )?;
    if let Some(line) = skipped_line(&s.tally) {
        writeln!(err, "{line}")?;
    }
    if !s.not_found.is_empty() {
        writeln!(err, "not in the index: {}", s.not_found.join(", "))?;
    }
    let state = if s.created {
        "index created"
    } else if s.changed() {
        "committed"
    } else {
        "nothing changed"
    };
    writeln!(
        err,
        "{:.2} s, {state} → {}",
        s.elapsed.as_secs_f64(),
        index_dir.display()
    )
}

/// What `bench` measured: one JSON object, or a table.
pub fn write_bench(out: &mut dyn Write, r: &BenchReport, options: OutputOptions) -> io::Result<()> {
    if options.json {
        return json_line(out, r);
    }
    writeln!(
        out,
        "{} ({:.1} MB of text) → {}; {} threads",
        plural(r.articles, "article", "articles"),
        r.bytes as f64 / 1e6,
        plural(r.meetings, "meeting", "meetings"),
        r.threads
    )?;
    writeln!(out)?;
    writeln!(
        out,
        "indexing                      seconds  articles/s    MB/s"
    )?;
    let mb = |seconds: f64| r.bytes as f64 / 1e6 / seconds.max(1e-9);
    for (name, seconds, rate) in [
        (
            "plain (tantivy, bodies)",
            r.plain.seconds,
            r.plain.articles_per_s,
        ),
        (
            "schema (tantivy, documents)",
            r.schema.seconds,
            r.schema.articles_per_s,
        ),
        (
            "pipeline (attache rebuild)",
            r.pipeline.seconds,
            r.pipeline.articles_per_s,
        ),
    ] {
        writeln!(
            out,
            "  {name:<27} {seconds:>7.2} {rate:>11.0} {:>7.1}",
            mb(seconds)
        )?;
    }
    let p = &r.pipeline.phases;
    writeln!(
        out,
        "  pipeline busy time: read {:.2}s, extract {:.2}s, index {:.2}s (summed over threads), commit {:.2}s",
        p.read, p.extract, p.index, p.commit
    )?;
    writeln!(
        out,
        "  pipeline ÷ plain {:.2}   pipeline ÷ schema {:.2}   peak memory {:.0} MB",
        r.ratio_plain, r.ratio_schema, r.peak_rss_mb
    )?;
    writeln!(out)?;
    write_latencies(out, &r.queries, &r.command_ms)
}

/// The result of `bench --queries-only`: a table, or one JSON object.
pub fn write_query_bench(
    out: &mut dyn Write,
    r: &QueryReport,
    options: OutputOptions,
) -> io::Result<()> {
    if options.json {
        return json_line(out, r);
    }
    writeln!(
        out,
        "an index of {}",
        plural(r.meetings, "meeting", "meetings")
    )?;
    writeln!(out)?;
    write_latencies(out, &r.queries, &r.command_ms)
}

fn write_latencies(out: &mut dyn Write, q: &Queries, command: &CommandLatency) -> io::Result<()> {
    writeln!(out, "queries (warm)                 p50 ms    p99 ms")?;
    for (name, l) in [
        ("term", q.term),
        ("phrase", q.phrase),
        ("facet_filter", q.facet_filter),
        ("facet_counts", q.facet_counts),
        ("date_range", q.date_range),
    ] {
        writeln!(out, "  {name:<27} {:>8.2} {:>9.2}", l.p50_ms, l.p99_ms)?;
    }
    writeln!(
        out,
        "  {:<27} {:>8.2} {:>9.2}",
        "attache search (process)", command.p50, command.p99
    )
}

/// A line about work under way, on stderr.
pub fn note(what: &str) {
    eprintln!("{what}");
}

/// The closing summary of `synth`.
pub fn write_synth_summary(err: &mut dyn Write, s: &SynthSummary) -> io::Result<()> {
    writeln!(
        err,
        "wrote {} ({:.1} MB of text; {} held, {} planned or by phone) in {:.1}s",
        plural(s.articles, "article", "articles"),
        s.text_bytes as f64 / 1e6,
        plural(s.meetings, "meeting", "meetings"),
        s.other_meetings,
        s.elapsed.as_secs_f64()
    )?;
    writeln!(err, "  {}", s.articles_path.display())?;
    writeln!(err, "  {}", s.gold_path.display())
}

/// The closing summary of `extract`.
pub fn write_read_summary(err: &mut dyn Write, tally: &Tally) -> io::Result<()> {
    writeln!(
        err,
        "read {}",
        plural(tally.articles, "article", "articles")
    )?;
    if let Some(line) = skipped_line(tally) {
        writeln!(err, "{line}")?;
    }
    Ok(())
}

/// Progress bar and per-input notices on stderr. The bar is hidden with `--quiet` or when
/// stderr is not a terminal; notices are always printed.
pub struct BuildProgress {
    bar: ProgressBar,
    meetings: AtomicU64,
}

impl BuildProgress {
    pub fn new(quiet: bool) -> BuildProgress {
        let target = if quiet {
            ProgressDrawTarget::hidden()
        } else {
            ProgressDrawTarget::stderr()
        };
        let bar = ProgressBar::with_draw_target(None, target);
        bar.set_style(
            ProgressStyle::with_template(
                "{spinner} {elapsed_precise} {human_pos} articles ({per_sec}) {msg}",
            )
            .expect("a valid template"),
        );
        bar.enable_steady_tick(Duration::from_millis(120));
        BuildProgress {
            bar,
            meetings: AtomicU64::new(0),
        }
    }

    /// Prints a notice above the bar.
    pub fn notice_now(&self, notice: &Notice, skipped: bool) {
        let kind = if skipped { "skipped" } else { "warning" };
        let line = format!(
            "{kind}: {}: {}: {}",
            notice.origin,
            notice.reason.as_str(),
            notice.message
        );
        self.bar.suspend(|| eprintln!("{line}"));
    }

    pub fn finish(&self) {
        self.bar.finish_and_clear();
    }

    /// Articles done so far, for work that counts them itself.
    pub fn set_position(&self, articles: u64) {
        self.bar.set_position(articles);
    }
}

impl Progress for BuildProgress {
    fn notice(&self, notice: &Notice, skipped: bool) {
        self.notice_now(notice, skipped);
    }

    fn advance(&self, articles: u64, _bytes: u64, meetings: u64) {
        let total = self.meetings.fetch_add(meetings, Ordering::Relaxed) + meetings;
        self.bar.inc(articles);
        if meetings > 0 {
            self.bar.set_message(format!("→ {total} meetings"));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_keep_their_order_and_parse_back() {
        let line = SearchLine::Summary {
            total: 3,
            facets: BTreeMap::from([(
                "country".to_string(),
                Counts(vec![("TR".into(), 3), ("AZ".into(), 1)]),
            )]),
        };
        let json = serde_json::to_string(&line).unwrap();
        assert_eq!(
            json,
            r#"{"type":"summary","total":3,"facets":{"country":{"TR":3,"AZ":1}}}"#
        );
        match serde_json::from_str::<SearchLine>(&json).unwrap() {
            SearchLine::Summary { facets, .. } => {
                assert_eq!(facets["country"].0[0], ("TR".to_string(), 3))
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn snippets_mark_matches_without_colour() {
        let s = Snippet {
            fragment: "Hasanov met Güler in Baku".into(),
            highlighted: std::iter::once(12..18).collect(),
        };
        assert_eq!(
            render_snippet(&s, &Style { on: false }),
            "Hasanov met **Güler** in Baku"
        );
    }

    #[test]
    fn a_participant_reads_rank_name_then_details() {
        let p = Participant {
            name: "Zakir Hasanov".into(),
            country: Some("AZ".into()),
            rank: Some("Colonel General".into()),
            position: Some("Minister of Defense".into()),
            ..Default::default()
        };
        assert_eq!(
            participant_label(&p),
            "Colonel General Zakir Hasanov (AZ, Minister of Defense)"
        );
    }
}
