//! The index: [`Meeting`]s → tantivy documents, and the on-disk layout that makes a rebuild
//! atomic. An index directory holds generations `gen-*` (each a whole tantivy index) and a file
//! `CURRENT` naming the live one. A rebuild writes a new generation beside the live one and
//! switches `CURRENT` (write, fsync, rename) only after its commit, so a failed or interrupted
//! rebuild leaves the previous index answering. Writers take the directory's lock ([`lock`]);
//! `add` and `delete` change the live generation by tantivy commits ([`update`]); every article
//! is remembered by a [`ledger`] document; readers retry when a writer swaps files under them
//! ([`reading`]).

mod hold;
pub mod ledger;
pub mod lock;
pub mod reading;
pub mod update;

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use rayon::prelude::*;
use tantivy::schema::Facet;
use tantivy::{DateTime, Index, IndexWriter, TantivyDocument};

use crate::corpus::{Corpus, Item, Notice, Tally};
use crate::error::{Error, Result};
use crate::extract::extract;
use crate::model::{split_event, Meeting, Status};
use crate::schema::{self, Fields};
use crate::vocab;

/// The file naming the live generation.
const CURRENT: &str = "CURRENT";
/// `CURRENT`'s next content, before it is renamed over.
const CURRENT_TMP: &str = "CURRENT.tmp";
const GENERATION_PREFIX: &str = "gen-";
/// Articles handed to rayon at once.
const BATCH: usize = 512;

/// The index directory used when neither `--index` nor `ATTACHE_INDEX` says otherwise:
/// `$XDG_DATA_HOME/attache/index`, else `~/.local/share/attache/index`, else `./attache-index`.
pub fn default_index_dir() -> PathBuf {
    let data_home = std::env::var_os("XDG_DATA_HOME")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .or_else(|| {
            std::env::var_os("HOME")
                .filter(|v| !v.is_empty())
                .map(|h| PathBuf::from(h).join(".local").join("share"))
        });
    match data_home {
        Some(d) => d.join("attache").join("index"),
        None => PathBuf::from("attache-index"),
    }
}

/// How to build.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    /// tantivy writer threads.
    pub threads: usize,
    /// tantivy writer memory budget, in bytes, shared by its threads.
    pub memory_budget: usize,
}

impl Default for BuildOptions {
    fn default() -> Self {
        let threads = std::thread::available_parallelism()
            .map(|n| n.get())
            .unwrap_or(1)
            .min(8);
        BuildOptions {
            threads,
            memory_budget: 64 * 1024 * 1024 * threads,
        }
    }
}

/// What a build saw, accounting for every input.
#[derive(Debug, Clone, Default)]
pub struct BuildSummary {
    /// Articles read, notices by reason.
    pub tally: Tally,
    /// Articles that yielded at least one meeting.
    pub articles_with_meetings: u64,
    /// Meeting documents indexed, by status (held, planned, call).
    pub meetings: [u64; 3],
    /// Bytes of article text read.
    pub bytes: u64,
    pub elapsed: Duration,
    /// The generation now live.
    pub generation: PathBuf,
    /// A writer that died holding the lock, taken over by this one.
    pub taken_over: Option<lock::Holder>,
}

impl BuildSummary {
    pub fn total_meetings(&self) -> u64 {
        self.meetings.iter().sum()
    }

    pub fn articles_per_second(&self) -> f64 {
        self.tally.articles as f64 / self.elapsed.as_secs_f64().max(1e-9)
    }
}

/// Hears about a build while it runs; implemented by the binary's progress bar and warnings.
pub trait Progress: Sync {
    /// A file or line that was skipped, or read with a problem.
    fn notice(&self, item: &Notice, skipped: bool);
    /// More articles were processed.
    fn advance(&self, articles: u64, bytes: u64, meetings: u64);
}

/// A [`Progress`] that ignores everything.
pub struct Silent;

impl Progress for Silent {
    fn notice(&self, _: &Notice, _: bool) {}
    fn advance(&self, _: u64, _: u64, _: u64) {}
}

/// Builds the tantivy document for one meeting.
pub fn meeting_document(f: &Fields, m: &Meeting) -> TantivyDocument {
    let mut doc = TantivyDocument::default();
    doc.add_text(f.text, &m.text);
    if let Some(title) = &m.title {
        doc.add_text(f.title, title);
    }
    for p in &m.participants {
        doc.add_text(f.participants, &p.name);
    }
    if let Some(source) = &m.source {
        doc.add_text(f.source, source);
    }
    doc.add_text(f.article, &m.article);
    doc.add_text(f.status, m.status.as_str());
    let mut regions: Vec<&str> = Vec::new();
    for c in &m.countries {
        doc.add_facet(f.country, Facet::from_path([c.as_str()]));
        if let Some(region) = vocab::country_region(c) {
            if !regions.contains(&region) {
                regions.push(region);
                doc.add_facet(f.region, Facet::from_path([region]));
            }
        }
    }
    for r in &m.ranks {
        doc.add_facet(f.rank, Facet::from_path([r.as_str()]));
    }
    let mut grades: Vec<&str> = m
        .participants
        .iter()
        .filter_map(|p| p.grade.as_deref())
        .collect();
    grades.sort_unstable();
    grades.dedup();
    for g in grades {
        doc.add_facet(f.grade, Facet::from_path([g]));
    }
    if let Some(event) = &m.event {
        doc.add_facet(f.event, event_facet(event));
    }
    for t in &m.topics {
        doc.add_facet(f.topic, Facet::from_path([t.as_str()]));
    }
    for o in &m.outcomes {
        doc.add_facet(f.outcome, Facet::from_path([o.as_str()]));
    }
    if let Some(date) = m.date {
        doc.add_date(f.date, date_value(date));
    }
    doc.add_bytes(
        f.record,
        &serde_json::to_vec(m).expect("a meeting always serialises"),
    );
    doc
}

/// `ADEX-2024` → `/ADEX/2024`; `ADEX` → `/ADEX`.
pub fn event_facet(event: &str) -> Facet {
    match split_event(event) {
        (series, Some(year)) => Facet::from_path([series.to_string(), year.to_string()]),
        (series, None) => Facet::from_path([series]),
    }
}

/// A calendar day as the index stores it: midnight UTC.
pub fn date_value(date: chrono::NaiveDate) -> DateTime {
    let secs = date
        .and_hms_opt(0, 0, 0)
        .expect("midnight exists")
        .and_utc()
        .timestamp();
    DateTime::from_timestamp_secs(secs)
}

/// Adds meetings to an open writer; used by rebuilds, tests and examples.
pub fn add_meetings<'a>(
    writer: &IndexWriter,
    meetings: impl IntoIterator<Item = &'a Meeting>,
) -> Result<()> {
    let f = schema::fields();
    for m in meetings {
        writer.add_document(meeting_document(f, m))?;
    }
    Ok(())
}

/// Creates an empty index with attache's schema in memory (tests, examples).
pub fn create_in_ram() -> Index {
    let index = Index::create_in_ram(schema::load_schema());
    schema::register_tokenizers(&index);
    index
}

/// Opens the live generation of the index at `dir`, refusing one of another schema.
pub fn open(dir: &Path) -> Result<Index> {
    let generation = live_generation(dir)?.ok_or_else(|| Error::NoIndex {
        path: dir.to_path_buf(),
    })?;
    let index = Index::open_in_dir(&generation).map_err(|e| match e {
        tantivy::TantivyError::OpenDirectoryError(_) | tantivy::TantivyError::OpenReadError(_) => {
            Error::NoIndex {
                path: dir.to_path_buf(),
            }
        }
        other => Error::Tantivy(other),
    })?;
    if index.schema() != schema::load_schema() {
        return Err(Error::SchemaMismatch {
            path: dir.to_path_buf(),
        });
    }
    schema::register_tokenizers(&index);
    Ok(index)
}

/// The live generation's path, if `dir` holds an index.
fn live_generation(dir: &Path) -> Result<Option<PathBuf>> {
    let current = dir.join(CURRENT);
    let name = match fs::read_to_string(&current) {
        Ok(s) => s.trim().to_string(),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(Error::io(format!("reading {}", current.display()), e)),
    };
    if !name.starts_with(GENERATION_PREFIX) || name.contains(['/', '\\']) {
        return Err(Error::NotAnIndexDir {
            path: dir.to_path_buf(),
        });
    }
    Ok(Some(dir.join(name)))
}

/// Checks that `dir` holds nothing but an attache index (or nothing at all) before a rebuild
/// writes into it, so that a mistyped `--index` never touches a user's other files.
fn check_layout(dir: &Path) -> Result<()> {
    let entries = match fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(Error::io(format!("reading {}", dir.display()), e)),
    };
    for entry in entries {
        let entry = entry.map_err(|e| Error::io(format!("reading {}", dir.display()), e))?;
        let name = entry.file_name();
        let name = name.to_string_lossy();
        let ours = name == CURRENT
            || name == CURRENT_TMP
            || name == lock::LOCK_FILE
            || (name.starts_with(GENERATION_PREFIX)
                && entry.file_type().map(|t| t.is_dir()).unwrap_or(false));
        if !ours {
            return Err(Error::NotAnIndexDir {
                path: dir.to_path_buf(),
            });
        }
    }
    Ok(())
}

/// Removes what writers that died left behind: every generation but `keep` (the live one, and
/// the one being written), and a `CURRENT.tmp` never renamed. Only called with the writer lock
/// held, so no other writer is at work.
fn remove_leftovers(dir: &Path, keep: &[&Path]) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with(GENERATION_PREFIX) && !keep.contains(&path.as_path()) {
            let _ = fs::remove_dir_all(&path);
        } else if name == CURRENT_TMP {
            let _ = fs::remove_file(&path);
        }
    }
}

/// Points `CURRENT` at `generation`: written to a temporary file, synced, renamed over.
fn switch_to(dir: &Path, generation: &Path) -> Result<()> {
    let name = generation
        .file_name()
        .expect("a generation has a name")
        .to_string_lossy();
    let tmp = dir.join(CURRENT_TMP);
    let ctx = |what: &str| format!("{what} {}", tmp.display());
    let mut file = fs::File::create(&tmp).map_err(|e| Error::io(ctx("creating"), e))?;
    file.write_all(format!("{name}\n").as_bytes())
        .and_then(|_| file.sync_all())
        .map_err(|e| Error::io(ctx("writing"), e))?;
    hold::point("switching");
    fs::rename(&tmp, dir.join(CURRENT))
        .map_err(|e| Error::io(format!("switching {} to {name}", dir.display()), e))?;
    if let Ok(d) = fs::File::open(dir) {
        let _ = d.sync_all();
    }
    Ok(())
}

fn new_generation_path(dir: &Path) -> PathBuf {
    let stamp = chrono::Utc::now().format("%Y%m%dT%H%M%S%.6f");
    dir.join(format!("{GENERATION_PREFIX}{stamp}-{}", std::process::id()))
}

/// Rebuilds the index at `dir` from `corpus`. The previous index keeps answering until the new
/// one is committed; on any error, or when no article could be read, it stays live.
pub fn rebuild(
    dir: &Path,
    corpus: Corpus,
    options: &BuildOptions,
    progress: &dyn Progress,
) -> Result<BuildSummary> {
    check_layout(dir).map_err(|e| e.while_writing(dir))?;
    fs::create_dir_all(dir).map_err(|e| Error::write(dir, "creating the directory", e))?;
    let lock = lock::acquire(dir)?;
    let live = live_generation(dir)?;
    remove_leftovers(dir, &live.iter().map(PathBuf::as_path).collect::<Vec<_>>());
    let generation = new_generation_path(dir);
    fs::create_dir(&generation)
        .map_err(|e| Error::write(dir, format!("creating {}", generation.display()), e))?;
    let built = build_generation(&generation, corpus, options, progress)
        .and_then(|summary| {
            if summary.tally.articles > 0 {
                hold::point("committed");
                switch_to(dir, &generation)?;
            }
            Ok(summary)
        })
        .map_err(|e| e.while_writing(dir));
    match built {
        Ok(mut summary) if summary.tally.articles > 0 => {
            hold::point("switched");
            remove_leftovers(dir, &[&generation]);
            summary.generation = generation;
            summary.taken_over = lock.taken_over().cloned();
            Ok(summary)
        }
        Ok(summary) => {
            let _ = fs::remove_dir_all(&generation);
            Err(Error::NothingIndexed {
                reason: if summary.tally.skipped_total() == 0 {
                    "the corpus holds no article".to_string()
                } else {
                    format!("no article could be read ({})", summary.tally)
                },
            })
        }
        Err(e) => {
            let _ = fs::remove_dir_all(&generation);
            Err(e)
        }
    }
}

fn build_generation(
    path: &Path,
    corpus: Corpus,
    options: &BuildOptions,
    progress: &dyn Progress,
) -> Result<BuildSummary> {
    let started = Instant::now();
    let index = Index::builder()
        .schema(schema::load_schema())
        .create_in_dir(path)?;
    schema::register_tokenizers(&index);
    let threads = options.threads.max(1);
    let budget = options.memory_budget.max(threads * 16 * 1024 * 1024);
    let mut writer: IndexWriter = index.writer_with_num_threads(threads, budget)?;

    let mut summary = BuildSummary::default();
    let with_meetings = AtomicU64::new(0);
    let by_status: [AtomicU64; 3] = Default::default();
    let bytes = AtomicU64::new(0);

    // Reading runs on its own thread, one bounded batch ahead of extraction.
    let (tx, rx) = mpsc::sync_channel::<Vec<Item>>(2);
    let reader = std::thread::spawn(move || {
        let mut batch = Vec::with_capacity(BATCH);
        let mut articles = 0;
        for item in corpus {
            articles += matches!(item, Item::Article(_)) as usize;
            batch.push(item);
            if articles == BATCH {
                if tx.send(std::mem::take(&mut batch)).is_err() {
                    return;
                }
                articles = 0;
            }
        }
        let _ = tx.send(batch);
    });

    let fields = schema::fields();
    let mut result = Ok(());
    for batch in rx {
        hold::point("read");
        let mut articles = Vec::with_capacity(batch.len());
        for item in batch {
            summary.tally.record(&item);
            match item {
                Item::Article(a) => articles.push(a),
                Item::Warning(n) => progress.notice(&n, false),
                Item::Skipped(n) => progress.notice(&n, true),
            }
        }
        let outcome = articles.par_iter().try_for_each(|article| {
            let meetings = extract(article);
            bytes.fetch_add(article.text.len() as u64, Ordering::Relaxed);
            if !meetings.is_empty() {
                with_meetings.fetch_add(1, Ordering::Relaxed);
            }
            for m in &meetings {
                by_status[status_slot(m.status)].fetch_add(1, Ordering::Relaxed);
                writer.add_document(meeting_document(fields, m))?;
            }
            writer.add_document(ledger::document(fields, article, meetings.len()))?;
            progress.advance(1, article.text.len() as u64, meetings.len() as u64);
            Ok::<_, Error>(())
        });
        if let Err(e) = outcome {
            result = Err(e);
            break;
        }
    }
    // Dropping the receiver (above, on error) stops the reader at its next send.
    let _ = reader.join();
    result.map_err(|e| update::worker_error(&mut writer, e))?;
    hold::point("indexed");
    writer.commit()?;
    writer.wait_merging_threads()?;

    summary.articles_with_meetings = with_meetings.into_inner();
    summary.meetings = by_status.map(AtomicU64::into_inner);
    summary.bytes = bytes.into_inner();
    summary.elapsed = started.elapsed();
    Ok(summary)
}

fn status_slot(status: Status) -> usize {
    match status {
        Status::Held => 0,
        Status::Planned => 1,
        Status::Call => 2,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Participant;
    use tantivy::collector::Count;
    use tantivy::query::TermQuery;
    use tantivy::schema::IndexRecordOption;
    use tantivy::Term;

    fn meeting() -> Meeting {
        Meeting {
            id: "a#1".into(),
            article: "a".into(),
            event: Some("ADEX-2024".into()),
            participants: vec![Participant {
                name: "Yaşar Güler".into(),
                rank: Some("General".into()),
                grade: Some("OF-9".into()),
                ..Default::default()
            }],
            countries: vec!["TR".into()],
            ranks: vec!["General".into()],
            text: "Güler met his counterpart.".into(),
            date: chrono::NaiveDate::from_ymd_opt(2024, 9, 24),
            ..Default::default()
        }
    }

    #[test]
    fn event_facets_nest_the_year_under_the_series() {
        assert_eq!(event_facet("ADEX-2024").to_path_string(), "/ADEX/2024");
        assert_eq!(event_facet("ADEX").to_path_string(), "/ADEX");
    }

    #[test]
    fn a_document_is_found_by_folded_name_and_by_event_series() {
        let index = create_in_ram();
        let mut writer: IndexWriter = index.writer_with_num_threads(1, 15_000_000).unwrap();
        add_meetings(&writer, [&meeting()]).unwrap();
        writer.commit().unwrap();
        let searcher = index.reader().unwrap().searcher();
        let f = schema::fields();
        let count = |term: Term| {
            searcher
                .search(&TermQuery::new(term, IndexRecordOption::Basic), &Count)
                .unwrap()
        };
        assert_eq!(count(Term::from_field_text(f.participants, "guler")), 1);
        assert_eq!(count(Term::from_facet(f.event, &Facet::from("/ADEX"))), 1);
        assert_eq!(
            count(Term::from_facet(f.event, &Facet::from("/ADEX/2024"))),
            1
        );
        assert_eq!(
            count(Term::from_facet(f.event, &Facet::from("/ADEX/2022"))),
            0
        );
        assert_eq!(count(Term::from_facet(f.grade, &Facet::from("/OF-9"))), 1);
    }

    #[test]
    fn the_record_is_stored_whole() {
        let index = create_in_ram();
        let mut writer: IndexWriter = index.writer_with_num_threads(1, 15_000_000).unwrap();
        add_meetings(&writer, [&meeting()]).unwrap();
        writer.commit().unwrap();
        let searcher = index.reader().unwrap().searcher();
        let doc: TantivyDocument = searcher.doc(tantivy::DocAddress::new(0, 0)).unwrap();
        use tantivy::schema::Value;
        let bytes = doc
            .get_first(schema::fields().record)
            .and_then(|v| v.as_bytes())
            .unwrap();
        let back: Meeting = serde_json::from_slice(bytes).unwrap();
        assert_eq!(back, meeting());
    }

    #[test]
    fn a_directory_with_other_files_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("notes.txt"), "mine").unwrap();
        let err = rebuild(
            dir.path(),
            Corpus::new(vec![], Default::default()),
            &BuildOptions::default(),
            &Silent,
        )
        .unwrap_err();
        assert!(matches!(err, Error::NotAnIndexDir { .. }), "{err}");
        assert!(dir.path().join("notes.txt").exists());
    }

    #[test]
    fn leftovers_are_removed_and_the_kept_generations_stay() {
        let dir = tempfile::tempdir().unwrap();
        let dead = dir.path().join("gen-20200101T000000.000000-4000000000");
        let live = dir.path().join("gen-20200101T000000.000000-1");
        fs::create_dir_all(&dead).unwrap();
        fs::create_dir_all(&live).unwrap();
        fs::write(dir.path().join(CURRENT_TMP), "gen-x\n").unwrap();
        fs::write(dir.path().join(lock::LOCK_FILE), "").unwrap();
        remove_leftovers(dir.path(), &[&live]);
        assert!(!dead.exists());
        assert!(live.exists());
        assert!(!dir.path().join(CURRENT_TMP).exists());
        assert!(
            dir.path().join(lock::LOCK_FILE).exists(),
            "the lock is no leftover"
        );
    }

    #[test]
    fn opening_a_missing_index_says_so() {
        let dir = tempfile::tempdir().unwrap();
        assert!(matches!(open(dir.path()), Err(Error::NoIndex { .. })));
    }
}
