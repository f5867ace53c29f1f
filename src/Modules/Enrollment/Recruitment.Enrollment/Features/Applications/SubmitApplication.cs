using Recruitment.Enrollment.Features.Profile;

namespace Recruitment.Enrollment.Features.Applications;

/// <summary>The body of PUT /me/application: one base, one specialty, the category and the declarations.</summary>
public sealed record ApplicationRequest(
    int? Year,
    string? BaseCode,
    string? SpecialtyCode,
    string? OtherSpecialty,
    string? Category,
    string? EmployerName,
    string? CurrentSpecialty,
    bool DeclaresNoEmployment,
    bool AcceptsReallocation,
    bool RequestsExemption,
    bool Declaration);

public sealed record SubmitApplication(Guid ApplicantId, string Actor, ApplicationRequest Request);

/// <summary>
/// PUT /api/enrollment/me/application: submit the one application of the cycle, or edit it while
/// registration is open (ENR-08, ENR-13..ENR-15). Every eligibility rule runs first (ENR-17..ENR-28);
/// a refusal stores nothing. An unchanged resubmission changes nothing.
/// </summary>
internal sealed class SubmitApplicationEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapPut("/api/enrollment/me/application", async (ApplicationRequest request, HttpContext http, IMessageBus bus, CancellationToken ct) =>
                await bus.InvokeAsync<ApplicationResult>(new SubmitApplication(http.User.AccountId(), http.User.Actor(), request), ct))
            .RequireAuthorization(Policies.Applicant)
            .WithTags("Enrollment: applicants");
}

[MartenStore(typeof(IEnrollmentStore))]
public static class SubmitApplicationHandler
{
    public static async Task<ApplicationResult> Handle(SubmitApplication command, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var request = command.Request;
        // Everything the rules read, in one round trip: the cycle, the applicant, whether the photo exists (without
        // reading it) and the applicant's own applications. The checks below run in the same order as ever.
        var batch = session.CreateBatchQuery();
        var cycleRead = request.Year is { } year
            ? batch.Load<RecruitmentCycle>(year)
            : batch.Query<RecruitmentCycle>().OrderByDescending(c => c.Id).FirstOrDefault();
        var applicantRead = batch.Load<Applicant>(command.ApplicantId);
        var photoRead = batch.CheckExists<ApplicantPhoto>(command.ApplicantId);
        var ownRead = batch.Query<Application>().Where(a => a.ApplicantId == command.ApplicantId).ToList();
        await batch.Execute(ct);

        var cycle = await cycleRead ?? throw ApplicationAccess.CycleNotFound(request.Year);
        if (!cycle.RegistrationIsOpen(now))
            throw new DomainException("application.window_closed",
                $"Applications for {cycle.Id} are accepted from {cycle.Calendar.RegistrationOpen:O} until before {cycle.Calendar.RegistrationCloseExclusive:O} (ENR-08, ENR-15).");

        var applicant = ApplicantAccess.Found(await applicantRead);
        var choice = Parse(request);
        var split = choice.SpecialtyCode == Eligibility.Other
            ? await session.LoadAsync<OtherSplit>(OtherSplit.IdFor(cycle.Id, choice.BaseCode), ct)
            : null;
        var flags = Eligibility.Residency(choice, applicant.Profile, cycle, split);
        if (!await photoRead)
            throw new DomainException("application.photo_required", "A recent photo must be uploaded before applying (ENR-11).");

        // One application per person and cycle (unique year + ID number): the applicant's own application of the cycle,
        // if any, is that one. Only without it is the ID number looked up, for a registration keyed in by base staff.
        var existing = (await ownRead).FirstOrDefault(a => a.Year == cycle.Id)
                       ?? await session.Query<Application>()
                           .FirstOrDefaultAsync(a => a.Year == cycle.Id && a.DocumentNumber == applicant.DocumentNumber, ct);
        if (existing is null)
        {
            // A concurrent first submission by the same person fails on the unique (year, document) index: ENR-13.
            var id = session.Events.StartStream<Application>(
                new ApplicationSubmitted(cycle.Id, applicant.Id, applicant.DocumentNumber, applicant.Name, applicant.Mobile,
                    choice, applicant.Profile, flags, command.Actor, now)).Id;
            return new ApplicationResult(id, nameof(ApplicationStatus.PENDING_REVIEW));
        }

        if (existing.Track != Contracts.Track.RESIDENCY || existing.ApplicantId != applicant.Id)
            throw DomainException.Conflict("application.duplicate",
                "This ID number already holds an assistant-GP registration in this cycle; one application per person (ENR-13).");
        // The snapshot read above is current (inline projection): append against its version instead of reading the
        // stream again; a concurrent writer makes the append fail with a conflict rather than be overwritten.
        var current = existing;
        IApplicationEvent change = current.Status switch
        {
            ApplicationStatus.WITHDRAWN => new ApplicationSubmitted(cycle.Id, applicant.Id, applicant.DocumentNumber, applicant.Name,
                applicant.Mobile, choice, applicant.Profile, flags, command.Actor, now),
            ApplicationStatus.PENDING_REVIEW or ApplicationStatus.APPROVED or ApplicationStatus.REJECTED =>
                new ApplicationEdited(choice, applicant.Profile, flags, command.Actor, now),
            _ => throw ApplicationAccess.WrongStatus(current, "edit", ApplicationStatus.PENDING_REVIEW, ApplicationStatus.APPROVED, ApplicationStatus.REJECTED),
        };
        if (change is ApplicationEdited && current.Choice == choice && SameProfile(current.Profile, applicant.Profile))
            return new ApplicationResult(current.Id, current.Status.ToString());
        session.Events.Append(current.Id, current.Version + 1, change);
        return new ApplicationResult(current.Id, nameof(ApplicationStatus.PENDING_REVIEW));
    }

    private static ApplicationChoice Parse(ApplicationRequest r)
    {
        if (string.IsNullOrWhiteSpace(r.BaseCode) || string.IsNullOrWhiteSpace(r.SpecialtyCode))
            throw DomainException.Invalid("application.choice_required", "baseCode and specialtyCode are required: one base and one specialty (ENR-13).");
        if (!Enum.TryParse<Category>(r.Category, ignoreCase: false, out var category) || !Enum.IsDefined(category))
            throw DomainException.Invalid("application.invalid_category", "category must be SPONSORED or INDEPENDENT (ENR-20).");
        var specialty = r.SpecialtyCode.Trim().ToUpperInvariant();
        return new ApplicationChoice(
            r.BaseCode.Trim().ToUpperInvariant(),
            specialty,
            specialty == Eligibility.Other ? r.OtherSpecialty?.Trim() : null,
            category,
            category == Category.SPONSORED ? r.EmployerName?.Trim() : null,
            category == Category.SPONSORED ? r.CurrentSpecialty?.Trim() : null,
            category == Category.INDEPENDENT && r.DeclaresNoEmployment,
            r.AcceptsReallocation,
            r.RequestsExemption,
            r.Declaration);
    }

    // Records holding lists compare lists by reference; compare the sections by content.
    private static bool SameProfile(Domain.Profile? a, Domain.Profile b) =>
        a is not null && a.Basic == b.Basic
                      && (a.Certificates ?? []).SequenceEqual(b.Certificates ?? [])
                      && (a.Education ?? []).SequenceEqual(b.Education ?? []);
}
