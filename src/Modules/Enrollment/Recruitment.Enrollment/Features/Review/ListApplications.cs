using Marten.Pagination;

namespace Recruitment.Enrollment.Features.Review;

internal sealed record ApplicationSummary(
    Guid Id, int Year, string Track, string Status, string Name, string MaskedDocumentNumber, string SpecialtyCode, string? OtherSpecialty, string Category,
    bool IsFreeStudent, bool IdentityVerified, IReadOnlyList<string> Flags, DateTimeOffset SubmittedAt, DateTimeOffset UpdatedAt);

internal sealed record StatusCounts(int? Year, IReadOnlyDictionary<string, int> Counts, int Total);

internal sealed record StaffApplicationView(ApplicationView Application, string DocumentNumber, string Mobile,
    Domain.Profile? Profile, AssistantGpForm? Form, FreeStudentRecord? FreeStudentRecord);

/// <summary>
/// GET /api/enrollment/bases/{baseCode}/applications (filters, search by name or the end of the ID number, paging) and GET /applications/{id}: what a
/// base reviews (ENR-30). A base admin sees only their own base; the center sees every base.
/// </summary>
internal sealed class ListApplicationsEndpoints : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/enrollment/bases/{baseCode}/applications", async (string baseCode, int? year, string? status, string? specialty,
                string? category, string? track, string? flag, string? q, int? page, int? pageSize, HttpContext http, IEnrollmentStore store,
                CancellationToken ct) =>
            {
                baseCode = baseCode.ToUpperInvariant();
                http.User.EnsureActsForBase(baseCode);
                var paging = Paging.From(page, pageSize);
                await using var session = store.QuerySession();
                var query = session.Query<Application>().Where(a => a.BaseCode == baseCode);
                if (year is { } y) query = query.Where(a => a.Year == y);
                if (status is not null) { var s = ApplicationAccess.Filter<ApplicationStatus>(status, "status"); query = query.Where(a => a.Status == s); }
                if (category is not null) { var c = ApplicationAccess.Filter<Category>(category, "category"); query = query.Where(a => a.Category == c); }
                if (track is not null) { var t = ApplicationAccess.Filter<Track>(track, "track"); query = query.Where(a => a.Track == t); }
                if (specialty is not null) { var code = specialty.ToUpperInvariant(); query = query.Where(a => a.SpecialtyCode == code); }
                if (flag is not null) { var f = flag.Trim().ToUpperInvariant(); query = query.Where(a => a.Flags.Contains(f)); }
                // q: part of the name, or the end of the document number (what a desk reads off a masked ID or a card).
                if (q?.Trim() is { Length: > 0 } text)
                {
                    var upper = text.ToUpperInvariant();
                    query = text.Length >= 4 && upper.All(c => char.IsAsciiDigit(c) || c == 'X')
                        ? query.Where(a => a.DocumentNumber.EndsWith(upper) || a.Name.Contains(text))
                        : query.Where(a => a.Name.Contains(text));
                }
                var rows = await query.OrderBy(a => a.SubmittedAt).ThenBy(a => a.Id).ToPagedListAsync(paging.Page, paging.PageSize, ct);
                return paging.Of(rows.Select(Summary).ToList(), rows.TotalItemCount);
            })
            .RequireAuthorization(Policies.BaseOrCenterAdmin).WithTags("Enrollment: bases");

        // The work queue's counts per status: one column read for the base, counted here (a base holds hundreds to a few thousand).
        app.MapGet("/api/enrollment/bases/{baseCode}/applications/counts", async (string baseCode, int? year, HttpContext http,
                IEnrollmentStore store, CancellationToken ct) =>
            {
                baseCode = baseCode.ToUpperInvariant();
                http.User.EnsureActsForBase(baseCode);
                await using var session = store.QuerySession();
                var query = session.Query<Application>().Where(a => a.BaseCode == baseCode);
                if (year is { } y) query = query.Where(a => a.Year == y);
                var statuses = await query.Select(a => a.Status).ToListAsync(ct);
                var counts = statuses.GroupBy(s => s.ToString()).OrderBy(g => g.Key, StringComparer.Ordinal)
                    .ToDictionary(g => g.Key, g => g.Count());
                return new StatusCounts(year, counts, statuses.Count);
            })
            .RequireAuthorization(Policies.BaseOrCenterAdmin).WithTags("Enrollment: bases");

        app.MapGet("/api/enrollment/applications/{applicationId:guid}", async (Guid applicationId, HttpContext http, IEnrollmentStore store,
                CancellationToken ct) =>
            {
                await using var session = store.QuerySession();
                var a = await ApplicationAccess.ReadForStaff(session, applicationId, http.User, ct);
                return new StaffApplicationView(await ApplicationTimeline.ViewAsync(session, a, ct), a.DocumentNumber, a.Mobile, a.Profile,
                    a.Form, a.FreeStudentRecord);
            })
            .RequireAuthorization(Policies.BaseOrCenterAdmin).WithTags("Enrollment: bases");
    }

    private static ApplicationSummary Summary(Application a) =>
        new(a.Id, a.Year, a.Track.ToString(), a.Status.ToString(), a.Name, Documents.EnrollmentDocuments.MaskedId(a.DocumentNumber), a.SpecialtyCode, a.OtherSpecialty, a.Category.ToString(),
            a.IsFreeStudent, a.IdentityVerified, a.Flags, a.SubmittedAt, a.UpdatedAt);
}
