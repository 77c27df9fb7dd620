//! Reading a corpus: files, directories, stdin or the built-in sample → a lazy stream of
//! [`Article`]s, with every file or line that cannot be read reported as a [`Notice`] instead of
//! lost. Hands [`Item`]s on to extraction, and a [`Tally`] of them to the closing summary.
//!
//! Submodules, in the order bytes flow through them:
//! - `walk`: a directory → its files in name order, with ids relative to it;
//! - `decode`: file name → format and compression; decompression; sniffing; read errors;
//! - `text`: one plain-text file → one article (date line, headline);
//! - `jsonl`: a JSON Lines stream → one article per line, read line by line;
//! - `sample`: the seed articles embedded in the binary.
//!
//! Memory stays flat: JSON Lines are read one line at a time (each line at most
//! [`ReadOptions::max_line_bytes`]), and only a plain-text article is held whole (at most
//! [`ReadOptions::max_file_bytes`]).

mod decode;
mod jsonl;
mod sample;
mod text;
mod walk;

#[cfg(test)]
mod tests;

pub use decode::{sniff, sniff_format, Format, Peeked};

use crate::model::Article;
use decode::Compression;
use std::collections::{BTreeMap, VecDeque};
use std::fmt;
use std::fs::{self, File};
use std::io::{Cursor, Read};
use std::path::{Path, PathBuf};

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
    /// Plain-text files larger than this (after decompression) are skipped: one article is never
    /// this long, and extraction holds it whole. JSON Lines files are streamed and have no
    /// overall limit, only [`max_line_bytes`](Self::max_line_bytes).
    pub max_file_bytes: u64,
    /// JSON lines longer than this are skipped, without being held in memory.
    pub max_line_bytes: usize,
}

impl Default for ReadOptions {
    fn default() -> Self {
        ReadOptions {
            max_file_bytes: 16 * 1024 * 1024,
            max_line_bytes: 16 * 1024 * 1024,
        }
    }
}

/// Why something was skipped or warned about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Reason {
    /// The file holds nothing but whitespace.
    Empty,
    /// The file holds a NUL byte in its first 8 KiB.
    Binary,
    /// The file or line is over its size limit.
    TooLarge,
    /// The line is not a JSON object.
    MalformedJson,
    /// The JSON object has no non-empty `text`.
    MissingText,
    /// The file could not be opened or read; the message carries the OS error.
    Unreadable,
    /// Bytes that are not UTF-8 were replaced (a warning).
    InvalidUtf8,
    /// A file met in a directory walk with an extension attache does not read.
    Unsupported,
    /// A gzip or zstd stream is damaged or cut short; what came before the damage was kept.
    Corrupt,
    /// A publication date that is not a date (a warning: the article is kept without it).
    InvalidDate,
    /// A JSON field of the wrong type, ignored (a warning).
    InvalidField,
}

impl Reason {
    /// Every reason, in summary order.
    pub const ALL: [Reason; 11] = [
        Reason::Empty,
        Reason::Binary,
        Reason::TooLarge,
        Reason::MalformedJson,
        Reason::MissingText,
        Reason::Unreadable,
        Reason::InvalidUtf8,
        Reason::Unsupported,
        Reason::Corrupt,
        Reason::InvalidDate,
        Reason::InvalidField,
    ];

    pub fn as_str(&self) -> &'static str {
        match self {
            Reason::Empty => "empty",
            Reason::Binary => "binary",
            Reason::TooLarge => "too-large",
            Reason::MalformedJson => "malformed-json",
            Reason::MissingText => "missing-text",
            Reason::Unreadable => "unreadable",
            Reason::InvalidUtf8 => "invalid-utf8",
            Reason::Unsupported => "unsupported",
            Reason::Corrupt => "corrupt",
            Reason::InvalidDate => "invalid-date",
            Reason::InvalidField => "invalid-field",
        }
    }
}

impl fmt::Display for Reason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A problem with one file or line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    /// `path` or `path:line`.
    pub origin: String,
    pub reason: Reason,
    pub message: String,
}

impl fmt::Display for Notice {
    /// `path:line: reason: message`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}: {}", self.origin, self.reason, self.message)
    }
}

/// What reading yields, in input order. An article's warnings come right after it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Item {
    Article(Article),
    /// The article was read but something was off (e.g. invalid UTF-8 decoded lossily).
    Warning(Notice),
    /// Nothing could be read from this file or line.
    Skipped(Notice),
}

/// Counts of what a read yielded, for the closing summary.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Tally {
    pub articles: u64,
    pub warnings: BTreeMap<Reason, u64>,
    pub skipped: BTreeMap<Reason, u64>,
}

impl Tally {
    pub fn record(&mut self, item: &Item) {
        match item {
            Item::Article(_) => self.articles += 1,
            Item::Warning(n) => *self.warnings.entry(n.reason).or_default() += 1,
            Item::Skipped(n) => *self.skipped.entry(n.reason).or_default() += 1,
        }
    }

    pub fn warnings_total(&self) -> u64 {
        self.warnings.values().sum()
    }

    pub fn skipped_total(&self) -> u64 {
        self.skipped.values().sum()
    }
}

impl fmt::Display for Tally {
    /// `12 read, 2 warnings (invalid-utf8 2), 3 skipped (empty 1, binary 2)`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fn by_reason(f: &mut fmt::Formatter<'_>, counts: &BTreeMap<Reason, u64>) -> fmt::Result {
            if counts.is_empty() {
                return Ok(());
            }
            let parts: Vec<_> = counts.iter().map(|(r, n)| format!("{r} {n}")).collect();
            write!(f, " ({})", parts.join(", "))
        }
        let w = self.warnings_total();
        write!(
            f,
            "{} read, {w} warning{}",
            self.articles,
            if w == 1 { "" } else { "s" }
        )?;
        by_reason(f, &self.warnings)?;
        write!(f, ", {} skipped", self.skipped_total())?;
        by_reason(f, &self.skipped)
    }
}

/// A streaming reader over all inputs, in order.
///
/// Lazy: a directory is walked, and a JSON Lines file read, only as items are asked for.
pub struct Corpus {
    inputs: VecDeque<Input>,
    options: ReadOptions,
    stdin: Option<Box<dyn Read + Send>>,
    /// The directory being walked.
    walk: Option<walk::Walk>,
    /// The JSON Lines stream being read.
    lines: Option<jsonl::Lines<Box<dyn Read + Send>>>,
    /// Items of a file read whole (plain text), or notices, waiting to be handed out.
    pending: VecDeque<Item>,
}

impl Corpus {
    pub fn new(inputs: Vec<Input>, options: ReadOptions) -> Corpus {
        Corpus {
            inputs: inputs.into(),
            options,
            stdin: None,
            walk: None,
            lines: None,
            pending: VecDeque::new(),
        }
    }

    /// Reads [`Input::Stdin`] from `reader` instead of the process's standard input.
    pub fn with_stdin(mut self, reader: impl Read + Send + 'static) -> Corpus {
        self.stdin = Some(Box::new(reader));
        self
    }

    fn skip(&mut self, origin: String, reason: Reason, message: String) {
        self.report(Notice {
            origin,
            reason,
            message,
        });
    }

    fn report(&mut self, skipped: Notice) {
        self.pending.push_back(Item::Skipped(skipped));
    }

    /// Starts on the next input.
    fn start(&mut self, input: Input) {
        match input {
            Input::Path(path) => self.start_path(path),
            Input::Stdin => {
                let reader = self
                    .stdin
                    .take()
                    .unwrap_or_else(|| Box::new(std::io::stdin()));
                // Stdin can be read once; naming it again finds it empty rather than waiting.
                self.stdin = Some(Box::new(std::io::empty()));
                self.open(
                    "stdin".into(),
                    "stdin".into(),
                    reader,
                    Compression::None,
                    None,
                );
            }
            Input::Sample => {
                for (name, content) in sample::SAMPLE {
                    let origin = format!("{}/{name}", sample::ORIGIN_DIR);
                    let reader = Box::new(Cursor::new(content.as_bytes()));
                    self.open(
                        name.into(),
                        origin,
                        reader,
                        Compression::None,
                        Some(Format::Text),
                    );
                }
            }
        }
    }

    fn start_path(&mut self, path: PathBuf) {
        let origin = path.display().to_string();
        match fs::metadata(&path) {
            Err(e) => {
                let dangling = path.symlink_metadata().is_ok();
                let message = if dangling {
                    format!("dangling symlink: {e}")
                } else {
                    e.to_string()
                };
                self.skip(origin, Reason::Unreadable, message);
            }
            Ok(meta) if meta.is_dir() => self.walk = Some(walk::Walk::new(path)),
            Ok(_) => {
                let id = match path.file_name() {
                    Some(name) => name.to_string_lossy().into_owned(),
                    None => origin.clone(),
                };
                self.open_file(&path, id, origin, false);
            }
        }
    }

    /// Opens a file named directly (`walked` false: an unknown extension is sniffed) or met in
    /// a walk (an unknown extension is skipped as unsupported).
    fn open_file(&mut self, path: &Path, id: String, origin: String, walked: bool) {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy())
            .unwrap_or_default();
        let (compression, format) = decode::classify(&name);
        if walked && format.is_none() {
            let message = "not a corpus file: attache reads .txt, .text, .jsonl and .ndjson, \
                           optionally compressed as .gz or .zst";
            return self.skip(origin, Reason::Unsupported, message.into());
        }
        let file = match File::open(path) {
            Ok(file) => file,
            Err(e) => return self.skip(origin, Reason::Unreadable, e.to_string()),
        };
        if compression == Compression::None && format == Some(Format::Text) {
            // Refuse an oversized plain file before reading any of it.
            if let Ok(meta) = file.metadata() {
                if meta.len() > self.options.max_file_bytes {
                    let item = text::too_large(origin, self.options.max_file_bytes);
                    return self.pending.push_back(item);
                }
            }
        }
        self.open(id, origin, Box::new(file), compression, format);
    }

    /// Reads one stream: decompresses it, looks at its head, and reads it as `format`
    /// (sniffed when `None`).
    fn open(
        &mut self,
        id: String,
        origin: String,
        reader: Box<dyn Read + Send>,
        mut compression: Compression,
        format: Option<Format>,
    ) {
        let reader = match decode::decompress(reader, compression) {
            Ok(r) => r,
            Err(e) => return self.report(decode::read_failure(origin, compression, &e)),
        };
        let mut peeked = Peeked::new(reader, decode::HEAD_BYTES);
        if format.is_none() && compression == Compression::None {
            // Stdin or an unknown extension may still be compressed: trust the magic bytes.
            let magic = decode::sniff_compression(peeked.head());
            if magic != Compression::None {
                compression = magic;
                match decode::decompress(Box::new(peeked), magic) {
                    Ok(r) => peeked = Peeked::new(r, decode::HEAD_BYTES),
                    Err(e) => return self.report(decode::read_failure(origin, magic, &e)),
                }
            }
        }
        if peeked.head().is_empty() {
            if let Some(e) = peeked.error() {
                let mut notice = decode::read_failure(origin, compression, e);
                if format == Some(Format::JsonLines) {
                    notice.origin.push_str(":1");
                }
                return self.report(notice);
            }
        }
        if let Some(at) = decode::nul_offset(peeked.head()) {
            let message = match decode::utf16_bom(peeked.head()) {
                Some(order) => format!(
                    "UTF-16 text ({order} byte-order mark); attache reads UTF-8: convert it, \
                     e.g. with `iconv -f UTF-16 -t UTF-8`"
                ),
                None => format!("binary content: NUL byte at offset {at}"),
            };
            return self.skip(origin, Reason::Binary, message);
        }
        match format.unwrap_or_else(|| sniff_format(peeked.head())) {
            Format::Text => {
                let items =
                    text::read(peeked, id, origin, self.options.max_file_bytes, compression);
                self.pending.extend(items);
            }
            Format::JsonLines => {
                let lines = jsonl::Lines::new(
                    Box::new(peeked) as Box<dyn Read + Send>,
                    id,
                    origin,
                    compression,
                    self.options.max_line_bytes,
                );
                self.lines = Some(lines);
            }
        }
    }
}

impl Iterator for Corpus {
    type Item = Item;

    fn next(&mut self) -> Option<Item> {
        loop {
            if let Some(item) = self.pending.pop_front() {
                return Some(item);
            }
            if let Some(lines) = &mut self.lines {
                match lines.next() {
                    Some(item) => return Some(item),
                    None => self.lines = None,
                }
                continue;
            }
            if let Some(walk) = &mut self.walk {
                match walk.next() {
                    Some(walk::Entry::File { path, id }) => {
                        let origin = path.display().to_string();
                        self.open_file(&path, id, origin, true);
                    }
                    Some(walk::Entry::Notice(item)) => return Some(item),
                    None => self.walk = None,
                }
                continue;
            }
            let input = self.inputs.pop_front()?;
            self.start(input);
        }
    }
}
