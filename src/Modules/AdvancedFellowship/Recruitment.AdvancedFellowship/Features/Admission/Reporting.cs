namespace Recruitment.AdvancedFellowship.Features.Admission;

public sealed record ReportingItemRequest(string? Code, bool Received, bool Sealed);

public sealed record ReportingDocumentsRequest(IReadOnlyList<ReportingItemRequest>? Items);

public sealed record TickReportingDocuments(Guid ApplicationId, Caller Caller, ReportingDocumentsRequest Request);

public sealed record ReportingChecklistResult(Guid ApplicationId, IReadOnlyList<string> Missing);

public sealed record ReportForTraining(Guid ApplicationId, Caller Caller);

/// <summary>
/// Reporting for training (FEL-14, FEL-15). PUT /applications/{id}/reporting-documents (admin) ticks each material
/// received and sealed; POST /applications/{id}/reporting (admin, or the applicant at the desk) records the arrival,
/// refused until every material is ticked received and sealed and before the person's reporting date. From then on
/// the applicant is a fellow: /fellows/{id} with the same id.
/// </summary>
internal sealed class ReportingEndpoints : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app)
    {
        var api = app.FellowshipApi("admission");
        api.MapPut("/applications/{applicationId:guid}/reporting-documents", (Guid applicationId, ReportingDocumentsRequest request,
                Caller caller, IMessageBus bus, CancellationToken ct) =>
                bus.SendAsync<ReportingChecklistResult>(new TickReportingDocuments(applicationId, caller, request), ct, retryOnConflict: true))
            .RequireAuthorization(Policies.FellowshipAdmin);

        api.MapPost("/applications/{applicationId:guid}/reporting", (Guid applicationId, Caller caller, IMessageBus bus, CancellationToken ct) =>
                bus.SendAsync<FellowshipResult>(new ReportForTraining(applicationId, caller), ct, retryOnConflict: true))
            .RequireAuthorization(Policies.AnyUser);
    }
}

[MartenStore(typeof(IAdvancedFellowshipStore))]
public static class TickReportingDocumentsHandler
{
    public static async Task<Outcome<ReportingChecklistResult>> Handle(TickReportingDocuments command, IDocumentSession session, TimeProvider clock,
        CancellationToken ct)
    {
        var stream = await session.Events.FetchForWriting<Fellowship>(command.ApplicationId, ct);
        if (stream.Aggregate is not { } f) return FellowshipAccess.ApplicationNotFound(command.ApplicationId);
        if (f.Status != FellowshipStatus.NOTICE_ISSUED) return FellowshipAccess.WrongStatus(f, "tick reporting documents", FellowshipStatus.NOTICE_ISSUED);
        var known = ReportingChecklist.For(f.PostType!.Value).Select(i => i.Code).ToHashSet();
        var ticks = f.ReportingTicks.ToDictionary(t => t.Code);
        foreach (var item in command.Request.Items ?? [])
        {
            var code = item.Code?.Trim().ToUpperInvariant() ?? "";
            if (!known.Contains(code))
                return Refusal.Invalid("reporting.unknown_item",
                    $"'{item.Code}' is not a reporting material of this fellow: {string.Join(", ", known)} (FEL-15).");
            ticks[code] = new ReportingTick(code, item.Received, item.Sealed);
        }
        var items = ticks.Values.OrderBy(t => t.Code, StringComparer.Ordinal).ToList();
        if (!items.SequenceEqual(f.ReportingTicks.OrderBy(t => t.Code, StringComparer.Ordinal)))
            stream.AppendOne(new ReportingDocumentsTicked(items, command.Caller.Actor, clock.GetUtcNow()));
        return new ReportingChecklistResult(f.Id, ReportingChecklist.Missing(f.PostType.Value, items));
    }
}

[MartenStore(typeof(IAdvancedFellowshipStore))]
public static class ReportForTrainingHandler
{
    public static async Task<Outcome<FellowshipResult>> Handle(ReportForTraining command, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var today = ChinaTime.Date(now);
        var stream = await session.Events.FetchForWriting<Fellowship>(command.ApplicationId, ct);
        if (stream.Aggregate is not { } f) return FellowshipAccess.ApplicationNotFound(command.ApplicationId);
        if (FellowshipAccess.AdminOrOwner(command.Caller, f) is { } forbidden) return forbidden;
        if (f.Status == FellowshipStatus.REPORTED) return new FellowshipResult(f.Id, f.Status.ToString());
        if (f.Status != FellowshipStatus.NOTICE_ISSUED) return FellowshipAccess.WrongStatus(f, "report", FellowshipStatus.NOTICE_ISSUED);
        if (today < f.Notice!.ReportingDate)
            return new Refusal("reporting.before_reporting_date",
                $"Reporting opens on the date of the person's reporting notice, {f.Notice.ReportingDate:yyyy-MM-dd} (FEL-03).");
        var missing = ReportingChecklist.Missing(f.PostType!.Value, f.ReportingTicks);
        if (missing.Count > 0)
            return new Refusal("reporting.documents_incomplete",
                "Every reporting material must be received and bear the unit's official seal (FEL-15).",
                Extensions: new Dictionary<string, object?> { ["missing"] = missing });
        stream.AppendOne(new FellowReported(today, command.Caller.Actor, now));
        return new FellowshipResult(f.Id, nameof(FellowshipStatus.REPORTED));
    }
}
