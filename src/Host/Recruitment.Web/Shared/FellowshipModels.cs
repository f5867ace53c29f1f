namespace Recruitment.Web.Shared;

// The fellowship API's answers and bodies as the client reads and sends them (src/Modules/AdvancedFellowship).
// Codes (post types, statuses, grades) stay strings: the client shows them through FellowshipTexts and never decides by them.

public sealed record FellowshipCycleView(int Year, DateTimeOffset ApplicationOpen, DateTimeOffset ApplicationClose, DateTimeOffset AdmissionNoticeDeadline,
    DateOnly DefaultReportingDate, FellowshipBand IntakeBand, int TotalQuota, List<FellowshipPosition> Positions);

public sealed record FellowshipBand(int Min, int Max);

public sealed record FellowshipRequiredDocument(string Kind, string? PostType);

public sealed record FellowshipPosition(int No, string DepartmentCode, string DepartmentEn, string DepartmentZh, string Category,
    Dictionary<string, int> DurationMonths, int Quota, string TitleRequirement, string Education, int WorkYearsMin, int WorkYearsMax,
    string SpecialtyRequirement, string Direction, List<string> PracticeScopes, List<FellowshipRequiredDocument> RequiredDocuments);

public sealed record FellowshipResultView(Guid ApplicationId, string Status);

public sealed record FellowshipDocumentView(string Kind, string ContentType, int Size, string Sha256, DateTimeOffset UploadedAt);

public sealed record FellowshipTimelineEntry(DateTimeOffset At, string Event, string Status, string Actor, string? Detail);

public sealed record FellowshipChoice(int? PositionNo, string? DepartmentCode, string? Department, string? PostType, int? DurationMonths);

public sealed record FellowshipNotice(string Number, DateOnly ReportingDate, DateOnly IssuedOn);

public sealed record FellowshipFlagAck(string Flag, string Reason, string Actor, DateTimeOffset At);

public sealed record FellowshipMentor(string StaffNo, string Name, string Title, string Department, DateOnly From);

public sealed record FellowshipEvaluation(Guid Id, DateOnly EvaluatedOn, string Evaluator, string Summary);

public sealed record FellowshipRotationBlock(string Site, DateOnly Start, DateOnly End, Guid EvaluationId);

public sealed record FellowshipProject(Guid Id, string Kind, string Title, string? Funder, decimal ExternalAmountCny, decimal HospitalFundingCny, bool Capped,
    bool JointWithMentor, DateOnly RegisteredOn);

public sealed record FellowshipBls(string Outcome, bool Excellent, string? CertificateNumber, DateOnly CompletedOn);

public sealed record FellowshipAcls(string Reason, DateOnly RecommendedOn);

public sealed record FellowshipPanelMember(string Name, string Department);

public sealed record FellowshipAssessment(Guid Id, string Kind, string Grade, bool IsFinal, DateOnly AssessedOn, string Summary, List<FellowshipPanelMember> Panel);

public sealed record FellowshipCertificate(string Number, DateOnly Start, DateOnly End, string Grade, DateOnly IssuedOn);

public sealed record FellowshipTraining(string? PaidBy, DateOnly? ReportedOn, DateOnly? TrainingStart, DateOnly? TrainingEnd, FellowshipMentor? Mentor,
    List<FellowshipEvaluation> Evaluations, List<FellowshipRotationBlock> Rotation, string? SingleSiteReason, List<FellowshipProject> Projects,
    decimal HospitalFundingCny, List<FellowshipBls> BlsResults, FellowshipAcls? Acls, List<FellowshipAssessment> Assessments, string? FinalGrade,
    FellowshipCertificate? Certificate);

public sealed record FellowshipSubmittedDocument(string Kind, string Sha256, int Size);

public sealed record FellowshipApplicationView(Guid Id, int Year, string Status, string Name, FellowshipChoice Choice, string? SendingUnit, List<string> Flags,
    List<FellowshipFlagAck> Acknowledgements, string? Reason, FellowshipNotice? Notice, string? NoticeGroup, List<FellowshipSubmittedDocument> Documents,
    FellowshipFormModel? Form, DateTimeOffset? SubmittedAt, DateTimeOffset UpdatedAt, FellowshipTraining? Training, List<FellowshipTimelineEntry> Timeline);

public sealed record FellowshipReportingItem(string Code, string Label, bool Received, bool Sealed);

public sealed record FellowshipStaffView(FellowshipApplicationView Application, string DocumentNumber, string Mobile, DateOnly BirthDate,
    List<FellowshipReportingItem> ReportingChecklist);

public sealed record FellowshipSummary(Guid Id, int Year, string Status, string Name, int? PositionNo, string? PostType, string? SendingUnit, List<string> Flags,
    List<string> UnacknowledgedFlags, DateTimeOffset? SubmittedAt, DateTimeOffset UpdatedAt);

public sealed record FellowshipSelectionRow(int PositionNo, string DepartmentCode, string Department, int TableQuota, int Adjustment, int Quota, int Held, int Free);

public sealed record FellowshipSelection(int Year, FellowshipBand IntakeBand, int TotalQuota, int Held, List<string> Warnings, List<FellowshipSelectionRow> Rows);

public sealed record FellowshipEvaluationResult(Guid FellowId, Guid EvaluationId);

public sealed record FellowshipCertificateResult(Guid FellowId, string CertificateNumber, string Status);

public sealed record FellowshipChecklistResult(Guid ApplicationId, List<string> Missing);

/// <summary>FORM-08 as the form edits it: mutable, every part present so the inputs can bind; sent as the API's FellowshipForm.</summary>
public sealed class FellowshipFormModel
{
    public int? PositionNo { get; set; }
    public string? PostType { get; set; }
    public int? DurationMonths { get; set; }
    public string? Gender { get; set; }
    public FellowshipEducation Education { get; set; } = new();
    public FellowshipTitle Title { get; set; } = new();
    public FellowshipResidency Residency { get; set; } = new();
    public FellowshipCertificates Certificates { get; set; } = new();
    public string? Specialty { get; set; }
    public DateOnly? SpecialtyWorkStart { get; set; }
    public FellowshipUnit SendingUnit { get; set; } = new();
    public string? ResearchExperience { get; set; }
    public bool ApplicantSigned { get; set; }
    public string? UnitOpinion { get; set; }
    public bool UnitAttestsConduct { get; set; }
    public bool DeclaresGoodHealth { get; set; }

    /// <summary>A technician sends no physician certificates (the API treats them as absent).</summary>
    public object ToRequest() => new
    {
        PositionNo,
        PostType,
        DurationMonths,
        Gender,
        Education,
        Title,
        Residency,
        Certificates = PostType == "TECHNICIAN" ? null : Certificates,
        Specialty,
        SpecialtyWorkStart,
        SendingUnit,
        ResearchExperience,
        ApplicantSigned,
        UnitOpinion,
        UnitAttestsConduct,
        DeclaresGoodHealth,
    };
}

public sealed class FellowshipEducation
{
    public string? Level { get; set; }
    public string? Degree { get; set; }
    public string? School { get; set; }
    public string? Major { get; set; }
    public DateOnly? GraduatedOn { get; set; }
    public string? DiplomaNumber { get; set; }
}

public sealed class FellowshipTitle
{
    public string? Level { get; set; }
    public string? Series { get; set; }
    public string? Specialty { get; set; }
    public string? Name { get; set; }
    public DateOnly? ObtainedOn { get; set; }
    public string? CertificateNumber { get; set; }
}

public sealed class FellowshipResidency
{
    public bool? Completed { get; set; }
    public string? CertificateNumber { get; set; }
}

public sealed class FellowshipCertificates
{
    public string? QualificationNumber { get; set; }
    public string? PractisingNumber { get; set; }
    public string? PracticeLocation { get; set; }
    public string? PracticeScope { get; set; }
}

public sealed class FellowshipUnit
{
    public string? Name { get; set; }
    public string? Address { get; set; }
    public string? DivisionCode { get; set; }
    public string? Phone { get; set; }
    public string? Fax { get; set; }
}
