namespace Recruitment.Web.Api;

// The exam, brochure, notice-board, round and rotation answers the applicant portal reads (issue 17).

public sealed record BrochureListRow(string BaseCode, string NameZh, string NameEn, string City, string State, int Places, DateTimeOffset? PublishedAt);

public sealed record BaseContact(string Name, string Phone);

public sealed record BrochurePlanRow(string SpecialtyCode, string NameZh, string NameEn, bool IsShortage, int Places);

public sealed record BrochureView(int Year, string BaseCode, string BaseNameZh, string BaseNameEn, string City, string State, string? HospitalDescription,
    int? MonthlyStipendYuan, string? BenefitsDescription, string? HousingDescription, string? EqualTreatmentDescription, List<BaseContact> Contacts,
    List<BrochurePlanRow> Plan, int? AssistantGpPlaces);

public sealed record BrochureComparisonRow(string BaseCode, string NameZh, string NameEn, string City, string State, int Places, int? MonthlyStipendYuan,
    string? BenefitsDescription, string? HousingDescription, string? EqualTreatmentDescription, List<BaseContact> Contacts);

public sealed record BrochureComparison(int Year, string Specialty, string? NameZh, string? NameEn, bool IsShortage, List<BrochureComparisonRow> Bases);

public sealed record AttachmentInfo(Guid Id, string FileName, string ContentType, long Size, string Sha256);

public sealed record Announcement(Guid Id, string Publisher, string Title, string Body, DateTimeOffset PublishAt, DateTimeOffset? ExpireAt,
    List<AttachmentInfo> Attachments);

public sealed record AnnouncementPage(List<Announcement> Items, int Page, int PageSize, int Total);

public sealed record ExamSessionView(Guid Id, int Year, string Track, string Kind, string? BaseCode, DateTimeOffset Start, DateTimeOffset End, string Place,
    string? Notes);

public sealed record TicketSession(Guid Id, string Kind, string? BaseCode, DateTimeOffset Start, DateTimeOffset End, string Place, string? Notes);

public sealed record TicketRule(string Zh, string En);

public sealed record AdmissionTicket(string TicketNumber, Guid CandidateId, string Name, string MaskedDocumentNumber, int Year, string Track,
    string BaseCode, string SpecialtyCode, string? OtherSpecialty, List<TicketSession> Sessions, List<TicketRule> Rules);

/// <summary>The imported components (EXAM-09) beside the weighted totals the status page already shows.</summary>
public sealed record ScoreComponents(decimal? Theory, decimal? Skill, decimal? Interview, string? Result, List<string>? AbsentComponents, DateOnly? ExamDate);

public sealed record MyScoreDetail(int Year, string Track, string BaseCode, bool Published, DateTimeOffset VisibleFrom, ScoreComponents? Components,
    ScoreTotals? Totals);

public sealed record MyRoundCell(string BaseCode, string SpecialtyCode, string? OtherSpecialty);

public sealed record MyRound(Guid Id, string Kind, DateTimeOffset Opens, DateTimeOffset Closes, bool Open, bool Allocated, List<MyRoundCell>? Preferences,
    DateTimeOffset? SubmittedAt);

public sealed record MyRounds(int Year, string Status, bool Eligible, List<MyRound> Rounds);

public sealed record PlanBlock(int Index, string Department, DateOnly Start, DateOnly End, int Months, string Status, DateTimeOffset? StartedAt,
    DateTimeOffset? CompletedAt);

public sealed record PlanRequirement(string Department, int Months, int MinBlockMonths);

public sealed record RotationPlan(Guid TraineeId, string Name, int Year, string BaseCode, string Track, string SpecialtyCode, string? OtherSpecialty,
    string TraineeStatus, bool ReducedYears, int TrainingMonths, DateOnly TrainingStart, DateOnly TrainingEnd, string Status, bool Executable,
    List<PlanBlock> Blocks, int CountedMonths, List<PlanRequirement> Requirements, DateTimeOffset? ApprovedAt);

public sealed record DepartmentInfo(string Code, string NameEn, string NameZh);

public sealed record DepartmentList(List<DepartmentInfo> Items);
