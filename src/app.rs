//! The commands the binary runs, as plain data resolved from the command line, and [`run`],
//! which drives the pipeline stages for each and hands results to [`crate::output`].

use std::io::Write;
use std::path::PathBuf;

use rayon::prelude::*;

use crate::bench::{self, BenchOptions};
use crate::corpus::{Corpus, Input, Item, ReadOptions};
use crate::error::{Error, Result};
use crate::export::{self, ExportFormat, Network};
use crate::extract::extract;
use crate::index::{self, BuildOptions};
use crate::output::{self, BuildProgress};
use crate::score;
use crate::search::{self, Filters, SearchRequest};
use crate::synth::{self, SynthOptions};

/// How results are printed.
#[derive(Debug, Clone, Copy, Default)]
pub struct OutputOptions {
    /// JSON (Lines) for programs instead of text for people.
    pub json: bool,
    /// ANSI colour on stdout.
    pub color: bool,
    /// No progress bar.
    pub quiet: bool,
}

/// One resolved invocation.
#[derive(Debug)]
pub enum Command {
    Index {
        inputs: Vec<Input>,
        index_dir: PathBuf,
        build: BuildOptions,
        output: OutputOptions,
    },
    Add {
        inputs: Vec<Input>,
        index_dir: PathBuf,
        build: BuildOptions,
        output: OutputOptions,
    },
    Delete {
        articles: Vec<String>,
        index_dir: PathBuf,
    },
    Extract {
        inputs: Vec<Input>,
        output: OutputOptions,
    },
    Search {
        index_dir: PathBuf,
        request: SearchRequest,
        output: OutputOptions,
    },
    Facets {
        index_dir: PathBuf,
        request: SearchRequest,
        output: OutputOptions,
    },
    /// Extraction output scored against hand-made gold.
    Score {
        gold: PathBuf,
        predictions: PathBuf,
        verbose: bool,
        output: OutputOptions,
    },
    Export {
        index_dir: PathBuf,
        query: Option<String>,
        filters: Filters,
        format: ExportFormat,
        network: Network,
    },
    People {
        index_dir: PathBuf,
        query: Option<String>,
        filters: Filters,
        /// 0 = all.
        limit: usize,
        output: OutputOptions,
    },
    /// Text made from the command-line definition (completions, the man page), printed as is.
    Print(Vec<u8>),
    Synth {
        options: SynthOptions,
        output: OutputOptions,
    },
    Bench {
        options: BenchOptions,
        output: OutputOptions,
    },
    /// `bench --queries-only`: query latency on an index already built.
    BenchQueries {
        index_dir: PathBuf,
        runs: usize,
        output: OutputOptions,
    },
}

/// How a successful run ended, for the exit code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Something was found or done.
    Done,
    /// A search that matched nothing.
    NoHits,
}

/// Runs one command, writing data to `out` and progress and warnings to stderr.
pub fn run(command: Command, out: &mut dyn Write) -> Result<Outcome> {
    match command {
        Command::Index {
            inputs,
            index_dir,
            build,
            output,
        } => {
            let s = read_with_progress(inputs, output.quiet, |corpus, progress| {
                index::rebuild(&index_dir, corpus, &build, progress)
            })?;
            summary(|err| output::write_build_summary(err, &s, &index_dir))
        }
        Command::Add {
            inputs,
            index_dir,
            build,
            output,
        } => {
            let s = read_with_progress(inputs, output.quiet, |corpus, progress| {
                index::update::add(&index_dir, corpus, &build, progress)
            })?;
            summary(|err| output::write_update_summary(err, &s, &index_dir))
        }
        Command::Delete {
            articles,
            index_dir,
        } => {
            let result = index::update::delete(&index_dir, &articles);
            let s = result?;
            summary(|err| output::write_update_summary(err, &s, &index_dir))
        }
        Command::Extract { inputs, output } => {
            let corpus = Corpus::new(inputs, ReadOptions::default());
            let progress = BuildProgress::new(true);
            let mut articles = Vec::new();
            let mut tally = crate::corpus::Tally::default();
            // Articles are extracted in parallel a batch at a time, printed in input order.
            let mut flush = |articles: &mut Vec<crate::model::Article>| -> Result<()> {
                let results: Vec<_> = articles.par_iter().map(extract).collect();
                for (article, meetings) in articles.iter().zip(results) {
                    output::write_extraction(out, article, &meetings, output)
                        .map_err(|e| Error::io("writing meetings", e))?;
                }
                articles.clear();
                Ok(())
            };
            for item in corpus {
                tally.record(&item);
                match item {
                    Item::Article(a) => {
                        articles.push(a);
                        if articles.len() == 256 {
                            flush(&mut articles)?;
                        }
                    }
                    Item::Warning(n) => progress.notice_now(&n, false),
                    Item::Skipped(n) => progress.notice_now(&n, true),
                }
            }
            flush(&mut articles)?;
            output::write_read_summary(&mut std::io::stderr(), &tally)
                .map_err(|e| Error::io("writing the summary", e))?;
            if tally.articles == 0 {
                return Err(Error::NothingIndexed {
                    reason: "no article could be read".into(),
                });
            }
            Ok(Outcome::Done)
        }
        Command::Search {
            index_dir,
            request,
            output,
        } => {
            let response =
                index::reading::with_live_index(&index_dir, |i| search::search(i, &request))?;
            output::write_search(out, &request, &response, output)
                .map_err(|e| Error::io("writing results", e))?;
            Ok(if response.hits.is_empty() && response.total == 0 {
                Outcome::NoHits
            } else {
                Outcome::Done
            })
        }
        Command::Synth { options, output } => {
            let progress = BuildProgress::new(output.quiet);
            let result = synth::write(&options, &|done| progress.set_position(done));
            progress.finish();
            let summary = result?;
            output::write_synth_summary(&mut std::io::stderr(), &summary)
                .map_err(|e| Error::io("writing the summary", e))?;
            Ok(Outcome::Done)
        }
        Command::Bench { options, output } => {
            let quiet = output.quiet;
            let report = bench::run(&options, &|what| {
                if !quiet {
                    output::note(&format!("bench: {what}"));
                }
            })?;
            output::write_bench(out, &report, output)
                .map_err(|e| Error::io("writing results", e))?;
            Ok(Outcome::Done)
        }
        Command::BenchQueries {
            index_dir,
            runs,
            output,
        } => {
            let quiet = output.quiet;
            let report = bench::queries_only(&index_dir, runs, &|what| {
                if !quiet {
                    output::note(&format!("bench: {what}"));
                }
            })?;
            output::write_query_bench(out, &report, output)
                .map_err(|e| Error::io("writing results", e))?;
            Ok(Outcome::Done)
        }
        Command::Facets {
            index_dir,
            request,
            output,
        } => {
            let response =
                index::reading::with_live_index(&index_dir, |i| search::search(i, &request))?;
            output::write_facets(out, &response, output)
                .map_err(|e| Error::io("writing counts", e))?;
            Ok(if response.total == 0 {
                Outcome::NoHits
            } else {
                Outcome::Done
            })
        }
        Command::Score {
            gold,
            predictions,
            verbose,
            output,
        } => {
            let gold = score::Gold::load(&gold)?;
            let file = std::fs::File::open(&predictions)
                .map_err(|e| Error::io(predictions.display().to_string(), e))?;
            let report = score::score_jsonl(&gold, std::io::BufReader::new(file))?;
            output::write_score(out, &report, output, verbose)
                .map_err(|e| Error::io("writing the scores", e))?;
            Ok(Outcome::Done)
        }
        Command::Export {
            index_dir,
            query,
            filters,
            format,
            network,
        } => {
            let index = index::open(&index_dir)?;
            let n = export::export(&index, query.as_deref(), &filters, format, network, out)?;
            Ok(if n == 0 {
                Outcome::NoHits
            } else {
                Outcome::Done
            })
        }
        Command::People {
            index_dir,
            query,
            filters,
            limit,
            output,
        } => {
            let index = index::open(&index_dir)?;
            let mut people = crate::people::people(&index, query.as_deref(), &filters)?;
            let total = people.len();
            if limit > 0 {
                people.truncate(limit);
            }
            output::write_people(out, &people, total, output)
                .map_err(|e| Error::io("writing people", e))?;
            Ok(if total == 0 {
                Outcome::NoHits
            } else {
                Outcome::Done
            })
        }
        Command::Print(bytes) => {
            out.write_all(&bytes)
                .map_err(|e| Error::io("writing output", e))?;
            Ok(Outcome::Done)
        }
    }
}

/// Runs a writer over the corpus of `inputs` with a progress bar on stderr.
fn read_with_progress<T>(
    inputs: Vec<Input>,
    quiet: bool,
    write: impl FnOnce(Corpus, &BuildProgress) -> Result<T>,
) -> Result<T> {
    let progress = BuildProgress::new(quiet);
    let result = write(Corpus::new(inputs, ReadOptions::default()), &progress);
    progress.finish();
    result
}

/// Writes a writer's closing summary on stderr.
fn summary(write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>) -> Result<Outcome> {
    write(&mut std::io::stderr()).map_err(|e| Error::io("writing the summary", e))?;
    Ok(Outcome::Done)
}
