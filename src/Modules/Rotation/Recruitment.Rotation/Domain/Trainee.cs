namespace Recruitment.Rotation.Domain;

public sealed record OrientationRecord(DateOnly CompletedOn, string RecordedBy, DateTimeOffset RecordedAt, bool Late);

/// <summary>
/// An admitted trainee as Rotation knows it, from <see cref="TraineeAdmitted"/> (the highest revision wins) and
/// the orientation records the base keeps (ROT-03). Id = the candidate id (also the id of its plan stream).
/// </summary>
internal sealed class Trainee
{
    public Guid Id { get; set; }
    public Guid? ApplicantId { get; set; }
    public int Year { get; set; }
    public Track Track { get; set; }
    public string BaseCode { get; set; } = "";
    public string SpecialtyCode { get; set; } = "";
    public string? OtherSpecialty { get; set; }
    public string Name { get; set; } = "";
    public int AdmittedMonths { get; set; }
    public bool AdmittedReduced { get; set; }
    public DateOnly TrainingStart { get; set; }
    public int Revision { get; set; }
    public DateTimeOffset AdmittedAt { get; set; }
    public OrientationRecord? HospitalOrientation { get; set; }
    public OrientationRecord? DepartmentOrientation { get; set; }
    /// <summary>Set when the trainee left after admission (ENR-69): out of planning, lists and daily checks.</summary>
    public Departure? Departure { get; set; }
    public string? DepartureReason { get; set; }
    public DateTimeOffset? DepartedAt { get; set; }
    /// <summary>Enrollment's sequence of the last departure or return applied: older or repeated messages change nothing.</summary>
    public long StatusSequence { get; set; }
}

/// <summary>What a trainee's plan must cover: standard (a template) or reduced-year (make-up items), or not yet known.</summary>
internal sealed record TraineeDemandInfo(
    bool Reduced, int Months, DateOnly Start, IReadOnlyList<TemplateItem> Items, string? TemplateCode, string? PendingCode, string? PendingDetail)
{
    public DateOnly End => Start.AddMonths(Months).AddDays(-1);
    public bool Ready => PendingCode is null;
}

internal static class TraineeDemands
{
    /// <summary>
    /// The trainee's duration and content. Reduced-year when an approved make-up plan exists (its months and items
    /// win over Enrollment's figure, EXM-09); admitted as reduced without a decision yet: pending. Otherwise the
    /// standard duration of the track from the cycle (ROT-11) and the specialty's template (ROT-10). Training
    /// starts on the cycle's start date whatever the admission route (ROT-02).
    /// </summary>
    public static TraineeDemandInfo For(Trainee t, MakeUpPlan? makeUp, RotationCycle? cycle, RotationTemplate? template)
    {
        var start = cycle?.TrainingStartDate ?? t.TrainingStart;
        if (t.Departure is { } left)
            return new TraineeDemandInfo(false, t.AdmittedMonths, start, [], null, "trainee.departed",
                $"The trainee left after admission ({left}); their plan is closed (ENR-69).");
        if (makeUp is { Approved: true })
            return new TraineeDemandInfo(true, makeUp.TrainingMonths, start,
                makeUp.MakeUpItems.Select(i => new TemplateItem(i.Department, i.Months, 1)).ToList(), null, null, null);
        if (t.AdmittedReduced && makeUp is null)
            return new TraineeDemandInfo(true, t.AdmittedMonths, start, [], null, "trainee.make_up_pending",
                "Admitted with reduced years; the center's make-up content has not arrived yet (EXM-12).");
        var standard = cycle is null ? t.AdmittedMonths
            : t.Track == Track.ASSISTANT_GP ? cycle.StandardAssistantGpMonths : cycle.StandardResidencyMonths;
        if (template is null)
            return new TraineeDemandInfo(false, standard, start, [], null, "template.not_found", $"No rotation template for {TemplateCode(t)}.");
        if (template.TotalMonths != standard)
            return new TraineeDemandInfo(false, standard, start, template.Items, template.Id, "template.months_mismatch",
                $"Template {template.Id} covers {template.TotalMonths} months, the training {standard}.");
        return new TraineeDemandInfo(false, standard, start, template.Items, template.Id, null, null);
    }

    /// <summary>The template a trainee follows: the assistant-GP track's, the specialty's, or for OTHER the named specialty's if the center uploaded one, else the generic OTHER sample.</summary>
    public static string TemplateCode(Trainee t) =>
        t.Track == Track.ASSISTANT_GP ? RotationTemplate.AssistantGp : t.SpecialtyCode.ToUpperInvariant();

    public static IEnumerable<string> TemplateCandidates(Trainee t)
    {
        if (t.Track == Track.ASSISTANT_GP)
        {
            yield return RotationTemplate.AssistantGp;
            yield break;
        }
        if (t.SpecialtyCode == RotationTemplate.Other && !string.IsNullOrWhiteSpace(t.OtherSpecialty))
            yield return t.OtherSpecialty.Trim().ToUpperInvariant();
        yield return t.SpecialtyCode.ToUpperInvariant();
    }

    public static async Task<RotationTemplate?> TemplateAsync(Marten.IQuerySession session, Trainee t, CancellationToken ct)
    {
        foreach (var code in TemplateCandidates(t))
            if (await session.LoadAsync<RotationTemplate>(code, ct) is { } template) return template;
        return null;
    }

    public static IReadOnlyList<MakeUpItem> MakeUpItems(MakeUpPlan? plan) => plan is { Approved: true } ? plan.MakeUpItems : [];
}
