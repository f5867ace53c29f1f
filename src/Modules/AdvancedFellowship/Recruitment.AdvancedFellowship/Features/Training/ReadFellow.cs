namespace Recruitment.AdvancedFellowship.Features.Training;

/// <summary>GET /api/advanced-fellowship/fellows/{fellowId} (admin, the fellow): mentor, rotation, evaluations, projects and ledger, BLS/ACLS, assessments, certificate, timeline.</summary>
internal sealed class ReadFellowEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.FellowshipApi("training").MapGet("/fellows/{fellowId:guid}", async (Guid fellowId, Caller caller, IAdvancedFellowshipStore store,
                CancellationToken ct) =>
            {
                await using var session = store.QuerySession();
                return (await FellowshipAccess.FellowFor(session, fellowId, caller, ct)).Refused(out var refused, out var f)
                    ? refused.ToResult()
                    : Results.Ok(await FellowshipViews.ViewAsync(session, f, ct));
            })
            .RequireAuthorization(Policies.AnyUser);
}
