//! One meeting, many reports: meetings from different articles that report the same encounter
//! are grouped, so a search can show each real meeting once (`search --collapse`).
//!
//! Two reports are of one encounter when they come from different articles, name the same
//! sides (the same set of countries), fall on the same day (within [`DAYS_APART`] days when a
//! date is only the publication date), and share at least one participant after name folding
//! (`Yaşar Güler` = `Yasar Guler` = `Y. Guler`). A report without any date joins the group it
//! shares most participants with, and stays alone when two groups tie — so one undated report
//! never chains two different meetings together.
//!
//! Grouping is done at query time over the matching meetings, so it is correct after every
//! `add` and `delete` without stored keys to keep up to date. The group's `meeting_key` is the
//! smallest meeting id in it: the same whichever report ranks first.

use std::collections::BTreeMap;

use crate::model::{split_event, DateSource, Meeting};
use crate::people::name_words;

/// How far apart two reported days may be when one of them is only a publication date.
pub const DAYS_APART: i64 = 3;

/// One hit as search ranks it.
#[derive(Debug, Clone)]
pub struct Report {
    pub score: Option<f32>,
    pub meeting: Meeting,
}

/// A real-world meeting: its reports, best first, and a record merged from all of them.
#[derive(Debug, Clone)]
pub struct Group {
    /// Smallest meeting id of the reports.
    pub key: String,
    /// The best report's score.
    pub score: Option<f32>,
    /// The best report with gaps (date, event year, location) filled from the others.
    pub merged: Meeting,
    /// Every report, best first.
    pub reports: Vec<Meeting>,
}

fn surnames(m: &Meeting) -> Vec<String> {
    let mut v: Vec<String> = m
        .participants
        .iter()
        .filter_map(|p| name_words(&p.name).pop())
        .collect();
    v.sort();
    v.dedup();
    v
}

fn shared(a: &[String], b: &[String]) -> usize {
    a.iter().filter(|x| b.binary_search(x).is_ok()).count()
}

fn days_fit(a: &Meeting, b: &Meeting) -> bool {
    let (Some(x), Some(y)) = (a.date, b.date) else {
        return false;
    };
    let both_stated = a.date_source == DateSource::Stated && b.date_source == DateSource::Stated;
    let apart = (x - y).num_days().abs();
    apart == 0 || (!both_stated && apart <= DAYS_APART)
}

struct Building {
    reports: Vec<usize>,
    surnames: Vec<String>,
    articles: Vec<String>,
}

/// Groups ranked reports into meetings, keeping the order of each group's best report.
pub fn group(reports: Vec<Report>) -> Vec<Group> {
    let names: Vec<Vec<String>> = reports.iter().map(|r| surnames(&r.meeting)).collect();
    // Blocks of reports with the same sides; only these can be one meeting.
    let mut blocks: BTreeMap<Vec<String>, Vec<usize>> = BTreeMap::new();
    for (i, r) in reports.iter().enumerate() {
        let mut sides = r.meeting.countries.clone();
        sides.sort();
        blocks.entry(sides).or_default().push(i);
    }
    let mut group_of: Vec<usize> = (0..reports.len()).collect();
    let mut building: Vec<Building> = Vec::new();
    for members in blocks.values() {
        let first_group = building.len();
        // Dated reports first, in rank order; then the undated ones.
        let (dated, undated): (Vec<usize>, Vec<usize>) = members
            .iter()
            .partition(|&&i| reports[i].meeting.date.is_some());
        for &i in &dated {
            let m = &reports[i].meeting;
            let found = (first_group..building.len()).find(|&g| {
                let b = &building[g];
                !b.articles.contains(&m.article)
                    && shared(&names[i], &b.surnames) > 0
                    && b.reports.iter().any(|&j| days_fit(m, &reports[j].meeting))
            });
            join_or_open(&mut building, &mut group_of, found, i, &names[i], m);
        }
        for &i in &undated {
            let m = &reports[i].meeting;
            let overlaps: Vec<(usize, usize)> = (first_group..building.len())
                .filter(|&g| !building[g].articles.contains(&m.article))
                .map(|g| (g, shared(&names[i], &building[g].surnames)))
                .filter(|&(_, n)| n > 0)
                .collect();
            let best = overlaps.iter().map(|&(_, n)| n).max();
            let top: Vec<usize> = overlaps
                .iter()
                .filter(|&&(_, n)| Some(n) == best)
                .map(|&(g, _)| g)
                .collect();
            let found = if top.len() == 1 { Some(top[0]) } else { None };
            join_or_open(&mut building, &mut group_of, found, i, &names[i], m);
        }
    }
    // Groups in the order of their best (first-ranked) report.
    let mut order: Vec<usize> = Vec::new();
    let mut seen = vec![false; building.len()];
    for &g in &group_of {
        if !seen[g] {
            seen[g] = true;
            order.push(g);
        }
    }
    let mut slots: Vec<Option<Report>> = reports.into_iter().map(Some).collect();
    order
        .into_iter()
        .map(|g| {
            let mut members = building[g].reports.clone();
            members.sort_unstable();
            let taken: Vec<Report> = members
                .iter()
                .map(|&i| slots[i].take().expect("each report in one group"))
                .collect();
            finish(taken)
        })
        .collect()
}

fn join_or_open(
    building: &mut Vec<Building>,
    group_of: &mut [usize],
    found: Option<usize>,
    i: usize,
    names: &[String],
    m: &Meeting,
) {
    let g = match found {
        Some(g) => g,
        None => {
            building.push(Building {
                reports: Vec::new(),
                surnames: Vec::new(),
                articles: Vec::new(),
            });
            building.len() - 1
        }
    };
    let b = &mut building[g];
    b.reports.push(i);
    b.articles.push(m.article.clone());
    b.surnames.extend(names.iter().cloned());
    b.surnames.sort();
    b.surnames.dedup();
    group_of[i] = g;
}

/// Reports in rank order → the group, its merged record filled from the others.
fn finish(reports: Vec<Report>) -> Group {
    let score = reports[0].score;
    let meetings: Vec<Meeting> = reports.into_iter().map(|r| r.meeting).collect();
    let key = meetings
        .iter()
        .map(|m| m.id.as_str())
        .min()
        .unwrap_or_default()
        .to_string();
    let mut merged = meetings[0].clone();
    for other in &meetings[1..] {
        if merged.date_source != DateSource::Stated && other.date_source == DateSource::Stated {
            merged.date = other.date;
            merged.date_source = DateSource::Stated;
        }
        if merged.date.is_none() && other.date.is_some() {
            merged.date = other.date;
            merged.date_source = other.date_source;
        }
        if let (Some(mine), Some(theirs)) = (&merged.event, &other.event) {
            let (series, year) = split_event(mine);
            let (their_series, their_year) = split_event(theirs);
            if year.is_none() && their_year.is_some() && series == their_series {
                merged.event = Some(theirs.clone());
            }
        } else if merged.event.is_none() {
            merged.event = other.event.clone();
        }
        if merged.location.is_none() {
            merged.location = other.location.clone();
        }
        // Attendees only the other report names.
        for p in &other.participants {
            let surname = name_words(&p.name).pop();
            let known = merged
                .participants
                .iter()
                .any(|q| name_words(&q.name).pop() == surname);
            if !known {
                merged.participants.push(p.clone());
                if let Some(rank) = &p.rank {
                    if !merged.ranks.contains(rank) {
                        merged.ranks.push(rank.clone());
                    }
                }
            }
        }
        for t in &other.topics {
            if !merged.topics.contains(t) {
                merged.topics.push(t.clone());
            }
        }
        for o in &other.outcomes {
            if !merged.outcomes.contains(o) {
                merged.outcomes.push(o.clone());
            }
        }
    }
    merged.topics.sort();
    merged.outcomes.sort();
    merged.ranks.sort();
    Group {
        key,
        score,
        merged,
        reports: meetings,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Participant;

    fn report(
        id: &str,
        date: Option<&str>,
        source: DateSource,
        people: &[&str],
        event: Option<&str>,
    ) -> Report {
        let article = id.split('#').next().unwrap().to_string();
        Report {
            score: None,
            meeting: Meeting {
                id: id.into(),
                article,
                date: date.and_then(|d| d.parse().ok()),
                date_source: source,
                countries: vec!["AZ".into(), "TR".into()],
                event: event.map(str::to_string),
                participants: people
                    .iter()
                    .map(|n| Participant {
                        name: n.to_string(),
                        ..Participant::default()
                    })
                    .collect(),
                ..Meeting::default()
            },
        }
    }

    #[test]
    fn two_outlets_one_meeting() {
        let groups = group(vec![
            report(
                "b#1",
                Some("2024-09-24"),
                DateSource::Stated,
                &["Zakir Hasanov", "Yaşar Güler"],
                Some("ADEX"),
            ),
            report(
                "a#1",
                Some("2024-09-25"),
                DateSource::Published,
                &["Hasanov", "Yasar Guler"],
                Some("ADEX-2024"),
            ),
            report(
                "c#1",
                Some("2022-09-06"),
                DateSource::Stated,
                &["Zakir Hasanov", "Yasar Guler"],
                None,
            ),
        ]);
        assert_eq!(groups.len(), 2);
        assert_eq!(groups[0].reports.len(), 2);
        assert_eq!(groups[0].key, "a#1");
        assert_eq!(groups[0].merged.id, "b#1", "best report first");
        assert_eq!(
            groups[0].merged.event.as_deref(),
            Some("ADEX-2024"),
            "year filled in"
        );
        assert_eq!(groups[1].reports.len(), 1);
    }

    #[test]
    fn an_undated_report_joins_only_a_clear_match() {
        let groups = group(vec![
            report(
                "a#1",
                Some("2022-09-06"),
                DateSource::Stated,
                &["Zakir Hasanov", "Yasar Guler"],
                None,
            ),
            report(
                "b#1",
                Some("2024-09-24"),
                DateSource::Stated,
                &["Zakir Hasanov", "Yasar Guler", "Karim Valiyev"],
                None,
            ),
            report(
                "c#1",
                None,
                DateSource::Unknown,
                &["Hasanov", "Guler", "Valiyev"],
                None,
            ),
            report(
                "d#1",
                None,
                DateSource::Unknown,
                &["Hasanov", "Guler"],
                None,
            ),
        ]);
        let sizes: Vec<(String, usize)> = groups
            .iter()
            .map(|g| (g.key.clone(), g.reports.len()))
            .collect();
        // c shares three names with b, two with a: it joins b. d ties: it stays alone.
        assert!(sizes.contains(&("b#1".to_string(), 2)), "{sizes:?}");
        assert!(sizes.contains(&("a#1".to_string(), 1)), "{sizes:?}");
        assert!(sizes.contains(&("d#1".to_string(), 1)), "{sizes:?}");
        let merged = &groups.iter().find(|g| g.key == "b#1").unwrap().merged;
        assert_eq!(merged.date.unwrap().to_string(), "2024-09-24");
    }

    #[test]
    fn one_article_never_reports_one_meeting_twice() {
        let groups = group(vec![
            report(
                "a#1",
                Some("2024-09-24"),
                DateSource::Stated,
                &["Zakir Hasanov", "Haluk Gorgun"],
                None,
            ),
            report(
                "a#2",
                Some("2024-09-24"),
                DateSource::Stated,
                &["Zakir Hasanov", "Yasar Guler"],
                None,
            ),
        ]);
        assert_eq!(groups.len(), 2);
    }

    #[test]
    fn different_days_or_sides_are_different_meetings() {
        let mut other_sides = report(
            "b#1",
            Some("2024-09-24"),
            DateSource::Stated,
            &["Zakir Hasanov"],
            None,
        );
        other_sides.meeting.countries = vec!["AZ".into(), "IL".into()];
        let groups = group(vec![
            report(
                "a#1",
                Some("2024-09-24"),
                DateSource::Stated,
                &["Zakir Hasanov"],
                None,
            ),
            report(
                "c#1",
                Some("2024-09-20"),
                DateSource::Stated,
                &["Zakir Hasanov"],
                None,
            ),
            other_sides,
        ]);
        assert_eq!(groups.len(), 3);
    }
}
