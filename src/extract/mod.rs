//! Extraction: one [`Article`] → the [`Meeting`]s it reports. (Skeleton: to be filled in.)

use crate::model::{Article, Meeting};

/// Extracts every meeting the article reports, in article order.
pub fn extract(_article: &Article) -> Vec<Meeting> {
    Vec::new()
}
