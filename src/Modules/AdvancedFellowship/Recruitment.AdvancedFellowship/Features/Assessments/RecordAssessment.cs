using Recruitment.AdvancedFellowship.Features.Training;

namespace Recruitment.AdvancedFellowship.Features.Assessments;

public sealed record PanelMemberRequest(string? Name, PanelDepartment? Department);

public sealed record AssessmentRequest(AssessmentKind? Kind, Grade? Grade, DateOnly? AssessedOn, string? Summary, IReadOnlyList<PanelMemberRequest>? Panel);

public sealed record RecordAssessment(Guid FellowId, string Actor, AssessmentRequest Request);

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
        app.MapPost("/api/advanced-fellowship/fellows/{fellowId:guid}/assessments", async (Guid fellowId, AssessmentRequest request,
                ClaimsPrincipal user, IMessageBus bus, CancellationToken ct) =>
                await OptimisticRetry.RunAsync(() => bus.InvokeAsync<AssessmentResult>(new RecordAssessment(fellowId, user.Actor(), request), ct)))
            .RequireAuthorization(Policies.FellowshipAdmin).WithTags("AdvancedFellowship: assessment");
}

[MartenStore(typeof(IAdvancedFellowshipStore))]
public static class RecordAssessmentHandler
{
    private static readonly PanelDepartment[] Organisers = [PanelDepartment.HR, PanelDepartment.MEDICAL_AFFAIRS, PanelDepartment.SCI_ED];

    public static async Task<AssessmentResult> Handle(RecordAssessment command, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var today = ChinaTime.Date(now);
        var r = command.Request;
        var (stream, f) = await FellowStreams.FetchAsync(session, command.FellowId, ct);
        if (f.FinalGrade is not null)
            throw DomainException.Conflict("assessment.final_exists", $"The final assessment ({f.FinalGrade}) is already recorded (FEL-23).");
        if (f.Status != FellowshipStatus.IN_TRAINING)
            throw DomainException.Conflict("fellow.invalid_status", $"Assessments are for fellows IN_TRAINING; this one is {f.Status}.");

        var kind = r.Kind ?? throw DomainException.Invalid("assessment.invalid", "kind is ANNUAL or FINAL.");
        var grade = r.Grade ?? throw DomainException.Invalid("assessment.invalid", "grade is EXCELLENT, QUALIFIED or UNQUALIFIED.");
        var summary = FellowStreams.Text(r.Summary, "assessment.invalid", "summary");
        var panel = (r.Panel ?? []).Select(m => m is { Department: { } department } && !string.IsNullOrWhiteSpace(m.Name)
            ? new PanelMember(m.Name.Trim(), department)
            : throw DomainException.Invalid("assessment.invalid", "Every panel member has a name and a department.")).ToList();
        if (Organisers.Any(d => panel.All(m => m.Department != d)))
            throw new DomainException("assessment.panel_incomplete",
                "The assessment experts come from HR, Medical Affairs and Sci & Ed: at least one of each (FEL-23).");
        var assessedOn = r.AssessedOn ?? today;
        if (assessedOn > today || assessedOn < f.TrainingStart)
            throw DomainException.Invalid("assessment.invalid_date", "assessedOn lies between the start of training and today.");

        // FEL-23 (Decision): a programme of 12 months or less has one assessment, both annual and final.
        var isFinal = kind == AssessmentKind.FINAL || f.DurationMonths <= 12;
        if (isFinal && assessedOn < f.TrainingEnd!.Value.AddMonths(-1).AddDays(1))
            throw new DomainException("assessment.too_early",
                $"The final assessment follows the training period: from {f.TrainingEnd.Value.AddMonths(-1).AddDays(1):yyyy-MM-dd}, the last month of training (FEL-23).");

        var assessment = new Domain.Assessment(Guid.CreateVersion7(), kind, grade, isFinal, assessedOn, summary, panel);
        stream.AppendOne(new AssessmentRecorded(assessment, command.Actor, now));
        var status = f.Status;
        if (isFinal)
        {
            await FellowStreams.ReleaseMentorAsync(session, f, "final assessment recorded", command.Actor, now, ct);
            status = FellowshipStatus.ASSESSED;
            if (grade == Grade.UNQUALIFIED)
            {
                stream.AppendOne(new CertificateWithheld("final grade UNQUALIFIED: no certificate of completion (FEL-24)", command.Actor, now));
                status = FellowshipStatus.NOT_CERTIFIED;
            }
        }
        return new AssessmentResult(f.Id, assessment.Id, status.ToString(), isFinal);
    }
}
