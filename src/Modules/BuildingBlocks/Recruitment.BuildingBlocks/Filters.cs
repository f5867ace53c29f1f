namespace Recruitment.BuildingBlocks;

/// <summary>Small checks of request values shared by every module.</summary>
public static class Filters
{
    /// <summary>A value naming an enum member (any case); anything else is a 400 <c>request.invalid_filter</c>, never an empty list.</summary>
    public static Outcome<T> Parse<T>(string value, string name, string code = "request.invalid_filter") where T : struct, Enum =>
        Enum.TryParse<T>(value, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed)
            ? parsed
            : Refusal.Invalid(code, $"{name} must be one of {string.Join(", ", Enum.GetNames<T>())}.");

    /// <summary>A required text, trimmed; a missing or blank one is a 400 with the given code.</summary>
    public static Outcome<string> Required(string? text, string code, string detail) =>
        string.IsNullOrWhiteSpace(text) ? Refusal.Invalid(code, detail) : text.Trim();
}
