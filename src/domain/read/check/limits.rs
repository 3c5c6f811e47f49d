//! How large a questionnaire may be: `MAX_SECTIONS` sections and `MAX_ITEMS` items
//! (docs/questionnaire-format.md, "Limits"). Counted on the parsed document before
//! anything else is read, so that a file far beyond them is refused at once rather than
//! read, checked and, in the app, laid out.

use super::CheckError;
use crate::domain::read::toml_reader::{Obj, Reader};

/// The most sections a questionnaire may have.
pub const MAX_SECTIONS: usize = 200;
/// The most items a questionnaire may have, in all its sections.
pub const MAX_ITEMS: usize = 10_000;

/// Reports a questionnaire beyond a limit, at the first section or item over it; false
/// when it is.
pub(super) fn within_size_limits(r: &mut Reader, root: &Obj) -> bool {
    let sections = root.peek_tables("sections");
    if sections.len() > MAX_SECTIONS {
        let e = CheckError::TooManySections {
            count: sections.len(),
        };
        let field = format!("sections[{MAX_SECTIONS}]");
        r.error(sections[MAX_SECTIONS].offset, &field, e.text());
        return false;
    }
    let mut count = 0;
    let mut first_over = None;
    for (n, section) in sections.iter().enumerate() {
        for (m, dimension) in section.peek_tables("dimensions").iter().enumerate() {
            let items = dimension.peek_tables("items");
            if count + items.len() > MAX_ITEMS && first_over.is_none() {
                let k = MAX_ITEMS - count;
                let field = format!("sections[{n}].dimensions[{m}].items[{k}]");
                first_over = Some((items[k].offset, field));
            }
            count += items.len();
        }
    }
    match first_over {
        Some((offset, field)) => {
            r.error(offset, &field, CheckError::TooManyItems { count }.text());
            false
        }
        None => true,
    }
}
