namespace Recruitment.AdvancedFellowship.Features.Positions;

internal sealed record PositionTable(int Year, IntakeBand IntakeBand, int TotalQuota, IReadOnlyList<Position> Positions);

/// <summary>GET /api/advanced-fellowship/cycles/{year}/positions: the public position table.</summary>
internal sealed class ReadPositionsEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapGet("/api/advanced-fellowship/cycles/{year:int}/positions", async (int year, IAdvancedFellowshipStore store, CancellationToken ct) =>
            {
                await using var session = store.QuerySession();
                var cycle = await session.LoadAsync<FellowshipCycle>(year, ct)
                            ?? throw DomainException.NotFound("cycle.not_found", $"No fellowship cycle for {year}.");
                return new PositionTable(cycle.Id, cycle.IntakeBand, cycle.Positions.Sum(p => p.Quota), cycle.Positions);
            })
            .AllowAnonymous()
            .WithTags("AdvancedFellowship");
}
