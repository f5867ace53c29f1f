namespace Recruitment.AdvancedFellowship.Features.Training;

public sealed record ProjectRequest(ProjectKind? Kind, string? Title, string? Funder, decimal? ExternalAmountCny, bool JointWithMentor);

public sealed record RegisterProject(Guid FellowId, Caller Caller, ProjectRequest Request);

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
        app.FellowshipApi("training").MapPost("/fellows/{fellowId:guid}/projects", (Guid fellowId, ProjectRequest request, Caller caller,
                IMessageBus bus, CancellationToken ct) =>
                bus.SendAsync<ProjectResult>(new RegisterProject(fellowId, caller, request), ct, retryOnConflict: true))
            .RequireAuthorization(Policies.FellowshipAdmin);
        app.FellowshipApi("training").MapGet("/fellows/{fellowId:guid}/projects", async (Guid fellowId, Caller caller,
                IAdvancedFellowshipStore store, CancellationToken ct) =>
            {
                await using var session = store.QuerySession();
                if ((await FellowshipAccess.FellowFor(session, fellowId, caller, ct)).Refused(out var refused, out var f)) return refused.ToResult();
                return Results.Ok(new FundingLedger(f.Id, f.Projects, f.Projects.Sum(p => p.ExternalAmountCny),
                    f.Projects.Sum(p => p.HospitalFundingCny)));
            })
            .RequireAuthorization(Policies.AnyUser);
    }
}

[MartenStore(typeof(IAdvancedFellowshipStore))]
public static class RegisterProjectHandler
{
    private const decimal MaxAmount = 100_000_000m;

    public static async Task<Outcome<ProjectResult>> Handle(RegisterProject command, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var r = command.Request;
        if ((await FellowStreams.FetchAsync(session, command.FellowId, ct, FellowshipStatus.IN_TRAINING)).Refused(out var refused, out var fetched)) return refused;
        var (stream, f) = fetched;
        if (r.Kind is not { } kind) return Refusal.Invalid("project.invalid", "kind is SELF_RAISED or FUNDED.");
        if (FellowStreams.Text(r.Title, "project.invalid", "title").Refused(out var no5, out var title)) return no5;
        var external = r.ExternalAmountCny ?? 0m;
        string? funder = null;
        if (kind == ProjectKind.SELF_RAISED)
        {
            if (external != 0m) return Refusal.Invalid("project.invalid_amount", "A self-raised project has no external amount (FEL-19).");
            // At most one per trainee across the programme's cycles: the same person by ID number.
            var earlier = await session.Query<Fellowship>().Where(x => x.DocumentNumber == f.DocumentNumber && x.Id != f.Id).ToListAsync(ct);
            if (f.Projects.Concat(earlier.SelectMany(x => x.Projects)).Any(p => p.Kind == ProjectKind.SELF_RAISED))
                return Refusal.Conflict("project.self_raised_limit",
                    "A trainee gets the self-raised project grant once in the programme (FEL-19).");
        }
        else
        {
            if (external <= 0m || external > MaxAmount || decimal.Round(external, 2) != external)
                return Refusal.Invalid("project.invalid_amount", "A funded project states its external amount in CNY: positive, at most 2 decimals.");
            if (FellowStreams.Text(r.Funder, "project.funder_required", "funder").Refused(out var noFunder, out funder)) return noFunder;
        }
        if ((await FellowshipAccess.CycleOf(session, f.Year, ct)).Refused(out var noCycle, out var cycle)) return noCycle;
        var (funding, capped) = Grants.HospitalFunding(kind, external, cycle);
        var project = new ResearchProject(Guid.CreateVersion7(), kind, title, funder, external, funding, capped, r.JointWithMentor, ChinaTime.Date(now));
        stream.AppendOne(new ProjectRegistered(project, command.Caller.Actor, now));
        return new ProjectResult(f.Id, project.Id, kind.ToString(), funding, capped);
    }
}
