//! The questionnaires and target profiles shipped inside the app and the CLI.
//! `cargo test` checks every one of them, so loading them at run time cannot fail
//! in a released build; the error path exists for the sake of honesty, not use.

use crate::domain::benchmark::{load_benchmark, Benchmark};
use crate::domain::load::load_questionnaire;
use crate::domain::questionnaire::Questionnaire;
use crate::domain::source_pos::LoadError;
use crate::domain::targets::{load_target_profile, Known, TargetProfile};

/// A built-in questionnaire that the browser app does not carry inside its wasm: it is
/// served beside the app (Trunk copies the file into dist/) and fetched the first time
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
    pub fn file_name(&self) -> &'static str {
        self.path.rsplit('/').next().unwrap_or(self.path)
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

/// (file name, contents) of each built-in questionnaire; the first is the default. The
/// browser app carries only the default (the others are `ON_DEMAND`); the CLI and the
/// tests carry all of them.
#[cfg(not(target_arch = "wasm32"))]
pub const QUESTIONNAIRES: &[(&str, &str)] = &[
    ("questionnaires/headline-quick.toml", include_str!("../questionnaires/headline-quick.toml")),
    ("questionnaires/sme-digital-level.toml", include_str!("../questionnaires/sme-digital-level.toml")),
    ("questionnaires/cmmm-self-diagnosis.toml", include_str!("../questionnaires/cmmm-self-diagnosis.toml")),
];
#[cfg(target_arch = "wasm32")]
pub const QUESTIONNAIRES: &[(&str, &str)] = &[("questionnaires/headline-quick.toml", include_str!("../questionnaires/headline-quick.toml"))];

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
    // The browser carries only the default questionnaire; the profiles' indicators are
    // checked against all of them natively (this same function, under `cargo test`).
    let known = if cfg!(target_arch = "wasm32") { Known::CheckedElsewhere } else { Known::In(&refs) };
    let profiles = TARGET_PROFILES
        .iter()
        .filter_map(|(file, src)| load_target_profile(file, src, known).map_err(|e| errors.extend(e)).ok())
        .collect();
    let benchmark = load_benchmark(BENCHMARK.0, BENCHMARK.1, known).map_err(|e| errors.extend(e)).ok();
    match benchmark {
        Some(benchmark) if errors.is_empty() => Ok(Catalogue { questionnaires, profiles, benchmark }),
        _ => Err(errors),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::text::Lang;

    /// The browser lists on-demand questionnaires by the id and title written in
    /// `ON_DEMAND`; they must be the file's own, and every built-in but the default
    /// must be listed.
    #[test]
    fn on_demand_entries_match_their_files() {
        for entry in ON_DEMAND {
            let (file, src) = QUESTIONNAIRES.iter().find(|(f, _)| *f == entry.path).unwrap_or_else(|| panic!("{} is not built in", entry.path));
            let q = load_questionnaire(file, src).unwrap_or_else(|e| panic!("{file}: {e:?}"));
            assert_eq!(q.id, entry.id, "{file}: id");
            assert_eq!(q.title.get(Lang::Zh), entry.title_zh, "{file}: title.zh");
            assert_eq!(q.title.get(Lang::En), entry.title_en, "{file}: title.en");
        }
        let listed: Vec<&str> = ON_DEMAND.iter().map(|e| e.path).collect();
        let rest: Vec<&str> = QUESTIONNAIRES[1..].iter().map(|(f, _)| *f).collect();
        assert_eq!(listed, rest, "every built-in questionnaire but the default is on demand");
    }
}
