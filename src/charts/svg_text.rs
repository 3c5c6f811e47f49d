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
    fn title_and_desc_are_escaped() {
        let svg = "<svg width=\"10\" height=\"10\">\n</svg>\n".to_string();
        let out = make_accessible(svg, "c", "<b>", "a & b");
        assert!(out.starts_with("<svg width=\"10\" height=\"10\" role=\"img\" class=\"c\""));
        assert!(out.contains("<title>&lt;b&gt;</title><desc>a &amp; b</desc>"));
        assert!(out.ends_with("</svg>\n"));
    }
}
