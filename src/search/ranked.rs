//! [`RankedTop`]: the best hits of a search by score, a page of them, each segment ranked with
//! pruning (the weight skips the documents that cannot enter the page: block-max WAND for a
//! union of terms), in the order tantivy's `TopDocs` promises: score, then address.
//!
//! tantivy's `TopDocs` ranks with pruning only when it is the only collector of a search, and
//! then merges the segments' hits in the order its heaps leave them; past a page's worth of
//! hits of one score, it may keep a later address over an earlier one. Here the segments' hits
//! are merged sorted, as `TopDocs` merges them when it walks every match.

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
        _reader: &SegmentReader,
    ) -> tantivy::Result<SegmentRanked> {
        let k = self.offset + self.limit;
        Ok(SegmentRanked {
            best: BinaryHeap::with_capacity(k),
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
mod tests {
    //! 1. A page of hits is that of `TopDocs` walking every match, pruned or not, over segments
    //!    with deleted documents and pages full of tied scores (where `TopDocs` ranking alone
    //!    may differ).
    use super::*;
    use tantivy::collector::{Count, TopDocs};
    use tantivy::indexer::NoMergePolicy;
    use tantivy::query::QueryParser;
    use tantivy::schema::{Schema, TEXT};
    use tantivy::{Index, IndexWriter, TantivyDocument, Term};

    #[test]
    fn a_page_is_that_of_top_docs_walking_every_match() {
        let mut builder = Schema::builder();
        let text = builder.add_text_field("text", TEXT);
        let index = Index::create_in_ram(builder.build());
        let mut writer: IndexWriter = index.writer_with_num_threads(1, 15_000_000).unwrap();
        writer.set_merge_policy(Box::new(NoMergePolicy));
        // Segments are searched largest first: one of weaker hits and a few of the best, one
        // with a few of the best, then one with many, all tied: a page's ties are spread over
        // segments unevenly.
        let docs = |size: usize, text_of: &dyn Fn(usize) -> String| {
            (0..size).map(text_of).collect::<Vec<_>>()
        };
        let segments = [
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
        ];
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
        let searcher = index.reader().unwrap().searcher();
        let parser = QueryParser::for_index(&index, vec![text]);
        for q in [
            "cooperation",
            "cooperation OR talks",
            "\"cooperation talks\"",
        ] {
            let query = parser.parse_query(q).unwrap();
            for (limit, offset) in [(1, 0), (10, 0), (25, 5), (300, 100), (2000, 0)] {
                let top = TopDocs::with_limit(limit)
                    .and_offset(offset)
                    .order_by_score();
                let (want, _) = searcher.search(&query, &(top, Count)).unwrap();
                let got = searcher
                    .search(&query, &RankedTop::new(limit, offset))
                    .unwrap();
                assert_eq!(got, want, "{q} {limit} {offset}");
            }
        }
    }
}
