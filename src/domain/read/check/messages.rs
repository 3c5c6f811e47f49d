//! What the checker can find wrong in a questionnaire, target profile or benchmark, as
//! data (`CheckError`), and the one place that words each error in Chinese and English.
//! Where it stands (file, line, column, field) is added by `Reader::error`.

use super::limits::{MAX_ITEMS, MAX_SECTIONS};
use crate::domain::model::text::Text;
use crate::domain::read::condition_parser::{
    ParseError, MAX_CONDITION_BYTES, MAX_CONDITION_DEPTH, MAX_CONDITION_TERMS,
};

/// One error the checker reports. The wording is `text`'s alone.
#[derive(Clone, Debug, PartialEq)]
pub(super) enum CheckError {
    // ids and sources
    InvalidId {
        id: String,
    },
    DuplicateId {
        id: String,
        first: String,
    },
    DuplicateSourceId {
        id: String,
    },
    DuplicateOptionId {
        id: String,
    },
    DuplicateRecommendationId {
        id: String,
    },
    EmptySourceTitle,
    UnknownSource {
        source: String,
    },
    // the questionnaire's own fields and structure
    /// More sections than `limits::MAX_SECTIONS`.
    TooManySections {
        count: usize,
    },
    /// More items than `limits::MAX_ITEMS`.
    TooManyItems {
        count: usize,
    },
    EmptyVersion,
    UnknownScoring {
        scoring: String,
    },
    NoSections,
    SectionWithoutDimensions,
    DimensionWithoutItems,
    NonPositiveWeight,
    // points
    NegativePoints {
        points: f64,
    },
    DimensionPointsMismatch {
        declared: f64,
        item_maxima: f64,
    },
    SectionPointsMismatch {
        declared: f64,
        dimension_points: f64,
    },
    TotalPointsMismatch {
        declared: f64,
        section_points: f64,
    },
    // indicators
    IndicatorUnitNotPercent,
    IndicatorFormula,
    // the level scheme
    LevelNumberOutOfOrder {
        expected: usize,
    },
    LevelNeedsRange,
    LevelsGap {
        from: f64,
        to: f64,
    },
    LevelsOverlap {
        starts: f64,
        previous_ends: f64,
    },
    /// A level's or a band's `to` not above its `from`.
    ToNotAboveFrom {
        from: f64,
        to: f64,
    },
    // items and their kinds
    UnknownKind {
        kind: String,
    },
    FieldNotForKind {
        field: &'static str,
        kind: String,
    },
    MissingUnit,
    SingleChoiceTooFewOptions,
    MultiSelectWithoutOptions,
    OptionLevelInvalid,
    CountBoundNotWhole,
    CountMaxBelowMin {
        max: u64,
        min: u64,
    },
    AmountMaxBelowMin {
        max: f64,
        min: f64,
    },
    RatioMissingPart {
        key: &'static str,
    },
    TrendBetterInvalid {
        better: String,
    },
    TrendBetterMissing,
    TrendPointsMissing,
    YesNoPointsNotNumber,
    LevelItemWithoutLevels,
    LevelItemLevelCount {
        count: usize,
    },
    LevelItemOutOfOrder {
        expected: usize,
    },
    LevelItemPointsCount {
        levels: usize,
    },
    LevelItemPointsNegative,
    LevelItemPointsNotList,
    // a ratio item's bands
    BandsMissing,
    BandsEmpty,
    BandLimitsOutOfRange,
    BandsNotFromZero {
        from: f64,
    },
    BandsGap {
        from: f64,
        to: f64,
    },
    BandsOverlap {
        starts: f64,
        previous_ends: f64,
    },
    BandsShortOf100 {
        last_to: f64,
    },
    // references and conditions
    UnknownItem {
        id: String,
    },
    WrongItemKind {
        id: String,
        kind: &'static str,
        wanted: &'static [&'static str],
    },
    InvalidCondition {
        reason: ParseError,
    },
    /// Longer than `MAX_CONDITION_BYTES`.
    ConditionTooLong {
        bytes: usize,
    },
    /// Parentheses and `not` nested deeper than `MAX_CONDITION_DEPTH`.
    ConditionTooDeep,
    /// More than `MAX_CONDITION_TERMS` terms.
    ConditionTooManyTerms,
    ConditionCycle {
        chain: Vec<String>,
    },
    ResultFigureInVisibleIf {
        metric: String,
    },
    UnknownMetricId {
        what: MetricKind,
        id: String,
    },
    FirmComparison,
    NoSuchOption {
        item: String,
        option: String,
    },
    SelectedNeedsChoice {
        item: String,
        kind: &'static str,
    },
    CannotCompare {
        item: String,
        kind: &'static str,
    },
    ImprovesNotMetric,
    ImprovesUnknownId {
        id: String,
    },
    // target profiles and benchmarks
    InvalidProfileId,
    YearOutOfRange,
    MissingTargetSource,
    NoTargets,
    TargetOutOfRange {
        value: f64,
    },
    UnknownIndicator {
        id: String,
    },
    InvalidPeriod,
    BenchmarkValueOutOfRange {
        value: f64,
    },
}

/// What a result figure in a condition names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum MetricKind {
    Indicator,
    Dimension,
    Section,
    FirmField,
}

/// Sums are shown to three decimals (0.7 × 15 is not exactly 10.5 in binary).
fn round(v: f64) -> f64 {
    (v * 1000.0).round() / 1000.0
}

impl CheckError {
    pub(super) fn text(&self) -> Text {
        use CheckError::*;
        match self {
            InvalidId { id } => Text::new(
                format!("id “{id}”只能由字母、数字、_ 和 - 组成，且不能为空"),
                format!("id \"{id}\" must be non-empty letters, digits, _ or -"),
            ),
            DuplicateId { id, first } => Text::new(
                format!("id “{id}”重复，已在 {first} 使用"),
                format!("duplicate id \"{id}\", already used at {first}"),
            ),
            DuplicateSourceId { id } => Text::new(
                format!("来源 id “{id}”重复"),
                format!("duplicate source id \"{id}\""),
            ),
            DuplicateOptionId { id } => Text::new(
                format!("选项 id “{id}”在本题中重复"),
                format!("duplicate option id \"{id}\" in this item"),
            ),
            DuplicateRecommendationId { id } => Text::new(
                format!("建议 id “{id}”重复"),
                format!("duplicate recommendation id \"{id}\""),
            ),
            EmptySourceTitle => Text::new("来源标题不能为空", "source title must not be empty"),
            UnknownSource { source } => Text::new(
                format!("来源“{source}”未在 [[sources]] 中定义"),
                format!("source \"{source}\" is not defined in [[sources]]"),
            ),
            EmptyVersion => Text::new("版本不能为空", "version must not be empty"),
            UnknownScoring { scoring } => Text::new(
                format!("未知计分方式“{scoring}”，可用：points、maturity"),
                format!("unknown scoring \"{scoring}\"; expected points or maturity"),
            ),
            NoSections => Text::new(
                "问卷至少需要一个部分（[[sections]]）",
                "a questionnaire needs at least one section ([[sections]])",
            ),
            SectionWithoutDimensions => Text::new(
                "部分至少需要一个维度",
                "a section needs at least one dimension",
            ),
            DimensionWithoutItems => Text::new(
                "维度至少需要一道题",
                "a dimension needs at least one item",
            ),
            NonPositiveWeight => Text::new("权重必须大于 0", "weight must be greater than 0"),
            NegativePoints { points } => Text::new(
                format!("分值 {points} 不能为负数"),
                format!("points {points} cannot be negative"),
            ),
            DimensionPointsMismatch {
                declared,
                item_maxima,
            } => {
                let sum = round(*item_maxima);
                Text::new(
                    format!("维度分值 {declared} 与各题最高分之和 {sum} 不一致"),
                    format!("dimension points {declared} ≠ sum of item maxima {sum}"),
                )
            }
            SectionPointsMismatch {
                declared,
                dimension_points,
            } => {
                let sum = round(*dimension_points);
                Text::new(
                    format!("部分分值 {declared} 与各维度分值之和 {sum} 不一致"),
                    format!("section points {declared} ≠ sum of dimension points {sum}"),
                )
            }
            TotalPointsMismatch {
                declared,
                section_points,
            } => {
                let sum = round(*section_points);
                Text::new(
                    format!("总分 {declared} 与各部分分值之和 {sum} 不一致"),
                    format!("total_points {declared} ≠ sum of section points {sum}"),
                )
            }
            IndicatorUnitNotPercent => Text::new(
                "指标单位目前只能是“%”",
                "an indicator's unit must be \"%\"",
            ),
            IndicatorFormula => Text::new(
                "指标须给出 numerator 与 denominator，或只给出 selected_of 或 yes_no 之一",
                "an indicator needs numerator and denominator, or exactly one of selected_of and yes_no",
            ),
            LevelNumberOutOfOrder { expected } => Text::new(
                format!("等级应按顺序编号，此处应为 {expected}"),
                format!("levels must be numbered in order; expected {expected}"),
            ),
            LevelNeedsRange => Text::new(
                "计分型问卷的等级需要 from 和 to",
                "a level of a points questionnaire needs from and to",
            ),
            LevelsGap { from, to } => Text::new(
                format!("等级之间有空档：{from}–{to} 不属于任何等级"),
                format!("levels leave {from}–{to} uncovered"),
            ),
            LevelsOverlap {
                starts,
                previous_ends,
            } => Text::new(
                format!("等级区间重叠：从 {starts} 开始，但上一等级到 {previous_ends}"),
                format!(
                    "levels overlap: starts at {starts} but the previous level ends at {previous_ends}"
                ),
            ),
            ToNotAboveFrom { from, to } => Text::new(
                format!("to（{to}）必须大于 from（{from}）"),
                format!("to ({to}) must be greater than from ({from})"),
            ),
            UnknownKind { kind } => Text::new(
                format!("未知题型“{kind}”，可用：single_choice、multi_select、count、amount、ratio、trend、yes_no、text、level"),
                format!("unknown kind \"{kind}\"; expected single_choice, multi_select, count, amount, ratio, trend, yes_no, text or level"),
            ),
            FieldNotForKind { field, kind } => Text::new(
                format!("字段 {field} 不适用于题型 {kind}"),
                format!("field `{field}` does not apply to kind {kind}"),
            ),
            MissingUnit => Text::new(
                "数值题必须给出单位（unit）",
                "a count or amount item needs a unit",
            ),
            SingleChoiceTooFewOptions => Text::new(
                "单选题至少需要两个选项",
                "a single_choice item needs at least two options",
            ),
            MultiSelectWithoutOptions => Text::new(
                "多选题至少需要一个选项",
                "a multi_select item needs at least one option",
            ),
            OptionLevelInvalid => Text::new(
                "等级应为 1–5 的整数",
                "level must be a whole number from 1 to 5",
            ),
            CountBoundNotWhole => Text::new(
                "计数的界限必须是非负整数",
                "a count bound must be a whole number ≥ 0",
            ),
            CountMaxBelowMin { max, min } => max_below_min(max, min),
            AmountMaxBelowMin { max, min } => max_below_min(max, min),
            RatioMissingPart { key } => Text::new(
                format!("比率题缺少 {key}"),
                format!("a ratio item needs `{key}`"),
            ),
            TrendBetterInvalid { better } => Text::new(
                format!("better 只能是 up 或 down，而不是“{better}”"),
                format!("better must be up or down, not \"{better}\""),
            ),
            TrendBetterMissing => Text::new(
                "趋势题需要 better（up 或 down）",
                "a trend item needs `better` (up or down)",
            ),
            TrendPointsMissing => Text::new(
                "趋势题需要 points = { up = …, flat = …, down = … }",
                "a trend item needs points = { up = …, flat = …, down = … }",
            ),
            YesNoPointsNotNumber => Text::new(
                "是非题的 points 应为一个数字",
                "a yes_no item's points must be one number",
            ),
            LevelItemWithoutLevels => Text::new("等级题需要 levels", "a level item needs levels"),
            LevelItemLevelCount { count } => Text::new(
                format!("等级题应有 4 或 5 个等级，实际 {count} 个"),
                format!("a level item has 4 or 5 levels, not {count}"),
            ),
            LevelItemOutOfOrder { expected } => Text::new(
                format!("等级应按 1、2、3… 顺序给出，此处应为 {expected}"),
                format!("levels go 1, 2, 3… in order; expected {expected}"),
            ),
            LevelItemPointsCount { levels } => Text::new(
                format!("points 应有 {levels} 个数（每个等级一个）"),
                format!("points needs {levels} numbers, one per level"),
            ),
            LevelItemPointsNegative => Text::new("分值不能为负数", "points cannot be negative"),
            LevelItemPointsNotList => Text::new(
                "等级题的 points 应为数组，如 [0, 1, 2, 3]",
                "a level item's points must be a list like [0, 1, 2, 3]",
            ),
            BandsMissing => Text::new("比率题需要分段（bands）", "a ratio item needs bands"),
            BandsEmpty => Text::new("分段不能为空", "bands must not be empty"),
            BandLimitsOutOfRange => Text::new(
                "分段界限必须在 0–100（%）之间",
                "band limits must be within 0–100 (%)",
            ),
            BandsNotFromZero { from } => Text::new(
                format!("分段必须从 0 开始，而不是 {from}"),
                format!("bands must start at 0, not {from}"),
            ),
            BandsGap { from, to } => Text::new(
                format!("分段有空档：{from}–{to} % 不属于任何分段"),
                format!("bands leave {from}–{to} % uncovered"),
            ),
            BandsOverlap {
                starts,
                previous_ends,
            } => Text::new(
                format!("分段重叠：从 {starts} 开始，但上一段到 {previous_ends}"),
                format!(
                    "bands overlap: starts at {starts} but the previous band ends at {previous_ends}"
                ),
            ),
            BandsShortOf100 { last_to } => Text::new(
                format!("分段必须覆盖到 100%，最后一段止于 {last_to}"),
                format!("bands must cover up to 100 %; the last ends at {last_to}"),
            ),
            UnknownItem { id } => Text::new(
                format!("引用了不存在的题目“{id}”"),
                format!("refers to unknown item \"{id}\""),
            ),
            WrongItemKind { id, kind, wanted } => {
                let wanted = wanted.join(" or ");
                Text::new(
                    format!("题目“{id}”是 {kind}，此处需要 {wanted}"),
                    format!("item \"{id}\" is a {kind}, {wanted} is needed here"),
                )
            }
            InvalidCondition { reason } => Text::new(
                format!("条件有误：{}", reason.zh),
                format!("invalid condition: {}", reason.en),
            ),
            TooManySections { count } => Text::new(
                format!("问卷有 {count} 个部分，超过上限 {MAX_SECTIONS} 个"),
                format!("the questionnaire has {count} sections, more than the limit of {MAX_SECTIONS}"),
            ),
            TooManyItems { count } => Text::new(
                format!("问卷有 {count} 个题目，超过上限 {MAX_ITEMS} 个"),
                format!("the questionnaire has {count} items, more than the limit of {MAX_ITEMS}"),
            ),
            ConditionTooLong { bytes } => Text::new(
                format!("条件长 {bytes} 字节，超过上限 {MAX_CONDITION_BYTES} 字节"),
                format!("the condition is {bytes} bytes long, more than the limit of {MAX_CONDITION_BYTES}"),
            ),
            ConditionTooDeep => Text::new(
                format!("括号和 not 嵌套超过 {MAX_CONDITION_DEPTH} 层"),
                format!("parentheses and `not` nest more than {MAX_CONDITION_DEPTH} deep"),
            ),
            ConditionTooManyTerms => Text::new(
                format!("条件超过 {MAX_CONDITION_TERMS} 项比较"),
                format!("the condition has more than {MAX_CONDITION_TERMS} terms"),
            ),
            ConditionCycle { chain } => {
                let chain = chain.join(" → ");
                Text::new(
                    format!("显示条件依赖自身：{chain}"),
                    format!("visible_if depends on itself: {chain}"),
                )
            }
            ResultFigureInVisibleIf { metric } => Text::new(
                format!("显示条件中不能使用结果数据 {metric}（只能用于建议的 when）"),
                format!("{metric} is a result figure, usable only in a recommendation's `when`"),
            ),
            UnknownMetricId { what, id } => {
                let (what_zh, what_en) = match what {
                    MetricKind::Indicator => ("指标", "indicator"),
                    MetricKind::Dimension => ("维度", "dimension"),
                    MetricKind::Section => ("部分", "section"),
                    MetricKind::FirmField => {
                        ("企业信息字段（size、sector）", "firm field (size or sector)")
                    }
                };
                Text::new(
                    format!("没有{what_zh}“{id}”"),
                    format!("no {what_en} \"{id}\""),
                )
            }
            FirmComparison => Text::new(
                "firm(…) 只能与名称比较，其他结果数据只能与数字或结果数据比较",
                "firm(…) compares with a name; other figures compare with numbers or figures",
            ),
            NoSuchOption { item, option } => Text::new(
                format!("题目“{item}”没有选项“{option}”"),
                format!("item \"{item}\" has no option \"{option}\""),
            ),
            SelectedNeedsChoice { item, kind } => Text::new(
                format!("selected() 需要选择题，而“{item}”是 {kind}"),
                format!("selected() needs a choice item, \"{item}\" is a {kind}"),
            ),
            CannotCompare { item, kind } => Text::new(
                format!("无法这样比较题目“{item}”（{kind}）"),
                format!("item \"{item}\" ({kind}) cannot be compared with that value"),
            ),
            ImprovesNotMetric => Text::new(
                "improves 应为 dimension(id)、section(id) 或 indicator(id)",
                "improves must be dimension(id), section(id) or indicator(id)",
            ),
            ImprovesUnknownId { id } => {
                Text::new(format!("没有“{id}”"), format!("no such id \"{id}\""))
            }
            InvalidProfileId => Text::new(
                "id 只能由字母、数字、_ 和 - 组成，且不能为空",
                "id must be non-empty letters, digits, _ or -",
            ),
            YearOutOfRange => Text::new(
                "年份应为 2000–2100 之间的整数",
                "year must be a whole number from 2000 to 2100",
            ),
            MissingTargetSource => Text::new(
                "必须注明目标值的来源文件",
                "the source document of the targets is required",
            ),
            NoTargets => Text::new("至少需要一个目标值", "at least one target is needed"),
            TargetOutOfRange { value } => Text::new(
                format!("目标值 {value} 超出百分比范围 0–100"),
                format!("target {value} is outside the percentage range 0–100"),
            ),
            UnknownIndicator { id } => Text::new(
                format!("没有任何问卷定义指标“{id}”"),
                format!("no questionnaire has an indicator \"{id}\""),
            ),
            InvalidPeriod => Text::new(
                "时期应写作 YYYY 或 YYYY-MM",
                "period must be YYYY or YYYY-MM",
            ),
            BenchmarkValueOutOfRange { value } => Text::new(
                format!("数值 {value} 超出百分比范围 0–100"),
                format!("value {value} is outside the percentage range 0–100"),
            ),
        }
    }
}

/// Counts and amounts word it alike; their bounds differ in type.
fn max_below_min(max: &dyn std::fmt::Display, min: &dyn std::fmt::Display) -> Text {
    Text::new(
        format!("最大值 {max} 小于最小值 {min}"),
        format!("max {max} is below min {min}"),
    )
}

#[cfg(test)]
mod tests {
    use super::{CheckError, MetricKind};
    use crate::domain::read::condition_parser::ParseError;

    /// Every variant's wording in both languages, on one sample each; the macro's match
    /// has no wildcard arm, so a new variant fails to compile until it is listed here.
    #[test]
    fn every_variant_is_worded_in_both_languages() {
        let samples = one_sample_of_every_variant!(CheckError:
            InvalidId { id: "a b".into() }
                => "id “a b”只能由字母、数字、_ 和 - 组成，且不能为空",
                   "id \"a b\" must be non-empty letters, digits, _ or -";
            DuplicateId { id: "total".into(), first: "sections[0].id".into() }
                => "id “total”重复，已在 sections[0].id 使用",
                   "duplicate id \"total\", already used at sections[0].id";
            DuplicateSourceId { id: "s".into() } => "来源 id “s”重复", "duplicate source id \"s\"";
            DuplicateOptionId { id: "low".into() }
                => "选项 id “low”在本题中重复", "duplicate option id \"low\" in this item";
            DuplicateRecommendationId { id: "r".into() }
                => "建议 id “r”重复", "duplicate recommendation id \"r\"";
            EmptySourceTitle {} => "来源标题不能为空", "source title must not be empty";
            UnknownSource { source: "nope".into() }
                => "来源“nope”未在 [[sources]] 中定义",
                   "source \"nope\" is not defined in [[sources]]";
            EmptyVersion {} => "版本不能为空", "version must not be empty";
            UnknownScoring { scoring: "stars".into() }
                => "未知计分方式“stars”，可用：points、maturity",
                   "unknown scoring \"stars\"; expected points or maturity";
            NoSections {}
                => "问卷至少需要一个部分（[[sections]]）",
                   "a questionnaire needs at least one section ([[sections]])";
            SectionWithoutDimensions {}
                => "部分至少需要一个维度", "a section needs at least one dimension";
            DimensionWithoutItems {} => "维度至少需要一道题", "a dimension needs at least one item";
            NonPositiveWeight {} => "权重必须大于 0", "weight must be greater than 0";
            NegativePoints { points: -1.5 } => "分值 -1.5 不能为负数", "points -1.5 cannot be negative";
            // 0.1 + 0.2 is 0.30000000000000004 in binary; sums are shown to 3 decimals.
            DimensionPointsMismatch { declared: 8.0, item_maxima: 0.1 + 0.2 }
                => "维度分值 8 与各题最高分之和 0.3 不一致",
                   "dimension points 8 ≠ sum of item maxima 0.3";
            SectionPointsMismatch { declared: 50.0, dimension_points: 8.0 }
                => "部分分值 50 与各维度分值之和 8 不一致",
                   "section points 50 ≠ sum of dimension points 8";
            TotalPointsMismatch { declared: 100.0, section_points: 2.0 / 3.0 }
                => "总分 100 与各部分分值之和 0.667 不一致",
                   "total_points 100 ≠ sum of section points 0.667";
            IndicatorUnitNotPercent {} => "指标单位目前只能是“%”", "an indicator's unit must be \"%\"";
            IndicatorFormula {}
                => "指标须给出 numerator 与 denominator，或只给出 selected_of 或 yes_no 之一",
                   "an indicator needs numerator and denominator, or exactly one of selected_of and yes_no";
            LevelNumberOutOfOrder { expected: 2 }
                => "等级应按顺序编号，此处应为 2", "levels must be numbered in order; expected 2";
            LevelNeedsRange {}
                => "计分型问卷的等级需要 from 和 to",
                   "a level of a points questionnaire needs from and to";
            LevelsGap { from: 40.0, to: 45.5 }
                => "等级之间有空档：40–45.5 不属于任何等级", "levels leave 40–45.5 uncovered";
            LevelsOverlap { starts: 30.0, previous_ends: 40.0 }
                => "等级区间重叠：从 30 开始，但上一等级到 40",
                   "levels overlap: starts at 30 but the previous level ends at 40";
            ToNotAboveFrom { from: 60.0, to: 20.0 }
                => "to（20）必须大于 from（60）", "to (20) must be greater than from (60)";
            UnknownKind { kind: "slider".into() }
                => "未知题型“slider”，可用：single_choice、multi_select、count、amount、ratio、trend、yes_no、text、level",
                   "unknown kind \"slider\"; expected single_choice, multi_select, count, amount, ratio, trend, yes_no, text or level";
            FieldNotForKind { field: "bands", kind: "count".into() }
                => "字段 bands 不适用于题型 count", "field `bands` does not apply to kind count";
            MissingUnit {} => "数值题必须给出单位（unit）", "a count or amount item needs a unit";
            SingleChoiceTooFewOptions {}
                => "单选题至少需要两个选项", "a single_choice item needs at least two options";
            MultiSelectWithoutOptions {}
                => "多选题至少需要一个选项", "a multi_select item needs at least one option";
            OptionLevelInvalid {} => "等级应为 1–5 的整数", "level must be a whole number from 1 to 5";
            CountBoundNotWhole {}
                => "计数的界限必须是非负整数", "a count bound must be a whole number ≥ 0";
            CountMaxBelowMin { max: 3, min: 10 } => "最大值 3 小于最小值 10", "max 3 is below min 10";
            AmountMaxBelowMin { max: 2.5, min: 10.0 }
                => "最大值 2.5 小于最小值 10", "max 2.5 is below min 10";
            RatioMissingPart { key: "denominator" }
                => "比率题缺少 denominator", "a ratio item needs `denominator`";
            TrendBetterInvalid { better: "sideways".into() }
                => "better 只能是 up 或 down，而不是“sideways”",
                   "better must be up or down, not \"sideways\"";
            TrendBetterMissing {}
                => "趋势题需要 better（up 或 down）", "a trend item needs `better` (up or down)";
            TrendPointsMissing {}
                => "趋势题需要 points = { up = …, flat = …, down = … }",
                   "a trend item needs points = { up = …, flat = …, down = … }";
            YesNoPointsNotNumber {}
                => "是非题的 points 应为一个数字", "a yes_no item's points must be one number";
            LevelItemWithoutLevels {} => "等级题需要 levels", "a level item needs levels";
            LevelItemLevelCount { count: 3 }
                => "等级题应有 4 或 5 个等级，实际 3 个", "a level item has 4 or 5 levels, not 3";
            LevelItemOutOfOrder { expected: 3 }
                => "等级应按 1、2、3… 顺序给出，此处应为 3", "levels go 1, 2, 3… in order; expected 3";
            LevelItemPointsCount { levels: 4 }
                => "points 应有 4 个数（每个等级一个）", "points needs 4 numbers, one per level";
            LevelItemPointsNegative {} => "分值不能为负数", "points cannot be negative";
            LevelItemPointsNotList {}
                => "等级题的 points 应为数组，如 [0, 1, 2, 3]",
                   "a level item's points must be a list like [0, 1, 2, 3]";
            BandsMissing {} => "比率题需要分段（bands）", "a ratio item needs bands";
            BandsEmpty {} => "分段不能为空", "bands must not be empty";
            BandLimitsOutOfRange {}
                => "分段界限必须在 0–100（%）之间", "band limits must be within 0–100 (%)";
            BandsNotFromZero { from: 10.0 } => "分段必须从 0 开始，而不是 10", "bands must start at 0, not 10";
            BandsGap { from: 20.0, to: 30.0 }
                => "分段有空档：20–30 % 不属于任何分段", "bands leave 20–30 % uncovered";
            BandsOverlap { starts: 30.0, previous_ends: 40.0 }
                => "分段重叠：从 30 开始，但上一段到 40",
                   "bands overlap: starts at 30 but the previous band ends at 40";
            BandsShortOf100 { last_to: 90.0 }
                => "分段必须覆盖到 100%，最后一段止于 90",
                   "bands must cover up to 100 %; the last ends at 90";
            UnknownItem { id: "netwrk".into() }
                => "引用了不存在的题目“netwrk”", "refers to unknown item \"netwrk\"";
            WrongItemKind { id: "level".into(), kind: "single_choice", wanted: &["count", "amount"] }
                => "题目“level”是 single_choice，此处需要 count or amount",
                   "item \"level\" is a single_choice, count or amount is needed here";
            InvalidCondition {
                reason: ParseError { offset: 3, zh: "条件为空".into(), en: "empty condition".into() },
            } => "条件有误：条件为空", "invalid condition: empty condition";
            TooManySections { count: 201 }
                => "问卷有 201 个部分，超过上限 200 个",
                   "the questionnaire has 201 sections, more than the limit of 200";
            TooManyItems { count: 50000 }
                => "问卷有 50000 个题目，超过上限 10000 个",
                   "the questionnaire has 50000 items, more than the limit of 10000";
            ConditionTooLong { bytes: 5000 }
                => "条件长 5000 字节，超过上限 4096 字节",
                   "the condition is 5000 bytes long, more than the limit of 4096";
            ConditionTooDeep {} => "括号和 not 嵌套超过 32 层", "parentheses and `not` nest more than 32 deep";
            ConditionTooManyTerms {}
                => "条件超过 256 项比较", "the condition has more than 256 terms";
            ConditionCycle { chain: vec!["a".into(), "b".into(), "a".into()] }
                => "显示条件依赖自身：a → b → a", "visible_if depends on itself: a → b → a";
            ResultFigureInVisibleIf { metric: "score".into() }
                => "显示条件中不能使用结果数据 score（只能用于建议的 when）",
                   "score is a result figure, usable only in a recommendation's `when`";
            UnknownMetricId { what: MetricKind::Dimension, id: "dm".into() }
                => "没有维度“dm”", "no dimension \"dm\"";
            FirmComparison {}
                => "firm(…) 只能与名称比较，其他结果数据只能与数字或结果数据比较",
                   "firm(…) compares with a name; other figures compare with numbers or figures";
            NoSuchOption { item: "level".into(), option: "mid".into() }
                => "题目“level”没有选项“mid”", "item \"level\" has no option \"mid\"";
            SelectedNeedsChoice { item: "total".into(), kind: "count" }
                => "selected() 需要选择题，而“total”是 count",
                   "selected() needs a choice item, \"total\" is a count";
            CannotCompare { item: "flag".into(), kind: "yes_no" }
                => "无法这样比较题目“flag”（yes_no）",
                   "item \"flag\" (yes_no) cannot be compared with that value";
            ImprovesNotMetric {}
                => "improves 应为 dimension(id)、section(id) 或 indicator(id)",
                   "improves must be dimension(id), section(id) or indicator(id)";
            ImprovesUnknownId { id: "dm".into() } => "没有“dm”", "no such id \"dm\"";
            InvalidProfileId {}
                => "id 只能由字母、数字、_ 和 - 组成，且不能为空",
                   "id must be non-empty letters, digits, _ or -";
            YearOutOfRange {}
                => "年份应为 2000–2100 之间的整数", "year must be a whole number from 2000 to 2100";
            MissingTargetSource {}
                => "必须注明目标值的来源文件", "the source document of the targets is required";
            NoTargets {} => "至少需要一个目标值", "at least one target is needed";
            TargetOutOfRange { value: 168.0 }
                => "目标值 168 超出百分比范围 0–100",
                   "target 168 is outside the percentage range 0–100";
            UnknownIndicator { id: "x".into() }
                => "没有任何问卷定义指标“x”", "no questionnaire has an indicator \"x\"";
            InvalidPeriod {} => "时期应写作 YYYY 或 YYYY-MM", "period must be YYYY or YYYY-MM";
            BenchmarkValueOutOfRange { value: -3.0 }
                => "数值 -3 超出百分比范围 0–100", "value -3 is outside the percentage range 0–100";
        );
        for (e, zh, en) in samples {
            let text = e.text();
            assert_eq!(text.zh, zh, "{e:?}");
            assert_eq!(text.en.as_deref(), Some(en), "{e:?}");
        }
    }

    /// What a result figure names is worded by its kind.
    #[test]
    fn unknown_metric_ids_name_what_they_are() {
        let text = |what| {
            CheckError::UnknownMetricId {
                what,
                id: "x".into(),
            }
            .text()
        };
        for (what, zh, en) in [
            (MetricKind::Indicator, "没有指标“x”", "no indicator \"x\""),
            (MetricKind::Dimension, "没有维度“x”", "no dimension \"x\""),
            (MetricKind::Section, "没有部分“x”", "no section \"x\""),
            (
                MetricKind::FirmField,
                "没有企业信息字段（size、sector）“x”",
                "no firm field (size or sector) \"x\"",
            ),
        ] {
            assert_eq!(text(what), crate::domain::model::text::Text::new(zh, en));
        }
    }
}
