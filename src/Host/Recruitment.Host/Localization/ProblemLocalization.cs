using Microsoft.Net.Http.Headers;

namespace Recruitment.Host.Localization;

/// <summary>
/// Every problem, thrown or returned, is written through <see cref="IProblemDetailsService"/>, whose one
/// customisation point is <see cref="ProblemDetailsOptions.CustomizeProblemDetails"/>. This wraps whatever
/// customisation the host already has (the stable <c>code</c>) and then localises <c>title</c> and
/// <c>detail</c> by that code: Chinese (zh-CN) unless the caller's <c>Accept-Language</c> prefers English.
/// The English text is left exactly as the refusal wrote it; codes never change.
/// </summary>
internal static class ProblemLocalization
{
    public const string Chinese = "zh-CN";
    public const string English = "en";

    public static IServiceCollection AddProblemLocalization(this IServiceCollection services)
    {
        services.PostConfigure<ProblemDetailsOptions>(options =>
        {
            var inner = options.CustomizeProblemDetails;
            options.CustomizeProblemDetails = context =>
            {
                inner?.Invoke(context);
                Localize(context, ProblemCatalogue.Shared);
            };
        });
        return services;
    }

    public static void Localize(ProblemDetailsContext context, ProblemCatalogue catalogue)
    {
        var language = Language(context.HttpContext.Request);
        var response = context.HttpContext.Response;
        if (!response.HasStarted)
        {
            response.Headers.ContentLanguage = language;
            response.Headers.Append(HeaderNames.Vary, HeaderNames.AcceptLanguage);
        }
        if (language == English) return;

        var problem = context.ProblemDetails;
        problem.Title = catalogue.ChineseTitle(problem.Status) ?? problem.Title;
        if (problem.Extensions.TryGetValue("code", out var code) && code is string text)
            problem.Detail = catalogue.Chinese(text, problem.Detail, problem.Extensions) ?? problem.Detail;
    }

    /// <summary>
    /// English when the caller's most preferred language we speak is English; Chinese otherwise, which is
    /// also the answer for no header, a wildcard or only languages we do not speak.
    /// </summary>
    public static string Language(HttpRequest request)
    {
        IList<StringWithQualityHeaderValue> accepted;
        try { accepted = request.GetTypedHeaders().AcceptLanguage; }
        catch (FormatException) { return Chinese; }
        var best = accepted
            .Where(a => a.Quality is null or > 0)
            .Select((a, index) => (Tag: a.Value.Value ?? "", Quality: a.Quality ?? 1, index))
            .Where(a => Speaks(a.Tag, "en") || Speaks(a.Tag, "zh"))
            .OrderByDescending(a => a.Quality).ThenBy(a => a.index)
            .FirstOrDefault();
        return best.Tag is { } tag && Speaks(tag, "en") ? English : Chinese;
    }

    private static bool Speaks(string tag, string language) =>
        tag.Equals(language, StringComparison.OrdinalIgnoreCase)
        || tag.StartsWith(language + "-", StringComparison.OrdinalIgnoreCase);
}
