using Recruitment.Enrollment.Features.Confirmation;

namespace Recruitment.Enrollment.Features.AssistantGp;

/// <summary>
/// The on-site materials of an assistant-GP registrant (ENR-38): the completed Att3 form with photo; the ID card and the
/// education certificate, originals plus one copy each; the assistant physician qualification certificate, original
/// plus copy, when the form names one. A sponsored registrant also brings a copy of the employment or labour contract
/// and the employer's signed and sealed opinion on Att3 (ENR-39; not a free student, whose directed unit may not refuse:
/// ENR-25). The base's stamp (QUALIFIED, ENR-40) is refused until every item is ticked.
/// </summary>
internal static class AssistantGpMaterials
{
    public static IReadOnlyList<ChecklistItem> For(Application a)
    {
        var form = a.Form;
        var items = new List<ChecklistItem>
        {
            new("ATT3_FORM", "Att3 registration form, completed, with photo", true, false),
            new("ID_CARD", "Resident ID card", true, true),
            new("EDUCATION_CERTIFICATE", "Education certificate", true, true),
        };
        if (!string.IsNullOrWhiteSpace(form?.AssistantPhysicianCertNumber))
            items.Add(new("ASSISTANT_PHYSICIAN_QUALIFICATION", "Assistant physician qualification certificate", true, true));
        if (a.Category == Category.SPONSORED)
        {
            items.Add(new("EMPLOYMENT_CONTRACT", "Employment or labour contract (copy)", false, true));
            if (!a.IsFreeStudent) items.Add(new("EMPLOYER_OPINION", "Employer opinion on Att3, signed and sealed", true, false));
        }
        return items;
    }

    public static IReadOnlyList<string> Missing(Application a) => OnsiteChecklist.Missing(For(a), a.Checklist);

    public static AssistantGpChecklistView View(Application a, IReadOnlyList<ChecklistTick> ticks)
    {
        var required = For(a);
        var lines = required.Select(item =>
        {
            var tick = ticks.FirstOrDefault(t => t.Code == item.Code);
            return new AssistantGpChecklistLine(item.Code, item.Label, item.OriginalRequired, item.CopyRequired, tick?.OriginalSeen ?? false,
                tick?.CopyReceived ?? false, item.IsSatisfiedBy(tick));
        }).ToList();
        return new AssistantGpChecklistView(a.Id, a.Status.ToString(), lines, OnsiteChecklist.Missing(required, ticks));
    }
}

public sealed record AssistantGpChecklistLine(string Code, string Label, bool OriginalRequired, bool CopyRequired, bool OriginalSeen, bool CopyReceived,
    bool Satisfied);

/// <summary>The checklist as base staff see it; <see cref="Missing"/> is what still blocks the stamp (ENR-38, ENR-39).</summary>
public sealed record AssistantGpChecklistView(Guid ApplicationId, string Status, IReadOnlyList<AssistantGpChecklistLine> Items, IReadOnlyList<string> Missing);

public sealed record UpdateAssistantGpChecklist(Guid ApplicationId, Caller Caller, IReadOnlyList<ChecklistTickRequest>? Items);

/// <summary>
/// GET / PUT /api/enrollment/applications/{applicationId}/assistant-gp-checklist (B07's staff): the registrant's
/// materials checklist (ENR-38, ENR-39), ticked while the registration waits for the base's stamp, during the on-site
/// registration window.
/// </summary>
internal sealed class AssistantGpChecklistEndpoints : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app)
    {
        const string route = "/api/enrollment/applications/{applicationId:guid}/assistant-gp-checklist";
        app.MapGet(route, async (Guid applicationId, Caller caller, IEnrollmentStore store, CancellationToken ct) =>
            {
                await using var session = store.QuerySession();
                var a = await session.LoadAsync<Application>(applicationId, ct);
                if (a is null || a.Track != Track.ASSISTANT_GP)
                    return Refusal.NotFound("application.not_found", $"No assistant-GP registration {applicationId}.").ToResult();
                return caller.ActsForBase(a.BaseCode) is { } otherBase ? otherBase.ToResult() : Results.Ok(AssistantGpMaterials.View(a, a.Checklist));
            })
            .RequireAuthorization(Policies.BaseAdmin).WithTags("Enrollment: assistant GP");
        app.MapPut(route, (Guid applicationId, ChecklistRequest body, Caller caller, IMessageBus bus, CancellationToken ct) =>
                bus.SendAsync<AssistantGpChecklistView>(new UpdateAssistantGpChecklist(applicationId, caller, body.Items), ct, retryOnConflict: true))
            .RequireAuthorization(Policies.BaseAdmin).WithTags("Enrollment: assistant GP");
    }
}

[MartenStore(typeof(IEnrollmentStore))]
public static class AssistantGpChecklistHandler
{
    public static async Task<Outcome<AssistantGpChecklistView>> Handle(UpdateAssistantGpChecklist command, IDocumentSession session, TimeProvider clock,
        CancellationToken ct)
    {
        var stream = await session.Events.FetchForWriting<Application>(command.ApplicationId, ct);
        if (stream.Aggregate is not { Track: Track.ASSISTANT_GP } a)
            return Refusal.NotFound("application.not_found", $"No assistant-GP registration {command.ApplicationId}.");
        if (command.Caller.ActsForBase(a.BaseCode) is { } otherBase) return otherBase;
        if (a.Status != ApplicationStatus.ONSITE_REGISTERED)
            return Refusal.Conflict("agp_checklist.invalid_status",
                $"The materials are checked while the registration waits for the base's stamp (ENR-38, ENR-40); this one is {a.Status}.");
        var now = clock.GetUtcNow();
        var calendar = (await session.LoadAsync<RecruitmentCycle>(a.Year, ct))!.Calendar;
        if (now < calendar.AssistantGpRegistrationStart || now.IsPast(calendar.AssistantGpRegistrationEnd))
            return new Refusal("agp.window_closed",
                $"On-site assistant-GP registration runs from {calendar.AssistantGpRegistrationStart:O} to {calendar.AssistantGpRegistrationEnd:O} (ENR-38).");
        var known = AssistantGpMaterials.For(a).Select(i => i.Code).ToHashSet();
        var ticks = a.Checklist.ToDictionary(t => t.Code);
        foreach (var item in command.Items ?? [])
        {
            var code = item?.Code?.Trim().ToUpperInvariant() ?? "";
            if (!known.Contains(code))
                return Refusal.Invalid("checklist.unknown_item", $"{item?.Code} is not on this applicant's checklist; known: {string.Join(", ", known)}.");
            ticks[code] = new ChecklistTick(code, item!.OriginalSeen, item.CopyReceived);
        }
        var updated = ticks.Values.OrderBy(t => t.Code, StringComparer.Ordinal).ToList();
        if (!updated.SequenceEqual(a.Checklist.OrderBy(t => t.Code, StringComparer.Ordinal)))
            stream.AppendOne(new ChecklistUpdated(updated, command.Caller.Actor, now));
        return AssistantGpMaterials.View(a, updated);
    }
}
