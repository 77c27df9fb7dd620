//! People across articles: every participant of the matching meetings, with spellings of one
//! name brought together — `Yaşar Güler`, `Yasar Guler`, `Mr. Y. Guler` and `Güler` are one
//! person — without merging different people who share a surname in one country.
//!
//! Names are compared folded (case and diacritics dropped, honorifics removed). Full names (two
//! or more words) group exactly; a surname alone or initials with a surname join the one full
//! name of that country they fit, and stay apart when several fit.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use serde::Serialize;
use tantivy::Index;

use crate::error::Result;
use crate::model::Meeting;
use crate::search::{for_each_match, Filters};
use crate::text::fold;

/// One person, as `attache people` prints them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Person {
    /// The fullest, most frequent spelling.
    pub name: String,
    pub countries: Vec<String>,
    pub ranks: Vec<String>,
    pub positions: Vec<String>,
    /// Meetings attended.
    pub meetings: usize,
    pub first: Option<NaiveDate>,
    pub last: Option<NaiveDate>,
}

/// Words before a name that are no part of it, folded.
pub const HONORIFICS: [&str; 8] = ["mr", "mrs", "ms", "dr", "prof", "sir", "he", "hon"];

/// A name's folded words, honorifics dropped: `Mr. Y. Güler` → `["y", "guler"]`.
pub fn name_words(name: &str) -> Vec<String> {
    fold(name)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty() && !HONORIFICS.contains(w))
        .map(str::to_string)
        .collect()
}

/// Whether a short form (`guler`, `y guler`) fits a full name (`yasar guler`): same surname,
/// and each initial or word given agrees with the full name's words in order.
fn fits(short: &[String], full: &[String]) -> bool {
    let (Some(s_last), Some(f_last)) = (short.last(), full.last()) else {
        return false;
    };
    if s_last != f_last || short.len() > full.len() {
        return false;
    }
    short[..short.len() - 1]
        .iter()
        .zip(&full[..full.len() - 1])
        .all(|(s, f)| s == f || (s.len() == 1 && f.starts_with(s.as_str())))
}

/// True when a name is only a surname or initials with a surname.
fn is_short(words: &[String]) -> bool {
    words.len() < 2 || words[..words.len() - 1].iter().all(|w| w.len() == 1)
}

#[derive(Default)]
struct Group {
    spellings: BTreeMap<String, usize>,
    countries: BTreeSet<String>,
    ranks: BTreeSet<String>,
    positions: BTreeSet<String>,
    meetings: BTreeSet<String>,
    first: Option<NaiveDate>,
    last: Option<NaiveDate>,
}

impl Group {
    fn absorb(&mut self, other: Group) {
        for (s, n) in other.spellings {
            *self.spellings.entry(s).or_default() += n;
        }
        self.countries.extend(other.countries);
        self.ranks.extend(other.ranks);
        self.positions.extend(other.positions);
        self.meetings.extend(other.meetings);
        self.first = min_date(self.first, other.first);
        self.last = self.last.max(other.last);
    }

    fn into_person(self) -> Person {
        let name = self
            .spellings
            .iter()
            // Most words, then most frequent, then with diacritics (the text's own spelling).
            .max_by_key(|(s, n)| (name_words(s).len(), **n, !s.is_ascii()))
            .map(|(s, _)| s.clone())
            .unwrap_or_default();
        Person {
            name,
            countries: self.countries.into_iter().collect(),
            ranks: self.ranks.into_iter().collect(),
            positions: self.positions.into_iter().collect(),
            meetings: self.meetings.len(),
            first: self.first,
            last: self.last,
        }
    }
}

fn min_date(a: Option<NaiveDate>, b: Option<NaiveDate>) -> Option<NaiveDate> {
    match (a, b) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

/// Folded name words and the country (`""` when unknown).
type Key = (Vec<String>, String);

/// Gathers people from meetings, one [`People::add`] at a time.
#[derive(Default)]
pub struct People {
    groups: BTreeMap<Key, Group>,
}

impl People {
    pub fn add(&mut self, m: &Meeting) {
        for p in &m.participants {
            let words = name_words(&p.name);
            if words.is_empty() {
                continue;
            }
            let country = p.country.clone().unwrap_or_default();
            let g = self.groups.entry((words, country.clone())).or_default();
            *g.spellings.entry(p.name.clone()).or_default() += 1;
            if !country.is_empty() {
                g.countries.insert(country);
            }
            g.ranks.extend(p.rank.clone());
            g.positions.extend(p.position.clone());
            g.meetings.insert(m.id.clone());
            g.first = min_date(g.first, m.date);
            g.last = g.last.max(m.date);
        }
    }

    /// Each group `from` selects joins the one other group `into` accepts for it, if just one.
    fn merge_unique(&mut self, from: impl Fn(&Key) -> bool, into: impl Fn(&Key, &Key) -> bool) {
        let sources: Vec<Key> = self.groups.keys().filter(|k| from(k)).cloned().collect();
        for key in sources {
            let targets: Vec<&Key> = self
                .groups
                .keys()
                .filter(|k| **k != key && into(&key, k))
                .collect();
            if let [target] = targets.as_slice() {
                let target = (*target).clone();
                let g = self.groups.remove(&key).expect("listed above");
                self.groups
                    .get_mut(&target)
                    .expect("listed above")
                    .absorb(g);
            }
        }
    }

    /// The people, most meetings first.
    pub fn finish(mut self) -> Vec<Person> {
        // A name without a country joins the one group of that name with a country.
        self.merge_unique(|k| k.1.is_empty(), |k, t| t.0 == k.0 && !t.1.is_empty());
        // Short forms join the one full name they fit in their country (any country if unknown).
        self.merge_unique(
            |k| is_short(&k.0),
            |k, t| {
                !is_short(&t.0)
                    && fits(&k.0, &t.0)
                    && (k.1.is_empty() || t.1.is_empty() || k.1 == t.1)
            },
        );
        let mut out: Vec<Person> = self.groups.into_values().map(Group::into_person).collect();
        out.sort_by(|a, b| {
            b.meetings
                .cmp(&a.meetings)
                .then_with(|| a.name.cmp(&b.name))
        });
        out
    }
}

/// The people of every meeting matching `query` and `filters`.
pub fn people(index: &Index, query: Option<&str>, filters: &Filters) -> Result<Vec<Person>> {
    let mut people = People::default();
    for_each_match(index, query, filters, |m| {
        people.add(&m);
        Ok(())
    })?;
    Ok(people.finish())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Participant;

    fn meeting(id: &str, date: &str, people: &[(&str, &str)]) -> Meeting {
        Meeting {
            id: id.into(),
            date: date.parse().ok(),
            participants: people
                .iter()
                .map(|(n, c)| Participant {
                    name: n.to_string(),
                    country: Some(c.to_string()).filter(|c| !c.is_empty()),
                    ..Participant::default()
                })
                .collect(),
            ..Meeting::default()
        }
    }

    fn gather(meetings: &[Meeting]) -> Vec<Person> {
        let mut p = People::default();
        meetings.iter().for_each(|m| p.add(m));
        p.finish()
    }

    #[test]
    fn spellings_of_one_name_are_one_person() {
        let people = gather(&[
            meeting("a#1", "2022-09-06", &[("Yaşar Güler", "TR")]),
            meeting("b#1", "2024-09-24", &[("Yasar Guler", "TR")]),
            meeting("c#1", "2023-01-02", &[("Mr. Y. Guler", "TR")]),
            meeting("d#1", "2023-05-05", &[("Güler", "")]),
        ]);
        assert_eq!(people.len(), 1, "{people:?}");
        let p = &people[0];
        assert_eq!(p.name, "Yaşar Güler");
        assert_eq!(p.meetings, 4);
        assert_eq!(p.countries, vec!["TR"]);
        assert_eq!(p.first.unwrap().to_string(), "2022-09-06");
        assert_eq!(p.last.unwrap().to_string(), "2024-09-24");
    }

    #[test]
    fn people_who_share_a_surname_stay_apart() {
        let people = gather(&[
            meeting(
                "a#1",
                "2022-01-01",
                &[("Ali Khan", "PK"), ("Imran Khan", "PK")],
            ),
            meeting("b#1", "2022-01-02", &[("Khan", "PK")]),
            meeting("c#1", "2022-01-03", &[("A. Khan", "PK")]),
        ]);
        let names: Vec<(&str, usize)> = people
            .iter()
            .map(|p| (p.name.as_str(), p.meetings))
            .collect();
        // `Khan` alone fits both and stays apart; `A. Khan` fits Ali Khan only.
        assert!(names.contains(&("Ali Khan", 2)), "{names:?}");
        assert!(names.contains(&("Imran Khan", 1)), "{names:?}");
        assert!(names.contains(&("Khan", 1)), "{names:?}");
    }

    #[test]
    fn one_name_in_two_countries_is_two_people() {
        let people = gather(&[
            meeting("a#1", "2022-01-01", &[("John Smith", "US")]),
            meeting("b#1", "2022-01-01", &[("John Smith", "GB")]),
        ]);
        assert_eq!(people.len(), 2);
    }

    #[test]
    fn honorifics_are_not_name_words() {
        assert_eq!(name_words("Mr. Y. Güler"), vec!["y", "guler"]);
        assert_eq!(
            name_words("Dr. Ana-Maria Pérez"),
            vec!["ana", "maria", "perez"]
        );
    }
}
