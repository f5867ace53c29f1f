namespace Recruitment.Enrollment.Features.Admission;

internal sealed record AgpAdmissionRequest(int? Year, IReadOnlyList<Guid>? Chosen, string? Reason);

internal sealed record AgpAdmissionResult(IReadOnlyList<Guid> Proposed, IReadOnlyList<Guid> TiedAtCutoff, int Vacancies);

/// <summary>
/// POST /api/enrollment/bases/{baseCode}/assistant-gp-admission: the assistant-GP base proposes its
/// passing candidates in rank order until the quota is full (ENR-48, ENR-49). An exact tie across the last
/// place stops the run (409 <c>agp.tie_at_cutoff</c>) until the base names whom it admits among the tied
/// (<c>chosen</c>) with a reason. Absent or failed candidates are skipped; the quota is never exceeded.
/// </summary>
internal sealed class AssistantGpAdmissionEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapPost("/api/enrollment/bases/{baseCode}/assistant-gp-admission", (string baseCode, AgpAdmissionRequest request, HttpContext http,
                IEnrollmentStore store, TimeProvider clock, CancellationToken ct) => OptimisticRetry.RunAsync(async () =>
            {
                baseCode = baseCode.ToUpperInvariant();
                http.User.EnsureActsForBase(baseCode);
                var now = clock.GetUtcNow();
                await using var session = store.LightweightSession();
                var cycle = await ApplicationAccess.Cycle(session, request.Year, ct);
                if (baseCode != cycle.AssistantGp.BaseCode)
                    throw new DomainException("agp.base_not_offered", $"Assistant-GP training is offered only at {cycle.AssistantGp.BaseCode} (ENR-35).");
                if (now.IsPast(cycle.Calendar.ProposedAdmissionLock) && http.User.IsInRole(Roles.BaseAdmin))
                    throw new DomainException("proposal.locked", $"Proposals locked at {cycle.Calendar.ProposedAdmissionLock:O} (ENR-50).");

                var waiting = (await session.Query<Application>()
                        .Where(a => a.Year == cycle.Id && a.Track == Track.ASSISTANT_GP && a.BaseCode == baseCode
                                    && (a.Status == ApplicationStatus.EXAMINED || a.Status == ApplicationStatus.NOT_PROPOSED))
                        .ToListAsync(ct))
                    .Where(a => a.IsPassing).ToDictionary(a => a.Id);
                var anyone = waiting.Values.FirstOrDefault();
                if (anyone is null) return new AgpAdmissionResult([], [], 0);
                var ledger = await CellLedgers.ForAsync(session, cycle, anyone, ct);
                var ranking = AssistantGpRanking.Rank(
                    waiting.Values.Select(a => new AgpCandidate(a.Id, a.ExamResult!.Total, a.ExamResult.Written, a.ExamResult.InterviewPart, a.Category))
                        .ToList(), ledger.Vacancies);

                var admitted = ranking.Admitted.Select(c => c.Id).ToList();
                if (ranking.TiedAtCutoff.Count > 0)
                {
                    var tied = ranking.TiedAtCutoff.Select(c => c.Id).ToList();
                    var chosen = request.Chosen ?? [];
                    var open = ledger.Vacancies - admitted.Count;
                    if (chosen.Count == 0)
                        throw new DomainException("agp.tie_at_cutoff",
                            $"{tied.Count} candidates are exactly tied for the last {open} place(s); name whom to admit in 'chosen' with a reason (ENR-49).",
                            StatusCodes.Status409Conflict, new Dictionary<string, object?> { ["tied"] = tied, ["openPlaces"] = open });
                    if (chosen.Count != open || chosen.Distinct().Count() != chosen.Count || chosen.Except(tied).Any() || string.IsNullOrWhiteSpace(request.Reason))
                        throw DomainException.Invalid("agp.invalid_tie_decision", $"Choose exactly {open} of the tied candidates and give a reason (ENR-49).");
                    admitted.AddRange(chosen);
                }

                foreach (var id in admitted)
                {
                    var a = waiting[id];
                    ledger.Holders.Add(id);
                    // Expecting the version read: a cancellation racing this run makes it start again (OptimisticRetry).
                    session.Events.Append(id, a.Version + 1, new ProposalMade(new Proposal(ledger.Id, a.BaseCode, a.SpecialtyCode, null, cycle.StandardMonths.AssistantGp,
                        PsychTest.NOT_REQUIRED, HealthCheck.PENDING, ranking.TiedAtCutoff.Count > 0 ? request.Reason?.Trim() : null, null, null),
                        http.User.Actor(), now));
                }
                session.Store(ledger);
                await session.SaveChangesAsync(ct);
                return new AgpAdmissionResult(admitted, ranking.TiedAtCutoff.Select(c => c.Id).ToList(), ledger.Vacancies);
            }))
            .RequireAuthorization(Policies.AdmissionStaff).WithTags("Enrollment: admission");
}
