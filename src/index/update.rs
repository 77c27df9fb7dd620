//! Incremental updates of the live generation: `add` (new articles added, changed ones replaced,
//! unchanged ones skipped, as the [`ledger`] tells) and `delete` (an article's meetings and
//! ledger entry removed). Each run makes all its changes in one tantivy commit: until the commit,
//! readers see the index as it was; after it, every change at once; a run killed before it
//! leaves nothing visible, and tantivy removes its unfinished files at the next commit.

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use rayon::prelude::*;
use tantivy::{Index, IndexWriter};

use super::ledger::{self, Known};
use super::lock::{self, Holder};
use super::{hold, BuildOptions, Progress};
use crate::corpus::{Corpus, Item, Tally};
use crate::error::{Error, Result};
use crate::extract::extract;
use crate::model::Article;
use crate::schema;

/// Articles hashed, looked up and extracted at once.
const BATCH: usize = 512;

/// What an `add` or a `delete` did, accounting for every article it was given.
#[derive(Debug, Clone, Default)]
pub struct UpdateSummary {
    /// What reading found (`add`); skipped inputs by reason.
    pub tally: Tally,
    /// Articles new to the index.
    pub added: u64,
    /// Articles whose content changed: their meetings were replaced.
    pub updated: u64,
    /// Articles already indexed with the same content: left as they were.
    pub unchanged: u64,
    /// Articles removed (`delete`).
    pub deleted: u64,
    /// Ids given to `delete` that the index does not hold.
    pub not_found: Vec<String>,
    /// Meeting documents written.
    pub meetings_added: u64,
    /// Meeting documents removed, replaced ones included.
    pub meetings_removed: u64,
    /// Whether the index did not exist and was created.
    pub created: bool,
    pub elapsed: Duration,
    /// A writer that died holding the lock, taken over by this one.
    pub taken_over: Option<Holder>,
}

impl UpdateSummary {
    /// Whether the run changed the index.
    pub fn changed(&self) -> bool {
        self.added + self.updated + self.deleted > 0
    }
}

/// The index a run writes to: the live generation, or a new one that becomes live at the end
/// when the directory held no index yet.
struct Target {
    index: Index,
    /// Set when the generation is new and must be switched to after the commit.
    new_generation: Option<PathBuf>,
    taken_over: Option<Holder>,
    /// Held until the run ends.
    _lock: lock::WriterLock,
}

/// Takes the lock, clears what dead writers left, and opens the live generation (or, with
/// `create`, a new one when there is none).
fn open_target(dir: &Path, create: bool) -> Result<Target> {
    super::check_layout(dir).map_err(|e| e.while_writing(dir))?;
    if !create && super::live_generation(dir)?.is_none() {
        return Err(Error::NoIndex {
            path: dir.to_path_buf(),
        });
    }
    fs::create_dir_all(dir).map_err(|e| Error::write(dir, "creating the directory", e))?;
    let lock = lock::acquire(dir)?;
    let live = super::live_generation(dir)?;
    let keep: Vec<&Path> = live.iter().map(PathBuf::as_path).collect();
    super::remove_leftovers(dir, &keep);
    let (index, new_generation) = match live {
        Some(_) => (super::open(dir)?, None),
        None if create => {
            let generation = super::new_generation_path(dir);
            fs::create_dir(&generation)
                .map_err(|e| Error::write(dir, format!("creating {}", generation.display()), e))?;
            let index = Index::builder()
                .schema(schema::load_schema())
                .create_in_dir(&generation)
                .map_err(|e| Error::from(e).while_writing(dir))?;
            schema::register_tokenizers(&index);
            (index, Some(generation))
        }
        None => {
            return Err(Error::NoIndex {
                path: dir.to_path_buf(),
            })
        }
    };
    Ok(Target {
        index,
        new_generation,
        taken_over: lock.taken_over().cloned(),
        _lock: lock,
    })
}

impl Target {
    /// Commits the writer's changes and, for a new generation, makes it live.
    fn commit(&self, dir: &Path, mut writer: IndexWriter, point: &str) -> Result<()> {
        hold::point(&format!("{point}-indexed"));
        writer.commit()?;
        hold::point(&format!("{point}-committed"));
        writer.wait_merging_threads()?;
        if let Some(generation) = &self.new_generation {
            super::switch_to(dir, generation)?;
        }
        Ok(())
    }

    /// Undoes a new generation after a failure; the live one has nothing to undo.
    fn abandon(&self) {
        if let Some(generation) = &self.new_generation {
            let _ = fs::remove_dir_all(generation);
        }
    }
}

/// Adds the articles of `corpus` to the index at `dir`, creating it if there is none: new
/// articles are added, changed ones (same id, other content) have their meetings replaced,
/// unchanged ones are skipped. All changes become visible at once, at the end.
pub fn add(
    dir: &Path,
    corpus: Corpus,
    options: &BuildOptions,
    progress: &dyn Progress,
) -> Result<UpdateSummary> {
    let started = Instant::now();
    let target = open_target(dir, true)?;
    let result = add_to(&target, dir, corpus, options, progress);
    if result.is_err() {
        target.abandon();
    }
    let mut summary = result.map_err(|e| e.while_writing(dir))?;
    summary.elapsed = started.elapsed();
    summary.taken_over = target.taken_over.clone();
    Ok(summary)
}

fn add_to(
    target: &Target,
    dir: &Path,
    corpus: Corpus,
    options: &BuildOptions,
    progress: &dyn Progress,
) -> Result<UpdateSummary> {
    let threads = options.threads.max(1);
    let budget = options.memory_budget.max(threads * 16 * 1024 * 1024);
    let mut writer: IndexWriter = target.index.writer_with_num_threads(threads, budget)?;
    let searcher = crate::search::searcher(&target.index)?;
    let mut summary = UpdateSummary {
        created: target.new_generation.is_some(),
        ..Default::default()
    };
    // Articles written by this run, which the searcher does not see: an id given twice.
    let mut written: HashMap<String, String> = HashMap::new();
    let mut batch: Vec<Article> = Vec::with_capacity(BATCH);
    let mut corpus = corpus.peekable();
    while let Some(item) = corpus.next() {
        summary.tally.record(&item);
        match item {
            Item::Article(a) => batch.push(a),
            Item::Warning(n) => progress.notice(&n, false),
            Item::Skipped(n) => progress.notice(&n, true),
        }
        if batch.len() == BATCH || (corpus.peek().is_none() && !batch.is_empty()) {
            let articles = std::mem::take(&mut batch);
            apply_batch(
                &writer,
                &searcher,
                articles,
                &mut written,
                &mut summary,
                progress,
            )
            .map_err(|e| worker_error(&mut writer, e))?;
        }
    }
    if summary.tally.articles == 0 {
        return Err(Error::NothingIndexed {
            reason: if summary.tally.skipped_total() == 0 {
                "the input holds no article".to_string()
            } else {
                format!("no article could be read ({})", summary.tally)
            },
        });
    }
    if summary.changed() || summary.created {
        target.commit(dir, writer, "add")?;
    }
    Ok(summary)
}

/// The error that stopped the writer's threads, in place of `error`, which only says that they
/// stopped ("an index writer was killed"): a full disk, say. Nothing is committed.
pub(super) fn worker_error(writer: &mut IndexWriter, error: Error) -> Error {
    match writer.prepare_commit() {
        Err(cause) => Error::from(cause),
        Ok(prepared) => {
            let _ = prepared.abort();
            error
        }
    }
}

/// What to do with one article of an `add`.
enum Action {
    Skip,
    Add,
    /// Replace what the index holds, which had this many meetings (when known).
    Replace(u64),
}

fn apply_batch(
    writer: &IndexWriter,
    searcher: &tantivy::Searcher,
    articles: Vec<Article>,
    written: &mut HashMap<String, String>,
    summary: &mut UpdateSummary,
    progress: &dyn Progress,
) -> Result<()> {
    let f = schema::fields();
    let hashes: Vec<String> = articles.par_iter().map(ledger::content_hash).collect();
    let mut actions = Vec::with_capacity(articles.len());
    for (article, hash) in articles.iter().zip(&hashes) {
        let action = match written.get(&article.id) {
            Some(h) if h == hash => Action::Skip,
            Some(_) => Action::Replace(0),
            None => match ledger::lookup(searcher, f, &article.id)? {
                Known::Entry(e) if &e.hash == hash => Action::Skip,
                Known::Entry(e) => Action::Replace(e.meetings),
                Known::Unrecorded => Action::Replace(0),
                Known::Absent => Action::Add,
            },
        };
        if !matches!(action, Action::Skip) {
            written.insert(article.id.clone(), hash.clone());
        }
        actions.push(action);
    }
    let meetings: Vec<Option<Vec<crate::model::Meeting>>> = articles
        .par_iter()
        .zip(&actions)
        .map(|(a, action)| (!matches!(action, Action::Skip)).then(|| extract(a)))
        .collect();
    for ((article, action), meetings) in articles.iter().zip(actions).zip(meetings) {
        match action {
            Action::Skip => summary.unchanged += 1,
            Action::Add => summary.added += 1,
            Action::Replace(removed) => {
                writer.delete_term(ledger::article_term(f, &article.id));
                summary.updated += 1;
                summary.meetings_removed += removed;
            }
        }
        let n = match meetings {
            Some(meetings) => {
                for m in &meetings {
                    writer.add_document(super::meeting_document(f, m))?;
                }
                writer.add_document(ledger::document(f, article, meetings.len()))?;
                meetings.len() as u64
            }
            None => 0,
        };
        summary.meetings_added += n;
        progress.advance(1, article.text.len() as u64, n);
    }
    Ok(())
}

/// Removes the articles `ids` (their meetings and ledger entries) from the index at `dir`. Ids
/// the index does not hold are listed in [`UpdateSummary::not_found`].
pub fn delete(dir: &Path, ids: &[String]) -> Result<UpdateSummary> {
    let started = Instant::now();
    let target = open_target(dir, false)?;
    let mut summary = delete_from(&target, dir, ids).map_err(|e| e.while_writing(dir))?;
    summary.elapsed = started.elapsed();
    summary.taken_over = target.taken_over.clone();
    Ok(summary)
}

fn delete_from(target: &Target, dir: &Path, ids: &[String]) -> Result<UpdateSummary> {
    let f = schema::fields();
    let writer: IndexWriter = target.index.writer_with_num_threads(1, 16 * 1024 * 1024)?;
    let searcher = crate::search::searcher(&target.index)?;
    let mut summary = UpdateSummary::default();
    let mut seen = std::collections::HashSet::new();
    for id in ids {
        if !seen.insert(id.as_str()) {
            continue;
        }
        match ledger::lookup(&searcher, f, id)? {
            Known::Absent => summary.not_found.push(id.clone()),
            known => {
                writer.delete_term(ledger::article_term(f, id));
                summary.deleted += 1;
                if let Known::Entry(e) = known {
                    summary.meetings_removed += e.meetings;
                }
            }
        }
    }
    if summary.deleted > 0 {
        target.commit(dir, writer, "delete")?;
    }
    Ok(summary)
}
