using System.Diagnostics.CodeAnalysis;

namespace Recruitment.AdvancedFellowship.Domain;

/// <summary>The two sites of the two-site rotation (FEL-20): the Guilin hospital and the Second Xiangya Hospital.</summary>
public enum Site { GUILIN, XIANGYA2 }

public enum Grade { EXCELLENT, QUALIFIED, UNQUALIFIED }

public enum AssessmentKind { ANNUAL, FINAL }

[SuppressMessage("Naming", "CA1707", Justification = "Wire codes of DOMAIN.md's glossary, as the API and the stored documents spell them")]
public enum ProjectKind { SELF_RAISED, FUNDED }

/// <summary>The departments that organise the assessment experts (FEL-23); OTHER for clinical experts they invite.</summary>
[SuppressMessage("Naming", "CA1707", Justification = "Wire codes of DOMAIN.md's glossary, as the API and the stored documents spell them")]
public enum PanelDepartment { HR, MEDICAL_AFFAIRS, SCI_ED, OTHER }

public enum LifeSupportCourse { BLS, ACLS }

public enum BlsOutcome { PASS, FAIL }

internal sealed record FlagAcknowledgement(string Flag, string Reason, string Actor, DateTimeOffset At);

/// <summary>An upload as it was when the application was submitted (what the reviewer reviews).</summary>
internal sealed record SubmittedDocument(DocumentKind Kind, string Sha256, int Size);

/// <summary>FORM-09: notice number, the person's reporting date, and the day it was issued.</summary>
internal sealed record AdmissionNotice(string Number, DateOnly ReportingDate, DateOnly IssuedOn);

internal sealed record ReportingTick(string Code, bool Received, bool Sealed);

internal sealed record MentorAssignment(string StaffNo, string Name, MentorTitle Title, string Department, DateOnly From);

internal sealed record PerformanceEvaluation(Guid Id, DateOnly EvaluatedOn, string Evaluator, string Summary);

internal sealed record RotationBlock(Site Site, DateOnly Start, DateOnly End, Guid EvaluationId);

/// <summary>A research project and the hospital funding it earns (FEL-19): the funding ledger of a fellow is the list of these.</summary>
internal sealed record ResearchProject(Guid Id, ProjectKind Kind, string Title, string? Funder, decimal ExternalAmountCny,
    decimal HospitalFundingCny, bool Capped, bool JointWithMentor, DateOnly RegisteredOn);

internal sealed record BlsResult(BlsOutcome Outcome, bool Excellent, string? CertificateNumber, DateOnly CompletedOn);

internal sealed record AclsRecommendation(string Reason, DateOnly RecommendedOn);

internal sealed record PanelMember(string Name, PanelDepartment Department);

internal sealed record Assessment(Guid Id, AssessmentKind Kind, Grade Grade, bool IsFinal, DateOnly AssessedOn, string Summary,
    IReadOnlyList<PanelMember> Panel);

/// <summary>FEL-24, FEL-25: the certificate of completion, with the training dates and the grade, exportable for title applications.</summary>
internal sealed record CompletionCertificate(string Number, DateOnly Start, DateOnly End, Grade Grade, DateOnly IssuedOn);

/// <summary>The reporting materials of FEL-15 for one fellow: every copy bears the unit's official seal.</summary>
internal static class ReportingChecklist
{
    public static IReadOnlyList<(string Code, string Label)> For(PostType postType)
    {
        var items = new List<(string, string)>
        {
            ("APPLICATION_FORM", "Application form (FORM-08) bearing the unit's official seal"),
            ("RECOMMENDATION_LETTER", "The sending unit's recommendation letter"),
            ("DIPLOMA_COPY", "Copy of the graduation (education) certificate"),
            ("TITLE_CERTIFICATE_COPY", "Copy of the professional title certificate (residency completion certificate when untitled)"),
            ("ID_COPY", "Copy of the resident ID card"),
        };
        if (postType == PostType.PHYSICIAN)
        {
            items.Add(("PHYSICIAN_QUALIFICATION_COPY", "Copy of the physician qualification certificate"));
            items.Add(("PRACTISING_CERTIFICATE_COPY", "Copy of the physician practising certificate"));
        }
        return items;
    }

    public static IReadOnlyList<string> Missing(PostType postType, IReadOnlyList<ReportingTick> ticks) =>
        For(postType).Select(i => i.Code)
            .Where(code => ticks.FirstOrDefault(t => t.Code == code) is not { Received: true, Sealed: true })
            .ToList();
}

/// <summary>The two-site rotation rules of FEL-20 as a pure function.</summary>
internal static class SiteRotationRules
{
    /// <summary>The plan's start and end when it is valid; otherwise a refusal with a stable code.</summary>
    public static (DateOnly Start, DateOnly End) Check(IReadOnlyList<RotationBlock> blocks, int durationMonths, DateOnly reportedOn,
        IReadOnlyCollection<Guid> evaluations, string? singleSiteReason, DateOnly? fixedStart)
    {
        if (blocks.Count == 0) throw Refuse("rotation.blocks_required", "a plan has at least one block");
        foreach (var b in blocks)
        {
            if (b.End < b.Start) throw Refuse("rotation.invalid_block", $"the {b.Site} block starting {b.Start:yyyy-MM-dd} ends before it starts");
            if (!evaluations.Contains(b.EvaluationId))
                throw Refuse("rotation.evaluation_required",
                    $"the {b.Site} block starting {b.Start:yyyy-MM-dd} must link to a performance evaluation recorded for this fellow (FEL-20)");
        }
        var ordered = blocks.OrderBy(b => b.Start).ToList();
        for (var i = 1; i < ordered.Count; i++)
        {
            if (ordered[i].Start <= ordered[i - 1].End)
                throw Refuse("rotation.blocks_overlap",
                    $"the blocks starting {ordered[i - 1].Start:yyyy-MM-dd} and {ordered[i].Start:yyyy-MM-dd} overlap (FEL-20)");
            if (ordered[i].Start != ordered[i - 1].End.AddDays(1))
                throw Refuse("rotation.gap", $"nothing is planned between {ordered[i - 1].End:yyyy-MM-dd} and {ordered[i].Start:yyyy-MM-dd}; blocks cover the whole duration (FEL-20)");
        }
        var start = ordered[0].Start;
        if (start < reportedOn) throw Refuse("rotation.starts_before_reporting", $"training cannot start before the fellow reported on {reportedOn:yyyy-MM-dd}");
        if (fixedStart is { } fixedOn && start != fixedOn)
            throw Refuse("rotation.start_fixed", $"training started on {fixedOn:yyyy-MM-dd}; a new plan keeps that start");
        var end = start.AddMonths(durationMonths).AddDays(-1);
        if (ordered[^1].End != end)
            throw Refuse("rotation.duration_mismatch",
                $"the blocks must cover the {durationMonths}-month duration exactly: {start:yyyy-MM-dd} to {end:yyyy-MM-dd} (FEL-20)");
        if (ordered.Select(b => b.Site).Distinct().Count() < 2 && string.IsNullOrWhiteSpace(singleSiteReason))
            throw Refuse("rotation.both_sites_required",
                "a plan has a block at the Guilin hospital and at the Second Xiangya Hospital, unless singleSiteReason says why not (FEL-20)");
        return (start, end);
    }

    private static Recruitment.BuildingBlocks.DomainException Refuse(string code, string detail) => new(code, $"Refused: {detail}.");
}

/// <summary>FEL-19: what the hospital funds for a project.</summary>
internal static class Grants
{
    /// <summary>Self-raised: the cycle's fixed grant. Funded: the external amount times the match ratio, capped when a cap is configured.</summary>
    public static (decimal Funding, bool Capped) HospitalFunding(ProjectKind kind, decimal externalAmount, FellowshipCycle cycle)
    {
        if (kind == ProjectKind.SELF_RAISED) return (cycle.SelfRaisedGrantCny, false);
        var match = decimal.Round(externalAmount * cycle.FundedMatchRatio, 2, MidpointRounding.AwayFromZero);
        return cycle.FundedMatchCapCny is { } cap && match > cap ? (cap, true) : (match, false);
    }
}
