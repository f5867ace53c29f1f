namespace Recruitment.Examination.Features;

internal static class ExaminationRoutes
{
    /// <summary>The module's routes, under one prefix and tag.</summary>
    public static RouteGroupBuilder ExaminationApi(this IEndpointRouteBuilder app, string tag = "Examination") =>
        app.MapModule("/api/examination", tag);
}
