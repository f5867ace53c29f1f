namespace Recruitment.Enrollment.Features.Profile;

public sealed record ProfileCorrectionRequest(BasicInformation? Basic, IReadOnlyList<Certificate>? Certificates, IReadOnlyList<Education>? Education,
    string? Reason);

public sealed record CorrectProfile(Guid ApplicationId, Caller Caller, ProfileCorrectionRequest Request);

/// <summary>
/// POST /api/enrollment/applications/{applicationId}/profile-correction (the applied base's staff): after registration
/// closes the applicant can no longer edit (ENR-15); the base corrects the profile sections it carries, during on-site
/// confirmation, with a reason. The correction is an event on the application (its timeline names the staff member,
/// the sections and the reason: the audit entry, ENR-34), the applicant's own profile follows, and the eligibility
/// rules run again on the corrected data: a correction that would make the application ineligible is refused (the
/// base rejects or cancels instead). The materials checklist is computed from the corrected profile.
/// </summary>
internal sealed class ProfileCorrectionEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapPost("/api/enrollment/applications/{applicationId:guid}/profile-correction", (Guid applicationId, ProfileCorrectionRequest body,
                Caller caller, IMessageBus bus, CancellationToken ct) =>
                bus.SendAsync<ApplicationResult>(new CorrectProfile(applicationId, caller, body), ct, retryOnConflict: true))
            .RequireAuthorization(Policies.BaseAdmin).WithTags("Enrollment: bases");
}

[MartenStore(typeof(IEnrollmentStore))]
public static class ProfileCorrectionHandler
{
    public static async Task<Outcome<ApplicationResult>> Handle(CorrectProfile command, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var r = command.Request;
        if (!command.Caller.Is(Roles.BaseAdmin))
            return Refusal.Forbidden("profile_correction.base_only", "After registration closes only the applied base's staff correct an applicant's data (ENR-15).");
        var reason = r.Reason?.Trim();
        if (string.IsNullOrEmpty(reason) || reason.Length > 2000)
            return Refusal.Invalid("profile_correction.reason_required", "A correction states its reason (at most 2,000 characters, ENR-15).");
        if (r.Basic is null && r.Certificates is null && r.Education is null)
            return Refusal.Invalid("profile_correction.nothing_to_correct", "Name at least one section to correct: basic, certificates or education.");
        if (r.Certificates?.Any(c => c is null) == true || r.Education?.Any(e => e is null) == true)
            return Refusal.Invalid("profile.invalid", "certificates and education are lists of entries, without nulls.");

        var stream = await session.Events.FetchForWriting<Application>(command.ApplicationId, ct);
        if (stream.Aggregate is not { } a) return Refusal.NotFound("application.not_found", $"No application {command.ApplicationId}.");
        if (command.Caller.ActsForBase(a.BaseCode) is { } otherBase) return otherBase;
        if (a.Track != Track.RESIDENCY || a.Status is not (ApplicationStatus.APPROVED or ApplicationStatus.CONFIRMED))
            return Refusal.Conflict("profile_correction.invalid_status",
                $"Staff correct the data of an approved applicant during on-site confirmation (ENR-15); this application is {a.Status}.");
        var cycle = (await session.LoadAsync<RecruitmentCycle>(a.Year, ct))!;
        var now = clock.GetUtcNow();
        var calendar = cycle.Calendar;
        if (now < calendar.RegistrationCloseExclusive)
            return new Refusal("profile_correction.registration_open",
                $"Until registration closes at {calendar.RegistrationCloseExclusive:O} the applicant edits their own data (ENR-15).");
        if (now < calendar.OnsiteConfirmationStart || now.IsPast(calendar.OnsiteConfirmationEnd))
            return new Refusal("profile_correction.window_closed",
                $"Staff correct data during on-site confirmation, from {calendar.OnsiteConfirmationStart:O} to {calendar.OnsiteConfirmationEnd:O} (ENR-15).");

        var before = a.Profile ?? Domain.Profile.Empty;
        var corrected = new Domain.Profile(r.Basic ?? before.Basic, r.Certificates ?? before.Certificates,
            r.Education?.OrderBy(e => e.Start ?? DateOnly.MaxValue).ToList() ?? before.Education);
        if (corrected.Missing() is { Count: > 0 } missing)
            return new Refusal("profile_correction.incomplete", "The corrected profile leaves required fields empty (ENR-10).", StatusCodes.Status400BadRequest,
                new Dictionary<string, object?> { ["missing"] = missing });
        IReadOnlyList<string> flags;
        try
        {
            var split = a.Choice!.SpecialtyCode == Eligibility.Other ? await session.LoadAsync<OtherSplit>(OtherSplit.IdFor(a.Year, a.BaseCode), ct) : null;
            flags = Eligibility.Residency(a.Choice, corrected, cycle, split);
        }
        catch (DomainException ineligible)
        {
            // The eligibility rules still refuse by exception; here that is an expected answer, so it becomes a value.
            return new Refusal(ineligible.Code, ineligible.Message, ineligible.Status, ineligible.Extensions);
        }

        var sections = new[] { ("basic", r.Basic is not null), ("certificates", r.Certificates is not null), ("education", r.Education is not null) }
            .Where(s => s.Item2).Select(s => s.Item1).ToList();
        stream.AppendOne(new ProfileCorrected(corrected, sections, flags, reason, command.Caller.Actor, now));
        if (a.ApplicantId is { } applicantId && await session.LoadAsync<Applicant>(applicantId, ct) is { } applicant)
        {
            applicant.Profile = corrected; // the applicant's own view shows what the base corrected
            applicant.ProfileUpdatedAt = now;
            session.Store(applicant);
        }
        return new ApplicationResult(a.Id, a.Status.ToString());
    }
}
