//! The command line: clap definitions (their doc comments are the help text), resolved once into
//! the plain [`Command`] the library runs. Nothing past this module sees clap types.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::app::{Command, OutputOptions};
use crate::bench::{self, BenchOptions};
use crate::corpus::Input;
use crate::error::Result;
use crate::export::{ExportFormat, Network};
use crate::index::{default_index_dir, BuildOptions};
use crate::model::Status;
use crate::search::{
    check_date_range, parse_date_bound, FacetName, Filters, Period, SearchRequest, SortOrder,
    StatusFilter,
};
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
    /// Add articles to the index, or update them: new articles are added, changed ones (same id,
    /// other content) have their meetings replaced, unchanged ones are skipped.
    ///
    /// Creates the index if there is none. All changes become visible to searches at once, when
    /// the run commits; a run that fails or is killed changes nothing.
    Add {
        /// Files or directories, as for `index`; `-` for stdin
        #[arg(value_name = "PATH", required = true)]
        paths: Vec<PathBuf>,
        /// Indexing threads [default: cores, at most 8]
        #[arg(long, value_name = "N")]
        threads: Option<usize>,
        /// Indexing memory budget in MiB, shared by the threads [default: 64 per thread]
        #[arg(long, value_name = "MIB")]
        memory: Option<usize>,
    },
    /// Remove articles from the index: their meetings and their record.
    Delete {
        /// The article's id, as in a record's `article` field; repeat for several
        #[arg(long = "article", value_name = "ID", required = true)]
        articles: Vec<String>,
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
        /// Each real meeting once: reports of one encounter in several articles are one hit
        /// (with "reports": N), and counts count meetings
        #[arg(long)]
        collapse: bool,
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
        /// Also count meetings per year or month (a timeline)
        #[arg(long, value_enum, value_name = "PERIOD")]
        by: Option<PeriodArg>,
        /// Count each real meeting once, however many articles report it
        #[arg(long)]
        collapse: bool,
        #[command(flatten)]
        filters: FilterArgs,
        /// One JSON object: {"total":N,"facets":{...}} (and "timeline":{PERIOD:N,...} with --by)
        #[arg(long)]
        json: bool,
    },
    /// Score `extract --json` output against hand-made gold meetings.
    ///
    /// Prints precision, recall and F1 of meetings, participants, countries, ranks, topics and
    /// outcomes, event and date accuracy, and the score (mean F1 of the first four). Meetings
    /// pair by shared participants; planned meetings and calls are not scored.
    Score {
        /// A directory of per-article gold JSON files, or a JSON Lines file of them
        gold: PathBuf,
        /// Meeting records, one per line, as `attache extract --json` prints them
        predictions: PathBuf,
        /// A line per article: meetings predicted, in the gold, and paired
        #[arg(long, short)]
        verbose: bool,
        /// One JSON object with every figure
        #[arg(long)]
        json: bool,
    },
    /// Write every matching meeting (same filters as search) for other tools.
    ///
    /// `ndjson`: one meeting record per line, the contract of `extract --json`, ready for a
    /// Quickwit or Elasticsearch/OpenSearch bulk ingest (mappings in index_schema/). `csv`: one row
    /// per meeting, list fields joined by `;`. `graphml`: the meeting network for Gephi or
    /// networkx, edges weighted by the number of meetings.
    Export {
        /// Optional text query, as for search
        query: Option<String>,
        #[command(flatten)]
        filters: FilterArgs,
        /// Output format
        #[arg(long, value_enum, default_value_t = ExportFormat::Ndjson)]
        format: ExportFormat,
        /// For graphml: nodes are countries or people
        #[arg(long, value_enum, default_value_t = Network::Country)]
        network: Network,
    },
    /// List the people of the matching meetings (same filters as search), spellings merged.
    ///
    /// One line per person: name, countries, ranks, positions, meetings attended, first and last
    /// meeting date. `Yaşar Güler`, `Yasar Guler` and `Mr. Y. Guler` are one person.
    People {
        /// Optional text query, as for search
        query: Option<String>,
        #[command(flatten)]
        filters: FilterArgs,
        /// People to show, most meetings first (0 = all)
        #[arg(long, short = 'n', default_value_t = 50, value_name = "N")]
        limit: usize,
        /// One JSON object per line: {"name","countries","ranks","positions","meetings","first","last"}
        #[arg(long)]
        json: bool,
    },
    /// Print a shell completion script (bash, zsh, fish, elvish, powershell).
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the man page (roff), e.g. `attache man > attache.1`.
    Man,
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
        /// Measure only query latency, on the index at --index as `attache index` built it;
        /// nothing is written
        #[arg(long, conflicts_with_all = ["articles", "corpus", "seed", "threads", "memory", "work_dir"])]
        queries_only: bool,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum PeriodArg {
    Year,
    Month,
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
        let from = self.from.map(|d| parse_date_bound(&d, false)).transpose()?;
        let to = self.to.map(|d| parse_date_bound(&d, true)).transpose()?;
        check_date_range(from, to)?;
        Ok(Filters {
            countries: self.country,
            with_countries: self.with,
            regions: self.region,
            ranks: self.rank,
            events: self.event,
            topics: self.topic,
            outcomes: self.outcome,
            person: self.person,
            from,
            to,
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
            Cmd::Add {
                paths,
                threads,
                memory,
            } => Command::Add {
                inputs: inputs(paths),
                index_dir,
                build: build_options(threads, memory),
                output: output(false),
            },
            Cmd::Delete { articles } => Command::Delete {
                articles,
                index_dir,
            },
            Cmd::Bench {
                runs,
                json,
                queries_only: true,
                ..
            } => Command::BenchQueries {
                index_dir,
                runs,
                output: output(json),
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
                queries_only: false,
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
                collapse,
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
                    timeline: None,
                    collapse,
                },
                output: output(json),
            },
            Cmd::Facets {
                query,
                field,
                by,
                collapse,
                filters,
                json,
            } => Command::Facets {
                index_dir,
                request: SearchRequest {
                    query,
                    filters: filters.resolve()?,
                    limit: 0,
                    facets: facet_names(field)?,
                    timeline: by.map(|p| match p {
                        PeriodArg::Year => Period::Year,
                        PeriodArg::Month => Period::Month,
                    }),
                    collapse,
                    ..SearchRequest::default()
                },
                output: output(json),
            },
            Cmd::Score {
                gold,
                predictions,
                verbose,
                json,
            } => Command::Score {
                gold,
                predictions,
                verbose,
                output: output(json),
            },
            Cmd::Export {
                query,
                filters,
                format,
                network,
            } => Command::Export {
                index_dir,
                query,
                filters: filters.resolve()?,
                format,
                network,
            },
            Cmd::People {
                query,
                filters,
                limit,
                json,
            } => Command::People {
                index_dir,
                query,
                filters: filters.resolve()?,
                limit,
                output: output(json),
            },
            Cmd::Completions { shell } => {
                use clap::CommandFactory;
                let mut script = Vec::new();
                clap_complete::generate(shell, &mut Cli::command(), "attache", &mut script);
                Command::Print(script)
            }
            Cmd::Man => {
                use clap::CommandFactory;
                let mut page = Vec::new();
                clap_mangen::Man::new(Cli::command())
                    .render(&mut page)
                    .map_err(|e| crate::error::Error::io("rendering the man page", e))?;
                Command::Print(page)
            }
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
        let reversed = [
            "attache",
            "facets",
            "--from",
            "2024-03",
            "--to",
            "2024-02-29",
        ];
        let bad = Cli::try_parse_from(reversed).unwrap();
        let err = bad.into_command().unwrap_err().to_string();
        assert!(err.contains("--from must not be after --to"), "{err}");
    }
}
