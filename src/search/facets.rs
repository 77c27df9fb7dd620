//! Facet counts over every match of a search: [`FacetCounter`], a collector that hands back, per
//! counted facet field, how many matching documents hold each first-level value (`/TR`, `/ADEX`)
//! and each child of chosen values (`/ADEX/2024`), as a [`Tally`].
//!
//! tantivy's `FacetCollector` looks up the values of each match in the field's column, then turns
//! every counted ordinal back into a path through the column's compressed dictionary, one block
//! decompressed per value and segment. Here the matches of a segment go into a bit set, and a
//! field is counted one of two ways:
//!
//! - **by postings**: every value term of the field's inverted index (facets index each prefix
//!   of a path, so `/ADEX` lists the documents of `/ADEX/2024` too) and the matching documents
//!   of its posting list. It costs the field's postings in the segment, however many matched;
//! - **by document**: the values of each matching document from the field's column, whose
//!   ordinals are turned into paths once, together, at the end. It costs the matches.
//!
//! Each segment takes the cheaper way for each field, and the posting lists it counts are shared
//! among the threads of the pool it runs on. Either way a document counts once per value however
//! many of its paths lie under it, as with `FacetCollector` (a document's ordinals are sorted,
//! so all of its paths under one value are adjacent), and deleted documents never reach the
//! collector. Segments merge by path, in their order.

use std::cmp::Ordering;
use std::collections::BTreeMap;

use rayon::prelude::*;
use tantivy::collector::{Collector, SegmentCollector};
use tantivy::postings::TermInfo;
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{DocId, InvertedIndexReader, Score, SegmentOrdinal, SegmentReader};

use super::bits::{for_each_block, DocBits};

/// What separates the segments of a facet path in the index (`/ADEX/2024` is `ADEX\0 2024`
/// without the space); tantivy keeps its own constant to itself.
const SEP: u8 = 0;

/// Counting by postings costs about this many times less per posting than by document per
/// match (a column look-up and a path number, against a block-decoded posting and a bit test),
/// as measured on a synthetic index of a million articles.
const POSTINGS_PER_MATCH: u64 = 48;

/// Counts, per facet field, the matching documents under each first-level value, and under
/// each child of the values listed with the field.
#[derive(Debug, Clone)]
pub struct FacetCounter {
    fields: Vec<Counted>,
    /// [`POSTINGS_PER_MATCH`]; tests force one way or the other with 0 or `u64::MAX`.
    postings_per_match: u64,
}

impl Default for FacetCounter {
    fn default() -> Self {
        FacetCounter {
            fields: Vec::new(),
            postings_per_match: POSTINGS_PER_MATCH,
        }
    }
}

#[derive(Debug, Clone)]
struct Counted {
    field: Field,
    /// First-level values whose children are counted too, sorted.
    under: Vec<Vec<u8>>,
}

/// The counts of one field, in path order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Tally {
    /// First-level values (`TR`, `ADEX`) and how many matches hold each.
    pub values: Vec<(String, u64)>,
    /// Children of the values asked for: (value, child, matches), as (`ADEX`, `2024`, n).
    pub children: Vec<(String, String, u64)>,
}

impl FacetCounter {
    pub fn new() -> FacetCounter {
        FacetCounter::default()
    }

    /// Counts the facet field `field`, and the children of its first-level values `under`.
    /// Returns the index of its [`Tally`] in the fruit.
    pub fn add(&mut self, field: Field, under: &[&str]) -> usize {
        let mut under: Vec<Vec<u8>> = under.iter().map(|s| s.as_bytes().to_vec()).collect();
        under.sort_unstable();
        under.dedup();
        self.fields.push(Counted { field, under });
        self.fields.len() - 1
    }
}

/// Encoded paths (segments joined by [`SEP`]) and counts of one field in a segment, in path
/// order.
type PathCounts = Vec<(Vec<u8>, u64)>;

impl Collector for FacetCounter {
    type Fruit = Vec<Tally>;
    type Child = SegmentFacetCounter;

    fn for_segment(
        &self,
        _segment: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<SegmentFacetCounter> {
        Ok(SegmentFacetCounter {
            fields: self.fields.clone(),
            postings_per_match: self.postings_per_match,
            reader: reader.clone(),
            matches: DocBits::new(reader.max_doc()),
            matched: 0,
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(
        &self,
        segments: Vec<tantivy::Result<Vec<PathCounts>>>,
    ) -> tantivy::Result<Vec<Tally>> {
        let mut merged: Vec<PathCounts> = vec![PathCounts::new(); self.fields.len()];
        for segment in segments {
            for (into, counts) in merged.iter_mut().zip(segment?) {
                *into = merge(std::mem::take(into), counts);
            }
        }
        Ok(merged.into_iter().map(tally).collect())
    }
}

/// Two lists of counts in path order → one, the counts of a path in both added.
fn merge(a: PathCounts, b: PathCounts) -> PathCounts {
    let mut out = Vec::with_capacity(a.len().max(b.len()));
    let (mut a, mut b) = (a.into_iter().peekable(), b.into_iter().peekable());
    loop {
        let next = match (a.peek(), b.peek()) {
            (Some((pa, _)), Some((pb, _))) => match pa.cmp(pb) {
                Ordering::Less => a.next(),
                Ordering::Greater => b.next(),
                Ordering::Equal => a.next().zip(b.next()).map(|((p, x), (_, y))| (p, x + y)),
            },
            (Some(_), None) => a.next(),
            (None, _) => b.next(),
        };
        match next {
            Some(entry) => out.push(entry),
            None => return out,
        }
    }
}

/// Paths to labels. A path that is not UTF-8 cannot come from a `Facet`; like
/// `FacetCollector`, such a value is left out.
fn tally(counts: PathCounts) -> Tally {
    let mut out = Tally::default();
    for (path, n) in counts {
        let Ok(path) = String::from_utf8(path) else {
            continue;
        };
        match path.split_once(char::from(SEP)) {
            None => out.values.push((path, n)),
            Some((value, child)) => out.children.push((value.to_string(), child.to_string(), n)),
        }
    }
    out
}

pub struct SegmentFacetCounter {
    fields: Vec<Counted>,
    postings_per_match: u64,
    reader: SegmentReader,
    /// The documents of the segment that matched.
    matches: DocBits,
    matched: u64,
}

impl SegmentCollector for SegmentFacetCounter {
    type Fruit = tantivy::Result<Vec<PathCounts>>;

    fn collect(&mut self, doc: DocId, _score: Score) {
        self.matches.insert(doc);
        self.matched += 1;
    }

    fn collect_block(&mut self, docs: &[DocId]) {
        for &doc in docs {
            self.matches.insert(doc);
        }
        self.matched += docs.len() as u64;
    }

    fn harvest(self) -> Self::Fruit {
        let mut out: Vec<PathCounts> = vec![PathCounts::new(); self.fields.len()];
        if self.matched == 0 {
            return Ok(out);
        }
        // Terms counted by postings, of every field that is: counted in parallel.
        let mut by_postings: Vec<(usize, Vec<u8>, TermInfo)> = Vec::new();
        let mut indexes = Vec::with_capacity(self.fields.len());
        for (at, counted) in self.fields.iter().enumerate() {
            let index = self.reader.inverted_index(counted.field)?;
            let terms = counted_terms(&index, counted)?;
            let postings: u64 = terms.iter().map(|(_, info)| u64::from(info.doc_freq)).sum();
            if self.matched.saturating_mul(self.postings_per_match) < postings {
                out[at] = self.by_document(counted)?;
            } else {
                by_postings.extend(terms.into_iter().map(|(path, info)| (at, path, info)));
            }
            indexes.push(index);
        }
        let count = |(at, _, info): &(usize, Vec<u8>, TermInfo)| {
            matching(&indexes[*at], info, &self.matches)
        };
        // Threads are only worth waking for more than a few posting lists.
        let counts = if by_postings.len() > 8 {
            by_postings
                .par_iter()
                .map(count)
                .collect::<tantivy::Result<Vec<u64>>>()?
        } else {
            by_postings
                .iter()
                .map(count)
                .collect::<tantivy::Result<Vec<u64>>>()?
        };
        for ((at, path, _), n) in by_postings.into_iter().zip(counts) {
            if n > 0 {
                out[at].push((path, n));
            }
        }
        Ok(out)
    }
}

/// How many documents of a term's posting list are in `matches`.
fn matching(
    index: &InvertedIndexReader,
    info: &TermInfo,
    matches: &DocBits,
) -> tantivy::Result<u64> {
    let postings = index.read_block_postings_from_terminfo(info, IndexRecordOption::Basic)?;
    let mut n = 0u64;
    for_each_block(postings, |docs| {
        n += docs
            .iter()
            .map(|&doc| u64::from(matches.contains(doc)))
            .sum::<u64>();
    });
    Ok(n)
}

impl SegmentFacetCounter {
    /// The column's values of each matching document; ordinals become paths once, at the end.
    fn by_document(&self, counted: &Counted) -> tantivy::Result<PathCounts> {
        let name = self.reader.schema().get_field_name(counted.field);
        let Some(column) = self.reader.fast_fields().str(name)? else {
            return Ok(PathCounts::new());
        };
        // Each matching document's ordinals, sorted (tantivy sorts a facet's values within a
        // document), one run per document.
        let mut ords: Vec<u64> = Vec::new();
        let mut runs: Vec<usize> = Vec::new();
        for doc in self.matches.iter() {
            ords.extend(column.ords().values_for_doc(doc));
            runs.push(ords.len());
        }
        let mut distinct = ords.clone();
        distinct.sort_unstable();
        distinct.dedup();
        let mut paths: Vec<Vec<u8>> = Vec::with_capacity(distinct.len());
        let found = column
            .dictionary()
            .sorted_ords_to_term_cb(&distinct, |path| paths.push(path.to_vec()))?;
        if !found || paths.len() != distinct.len() {
            return Err(tantivy::TantivyError::InternalError(format!(
                "facet column `{name}`: an ordinal of a document is not in its dictionary"
            )));
        }
        // The counted prefixes of the paths seen, numbered; per path, the number of each.
        let mut prefixes: BTreeMap<&[u8], usize> = BTreeMap::new();
        let mut under: Vec<[Option<usize>; 2]> = Vec::with_capacity(paths.len());
        for path in &paths {
            let mut at = [None; 2];
            for (depth, prefix) in counted_prefixes(path, counted) {
                let next = prefixes.len();
                at[depth] = Some(*prefixes.entry(prefix).or_insert(next));
            }
            under.push(at);
        }
        let mut counts = vec![0u64; prefixes.len()];
        let mut start = 0;
        for end in runs {
            // A document's paths are in order, so those under one prefix are adjacent.
            let mut last = [None; 2];
            for ord in &ords[start..end] {
                let path = distinct.partition_point(|d| d < ord);
                for (depth, prefix) in under[path].into_iter().enumerate() {
                    if let Some(prefix) = prefix.filter(|&p| last[depth] != Some(p)) {
                        counts[prefix] += 1;
                        last[depth] = Some(prefix);
                    }
                }
            }
            start = end;
        }
        Ok(prefixes
            .into_iter()
            .map(|(prefix, at)| (prefix.to_vec(), counts[at]))
            .filter(|&(_, n)| n > 0)
            .collect())
    }
}

/// The prefixes of `path` that are counted, each with its depth: its first-level value (0),
/// and its child (1) when that value is one of `under`. The root (the empty path) is not.
fn counted_prefixes<'p>(
    path: &'p [u8],
    counted: &Counted,
) -> impl Iterator<Item = (usize, &'p [u8])> {
    let mut seps = path
        .iter()
        .enumerate()
        .filter(|&(_, &b)| b == SEP)
        .map(|(i, _)| i);
    let first = seps.next();
    let value = &path[..first.unwrap_or(path.len())];
    let child = first
        .filter(|_| counted.under.binary_search_by(|u| u[..].cmp(value)).is_ok())
        .map(|_| &path[..seps.next().unwrap_or(path.len())]);
    (!value.is_empty())
        .then_some((0, value))
        .into_iter()
        .chain(child.map(|c| (1, c)))
}

/// The terms of the field's inverted index that are counted (a facet indexes every prefix of
/// its path), with their postings.
fn counted_terms(
    index: &InvertedIndexReader,
    counted: &Counted,
) -> tantivy::Result<Vec<(Vec<u8>, TermInfo)>> {
    let mut stream = index.terms().stream()?;
    let mut out = Vec::new();
    while stream.advance() {
        let path = stream.key();
        if counted_prefixes(path, counted).any(|(_, p)| p.len() == path.len()) {
            out.push((path.to_vec(), stream.value().clone()));
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    //! 1. Counts equal those of tantivy's `FacetCollector`, counted by postings or by document,
    //!    over several segments, with deleted documents and several values per document.
    //! 2. A document counts once under a value, however many of its paths lie under it.
    use super::*;
    use crate::index::{add_meetings, create_in_ram};
    use crate::model::Meeting;
    use crate::schema;
    use tantivy::collector::FacetCollector;
    use tantivy::indexer::NoMergePolicy;
    use tantivy::query::{AllQuery, Query, QueryParser, TermQuery};
    use tantivy::schema::Facet;
    use tantivy::{Index, IndexWriter, Searcher, TantivyDocument, Term};

    /// Paths no meeting has: several events, one of them a series with years of its own,
    /// deeper paths, values given twice.
    const ODD: [&[&str]; 3] = [
        &[
            "/ADEX",
            "/ADEX/2024",
            "/ADEX/2022",
            "/Nowhere/2020/x",
            "/Nowhere/2021",
        ],
        &["/ADEX/2024", "/ADEX/2024", "/Nowhere"],
        &["/Nowhere/2020/x/y", "/IDEF/2023", "/ADEX/2022"],
    ];

    /// The meetings of synthetic articles, committed in four segments, then some articles
    /// deleted; each segment also holds documents with `ODD` events and repeated countries.
    fn index() -> Index {
        let f = schema::fields();
        let index = create_in_ram();
        let mut writer: IndexWriter = index.writer_with_num_threads(1, 15_000_000).unwrap();
        writer.set_merge_policy(Box::new(NoMergePolicy));
        let articles: Vec<_> = crate::synth::articles(7, 0..160)
            .map(|g| g.article)
            .collect();
        for chunk in articles.chunks(40) {
            let meetings: Vec<Meeting> = chunk.iter().flat_map(crate::extract::extract).collect();
            add_meetings(&writer, &meetings).unwrap();
            for paths in ODD {
                let mut doc = TantivyDocument::default();
                doc.add_text(f.text, "cooperation on oddpaths");
                for path in paths {
                    doc.add_facet(f.event, Facet::from(*path));
                }
                doc.add_facet(f.country, Facet::from("/TR"));
                doc.add_facet(f.country, Facet::from("/TR"));
                writer.add_document(doc).unwrap();
            }
            writer.commit().unwrap();
        }
        for a in articles.iter().step_by(5) {
            writer.delete_term(Term::from_field_text(f.article, &a.id));
        }
        writer.commit().unwrap();
        index
    }

    /// What `FacetCollector` counts: first-level values, and the children of `under`.
    fn expected(searcher: &Searcher, query: &dyn Query, field: Field, under: &[&str]) -> Tally {
        let name = schema::fields().schema.get_field_name(field);
        let mut values = FacetCollector::for_field(name);
        values.add_facet(Facet::root());
        let mut children = FacetCollector::for_field(name);
        let mut parents: Vec<&str> = under.to_vec();
        parents.sort_unstable();
        parents.dedup();
        for parent in &parents {
            children.add_facet(Facet::from_path([parent]));
        }
        let (values, children) = searcher.search(query, &(values, children)).unwrap();
        let label = |facet: &Facet, depth: usize| facet.to_path()[depth].to_string();
        Tally {
            values: values
                .get(Facet::root())
                .map(|(facet, n)| (label(facet, 0), n))
                .collect(),
            children: parents
                .iter()
                .flat_map(|parent| children.get(Facet::from_path([parent])))
                .map(|(facet, n)| (label(facet, 0), label(facet, 1), n))
                .collect(),
        }
    }

    #[test]
    fn counts_equal_facet_collectors() {
        let index = index();
        let f = schema::fields();
        let searcher = index.reader().unwrap().searcher();
        assert_eq!(searcher.segment_readers().len(), 4);
        assert!(searcher.segment_readers().iter().all(|r| r.has_deletes()));
        let text = QueryParser::for_index(&index, vec![f.text]);
        let queries: Vec<Box<dyn Query>> = vec![
            Box::new(AllQuery),
            text.parse_query("cooperation").unwrap(),
            text.parse_query("oddpaths").unwrap(),
            Box::new(TermQuery::new(
                Term::from_facet(f.country, &Facet::from("/TR")),
                IndexRecordOption::Basic,
            )),
            text.parse_query("nosuchwordanywhere").unwrap(),
        ];
        let mut series = crate::vocab::event_series_names();
        series.push("Nowhere");
        let fields: Vec<(Field, Vec<&str>)> = vec![
            (f.country, vec![]),
            (f.region, vec![]),
            (f.rank, vec![]),
            (f.grade, vec![]),
            (f.event, series),
            (f.topic, vec![]),
            (f.outcome, vec![]),
        ];
        for query in &queries {
            for postings_per_match in [0, POSTINGS_PER_MATCH, u64::MAX] {
                let mut counter = FacetCounter::new();
                counter.postings_per_match = postings_per_match;
                for (field, under) in &fields {
                    counter.add(*field, under);
                }
                let got = searcher.search(&**query, &counter).unwrap();
                for ((field, under), got) in fields.iter().zip(got) {
                    let want = expected(&searcher, &**query, *field, under);
                    assert_eq!(
                        got,
                        want,
                        "{query:?}, {}, postings per match {postings_per_match}",
                        f.schema.get_field_name(*field)
                    );
                }
            }
        }
    }

    #[test]
    fn a_document_counts_once_under_a_value() {
        let index = index();
        let f = schema::fields();
        let searcher = index.reader().unwrap().searcher();
        let odd = QueryParser::for_index(&index, vec![f.text])
            .parse_query("oddpaths")
            .unwrap();
        for postings_per_match in [0, u64::MAX] {
            let mut counter = FacetCounter::new();
            counter.postings_per_match = postings_per_match;
            counter.add(f.event, &["ADEX", "Nowhere"]);
            counter.add(f.country, &[]);
            let got = searcher.search(&*odd, &counter).unwrap();
            let segments = 4;
            let count = |tally: &Tally, value: &str| {
                tally
                    .values
                    .iter()
                    .find(|(v, _)| v == value)
                    .map(|(_, n)| *n)
            };
            assert_eq!(count(&got[0], "ADEX"), Some(3 * segments));
            assert_eq!(count(&got[0], "Nowhere"), Some(3 * segments));
            assert_eq!(count(&got[0], "IDEF"), Some(segments));
            let years: Vec<(&str, &str, u64)> = got[0]
                .children
                .iter()
                .map(|(s, y, n)| (s.as_str(), y.as_str(), *n))
                .collect();
            assert_eq!(
                years,
                [
                    ("ADEX", "2022", 2 * segments),
                    ("ADEX", "2024", 2 * segments),
                    ("Nowhere", "2020", 2 * segments),
                    ("Nowhere", "2021", segments),
                ]
            );
            assert_eq!(got[1].values, [("TR".to_string(), 3 * segments)]);
        }
    }
}
