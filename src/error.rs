//! Errors of the library. The user's mistakes (a bad query, an unknown facet value, no index, an
//! index of another schema) are told apart from internal failures, so the binary can word them
//! as advice and pick the exit code.

use std::io;
use std::path::PathBuf;

/// Everything the library can fail with.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("no index at {}\n  hint: build one with `attache index [PATH...]`, or point --index (or ATTACHE_INDEX) at an existing one", path.display())]
    NoIndex { path: PathBuf },

    #[error("the index at {} was built with another schema\n  hint: rebuild it with `attache index [PATH...] --index {}`", path.display(), path.display())]
    SchemaMismatch { path: PathBuf },

    #[error("{} is not an attache index directory (it holds other files)\n  hint: choose an empty or new directory for --index", path.display())]
    NotAnIndexDir { path: PathBuf },

    #[error("invalid query {query:?}: {message}{}\n  hint: {hint}", caret(query, *column))]
    InvalidQuery {
        query: String,
        message: String,
        hint: String,
        /// Where the mistake is, 1-based in characters, when known.
        column: Option<usize>,
    },

    #[error("unknown {facet} {value:?}{}", suggest(suggestions))]
    UnknownValue {
        facet: &'static str,
        value: String,
        suggestions: Vec<String>,
    },

    #[error("invalid {what} {value:?}: {expected}")]
    InvalidArgument {
        what: &'static str,
        value: String,
        expected: String,
    },

    #[error("cannot read the gold at {}: {message}\n  hint: gold is a directory of per-article JSON files or a JSON Lines file of them, each with \"article\" and \"meetings\"", path.display())]
    InvalidGold { path: PathBuf, message: String },

    #[error("nothing was indexed: {reason}\n  hint: the previous index, if any, is unchanged")]
    NothingIndexed { reason: String },

    #[error("the index at {} is being written by another attache process: {}\n  hint: wait for it to finish or stop it; searches keep answering meanwhile", path.display(), holder_text(holder))]
    Locked {
        path: PathBuf,
        holder: Option<crate::index::lock::Holder>,
    },

    #[error("cannot write the index at {}: {context}: {source}\n  hint: {}; the previous index, if any, is unchanged", path.display(), write_hint(source))]
    Unwritable {
        path: PathBuf,
        context: String,
        #[source]
        source: io::Error,
    },

    #[error("{context}: {source}")]
    Io {
        context: String,
        #[source]
        source: io::Error,
    },

    #[error("index error: {0}")]
    Tantivy(#[from] tantivy::TantivyError),
}

/// The query on a line of its own with a caret under `column`.
fn caret(query: &str, column: Option<usize>) -> String {
    match column {
        Some(c) if !query.contains(['\n', '\r']) => {
            format!("\n    {query}\n    {}^", " ".repeat(c.saturating_sub(1)))
        }
        _ => String::new(),
    }
}

fn suggest(suggestions: &[String]) -> String {
    if suggestions.is_empty() {
        String::new()
    } else {
        format!("\n  hint: did you mean {}?", suggestions.join(", "))
    }
}

fn holder_text(holder: &Option<crate::index::lock::Holder>) -> String {
    match holder {
        Some(h) => h.to_string(),
        None => "its details could not be read".to_string(),
    }
}

/// What to do about a failed write, by its cause.
fn write_hint(e: &io::Error) -> &'static str {
    use io::ErrorKind::*;
    match e.kind() {
        StorageFull | QuotaExceeded | FileTooLarge => {
            "free some disk space, or choose another --index directory"
        }
        PermissionDenied | ReadOnlyFilesystem => {
            "make the directory writable, or choose another with --index"
        }
        NotADirectory | AlreadyExists => {
            "a file stands where the index directory should be; choose another --index"
        }
        _ => "check the disk and the directory, or choose another --index",
    }
}

impl Error {
    /// A failed write into the index directory `dir`.
    pub fn write(dir: &std::path::Path, context: impl Into<String>, source: io::Error) -> Error {
        Error::Unwritable {
            path: dir.to_path_buf(),
            context: context.into(),
            source,
        }
    }

    /// Words a failure met while writing the index at `dir` as [`Error::Unwritable`] when it
    /// was the disk's or the directory's (full, read-only); other errors pass through.
    pub fn while_writing(self, dir: &std::path::Path) -> Error {
        let (context, io) = match &self {
            Error::Io { context, source } => (context.clone(), Some(clone_io(source))),
            Error::Tantivy(t) => ("writing".to_string(), tantivy_io(t)),
            _ => (String::new(), None),
        };
        match io {
            Some(e) if is_write_failure(&e) => Error::write(dir, context, e),
            _ => self,
        }
    }

    /// Wraps an I/O error with what was being done.
    pub fn io(context: impl Into<String>, source: io::Error) -> Error {
        Error::Io {
            context: context.into(),
            source,
        }
    }

    /// True for mistakes the user can fix by changing the command.
    pub fn is_user_error(&self) -> bool {
        !matches!(
            self,
            Error::Io { .. } | Error::Tantivy(_) | Error::Unwritable { .. }
        )
    }
}

fn clone_io(e: &io::Error) -> io::Error {
    match e.raw_os_error() {
        Some(code) => io::Error::from_raw_os_error(code),
        None => io::Error::new(e.kind(), e.to_string()),
    }
}

/// The I/O error inside a tantivy error, when there is one.
fn tantivy_io(e: &tantivy::TantivyError) -> Option<io::Error> {
    use tantivy::directory::error::OpenWriteError;
    use tantivy::TantivyError as T;
    match e {
        T::IoError(io) => Some(clone_io(io)),
        T::OpenWriteError(OpenWriteError::IoError { io_error, .. }) => Some(clone_io(io_error)),
        _ => {
            // Errors from tantivy's writer threads arrive as text; a full disk still shows.
            let text = e.to_string();
            [
                (28, "No space left on device"),
                (27, "File too large"),
                (122, "Disk quota exceeded"),
                (30, "Read-only file system"),
            ]
            .into_iter()
            .find(|(_, m)| text.contains(m))
            .map(|(code, _)| io::Error::from_raw_os_error(code))
        }
    }
}

fn is_write_failure(e: &io::Error) -> bool {
    use io::ErrorKind::*;
    matches!(
        e.kind(),
        StorageFull
            | QuotaExceeded
            | FileTooLarge
            | PermissionDenied
            | ReadOnlyFilesystem
            | NotADirectory
    )
}

/// The library's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_query_error_shows_where() {
        let e = Error::InvalidQuery {
            query: "country:(TR AND".into(),
            message: "unbalanced parenthesis at column 9: `(` is never closed".into(),
            hint: "close it with `)`".into(),
            column: Some(9),
        };
        assert_eq!(
            e.to_string(),
            "invalid query \"country:(TR AND\": unbalanced parenthesis at column 9: `(` is \
             never closed\n    country:(TR AND\n            ^\n  hint: close it with `)`"
        );
    }

    #[test]
    fn unknown_value_names_the_closest_values() {
        let e = Error::UnknownValue {
            facet: "country",
            value: "Turky".into(),
            suggestions: vec!["TR (Turkey)".into()],
        };
        assert_eq!(
            e.to_string(),
            "unknown country \"Turky\"\n  hint: did you mean TR (Turkey)?"
        );
        assert!(e.is_user_error());
    }
}
