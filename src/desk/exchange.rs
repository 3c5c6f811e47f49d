//! The consultant's exchange, done in the desk: many files imported at once (read and
//! checked in the files worker, `domain::wire::batch`), the conflicts the user decides,
//! what is kept handed to the app to save (`ToApp::Store`); all or some assessments
//! exported as one bundle; a table exported as CSV or XLSX. The views are
//! `views::import` and `views::export`.

use leptos::prelude::*;

use super::jobs;
use super::state::DeskState;
use crate::app::platform::clock::{new_id, now_iso, today};
use crate::app::platform::download::offer_bytes;
use crate::app::platform::fetch::fetch_bytes;
use crate::builtin::{COMPILED_VERSION, ON_DEMAND};
use crate::domain::model::text::{Lang, Text};
use crate::domain::report::table::Table;
use crate::domain::wire::batch::{
    import_summary, refuse_all, replaced_summary, BatchImported, Conflict, NamedFile, Present,
};
use crate::domain::wire::bundle::BundleEntry;
use crate::domain::wire::desk::ToApp;
use crate::domain::wire::formats::QuestionnaireSource;
use crate::domain::wire::stored::{Saved, FORMAT_VERSION};

/// What an import waits on: the conflicts the user has not decided yet, and whether
/// files are being read.
#[derive(Clone, Copy)]
pub struct Importing {
    pub conflicts: RwSignal<Vec<Conflict>>,
    pub busy: RwSignal<bool>,
}

impl Default for Importing {
    fn default() -> Self {
        Importing {
            conflicts: RwSignal::new(Vec::new()),
            busy: RwSignal::new(false),
        }
    }
}

/// Imports `files` (chosen or dropped): the questionnaires they are on are loaded, the
/// files read and checked against them and compared with what is saved; what is new is
/// stored at once, the conflicts wait for the user.
pub fn import_files(state: DeskState, importing: Importing, files: Vec<NamedFile>) {
    if files.is_empty() {
        return;
    }
    importing.busy.set(true);
    let all = files.clone();
    jobs::read_many(files.clone(), move |named| {
        let named = match named {
            Ok(named) => named,
            Err(why) => return finish(state, importing, refuse_all(&all, &why.text())),
        };
        let mut ids: Vec<String> = Vec::new();
        for q in named.into_iter().flatten().flatten() {
            if !ids.contains(&q.id) {
                ids.push(q.id);
            }
        }
        let custom = state.custom_files();
        leptos::task::spawn_local(async move {
            let sources = sources(ids, custom).await;
            let present: Vec<Present> = state.synced(|list| {
                list.iter()
                    .map(|s| Present {
                        id: s.id.clone(),
                        file: s.file.clone(),
                    })
                    .collect()
            });
            jobs::import_many(files, sources, present, move |batch| match batch {
                Ok(batch) => finish(state, importing, batch),
                Err(why) => finish(state, importing, refuse_all(&all, &why.text())),
            });
        });
    });
}

/// Where the files worker gets each questionnaire: the built-in one it holds, an
/// on-demand one fetched (from the service worker's cache once it has it), and the
/// consultant's questionnaire files (their TOML) for any other id. One that cannot be
/// had leaves its files "not on this device", named.
async fn sources(
    ids: Vec<String>,
    custom: Vec<crate::domain::wire::stored::CustomFile>,
) -> Vec<QuestionnaireSource> {
    let mut out = Vec::new();
    let mut files_too = false;
    for id in ids {
        match ON_DEMAND.iter().find(|e| e.id == id) {
            Some(entry) => {
                let url = format!("{}?v={COMPILED_VERSION}", entry.compiled_name());
                if let Ok(bytes) = fetch_bytes(&url).await {
                    out.push(QuestionnaireSource::Compiled(bytes));
                }
            }
            None => {
                out.push(QuestionnaireSource::Builtin(id));
                files_too = true;
            }
        }
    }
    if files_too {
        out.extend(custom.into_iter().map(|f| QuestionnaireSource::Toml {
            name: f.name,
            source: f.source,
        }));
    }
    out
}

/// Stores what is new, says how the import went, and puts the conflicts before the user.
fn finish(state: DeskState, importing: Importing, batch: BatchImported) {
    importing.busy.set(false);
    let (notice, list) = import_summary(&batch);
    // One file imported on its own opens in the form, as a single import always has.
    let open_one = batch.added.len() == 1 && batch.conflicts.is_empty();
    let entries: Vec<Saved> = batch
        .added
        .into_iter()
        .map(|a| Saved {
            format_version: FORMAT_VERSION,
            id: a.id.filter(|id| !id.is_empty()).unwrap_or_else(new_id),
            section: 0,
            scroll_y: 0.0,
            file: a.file,
        })
        .collect();
    let open = open_one.then(|| entries[0].id.clone());
    // A conflict asked about again replaces the one still waiting.
    let conflicts = batch.conflicts;
    importing.conflicts.update(|c| {
        c.retain(|old| !conflicts.iter().any(|new| new.present_id == old.present_id));
        c.extend(conflicts);
    });
    state.ask(ToApp::Store {
        entries,
        open,
        notice,
        list,
    });
}

/// The user's answer to conflict `at` (None: to every one left): replace the saved
/// assessment with the imported one, or keep it.
pub fn resolve(state: DeskState, importing: Importing, at: Option<usize>, replace: bool) {
    let mut decided: Vec<Conflict> = Vec::new();
    importing.conflicts.update(|c| match at {
        Some(i) if i < c.len() => decided.push(c.remove(i)),
        Some(_) => {}
        None => decided.append(c),
    });
    if !replace || decided.is_empty() {
        return;
    }
    let entries: Vec<Saved> = decided
        .iter()
        .map(|c| {
            // Where the user was in it stays.
            let (section, scroll_y) = state
                .find(&c.present_id)
                .map_or((0, 0.0), |s| (s.section, s.scroll_y));
            Saved {
                format_version: FORMAT_VERSION,
                id: c.present_id.clone(),
                section,
                scroll_y,
                file: c.incoming.file.clone(),
            }
        })
        .collect();
    state.ask(ToApp::Store {
        entries,
        open: None,
        notice: replaced_summary(&decided),
        list: Vec::new(),
    });
}

fn failed(what: &Text, why: &Text) -> Text {
    Text::new(
        format!("{}失败：{}。", what.zh, why.zh),
        format!("{} failed: {}.", what.get(Lang::En), why.get(Lang::En)),
    )
}

/// Offers a file a worker wrote, or says why there is none.
fn offer(
    state: DeskState,
    what: Text,
    name: String,
    mime: &'static str,
    written: Result<Result<Vec<u8>, Text>, jobs::JobFailure>,
) {
    let why = match written {
        Err(why) => why.text(),
        Ok(Err(why)) => why,
        Ok(Ok(bytes)) => match offer_bytes(&name, mime, &bytes) {
            Ok(()) => return,
            Err(_) => Text::new(
                "浏览器不允许下载文件",
                "the browser did not allow the download",
            ),
        },
    };
    state.ask(ToApp::Notice {
        text: failed(&what, &why),
    });
}

/// Exports assessments `ids` (None: every one) as one bundle file, named with the day,
/// which imports back exactly (`domain::wire::bundle`).
pub fn export_bundle(state: DeskState, ids: Option<Vec<String>>) {
    let entries: Vec<BundleEntry> = state.synced(|list| {
        list.iter()
            .filter(|s| ids.as_ref().is_none_or(|ids| ids.contains(&s.id)))
            .map(|s| BundleEntry {
                id: s.id.clone(),
                file: s.file.clone(),
            })
            .collect()
    });
    let what = Text::new("导出", "Export");
    if entries.is_empty() {
        return state.ask(ToApp::Notice {
            text: failed(
                &what,
                &Text::new("没有可导出的评估", "there is no assessment to export"),
            ),
        });
    }
    let name = match ids {
        None => format!("数转-全部评估-{}.json", today()),
        Some(_) => format!("数转-所选评估-{}.json", today()),
    };
    jobs::write_bundle(entries, now_iso(), move |written| {
        offer(state, what, name, "application/json", written)
    });
}

/// The spreadsheet formats a table is exported in.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Sheet {
    Csv,
    Xlsx,
}

/// Exports `table` as CSV (in the files worker) or XLSX (in the XLSX worker), named
/// `stem` and the day.
pub fn export_table(state: DeskState, table: Table, stem: &str, sheet: Sheet) {
    let what = Text::new("导出", "Export");
    let day = today();
    match sheet {
        Sheet::Csv => {
            let name = format!("{stem}-{day}.csv");
            jobs::write_csv(table, move |written| {
                offer(state, what, name, "text/csv;charset=utf-8", written)
            });
        }
        Sheet::Xlsx => {
            let name = format!("{stem}-{day}.xlsx");
            jobs::write_xlsx(vec![table], move |written| {
                offer(
                    state,
                    what,
                    name,
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    written,
                )
            });
        }
    }
}

thread_local! {
    /// The built-in target profiles and benchmark, decoded on the first table exported.
    static CATALOGUE: Option<crate::builtin::Catalogue> = crate::builtin::catalogue().ok();
}

/// The portfolio table (`domain::report::table::portfolio_table`) of assessments `ids`
/// (None: every one listed), in the interface language: each assessed against the
/// target profile it was saved with; one whose questionnaire is not loaded is left out.
pub fn portfolio_table(state: DeskState, ids: Option<&[String]>) -> Table {
    use crate::domain::report::portfolio::saved_portfolio_rows;
    let lang = state.lang().get_untracked();
    let rows = state.synced(|list| {
        let saved: Vec<(&str, &crate::domain::read::answers_file::AnswersFile)> = list
            .iter()
            .filter(|s| ids.is_none_or(|ids| ids.contains(&s.id)))
            .map(|s| (s.id.as_str(), &s.file))
            .collect();
        state.questionnaires().with_untracked(|qs| {
            let qs: Vec<&crate::domain::model::questionnaire::Questionnaire> =
                qs.iter().map(|q| &**q).collect();
            CATALOGUE.with(|c| {
                c.as_ref().map_or_else(Vec::new, |c| {
                    saved_portfolio_rows(&saved, &qs, &c.profiles, &c.benchmark, lang)
                })
            })
        })
    });
    crate::domain::report::table::portfolio_table(&rows, lang)
}
