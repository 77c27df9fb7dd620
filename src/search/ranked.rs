//! [`RankedTop`]: the best hits of a search by score, a page of them, in the order tantivy's
//! `TopDocs` promises: score, then address. Ranked alone, each segment is ranked with pruning
//! (the weight skips the documents that cannot enter the page: block-max WAND for a union of
//! terms); beside other collectors, over every match.
//!
//! tantivy's `TopDocs` merges the segments' hits in the order their collectors leave them
//! (after a partial selection, not sorted) and, once its buffer is full, drops a hit that ties
//! the page's last score: a later address can stay on a page over an earlier one of the same
//! score, whether it ranks alone or walks every match, and the two ways can keep different
//! ones. Here the segments' hits are merged sorted, so a page is the same however its segments
//! were walked.

use std::cmp::{Ordering, Reverse};
use std::collections::BinaryHeap;

use tantivy::collector::{Collector, SegmentCollector};
use tantivy::query::Weight;
use tantivy::{DocAddress, DocId, Score, SegmentOrdinal, SegmentReader};

/// The hits from `offset` to `offset + limit` by score.
pub struct RankedTop {
    limit: usize,
    offset: usize,
}

impl RankedTop {
    pub fn new(limit: usize, offset: usize) -> RankedTop {
        RankedTop { limit, offset }
    }
}

/// The best hits of one segment, which come in document order.
pub struct SegmentRanked {
    /// At most `k` hits, the least on top: lower scores, then later documents.
    best: BinaryHeap<Reverse<Hit>>,
    k: usize,
    segment: SegmentOrdinal,
}

#[derive(Debug, Clone, Copy, PartialEq)]
struct Hit {
    score: Score,
    doc: DocId,
}

impl Eq for Hit {}

impl Ord for Hit {
    fn cmp(&self, other: &Self) -> Ordering {
        self.score
            .total_cmp(&other.score)
            .then(other.doc.cmp(&self.doc))
    }
}

impl PartialOrd for Hit {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl SegmentRanked {
    /// The score the hits still to come must exceed to enter: a later document loses a tie.
    fn threshold(&self) -> Score {
        match self.best.peek() {
            Some(Reverse(least)) if self.best.len() == self.k => least.score,
            _ => Score::MIN,
        }
    }
}

impl SegmentCollector for SegmentRanked {
    type Fruit = Vec<(Score, DocAddress)>;

    fn collect(&mut self, doc: DocId, score: Score) {
        let hit = Hit { score, doc };
        if self.best.len() < self.k {
            self.best.push(Reverse(hit));
        } else if let Some(mut least) = self.best.peek_mut() {
            if score > least.0.score {
                *least = Reverse(hit);
            }
        }
    }

    fn harvest(self) -> Self::Fruit {
        self.best
            .into_sorted_vec()
            .into_iter()
            .map(|Reverse(hit)| (hit.score, DocAddress::new(self.segment, hit.doc)))
            .collect()
    }
}

impl Collector for RankedTop {
    type Fruit = Vec<(Score, DocAddress)>;
    type Child = SegmentRanked;

    fn for_segment(
        &self,
        segment: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<SegmentRanked> {
        let k = self.offset.saturating_add(self.limit);
        Ok(SegmentRanked {
            // A page may ask for more hits than the segment holds.
            best: BinaryHeap::with_capacity(k.min(reader.max_doc() as usize)),
            k,
            segment,
        })
    }

    fn requires_scoring(&self) -> bool {
        true
    }

    /// Hits come in document order, and only those scoring above the threshold.
    fn collect_segment(
        &self,
        weight: &dyn Weight,
        segment: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<Self::Fruit> {
        let mut ranked = self.for_segment(segment, reader)?;
        let alive = reader.alive_bitset();
        weight.for_each_pruning(Score::MIN, reader, &mut |doc, score| {
            if alive.is_none_or(|alive| alive.is_alive(doc)) {
                ranked.collect(doc, score);
            }
            ranked.threshold()
        })?;
        Ok(ranked.harvest())
    }

    fn merge_fruits(&self, segments: Vec<Self::Fruit>) -> tantivy::Result<Self::Fruit> {
        let mut hits: Vec<(Score, DocAddress)> = segments.into_iter().flatten().collect();
        hits.sort_unstable_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        Ok(hits
            .into_iter()
            .skip(self.offset)
            .take(self.limit)
            .collect())
    }
}

#[cfg(test)]
pub mod tests {
    //! 1. A page of hits is that of every match sorted by score, then address, ranked alone
    //!    (pruned) or beside another collector, over segments with deleted documents and pages
    //!    full of tied scores, among them one where tantivy's `TopDocs` keeps later addresses.
    use super::*;
    use tantivy::collector::Count;
    use tantivy::indexer::NoMergePolicy;
    use tantivy::query::{EnableScoring, Query, QueryParser};
    use tantivy::schema::{Schema, TEXT};
    use tantivy::{DocSet, Index, IndexWriter, Searcher, TantivyDocument, Term, TERMINATED};

    /// Every match of `query` that is not deleted, scored, sorted by score then address: the
    /// oracle of a ranked page.
    pub fn every_match_ranked(searcher: &Searcher, query: &dyn Query) -> Vec<(Score, DocAddress)> {
        let weight = query
            .weight(EnableScoring::enabled_from_searcher(searcher))
            .unwrap();
        let mut all = Vec::new();
        for (segment, reader) in searcher.segment_readers().iter().enumerate() {
            let mut scorer = weight.scorer(reader, 1.0).unwrap();
            let mut doc = scorer.doc();
            while doc != TERMINATED {
                if !reader.is_deleted(doc) {
                    all.push((
                        scorer.score(),
                        DocAddress::new(segment as SegmentOrdinal, doc),
                    ));
                }
                doc = scorer.advance();
            }
        }
        all.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        all
    }

    /// An index of one segment per list of texts, in that order, without merges.
    fn segments_of(segments: &[Vec<String>]) -> (Index, tantivy::schema::Field) {
        let mut builder = Schema::builder();
        let text = builder.add_text_field("text", TEXT);
        let index = Index::create_in_ram(builder.build());
        let mut writer: IndexWriter = index.writer_with_num_threads(1, 15_000_000).unwrap();
        writer.set_merge_policy(Box::new(NoMergePolicy));
        for texts in segments {
            for t in texts {
                let mut doc = TantivyDocument::default();
                doc.add_text(text, t);
                writer.add_document(doc).unwrap();
            }
            writer.commit().unwrap();
        }
        writer.delete_term(Term::from_field_text(text, "0"));
        writer.commit().unwrap();
        (index, text)
    }

    #[test]
    fn a_page_is_that_of_every_match_sorted() {
        let docs = |size: usize, text_of: &dyn Fn(usize) -> String| {
            (0..size).map(text_of).collect::<Vec<_>>()
        };
        let repeat = |n: usize, text: &str| vec![text.to_string(); n];
        let layouts = [
            // Segments are searched largest first: one of weaker hits and a few of the best,
            // one with a few of the best, then one with many, all tied: a page's ties are
            // spread over segments unevenly.
            vec![
                docs(400, &|n| match n % 150 {
                    0 => "cooperation talks".into(),
                    _ => format!("cooperation talks and many other words {}", n % 3),
                }),
                docs(300, &|n| {
                    if n % 100 == 0 {
                        "cooperation talks".into()
                    } else {
                        "visit".into()
                    }
                }),
                docs(100, &|n| {
                    if n % 9 == 0 {
                        "visit".into()
                    } else {
                        "cooperation talks".into()
                    }
                }),
            ],
            // The first two segments hold the best hits and fill half of TopDocs' merge
            // buffer with weaker ones; the page ends among the third's tied hits, which
            // TopDocs merges unsorted and cuts at its buffer's threshold.
            vec![
                [
                    repeat(3, "cooperation"),
                    repeat(7, "cooperation a b c d e f g h i j k l"),
                    repeat(300, "visit"),
                ]
                .concat(),
                [
                    repeat(3, "cooperation"),
                    repeat(2, "cooperation a b c d e f g h i j k l"),
                    repeat(200, "visit"),
                ]
                .concat(),
                repeat(100, "cooperation a b c"),
            ],
        ];
        for layout in &layouts {
            let (index, text) = segments_of(layout);
            let searcher = index.reader().unwrap().searcher();
            let parser = QueryParser::for_index(&index, vec![text]);
            for q in [
                "cooperation",
                "cooperation OR talks",
                "\"cooperation talks\"",
            ] {
                let query = parser.parse_query(q).unwrap();
                let all = every_match_ranked(&searcher, &*query);
                for (limit, offset) in [(1, 0), (7, 3), (10, 0), (25, 5), (300, 100), (2000, 0)] {
                    let want: Vec<_> = all.iter().copied().skip(offset).take(limit).collect();
                    let top = RankedTop::new(limit, offset);
                    let alone = searcher.search(&*query, &top).unwrap();
                    assert_eq!(alone, want, "alone: {q} {limit} {offset}");
                    let (walked, count) = searcher.search(&*query, &(top, Count)).unwrap();
                    assert_eq!((walked, count), (want, all.len()), "{q} {limit} {offset}");
                }
            }
        }
    }
}
