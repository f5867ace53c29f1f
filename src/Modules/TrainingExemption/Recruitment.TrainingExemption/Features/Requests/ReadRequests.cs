using Marten.Pagination;

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
        var api = app.ExemptionApi();
        api.MapGet("/me/request", async (Caller caller, ITrainingExemptionStore store, CancellationToken ct) =>
            {
                await using var session = store.QuerySession();
                var request = await session.Query<ExemptionCase>().Where(c => c.ApplicantId == caller.AccountId).OrderByDescending(c => c.Year)
                    .FirstOrDefaultAsync(ct);
                return request is null
                    ? Refusal.NotFound("exemption.not_found", "You have no exemption request.").ToResult()
                    : Results.Ok(await ViewAsync(session, request, ct));
            })
            .RequireAuthorization(Policies.Applicant);

        api.MapGet("/requests", async (string? baseCode, string? status, int? year, int? page, int? pageSize,
                Caller caller, ITrainingExemptionStore store, CancellationToken ct) =>
            {
                var paging = Paging.From(page, pageSize);
                var code = baseCode?.ToUpperInvariant() ?? caller.BaseCode;
                if (code is null && !caller.Is(Roles.CenterAdmin))
                    return Refusal.Invalid("request.base_required", "baseCode is required.").ToResult();
                if (code is not null && caller.ActsForBase(code) is { } forbidden) return forbidden.ToResult();
                await using var session = store.QuerySession();
                var query = session.Query<ExemptionCase>().AsQueryable();
                if (code is not null) query = query.Where(c => c.BaseCode == code);
                if (year is { } y) query = query.Where(c => c.Year == y);
                if (status is not null)
                {
                    if (Filters.Parse<ExemptionStatus>(status, nameof(status)).Refused(out var invalid, out var s)) return invalid.ToResult();
                    query = query.Where(c => c.Status == s);
                }
                var rows = await query.OrderBy(c => c.RequestedAt).ThenBy(c => c.Id).ToPagedListAsync(paging.Page, paging.PageSize, ct);
                return Results.Ok(paging.Of(rows.Select(c => new RequestSummary(c.Id, c.Year, c.Name, c.BaseCode, c.SpecialtyCode, c.Status.ToString(),
                    c.Form?.Basis.ToString(), c.BaseForm?.ProposedMonths, c.Determination?.TrainingMonths, c.RequestedAt, c.UpdatedAt)).ToList(),
                    rows.TotalItemCount));
            })
            .RequireAuthorization(Policies.BaseOrCenterAdmin);

        api.MapGet("/requests/{requestId:guid}", async (Guid requestId, Caller caller, ITrainingExemptionStore store, CancellationToken ct) =>
            {
                await using var session = store.QuerySession();
                var found = await ExemptionAccess.ForStaffAsync(session, requestId, caller, ct);
                return found.Refused(out var refused, out var request) ? refused.ToResult() : Results.Ok(await ViewAsync(session, request, ct));
            })
            .RequireAuthorization(Policies.BaseOrCenterAdmin);
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
