//! The `attache` binary: parses arguments, runs the command, maps the result to an exit code
//! (0 success, 1 a search with no hits, 2 an error). A closed pipe (`| head`) ends quietly.

use std::io::{self, Write};
use std::process::ExitCode;

use attache::app::{self, Outcome};
use attache::cli::Cli;
use attache::error::Error;
use clap::Parser;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let result = cli
        .into_command()
        .and_then(|command| app::run(command, &mut out))
        .and_then(|outcome| {
            out.flush()
                .map_err(|e| Error::io("writing output", e))
                .map(|_| outcome)
        });
    match result {
        Ok(Outcome::Done) => ExitCode::SUCCESS,
        Ok(Outcome::NoHits) => ExitCode::from(1),
        Err(Error::Io { source, .. }) if source.kind() == io::ErrorKind::BrokenPipe => {
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(2)
        }
    }
}

/// mimalloc: extraction and indexing allocate many small, short-lived buffers.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;
