//! Reading an article sentence by sentence into meetings. A cue sentence with a new pair of
//! sides opens a meeting; attendance sentences add people to it; sentences that go on reporting
//! it extend its passage; anything else closes it. The occasion, place and date named in the
//! lead or in a cue sentence carry over to the meetings that follow.

use super::cues::{CueHits, SentenceCues};
use super::dates::DateHits;
use super::events::EventMention;
use super::matcher::{self, within, Table};
use super::people::{self, Registry};
use super::refs::{self, Reference};
use super::tokens::{self, Kind, Tok};
use super::topics::TopicHits;
use super::{countries, dates, positions, ranks, segment, sides, Hits};
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
    /// Those of `people` named only in a list of attendees.
    listed: Vec<usize>,
    /// Countries of sides without a named person.
    sides: Vec<&'static str>,
    event: Option<EventMention>,
    location: Option<&'static str>,
    /// The country of the institution the meeting was held at ("welcomed X to the Pentagon").
    venue: Option<&'static str>,
    /// Sentences of later passages that report on this meeting too ("both meetings").
    borrowed: Vec<usize>,
    /// Sentences inside the passage that tell of another meeting opened by the same sentence
    /// ("held separate meetings with A and B").
    lent: Vec<usize>,
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

    /// Sides no named participant stands for yet.
    fn unnamed_sides(&self, reg: &Registry) -> Vec<&'static str> {
        let named: Vec<_> = self
            .people
            .iter()
            .filter_map(|&p| reg.people[p].country)
            .collect();
        self.sides
            .iter()
            .copied()
            .filter(|s| !named.contains(s))
            .collect()
    }

    fn valid(&self) -> bool {
        self.people.len() >= 2 || (self.people.len() == 1 && !self.sides.is_empty())
    }
}

struct State<'a> {
    text: &'a str,
    hits: Hits,
    registry: Registry,
    /// The sentence each registry person was last mentioned in.
    seen: Vec<usize>,
    /// Registry indices of the people named as heading a delegation, in order.
    heads: Vec<usize>,
    /// The country of the place the article is filed from.
    dateline: Option<&'static str>,
    /// The country whose ministry or armed forces issued the article, from a heading line
    /// ("REPUBLIC OF TÜRKİYE MINISTRY OF NATIONAL DEFENCE").
    source: Option<&'static str>,
    /// The country of an institution the current sentence places someone at ("to the Pentagon").
    venue: Option<&'static str>,
    /// The country a guest is said to be visiting ("currently visiting Egypt", "a three-day
    /// visit to India").
    visited: Option<&'static str>,
    /// Sentences since the current meeting was last reported.
    strays: usize,
    drafts: Vec<Draft>,
    current: Option<usize>,
    /// The first person named in the latest sentence that named anyone: whom "he" stands for
    /// before any meeting is reported.
    subject: Option<usize>,
    event: Option<EventMention>,
    location: Option<&'static str>,
    /// People said to attend "both meetings" when one had been told, and the people of that
    /// one: they join the next held meeting opened with one of those.
    companions: (Vec<usize>, Vec<usize>),
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

    /// The person a reference ("the minister", "the Kazakh general") points to: one of the
    /// meeting being reported (its host first), else the person last mentioned who fits;
    /// never someone named in the same sentence.
    fn resolve_reference(&self, r: &Reference, named_here: &[usize]) -> Option<usize> {
        if r.need == refs::Need::Delegation {
            // "the delegation", "the visitors": the head of the delegation named last.
            return self
                .heads
                .iter()
                .copied()
                .filter(|p| !named_here.contains(p))
                .filter(|&p| {
                    r.country
                        .is_none_or(|c| self.registry.people[p].country == Some(c))
                })
                .max_by_key(|&p| self.seen[p]);
        }
        let fits = |p: usize, host: bool| {
            let person = &self.registry.people[p];
            let rank = person.rank.map(|i| ranks::by_index(i).name.as_str());
            !named_here.contains(&p)
                && r.country.is_none_or(|c| person.country == Some(c))
                && r.fits(rank, person.position.as_deref(), host)
        };
        let best = |candidates: &mut dyn Iterator<Item = (usize, bool)>| {
            let mut best: Option<(usize, usize)> = None;
            for (p, host) in candidates {
                if fits(p, host) {
                    let met = r.modifiers_met(self.registry.people[p].position.as_deref());
                    if best.is_none_or(|(_, m)| met > m) {
                        best = Some((p, met));
                    }
                }
            }
            best.map(|(p, _)| p)
        };
        let latest = self.current.or(self.drafts.len().checked_sub(1));
        if let Some(d) = latest {
            let d = &self.drafts[d];
            // The host is of the country the article is issued in, when both are known
            // ("ISLAMABAD — X called on Y": Y hosts); else the meeting's first person.
            let home = self.source.or(self.dateline);
            let is_host = |i: usize, p: usize| match (home, self.registry.people[p].country) {
                (Some(h), Some(c)) => h == c,
                _ => i == 0,
            };
            let mut in_meeting = d
                .people
                .iter()
                .enumerate()
                .map(|(i, &p)| (p, is_host(i, p)));
            if let Some(p) = best(&mut in_meeting) {
                return Some(p);
            }
        }
        let mut order: Vec<usize> = (0..self.registry.people.len()).collect();
        order.sort_by_key(|&p| std::cmp::Reverse(self.seen[p]));
        best(&mut order.into_iter().map(|p| (p, false)))
    }

    /// The two people named last ("the two ministers"), in the order they were named; none of
    /// `later`, named after the words that refer to them.
    fn last_two(&self, later: &[usize]) -> Vec<usize> {
        let mut order: Vec<usize> = (0..self.registry.people.len())
            .filter(|p| !later.contains(p))
            .collect();
        order.sort_by_key(|&p| (std::cmp::Reverse(self.seen[p]), p));
        order.truncate(2);
        order.sort_unstable();
        if order.len() == 2 {
            order
        } else {
            Vec::new()
        }
    }

    /// A principal still without a country, in a meeting whose other people are all of one
    /// country, is of the one other country its passage names ("Indian institutions").
    fn settle_guest(&mut self, d: usize, sentences: &[Range<usize>]) {
        let d = &self.drafts[d];
        // The one principal without a country stands for the one side no one else does.
        let unnamed = d.unnamed_sides(&self.registry);
        let stateless: Vec<usize> = d
            .people
            .iter()
            .copied()
            .filter(|p| !d.listed.contains(p) && self.registry.people[*p].country.is_none())
            .collect();
        if let ([side], [p]) = (&unnamed[..], &stateless[..]) {
            self.registry.people[*p].country = Some(*side);
            return;
        }
        // Attendees are left out: a guest's ambassador listed beside him does not make the
        // meeting one of two known sides ("as did the U.S. ambassador to Estonia").
        let mut known: Vec<&'static str> = d
            .people
            .iter()
            .filter(|p| !d.listed.contains(p))
            .filter_map(|&p| self.registry.people[p].country)
            .chain(d.sides.iter().copied())
            .collect();
        known.sort_unstable();
        known.dedup();
        let [side] = known[..] else { return };
        let span = sentences[d.first].start..sentences[d.last].end;
        let mut named: Vec<&'static str> = within(&self.hits.countries, span.start, span.end)
            .iter()
            .map(countries::code)
            .filter(|c| !c.is_empty() && *c != side)
            .collect();
        named.sort_unstable();
        named.dedup();
        let [other] = named[..] else { return };
        for &p in d.people.iter().filter(|p| !d.listed.contains(p)) {
            let person = &mut self.registry.people[p];
            if person.country.is_none() {
                person.country = Some(other);
            }
        }
    }

    /// See [`home_countries`].
    fn settle_home(&mut self, d: usize, staff: &[Option<usize>]) {
        let d = &self.drafts[d];
        let place = d
            .location
            .and_then(countries::city_country)
            .or(d.venue)
            .filter(|_| self.source.is_none());
        let Some(home) = self.source.or(place).or(self.dateline).or(self.visited) else {
            return;
        };
        // The article's own country (its issuer's, or the one it is filed from) and not only the
        // meeting's place: attendees named without a country are of it.
        let own = self.source.or(self.dateline) == Some(home);
        let others = d.countries(&self.registry);
        if others.is_empty() {
            return;
        }
        let home_named = others.contains(&home);
        // A list of attendees that gives the guests' country leaves the host's staff unmarked
        // ("attended by Assistant Chief of Staff Lt. Gen. X and the U.S. Defense Attaché Col. Y").
        let list_marks_guests = d
            .listed
            .iter()
            .any(|&p| self.registry.people[p].country.is_some_and(|c| c != home));
        let envoy = |position: Option<&str>| position.is_some_and(positions::is_envoy);
        for &p in &d.people {
            if staff.get(p).is_some_and(Option::is_some) {
                // Of the one whose staff they are; see [`home_countries`].
                continue;
            }
            let person = &mut self.registry.people[p];
            let listed = d.listed.contains(&p);
            let of_home = if listed {
                (list_marks_guests || (own && home_named)) && !envoy(person.position.as_deref())
            } else {
                !home_named
            };
            if person.country.is_none() && of_home {
                person.country = Some(home);
            }
        }
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
        let mut people = people;
        if status == Status::Held && people.iter().any(|p| self.companions.1.contains(p)) {
            for p in std::mem::take(&mut self.companions.0) {
                add_unique(&mut people, p);
            }
        }
        self.drafts.push(Draft {
            status,
            first: si,
            last: si,
            people,
            listed: Vec::new(),
            sides,
            event: event.cloned().or_else(|| self.event.clone()),
            location: place.or(self.location),
            venue: self.venue,
            borrowed: Vec::new(),
            lent: Vec::new(),
        });
        self.current = Some(self.drafts.len() - 1);
        // Settled now, so that later sentences find the host by country ("the Egyptian side").
        self.settle_home(self.drafts.len() - 1, &[]);
    }
}

fn add_unique<T: PartialEq>(v: &mut Vec<T>, x: T) {
    if !v.contains(&x) {
        v.push(x);
    }
}

/// Whether the mention is of someone a report is attributed to: "…, the ministry's spokesman
/// Col. X said in a statement.", "According to army spokesman Col. X, the two generals …",
/// "Brig. Gen. X, in a statement on Wednesday, said the two chiefs …".
fn attributed(text: &str, m: &people::Mention, sentence_start: usize) -> bool {
    // The name mostly ends the mention, where the last of its occurrences is found at once.
    let before = &text[..m.end];
    let start = if before.ends_with(m.name.as_str()) {
        Some(m.end - m.name.len())
    } else {
        before.rfind(m.name.as_str())
    }
    .unwrap_or(m.pre_start)
    .max(sentence_start);
    let opening = text[sentence_start..start].to_ascii_lowercase();
    let opens = |w: &str| opening.trim_start().starts_with(w);
    if opens("according to") && !opening.contains(',') {
        return true;
    }
    // "Meeting with X, Miao said …", "In his talks with X, the minister said …": the speaker
    // is the one who met X.
    let own_meeting = [
        "in his ",
        "in her ",
        "during his ",
        "during her ",
        "at his ",
        "at her ",
    ]
    .iter()
    .any(|w| opens(w))
        && opening[..opening.find(',').unwrap_or(opening.len())]
            .split_whitespace()
            .nth(2)
            .is_some_and(|w| matches!(w, "meeting" | "meetings" | "talks" | "conversation"));
    if opens("meeting with") || own_meeting {
        return false;
    }
    let mut after = text[m.end..].trim_start();
    if let Some(rest) = after.strip_prefix(", in a ") {
        // ", in a statement on Wednesday, said".
        match rest.find(',') {
            Some(comma) if comma < 60 => after = rest[comma + 1..].trim_start(),
            _ => return false,
        }
    }
    let says_at = |after: &str| {
        ["said", "says", "told", "stated", "added", "noted"]
            .iter()
            .any(|w| after.starts_with(w) && !after[w.len()..].starts_with(char::is_alphabetic))
    };
    // "The spokesman of the Armed Forces, colonel X, told the paper".
    let closing = after.strip_prefix(',').map(str::trim_start);
    let says = says_at(after)
        || closing.is_some_and(|rest| {
            says_at(rest) && spokesman(&text[sentence_start..start].to_ascii_lowercase())
        });
    if !says {
        return false;
    }
    // The few words between the last comma and the name describe the speaker ("army
    // spokesman Col."), joining no one else.
    // Without a comma, the words from the sentence's start, when they name a spokesman ("AFP
    // spokesperson Col. X said"); "Defence Minister X said this was conveyed during his
    // meeting" tells of his own meeting.
    let from = match text[sentence_start..start].rfind(',') {
        Some(comma) => comma + 1,
        None if spokesman(&opening) => 0,
        None => return false,
    };
    let words: Vec<&str> = text[sentence_start + from..start]
        .split_whitespace()
        .collect();
    words.len() <= 8
        && !words.iter().any(|w| {
            matches!(
                *w,
                "and" | "with" | "met" | "received" | "who" | "which" | "while" | "as"
            )
        })
}

/// Whether words before a name say its bearer speaks for an office ("army spokesperson", "press
/// secretary", "public affairs officer").
fn spokesman(words: &str) -> bool {
    [
        "spokes",
        "press ",
        "public affairs",
        "public relations",
        "information officer",
    ]
    .iter()
    .any(|w| words.contains(w))
}

/// "He then met …", "On Monday, he held talks with …", "On Tuesday, the opening day, he
/// received …": the sentence's subject is a pronoun.
fn pronoun_subject(text: &str, toks: &[Tok]) -> bool {
    toks.iter()
        .take(10)
        .take_while(|t| !matches!(t.kind, Kind::Cap | Kind::Rank(_) | Kind::Title))
        .any(|t| matches!(&text[t.start..t.end], "He" | "She" | "he" | "she"))
}

/// Whether the sentence `range` reports people of two countries, both named in it, signing an
/// agreement, a memorandum or a contract together; or one of a known country signing "together
/// with" someone of no stated country, or with their counterpart.
fn signed_together(
    text: &str,
    range: Range<usize>,
    mentions: &[people::Mention],
    registry: &Registry,
    topic_hits: &TopicHits,
    article: &Article,
) -> bool {
    let known: Vec<Option<&str>> = mentions
        .iter()
        .map(|m| {
            m.country.or_else(|| {
                registry
                    .find(&m.name)
                    .and_then(|p| registry.people[p].country)
            })
        })
        .collect();
    let mut countries: Vec<&str> = known.iter().flatten().copied().collect();
    countries.sort_unstable();
    countries.dedup();
    // "X and his Latvian counterpart Y signed …", "X signed … together with Y".
    let facing = || {
        mentions.iter().any(|m| m.counterpart) || text[range.clone()].contains(" together with ")
    };
    let two_sides =
        countries.len() >= 2 || (countries.len() == 1 && known.contains(&None) && facing());
    two_sides && topic_hits.signs(text, range, article.published)
}

/// The meetings of an article.
pub fn meetings(article: &Article) -> Vec<Meeting> {
    let text = article.text.as_str();
    let (sentences, subjectless) = clauses(text, segment::split(text));
    // Every vocabulary is matched in one pass over the text.
    let mut scan = matcher::scan(text);
    let cue_hits = CueHits::from_hits(scan.take(Table::Cue));
    let topic_hits = TopicHits::from_scan(&mut scan);
    let date_hits = DateHits::from_hits(text, scan.take(Table::Date));
    let mut st = State {
        text,
        hits: Hits::from_scan(text, &mut scan),
        registry: Registry::default(),
        seen: Vec::new(),
        subject: None,
        heads: Vec::new(),
        dateline: None,
        source: None,
        venue: None,
        visited: None,
        strays: 0,
        drafts: Vec::new(),
        current: None,
        event: None,
        location: None,
        companions: (Vec::new(), Vec::new()),
    };
    let mut lead_date = None;

    let mut cursors = tokens::Cursors::default();
    let mut toks = Vec::new();
    for (si, r) in sentences.iter().enumerate() {
        tokens::tokenize_into(text, r.start, r.end, &st.hits, &mut cursors, &mut toks);
        // The dateline opens the first paragraph, or the first after the headline and byline.
        let opens_paragraph = r.start == 0 || text[..r.start].trim_end_matches(' ').ends_with('\n');
        // A headline may tell of the meeting ("Chief of Staff Hosted the Georgian Chief"); the
        // lines under it still say where the article comes from.
        let no_body_yet = st.drafts.iter().all(|d| d.first == 0);
        if si < 4 && st.dateline.is_none() && no_body_yet {
            st.dateline = opens_paragraph
                .then(|| dateline_country(text, r.clone(), &toks))
                .flatten()
                .or_else(|| release_place(text, &toks));
        }
        let mut cues = cue_hits.classify(text, r.start, r.end);
        if no_body_yet && si < 4 && st.source.is_none() && !cues.meeting() {
            // "Chief of Staff Hosted the Georgian Chief": a headline telling of a meeting
            // names no issuer.
            st.source = issuer(text, &toks);
        }
        if st.visited.is_none() {
            st.visited = visit_country(text, &toks);
        }
        st.venue = venue_country(text, &toks);
        if text[r.clone()].trim_end().ends_with(" attended.") {
            // "Nigeria's defence adviser, Air Commodore X, attended."
            cues.attendance = true;
        }
        if !cues.meeting() && (gerund_meeting(&text[r.clone()]) || went_to_meet(&text[r.clone()])) {
            // "visited Ankara on Monday, meeting Turkish Chief of General Staff Gen. X".
            cues.held = true;
        }
        if arrival(&text[r.clone()]) {
            // "On arrival, the visiting chief was received by …": a welcome, no meeting.
            cues.held = false;
        }
        let reg = &st.registry;
        let mentions = people::mentions(text, &toks, |n| reg.find(n).is_some());
        if !cues.meeting() && signed_together(text, r.clone(), &mentions, reg, &topic_hits, article)
        {
            // "X and Y signed a memorandum": two sides sign face to face.
            cues.held = true;
        }
        let mut placed: Vec<(usize, usize)> = Vec::new();
        // The sentence that named the pair "the two ministers" points back to.
        let mut pair_named = None;
        let mut led = Vec::new();
        let mut previous_country = None;
        // Someone "accompanied by" / "joined by" the people listed next: one side.
        let mut parties: Vec<Vec<usize>> = Vec::new();
        let mut in_party = false;
        let mut previous_id = None;
        let mut previous_end = r.start;
        let mut registered = Vec::new();
        let mut speakers = Vec::new();
        for m in &mentions {
            let attache = || {
                m.position
                    .as_deref()
                    .is_some_and(|p| p.to_lowercase().contains("attach"))
            };
            let listed;
            let m = if m.country.is_none()
                && previous_country.is_some()
                && cues.attendance
                && !cues.meeting()
                && ((m.position.is_none() && m.organization.is_none()) || attache())
            {
                // Lists of attendees name the country once for several people; someone with a
                // post of their own may belong to either side, so they keep what is written,
                // but for the attaché listed after their ambassador.
                listed = people::Mention {
                    country: previous_country,
                    ..m.clone()
                };
                &listed
            } else {
                m
            };
            let between = &text[previous_end.min(m.pre_start)..m.pre_start];
            // Both phrases end in "ed by": most gaps between two names are ruled out by a scan
            // for it.
            let joined = between.as_bytes().windows(5).any(|w| w == b"ed by")
                && (between.contains("accompanied by") || between.contains("joined by"));
            if joined {
                parties.extend(previous_id.map(|p| vec![p]));
                in_party = previous_id.is_some();
            } else if !matches!(between.trim(), "," | "and" | ", and") {
                in_party = false;
            }
            previous_end = m.end;
            let id = st.registry.add(m);
            previous_id = Some(id);
            if in_party {
                parties.last_mut().into_iter().for_each(|p| p.push(id));
            }
            st.seen.resize(st.registry.people.len(), 0);
            st.seen[id] = si;
            previous_country = st.registry.people[id].country;
            if attributed(text, m, r.start) {
                // "…, the TNI spokesman Maj. Gen. X said": who tells of the meeting.
                speakers.push(id);
                continue;
            }
            registered.push((m.pre_start, id));
            placed.push((m.pre_start, id));
            if m.led {
                led.push(id);
                add_unique(&mut st.heads, id);
            }
        }
        for party in &parties {
            // The country of the one who is accompanied, else of the first companion with one.
            let country = party.iter().find_map(|&p| st.registry.people[p].country);
            for &p in party {
                let person = &mut st.registry.people[p];
                person.country = person.country.or(country);
            }
        }
        let named_here: Vec<usize> = placed.iter().map(|&(_, id)| id).collect();
        for r in refs::find(text, &toks, &mentions) {
            if r.need == refs::Need::Two {
                let later: Vec<usize> = registered
                    .iter()
                    .filter(|&&(at, _)| at > r.start)
                    .map(|&(_, id)| id)
                    .chain(speakers.iter().copied())
                    .collect();
                // "During the discussion that followed, the two chiefs …": the two people of
                // the meeting being reported, in a sentence that names no one.
                let principals = st
                    .current
                    .map(|c| &st.drafts[c])
                    .filter(|d| {
                        d.people.len() == 2
                            && registered.iter().all(|(_, id)| d.people.contains(id))
                    })
                    .map(|d| d.people.clone());
                let pair = principals.unwrap_or_else(|| st.last_two(&later));
                pair_named = pair.iter().map(|&p| st.seen[p]).max();
                placed.extend(pair.into_iter().map(|id| (r.start, id)));
            } else if let Some(id) = st.resolve_reference(&r, &named_here) {
                placed.push((r.start, id));
            }
        }
        placed.sort_unstable();
        let mut ids = Vec::new();
        for (_, id) in placed {
            add_unique(&mut ids, id);
        }
        let mut side_countries = sides::find(text, &toks, &mentions);
        if let Some(home) = st.source.or(st.dateline) {
            if !side_countries.contains(&home) && sides::home_monarch(text, &toks) {
                side_countries.push(home);
            }
        }
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
        let cut = sentences.get(si + 1).is_some_and(|n| n.start == r.end);
        let line = !cut
            && !text[r.clone()].ends_with(['.', '!', '?', '"', '\'', ')', '\u{201D}', '\u{2019}']);
        // A day the body states wins over the time line under the headline ("TNN | Feb 21,
        // 2024, 04.12 AM IST"), but not the end of a span ("the show runs through Thursday").
        if st.drafts.is_empty() && lead_date.is_none_or(|l: Lead| l.line && !line) {
            let found = date_hits
                .first_at(text, r.start, r.end, article.published, false)
                .filter(|&(at, _)| lead_date.is_none() || !dates::span_end(text, at))
                .map(|(at, d)| Lead {
                    date: d,
                    reported: dates::reported(text, at),
                    // "received several delegations yesterday" dates the meetings that follow;
                    // "arrived on Sunday for a three-day visit" does not.
                    opening: cues.meeting() || cues.plural || cues.continuation,
                    sentence: si,
                    line,
                });
            lead_date = found.or(lead_date);
        }
        if line {
            // Headlines, captions and bylines neither report nor interrupt a meeting.
            st.event = event.or(st.event.take());
            st.location = place.or(st.location);
            continue;
        }
        let opened_before = st.drafts.len();
        let first_named = ids.first().copied();
        let lead_sentence = st.drafts.is_empty() && lead_date.is_some_and(|l| l.sentence == si);
        step(
            &mut st,
            si,
            &toks,
            &cues,
            &mentions,
            ids,
            &led,
            side_countries,
            event.as_ref(),
            place,
            subjectless[si],
        );
        st.subject = first_named.or(st.subject);
        if lead_sentence && !st.drafts.is_empty() {
            // The date is the first meeting's own, stated in its passage.
            if let Some(l) = lead_date.as_mut() {
                l.opening = false;
            }
        }
        if let Some(c) = st.current {
            // "'…,' Fenwick said.": one of the meeting's people speaking of it goes on with it.
            if st.drafts.len() == opened_before
                && speakers.iter().any(|p| st.drafts[c].people.contains(p))
            {
                st.drafts[c].last = si;
            }
        }
        if st.current.is_some_and(|c| st.drafts[c].last == si) {
            st.strays = 0;
        }
        if st.drafts.len() > opened_before && si > 0 && pair_named == Some(si - 1) {
            // "X and Y signed an agreement. Before the signing, the two ministers held talks":
            // the sentence that named them reports the meeting too.
            let earlier_free = opened_before == 0 || st.drafts[opened_before - 1].last < si - 1;
            if earlier_free {
                st.drafts[opened_before].first = si - 1;
            }
        }
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

    home_countries(&mut st, &sentences);
    // "X met his Canadian and French counterparts at the forum", then each meeting told: the
    // lead's one-person draft is summed up by the later ones with those sides.
    let summed_up: Vec<bool> = (0..st.drafts.len())
        .map(|i| {
            let d = &st.drafts[i];
            let [one] = d.people[..] else { return false };
            d.sides.len() >= 2
                && st.drafts[i + 1..].iter().any(|later| {
                    later.people.contains(&one)
                        && later.people.iter().any(|&p| {
                            st.registry.people[p]
                                .country
                                .is_some_and(|c| d.sides.contains(&c))
                        })
                })
        })
        .collect();
    // The day of a lead that sums up the meetings told next ("held separate meetings on
    // Tuesday with …") is the day of each.
    if let Some(l) = lead_date.as_mut() {
        if (0..st.drafts.len()).any(|i| summed_up[i] && st.drafts[i].first == l.sentence) {
            l.opening = true;
        }
    }
    let mut out: Vec<Meeting> = Vec::new();
    for (_, d) in st
        .drafts
        .iter()
        .enumerate()
        .filter(|&(i, d)| d.valid() && !summed_up[i])
    {
        let first = out.is_empty();
        let previous = out.last().and_then(|m| m.date);
        let date = meeting_date(
            article,
            &st,
            d,
            &sentences,
            &date_hits,
            lead_date
                .filter(|l| first || l.reported || l.opening)
                .map(|l| l.date),
            previous,
        );
        out.push(finish(
            article,
            &st,
            d,
            &sentences,
            &topic_hits,
            date,
            out.len() + 1,
        ));
    }
    out
}

/// The first date the lead states; whether it is when the news was reported; whether it is
/// stated before the first meeting's own passage ("held a string of meetings on Tuesday").
#[derive(Debug, Clone, Copy)]
struct Lead {
    date: NaiveDate,
    reported: bool,
    opening: bool,
    sentence: usize,
    /// Stated in a headline or a time line, not in a sentence of the body.
    line: bool,
}

/// A meeting's day: stated in its opening sentence; else, for a passage that opens by placing it
/// against the meeting before ("Later in the day", "A day earlier"), that meeting's day moved so;
/// else stated further on in its passage; else the lead's (`lead`: the day the lead states,
/// given for the first meeting, or for all when stated before any meeting or as the day the
/// news was reported); else the publication date.
fn meeting_date(
    article: &Article,
    st: &State,
    d: &Draft,
    sentences: &[Range<usize>],
    date_hits: &DateHits,
    lead: Option<NaiveDate>,
    previous: Option<NaiveDate>,
) -> (Option<NaiveDate>, DateSource) {
    let text = st.text;
    let span = sentences[d.first].start..sentences[d.last].end;
    let ahead = d.status == Status::Planned;
    let own = |range: Range<usize>| {
        date_hits
            .first_at(text, range.start, range.end, article.published, ahead)
            .map(|(_, d)| d)
    };
    let opening = sentences[d.first].clone();
    // A day in the opening sentence, then the opening's shift from the meeting before ("The
    // following day, …"), then a day stated further on in the passage.
    let stated = own(opening.clone())
        .or_else(|| {
            let shift = dates::days_after_previous(&text[opening.clone()])?;
            previous?.checked_add_signed(chrono::TimeDelta::days(shift))
        })
        .or_else(|| {
            // Meetings opened by one sentence ("held separate meetings with A and B") are told
            // one after the other: a later one's day is stated after the earlier one's passage.
            let told_before = st
                .drafts
                .iter()
                .filter(|o| o.first == d.first && o.last < d.last)
                .map(|o| o.last)
                .max();
            let from = told_before.map_or(opening.end, |l| sentences[l].end);
            own(from..span.end)
        })
        .or(lead.filter(|_| !ahead));
    match (stated, article.published) {
        (Some(s), _) => (Some(s), DateSource::Stated),
        (None, Some(p)) if !ahead => (Some(p), DateSource::Published),
        _ => (None, DateSource::Unknown),
    }
}

#[allow(clippy::too_many_arguments)]
fn step(
    st: &mut State,
    si: usize,
    toks: &[Tok],
    cues: &SentenceCues,
    mentions: &[people::Mention],
    ids: Vec<usize>,
    led: &[usize],
    side_countries: Vec<&'static str>,
    event: Option<&EventMention>,
    place: Option<&'static str>,
    // The sentence is a clause that goes on from its subject ("… and later held talks with").
    subjectless: bool,
) {
    let text = st.text;
    let sentence = sentence_of(text, toks);
    // Whether the sentence speaks of a meeting itself ("During the meeting, which was
    // attended by …"); asked of attendance sentences only.
    let of_this_meeting = || {
        let sentence = sentence.to_ascii_lowercase();
        ["the meeting", "the talks", "meetings", "discussions"]
            .iter()
            .any(|w| sentence.contains(w))
    };
    // The meeting just reported, a few sentences back, is the one "present during the
    // meeting" speaks of, even after sentences about something else.
    let recent = st
        .current
        .or_else(|| st.drafts.len().checked_sub(1))
        .filter(|&d| st.drafts[d].last + 5 >= si);
    let more_of_the_same = cues.same_meeting && st.current.is_some();
    if cues.meeting() && !more_of_the_same {
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
        if subjectless || pronoun_subject(text, toks) {
            // "X held separate talks with two delegations. On Tuesday, he received …": before
            // any meeting, the one named last.
            if let Some(host) = st
                .current
                .or(st.drafts.len().checked_sub(1))
                .and_then(|d| st.drafts[d].people.first().copied())
                .or(st.subject.filter(|_| st.drafts.is_empty()))
            {
                people.insert(0, host);
                people.dedup();
            }
        }
        let told_by_speaker = first_person(sentence);
        if told_by_speaker {
            // "A: I met my Pakistani counterpart, Admiral X": the one interviewed, the first
            // person of the article with a post or a rank.
            let paragraph = text[..toks.first().map_or(0, |t| t.start)]
                .rfind('\n')
                .map_or(0, |n| n + 1);
            if let Some(me) = speaker(text, paragraph, &st.registry) {
                if !people.contains(&me) {
                    people.insert(0, me);
                }
            }
        }
        if ids.is_empty() && !subjectless && !pronoun_subject(text, toks) && !told_by_speaker {
            // "The sides discussed …": no one new, the meeting being reported goes on.
            if let Some(c) = st.current {
                st.drafts[c].last = si;
                return;
            }
        }
        let status = if cues.call {
            Status::Call
        } else if cues.planned {
            Status::Planned
        } else {
            Status::Held
        };
        if cues.attendance
            && ["the meeting with", "the talks with"]
                .iter()
                .any(|w| sentence.contains(w))
        {
            // "The ambassador accompanied Mr X to the meeting with the Deputy Minister": the
            // meeting of the two it names, whichever was reported last.
            let known: Vec<usize> = ids
                .iter()
                .copied()
                .filter(|p| st.drafts.iter().any(|d| d.people.contains(p)))
                .collect();
            let target = (0..st.drafts.len()).rev().find(|&d| {
                st.drafts[d].status == Status::Held
                    && known.len() >= 2
                    && known.iter().all(|p| st.drafts[d].people.contains(p))
            });
            if let Some(t) = target {
                let d = &mut st.drafts[t];
                ids.iter().for_each(|&p| add_unique(&mut d.people, p));
                ids.iter().for_each(|&p| add_unique(&mut d.listed, p));
                return;
            }
        }
        if let Some(c) = recent.filter(|_| cues.attendance && !ids.is_empty() && of_this_meeting())
        {
            // "During the meeting, which was attended by the Belgian Ambassador, X, the two
            // sides discussed …": the meeting being reported gains attendees.
            let d = &mut st.drafts[c];
            if d.status == status && ids.iter().any(|p| !d.people.contains(p)) {
                ids.iter().for_each(|&p| add_unique(&mut d.people, p));
                d.last = si;
                return;
            }
        }
        if let Some(c) = st.current {
            // "During the talks with the Maldivian minister …" after "held separate meetings
            // with A and B": the meeting of that sentence with that person goes on.
            // So does "During his meeting with Gen X, …" after "called on X, and later held
            // talks with Y": any meeting reported before with that person.
            let first = st.drafts[c].first;
            let head = sentence.get(..60).unwrap_or(sentence);
            let back = ["During ", "In ", "At "]
                .iter()
                .any(|w| sentence.starts_with(w))
                && ["meeting with", "talks with"]
                    .iter()
                    .any(|w| head.contains(w));
            let sibling = (0..st.drafts.len()).find(|&s| {
                s != c
                    && (st.drafts[s].first == first || back)
                    && !people.is_empty()
                    && !people.iter().all(|p| st.drafts[c].people.contains(p))
                    && people.iter().all(|p| st.drafts[s].people.contains(p))
            });
            if let Some(s) = sibling {
                let d = &mut st.drafts[s];
                d.lent.extend(d.last + 1..si);
                d.last = si;
                st.current = Some(s);
                return;
            }
            let d = &st.drafts[c];
            let countries = d.countries(&st.registry);
            // Someone of a side the meeting has without a name names that side ("received a
            // Saudi delegation. The delegation was led by …, who paid a courtesy call on …").
            let unnamed_sides = d.unnamed_sides(&st.registry);
            let names_side = |p: &usize| match st.registry.people[*p].country {
                Some(c) => unnamed_sides.contains(&c),
                None => led.contains(p) && unnamed_sides.len() == 1,
            };
            // "On the margins of the trilateral meeting, A and B held a bilateral talk": two of
            // a meeting of three sides meet on their own.
            let bilateral =
                countries.len() >= 3 && people.len() == 2 && sentence.contains("bilateral");
            // A lead with one person and several sides ("met his Canadian and French
            // counterparts") sums up meetings each told after it.
            let several_sides = d.people.len() == 1 && unnamed_sides.len() >= 2;
            if several_sides && status == Status::Held && d.status == status {
                // "X held separate meetings with the commanders of A's and B's special forces.
                // Col. Y, commander of A's forces, discussed …": the meeting with A.
                if let [guest] = people[..] {
                    if names_side(&guest) {
                        let host = d.people[0];
                        st.open(status, si, vec![host, guest], Vec::new(), event, place);
                        return;
                    }
                }
            }
            // "Later on Monday, Y received X": someone new, told as what came next.
            let next_encounter = sequel(sentence) && people.iter().any(|p| !d.people.contains(p));
            let same = people.iter().all(|p| d.people.contains(p) || names_side(p))
                && !several_sides
                && !next_encounter
                && unnamed.iter().all(|u| countries.contains(u))
                && !bilateral;
            // "During the call, the two commanders discussed …" goes on reporting the call.
            if same && (d.status == status || people.is_empty() || status == Status::Held) {
                join(st, c, &people);
                st.drafts[c].last = si;
                return;
            }
        }
        // "X held a series of meetings with British naval and industry leaders" sums up the
        // meetings told next.
        let summed_up = people.len() == 1 && st.current.is_none() && {
            let s = sentence.to_ascii_lowercase();
            s.contains("series of meetings") || s.contains("number of meetings")
        };
        if people.len() >= 2 || (people.len() == 1 && !unnamed.is_empty() && !summed_up) {
            inherit_counterpart_positions(st, mentions, &people);
            if let Some(guests) = separate_guests(st, sentence, &people) {
                // "held separate meetings with A of one country and B of another".
                for guest in guests {
                    st.open(status, si, vec![people[0], guest], Vec::new(), event, place);
                }
                return;
            }
            if let Some(c) = st
                .current
                .filter(|&c| st.drafts[c].status == status && unnamed.is_empty())
            {
                if fill_by_sides(st, c, &people) {
                    st.drafts[c].last = si;
                    return;
                }
            }
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
        // "Delegations from A and B held a series of meetings with …", "X met separately with
        // officials from A and B" sum up several.
        let several = [" meetings", "separately", " separate "]
            .iter()
            .any(|w| sentence.contains(w));
        if people.is_empty() && countries.len() >= 2 && st.current.is_none() && !several {
            // "talks between Azerbaijan and Turkey": who took part comes later.
            st.open(status, si, Vec::new(), countries, event, place);
            return;
        }
    } else if cues.attendance {
        if sentence.contains(" accompanied ") && !sentence.contains(" accompanied by") {
            // "Capt. X, Egypt's naval attaché in Washington, accompanied the admiral": an envoy
            // goes with someone of their own country. So does the one the sentence opens with
            // ("Luxembourg's Chief of Defence, General X, accompanied the minister").
            let companion = ids
                .iter()
                .copied()
                .find(|&p| {
                    let person = &st.registry.people[p];
                    person.country.is_some()
                        && person.position.as_deref().is_some_and(positions::is_envoy)
                })
                .or_else(|| {
                    let first = *ids.first()?;
                    st.registry.people[first].country.is_some().then_some(first)
                });
            if let Some(companion) = companion {
                let country = st.registry.people[companion].country;
                for &p in &ids {
                    if st.registry.people[p].country.is_none() {
                        st.registry.people[p].country = country;
                    }
                }
            }
        }
        if sentence.contains("throughout") {
            // "Col. X accompanied Benavides throughout the trip": every meeting he had; "…
            // accompanied him throughout the trip": every meeting of the one being reported.
            let mut accompanied = ids.clone();
            if sentence.contains(" him ") || sentence.contains(" her ") {
                accompanied.extend(
                    st.current
                        .or(st.drafts.len().checked_sub(1))
                        .and_then(|c| st.drafts[c].people.first().copied()),
                );
            }
            for d in st.drafts.iter_mut().filter(|d| d.status == Status::Held) {
                if d.people.iter().any(|p| accompanied.contains(p)) {
                    ids.iter().for_each(|&p| add_unique(&mut d.people, p));
                    ids.iter().for_each(|&p| add_unique(&mut d.listed, p));
                }
            }
        }
        if let Some(c) = st.current {
            // "X attended the two meetings, while Y attended the meeting with …": the clause
            // saying so, and the people it names.
            let both_at = [
                "both meetings",
                "both talks",
                "the two meetings",
                "both of her meetings",
                "both of his meetings",
                "both of their meetings",
                "both of the meetings",
            ]
            .iter()
            .find_map(|w| sentence.find(w));
            let base = toks.first().map_or(0, |t| t.start);
            let in_both_clause = |p: &usize| {
                let Some(at) = both_at else { return true };
                let clause_start = sentence[..at].rfind([';']).map_or(0, |k| k + 1);
                let clause_end = sentence[at..]
                    .find(", while ")
                    .or_else(|| sentence[at..].find(';'))
                    .map_or(sentence.len(), |k| at + k);
                let clause = base + clause_start..base + clause_end;
                mentions
                    .iter()
                    .any(|m| clause.contains(&m.pre_start) && st.registry.find(&m.name) == Some(*p))
            };
            // ("attended both meetings" is matched as "attended both", not "both meetings").
            let with = &st.drafts[c].people;
            let told_before = st.drafts[..c].iter().any(|d| {
                d.status == Status::Held && d.valid() && d.people.iter().any(|p| with.contains(p))
            });
            if !told_before && both_at.is_some() && st.drafts[c].status == Status::Held {
                // "X accompanied Stanwick to both of her meetings" told after the first: the
                // next meeting too.
                let with: Vec<usize> = st.drafts[c].people.clone();
                let going: Vec<usize> = ids.iter().copied().filter(in_both_clause).collect();
                st.companions = (going, with);
            }
            if c > 0
                && (told_before || both_at.is_none())
                && (both_at.is_some() || (cues.plural && st.drafts[c - 1].first + 6 > si))
            {
                // "The meetings were attended by …": the meeting before too.
                let both: Vec<usize> = ids.iter().copied().filter(in_both_clause).collect();
                let before = &mut st.drafts[c - 1];
                both.iter().for_each(|&p| add_unique(&mut before.people, p));
            }
            let d = &mut st.drafts[c];
            ids.iter().for_each(|&p| add_unique(&mut d.listed, p));
            ids.into_iter().for_each(|p| add_unique(&mut d.people, p));
            side_countries
                .into_iter()
                .for_each(|s| add_unique(&mut d.sides, s));
            d.last = si;
            return;
        }
        if let Some(c) = recent.filter(|&c| st.drafts[c].status == Status::Held) {
            if !ids.is_empty() && of_this_meeting() {
                let d = &mut st.drafts[c];
                ids.iter().for_each(|&p| add_unique(&mut d.people, p));
                ids.iter().for_each(|&p| add_unique(&mut d.listed, p));
                d.last = si;
                return;
            }
        }
        if ids.len() >= 2 && of_this_meeting() {
            // "The talks were attended by X and Y"; but "X and Y were present during the
            // wreath-laying ceremony" reports no meeting.
            st.open(Status::Held, si, ids, Vec::new(), event, place);
            return;
        }
    }
    if let Some(c) = st.current {
        // "The delegation was led by …": its head names a side the meeting had without a name.
        let heads: Vec<usize> = led
            .iter()
            .copied()
            .filter(|&p| {
                let unnamed = st.drafts[c].unnamed_sides(&st.registry);
                match st.registry.people[p].country {
                    Some(country) => unnamed.contains(&country),
                    None => unnamed.len() == 1,
                }
            })
            .collect();
        if !heads.is_empty() {
            join(st, c, &heads);
            st.drafts[c].last = si;
            return;
        }
        let d = &mut st.drafts[c];
        if cues.continuation || ids.iter().any(|p| d.people.contains(p)) {
            if d.people.is_empty() && !fill_by_sides(st, c, &ids) {
                // A meeting opened by its countries learns its people from what follows.
                let d = &mut st.drafts[c];
                ids.into_iter().for_each(|p| add_unique(&mut d.people, p));
            }
            let d = &mut st.drafts[c];
            d.last = si;
            return;
        }
    }
    // One sentence off the subject does not end a meeting; a second one does.
    st.strays += 1;
    if st.strays >= 2 {
        st.current = None;
    }
}

/// Sentences cut where one goes on to a second encounter of its subject ("X called on A, and
/// later held talks with B"), and per piece whether it goes on without a subject of its own.
fn clauses(text: &str, sentences: Vec<Range<usize>>) -> (Vec<Range<usize>>, Vec<bool>) {
    const LINKS: [&str; 4] = [
        " and later ",
        " and then ",
        " and afterwards ",
        " and subsequently ",
    ];
    const VERBS: [&str; 7] = [
        "held talks",
        "met ",
        "called on ",
        "paid a courtesy call",
        "received ",
        "had talks",
        "held a meeting",
    ];
    let mut out = Vec::with_capacity(sentences.len());
    let mut subjectless = Vec::with_capacity(sentences.len());
    for r in sentences {
        let sentence = &text[r.clone()];
        let cut = memchr::memmem::find_iter(sentence.as_bytes(), b" and ").find_map(|at| {
            let link = LINKS.iter().find(|l| sentence[at..].starts_with(*l))?;
            let after = &sentence[at + link.len()..];
            // Only a clause that goes on with a verb of meeting, and a first clause that
            // reported one.
            let meets = |s: &str| VERBS.iter().any(|v| s.contains(v));
            (VERBS.iter().any(|v| after.starts_with(v)) && meets(&sentence[..at]))
                .then_some(at + " and ".len())
        });
        match cut {
            Some(at) => {
                out.push(r.start..r.start + at);
                subjectless.push(false);
                out.push(r.start + at..r.end);
                subjectless.push(true);
            }
            None => {
                out.push(r);
                subjectless.push(false);
            }
        }
    }
    (out, subjectless)
}

/// Whether a sentence opens by telling what came next: "Later on Monday, …", "The next day, …",
/// "Afterwards, …".
fn sequel(sentence: &str) -> bool {
    let head = sentence.trim_start().as_bytes();
    [
        "Later",
        "Afterwards",
        "Afterward",
        "Subsequently",
        "Then",
        "Thereafter",
        "The next day",
        "The following day",
        "After the meeting",
        "After that",
    ]
    .iter()
    .any(|w| {
        head.len() >= w.len()
            && head[..w.len()].eq_ignore_ascii_case(w.as_bytes())
            && head.get(w.len()).is_none_or(|c| !c.is_ascii_alphabetic())
    })
}

/// The guests of "X held separate meetings with A and B" ("bilateral meetings", "meetings
/// with") when they are of different
/// countries, none of them the host's: each met the host on their own.
fn separate_guests(st: &State, sentence: &str, people: &[usize]) -> Option<Vec<usize>> {
    let (&host, guests) = people.split_first()?;
    let separate = [
        "bilateral meetings",
        "meetings with",
        "separate meetings",
        "separate bilateral",
        "separate talks",
        "met separately",
        "separately met",
        "separately with",
    ];
    if guests.len() < 2 || !separate.iter().any(|s| sentence.contains(s)) {
        return None;
    }
    let country = |p: usize| st.registry.people[p].country;
    let mut countries: Vec<&str> = guests.iter().filter_map(|&g| country(g)).collect();
    countries.sort_unstable();
    countries.dedup();
    // "held separate meetings with the Deputy Minister, A, and the Chief of Staff, B": said
    // outright, two guests of one country are two meetings too.
    let outright = separate[2..].iter().any(|s| sentence.contains(s));
    let apart = (outright || countries.len() == guests.len())
        && country(host).is_none_or(|h| !countries.contains(&h));
    apart.then(|| guests.to_vec())
}

/// The country of the place an article is filed from, given its first sentence: "NAIROBI — …",
/// "BAKU—On …", or a first line that is only the place.
fn dateline_country(text: &str, first: Range<usize>, toks: &[Tok]) -> Option<&'static str> {
    let head = toks.first()?;
    if let Kind::Country(country) = head.kind {
        // A city-state or a capital named as its country, in capitals: "KUWAIT, May 13 (KUNA)",
        // "KUWAIT CITY, May 14:".
        let word = &text[head.start..head.end];
        let city = toks
            .get(1)
            .is_some_and(|t| matches!(&text[t.start..t.end], "CITY" | "City"));
        let comma = toks
            .get(1 + usize::from(city))
            .is_some_and(|t| t.kind == Kind::Punct(','));
        let capitals =
            word.chars().any(char::is_alphabetic) && !word.chars().any(char::is_lowercase);
        return (comma && capitals).then_some(country);
    }
    let Kind::Place(city) = head.kind else {
        return None;
    };
    let alone = toks.len() == 1 && first.end - first.start == toks[0].end - toks[0].start;
    let marked = toks.get(1).is_some_and(|t| {
        matches!(
            t.kind,
            Kind::Punct('\u{2014}' | '\u{2013}' | '-' | ',' | ':')
        )
    });
    (alone || marked)
        .then(|| countries::city_country(city))
        .flatten()
}

/// Who speaks in the paragraph starting at `at`: the person a transcript's label names
/// ("A. BEN-HAIM: …"); after an interview's bare answer label ("A: …") or none, the first
/// person of the article with a post or a rank; no one for a label naming no one known
/// ("DEPUTY PRIME MINISTER: …").
fn speaker(text: &str, at: usize, registry: &Registry) -> Option<usize> {
    fn label_of(line: &str) -> Option<&str> {
        line.find(':')
            .map(|c| &line[..c])
            .filter(|l| !l.is_empty() && l.len() <= 40 && !l.chars().any(char::is_lowercase))
    }
    // A paragraph without a label goes on with the speaker labelled last.
    let label = text[..at]
        .split('\n')
        .chain(std::iter::once(&text[at..]))
        .rev()
        .find_map(label_of);
    match label {
        // Names are matched folded, so the label's capitals need no change.
        Some(l) if l.trim().len() > 1 => registry.find(l.trim()),
        _ => registry
            .people
            .iter()
            .position(|p| p.rank.is_some() || p.position.is_some()),
    }
}

/// Whether the sentence's speaker tells of meeting someone ("I met", "I also held talks with").
fn first_person(sentence: &str) -> bool {
    // Each phrase opens on "I": only the places of an "I" are tried, in one pass.
    memchr::memchr_iter(b'I', sentence.as_bytes()).any(|at| {
        let rest = &sentence.as_bytes()[at..];
        rest.get(1) == Some(&b' ')
            && [
                "I met ",
                "I also met ",
                "I held ",
                "I also held ",
                "I had ",
                "I received ",
                "I called on ",
                "I sat down ",
                "I also sat down ",
            ]
            .iter()
            .any(|w| rest.starts_with(w.as_bytes()))
    })
}

/// Whether a sentence tells of a meeting in a clause of its own after a comma ("visited Ankara,
/// meeting Turkish Chief of General Staff Gen. X"; "…, meeting his counterpart").
fn gerund_meeting(sentence: &str) -> bool {
    // Each comma is tried in place: a searcher for the phrase costs more to set up than most
    // sentences take to read.
    let w = ", meeting ";
    memchr::memchr_iter(b',', sentence.as_bytes()).any(|at| {
        if !sentence[at..].starts_with(w) {
            return false;
        }
        let next = &sentence[at + w.len()..];
        next.starts_with(char::is_uppercase)
            || ["his ", "her ", "with ", "the "]
                .iter()
                .any(|p| next.starts_with(p))
    })
}

/// "the American general traveled south to meet …", "flew to Manila to meet …": someone went
/// to a meeting, which took place.
fn went_to_meet(sentence: &str) -> bool {
    const WENT: [&str; 10] = [
        "came",
        "drove",
        "flew",
        "headed",
        "journeyed",
        "proceeded",
        "travelled",
        "traveled",
        "went",
        "arrived",
    ];
    memchr::memmem::find_iter(sentence.as_bytes(), b" to meet ").any(|at| {
        sentence[..at]
            .split_whitespace()
            .rev()
            .take(5)
            .any(|w| WENT.contains(&w.trim_matches(|c: char| !c.is_alphabetic())))
    })
}

/// Whether a sentence opens on a guest's arrival ("On arrival, …", "Upon his arrival, …").
fn arrival(sentence: &str) -> bool {
    let s = sentence.trim_start();
    ["On ", "Upon "].iter().any(|p| {
        s.strip_prefix(p).is_some_and(|rest| {
            ["arrival", "his arrival", "her arrival", "their arrival"]
                .iter()
                .any(|a| rest.starts_with(a))
        })
    })
}

/// The text of a sentence, from its first token to its last.
fn sentence_of<'a>(text: &'a str, toks: &[Tok]) -> &'a str {
    toks.first()
        .zip(toks.last())
        .map_or("", |(a, b)| &text[a.start..b.end])
}

/// A heading line naming a country's ministry or armed forces and nothing else ("REPUBLIC OF
/// TÜRKİYE MINISTRY OF NATIONAL DEFENCE", "Ministry of Defence of the Republic of Azerbaijan"):
/// that country.
fn issuer(text: &str, toks: &[Tok]) -> Option<&'static str> {
    let mut country = None;
    let mut office = false;
    for t in toks {
        match t.kind {
            Kind::Country(c) if country.is_none_or(|k| k == c) => country = Some(c),
            // "U.S. European Command Public Affairs": a command stands for its country.
            Kind::Org(c) if country.is_none_or(|k| k == c) => {
                country = Some(c);
                office = true;
            }
            Kind::Office => office = true,
            Kind::Cap | Kind::Stop | Kind::Other => {}
            Kind::Lower if matches!(&text[t.start..t.end], "of" | "the" | "and" | "for") => {}
            _ => return None,
        }
    }
    // A heading in capitals holds no office words as the vocabulary writes them.
    let line = sentence_of(text, toks).to_lowercase();
    let military = [
        "ministry",
        "defence",
        "defense",
        "armed forces",
        "army",
        "navy",
    ]
    .iter()
    .any(|w| line.contains(w));
    country.filter(|_| office || military)
}

/// "welcomed X to the Pentagon", "met at the Bundeswehr's headquarters": the country of the
/// institution a meeting is placed at.
fn venue_country(text: &str, toks: &[Tok]) -> Option<&'static str> {
    toks.windows(3).find_map(|w| match w[2].kind {
        Kind::Org(c)
            if matches!(&text[w[0].start..w[0].end], "at" | "to")
                && &text[w[1].start..w[1].end] == "the" =>
        {
            Some(c)
        }
        _ => None,
    })
}

/// "currently visiting Egypt", "a visit to India", "arrived in Cairo": the country visited.
fn visit_country(text: &str, toks: &[Tok]) -> Option<&'static str> {
    let at = toks.iter().position(|t| {
        t.kind == Kind::Lower
            && matches!(
                &text.as_bytes()[t.start..t.end],
                b"visiting" | b"visit" | b"visits" | b"arrived" | b"arrives"
            )
    })?;
    toks[at + 1..]
        .iter()
        .take(3)
        .take_while(|t| {
            !matches!(t.kind, Kind::Punct(_))
                && (t.kind != Kind::Lower || matches!(&text[t.start..t.end], "to" | "in" | "the"))
        })
        .find_map(|t| match t.kind {
            Kind::Country(c) => Some(c),
            Kind::Place(p) => countries::city_country(p),
            _ => None,
        })
}

/// The place of a press release's place-and-date line, among the lines heading it ("No
/// PR-104/2023-ISPR Rawalpindi - June 6, 2023").
fn release_place(text: &str, toks: &[Tok]) -> Option<&'static str> {
    toks.windows(2).find_map(|w| {
        let Kind::Place(city) = w[0].kind else {
            return None;
        };
        let dash = matches!(w[1].kind, Kind::Punct('\u{2014}' | '\u{2013}' | '-'));
        (dash && dates::starts_with_month(text[w[1].end..].trim_start()))
            .then(|| countries::city_country(city))
            .flatten()
    })
}

/// Principals named without a country, in a meeting with a side from elsewhere, are of the
/// country it took place in: the host is rarely given a demonym by a local outlet. One still
/// without a country, facing one country, is of the one other country the passage names.
/// Attendees of mixed lists keep what is written.
fn home_countries(st: &mut State, sentences: &[Range<usize>]) {
    let staff: Vec<Option<usize>> = (0..st.registry.people.len())
        .map(|p| staff_of(&st.registry, p))
        .collect();
    let settle_staff = |st: &mut State, d: usize| {
        for &p in &st.drafts[d].people {
            if let Some(boss) = staff[p] {
                let country = st.registry.people[boss].country;
                let person = &mut st.registry.people[p];
                person.country = person.country.or(country);
            }
        }
    };
    for d in 0..st.drafts.len() {
        if st.drafts[d].valid() {
            settle_staff(st, d);
            st.settle_home(d, &staff);
            st.settle_guest(d, sentences);
            settle_staff(st, d);
        }
    }
}

/// The one whose staff someone is by their post ("Brightwater's executive officer"): they are
/// of that person's country.
fn staff_of(reg: &Registry, p: usize) -> Option<usize> {
    let post = reg.people[p].position.as_deref()?;
    let (name, _) = post
        .split_once("'s ")
        .or_else(|| post.split_once("\u{2019}s "))?;
    reg.find(name).filter(|&boss| boss != p)
}

/// "Greece's defence minister met his Turkish counterpart …", then "X and Y spoke for an hour":
/// a meeting opened by its countries alone takes as many people named without a country, in
/// the order of its sides. Whether it did.
fn fill_by_sides(st: &mut State, d: usize, people: &[usize]) -> bool {
    let draft = &mut st.drafts[d];
    let fits = draft.people.is_empty()
        && draft.sides.len() == people.len()
        && people
            .iter()
            .all(|&p| st.registry.people[p].country.is_none());
    if fits {
        for (&p, &side) in people.iter().zip(&draft.sides) {
            st.registry.people[p].country = Some(side);
        }
        draft.people = people.to_vec();
    }
    fits
}

/// Adds people to a meeting; each one's country is no longer a side without a name.
fn join(st: &mut State, d: usize, people: &[usize]) {
    for &p in people {
        let draft = &mut st.drafts[d];
        if draft.people.contains(&p) {
            continue;
        }
        draft.people.push(p);
        if st.registry.people[p].country.is_none() {
            let unnamed = draft.unnamed_sides(&st.registry);
            if let [side] = unnamed[..] {
                // The head of the one delegation the meeting had without a name.
                st.registry.people[p].country = Some(side);
            }
        }
    }
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
    (date, date_source): (Option<NaiveDate>, DateSource),
    n: usize,
) -> Meeting {
    let text = st.text;
    let span = sentences[d.first].start..sentences[d.last].end;
    let reported: Vec<Range<usize>> = (d.first..=d.last)
        .filter(|i| !d.lent.contains(i))
        .chain(d.borrowed.iter().copied())
        .map(|i| sentences[i].clone())
        .collect();
    let mut topics = Vec::new();
    let mut outcomes = Vec::new();
    for r in &reported {
        topic_hits.topics(text, r.clone(), &mut topics);
        topic_hits.outcomes(text, r.clone(), article.published, &mut outcomes);
    }
    for v in [&mut topics, &mut outcomes] {
        v.sort_unstable();
        v.dedup();
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    fn article(text: &str, published: &str) -> Article {
        Article {
            id: "t".into(),
            origin: "t".into(),
            published: published.parse().ok(),
            title: None,
            source: None,
            url: None,
            text: text.into(),
        }
    }

    /// Each meeting as (status, sorted participant names, countries).
    fn summary(text: &str, published: &str) -> Vec<(Status, Vec<String>, Vec<String>)> {
        meetings(&article(text, published))
            .into_iter()
            .map(|m| {
                let mut names: Vec<String> = m.participants.into_iter().map(|p| p.name).collect();
                names.sort();
                (m.status, names, m.countries)
            })
            .collect()
    }

    /// The country of a meeting's participant, by name.
    fn country_of(m: &Meeting, name: &str) -> Option<String> {
        m.participants
            .iter()
            .find(|p| p.name == name)
            .and_then(|p| p.country.clone())
    }

    fn strings(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn the_speaker_after_a_meeting_with_someone_is_the_one_who_met_him() {
        let got = summary(
            "Gen. Wang Lei, vice chairman of the Central Military Commission, met separately on Monday with Nepali and Chilean military leaders.\n\nMeeting with General Prakash Thapa, chief of the Nepali Army, Wang said the two armies should deepen training exchanges.\n\nIn his talks with Lieutenant General Rodrigo Vera Soto of Chile, Wang said China valued cooperation in peacekeeping.",
            "2024-05-13",
        );
        assert_eq!(got.len(), 2, "{got:?}");
        assert_eq!(got[0].1, strings(&["Prakash Thapa", "Wang Lei"]));
        assert_eq!(got[1].1, strings(&["Rodrigo Vera Soto", "Wang Lei"]));
        assert_eq!(got[1].2, strings(&["CL", "CN"]));
    }

    #[test]
    fn a_lead_on_meetings_held_separately_with_sides_of_no_name_opens_none() {
        let text = "Chile's army chief met separately with senior officers from Peru and Ecuador during the fair.\n\nGen. Tomás Arrieta Vidal received Peru's Chief of the Joint Command, Adm. Bruno Caceda Lazo, at the Chilean stand on Monday.\n\nOn Tuesday, Arrieta held talks with Ecuador's Army Commander, Gen. Wilson Paredes Mora. Ecuador's ambassador, Jaime Ordóñez Vela, was also present.";
        let got = summary(text, "2025-03-13");
        assert_eq!(got.len(), 2, "{got:?}");
        assert_eq!(
            got[0].1,
            strings(&["Bruno Caceda Lazo", "Tomás Arrieta Vidal"])
        );
        assert_eq!(got[0].2, strings(&["CL", "PE"]));
        assert_eq!(
            got[1].1,
            strings(&[
                "Jaime Ordóñez Vela",
                "Tomás Arrieta Vidal",
                "Wilson Paredes Mora"
            ])
        );
    }

    #[test]
    fn a_day_the_body_states_wins_over_the_time_line() {
        let text = "Navy chief hosts Omani delegation\n\nPTI | Mar 14, 2025, 06.40 AM IST\n\nThe show, which runs through Saturday, drew ships from 20 navies. Vice Adm Rohan Deshpande, Flag Officer Commanding-in-Chief, met the heads of the Omani and Egyptian delegations separately on Wednesday.\n\nThe Omani delegation, headed by Rear Adm Saif bin Nasser Al-Rawahi, called on the C-in-C in the morning.\n\nIn the afternoon, Vice Adm Deshpande received Rear Adm Tarek Fawzy Nasr of the Egyptian Navy.";
        let m = meetings(&article(text, "2025-03-14"));
        let dates: Vec<String> = m.iter().map(|m| m.date.unwrap().to_string()).collect();
        assert_eq!(dates, ["2025-03-12", "2025-03-12"], "{m:?}");
        assert_eq!(
            country_of(&m[0], "Saif bin Nasser Al-Rawahi").as_deref(),
            Some("OM")
        );
        // "the C-in-C" is the Flag Officer Commanding-in-Chief named before.
        assert!(m[0]
            .participants
            .iter()
            .any(|p| p.name == "Rohan Deshpande"));
        assert_eq!(country_of(&m[1], "Tarek Fawzy Nasr").as_deref(), Some("EG"));
    }

    #[test]
    fn a_guest_of_a_side_the_lead_sums_up_meets_its_host_on_the_lead_s_day() {
        let text = "Gen. Dana Whitcombe held separate meetings on Monday with the commanders of Estonia's and Latvia's special forces.\n\nCol. Mart Kask, commander of the Estonian Special Operations Forces, discussed training in the Baltic, a spokesperson said.\n\nWhitcombe also met Col. Edgars Liepa, commander of Latvia's special forces, to discuss exercises.";
        let monday = Some("2024-05-06".to_string());
        assert_eq!(
            names_and_days(text, "2024-05-08"),
            [
                (strings(&["Dana Whitcombe", "Mart Kask"]), monday.clone()),
                (strings(&["Dana Whitcombe", "Edgars Liepa"]), monday),
            ]
        );
    }

    #[test]
    fn a_companion_to_both_meetings_told_after_the_first_joins_the_second() {
        let text = "Adm. Ruth Callister met with Minister of Home Affairs Gilbert Toa on Monday.\n\nUS Chargé d\u{2019}Affaires Martin K. Deaver accompanied Callister to both of her meetings on the island.\n\nOn Tuesday, the admiral met Commodore Isaac Mwale, commander of the maritime wing. The ambassador, Howard T. Lisbon, attended the meeting.";
        let got = summary(text, "2024-03-06");
        assert_eq!(got.len(), 2, "{got:?}");
        assert!(
            got.iter()
                .all(|m| m.1.contains(&"Martin K. Deaver".to_string())),
            "{got:?}"
        );
        assert!(
            got[1].1.contains(&"Howard T. Lisbon".to_string()),
            "{got:?}"
        );
        assert!(
            !got[0].1.contains(&"Howard T. Lisbon".to_string()),
            "{got:?}"
        );
    }

    #[test]
    fn sitting_down_with_someone_is_a_meeting_and_a_telephonic_conversation_a_call() {
        let got = summary(
            "Two days later, Gen. Harlan Strick sat down with Brigadier Ravi Persaud, Chief of Staff of the Guyana Defence Force.\n\nOn Tuesday, Gen. Azhar Bangash held a telephonic conversation with Chief of the Turkish General Staff Gen. Metin Korkmaz.",
            "2024-10-18",
        );
        let statuses: Vec<Status> = got.iter().map(|m| m.0).collect();
        assert_eq!(statuses, vec![Status::Held, Status::Call]);
        assert_eq!(got[0].1, strings(&["Harlan Strick", "Ravi Persaud"]));
    }

    #[test]
    fn an_attendee_without_a_country_is_of_the_country_the_article_is_filed_from() {
        let m = &meetings(&article(
            "TBILISI -- Defence Minister Nino Kapanadze received Norway's State Secretary Erik Lunde on Tuesday. Deputy Minister of Defence Levan Gelashvili also attended the meeting.",
            "2024-03-05",
        ))[0];
        assert_eq!(country_of(m, "Levan Gelashvili").as_deref(), Some("GE"));
        assert_eq!(country_of(m, "Erik Lunde").as_deref(), Some("NO"));
    }

    #[test]
    fn companions_of_both_meetings_or_the_whole_trip_are_in_every_meeting() {
        let got = summary(
            "On Monday, Defence Minister Zafar Alam met Angola's Secretary of State for National Defence, Afonso Neto.\n\nOn Tuesday, the minister received a Zimbabwean delegation led by Lt Gen Tendai Moyo.\n\nSecretary Defence Production Lt Gen (Ret.) Sajjad Naqvi attended both meetings.",
            "2018-11-29",
        );
        assert_eq!(got.len(), 2);
        assert!(
            got.iter()
                .all(|m| m.1.contains(&"Sajjad Naqvi".to_string())),
            "{got:?}"
        );
        let got = summary(
            "On March 11, Maj. Gen. Raul Benito met with Lt. Gen. Courtney Mignon, Chief of Defence Staff of the Jamaica Defence Force.\n\nTwo days later, Benito met Air Vice Marshal Anderson Ramlal of Trinidad and Tobago. Their talks focused on maritime security.\n\nThe general toured a patrol boat.\n\nCol. Derek Slade, assistant chief of staff for plans, accompanied Benito throughout the trip.",
            "2024-03-15",
        );
        assert_eq!(got.len(), 2);
        assert!(
            got.iter().all(|m| m.1.contains(&"Derek Slade".to_string())),
            "{got:?}"
        );
    }

    #[test]
    fn a_companion_of_him_throughout_and_a_staff_officer_are_of_the_one_they_serve() {
        let got = countries_of(
            "VILNIUS, Lithuania — On May 2, Adm. Harold J. Becket met Maj. Gen. Darius Paukštys, commander of the Lithuanian Land Force. Col. Ann Frey, the U.S. defense attache, also took part in the talks.\n\nThe next day, the admiral flew to Tallinn, where he was received by Maj. Gen. Aivar Tamm of the Estonian Defence Forces.\n\nCmdr. Mia Ortiz, Becket's aide, accompanied him throughout the trip.",
            "2023-05-05",
        );
        assert_eq!(got.len(), 2, "{got:?}");
        for m in &got {
            assert!(
                m.contains(&("Harold J. Becket".into(), Some("US".into()))),
                "{got:?}"
            );
            assert!(
                m.contains(&("Mia Ortiz".into(), Some("US".into()))),
                "{got:?}"
            );
        }
        assert!(
            got[0].contains(&("Ann Frey".into(), Some("US".into()))),
            "{got:?}"
        );
    }

    #[test]
    fn the_one_host_without_a_country_stands_for_the_side_the_sentence_names() {
        let got = countries_of(
            "Lt Gen Karan Singh Sodhi, PVSM, AVSM, Vice Chief of the Army Staff of the Indian Army, is visiting Mongolia.\n\nOn Tuesday, the Vice Chief held talks with Major General Bat-Erdene Dorj at the Ministry of Defence of Mongolia in Ulaanbaatar.\n\nLater the same day, Sodhi visited the National Defence University of Mongolia, where he held discussions with the Head of the University, Brigadier General Ganzorig Tsend.",
            "2023-10-18",
        );
        assert_eq!(got.len(), 2, "{got:?}");
        assert!(
            got[0].contains(&("Karan Singh Sodhi".into(), Some("IN".into()))),
            "{got:?}"
        );
        assert!(
            got[1].contains(&("Ganzorig Tsend".into(), Some("MN".into()))),
            "{got:?}"
        );
    }

    #[test]
    fn a_city_state_s_dateline_in_capitals_is_the_home_country() {
        let got = countries_of(
            "KUWAIT, Aug 8 (KUNA) -- Chief of General Staff Lt. Gen. Bader Al-Mutairi received Gen. Omar Al-Harthy of Oman on Monday.\n\nDeputy Chief Brig. Gen. Nawaf Al-Sabah attended the meeting.",
            "2024-08-08",
        );
        assert_eq!(got.len(), 1, "{got:?}");
        assert!(
            got[0].contains(&("Nawaf Al-Sabah".into(), Some("KW".into()))),
            "{got:?}"
        );
        let got = countries_of(
            "PANAMA CITY, March 3: Minister Rubén Ortega received Adm. Lee Hartwell of the US Navy on Friday. The meeting was attended by Deputy Director Ana Quintero.",
            "2024-03-04",
        );
        assert!(
            got[0].contains(&("Ana Quintero".into(), Some("PA".into()))),
            "{got:?}"
        );
    }

    #[test]
    fn a_monarch_met_by_title_is_the_home_side_and_what_came_later_is_a_new_meeting() {
        let got = summary(
            "MANAMA, June 3 (BNA) -- His Majesty the King received at Sakhir Palace on Monday Chief of General Staff of the Republic of Kenya General Samuel Otieno.\n\nKenya's Ambassador to the Kingdom of Bahrain Grace Wambui attended the meeting.\n\nLater on Monday, Chief of Staff of the Bahrain Defence Force Lt. Gen. Isa Al-Dosari received General Otieno.\n\nDeputy Chief of Staff Maj. Gen. Adel Al-Jalahma and Kenya's Defence Attache to Bahrain Col. Peter Mwangi attended the two meetings, while the ambassador's deputy Brian Koech attended the meeting with the chief of staff.",
            "2024-06-04",
        );
        assert_eq!(got.len(), 2, "{got:?}");
        assert_eq!(got[0].2, strings(&["BH", "KE"]));
        assert!(got[0].1.contains(&"Grace Wambui".to_string()), "{got:?}");
        assert!(got[0].1.contains(&"Peter Mwangi".to_string()), "{got:?}");
        assert!(!got[0].1.contains(&"Brian Koech".to_string()), "{got:?}");
        assert!(got[1].1.contains(&"Isa Al-Dosari".to_string()), "{got:?}");
        assert!(got[1].1.contains(&"Brian Koech".to_string()), "{got:?}");
        let countries = countries_of(
            "MANAMA, June 3 (BNA) -- His Majesty the King received at Sakhir Palace on Monday Chief of General Staff of the Republic of Kenya General Samuel Otieno.\n\nKenya's Ambassador to the Kingdom of Bahrain Grace Wambui attended the meeting.",
            "2024-06-04",
        );
        assert!(
            countries[0].contains(&("Grace Wambui".into(), Some("KE".into()))),
            "{countries:?}"
        );
    }

    #[test]
    fn envoys_posted_to_a_city_and_undersecretaries_are_named() {
        let got = summary(
            "Defence Minister Ali Bongo met Turkish Defence Minister Kadir Uysal on Tuesday. Gabon's Ambassador to Ankara Estelle Nguema Obame also attended the meeting.\n\nOn Sunday, the minister met with the UAE's Undersecretary of the Ministry of Defense, Sheikh Humaid Saif Al Mualla.",
            "2024-03-15",
        );
        assert_eq!(got.len(), 2, "{got:?}");
        assert!(got[0].1.contains(&"Estelle Nguema Obame".to_string()));
        assert_eq!(got[1].1, strings(&["Ali Bongo", "Humaid Saif Al Mualla"]));
    }

    #[test]
    fn a_headline_telling_of_the_meeting_names_no_issuer_nor_hides_the_dateline() {
        let got = summary(
            "The Chief of the General Staff Hosted the Georgian Chief of Defence Forces\n\nIDF Spokesperson's Unit | 14.06.2022\n\nToday (Tuesday), the Chief of the General Staff, LTG Avi Keren, hosted the Chief of Defence Forces of Georgia, MG Irakli Gogua, at the IDF General Staff Headquarters in Tel Aviv.",
            "2022-06-14",
        );
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].2, strings(&["GE", "IL"]));
    }

    #[test]
    fn a_meeting_told_by_its_countries_takes_the_people_named_next_in_order() {
        let got = summary(
            "MUNICH, Feb 19 (Reuters) - Greece's defence minister met his Turkish counterpart on Saturday on the sidelines of the Munich Security Conference.\n\nNikos Vlachos and Emre Aksoy spoke for about an hour at a hotel, their first face-to-face meeting in a year.",
            "2022-02-19",
        );
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].1, strings(&["Emre Aksoy", "Nikos Vlachos"]));
        assert_eq!(got[0].2, strings(&["GR", "TR"]));
    }

    #[test]
    fn two_sides_signing_together_met() {
        let m = summary(
            "Tunisian Defence Minister Imed Memmiche and US Africa Command chief Gen. Michael Langley signed a memorandum on defence cooperation on Wednesday.\n\nJapan and New Zealand signed an information security agreement last year.",
            "2024-04-25",
        );
        assert_eq!(
            m,
            vec![(
                Status::Held,
                strings(&["Imed Memmiche", "Michael Langley"]),
                strings(&["TN", "US"])
            )]
        );
        // A signing placed in the past is background.
        assert!(summary(
            "Tunisian Defence Minister Imed Memmiche and US Africa Command chief Gen. Michael Langley signed a memorandum last year.",
            "2024-04-25"
        )
        .is_empty());
    }

    #[test]
    fn one_signing_together_with_someone_of_no_stated_country_met_them() {
        let m = summary(
            "Director-General Maj. Gen. (res.) Avi Cohen signed the agreement in Prague on Monday together with Czech Defence Minister Jana Novakova.",
            "2024-04-25",
        );
        assert_eq!(m.len(), 1);
        assert_eq!(m[0].1, strings(&["Avi Cohen", "Jana Novakova"]));
    }

    #[test]
    fn a_sentence_that_goes_on_to_a_second_encounter_is_two_meetings() {
        let text = "MAPUTO, June 4 - Zambia's army commander, Lt Gen Peter Mulenga, called on the Chief of the General Staff, Adm. Rosa Cuamba, on Tuesday, and later held talks with the Minister of National Defence, Jorge Macuacua.\n\nDuring his meeting with Adm. Cuamba, the two sides discussed maritime security. Zambia's High Commissioner in Maputo, Ruth Banda, attended the meeting.\n\nIn the meeting with the minister, the two sides discussed training.";
        let got = names_and_days(text, "2024-06-05");
        assert_eq!(
            got,
            vec![
                (
                    strings(&["Peter Mulenga", "Rosa Cuamba", "Ruth Banda"]),
                    Some("2024-06-04".to_string())
                ),
                (
                    strings(&["Peter Mulenga", "Jorge Macuacua"]),
                    Some("2024-06-04".to_string())
                ),
            ]
        );
        // "and then" between two things that are no meetings cuts nothing.
        let flew = "He met the chief and then flew home.";
        let (pieces, _) = clauses(flew, segment::split(flew));
        assert_eq!(pieces.len(), 1);
    }

    #[test]
    fn he_after_an_opening_phrase_is_the_one_named_before() {
        // No meeting is reported before "he received …"; he is the one named last.
        let m = summary(
            "On the margins of the show, Maj. Gen. Omar Al Kaabi, Commander of the Air Defence, held talks with visiting delegations.\n\nOn Tuesday, the opening day, he received Greece's Deputy Minister of National Defence, Nikos Vlachos.",
            "2024-01-25",
        );
        assert_eq!(m.len(), 1);
        let mut names = m[0].1.clone();
        names.sort();
        assert_eq!(names, strings(&["Nikos Vlachos", "Omar Al Kaabi"]));
    }

    #[test]
    fn separate_meetings_with_two_hosts_of_one_country_each_keep_their_day_and_companions() {
        let text = "The head of Israel's SIBAT, Brig. Gen. (res.) Amit Barak, held separate meetings with the Deputy Minister of National Defence, Nikos Doukas, and the Chief of the Hellenic National Defence General Staff, Gen. Petros Lekkas.\n\nOn Tuesday, Mr Doukas received the Israeli official. The talks focused on procurement.\n\nOn Wednesday, Mr Barak was received by Gen. Lekkas. The two discussed training.\n\nThe Israeli ambassador in Athens, Dana Oren, accompanied Mr Barak to the meeting with the Deputy Minister.";
        let got = names_and_days(text, "2023-05-11");
        assert_eq!(
            got,
            vec![
                (
                    strings(&["Amit Barak", "Nikos Doukas", "Dana Oren"]),
                    Some("2023-05-09".to_string())
                ),
                (
                    strings(&["Amit Barak", "Petros Lekkas"]),
                    Some("2023-05-10".to_string())
                ),
            ]
        );
    }

    #[test]
    fn separate_meetings_with_two_guests_are_two_meetings_each_told_on() {
        let text = "NEW DELHI — Defence Minister Arvind Rao held separate meetings with the Defence Minister of Kenya, Ms Grace Wambui, and the Minister of Defence of Peru, Mr Luis Quispe, on Tuesday.\n\nDuring the talks with the Kenyan minister, the two sides reviewed maritime security.\n\nIn his meeting with Mr Quispe, Rao discussed the training of officers.\n\nPeru's defence attaché, Col. Jorge Soto, was also present.";
        let m = meetings(&article(text, "2024-04-25"));
        let people: Vec<Vec<&str>> = m
            .iter()
            .map(|m| m.participants.iter().map(|p| p.name.as_str()).collect())
            .collect();
        assert_eq!(
            people,
            [
                vec!["Arvind Rao", "Grace Wambui"],
                vec!["Arvind Rao", "Luis Quispe", "Jorge Soto"]
            ]
        );
        assert_eq!(m[0].topics, ["maritime-security"]);
        assert_eq!(m[1].topics, ["training"]);
    }

    #[test]
    fn who_a_report_is_attributed_to_is_no_participant() {
        for text in [
            "BANGKOK — Gen. Somchai Srisuk received Lt. Gen. Min Aung Kyaw of Myanmar on Thursday.\n\nAccording to army spokesman Col. Prasit Wongdee, the two generals discussed border security.",
            "BANGKOK — Gen. Somchai Srisuk received Lt. Gen. Min Aung Kyaw of Myanmar on Thursday.\n\nThe two generals discussed border security, army spokesman Col. Prasit Wongdee said in a statement.",
            "BANGKOK — Gen. Somchai Srisuk received Lt. Gen. Min Aung Kyaw of Myanmar on Thursday.\n\nThe spokesman, Col. Prasit Wongdee, in a statement on Friday, said the two generals discussed border security.",
            "BANGKOK — Gen. Somchai Srisuk received Lt. Gen. Min Aung Kyaw of Myanmar on Thursday.\n\nThe spokesman of the army, colonel Prasit Wongdee, told the paper that the two generals discussed border security.",
        ] {
            let m = summary(text, "2025-02-21");
            assert_eq!(m.len(), 1, "{text}");
            assert_eq!(m[0].1, strings(&["Min Aung Kyaw", "Somchai Srisuk"]), "{text}");
        }
    }

    #[test]
    fn attendees_named_in_a_sentence_about_the_meeting_join_it() {
        let m = summary(
            "AMMAN — Maj. Gen. Yousef Hnaity received Belgian Chief of Defence General Pieter Smets on Tuesday.\n\nDuring the meeting, which was attended by Belgian Ambassador to Jordan, Anne Claes, the two sides discussed training.",
            "2024-04-17",
        );
        assert_eq!(m.len(), 1);
        assert_eq!(
            m[0].1,
            strings(&["Anne Claes", "Pieter Smets", "Yousef Hnaity"])
        );
    }

    #[test]
    fn chiefs_present_at_a_ceremony_held_no_meeting() {
        assert!(summary(
            "DHAKA — The Chief of Army Staff General Karim Uddin, the Chief of Naval Staff Admiral Rafiq Islam and the Chief of Air Staff Air Chief Marshal Hasan Mahmud were present during the wreath-laying ceremony.",
            "2025-11-21"
        )
        .is_empty());
        assert_eq!(
            summary(
                "The talks were attended by Turkish Ambassador Ali Demir and Georgian Defence Minister Irakli Beridze.",
                "2025-11-21"
            )
            .len(),
            1
        );
    }

    #[test]
    fn a_delegation_s_head_named_later_is_its_side() {
        let got = summary(
            "Chief of the Air Staff Air Chief Marshal Tariq Hamid received a delegation of the Royal Saudi Air Force in Islamabad on Sunday.\n\nThe delegation was led by Lt. Gen. Saad Al-Shehri, who paid a courtesy call on the air chief.",
            "2023-11-06",
        );
        assert_eq!(
            got,
            vec![(
                Status::Held,
                strings(&["Saad Al-Shehri", "Tariq Hamid"]),
                strings(&["PK", "SA"])
            )]
        );
    }

    #[test]
    fn an_office_without_a_name_points_to_the_person_holding_it() {
        let got = summary(
            "NAIROBI — Defence Minister Amina Odhiambo met Gen. Carl Brandt, commander of US Africa Command, on Monday.\n\nIn the afternoon, the minister received the Commander of the Egyptian Air Force, Air Marshal Hany Saleh.",
            "2024-03-05",
        );
        assert_eq!(got.len(), 2);
        assert_eq!(got[1].1, strings(&["Amina Odhiambo", "Hany Saleh"]));
        // The host has no demonym; the dateline gives her country.
        assert_eq!(got[0].2, strings(&["KE", "US"]));
        assert_eq!(got[1].2, strings(&["EG", "KE"]));
    }

    #[test]
    fn the_host_takes_the_country_of_the_place_but_mixed_lists_do_not() {
        let got = summary(
            "Admiral Juan Ortega hosted Vice Adm. Kenji Sato of Japan in Manila on Tuesday.\n\nThe expanded meeting involved Rear Adm. Luis Cruz, Fleet Commander, and Capt. Aki Mori, Fleet Commander.",
            "2024-06-20",
        );
        assert_eq!(got[0].2, strings(&["JP", "PH"]));
        let m = &meetings(&article(
            "Admiral Juan Ortega hosted Vice Adm. Kenji Sato of Japan in Manila on Tuesday.\n\nThe expanded meeting involved Rear Adm. Luis Cruz, Fleet Commander, and Capt. Aki Mori, Fleet Commander.",
            "2024-06-20",
        ))[0];
        assert_eq!(country_of(m, "Juan Ortega").as_deref(), Some("PH"));
        assert_eq!(country_of(m, "Luis Cruz"), None);
    }

    #[test]
    fn planned_meetings_and_calls_have_their_status() {
        let got = summary(
            "Georgian Defence Minister Irakli Beridze is also scheduled to meet Lithuanian Defence Minister Jonas Petraitis in Vilnius next month.\n\nOn Monday, Beridze held a phone call with Polish Defence Minister Adam Nowak.",
            "2024-02-27",
        );
        let statuses: Vec<Status> = got.iter().map(|m| m.0).collect();
        assert_eq!(statuses, vec![Status::Planned, Status::Call]);
    }

    #[test]
    fn an_exhibition_report_has_no_meeting() {
        let got = summary(
            "RIYADH — Contracts worth 7 billion riyals were signed at the World Defense Show 2024, the General Authority for Military Industries said. Hanwha Aerospace and a Saudi company agreed to set up a joint venture. Delegations from 116 countries visited the show.",
            "2024-02-08",
        );
        assert!(got.is_empty(), "{got:?}");
    }

    #[test]
    fn an_expanded_meeting_is_the_same_meeting() {
        let got = summary(
            "DOHA — On May 3, Qatar's Minister of State for Defence Affairs, Dr. Khalid Al Thani, met with Türkiye's Minister of National Defence, Mr. Ali Demir.\n\nThe one-on-one meeting was followed by an expanded meeting with the participation of the Commander of the Turkish Land Forces, Army General Veli Kaya.",
            "2024-05-04",
        );
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(
            got[0].1,
            strings(&["Ali Demir", "Khalid Al Thani", "Veli Kaya"])
        );
    }

    #[test]
    fn what_is_said_during_a_call_stays_with_the_call() {
        let got = summary(
            "Gen. Omar Rauf received a telephone call from the Chief of the Turkish General Staff, Army General Can Aksoy, on Tuesday.\n\nDuring the call, the two commanders discussed regional security.",
            "2024-10-02",
        );
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].0, Status::Call);
    }

    #[test]
    fn a_meeting_told_by_the_pair_includes_the_sentence_naming_them() {
        let m = meetings(&article(
            "Indonesia's Minister of Defense Budi Santoso and Australia's Minister for Defence Mark Hale signed a Defence Cooperation Agreement on Thursday. Before the signing, the two ministers held talks on maritime security.",
            "2024-08-30",
        ));
        assert_eq!(m.len(), 1, "{m:?}");
        assert_eq!(m[0].countries, strings(&["AU", "ID"]));
        assert_eq!(m[0].outcomes, strings(&["agreement-signed"]));
        assert_eq!(m[0].topics, strings(&["maritime-security"]));
    }

    #[test]
    fn a_guest_without_a_country_is_of_the_other_country_the_passage_names() {
        let got = summary(
            "HANOI — Chief of the Army Staff General Ravi Rao visited Vietnam's Ministry of National Defence on Monday and met Minister of National Defence General Tran Van Minh. The two generals discussed the training of Vietnamese officers at Indian institutions.",
            "2023-06-20",
        );
        assert_eq!(got[0].2, strings(&["IN", "VN"]));
    }

    #[test]
    fn meeting_days_come_from_the_passage_the_lead_or_the_meeting_before() {
        let text = "ABU DHABI — The minister, Saif Al Mansoori, received several delegations yesterday.\n\nAl Mansoori met with the Kenyan Chief of Defence Forces, General Peter Otieno.\n\nOn Monday, he held talks with Kazakhstan's Deputy Minister of Defence, Maj. Gen. Arman Bekov.\n\nLater in the day, Al Mansoori met Brazil's Army Commander, General Paulo Rocha.\n\nSeparately, Al Mansoori met Japan's State Minister of Defense, Ken Mori.";
        let dates: Vec<String> = meetings(&article(text, "2025-02-19"))
            .iter()
            .map(|m| m.date.unwrap().to_string())
            .collect();
        // Yesterday (the lead, before any meeting), Monday, the same Monday, then the lead
        // again: a day stated before the meetings holds for those that state none.
        assert_eq!(
            dates,
            ["2025-02-18", "2025-02-17", "2025-02-17", "2025-02-18"]
        );
        let text = "CAIRO — General Omar Fathy, the Commander-in-Chief, received on Monday the Chief of the General Staff of Saudi Arabia, Lieutenant General Fahd Al-Saud.\n\nThe Commander-in-Chief also met the Deputy Minister of National Defence of Greece, Nikos Pappas.";
        let m = meetings(&article(text, "2023-12-05"));
        let dates: Vec<String> = m.iter().map(|m| m.date.unwrap().to_string()).collect();
        // Monday is the first meeting's own day; the second states none.
        assert_eq!(dates, ["2023-12-04", "2023-12-05"]);
        assert_eq!(m[1].participants[0].name, "Omar Fathy");
        assert_eq!(m[1].date_source, DateSource::Published);
    }

    #[test]
    fn the_delegation_and_the_visitors_are_its_head() {
        let text = "NAIROBI — A delegation of the Ghanaian Armed Forces led by Chief of Staff Maj. Gen. Kofi Mensah arrived in Nairobi on Sunday for a four-day visit.\n\nOn Monday, the delegation held talks with the Chief of Defence Forces, Gen. Peter Kariuki, at Defence Headquarters.\n\nThe visitors later called on the Cabinet Secretary for Defence, Amina Wanjiru, who praised the ties between the two countries.";
        let m = meetings(&article(text, "2024-03-13"));
        let people: Vec<Vec<&str>> = m
            .iter()
            .map(|m| m.participants.iter().map(|p| p.name.as_str()).collect())
            .collect();
        assert_eq!(
            people,
            [
                vec!["Kofi Mensah", "Peter Kariuki"],
                vec!["Kofi Mensah", "Amina Wanjiru"]
            ]
        );
        assert!(m.iter().all(|m| m.countries == ["GH", "KE"]));
        // Monday is the first meeting's; the arrival's Sunday is no meeting's day.
        let dates: Vec<String> = m.iter().map(|m| m.date.unwrap().to_string()).collect();
        assert_eq!(dates, ["2024-03-11", "2024-03-13"]);
    }

    #[test]
    fn a_day_earlier_is_the_day_before_the_meeting_before() {
        let text = "JAKARTA — Indonesian Navy Chief of Staff Adm. Budi Santoso received Japan's Chief of Staff of the Maritime Self-Defense Force Adm. Hiro Tanaka on Thursday.\n\nA day earlier, Tanaka met with the Commander of the Indonesian National Armed Forces, Gen. Agus Wibowo.";
        let dates: Vec<String> = meetings(&article(text, "2024-05-17"))
            .iter()
            .map(|m| m.date.unwrap().to_string())
            .collect();
        assert_eq!(dates, ["2024-05-16", "2024-05-15"]);
    }

    #[test]
    fn host_staff_listed_beside_marked_guests_are_of_the_host() {
        let text = "AMMAN — Chairman of the Joint Chiefs of Staff Maj. Gen. Yousef Al-Hnaity received on Monday the Commander of Italy's Joint Operations Command, Lt. Gen. Marco Rossi. The meeting was attended by Assistant Chairman Brig. Gen. Ali Khreisat, the Italian Ambassador Paolo Bianchi and Defence Attaché Col. Luca Verdi.";
        let m = &meetings(&article(text, "2023-10-10"))[0];
        assert_eq!(country_of(m, "Ali Khreisat").as_deref(), Some("JO"));
        assert_eq!(country_of(m, "Paolo Bianchi").as_deref(), Some("IT"));
        // An attaché keeps what is written: no country.
        assert_ne!(country_of(m, "Luca Verdi").as_deref(), Some("JO"));
    }

    #[test]
    fn one_sentence_off_the_subject_does_not_end_the_meeting() {
        let m = meetings(&article(
            "NEW DELHI — Raksha Mantri Shri Anil Rao held bilateral talks with the Minister of Defence of the Kingdom of Cambodia, General Sok Dara, on Friday.\n\nRaksha Mantri offered training courses for Cambodian officers.\n\nBoth sides signed a Memorandum of Understanding on defence cooperation.\n\nThe weather was fine.\n\nThe ministry did not say more. Contracts were signed last week.",
            "2023-11-11",
        ));
        assert_eq!(m.len(), 1, "{m:?}");
        assert_eq!(m[0].participants[0].name, "Anil Rao");
        assert_eq!(m[0].countries, strings(&["IN", "KH"]));
        assert_eq!(m[0].topics, strings(&["training"]));
        assert_eq!(m[0].outcomes, strings(&["memorandum-signed"]));
    }

    /// Each meeting's participants, in order, and its day.
    fn names_and_days(text: &str, published: &str) -> Vec<(Vec<String>, Option<String>)> {
        meetings(&article(text, published))
            .into_iter()
            .map(|m| {
                let names = m.participants.into_iter().map(|p| p.name).collect();
                (names, m.date.map(|d| d.to_string()))
            })
            .collect()
    }

    /// Each held meeting's participants as (name, country).
    fn countries_of(text: &str, published: &str) -> Vec<Vec<(String, Option<String>)>> {
        meetings(&article(text, published))
            .into_iter()
            .map(|m| {
                m.participants
                    .into_iter()
                    .map(|p| (p.name, p.country))
                    .collect()
            })
            .collect()
    }

    #[test]
    fn someone_who_went_to_meet_a_host_met_them() {
        let got = countries_of(
            "Gen. Mark Ellery, the Chief of Staff of the United States Army, met Lt. Gen. Ori Levin, the IDF Chief of Staff, on Sunday. The US defense attaché in Israel, Brig. Gen. Dana Whitt, also attended.\n\nOn Monday the American general traveled north to meet the head of the IDF Northern Command, Maj. Gen. Tal Shani.",
            "2023-02-13",
        );
        let pairs = |m: &Vec<(String, Option<String>)>| -> Vec<(String, String)> {
            m.iter()
                .map(|(n, c)| (n.clone(), c.clone().unwrap_or_default()))
                .collect()
        };
        assert_eq!(got.len(), 2, "{got:?}");
        assert!(pairs(&got[0]).contains(&("Dana Whitt".into(), "US".into())));
        assert_eq!(
            pairs(&got[1]),
            vec![
                ("Mark Ellery".into(), "US".into()),
                ("Tal Shani".into(), "IL".into())
            ]
        );
        assert!(went_to_meet(
            "The admiral flew to Manila to meet the Navy chief."
        ));
        assert!(!went_to_meet(
            "The admiral is expected to meet the Navy chief."
        ));
    }

    #[test]
    fn a_host_named_again_by_rank_alone_hosts_the_next_meeting() {
        let got = countries_of(
            "Sakhir, Nov. 13 (BNA): The Commander-in-Chief of the Bahrain Defence Force, Field Marshal Ali Hassan, received on Wednesday the Commander of the Royal Saudi Air Force, Lieutenant-General Fahd Nasser.\n\nThe Field Marshal also received on Wednesday the Commander of US Naval Forces Central Command, Vice Admiral John Kerr.",
            "2024-11-14",
        );
        let second: Vec<(&str, Option<&str>)> = got[1]
            .iter()
            .map(|(n, c)| (n.as_str(), c.as_deref()))
            .collect();
        assert_eq!(got.len(), 2, "{got:?}");
        assert_eq!(
            second,
            vec![("Ali Hassan", Some("BH")), ("John Kerr", Some("US"))]
        );
    }

    #[test]
    fn an_envoy_accompanying_someone_gives_them_their_country() {
        // No dateline, no demonym for the admiral: his attaché says where he is from.
        let got = countries_of(
            "Vice Adm. Tomasz Brzeg met on Monday with Adm. Carl Whitfield, the Chief of Naval Operations. They discussed the Hazard Perry-class frigates.\n\nThe next day, Brzeg met with Ann Lowry, vice president for naval combat and mission systems at Lockheed Martin.\n\nCapt. Jan Sowa, Poland's naval attaché in Washington, accompanied the admiral to both meetings.",
            "2024-04-11",
        );
        let country_of = |name: &str| {
            got.iter()
                .flatten()
                .find(|(n, _)| n == name)
                .and_then(|(_, c)| c.clone())
        };
        assert_eq!(got.len(), 2, "{got:?}");
        assert_eq!(country_of("Tomasz Brzeg").as_deref(), Some("PL"));
        assert_eq!(country_of("Ann Lowry").as_deref(), Some("US"));
        assert!(got.iter().all(|m| m.iter().any(|(n, _)| n == "Jan Sowa")));
        assert!(!got.iter().flatten().any(|(n, _)| n.contains("Perry")));
    }

    #[test]
    fn someone_accompanied_by_a_compatriot_is_of_their_country_not_of_the_place() {
        let got = countries_of(
            "Defence Minister Anna Kessler travelled to Latvia on Monday. In Riga, she held talks with her Latvian counterpart, Jānis Ozoliņš. Estonia's Chief of Defence, Gen. Martin Tamm, accompanied the minister.",
            "2024-03-20",
        );
        assert_eq!(got.len(), 1, "{got:?}");
        let of = |name: &str| {
            got[0]
                .iter()
                .find(|(n, _)| n == name)
                .and_then(|(_, c)| c.clone())
        };
        assert_eq!(of("Anna Kessler").as_deref(), Some("EE"));
        assert_eq!(of("Jānis Ozoliņš").as_deref(), Some("LV"));
    }

    #[test]
    fn people_accompanying_or_joining_someone_are_of_their_side() {
        let got = countries_of(
            "Chilean Army Commander Gen. Rodrigo Vial, accompanied by Col. Tomás Errázuriz and Maj. Ana Pinto, called on General Samuel Okoro at Defence Headquarters in Abuja on Monday.",
            "2024-05-08",
        );
        let of = |n: &str| got[0].iter().find(|p| p.0 == n).and_then(|p| p.1.clone());
        assert_eq!(of("Tomás Errázuriz").as_deref(), Some("CL"));
        assert_eq!(of("Ana Pinto").as_deref(), Some("CL"));
        assert_eq!(of("Samuel Okoro").as_deref(), Some("NG"));
    }

    #[test]
    fn a_release_line_places_the_host_and_an_issuing_ministry_names_its_own_side() {
        // "Place - Month Day, Year" under the release's heading lines.
        let got = countries_of(
            "DIRECTORATE OF PUBLIC RELATIONS\n\nNo 88/2024 Islamabad - May 2, 2024\n\nGeneral Tariq Mehmood received Lieutenant General Karim Nazari of the Afghan National Army today.",
            "2024-05-02",
        );
        assert_eq!(got[0][0], ("Tariq Mehmood".into(), Some("PK".into())));
        // A ministry's heading gives its minister's country, wherever the meeting is held.
        let got = countries_of(
            "REPUBLIC OF POLAND MINISTRY OF NATIONAL DEFENCE\n\nMinister of National Defence Jan Kowal held talks with Norwegian Defence Minister Ola Berg at NATO Headquarters in Brussels on Thursday.",
            "2024-02-16",
        );
        assert_eq!(got[0][0], ("Jan Kowal".into(), Some("PL".into())));
        // A guest "visiting" a country meets its host there.
        let got = countries_of(
            "Mongolian Defence Minister Batbold Tsend, who is visiting Kenya, met Defence Cabinet Secretary Joseph Mwangi on Tuesday.",
            "2024-09-12",
        );
        assert_eq!(got[0][1], ("Joseph Mwangi".into(), Some("KE".into())));
    }

    #[test]
    fn bilateral_meetings_with_guests_of_two_countries_are_two_meetings() {
        let got = summary(
            "Defence Minister Teodor Lazar held bilateral meetings with the Minister of Defence of Ghana Kwame Mensah and the Minister of Defence of Peru Luis Salas on Friday.",
            "2024-06-14",
        );
        assert_eq!(got.len(), 2);
        assert_eq!(got[0].1, strings(&["Kwame Mensah", "Teodor Lazar"]));
        assert_eq!(got[1].1, strings(&["Luis Salas", "Teodor Lazar"]));
    }

    #[test]
    fn the_opening_sentence_s_shift_dates_a_meeting_before_a_day_stated_later() {
        let dates: Vec<_> = meetings(&article(
            "Gen. Pedro Alves of Brazil met Gen. Hiroshi Tanaka in Tokyo on Monday.\n\nThe following day, Alves met Adm. Kenji Mori, chief of the Maritime Self-Defense Force. On Thursday, Alves toured a shipyard in Yokosuka.\n\nThe Brazilian delegation then visited the Acquisition Agency, where they met Commissioner Aiko Sato.",
            "2024-10-11",
        ))
        .into_iter()
        .map(|m| m.date.map(|d| d.to_string()))
        .collect();
        assert_eq!(
            dates,
            [
                Some("2024-10-07".to_string()),
                Some("2024-10-08".to_string()),
                Some("2024-10-08".to_string())
            ]
        );
    }

    #[test]
    fn someone_accompanied_takes_the_country_of_a_companion_and_a_staff_is_no_general() {
        let got = countries_of(
            "Defense Minister Arie Cohen and Moroccan Army Inspector Lt.-Gen. Driss Alaoui met in Rabat on Monday.\n\nCohen was accompanied by Maj. Gen. Dan Levi and the head of Israel's mission in Rabat, Noa Katz, who also took part in the meeting.\n\nOn Tuesday, Cohen met with Royal Armed Forces chief Lt.-Gen. Omar Bennis at the army's general staff headquarters.",
            "2024-03-20",
        );
        let of = |m: usize, n: &str| got[m].iter().find(|p| p.0 == n).and_then(|p| p.1.clone());
        assert_eq!(of(0, "Arie Cohen").as_deref(), Some("IL"));
        assert_eq!(of(0, "Dan Levi").as_deref(), Some("IL"));
        let second: Vec<&str> = got[1].iter().map(|p| p.0.as_str()).collect();
        assert_eq!(second, ["Arie Cohen", "Omar Bennis"]);
        assert_eq!(of(1, "Omar Bennis").as_deref(), Some("MA"));
    }

    #[test]
    fn a_lead_summing_up_several_meetings_opens_none_and_a_letter_lost_to_encoding_matches() {
        let got = summary(
            "Delegations from Chad and Niger held a series of meetings with Turkish defence companies this week.\n\nOn Tuesday, Roketsan chief Murat Ya?ci met Chadian Defence Minister Idriss Mahamat.\n\nLater, Ya?ci received Nigerien army chief Gen. Salifou Mody.",
            "2024-05-10",
        );
        assert_eq!(got.len(), 2);
        assert_eq!(got[0].2, strings(&["TD", "TR"]));
        assert_eq!(got[1].1, strings(&["Murat Ya?ci", "Salifou Mody"]));
    }

    #[test]
    fn a_bilateral_on_the_margins_of_a_trilateral_is_a_second_meeting_the_same_day() {
        let m = meetings(&article(
            "The Chief of Defence of Norway, General Eirik Dahl, hosted his counterparts from Sweden and Finland, General Nils Berg, Chief of the Swedish Armed Forces, and General Timo Laine, Chief of Defence of the Finnish Defence Forces, in Oslo on Tuesday.\n\nOn the margins of the trilateral meeting, Dahl and Laine held a bilateral talk on air defence.",
            "2025-03-13",
        ));
        assert_eq!(m.len(), 2);
        assert_eq!(m[0].countries, strings(&["FI", "NO", "SE"]));
        assert_eq!(m[1].countries, strings(&["FI", "NO"]));
        assert_eq!(m[1].date, m[0].date);
    }

    #[test]
    fn an_office_followed_by_a_verb_is_a_reference_and_a_host_at_an_institution_is_its_own() {
        let got = summary(
            "Yesterday, Defence Minister Omar Haddad received General Luis Ferrer of Spain.\n\nToday, the Minister of State for Defence Affairs received Anne Morel, chief executive of France's Thales.",
            "2024-11-14",
        );
        assert_eq!(got.len(), 2);
        assert_eq!(got[1].1, strings(&["Anne Morel", "Omar Haddad"]));
        let got = countries_of(
            "This morning, Secretary of Defense Paul Grant welcomed Greek Minister of Defence Nikos Pappas to the Pentagon.",
            "2024-04-03",
        );
        assert_eq!(got[0][0], ("Paul Grant".into(), Some("US".into())));
    }

    #[test]
    fn a_meeting_that_came_a_day_after_talks_dates_those_talks_the_day_before() {
        let m = meetings(&article(
            "Polish Defence Minister Adam Lis met his Czech counterpart Jana Novak in Prague on Friday.\n\nThe meeting came a day after Lis held talks with Slovak Defence Minister Peter Kral, also in Prague.\n\nOn 12 March the Kazakh delegation held talks at the General Staff of the Armed Forces of the Kyrgyz Republic with Chief of the General Staff Maj. Gen. Ulan Sadyrov.",
            "2024-03-16",
        ));
        let dates: Vec<String> = m.iter().map(|m| m.date.unwrap().to_string()).collect();
        assert_eq!(dates[..2], ["2024-03-15", "2024-03-14"]);
        let sadyrov = m
            .iter()
            .flat_map(|m| &m.participants)
            .find(|p| p.name == "Ulan Sadyrov");
        assert_eq!(sadyrov.and_then(|p| p.country.as_deref()), Some("KG"));
    }

    #[test]
    fn only_the_sentence_itself_says_its_guests_met_the_host_separately() {
        let got = summary(
            "Defence Minister Teodor Lazar met Ghanaian Chief of Defence Staff Gen. Kofi Mensah and Peruvian Navy commander Adm. Luis Salas in Bucharest on Friday.\n\nThe ministry said further meetings with defence companies would follow.",
            "2024-06-15",
        );
        assert_eq!(got.len(), 1);
        assert_eq!(
            got[0].1,
            strings(&["Kofi Mensah", "Luis Salas", "Teodor Lazar"])
        );
    }

    #[test]
    fn an_arrival_welcome_is_no_meeting_and_the_two_chiefs_are_the_meeting_s_pair() {
        let got = summary(
            "The Chief of Air Staff of the Nepalese Army Air Service, Air Marshal Ram Thapa, called on the Commander of the Thai Air Force, Air Chief Marshal Somchai Wong, in Bangkok on 4 June 2024.\n\nOn arrival, the visiting Air Marshal was received by the Thai Chief of Staff, Air Vice Marshal Anan Sri.\n\nDuring the discussion that followed, the two Air Chiefs discussed flying training.",
            "2024-06-05",
        );
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].1, strings(&["Ram Thapa", "Somchai Wong"]));
    }

    #[test]
    fn countries_named_for_a_list_of_counterparts_go_one_to_each_in_order() {
        let got = countries_of(
            "The Chief of the Air Staff, Air Chief Marshal Sir Ian Grey, hosted his Dutch and Korean counterparts, Gen. Pieter Smit and Gen. Kim Dae-ho, in London on Monday.",
            "2024-07-24",
        );
        let of = |n: &str| got[0].iter().find(|p| p.0 == n).and_then(|p| p.1.clone());
        assert_eq!(of("Pieter Smit").as_deref(), Some("NL"));
        assert_eq!(of("Kim Dae-ho").as_deref(), Some("KR"));
    }

    #[test]
    fn a_spokesman_heading_the_sentence_is_no_participant_and_the_two_generals_are_the_pair() {
        let got = summary(
            "Gen. Akira Mori, Chief of Staff of the Joint Staff of Japan, paid a courtesy call on Philippine army chief Gen. Ramon Cruz on Tuesday.\n\nArmy spokesperson Col. Lina Reyes said the two generals discussed joint exercises.\n\nThe next day, Mori called on Defense Secretary Leonardo T. Bautista in Manila.",
            "2025-10-16",
        );
        assert_eq!(got.len(), 2, "{got:?}");
        assert_eq!(got[0].1, strings(&["Akira Mori", "Ramon Cruz"]));
        assert_eq!(got[1].1, strings(&["Akira Mori", "Leonardo T. Bautista"]));
    }

    #[test]
    fn a_minister_telling_of_his_own_meeting_is_its_participant() {
        let got = summary(
            "Defence Minister Datuk Seri Amir Hamzah said this was conveyed during his bilateral meeting with Brunei's Minister of Defence Haji Salleh Kamis yesterday.",
            "2025-05-21",
        );
        assert_eq!(got.len(), 1, "{got:?}");
        assert!(got[0].1.contains(&"Amir Hamzah".to_string()), "{got:?}");
    }

    #[test]
    fn those_present_during_the_meeting_join_it_after_sentences_about_other_things() {
        let got = summary(
            "Lieutenant General Omar Haddad, Chairman of the Joint Chiefs of Staff of Jordan, called on General Tariq Malik, Chief of Army Staff of Pakistan, at GHQ today.\n\nThe visiting dignitary lauded the professionalism of the army.\n\nThe army chief said that relations are rooted in common history. He offered more training slots.\n\nLieutenant General Asif Raza, Chief of General Staff, and Brigadier Kamran Ali, Defence Attache of Pakistan in Amman, were also present during the meeting.",
            "2019-04-10",
        );
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(
            got[0].1,
            strings(&["Asif Raza", "Kamran Ali", "Omar Haddad", "Tariq Malik"])
        );
    }

    #[test]
    fn a_dateline_after_the_headline_places_the_host_and_the_visiting_dignitary_is_the_guest() {
        let got = countries_of(
            "Azerbaijani air chief calls on CAS\n\nISLAMABAD, Jan 15 (APP): Lieutenant General Rauf Samadov of Azerbaijan called on Air Chief Marshal Shahzad Kiani on Monday.\n\nLater in the day, the visiting dignitary visited the Aeronautical Complex, where he was received by Air Marshal Khurram Minhas, Chairman of the Board.",
            "2024-01-16",
        );
        assert_eq!(got.len(), 2, "{got:?}");
        let of = |m: usize, n: &str| got[m].iter().find(|p| p.0 == n).map(|p| p.1.clone());
        assert_eq!(of(0, "Shahzad Kiani"), Some(Some("PK".to_string())));
        assert_eq!(of(1, "Rauf Samadov"), Some(Some("AZ".to_string())));
        assert_eq!(of(1, "Khurram Minhas"), Some(Some("PK".to_string())));
    }

    #[test]
    fn an_ambassador_who_accompanied_the_guest_joins_the_meeting() {
        let got = summary(
            "General Ali Karimov, Commander of the Land Forces of Uzbekistan, called on General Tomas Berg, Chief of Defence of Sweden, on Monday. The visiting general lauded the professionalism of the armed forces. Uzbekistan's Ambassador to Sweden Akmal Nazarov accompanied the commander.",
            "2024-01-16",
        );
        assert_eq!(got.len(), 1, "{got:?}");
        assert!(got[0].1.contains(&"Akmal Nazarov".to_string()), "{got:?}");
    }

    #[test]
    fn a_series_of_meetings_opens_none_and_a_chief_present_at_both_is_in_both() {
        let got = summary(
            "The Commander of the Brazilian Navy, Admiral Joao Falcao, held a series of meetings with British naval and industry leaders in London this week.\n\nOn Sept. 12, Admiral Falcao met the First Sea Lord, Admiral Sir Malcolm Penn, at the ExCeL centre. The two admirals discussed maritime security. They also discussed training. The admirals discussed the frigate programme.\n\nTwo days later, Falcao met Babcock International's Chief Executive for the Marine sector, Graham Stowe.\n\nRear Adm. Luis Mendes, head of the Brazilian Naval Commission in Europe, was present at both meetings.",
            "2023-09-15",
        );
        assert_eq!(got.len(), 2, "{got:?}");
        assert_eq!(
            got[0].1,
            strings(&["Joao Falcao", "Luis Mendes", "Malcolm Penn"])
        );
        assert_eq!(
            got[1].1,
            strings(&["Graham Stowe", "Joao Falcao", "Luis Mendes"])
        );
    }

    #[test]
    fn a_post_s_branch_in_brackets_comes_before_the_name() {
        let got = summary(
            "Today, Minister Arsen Petrosyan of Armenia had a meeting with Indian Secretary (Defence Production) Anuradha Mishra.",
            "2024-06-19",
        );
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].1, strings(&["Anuradha Mishra", "Arsen Petrosyan"]));
    }

    #[test]
    fn a_lead_meeting_counterparts_of_several_countries_sums_up_the_meetings_told_next() {
        let got = summary(
            "SINGAPORE — Defense Secretary Ramon Cruz of the Philippines met with his Canadian and French counterparts on the sidelines of the Shangri-La Dialogue.\n\nOn Friday, Cruz held talks with Canada's Minister of National Defence, the Hon. Douglas Fair. The two officials discussed the agreement, which Cruz said had been a game changer.\n\nCruz is set to meet Minister of the Armed Forces Jean Morel of France on Saturday.",
            "2024-06-01",
        );
        assert_eq!(got.len(), 2, "{got:?}");
        assert_eq!(got[0].1, strings(&["Douglas Fair", "Ramon Cruz"]));
        assert_eq!(got[0].2, strings(&["CA", "PH"]));
        assert_eq!(got[1].0, Status::Planned);
    }

    #[test]
    fn a_participant_quoted_keeps_the_meeting_going_and_those_who_accompanied_him_join_it() {
        let got = summary(
            "ASTANA, Kazakhstan -- LTG Darnell Fenwick, commanding general of U.S. Army Central, met with Kazakhstan's Deputy Minister of Defense, MG Daulet Serik, last Thursday.\n\n\"KAZBRIG is one of the best examples of a partnership,\" Fenwick said. \"They can stand shoulder to shoulder with any army.\"\n\nThe two leaders also discussed language training for Kazakh officers.\n\nBG Jeffrey Oyel, the deputy commanding general, accompanied Fenwick.",
            "2019-09-17",
        );
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(
            got[0].1,
            strings(&["Darnell Fenwick", "Daulet Serik", "Jeffrey Oyel"])
        );
    }

    #[test]
    fn a_meeting_told_in_a_clause_after_a_comma_and_an_attendee_at_the_end_count() {
        let got = summary(
            "ANKARA -- Gen. Peter Olsen, Chief of Defence of Denmark, visited Ankara on Monday, meeting Turkish Chief of General Staff Gen. Metin Kaya to discuss air defence. Denmark's defence attache in Ankara, Col. Lars Berg, attended.",
            "2024-03-05",
        );
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(
            got[0].1,
            strings(&["Lars Berg", "Metin Kaya", "Peter Olsen"])
        );
        assert_eq!(got[0].2, strings(&["DK", "TR"]));
    }

    #[test]
    fn the_one_interviewed_or_the_speaker_labelled_is_the_one_who_met() {
        let got = summary(
            "Turkish Naval Forces Commander Admiral Hasan Demir spoke to our correspondent in Istanbul.\n\nQ: Who did you meet in Islamabad?\n\nA: I met my Pakistani counterpart, Admiral Naveed Ashraf, on April 12. We discussed joint exercises.",
            "2024-05-02",
        );
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].1, strings(&["Hasan Demir", "Naveed Ashraf"]));
        let got = summary(
            "Defence Minister Stavros Pappas of Greece and Director General Amir Ben-Haim of Israel spoke to reporters.\n\nS. PAPPAS: Good afternoon. We reviewed the procurement programme.\n\nA. BEN-HAIM: Thank you, Minister. This morning I also met the Chief of the Hellenic National Defence General Staff, Gen. Nikos Alexis, and we discussed training.",
            "2025-01-16",
        );
        assert!(
            got.iter()
                .any(|m| m.1 == strings(&["Amir Ben-Haim", "Nikos Alexis"])),
            "{got:?}"
        );
        let got = summary(
            "Navy chief Vice Adm. Toribio Sumag is in Langkawi for the show. Excerpts:\n\nQ: Who have you met so far?\n\nA: On Tuesday I sat down with Adm. Datuk Mohd Reza bin Tajul, the chief of the Royal Malaysian Navy.",
            "2023-05-26",
        );
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].1, strings(&["Mohd Reza bin Tajul", "Toribio Sumag"]));
    }
}
