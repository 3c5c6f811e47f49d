//! Shuzhuan (数转): a digital-transformation self-assessment for manufacturing firms.
//!
//! `domain` and `charts` are pure (no IO, no web dependency) and tested natively;
//! `app` is the thin Leptos front end and `desk` ("my assessments") the second one it
//! loads on demand, both compiled only for the browser.

pub mod builtin;
pub mod charts;
#[cfg(not(target_arch = "wasm32"))]
pub mod cli;
pub mod domain;
pub mod exchange;

#[cfg(target_arch = "wasm32")]
pub mod app;
#[cfg(target_arch = "wasm32")]
pub mod desk;
