using Marten.Pagination;

namespace Recruitment.AdvancedFellowship.Features.Review;

internal sealed record ApplicationSummary(Guid Id, int Year, string Status, string Name, int? PositionNo, string? PostType, string? SendingUnit,
    IReadOnlyList<string> Flags, IReadOnlyList<string> UnacknowledgedFlags, DateTimeOffset? SubmittedAt, DateTimeOffset UpdatedAt);

internal sealed record StaffFellowshipView(FellowshipView Application, string DocumentNumber, string Mobile, DateOnly BirthDate,
    IReadOnlyList<ReportingItemView> ReportingChecklist);

internal sealed record ReportingItemView(string Code, string Label, bool Received, bool Sealed);

/// <summary>
/// GET /api/advanced-fellowship/applications (filters: year, status, position, postType, flagged; paging) and GET
/// /applications/{id}: what the Science &amp; Education Dept. reviews (FEL-12), with the full form, the uploads as
/// submitted, the flags and the timeline. Drafts are the applicant's own and are not listed unless asked for.
/// </summary>
internal sealed class ListApplicationsEndpoints : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/advanced-fellowship/applications", async (int? year, string? status, int? position, string? postType, bool? flagged,
                int? page, int? pageSize, IAdvancedFellowshipStore store, CancellationToken ct) =>
            {
                var paging = Paging.From(page, pageSize);
                await using var session = store.QuerySession();
                var query = session.Query<Fellowship>().AsQueryable();
                if (year is { } y) query = query.Where(f => f.Year == y);
                if (status is not null)
                {
                    if (Filters.Parse<FellowshipStatus>(status, nameof(status)).Refused(out var invalid, out var s)) return invalid.ToResult();
                    query = query.Where(f => f.Status == s);
                }
                else
                {
                    query = query.Where(f => f.Status != FellowshipStatus.DRAFT);
                }
                if (position is { } no) query = query.Where(f => f.PositionNo == no);
                if (postType is not null)
                {
                    if (Filters.Parse<PostType>(postType, nameof(postType)).Refused(out var invalid, out var t)) return invalid.ToResult();
                    query = query.Where(f => f.PostType == t);
                }
                if (flagged is { } hasFlags) query = hasFlags ? query.Where(f => f.Flags.Any()) : query.Where(f => !f.Flags.Any());
                var rows = await query.OrderBy(f => f.SubmittedAt).ThenBy(f => f.Id).ToPagedListAsync(paging.Page, paging.PageSize, ct);
                return Results.Ok(paging.Of(rows.Select(Summary).ToList(), rows.TotalItemCount));
            })
            .RequireAuthorization(Policies.FellowshipAdmin).WithTags("AdvancedFellowship: selection");

        app.MapGet("/api/advanced-fellowship/applications/{applicationId:guid}", async (Guid applicationId, IAdvancedFellowshipStore store,
                CancellationToken ct) =>
            {
                await using var session = store.QuerySession();
                var f = await FellowshipAccess.Application(session, applicationId, ct);
                var checklist = f.PostType is { } type
                    ? ReportingChecklist.For(type).Select(i =>
                    {
                        var tick = f.ReportingTicks.FirstOrDefault(t => t.Code == i.Code);
                        return new ReportingItemView(i.Code, i.Label, tick?.Received == true, tick?.Sealed == true);
                    }).ToList()
                    : [];
                return new StaffFellowshipView(await FellowshipViews.ViewAsync(session, f, ct), f.DocumentNumber, f.Mobile,
                    ResidentId.BirthDate(f.DocumentNumber), checklist);
            })
            .RequireAuthorization(Policies.FellowshipAdmin).WithTags("AdvancedFellowship: selection");
    }

    private static ApplicationSummary Summary(Fellowship f) =>
        new(f.Id, f.Year, f.Status.ToString(), f.Name, f.PositionNo, f.PostType?.ToString(), f.SendingUnitName, f.Flags, f.UnacknowledgedFlags,
            f.SubmittedAt, f.UpdatedAt);
}
