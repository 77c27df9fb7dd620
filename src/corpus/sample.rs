//! The sample corpus built into the binary: the five seed articles of `tests/fixtures/seeds/`,
//! so `attache` can be tried without a corpus at hand. Hands on (file name, content) pairs that
//! the reader treats exactly like text files.

macro_rules! seed {
    ($name:literal) => {
        (
            $name,
            include_str!(concat!("../../tests/fixtures/seeds/", $name)),
        )
    };
}

/// The seed articles, by file name, in name order.
pub const SAMPLE: [(&str, &str); 5] = [
    seed!("000_ef83f6760f2c44b4.txt"),
    seed!("001_2c902bbbbe05a349.txt"),
    seed!("002_4bd24df538d47e4f.txt"),
    seed!("003_2e3cf25f5e0c43a1.txt"),
    seed!("004_ae54583b968b32d4.txt"),
];

/// Where sample articles say they come from.
pub const ORIGIN_DIR: &str = "sample";
