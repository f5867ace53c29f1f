using Recruitment.AdvancedFellowship.Features.Review;

namespace Recruitment.AdvancedFellowship.Features.Applications;

public sealed record WithdrawFellowshipApplication(Guid ApplicantId, string Actor, int? Year, string? Reason);

/// <summary>
/// GET /api/advanced-fellowship/me/application: the applicant's status and timeline (FEL-12), from draft to certificate.
/// DELETE: withdrawal by the applicant before reporting; a place they held goes back to the row (FEL-10). While the
/// window is open they may apply again on the same stream.
/// </summary>
internal sealed class MyApplicationEndpoints : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app)
    {
        var me = app.MapGroup("/api/advanced-fellowship/me/application").RequireAuthorization(Policies.FellowshipApplicant)
            .WithTags("AdvancedFellowship: applicants");
        me.MapGet("", async (int? year, ClaimsPrincipal user, IAdvancedFellowshipStore store, CancellationToken ct) =>
        {
            await using var session = store.QuerySession();
            return await FellowshipViews.ViewAsync(session, await FellowshipAccess.Own(session, user.AccountId(), year, ct), ct);
        });
        me.MapDelete("", async (int? year, string? reason, ClaimsPrincipal user, IMessageBus bus, CancellationToken ct) =>
            await OptimisticRetry.RunAsync(() =>
                bus.InvokeAsync<FellowshipResult>(new WithdrawFellowshipApplication(user.AccountId(), user.Actor(), year, reason), ct)));
    }
}

[MartenStore(typeof(IAdvancedFellowshipStore))]
public static class WithdrawFellowshipApplicationHandler
{
    private static readonly FellowshipStatus[] Withdrawable =
    [
        FellowshipStatus.DRAFT, FellowshipStatus.SUBMITTED, FellowshipStatus.UNDER_REVIEW, FellowshipStatus.PROPOSED, FellowshipStatus.NOTICE_ISSUED,
    ];

    public static async Task<FellowshipResult> Handle(WithdrawFellowshipApplication command, IDocumentSession session, TimeProvider clock,
        CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var own = await FellowshipAccess.Own(session, command.ApplicantId, command.Year, ct);
        var stream = await session.Events.FetchForWriting<Fellowship>(own.Id, ct);
        var f = stream.Aggregate!;
        if (!Withdrawable.Contains(f.Status)) throw FellowshipAccess.WrongStatus(f, "withdraw", Withdrawable).ToException();
        var reason = command.Reason?.Trim();
        stream.AppendOne(new ApplicationWithdrawn(reason, command.Actor, now));
        if (f.HoldsPlace) await Quotas.ReleaseAsync(session, f, $"withdrawn: {reason ?? "no reason given"}", command.Actor, now, ct);
        return new FellowshipResult(f.Id, nameof(FellowshipStatus.WITHDRAWN));
    }
}
