//! One synthetic article and its gold meetings. An article is a lead paragraph (sometimes naming
//! an event, a city, a day), meeting paragraphs (a cue sentence; people who also attended; the
//! topics discussed; what was signed) and background paragraphs, each built with the truth it
//! states; planned meetings and calls are written too, but only meetings held count as gold.
//!
//! The gold follows the extraction contract of `../shared/gold/README.md`: a meeting without a
//! stated day takes the first day the article states up to its first meeting, else the
//! publication date; the city and event named last before a meeting carry over to it.

use chrono::{Datelike, Days, NaiveDate};
use serde::{Deserialize, Serialize};

use super::material::{material, Country, Material, RankForm};
use super::rng::Rng;
use crate::model::Article;
use crate::text::{capitalise, fold};

/// One article of the gold file: the schema of `../shared/gold/README.md`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GoldArticle {
    pub article: String,
    pub published: Option<NaiveDate>,
    /// Meetings held, in article order.
    pub meetings: Vec<GoldMeeting>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GoldMeeting {
    pub date: Option<NaiveDate>,
    pub location: Option<String>,
    pub event: Option<String>,
    pub participants: Vec<GoldParticipant>,
    pub countries: Vec<String>,
    pub topics: Vec<String>,
    pub outcomes: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GoldParticipant {
    pub name: String,
    pub country: Option<String>,
    pub rank: Option<String>,
    pub position: Option<String>,
    pub organization: Option<String>,
}

/// An article with its truth.
#[derive(Debug, Clone)]
pub struct Generated {
    pub article: Article,
    pub gold: GoldArticle,
    /// Meetings written that are planned or calls: extracted, but not gold.
    pub other_meetings: usize,
}

/// Article lengths, in bytes of text.
pub const MIN_BYTES: usize = 600;
pub const MAX_BYTES: usize = 4000;
/// Weights of 0, 1, …, 6 meetings an article.
const MEETING_COUNTS: [u32; 7] = [14, 26, 22, 15, 10, 8, 5];

/// The id `extract` reports for article `n` (counting from 0).
pub fn article_id(n: u64) -> String {
    format!("synth-{:07}", n + 1)
}

/// Article `n` of the corpus made with `seed`.
pub fn generate(seed: u64, n: u64) -> Generated {
    let mut c = Composer::new(Rng::for_item(seed, n));
    let id = article_id(n);
    let (text, title, meetings, others) = c.compose();
    let published = c.published;
    Generated {
        article: Article {
            id: id.clone(),
            origin: id.clone(),
            published: Some(published),
            title: Some(title),
            source: Some(c.rng.pick(&c.m.outlets).clone()),
            url: None,
            text,
        },
        gold: GoldArticle {
            article: id,
            published: Some(published),
            meetings,
        },
        other_meetings: others,
    }
}

#[derive(Debug, Clone)]
struct Person {
    first: &'static str,
    last: &'static str,
    country: &'static Country,
    rank: Option<&'static RankForm>,
    /// `(as written, as reported)`.
    post: Option<&'static (String, String)>,
    /// Described after the name: `, the commander of the Turkish Navy`.
    unit: Option<(&'static str, &'static str)>,
    /// The post a counterpart takes over from the host.
    inherited: Option<String>,
}

impl Person {
    fn name(&self) -> String {
        format!("{} {}", self.first, self.last)
    }

    /// Rank and name, then the unit in an appositive, or the country and post before them.
    fn written(&self) -> String {
        let rank = self
            .rank
            .map(|r| format!("{} ", r.written))
            .unwrap_or_default();
        match self.unit {
            Some((head, unit)) => format!(
                "{rank}{} {}, the {head} of the {} {unit}",
                self.first, self.last, self.country.adjective
            ),
            None => {
                let post = self.post.map(|p| format!("{} ", p.0)).unwrap_or_default();
                format!(
                    "{} {post}{rank}{} {}",
                    self.country.adjective, self.first, self.last
                )
            }
        }
    }

    fn gold(&self) -> GoldParticipant {
        let (position, organization) = match self.unit {
            Some((head, unit)) => (Some(capitalise(head)), Some(unit.to_string())),
            None => (
                self.inherited
                    .clone()
                    .or_else(|| self.post.map(|p| p.1.clone())),
                None,
            ),
        };
        GoldParticipant {
            name: self.name(),
            country: Some(self.country.code.to_string()),
            rank: self.rank.map(|r| r.name.to_string()),
            position,
            organization,
        }
    }
}

/// How a surname is told apart, by extraction and by the scorer: its last part, folded.
fn surname_key(surname: &str) -> String {
    let f = fold(surname);
    f.rsplit('-').next().unwrap_or(&f).to_string()
}

/// Two surnames a reader could take for one person.
fn confusable(a: &str, b: &str) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    short == long || (short.len() >= 4 && long.starts_with(short))
}

/// A meeting paragraph with its gold (none for planned meetings and calls).
struct Block {
    text: String,
    gold: Option<GoldMeeting>,
}

struct Composer {
    rng: Rng,
    m: &'static Material,
    published: NaiveDate,
    surnames: Vec<String>,
    /// Countries of every person taking part in a meeting so far.
    sides: Vec<&'static str>,
    location: Option<&'static str>,
    event: Option<String>,
    /// The first day stated up to the first meeting.
    lead_date: Option<NaiveDate>,
    /// Meetings of any status written so far.
    meetings: usize,
    /// The first person of the latest meeting: who "He" is.
    last_first: Option<Person>,
    /// People who took part in a meeting, who may be named again by surname.
    hosts: Vec<Person>,
}

impl Composer {
    fn new(mut rng: Rng) -> Composer {
        let first = NaiveDate::from_ymd_opt(2010, 2, 1).expect("a valid day");
        let last = NaiveDate::from_ymd_opt(2026, 12, 31).expect("a valid day");
        let span = (last - first).num_days() as usize;
        let published = first + Days::new(rng.below(span + 1) as u64);
        Composer {
            rng,
            m: material(),
            published,
            surnames: Vec::new(),
            sides: Vec::new(),
            location: None,
            event: None,
            lead_date: None,
            meetings: 0,
            last_first: None,
            hosts: Vec::new(),
        }
    }

    fn word(&mut self) -> &'static str {
        let m = self.m;
        m.words[self.rng.zipf(m.words.len())].as_str()
    }

    fn words(&mut self, n: usize, out: &mut String) {
        for _ in 0..n {
            out.push(' ');
            out.push_str(self.word());
        }
    }

    /// A background sentence: no cue, no name, no day.
    fn filler(&mut self, out: &mut String) {
        let m = self.m;
        out.push_str(self.rng.pick(&m.file.filler_openers).as_str());
        let n = self.rng.between(8, 22);
        for i in 0..n {
            if i == n / 2 && self.rng.chance(0.2) {
                let c = self.rng.pick(&m.countries);
                out.push_str(" the ");
                out.push_str(&c.adjective);
            } else if i == n / 3 && self.rng.chance(0.15) {
                let v = self.rng.between(2, 95);
                out.push_str(&format!(" {v} percent"));
            } else {
                out.push(' ');
                out.push_str(self.word());
            }
        }
        out.push('.');
    }

    fn filler_paragraph(&mut self) -> String {
        let mut p = String::with_capacity(512);
        for i in 0..self.rng.between(1, 3) {
            if i > 0 {
                p.push(' ');
            }
            self.filler(&mut p);
        }
        p
    }

    fn person(&mut self, appositive: bool) -> Person {
        let m = self.m;
        let last = loop {
            let s = self.rng.pick(&m.surnames).as_str();
            let key = surname_key(s);
            if !self.surnames.iter().any(|k| confusable(k, &key)) {
                self.surnames.push(key);
                break s;
            }
        };
        let unit = (appositive && self.rng.chance(0.15)).then(|| {
            (
                self.rng.pick(&m.file.appositive_heads).as_str(),
                self.rng.pick(&m.file.appositive_units).as_str(),
            )
        });
        let post = self.rng.chance(0.7).then(|| self.rng.pick(&m.file.posts));
        let civilian = post.is_some_and(|p| p.0 == "Ambassador");
        Person {
            first: self.rng.pick(&m.first_names).as_str(),
            last,
            country: self.rng.pick(&m.countries),
            rank: (!civilian && self.rng.chance(0.75)).then(|| self.rng.pick(&m.ranks)),
            post,
            unit,
            inherited: None,
        }
    }

    /// A day before publication (in the event's year when there is one) and how it is written.
    fn held_day(&mut self) -> (NaiveDate, String) {
        let p = self.published;
        let mut back = self.rng.below(21) as u64;
        if self.event.is_some() {
            back = back.min(u64::from(p.ordinal0()));
        }
        let d = p - Days::new(back);
        let written = match self.rng.below(6) {
            0 => d.format("%-d %B").to_string(),
            1 => d.format("%B %-d, %Y").to_string(),
            2 if back <= 6 => d.format("%A").to_string(),
            3 if back == 1 => "yesterday".to_string(),
            _ => d.format("%B %-d").to_string(),
        };
        (d, written)
    }

    fn place(&mut self) -> Option<&'static str> {
        self.rng
            .chance(0.45)
            .then(|| *self.rng.pick(&self.m.cities))
    }

    fn compose(&mut self) -> (String, String, Vec<GoldMeeting>, usize) {
        let count = self.rng.weighted(&MEETING_COUNTS);
        let lead = self.lead(count > 0);
        let mut blocks: Vec<Block> = Vec::with_capacity(count);
        for k in 0..count {
            let block = if k == 0 {
                self.held()
            } else {
                match self.rng.weighted(&[80, 10, 10]) {
                    0 => self.held(),
                    1 => self.planned(),
                    _ => self.call(),
                }
            };
            blocks.push(block);
        }
        let mut length = lead.len() + blocks.iter().map(|b| b.text.len() + 2).sum::<usize>();
        while length > MAX_BYTES {
            let b = blocks.pop().expect("the lead alone is short");
            length -= b.text.len() + 2;
        }
        // Background paragraphs (and people named outside any meeting) fill up to the length
        // drawn, in any gap: they neither open nor continue a meeting.
        let target = MIN_BYTES + (3400.0 * self.rng.unit().powi(2)) as usize;
        let mut gaps: Vec<Vec<String>> = vec![Vec::new(); blocks.len() + 1];
        while length < target.max(MIN_BYTES) {
            let mut p = if self.rng.chance(0.1) {
                self.bystander()
            } else {
                self.filler_paragraph()
            };
            if length + p.len() + 2 > MAX_BYTES {
                p.clear();
                self.filler(&mut p);
                if length + p.len() + 2 > MAX_BYTES {
                    break;
                }
            }
            length += p.len() + 2;
            let gap = self.rng.below(gaps.len());
            gaps[gap].push(p);
        }
        let mut text = String::with_capacity(length);
        text.push_str(&lead);
        let mut gold = Vec::new();
        let mut others = 0;
        let mut gaps = gaps.into_iter();
        for block in blocks {
            for p in gaps.next().into_iter().flatten() {
                text.push_str("\n\n");
                text.push_str(&p);
            }
            text.push_str("\n\n");
            text.push_str(&block.text);
            match block.gold {
                Some(g) => gold.push(g),
                None => others += 1,
            }
        }
        for p in gaps.flatten() {
            text.push_str("\n\n");
            text.push_str(&p);
        }
        let title = self.title(&gold);
        (text, title, gold, others)
    }

    fn title(&mut self, gold: &[GoldMeeting]) -> String {
        let m = self.m;
        let side = gold
            .first()
            .and_then(|g| g.countries.first())
            .and_then(|code| m.countries.iter().find(|c| c.code == code));
        match side {
            Some(country) => {
                let topic = &self.rng.pick(m.topics).cues[0];
                format!("{} officials discuss {topic}", country.adjective)
            }
            None => {
                let mut t = capitalise(self.word());
                let n = self.rng.between(3, 6);
                self.words(n, &mut t);
                t
            }
        }
    }

    /// The opening paragraph: an event, a city and a day, any of them.
    fn lead(&mut self, with_meetings: bool) -> String {
        let m = self.m;
        let mut s = String::new();
        if with_meetings && self.rng.chance(0.3) {
            let event = self.rng.pick(m.events);
            let alias = self.rng.pick(&event.aliases);
            let year = self.published.year();
            let written = if alias.chars().all(|c| c.is_ascii_uppercase()) {
                match self.rng.below(3) {
                    0 => format!("{alias}-{year}"),
                    1 => format!("{alias} {year}"),
                    _ => format!("{alias}'{:02}", year % 100),
                }
            } else if self.rng.chance(0.5) {
                format!("the {year} {alias}")
            } else {
                format!("the {alias} {year}")
            };
            self.event = Some(format!("{}-{year}", event.series));
            s.push_str(&format!(
                "Defense delegations from {} countries gathered",
                self.rng.between(12, 90)
            ));
            if let Some(city) = self.place() {
                s.push_str(&format!(" in {city}"));
                self.location = Some(city);
            }
            s.push_str(&format!(" for {written}"));
        } else {
            self.filler(&mut s);
            s.pop();
            if let Some(city) = self.place() {
                s.push_str(&format!(" in {city}"));
                self.location = Some(city);
            }
        }
        if with_meetings && self.rng.chance(0.3) {
            let (d, written) = self.held_day();
            s.push_str(&format!(" on {written}"));
            self.lead_date = Some(d);
        }
        s.push('.');
        if self.rng.chance(0.5) {
            s.push(' ');
            self.filler(&mut s);
        }
        s
    }

    /// Someone named outside any meeting.
    fn bystander(&mut self) -> String {
        let p = self.person(false);
        let mut s = p.written();
        if self.rng.chance(0.5) {
            s.push_str(" inspected the");
            self.words(2, &mut s);
            s.push_str(" units.");
        } else {
            s.push_str(" said the");
            let n = self.rng.between(3, 8);
            self.words(n, &mut s);
            s.push('.');
        }
        s
    }

    fn topics_sentence(&mut self, topics: &mut Vec<String>) -> String {
        let m = self.m;
        let n = self.rng.weighted(&[0, 5, 4, 2]);
        let mut cues = Vec::new();
        while topics.len() < n {
            let t = self.rng.pick(m.topics);
            if !topics.contains(&t.slug) {
                topics.push(t.slug.clone());
                cues.push(self.rng.pick(&t.cues).as_str());
            }
        }
        let list = match cues.as_slice() {
            [a] => a.to_string(),
            [a, b] => format!("{a} and {b}"),
            [rest @ .., last] => format!("{}, and {last}", rest.join(", ")),
            [] => unreachable!("at least one topic"),
        };
        match self.rng.below(3) {
            0 => format!("The parties discussed cooperation in {list}."),
            1 => {
                format!("The sides exchanged views on {list} and other issues of mutual interest.")
            }
            _ => format!("At the meeting, the two sides reviewed {list}."),
        }
    }

    fn outcomes_sentence(&mut self, outcomes: &mut Vec<String>) -> String {
        let mut signed = Vec::new();
        let mut statement = false;
        for _ in 0..self.rng.between(1, 2) {
            let (slug, phrase) = match self.rng.below(5) {
                0 => ("agreement-signed", "an agreement on"),
                1 => ("contracts-signed", "contracts on"),
                2 => ("memorandum-signed", "a memorandum of understanding on"),
                3 => ("protocol-signed", "a protocol on"),
                _ => {
                    statement = true;
                    ("joint-statement", "")
                }
            };
            if outcomes.iter().any(|o| o == slug) {
                continue;
            }
            outcomes.push(slug.to_string());
            if !phrase.is_empty() {
                let mut p = phrase.to_string();
                self.words(2, &mut p);
                signed.push(p);
            }
        }
        let mut s = String::new();
        if !signed.is_empty() {
            s.push_str(&format!("The sides signed {}.", signed.join(" and ")));
        }
        if statement {
            if !s.is_empty() {
                s.push(' ');
            }
            s.push_str("A joint statement was issued after the talks.");
        }
        s
    }

    /// Records a meeting opened by a sentence stating `day` at `place`.
    fn opened(
        &mut self,
        first: &Person,
        people: &[&Person],
        day: Option<NaiveDate>,
        place: Option<&'static str>,
    ) {
        if self.meetings == 0 {
            self.lead_date = self.lead_date.or(day);
        }
        self.meetings += 1;
        if place.is_some() {
            self.location = place;
        }
        self.last_first = Some(first.clone());
        for p in people {
            if !self.sides.contains(&p.country.code) {
                self.sides.push(p.country.code);
            }
            if !self.hosts.iter().any(|h| h.last == p.last) {
                self.hosts.push((*p).clone());
            }
        }
    }

    fn held(&mut self) -> Block {
        let m = self.m;
        let (day, written_day) = if self.rng.chance(0.6) {
            let (d, w) = self.held_day();
            (Some(d), Some(w))
        } else {
            (None, None)
        };
        let place = self.place();
        let tail = {
            let mut t = String::new();
            if let Some(c) = place {
                t.push_str(&format!(" in {c}"));
            }
            if let Some(w) = &written_day {
                t.push_str(&format!(" on {w}"));
            }
            t
        };
        let mut shapes = vec![10, 6, 6, 4, 4, 3, 4, 2, 0, 0];
        if self.last_first.is_some() {
            shapes[8] = 4;
        }
        if !self.hosts.is_empty() {
            shapes[9] = 5;
        }
        let mut delegation: Option<&'static str> = None;
        // The person named first (who "He" is next), the other, and the cue sentence.
        let (first, other, sentence) = match self.rng.weighted(&shapes) {
            shape @ 0..=2 => {
                let (s, o) = (self.person(true), self.person(true));
                let verb = ["met with", "held talks with", "received"][shape];
                let subject = match s.unit {
                    Some(_) => format!("{},", s.written()),
                    None => s.written(),
                };
                let out = format!("{subject} {verb} {}{tail}.", o.written());
                (s, Some(o), out)
            }
            3 if written_day.is_some() => {
                let (s, o) = (self.person(false), self.person(true));
                let lead = match written_day.as_deref() {
                    Some("yesterday") => "Yesterday".to_string(),
                    w => format!("On {}", w.unwrap_or_default()),
                };
                let place = place.map(|c| format!(" in {c}")).unwrap_or_default();
                let out = format!("{lead}, {} hosted {}{place}.", s.written(), o.written());
                (s, Some(o), out)
            }
            shape @ 3..=5 => {
                let (s, o) = (self.person(false), self.person(false));
                let (sw, ow) = (s.written(), o.written());
                if shape == 5 {
                    let out = format!("{ow} paid a courtesy call on {sw}{tail}.");
                    (o, Some(s), out)
                } else {
                    let out = format!("The meeting between {sw} and {ow} took place{tail}.");
                    (s, Some(o), out)
                }
            }
            6 => {
                let s = self.person(false);
                let mut o = self.person(false);
                o.post = None;
                o.inherited = s.gold().position;
                let rank = o
                    .rank
                    .map(|r| format!("{} ", r.written))
                    .unwrap_or_default();
                let out = format!(
                    "{} met with his {} counterpart {rank}{}{tail}.",
                    s.written(),
                    o.country.adjective,
                    o.name()
                );
                (s, Some(o), out)
            }
            7 => {
                let s = self.person(false);
                // A country no one named so far stands for: else extraction would take the
                // delegation for that person.
                let free: Vec<&'static Country> = m
                    .countries
                    .iter()
                    .filter(|c| c.code != s.country.code && !self.sides.contains(&c.code))
                    .collect();
                let side = *self.rng.pick(&free);
                delegation = Some(side.code);
                let out = format!(
                    "{} received a {} military delegation{tail}.",
                    s.written(),
                    side.adjective
                );
                (s, None, out)
            }
            8 => {
                let host = self.last_first.clone().expect("a previous meeting");
                let o = self.person(true);
                let pronoun = if self.rng.chance(0.8) { "He" } else { "She" };
                let out = format!("{pronoun} also met with {}{tail}.", o.written());
                (host, Some(o), out)
            }
            _ => match self.hosts.is_empty() {
                false => {
                    let host = self.rng.pick(&self.hosts).clone();
                    let o = self.person(true);
                    let later = if self.rng.chance(0.5) { "Later, " } else { "" };
                    let out = format!(
                        "{later}{} also held talks with {}{tail}.",
                        host.last,
                        o.written()
                    );
                    (host, Some(o), out)
                }
                true => {
                    let (s, o) = (self.person(false), self.person(false));
                    let out = format!("{} met with {}{tail}.", s.written(), o.written());
                    (s, Some(o), out)
                }
            },
        };
        let mut participants: Vec<Person> = vec![first.clone()];
        participants.extend(other);
        let mut text = sentence;
        if self.rng.chance(0.25) {
            let extra: Vec<Person> = (0..self.rng.between(1, 3))
                .map(|_| self.person(false))
                .collect();
            let names: Vec<String> = extra.iter().map(Person::written).collect();
            let list = match names.as_slice() {
                [a] => a.clone(),
                [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
                [] => unreachable!("at least one attendee"),
            };
            if self.rng.chance(0.5) {
                text.push_str(&format!(" The talks were also attended by {list}."));
            } else {
                text.push_str(&format!(" {list} also attended the talks."));
            }
            participants.extend(extra);
        }
        let mut topics = Vec::new();
        if self.rng.chance(0.8) {
            let s = self.topics_sentence(&mut topics);
            text.push(' ');
            text.push_str(&s);
        } else if self.rng.chance(0.5) {
            text.push_str(" The parties discussed issues of mutual interest.");
        }
        let mut outcomes = Vec::new();
        if self.rng.chance(0.3) {
            let s = self.outcomes_sentence(&mut outcomes);
            text.push(' ');
            text.push_str(&s);
        }
        let refs: Vec<&Person> = participants.iter().collect();
        self.opened(&first, &refs, day, place);
        if let Some(side) = delegation {
            self.sides.push(side);
        }
        let mut countries: Vec<String> = participants
            .iter()
            .map(|p| p.country.code.to_string())
            .chain(delegation.map(str::to_string))
            .collect();
        for v in [&mut countries, &mut topics, &mut outcomes] {
            v.sort_unstable();
            v.dedup();
        }
        let gold = GoldMeeting {
            date: day.or(self.lead_date).or(Some(self.published)),
            location: self.location.map(str::to_string),
            event: self.event.clone(),
            participants: participants.iter().map(Person::gold).collect(),
            countries,
            topics,
            outcomes,
        };
        Block {
            text,
            gold: Some(gold),
        }
    }

    fn planned(&mut self) -> Block {
        let s = self.person(false);
        let o = self.person(false);
        let place = self.place();
        let at = place.map(|c| format!(" in {c}")).unwrap_or_default();
        let mut text = match self.rng.below(3) {
            0 => format!(
                "{} is expected to meet {}{at} next week.",
                s.written(),
                o.written()
            ),
            1 => format!(
                "{} will meet with {}{at} later this month.",
                s.written(),
                o.written()
            ),
            _ => format!(
                "{} is scheduled to hold talks with {}{at}.",
                s.written(),
                o.written()
            ),
        };
        if self.rng.chance(0.3) {
            let mut topics = Vec::new();
            text.push(' ');
            text.push_str(&self.topics_sentence(&mut topics));
        }
        self.opened(&s, &[&s, &o], None, place);
        Block { text, gold: None }
    }

    fn call(&mut self) -> Block {
        let s = self.person(false);
        let o = self.person(false);
        let text = match self.rng.below(3) {
            0 => format!(
                "{} held a phone conversation with {}.",
                s.written(),
                o.written()
            ),
            1 => format!(
                "{} and {} held talks by video link.",
                s.written(),
                o.written()
            ),
            _ => format!("{} spoke on the phone with {}.", s.written(), o.written()),
        };
        self.opened(&s, &[&s, &o], None, None);
        Block { text, gold: None }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn surnames_that_read_alike_are_confusable() {
        assert!(confusable("doru", "doru"));
        assert!(confusable("kemal", "kemalov"));
        assert!(!confusable("kem", "kemalov"));
        assert_eq!(surname_key("Har-Even"), "even");
    }
}
