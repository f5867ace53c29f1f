namespace Recruitment.AccessAudit.Domain;

internal enum AccessAction { READ, CHANGE }

/// <summary>
/// One staff access to personal data: who (account, role, name, base), when, what (the route and the record) and
/// from where (the client address), and whose data it was. Inserted once and never updated (the table refuses
/// updates); deleted only when older than the retention period.
/// </summary>
internal sealed class AccessRecord
{
    public Guid Id { get; set; }
    public DateTimeOffset At { get; set; }
    public AccessAction Action { get; set; }

    public Guid? StaffId { get; set; }
    public string StaffRole { get; set; } = "";
    public string? StaffName { get; set; }
    public string? StaffBaseCode { get; set; }

    /// <summary>What was read or changed: a label for reads of personal data, the route for changes.</summary>
    public string What { get; set; } = "";
    public string Method { get; set; } = "";
    public string Route { get; set; } = "";
    public string Path { get; set; } = "";
    public int Status { get; set; }
    public string? Address { get; set; }

    public string? SubjectKind { get; set; }
    public Guid? SubjectId { get; set; }
    public Guid? ApplicantId { get; set; }
    /// <summary>The base holding the record, or the base a list or export covers.</summary>
    public string? SubjectBaseCode { get; set; }
}
