//! An answers file's bytes as UTF-8 text: a byte-order mark is skipped; anything else
//! than UTF-8 is refused, naming the encoding where it can be told (UTF-16 by its mark
//! or by NULs between ASCII characters, GBK / GB18030 by how its bytes pair up).

use super::problems::FileError;

const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

pub fn utf8_text(bytes: &[u8]) -> Result<&str, FileError> {
    let bytes = bytes.strip_prefix(UTF8_BOM).unwrap_or(bytes);
    if let Some(big_endian) = utf16(bytes) {
        return Err(FileError::Utf16 { big_endian });
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(text),
        Err(_) if looks_like_gbk(bytes) => Err(FileError::LooksLikeGbk),
        Err(e) => {
            let valid = &bytes[..e.valid_up_to()];
            let line_start = valid.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
            // Both parts are valid UTF-8: `valid` is all of it.
            let column =
                std::str::from_utf8(&valid[line_start..]).map_or(0, |s| s.chars().count()) + 1;
            Err(FileError::NotUtf8 {
                line: valid.iter().filter(|&&b| b == b'\n').count() + 1,
                column,
            })
        }
    }
}

/// Some(big endian?) for UTF-16: a byte-order mark, or (JSON being mostly ASCII) a NUL
/// in one half of most of the first byte pairs and none in the other.
fn utf16(bytes: &[u8]) -> Option<bool> {
    match bytes {
        [0xFF, 0xFE, ..] => return Some(false),
        [0xFE, 0xFF, ..] => return Some(true),
        _ => {}
    }
    let pairs: Vec<&[u8]> = bytes.chunks_exact(2).take(256).collect();
    if pairs.len() < 2 {
        return None;
    }
    let nul_first = pairs.iter().filter(|p| p[0] == 0 && p[1] != 0).count();
    let nul_second = pairs.iter().filter(|p| p[1] == 0 && p[0] != 0).count();
    let most = pairs.len() * 3 / 4;
    if nul_first >= most && nul_second == 0 {
        Some(true)
    } else if nul_second >= most && nul_first == 0 {
        Some(false)
    } else {
        None
    }
}

/// Whether every byte above ASCII pairs up as GBK / GB18030 does, and the two-byte
/// characters are (nearly all) in GB2312's Chinese and punctuation rows, as Chinese
/// text in GBK is; a file of stray Latin-1 or random bytes is not taken for it.
fn looks_like_gbk(bytes: &[u8]) -> bool {
    let (mut common, mut other) = (0usize, 0usize);
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b < 0x80 {
            i += 1;
            continue;
        }
        let lead = (0x81..=0xFE).contains(&b);
        match bytes.get(i + 1..i + 4) {
            // GB18030's four-byte form: lead, digit, lead, digit.
            Some(&[d1, l2, d2])
                if lead
                    && d1.is_ascii_digit()
                    && (0x81..=0xFE).contains(&l2)
                    && d2.is_ascii_digit() =>
            {
                other += 1;
                i += 4;
                continue;
            }
            _ => {}
        }
        match bytes.get(i + 1) {
            Some(&t) if lead && (0x40..=0xFE).contains(&t) && t != 0x7F => {
                // GB2312: punctuation rows A1–A9, Chinese rows B0–F7, trail A1–FE.
                if (0xA1..=0xF7).contains(&b) && (0xA1..=0xFE).contains(&t) {
                    common += 1;
                } else {
                    other += 1;
                }
                i += 2;
            }
            _ => return false,
        }
    }
    common > 0 && other * 4 <= common
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_or_without_a_byte_order_mark() {
        assert_eq!(utf8_text(b"{\"a\": 1}"), Ok("{\"a\": 1}"));
        assert_eq!(utf8_text(b"\xEF\xBB\xBF{}"), Ok("{}"));
        assert_eq!(utf8_text("泰州".as_bytes()), Ok("泰州"));
        assert_eq!(utf8_text(b""), Ok(""));
    }

    #[test]
    fn utf16_by_its_mark_or_its_nuls() {
        let le: Vec<u8> = "{\"format\": 1}"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        let be: Vec<u8> = "{\"format\": 1}"
            .encode_utf16()
            .flat_map(u16::to_be_bytes)
            .collect();
        assert_eq!(utf8_text(&le), Err(FileError::Utf16 { big_endian: false }));
        assert_eq!(utf8_text(&be), Err(FileError::Utf16 { big_endian: true }));
        assert_eq!(
            utf8_text(b"\xFF\xFE{\x00"),
            Err(FileError::Utf16 { big_endian: false })
        );
        assert_eq!(
            utf8_text(b"\xFE\xFF\x00{"),
            Err(FileError::Utf16 { big_endian: true })
        );
    }

    #[test]
    fn gbk_only_when_it_is_likely() {
        // "泰州某机械厂" in GBK (CC A9 is 泰).
        let gbk = b"{\"firm\": {\"name\": \"\xCC\xA9\xD6\xDD\xC4\xB3\xBB\xFA\xD0\xB5\xB3\xA7\"}}";
        assert_eq!(utf8_text(gbk), Err(FileError::LooksLikeGbk));
        // Latin-1 "café, 50 €": é then a comma is no GBK pair.
        assert_eq!(
            utf8_text(b"caf\xE9, 50"),
            Err(FileError::NotUtf8 { line: 1, column: 4 })
        );
        // A lone lead byte at the end, on the second line.
        assert_eq!(
            utf8_text(b"{\n  \"a\xFF"),
            Err(FileError::NotUtf8 { line: 2, column: 5 })
        );
        // Pairs GBK accepts but outside GB2312's Chinese rows: not said to be GBK.
        assert_eq!(
            utf8_text(b"\x81\x40\x81\x41"),
            Err(FileError::NotUtf8 { line: 1, column: 1 })
        );
    }
}
