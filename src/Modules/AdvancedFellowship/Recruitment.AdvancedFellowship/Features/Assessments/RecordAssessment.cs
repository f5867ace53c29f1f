using Recruitment.AdvancedFellowship.Features.Training;

namespace Recruitment.AdvancedFellowship.Features.Assessments;

public sealed record PanelMemberRequest(string? Name, PanelDepartment? Department);

public sealed record AssessmentRequest(AssessmentKind? Kind, Grade? Grade, DateOnly? AssessedOn, string? Summary, IReadOnlyList<PanelMemberRequest>? Panel);

public sealed record RecordAssessment(Guid FellowId, Caller Caller, AssessmentRequest Request);

public sealed record AssessmentResult(Guid FellowId, Guid AssessmentId, string Status, bool IsFinal);

/// <summary>
/// POST /api/advanced-fellowship/fellows/{fellowId}/assessments (admin): an annual or final assessment graded EXCELLENT,
/// QUALIFIED or UNQUALIFIED by experts of HR, Medical Affairs and Sci &amp; Ed (FEL-23). For a programme of 12 months or
/// less the one assessment is both annual and final. The final one comes in the last month of training or later,
/// ends the mentor's supervision, and an UNQUALIFIED final grade withholds the certificate (FEL-24).
/// </summary>
internal sealed class RecordAssessmentEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.FellowshipApi("assessment").MapPost("/fellows/{fellowId:guid}/assessments", (Guid fellowId, AssessmentRequest request,
                Caller caller, IMessageBus bus, CancellationToken ct) =>
                bus.SendAsync<AssessmentResult>(new RecordAssessment(fellowId, caller, request), ct, retryOnConflict: true))
            .RequireAuthorization(Policies.FellowshipAdmin);
}

[MartenStore(typeof(IAdvancedFellowshipStore))]
public static class RecordAssessmentHandler
{
    private static readonly PanelDepartment[] Organisers = [PanelDepartment.HR, PanelDepartment.MEDICAL_AFFAIRS, PanelDepartment.SCI_ED];

    public static async Task<Outcome<AssessmentResult>> Handle(RecordAssessment command, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var today = ChinaTime.Date(now);
        var r = command.Request;
        if ((await FellowStreams.FetchAsync(session, command.FellowId, ct)).Refused(out var refused, out var fetched)) return refused;
        var (stream, f) = fetched;
        if (f.FinalGrade is not null)
            return Refusal.Conflict("assessment.final_exists", $"The final assessment ({f.FinalGrade}) is already recorded (FEL-23).");
        if (f.Status != FellowshipStatus.IN_TRAINING)
            return Refusal.Conflict("fellow.invalid_status", $"Assessments are for fellows IN_TRAINING; this one is {f.Status}.");

        if (r.Kind is not { } kind) return Refusal.Invalid("assessment.invalid", "kind is ANNUAL or FINAL.");
        if (r.Grade is not { } grade) return Refusal.Invalid("assessment.invalid", "grade is EXCELLENT, QUALIFIED or UNQUALIFIED.");
        if (FellowStreams.Text(r.Summary, "assessment.invalid", "summary").Refused(out var no9, out var summary)) return no9;
        if ((r.Panel ?? []).Any(m => m is not { Department: not null } || string.IsNullOrWhiteSpace(m.Name)))
            return Refusal.Invalid("assessment.invalid", "Every panel member has a name and a department.");
        var panel = (r.Panel ?? []).Select(m => new PanelMember(m.Name!.Trim(), m.Department!.Value)).ToList();
        if (Organisers.Any(d => panel.All(m => m.Department != d)))
            return new Refusal("assessment.panel_incomplete",
                "The assessment experts come from HR, Medical Affairs and Sci & Ed: at least one of each (FEL-23).");
        var assessedOn = r.AssessedOn ?? today;
        if (assessedOn > today || assessedOn < f.TrainingStart)
            return Refusal.Invalid("assessment.invalid_date", "assessedOn lies between the start of training and today.");

        // FEL-23 (Decision): a programme of 12 months or less has one assessment, both annual and final.
        var isFinal = kind == AssessmentKind.FINAL || f.DurationMonths <= 12;
        if (isFinal && assessedOn < f.TrainingEnd!.Value.AddMonths(-1).AddDays(1))
            return new Refusal("assessment.too_early",
                $"The final assessment follows the training period: from {f.TrainingEnd.Value.AddMonths(-1).AddDays(1):yyyy-MM-dd}, the last month of training (FEL-23).");

        var assessment = new Domain.Assessment(Guid.CreateVersion7(), kind, grade, isFinal, assessedOn, summary, panel);
        stream.AppendOne(new AssessmentRecorded(assessment, command.Caller.Actor, now));
        var status = f.Status;
        if (isFinal)
        {
            await FellowStreams.ReleaseMentorAsync(session, f, "final assessment recorded", command.Caller.Actor, now, ct);
            status = FellowshipStatus.ASSESSED;
            if (grade == Grade.UNQUALIFIED)
            {
                stream.AppendOne(new CertificateWithheld("final grade UNQUALIFIED: no certificate of completion (FEL-24)", command.Caller.Actor, now));
                status = FellowshipStatus.NOT_CERTIFIED;
            }
        }
        return new AssessmentResult(f.Id, assessment.Id, status.ToString(), isFinal);
    }
}
