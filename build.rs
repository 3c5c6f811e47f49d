//! Checks every built-in file at build time and writes the browser's compiled copies
//! (`domain::wire::compiled`): a file with an error fails the build, with the file, line and
//! field named, so a released app never meets one.
//!
//! * `$OUT_DIR/catalogue.bin`: the default questionnaire, the target profiles and the
//!   benchmark, embedded in the app (`builtin::catalogue`).
//! * `target/compiled/<id>.bin`: each on-demand questionnaire. Trunk's post_build hook
//!   (Trunk.toml) copies them beside the app; they are written outside `$OUT_DIR`
//!   because Trunk cannot know where that is.
//!
//! The domain and the file tables are compiled into this script from the crate's own
//! sources, so the check is the one the CLI and the tests run.

// Most of the domain is unused here, its re-exports (`domain::report`) included.
#![allow(dead_code, unused_imports)]
// Runs on the build machine, never in the wasm: std's collections and sorts are right
// here (the domain it includes is linted where it is compiled as the library).
#![allow(clippy::disallowed_types, clippy::disallowed_methods)]

#[path = "src/builtin.rs"]
mod builtin;
#[path = "src/domain/mod.rs"]
mod domain;

use std::hash::Hasher;
use std::path::PathBuf;
use std::{env, fs};

// FNV-1a over the compiled files and the domain sources: a version string for cache
// busting, not security.
use domain::util::fast_map::Fnv;

fn main() {
    for watched in ["questionnaires", "src/domain", "src/builtin.rs"] {
        println!("cargo:rerun-if-changed={watched}");
    }
    let catalogue = builtin::catalogue().unwrap_or_else(|errors| {
        for e in &errors {
            println!("cargo:warning={e}");
        }
        panic!(
            "{} error(s) in the built-in files (listed above)",
            errors.len()
        );
    });

    let out_dir = PathBuf::from(env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    let embedded = domain::wire::compiled::Catalogue {
        questionnaires: catalogue.questionnaires[..1].to_vec(),
        ..catalogue.clone()
    };
    write(
        &out_dir.join("catalogue.bin"),
        &domain::wire::compiled::encode(&embedded),
    );

    let served =
        PathBuf::from(env::var_os("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"))
            .join("target/compiled");
    fs::create_dir_all(&served).unwrap_or_else(|e| panic!("{}: {e}", served.display()));
    let mut version = Fnv::default();
    for entry in builtin::ON_DEMAND {
        let q = catalogue
            .questionnaires
            .iter()
            .find(|q| q.id == entry.id)
            .unwrap_or_else(|| panic!("on-demand questionnaire {} is not built in", entry.id));
        let compiled = domain::wire::compiled::encode(q);
        version.write(&compiled);
        write(&served.join(entry.compiled_name()), &compiled);
    }
    // The files worker encodes what the app decodes: a change to the model changes
    // the version too, so a cached worker from another build is never used.
    let mut sources = Vec::new();
    rust_sources(std::path::Path::new("src/domain"), &mut sources);
    sources.sort();
    for source in sources {
        version.write(&fs::read(&source).unwrap_or_default());
    }
    let version = format!("{:016x}", version.finish());
    // The service worker precaches the files the app requests with `?v=<version>` under
    // exactly those URLs (scripts/post-build.mjs reads the version here).
    write(&served.join("version.txt"), version.as_bytes());
    println!("cargo:rustc-env=SHUZHUAN_COMPILED_VERSION={version}");
}

/// Every `.rs` file under `dir`, at any depth (the domain is laid out in folders).
fn rust_sources(dir: &std::path::Path, out: &mut Vec<PathBuf>) {
    let entries = fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    for entry in entries.filter_map(Result::ok) {
        let path = entry.path();
        if path.is_dir() {
            rust_sources(&path, out);
        } else if path.extension().is_some_and(|x| x == "rs") {
            out.push(path);
        }
    }
}

fn write(path: &std::path::Path, bytes: &[u8]) {
    // Unchanged files keep their time stamp, so Trunk's watcher does not loop.
    if fs::read(path).ok().as_deref() != Some(bytes) {
        fs::write(path, bytes).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    }
}
