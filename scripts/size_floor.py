"""Deletes from a copy of the app everything a first visit does not show, leaving the
first screen alone (docs/performance.md, "The floor"). Run by scripts/size-floor.sh on a
copy of the tree, never on the tree itself. Each edit asserts that the code it replaces
is still there, so a change to the app makes this fail loudly rather than measure
something else."""

import sys
from pathlib import Path

root = Path(sys.argv[1])


def edit(path, *pairs):
    file = root / path
    text = file.read_text()
    for old, new in pairs:
        if old not in text:
            sys.exit(f"size_floor.py: {path} no longer has {old[:70]!r}; update the script")
        text = text.replace(old, new)
    file.write_text(text)


def cut(path, start, end_marker, replacement=""):
    """Replaces the text from `start` up to and including `end_marker`."""
    file = root / path
    text = file.read_text()
    if start not in text or end_marker not in text:
        sys.exit(f"size_floor.py: {path} no longer has {start[:70]!r}; update the script")
    i = text.index(start)
    j = text.index(end_marker, i) + len(end_marker)
    file.write_text(text[:i] + replacement + text[j:])


# The report, and converting an earlier release's storage.
edit(
    "src/app/mod.rs",
    ("{move || (show_report.get() || printing.get()).then(|| view! { <report::Report state=state /> })}", ""),
    ("if legacy.is_empty() {", "if true {"),
)
# "My assessments": import, export, open, duplicate, rename, delete.
edit("src/app/views/form.rs", ("<Library state=state />", ""))
# The scored dashboard (the default questionnaire has no score).
edit(
    "src/app/views/results.rs",
    ("{move || is_scored(state).then(|| view! { <ScoreCard state=state /> })}", ""),
    ("<DimensionView state=state />\n                <ScenarioStrip state=state />", ""),
)
edit(
    "src/app/state/derived.rs",
    ("dims.with(|d| next_level.with(|n| dimension_chart_svg(d, n, lang.get())))", "String::new()"),
    ("let radar_svg = Memo::new(move |_| dims.with(|d| radar_svg(d, lang.get())));",
     "let radar_svg = Memo::new(move |_| String::new());"),
)
# Reading saved questionnaire files, and fetching the on-demand questionnaires.
edit(
    "src/app/state/questionnaires.rs",
    ("        if files.is_empty() {\n            return;\n        }",
     "        if files.is_empty() || true {\n            return;\n        }"),
    ("        leptos::task::spawn_local(async move {\n            let version",
     "        if true { return; }\n        leptos::task::spawn_local(async move {\n            let version"),
)
# Field kinds the default questionnaire does not use.
cut(
    "src/app/views/fields.rs",
    "                ItemKind::SingleChoice { options } => {",
    "                ItemKind::FreeText => view! { <TextField state=state item=item /> }.into_any(),",
    "                _ => ().into_any(),",
)
# Loading a questionnaire file and its error list; choosing another questionnaire.
cut("src/app/views/setup.rs", '                <details class="load-file">', "<LoadErrors state=state />")
edit(
    "src/app/views/setup.rs",
    ("on:change=move |ev| state.choose_questionnaire(event_target_value(&ev))",
     "on:change=move |ev| state.set_profile(event_target_value(&ev))"),
)

# What the deletions leave unused is expected: keep the build's output to the figures.
lib = root / "src/lib.rs"
lib.write_text("#![allow(warnings)]\n" + lib.read_text())
