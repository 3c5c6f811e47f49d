//! Accessible wrapping for plotters' SVG output: a `<title>` and `<desc>` for screen
//! readers. Every text is escaped, so a firm name like `<img onerror=…>` stays text.

pub fn escape_xml(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
    out
}

/// `text` cut to about `em` font sizes wide (a Chinese character one, a Latin letter or
/// digit about half), with "…" for what is cut: a name a file or a user gives can be of
/// any length, and the chart's `<desc>` carries it whole.
pub fn fit_label(text: &str, em: f64) -> String {
    let width = |c: char| if c.is_ascii() { 0.55 } else { 1.0 };
    if text.chars().map(width).sum::<f64>() <= em {
        return text.to_string();
    }
    let mut out = String::new();
    let mut used = 1.0; // the ellipsis
    for c in text.chars() {
        used += width(c);
        if used > em {
            break;
        }
        out.push(c);
    }
    out.push('…');
    out
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
