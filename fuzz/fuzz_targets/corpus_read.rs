//! Fuzzes the corpus readers: any bytes on standard input (sniffed as gzip, zstd, JSON Lines or
//! plain text) are read into articles and notices without a panic, and every article has text.
//! The first byte picks small size limits, so that the too-large paths are reached too.
#![no_main]

use std::io::Cursor;

use attache::corpus::{Corpus, Input, Item, ReadOptions};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&mode, bytes)) = data.split_first() else {
        return;
    };
    let options = if mode & 1 == 1 {
        ReadOptions {
            max_file_bytes: 512,
            max_line_bytes: 128,
        }
    } else {
        ReadOptions::default()
    };
    let corpus = Corpus::new(vec![Input::Stdin], options).with_stdin(Cursor::new(bytes.to_vec()));
    for item in corpus {
        match item {
            Item::Article(a) => {
                assert!(!a.text.trim().is_empty(), "an article without text: {a:?}");
                assert!(!a.id.is_empty());
            }
            Item::Warning(n) | Item::Skipped(n) => {
                assert!(n.origin.starts_with("stdin"), "{n}");
                assert!(!n.message.is_empty(), "{n}");
            }
        }
    }
});
