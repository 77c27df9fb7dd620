//! Export: the meetings matching a search, written for the tools analysts use next — NDJSON (the
//! meeting record of `extract --json`, one per line, for a Quickwit or Elasticsearch/OpenSearch
//! ingest with the mappings in `index_schema/`), CSV (list fields joined by `;`), and GraphML of
//! the country-to-country or person-to-person meeting network (edge weight = meetings).
//!
//! Records stream from the index one at a time; only the network is held in memory.

use std::collections::BTreeMap;
use std::io::Write;

use clap::ValueEnum;
use tantivy::Index;

use crate::error::{Error, Result};
use crate::model::Meeting;
use crate::search::{for_each_match, Filters};
use crate::text::fold;

/// What `attache export` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    Ndjson,
    Csv,
    Graphml,
}

/// The nodes of a GraphML network.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Network {
    Country,
    Person,
}

/// The CSV columns, in order.
pub const CSV_COLUMNS: [&str; 21] = [
    "id",
    "article",
    "status",
    "date",
    "date_source",
    "published",
    "title",
    "source",
    "url",
    "location",
    "event",
    "participants",
    "participant_countries",
    "participant_ranks",
    "participant_positions",
    "countries",
    "ranks",
    "topics",
    "outcomes",
    "text",
    "span",
];

/// Writes every meeting matching `query` and `filters` to `out`; returns how many.
pub fn export(
    index: &Index,
    query: Option<&str>,
    filters: &Filters,
    format: ExportFormat,
    network: Network,
    out: &mut dyn Write,
) -> Result<usize> {
    let io = |e| Error::io("writing the export", e);
    match format {
        ExportFormat::Ndjson => for_each_match(index, query, filters, |m| {
            serde_json::to_writer(&mut *out, &m).map_err(|e| io(e.into()))?;
            out.write_all(b"\n").map_err(io)
        }),
        ExportFormat::Csv => {
            let mut csv = csv::Writer::from_writer(&mut *out);
            let csv_err = |e: csv::Error| {
                io(match e.into_kind() {
                    csv::ErrorKind::Io(e) => e,
                    other => std::io::Error::other(format!("{other:?}")),
                })
            };
            csv.write_record(CSV_COLUMNS).map_err(csv_err)?;
            let n = for_each_match(index, query, filters, |m| {
                csv.write_record(csv_row(&m)).map_err(csv_err)
            })?;
            csv.flush().map_err(io)?;
            Ok(n)
        }
        ExportFormat::Graphml => {
            let mut graph = Graph::default();
            let n = for_each_match(index, query, filters, |m| {
                graph.add(&m, network);
                Ok(())
            })?;
            graph.write(out, network).map_err(io)?;
            Ok(n)
        }
    }
}

fn joined<'a>(values: impl IntoIterator<Item = &'a str>) -> String {
    values.into_iter().collect::<Vec<_>>().join(";")
}

/// One CSV row in [`CSV_COLUMNS`] order. Per-participant columns line up: the n-th value of
/// each belongs to the n-th participant (empty where unknown).
pub fn csv_row(m: &Meeting) -> Vec<String> {
    let opt = |v: &Option<String>| v.clone().unwrap_or_default();
    let people = |get: fn(&crate::model::Participant) -> Option<&str>| {
        joined(m.participants.iter().map(|p| get(p).unwrap_or("")))
    };
    vec![
        m.id.clone(),
        m.article.clone(),
        m.status.as_str().to_string(),
        m.date.map(|d| d.to_string()).unwrap_or_default(),
        serde_json::to_value(m.date_source)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default(),
        m.published.map(|d| d.to_string()).unwrap_or_default(),
        opt(&m.title),
        opt(&m.source),
        opt(&m.url),
        opt(&m.location),
        opt(&m.event),
        people(|p| Some(p.name.as_str())),
        people(|p| p.country.as_deref()),
        people(|p| p.rank.as_deref()),
        people(|p| p.position.as_deref()),
        joined(m.countries.iter().map(String::as_str)),
        joined(m.ranks.iter().map(String::as_str)),
        joined(m.topics.iter().map(String::as_str)),
        joined(m.outcomes.iter().map(String::as_str)),
        m.text.clone(),
        format!("{}-{}", m.span[0], m.span[1]),
    ]
}

/// A weighted undirected graph, kept sorted so the output is the same on every run.
#[derive(Debug, Default)]
pub struct Graph {
    /// Node id → (label, country, meetings).
    nodes: BTreeMap<String, (String, String, u64)>,
    /// (a, b) with a < b → meetings.
    edges: BTreeMap<(String, String), u64>,
}

impl Graph {
    /// Adds one meeting: a node per country (or person) and an edge per pair of them.
    pub fn add(&mut self, m: &Meeting, network: Network) {
        let mut members: Vec<(String, String, String)> = match network {
            Network::Country => m
                .countries
                .iter()
                .map(|c| {
                    let name = crate::vocab::country_name(c).unwrap_or(c);
                    (c.clone(), name.to_string(), c.clone())
                })
                .collect(),
            Network::Person => m
                .participants
                .iter()
                .map(|p| {
                    let country = p.country.clone().unwrap_or_default();
                    (fold(&p.name), p.name.clone(), country)
                })
                .collect(),
        };
        members.sort();
        members.dedup_by(|a, b| a.0 == b.0);
        for (id, label, country) in &members {
            let node = self
                .nodes
                .entry(id.clone())
                .or_insert_with(|| (label.clone(), country.clone(), 0));
            node.2 += 1;
            if node.1.is_empty() {
                node.1 = country.clone();
            }
        }
        for (i, a) in members.iter().enumerate() {
            for b in &members[i + 1..] {
                *self.edges.entry((a.0.clone(), b.0.clone())).or_default() += 1;
            }
        }
    }

    /// The edges with their weights.
    pub fn edges(&self) -> impl Iterator<Item = (&str, &str, u64)> {
        self.edges
            .iter()
            .map(|((a, b), w)| (a.as_str(), b.as_str(), *w))
    }

    /// GraphML with node attributes `label`, `country`, `meetings` and edge attribute `weight`.
    pub fn write(&self, out: &mut dyn Write, network: Network) -> std::io::Result<()> {
        writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
        writeln!(
            out,
            r#"<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">"#
        )?;
        for (id, target, name, kind) in [
            ("label", "node", "label", "string"),
            ("country", "node", "country", "string"),
            ("meetings", "node", "meetings", "long"),
            ("weight", "edge", "weight", "double"),
        ] {
            writeln!(
                out,
                r#"  <key id="{id}" for="{target}" attr.name="{name}" attr.type="{kind}"/>"#
            )?;
        }
        let graph_id = match network {
            Network::Country => "countries",
            Network::Person => "people",
        };
        writeln!(out, r#"  <graph id="{graph_id}" edgedefault="undirected">"#)?;
        for (id, (label, country, meetings)) in &self.nodes {
            writeln!(out, r#"    <node id="{}">"#, xml(id))?;
            writeln!(out, r#"      <data key="label">{}</data>"#, xml(label))?;
            writeln!(out, r#"      <data key="country">{}</data>"#, xml(country))?;
            writeln!(out, r#"      <data key="meetings">{meetings}</data>"#)?;
            writeln!(out, "    </node>")?;
        }
        for (a, b, w) in self.edges() {
            writeln!(
                out,
                r#"    <edge source="{}" target="{}"><data key="weight">{w}</data></edge>"#,
                xml(a),
                xml(b)
            )?;
        }
        writeln!(out, "  </graph>")?;
        writeln!(out, "</graphml>")
    }
}

/// Text escaped for XML content and attribute values.
fn xml(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Participant;

    fn meeting(countries: &[&str], people: &[(&str, &str)]) -> Meeting {
        Meeting {
            id: "a#1".into(),
            article: "a".into(),
            countries: countries.iter().map(|c| c.to_string()).collect(),
            participants: people
                .iter()
                .map(|(n, c)| Participant {
                    name: n.to_string(),
                    country: Some(c.to_string()),
                    ..Participant::default()
                })
                .collect(),
            ..Meeting::default()
        }
    }

    #[test]
    fn edges_count_meetings_between_each_pair() {
        let mut g = Graph::default();
        g.add(&meeting(&["AZ", "TR"], &[]), Network::Country);
        g.add(&meeting(&["TR", "AZ"], &[]), Network::Country);
        g.add(&meeting(&["AZ", "IL", "TR"], &[]), Network::Country);
        let edges: Vec<_> = g.edges().collect();
        assert_eq!(
            edges,
            vec![("AZ", "IL", 1), ("AZ", "TR", 3), ("IL", "TR", 1)]
        );
        assert_eq!(g.nodes["AZ"].2, 3);
    }

    #[test]
    fn people_are_one_node_whatever_the_diacritics() {
        let mut g = Graph::default();
        g.add(
            &meeting(&[], &[("Yaşar Güler", "TR"), ("Zakir Hasanov", "AZ")]),
            Network::Person,
        );
        g.add(
            &meeting(&[], &[("Yasar Guler", "TR"), ("Zakir Hasanov", "AZ")]),
            Network::Person,
        );
        let edges: Vec<_> = g.edges().collect();
        assert_eq!(edges, vec![("yasar guler", "zakir hasanov", 2)]);
        let mut out = Vec::new();
        g.write(&mut out, Network::Person).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(text.contains(r#"<data key="label">Yaşar Güler</data>"#));
        assert!(text.contains(r#"<data key="weight">2</data>"#));
    }

    #[test]
    fn xml_is_escaped() {
        assert_eq!(
            xml(r#"A&B <"x"> 'y'"#),
            "A&amp;B &lt;&quot;x&quot;&gt; &apos;y&apos;"
        );
    }

    #[test]
    fn csv_participant_columns_line_up() {
        let mut m = meeting(&["AZ", "TR"], &[("A One", "AZ"), ("B Two", "TR")]);
        m.participants[1].rank = Some("Army General".into());
        let row = csv_row(&m);
        assert_eq!(row.len(), CSV_COLUMNS.len());
        let col = |name| row[CSV_COLUMNS.iter().position(|c| *c == name).unwrap()].clone();
        assert_eq!(col("participants"), "A One;B Two");
        assert_eq!(col("participant_ranks"), ";Army General");
        assert_eq!(col("countries"), "AZ;TR");
    }
}
