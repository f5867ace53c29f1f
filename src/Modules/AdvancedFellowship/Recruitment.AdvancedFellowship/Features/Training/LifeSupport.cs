namespace Recruitment.AdvancedFellowship.Features.Training;

/// <summary>
/// BLS: <c>{ "course": "BLS", "result": "PASS", "excellent": true, "completedOn": "...", "certificateNumber": "AHA-..." }</c>.
/// ACLS: <c>{ "course": "ACLS", "reason": "..." }</c> records the recommendation.
/// </summary>
public sealed record LifeSupportRequest(LifeSupportCourse? Course, BlsOutcome? Result, bool Excellent, DateOnly? CompletedOn,
    string? CertificateNumber, string? Reason);

public sealed record RecordLifeSupport(Guid FellowId, Caller Caller, LifeSupportRequest Request);

/// <summary>
/// POST /api/advanced-fellowship/fellows/{fellowId}/life-support-results (admin): a BLS course result at the Second
/// Xiangya Hospital (a pass carries the AHA certificate number), or an ACLS recommendation, which needs the fellow's
/// latest BLS result to be a PASS marked excellent (FEL-21).
/// </summary>
internal sealed class LifeSupportEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.FellowshipApi("training").MapPost("/fellows/{fellowId:guid}/life-support-results", (Guid fellowId, LifeSupportRequest request,
                Caller caller, IMessageBus bus, CancellationToken ct) =>
                bus.SendAsync<FellowshipResult>(new RecordLifeSupport(fellowId, caller, request), ct, retryOnConflict: true))
            .RequireAuthorization(Policies.FellowshipAdmin);
}

[MartenStore(typeof(IAdvancedFellowshipStore))]
public static class RecordLifeSupportHandler
{
    public static async Task<Outcome<FellowshipResult>> Handle(RecordLifeSupport command, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var today = ChinaTime.Date(now);
        var r = command.Request;
        if ((await FellowStreams.FetchAsync(session, command.FellowId, ct, FellowshipStatus.IN_TRAINING)).Refused(out var refused, out var fetched)) return refused;
        var (stream, f) = fetched;
        switch (r.Course)
        {
            case LifeSupportCourse.BLS:
                if (r.Result is not { } outcome) return Refusal.Invalid("life_support.invalid_result", "A BLS result is PASS or FAIL.");
                if (outcome == BlsOutcome.FAIL && r.Excellent)
                    return Refusal.Invalid("life_support.invalid_result", "Only a pass can be excellent (FEL-21).");
                var certificate = r.CertificateNumber?.Trim();
                if (outcome == BlsOutcome.PASS && string.IsNullOrEmpty(certificate))
                    return Refusal.Invalid("life_support.certificate_required", "A BLS pass carries the American Heart Association certificate number (FEL-21).");
                var completedOn = r.CompletedOn ?? today;
                if (completedOn > today || completedOn < f.ReportedOn)
                    return Refusal.Invalid("life_support.invalid_date", "completedOn lies between the reporting day and today.");
                stream.AppendOne(new BlsResultRecorded(new BlsResult(outcome, r.Excellent, outcome == BlsOutcome.PASS ? certificate : null, completedOn),
                    command.Caller.Actor, now));
                break;
            case LifeSupportCourse.ACLS:
                if (f.BlsResults.OrderBy(b => b.CompletedOn).LastOrDefault() is not { Outcome: BlsOutcome.PASS, Excellent: true })
                    return new Refusal("life_support.acls_requires_excellent_bls",
                        "Only a fellow whose BLS result is a pass with excellent results is recommended for ACLS (FEL-21).");
                if (f.Acls is not null) break;
                if (FellowStreams.Text(r.Reason, "life_support.reason_required", "reason").Refused(out var no4, out var reason)) return no4;
                stream.AppendOne(new AclsRecommended(new AclsRecommendation(reason, today), command.Caller.Actor, now));
                break;
            default:
                return Refusal.Invalid("life_support.invalid_course", "course is BLS or ACLS.");
        }
        return new FellowshipResult(f.Id, f.Status.ToString());
    }
}
