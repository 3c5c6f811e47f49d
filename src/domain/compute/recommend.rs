//! Recommendations: the questionnaire's rules whose condition holds for this firm,
//! ranked by what acting on them could gain (docs/scoring.md, "Recommendations").

use crate::domain::compute::evaluation::{holds, Evaluation, MetricValue};
use crate::domain::compute::indicators::IndicatorResult;
use crate::domain::compute::scoring::Score;
use crate::domain::model::answers::Answers;
use crate::domain::model::benchmark::Benchmark;
use crate::domain::model::condition::Metric;
use crate::domain::model::firm::FirmProfile;
use crate::domain::model::questionnaire::{Questionnaire, Scoring};
use crate::domain::model::text::Text;

/// What acting on a recommendation could gain.
#[derive(Clone, Debug, PartialEq)]
pub enum Gain {
    /// Points of the total still open in a dimension or section.
    Points {
        of: String,
        points: f64,
    },
    /// Maturity levels still open in a sub-domain or element, and its share of the overall score.
    Levels {
        of: String,
        levels: f64,
        share: f64,
    },
    /// Percentage points below an indicator's target.
    TargetGap {
        indicator: String,
        pp: f64,
    },
    None,
}

impl Gain {
    /// The share of the whole scale the gain is worth (0–1): the ranking key, so that
    /// points, levels and target gaps compare on one scale.
    pub fn fraction(&self, total_max: f64) -> f64 {
        match self {
            Gain::Points { points, .. } if total_max > 0.0 => points / total_max,
            Gain::Levels { levels, share, .. } => levels / 5.0 * share,
            Gain::TargetGap { pp, .. } => pp / 100.0,
            _ => 0.0,
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Advice {
    pub id: String,
    pub action: Text,
    pub rationale: Text,
    pub measure: Option<Text>,
    pub source: Option<String>,
    pub gain: Gain,
    pub fraction: f64,
}

pub struct Context<'a> {
    pub q: &'a Questionnaire,
    pub answers: &'a Answers,
    pub ev: &'a Evaluation,
    pub score: &'a Score,
    pub indicators: &'a [IndicatorResult],
    pub benchmark: &'a Benchmark,
    pub firm: &'a FirmProfile,
}

impl Context<'_> {
    fn metric(&self, m: &Metric) -> Option<MetricValue> {
        let num = MetricValue::Number;
        match m {
            Metric::Indicator(x) => self
                .indicators
                .iter()
                .find(|i| &i.id == x)?
                .value
                .percent()
                .map(num),
            Metric::Target(x) => self.indicators.iter().find(|i| &i.id == x)?.target.map(num),
            Metric::National(x) => self.benchmark.latest(x).map(|v| num(v.value)),
            Metric::Dimension(x) => self.score.dimension(x)?.percent.map(num),
            Metric::Section(x) => self
                .score
                .sections
                .iter()
                .find(|s| &s.id == x)?
                .percent
                .map(num),
            Metric::Score => Some(num(self.score.total)),
            Metric::Level => Some(num(self.score.level.map_or(0.0, f64::from))),
            Metric::Firm(field) => {
                let v = match field.as_str() {
                    "size" => &self.firm.size,
                    "sector" => &self.firm.sector,
                    _ => return None,
                };
                (!v.is_empty()).then(|| MetricValue::Name(v.clone()))
            }
        }
    }

    fn gain(&self, improves: Option<&Metric>) -> Gain {
        let maturity = self.q.scoring == Scoring::Maturity;
        match improves {
            Some(Metric::Dimension(x)) => {
                let Some(d) = self.score.dimension(x).filter(|d| d.percent.is_some()) else {
                    return Gain::None;
                };
                if maturity {
                    // A sub-domain's share of the overall score: its weight within its
                    // element, divided by the number of elements that apply.
                    let share = self
                        .q
                        .sections
                        .iter()
                        .find(|s| s.dimensions.iter().any(|dd| &dd.id == x))
                        .map_or(0.0, |s| {
                            let weights: f64 = s
                                .dimensions
                                .iter()
                                .filter(|dd| {
                                    self.score
                                        .dimension(&dd.id)
                                        .is_some_and(|ds| ds.percent.is_some())
                                })
                                .map(|dd| dd.weight)
                                .sum();
                            let own = s
                                .dimensions
                                .iter()
                                .find(|dd| &dd.id == x)
                                .map_or(0.0, |dd| dd.weight);
                            let elements = self
                                .score
                                .sections
                                .iter()
                                .filter(|e| e.percent.is_some())
                                .count()
                                .max(1);
                            if weights > 0.0 {
                                own / weights / elements as f64
                            } else {
                                0.0
                            }
                        });
                    Gain::Levels {
                        of: x.clone(),
                        levels: d.max - d.earned,
                        share,
                    }
                } else {
                    Gain::Points {
                        of: x.clone(),
                        points: d.max - d.earned,
                    }
                }
            }
            Some(Metric::Section(x)) => {
                let Some(s) = self
                    .score
                    .sections
                    .iter()
                    .find(|s| &s.id == x && s.percent.is_some())
                else {
                    return Gain::None;
                };
                Gain::Points {
                    of: x.clone(),
                    points: s.max - s.earned,
                }
            }
            Some(Metric::Indicator(x)) => {
                let Some(r) = self.indicators.iter().find(|i| &i.id == x) else {
                    return Gain::None;
                };
                match (r.value.percent(), r.target) {
                    (Some(v), Some(t)) if v < t => Gain::TargetGap {
                        indicator: x.clone(),
                        pp: t - v,
                    },
                    _ => Gain::None,
                }
            }
            _ => Gain::None,
        }
    }
}

/// The recommendations that apply, the one that gains most first (file order breaks ties).
pub fn recommend(ctx: &Context) -> Vec<Advice> {
    let mut advice: Vec<Advice> = ctx
        .q
        .recommendations
        .iter()
        .filter(|r| {
            holds(
                ctx.q,
                ctx.answers,
                &ctx.ev.numbers,
                &r.when,
                &mut |id: &str| ctx.ev.is_visible(id),
                &|m| ctx.metric(m),
            )
        })
        .map(|r| {
            let gain = ctx.gain(r.improves.as_ref());
            Advice {
                id: r.id.clone(),
                action: r.action.clone(),
                rationale: r.rationale.clone(),
                measure: r.measure.clone(),
                source: r.source.clone(),
                fraction: gain.fraction(ctx.score.total_max),
                gain,
            }
        })
        .collect();
    // A stable sort keeps the file's order among equal gains.
    crate::domain::util::sorting::sort_by(&mut advice, |a, b| b.fraction.total_cmp(&a.fraction));
    advice
}
