//! attache: a search engine for defense diplomacy.
//!
//! News articles go in; one document per meeting that took place comes out, with its
//! participants (names, ranks, countries, positions), occasion, topics, outcomes and date; the
//! documents are indexed with tantivy and searched with facet filters and counts.
//!
//! The pipeline, one module per stage: [`corpus`] (files → [`model::Article`]) → [`extract`]
//! (`Article` → [`model::Meeting`]s) → [`index`] (`Meeting` → tantivy document) → [`search`]
//! (`SearchRequest` → `SearchResponse`) → [`output`] (tables or JSON Lines). [`cli`] and [`app`]
//! are the command line; [`schema`] and [`vocab`] load `index_schema/`.

pub mod app;
pub mod cli;
pub mod corpus;
pub mod error;
pub mod extract;
pub mod index;
pub mod model;
pub mod output;
pub mod schema;
pub mod search;
pub mod text;
pub mod vocab;
