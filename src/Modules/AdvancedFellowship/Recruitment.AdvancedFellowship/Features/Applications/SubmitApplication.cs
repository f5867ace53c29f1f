namespace Recruitment.AdvancedFellowship.Features.Applications;

/// <summary>The body of PUT /me/application: the cycle, FORM-08, and whether this is only a draft.</summary>
public sealed record FellowshipApplicationRequest(int? Year, bool Draft, FellowshipForm? Form);

public sealed record SubmitFellowshipApplication(Guid ApplicantId, string Actor, FellowshipApplicationRequest Request);

/// <summary>
/// PUT /api/advanced-fellowship/me/application: save a draft (any time before the window closes), submit, or edit a
/// submission that is not yet under review (FEL-02, FEL-09, FEL-11, FEL-16, FEL-27). A submission runs every HARD
/// rule (<see cref="Eligibility"/>), refuses a row whose places are all taken and a submission missing an upload;
/// a refusal stores nothing. SOFT findings become flags. An unchanged resubmission changes nothing.
/// </summary>
internal sealed class SubmitApplicationEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapPut("/api/advanced-fellowship/me/application", async (FellowshipApplicationRequest request, ClaimsPrincipal user, IMessageBus bus,
                CancellationToken ct) =>
                await OptimisticRetry.RunAsync(() =>
                    bus.InvokeAsync<FellowshipResult>(new SubmitFellowshipApplication(user.AccountId(), user.Actor(), request), ct)))
            .RequireAuthorization(Policies.FellowshipApplicant)
            .WithTags("AdvancedFellowship: applicants");
}

[MartenStore(typeof(IAdvancedFellowshipStore))]
public static class SubmitFellowshipApplicationHandler
{
    public static async Task<FellowshipResult> Handle(SubmitFellowshipApplication command, IDocumentSession session, TimeProvider clock,
        CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var request = command.Request;
        var form = request.Form ?? throw DomainException.Invalid("application.form_required", "form (FORM-08) is required.");
        var cycle = await FellowshipAccess.Cycle(session, request.Year, now, ct);
        var applicant = await session.LoadAsync<FellowshipApplicant>(command.ApplicantId, ct)
                        ?? throw DomainException.NotFound("applicant.not_found", "Register through /api/advanced-fellowship/accounts first.");
        var existing = await session.Query<Fellowship>()
            .FirstOrDefaultAsync(f => f.Year == cycle.Id && f.DocumentNumber == applicant.DocumentNumber, ct);

        if (request.Draft)
        {
            if (now > cycle.ApplicationClose) throw WindowClosed(cycle);
            var drafted = new ApplicationDrafted(cycle.Id, applicant.Id, applicant.DocumentNumber, applicant.Name, applicant.Mobile, form,
                command.Actor, now);
            if (existing is null) return new FellowshipResult(session.Events.StartStream<Fellowship>(drafted).Id, nameof(FellowshipStatus.DRAFT));
            if (existing.Status is not (FellowshipStatus.DRAFT or FellowshipStatus.WITHDRAWN))
                throw FellowshipAccess.WrongStatus(existing, "save a draft", FellowshipStatus.DRAFT, FellowshipStatus.WITHDRAWN).ToException();
            (await session.Events.FetchForWriting<Fellowship>(existing.Id, ct)).AppendOne(drafted);
            return new FellowshipResult(existing.Id, nameof(FellowshipStatus.DRAFT));
        }

        if (!cycle.ApplicationIsOpen(now)) throw WindowClosed(cycle);
        if (existing is not null && existing.Status is not (FellowshipStatus.DRAFT or FellowshipStatus.SUBMITTED or FellowshipStatus.WITHDRAWN))
            throw FellowshipAccess.WrongStatus(existing, "change the application", FellowshipStatus.DRAFT, FellowshipStatus.SUBMITTED,
                FellowshipStatus.WITHDRAWN).ToException();
        var eligible = Eligibility.Check(form, cycle, applicant.BirthDate, ChinaTime.Date(now));
        var quota = await session.LoadAsync<PositionQuota>(PositionQuota.IdFor(cycle.Id, eligible.Position.No), ct) ?? new PositionQuota();
        if (quota.Free(eligible.Position) <= 0)
            throw new DomainException("quota.exhausted",
                $"Every place of row {eligible.Position.No} ({eligible.Position.DepartmentEn}) is taken (FEL-10).");

        var uploads = await session.Query<ApplicantDocument>().Where(d => d.ApplicantId == applicant.Id).ToListAsync(ct);
        var missing = eligible.RequiredDocuments.Where(k => uploads.All(u => u.Kind != k)).Select(k => k.ToString()).ToList();
        if (missing.Count > 0)
            throw new DomainException("application.documents_missing",
                "Upload every document the form and the row ask for before submitting (FEL-09, FEL-11).",
                extensions: new Dictionary<string, object?> { ["missing"] = missing });
        var documents = uploads.Where(u => eligible.RequiredDocuments.Contains(u.Kind)).OrderBy(u => u.Kind)
            .Select(u => new SubmittedDocument(u.Kind, u.Sha256, u.Size)).ToList();

        var submitted = new ApplicationSubmitted(cycle.Id, applicant.Id, applicant.DocumentNumber, applicant.Name, applicant.Mobile, form,
            eligible.Flags, documents, command.Actor, now);
        if (existing is null)
            // A concurrent first submission by the same person fails on the unique (year, document) index and is retried.
            return new FellowshipResult(session.Events.StartStream<Fellowship>(submitted).Id, nameof(FellowshipStatus.SUBMITTED));

        var stream = await session.Events.FetchForWriting<Fellowship>(existing.Id, ct);
        var current = stream.Aggregate!;
        switch (current.Status)
        {
            case FellowshipStatus.DRAFT or FellowshipStatus.WITHDRAWN:
                stream.AppendOne(submitted);
                break;
            case FellowshipStatus.SUBMITTED:
                if (current.Form == form && current.Documents.SequenceEqual(documents) && current.Flags.SequenceEqual(eligible.Flags))
                    return new FellowshipResult(current.Id, current.Status.ToString());
                stream.AppendOne(new ApplicationEdited(form, eligible.Flags, documents, command.Actor, now));
                break;
            default:
                throw FellowshipAccess.WrongStatus(current, "change the application", FellowshipStatus.DRAFT, FellowshipStatus.SUBMITTED,
                    FellowshipStatus.WITHDRAWN).ToException();
        }
        return new FellowshipResult(current.Id, nameof(FellowshipStatus.SUBMITTED));
    }

    private static DomainException WindowClosed(FellowshipCycle cycle) =>
        new("application.window_closed",
            $"Applications for {cycle.Id} are accepted from {cycle.ApplicationOpen:O} to {cycle.ApplicationClose:O}; late applications are not accepted (FEL-02).");
}
