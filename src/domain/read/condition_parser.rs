//! Reads the condition language (`model::condition`) from text: tokens, then a
//! recursive-descent parser; errors carry the byte offset within the expression.
//!
//! A condition has limits (`MAX_CONDITION_BYTES`, `MAX_CONDITION_DEPTH`,
//! `MAX_CONDITION_TERMS`), checked before and while it is read: the parser recurses once
//! per parenthesis or `not`, so the depth is counted on the way down and the descent stops
//! at the limit, and no condition that passes makes a tree taller than
//! `MAX_CONDITION_TERMS + MAX_CONDITION_DEPTH`, which bounds every walk over it (printing,
//! the checks, the evaluation).

// Only the checker uses it (files worker, CLI, build.rs), never the app's wasm: std is right here.
#![allow(clippy::disallowed_methods)]

use crate::domain::model::condition::{Condition, Metric, Op, Rhs, Value, MAX_DECODED_DEPTH};

/// The longest condition text, in bytes.
pub const MAX_CONDITION_BYTES: usize = 4096;
/// How deep parentheses and `not` may nest.
pub const MAX_CONDITION_DEPTH: usize = 32;
/// The most terms (comparisons, `answered(…)`, `selected(…)`) in one condition.
pub const MAX_CONDITION_TERMS: usize = 256;

// Every tree the parser builds decodes again from its compiled form.
const _: () = assert!(MAX_CONDITION_TERMS + MAX_CONDITION_DEPTH <= MAX_DECODED_DEPTH);

/// A parse error: the character offset within the expression and what was expected.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParseError {
    pub offset: usize,
    pub zh: String,
    pub en: String,
}

/// Why a condition cannot be read: its syntax, or one of its limits.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ConditionError {
    Syntax(ParseError),
    /// Longer than `MAX_CONDITION_BYTES`.
    TooLong {
        bytes: usize,
    },
    /// Nested deeper than `MAX_CONDITION_DEPTH`, at the offset where the limit is passed.
    TooDeep {
        offset: usize,
    },
    /// More than `MAX_CONDITION_TERMS` terms, at the offset of the first one over.
    TooManyTerms {
        offset: usize,
    },
}

impl ConditionError {
    /// The byte offset within the expression the error points at.
    pub fn offset(&self) -> usize {
        match self {
            ConditionError::Syntax(e) => e.offset,
            ConditionError::TooLong { .. } => 0,
            ConditionError::TooDeep { offset } | ConditionError::TooManyTerms { offset } => *offset,
        }
    }
}

impl From<ParseError> for ConditionError {
    fn from(e: ParseError) -> Self {
        ConditionError::Syntax(e)
    }
}

#[derive(Clone, Debug, PartialEq)]
enum Tok {
    Ident(String),
    Number(f64),
    Op(Op),
    LParen,
    RParen,
    Comma,
}

fn tokenize(src: &str) -> Result<Vec<(usize, Tok)>, ParseError> {
    let chars: Vec<(usize, char)> = src.char_indices().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let (at, c) = chars[i];
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        let two: String = chars[i..].iter().take(2).map(|(_, c)| c).collect();
        let op = match two.as_str() {
            "==" => Some((Op::Eq, 2)),
            "!=" => Some((Op::Ne, 2)),
            "<=" => Some((Op::Le, 2)),
            ">=" => Some((Op::Ge, 2)),
            _ if c == '<' => Some((Op::Lt, 1)),
            _ if c == '>' => Some((Op::Gt, 1)),
            _ => None,
        };
        if let Some((op, len)) = op {
            out.push((at, Tok::Op(op)));
            i += len;
            continue;
        }
        match c {
            '(' => out.push((at, Tok::LParen)),
            ')' => out.push((at, Tok::RParen)),
            ',' => out.push((at, Tok::Comma)),
            _ if c.is_ascii_digit() || c == '-' || c == '.' => {
                // A run like `12.5` is a number; one like `5g` is an option id.
                let start = i;
                i += 1;
                while i < chars.len()
                    && (chars[i].1.is_ascii_alphanumeric()
                        || chars[i].1 == '.'
                        || chars[i].1 == '_')
                {
                    i += 1;
                }
                let text: String = chars[start..i].iter().map(|(_, c)| c).collect();
                match text.parse::<f64>() {
                    Ok(n) => out.push((at, Tok::Number(n))),
                    Err(_) if text.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') => {
                        out.push((at, Tok::Ident(text)))
                    }
                    Err(_) => {
                        return Err(ParseError {
                            offset: at,
                            zh: format!("“{text}”不是数字"),
                            en: format!("\"{text}\" is not a number"),
                        });
                    }
                }
                continue;
            }
            _ if c.is_alphanumeric() || c == '_' => {
                let start = i;
                while i < chars.len()
                    && (chars[i].1.is_alphanumeric() || chars[i].1 == '_' || chars[i].1 == '-')
                {
                    i += 1;
                }
                out.push((
                    at,
                    Tok::Ident(chars[start..i].iter().map(|(_, c)| c).collect()),
                ));
                continue;
            }
            _ => {
                return Err(ParseError {
                    offset: at,
                    zh: format!("无法识别的字符“{c}”"),
                    en: format!("unexpected character '{c}'"),
                })
            }
        }
        i += 1;
    }
    Ok(out)
}

struct Parser {
    toks: Vec<(usize, Tok)>,
    pos: usize,
    end: usize,
    /// Parentheses and `not`s open around the current position.
    depth: usize,
    /// Terms read so far.
    terms: usize,
}

impl Parser {
    fn peek(&self) -> Option<&Tok> {
        self.toks.get(self.pos).map(|(_, t)| t)
    }

    fn offset(&self) -> usize {
        self.toks.get(self.pos).map_or(self.end, |(o, _)| *o)
    }

    fn fail<T>(&self, zh: &str, en: &str) -> Result<T, ConditionError> {
        let found = match self.peek() {
            None => ("表达式结尾".to_string(), "the end".to_string()),
            Some(Tok::Ident(s)) => (format!("“{s}”"), format!("\"{s}\"")),
            Some(Tok::Number(n)) => (n.to_string(), n.to_string()),
            Some(Tok::Op(op)) => (op.symbol().to_string(), op.symbol().to_string()),
            Some(Tok::LParen) => ("(".into(), "(".into()),
            Some(Tok::RParen) => (")".into(), ")".into()),
            Some(Tok::Comma) => (",".into(), ",".into()),
        };
        Err(ConditionError::Syntax(ParseError {
            offset: self.offset(),
            zh: format!("此处应为{zh}，却是{}", found.0),
            en: format!("expected {en}, found {}", found.1),
        }))
    }

    /// One level deeper (a parenthesis or `not` just read at `offset`), refused past the limit.
    fn descend(&mut self, offset: usize) -> Result<(), ConditionError> {
        self.depth += 1;
        if self.depth > MAX_CONDITION_DEPTH {
            return Err(ConditionError::TooDeep { offset });
        }
        Ok(())
    }

    /// One more term, starting here; refused past the limit.
    fn count_term(&mut self) -> Result<(), ConditionError> {
        self.terms += 1;
        if self.terms > MAX_CONDITION_TERMS {
            return Err(ConditionError::TooManyTerms {
                offset: self.offset(),
            });
        }
        Ok(())
    }

    fn eat(&mut self, t: &Tok) -> bool {
        if self.peek() == Some(t) {
            self.pos += 1;
            true
        } else {
            false
        }
    }

    fn keyword(&mut self, word: &str) -> bool {
        if matches!(self.peek(), Some(Tok::Ident(s)) if s == word) {
            self.pos += 1;
            true
        } else {
            false
        }
    }

    fn ident(&mut self) -> Result<String, ConditionError> {
        match self.peek() {
            Some(Tok::Ident(s)) => {
                let s = s.clone();
                self.pos += 1;
                Ok(s)
            }
            _ => self.fail("题目或选项的 id", "an item or option id"),
        }
    }

    fn op(&mut self) -> Result<Op, ConditionError> {
        match self.peek() {
            Some(Tok::Op(op)) => {
                let op = *op;
                self.pos += 1;
                Ok(op)
            }
            _ => self.fail(
                "比较运算符（== != < <= > >=）",
                "a comparison (== != < <= > >=)",
            ),
        }
    }

    /// A metric, if one starts here: `indicator(x)`, …, `score`, `level`.
    fn metric(&mut self) -> Result<Option<Metric>, ConditionError> {
        let Some(Tok::Ident(name)) = self.peek() else {
            return Ok(None);
        };
        let name = name.clone();
        let next = self.toks.get(self.pos + 1).map(|(_, t)| t);
        match (name.as_str(), next) {
            ("score", Some(Tok::Op(_))) => {
                self.pos += 1;
                Ok(Some(Metric::Score))
            }
            ("level", Some(Tok::Op(_))) => {
                self.pos += 1;
                Ok(Some(Metric::Level))
            }
            (
                "indicator" | "target" | "national" | "dimension" | "section" | "firm",
                Some(Tok::LParen),
            ) => {
                self.pos += 2;
                let arg = self.ident()?;
                if !self.eat(&Tok::RParen) {
                    return self.fail("“)”", "')'");
                }
                Ok(Some(match name.as_str() {
                    "indicator" => Metric::Indicator(arg),
                    "target" => Metric::Target(arg),
                    "national" => Metric::National(arg),
                    "dimension" => Metric::Dimension(arg),
                    "section" => Metric::Section(arg),
                    _ => Metric::Firm(arg),
                }))
            }
            _ => Ok(None),
        }
    }

    fn expr(&mut self) -> Result<Condition, ConditionError> {
        let mut left = self.and()?;
        while self.keyword("or") {
            left = Condition::Or(Box::new(left), Box::new(self.and()?));
        }
        Ok(left)
    }

    fn and(&mut self) -> Result<Condition, ConditionError> {
        let mut left = self.unary()?;
        while self.keyword("and") {
            left = Condition::And(Box::new(left), Box::new(self.unary()?));
        }
        Ok(left)
    }

    fn unary(&mut self) -> Result<Condition, ConditionError> {
        let at = self.offset();
        if self.keyword("not") {
            self.descend(at)?;
            let inner = self.unary()?;
            self.depth -= 1;
            return Ok(Condition::Not(Box::new(inner)));
        }
        self.primary()
    }

    fn primary(&mut self) -> Result<Condition, ConditionError> {
        let at = self.offset();
        if self.eat(&Tok::LParen) {
            self.descend(at)?;
            let inner = self.expr()?;
            if !self.eat(&Tok::RParen) {
                return self.fail("“)”", "')'");
            }
            self.depth -= 1;
            return Ok(inner);
        }
        self.count_term()?;
        if let Some(left) = self.metric()? {
            let op = self.op()?;
            let right = match self.peek() {
                Some(Tok::Number(n)) => {
                    let n = *n;
                    self.pos += 1;
                    Rhs::Number(n)
                }
                _ => match self.metric()? {
                    Some(m) => Rhs::Metric(m),
                    None => Rhs::Name(self.ident()?),
                },
            };
            return Ok(Condition::Metric { left, op, right });
        }
        let name = self.ident()?;
        if (name == "answered" || name == "selected") && self.eat(&Tok::LParen) {
            let item = self.ident()?;
            let cond = if name == "answered" {
                Condition::Answered(item)
            } else {
                if !self.eat(&Tok::Comma) {
                    return self.fail("“,”", "','");
                }
                Condition::Selected {
                    item,
                    option: self.ident()?,
                }
            };
            if !self.eat(&Tok::RParen) {
                return self.fail("“)”", "')'");
            }
            return Ok(cond);
        }
        let op = self.op()?;
        let value = match self.peek() {
            Some(Tok::Number(n)) => Value::Number(*n),
            Some(Tok::Ident(s)) => Value::Name(s.clone()),
            _ => return self.fail("数字或选项 id", "a number or an option id"),
        };
        self.pos += 1;
        Ok(Condition::Compare {
            item: name,
            op,
            value,
        })
    }
}

/// Parses a condition; offsets in errors count bytes from the start of `src`.
pub fn parse_condition(src: &str) -> Result<Condition, ConditionError> {
    if src.len() > MAX_CONDITION_BYTES {
        return Err(ConditionError::TooLong { bytes: src.len() });
    }
    let toks = tokenize(src)?;
    if toks.is_empty() {
        return Err(ConditionError::Syntax(ParseError {
            offset: 0,
            zh: "条件为空".into(),
            en: "the condition is empty".into(),
        }));
    }
    let mut p = Parser {
        toks,
        pos: 0,
        end: src.len(),
        depth: 0,
        terms: 0,
    };
    let cond = p.expr()?;
    if p.pos < p.toks.len() {
        return p.fail("“and”、“or”或表达式结尾", "'and', 'or' or the end");
    }
    Ok(cond)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn precedence_is_not_then_and_then_or() {
        let c = parse_condition("answered(a) or not selected(b, x) and c >= 3").unwrap();
        assert_eq!(
            c.to_string(),
            "(answered(a)) or ((not (selected(b, x))) and (c >= 3))"
        );
        assert_eq!(c.items(), vec!["a", "b", "c"]);
    }

    #[test]
    fn ids_may_start_with_a_digit() {
        let c = parse_condition("not selected(network, 5g) and x > 1.5").unwrap();
        assert_eq!(c.to_string(), "(not (selected(network, 5g))) and (x > 1.5)");
        assert!(parse_condition("x > 1.2.3").is_err());
    }

    #[test]
    fn parentheses_and_names() {
        let c = parse_condition("(q1 == yes or q2 != down) and q3 < 10.5").unwrap();
        assert_eq!(
            c.to_string(),
            "((q1 == yes) or (q2 != down)) and (q3 < 10.5)"
        );
    }

    #[test]
    fn metrics_compare_with_numbers_and_metrics() {
        let c = parse_condition("indicator(cnc_rate) < target(cnc_rate) and (level < 3 or dimension(talent) <= 50) and firm(size) == small").unwrap();
        assert_eq!(
            c.to_string(),
            "((indicator(cnc_rate) < target(cnc_rate)) and ((level < 3) or (dimension(talent) <= 50))) and (firm(size) == small)"
        );
        assert_eq!(c.metrics().len(), 5);
        assert!(c.items().is_empty());
    }

    fn syntax_error(src: &str) -> ParseError {
        match parse_condition(src) {
            Err(ConditionError::Syntax(e)) => e,
            other => panic!("{src}: {other:?}"),
        }
    }

    #[test]
    fn errors_point_at_the_offending_token() {
        let e = syntax_error("a == 1 and");
        assert_eq!(e.offset, 10);
        assert_eq!(e.en, "expected an item or option id, found the end");
        let e = syntax_error("a 1");
        assert_eq!(e.offset, 2);
        let e = syntax_error("selected(a b)");
        assert_eq!((e.offset, e.en.as_str()), (11, "expected ',', found \"b\""));
        assert!(parse_condition("a == 1 )").is_err());
        assert!(parse_condition("a ~ 1").is_err());
    }

    /// `n` parentheses around one comparison.
    fn nested(n: usize) -> String {
        format!("{}a == 1{}", "(".repeat(n), ")".repeat(n))
    }

    #[test]
    fn nesting_up_to_the_limit_is_read_and_beyond_it_refused_where_it_passes() {
        assert!(parse_condition(&nested(MAX_CONDITION_DEPTH)).is_ok());
        // The 33rd parenthesis, at offset 32, is one too many.
        assert_eq!(
            parse_condition(&nested(MAX_CONDITION_DEPTH + 1)),
            Err(ConditionError::TooDeep { offset: 32 })
        );
        let nots = format!("{}a == 1", "not ".repeat(MAX_CONDITION_DEPTH + 1));
        assert_eq!(
            parse_condition(&nots),
            Err(ConditionError::TooDeep {
                offset: 4 * MAX_CONDITION_DEPTH
            })
        );
        // Parentheses closed again do not add up: depth is how deep, not how many.
        let siblings = vec![nested(20); 10].join(" and ");
        assert!(parse_condition(&siblings).is_ok());
    }

    #[test]
    fn thousands_deep_is_refused_without_recursing_that_deep() {
        // Within the length limit the deepest is ~2,000; the parser stops at 33 levels.
        let deep = "(".repeat(MAX_CONDITION_BYTES);
        assert_eq!(
            parse_condition(&deep),
            Err(ConditionError::TooDeep { offset: 32 })
        );
        let nots = "not ".repeat(MAX_CONDITION_BYTES / 4);
        assert!(matches!(
            parse_condition(&nots),
            Err(ConditionError::TooDeep { .. })
        ));
    }

    #[test]
    fn terms_up_to_the_limit_are_read_and_beyond_it_refused_at_the_first_over() {
        let terms = |n: usize| vec!["a==1"; n].join(" or ");
        let c = parse_condition(&terms(MAX_CONDITION_TERMS)).unwrap();
        assert_eq!(c.items().len(), MAX_CONDITION_TERMS);
        // Term k (0-based) starts at 8k: "a==1 or " is 8 bytes.
        assert_eq!(
            parse_condition(&terms(MAX_CONDITION_TERMS + 1)),
            Err(ConditionError::TooManyTerms {
                offset: 8 * MAX_CONDITION_TERMS
            })
        );
    }

    #[test]
    fn text_beyond_the_length_limit_is_refused_before_it_is_read() {
        let long = format!("a == 1{}", " ".repeat(MAX_CONDITION_BYTES));
        assert_eq!(
            parse_condition(&long),
            Err(ConditionError::TooLong {
                bytes: MAX_CONDITION_BYTES + 6
            })
        );
        let exactly = format!("a == 1{}", " ".repeat(MAX_CONDITION_BYTES - 6));
        assert!(parse_condition(&exactly).is_ok());
    }
}
