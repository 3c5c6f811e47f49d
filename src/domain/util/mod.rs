//! Small shared tools the browser build uses instead of heavier std parts (each tested
//! against the std part it replaces; clippy.toml enforces their use).

pub mod escape;
pub mod fast_map;
pub mod sorted_map;
pub mod sorting;
