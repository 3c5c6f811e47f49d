//! The contract between the app and the desk (the second wasm, `src/bin/shuzhuan-desk.rs`,
//! loaded when "my assessments" is first opened). The two share no memory: they talk
//! through `CustomEvent`s on `window`, each `detail` a string written by `encode` (as a
//! localStorage entry: postcard in base64 after the tag). Dispatching an event runs its
//! listeners before `dispatchEvent` returns, so a request and its reply are one
//! synchronous round trip.
//!
//! * The app owns the assessments: it writes storage, and every change to them is
//!   one of its `AppState` methods, which the desk asks for with a `ToApp`.
//! * The desk reads storage (`domain::wire::stored`, as the app does) only after a
//!   `ToDesk::Changed`, which the app sends once its autosave has written what was
//!   pending: on `ToApp::Ready` and `ToApp::Sync` at once, and whenever the list of
//!   assessments, the current one or the language changes.
//! * Files are read in the desk (the files worker's `WorkbenchJob`s); what an import
//!   brings reaches the app checked, as `ToApp::Store`, and the app saves it.
//! * The page's loader (`assets/desk-loader.js`) reports a desk that could not be
//!   downloaded or started with `FAILED_EVENT`, its detail the browser's reason as text.

use serde::{Deserialize, Serialize};

use crate::domain::model::text::{Lang, Text};
use crate::domain::wire::stored::{decode_entry, encode_entry, Saved, Stored};

/// The event the desk dispatches, detail a `ToApp`.
pub const TO_APP_EVENT: &str = "shuzhuan:to-app";
/// The event the app dispatches, detail a `ToDesk`.
pub const TO_DESK_EVENT: &str = "shuzhuan:to-desk";
/// The event `assets/desk-loader.js` dispatches when the desk failed to download or start.
pub const FAILED_EVENT: &str = "shuzhuan:desk-failed";
/// The element the app provides and the desk mounts into.
pub const ROOT_ID: &str = "desk-root";
/// The element the app provides for the printable report, which the desk draws.
pub const REPORT_ROOT_ID: &str = "report-root";
/// The elements the app's results panel provides for the scored dashboard, which the desk
/// draws live: the score card above the headline indicators, the dimensions and
/// scenarios below them.
pub const SCORE_ROOT_ID: &str = "score-root";
pub const DIMENSIONS_ROOT_ID: &str = "dimensions-root";
/// The loader the app adds to the page (with `?v=<compiled version>`, as the files worker).
pub const LOADER: &str = "desk-loader.js";

/// What the desk asks of the app.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum ToApp {
    /// The desk has mounted: the app saves what is pending and sends `Changed`.
    Ready,
    /// The desk is about to read storage: the same, before `dispatchEvent` returns.
    Sync,
    /// Open saved assessment `id` in the form.
    Open { id: String },
    /// Start an empty assessment on the questionnaire in use.
    New,
    /// Copy assessment `id` and open the copy.
    Duplicate { id: String },
    /// Set the firm's name of assessment `id`.
    Rename { id: String, name: String },
    /// Delete assessment `id` (the user has confirmed).
    Delete { id: String },
    /// Show a message under the app bar (an export that failed, say).
    Notice { text: Text },
    /// Save what an import brought (`domain::wire::batch`, read and checked in the files
    /// worker by the desk): each entry under its id, a new one or the saved one it
    /// replaces (the user has confirmed); then open `open` if it is one of them, reopen
    /// the assessment in the form if it was replaced, and say `notice` with its `list`.
    Store {
        entries: Vec<Saved>,
        open: Option<String>,
        notice: Text,
        list: Vec<Text>,
    },
}

/// What the app tells the desk.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum ToDesk {
    /// Storage holds every change so far: read it again. `current` is the assessment
    /// in the form, `lang` the interface language.
    Changed { current: String, lang: Lang },
    /// Show the report of `assessment` (a snapshot of the one in the form, saved or not)
    /// in `REPORT_ROOT_ID`, or none; `print`: print it once it is drawn (its
    /// questionnaire may have to be fetched first).
    Report {
        assessment: Option<Box<Saved>>,
        print: bool,
    },
    /// The assessment in the form as it is now, whose scored dashboard the desk draws in
    /// `SCORE_ROOT_ID` and `DIMENSIONS_ROOT_ID`; sent on every change while a scored
    /// questionnaire is in use, and none when that ends.
    Live { assessment: Option<Box<Saved>> },
}

// Encoded as storage entries are (never stored: both sides are of one build).
impl Stored for ToApp {}
impl Stored for ToDesk {}

/// A message as an event's detail.
pub fn encode<T: Serialize>(message: &T) -> String {
    encode_entry(message)
}

/// An event's detail as a message; None if it is not one (another build's, say).
pub fn decode<T: Stored>(detail: &str) -> Option<T> {
    decode_entry(detail)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::model::answers::Answers;
    use crate::domain::model::firm::FirmProfile;
    use crate::domain::read::answers_file::AnswersFile;
    use crate::domain::wire::stored::FORMAT_VERSION;

    fn saved() -> Saved {
        let q = crate::builtin::catalogue()
            .expect("built in")
            .questionnaires
            .remove(0);
        let mut answers = Answers::default();
        answers.set_typed("key_processes", "４０");
        let firm = FirmProfile {
            name: "甲机械".into(),
            ..Default::default()
        };
        Saved {
            format_version: FORMAT_VERSION,
            id: "17-000001".into(),
            section: 2,
            scroll_y: 10.5,
            file: AnswersFile::new(&q, firm, None, answers, "c".into(), "u".into()),
        }
    }

    #[test]
    fn every_message_round_trips() {
        let to_app = [
            ToApp::Ready,
            ToApp::Sync,
            ToApp::Open { id: "1-2".into() },
            ToApp::New,
            ToApp::Duplicate { id: "a".into() },
            ToApp::Rename {
                id: "a".into(),
                name: "甲厂 \"x\"".into(),
            },
            ToApp::Delete { id: "a".into() },
            ToApp::Notice {
                text: Text::new("导出失败", "Export failed"),
            },
            ToApp::Store {
                entries: vec![saved()],
                open: Some("17-000001".into()),
                notice: Text::new("已导入 1 份评估。", "1 assessment was imported."),
                list: vec![Text::new("a.json：第 1 行", "a.json: line 1")],
            },
            ToApp::Store {
                entries: Vec::new(),
                open: None,
                notice: Text::new("b.json：未导入", "b.json: not imported"),
                list: Vec::new(),
            },
        ];
        for message in to_app {
            let detail = encode(&message);
            assert_eq!(decode::<ToApp>(&detail), Some(message));
        }
        let changed = ToDesk::Changed {
            current: "17-000001".into(),
            lang: Lang::En,
        };
        assert_eq!(decode::<ToDesk>(&encode(&changed)), Some(changed));
        let q = &crate::builtin::catalogue().unwrap().questionnaires[0];
        let mut file = crate::domain::read::answers_file::AnswersFile::new(
            q,
            Default::default(),
            Some("taizhou".into()),
            Default::default(),
            "2026-12-02T10:00:00Z".into(),
            "2026-12-02T10:05:00Z".into(),
        );
        file.firm.name = "泰州精工".into();
        let report = ToDesk::Report {
            assessment: Some(Box::new(Saved {
                format_version: 2,
                id: "17-1".into(),
                section: 0,
                scroll_y: 0.0,
                file,
            })),
            print: true,
        };
        let ToDesk::Report { assessment, .. } = &report else {
            unreachable!()
        };
        let live = ToDesk::Live {
            assessment: assessment.clone(),
        };
        assert_eq!(decode::<ToDesk>(&encode(&report)), Some(report));
        assert_eq!(decode::<ToDesk>(&encode(&live)), Some(live));
        let none = ToDesk::Live { assessment: None };
        assert_eq!(decode::<ToDesk>(&encode(&none)), Some(none));
    }

    #[test]
    fn a_detail_that_is_no_message_is_refused() {
        for detail in ["", "pc2:", "pc2:@@@@", "{\"Changed\":1}"] {
            assert_eq!(decode::<ToDesk>(detail), None, "{detail:?}");
        }
        // A `ToApp` variant number the app does not know.
        assert_eq!(decode::<ToApp>(&encode(&(99u32,))), None);
    }
}
