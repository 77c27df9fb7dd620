//! attache: a search engine for defense diplomacy.
//!
//! News articles go in; one document per meeting that took place comes out, with its
//! participants (names, ranks, countries, positions), occasion, topics, outcomes and date; the
//! documents are indexed with tantivy and searched with facet filters and counts.
//!
//! The pipeline, one module per stage: [`corpus`] (files → [`model::Article`]) → [`extract`]
//! (`Article` → [`model::Meeting`]s) → [`index`] (`Meeting` → tantivy document) → [`search`]
//! (`SearchRequest` → `SearchResponse`) → [`output`] (tables or JSON Lines). [`cli`] and [`app`]
//! are the command line; [`schema`] and [`vocab`] load `index_schema/`; [`score`] measures
//! extraction against hand-made gold.
//!
//! One short article, through every stage:
//!
//! ```
//! use attache::model::Article;
//! use attache::search::{search, Filters, SearchRequest};
//! use attache::{extract::extract, index};
//!
//! let article = Article {
//!     id: "example".into(),
//!     origin: "example".into(),
//!     published: "2024-05-02".parse().ok(),
//!     title: None,
//!     source: None,
//!     url: None,
//!     text: "Georgian Defense Minister Levan Beridze met with Lt. Gen. Adam Nowicki, \
//!            commander of the Polish Land Forces, in Tbilisi on Thursday."
//!         .into(),
//! };
//! let meetings = extract(&article);
//! assert_eq!(meetings.len(), 1);
//! assert_eq!(meetings[0].countries, ["GE", "PL"]);
//!
//! let idx = index::create_in_ram();
//! let mut writer: tantivy::IndexWriter = idx.writer_with_num_threads(1, 15_000_000)?;
//! index::add_meetings(&writer, &meetings)?;
//! writer.commit()?;
//!
//! let request = SearchRequest {
//!     filters: Filters { countries: vec!["Polish".into()], ranks: vec!["Lt-Gen".into()], ..Default::default() },
//!     ..Default::default()
//! };
//! let response = search(&idx, &request)?;
//! assert_eq!(response.total, 1);
//! assert_eq!(response.hits[0].meeting.participants.len(), 2);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

pub mod app;
pub mod cli;
pub mod collapse;
pub mod corpus;
pub mod error;
pub mod export;
pub mod extract;
pub mod index;
pub mod model;
pub mod output;
pub mod people;
pub mod schema;
pub mod score;
pub mod search;
pub mod text;
pub mod vocab;
