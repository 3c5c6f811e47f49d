//! `visible_if` may not depend on itself, directly or through other items.
//!
//! One linear pass: Tarjan's strongly connected components, iterative (a chain of
//! dependencies may be as long as the questionnaire), then for each component with a
//! cycle one path back to its first item, found by a depth-first search that visits each
//! of the component's items once. Time and memory are linear in the items and the
//! references of their conditions; no recursion.

use std::collections::BTreeMap;

use super::{CheckError, Checker};
use crate::domain::model::condition::Condition;

/// Each item's parsed `visible_if` with its offset and field.
pub(super) type Parsed = BTreeMap<String, (Condition, usize, String)>;

impl Checker<'_, '_> {
    /// Reports each cycle once, at the first item (in id order) of the items that depend
    /// on one another, with one path from it back to itself.
    pub(super) fn report_cycles(&mut self, parsed: &Parsed) {
        let ids: Vec<&String> = parsed.keys().collect();
        let graph = Graph::of(parsed, &ids);
        for component in graph.cyclic_components() {
            // Tarjan lists a component's nodes in no useful order; ids are in id order.
            let start = *component.iter().min().expect("a component is never empty");
            let chain: Vec<String> = graph
                .path_back_to(start, &component)
                .into_iter()
                .map(|n| ids[n].clone())
                .collect();
            let (_, offset, field) = &parsed[ids[start]];
            self.error(*offset, field, CheckError::ConditionCycle { chain });
        }
    }
}

/// Items with a `visible_if` as nodes (their index in id order), and an edge to every
/// such item their condition names, in the order it names them. Items without a
/// condition cannot be on a cycle.
struct Graph {
    edges: Vec<Vec<usize>>,
}

impl Graph {
    fn of(parsed: &Parsed, ids: &[&String]) -> Self {
        let index: BTreeMap<&str, usize> = ids
            .iter()
            .enumerate()
            .map(|(n, id)| (id.as_str(), n))
            .collect();
        let edges = ids
            .iter()
            .map(|id| {
                parsed[*id]
                    .0
                    .items()
                    .into_iter()
                    .filter_map(|x| index.get(x).copied())
                    .collect()
            })
            .collect();
        Graph { edges }
    }

    /// The strongly connected components that hold a cycle (more than one node, or one
    /// that names itself), in the order Tarjan's algorithm closes them.
    fn cyclic_components(&self) -> Vec<Vec<usize>> {
        const UNSEEN: usize = usize::MAX;
        let n = self.edges.len();
        let mut order = vec![UNSEEN; n]; // when each node was first reached
        let mut low = vec![0; n];
        let mut on_stack = vec![false; n];
        let mut stack: Vec<usize> = Vec::new();
        let mut next_order = 0;
        let mut found = Vec::new();
        // The depth-first path: (node, index of the next edge to follow).
        let mut path: Vec<(usize, usize)> = Vec::new();
        for root in 0..n {
            if order[root] != UNSEEN {
                continue;
            }
            path.push((root, 0));
            order[root] = next_order;
            low[root] = next_order;
            next_order += 1;
            stack.push(root);
            on_stack[root] = true;
            while let Some(&mut (node, ref mut edge)) = path.last_mut() {
                if let Some(&next) = self.edges[node].get(*edge) {
                    *edge += 1;
                    if order[next] == UNSEEN {
                        order[next] = next_order;
                        low[next] = next_order;
                        next_order += 1;
                        stack.push(next);
                        on_stack[next] = true;
                        path.push((next, 0));
                    } else if on_stack[next] {
                        low[node] = low[node].min(order[next]);
                    }
                    continue;
                }
                path.pop();
                if let Some(&(parent, _)) = path.last() {
                    low[parent] = low[parent].min(low[node]);
                }
                if low[node] == order[node] {
                    let mut component = Vec::new();
                    loop {
                        let member = stack.pop().expect("the node is on the stack");
                        on_stack[member] = false;
                        component.push(member);
                        if member == node {
                            break;
                        }
                    }
                    if component.len() > 1 || self.edges[node].contains(&node) {
                        found.push(component);
                    }
                }
            }
        }
        found
    }

    /// A path `start → … → start` within `component` (every node of which reaches every
    /// other): a depth-first search that marks what it has visited, so it ends at the
    /// first edge back to `start`, having visited each node at most once.
    fn path_back_to(&self, start: usize, component: &[usize]) -> Vec<usize> {
        let mut inside = vec![false; self.edges.len()];
        for &m in component {
            inside[m] = true;
        }
        let mut visited = vec![false; self.edges.len()];
        visited[start] = true;
        let mut path: Vec<(usize, usize)> = vec![(start, 0)];
        while let Some(&mut (node, ref mut edge)) = path.last_mut() {
            let Some(&next) = self.edges[node].get(*edge) else {
                path.pop();
                continue;
            };
            *edge += 1;
            if next == start {
                let mut chain: Vec<usize> = path.iter().map(|&(n, _)| n).collect();
                chain.push(start);
                return chain;
            }
            if inside[next] && !visited[next] {
                visited[next] = true;
                path.push((next, 0));
            }
        }
        unreachable!("every node of a component with a cycle reaches its first node")
    }
}
