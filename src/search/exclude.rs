//! [`Excluding`]: the matches of a query minus the documents holding any of a few terms (the
//! ledger documents, planned meetings and calls that a search hides), answered like the boolean
//! query `positive AND NOT (t1 OR t2 …)` it stands for, and built from it.
//!
//! tantivy answers that boolean query by seeking, for each candidate, in the union of the
//! excluded posting lists: most of the time of a search that goes over many matches. Here:
//!
//! - a walk over every match (unscored, for counts and facets, or scored) drops the hidden
//!   candidates as [`Hidden`] tells them: by seeking while they are few, from a bit set of the
//!   excluded postings once they are many. When the positive part is one word searched in
//!   several fields (a union of terms, see [`Excluding::matching_any_of`]), an unscored walk
//!   reads the terms' postings into a bit set too, without merging the lists;
//! - ranking the best matches walks the positive part as tantivy ranks it, block-max WAND
//!   included, and looks up only the documents good enough to enter the ranking: a common
//!   word is ranked without scoring all of its matches ([`Excluding::ranks_by_pruning`]).
//!
//! Scores are those of the positive part's scorer, which is the boolean query's own (its
//! excluded clause adds nothing), so hits, scores and counts are the boolean query's. The one
//! scorer that could round a score differently is block-max WAND over three terms or more (it
//! adds them in another order); that ranking is left to the plain walk.

use tantivy::query::{
    BooleanQuery, EnableScoring, Explanation, Occur, Query, Scorer, TermQuery, Weight,
};
use tantivy::schema::IndexRecordOption;
use tantivy::{
    DocId, DocSet, Score, Searcher, SegmentReader, Term, COLLECT_BLOCK_BUFFER_LEN, TERMINATED,
};

use super::bits::{DocBits, SegmentTerms};
use super::hidden::{Hidden, POSTINGS_PER_SEEK};

/// Block-max WAND adds the scores of the terms of a union in the order their posting lists
/// stand at; with up to this many terms the order makes no difference to the sum.
const EXACT_WAND_TERMS: usize = 2;

/// `positive` without the documents that hold any of `excluded`.
#[derive(Debug)]
pub struct Excluding {
    positive: Box<dyn Query>,
    excluded: Vec<Term>,
    /// The boolean query it stands for: each of the clauses of `positive` (or `positive`
    /// itself) `MUST`, then `MUST_NOT` the union of the excluded terms.
    boolean: BooleanQuery,
    /// The terms `positive` is the union of, when it is one.
    any_of: Option<Vec<Term>>,
    /// [`POSTINGS_PER_SEEK`]; tests force seeking with 0, bit sets with `u64::MAX`.
    postings_per_seek: u64,
}

impl Clone for Excluding {
    fn clone(&self) -> Self {
        Excluding {
            positive: self.positive.box_clone(),
            excluded: self.excluded.clone(),
            boolean: self.boolean.clone(),
            any_of: self.any_of.clone(),
            postings_per_seek: self.postings_per_seek,
        }
    }
}

impl Excluding {
    /// Every one of `musts` must match, and no term of `excluded` may. Scores are those of
    /// the boolean query of `musts`.
    pub fn new(mut musts: Vec<Box<dyn Query>>, excluded: Vec<Term>) -> Excluding {
        let mut clauses: Vec<(Occur, Box<dyn Query>)> =
            musts.iter().map(|q| (Occur::Must, q.box_clone())).collect();
        clauses.push((Occur::MustNot, Box::new(any_term(&excluded))));
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
            any_of: None,
            postings_per_seek: POSTINGS_PER_SEEK,
        }
    }

    /// `positive` alone, known to match exactly the documents that hold any of `terms` (its
    /// scores may boost some terms): one word searched in several fields. Its matches are
    /// then read from the terms' postings, and ranking it may skip most of them.
    pub fn matching_any_of(
        positive: Box<dyn Query>,
        terms: Vec<Term>,
        excluded: Vec<Term>,
    ) -> Excluding {
        Excluding {
            any_of: Some(terms),
            ..Excluding::new(vec![positive], excluded)
        }
    }

    /// Whether ranking by score skips most matches on every segment of `searcher` (block-max
    /// WAND over a union of terms) and gives the scores of the full walk. A search that needs
    /// the best matches and a count of all of them then ranks first and counts in an unscored
    /// walk, cheaper than scoring every match.
    pub fn ranks_by_pruning(&self, searcher: &Searcher) -> tantivy::Result<bool> {
        let Some(terms) = &self.any_of else {
            return Ok(false);
        };
        for reader in searcher.segment_readers() {
            if SegmentTerms::of(reader, terms)?.len() > EXACT_WAND_TERMS {
                return Ok(false);
            }
        }
        Ok(true)
    }
}

/// The terms of `query` when it matches exactly the documents holding any of them: a term
/// query, or a union of term queries (what the query parser makes of one word searched in
/// several fields, when it boosts none of them).
pub fn term_union(query: &dyn Query) -> Option<Vec<Term>> {
    if let Some(term) = query.downcast_ref::<TermQuery>() {
        return Some(vec![term.term().clone()]);
    }
    let union = query.downcast_ref::<BooleanQuery>()?;
    if union.get_minimum_number_should_match() > 1 {
        return None;
    }
    union
        .clauses()
        .iter()
        .map(|(occur, q)| match (occur, q.downcast_ref::<TermQuery>()) {
            (Occur::Should, Some(term)) => Some(term.term().clone()),
            _ => None,
        })
        .collect()
}

/// The union of the documents holding any of `terms`, unscored.
fn any_term(terms: &[Term]) -> BooleanQuery {
    BooleanQuery::new(
        terms
            .iter()
            .map(|t| {
                let q = TermQuery::new(t.clone(), IndexRecordOption::Basic);
                (Occur::Should, Box::new(q) as Box<dyn Query>)
            })
            .collect(),
    )
}

impl Query for Excluding {
    fn weight(&self, enable_scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        let unscored = match enable_scoring.searcher() {
            Some(searcher) => EnableScoring::disabled_from_searcher(searcher),
            None => EnableScoring::disabled_from_schema(enable_scoring.schema()),
        };
        Ok(Box::new(ExcludingWeight {
            candidates: self.positive.weight(unscored)?,
            scored: self.positive.weight(enable_scoring)?,
            boolean: self.boolean.weight(enable_scoring)?,
            excluded: self.excluded.clone(),
            any_of: self.any_of.clone(),
            postings_per_seek: self.postings_per_seek,
        }))
    }

    fn query_terms<'a>(&'a self, visitor: &mut dyn FnMut(&'a Term, bool)) {
        self.boolean.query_terms(visitor);
    }
}

struct ExcludingWeight {
    /// The positive part, unscored: the candidates of counts and unscored walks.
    candidates: Box<dyn Weight>,
    /// The positive part, scored as the boolean query scores it.
    scored: Box<dyn Weight>,
    boolean: Box<dyn Weight>,
    excluded: Vec<Term>,
    any_of: Option<Vec<Term>>,
    postings_per_seek: u64,
}

/// What a segment keeps of the positive part's candidates.
enum Kept {
    /// Every document kept, deleted ones included.
    Bits(DocBits),
    /// The candidates, to drop the hidden ones from.
    Walk(Box<dyn Scorer>, Hidden),
}

impl Kept {
    /// Calls `each` with the documents kept, deleted ones included, a block at a time, in
    /// order.
    fn for_each(self, each: &mut dyn FnMut(&[DocId])) {
        let mut block = Vec::with_capacity(COLLECT_BLOCK_BUFFER_LEN);
        match self {
            Kept::Bits(kept) => {
                for doc in kept.iter() {
                    block.push(doc);
                    if block.len() == COLLECT_BLOCK_BUFFER_LEN {
                        each(&block);
                        block.clear();
                    }
                }
            }
            Kept::Walk(mut candidates, mut hidden) => {
                let mut buffer = [0; COLLECT_BLOCK_BUFFER_LEN];
                loop {
                    let n = candidates.fill_buffer(&mut buffer);
                    let visible = hidden.keep_visible(&mut buffer[..n]);
                    if visible > 0 {
                        each(&buffer[..visible]);
                    }
                    if n < buffer.len() {
                        return;
                    }
                }
            }
        }
        if !block.is_empty() {
            each(&block);
        }
    }
}

impl ExcludingWeight {
    fn kept(&self, reader: &SegmentReader) -> tantivy::Result<Kept> {
        let mut hidden = Hidden::open(reader, &self.excluded, self.postings_per_seek)?;
        if let Some(terms) = &self.any_of {
            let positive = SegmentTerms::of(reader, terms)?;
            if hidden.are_many(positive.postings()) {
                // The union's postings and the hidden ones, each read into a bit set: the
                // lists are neither merged nor sought in.
                let mut kept = positive.bits(reader.max_doc())?;
                kept.remove_all(hidden.read_all());
                return Ok(Kept::Bits(kept));
            }
        }
        let candidates = self.candidates.scorer(reader, 1.0)?;
        if hidden.are_many(candidates.cost()) {
            hidden.read_all();
        }
        Ok(Kept::Walk(candidates, hidden))
    }
}

impl Weight for ExcludingWeight {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        self.boolean.scorer(reader, boost)
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        self.boolean.explain(reader, doc)
    }

    fn count(&self, reader: &SegmentReader) -> tantivy::Result<u32> {
        let kept = self.kept(reader)?;
        let Some(alive) = reader.alive_bitset() else {
            if let Kept::Bits(bits) = &kept {
                return Ok(bits.len() as u32);
            }
            let mut count = 0;
            kept.for_each(&mut |docs| count += docs.len() as u32);
            return Ok(count);
        };
        let mut count = 0;
        kept.for_each(&mut |docs| {
            count += docs.iter().filter(|&&doc| alive.is_alive(doc)).count() as u32;
        });
        Ok(count)
    }

    fn for_each_no_score(
        &self,
        reader: &SegmentReader,
        callback: &mut dyn FnMut(&[DocId]),
    ) -> tantivy::Result<()> {
        self.kept(reader)?.for_each(callback);
        Ok(())
    }

    fn for_each(
        &self,
        reader: &SegmentReader,
        callback: &mut dyn FnMut(DocId, Score),
    ) -> tantivy::Result<()> {
        let mut hidden = Hidden::open(reader, &self.excluded, self.postings_per_seek)?;
        let mut scorer = self.scored.scorer(reader, 1.0)?;
        let mut doc = scorer.doc();
        while doc != TERMINATED {
            if !hidden.contains(doc) {
                callback(doc, scorer.score());
            }
            doc = scorer.advance();
        }
        Ok(())
    }

    fn for_each_pruning(
        &self,
        threshold: Score,
        reader: &SegmentReader,
        callback: &mut dyn FnMut(DocId, Score) -> Score,
    ) -> tantivy::Result<()> {
        // Only the documents that score above the threshold are looked up.
        let mut hidden = Hidden::open(reader, &self.excluded, self.postings_per_seek)?;
        let mut current = threshold;
        let mut kept = |doc: DocId, score: Score| -> Score {
            if !hidden.contains(doc) {
                current = callback(doc, score);
            }
            current
        };
        let exact_wand = match &self.any_of {
            Some(terms) => SegmentTerms::of(reader, terms)?.len() <= EXACT_WAND_TERMS,
            None => false,
        };
        if exact_wand {
            return self.scored.for_each_pruning(threshold, reader, &mut kept);
        }
        let mut scorer = self.scored.scorer(reader, 1.0)?;
        let mut above = threshold;
        let mut doc = scorer.doc();
        while doc != TERMINATED {
            let score = scorer.score();
            if score > above {
                above = kept(doc, score);
            }
            doc = scorer.advance();
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    //! 1. The same documents, counts, hits and scores as the boolean query it stands for (its
    //!    every match sorted by score, then address), whether the hidden documents are looked
    //!    up by seeking or in a bit set, walked unscored, scored, or ranked alone with pruning,
    //!    over segments with deleted documents and many tied scores.
    //! 2. One word over several fields (a union of boosted terms) is read from its postings,
    //!    and ranked with block-max WAND only where at most two of its terms are in a segment.
    //! 3. Only term queries and unions of them are taken for unions of terms.
    use super::*;
    use crate::search::ranked::tests::every_match_ranked;
    use crate::search::ranked::RankedTop;
    use tantivy::collector::{Count, DocSetCollector, TopDocs};
    use tantivy::indexer::NoMergePolicy;
    use tantivy::query::{AllQuery, BoostQuery, ConstScoreQuery, PhraseQuery, QueryParser};
    use tantivy::schema::{Field, Schema, STRING, TEXT};
    use tantivy::{DocAddress, Index, IndexWriter, TantivyDocument};

    struct Corpus {
        index: Index,
        text: Field,
        title: Field,
        names: Field,
        hidden: Vec<Term>,
    }

    /// Three segments of documents with texts of a few lengths (so scores repeat), every
    /// status, some with two; `guler` in every field of some documents, `cooperation` in only
    /// text and title; then some documents deleted.
    fn corpus() -> Corpus {
        let mut builder = Schema::builder();
        let text = builder.add_text_field("text", TEXT);
        let title = builder.add_text_field("title", TEXT);
        let names = builder.add_text_field("names", TEXT);
        let status = builder.add_text_field("status", STRING);
        let index = Index::create_in_ram(builder.build());
        let mut writer: IndexWriter = index.writer_with_num_threads(1, 15_000_000).unwrap();
        writer.set_merge_policy(Box::new(NoMergePolicy));
        let statuses = ["held", "planned", "held", "call", "ledger", "held", "held"];
        let words = [
            "cooperation",
            "training",
            "cooperation training",
            "visit",
            "talks",
        ];
        for segment in 0..3 {
            for n in 0..700usize {
                let mut doc = TantivyDocument::default();
                let filler = "and the ".repeat(n % 5);
                let word = words[(n * 7 + segment) % words.len()];
                doc.add_text(text, format!("{filler}{word} {}", word.repeat(n % 3)));
                if n % 4 == 0 {
                    doc.add_text(title, format!("{} cooperation", "defence ".repeat(n % 3)));
                }
                if n % 9 == 0 {
                    doc.add_text(title, "guler visit");
                    doc.add_text(text, "guler");
                    doc.add_text(names, "yasar guler");
                }
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
        let hidden = ["ledger", "planned", "call"]
            .into_iter()
            .map(|s| Term::from_field_text(status, s))
            .collect();
        Corpus {
            index,
            text,
            title,
            names,
            hidden,
        }
    }

    impl Corpus {
        /// `q` over the three fields, words ANDed, with the given boosts of title and names.
        fn parse(&self, q: &str, boosts: (f32, f32)) -> Box<dyn Query> {
            let mut parser =
                QueryParser::for_index(&self.index, vec![self.text, self.title, self.names]);
            parser.set_conjunction_by_default();
            parser.set_field_boost(self.title, boosts.0);
            parser.set_field_boost(self.names, boosts.1);
            parser.parse_query(q).unwrap()
        }

        /// The straightforward query: every one of `musts`, and none of the hidden terms.
        fn boolean(&self, musts: &[Box<dyn Query>]) -> BooleanQuery {
            let mut clauses: Vec<(Occur, Box<dyn Query>)> =
                musts.iter().map(|q| (Occur::Must, q.box_clone())).collect();
            clauses.push((Occur::MustNot, Box::new(any_term(&self.hidden))));
            BooleanQuery::new(clauses)
        }
    }

    fn docs(searcher: &Searcher, q: &dyn Query) -> Vec<DocAddress> {
        let mut d: Vec<DocAddress> = searcher
            .search(q, &DocSetCollector)
            .unwrap()
            .into_iter()
            .collect();
        d.sort_unstable();
        d
    }

    /// `excluding` answers as `boolean` does, every way it can be run.
    fn assert_same(searcher: &Searcher, excluding: &Excluding, boolean: &BooleanQuery) {
        let what = format!("{boolean:?} {}", excluding.postings_per_seek);
        assert_eq!(docs(searcher, excluding), docs(searcher, boolean), "{what}");
        let count = searcher.search(boolean, &Count).unwrap();
        assert_eq!(searcher.search(excluding, &Count).unwrap(), count, "{what}");
        let every = every_match_ranked(searcher, boolean);
        assert_eq!(every.len(), count, "{what}");
        for (limit, offset) in [(1, 0), (10, 0), (10, 3), (3000, 0)] {
            let want: Vec<_> = every.iter().copied().skip(offset).take(limit).collect();
            let top = RankedTop::new(limit, offset);
            assert_eq!(
                searcher.search(excluding, &(top, Count)).unwrap(),
                (want.clone(), count),
                "{what} {limit}"
            );
            let top = RankedTop::new(limit, offset);
            assert_eq!(
                searcher.search(excluding, &top).unwrap(),
                want,
                "ranked alone: {what} {limit}"
            );
            // tantivy's own ranking, every match walked: the same pushes, the same page.
            let top = || {
                TopDocs::with_limit(limit)
                    .and_offset(offset)
                    .order_by_score()
            };
            assert_eq!(
                searcher.search(excluding, &(top(), Count)).unwrap(),
                searcher.search(boolean, &(top(), Count)).unwrap(),
                "{what} {limit}"
            );
        }
        // tantivy's ranking alone (pruned), of every match, as a collapsed search ranks.
        let all = TopDocs::with_limit(count.max(1)).order_by_score();
        assert_eq!(searcher.search(excluding, &all).unwrap(), every, "{what}");
    }

    #[test]
    fn it_answers_as_the_boolean_query_does() {
        let c = corpus();
        let searcher = c.index.reader().unwrap().searcher();
        assert_eq!(searcher.segment_readers().len(), 3);
        assert!(searcher.segment_readers().iter().all(|r| r.has_deletes()));

        let training = || c.parse("text:training", (1.0, 1.0));
        let clause_sets: Vec<Vec<Box<dyn Query>>> = vec![
            vec![c.parse("text:cooperation", (1.0, 1.0))],
            vec![Box::new(AllQuery)],
            vec![
                c.parse("cooperation OR visit", (1.5, 2.0)),
                Box::new(ConstScoreQuery::new(training(), 0.0)),
            ],
            vec![c.parse("guler", (1.5, 2.0))],
            vec![c.parse("guler", (1.5, 2.0)), training()],
            vec![c.parse("\"cooperation training\"", (1.0, 1.0))],
            vec![c.parse("nosuchword", (1.0, 1.0))],
        ];
        for clauses in &clause_sets {
            let boolean = c.boolean(clauses);
            for postings_per_seek in [0, POSTINGS_PER_SEEK, u64::MAX] {
                let cloned = clauses.iter().map(|q| q.box_clone()).collect();
                let mut excluding = Excluding::new(cloned, c.hidden.clone());
                excluding.postings_per_seek = postings_per_seek;
                assert_same(&searcher, &excluding, &boolean);
            }
        }
    }

    #[test]
    fn one_word_over_several_fields_is_read_from_its_postings() {
        let c = corpus();
        let searcher = c.index.reader().unwrap().searcher();
        // `cooperation` is in two fields, `guler` in three; with a field of its own, in one.
        for (q, wand) in [
            ("cooperation", true),
            ("guler", false),
            ("text:cooperation", true),
            ("names:guler", true),
            ("nosuchword", true),
        ] {
            let terms = term_union(&*c.parse(q, (1.0, 1.0))).expect(q);
            for boosts in [(1.0, 1.0), (1.5, 2.0)] {
                let positive = c.parse(q, boosts);
                let boolean = c.boolean(std::slice::from_ref(&positive));
                for postings_per_seek in [0, POSTINGS_PER_SEEK, u64::MAX] {
                    let mut excluding = Excluding::matching_any_of(
                        positive.box_clone(),
                        terms.clone(),
                        c.hidden.clone(),
                    );
                    excluding.postings_per_seek = postings_per_seek;
                    assert_eq!(excluding.ranks_by_pruning(&searcher).unwrap(), wand, "{q}");
                    assert_same(&searcher, &excluding, &boolean);
                }
            }
        }
    }

    #[test]
    fn only_terms_and_their_unions_are_unions_of_terms() {
        let c = corpus();
        let term = |s: &str| Term::from_field_text(c.text, s);
        let union = c.parse("cooperation", (1.0, 1.0));
        assert_eq!(
            term_union(&*union).unwrap(),
            [
                term("cooperation"),
                Term::from_field_text(c.title, "cooperation"),
                Term::from_field_text(c.names, "cooperation"),
            ]
        );
        assert_eq!(
            term_union(&*c.parse("text:cooperation", (1.0, 1.0))),
            Some(vec![term("cooperation")])
        );
        let boosted: Box<dyn Query> = Box::new(BoostQuery::new(
            Box::new(TermQuery::new(term("a"), IndexRecordOption::Basic)),
            2.0,
        ));
        let phrase: Box<dyn Query> = Box::new(PhraseQuery::new(vec![term("a"), term("b")]));
        for not_one in [
            c.parse("cooperation", (1.5, 2.0)),
            c.parse("cooperation training", (1.0, 1.0)),
            c.parse("text:cooperation AND text:training", (1.0, 1.0)),
            c.parse("cooperation -training", (1.0, 1.0)),
            boosted,
            phrase,
            Box::new(AllQuery),
        ] {
            assert_eq!(term_union(&*not_one), None, "{not_one:?}");
        }
    }
}
