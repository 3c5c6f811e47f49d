//! The questionnaires and target profiles shipped inside the app and the CLI.
//! The CLI and `cargo test` read the TOML files; the browser gets them compiled at
//! build time (`build.rs` runs `catalogue` below and fails the build on any error), so
//! it carries neither the TOML reader nor the checker for them. The error path of the
//! browser's `catalogue` exists for the sake of honesty, not use.

use crate::domain::read::source_pos::LoadError;
#[cfg(not(target_arch = "wasm32"))]
use crate::domain::{
    model::questionnaire::Questionnaire,
    read::check::{benchmark::load_benchmark, load_questionnaire, targets::load_target_profile},
};

/// A built-in questionnaire that the browser app does not carry inside its wasm: it is
/// served beside the app, compiled (`<id>.bin`, see `catalogue`), and fetched the first time
/// it is chosen, so that a first visit downloads only the default questionnaire. The
/// title is here so the choice list can show it before the file is fetched; a test
/// checks that id and title match the file.
pub struct OnDemand {
    /// The path in this repository, and (its file name) the URL beside the app.
    pub path: &'static str,
    pub id: &'static str,
    pub title_zh: &'static str,
    pub title_en: &'static str,
}

impl OnDemand {
    /// The compiled file's name, beside the app.
    pub fn compiled_name(&self) -> String {
        format!("{}.bin", self.id)
    }
}

pub const ON_DEMAND: &[OnDemand] = &[
    OnDemand {
        path: "questionnaires/sme-digital-level.toml",
        id: "sme-digital-level",
        title_zh: "制造业中小企业数字化水平自评",
        title_en: "Manufacturing SME digital level self-assessment",
    },
    OnDemand {
        path: "questionnaires/cmmm-self-diagnosis.toml",
        id: "cmmm-self-diagnosis",
        title_zh: "智能制造能力成熟度自诊断",
        title_en: "Smart manufacturing capability maturity self-diagnosis",
    },
];

/// (file name, contents) of each built-in questionnaire; the first is the default (the
/// others are `ON_DEMAND` in the browser).
#[cfg(not(target_arch = "wasm32"))]
pub const QUESTIONNAIRES: &[(&str, &str)] = &[
    (
        "questionnaires/headline-quick.toml",
        include_str!("../questionnaires/headline-quick.toml"),
    ),
    (
        "questionnaires/sme-digital-level.toml",
        include_str!("../questionnaires/sme-digital-level.toml"),
    ),
    (
        "questionnaires/cmmm-self-diagnosis.toml",
        include_str!("../questionnaires/cmmm-self-diagnosis.toml"),
    ),
];
/// (file name, contents) of each built-in target profile; the first is the default.
#[cfg(not(target_arch = "wasm32"))]
pub const TARGET_PROFILES: &[(&str, &str)] = &[
    (
        "questionnaires/targets/national-2025.toml",
        include_str!("../questionnaires/targets/national-2025.toml"),
    ),
    (
        "questionnaires/targets/national-2027.toml",
        include_str!("../questionnaires/targets/national-2027.toml"),
    ),
    (
        "questionnaires/targets/national-2027-industry.toml",
        include_str!("../questionnaires/targets/national-2027-industry.toml"),
    ),
    (
        "questionnaires/targets/taizhou-2025.toml",
        include_str!("../questionnaires/targets/taizhou-2025.toml"),
    ),
    (
        "questionnaires/targets/gansu-2027.toml",
        include_str!("../questionnaires/targets/gansu-2027.toml"),
    ),
    (
        "questionnaires/targets/chongqing-2027.toml",
        include_str!("../questionnaires/targets/chongqing-2027.toml"),
    ),
    (
        "questionnaires/targets/jiangxi-2027.toml",
        include_str!("../questionnaires/targets/jiangxi-2027.toml"),
    ),
];

/// The national actual values.
#[cfg(not(target_arch = "wasm32"))]
pub const BENCHMARK: (&str, &str) = (
    "questionnaires/benchmarks/national-actual.toml",
    include_str!("../questionnaires/benchmarks/national-actual.toml"),
);

pub use crate::domain::wire::compiled::Catalogue;

/// Loads every built-in file, collecting the errors of all of them.
#[cfg(not(target_arch = "wasm32"))]
pub fn catalogue() -> Result<Catalogue, Vec<LoadError>> {
    let mut errors = Vec::new();
    let questionnaires: Vec<Questionnaire> = QUESTIONNAIRES
        .iter()
        .filter_map(|(file, src)| {
            load_questionnaire(file, src)
                .map_err(|e| errors.extend(e))
                .ok()
        })
        .collect();
    let refs: Vec<&Questionnaire> = questionnaires.iter().collect();
    let profiles = TARGET_PROFILES
        .iter()
        .filter_map(|(file, src)| {
            load_target_profile(file, src, &refs)
                .map_err(|e| errors.extend(e))
                .ok()
        })
        .collect();
    let benchmark = load_benchmark(BENCHMARK.0, BENCHMARK.1, &refs)
        .map_err(|e| errors.extend(e))
        .ok();
    match benchmark {
        Some(benchmark) if errors.is_empty() => Ok(Catalogue {
            questionnaires,
            profiles,
            benchmark,
        }),
        _ => Err(errors),
    }
}

/// The browser's built-in files, checked at build time: `build.rs` runs the function
/// above (which fails the build on any error) and writes the default questionnaire,
/// the profiles and the benchmark in compiled form. The on-demand questionnaires are
/// compiled beside it and fetched as `<id>.bin` (`ON_DEMAND`).
#[cfg(target_arch = "wasm32")]
pub fn catalogue() -> Result<Catalogue, Vec<LoadError>> {
    crate::domain::wire::compiled::decode_catalogue(include_bytes!(concat!(
        env!("OUT_DIR"),
        "/catalogue.bin"
    )))
    .map_err(|e| {
        let message = crate::domain::model::text::Text::new(
            format!("内置数据损坏：{e}"),
            format!("the built-in data is damaged: {e}"),
        );
        vec![LoadError {
            file: "catalogue.bin".into(),
            line: 1,
            col: 1,
            field: String::new(),
            message,
        }]
    })
}

/// Changes whenever a compiled on-demand questionnaire or the domain's sources (the
/// model the files worker encodes) change: the browser asks for `<id>.bin?v=<this>` and
/// starts the files worker with it, so a cached copy from another build is never used.
#[cfg(target_arch = "wasm32")]
pub const COMPILED_VERSION: &str = env!("SHUZHUAN_COMPILED_VERSION");

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::model::text::Lang;

    /// The browser lists on-demand questionnaires by the id and title written in
    /// `ON_DEMAND`; they must be the file's own, and every built-in but the default
    /// must be listed.
    #[test]
    fn on_demand_entries_match_their_files() {
        for entry in ON_DEMAND {
            let (file, src) = QUESTIONNAIRES
                .iter()
                .find(|(f, _)| *f == entry.path)
                .unwrap_or_else(|| panic!("{} is not built in", entry.path));
            let q = load_questionnaire(file, src).unwrap_or_else(|e| panic!("{file}: {e:?}"));
            assert_eq!(q.id, entry.id, "{file}: id");
            assert_eq!(q.title.get(Lang::Zh), entry.title_zh, "{file}: title.zh");
            assert_eq!(q.title.get(Lang::En), entry.title_en, "{file}: title.en");
        }
        let listed: Vec<&str> = ON_DEMAND.iter().map(|e| e.path).collect();
        let rest: Vec<&str> = QUESTIONNAIRES[1..].iter().map(|(f, _)| *f).collect();
        assert_eq!(
            listed, rest,
            "every built-in questionnaire but the default is on demand"
        );
    }
}
