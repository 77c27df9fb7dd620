//! Byte-level handling shared by every input: what a file name says about its format and
//! compression, unwrapping gzip and zstd, peeking at the first bytes to sniff the format (for
//! stdin and unknown extensions) and to spot binary content, and turning a read error into a
//! [`Notice`]. Hands a plain `Read` of decompressed bytes on to `text` and `jsonl`.

use super::{Notice, Reason};
use std::io::{self, Read};

/// How many decompressed bytes are looked at to sniff the format and to spot binary content.
pub const HEAD_BYTES: usize = 8 * 1024;

const BOM: &[u8] = b"\xEF\xBB\xBF";
const GZIP_MAGIC: &[u8] = b"\x1F\x8B";
const ZSTD_MAGIC: &[u8] = b"\x28\xB5\x2F\xFD";

/// How the content of a file or stream is laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// One article per file: an optional ` date YYYY-MM-DD` line, then the text.
    Text,
    /// One JSON object per line.
    JsonLines,
}

/// How the bytes of a file are compressed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Compression {
    None,
    Gzip,
    Zstd,
}

impl Compression {
    pub fn as_str(self) -> &'static str {
        match self {
            Compression::None => "plain",
            Compression::Gzip => "gzip",
            Compression::Zstd => "zstd",
        }
    }
}

/// What a file name says: `x.jsonl.zst` → (Zstd, Some(JsonLines)); `x.csv` → (None, None).
pub fn classify(name: &str) -> (Compression, Option<Format>) {
    let lower = name.to_ascii_lowercase();
    let (stem, compression) = if let Some(stem) = lower.strip_suffix(".gz") {
        (stem, Compression::Gzip)
    } else if let Some(stem) = lower.strip_suffix(".zst") {
        (stem, Compression::Zstd)
    } else {
        (lower.as_str(), Compression::None)
    };
    let format = match stem.rsplit_once('.') {
        Some((base, "txt" | "text")) if !base.is_empty() => Some(Format::Text),
        Some((base, "jsonl" | "ndjson")) if !base.is_empty() => Some(Format::JsonLines),
        _ => None,
    };
    (compression, format)
}

/// The format of content that starts with `head`: JSON Lines when the first non-whitespace byte
/// (after a UTF-8 byte-order mark) is `{`, else plain text.
pub fn sniff_format(head: &[u8]) -> Format {
    let head = head.strip_prefix(BOM).unwrap_or(head);
    match head.iter().find(|b| !b.is_ascii_whitespace()) {
        Some(b'{') => Format::JsonLines,
        _ => Format::Text,
    }
}

/// The compression announced by the magic bytes at the start of `head`.
pub fn sniff_compression(head: &[u8]) -> Compression {
    if head.starts_with(GZIP_MAGIC) {
        Compression::Gzip
    } else if head.starts_with(ZSTD_MAGIC) {
        Compression::Zstd
    } else {
        Compression::None
    }
}

/// Sniffs the format of any reader: peeks at its first bytes and hands back a reader that still
/// yields every byte, the peeked ones included. A read error met while peeking is not lost: the
/// returned reader yields the peeked bytes, then that error.
pub fn sniff<R: Read>(reader: R) -> (Format, Peeked<R>) {
    let peeked = Peeked::new(reader, HEAD_BYTES);
    (sniff_format(peeked.head()), peeked)
}

/// Where content starting with `bytes` shows itself binary: the offset of a NUL byte in its
/// first [`HEAD_BYTES`]. Text never holds NUL; every binary format of note does, early.
pub fn nul_offset(bytes: &[u8]) -> Option<usize> {
    bytes[..bytes.len().min(HEAD_BYTES)]
        .iter()
        .position(|&b| b == 0)
}

/// The byte order announced by a UTF-16 byte-order mark at the start of `head`.
pub fn utf16_bom(head: &[u8]) -> Option<&'static str> {
    if head.starts_with(b"\xFF\xFE") {
        Some("little-endian")
    } else if head.starts_with(b"\xFE\xFF") {
        Some("big-endian")
    } else {
        None
    }
}

/// Wraps `reader` in the decoder for `compression`.
pub fn decompress(
    reader: Box<dyn Read + Send>,
    compression: Compression,
) -> io::Result<Box<dyn Read + Send>> {
    Ok(match compression {
        Compression::None => reader,
        Compression::Gzip => Box::new(flate2::read::MultiGzDecoder::new(reader)),
        Compression::Zstd => Box::new(zstd::stream::read::Decoder::new(reader)?),
    })
}

/// The notice for a read that failed at `origin`. In a compressed stream a failure is almost
/// always damage (truncation, a bad checksum), reported as [`Reason::Corrupt`]; otherwise it is
/// the operating system's error, reported as [`Reason::Unreadable`].
pub fn read_failure(origin: String, compression: Compression, err: &io::Error) -> Notice {
    let damage = matches!(
        err.kind(),
        io::ErrorKind::InvalidData
            | io::ErrorKind::InvalidInput
            | io::ErrorKind::UnexpectedEof
            | io::ErrorKind::Other
    );
    if compression != Compression::None && damage {
        Notice {
            origin,
            reason: Reason::Corrupt,
            message: format!(
                "{} stream is damaged or truncated: {err}",
                compression.as_str()
            ),
        }
    } else {
        Notice {
            origin,
            reason: Reason::Unreadable,
            message: format!("read failed: {err}"),
        }
    }
}

/// A reader whose first bytes have been read ahead, and that replays them before the rest.
pub struct Peeked<R> {
    head: Vec<u8>,
    pos: usize,
    /// The error that stopped the peek; returned once the head has been replayed.
    error: Option<io::Error>,
    ended: bool,
    rest: R,
}

impl<R: Read> Peeked<R> {
    /// Reads up to `n` bytes ahead from `rest`, stopping early at the end or at an error.
    pub fn new(mut rest: R, n: usize) -> Peeked<R> {
        let mut head = vec![0; n];
        let mut filled = 0;
        let mut error = None;
        let mut ended = false;
        while filled < n {
            match rest.read(&mut head[filled..]) {
                Ok(0) => {
                    ended = true;
                    break;
                }
                Ok(k) => filled += k,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => {
                    error = Some(e);
                    break;
                }
            }
        }
        head.truncate(filled);
        Peeked {
            head,
            pos: 0,
            error,
            ended,
            rest,
        }
    }

    /// The bytes read ahead.
    pub fn head(&self) -> &[u8] {
        &self.head
    }

    /// The error that stopped the peek, if any.
    pub fn error(&self) -> Option<&io::Error> {
        self.error.as_ref()
    }

    /// Whether the whole stream fitted in the head.
    pub fn ended(&self) -> bool {
        self.ended
    }
}

impl<R: Read> Read for Peeked<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if self.pos < self.head.len() {
            let n = buf.len().min(self.head.len() - self.pos);
            buf[..n].copy_from_slice(&self.head[self.pos..self.pos + n]);
            self.pos += n;
            if self.pos == self.head.len() {
                // The head is no longer needed; give its memory back.
                self.head = Vec::new();
                self.pos = 0;
            }
            return Ok(n);
        }
        if let Some(e) = self.error.take() {
            self.ended = true;
            return Err(e);
        }
        if self.ended {
            return Ok(0);
        }
        self.rest.read(buf)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::{Cursor, Write};

    #[test]
    fn names_give_format_and_compression() {
        assert_eq!(classify("a.txt"), (Compression::None, Some(Format::Text)));
        assert_eq!(classify("a.TEXT"), (Compression::None, Some(Format::Text)));
        assert_eq!(
            classify("a.jsonl"),
            (Compression::None, Some(Format::JsonLines))
        );
        assert_eq!(
            classify("a.ndjson"),
            (Compression::None, Some(Format::JsonLines))
        );
        assert_eq!(
            classify("x.jsonl.zst"),
            (Compression::Zstd, Some(Format::JsonLines))
        );
        assert_eq!(
            classify("x.txt.gz"),
            (Compression::Gzip, Some(Format::Text))
        );
        assert_eq!(classify("x.csv"), (Compression::None, None));
        assert_eq!(classify("x.tar.gz"), (Compression::Gzip, None));
        assert_eq!(classify("txt"), (Compression::None, None));
        assert_eq!(classify("README"), (Compression::None, None));
    }

    #[test]
    fn sniffing_looks_at_the_first_non_blank_byte() {
        assert_eq!(sniff_format(b"  \n\t{\"text\":1}"), Format::JsonLines);
        assert_eq!(sniff_format(b"\xEF\xBB\xBF{}"), Format::JsonLines);
        assert_eq!(sniff_format(b" date 2024-01-01 x"), Format::Text);
        assert_eq!(sniff_format(b"[1,2]"), Format::Text);
        assert_eq!(sniff_format(b""), Format::Text);
        assert_eq!(sniff_compression(b"\x1F\x8B\x08rest"), Compression::Gzip);
        assert_eq!(
            sniff_compression(b"\x28\xB5\x2F\xFDrest"),
            Compression::Zstd
        );
        assert_eq!(sniff_compression(b"{}"), Compression::None);
    }

    #[test]
    fn sniffed_reader_replays_every_byte() {
        let data: Vec<u8> = (0..3 * HEAD_BYTES).map(|i| b'a' + (i % 26) as u8).collect();
        let (format, mut reader) = sniff(Cursor::new(data.clone()));
        assert_eq!(format, Format::Text);
        let mut back = Vec::new();
        reader.read_to_end(&mut back).unwrap();
        assert_eq!(back, data);

        let (format, mut reader) = sniff(Cursor::new(b"{\"text\":\"x\"}\n".to_vec()));
        assert_eq!(format, Format::JsonLines);
        let mut back = String::new();
        reader.read_to_string(&mut back).unwrap();
        assert_eq!(back, "{\"text\":\"x\"}\n");
    }

    /// Yields its bytes, then fails.
    struct Failing(Cursor<Vec<u8>>);
    impl Read for Failing {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            match self.0.read(buf)? {
                0 => Err(io::Error::new(io::ErrorKind::UnexpectedEof, "cut short")),
                n => Ok(n),
            }
        }
    }

    #[test]
    fn an_error_while_peeking_comes_after_the_peeked_bytes() {
        let mut peeked = Peeked::new(Failing(Cursor::new(b"abc".to_vec())), HEAD_BYTES);
        assert_eq!(peeked.head(), b"abc");
        assert!(peeked.error().is_some());
        let mut buf = [0; 16];
        assert_eq!(peeked.read(&mut buf).unwrap(), 3);
        let err = peeked.read(&mut buf).unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::UnexpectedEof);
        assert_eq!(peeked.read(&mut buf).unwrap(), 0);
    }

    #[test]
    fn gzip_and_zstd_are_unwrapped() {
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        gz.write_all(b"hello").unwrap();
        let gz = gz.finish().unwrap();
        let mut out = String::new();
        decompress(Box::new(Cursor::new(gz)), Compression::Gzip)
            .unwrap()
            .read_to_string(&mut out)
            .unwrap();
        assert_eq!(out, "hello");

        let zst = zstd::encode_all(&b"world"[..], 3).unwrap();
        let mut out = String::new();
        decompress(Box::new(Cursor::new(zst)), Compression::Zstd)
            .unwrap()
            .read_to_string(&mut out)
            .unwrap();
        assert_eq!(out, "world");
    }

    #[test]
    fn failures_in_compressed_streams_are_corruption() {
        let err = io::Error::new(io::ErrorKind::UnexpectedEof, "eof");
        let n = read_failure("a.gz".into(), Compression::Gzip, &err);
        assert_eq!(n.reason, Reason::Corrupt);
        assert!(n.message.contains("gzip"), "{}", n.message);
        let err = io::Error::from_raw_os_error(5);
        let n = read_failure("a.txt".into(), Compression::None, &err);
        assert_eq!(n.reason, Reason::Unreadable);
    }
}
