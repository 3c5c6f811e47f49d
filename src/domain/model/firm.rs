//! The firm being assessed, as the answers file and the app record it.

use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FirmProfile {
    #[serde(default)]
    pub name: String,
    /// e.g. `machinery`, `electronics` (free text is accepted).
    #[serde(default)]
    pub sector: String,
    /// `micro`, `small`, `medium` or `large` (工信部 size classes), or empty.
    #[serde(default)]
    pub size: String,
    /// Province and city, e.g. `江苏省泰州市`.
    #[serde(default)]
    pub region: String,
    #[serde(default)]
    pub respondent_role: String,
}
