//! Reading a corpus: files, directories, stdin or the built-in sample → a stream of [`Article`]s,
//! with every file or line that cannot be read reported as a [`Notice`] instead of lost.
//! (Skeleton: to be filled in.)

use crate::model::Article;
use std::path::PathBuf;

/// Where articles come from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// A file or a directory (walked recursively).
    Path(PathBuf),
    /// Standard input (`-`).
    Stdin,
    /// The sample articles embedded in the binary.
    Sample,
}

/// Limits applied while reading.
#[derive(Debug, Clone)]
pub struct ReadOptions {
    /// Files larger than this (after decompression, for plain text) are skipped.
    pub max_file_bytes: u64,
}

impl Default for ReadOptions {
    fn default() -> Self {
        ReadOptions {
            max_file_bytes: 256 * 1024 * 1024,
        }
    }
}

/// Why something was skipped or warned about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Reason {
    Empty,
    Binary,
    TooLarge,
    MalformedJson,
    MissingText,
    Unreadable,
    InvalidUtf8,
}

/// A problem with one file or line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    /// `path` or `path:line`.
    pub origin: String,
    pub reason: Reason,
    pub message: String,
}

/// What reading yields, in input order.
#[derive(Debug, Clone)]
pub enum Item {
    Article(Article),
    /// The article was read but something was off (e.g. invalid UTF-8 decoded lossily).
    Warning(Notice),
    /// Nothing could be read from this file or line.
    Skipped(Notice),
}

/// A streaming reader over all inputs.
pub struct Corpus {
    _inputs: Vec<Input>,
    _options: ReadOptions,
}

impl Corpus {
    pub fn new(inputs: Vec<Input>, options: ReadOptions) -> Corpus {
        Corpus {
            _inputs: inputs,
            _options: options,
        }
    }
}

impl Iterator for Corpus {
    type Item = Item;
    fn next(&mut self) -> Option<Item> {
        None
    }
}
