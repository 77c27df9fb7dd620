//! Sets of a segment's documents, one bit each ([`DocBits`]), and the posting lists they are
//! read from ([`SegmentTerms`], [`for_each_block`]). Walks over every match of a search (facet
//! counts, hidden documents, totals) gather documents into these sets and test them against
//! each other, instead of merging or seeking in posting lists one document at a time.

use std::sync::Arc;

use tantivy::postings::{BlockSegmentPostings, SegmentPostings, TermInfo};
use tantivy::schema::IndexRecordOption;
use tantivy::{DocId, InvertedIndexReader, SegmentReader, Term};

/// A set of the documents `0..max_doc` of a segment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocBits {
    words: Vec<u64>,
}

impl DocBits {
    pub fn new(max_doc: DocId) -> DocBits {
        DocBits {
            words: vec![0; (max_doc as usize).div_ceil(64)],
        }
    }

    #[inline]
    pub fn insert(&mut self, doc: DocId) {
        self.words[doc as usize / 64] |= 1 << (doc % 64);
    }

    #[inline]
    pub fn contains(&self, doc: DocId) -> bool {
        (self.words[doc as usize / 64] >> (doc % 64)) & 1 == 1
    }

    /// Inserts every document of a posting list.
    pub fn insert_postings(&mut self, postings: BlockSegmentPostings) {
        for_each_block(postings, |docs| {
            docs.iter().for_each(|&doc| self.insert(doc))
        });
    }

    /// Removes the documents of `other`, a set over the same documents.
    pub fn remove_all(&mut self, other: &DocBits) {
        for (word, other) in self.words.iter_mut().zip(&other.words) {
            *word &= !other;
        }
    }

    /// How many documents the set holds.
    pub fn len(&self) -> u64 {
        self.words.iter().map(|w| u64::from(w.count_ones())).sum()
    }

    /// Bytes the set takes.
    pub fn bytes(&self) -> usize {
        self.words.len() * 8
    }

    /// The documents, in order.
    pub fn iter(&self) -> impl Iterator<Item = DocId> + '_ {
        self.words.iter().enumerate().flat_map(|(at, &word)| {
            let base = (at * 64) as DocId;
            let mut word = word;
            std::iter::from_fn(move || {
                (word != 0).then(|| {
                    let doc = base + word.trailing_zeros();
                    word &= word - 1;
                    doc
                })
            })
        })
    }
}

/// Calls `each` with the documents of a posting list, a block at a time, deleted documents
/// included.
pub fn for_each_block(mut postings: BlockSegmentPostings, mut each: impl FnMut(&[DocId])) {
    loop {
        let docs = postings.docs();
        if docs.is_empty() {
            return;
        }
        each(docs);
        postings.advance();
    }
}

/// The posting lists a segment holds of a few terms.
pub struct SegmentTerms(Vec<(Arc<InvertedIndexReader>, TermInfo)>);

impl SegmentTerms {
    /// No list at all.
    pub fn none() -> SegmentTerms {
        SegmentTerms(Vec::new())
    }

    pub fn of(reader: &SegmentReader, terms: &[Term]) -> tantivy::Result<SegmentTerms> {
        let mut held = Vec::with_capacity(terms.len());
        for term in terms {
            let index = reader.inverted_index(term.field())?;
            if let Some(info) = index.get_term_info(term)? {
                held.push((index, info));
            }
        }
        Ok(SegmentTerms(held))
    }

    /// How many of the terms the segment holds.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Postings of all the lists, deleted documents included.
    pub fn postings(&self) -> u64 {
        self.0
            .iter()
            .map(|(_, info)| u64::from(info.doc_freq))
            .sum()
    }

    /// The lists, to be read a block at a time.
    pub fn blocks(&self) -> std::io::Result<Vec<BlockSegmentPostings>> {
        self.0
            .iter()
            .map(|(index, info)| {
                index.read_block_postings_from_terminfo(info, IndexRecordOption::Basic)
            })
            .collect()
    }

    /// The lists, to seek in.
    pub fn lists(&self) -> std::io::Result<Vec<SegmentPostings>> {
        self.0
            .iter()
            .map(|(index, info)| index.read_postings_from_terminfo(info, IndexRecordOption::Basic))
            .collect()
    }

    /// The documents of all the lists.
    pub fn bits(&self, max_doc: DocId) -> std::io::Result<DocBits> {
        let mut bits = DocBits::new(max_doc);
        for postings in self.blocks()? {
            bits.insert_postings(postings);
        }
        Ok(bits)
    }
}

#[cfg(test)]
pub mod tests {
    //! 1. A set holds what was inserted and not removed, counts it, and lists it in order.
    //! 2. The lists of a segment's terms read into a set hold the documents of those terms.
    use super::*;
    use tantivy::schema::{Field, Schema, STRING};
    use tantivy::{Index, IndexWriter, TantivyDocument};

    #[test]
    fn it_holds_lists_and_counts_its_documents() {
        let mut bits = DocBits::new(200);
        for doc in [0, 1, 63, 64, 65, 66, 127, 128, 199, 64] {
            bits.insert(doc);
        }
        let mut gone = DocBits::new(200);
        for doc in [1, 2, 66] {
            gone.insert(doc);
        }
        bits.remove_all(&gone);
        assert_eq!(
            bits.iter().collect::<Vec<_>>(),
            [0, 63, 64, 65, 127, 128, 199]
        );
        assert_eq!(bits.len(), 7);
        assert!(bits.contains(199) && !bits.contains(1) && !bits.contains(198));
        assert_eq!(DocBits::new(0).len(), 0);
        assert_eq!(DocBits::new(0).iter().count(), 0);
    }

    /// One segment of `docs` documents, each with the statuses `statuses` gives it.
    pub fn status_index(
        docs: usize,
        statuses: impl Fn(usize) -> Vec<&'static str>,
    ) -> (Index, Field) {
        let mut builder = Schema::builder();
        let status = builder.add_text_field("status", STRING);
        let index = Index::create_in_ram(builder.build());
        let mut writer: IndexWriter = index.writer_with_num_threads(1, 15_000_000).unwrap();
        for n in 0..docs {
            let mut doc = TantivyDocument::default();
            for s in statuses(n) {
                doc.add_text(status, s);
            }
            writer.add_document(doc).unwrap();
        }
        writer.commit().unwrap();
        (index, status)
    }

    #[test]
    fn a_segments_lists_read_into_a_set_hold_their_documents() {
        let (index, status) = status_index(1000, |n| vec![["held", "planned", "call"][n % 3]]);
        let searcher = index.reader().unwrap().searcher();
        let reader = searcher.segment_reader(0);
        let terms: Vec<Term> = ["planned", "call", "nosuch"]
            .into_iter()
            .map(|s| Term::from_field_text(status, s))
            .collect();
        let lists = SegmentTerms::of(reader, &terms).unwrap();
        assert_eq!((lists.len(), lists.postings()), (2, 666));
        let bits = lists.bits(reader.max_doc()).unwrap();
        let want: Vec<DocId> = (0..1000).filter(|n| n % 3 != 0).collect();
        assert_eq!(bits.iter().collect::<Vec<_>>(), want);
    }
}
