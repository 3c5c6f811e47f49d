//! One stable sort for every list the app orders (recommendations, gaps, saved
//! assessments): the standard `sort_by` is instantiated once, on indices with a
//! dynamic comparison, instead of once per element type and comparison (about 2.5 kB
//! of wasm each; 1.8 kB brotli less for the app's four, docs/performance.md).

use std::cmp::Ordering;

/// Sorts `items` by `compare`, keeping the order of equal ones, like `slice::sort_by`.
pub fn sort_by<T>(items: &mut Vec<T>, compare: impl Fn(&T, &T) -> Ordering) {
    let mut order: Vec<usize> = (0..items.len()).collect();
    sort_indices(&mut order, &|a, b| compare(&items[a], &items[b]));
    let mut slots: Vec<Option<T>> = items.drain(..).map(Some).collect();
    items.extend(order.into_iter().filter_map(|i| slots[i].take()));
}

fn sort_indices(order: &mut [usize], compare: &dyn Fn(usize, usize) -> Ordering) {
    // The one place std's sort is instantiated.
    #[allow(clippy::disallowed_methods)]
    order.sort_by(|&a, &b| compare(a, b));
}

#[cfg(test)]
// Compared against the std sort it wraps.
#[allow(clippy::disallowed_methods)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// The same order as the standard sort, equal keys included.
        #[test]
        fn sorts_as_the_standard_sort_does(keys in proptest::collection::vec(0u8..6, 0..60)) {
            let tagged: Vec<(u8, usize)> = keys.into_iter().enumerate().map(|(i, k)| (k, i)).collect();
            let mut ours = tagged.clone();
            sort_by(&mut ours, |a, b| b.0.cmp(&a.0));
            let mut std = tagged;
            std.sort_by_key(|t| std::cmp::Reverse(t.0));
            prop_assert_eq!(ours, std);
        }
    }
}
