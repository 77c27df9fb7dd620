//! The vocabularies behind the facets, loaded from `index_schema/` (embedded in the binary):
//! countries and their aliases, ranks, topics, outcomes, event series. (Skeleton: to be filled in.)

/// A rank with its NATO grade.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rank {
    /// Full English name: "Colonel General".
    pub name: String,
    /// NATO grade ("OF-9"), where one is defined.
    pub grade: Option<String>,
}

/// ISO 3166-1 alpha-2 code for any country name, demonym, alias or code; case and diacritics
/// never matter (`Türkiye`, `turkish`, `TR` → `TR`).
pub fn country_code(_value: &str) -> Option<&'static str> {
    None
}

/// English short name of a country code.
pub fn country_name(_code: &str) -> Option<&'static str> {
    None
}

/// Region of a country code ("Asia", "Europe", …).
pub fn country_region(_code: &str) -> Option<&'static str> {
    None
}

/// Every known country code, sorted.
pub fn country_codes() -> Vec<&'static str> {
    Vec::new()
}

/// The rank for any written form ("Col-Gen", "Lt. Gen.", "colonel general").
pub fn rank(_value: &str) -> Option<&'static Rank> {
    None
}

/// Every rank, in the vocabulary's order.
pub fn ranks() -> &'static [Rank] {
    &[]
}

/// The topic slug for a slug or a label ("military technical" → `military-technical`).
pub fn topic(_value: &str) -> Option<&'static str> {
    None
}

/// Every topic slug.
pub fn topics() -> Vec<&'static str> {
    Vec::new()
}

/// The outcome slug for a slug or label.
pub fn outcome(_value: &str) -> Option<&'static str> {
    None
}

/// Every outcome slug.
pub fn outcomes() -> Vec<&'static str> {
    Vec::new()
}

/// The canonical series name for an event series or one of its aliases
/// ("Azerbaijan International Defense Exhibition" → `ADEX`).
pub fn event_series(_value: &str) -> Option<&'static str> {
    None
}

/// Every event series name.
pub fn event_series_names() -> Vec<&'static str> {
    Vec::new()
}
