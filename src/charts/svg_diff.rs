//! What changed between two drawings of a chart. A new answer usually moves a bar and
//! changes a few words while the chart keeps its elements; the app then patches those
//! attributes and texts in place instead of replacing the whole SVG, which the browser
//! would parse, style and lay out anew on every keystroke.
//!
//! This reads only the markup our charts produce (plotters' SVG backend and
//! [`make_accessible`](super::svg_text::make_accessible)): elements with double-quoted,
//! escaped attributes and text. Anything else (comments, declarations), a different
//! element structure, or a changed text with a character reference (`&lt;`: rare in a
//! figure, and left to the browser's parser) means: replace the markup.

/// One change to the DOM that the old markup built. Elements are numbered in document
/// order, the root `<svg>` being 0 (as `getElementsByTagName("*")` numbers them).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SvgPatch<'a> {
    SetAttribute {
        element: usize,
        name: &'a str,
        value: &'a str,
    },
    /// The element holds only text; this is its new text.
    SetText { element: usize, text: &'a str },
}

#[derive(Clone, Copy, PartialEq)]
enum Token<'a> {
    /// `<name attrs>` or, when `empty`, `<name attrs/>`.
    Open {
        name: &'a str,
        attrs: &'a str,
        empty: bool,
    },
    Close(&'a str),
    Text(&'a str),
    /// Markup we do not write (comments, declarations, an unclosed tag).
    Other,
}

/// The next token of the markup, advancing `s`; None at the end.
fn next_token<'a>(s: &mut &'a str) -> Option<Token<'a>> {
    let rest = *s;
    if rest.is_empty() {
        return None;
    }
    if !rest.starts_with('<') {
        let end = rest.find('<').unwrap_or(rest.len());
        *s = &rest[end..];
        return Some(Token::Text(&rest[..end]));
    }
    let Some(end) = rest.find('>') else {
        *s = "";
        return Some(Token::Other);
    };
    *s = &rest[end + 1..];
    let tag = &rest[1..end];
    if let Some(name) = tag.strip_prefix('/') {
        return Some(Token::Close(name));
    }
    let (tag, empty) = match tag.strip_suffix('/') {
        Some(t) => (t, true),
        None => (tag, false),
    };
    let name_end = tag
        .find(|c: char| c.is_ascii_whitespace())
        .unwrap_or(tag.len());
    if !tag.starts_with(|c: char| c.is_ascii_alphabetic()) {
        return Some(Token::Other);
    }
    Some(Token::Open {
        name: &tag[..name_end],
        attrs: &tag[name_end..],
        empty,
    })
}

/// The next `name="value"` of an attribute list, advancing `s`.
fn next_attr<'a>(s: &mut &'a str) -> Option<(&'a str, &'a str)> {
    let rest = s.trim_start();
    let eq = rest.find("=\"")?;
    let len = rest[eq + 2..].find('"')?;
    *s = &rest[eq + 3 + len..];
    Some((&rest[..eq], &rest[eq + 2..eq + 2 + len]))
}

/// Walks the old and the new markup together and gives `patch` every change that turns
/// the DOM built from `old` into the one `new` would build. False when they differ in
/// their elements, the names or order of an element's attributes, or text other than
/// the whole content of a text-only element: then the markup must be replaced (patches
/// already given are then overwritten). Equal markup gives no patch.
pub fn diff_svg<'a>(old: &str, new: &'a str, mut patch: impl FnMut(SvgPatch<'a>)) -> bool {
    let (mut o, mut n) = (old, new);
    // The number of the next element to open, and the element whose start tag was the
    // last token (its text may be patched).
    let mut next = 0;
    let mut just_opened = None;
    loop {
        match (next_token(&mut o), next_token(&mut n)) {
            (None, None) => return true,
            (
                Some(Token::Open { name, attrs, empty }),
                Some(Token::Open {
                    name: name2,
                    attrs: attrs2,
                    empty: empty2,
                }),
            ) if name == name2 && empty == empty2 => {
                if attrs != attrs2 {
                    let (mut a, mut b) = (attrs, attrs2);
                    loop {
                        match (next_attr(&mut a), next_attr(&mut b)) {
                            (None, None) if a.trim().is_empty() && b.trim().is_empty() => break,
                            (Some((k, v)), Some((k2, v2))) if k == k2 => {
                                if v != v2 {
                                    if k.contains(':') || k.starts_with("xmlns") || v2.contains('&')
                                    {
                                        return false; // namespaced, or a reference: leave it to the parser
                                    }
                                    patch(SvgPatch::SetAttribute {
                                        element: next,
                                        name: k2,
                                        value: v2,
                                    });
                                }
                            }
                            _ => return false,
                        }
                    }
                }
                just_opened = (!empty).then_some(next);
                next += 1;
            }
            (Some(Token::Close(a)), Some(Token::Close(b))) if a == b => just_opened = None,
            (Some(Token::Text(a)), Some(Token::Text(b))) => {
                if a != b {
                    let (mut o2, mut n2) = (o, n);
                    let closes = matches!(
                        (next_token(&mut o2), next_token(&mut n2)),
                        (Some(Token::Close(_)), Some(Token::Close(_)))
                    );
                    let (Some(element), true, false) = (just_opened, closes, b.contains('&'))
                    else {
                        return false;
                    };
                    patch(SvgPatch::SetText { element, text: b });
                }
                just_opened = None;
            }
            _ => return false,
        }
    }
}

/// The patches as a list, or None if the markup must be replaced.
pub fn svg_patches<'a>(old: &str, new: &'a str) -> Option<Vec<SvgPatch<'a>>> {
    let mut patches = Vec::new();
    diff_svg(old, new, |p| patches.push(p)).then_some(patches)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::{
        dimension_chart::dimension_chart_svg, gap_chart::gap_chart_svg, radar::radar_svg,
    };
    use crate::domain::model::text::Lang;
    use crate::domain::report::{format_percent, DimensionRow, IndicatorRow, RowStatus};
    use proptest::prelude::*;

    /// One element of the DOM that markup builds: tag, depth, attributes in order, and
    /// its text (all of it for a text-only element; between children otherwise).
    #[derive(Clone, Debug, PartialEq)]
    struct Node {
        tag: String,
        depth: usize,
        attrs: Vec<(String, String)>,
        text: String,
        has_children: bool,
    }

    /// A deliberately plain reader of our charts' markup, independent of `diff_svg`.
    fn dom(svg: &str) -> Vec<Node> {
        let mut nodes: Vec<Node> = Vec::new();
        let mut open: Vec<usize> = Vec::new();
        let decode = |s: &str| {
            s.replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&apos;", "'")
                .replace("&amp;", "&")
        };
        for (i, chunk) in svg.split('<').enumerate() {
            let (tag, text) = if i == 0 {
                ("", chunk)
            } else {
                chunk.split_once('>').expect("closed tag")
            };
            if let Some(name) = tag.strip_prefix('/') {
                assert_eq!(nodes[open.pop().unwrap()].tag, name);
            } else if !tag.is_empty() {
                let empty = tag.ends_with('/');
                let tag = tag.trim_end_matches('/');
                let mut parts = tag.splitn(2, ' ');
                let name = parts.next().unwrap().to_string();
                let attrs = parts
                    .next()
                    .unwrap_or("")
                    .split('"')
                    .collect::<Vec<_>>()
                    .chunks(2)
                    .filter(|c| c.len() == 2)
                    .map(|c| (c[0].trim().trim_end_matches('=').to_string(), decode(c[1])))
                    .collect();
                if let Some(&p) = open.last() {
                    nodes[p].has_children = true;
                }
                nodes.push(Node {
                    tag: name,
                    depth: open.len(),
                    attrs,
                    text: String::new(),
                    has_children: false,
                });
                if !empty {
                    open.push(nodes.len() - 1);
                }
            }
            if let Some(&p) = open.last() {
                nodes[p].text.push_str(&decode(text));
            }
        }
        nodes
    }

    fn apply(mut d: Vec<Node>, patches: &[SvgPatch]) -> Vec<Node> {
        for p in patches {
            match p {
                SvgPatch::SetAttribute {
                    element,
                    name,
                    value,
                } => {
                    let a = d[*element]
                        .attrs
                        .iter_mut()
                        .find(|(k, _)| k == name)
                        .expect("patched attributes exist");
                    a.1 = value.to_string();
                }
                SvgPatch::SetText { element, text } => {
                    assert!(!d[*element].has_children);
                    d[*element].text = text.to_string();
                }
            }
        }
        d
    }

    /// Whether a line with a character reference differs (the patches leave those to the parser).
    fn references_changed(old: &str, new: &str) -> bool {
        old.lines()
            .zip(new.lines())
            .any(|(a, b)| a != b && (a.contains('&') || b.contains('&')))
    }

    /// What patches cannot change: elements, attribute names, text between children.
    fn same_shape(a: &[Node], b: &[Node]) -> bool {
        a.len() == b.len()
            && a.iter().zip(b).all(|(x, y)| {
                x.tag == y.tag
                    && x.depth == y.depth
                    && x.has_children == y.has_children
                    && x.attrs
                        .iter()
                        .map(|(k, _)| k)
                        .eq(y.attrs.iter().map(|(k, _)| k))
                    && (if x.has_children {
                        x.text == y.text
                    } else {
                        x.text.is_empty() == y.text.is_empty()
                    })
            })
    }

    #[test]
    fn changed_attributes_and_texts_become_patches() {
        let old = "<svg width=\"10\">\n<rect x=\"1\" width=\"5\"/>\n<text x=\"2\">\n50%\n</text>\n</svg>\n";
        let new = "<svg width=\"10\">\n<rect x=\"1\" width=\"7\"/>\n<text x=\"2\">\n70%\n</text>\n</svg>\n";
        assert_eq!(
            svg_patches(old, new),
            Some(vec![
                SvgPatch::SetAttribute {
                    element: 1,
                    name: "width",
                    value: "7"
                },
                SvgPatch::SetText {
                    element: 2,
                    text: "\n70%\n"
                },
            ])
        );
        assert_eq!(svg_patches(old, old), Some(vec![]));
    }

    #[test]
    fn a_different_structure_or_unknown_markup_is_replaced() {
        let a = "<svg>\n<rect x=\"1\"/>\n<text>\na\n</text>\n</svg>\n";
        for b in [
            "<svg>\n<rect x=\"1\"/>\n<rect x=\"2\"/>\n<text>\na\n</text>\n</svg>\n",
            "<svg>\n<circle x=\"1\"/>\n<text>\na\n</text>\n</svg>\n",
            "<svg>\n<!-- x -->\n<rect x=\"1\"/>\n<text>\na\n</text>\n</svg>\n",
            "<svg>\n<rect x=\"&amp;\"/>\n<text>\na\n</text>\n</svg>\n",
            "<svg>\n<rect x=\"1\"/>\n<text>\n&lt;a\n</text>\n</svg>\n",
            "<svg>\n<rect y=\"1\"/>\n<text>\na\n</text>\n</svg>\n",
            "<svg>\n<rect x=\"1\" y=\"2\"/>\n<text>\na\n</text>\n</svg>\n",
            "<svg>\n<rect x=\"1\"/>\n<text>\na\n</text>\n",
            "<svg>\n<rect x=\"1\"/>\n<text>\nb<tspan/></text>\n</svg>\n",
            "<svg xmlns:x=\"u\">\n<rect x=\"1\"/>\n<text>\na\n</text>\n</svg>\n",
            "<svg>\n<rect x=\"1\"/>\n<text>\na\n</text>\n</svg>\nx",
        ] {
            assert_eq!(svg_patches(a, b), None, "{b}");
        }
    }

    fn words() -> impl Strategy<Value = String> {
        prop::sample::select(vec![
            "",
            "—",
            "55.0%",
            "低于目标 13.0 个百分点",
            "<b>&\"'",
            "A & B",
            "不适用",
            "工厂“甲”",
        ])
        .prop_map(str::to_string)
    }

    fn percent() -> impl Strategy<Value = Option<f64>> {
        prop_oneof![
            Just(None),
            (0.0..=100.0f64).prop_map(Some),
            Just(Some(0.0)),
            Just(Some(100.0))
        ]
    }

    fn indicator_row() -> impl Strategy<Value = IndicatorRow> {
        let status = prop::sample::select(vec![
            RowStatus::Met,
            RowStatus::Short,
            RowStatus::NoTarget,
            RowStatus::NotApplicable,
            RowStatus::Missing,
            RowStatus::Invalid,
        ]);
        (
            words(),
            percent(),
            percent(),
            status,
            words(),
            words(),
            percent(),
        )
            .prop_map(
                |(name, value, target, status, value_text, gap_text, national)| IndicatorRow {
                    id: "x".into(),
                    name,
                    value,
                    target,
                    status,
                    value_text,
                    target_text: target.map_or("—".into(), |t| format!("{t}%")),
                    target_scope: String::new(),
                    gap_text,
                    gap_pp: None,
                    national,
                    national_value_text: national.map_or("—".into(), |n| format!("{n}%")),
                    national_text: String::new(),
                    unverified: false,
                },
            )
    }

    fn dimension_row() -> impl Strategy<Value = DimensionRow> {
        (words(), percent(), words(), percent(), words()).prop_map(
            |(name, percent, value_text, threshold, gap_text)| DimensionRow {
                id: "d".into(),
                name,
                section: String::new(),
                percent,
                percent_text: percent.map_or("—".into(), format_percent),
                value_text,
                threshold,
                gap_text,
            },
        )
    }

    fn lang() -> impl Strategy<Value = Lang> {
        prop::sample::select(vec![Lang::Zh, Lang::En])
    }

    /// Two drawings of a chart, usually with the same number of rows (as when an answer changes).
    fn chart_pair() -> impl Strategy<Value = (String, String)> {
        prop_oneof![
            (0..5usize, words(), words(), lang()).prop_flat_map(|(n, f1, f2, l)| {
                (
                    prop::collection::vec(indicator_row(), n),
                    prop::collection::vec(indicator_row(), n),
                )
                    .prop_map(move |(a, b)| (gap_chart_svg(&a, &f1, l), gap_chart_svg(&b, &f2, l)))
            }),
            (0..5usize, words(), words(), lang()).prop_flat_map(|(n, l1, l2, l)| {
                (
                    prop::collection::vec(dimension_row(), n),
                    prop::collection::vec(dimension_row(), n),
                )
                    .prop_map(move |(a, b)| {
                        (
                            dimension_chart_svg(&a, &l1, l),
                            dimension_chart_svg(&b, &l2, l),
                        )
                    })
            }),
            (3..10usize, lang()).prop_flat_map(|(n, l)| {
                (
                    prop::collection::vec(dimension_row(), n),
                    prop::collection::vec(dimension_row(), n),
                )
                    .prop_map(move |(a, b)| (radar_svg(&a, l), radar_svg(&b, l)))
            }),
            (
                prop::collection::vec(indicator_row(), 0..4),
                prop::collection::vec(indicator_row(), 0..4)
            )
                .prop_map(|(a, b)| (
                    gap_chart_svg(&a, "", Lang::Zh),
                    gap_chart_svg(&b, "", Lang::Zh)
                )),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 500, ..ProptestConfig::default() })]

        /// Patching the old drawing's DOM gives the new drawing's DOM, and whenever the
        /// two have the same shape the patches are found (no needless replacement),
        /// unless a changed text holds a character reference.
        #[test]
        fn patches_turn_one_drawing_into_the_next((old, new) in chart_pair()) {
            let (before, after) = (dom(&old), dom(&new));
            match svg_patches(&old, &new) {
                Some(patches) => prop_assert_eq!(apply(before, &patches), after),
                None => prop_assert!(!same_shape(&before, &after) || references_changed(&old, &new), "same shape but no patches"),
            }
        }
    }

    #[test]
    fn a_moved_bar_is_a_few_patches() {
        let row = |v: f64| IndicatorRow {
            id: "cnc_rate".into(),
            name: "关键工序数控化率".into(),
            value: Some(v),
            target: Some(68.0),
            status: RowStatus::Short,
            value_text: format!("{v:.1}%"),
            target_text: "68%".into(),
            target_scope: String::new(),
            gap_text: format!("低于目标 {:.1} 个百分点", 68.0 - v),
            gap_pp: None,
            national: Some(66.2),
            national_value_text: "66.2%".into(),
            national_text: String::new(),
            unverified: true,
        };
        let (old, new) = (
            gap_chart_svg(&[row(55.0)], "", Lang::Zh),
            gap_chart_svg(&[row(60.0)], "", Lang::Zh),
        );
        let patches = svg_patches(&old, &new).expect("same elements");
        // The bar's width, its label, the gap and the description.
        assert_eq!(patches.len(), 4, "{patches:?}");
    }
}
