//! [`Excluding`]: the matches of a query minus the documents holding any of a few terms (the
//! ledger documents, planned meetings and calls that a search hides), answered like the boolean
//! query `positive AND NOT (t1 OR t2 …)` it stands for, and built from it.
//!
//! tantivy answers that boolean query by seeking, for each candidate, in the union of the
//! excluded posting lists: most of the time of a search that goes over many matches, such as
//! facet counts. When nothing is scored, `Excluding` instead reads the excluded postings of a
//! segment into a bit set once and drops the candidates found in it. Scored searches, and
//! segments where the candidates are so few that seeking costs less, go through the boolean
//! query itself, so hits, scores and counts are those of the boolean query.

use tantivy::query::{
    BooleanQuery, EnableScoring, Explanation, Occur, Query, Scorer, TermQuery, Weight,
};
use tantivy::schema::IndexRecordOption;
use tantivy::{DocId, DocSet, Score, SegmentReader, Term, COLLECT_BLOCK_BUFFER_LEN};

/// A candidate seeks in the excluded postings for about as long as this many excluded postings
/// take to read into a bit set.
const POSTINGS_PER_SEEK: u64 = 16;

/// `positive` without the documents that hold any of `excluded`.
#[derive(Debug)]
pub struct Excluding {
    positive: Box<dyn Query>,
    excluded: Vec<Term>,
    /// The boolean query it stands for: each of the clauses of `positive` (or `positive`
    /// itself) `MUST`, then `MUST_NOT` the union of the excluded terms.
    boolean: BooleanQuery,
    /// [`POSTINGS_PER_SEEK`]; tests force one way or the other with 0 or `u64::MAX`.
    postings_per_seek: u64,
}

impl Clone for Excluding {
    fn clone(&self) -> Self {
        Excluding {
            positive: self.positive.box_clone(),
            excluded: self.excluded.clone(),
            boolean: self.boolean.clone(),
            postings_per_seek: self.postings_per_seek,
        }
    }
}

impl Excluding {
    /// Every one of `musts` must match, and no term of `excluded` may. Scores are those of
    /// the boolean query of `musts`.
    pub fn new(mut musts: Vec<Box<dyn Query>>, excluded: Vec<Term>) -> Excluding {
        let union: Vec<(Occur, Box<dyn Query>)> = excluded
            .iter()
            .map(|t| {
                let q = TermQuery::new(t.clone(), IndexRecordOption::Basic);
                (Occur::Should, Box::new(q) as Box<dyn Query>)
            })
            .collect();
        let mut clauses: Vec<(Occur, Box<dyn Query>)> =
            musts.iter().map(|q| (Occur::Must, q.box_clone())).collect();
        clauses.push((Occur::MustNot, Box::new(BooleanQuery::new(union))));
        let positive: Box<dyn Query> = match musts.len() {
            1 => musts.swap_remove(0),
            _ => Box::new(BooleanQuery::new(
                musts.into_iter().map(|q| (Occur::Must, q)).collect(),
            )),
        };
        Excluding {
            positive,
            excluded,
            boolean: BooleanQuery::new(clauses),
            postings_per_seek: POSTINGS_PER_SEEK,
        }
    }
}

impl Query for Excluding {
    fn weight(&self, enable_scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        // The positive part is only ever walked unscored.
        let unscored = match enable_scoring.searcher() {
            Some(searcher) => EnableScoring::disabled_from_searcher(searcher),
            None => EnableScoring::disabled_from_schema(enable_scoring.schema()),
        };
        Ok(Box::new(ExcludingWeight {
            positive: self.positive.weight(unscored)?,
            boolean: self.boolean.weight(enable_scoring)?,
            excluded: self.excluded.clone(),
            postings_per_seek: self.postings_per_seek,
        }))
    }

    fn query_terms<'a>(&'a self, visitor: &mut dyn FnMut(&'a Term, bool)) {
        self.boolean.query_terms(visitor);
    }
}

struct ExcludingWeight {
    positive: Box<dyn Weight>,
    boolean: Box<dyn Weight>,
    excluded: Vec<Term>,
    postings_per_seek: u64,
}

impl Weight for ExcludingWeight {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        self.boolean.scorer(reader, boost)
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        self.boolean.explain(reader, doc)
    }

    fn count(&self, reader: &SegmentReader) -> tantivy::Result<u32> {
        self.boolean.count(reader)
    }

    fn for_each(
        &self,
        reader: &SegmentReader,
        callback: &mut dyn FnMut(DocId, Score),
    ) -> tantivy::Result<()> {
        self.boolean.for_each(reader, callback)
    }

    fn for_each_pruning(
        &self,
        threshold: Score,
        reader: &SegmentReader,
        callback: &mut dyn FnMut(DocId, Score) -> Score,
    ) -> tantivy::Result<()> {
        self.boolean.for_each_pruning(threshold, reader, callback)
    }

    fn for_each_no_score(
        &self,
        reader: &SegmentReader,
        callback: &mut dyn FnMut(&[DocId]),
    ) -> tantivy::Result<()> {
        let mut excluded = Vec::with_capacity(self.excluded.len());
        let mut postings = 0u64;
        for term in &self.excluded {
            let index = reader.inverted_index(term.field())?;
            if let Some(info) = index.get_term_info(term)? {
                postings += u64::from(info.doc_freq);
                excluded.push((index, info));
            }
        }
        let mut candidates = self.positive.scorer(reader, 1.0)?;
        if candidates.cost().saturating_mul(self.postings_per_seek) < postings {
            return self.boolean.for_each_no_score(reader, callback);
        }
        let mut hidden = vec![0u64; (reader.max_doc() as usize).div_ceil(64)];
        for (index, info) in excluded {
            let mut block =
                index.read_block_postings_from_terminfo(&info, IndexRecordOption::Basic)?;
            loop {
                let docs = block.docs();
                if docs.is_empty() {
                    break;
                }
                for &doc in docs {
                    hidden[doc as usize / 64] |= 1 << (doc % 64);
                }
                block.advance();
            }
        }
        let mut buffer = [0; COLLECT_BLOCK_BUFFER_LEN];
        let mut kept = Vec::with_capacity(COLLECT_BLOCK_BUFFER_LEN);
        loop {
            let n = candidates.fill_buffer(&mut buffer);
            kept.clear();
            kept.extend(
                buffer[..n]
                    .iter()
                    .copied()
                    .filter(|&doc| (hidden[doc as usize / 64] >> (doc % 64)) & 1 == 0),
            );
            if !kept.is_empty() {
                callback(&kept);
            }
            if n < buffer.len() {
                return Ok(());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    //! 1. The same documents as the boolean query it stands for, whether walked unscored
    //!    through the bit set or by seeking, or scored, over segments with deleted documents.
    use super::*;
    use tantivy::collector::{Count, DocSetCollector, TopDocs};
    use tantivy::indexer::NoMergePolicy;
    use tantivy::query::{AllQuery, ConstScoreQuery, QueryParser};
    use tantivy::schema::{Schema, STRING, TEXT};
    use tantivy::{DocAddress, Index, IndexWriter, TantivyDocument};

    #[test]
    fn it_matches_what_the_boolean_query_matches() {
        let mut builder = Schema::builder();
        let text = builder.add_text_field("text", TEXT);
        let status = builder.add_text_field("status", STRING);
        let index = Index::create_in_ram(builder.build());
        let mut writer: IndexWriter = index.writer_with_num_threads(1, 15_000_000).unwrap();
        writer.set_merge_policy(Box::new(NoMergePolicy));
        let statuses = ["held", "planned", "held", "call", "ledger", "held"];
        for segment in 0..3 {
            for n in 0..500 {
                let mut doc = TantivyDocument::default();
                let words = ["cooperation", "training", "cooperation training", "visit"];
                doc.add_text(text, words[(n * 7 + segment) % words.len()]);
                doc.add_text(status, statuses[(n + segment) % statuses.len()]);
                if n % 11 == 0 {
                    doc.add_text(status, "call");
                }
                writer.add_document(doc).unwrap();
            }
            writer.commit().unwrap();
        }
        writer.delete_term(Term::from_field_text(text, "visit"));
        writer.commit().unwrap();
        let searcher = index.reader().unwrap().searcher();
        assert_eq!(searcher.segment_readers().len(), 3);

        let parser = QueryParser::for_index(&index, vec![text]);
        let hidden: Vec<Term> = ["ledger", "planned", "call"]
            .into_iter()
            .map(|s| Term::from_field_text(status, s))
            .collect();
        let clause_sets: Vec<Vec<Box<dyn Query>>> = vec![
            vec![parser.parse_query("cooperation").unwrap()],
            vec![Box::new(AllQuery)],
            vec![
                parser.parse_query("cooperation OR visit").unwrap(),
                Box::new(ConstScoreQuery::new(
                    parser.parse_query("training").unwrap(),
                    0.0,
                )),
            ],
            vec![parser.parse_query("nosuchword").unwrap()],
        ];
        let cloned = |clauses: &[Box<dyn Query>]| -> Vec<Box<dyn Query>> {
            clauses.iter().map(|q| q.box_clone()).collect()
        };
        let docs = |q: &dyn Query| {
            let mut d: Vec<DocAddress> = searcher
                .search(q, &DocSetCollector)
                .unwrap()
                .into_iter()
                .collect();
            d.sort_unstable();
            d
        };
        for clauses in &clause_sets {
            let mut all: Vec<(Occur, Box<dyn Query>)> = cloned(clauses)
                .into_iter()
                .map(|q| (Occur::Must, q))
                .collect();
            let union = hidden
                .iter()
                .map(|t| {
                    let q = TermQuery::new(t.clone(), IndexRecordOption::Basic);
                    (Occur::Should, Box::new(q) as Box<dyn Query>)
                })
                .collect();
            all.push((Occur::MustNot, Box::new(BooleanQuery::new(union))));
            let boolean = BooleanQuery::new(all);
            let want = docs(&boolean);
            for postings_per_seek in [0, POSTINGS_PER_SEEK, u64::MAX] {
                let mut excluding = Excluding::new(cloned(clauses), hidden.clone());
                excluding.postings_per_seek = postings_per_seek;
                assert_eq!(docs(&excluding), want, "{boolean:?} {postings_per_seek}");
                let scored = (TopDocs::with_limit(2000).order_by_score(), Count);
                assert_eq!(
                    searcher.search(&excluding, &scored).unwrap(),
                    searcher.search(&boolean, &scored).unwrap()
                );
                assert_eq!(searcher.search(&excluding, &Count).unwrap(), want.len());
            }
        }
    }
}
