namespace Recruitment.Enrollment.Domain;

internal enum Category { SPONSORED, INDEPENDENT }

/// <summary>The status machine of DOMAIN.md 3.9.</summary>
internal enum ApplicationStatus
{
    PENDING_REVIEW, APPROVED, REJECTED, NOT_REVIEWED, CONFIRMED, NOT_CONFIRMED,
    ONSITE_REGISTERED, QUALIFIED, EXAMINED, ABSENT, CANCELLED_ABSENT,
    PROPOSED, NOT_PROPOSED, CENTER_REVIEWED, PHC_RECHECKED, IN_PUBLICITY, ON_HOLD, ADMITTED, REVOKED, REPORTED,
    WITHDRAWN, CANCELLED_FALSE_INFO,
    // After admission (ENR-65, ENR-66): declined by the applicant; not reported by the reporting deadline.
    DECLINED, NOT_REPORTED,
}

internal enum PsychTest { NOT_REQUIRED, PASS, FAIL, PENDING }

internal enum HealthCheck { PASS, FAIL, PENDING }

/// <summary>A base's proposed admission (ENR-43..ENR-47, ENR-61), or an allocation in a PHC round (ENR-53..ENR-56).</summary>
internal sealed record Proposal(string CellId, string BaseCode, string SpecialtyCode, string? OtherSpecialty, int TrainingMonths,
    PsychTest PsychTest, HealthCheck HealthCheck, string? SkipReason, string? HealthReason, Guid? RoundId);

/// <summary>What the applicant chose and declared (ENR-13, ENR-17..ENR-29).</summary>
internal sealed record ApplicationChoice(
    string BaseCode,
    string SpecialtyCode,
    string? OtherSpecialty,
    Category Category,
    string? EmployerName,
    string? CurrentSpecialty,
    bool DeclaresNoEmployment,
    bool AcceptsReallocation,
    bool RequestsExemption,
    bool Declaration);

/// <summary>FORM-07, kept by the base at qualification review (ENR-30).</summary>
internal sealed record FreeStudentRecord(string Name, string IdNumber, string DirectedCounty, bool AgreementChecked);

/// <summary>
/// One application (residency) or on-site registration (assistant GP) of one person in one cycle,
/// event sourced: the stream is the audit trail and the applicant's timeline (ENR-14, ENR-34).
/// A withdrawn application is resubmitted on the same stream, so a person has one stream per cycle.
/// </summary>
internal sealed class Application
{
    public Guid Id { get; set; }
    /// <summary>
    /// The stream version this snapshot reflects, set by Marten when events are appended through FetchForWriting or
    /// with an expected version (every slice does); an append expecting Version + 1 fails if another writer came first.
    /// </summary>
    public long Version { get; set; }
    public int Year { get; set; }
    public Track Track { get; set; }
    /// <summary>The applicant's account; null for an assistant-GP registrant keyed in by base staff.</summary>
    public Guid? ApplicantId { get; set; }
    public string DocumentNumber { get; set; } = "";
    public string Name { get; set; } = "";
    public string Mobile { get; set; } = "";
    public string BaseCode { get; set; } = "";
    public string SpecialtyCode { get; set; } = "";
    public string? OtherSpecialty { get; set; }
    public Category Category { get; set; }
    public bool IsFreeStudent { get; set; }
    public ApplicationChoice? Choice { get; set; }
    public Profile? Profile { get; set; }
    public AssistantGpForm? Form { get; set; }
    public ApplicationStatus Status { get; set; }
    /// <summary>SOFT rule findings a reviewer sees (ENR-19, ENR-36).</summary>
    public List<string> Flags { get; set; } = [];
    public bool IdentityVerified { get; set; }
    public FreeStudentRecord? FreeStudentRecord { get; set; }
    public List<ChecklistTick> Checklist { get; set; } = [];
    public bool ExemptionRequested { get; set; }
    public string? Reason { get; set; }
    public DateTimeOffset SubmittedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    /// <summary>The latest exam result published by Examination (EXAM-15, EXAM-16); what admission ranks by.</summary>
    public ExamResult? ExamResult { get; set; }
    /// <summary>The center's exemption determination (EXM-09), which overrides the base's proposed training months (ENR-47).</summary>
    public ExemptionOutcome? Exemption { get; set; }
    /// <summary>Set once the roster message went out, so withdrawals and cancellations know to follow it.</summary>
    public bool Rostered { get; set; }

    public Proposal? Proposal { get; set; }
    public Guid? PublicityId { get; set; }
    public DateOnly? ReportedOn { get; set; }
    public DateOnly? LabourContractSignedOn { get; set; }
    /// <summary>Reported after the reporting deadline, recorded by the base with a reason (ENR-66).</summary>
    public bool ReportedLate { get; set; }

    /// <summary>Set when a center correction changes pass/fail of a candidate already proposed or admitted (EXAM-16).</summary>
    public const string ResultCorrectedFlag = "EXAM_RESULT_CORRECTED";

    public bool IsActive => Status is not (ApplicationStatus.WITHDRAWN or ApplicationStatus.CANCELLED_FALSE_INFO or ApplicationStatus.REVOKED
        or ApplicationStatus.DECLINED or ApplicationStatus.NOT_REPORTED);

    /// <summary>Withdrawal and cancellation are possible only before admission (ENR-16, DOMAIN.md 3.9).</summary>
    public bool IsAdmitted => Status is ApplicationStatus.ADMITTED or ApplicationStatus.REPORTED;

    public bool IsBeforeAdmission => IsActive && !IsAdmitted;

    /// <summary>Passed the exams and not absent (ENR-44, EXAM-13): may be proposed.</summary>
    public bool IsPassing => ExamResult is { Passed: true, Absent: false };

    /// <summary>
    /// The training months everything downstream uses (proposal views, notice, FORM-04, Rotation): the latest determination wins
    /// (EXM-09), approved with its months, rejected with the standard duration it carries; without one, the proposal's (ENR-47).
    /// </summary>
    public int? TrainingMonths => Exemption is { } e ? e.TrainingMonths : Proposal?.TrainingMonths;

    /// <summary>How often the admission notice was reissued because a later determination changed the months (EXM-09).</summary>
    public int NoticeRevision { get; set; }

    /// <summary>Set when a determination leaves the months the base proposed (EXM-09: the mismatch is flagged to the base).</summary>
    public const string TrainingMonthsChangedFlag = "TRAINING_MONTHS_CHANGED";

    // Marten finds these by convention; the one place that changes state is On().
    public void Apply(ApplicationSubmitted e) => On(e);
    public void Apply(ApplicationEdited e) => On(e);
    public void Apply(AssistantGpRegistered e) => On(e);
    public void Apply(ApplicationWithdrawn e) => On(e);
    public void Apply(IdentityVerified e) => On(e);
    public void Apply(FreeStudentRecorded e) => On(e);
    public void Apply(ApplicationApproved e) => On(e);
    public void Apply(ApplicationRejected e) => On(e);
    public void Apply(ReviewDeadlinePassed e) => On(e);
    public void Apply(ChecklistUpdated e) => On(e);
    public void Apply(OnsiteConfirmed e) => On(e);
    public void Apply(ConfirmationWindowClosed e) => On(e);
    public void Apply(ApplicationCancelled e) => On(e);
    public void Apply(ExamResultRecorded e) => On(e);
    public void Apply(ExemptionDecisionRecorded e) => On(e);
    public void Apply(ProposalMade e) => On(e);
    public void Apply(ProposalWithdrawn e) => On(e);
    public void Apply(ProposalLockPassed e) => On(e);
    public void Apply(CenterReviewed e) => On(e);
    public void Apply(PhcRechecked e) => On(e);
    public void Apply(PublicityStarted e) => On(e);
    public void Apply(ObjectionLodged e) => On(e);
    public void Apply(ObjectionResolved e) => On(e);
    public void Apply(Admitted e) => On(e);
    public void Apply(TraineeReported e) => On(e);
    public void Apply(LabourContractSigned e) => On(e);
    public void Apply(AdmissionNoticeReissued e) => On(e);
    public void Apply(AdmissionDeclined e) => On(e);
    public void Apply(ReportingDeadlinePassed e) => On(e);
    public void Apply(LateReportRecorded e) => On(e);
    public void Apply(AdmissionRevoked e) => On(e);
    public void Apply(ProposalReturned e) => On(e);
    public void Apply(PlacedByPhc e) => On(e);
    public void Apply(ProfileCorrected e) => On(e);

    internal void On(IApplicationEvent e)
    {
        UpdatedAt = e.At;
        switch (e)
        {
            case ApplicationSubmitted s:
                Year = s.Year;
                Track = Track.RESIDENCY;
                ApplicantId = s.ApplicantId;
                DocumentNumber = s.DocumentNumber;
                Name = s.Name;
                Mobile = s.Mobile;
                SubmittedAt = s.At;
                Choose(s.Choice, s.Profile, s.Flags);
                break;
            case ApplicationEdited edited:
                Choose(edited.Choice, edited.Profile, edited.Flags);
                break;
            case AssistantGpRegistered r:
                Year = r.Year;
                Track = Track.ASSISTANT_GP;
                DocumentNumber = r.DocumentNumber;
                Name = r.Name;
                Mobile = r.Mobile;
                BaseCode = r.BaseCode;
                SpecialtyCode = AssistantGpForm.SpecialtyCode;
                Category = r.Form.Category ?? Category.SPONSORED; // validated as present before the event exists
                IsFreeStudent = r.Form.FreeStudent is not null;
                Form = r.Form;
                Flags = [.. r.Flags];
                SubmittedAt = r.At;
                Status = ApplicationStatus.ONSITE_REGISTERED;
                break;
            case ApplicationWithdrawn w:
                Status = ApplicationStatus.WITHDRAWN;
                Reason = w.Reason;
                break;
            case Domain.IdentityVerified:
                IdentityVerified = true;
                break;
            case FreeStudentRecorded f:
                FreeStudentRecord = f.Record;
                break;
            case ApplicationApproved:
                Status = Track == Track.ASSISTANT_GP ? ApplicationStatus.QUALIFIED : ApplicationStatus.APPROVED;
                Reason = null;
                break;
            case ApplicationRejected r:
                Status = ApplicationStatus.REJECTED;
                Reason = r.Reason;
                break;
            case ReviewDeadlinePassed:
                // Deadline events change only what still waits, whatever raced them.
                if (Status == ApplicationStatus.PENDING_REVIEW) Status = ApplicationStatus.NOT_REVIEWED;
                break;
            case ChecklistUpdated c:
                Checklist = [.. c.Items];
                break;
            case OnsiteConfirmed c:
                Status = ApplicationStatus.CONFIRMED;
                ExemptionRequested = c.ExemptionRequested;
                break;
            case ConfirmationWindowClosed:
                if (Status == ApplicationStatus.APPROVED) Status = ApplicationStatus.NOT_CONFIRMED;
                break;
            case ExamResultRecorded r:
                var passedBefore = IsPassing;
                ExamResult = r.Result;
                if (Status is ApplicationStatus.CONFIRMED or ApplicationStatus.QUALIFIED or ApplicationStatus.EXAMINED or ApplicationStatus.ABSENT)
                    // EXAM-06: an assistant-GP absence cancels eligibility and is never reversed in the cycle;
                    // EXAM-07: an absent resident cannot be proposed.
                    Status = !r.Result.Absent ? ApplicationStatus.EXAMINED
                        : Track == Track.ASSISTANT_GP ? ApplicationStatus.CANCELLED_ABSENT
                        : ApplicationStatus.ABSENT;
                else if (passedBefore != IsPassing && Status != ApplicationStatus.NOT_PROPOSED && !Flags.Contains(ResultCorrectedFlag))
                    Flags.Add(ResultCorrectedFlag); // EXAM-16: a correction flips pass/fail after proposal: the base must look again
                break;
            case ExemptionDecisionRecorded d:
                Exemption = d.Outcome;
                if (Proposal is { } proposed && proposed.TrainingMonths != d.Outcome.TrainingMonths && !Flags.Contains(TrainingMonthsChangedFlag))
                    Flags.Add(TrainingMonthsChangedFlag);
                break;
            case AdmissionNoticeReissued:
                NoticeRevision++;
                break;
            case ProposalMade p:
                Proposal = p.Proposal;
                // A round may place the candidate in another cell (ENR-55): from here on that is their base and specialty.
                (BaseCode, SpecialtyCode, OtherSpecialty) = (p.Proposal.BaseCode, p.Proposal.SpecialtyCode, p.Proposal.OtherSpecialty);
                Status = ApplicationStatus.PROPOSED;
                break;
            case ProposalWithdrawn:
                Proposal = null;
                Status = ApplicationStatus.EXAMINED;
                break;
            case ProposalLockPassed:
                if (Status == ApplicationStatus.EXAMINED) Status = ApplicationStatus.NOT_PROPOSED;
                break;
            case CenterReviewed:
                Status = ApplicationStatus.CENTER_REVIEWED;
                break;
            case PhcRechecked:
                Status = ApplicationStatus.PHC_RECHECKED;
                break;
            case PublicityStarted p:
                PublicityId = p.PublicityId;
                Status = ApplicationStatus.IN_PUBLICITY;
                break;
            case ObjectionLodged:
                Status = ApplicationStatus.ON_HOLD;
                break;
            case ObjectionResolved r:
                if (!r.Final) break;
                Status = r.Admit ? (r.PublicityEnded ? ApplicationStatus.ADMITTED : ApplicationStatus.IN_PUBLICITY) : ApplicationStatus.REVOKED;
                if (!r.Admit) Reason = r.Reason;
                break;
            case Admitted:
                Status = ApplicationStatus.ADMITTED;
                break;
            case TraineeReported r:
                ReportedOn = r.ReportedOn;
                Status = ApplicationStatus.REPORTED;
                break;
            case LabourContractSigned l:
                LabourContractSignedOn = l.SignedOn;
                break;
            case ApplicationCancelled c:
                Status = ApplicationStatus.CANCELLED_FALSE_INFO;
                Reason = c.Reason;
                break;
            case AdmissionDeclined d:
                Status = ApplicationStatus.DECLINED;
                Reason = d.Reason;
                break;
            case ReportingDeadlinePassed:
                if (Status == ApplicationStatus.ADMITTED) Status = ApplicationStatus.NOT_REPORTED;
                break;
            case LateReportRecorded late:
                (ReportedOn, ReportedLate, Reason, Status) = (late.ReportedOn, true, late.Reason, ApplicationStatus.REPORTED);
                break;
            case AdmissionRevoked r:
                Status = ApplicationStatus.REVOKED;
                Reason = r.Reason;
                break;
            case ProposalReturned r:
                (Proposal, Status, Reason) = (null, ApplicationStatus.NOT_PROPOSED, r.Reason);
                break;
            case PlacedByPhc p:
                // Like a round's allocation (ENR-55): the cell is at the applicant's base, perhaps in another specialty.
                Proposal = p.Proposal;
                (SpecialtyCode, OtherSpecialty, Status) = (p.Proposal.SpecialtyCode, p.Proposal.OtherSpecialty, ApplicationStatus.PROPOSED);
                break;
            case ProfileCorrected c:
                (Profile, Flags) = (c.Profile, [.. c.Flags]);
                IsFreeStudent = c.Profile.FreeStudent is not null;
                break;
        }

        if (Status is ApplicationStatus.CONFIRMED or ApplicationStatus.QUALIFIED) Rostered = true;
    }

    private void Choose(ApplicationChoice choice, Profile profile, IReadOnlyList<string> flags)
    {
        Choice = choice;
        Profile = profile;
        BaseCode = choice.BaseCode;
        SpecialtyCode = choice.SpecialtyCode;
        OtherSpecialty = choice.OtherSpecialty;
        Category = choice.Category;
        IsFreeStudent = profile.FreeStudent is not null;
        ExemptionRequested = choice.RequestsExemption;
        Flags = [.. flags];
        // ENR-15, ENR-31: any (re)submission goes back to the base for review; a fresh start after a withdrawal too.
        Status = ApplicationStatus.PENDING_REVIEW;
        IdentityVerified = false;
        Reason = null;
        Rostered = false;
    }
}
