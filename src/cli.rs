//! The command line: clap definitions (their doc comments are the help text), resolved once into
//! the plain [`Command`] the library runs. Nothing past this module sees clap types.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::app::{Command, OutputOptions};
use crate::bench::{self, BenchOptions};
use crate::corpus::Input;
use crate::error::Result;
use crate::index::{default_index_dir, BuildOptions};
use crate::model::Status;
use crate::search::{parse_date_bound, FacetName, Filters, SearchRequest, SortOrder, StatusFilter};
use crate::synth::{self, SynthOptions};

/// Search engine for defense diplomacy: who met whom, with what rank, at which event, on what
/// topic, with what outcome — one document per meeting, extracted from news articles.
#[derive(Debug, Parser)]
#[command(name = "attache", version, max_term_width = 100)]
pub struct Cli {
    /// Index directory [default: $XDG_DATA_HOME/attache/index or ~/.local/share/attache/index]
    #[arg(long, global = true, env = "ATTACHE_INDEX", value_name = "DIR")]
    pub index: Option<PathBuf>,

    /// No progress bar
    #[arg(long, short, global = true)]
    pub quiet: bool,

    /// When to colour the output
    #[arg(long, global = true, value_enum, default_value_t = Color::Auto, value_name = "WHEN")]
    pub color: Color,

    #[command(subcommand)]
    pub command: Cmd,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Color {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Subcommand)]
pub enum Cmd {
    /// Rebuild the index from a corpus (the built-in sample articles when no PATH is given).
    ///
    /// The new index is written beside the live one and switched to only once committed: a failed
    /// or interrupted rebuild leaves the previous index answering.
    Index {
        /// Files or directories: .txt, .jsonl/.ndjson, each optionally .gz or .zst; `-` for stdin
        #[arg(value_name = "PATH")]
        paths: Vec<PathBuf>,
        /// Threads for extraction and for tantivy's writer [default: cores, at most 8]
        #[arg(long, value_name = "N")]
        threads: Option<usize>,
        /// Indexing memory budget in MiB, shared by the threads [default: 64 per thread]
        #[arg(long, value_name = "MIB")]
        memory: Option<usize>,
    },
    /// Print the meetings extracted from articles, without indexing (sample articles when no PATH).
    Extract {
        #[arg(value_name = "PATH")]
        paths: Vec<PathBuf>,
        /// One meeting record per line (JSON Lines)
        #[arg(long)]
        json: bool,
    },
    /// Search meetings: ranked full-text query, facet filters, date range, facet counts.
    ///
    /// QUERY uses tantivy's syntax over the passage, title and participant names: words are ANDed,
    /// `OR`, `-word`, `"a phrase"`, `participants:guler`, `title:summit`. Without QUERY every
    /// meeting matching the filters is listed, newest first.
    Search {
        /// The text query
        query: Option<String>,
        #[command(flatten)]
        filters: FilterArgs,
        /// Order of the hits
        #[arg(long, value_enum, default_value_t = Sort::Relevance)]
        sort: Sort,
        /// Hits to show
        #[arg(long, short = 'n', default_value_t = 10, value_name = "N")]
        limit: usize,
        /// Hits to skip (for paging)
        #[arg(long, default_value_t = 0, value_name = "N")]
        offset: usize,
        /// Facets to count, comma-separated: country, region, rank, grade, event, topic, outcome
        #[arg(long, value_delimiter = ',', value_name = "LIST")]
        facets: Vec<String>,
        /// JSON Lines: one `hit` line per meeting, then one `summary` line
        #[arg(long)]
        json: bool,
    },
    /// Count meetings by facet value (same filters as search), without listing them.
    Facets {
        /// Optional text query, as for search
        query: Option<String>,
        /// Facets to count (repeat or comma-separate) [default: country, rank, event, topic]
        #[arg(long, short, value_delimiter = ',', value_name = "FACET")]
        field: Vec<String>,
        #[command(flatten)]
        filters: FilterArgs,
        /// One JSON object: {"total":N,"facets":{...}}
        #[arg(long)]
        json: bool,
    },
    /// Write a synthetic corpus and the meetings it reports (DIR/articles.jsonl, DIR/gold.jsonl).
    ///
    /// Deterministic: the same seed gives the same bytes. The gold is in the schema that
    /// `score_extract.py DIR/gold.jsonl PRED.jsonl` reads.
    Synth {
        /// Articles to write
        #[arg(long, value_name = "N")]
        articles: u64,
        /// Seed of the generator
        #[arg(long, default_value_t = synth::DEFAULT_SEED, value_name = "S")]
        seed: u64,
        /// Output directory
        #[arg(long, default_value = "synth", value_name = "DIR")]
        out: PathBuf,
        /// Compression of the articles file (articles.jsonl.zst, articles.jsonl.gz)
        #[arg(long, value_enum, default_value_t = Compress::None, value_name = "HOW")]
        compress: Compress,
    },
    /// Measure indexing throughput and query latency on a synthetic corpus or your own.
    ///
    /// In one run, on the same articles and with the same threads and memory budget: tantivy
    /// indexing the bodies alone (plain), tantivy indexing attache's documents (schema),
    /// attache's whole rebuild (pipeline), then query latency on the index it built. Needs
    /// disk space for the corpus and three indexes in the temporary directory (--work-dir).
    Bench {
        /// Articles of the synthetic corpus
        #[arg(long, default_value_t = 100_000, value_name = "N")]
        articles: u64,
        /// Measure on this corpus instead (files or directories, as for `index`; repeatable)
        #[arg(long, value_name = "PATH")]
        corpus: Vec<PathBuf>,
        /// Seed of the synthetic corpus
        #[arg(long, default_value_t = synth::DEFAULT_SEED, value_name = "S")]
        seed: u64,
        /// Threads for extraction and for tantivy's writer [default: cores, at most 8]
        #[arg(long, value_name = "N")]
        threads: Option<usize>,
        /// Writer memory budget in MiB, shared by the threads [default: 64 per thread]
        #[arg(long, value_name = "MIB")]
        memory: Option<usize>,
        /// Runs of each query shape (at least 200)
        #[arg(long, default_value_t = bench::MIN_RUNS, value_name = "N")]
        runs: usize,
        /// Where to write the corpus and indexes while measuring [default: temporary directory]
        #[arg(long, value_name = "DIR")]
        work_dir: Option<PathBuf>,
        /// One JSON object instead of a table
        #[arg(long)]
        json: bool,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Compress {
    Zst,
    Gz,
    None,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Sort {
    Relevance,
    Date,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum StatusArg {
    Held,
    Planned,
    Call,
    Any,
}

/// Filters shared by `search` and `facets`. Values are matched as people type them; several
/// values of one filter are ORed, different filters ANDed.
#[derive(Debug, Args)]
pub struct FilterArgs {
    /// Country by name, demonym or ISO code (Turkey, Türkiye, turkish, TR)
    #[arg(long, short = 'c', value_name = "C")]
    country: Vec<String>,
    /// A country that must take part; repeat for meetings between countries (--with AZ --with TR)
    #[arg(long, short = 'w', value_name = "C")]
    with: Vec<String>,
    /// Region (Asia, Europe, Africa, Americas, Oceania)
    #[arg(long, value_name = "R")]
    region: Vec<String>,
    /// Rank in any form (Col-Gen, Lt. Gen., Rear Adm.), NATO grade (OF-8) or stars (3-star)
    #[arg(long, short = 'r', value_name = "R")]
    rank: Vec<String>,
    /// Event series, optionally with year (ADEX, ADEX-2024)
    #[arg(long, short = 'e', value_name = "E")]
    event: Vec<String>,
    /// Topic slug or words (military-technical, "joint exercises")
    #[arg(long, short = 't', value_name = "T")]
    topic: Vec<String>,
    /// Outcome slug or words (contracts-signed, protocol)
    #[arg(long, value_name = "O")]
    outcome: Vec<String>,
    /// A participant's name, any spelling of the letters (Guler finds Güler)
    #[arg(long, short = 'p', value_name = "NAME")]
    person: Option<String>,
    /// Meetings on or after this day (YYYY, YYYY-MM or YYYY-MM-DD)
    #[arg(long, value_name = "DATE")]
    from: Option<String>,
    /// Meetings on or before this day (YYYY, YYYY-MM or YYYY-MM-DD)
    #[arg(long, value_name = "DATE")]
    to: Option<String>,
    /// Which meetings: held (default), planned, call, or any
    #[arg(long, value_enum, default_value_t = StatusArg::Held)]
    status: StatusArg,
}

impl FilterArgs {
    fn resolve(self) -> Result<Filters> {
        Ok(Filters {
            countries: self.country,
            with_countries: self.with,
            regions: self.region,
            ranks: self.rank,
            events: self.event,
            topics: self.topic,
            outcomes: self.outcome,
            person: self.person,
            from: self.from.map(|d| parse_date_bound(&d, false)).transpose()?,
            to: self.to.map(|d| parse_date_bound(&d, true)).transpose()?,
            status: match self.status {
                StatusArg::Held => StatusFilter::HeldOnly,
                StatusArg::Planned => StatusFilter::Only(Status::Planned),
                StatusArg::Call => StatusFilter::Only(Status::Call),
                StatusArg::Any => StatusFilter::Any,
            },
        })
    }
}

fn inputs(paths: Vec<PathBuf>) -> Vec<Input> {
    if paths.is_empty() {
        return vec![Input::Sample];
    }
    paths
        .into_iter()
        .map(|p| {
            if p.as_os_str() == "-" {
                Input::Stdin
            } else {
                Input::Path(p)
            }
        })
        .collect()
}

fn facet_names(names: Vec<String>) -> Result<Vec<FacetName>> {
    if names.is_empty() {
        return Ok(FacetName::DEFAULT.to_vec());
    }
    let mut out = Vec::new();
    for n in names.iter().filter(|n| !n.trim().is_empty()) {
        let f = FacetName::parse(n)?;
        if !out.contains(&f) {
            out.push(f);
        }
    }
    Ok(out)
}

fn build_options(threads: Option<usize>, memory: Option<usize>) -> BuildOptions {
    let mut build = BuildOptions::default();
    if let Some(t) = threads {
        build.threads = t.max(1);
        build.memory_budget = 64 * 1024 * 1024 * build.threads;
    }
    if let Some(m) = memory {
        build.memory_budget = m.max(1) * 1024 * 1024;
    }
    build
}

impl Cli {
    /// Resolves the arguments into what the library runs; bad values are errors here.
    pub fn into_command(self) -> Result<Command> {
        use std::io::IsTerminal;
        let color = match self.color {
            Color::Always => true,
            Color::Never => false,
            Color::Auto => {
                std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                    && std::io::stdout().is_terminal()
            }
        };
        let index_dir = self.index.unwrap_or_else(default_index_dir);
        let output = |json| OutputOptions {
            json,
            color,
            quiet: self.quiet,
        };
        Ok(match self.command {
            Cmd::Index {
                paths,
                threads,
                memory,
            } => Command::Index {
                inputs: inputs(paths),
                index_dir,
                build: build_options(threads, memory),
                output: output(false),
            },
            Cmd::Bench {
                articles,
                corpus,
                seed,
                threads,
                memory,
                runs,
                work_dir,
                json,
            } => Command::Bench {
                options: BenchOptions {
                    articles,
                    seed,
                    corpus: if corpus.is_empty() {
                        Vec::new()
                    } else {
                        inputs(corpus)
                    },
                    build: build_options(threads, memory),
                    runs,
                    work_dir,
                },
                output: output(json),
            },
            Cmd::Synth {
                articles,
                seed,
                out,
                compress,
            } => Command::Synth {
                options: SynthOptions {
                    articles,
                    seed,
                    out,
                    compress: match compress {
                        Compress::Zst => synth::Compression::Zstd,
                        Compress::Gz => synth::Compression::Gzip,
                        Compress::None => synth::Compression::None,
                    },
                },
                output: output(false),
            },
            Cmd::Extract { paths, json } => Command::Extract {
                inputs: inputs(paths),
                output: output(json),
            },
            Cmd::Search {
                query,
                filters,
                sort,
                limit,
                offset,
                facets,
                json,
            } => Command::Search {
                index_dir,
                request: SearchRequest {
                    query,
                    filters: filters.resolve()?,
                    sort: match sort {
                        Sort::Relevance => SortOrder::Relevance,
                        Sort::Date => SortOrder::Date,
                    },
                    limit,
                    offset,
                    facets: facet_names(facets)?,
                },
                output: output(json),
            },
            Cmd::Facets {
                query,
                field,
                filters,
                json,
            } => Command::Facets {
                index_dir,
                request: SearchRequest {
                    query,
                    filters: filters.resolve()?,
                    limit: 0,
                    facets: facet_names(field)?,
                    ..SearchRequest::default()
                },
                output: output(json),
            },
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(args: &[&str]) -> Command {
        Cli::try_parse_from(args).unwrap().into_command().unwrap()
    }

    #[test]
    fn the_definition_is_consistent() {
        use clap::CommandFactory;
        Cli::command().debug_assert();
    }

    #[test]
    fn no_path_means_the_sample() {
        match parse(&["attache", "index", "--index", "/tmp/x"]) {
            Command::Index { inputs, .. } => assert_eq!(inputs, vec![Input::Sample]),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn dates_are_resolved_to_days_with_an_inclusive_end() {
        match parse(&["attache", "search", "--from", "2022", "--to", "2023-02"]) {
            Command::Search { request, .. } => {
                assert_eq!(request.filters.from.unwrap().to_string(), "2022-01-01");
                assert_eq!(request.filters.to.unwrap().to_string(), "2023-02-28");
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_bad_date_or_facet_name_is_refused() {
        let bad = Cli::try_parse_from(["attache", "search", "--from", "2024-02-30"]).unwrap();
        assert!(bad.into_command().is_err());
        let bad = Cli::try_parse_from(["attache", "search", "--facets", "colour"]).unwrap();
        assert!(bad.into_command().is_err());
    }
}
