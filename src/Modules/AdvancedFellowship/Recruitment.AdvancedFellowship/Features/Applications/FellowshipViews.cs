namespace Recruitment.AdvancedFellowship.Features.Applications;

internal sealed record TimelineEntry(DateTimeOffset At, string Event, string Status, string Actor, string? Detail);

internal sealed record PositionChoice(int? PositionNo, string? DepartmentCode, string? Department, string? PostType, int? DurationMonths);

/// <summary>A fellow's training; <see cref="PaidBy"/> is the sending unit, which pays salary and costs (FEL-26: the system computes no pay).</summary>
internal sealed record TrainingView(
    string? PaidBy, DateOnly? ReportedOn, DateOnly? TrainingStart, DateOnly? TrainingEnd, MentorAssignment? Mentor, IReadOnlyList<PerformanceEvaluation> Evaluations,
    IReadOnlyList<RotationBlock> Rotation, string? SingleSiteReason, IReadOnlyList<ResearchProject> Projects, decimal HospitalFundingCny,
    IReadOnlyList<BlsResult> BlsResults, AclsRecommendation? Acls, IReadOnlyList<Assessment> Assessments, Grade? FinalGrade,
    CompletionCertificate? Certificate);

internal sealed record FellowshipView(
    Guid Id, int Year, string Status, string Name, PositionChoice Choice, string? SendingUnit, IReadOnlyList<string> Flags,
    IReadOnlyList<FlagAcknowledgement> Acknowledgements, string? Reason, AdmissionNotice? Notice, string? NoticeGroup,
    IReadOnlyList<SubmittedDocument> Documents, FellowshipForm? Form, DateTimeOffset? SubmittedAt, DateTimeOffset UpdatedAt,
    TrainingView? Training, IReadOnlyList<TimelineEntry> Timeline);

/// <summary>
/// The status and dated timeline of a fellowship (FEL-12: status visible to each applicant): the event stream replayed,
/// each entry with the status it led to, who caused it and the reason or detail it carried.
/// </summary>
internal static partial class FellowshipViews
{
    [GeneratedRegex("(?<!^)([A-Z])")]
    private static partial Regex WordStart();

    public static async Task<FellowshipView> ViewAsync(IQuerySession session, Fellowship f, CancellationToken ct)
    {
        var events = await session.Events.FetchStreamAsync(f.Id, token: ct);
        var replay = new Fellowship();
        var timeline = new List<TimelineEntry>(events.Count);
        foreach (var e in events)
        {
            if (e.Data is not IFellowshipEvent change) continue;
            replay.On(change);
            timeline.Add(new TimelineEntry(change.At, Name(change), replay.Status.ToString(), change.Actor, Detail(change)));
        }
        var cycle = await session.LoadAsync<FellowshipCycle>(f.Year, ct);
        return new FellowshipView(f.Id, f.Year, f.Status.ToString(), f.Name, Choice(f, cycle), f.SendingUnitName, f.Flags, f.Acknowledgements,
            f.Reason, f.Notice, cycle?.NoticeGroup, f.Documents, f.Form, f.SubmittedAt, f.UpdatedAt, Training(f), timeline);
    }

    public static PositionChoice Choice(Fellowship f, FellowshipCycle? cycle)
    {
        var position = f.PositionNo is { } no ? cycle?.Find(no) : null;
        return new PositionChoice(f.PositionNo, position?.DepartmentCode, position?.DepartmentEn, f.PostType?.ToString(), f.DurationMonths);
    }

    public static TrainingView? Training(Fellowship f) => !f.IsFellow
        ? null
        : new TrainingView(f.SendingUnitName, f.ReportedOn, f.TrainingStart, f.TrainingEnd, f.Mentor, f.Evaluations, f.Rotation, f.SingleSiteReason, f.Projects,
            f.Projects.Sum(p => p.HospitalFundingCny), f.BlsResults, f.Acls, f.Assessments, f.FinalGrade, f.Certificate);

    private static string Name(IFellowshipEvent e) => WordStart().Replace(e.GetType().Name, "-$1").ToLowerInvariant();

    private static string? Detail(IFellowshipEvent e) => e switch
    {
        ApplicationSubmitted s => $"row {s.Form.PositionNo} {s.Form.PostType}",
        ApplicationEdited edited => $"row {edited.Form.PositionNo} {edited.Form.PostType}",
        ApplicationWithdrawn w => w.Reason,
        FlagAcknowledged a => $"{a.Flag}: {a.Reason}",
        ApplicationProposed p => string.Join("; ", new[] { p.Note, p.IntakeBandReason is null ? null : $"intake band: {p.IntakeBandReason}" }
            .Where(x => !string.IsNullOrEmpty(x))) is { Length: > 0 } detail ? detail : null,
        ApplicationRejected r => r.Reason,
        NoticeIssued n => $"{n.Number}, report on {n.ReportingDate:yyyy-MM-dd}{(n.Reason is null ? "" : $" ({n.Reason})")}",
        FellowReported r => $"reported on {r.ReportedOn:yyyy-MM-dd}",
        MentorAssigned m => $"{m.Mentor.Name} ({m.Mentor.StaffNo}, {m.Mentor.Title}){(m.Reason is null ? "" : $": {m.Reason}")}",
        MentorEnded m => $"{m.StaffNo}: {m.Reason}",
        SiteRotationPlanned p => string.Join(", ", p.Blocks.OrderBy(b => b.Start).Select(b => $"{b.Site} {b.Start:yyyy-MM-dd}..{b.End:yyyy-MM-dd}"))
                                 + (p.Reason is null ? "" : $" ({p.Reason})"),
        TrainingStarted t => $"{t.Start:yyyy-MM-dd}..{t.End:yyyy-MM-dd}",
        ProjectRegistered p => $"{p.Project.Kind} \"{p.Project.Title}\": {p.Project.HospitalFundingCny} CNY",
        BlsResultRecorded b => $"BLS {b.Result.Outcome}{(b.Result.Excellent ? " (excellent)" : "")}",
        AclsRecommended a => a.Recommendation.Reason,
        FellowReturned r => r.Reason,
        AssessmentRecorded a => $"{a.Assessment.Kind} {a.Assessment.Grade}{(a.Assessment.IsFinal ? " (final)" : "")}",
        CertificateIssued c => c.Certificate.Number,
        CertificateWithheld w => w.Reason,
        _ => null,
    };
}
