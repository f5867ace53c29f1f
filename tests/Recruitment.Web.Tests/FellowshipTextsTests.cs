using Recruitment.Web.Localization;
using Recruitment.Web.Shared;

namespace Recruitment.Web.Tests;

/// <summary>
/// The fellowship pages put the server's fixed-shape texts in words (issue 19): a refusal's leading reason code goes
/// beside the rule, a timeline detail in its known shapes is shown in Chinese, anything else as the server wrote it.
/// </summary>
public sealed class FellowshipTextsTests
{
    private readonly Texts _zh = new();

    [Fact]
    public void A_refusal_s_leading_reason_code_is_split_from_its_words()
    {
        FellowshipRefusals.Split("REJECTED_PRACTICE_LOCATION：医师执业证书上的执业地点必须是派出单位（FEL-13）")
            .ShouldBe(("REJECTED_PRACTICE_LOCATION", "医师执业证书上的执业地点必须是派出单位（FEL-13）"));
        FellowshipRefusals.Split("REJECTED_PRACTICE_SCOPE: the practice scope must match the row (FEL-13)")
            .ShouldBe(("REJECTED_PRACTICE_SCOPE", "the practice scope must match the row (FEL-13)"));
        FellowshipRefusals.Split("第 1 行（Cardiology）共 2 个名额，已全部占用").ShouldBe((null, "第 1 行（Cardiology）共 2 个名额，已全部占用"));
        FellowshipRefusals.Split("FEL: not a code").ShouldBe((null, "FEL: not a code"));
    }

    [Theory]
    [InlineData("application-submitted", "row 1 PHYSICIAN", "岗位 1 · 医师")]
    [InlineData("flag-acknowledged", "WORK_YEARS_ABOVE_ROW: 主治医师资历", "工作年限超过岗位上限：主治医师资历")]
    [InlineData("notice-issued", "GLYY-FEL-2024-0101, report on 2024-07-01", "GLYY-FEL-2024-0101 · 报到日期 2024年7月1日")]
    [InlineData("fellow-reported", "reported on 2024-07-01", "报到于 2024年7月1日")]
    [InlineData("training-started", "2024-07-01..2025-06-30", "2024年7月1日–2025年6月30日")]
    [InlineData("site-rotation-planned", "GUILIN 2024-07-01..2024-12-31, XIANGYA2 2025-01-01..2025-06-30",
        "桂林院区 2024年7月1日–2024年12月31日；湘雅二医院 2025年1月1日–2025年6月30日")]
    [InlineData("mentor-assigned", "唐建华 (GL0815, CHIEF)", "唐建华（GL0815，主任医师）")]
    [InlineData("assessment-recorded", "FINAL EXCELLENT (final)", "结业考核 · 优秀")]
    [InlineData("application-rejected", "名额已满 (row 1)", "名额已满 (row 1)")]
    [InlineData("site-rotation-planned", "somewhere else", "somewhere else")]
    public void A_timeline_detail_in_a_known_shape_is_put_in_words(string @event, string detail, string expected) =>
        FellowshipTimelineDetails.Describe(_zh, @event, detail).ShouldBe(expected);
}
