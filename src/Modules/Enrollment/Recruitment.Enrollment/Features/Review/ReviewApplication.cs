using Recruitment.Enrollment.Features.Notices;

namespace Recruitment.Enrollment.Features.Review;

public sealed record FreeStudentRecordRequest(string? Name, string? IdNumber, string? DirectedCounty, bool AgreementChecked);

/// <summary>The body of a review: a decision, and what the base checked on the way (identity, free-student record).</summary>
public sealed record ReviewRequest(string? Decision, string? Reason, bool IdentityVerified, FreeStudentRecordRequest? FreeStudentRecord);

public sealed record ReviewApplication(Guid ApplicationId, string Actor, ReviewRequest Request);

/// <summary>
/// POST /api/enrollment/applications/{applicationId}/review: the base's qualification review (ENR-30, ENR-31)
/// of a residency application, or its stamp on an assistant-GP registration (ENR-40). Approving an
/// independent applicant needs the identity tick (ENR-22); a free student needs the FORM-07 record
/// (ENR-30). A qualified assistant-GP registrant goes on the exam roster (EXAM-04).
/// </summary>
internal sealed class ReviewApplicationEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapPost("/api/enrollment/applications/{applicationId:guid}/review", async (Guid applicationId, ReviewRequest request,
                HttpContext http, IEnrollmentStore store, IMessageBus bus, CancellationToken ct) =>
            {
                await ApplicationAccess.EnsureStaffMayAct(store, applicationId, http.User, ct);
                return await bus.InvokeAsync<ApplicationResult>(new ReviewApplication(applicationId, http.User.Actor(), request), ct);
            })
            .RequireAuthorization(Policies.BaseAdmin).WithTags("Enrollment: bases");
}

[MartenStore(typeof(IEnrollmentStore))]
public static class ReviewApplicationHandler
{
    public static async Task<(ApplicationResult, CandidateEligibleForExams?)> Handle(ReviewApplication command, IDocumentSession session,
        TimeProvider clock, IMessageBus bus, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var r = command.Request;
        var approve = r.Decision?.ToUpperInvariant() switch
        {
            "APPROVE" => true,
            "REJECT" => false,
            _ => throw DomainException.Invalid("review.invalid_decision", "decision must be APPROVE or REJECT."),
        };
        var stream = await session.Events.FetchForWriting<Application>(command.ApplicationId, ct);
        var a = stream.Aggregate ?? throw DomainException.NotFound("application.not_found", $"No application {command.ApplicationId}.");
        var pending = a.Track == Track.RESIDENCY ? ApplicationStatus.PENDING_REVIEW : ApplicationStatus.ONSITE_REGISTERED;
        if (a.Status != pending) throw ApplicationAccess.WrongStatus(a, "review", pending);

        var cycle = await session.LoadAsync<RecruitmentCycle>(a.Year, ct)
                    ?? throw DomainException.NotFound("cycle.not_found", $"No recruitment cycle for {a.Year}.");
        var deadline = a.Track == Track.RESIDENCY ? cycle.Calendar.QualificationReviewDeadline : cycle.Calendar.AssistantGpRegistrationEnd;
        if (now.IsPast(deadline))
            throw new DomainException("review.deadline_passed", $"The review closed at {deadline:O} (ENR-31).");

        if (r.IdentityVerified && !a.IdentityVerified) stream.AppendOne(new IdentityVerified(command.Actor, now));
        if (r.FreeStudentRecord is { } record) stream.AppendOne(new FreeStudentRecorded(Validate(record, now), command.Actor, now));

        if (!approve)
        {
            if (string.IsNullOrWhiteSpace(r.Reason))
                throw DomainException.Invalid("review.reason_required", "A rejection states its reason (ENR-31).");
            stream.AppendOne(new ApplicationRejected(r.Reason.Trim(), command.Actor, now));
            // The applicant is told from here, in this transaction (docs/notifications.md).
            if (EnrollmentNotices.Reviewed(a, cycle, r.Reason.Trim(), now) is { } rejected) await bus.PublishAsync(rejected);
            return (new ApplicationResult(a.Id, nameof(ApplicationStatus.REJECTED)), null);
        }

        if (a.Category == Category.INDEPENDENT && a.Track == Track.RESIDENCY && !a.IdentityVerified && !r.IdentityVerified)
            throw new DomainException("review.identity_not_verified",
                "An independent applicant's identity must be verified before approval (ENR-22).");
        if (a.IsFreeStudent && a.FreeStudentRecord is null && r.FreeStudentRecord is null)
            throw new DomainException("review.free_student_record_required",
                "Record the free student's name, ID number, directed county and agreement before approval (ENR-30).");
        if (a.Track == Track.ASSISTANT_GP && AssistantGp.AssistantGpMaterials.Missing(a) is { Count: > 0 } missing)
            throw new DomainException("agp.checklist_incomplete", "Every on-site material must be ticked before the base stamps the registration (ENR-38, ENR-39).",
                extensions: new Dictionary<string, object?> { ["missing"] = missing });
        stream.AppendOne(new ApplicationApproved(r.Reason?.Trim(), command.Actor, now));
        if (EnrollmentNotices.Reviewed(a, cycle, null, now) is { } approved) await bus.PublishAsync(approved);

        if (a.Track == Track.ASSISTANT_GP)
            return (new ApplicationResult(a.Id, nameof(ApplicationStatus.QUALIFIED)), Roster.Eligible(a, exemptionRequested: false, now));
        return (new ApplicationResult(a.Id, nameof(ApplicationStatus.APPROVED)), null);
    }

    private static FreeStudentRecord Validate(FreeStudentRecordRequest r, DateTimeOffset now)
    {
        var idNumber = r.IdNumber?.Trim().ToUpperInvariant() ?? "";
        if (string.IsNullOrWhiteSpace(r.Name) || string.IsNullOrWhiteSpace(r.DirectedCounty) || !r.AgreementChecked)
            throw DomainException.Invalid("review.invalid_free_student_record",
                "The free-student record needs name, directedCounty and agreementChecked=true (FORM-07).");
        if (ResidentId.Problem(idNumber, now) is { } problem)
            throw DomainException.Invalid("review.invalid_free_student_record", $"The free student's ID number is invalid: {problem}.");
        return new FreeStudentRecord(r.Name.Trim(), idNumber, r.DirectedCounty.Trim(), r.AgreementChecked);
    }
}
