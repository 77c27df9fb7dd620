//! The index schema: loaded from `index_schema/schema.json` (tantivy's own schema JSON, embedded
//! in the binary) and resolved once into [`Fields`], the only place that knows field names.
//! Also registers the tokenizers the schema names.

use std::sync::LazyLock;

use tantivy::schema::{Field, FieldType, Schema};
use tantivy::tokenizer::{
    AsciiFoldingFilter, Language, LowerCaser, RemoveLongFilter, SimpleTokenizer, Stemmer,
    TextAnalyzer,
};
use tantivy::Index;

/// The schema file, as shipped in `index_schema/`.
pub const SCHEMA_JSON: &str = include_str!("../index_schema/schema.json");

/// Tokenizer for prose (passage, title): folded to ASCII, lower-cased, English-stemmed.
pub const PROSE_TOKENIZER: &str = "attache";
/// Tokenizer for names (participants, source): folded and lower-cased, not stemmed.
pub const NAME_TOKENIZER: &str = "attache_name";

/// Handles to every field of the schema.
#[derive(Debug, Clone)]
pub struct Fields {
    pub schema: Schema,
    /// The meeting's passage.
    pub text: Field,
    pub title: Field,
    /// Participant names, one value per person.
    pub participants: Field,
    pub source: Field,
    /// Article id, raw, for deleting or replacing an article's meetings.
    pub article: Field,
    /// `held`, `planned` or `call`, raw.
    pub status: Field,
    /// Facet `/TR`.
    pub country: Field,
    /// Facet `/Asia/Western Asia`.
    pub region: Field,
    /// Facet `/Colonel General`.
    pub rank: Field,
    /// Facet `/OF-9`.
    pub grade: Field,
    /// Facet `/ADEX/2024`, or `/ADEX` when the year is unknown.
    pub event: Field,
    /// Facet `/military-technical`.
    pub topic: Field,
    /// Facet `/contracts-signed`.
    pub outcome: Field,
    /// Meeting day, fast, for ranges and sorting.
    pub date: Field,
    /// The whole meeting record as JSON, stored.
    pub record: Field,
}

/// The fields of the shipped schema, resolved once.
pub fn fields() -> &'static Fields {
    static FIELDS: LazyLock<Fields> = LazyLock::new(|| {
        Fields::from_schema(load_schema()).expect("index_schema/schema.json names every field")
    });
    &FIELDS
}

/// Parses the shipped schema file.
pub fn load_schema() -> Schema {
    serde_json::from_str(SCHEMA_JSON).expect("index_schema/schema.json is a valid tantivy schema")
}

impl Fields {
    /// Resolves every field by name, checking its type. Fails with the name of the first field
    /// that is missing or of the wrong type.
    pub fn from_schema(schema: Schema) -> Result<Fields, String> {
        let get = |name: &str, want: fn(&FieldType) -> bool| -> Result<Field, String> {
            let field = schema
                .get_field(name)
                .map_err(|_| format!("the schema has no field `{name}`"))?;
            if want(schema.get_field_entry(field).field_type()) {
                Ok(field)
            } else {
                Err(format!("the schema's field `{name}` has the wrong type"))
            }
        };
        let text = |t: &FieldType| matches!(t, FieldType::Str(_));
        let facet = |t: &FieldType| matches!(t, FieldType::Facet(_));
        Ok(Fields {
            text: get("text", text)?,
            title: get("title", text)?,
            participants: get("participants", text)?,
            source: get("source", text)?,
            article: get("article", text)?,
            status: get("status", text)?,
            country: get("country", facet)?,
            region: get("region", facet)?,
            rank: get("rank", facet)?,
            grade: get("grade", facet)?,
            event: get("event", facet)?,
            topic: get("topic", facet)?,
            outcome: get("outcome", facet)?,
            date: get("date", |t| matches!(t, FieldType::Date(_)))?,
            record: get("record", |t| matches!(t, FieldType::Bytes(_)))?,
            schema,
        })
    }
}

/// Registers the tokenizers the schema names on `index`.
pub fn register_tokenizers(index: &Index) {
    let manager = index.tokenizers();
    manager.register(
        PROSE_TOKENIZER,
        TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(RemoveLongFilter::limit(40))
            .filter(LowerCaser)
            .filter(AsciiFoldingFilter)
            .filter(Stemmer::new(Language::English))
            .build(),
    );
    manager.register(
        NAME_TOKENIZER,
        TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(RemoveLongFilter::limit(40))
            .filter(LowerCaser)
            .filter(AsciiFoldingFilter)
            .build(),
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn schema_file_round_trips() {
        let schema = load_schema();
        let again: Schema = serde_json::from_str(&serde_json::to_string(&schema).unwrap()).unwrap();
        assert_eq!(schema, again);
        let as_value: serde_json::Value = serde_json::from_str(SCHEMA_JSON).unwrap();
        assert_eq!(serde_json::to_value(&schema).unwrap(), as_value);
    }

    #[test]
    fn every_field_resolves_with_its_type() {
        let f = fields();
        assert_eq!(f.schema.get_field_name(f.record), "record");
        assert_eq!(
            f.schema.fields().count(),
            15,
            "Fields must cover the whole schema"
        );
    }

    #[test]
    fn tokenizers_fold_and_stem() {
        let index = Index::create_in_ram(load_schema());
        register_tokenizers(&index);
        let mut prose = index.tokenizers().get(PROSE_TOKENIZER).unwrap();
        let mut tokens = Vec::new();
        let mut stream = prose.token_stream("Güler meetings Kadıoğlu");
        while let Some(t) = stream.next() {
            tokens.push(t.text.clone());
        }
        assert_eq!(tokens, ["guler", "meet", "kadioglu"]);
    }

    #[test]
    fn a_schema_missing_a_field_is_refused() {
        let mut b = Schema::builder();
        b.add_text_field("text", tantivy::schema::TEXT);
        let err = Fields::from_schema(b.build()).unwrap_err();
        assert!(err.contains("title"), "{err}");
    }
}
