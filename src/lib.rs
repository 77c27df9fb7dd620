//! attache: a search engine for defense diplomacy.

pub mod corpus;
pub mod error;
pub mod extract;
pub mod index;
pub mod model;
pub mod schema;
pub mod text;
pub mod vocab;
