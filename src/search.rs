//! Search: a [`SearchRequest`] (a text query, facet filters as people type them, a date range)
//! → a [`SearchResponse`] (ranked hits with their stored records and snippets, the total, and
//! facet counts over every matching meeting, not only the page shown).

use std::collections::BTreeMap;
use std::ops::{Bound, Range};
use std::sync::LazyLock;

use chrono::NaiveDate;
use tantivy::collector::{Collector, Count, TopDocs};
use tantivy::query::{
    AllQuery, BooleanQuery, ConstScoreQuery, EnableScoring, Occur, Query, QueryParser,
    QueryParserError, RangeQuery, TermQuery,
};
use tantivy::schema::{Facet, IndexRecordOption, Value};
use tantivy::snippet::SnippetGenerator;
use tantivy::{
    DateTime, DocAddress, Executor, Index, Order, ReloadPolicy, Searcher, TantivyDocument, Term,
};

mod bits;
mod exclude;
mod facets;
mod hidden;
mod ranked;
mod syntax;

use crate::error::{Error, Result};
use crate::index::{date_value, event_facet, ledger::LEDGER_STATUS};
use crate::model::{split_event, Meeting, Status};
use crate::schema::{self, Fields, NAME_TOKENIZER};
use crate::text::fold;
use crate::vocab;
use exclude::Excluding;
use facets::{FacetCounter, Tally};
use ranked::RankedTop;

/// A facet that can be filtered on and counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum FacetName {
    Country,
    Region,
    Rank,
    Grade,
    Event,
    Topic,
    Outcome,
}

impl FacetName {
    pub const ALL: [FacetName; 7] = [
        FacetName::Country,
        FacetName::Region,
        FacetName::Rank,
        FacetName::Grade,
        FacetName::Event,
        FacetName::Topic,
        FacetName::Outcome,
    ];
    /// Counted when the request names none.
    pub const DEFAULT: [FacetName; 4] = [
        FacetName::Country,
        FacetName::Rank,
        FacetName::Event,
        FacetName::Topic,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            FacetName::Country => "country",
            FacetName::Region => "region",
            FacetName::Rank => "rank",
            FacetName::Grade => "grade",
            FacetName::Event => "event",
            FacetName::Topic => "topic",
            FacetName::Outcome => "outcome",
        }
    }

    /// Parses a facet name; an unknown one lists the known.
    pub fn parse(s: &str) -> Result<FacetName> {
        let folded = fold(s.trim());
        FacetName::ALL
            .into_iter()
            .find(|f| f.as_str() == folded || format!("{}s", f.as_str()) == folded)
            .ok_or_else(|| Error::UnknownValue {
                facet: "facet",
                value: s.to_string(),
                suggestions: FacetName::ALL
                    .iter()
                    .map(|f| f.as_str().to_string())
                    .collect(),
            })
    }

    fn field(self, f: &Fields) -> tantivy::schema::Field {
        match self {
            FacetName::Country => f.country,
            FacetName::Region => f.region,
            FacetName::Rank => f.rank,
            FacetName::Grade => f.grade,
            FacetName::Event => f.event,
            FacetName::Topic => f.topic,
            FacetName::Outcome => f.outcome,
        }
    }
}

/// Which statuses a search shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum StatusFilter {
    /// Only meetings of this status.
    Only(Status),
    /// Held, planned and calls alike.
    Any,
    /// Held meetings only: what a user means by "meetings".
    #[default]
    HeldOnly,
}

/// Order of the hits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SortOrder {
    /// By score; without a text query, newest first.
    #[default]
    Relevance,
    /// Newest first; meetings without a date last.
    Date,
}

/// Filters, with values as people type them (`Türkiye`, `turkish`, `TR`; `Col-Gen`; `ADEX-2024`).
/// Several values of one facet are OR; different facets are AND.
#[derive(Debug, Clone, Default)]
pub struct Filters {
    pub countries: Vec<String>,
    /// Countries that must all take part: `AZ` and `TR` give the meetings between the two.
    pub with_countries: Vec<String>,
    pub regions: Vec<String>,
    /// A rank in any written form, a NATO grade (`OF-8`) or a star count (`3-star`).
    pub ranks: Vec<String>,
    /// A series (`ADEX`) or a series and year (`ADEX-2024`, `ADEX 2024`).
    pub events: Vec<String>,
    pub topics: Vec<String>,
    pub outcomes: Vec<String>,
    /// Every word of the name must be among a participant's names.
    pub person: Option<String>,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    pub status: StatusFilter,
}

/// One search.
#[derive(Debug, Clone)]
pub struct SearchRequest {
    /// tantivy query syntax over passage, title and participants; `None` matches every meeting.
    pub query: Option<String>,
    pub filters: Filters,
    pub sort: SortOrder,
    /// Hits to return; 0 returns counts only.
    pub limit: usize,
    pub offset: usize,
    /// Facets to count over all matches.
    pub facets: Vec<FacetName>,
    /// Also count matches per year or month of their date.
    pub timeline: Option<Period>,
    /// Each real meeting once: reports of one encounter in different articles are grouped
    /// (see [`crate::collapse`]); total, facets and timeline count meetings, not reports.
    pub collapse: bool,
}

impl Default for SearchRequest {
    fn default() -> Self {
        SearchRequest {
            query: None,
            filters: Filters::default(),
            sort: SortOrder::Relevance,
            limit: 10,
            offset: 0,
            facets: FacetName::DEFAULT.to_vec(),
            timeline: None,
            collapse: false,
        }
    }
}

/// The matched part of a passage.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Snippet {
    pub fragment: String,
    /// Byte ranges of `fragment` to highlight.
    pub highlighted: Vec<Range<usize>>,
}

/// One matching meeting.
#[derive(Debug, Clone)]
pub struct Hit {
    /// BM25 score; `None` when sorted by date or listing without a query.
    pub score: Option<f32>,
    pub meeting: Meeting,
    pub snippet: Option<Snippet>,
    /// With [`SearchRequest::collapse`]: the meeting's key and every report of it, best first.
    pub reports: Option<Reports>,
}

/// The reports of one real meeting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reports {
    /// Smallest meeting id among the reports: stable whichever report ranks first.
    pub key: String,
    /// (meeting id, article id, source) of each report, best first.
    pub by: Vec<(String, String, Option<String>)>,
}

/// What a search found.
#[derive(Debug, Clone, Default)]
pub struct SearchResponse {
    /// Meetings matching, over all pages.
    pub total: usize,
    pub hits: Vec<Hit>,
    /// Per requested facet, values with their counts, most frequent first.
    pub facets: Vec<(FacetName, Vec<(String, u64)>)>,
    /// With [`SearchRequest::timeline`]: matches per period (`2024`, `2024-09`) in time order,
    /// then `unknown` for meetings without a date.
    pub timeline: Vec<(String, u64)>,
}

/// Parses a date bound as users type it: `2024`, `2024-09` or `2024-09-24`. With `end`, a year
/// or month means its last day, so `--to 2023` includes all of 2023.
pub fn parse_date_bound(value: &str, end: bool) -> Result<NaiveDate> {
    let bad = || Error::InvalidArgument {
        what: "date",
        value: value.to_string(),
        expected: "expected YYYY, YYYY-MM or YYYY-MM-DD".to_string(),
    };
    let parts: Vec<&str> = value.trim().split('-').collect();
    let num = |s: &str| s.parse::<u32>().map_err(|_| bad());
    let (year, month, day) = match parts.as_slice() {
        [y] => (num(y)?, None, None),
        [y, m] => (num(y)?, Some(num(m)?), None),
        [y, m, d] => (num(y)?, Some(num(m)?), Some(num(d)?)),
        _ => return Err(bad()),
    };
    let year = year as i32;
    let first_of = |m: u32| NaiveDate::from_ymd_opt(year, m, 1).ok_or_else(bad);
    match (month, day) {
        (None, _) if end => NaiveDate::from_ymd_opt(year, 12, 31).ok_or_else(bad),
        (None, _) => first_of(1),
        (Some(m), None) if end => {
            let next = if m == 12 {
                NaiveDate::from_ymd_opt(year + 1, 1, 1)
            } else {
                NaiveDate::from_ymd_opt(year, m + 1, 1)
            };
            first_of(m)?;
            next.and_then(|d| d.pred_opt()).ok_or_else(bad)
        }
        (Some(m), None) => first_of(m),
        (Some(m), Some(d)) => NaiveDate::from_ymd_opt(year, m, d).ok_or_else(bad),
    }
}

/// Refuses a range whose start is after its end.
pub fn check_date_range(from: Option<NaiveDate>, to: Option<NaiveDate>) -> Result<()> {
    match (from, to) {
        (Some(from), Some(to)) if from > to => Err(Error::InvalidArgument {
            what: "date range",
            value: format!("--from {from} --to {to}"),
            expected: "--from must not be after --to; swap them".to_string(),
        }),
        _ => Ok(()),
    }
}

/// A reader that sees the last committed state.
pub fn searcher(index: &Index) -> Result<Searcher> {
    let reader = index
        .reader_builder()
        .reload_policy(ReloadPolicy::Manual)
        .try_into()?;
    Ok(reader.searcher())
}

/// Runs `collector` over the matches of `query`, the segments of an index that has several
/// shared among as many threads as there are cores. Segments are merged in their order, so the
/// fruit is the one a single thread would have.
fn run<C: Collector>(
    searcher: &Searcher,
    query: &dyn Query,
    collector: &C,
) -> tantivy::Result<C::Fruit> {
    static SEGMENT_THREADS: LazyLock<Option<Executor>> = LazyLock::new(|| {
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        // Without a pool (none could be started) segments are searched one after the other.
        (cores > 1)
            .then(|| Executor::multi_thread(cores, "attache-search-").ok())
            .flatten()
    });
    match &*SEGMENT_THREADS {
        Some(threads) if searcher.segment_readers().len() > 1 => {
            let scoring = if collector.requires_scoring() {
                EnableScoring::enabled_from_searcher(searcher)
            } else {
                EnableScoring::disabled_from_searcher(searcher)
            };
            searcher.search_with_executor(query, collector, threads, scoring)
        }
        _ => searcher.search(query, collector),
    }
}

/// Runs one search on the index's last commit.
pub fn search(index: &Index, request: &SearchRequest) -> Result<SearchResponse> {
    search_with(&searcher(index)?, index, request)
}

/// Runs one search with a searcher already open: a program that searches many times opens the
/// segments once ([`searcher`]) and keeps their caches warm.
pub fn search_with(
    searcher: &Searcher,
    index: &Index,
    request: &SearchRequest,
) -> Result<SearchResponse> {
    let f = schema::fields();
    let (text_query, query) =
        matching_query(index, searcher, request.query.as_deref(), &request.filters)?;
    if request.collapse {
        return search_collapsed(searcher, request, text_query, &*query);
    }

    let mut counter = FacetCounter::new();
    let facet_handles: Vec<(FacetName, usize)> = request
        .facets
        .iter()
        .map(|&name| {
            let field = name.field(f);
            // Event counts are keyed by series and year: the years under every known series
            // are counted in the same pass over the matches.
            let under = match name {
                FacetName::Event => vocab::event_series_names(),
                _ => Vec::new(),
            };
            (name, counter.add(field, &under))
        })
        .collect();
    // Without facets to count, nothing collects the matches.
    let counter = (!facet_handles.is_empty()).then_some(counter);

    let by_date = request.sort == SortOrder::Date || text_query.is_none();
    let (addresses, total, tallies) = if request.limit == 0 {
        let (total, fruits) =
            run(searcher, &*query, &(Count, counter)).map_err(|e| unusable_query(request, e))?;
        (Vec::new(), total, fruits)
    } else if by_date {
        let top = TopDocs::with_limit(request.limit)
            .and_offset(request.offset)
            .order_by_fast_field::<DateTime>(f.schema.get_field_name(f.date), Order::Desc);
        let (top, total, fruits) = run(searcher, &*query, &(top, Count, counter))
            .map_err(|e| unusable_query(request, e))?;
        let addresses = top.into_iter().map(|(_, a)| (None, a)).collect();
        (addresses, total, fruits)
    } else {
        let top = RankedTop::new(request.limit, request.offset);
        let (top, total, fruits) = if ranks_by_pruning(searcher, &*query)? {
            // Ranking alone skips most matches; counting them all unscored then costs less
            // than scoring each.
            let top = run(searcher, &*query, &top).map_err(|e| unusable_query(request, e))?;
            let (total, fruits) = match counter {
                Some(counter) => run(searcher, &*query, &(Count, counter))
                    .map(|(total, fruits)| (total, Some(fruits))),
                None => run(searcher, &*query, &Count).map(|total| (total, None)),
            }
            .map_err(|e| unusable_query(request, e))?;
            (top, total, fruits)
        } else {
            run(searcher, &*query, &(top, Count, counter))
                .map_err(|e| unusable_query(request, e))?
        };
        let addresses = top.into_iter().map(|(s, a)| (Some(s), a)).collect();
        (addresses, total, fruits)
    };

    let timeline = match request.timeline {
        Some(period) => run(searcher, &*query, &Timeline(period))?,
        None => Vec::new(),
    };
    let mut tallies = tallies.unwrap_or_default();
    let facets = facet_handles
        .into_iter()
        .map(|(name, handle)| {
            let tally = std::mem::take(&mut tallies[handle]);
            let values = match name {
                FacetName::Event => event_counts(tally),
                _ => sorted_counts(tally.values.into_iter()),
            };
            (name, values)
        })
        .collect();

    let snippets = snippet_generator(searcher, text_query.as_deref())?;
    let mut hits = Vec::with_capacity(addresses.len());
    for (score, address) in addresses {
        let meeting = load_meeting(searcher, f, address)?;
        let snippet = snippets.as_ref().map(|g| {
            let s = g.snippet(&meeting.text);
            Snippet {
                fragment: s.fragment().to_string(),
                highlighted: s.highlighted().to_vec(),
            }
        });
        hits.push(Hit {
            score,
            meeting,
            snippet: snippet.filter(|s| !s.fragment.is_empty()),
            reports: None,
        });
    }
    Ok(SearchResponse {
        total,
        hits,
        facets,
        timeline,
    })
}

type BoxedQuery = Box<dyn Query>;

/// Whether ranking the matches of `query` by score skips most of them (see
/// [`Excluding::ranks_by_pruning`]).
fn ranks_by_pruning(searcher: &Searcher, query: &dyn Query) -> Result<bool> {
    Ok(match query.downcast_ref::<Excluding>() {
        Some(excluding) => excluding.ranks_by_pruning(searcher)?,
        None => false,
    })
}

/// A search with each real meeting once: every match is loaded and grouped, then paged.
fn search_collapsed(
    searcher: &Searcher,
    request: &SearchRequest,
    text_query: Option<BoxedQuery>,
    query: &dyn Query,
) -> Result<SearchResponse> {
    let f = schema::fields();
    let matches = run(searcher, query, &Count)?.max(1);
    let by_date = request.sort == SortOrder::Date || text_query.is_none();
    let ranked: Vec<(Option<f32>, DocAddress)> = if by_date {
        let top = TopDocs::with_limit(matches)
            .order_by_fast_field::<DateTime>(f.schema.get_field_name(f.date), Order::Desc);
        run(searcher, query, &top)?
            .into_iter()
            .map(|(_, a)| (None, a))
            .collect()
    } else {
        let top = TopDocs::with_limit(matches).order_by_score();
        run(searcher, query, &top)?
            .into_iter()
            .map(|(s, a)| (Some(s), a))
            .collect()
    };
    let mut reports = Vec::with_capacity(ranked.len());
    for (score, address) in ranked {
        reports.push(crate::collapse::Report {
            score,
            meeting: load_meeting(searcher, f, address)?,
        });
    }
    let groups = crate::collapse::group(reports);
    let merged: Vec<Meeting> = groups.iter().map(|g| g.merged.clone()).collect();
    let facets = request
        .facets
        .iter()
        .map(|&name| (name, sorted_counts(count_over(&merged, name).into_iter())))
        .collect();
    let timeline = request
        .timeline
        .map(|period| timeline_over(&merged, period))
        .unwrap_or_default();
    let snippets = snippet_generator(searcher, text_query.as_deref())?;
    let total = groups.len();
    let hits = groups
        .into_iter()
        .skip(request.offset)
        .take(request.limit)
        .map(|g| {
            let snippet = snippets.as_ref().map(|gen| {
                let s = gen.snippet(&g.merged.text);
                Snippet {
                    fragment: s.fragment().to_string(),
                    highlighted: s.highlighted().to_vec(),
                }
            });
            Hit {
                score: g.score,
                snippet: snippet.filter(|s| !s.fragment.is_empty()),
                reports: Some(Reports {
                    key: g.key,
                    by: g
                        .reports
                        .iter()
                        .map(|m| (m.id.clone(), m.article.clone(), m.source.clone()))
                        .collect(),
                }),
                meeting: g.merged,
            }
        })
        .collect();
    Ok(SearchResponse {
        total,
        hits,
        facets,
        timeline,
    })
}

/// Meetings per period of their dates, as the timeline collector counts them.
fn timeline_over(meetings: &[Meeting], period: Period) -> Vec<(String, u64)> {
    use chrono::Datelike;
    let mut counts: BTreeMap<String, u64> = BTreeMap::new();
    let mut unknown = 0;
    for m in meetings {
        match m.date {
            Some(d) if period == Period::Year => {
                *counts.entry(format!("{:04}", d.year())).or_default() += 1
            }
            Some(d) => {
                *counts
                    .entry(format!("{:04}-{:02}", d.year(), d.month()))
                    .or_default() += 1
            }
            None => unknown += 1,
        }
    }
    let mut out: Vec<(String, u64)> = counts.into_iter().collect();
    if unknown > 0 {
        out.push(("unknown".to_string(), unknown));
    }
    out
}

/// The text query alone (for snippets), and the whole query: text AND filters.
fn matching_query(
    index: &Index,
    searcher: &Searcher,
    query: Option<&str>,
    filters: &Filters,
) -> Result<(Option<Box<dyn Query>>, BoxedQuery)> {
    let text_query = match query.map(str::trim) {
        Some(q) if !q.is_empty() => Some(parse_query(index, q)?),
        _ => None,
    };
    let (filters, hidden) = filter_queries(index, searcher, filters)?;
    let query = combine(text_query.as_ref(), filters, hidden);
    Ok((text_query.map(|t| t.query), query))
}

/// Calls `each` with every meeting matching `query` and `filters`, in index order (the order
/// articles were read), without holding them all in memory. Returns how many there were.
pub fn for_each_match(
    index: &Index,
    query: Option<&str>,
    filters: &Filters,
    mut each: impl FnMut(Meeting) -> Result<()>,
) -> Result<usize> {
    let searcher = searcher(index)?;
    let (_, query) = matching_query(index, &searcher, query, filters)?;
    let mut addresses: Vec<DocAddress> =
        run(&searcher, &*query, &tantivy::collector::DocSetCollector)?
            .into_iter()
            .collect();
    addresses.sort_unstable();
    let f = schema::fields();
    for &address in &addresses {
        each(load_meeting(&searcher, f, address)?)?;
    }
    Ok(addresses.len())
}

/// A period of the timeline.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Period {
    Year,
    Month,
}

/// Counts matches per period of the `date` fast field.
struct Timeline(Period);

struct TimelineSegment {
    period: Period,
    dates: tantivy::columnar::Column<DateTime>,
    counts: BTreeMap<Option<(i32, u32)>, u64>,
}

impl tantivy::collector::Collector for Timeline {
    type Fruit = Vec<(String, u64)>;
    type Child = TimelineSegment;

    fn for_segment(
        &self,
        _segment: tantivy::SegmentOrdinal,
        reader: &tantivy::SegmentReader,
    ) -> tantivy::Result<TimelineSegment> {
        let f = schema::fields();
        Ok(TimelineSegment {
            period: self.0,
            dates: reader.fast_fields().date(f.schema.get_field_name(f.date))?,
            counts: BTreeMap::new(),
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, fruits: Vec<Vec<(String, u64)>>) -> tantivy::Result<Self::Fruit> {
        let mut merged: BTreeMap<String, u64> = BTreeMap::new();
        for (k, n) in fruits.into_iter().flatten() {
            *merged.entry(k).or_default() += n;
        }
        // Periods sort as text (`2023-12` < `2024`); `unknown` goes last.
        let unknown = merged.remove("unknown");
        let mut out: Vec<(String, u64)> = merged.into_iter().collect();
        out.extend(unknown.map(|n| ("unknown".to_string(), n)));
        Ok(out)
    }
}

impl tantivy::collector::SegmentCollector for TimelineSegment {
    type Fruit = Vec<(String, u64)>;

    fn collect(&mut self, doc: tantivy::DocId, _score: tantivy::Score) {
        use chrono::Datelike;
        let key = self.dates.first(doc).and_then(|d| {
            let day = chrono::DateTime::from_timestamp(d.into_timestamp_secs(), 0)?;
            Some(match self.period {
                Period::Year => (day.year(), 0),
                Period::Month => (day.year(), day.month()),
            })
        });
        *self.counts.entry(key).or_default() += 1;
    }

    fn harvest(self) -> Self::Fruit {
        self.counts
            .into_iter()
            .map(|(k, n)| {
                let label = match k {
                    None => "unknown".to_string(),
                    Some((y, 0)) => format!("{y:04}"),
                    Some((y, m)) => format!("{y:04}-{m:02}"),
                };
                (label, n)
            })
            .collect()
    }
}

/// A query tantivy parsed but cannot run (`nosuchfield:*` becomes a query on a field that does
/// not exist) is the user's mistake, not an internal failure.
fn unusable_query(request: &SearchRequest, e: tantivy::TantivyError) -> Error {
    use tantivy::TantivyError as T;
    match (&request.query, e) {
        (Some(q), T::FieldNotFound(_) | T::SchemaError(_)) => Error::InvalidQuery {
            query: q.clone(),
            message: "the query names a field that cannot be searched this way".into(),
            hint: format!("the fields are {}", QUERY_FIELDS.join(", ")),
            column: None,
        },
        (_, e) => Error::Tantivy(e),
    }
}

fn load_meeting(searcher: &Searcher, f: &Fields, address: DocAddress) -> Result<Meeting> {
    let doc: TantivyDocument = searcher.doc(address)?;
    let bytes = doc
        .get_first(f.record)
        .and_then(|v| v.as_bytes())
        .ok_or_else(|| {
            tantivy::TantivyError::InternalError("a document without its record".into())
        })?;
    serde_json::from_slice(bytes).map_err(|e| {
        Error::Tantivy(tantivy::TantivyError::InternalError(format!(
            "a stored record does not parse: {e}"
        )))
    })
}

fn sorted_counts(values: impl Iterator<Item = (String, u64)>) -> Vec<(String, u64)> {
    let mut v: Vec<(String, u64)> = values.filter(|(_, n)| *n > 0).collect();
    v.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    v
}

/// Event counts keyed `SERIES-YEAR`, and `SERIES` for meetings whose year is unknown, from
/// the counts of each series and of the years under each.
fn event_counts(tally: Tally) -> Vec<(String, u64)> {
    let mut years: BTreeMap<String, Vec<(String, u64)>> = BTreeMap::new();
    for (series, year, n) in tally.children {
        years.entry(series).or_default().push((year, n));
    }
    let mut out = Vec::new();
    for (series, n) in tally.values {
        let mut with_year = 0;
        for (year, count) in years.remove(&series).unwrap_or_default() {
            with_year += count;
            out.push((format!("{series}-{year}"), count));
        }
        if n > with_year {
            out.push((series, n - with_year));
        }
    }
    sorted_counts(out.into_iter())
}

/// A parsed text query.
struct TextQuery {
    query: BoxedQuery,
    /// The terms `query` is the union of, when it matches exactly the documents holding any of
    /// them: one word, searched in each field.
    any_of: Option<Vec<Term>>,
}

/// The query parser over the text fields, with or without their boosts.
fn query_parser(index: &Index, boosted: bool) -> QueryParser {
    let f = schema::fields();
    let mut parser = QueryParser::for_index(index, vec![f.text, f.title, f.participants]);
    parser.set_conjunction_by_default();
    if boosted {
        parser.set_field_boost(f.participants, 2.0);
        parser.set_field_boost(f.title, 1.5);
    }
    parser
}

fn parse_query(index: &Index, q: &str) -> Result<TextQuery> {
    let q = crate::text::normalize(q.to_string());
    let fields = syntax::QueryFields {
        searchable: QUERY_FIELDS,
        filters: &[
            ("country", "--country or --with"),
            ("region", "--region"),
            ("rank", "--rank"),
            ("grade", "--rank"),
            ("event", "--event"),
            ("topic", "--topic"),
            ("outcome", "--outcome"),
            ("date", "--from and --to"),
            ("status", "--status"),
            ("record", "a text field"),
        ],
    };
    if let Err(e) = syntax::check(&q, &fields) {
        return Err(Error::InvalidQuery {
            query: q.clone(),
            message: e.message,
            hint: e.hint,
            column: Some(e.column),
        });
    }
    let query = query_parser(index, true)
        .parse_query(&q)
        .map_err(|e| query_error(&q, e))?;
    // Boosts change scores, never matches: the query without them shows its structure, which
    // the boosts hide.
    let any_of = query_parser(index, false)
        .parse_query(&q)
        .ok()
        .and_then(|unboosted| exclude::term_union(&*unboosted));
    Ok(TextQuery { query, any_of })
}

/// The fields a text query may name.
const QUERY_FIELDS: &[&str] = &["text", "title", "participants", "source", "article"];

fn query_error(query: &str, e: QueryParserError) -> Error {
    let hint = match &e {
        QueryParserError::FieldDoesNotExist(_) => {
            format!("the fields are {}", QUERY_FIELDS.join(", "))
        }
        QueryParserError::SyntaxError(_) => {
            "check quotes and parentheses; words are ANDed, use OR, -word, \"a phrase\", field:word"
                .to_string()
        }
        QueryParserError::FieldDoesNotHavePositionsIndexed(_) => {
            "phrases work on text, title and participants".to_string()
        }
        _ => "see `attache search --help` for the query syntax".to_string(),
    };
    Error::InvalidQuery {
        query: query.to_string(),
        message: e.to_string(),
        hint,
        column: None,
    }
}

/// The snippet generator of a text query: passages of up to 240 characters of `text`.
fn snippet_generator(
    searcher: &Searcher,
    text_query: Option<&dyn Query>,
) -> Result<Option<SnippetGenerator>> {
    let Some(q) = text_query else {
        return Ok(None);
    };
    let mut generator = SnippetGenerator::create(searcher, q, schema::fields().text)?;
    generator.set_max_num_chars(240);
    Ok(Some(generator))
}

/// Text query (scored) AND filters (not scored), without the documents that hold a `hidden`
/// term.
fn combine(
    text: Option<&TextQuery>,
    filters: Vec<Box<dyn Query>>,
    hidden: Vec<Term>,
) -> Box<dyn Query> {
    if let Some(TextQuery {
        query,
        any_of: Some(terms),
    }) = text
    {
        if filters.is_empty() && !hidden.is_empty() {
            return Box::new(Excluding::matching_any_of(
                query.box_clone(),
                terms.clone(),
                hidden,
            ));
        }
    }
    let text = text.map(|t| t.query.box_clone());
    let mut musts: Vec<Box<dyn Query>> = vec![text.unwrap_or_else(|| Box::new(AllQuery))];
    for q in filters {
        musts.push(Box::new(ConstScoreQuery::new(q, 0.0)));
    }
    if !hidden.is_empty() {
        Box::new(Excluding::new(musts, hidden))
    } else if musts.len() == 1 {
        musts.pop().expect("one clause")
    } else {
        Box::new(BooleanQuery::new(
            musts.into_iter().map(|q| (Occur::Must, q)).collect(),
        ))
    }
}

fn any_of(terms: Vec<Term>) -> Box<dyn Query> {
    let mut queries: Vec<(Occur, Box<dyn Query>)> = terms
        .into_iter()
        .map(|t| {
            (
                Occur::Should,
                Box::new(TermQuery::new(t, IndexRecordOption::Basic)) as Box<dyn Query>,
            )
        })
        .collect();
    if queries.len() == 1 {
        queries.pop().expect("one").1
    } else {
        Box::new(BooleanQuery::new(queries))
    }
}

/// The queries every match must answer, and the terms of the documents a search hides.
fn filter_queries(
    index: &Index,
    searcher: &Searcher,
    filters: &Filters,
) -> Result<(Vec<BoxedQuery>, Vec<Term>)> {
    let f = schema::fields();
    let mut out: Vec<Box<dyn Query>> = Vec::new();
    let facet_terms = |field, values: &[String], resolve: &dyn Fn(&str) -> Result<Facet>| {
        values
            .iter()
            .map(|v| resolve(v).map(|facet| Term::from_facet(field, &facet)))
            .collect::<Result<Vec<Term>>>()
    };
    if !filters.countries.is_empty() {
        out.push(any_of(facet_terms(f.country, &filters.countries, &|v| {
            resolve_country(v).map(|c| Facet::from_path([c]))
        })?));
    }
    for c in &filters.with_countries {
        out.push(any_of(facet_terms(
            f.country,
            std::slice::from_ref(c),
            &|v| resolve_country(v).map(|c| Facet::from_path([c])),
        )?));
    }
    if !filters.regions.is_empty() {
        out.push(any_of(facet_terms(f.region, &filters.regions, &|v| {
            resolve_region(v).map(|r| Facet::from_path([r]))
        })?));
    }
    if !filters.ranks.is_empty() {
        let mut terms = Vec::new();
        for v in &filters.ranks {
            terms.push(match resolve_rank(v)? {
                RankFilter::Rank(r) => Term::from_facet(f.rank, &Facet::from_path([r])),
                RankFilter::Grade(g) => Term::from_facet(f.grade, &Facet::from_path([g])),
            });
        }
        out.push(any_of(terms));
    }
    if !filters.events.is_empty() {
        let known = index_values(searcher, f.event)?;
        out.push(any_of(facet_terms(f.event, &filters.events, &|v| {
            resolve_event(v, &known).map(|e| event_facet(&e))
        })?));
    }
    if !filters.topics.is_empty() {
        out.push(any_of(facet_terms(f.topic, &filters.topics, &|v| {
            resolve_slug("topic", v, vocab::topic, vocab::topics()).map(|t| Facet::from_path([t]))
        })?));
    }
    if !filters.outcomes.is_empty() {
        out.push(any_of(facet_terms(f.outcome, &filters.outcomes, &|v| {
            resolve_slug("outcome", v, vocab::outcome, vocab::outcomes())
                .map(|t| Facet::from_path([t]))
        })?));
    }
    if let Some(person) = &filters.person {
        let mut tokenizer = index
            .tokenizers()
            .get(NAME_TOKENIZER)
            .expect("registered with the index");
        let mut stream = tokenizer.token_stream(person);
        let mut words = Vec::new();
        while let Some(token) = stream.next() {
            // Initials ("Y." in "Y. Guler") match too much to filter on; honorifics are no
            // part of a name.
            if token.text.len() > 1 && !crate::people::HONORIFICS.contains(&token.text.as_str()) {
                words.push(token.text.clone());
            }
        }
        if words.is_empty() {
            return Err(Error::InvalidArgument {
                what: "person",
                value: person.clone(),
                expected: "give at least one name of two letters or more".to_string(),
            });
        }
        for w in words {
            out.push(Box::new(TermQuery::new(
                Term::from_field_text(f.participants, &w),
                IndexRecordOption::Basic,
            )));
        }
    }
    check_date_range(filters.from, filters.to)?;
    if filters.from.is_some() || filters.to.is_some() {
        let lower = filters.from.map_or(Bound::Unbounded, |d| {
            Bound::Included(Term::from_field_date(f.date, date_value(d)))
        });
        let upper = filters.to.map_or(Bound::Unbounded, |d| {
            Bound::Included(Term::from_field_date(f.date, date_value(d)))
        });
        out.push(Box::new(RangeQuery::new(lower, upper)));
    }
    let status = |s: &str| Term::from_field_text(f.status, s);
    let hidden = match filters.status {
        // The index also holds ledger documents (one per article, see `index::ledger`), which
        // are no meetings. Held meetings are most of an index: excluding the few others (see
        // `Excluding`) costs less than intersecting with every held one.
        StatusFilter::Any => vec![status(LEDGER_STATUS)],
        StatusFilter::HeldOnly => [
            LEDGER_STATUS,
            Status::Planned.as_str(),
            Status::Call.as_str(),
        ]
        .into_iter()
        .map(status)
        .collect(),
        StatusFilter::Only(s) => {
            out.push(status_query(s));
            Vec::new()
        }
    };
    Ok((out, hidden))
}

fn status_query(status: Status) -> Box<dyn Query> {
    Box::new(TermQuery::new(
        Term::from_field_text(schema::fields().status, status.as_str()),
        IndexRecordOption::Basic,
    ))
}

/// Every value (first level) of a facet field present in the index.
fn index_values(searcher: &Searcher, field: tantivy::schema::Field) -> Result<Vec<String>> {
    let mut counter = FacetCounter::new();
    let handle = counter.add(field, &[]);
    let mut tallies = run(searcher, &AllQuery, &counter)?;
    Ok(std::mem::take(&mut tallies[handle])
        .values
        .into_iter()
        .map(|(value, _)| value)
        .collect())
}

/// The `n` known values closest to `value`, for "did you mean".
pub fn closest<'a>(value: &str, known: impl IntoIterator<Item = &'a str>, n: usize) -> Vec<String> {
    let v = fold(value);
    let mut scored: Vec<(f64, &str)> = known
        .into_iter()
        .map(|k| (strsim::jaro_winkler(&v, &fold(k)), k))
        .filter(|(s, _)| *s > 0.7)
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(b.1)));
    let mut out: Vec<String> = Vec::new();
    for (_, k) in scored {
        if !out.iter().any(|o| o == k) {
            out.push(k.to_string());
        }
        if out.len() == n {
            break;
        }
    }
    out
}

/// A country in any form → its ISO code.
pub fn resolve_country(value: &str) -> Result<&'static str> {
    vocab::country_code(value).ok_or_else(|| {
        let names: Vec<String> = vocab::country_codes()
            .into_iter()
            .map(|c| match vocab::country_name(c) {
                Some(n) => format!("{c} ({n})"),
                None => c.to_string(),
            })
            .collect();
        let by_name: Vec<&str> = names.iter().map(String::as_str).collect();
        Error::UnknownValue {
            facet: "country",
            value: value.to_string(),
            suggestions: closest(value, by_name, 3),
        }
    })
}

fn resolve_region(value: &str) -> Result<&'static str> {
    let mut regions: Vec<&'static str> = vocab::country_codes()
        .into_iter()
        .filter_map(vocab::country_region)
        .collect();
    regions.sort_unstable();
    regions.dedup();
    let folded = fold(value.trim());
    regions
        .iter()
        .copied()
        .find(|r| fold(r) == folded)
        .ok_or_else(|| Error::UnknownValue {
            facet: "region",
            value: value.to_string(),
            suggestions: regions.iter().map(|r| r.to_string()).collect(),
        })
}

/// What a `--rank` value selects.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RankFilter {
    /// One rank, by its full English name.
    Rank(String),
    /// Every rank of a NATO grade (`OF-8`), also written as stars (`3-star`).
    Grade(String),
}

pub fn resolve_rank(value: &str) -> Result<RankFilter> {
    let folded = fold(value.trim()).replace([' ', '_'], "-");
    if let Some(n) = folded
        .strip_prefix("of-")
        .and_then(|n| n.parse::<u8>().ok())
    {
        if (1..=10).contains(&n) {
            return Ok(RankFilter::Grade(format!("OF-{n}")));
        }
    }
    let stars = folded
        .strip_suffix("stars")
        .or_else(|| folded.strip_suffix("star"))
        .map(|n| n.trim_end_matches('-'));
    let count = |n: &str| {
        const WORDS: [&str; 5] = ["one", "two", "three", "four", "five"];
        n.parse::<u8>()
            .ok()
            .or_else(|| WORDS.iter().position(|w| *w == n).map(|i| i as u8 + 1))
    };
    if let Some(n) = stars.and_then(count) {
        if (1..=5).contains(&n) {
            return Ok(RankFilter::Grade(format!("OF-{}", n + 5)));
        }
    }
    if let Some(rank) = vocab::rank(value) {
        return Ok(RankFilter::Rank(rank.name.clone()));
    }
    Err(Error::UnknownValue {
        facet: "rank",
        value: value.to_string(),
        suggestions: closest(value, vocab::ranks().iter().map(|r| r.name.as_str()), 3),
    })
}

/// `ADEX-2024`, `ADEX 2024`, `adex` → the canonical `SERIES[-YEAR]`. A series is known from the
/// vocabulary or from the index itself.
pub fn resolve_event(value: &str, in_index: &[String]) -> Result<String> {
    let trimmed = value.trim();
    let (series, year) = match trimmed.rsplit_once([' ', '-']) {
        Some((s, y)) if y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit()) => {
            (s.trim(), y.parse::<i32>().ok())
        }
        _ => (trimmed, None),
    };
    let canonical = vocab::event_series(series).map(str::to_string).or_else(|| {
        let folded = fold(series);
        in_index.iter().find(|s| fold(s) == folded).cloned()
    });
    match canonical {
        Some(s) => Ok(match year {
            Some(y) => format!("{s}-{y}"),
            None => s,
        }),
        None => {
            let mut known: Vec<&str> = vocab::event_series_names();
            known.extend(in_index.iter().map(String::as_str));
            Err(Error::UnknownValue {
                facet: "event",
                value: value.to_string(),
                suggestions: closest(series, known, 3),
            })
        }
    }
}

fn resolve_slug(
    facet: &'static str,
    value: &str,
    lookup: fn(&str) -> Option<&'static str>,
    known: Vec<&'static str>,
) -> Result<&'static str> {
    lookup(value).ok_or_else(|| Error::UnknownValue {
        facet,
        value: value.to_string(),
        suggestions: closest(value, known, 3),
    })
}

/// Meetings per value of `name` over a list of hits: the oracle facet counts are tested against.
pub fn count_over(hits: &[Meeting], name: FacetName) -> BTreeMap<String, u64> {
    let mut out = BTreeMap::new();
    for m in hits {
        let values: Vec<String> = match name {
            FacetName::Country => m.countries.clone(),
            FacetName::Rank => m.ranks.clone(),
            FacetName::Topic => m.topics.clone(),
            FacetName::Outcome => m.outcomes.clone(),
            FacetName::Event => m.event.iter().cloned().collect(),
            FacetName::Grade => {
                let mut g: Vec<String> = m
                    .participants
                    .iter()
                    .filter_map(|p| p.grade.clone())
                    .collect();
                g.sort();
                g.dedup();
                g
            }
            FacetName::Region => {
                let mut r: Vec<String> = m
                    .countries
                    .iter()
                    .filter_map(|c| vocab::country_region(c).map(str::to_string))
                    .collect();
                r.sort();
                r.dedup();
                r
            }
        };
        for v in values {
            *out.entry(v).or_default() += 1;
        }
    }
    out
}

/// Splits an event value for display.
pub fn event_label(event: &str) -> String {
    match split_event(event) {
        (s, Some(y)) => format!("{s} {y}"),
        (s, None) => s.to_string(),
    }
}

#[cfg(test)]
mod tests {
    //! 1. Facet counts equal a count over every matching meeting (not only the page).
    //! 2. A date range keeps exactly the meetings inside it, bounds included.
    //! 3. Without a query, hits come newest first; undated meetings last.
    //! 4. Planned meetings are hidden unless asked for.
    //! 5. Event counts are keyed by series and year; a series filter takes every year.
    //! 6. Date bounds parse as typed, inclusive at the end; bad ones are refused.
    //! 7. A ranked search, pruned or not, gives the hits and scores of every match of the
    //!    boolean query it stands for, sorted by score then address, its total, and facet
    //!    counts over all of its matches, over segments with deleted documents and ledger
    //!    entries.
    use super::*;
    use crate::index::{add_meetings, create_in_ram};
    use crate::model::Participant;
    use tantivy::IndexWriter;

    fn meeting(n: usize, date: Option<&str>, event: Option<&str>, topics: &[&str]) -> Meeting {
        Meeting {
            id: format!("a{n}#1"),
            article: format!("a{n}"),
            date: date.map(|d| d.parse().unwrap()),
            event: event.map(str::to_string),
            participants: vec![Participant {
                name: format!("Person{n} Güler"),
                rank: Some("General".into()),
                ..Default::default()
            }],
            ranks: vec!["General".into()],
            topics: topics.iter().map(|t| t.to_string()).collect(),
            text: format!("Meeting number {n} on cooperation."),
            ..Default::default()
        }
    }

    fn corpus() -> Vec<Meeting> {
        let mut planned = meeting(6, Some("2024-10-01"), None, &["training"]);
        planned.status = Status::Planned;
        vec![
            meeting(
                1,
                Some("2022-09-06"),
                Some("ADEX-2022"),
                &["military-technical"],
            ),
            meeting(
                2,
                Some("2024-09-24"),
                Some("ADEX-2024"),
                &["military-technical", "training"],
            ),
            meeting(3, Some("2024-09-24"), Some("ADEX"), &[]),
            meeting(4, None, Some("IDEF-2023"), &["training"]),
            meeting(5, Some("2023-12-31"), None, &["military-technical"]),
            planned,
        ]
    }

    fn index_of(meetings: &[Meeting]) -> Index {
        let index = create_in_ram();
        let mut writer: IndexWriter = index.writer_with_num_threads(1, 15_000_000).unwrap();
        add_meetings(&writer, meetings).unwrap();
        writer.commit().unwrap();
        index
    }

    fn ids(r: &SearchResponse) -> Vec<&str> {
        r.hits.iter().map(|h| h.meeting.article.as_str()).collect()
    }

    #[test]
    fn facet_counts_equal_a_count_over_all_matches() {
        let all = corpus();
        let index = index_of(&all);
        let request = SearchRequest {
            query: Some("cooperation".into()),
            limit: 2,
            facets: vec![FacetName::Topic, FacetName::Rank],
            ..Default::default()
        };
        let r = search(&index, &request).unwrap();
        assert_eq!(r.hits.len(), 2);
        let held: Vec<Meeting> = all
            .into_iter()
            .filter(|m| m.status == Status::Held)
            .collect();
        assert_eq!(r.total, held.len());
        for (name, values) in &r.facets {
            let got: BTreeMap<String, u64> = values.iter().cloned().collect();
            assert_eq!(got, count_over(&held, *name), "{name:?}");
        }
    }

    #[test]
    fn a_date_range_keeps_what_lies_inside_it() {
        let index = index_of(&corpus());
        let request = SearchRequest {
            filters: Filters {
                from: Some("2023-12-31".parse().unwrap()),
                to: Some("2024-09-24".parse().unwrap()),
                ..Default::default()
            },
            ..Default::default()
        };
        let r = search(&index, &request).unwrap();
        let mut got = ids(&r);
        got.sort();
        assert_eq!(got, ["a2", "a3", "a5"]);
    }

    #[test]
    fn listing_without_a_query_is_newest_first_and_hides_planned() {
        let index = index_of(&corpus());
        let r = search(&index, &SearchRequest::default()).unwrap();
        assert_eq!(r.total, 5);
        let dates: Vec<Option<NaiveDate>> = r.hits.iter().map(|h| h.meeting.date).collect();
        let dated: Vec<NaiveDate> = dates.iter().flatten().copied().collect();
        let sorted = {
            let mut d = dated.clone();
            d.sort_by(|a, b| b.cmp(a));
            d
        };
        assert_eq!(dated, sorted);
        assert_eq!(dates.last(), Some(&None), "undated last: {dates:?}");
        let any = SearchRequest {
            filters: Filters {
                status: StatusFilter::Any,
                ..Default::default()
            },
            ..Default::default()
        };
        assert_eq!(search(&index, &any).unwrap().total, 6);
    }

    #[test]
    fn planned_meetings_and_calls_show_only_when_asked_for() {
        let mut all = corpus();
        let mut call = meeting(7, Some("2024-10-02"), None, &[]);
        call.status = Status::Call;
        all.push(call);
        let index = index_of(&all);
        let kept = searcher(&index).unwrap();
        let total = |status| {
            let request = SearchRequest {
                query: Some("cooperation".into()),
                filters: Filters {
                    status,
                    ..Default::default()
                },
                ..Default::default()
            };
            let total = search(&index, &request).unwrap().total;
            let again = search_with(&kept, &index, &request).unwrap().total;
            assert_eq!(total, again, "a kept searcher answers alike");
            total
        };
        assert_eq!(total(StatusFilter::HeldOnly), 5);
        assert_eq!(total(StatusFilter::Only(Status::Planned)), 1);
        assert_eq!(total(StatusFilter::Only(Status::Call)), 1);
        assert_eq!(total(StatusFilter::Any), 7);
    }

    #[test]
    fn events_count_by_series_and_year_and_filter_by_series() {
        let index = index_of(&corpus());
        let request = SearchRequest {
            facets: vec![FacetName::Event],
            ..Default::default()
        };
        let r = search(&index, &request).unwrap();
        let counts: BTreeMap<String, u64> = r.facets[0].1.iter().cloned().collect();
        let expected: BTreeMap<String, u64> = [
            ("ADEX", 1),
            ("ADEX-2022", 1),
            ("ADEX-2024", 1),
            ("IDEF-2023", 1),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_string(), v))
        .collect();
        assert_eq!(counts, expected);
        let by_series = SearchRequest {
            filters: Filters {
                events: vec!["adex".into()],
                ..Default::default()
            },
            ..Default::default()
        };
        // `adex` is known from the index itself even without a vocabulary entry.
        assert_eq!(search(&index, &by_series).unwrap().total, 3);
    }

    #[test]
    fn a_text_query_ranks_and_snippets() {
        let index = index_of(&corpus());
        let request = SearchRequest {
            query: Some("\"number 2\"".into()),
            ..Default::default()
        };
        let r = search(&index, &request).unwrap();
        assert_eq!(ids(&r), ["a2"]);
        let s = r.hits[0].snippet.as_ref().unwrap();
        assert!(!s.highlighted.is_empty());
        assert!(r.hits[0].score.unwrap() > 0.0);
    }

    /// Meetings and ledger entries of synthetic articles in four segments, then every fifth
    /// article deleted.
    fn segmented_index() -> Index {
        let f = schema::fields();
        let index = create_in_ram();
        let mut writer: IndexWriter = index.writer_with_num_threads(1, 15_000_000).unwrap();
        writer.set_merge_policy(Box::new(tantivy::indexer::NoMergePolicy));
        let articles: Vec<_> = crate::synth::articles(11, 0..240)
            .map(|g| g.article)
            .collect();
        for chunk in articles.chunks(60) {
            for a in chunk {
                let meetings = crate::extract::extract(a);
                add_meetings(&writer, &meetings).unwrap();
                writer
                    .add_document(crate::index::ledger::document(f, a, meetings.len()))
                    .unwrap();
            }
            writer.commit().unwrap();
        }
        for a in articles.iter().step_by(5) {
            writer.delete_term(crate::index::ledger::article_term(f, &a.id));
        }
        writer.commit().unwrap();
        index
    }

    #[test]
    fn ranked_searches_equal_the_boolean_query_they_stand_for() {
        let f = schema::fields();
        let index = segmented_index();
        let searcher = searcher(&index).unwrap();
        assert_eq!(searcher.segment_readers().len(), 4);
        let hidden_statuses = |status| match status {
            StatusFilter::Any => vec![LEDGER_STATUS],
            _ => vec![
                LEDGER_STATUS,
                Status::Planned.as_str(),
                Status::Call.as_str(),
            ],
        };
        let mut pruned = 0;
        for q in [
            "cooperation",
            "minister",
            "defence OR navy",
            "cooperation talks",
            "\"defence cooperation\"",
            "title:discuss",
        ] {
            for status in [StatusFilter::HeldOnly, StatusFilter::Any] {
                let text = parse_query(&index, q).unwrap();
                let hidden = BooleanQuery::new(
                    hidden_statuses(status)
                        .into_iter()
                        .map(|s| {
                            let t = Term::from_field_text(f.status, s);
                            let q = TermQuery::new(t, IndexRecordOption::Basic);
                            (Occur::Should, Box::new(q) as Box<dyn Query>)
                        })
                        .collect(),
                );
                let boolean = BooleanQuery::new(vec![
                    (Occur::Must, text.query.box_clone()),
                    (Occur::MustNot, Box::new(hidden)),
                ]);
                let filters = Filters {
                    status,
                    ..Default::default()
                };
                let (_, query) = matching_query(&index, &searcher, Some(q), &filters).unwrap();
                pruned += usize::from(ranks_by_pruning(&searcher, &*query).unwrap());
                let every = ranked::tests::every_match_ranked(&searcher, &boolean);
                let total = every.len();
                for (limit, offset) in [(10, 0), (4, 3), (1000, 0)] {
                    let want: Vec<(String, f32)> = every
                        .iter()
                        .skip(offset)
                        .take(limit)
                        .map(|&(score, a)| (load_meeting(&searcher, f, a).unwrap().id, score))
                        .collect();
                    let request = SearchRequest {
                        query: Some(q.into()),
                        filters: filters.clone(),
                        limit,
                        offset,
                        facets: vec![],
                        ..Default::default()
                    };
                    let r = search_with(&searcher, &index, &request).unwrap();
                    let got: Vec<(String, f32)> = r
                        .hits
                        .iter()
                        .map(|h| (h.meeting.id.clone(), h.score.unwrap()))
                        .collect();
                    assert_eq!((got, r.total), (want, total), "{q} {status:?} {limit}");
                    assert!(total > 0 || q.starts_with('"'), "{q}");
                }
                let all = SearchRequest {
                    query: Some(q.into()),
                    filters: filters.clone(),
                    limit: 1000,
                    ..Default::default()
                };
                let r = search_with(&searcher, &index, &all).unwrap();
                let matches: Vec<Meeting> = r.hits.iter().map(|h| h.meeting.clone()).collect();
                assert_eq!(matches.len(), r.total);
                for (name, values) in &r.facets {
                    let got: BTreeMap<String, u64> = values.iter().cloned().collect();
                    if *name != FacetName::Event {
                        assert_eq!(got, count_over(&matches, *name), "{q} {name:?}");
                    }
                }
            }
        }
        assert!(pruned >= 4, "{pruned}");
    }

    #[test]
    fn a_bad_query_names_the_problem() {
        let index = index_of(&corpus());
        let request = SearchRequest {
            query: Some("nosuchfield:x".into()),
            ..Default::default()
        };
        let err = search(&index, &request).unwrap_err();
        assert!(matches!(err, Error::InvalidQuery { .. }), "{err}");
        assert!(err.to_string().contains("participants"), "{err}");
    }

    #[test]
    fn date_bounds_parse_as_typed() {
        let d = |s: &str, end| parse_date_bound(s, end).unwrap().to_string();
        assert_eq!(d("2024", false), "2024-01-01");
        assert_eq!(d("2024", true), "2024-12-31");
        assert_eq!(d("2024-02", true), "2024-02-29");
        assert_eq!(d("2024-12", true), "2024-12-31");
        assert_eq!(d("2024-09-24", true), "2024-09-24");
        for bad in ["2024-02-30", "24-1-1-1", "last year", "2024-13"] {
            assert!(parse_date_bound(bad, false).is_err(), "{bad}");
        }
    }

    #[test]
    fn grades_are_asked_for_by_code_or_stars() {
        assert_eq!(
            resolve_rank("OF-8").unwrap(),
            RankFilter::Grade("OF-8".into())
        );
        assert_eq!(
            resolve_rank("3-star").unwrap(),
            RankFilter::Grade("OF-8".into())
        );
        assert_eq!(
            resolve_rank("four star").unwrap(),
            RankFilter::Grade("OF-9".into())
        );
    }
}
