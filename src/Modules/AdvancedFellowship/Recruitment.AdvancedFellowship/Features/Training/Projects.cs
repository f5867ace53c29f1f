namespace Recruitment.AdvancedFellowship.Features.Training;

public sealed record ProjectRequest(ProjectKind? Kind, string? Title, string? Funder, decimal? ExternalAmountCny, bool JointWithMentor);

public sealed record RegisterProject(Guid FellowId, string Actor, ProjectRequest Request);

public sealed record ProjectResult(Guid FellowId, Guid ProjectId, string Kind, decimal HospitalFundingCny, bool Capped);

internal sealed record FundingLedger(Guid FellowId, IReadOnlyList<ResearchProject> Projects, decimal ExternalFundingCny, decimal HospitalFundingCny);

/// <summary>
/// Research projects and the fellow's funding ledger (FEL-19). POST /fellows/{fellowId}/projects (admin): a
/// SELF_RAISED project earns the cycle's fixed grant (30,000 CNY), at most one per trainee in the programme; a FUNDED
/// project earns 1:1 matching of its external amount, capped when the cycle sets a cap. GET: the ledger and totals.
/// </summary>
internal sealed class ProjectEndpoints : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app)
    {
        app.MapPost("/api/advanced-fellowship/fellows/{fellowId:guid}/projects", async (Guid fellowId, ProjectRequest request, ClaimsPrincipal user,
                IMessageBus bus, CancellationToken ct) =>
                await OptimisticRetry.RunAsync(() => bus.InvokeAsync<ProjectResult>(new RegisterProject(fellowId, user.Actor(), request), ct)))
            .RequireAuthorization(Policies.FellowshipAdmin).WithTags("AdvancedFellowship: training");
        app.MapGet("/api/advanced-fellowship/fellows/{fellowId:guid}/projects", async (Guid fellowId, ClaimsPrincipal user,
                IAdvancedFellowshipStore store, CancellationToken ct) =>
            {
                await using var session = store.QuerySession();
                var f = FellowshipAccess.Fellow(await session.LoadAsync<Fellowship>(fellowId, ct), fellowId);
                FellowshipAccess.EnsureAdminOrOwner(user, f);
                return new FundingLedger(f.Id, f.Projects, f.Projects.Sum(p => p.ExternalAmountCny), f.Projects.Sum(p => p.HospitalFundingCny));
            })
            .RequireAuthorization(Policies.AnyUser).WithTags("AdvancedFellowship: training");
    }
}

[MartenStore(typeof(IAdvancedFellowshipStore))]
public static class RegisterProjectHandler
{
    private const decimal MaxAmount = 100_000_000m;

    public static async Task<ProjectResult> Handle(RegisterProject command, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var r = command.Request;
        var (stream, f) = await FellowStreams.FetchAsync(session, command.FellowId, ct, FellowshipStatus.IN_TRAINING);
        var kind = r.Kind ?? throw DomainException.Invalid("project.invalid", "kind is SELF_RAISED or FUNDED.");
        var title = FellowStreams.Text(r.Title, "project.invalid", "title");
        var external = r.ExternalAmountCny ?? 0m;
        string? funder = null;
        if (kind == ProjectKind.SELF_RAISED)
        {
            if (external != 0m) throw DomainException.Invalid("project.invalid_amount", "A self-raised project has no external amount (FEL-19).");
            // At most one per trainee across the programme's cycles: the same person by ID number.
            var earlier = await session.Query<Fellowship>().Where(x => x.DocumentNumber == f.DocumentNumber && x.Id != f.Id).ToListAsync(ct);
            if (f.Projects.Concat(earlier.SelectMany(x => x.Projects)).Any(p => p.Kind == ProjectKind.SELF_RAISED))
                throw DomainException.Conflict("project.self_raised_limit",
                    "A trainee gets the self-raised project grant once in the programme (FEL-19).");
        }
        else
        {
            if (external <= 0m || external > MaxAmount || decimal.Round(external, 2) != external)
                throw DomainException.Invalid("project.invalid_amount", "A funded project states its external amount in CNY: positive, at most 2 decimals.");
            funder = FellowStreams.Text(r.Funder, "project.funder_required", "funder");
        }
        var cycle = await FellowshipAccess.Cycle(session, f.Year, ct);
        var (funding, capped) = Grants.HospitalFunding(kind, external, cycle);
        var project = new ResearchProject(Guid.CreateVersion7(), kind, title, funder, external, funding, capped, r.JointWithMentor, ChinaTime.Date(now));
        stream.AppendOne(new ProjectRegistered(project, command.Actor, now));
        return new ProjectResult(f.Id, project.Id, kind.ToString(), funding, capped);
    }
}
