using Carter;
using Marten;
using Marten.Pagination;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Recruitment.BuildingBlocks;
using Recruitment.TrainingExemption.Domain;

namespace Recruitment.TrainingExemption.Features.Requests;

internal sealed record RequestSummary(Guid RequestId, int Year, string Name, string BaseCode, string SpecialtyCode, string Status,
    string? Basis, int? ProposedMonths, int? DecidedMonths, DateTimeOffset RequestedAt, DateTimeOffset UpdatedAt);

internal sealed record RequestView(ExemptionCase Request, IReadOnlyList<TimelineEntry> Timeline);

/// <summary>
/// Views of exemption requests (EXM-08): the requester sees their own with its timeline; a base admin
/// lists and opens its own base's requesters; the center sees all, filterable by base and status.
/// </summary>
internal sealed class ReadRequestsEndpoints : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/training-exemption/me/request", async (HttpContext http, ITrainingExemptionStore store, CancellationToken ct) =>
            {
                var applicantId = http.User.AccountId();
                await using var session = store.QuerySession();
                var request = await session.Query<ExemptionCase>().Where(c => c.ApplicantId == applicantId).OrderByDescending(c => c.Year)
                                  .FirstOrDefaultAsync(ct)
                              ?? throw DomainException.NotFound("exemption.not_found", "You have no exemption request.");
                return await ViewAsync(session, request, ct);
            })
            .RequireAuthorization(Policies.Applicant).WithTags("TrainingExemption");

        app.MapGet("/api/training-exemption/requests", async (string? baseCode, string? status, int? year, int? page, int? pageSize,
                HttpContext http, ITrainingExemptionStore store, CancellationToken ct) =>
            {
                var paging = Paging.From(page, pageSize);
                var code = baseCode?.ToUpperInvariant() ?? http.User.BaseCode();
                if (code is null && !http.User.IsInRole(Roles.CenterAdmin))
                    throw DomainException.Invalid("request.base_required", "baseCode is required.");
                if (code is not null) http.User.EnsureActsForBase(code);
                await using var session = store.QuerySession();
                var query = session.Query<ExemptionCase>().AsQueryable();
                if (code is not null) query = query.Where(c => c.BaseCode == code);
                if (year is { } y) query = query.Where(c => c.Year == y);
                if (status is not null)
                {
                    var s = Enum.TryParse<ExemptionStatus>(status, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) ? parsed
                        : throw DomainException.Invalid("request.invalid_filter", $"status must be one of {string.Join(", ", Enum.GetNames<ExemptionStatus>())}.");
                    query = query.Where(c => c.Status == s);
                }
                var rows = await query.OrderBy(c => c.RequestedAt).ThenBy(c => c.Id).ToPagedListAsync(paging.Page, paging.PageSize, ct);
                return paging.Of(rows.Select(c => new RequestSummary(c.Id, c.Year, c.Name, c.BaseCode, c.SpecialtyCode, c.Status.ToString(),
                    c.Form?.Basis.ToString(), c.BaseForm?.ProposedMonths, c.Determination?.TrainingMonths, c.RequestedAt, c.UpdatedAt)).ToList(),
                    rows.TotalItemCount);
            })
            .RequireAuthorization(Policies.BaseOrCenterAdmin).WithTags("TrainingExemption");

        app.MapGet("/api/training-exemption/requests/{requestId:guid}", async (Guid requestId, HttpContext http, ITrainingExemptionStore store,
                CancellationToken ct) =>
            {
                await using var session = store.QuerySession();
                return await ViewAsync(session, await ForStaffAsync(session, requestId, http, ct), ct);
            })
            .RequireAuthorization(Policies.BaseOrCenterAdmin).WithTags("TrainingExemption");
    }

    /// <summary>A request as staff may see it: a base admin only their own base's.</summary>
    internal static async Task<ExemptionCase> ForStaffAsync(IQuerySession session, Guid requestId, HttpContext http, CancellationToken ct)
    {
        var request = await session.LoadAsync<ExemptionCase>(requestId, ct)
                      ?? throw DomainException.NotFound("exemption.not_found", $"No exemption request {requestId}.");
        http.User.EnsureActsForBase(request.BaseCode);
        return request;
    }

    private static async Task<RequestView> ViewAsync(IQuerySession session, ExemptionCase request, CancellationToken ct)
    {
        var replay = new ExemptionCase();
        var timeline = new List<TimelineEntry>();
        foreach (var e in await session.Events.FetchStreamAsync(request.Id, token: ct))
        {
            if (e.Data is not IExemptionEvent change) continue;
            replay.On(change);
            timeline.Add(new TimelineEntry(change.At, Timeline.EventName(change), replay.Status.ToString(), change.Actor, Detail(change)));
        }
        return new RequestView(request, timeline);
    }

    private static string? Detail(IExemptionEvent e) => e switch
    {
        ExemptionRequestRefused r => $"{r.Code}: {r.Detail}",
        BaseFormSaved f => $"{f.Form.ProposedMonths} months proposed",
        CapabilityAssessed a => a.Assessment.Result.ToString(),
        ExemptionDetermined d => d.Determination.Approved ? $"approved: {d.Determination.TrainingMonths} months" : $"rejected: {d.Determination.Reason}",
        DeterminationReopened r => r.Reason,
        _ => null,
    };
}
