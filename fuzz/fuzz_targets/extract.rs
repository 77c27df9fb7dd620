//! Fuzzes extraction: any text (normalised as the corpus readers do, or raw, by the first byte)
//! yields meetings without a panic, the same twice, each span inside the article, on character
//! boundaries, and equal to the meeting's passage.
#![no_main]

use attache::extract::extract;
use attache::model::Article;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&mode, bytes)) = data.split_first() else {
        return;
    };
    let mut text = String::from_utf8_lossy(bytes).into_owned();
    if mode & 1 == 1 {
        text = attache::text::normalize(text);
    }
    let article = Article {
        id: "fuzz".into(),
        origin: "fuzz".into(),
        published: (mode & 2 == 2).then(|| chrono::NaiveDate::from_ymd_opt(2024, 2, 29).unwrap()),
        title: None,
        source: None,
        url: None,
        text,
    };
    let meetings = extract(&article);
    assert_eq!(meetings, extract(&article), "extraction is deterministic");
    for m in &meetings {
        let [start, end] = m.span;
        assert!(start <= end && end <= article.text.len(), "{:?}", m.span);
        assert!(article.text.is_char_boundary(start) && article.text.is_char_boundary(end));
        assert_eq!(m.text, article.text[start..end]);
        assert_eq!(m.article, article.id);
        assert!(m.id.starts_with("fuzz#"));
    }
});
