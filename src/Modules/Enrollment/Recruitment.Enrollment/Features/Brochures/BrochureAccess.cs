using System.Text.RegularExpressions;

namespace Recruitment.Enrollment.Features.Brochures;

/// <summary>A specialty row of a brochure's plan: the cycle's quota cell for the base (ENR-05: every specialty it recruits).</summary>
public sealed record BrochurePlanRow(string SpecialtyCode, string NameZh, string NameEn, bool IsShortage, int Places);

/// <summary>
/// A brochure as its base and the center see it (<see cref="State"/> DRAFT, SUBMITTED or PUBLISHED) and, once
/// published, as applicants see it. <see cref="Missing"/> names what a submission still needs.
/// </summary>
public sealed record BrochureView(
    int Year,
    string BaseCode,
    string BaseNameZh,
    string BaseNameEn,
    string City,
    string State,
    string? HospitalDescription,
    int? MonthlyStipendYuan,
    string? BenefitsDescription,
    string? HousingDescription,
    string? EqualTreatmentDescription,
    IReadOnlyList<BaseContact> Contacts,
    IReadOnlyList<BrochurePlanRow> Plan,
    int? AssistantGpPlaces,
    IReadOnlyList<OtherSplitItem> OtherSplit,
    bool OtherSplitLocked,
    IReadOnlyList<string> Missing,
    DateTimeOffset SubmitDeadline,
    DateTimeOffset VisibleFrom,
    DateTimeOffset? SubmittedAt);

/// <summary>What the brochure slices share: the cycle and base lookups, the field rules, the plan and the view.</summary>
internal static partial class BrochureAccess
{
    public const string Tag = "Enrollment: brochures";
    public const int MaxContacts = 10;
    public const int MaxStipendYuan = 100_000;

    public const string Draft = "DRAFT";
    public const string Submitted = "SUBMITTED";
    public const string Published = "PUBLISHED";
    /// <summary>ENR-04: a base without a published brochure shows "brochure pending".</summary>
    public const string Pending = "PENDING";

    public static RouteGroupBuilder BrochureApi(this IEndpointRouteBuilder app) => app.MapModule("/api/enrollment/cycles/{year:int}", Tag);

    public static async Task<Outcome<RecruitmentCycle>> Cycle(IQuerySession session, int year, CancellationToken ct) =>
        await session.LoadAsync<RecruitmentCycle>(year, ct) is { } cycle
            ? cycle
            : Refusal.NotFound("cycle.not_found", $"No recruitment cycle for {year}.");

    public static Outcome<TrainingBase> Base(RecruitmentCycle cycle, string baseCode) =>
        cycle.Bases.FirstOrDefault(b => b.Code == baseCode) is { } found
            ? found
            : Refusal.NotFound("base.not_found", $"{baseCode} is not a base of the {cycle.Id} cycle.");

    public static int OtherPlaces(RecruitmentCycle cycle, string baseCode) =>
        cycle.Quotas.FirstOrDefault(q => q.BaseCode == baseCode && q.SpecialtyCode == Eligibility.Other)?.Places ?? 0;

    /// <summary>The base's quota row in the cycle's specialty order, offered cells only.</summary>
    public static List<BrochurePlanRow> Plan(RecruitmentCycle cycle, string baseCode) =>
        cycle.Specialties
            .Select(s => (Specialty: s, Places: cycle.Quotas.FirstOrDefault(q => q.BaseCode == baseCode && q.SpecialtyCode == s.Code)?.Places))
            .Where(x => x.Places is > 0)
            .Select(x => new BrochurePlanRow(x.Specialty.Code, x.Specialty.NameZh, x.Specialty.NameEn, x.Specialty.IsShortage, x.Places!.Value))
            .ToList();

    public static Refusal Locked(Brochure brochure) =>
        Refusal.Conflict("brochure.submitted",
            $"{brochure.BaseCode}'s brochure for {brochure.Year} was submitted to the center on {brochure.SubmittedAt:O} and can no longer be changed (ENR-04, ENR-05).");

    public static Refusal DeadlinePassed(RecruitmentCycle cycle) =>
        new("brochure.deadline_passed", $"Brochures are drafted and submitted to the center by {cycle.Calendar.BrochureSubmitDeadline:O} (ENR-04).");

    /// <summary>The field rules of a draft; lengths and characters are the host's input policy already.</summary>
    public static Refusal? Check(BrochureDraftRequest r)
    {
        if (r.MonthlyStipendYuan is < 0 or > MaxStipendYuan)
            return Refusal.Invalid("brochure.invalid_stipend", $"monthlyStipendYuan is a whole number of yuan from 0 to {MaxStipendYuan}.");
        if (r.Contacts is { } contacts && (contacts.Count > MaxContacts
                                           || contacts.Any(c => c is null || string.IsNullOrWhiteSpace(c.Name) || c.Phone is null || !PhonePattern().IsMatch(c.Phone.Trim()))))
            return Refusal.Invalid("brochure.invalid_contacts",
                $"contacts name at most {MaxContacts} people, each with a name and a telephone number (digits, spaces, +, - and brackets).");
        return null;
    }

    /// <summary>ENR-06: each specialty base once with at least 1 place, summing exactly to the base's OTHER cell.</summary>
    public static Outcome<List<OtherSplitItem>> CheckSplit(IReadOnlyList<OtherSplitItem>? items, int cellPlaces)
    {
        if (items is null || items.Count == 0 || items.Any(i => i is null || string.IsNullOrWhiteSpace(i.Specialty) || i.Places < 1))
            return Refusal.Invalid("brochure.invalid_other_split", "items name each specialty base with at least 1 place.");
        var trimmed = items.Select(i => i with { Specialty = i.Specialty.Trim() }).ToList();
        if (trimmed.Select(i => i.Specialty.ToUpperInvariant()).Distinct().Count() != trimmed.Count)
            return Refusal.Invalid("brochure.invalid_other_split", "each specialty base appears once.");
        var sum = trimmed.Sum(i => i.Places);
        if (sum != cellPlaces)
            return new Refusal("brochure.other_split_mismatch",
                $"The split sums to {sum} but the base's OTHER cell has {cellPlaces} places; it must match exactly (ENR-06).");
        return trimmed;
    }

    public static bool SameSplit(IReadOnlyList<OtherSplitItem> a, IReadOnlyList<OtherSplitItem> b) =>
        a.Count == b.Count && a.All(x => b.Any(y => string.Equals(x.Specialty.Trim(), y.Specialty.Trim(), StringComparison.OrdinalIgnoreCase) && x.Places == y.Places));

    /// <summary>What a submission still needs (ENR-04, ENR-05 and the Att5 sections the brief names).</summary>
    public static List<string> Missing(RecruitmentCycle cycle, TrainingBase trainingBase, Brochure brochure, OtherSplit? published)
    {
        var missing = new List<string>();
        if (brochure.MonthlyStipendYuan is null) missing.Add("monthlyStipendYuan");
        if (string.IsNullOrWhiteSpace(brochure.BenefitsDescription)) missing.Add("benefitsDescription");
        if (string.IsNullOrWhiteSpace(brochure.HousingDescription)) missing.Add("housingDescription");
        if (string.IsNullOrWhiteSpace(brochure.EqualTreatmentDescription)) missing.Add("equalTreatmentDescription");
        if (Contacts(trainingBase, brochure).Count == 0) missing.Add("contacts");
        if (published is null && OtherPlaces(cycle, brochure.BaseCode) > 0 && brochure.DraftSplit.Count == 0) missing.Add("otherSplit");
        return missing;
    }

    /// <summary>The brochure's own contacts, or the base's contacts of the cycle definition when it names none.</summary>
    public static IReadOnlyList<BaseContact> Contacts(TrainingBase trainingBase, Brochure brochure) =>
        brochure.Contacts.Count > 0 ? brochure.Contacts : trainingBase.Contacts;

    public static string StateOf(Brochure brochure, CycleCalendar calendar, DateTimeOffset now) =>
        brochure.IsPublishedAt(now, calendar) ? Published : brochure.SubmittedAt is not null ? Submitted : Draft;

    public static BrochureView View(RecruitmentCycle cycle, TrainingBase trainingBase, Brochure brochure, OtherSplit? published, DateTimeOffset now) =>
        new(cycle.Id, trainingBase.Code, trainingBase.NameZh, trainingBase.NameEn, trainingBase.City, StateOf(brochure, cycle.Calendar, now),
            brochure.HospitalDescription, brochure.MonthlyStipendYuan, brochure.BenefitsDescription, brochure.HousingDescription,
            brochure.EqualTreatmentDescription, Contacts(trainingBase, brochure), Plan(cycle, trainingBase.Code),
            cycle.AssistantGp.BaseCode == trainingBase.Code ? cycle.AssistantGp.Places : null,
            published?.Items ?? brochure.DraftSplit, published?.IsLocked == true,
            brochure.SubmittedAt is null ? Missing(cycle, trainingBase, brochure, published) : [],
            cycle.Calendar.BrochureSubmitDeadline, cycle.Calendar.BrochureVisibleFrom, brochure.SubmittedAt);

    [GeneratedRegex(@"^(?=(?:\D*\d){5})[0-9+()\- ]{5,30}$")]
    private static partial Regex PhonePattern();
}
