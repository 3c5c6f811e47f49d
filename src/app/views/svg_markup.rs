//! Charts in the live results: `use:svg_markup=memo` on an element shows the memo's SVG.
//! When a redraw keeps the chart's elements (an answer moved a bar or changed a figure),
//! only the attributes and texts that changed are set, in place: replacing the markup
//! would make the browser parse, style and lay out the whole chart again on every
//! keystroke, which cost more than computing the new results.

use leptos::prelude::*;
use leptos::tachys::renderer::types::Element;

use crate::charts::svg_diff::{diff_svg, SvgPatch};

pub fn svg_markup(el: Element, svg: Memo<String>) {
    let mut shown: Option<String> = None;
    let effect = RenderEffect::new(move |_| {
        svg.with(|new| {
            if !shown.as_deref().is_some_and(|old| patch(&el, old, new)) {
                el.set_inner_html(new);
            }
            shown = Some(new.clone());
        })
    });
    // Lives as long as the view that holds the element.
    on_cleanup(move || drop(effect));
}

/// Patches the SVG inside `root`, drawn from `old`, into `new`; false if it cannot (then
/// the caller replaces the markup, which also overwrites any patch made).
fn patch(root: &Element, old: &str, new: &str) -> bool {
    let mut elements = None;
    let mut ok = true;
    let same_elements = diff_svg(old, new, |p| {
        let (SvgPatch::SetAttribute { element, .. } | SvgPatch::SetText { element, .. }) = p;
        let Some(el) = elements
            .get_or_insert_with(|| root.get_elements_by_tag_name("*"))
            .item(element as u32)
        else {
            ok = false;
            return;
        };
        match p {
            SvgPatch::SetAttribute { name, value, .. } => {
                ok &= el.set_attribute(name, value).is_ok()
            }
            // The text node's data, rather than a new node: the browser then only reshapes it.
            SvgPatch::SetText { text, .. } => match el
                .first_child()
                .filter(|t| t.node_type() == 3 && t.next_sibling().is_none())
            {
                Some(node) => node.set_node_value(Some(text)),
                None => el.set_text_content(Some(text)),
            },
        }
    });
    same_elements && ok
}
