//! Accessible wrapping for plotters' SVG output: a `<title>` and `<desc>` for screen
//! readers. Every text is escaped, so a firm name like `<img onerror=…>` stays text.

pub use crate::domain::util::escape::escape_xml;

/// `text` cut to about `em` font sizes wide (a Chinese character one, a Latin letter or
/// digit about half), with "…" for what is cut: a name a file or a user gives can be of
/// any length, and the chart's `<desc>` carries it whole.
pub fn fit_label(text: &str, em: f64) -> String {
    if label_width(text) <= em {
        return text.to_string();
    }
    let mut out = String::new();
    let mut used = 1.0; // the ellipsis
    for c in text.chars() {
        used += char_width(c);
        if used > em {
            break;
        }
        out.push(c);
    }
    out.push('…');
    out
}

/// A character's width in font sizes: a Chinese character one, a Latin letter or digit about half.
fn char_width(c: char) -> f64 {
    if c.is_ascii() {
        0.55
    } else {
        1.0
    }
}

/// How wide `text` is in font sizes (as `fit_label` counts).
pub fn label_width(text: &str) -> f64 {
    text.chars().map(char_width).sum()
}

/// `text` on one line of about `em` font sizes, or on two where it is longer: broken at
/// the space or between the Chinese characters that make the lines most even (never
/// inside a Latin word), each line then cut to its room like `fit_label`.
pub fn wrap_label(text: &str, em: f64) -> Vec<String> {
    if label_width(text) <= em {
        return vec![text.to_string()];
    }
    let chars: Vec<char> = text.chars().collect();
    let best = (1..chars.len())
        .filter(|&i| chars[i - 1] == ' ' || !chars[i - 1].is_ascii() || !chars[i].is_ascii())
        .map(|i| {
            let first: String = chars[..i].iter().collect();
            let second: String = chars[i..].iter().collect();
            let (first, second) = (first.trim().to_string(), second.trim().to_string());
            let longer = label_width(&first).max(label_width(&second));
            (longer, first, second)
        })
        .filter(|(_, first, second)| !first.is_empty() && !second.is_empty())
        .min_by(|a, b| a.0.total_cmp(&b.0));
    match best {
        Some((_, first, second)) => vec![fit_label(&first, em), fit_label(&second, em)],
        None => vec![fit_label(text, em)],
    }
}

/// Adds `role="img"`, a class, `<title>` and `<desc>` to the root `<svg>` element.
pub fn make_accessible(svg: String, class: &str, title: &str, desc: &str) -> String {
    let Some(open_end) = svg.find('>') else {
        return svg;
    };
    let (head, rest) = svg.split_at(open_end);
    format!(
        "{head} role=\"img\" class=\"{}\" preserveAspectRatio=\"xMinYMin meet\"><title>{}</title><desc>{}</desc>{}",
        escape_xml(class),
        escape_xml(title),
        escape_xml(desc),
        &rest[1..]
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_labels_wrap_onto_two_even_lines_between_words() {
        // 28 letters and spaces at 0.55 em: 15.4 em, over 9; "Changes since" is 7.15 em
        // and "digitalisation" 7.7, the most even break.
        assert_eq!(
            wrap_label("Changes since digitalisation", 9.0),
            ["Changes since", "digitalisation"]
        );
        assert_eq!(wrap_label("Funding", 9.0), ["Funding"]);
        // Chinese breaks between any two characters: 10 em into 5 and 5.
        assert_eq!(
            wrap_label("数字化转型的成效变化", 9.0),
            ["数字化转型", "的成效变化"]
        );
        // One Latin word is never broken inside: it is cut instead.
        assert_eq!(
            wrap_label("Digitalisationprogramme", 9.0),
            ["Digitalisation…"]
        );
        // A name too long for two lines keeps both, the second cut.
        let lines = wrap_label("Planning and implementation of the whole programme", 9.0);
        assert_eq!(lines.len(), 2);
        assert!(lines.iter().all(|l| label_width(l) <= 9.0), "{lines:?}");
    }

    #[test]
    fn long_labels_are_cut_to_their_room() {
        assert_eq!(fit_label("设备设施与系统", 10.0), "设备设施与系统");
        assert_eq!(
            fit_label("Share of key processes with CNC", 20.0),
            "Share of key processes with CNC"
        );
        // 3 em: two characters and the ellipsis.
        assert_eq!(fit_label("数字化转型水平", 3.0), "数字…");
        let long = "名".repeat(10_000);
        assert_eq!(fit_label(&long, 20.0).chars().count(), 20);
    }

    #[test]
    fn title_and_desc_are_escaped() {
        let svg = "<svg width=\"10\" height=\"10\">\n</svg>\n".to_string();
        let out = make_accessible(svg, "c", "<b>", "a & b");
        assert!(out.starts_with("<svg width=\"10\" height=\"10\" role=\"img\" class=\"c\""));
        assert!(out.contains("<title>&lt;b&gt;</title><desc>a &amp; b</desc>"));
        assert!(out.ends_with("</svg>\n"));
    }
}
