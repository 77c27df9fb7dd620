//! The ledger: one document per article in the index, beside the article's meeting documents,
//! recording the article's id and a hash of its content. It is how `add` tells an unchanged
//! article (skipped) from a changed one (its meetings replaced), articles without any meeting
//! included. A ledger document has `status` [`LEDGER_STATUS`], the article id in `article`, and
//! its [`Entry`] as JSON in `record`; it has no text and no facet, and search keeps to the three
//! meeting statuses, so it never shows in hits, totals or counts. Deleting an article's term
//! removes its meetings and its ledger document at once.

use serde::{Deserialize, Serialize};
use tantivy::collector::{Count, TopDocs};
use tantivy::query::{BooleanQuery, Occur, Query, TermQuery};
use tantivy::schema::{IndexRecordOption, Value};
use tantivy::{Searcher, TantivyDocument, Term};

use crate::error::{Error, Result};
use crate::model::Article;
use crate::schema::Fields;

/// The `status` of ledger documents; meetings are `held`, `planned` or `call`.
pub const LEDGER_STATUS: &str = "ledger";

/// What the ledger remembers of one article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    pub article: String,
    /// [`content_hash`] of the article as read.
    pub hash: String,
    /// Meeting documents indexed for it.
    pub meetings: u64,
}

/// A stable 128-bit hash (FNV-1a) of everything an article is made of except where it was read
/// from: the same article read from another file, or again, hashes the same.
pub fn content_hash(a: &Article) -> String {
    let mut h = Fnv128::new();
    h.field(a.id.as_bytes());
    h.field(
        a.published
            .map(|d| d.to_string())
            .unwrap_or_default()
            .as_bytes(),
    );
    for part in [&a.title, &a.source, &a.url] {
        match part {
            Some(s) => {
                h.field(b"1");
                h.field(s.as_bytes());
            }
            None => h.field(b"0"),
        }
    }
    h.field(a.text.as_bytes());
    format!("{:032x}", h.0)
}

struct Fnv128(u128);

impl Fnv128 {
    const OFFSET: u128 = 0x6c62272e07bb014262b821756295c58d;
    const PRIME: u128 = 0x0000000001000000000000000000013B;

    fn new() -> Fnv128 {
        Fnv128(Self::OFFSET)
    }

    fn bytes(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 ^= u128::from(b);
            self.0 = self.0.wrapping_mul(Self::PRIME);
        }
    }

    /// A field, length first, so that `("ab", "c")` and `("a", "bc")` differ.
    fn field(&mut self, bytes: &[u8]) {
        self.bytes(&(bytes.len() as u64).to_le_bytes());
        self.bytes(bytes);
    }
}

/// The ledger document of an article that yielded `meetings` meeting documents.
pub fn document(f: &Fields, article: &Article, meetings: usize) -> TantivyDocument {
    let entry = Entry {
        article: article.id.clone(),
        hash: content_hash(article),
        meetings: meetings as u64,
    };
    let mut doc = TantivyDocument::default();
    doc.add_text(f.article, &article.id);
    doc.add_text(f.status, LEDGER_STATUS);
    doc.add_bytes(
        f.record,
        &serde_json::to_vec(&entry).expect("an entry always serialises"),
    );
    doc
}

/// The term naming every document of one article, meetings and ledger alike.
pub fn article_term(f: &Fields, id: &str) -> Term {
    Term::from_field_text(f.article, id)
}

/// What the index holds of one article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Known {
    /// Nothing.
    Absent,
    /// Its ledger entry.
    Entry(Entry),
    /// Meetings but no ledger entry: an index built before the ledger existed.
    Unrecorded,
}

/// Looks an article up in the committed state `searcher` sees.
pub fn lookup(searcher: &Searcher, f: &Fields, id: &str) -> Result<Known> {
    let article: Box<dyn Query> = Box::new(TermQuery::new(
        article_term(f, id),
        IndexRecordOption::Basic,
    ));
    let ledger = BooleanQuery::new(vec![
        (Occur::Must, article.box_clone()),
        (
            Occur::Must,
            Box::new(TermQuery::new(
                Term::from_field_text(f.status, LEDGER_STATUS),
                IndexRecordOption::Basic,
            )),
        ),
    ]);
    let top = searcher.search(&ledger, &TopDocs::with_limit(1).order_by_score())?;
    if let Some((_, address)) = top.first() {
        let doc: TantivyDocument = searcher.doc(*address)?;
        let bytes = doc
            .get_first(f.record)
            .and_then(|v| v.as_bytes())
            .unwrap_or_default();
        let entry = serde_json::from_slice(bytes).map_err(|e| {
            Error::Tantivy(tantivy::TantivyError::InternalError(format!(
                "a ledger entry of {id:?} does not parse: {e}"
            )))
        })?;
        return Ok(Known::Entry(entry));
    }
    if searcher.search(&*article, &Count)? > 0 {
        Ok(Known::Unrecorded)
    } else {
        Ok(Known::Absent)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(text: &str) -> Article {
        Article {
            id: "a".into(),
            origin: "x.txt".into(),
            published: None,
            title: None,
            source: None,
            url: None,
            text: text.into(),
        }
    }

    #[test]
    fn the_hash_follows_content_not_origin() {
        let a = article("General X met General Y.");
        let mut moved = a.clone();
        moved.origin = "elsewhere/x.txt".into();
        assert_eq!(content_hash(&a), content_hash(&moved));
        let mut edited = a.clone();
        edited.text.push('!');
        assert_ne!(content_hash(&a), content_hash(&edited));
        let mut titled = a.clone();
        titled.title = Some(String::new());
        assert_ne!(
            content_hash(&a),
            content_hash(&titled),
            "no title ≠ empty title"
        );
        // Fixed for good: ledgers written by earlier runs must keep matching.
        assert_eq!(content_hash(&a), "28827d397589536e0a70cc3076213099");
    }

    #[test]
    fn fnv_1a_128_matches_its_published_vectors() {
        let hash = |s: &str| {
            let mut h = Fnv128::new();
            h.bytes(s.as_bytes());
            format!("{:032x}", h.0)
        };
        assert_eq!(hash(""), "6c62272e07bb014262b821756295c58d");
        assert_eq!(hash("a"), "d228cb696f1a8caf78912b704e4a8964");
    }
}
