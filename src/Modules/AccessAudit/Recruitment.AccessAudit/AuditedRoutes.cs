namespace Recruitment.AccessAudit;

/// <summary>
/// The one table of what the access audit records, by route pattern, so no slice carries audit code:
/// every staff read of a route listed in <see cref="PersonalDataReads"/>, and every successful staff change
/// (POST, PUT, PATCH, DELETE) anywhere under <c>/api</c>. A test checks that each pattern here is a mapped route,
/// so a renamed route cannot silently drop out of the audit.
/// </summary>
internal static class AuditedRoutes
{
    /// <summary>Route pattern of a GET that shows an applicant's personal data, with what it shows.</summary>
    public static readonly IReadOnlyDictionary<string, string> PersonalDataReads = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["/api/enrollment/applications/{applicationId:guid}"] = "application detail",
        ["/api/enrollment/applications/{applicationId:guid}/photo"] = "applicant photo",
        ["/api/enrollment/applications/{applicationId:guid}/checklist"] = "on-site confirmation materials",
        ["/api/enrollment/applications/{applicationId:guid}/notice"] = "admission notice",
        ["/api/enrollment/bases/{baseCode}/applications"] = "application list",
        ["/api/enrollment/bases/{baseCode}/candidates"] = "candidate ranking and export",
        ["/api/enrollment/bases/{baseCode}/exports/{table}"] = "admission export",
        ["/api/enrollment/bases/{baseCode}/trainees"] = "trainee list",
        ["/api/enrollment/bases/{baseCode}/assistant-gp-registrations"] = "assistant-GP registrations (Att3, Att4)",
        ["/api/enrollment/bases/{baseCode}/documents/form-04.pdf"] = "residency proposed-admission summary (FORM-04 PDF)",
        ["/api/enrollment/bases/{baseCode}/documents/att4.pdf"] = "assistant-GP summary (Att4 PDF)",
        ["/api/enrollment/applications/{applicationId:guid}/att3.pdf"] = "assistant-GP registration form (Att3 PDF)",
        ["/api/training-exemption/requests"] = "exemption case list",
        ["/api/training-exemption/requests/{requestId:guid}"] = "exemption case",
        ["/api/training-exemption/requests/{requestId:guid}/base-form"] = "exemption approval form (FORM-06)",
        ["/api/training-exemption/requests/{requestId:guid}/export"] = "exemption approval form export (FORM-06)",
        ["/api/training-exemption/requests/{requestId:guid}/approval-form.pdf"] = "exemption approval form (FORM-06 PDF)",
        ["/api/rotation/trainees/{traineeId:guid}/plan"] = "rotation plan",
        ["/api/advanced-fellowship/applications"] = "fellowship application list",
        ["/api/advanced-fellowship/applications/{applicationId:guid}"] = "fellowship application",
        ["/api/advanced-fellowship/applications/{applicationId:guid}/documents/{kind}"] = "fellowship application document",
        ["/api/advanced-fellowship/applications/{applicationId:guid}/form"] = "fellowship application form (FORM-08)",
        ["/api/advanced-fellowship/applications/{applicationId:guid}/notice"] = "fellowship admission notice (FORM-09)",
        ["/api/advanced-fellowship/fellows/{fellowId:guid}"] = "fellow record",
        ["/api/advanced-fellowship/applications/{applicationId:guid}/notice.pdf"] = "fellowship admission notice PDF (FORM-09)",
        ["/api/advanced-fellowship/fellows/{fellowId:guid}/certificate.pdf"] = "fellowship certificate of completion PDF",
    };

    /// <summary>Route values that name a record holding personal data, and the kind of record, by module.</summary>
    private static readonly (string Prefix, string RouteValue, string Kind)[] Subjects =
    [
        ("/api/enrollment/", "applicationId", AccessSubjectKinds.RecruitmentApplication),
        ("/api/examination/", "candidateId", AccessSubjectKinds.RecruitmentApplication),
        ("/api/rotation/", "traineeId", AccessSubjectKinds.RecruitmentApplication),
        ("/api/training-exemption/", "requestId", AccessSubjectKinds.ExemptionCase),
        ("/api/advanced-fellowship/", "applicationId", AccessSubjectKinds.FellowshipApplication),
        ("/api/advanced-fellowship/", "fellowId", AccessSubjectKinds.FellowshipApplication),
    ];

    /// <summary>The record a request is about, from its route values.</summary>
    public static (string Kind, Guid Id)? SubjectOf(string pattern, RouteValueDictionary values)
    {
        foreach (var (prefix, name, kind) in Subjects)
            if (pattern.StartsWith(prefix, StringComparison.Ordinal) && values.TryGetValue(name, out var value)
                && Guid.TryParse(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture), out var id))
                return (kind, id);
        return null;
    }

    /// <summary>Whether a change through this route is a staff change worth recording (not the audit's own reads, not sign-in).</summary>
    public static bool IsChange(string method, string pattern) =>
        !HttpMethods.IsGet(method) && !HttpMethods.IsHead(method) && !HttpMethods.IsOptions(method)
        && pattern.StartsWith("/api/", StringComparison.Ordinal)
        && !pattern.StartsWith("/api/auth/token", StringComparison.Ordinal);
}
