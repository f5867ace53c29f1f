using Carter;
using Microsoft.AspNetCore.Builder;

namespace Recruitment.AccessAudit.Features;

/// <summary>What the center sees of one access: everything that was recorded.</summary>
internal sealed record AccessRecordView(Guid Id, DateTimeOffset At, string Action, Guid? StaffId, string StaffRole, string? StaffName,
    string? StaffBaseCode, string What, string Method, string Route, string Path, int Status, string? Address,
    string? SubjectKind, Guid? SubjectId, Guid? ApplicantId, string? SubjectBaseCode);

/// <summary>What an applicant sees: who (name, role, base) did what with their data, and when; not the staff's address or account.</summary>
internal sealed record MyAccessView(DateTimeOffset At, string Action, string StaffRole, string? StaffName, string? StaffBaseCode, string What);

/// <summary>
/// The access audit, read: the center asks who accessed an applicant's data (by applicant, by record, by staff
/// member, by date, paged); an applicant sees who at which base accessed theirs. Nobody else reads it.
/// </summary>
internal sealed class ReadAccessAuditEndpoints : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/access-audit/records", async (Guid? applicantId, Guid? subjectId, Guid? staffId, string? action,
                DateOnly? from, DateOnly? to, int? page, int? pageSize, IAccessAuditStore store, CancellationToken ct) =>
            {
                var paging = Paging.From(page, pageSize);
                AccessAction? wanted = action is null ? null
                    : Enum.TryParse<AccessAction>(action, ignoreCase: true, out var a) ? a
                    : throw DomainException.Invalid("request.invalid_filter", "action must be one of READ, CHANGE.");
                if (from is { } f && to is { } t && t < f)
                    throw DomainException.Invalid("audit.invalid_period", $"The period ends ({t:yyyy-MM-dd}) before it starts ({f:yyyy-MM-dd}).");

                await using var session = store.QuerySession();
                var query = session.Query<AccessRecord>().AsQueryable();
                if (applicantId is { } applicant) query = query.Where(r => r.ApplicantId == applicant);
                if (subjectId is { } subject) query = query.Where(r => r.SubjectId == subject);
                if (staffId is { } staff) query = query.Where(r => r.StaffId == staff);
                if (wanted is { } w) query = query.Where(r => r.Action == w);
                // Dates are China dates, both ends included.
                if (from is { } start) { var since = ChinaTime.StartOf(start); query = query.Where(r => r.At >= since); }
                if (to is { } end) { var before = ChinaTime.StartOf(end.AddDays(1)); query = query.Where(r => r.At < before); }

                var total = await query.CountAsync(ct);
                var items = await query.OrderByDescending(r => r.At).ThenBy(r => r.Id).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
                return paging.Of(items.Select(r => new AccessRecordView(r.Id, r.At, r.Action.ToString(), r.StaffId, r.StaffRole, r.StaffName,
                    r.StaffBaseCode, r.What, r.Method, r.Route, r.Path, r.Status, r.Address, r.SubjectKind, r.SubjectId, r.ApplicantId,
                    r.SubjectBaseCode)).ToList(), total);
            })
            .RequireAuthorization(Policies.CenterAdmin).WithTags("Access audit");

        app.MapGet("/api/access-audit/me/access-log", async (int? page, int? pageSize, HttpContext http, IAccessAuditStore store,
                CancellationToken ct) =>
            {
                var paging = Paging.From(page, pageSize);
                var me = http.User.AccountId();
                await using var session = store.QuerySession();
                var query = session.Query<AccessRecord>().Where(r => r.ApplicantId == me);
                var total = await query.CountAsync(ct);
                var items = await query.OrderByDescending(r => r.At).ThenBy(r => r.Id).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
                return paging.Of(items.Select(r => new MyAccessView(r.At, r.Action.ToString(), r.StaffRole, r.StaffName, r.StaffBaseCode, r.What))
                    .ToList(), total);
            })
            .RequireAuthorization(Policies.AnyApplicant).WithTags("Access audit");
    }
}
