//! The browser's clock: what the app stamps saves with and dates assessments and reports by.

/// Now, in UTC (`2026-03-31T08:15:00.000Z`): when an assessment was made or saved.
pub fn now_iso() -> String {
    String::from(js_sys::Date::new_0().to_iso_string())
}

/// Today in the browser's time zone (`YYYY-MM-DD`): the day a firm is assessed, as the
/// user reads their calendar.
pub fn today() -> String {
    let d = js_sys::Date::new_0();
    format!(
        "{:04}-{:02}-{:02}",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date()
    )
}

/// A new assessment id: the time and a random part, unique on this device (the app's
/// new assessments and the desk's imported answers files).
pub fn new_id() -> String {
    format!(
        "{}-{:06}",
        js_sys::Date::now() as u64,
        (js_sys::Math::random() * 1_000_000.0) as u32
    )
}
