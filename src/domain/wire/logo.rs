//! The consultant's logo for the report cover: an image file kept in localStorage under
//! its own key (never in an assessment, which a firm may be sent), checked for its kind
//! and size before it is kept.

use serde::{Deserialize, Serialize};

use super::stored::{base64_encode, Stored};
use crate::domain::model::text::Text;

/// The largest logo kept: 200 kB of image is 267 kB in storage, a small share of the
/// 5 MB a browser gives a site, and plenty for a logo printed 4 cm wide.
pub const MAX_LOGO_BYTES: usize = 200_000;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Logo {
    /// "image/png", "image/jpeg", "image/gif", "image/webp" or "image/svg+xml".
    pub media_type: String,
    pub data: Vec<u8>,
}

// Stored from `pc2:` on: no `pc1:` entry of it was ever written.
impl Stored for Logo {}

/// Why a file was not taken as the logo.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LogoProblem {
    TooLarge {
        bytes: usize,
    },
    NotAnImage,
    /// The browser refused to store it (storage full, or private mode).
    NotStored,
}

impl LogoProblem {
    pub fn text(&self) -> Text {
        match self {
            LogoProblem::TooLarge { bytes } => {
                let (kb, max) = (bytes.div_ceil(1000), MAX_LOGO_BYTES / 1000);
                Text::new(
                    format!("标志图片有 {kb} kB，超过 {max} kB 的上限，未保存：请换一个较小的图片（例如宽 600 像素以内的 PNG）。"),
                    format!("The logo is {kb} kB, over the {max} kB limit, and was not kept: choose a smaller image (a PNG up to 600 pixels wide, say)."),
                )
            }
            LogoProblem::NotAnImage => Text::new(
                "这个文件不是 PNG、JPEG、GIF、WebP 或 SVG 图片，未保存。",
                "This file is not a PNG, JPEG, GIF, WebP or SVG image and was not kept.",
            ),
            LogoProblem::NotStored => Text::new(
                "浏览器未能保存标志（存储空间已满或处于隐私模式）；本次打印仍可使用。",
                "The browser could not keep the logo (storage full, or private mode); it is still used for this printout.",
            ),
        }
    }
}

impl Logo {
    /// The image in `data`, its kind read from its first bytes (the file's name and
    /// stated type can be wrong), within the size limit.
    pub fn from_file(data: Vec<u8>) -> Result<Logo, LogoProblem> {
        if data.len() > MAX_LOGO_BYTES {
            return Err(LogoProblem::TooLarge { bytes: data.len() });
        }
        let media_type = image_kind(&data).ok_or(LogoProblem::NotAnImage)?;
        Ok(Logo {
            media_type: media_type.to_string(),
            data,
        })
    }

    /// A `data:` URL for an `<img>` (the CSP allows `data:` images).
    pub fn data_url(&self) -> String {
        let mut url = format!("data:{};base64,", self.media_type);
        base64_encode(&self.data, &mut url);
        url
    }
}

fn image_kind(data: &[u8]) -> Option<&'static str> {
    if data.starts_with(b"\x89PNG\r\n\x1a\n") {
        return Some("image/png");
    }
    if data.starts_with(&[0xff, 0xd8, 0xff]) {
        return Some("image/jpeg");
    }
    if data.starts_with(b"GIF87a") || data.starts_with(b"GIF89a") {
        return Some("image/gif");
    }
    if data.len() >= 12 && data.starts_with(b"RIFF") && &data[8..12] == b"WEBP" {
        return Some("image/webp");
    }
    // SVG is text: after a byte-order mark and blank space, markup whose first 1,024
    // bytes hold the <svg> element (an XML declaration or comment may come first).
    let text = data.strip_prefix(b"\xef\xbb\xbf").unwrap_or(data);
    let start = text
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(text.len());
    let head = &text[start..text.len().min(start + 1024)];
    (head.first() == Some(&b'<') && head.windows(4).any(|w| w == b"<svg"))
        .then_some("image/svg+xml")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn images_are_known_by_their_first_bytes() {
        let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
        assert_eq!(Logo::from_file(png).unwrap().media_type, "image/png");
        let jpeg = vec![0xff, 0xd8, 0xff, 0xe0, 0, 0x10];
        assert_eq!(Logo::from_file(jpeg).unwrap().media_type, "image/jpeg");
        let svg =
            b"\xef\xbb\xbf  <?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\"/>"
                .to_vec();
        assert_eq!(Logo::from_file(svg).unwrap().media_type, "image/svg+xml");
        assert_eq!(
            Logo::from_file(b"<html><body>svg</body></html>".to_vec()),
            Err(LogoProblem::NotAnImage)
        );
        let webp = b"RIFF\x10\0\0\0WEBPVP8 ".to_vec();
        assert_eq!(Logo::from_file(webp).unwrap().media_type, "image/webp");
        // A PDF or a text file named logo.png is refused.
        assert_eq!(
            Logo::from_file(b"%PDF-1.7".to_vec()),
            Err(LogoProblem::NotAnImage)
        );
        assert_eq!(
            Logo::from_file(b"hello".to_vec()),
            Err(LogoProblem::NotAnImage)
        );
        assert_eq!(Logo::from_file(Vec::new()), Err(LogoProblem::NotAnImage));
    }

    #[test]
    fn a_logo_over_the_limit_is_refused_with_its_size() {
        let mut big = b"\x89PNG\r\n\x1a\n".to_vec();
        big.resize(MAX_LOGO_BYTES + 1, 0);
        let e = Logo::from_file(big).unwrap_err();
        assert_eq!(e, LogoProblem::TooLarge { bytes: 200_001 });
        // 200,001 bytes round up to 201 kB.
        assert!(e.text().zh.contains("201 kB"), "{}", e.text().zh);
        assert!(e
            .text()
            .get(crate::domain::model::text::Lang::En)
            .contains("over the 200 kB limit"));
        let mut at_limit = b"\x89PNG\r\n\x1a\n".to_vec();
        at_limit.resize(MAX_LOGO_BYTES, 0);
        assert!(Logo::from_file(at_limit).is_ok());
    }

    #[test]
    fn the_data_url_carries_the_type_and_the_bytes() {
        let logo = Logo {
            media_type: "image/png".into(),
            data: b"Man".to_vec(),
        };
        assert_eq!(logo.data_url(), "data:image/png;base64,TWFu");
    }
}
