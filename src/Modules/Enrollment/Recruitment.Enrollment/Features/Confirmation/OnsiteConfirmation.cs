using Recruitment.TrainingExemption.Contracts;

namespace Recruitment.Enrollment.Features.Confirmation;

public sealed record ChecklistTickRequest(string? Code, bool OriginalSeen, bool CopyReceived);

public sealed record UpdateChecklist(Guid ApplicationId, string Actor, IReadOnlyList<ChecklistTickRequest> Items);

internal sealed record ConfirmationRequest(bool? ExemptionRequested, ExemptionForm? Exemption);

public sealed record ConfirmApplication(Guid ApplicationId, string Actor, bool ExemptionRequested, ExemptionForm? Exemption);

internal sealed record ChecklistLine(string Code, string Label, bool OriginalRequired, bool CopyRequired, bool OriginalSeen,
    bool CopyReceived, bool Satisfied);

internal sealed record ChecklistView(Guid ApplicationId, string Status, bool ExemptionRequested, IReadOnlyList<ChecklistLine> Items,
    IReadOnlyList<string> Missing);

/// <summary>
/// On-site confirmation at the applied base (ENR-32, ENR-33): GET / PUT the per-applicant materials
/// checklist (originals seen, copies received), then POST the confirmation, refused until every item the
/// applicant's attributes require is ticked. Confirmation puts the candidate on the exam roster and,
/// when the applicant requests a training exemption here (ENR-29, EXM-04), opens the exemption case.
/// </summary>
internal sealed class OnsiteConfirmationEndpoints : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/enrollment/applications/{applicationId:guid}")
            .RequireAuthorization(Policies.BaseAdmin).WithTags("Enrollment: bases");
        group.MapGet("/checklist", async (Guid applicationId, HttpContext http, IEnrollmentStore store, CancellationToken ct) =>
        {
            await using var session = store.QuerySession();
            return View(await ApplicationAccess.ReadForStaff(session, applicationId, http.User, ct), exemptionRequested: null);
        });
        group.MapPut("/checklist", async (Guid applicationId, ChecklistRequest request, HttpContext http, IEnrollmentStore store,
            IMessageBus bus, CancellationToken ct) =>
        {
            await ApplicationAccess.EnsureStaffMayAct(store, applicationId, http.User, ct);
            await bus.InvokeAsync(new UpdateChecklist(applicationId, http.User.Actor(), request.Items ?? []), ct);
            await using var session = store.QuerySession();
            return View((await session.LoadAsync<Application>(applicationId, ct))!, exemptionRequested: null);
        });
        group.MapPost("/confirmation", async (Guid applicationId, ConfirmationRequest? request, HttpContext http, IEnrollmentStore store,
            IMessageBus bus, TimeProvider clock, CancellationToken ct) =>
        {
            Application application;
            await using (var session = store.QuerySession())
                application = await ApplicationAccess.ReadForStaff(session, applicationId, http.User, ct);
            var exemption = request?.ExemptionRequested ?? application.ExemptionRequested;
            if (exemption)
            {
                // The request is admissible or refused at the desk, by TrainingExemption's rules (EXM-01..EXM-04).
                var form = request?.Exemption ?? throw DomainException.Invalid("confirmation.exemption_form_required",
                    "An exemption request carries the exemption application form (FORM-05).");
                var check = await bus.InvokeAsync<ExemptionCheck>(new CheckExemptionRequest(application.Year, application.Track,
                    application.SpecialtyCode, application.OtherSpecialty, OnsiteConfirmationHandler.Highest(application), form, clock.GetUtcNow()), ct);
                if (check.Code is not null) throw new DomainException(check.Code, check.Detail ?? "The exemption request is not admissible.");
            }
            return await bus.InvokeAsync<ApplicationResult>(
                new ConfirmApplication(applicationId, http.User.Actor(), exemption, exemption ? request?.Exemption : null), ct);
        });
    }

    internal static ChecklistView View(Application a, bool? exemptionRequested)
    {
        var exemption = exemptionRequested ?? a.ExemptionRequested;
        var required = OnsiteChecklist.For(a, exemption);
        var lines = required.Select(item =>
        {
            var tick = a.Checklist.FirstOrDefault(t => t.Code == item.Code);
            return new ChecklistLine(item.Code, item.Label, item.OriginalRequired, item.CopyRequired, tick?.OriginalSeen ?? false,
                tick?.CopyReceived ?? false, item.IsSatisfiedBy(tick));
        }).ToList();
        return new ChecklistView(a.Id, a.Status.ToString(), exemption, lines, OnsiteChecklist.Missing(required, a.Checklist));
    }
}

internal sealed record ChecklistRequest(IReadOnlyList<ChecklistTickRequest>? Items);

[MartenStore(typeof(IEnrollmentStore))]
public static class OnsiteConfirmationHandler
{
    public static async Task Handle(UpdateChecklist command, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var (stream, a) = await Confirmable(session, command.ApplicationId, now, ct);
        var known = OnsiteChecklist.For(a, exemptionRequested: true).Select(i => i.Code).ToHashSet();
        var ticks = a.Checklist.ToDictionary(t => t.Code);
        foreach (var item in command.Items)
        {
            if (item is null) throw DomainException.Invalid("checklist.unknown_item", "items are checklist entries, without nulls.");
            var code = item.Code?.Trim().ToUpperInvariant() ?? "";
            if (!known.Contains(code))
                throw DomainException.Invalid("checklist.unknown_item", $"{item.Code} is not on this applicant's checklist; known: {string.Join(", ", known)}.");
            ticks[code] = new ChecklistTick(code, item.OriginalSeen, item.CopyReceived);
        }

        var updated = ticks.Values.OrderBy(t => t.Code, StringComparer.Ordinal).ToList();
        if (!updated.SequenceEqual(a.Checklist.OrderBy(t => t.Code, StringComparer.Ordinal)))
            stream.AppendOne(new ChecklistUpdated(updated, command.Actor, now));
    }

    public static async Task<(ApplicationResult, CandidateEligibleForExams, Contracts.ExemptionRequested?)> Handle(ConfirmApplication command,
        IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var (stream, a) = await Confirmable(session, command.ApplicationId, now, ct);
        var exemption = command.ExemptionRequested;
        var missing = OnsiteChecklist.Missing(OnsiteChecklist.For(a, exemption), a.Checklist);
        if (missing.Count > 0)
            throw new DomainException("confirmation.checklist_incomplete",
                "Every required material must be ticked before confirmation (ENR-33).",
                extensions: new Dictionary<string, object?> { ["missing"] = missing });
        stream.AppendOne(new OnsiteConfirmed(exemption, command.Actor, now));
        return (new ApplicationResult(a.Id, nameof(ApplicationStatus.CONFIRMED)), Roster.Eligible(a, exemption, now),
            command.Exemption is { } form ? ExemptionRequest(a, form, now) : null);
    }

    private static async Task<(IEventStream<Application>, Application)> Confirmable(IDocumentSession session, Guid applicationId,
        DateTimeOffset now, CancellationToken ct)
    {
        var stream = await session.Events.FetchForWriting<Application>(applicationId, ct);
        var a = stream.Aggregate ?? throw DomainException.NotFound("application.not_found", $"No application {applicationId}.");
        if (a.Track != Track.RESIDENCY || a.Status != ApplicationStatus.APPROVED)
            throw ApplicationAccess.WrongStatus(a, "confirm on site", ApplicationStatus.APPROVED);
        var calendar = (await session.LoadAsync<RecruitmentCycle>(a.Year, ct))!.Calendar;
        if (now < calendar.OnsiteConfirmationStart || now.IsPast(calendar.OnsiteConfirmationEnd))
            throw new DomainException("confirmation.window_closed",
                $"On-site confirmation runs from {calendar.OnsiteConfirmationStart:O} to {calendar.OnsiteConfirmationEnd:O} (ENR-32).");
        return (stream, a);
    }

    private static Contracts.ExemptionRequested ExemptionRequest(Application a, ExemptionForm form, DateTimeOffset now) =>
        new(a.Id, a.ApplicantId, a.Year, a.BaseCode, a.SpecialtyCode, a.OtherSpecialty, a.Name, Highest(a),
            a.Profile?.Holds(CertificateType.PHYSICIAN_QUALIFICATION) == true, form, now);

    internal static HighestEducation? Highest(Application a) =>
        a.Profile?.Highest is { } highest
            ? new HighestEducation(highest.Level.ToString()!, highest.DegreeType.ToString()!, highest.Major ?? "", highest.Country, highest.InProgress)
            : null;
}
