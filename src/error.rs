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

    #[error("invalid query {query:?}: {message}\n  hint: {hint}")]
    InvalidQuery {
        query: String,
        message: String,
        hint: String,
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

    #[error("{context}: {source}")]
    Io {
        context: String,
        #[source]
        source: io::Error,
    },

    #[error("index error: {0}")]
    Tantivy(#[from] tantivy::TantivyError),
}

fn suggest(suggestions: &[String]) -> String {
    if suggestions.is_empty() {
        String::new()
    } else {
        format!("\n  hint: did you mean {}?", suggestions.join(", "))
    }
}

impl Error {
    /// Wraps an I/O error with what was being done.
    pub fn io(context: impl Into<String>, source: io::Error) -> Error {
        Error::Io {
            context: context.into(),
            source,
        }
    }

    /// True for mistakes the user can fix by changing the command.
    pub fn is_user_error(&self) -> bool {
        !matches!(self, Error::Io { .. } | Error::Tantivy(_))
    }
}

/// The library's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;

#[cfg(test)]
mod tests {
    use super::*;

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
