//! attache: a search engine for defense diplomacy.

pub mod corpus;
pub mod extract;
pub mod model;
pub mod text;
pub mod vocab;
