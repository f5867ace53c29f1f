namespace Recruitment.AdvancedFellowship.Features.Review;

internal sealed record SelectionRow(int PositionNo, string DepartmentCode, string Department, int TableQuota, int Adjustment, int Quota, int Held, int Free);

internal sealed record SelectionView(int Year, IntakeBand IntakeBand, int TotalQuota, int Held, IReadOnlyList<string> Warnings,
    IReadOnlyList<SelectionRow> Rows);

internal sealed record AdmittedFellow(string Name, int PositionNo, string Department, string DepartmentZh, string PostType, string? SendingUnit);

public sealed record QuotaTransferRequest(int? FromPositionNo, int? ToPositionNo, int? Places, string? Reason);

public sealed record TransferPlaces(int Year, string Actor, QuotaTransferRequest Request);

public sealed record QuotaTransferResult(int Year, int FromPositionNo, int FromQuota, int ToPositionNo, int ToQuota);

/// <summary>
/// The year's selection at a glance and the public result (FEL-10, FEL-12):
/// GET /cycles/{year}/selection (admin): per row the quota, places held and free, the year total against the intake
/// band with SOFT warnings; POST /cycles/{year}/quota-transfers (admin): move unused places between rows with a
/// reason (the year total is unchanged); GET /cycles/{year}/admitted (anyone): the public list of admitted fellows.
/// </summary>
internal sealed class SelectionEndpoints : ICarterModule
{
    private static readonly FellowshipStatus[] Admitted =
    [
        FellowshipStatus.PROPOSED, FellowshipStatus.NOTICE_ISSUED, FellowshipStatus.REPORTED, FellowshipStatus.IN_TRAINING,
        FellowshipStatus.ASSESSED, FellowshipStatus.CERTIFIED, FellowshipStatus.NOT_CERTIFIED, FellowshipStatus.RETURNED,
    ];

    public void AddRoutes(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/advanced-fellowship/cycles/{year:int}/selection", async (int year, IAdvancedFellowshipStore store, CancellationToken ct) =>
            {
                await using var session = store.QuerySession();
                return await SelectionAsync(session, year, ct);
            })
            .RequireAuthorization(Policies.FellowshipAdmin).WithTags("AdvancedFellowship: selection");

        app.MapPost("/api/advanced-fellowship/cycles/{year:int}/quota-transfers", async (int year, QuotaTransferRequest request, ClaimsPrincipal user,
                IMessageBus bus, CancellationToken ct) =>
                await OptimisticRetry.RunAsync(() => bus.InvokeAsync<QuotaTransferResult>(new TransferPlaces(year, user.Actor(), request), ct)))
            .RequireAuthorization(Policies.FellowshipAdmin).WithTags("AdvancedFellowship: selection");

        app.MapGet("/api/advanced-fellowship/cycles/{year:int}/admitted", async (int year, int? page, int? pageSize, IAdvancedFellowshipStore store,
                CancellationToken ct) =>
            {
                var paging = Paging.From(page, pageSize);
                await using var session = store.QuerySession();
                var cycle = await FellowshipAccess.Cycle(session, year, ct);
                var admitted = await session.Query<Fellowship>().Where(f => f.Year == year && f.Status.IsOneOf(Admitted)).ToListAsync(ct);
                var rows = admitted
                    .Select(f => (f, position: cycle.Find(f.PositionNo ?? 0)))
                    .OrderBy(x => x.f.PositionNo).ThenBy(x => x.f.PlaceNumber).ThenBy(x => x.f.Name, StringComparer.Ordinal)
                    .Select(x => new AdmittedFellow(x.f.Name, x.f.PositionNo ?? 0, x.position?.DepartmentEn ?? "", x.position?.DepartmentZh ?? "",
                        x.f.PostType?.ToString() ?? "", x.f.SendingUnitName))
                    .ToList();
                return paging.Of(rows.Skip(paging.Skip).Take(paging.PageSize).ToList(), rows.Count);
            })
            .AllowAnonymous().WithTags("AdvancedFellowship: selection");
    }

    internal static async Task<SelectionView> SelectionAsync(IQuerySession session, int year, CancellationToken ct)
    {
        var cycle = await FellowshipAccess.Cycle(session, year, ct);
        var quotas = (await session.Query<PositionQuota>().Where(q => q.Year == year).ToListAsync(ct)).ToDictionary(q => q.PositionNo);
        var rows = cycle.Positions.OrderBy(p => p.No).Select(p =>
        {
            var q = quotas.GetValueOrDefault(p.No) ?? new PositionQuota();
            return new SelectionRow(p.No, p.DepartmentCode, p.DepartmentEn, p.Quota, q.Adjustment, q.Effective(p), q.Holders.Count, q.Free(p));
        }).ToList();
        var held = rows.Sum(r => r.Held);
        var warnings = new List<string>();
        if (held < cycle.IntakeBand.Min) warnings.Add("BELOW_INTAKE_BAND");
        if (held > cycle.IntakeBand.Max) warnings.Add("ABOVE_INTAKE_BAND");
        return new SelectionView(year, cycle.IntakeBand, rows.Sum(r => r.Quota), held, warnings, rows);
    }
}

[MartenStore(typeof(IAdvancedFellowshipStore))]
public static class TransferPlacesHandler
{
    public static async Task<QuotaTransferResult> Handle(TransferPlaces command, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var r = command.Request;
        if (r.FromPositionNo is not { } fromNo || r.ToPositionNo is not { } toNo || r.Places is not { } places || places < 1 || fromNo == toNo)
            throw DomainException.Invalid("quota.invalid_transfer", "fromPositionNo, toPositionNo (another row) and places (at least 1) are required.");
        if (Filters.Required(r.Reason, "quota.reason_required", "Moving places between rows needs a recorded reason (FEL-10).").Refused(out var noreason, out var reason)) throw noreason.ToException();
        var cycle = await FellowshipAccess.Cycle(session, command.Year, ct);
        var from = cycle.Find(fromNo) ?? throw DomainException.NotFound("application.unknown_position", $"No row {fromNo} in {cycle.Id}.");
        var to = cycle.Find(toNo) ?? throw DomainException.NotFound("application.unknown_position", $"No row {toNo} in {cycle.Id}.");
        var (fromStream, fromQuota) = await Quotas.FetchAsync(session, cycle.Id, from.No, ct);
        var (toStream, toQuota) = await Quotas.FetchAsync(session, cycle.Id, to.No, ct);
        if (fromQuota.Free(from) < places)
            throw new DomainException("quota.transfer_exceeds_free_places",
                $"Row {from.No} has {fromQuota.Free(from)} unused place(s); only unused places move (FEL-10).");
        fromStream.AppendOne(new PlacesMoved(cycle.Id, from.No, -places, to.No, reason, command.Actor, now));
        toStream.AppendOne(new PlacesMoved(cycle.Id, to.No, places, from.No, reason, command.Actor, now));
        return new QuotaTransferResult(cycle.Id, from.No, fromQuota.Effective(from) - places, to.No, toQuota.Effective(to) + places);
    }
}
