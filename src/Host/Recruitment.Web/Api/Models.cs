namespace Recruitment.Web.Api;

// The shapes of the public API (API.md) this client reads and writes; camelCase JSON, enums as strings.

public sealed record TokenResponse(string AccessToken, string? TokenType, DateTimeOffset? ExpiresAt, string? Role);

public sealed record CycleCalendarView
{
    public DateTimeOffset RegistrationOpen { get; init; }
    public DateTimeOffset RegistrationCloseExclusive { get; init; }
}

public sealed record CycleSummary(int Year, int ResidencyPlaces, CycleCalendarView Calendar);

public sealed record Window(string Name, DateTimeOffset Start, DateTimeOffset End);

public sealed record QuotaRow(string Specialty, bool IsShortage, Dictionary<string, int?> Places, int Total);

public sealed record QuotaTable(int Year, List<string> Bases, List<QuotaRow> Rows, Dictionary<string, int> BaseTotals, int Total);

public sealed record BaseInfo(string Code, string NameZh, string NameEn, string City);

public sealed record SpecialtyInfo(string Code, string NameZh, string NameEn, bool IsShortage);

public sealed record PublicityEntry(string Name, string BaseCode, string SpecialtyCode, string? OtherSpecialty);

public sealed record PublicityList(Guid PublicityId, DateTimeOffset StartsAt, DateTimeOffset EndsAt, List<PublicityEntry> Entries);

public sealed class BasicInformation
{
    public string? Gender { get; set; }
    public DateOnly? BirthDate { get; set; }
    public string? Ethnicity { get; set; }
    public string? Email { get; set; }
    public string? Address { get; set; }
    public bool IsPovertyAlleviatedArea { get; set; }
    public FreeStudent? FreeStudent { get; set; }
}

public sealed class FreeStudent
{
    public string? Level { get; set; }
    public string? DirectedEmployer { get; set; }
    public string? DirectedCounty { get; set; }
    public bool IsDefaulter { get; set; }
}

public sealed class Certificate
{
    public string? Type { get; set; }
    public string? Number { get; set; }
    public DateOnly? IssuedOn { get; set; }
    public string? PracticeLocation { get; set; }
    public string? PracticeScope { get; set; }
}

public sealed class Education
{
    public string? Level { get; set; }
    public string? Mode { get; set; }
    public string? DegreeType { get; set; }
    public string? School { get; set; }
    public string? Major { get; set; }
    public string? Country { get; set; }
    public DateOnly? Start { get; set; }
    public DateOnly? End { get; set; }
    public bool InProgress { get; set; }
    public string? DiplomaCertNumber { get; set; }
    public string? DegreeCertNumber { get; set; }
}

public sealed record ProfileView(
    string Name, string DocumentType, string DocumentNumber, string Mobile,
    BasicInformation? Basic, List<Certificate>? Certificates, List<Education>? Education,
    bool Complete, List<string> Missing, DateTimeOffset? UpdatedAt);

public sealed record ProfileRequest(BasicInformation Basic, List<Certificate> Certificates, List<Education> Education);

public sealed record PhotoStored(string? FileName, long UploadedSize, long StoredSize, string? Sha256);

public sealed class ApplicationForm
{
    public int? Year { get; set; }
    public string? BaseCode { get; set; }
    public string? SpecialtyCode { get; set; }
    public string? OtherSpecialty { get; set; }
    public string? Category { get; set; }
    public string? EmployerName { get; set; }
    public string? CurrentSpecialty { get; set; }
    public bool DeclaresNoEmployment { get; set; }
    public bool AcceptsReallocation { get; set; }
    public bool RequestsExemption { get; set; }
    public bool Declaration { get; set; }
}

public sealed record ApplicationResult(Guid ApplicationId, string Status);

public sealed record TimelineEntry(DateTimeOffset At, string Event, string Status, string? Actor, string? Detail);

public sealed record ApplicationView(
    Guid Id, int Year, string Track, string Status, string BaseCode, string SpecialtyCode, string? OtherSpecialty, string Category,
    string Name, List<string> Flags, string? Reason, ApplicationChoiceView? Choice, DateTimeOffset SubmittedAt, DateTimeOffset UpdatedAt,
    List<TimelineEntry> Timeline);

public sealed record ApplicationChoiceView(
    string BaseCode, string SpecialtyCode, string? OtherSpecialty, string Category, string? EmployerName, string? CurrentSpecialty,
    bool DeclaresNoEmployment, bool AcceptsReallocation, bool RequestsExemption, bool Declaration);

public sealed record AdmissionView(int Year, string Status, bool Admitted, string? BaseCode, string? SpecialtyCode, string? OtherSpecialty,
    int? TrainingMonths, DateOnly? TrainingStart, string? NoticeUrl);

public sealed record ScoreTotals(decimal Written, decimal Interview, decimal Total, bool Passed, bool Absent);

public sealed record MyScore(int Year, string Track, string BaseCode, bool Published, DateTimeOffset VisibleFrom, ScoreTotals? Totals);

public sealed record SlotView(Guid SlotId, int Year, string BaseCode, DateTimeOffset Start, DateTimeOffset End, string Place, int Capacity,
    int Booked, int Remaining);

public sealed record AppointmentView(Guid ApplicationId, SlotView Slot, DateTimeOffset BookedAt);

public sealed record NotificationView(Guid Id, string Template, string Title, string TitleEn, string Body, string BodyEn, string? Link,
    DateTimeOffset CreatedAt, DateTimeOffset? ReadAt);

public sealed record InboxPage(List<NotificationView> Items, int Page, int PageSize, long Total, long Unread);

public sealed record UnreadCount(long Unread);

// Staff (base admin console)

public sealed record CallerView(string Subject, string Role, string? Name, string? BaseCode, string? Programme, List<string> Scopes);

public sealed record PagedList<T>(List<T> Items, int Page, int PageSize, long Total);

public sealed record ApplicationSummary(
    Guid Id, int Year, string Track, string Status, string Name, string MaskedDocumentNumber, string SpecialtyCode, string? OtherSpecialty, string Category,
    bool IsFreeStudent, bool IdentityVerified, List<string> Flags, DateTimeOffset SubmittedAt, DateTimeOffset UpdatedAt);

public sealed record StatusCounts(int Year, Dictionary<string, int> Counts, int Total);

/// <summary>An application as staff read it: <see cref="ApplicationView"/> plus what the base checks.</summary>
public sealed record StaffApplication(
    Guid Id, int Year, string Track, string Status, string BaseCode, string SpecialtyCode, string? OtherSpecialty, string Category,
    string Name, bool IsFreeStudent, bool ExemptionRequested, bool IdentityVerified, List<string> Flags, string? Reason,
    ApplicationChoiceView? Choice, DateTimeOffset SubmittedAt, DateTimeOffset UpdatedAt, List<TimelineEntry> Timeline);

public sealed record StaffProfile(BasicInformation? Basic, List<Certificate>? Certificates, List<Education>? Education);

public sealed record FreeStudentRecordView(string Name, string IdNumber, string DirectedCounty, bool AgreementChecked);

public sealed record StaffApplicationView(StaffApplication Application, string DocumentNumber, string Mobile, StaffProfile? Profile,
    FreeStudentRecordView? FreeStudentRecord);

public sealed record ChecklistLine(string Code, string Label, bool OriginalRequired, bool CopyRequired, bool OriginalSeen, bool CopyReceived,
    bool Satisfied);

public sealed record ChecklistView(Guid ApplicationId, string Status, bool ExemptionRequested, List<ChecklistLine> Items, List<string> Missing);

public sealed record DayListEntry(DateTimeOffset Start, DateTimeOffset End, string Place, Guid ApplicationId, string Name, string SpecialtyCode,
    string? OtherSpecialty, string Status, bool Due);
