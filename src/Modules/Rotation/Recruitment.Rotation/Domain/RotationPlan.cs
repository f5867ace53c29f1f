namespace Recruitment.Rotation.Domain;

/// <summary>
/// ROT-05..ROT-09 (Decision): DRAFT -> (submit) PENDING_BASE_APPROVAL (standard) | PENDING_CENTER_REVIEW (reduced-year)
/// -> APPROVED. The base approves standard plans itself (also straight from DRAFT); only the center approves
/// reduced-year ones. A change to an approved plan returns it to its approver's review.
/// </summary>
internal enum PlanStatus { DRAFT, PENDING_BASE_APPROVAL, PENDING_CENTER_REVIEW, APPROVED, CLOSED }

internal enum BlockStatus { PLANNED, IN_PROGRESS, COMPLETED }

/// <summary>A block as proposed: department, first and last day (inclusive).</summary>
internal sealed record BlockInput(string Department, DateOnly Start, DateOnly End);

internal sealed class PlanBlock
{
    public string Department { get; set; } = "";
    public DateOnly Start { get; set; }
    public DateOnly End { get; set; }
    public int Months { get; set; }
    public BlockStatus Status { get; set; }
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }

    public bool Immutable => Status != BlockStatus.PLANNED;
}

/// <summary>
/// A trainee's rotation plan, event sourced: the stream is the audit trail of who generated, edited, submitted,
/// approved, started and completed what, and when. Id = the trainee (candidate) id.
/// </summary>
internal sealed class RotationPlan
{
    public Guid Id { get; set; }
    public int Year { get; set; }
    public string BaseCode { get; set; } = "";
    public bool Reduced { get; set; }
    public int TrainingMonths { get; set; }
    public PlanStatus Status { get; set; }
    public List<PlanBlock> Blocks { get; set; } = [];
    /// <summary>The content behind the plan changed (a new exemption decision or training months, EXM-08): replan it.</summary>
    public bool ReissueRequired { get; set; }
    public string? ReissueReason { get; set; }
    public string? ApprovedBy { get; set; }
    public DateTimeOffset? ApprovedAt { get; set; }
    public int Changes { get; set; }
    /// <summary>Why the plan was closed: the trainee's departure and its reason (ENR-69).</summary>
    public string? ClosedReason { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public int CountedMonths => Blocks.Where(b => b.Status == BlockStatus.COMPLETED).Sum(b => b.Months);

    public void Apply(PlanGenerated e) => On(e);
    public void Apply(PlanEdited e) => On(e);
    public void Apply(PlanSubmitted e) => On(e);
    public void Apply(PlanApproved e) => On(e);
    public void Apply(BlockStarted e) => On(e);
    public void Apply(BlockCompleted e) => On(e);
    public void Apply(PlanReissueRequired e) => On(e);
    public void Apply(PlanClosed e) => On(e);

    internal void On(IPlanEvent e)
    {
        UpdatedAt = e.At;
        switch (e)
        {
            case PlanGenerated g:
                (Id, Year, BaseCode) = (g.TraineeId, g.Year, g.BaseCode);
                Replace(g.Blocks, g.Reduced, g.TrainingMonths);
                break;
            case PlanEdited edit:
                Replace(edit.Blocks, edit.Reduced, edit.TrainingMonths);
                break;
            case PlanSubmitted:
                Status = Reduced ? PlanStatus.PENDING_CENTER_REVIEW : PlanStatus.PENDING_BASE_APPROVAL;
                break;
            case PlanApproved approved:
                (Status, ApprovedBy, ApprovedAt) = (PlanStatus.APPROVED, approved.Actor, approved.At);
                break;
            case BlockStarted started:
                (Blocks[started.Index].Status, Blocks[started.Index].StartedAt) = (BlockStatus.IN_PROGRESS, started.At);
                break;
            case BlockCompleted completed:
                (Blocks[completed.Index].Status, Blocks[completed.Index].CompletedAt) = (BlockStatus.COMPLETED, completed.At);
                break;
            case PlanReissueRequired reissue:
                (ReissueRequired, ReissueReason, Status) = (true, reissue.Reason, PlanStatus.DRAFT);
                break;
            case PlanClosed closed:
                // ENR-69: the trainee left; department capacity is freed from the first day of the month after.
                Blocks = Blocks.Where(b => b.Start < closed.FreedFrom).ToList();
                foreach (var b in Blocks.Where(b => b.End >= closed.FreedFrom))
                    (b.End, b.Months) = (closed.FreedFrom.AddDays(-1), PlanRules.MonthsBetween(b.Start, closed.FreedFrom.AddDays(-1)));
                (Status, ClosedReason, ReissueRequired, ReissueReason) = (PlanStatus.CLOSED, closed.Reason, false, null);
                break;
        }
    }

    /// <summary>New blocks (immutable ones are carried over unchanged); an approved plan returns to review (ROT-08).</summary>
    private void Replace(IReadOnlyList<BlockInput> blocks, bool reduced, int months)
    {
        var kept = Blocks.Where(b => b.Immutable).ToDictionary(b => (b.Department, b.Start, b.End));
        Blocks = blocks.Select(b => kept.GetValueOrDefault((b.Department, b.Start, b.End)) ?? new PlanBlock
        {
            Department = b.Department,
            Start = b.Start,
            End = b.End,
            Months = PlanRules.MonthsBetween(b.Start, b.End),
        }).ToList();
        Reduced = reduced;
        TrainingMonths = months;
        ReissueRequired = false;
        ReissueReason = null;
        Changes++;
        if (Status == PlanStatus.APPROVED) Status = Reduced ? PlanStatus.PENDING_CENTER_REVIEW : PlanStatus.PENDING_BASE_APPROVAL;
        else if (Status == PlanStatus.PENDING_BASE_APPROVAL && Reduced) Status = PlanStatus.PENDING_CENTER_REVIEW;
        else if (Status == PlanStatus.PENDING_CENTER_REVIEW && !Reduced) Status = PlanStatus.PENDING_BASE_APPROVAL;
    }
}

internal interface IPlanEvent
{
    string Actor { get; }
    DateTimeOffset At { get; }
}

internal sealed record PlanGenerated(Guid TraineeId, int Year, string BaseCode, bool Reduced, int TrainingMonths, IReadOnlyList<BlockInput> Blocks,
    string Stage, string Actor, DateTimeOffset At) : IPlanEvent;

internal sealed record PlanEdited(bool Reduced, int TrainingMonths, IReadOnlyList<BlockInput> Blocks, string Source, string? Reason, string Actor,
    DateTimeOffset At) : IPlanEvent;

internal sealed record PlanSubmitted(string Actor, DateTimeOffset At) : IPlanEvent;

internal sealed record PlanApproved(bool ByCenter, string Actor, DateTimeOffset At) : IPlanEvent;

internal sealed record BlockStarted(int Index, string Department, string Actor, DateTimeOffset At) : IPlanEvent;

internal sealed record BlockCompleted(int Index, string Department, string Actor, DateTimeOffset At) : IPlanEvent;

internal sealed record PlanReissueRequired(string Reason, string Actor, DateTimeOffset At) : IPlanEvent;

/// <summary>The trainee left after admission (ENR-69); blocks from <see cref="FreedFrom"/> on are released.</summary>
internal sealed record PlanClosed(string Reason, DateOnly FreedFrom, string Actor, DateTimeOffset At) : IPlanEvent;

/// <summary>ROT-06 and the immutability of started blocks (ROT-08), as pure functions; a refusal is a stable code.</summary>
internal static class PlanRules
{
    public static int MonthsBetween(DateOnly start, DateOnly end) =>
        (end.AddDays(1).Year - start.Year) * 12 + end.AddDays(1).Month - start.Month;

    /// <summary>
    /// Blocks are whole training months of known departments, contiguous and non-overlapping, from the training
    /// start to the training end; for a reduced-year trainee exactly the make-up departments, each with at least
    /// its months (ROT-04, ROT-06). HARD: the first rule broken is the refusal.
    /// </summary>
    public static Outcome<List<BlockInput>> Validate(IReadOnlyList<BlockInput>? blocks, TraineeDemandInfo demand, ISet<string> knownDepartments)
    {
        if (blocks is null || blocks.Count == 0) return Refusal.Invalid("plan.no_blocks", "A plan has at least one block.");
        var list = blocks.Select(b => b with { Department = b.Department?.Trim().ToUpperInvariant() ?? "" }).ToList();
        foreach (var b in list)
        {
            if (b.Department.Length == 0 || b.Start == default || b.End == default)
                return Refusal.Invalid("plan.block_incomplete", "Every block has a department, a start and an end (ROT-06).");
            if (!knownDepartments.Contains(b.Department))
                return Refusal.Invalid("plan.unknown_department", $"Unknown department {b.Department}.");
            if (b.End < b.Start)
                return Refusal.Invalid("plan.block_dates", $"The {b.Department} block ends before it starts.");
            if (!OnMonthBoundary(b.Start, demand.Start) || !OnMonthBoundary(b.End.AddDays(1), demand.Start))
                return Refusal.Invalid("plan.block_not_whole_months",
                    $"The {b.Department} block {b.Start:yyyy-MM-dd}..{b.End:yyyy-MM-dd} is not whole training months (EXM-10: durations are whole months).");
        }
        if (list[0].Start != demand.Start)
            return new Refusal("plan.wrong_start", $"The first block starts on {list[0].Start:yyyy-MM-dd}; training starts on {demand.Start:yyyy-MM-dd} (ROT-02, ROT-06).");
        for (var i = 1; i < list.Count; i++)
        {
            var expected = list[i - 1].End.AddDays(1);
            if (list[i].Start > expected)
                return new Refusal("plan.gap", $"Nothing is planned from {expected:yyyy-MM-dd} to {list[i].Start.AddDays(-1):yyyy-MM-dd} (ROT-06).");
            if (list[i].Start < expected)
                return new Refusal("plan.overlap", $"The {list[i].Department} block starting {list[i].Start:yyyy-MM-dd} overlaps the block before it (ROT-06).");
        }
        if (list[^1].End != demand.End)
            return new Refusal("plan.wrong_end", $"The last block ends on {list[^1].End:yyyy-MM-dd}; training ends on {demand.End:yyyy-MM-dd} (ROT-02, ROT-06).");
        if (demand.Reduced)
        {
            var makeUp = demand.Items.ToDictionary(i => i.Department.ToUpperInvariant(), i => i.Months);
            var outside = list.Select(b => b.Department).Where(d => !makeUp.ContainsKey(d)).Distinct().ToList();
            if (outside.Count > 0)
                return new Refusal("plan.outside_make_up",
                    $"{string.Join(", ", outside)} is not among the make-up items ({string.Join(", ", makeUp.Keys)}) of this reduced-year trainee (ROT-04, ROT-06).");
            foreach (var (department, months) in makeUp)
            {
                var planned = list.Where(b => b.Department == department).Sum(b => MonthsBetween(b.Start, b.End));
                if (planned == 0)
                    return new Refusal("plan.make_up_missing", $"The make-up item {department} has no block (ROT-06).");
                if (planned < months)
                    return new Refusal("plan.make_up_short", $"{department} gets {planned} months; the make-up item requires {months} (ROT-06).");
            }
        }
        return list;
    }

    /// <summary>Started and completed blocks stay exactly as they are (ROT-08).</summary>
    public static Refusal? ImmutableChanged(RotationPlan? plan, IReadOnlyList<BlockInput> blocks)
    {
        if (plan is null) return null;
        foreach (var b in plan.Blocks.Where(b => b.Immutable))
            if (!blocks.Any(n => n.Department == b.Department && n.Start == b.Start && n.End == b.End))
                return Refusal.Conflict("block.immutable",
                    $"The {b.Department} block {b.Start:yyyy-MM-dd}..{b.End:yyyy-MM-dd} is {b.Status} and cannot be changed (ROT-08).");
        return null;
    }

    /// <summary>SOFT findings on a standard plan: departments and months against its template, block lengths.</summary>
    public static List<string> Warnings(IReadOnlyList<PlanBlock> blocks, TraineeDemandInfo demand)
    {
        var warnings = new List<string>();
        if (demand.Reduced || demand.Items.Count == 0) return warnings;
        foreach (var item in demand.Items)
        {
            var planned = blocks.Where(b => b.Department == item.Department).Sum(b => b.Months);
            if (planned != item.Months)
                warnings.Add($"template.months: {item.Department} has {planned} months, template {demand.TemplateCode} requires {item.Months}");
            foreach (var b in blocks.Where(b => b.Department == item.Department && b.Months < Math.Min(item.MinBlockMonths, item.Months)))
                warnings.Add($"template.short_block: {b.Department} block from {b.Start:yyyy-MM-dd} is {b.Months} months, minimum {item.MinBlockMonths}");
        }
        foreach (var d in blocks.Select(b => b.Department).Distinct().Where(d => demand.Items.All(i => i.Department != d)))
            warnings.Add($"template.extra_department: {d} is not in template {demand.TemplateCode}");
        return warnings;
    }

    private static bool OnMonthBoundary(DateOnly date, DateOnly trainingStart)
    {
        var months = (date.Year - trainingStart.Year) * 12 + date.Month - trainingStart.Month;
        return trainingStart.AddMonths(months) == date;
    }
}
