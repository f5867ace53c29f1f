namespace Recruitment.AdvancedFellowship.Features.Training;

/// <summary>GET /api/advanced-fellowship/fellows/{fellowId} (admin, the fellow): mentor, rotation, evaluations, projects and ledger, BLS/ACLS, assessments, certificate, timeline.</summary>
internal sealed class ReadFellowEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapGet("/api/advanced-fellowship/fellows/{fellowId:guid}", async (Guid fellowId, ClaimsPrincipal user, IAdvancedFellowshipStore store,
                CancellationToken ct) =>
            {
                await using var session = store.QuerySession();
                var f = FellowshipAccess.Fellow(await session.LoadAsync<Domain.Fellowship>(fellowId, ct), fellowId);
                FellowshipAccess.EnsureAdminOrOwner(user, f);
                return await FellowshipViews.ViewAsync(session, f, ct);
            })
            .RequireAuthorization(Policies.AnyUser).WithTags("AdvancedFellowship: training");
}
