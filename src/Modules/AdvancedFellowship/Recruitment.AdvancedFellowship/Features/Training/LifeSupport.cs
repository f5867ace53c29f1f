namespace Recruitment.AdvancedFellowship.Features.Training;

/// <summary>
/// BLS: <c>{ "course": "BLS", "result": "PASS", "excellent": true, "completedOn": "...", "certificateNumber": "AHA-..." }</c>.
/// ACLS: <c>{ "course": "ACLS", "reason": "..." }</c> records the recommendation.
/// </summary>
public sealed record LifeSupportRequest(LifeSupportCourse? Course, BlsOutcome? Result, bool Excellent, DateOnly? CompletedOn,
    string? CertificateNumber, string? Reason);

public sealed record RecordLifeSupport(Guid FellowId, string Actor, LifeSupportRequest Request);

/// <summary>
/// POST /api/advanced-fellowship/fellows/{fellowId}/life-support-results (admin): a BLS course result at the Second
/// Xiangya Hospital (a pass carries the AHA certificate number), or an ACLS recommendation, which needs the fellow's
/// latest BLS result to be a PASS marked excellent (FEL-21).
/// </summary>
internal sealed class LifeSupportEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapPost("/api/advanced-fellowship/fellows/{fellowId:guid}/life-support-results", async (Guid fellowId, LifeSupportRequest request,
                ClaimsPrincipal user, IMessageBus bus, CancellationToken ct) =>
                await OptimisticRetry.RunAsync(() => bus.InvokeAsync<FellowshipResult>(new RecordLifeSupport(fellowId, user.Actor(), request), ct)))
            .RequireAuthorization(Policies.FellowshipAdmin).WithTags("AdvancedFellowship: training");
}

[MartenStore(typeof(IAdvancedFellowshipStore))]
public static class RecordLifeSupportHandler
{
    public static async Task<FellowshipResult> Handle(RecordLifeSupport command, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var today = ChinaTime.Date(now);
        var r = command.Request;
        var (stream, f) = await FellowStreams.FetchAsync(session, command.FellowId, ct, FellowshipStatus.IN_TRAINING);
        switch (r.Course)
        {
            case LifeSupportCourse.BLS:
                var outcome = r.Result ?? throw DomainException.Invalid("life_support.invalid_result", "A BLS result is PASS or FAIL.");
                if (outcome == BlsOutcome.FAIL && r.Excellent)
                    throw DomainException.Invalid("life_support.invalid_result", "Only a pass can be excellent (FEL-21).");
                var certificate = r.CertificateNumber?.Trim();
                if (outcome == BlsOutcome.PASS && string.IsNullOrEmpty(certificate))
                    throw DomainException.Invalid("life_support.certificate_required", "A BLS pass carries the American Heart Association certificate number (FEL-21).");
                var completedOn = r.CompletedOn ?? today;
                if (completedOn > today || completedOn < f.ReportedOn)
                    throw DomainException.Invalid("life_support.invalid_date", "completedOn lies between the reporting day and today.");
                stream.AppendOne(new BlsResultRecorded(new BlsResult(outcome, r.Excellent, outcome == BlsOutcome.PASS ? certificate : null, completedOn),
                    command.Actor, now));
                break;
            case LifeSupportCourse.ACLS:
                if (f.BlsResults.OrderBy(b => b.CompletedOn).LastOrDefault() is not { Outcome: BlsOutcome.PASS, Excellent: true })
                    throw new DomainException("life_support.acls_requires_excellent_bls",
                        "Only a fellow whose BLS result is a pass with excellent results is recommended for ACLS (FEL-21).");
                if (f.Acls is not null) break;
                var reason = FellowStreams.Text(r.Reason, "life_support.reason_required", "reason");
                stream.AppendOne(new AclsRecommended(new AclsRecommendation(reason, today), command.Actor, now));
                break;
            default:
                throw DomainException.Invalid("life_support.invalid_course", "course is BLS or ACLS.");
        }
        return new FellowshipResult(f.Id, f.Status.ToString());
    }
}
