//! The questionnaires and target profiles shipped inside the app and the CLI.
//! `cargo test` checks every one of them, so loading them at run time cannot fail
//! in a released build; the error path exists for the sake of honesty, not use.

use crate::domain::benchmark::{load_benchmark, Benchmark};
use crate::domain::load::load_questionnaire;
use crate::domain::questionnaire::Questionnaire;
use crate::domain::source_pos::LoadError;
use crate::domain::targets::{load_target_profile, TargetProfile};

/// (file name, contents) of each built-in questionnaire; the first is the default.
pub const QUESTIONNAIRES: &[(&str, &str)] = &[
    ("questionnaires/headline-quick.toml", include_str!("../questionnaires/headline-quick.toml")),
    ("questionnaires/sme-digital-level.toml", include_str!("../questionnaires/sme-digital-level.toml")),
    ("questionnaires/cmmm-self-diagnosis.toml", include_str!("../questionnaires/cmmm-self-diagnosis.toml")),
];

/// (file name, contents) of each built-in target profile; the first is the default.
pub const TARGET_PROFILES: &[(&str, &str)] = &[
    ("questionnaires/targets/national-2025.toml", include_str!("../questionnaires/targets/national-2025.toml")),
    ("questionnaires/targets/national-2027.toml", include_str!("../questionnaires/targets/national-2027.toml")),
    ("questionnaires/targets/taizhou-2025.toml", include_str!("../questionnaires/targets/taizhou-2025.toml")),
    ("questionnaires/targets/gansu-2027.toml", include_str!("../questionnaires/targets/gansu-2027.toml")),
    ("questionnaires/targets/chongqing-2027.toml", include_str!("../questionnaires/targets/chongqing-2027.toml")),
    ("questionnaires/targets/jiangxi-2027.toml", include_str!("../questionnaires/targets/jiangxi-2027.toml")),
];

/// The national actual values.
pub const BENCHMARK: (&str, &str) =
    ("questionnaires/benchmarks/national-actual.toml", include_str!("../questionnaires/benchmarks/national-actual.toml"));

#[derive(Clone, Debug)]
pub struct Catalogue {
    pub questionnaires: Vec<Questionnaire>,
    pub profiles: Vec<TargetProfile>,
    pub benchmark: Benchmark,
}

impl Catalogue {
    pub fn profile(&self, id: &str) -> Option<&TargetProfile> {
        self.profiles.iter().find(|p| p.id == id)
    }
}

/// Loads every built-in file, collecting the errors of all of them.
pub fn catalogue() -> Result<Catalogue, Vec<LoadError>> {
    let mut errors = Vec::new();
    let questionnaires: Vec<Questionnaire> = QUESTIONNAIRES
        .iter()
        .filter_map(|(file, src)| load_questionnaire(file, src).map_err(|e| errors.extend(e)).ok())
        .collect();
    let refs: Vec<&Questionnaire> = questionnaires.iter().collect();
    let profiles = TARGET_PROFILES
        .iter()
        .filter_map(|(file, src)| load_target_profile(file, src, &refs).map_err(|e| errors.extend(e)).ok())
        .collect();
    let benchmark = load_benchmark(BENCHMARK.0, BENCHMARK.1, &refs).map_err(|e| errors.extend(e)).ok();
    match benchmark {
        Some(benchmark) if errors.is_empty() => Ok(Catalogue { questionnaires, profiles, benchmark }),
        _ => Err(errors),
    }
}
