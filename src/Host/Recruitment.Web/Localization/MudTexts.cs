using Microsoft.Extensions.Localization;
using MudBlazor;

namespace Recruitment.Web.Localization;

/// <summary>
/// MudBlazor's own texts (pager, date picker, dialogs, the "Required" hint) in Chinese while the UI is Chinese.
/// MudBlazor asks this localizer first; a key it does not know, or English, falls back to MudBlazor's English.
/// </summary>
public sealed class MudTexts(Texts texts) : MudLocalizer
{
    internal static readonly Dictionary<string, string> Chinese = new(StringComparer.Ordinal)
    {
        ["MudAlert_Close"] = "关闭",
        ["MudBaseDatePicker_NextMonth"] = "下个月",
        ["MudBaseDatePicker_NextYear"] = "下一年",
        ["MudBaseDatePicker_Open"] = "打开日期选择器",
        ["MudBaseDatePicker_PrevMonth"] = "上个月",
        ["MudBaseDatePicker_PrevYear"] = "上一年",
        ["MudBreadcrumbs_Label"] = "导航路径",
        ["MudChip_Close"] = "移除",
        ["MudDataGridPager_AllItems"] = "全部",
        ["MudDataGridPager_FirstPage"] = "第一页",
        ["MudDataGridPager_InfoFormat"] = "第 {0}-{1} 条，共 {2} 条", // MudBlazor passes the numbers as arguments
        ["MudDataGridPager_LastPage"] = "最后一页",
        ["MudDataGridPager_NextPage"] = "下一页",
        ["MudDataGridPager_PreviousPage"] = "上一页",
        ["MudDataGridPager_RowsPerPage"] = "每页行数：",
        ["MudDataGrid_Cancel"] = "取消",
        ["MudDataGrid_Apply"] = "应用",
        ["MudDataGrid_Clear"] = "清除",
        ["MudDataGrid_Filter"] = "筛选",
        ["MudDataGrid_Loading"] = "正在加载…",
        ["MudDataGrid_Save"] = "保存",
        ["MudDataGrid_Sort"] = "排序",
        ["MudDateRangePicker_End"] = "结束日期",
        ["MudDateRangePicker_Start"] = "开始日期",
        ["MudDialog_Close"] = "关闭对话框",
        ["MudExitPrompt_Cancel"] = "取消",
        ["MudExitPrompt_Exit"] = "离开",
        ["MudExitPrompt_Text"] = "您有尚未保存的修改，确定要离开吗？",
        ["MudExitPrompt_Title"] = "离开此页？",
        ["MudFileUpload_Button"] = "选择文件",
        ["MudFileUpload_DragAndDrop"] = "把文件拖到这里",
        ["MudFormComponent_Required"] = "必填",
        ["MudInput_Clear"] = "清除",
        ["MudInput_Decrement"] = "减少",
        ["MudInput_Increment"] = "增加",
        ["MudNavGroup_ToggleExpand"] = "展开或收起 {0}",
        ["MudPagination_CurrentPage"] = "当前第 {0} 页",
        ["MudPagination_FirstPage"] = "第一页",
        ["MudPagination_LastPage"] = "最后一页",
        ["MudPagination_NextPage"] = "下一页",
        ["MudPagination_PageIndex"] = "第 {0} 页",
        ["MudPagination_PreviousPage"] = "上一页",
        ["MudSelect_SelectAll"] = "全选",
        ["MudSnackbar_Close"] = "关闭",
        ["MudStepper_Complete"] = "完成",
        ["MudStepper_Next"] = "下一步",
        ["MudStepper_Previous"] = "上一步",
        ["MudStepper_Reset"] = "重置",
        ["MudStepper_Skip"] = "跳过",
        ["MudTablePager_FirstPage"] = "第一页",
        ["MudTablePager_LastPage"] = "最后一页",
        ["MudTablePager_NextPage"] = "下一页",
        ["MudTablePager_PreviousPage"] = "上一页",
        ["MudTable_Loading"] = "正在加载…",
        ["MudTimePicker_Open"] = "打开时间选择器",
        ["MudTreeView_CollapseItem"] = "收起",
        ["MudTreeView_ExpandItem"] = "展开",
    };

    public override LocalizedString this[string key] =>
        texts.IsChinese && Chinese.TryGetValue(key, out var zh) ? new LocalizedString(key, zh) : new LocalizedString(key, key, resourceNotFound: true);

    public override LocalizedString this[string key, params object[] arguments] =>
        texts.IsChinese && Chinese.TryGetValue(key, out var zh)
            ? new LocalizedString(key, arguments.Length == 0 ? zh : Format(zh, arguments))
            : new LocalizedString(key, key, resourceNotFound: true);

    /// <summary>A text whose placeholders do not fit MudBlazor's arguments must not break the page: then the text as it is.</summary>
    private string Format(string text, object[] arguments)
    {
        try
        {
            return string.Format(texts.Culture, text, arguments);
        }
        catch (FormatException)
        {
            return text;
        }
    }
}
