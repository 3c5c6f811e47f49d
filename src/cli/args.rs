//! The command line, parsed once into what each command needs. A usage error is
//! reported where it is met, as the tool always has: an option with a bad value stops
//! the parsing there.

use crate::domain::model::text::Lang;

/// A parsed command line.
#[derive(Debug, PartialEq)]
pub enum Command {
    /// `-h`, `--help`, `help`, or `score -h`: print the usage.
    Help,
    Check(CheckArgs),
    Score(ScoreArgs),
    Rollup(RollupArgs),
}

/// `shuzhuan check [--lang zh|en] FILE...`
#[derive(Debug, PartialEq)]
pub struct CheckArgs {
    pub lang: Lang,
    pub files: Vec<String>,
}

/// `shuzhuan score --questionnaire Q --targets T [--format F] [--lang L] [--lenient] ANSWERS.json...`
#[derive(Debug, PartialEq)]
pub struct ScoreArgs {
    /// A built-in questionnaire id or a `.toml` file.
    pub questionnaire: String,
    /// A built-in target profile id or a `.toml` file.
    pub targets: String,
    pub format: Format,
    pub lang: Lang,
    /// Score a file even when some of its answers cannot be used (they are reported).
    pub lenient: bool,
    pub files: Vec<String>,
}

/// `shuzhuan rollup [--profile P] [--questionnaire Q] [--format F] [--lang L] FILE|DIR...`
#[derive(Debug, PartialEq)]
pub struct RollupArgs {
    /// A built-in target profile id or a `.toml` file; `national-2025` when not given.
    pub profile: Option<String>,
    /// A built-in questionnaire id or a `.toml` file; when not given, the built-in one the
    /// first readable answers file names.
    pub questionnaire: Option<String>,
    pub format: Format,
    pub lang: Lang,
    /// Answers that cannot be used (left out of their firm either way) do not make the
    /// exit code 1.
    pub lenient: bool,
    /// Answers files, and folders whose `.json` files are all read.
    pub files: Vec<String>,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Format {
    Table,
    Json,
    /// One JSON object a line (`score` only).
    Jsonl,
    Csv,
}

/// A command line that cannot run: what is wrong (printed above the usage), if anything
/// more than the usage is to be said.
#[derive(Debug, PartialEq)]
pub struct UsageError(pub Option<&'static str>);

pub fn parse(args: &[String]) -> Result<Command, UsageError> {
    match args.first().map(String::as_str) {
        Some("check") => parse_check(&args[1..]).map(Command::Check),
        Some("score") => parse_score(&args[1..]),
        Some("rollup") => parse_rollup(&args[1..]),
        Some("-h" | "--help" | "help") => Ok(Command::Help),
        _ => Err(UsageError(None)),
    }
}

/// The value after `--lang`.
fn lang_value(value: Option<&String>) -> Result<Lang, UsageError> {
    match value.map(String::as_str) {
        Some("zh") => Ok(Lang::Zh),
        Some("en") => Ok(Lang::En),
        _ => Err(UsageError(Some("--lang takes zh or en"))),
    }
}

fn parse_check(args: &[String]) -> Result<CheckArgs, UsageError> {
    let mut parsed = CheckArgs {
        lang: Lang::Zh,
        files: Vec::new(),
    };
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--lang" => parsed.lang = lang_value(it.next())?,
            _ => parsed.files.push(a.clone()),
        }
    }
    if parsed.files.is_empty() {
        return Err(UsageError(None));
    }
    Ok(parsed)
}

fn parse_score(args: &[String]) -> Result<Command, UsageError> {
    let (mut questionnaire, mut targets) = (None, None);
    let (mut format, mut lang, mut files) = (Format::Table, Lang::Zh, Vec::new());
    let mut lenient = false;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            // The last one given counts, even when it lacks its value.
            "--questionnaire" => questionnaire = it.next().cloned(),
            "--targets" => targets = it.next().cloned(),
            "--format" => {
                format = match it.next().map(String::as_str) {
                    Some("table") => Format::Table,
                    Some("json") => Format::Json,
                    Some("jsonl") => Format::Jsonl,
                    Some("csv") => Format::Csv,
                    _ => return Err(UsageError(Some("--format takes table, json, jsonl or csv"))),
                }
            }
            "--lang" => lang = lang_value(it.next())?,
            "--lenient" => lenient = true,
            "-h" | "--help" => return Ok(Command::Help),
            _ => files.push(a.clone()),
        }
    }
    let (Some(questionnaire), Some(targets)) = (questionnaire, targets) else {
        return Err(UsageError(Some(
            "score needs --questionnaire and --targets",
        )));
    };
    if files.is_empty() {
        return Err(UsageError(Some("score needs at least one answers file")));
    }
    Ok(Command::Score(ScoreArgs {
        questionnaire,
        targets,
        format,
        lang,
        lenient,
        files,
    }))
}

fn parse_rollup(args: &[String]) -> Result<Command, UsageError> {
    let (mut profile, mut questionnaire) = (None, None);
    let (mut format, mut lang, mut files) = (Format::Table, Lang::Zh, Vec::new());
    let mut lenient = false;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--lenient" => lenient = true,
            "--profile" => match it.next() {
                Some(p) => profile = Some(p.clone()),
                None => return Err(UsageError(Some("--profile takes a target profile"))),
            },
            "--questionnaire" => match it.next() {
                Some(q) => questionnaire = Some(q.clone()),
                None => return Err(UsageError(Some("--questionnaire takes a questionnaire"))),
            },
            "--format" => {
                format = match it.next().map(String::as_str) {
                    Some("table") => Format::Table,
                    Some("json") => Format::Json,
                    Some("csv") => Format::Csv,
                    _ => return Err(UsageError(Some("--format takes table, json or csv"))),
                }
            }
            "--lang" => lang = lang_value(it.next())?,
            "-h" | "--help" => return Ok(Command::Help),
            _ => files.push(a.clone()),
        }
    }
    if files.is_empty() {
        return Err(UsageError(Some(
            "rollup needs at least one answers file or folder",
        )));
    }
    Ok(Command::Rollup(RollupArgs {
        profile,
        questionnaire,
        format,
        lang,
        lenient,
        files,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_words(words: &str) -> Result<Command, UsageError> {
        let args: Vec<String> = words.split_whitespace().map(String::from).collect();
        parse(&args)
    }

    #[test]
    fn each_command_gets_its_options_and_files() {
        assert_eq!(
            parse_words("check a.toml --lang en b.toml"),
            Ok(Command::Check(CheckArgs {
                lang: Lang::En,
                files: vec!["a.toml".into(), "b.toml".into()]
            }))
        );
        assert_eq!(
            parse_words("score x.json --targets t --format csv --lenient --questionnaire q y.json"),
            Ok(Command::Score(ScoreArgs {
                questionnaire: "q".into(),
                targets: "t".into(),
                format: Format::Csv,
                lang: Lang::Zh,
                lenient: true,
                files: vec!["x.json".into(), "y.json".into()]
            }))
        );
        assert_eq!(
            parse_words("rollup a.json --profile taizhou-2025 answers/ --format json --lenient"),
            Ok(Command::Rollup(RollupArgs {
                profile: Some("taizhou-2025".into()),
                questionnaire: None,
                format: Format::Json,
                lang: Lang::Zh,
                lenient: true,
                files: vec!["a.json".into(), "answers/".into()]
            }))
        );
        assert_eq!(
            parse_words("score --format jsonl --questionnaire q --targets t a.json"),
            Ok(Command::Score(ScoreArgs {
                questionnaire: "q".into(),
                targets: "t".into(),
                format: Format::Jsonl,
                lang: Lang::Zh,
                lenient: false,
                files: vec!["a.json".into()]
            }))
        );
        assert_eq!(parse_words("help"), Ok(Command::Help));
        assert_eq!(parse_words("score --format json -h"), Ok(Command::Help));
    }

    #[test]
    fn a_bad_value_stops_at_the_option_that_has_it() {
        let says = |words| parse_words(words).err().and_then(|e| e.0);
        assert_eq!(
            says("check --lang fr a.toml"),
            Some("--lang takes zh or en")
        );
        assert_eq!(says("score --lang"), Some("--lang takes zh or en"));
        assert_eq!(
            says("score --format xml --help"),
            Some("--format takes table, json, jsonl or csv")
        );
        assert_eq!(
            says("rollup --format jsonl a.json"),
            Some("--format takes table, json or csv")
        );
        assert_eq!(
            says("rollup --lang en"),
            Some("rollup needs at least one answers file or folder")
        );
        assert_eq!(
            says("rollup a.json --profile"),
            Some("--profile takes a target profile")
        );
        assert_eq!(
            says("score --questionnaire q x.json --targets"),
            Some("score needs --questionnaire and --targets")
        );
        assert_eq!(
            says("score --questionnaire q --targets t"),
            Some("score needs at least one answers file")
        );
        assert_eq!(parse_words("check --lang en"), Err(UsageError(None)));
        assert_eq!(parse_words("frobnicate"), Err(UsageError(None)));
        assert_eq!(parse_words(""), Err(UsageError(None)));
    }
}
