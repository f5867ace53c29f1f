namespace Recruitment.Enrollment.Features.Documents;

/// <summary>How the printed forms write the values the exports keep as codes: the forms are Chinese paper.</summary>
internal static class PrintedValues
{
    public static string Text(object? value) => value switch
    {
        null => "",
        decimal d => d.ToString("0.##", EnrollmentDocuments.Invariant),
        IFormattable f => f.ToString(null, EnrollmentDocuments.Invariant),
        _ => value.ToString() ?? "",
    };

    /// <summary>An enum value (or its name, as exports hold it) in the words of the official forms.</summary>
    public static string Chinese(object? value) => Text(value) switch
    {
        "MALE" => "男",
        "FEMALE" => "女",
        "JUNIOR_COLLEGE" => "大专",
        "BACHELOR" => "本科",
        "MASTER" => "硕士研究生",
        "DOCTORATE" => "博士研究生",
        "ACADEMIC" => "学术学位",
        "PROFESSIONAL" => "专业学位",
        "NONE" => "无学位",
        "SPONSORED" => "单位委派",
        "INDEPENDENT" => "面向社会",
        "FULL_TIME" => "全日制",
        "ADULT" => "成人教育",
        var other => other,
    };

    public static string YesNo(bool value) => value ? "是" : "否";

    public static string Month(DateOnly? date) => date?.ToString("yyyy.MM", EnrollmentDocuments.Invariant) ?? "";
}
