//! Reading an article sentence by sentence into meetings. A cue sentence with a new pair of
//! sides opens a meeting; attendance sentences add people to it; sentences that go on reporting
//! it extend its passage; anything else closes it. The occasion, place and date named in the
//! lead or in a cue sentence carry over to the meetings that follow.

use super::cues::{CueHits, SentenceCues};
use super::dates::DateHits;
use super::events::EventMention;
use super::people::{self, Registry};
use super::tokens::{self, Kind, Tok};
use super::topics::TopicHits;
use super::{ranks, segment, sides, Hits};
use crate::model::{Article, DateSource, Meeting, Participant, Status};
use chrono::{Datelike, NaiveDate};
use std::ops::Range;

struct Draft {
    status: Status,
    /// First and last sentence of the passage.
    first: usize,
    last: usize,
    /// Registry indices of the named participants, principals first.
    people: Vec<usize>,
    /// Countries of sides without a named person.
    sides: Vec<&'static str>,
    event: Option<EventMention>,
    location: Option<&'static str>,
    /// Sentences of later passages that report on this meeting too ("both meetings").
    borrowed: Vec<usize>,
}

impl Draft {
    fn countries(&self, reg: &Registry) -> Vec<&'static str> {
        let mut v: Vec<_> = self
            .people
            .iter()
            .filter_map(|&p| reg.people[p].country)
            .chain(self.sides.iter().copied())
            .collect();
        v.sort_unstable();
        v.dedup();
        v
    }

    fn valid(&self) -> bool {
        self.people.len() >= 2 || (self.people.len() == 1 && !self.sides.is_empty())
    }
}

struct State<'a> {
    text: &'a str,
    hits: Hits,
    registry: Registry,
    drafts: Vec<Draft>,
    current: Option<usize>,
    event: Option<EventMention>,
    location: Option<&'static str>,
}

impl State<'_> {
    /// The person a side stands for: someone of that country in the current or latest meeting,
    /// else the latest person of that country who took part in one.
    fn resolve_side(&self, country: &str) -> Option<usize> {
        let of_country = |p: &usize| self.registry.people[*p].country == Some(country);
        let latest = self.current.or(self.drafts.len().checked_sub(1));
        if let Some(d) = latest {
            if let Some(&p) = self.drafts[d].people.iter().find(|p| of_country(p)) {
                return Some(p);
            }
        }
        self.drafts
            .iter()
            .rev()
            .flat_map(|d| d.people.iter())
            .find(|p| of_country(p))
            .copied()
    }

    fn open(
        &mut self,
        status: Status,
        si: usize,
        people: Vec<usize>,
        sides: Vec<&'static str>,
        event: Option<&EventMention>,
        place: Option<&'static str>,
    ) {
        self.drafts.push(Draft {
            status,
            first: si,
            last: si,
            people,
            sides,
            event: event.cloned().or_else(|| self.event.clone()),
            location: place.or(self.location),
            borrowed: Vec::new(),
        });
        self.current = Some(self.drafts.len() - 1);
    }
}

fn add_unique<T: PartialEq>(v: &mut Vec<T>, x: T) {
    if !v.contains(&x) {
        v.push(x);
    }
}

fn pronoun_subject(text: &str, toks: &[Tok]) -> bool {
    toks.iter()
        .take(3)
        .any(|t| t.kind == Kind::Stop && matches!(&text[t.start..t.end], "He" | "She"))
}

/// The meetings of an article.
pub fn meetings(article: &Article) -> Vec<Meeting> {
    let text = article.text.as_str();
    let sentences = segment::split(text);
    let cue_hits = CueHits::new(text);
    let topic_hits = TopicHits::new(text);
    let date_hits = DateHits::new(text);
    let mut st = State {
        text,
        hits: Hits::new(text),
        registry: Registry::default(),
        drafts: Vec::new(),
        current: None,
        event: None,
        location: None,
    };
    let mut lead_date = None;

    for (si, r) in sentences.iter().enumerate() {
        let toks = tokens::tokenize(text, r.start, r.end, &st.hits);
        let cues = cue_hits.classify(text, r.start, r.end);
        let reg = &st.registry;
        let mentions = people::mentions(text, &toks, |n| reg.find(n).is_some());
        let mut ids = Vec::new();
        let mut previous_country = None;
        for m in &mentions {
            let mut m = m.clone();
            if cues.attendance
                && !cues.meeting()
                && m.position.is_none()
                && m.organization.is_none()
            {
                // Lists of attendees name the country once for several people; someone with a
                // post of their own may belong to either side, so they keep what is written.
                m.country = m.country.or(previous_country);
            }
            let id = st.registry.add(&m);
            previous_country = st.registry.people[id].country;
            add_unique(&mut ids, id);
        }
        let side_countries = sides::find(text, &toks, &mentions);
        let event = st
            .hits
            .event_mentions
            .iter()
            .find(|e| e.start >= r.start && e.start < r.end)
            .cloned();
        let place = toks.iter().find_map(|t| {
            if let Kind::Place(p) = t.kind {
                Some(p)
            } else {
                None
            }
        });
        if st.drafts.is_empty() {
            lead_date = lead_date
                .or_else(|| date_hits.first(text, r.start, r.end, article.published, false));
        }
        if !text[r.clone()].ends_with(['.', '!', '?', '"', '\'', ')', '\u{201D}', '\u{2019}']) {
            // Headlines, captions and bylines neither report nor interrupt a meeting.
            st.event = event.or(st.event.take());
            st.location = place.or(st.location);
            continue;
        }
        let opened_before = st.drafts.len();
        step(
            &mut st,
            si,
            &toks,
            &cues,
            &mentions,
            ids,
            side_countries,
            event.as_ref(),
            place,
        );
        let in_body = st.current.is_some() && st.drafts.len() == opened_before;
        if !in_body {
            // Lead, cue and stray sentences set the scene for the meetings that follow.
            st.event = event.or(st.event.take());
            st.location = place.or(st.location);
        }
        if cues.plural {
            if let Some(c) = st.current {
                if c > 0 {
                    st.drafts[c - 1].borrowed.push(si);
                }
            }
        }
    }

    let mut out = Vec::new();
    for d in st.drafts.iter().filter(|d| d.valid()) {
        out.push(finish(
            article,
            &st,
            d,
            &sentences,
            &topic_hits,
            &date_hits,
            lead_date,
            out.len() + 1,
        ));
    }
    out
}

#[allow(clippy::too_many_arguments)]
fn step(
    st: &mut State,
    si: usize,
    toks: &[Tok],
    cues: &SentenceCues,
    mentions: &[people::Mention],
    ids: Vec<usize>,
    side_countries: Vec<&'static str>,
    event: Option<&EventMention>,
    place: Option<&'static str>,
) {
    let text = st.text;
    if cues.meeting() {
        let mut people = ids.clone();
        let mut unnamed = Vec::new();
        for c in &side_countries {
            match st.resolve_side(c) {
                Some(p)
                    if !people
                        .iter()
                        .any(|q| st.registry.people[*q].country == Some(c))
                        || people.contains(&p) =>
                {
                    add_unique(&mut people, p)
                }
                _ => add_unique(&mut unnamed, *c),
            }
        }
        if pronoun_subject(text, toks) {
            if let Some(host) = st
                .current
                .or(st.drafts.len().checked_sub(1))
                .and_then(|d| st.drafts[d].people.first().copied())
            {
                people.insert(0, host);
                people.dedup();
            }
        }
        let status = if cues.call {
            Status::Call
        } else if cues.planned {
            Status::Planned
        } else {
            Status::Held
        };
        if let Some(c) = st.current {
            let d = &st.drafts[c];
            let countries = d.countries(&st.registry);
            let same = people.iter().all(|p| d.people.contains(p))
                && unnamed.iter().all(|u| countries.contains(u));
            if same && (d.status == status || people.is_empty()) {
                st.drafts[c].last = si;
                return;
            }
        }
        if people.len() >= 2 || (people.len() == 1 && !unnamed.is_empty()) {
            inherit_counterpart_positions(st, mentions, &people);
            st.open(status, si, people, unnamed, event, place);
            return;
        }
        let countries: Vec<&'static str> = {
            let mut v: Vec<_> = toks
                .iter()
                .filter_map(|t| {
                    if let Kind::Country(c) = t.kind {
                        Some(c)
                    } else {
                        None
                    }
                })
                .collect();
            v.sort_unstable();
            v.dedup();
            v
        };
        if people.is_empty() && countries.len() >= 2 && st.current.is_none() {
            // "talks between Azerbaijan and Turkey": who took part comes later.
            st.open(status, si, Vec::new(), countries, event, place);
            return;
        }
    } else if cues.attendance {
        if let Some(c) = st.current {
            let d = &mut st.drafts[c];
            ids.into_iter().for_each(|p| add_unique(&mut d.people, p));
            side_countries
                .into_iter()
                .for_each(|s| add_unique(&mut d.sides, s));
            d.last = si;
            return;
        }
        if ids.len() >= 2 {
            st.open(Status::Held, si, ids, Vec::new(), event, place);
            return;
        }
    }
    if let Some(c) = st.current {
        let d = &mut st.drafts[c];
        if cues.continuation || ids.iter().any(|p| d.people.contains(p)) {
            if d.people.is_empty() {
                // A meeting opened by its countries learns its people from what follows.
                ids.into_iter().for_each(|p| add_unique(&mut d.people, p));
            }
            d.last = si;
            return;
        }
    }
    st.current = None;
}

/// "his Iranian counterpart Maj-Gen X": X holds the same post as the host.
fn inherit_counterpart_positions(st: &mut State, mentions: &[people::Mention], people: &[usize]) {
    let Some(&host) = people.first() else { return };
    let post = st.registry.people[host].position.clone();
    for m in mentions.iter().filter(|m| m.counterpart) {
        if let Some(i) = st.registry.find(&m.name) {
            if i != host && st.registry.people[i].position.is_none() {
                st.registry.people[i].position = post.clone();
            }
        }
    }
}

#[allow(clippy::too_many_arguments)]
fn finish(
    article: &Article,
    st: &State,
    d: &Draft,
    sentences: &[Range<usize>],
    topic_hits: &TopicHits,
    date_hits: &DateHits,
    lead_date: Option<NaiveDate>,
    n: usize,
) -> Meeting {
    let text = st.text;
    let span = sentences[d.first].start..sentences[d.last].end;
    let reported: Vec<Range<usize>> = (d.first..=d.last)
        .chain(d.borrowed.iter().copied())
        .map(|i| sentences[i].clone())
        .collect();
    let mut topics = Vec::new();
    let mut outcomes = Vec::new();
    for r in &reported {
        topic_hits.topics(text, r.clone(), &mut topics);
        topic_hits.outcomes(r.clone(), &mut outcomes);
    }
    for v in [&mut topics, &mut outcomes] {
        v.sort_unstable();
        v.dedup();
    }
    let ahead = d.status == Status::Planned;
    let stated = date_hits
        .first(text, span.start, span.end, article.published, ahead)
        .or(lead_date);
    let (date, date_source) = match (stated, article.published) {
        (Some(s), _) => (Some(s), DateSource::Stated),
        (None, Some(p)) => (Some(p), DateSource::Published),
        (None, None) => (None, DateSource::Unknown),
    };
    let participants: Vec<Participant> = d
        .people
        .iter()
        .map(|&p| {
            let person = &st.registry.people[p];
            let rank = person.rank.map(ranks::by_index);
            Participant {
                name: person.name.clone(),
                country: person.country.map(str::to_string),
                rank: rank.map(|r| r.name.clone()),
                grade: rank.and_then(|r| r.grade.clone()),
                position: person.position.clone(),
                organization: person.organization.clone(),
            }
        })
        .collect();
    let mut ranks: Vec<String> = participants.iter().filter_map(|p| p.rank.clone()).collect();
    ranks.sort_unstable();
    ranks.dedup();
    Meeting {
        id: format!("{}#{n}", article.id),
        article: article.id.clone(),
        status: d.status,
        date,
        date_source,
        published: article.published,
        title: article.title.clone(),
        source: article.source.clone(),
        url: article.url.clone(),
        location: d.location.map(str::to_string),
        event: d.event.as_ref().map(|e| e.label(date.map(|d| d.year()))),
        participants,
        countries: d
            .countries(&st.registry)
            .into_iter()
            .map(str::to_string)
            .collect(),
        ranks,
        topics: topics.into_iter().map(str::to_string).collect(),
        outcomes: outcomes.into_iter().map(str::to_string).collect(),
        text: text[span.clone()].to_string(),
        span: [span.start, span.end],
    }
}
