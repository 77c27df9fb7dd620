//! [`Hidden`]: the documents of a segment that a search hides (those holding any of a few
//! terms), asked about one candidate at a time, in order.
//!
//! It seeks in their posting lists until the lookups have cost about as much as reading the
//! lists into a bit set would have, then reads them and answers from the bit set: however many
//! candidates there are, at most about twice the cheaper of the two ways, without knowing
//! beforehand how many there will be (tantivy's estimates of it are rough, a phrase's tens of
//! times too high).
//!
//! A bit set read whole is kept for the next searches of the segment: a segment never changes
//! once written, so neither do the documents holding a term in it (deletions are kept apart, in
//! tantivy's alive set). The filter every search applies is then read once per segment, as
//! Lucene's query cache does for filters; the cache holds at most [`cache::BUDGET`] bytes, the
//! least recently used sets going first.

use std::sync::Arc;

use tantivy::postings::{BlockSegmentPostings, SegmentPostings};
use tantivy::{DocId, DocSet, SegmentReader, Term};

use super::bits::{DocBits, SegmentTerms};

/// A lookup by seeking costs about as much as reading this many postings into a bit set.
pub const POSTINGS_PER_SEEK: u64 = 16;

/// The hidden documents of one segment.
pub struct Hidden {
    lists: Vec<SegmentPostings>,
    /// The same lists, read into `bits` once the seeks are spent.
    blocks: Vec<BlockSegmentPostings>,
    bits: Option<Arc<DocBits>>,
    seeks_left: u64,
    max_doc: DocId,
    key: cache::Key,
}

impl Hidden {
    /// The documents of `reader` holding any of `terms`. `postings_per_seek` is
    /// [`POSTINGS_PER_SEEK`]; tests force seeking with 0, bit sets with `u64::MAX`.
    pub fn open(
        reader: &SegmentReader,
        terms: &[Term],
        postings_per_seek: u64,
    ) -> tantivy::Result<Hidden> {
        let key = cache::Key::new(reader.segment_id(), terms);
        let bits = cache::get(&key);
        let lists = match bits {
            Some(_) => SegmentTerms::none(),
            None => SegmentTerms::of(reader, terms)?,
        };
        Ok(Hidden {
            bits,
            lists: lists.lists()?,
            blocks: lists.blocks()?,
            seeks_left: lists
                .postings()
                .checked_div(postings_per_seek)
                .unwrap_or(u64::MAX),
            max_doc: reader.max_doc(),
            key,
        })
    }

    /// Whether this many lookups, or more, are better answered from the bit set.
    pub fn are_many(&self, lookups: u64) -> bool {
        self.bits.is_some() || lookups >= self.seeks_left
    }

    /// The hidden documents as a bit set, read now if they were not yet.
    pub fn read_all(&mut self) -> &DocBits {
        if self.bits.is_none() {
            let mut bits = DocBits::new(self.max_doc);
            for postings in self.blocks.drain(..) {
                bits.insert_postings(postings);
            }
            let bits = Arc::new(bits);
            cache::put(self.key.clone(), bits.clone());
            self.bits = Some(bits);
        }
        self.bits.as_deref().expect("read just above")
    }

    /// Whether `doc` is hidden; until the lists are read, each call must ask about a document
    /// after the last one.
    #[inline]
    pub fn contains(&mut self, doc: DocId) -> bool {
        if let Some(bits) = &self.bits {
            return bits.contains(doc);
        }
        if self.seeks_left == 0 {
            return self.read_all().contains(doc);
        }
        self.seeks_left -= 1;
        self.lists.iter_mut().any(|list| {
            if list.doc() < doc {
                list.seek(doc);
            }
            list.doc() == doc
        })
    }

    /// Moves the documents of `docs` that are not hidden to its front, in order; returns how
    /// many there are. The same order as [`Hidden::contains`] applies.
    pub fn keep_visible(&mut self, docs: &mut [DocId]) -> usize {
        let mut visible = 0;
        for at in 0..docs.len() {
            let doc = docs[at];
            docs[visible] = doc;
            visible += usize::from(!self.contains(doc));
        }
        visible
    }
}

/// The hidden documents of the segments searched last.
pub mod cache {
    use std::sync::{Arc, Mutex};

    use tantivy::index::SegmentId;
    use tantivy::Term;

    use crate::search::bits::DocBits;

    /// Bytes of bit sets kept: one bit a document, some 130 million documents.
    pub const BUDGET: usize = 16 << 20;

    #[derive(Debug, Clone, PartialEq, Eq)]
    pub struct Key {
        segment: SegmentId,
        terms: Vec<Term>,
    }

    impl Key {
        pub fn new(segment: SegmentId, terms: &[Term]) -> Key {
            Key {
                segment,
                terms: terms.to_vec(),
            }
        }
    }

    /// Most recently used first.
    static KEPT: Mutex<Vec<(Key, Arc<DocBits>)>> = Mutex::new(Vec::new());

    pub fn get(key: &Key) -> Option<Arc<DocBits>> {
        let mut kept = KEPT.lock().unwrap_or_else(|e| e.into_inner());
        let at = kept.iter().position(|(k, _)| k == key)?;
        let entry = kept.remove(at);
        let bits = entry.1.clone();
        kept.insert(0, entry);
        Some(bits)
    }

    pub fn put(key: Key, bits: Arc<DocBits>) {
        let mut kept = KEPT.lock().unwrap_or_else(|e| e.into_inner());
        keep(&mut kept, key, bits, BUDGET);
    }

    /// Puts `bits` first in `kept`, then drops the sets past `budget` bytes.
    fn keep(kept: &mut Vec<(Key, Arc<DocBits>)>, key: Key, bits: Arc<DocBits>, budget: usize) {
        kept.retain(|(k, _)| *k != key);
        kept.insert(0, (key, bits));
        let mut bytes = 0;
        kept.retain(|(_, bits)| {
            bytes += bits.bytes();
            bytes <= budget
        });
    }

    #[cfg(test)]
    mod tests {
        //! 1. The sets used last are kept, within the budget; a set put again is not doubled.
        use super::*;

        #[test]
        fn the_sets_used_last_are_kept_within_the_budget() {
            let key = || Key::new(SegmentId::generate_random(), &[]);
            let (a, b, c) = (key(), key(), key());
            let bits = Arc::new(DocBits::new(64 * 100));
            let mut kept = Vec::new();
            for k in [&a, &b, &a, &c] {
                keep(&mut kept, k.clone(), bits.clone(), 2 * bits.bytes());
            }
            let keys: Vec<&Key> = kept.iter().map(|(k, _)| k).collect();
            assert_eq!(keys, [&c, &a]);
        }
    }
}

#[cfg(test)]
mod tests {
    //! 1. Whether seeking, reading the lists part way, or answering from a bit set (read now or
    //!    by an earlier search), the hidden documents are those holding a hidden term.
    use super::*;
    use crate::search::bits::tests::status_index;

    #[test]
    fn it_tells_the_documents_holding_a_hidden_term() {
        let statuses = ["held", "planned", "held", "call", "ledger"];
        let (index, status) = status_index(3000, |n| {
            let mut of = vec![statuses[n % statuses.len()]];
            if n % 7 == 0 {
                of.push("call");
            }
            of
        });
        let searcher = index.reader().unwrap().searcher();
        let reader = searcher.segment_reader(0);
        let terms: Vec<Term> = ["ledger", "planned", "call"]
            .into_iter()
            .map(|s| Term::from_field_text(status, s))
            .collect();
        let is_hidden = |n: &DocId| n.is_multiple_of(7) || !matches!(n % 5, 0 | 2);
        // Seeking only; seeking, then reading; reading at once; then from the cache.
        for postings_per_seek in [0, POSTINGS_PER_SEEK, u64::MAX, 0] {
            let mut hidden = Hidden::open(reader, &terms, postings_per_seek).unwrap();
            let mut docs: Vec<DocId> = (0..2000).step_by(3).collect();
            let visible = hidden.keep_visible(&mut docs);
            let expected: Vec<DocId> = (0..2000).step_by(3).filter(|n| !is_hidden(n)).collect();
            assert_eq!(docs[..visible], expected, "{postings_per_seek}");
            for doc in 2000..3000 {
                assert_eq!(hidden.contains(doc), is_hidden(&doc), "{postings_per_seek}");
            }
        }
        assert!(cache::get(&cache::Key::new(reader.segment_id(), &terms)).is_some());
    }
}
