namespace Recruitment.Examination.Features.Tickets;

internal sealed record TicketSession(Guid Id, string Kind, string? BaseCode, DateTimeOffset Start, DateTimeOffset End, string Place, string? Notes);

internal sealed record TicketRule(string Zh, string En);

internal sealed record AdmissionTicketView(string TicketNumber, Guid CandidateId, string Name, string MaskedDocumentNumber, int Year, string Track,
    string BaseCode, string SpecialtyCode, string? OtherSpecialty, IReadOnlyList<TicketSession> Sessions, IReadOnlyList<TicketRule> Rules);

/// <summary>
/// The exam admission ticket (准考证, EXAM-03, EXAM-04): GET /api/examination/me/ticket answers it as JSON for the
/// signed-in candidate, and /me/ticket.pdf prints it (AdmissionTicketPdf). Only a candidate on a roster (residency:
/// approved and confirmed on site; assistant GP: qualified) has one, and only once a session of their track is
/// published: the province's written exam, their base's interviews, or B07's assistant-GP sittings.
/// </summary>
internal sealed class AdmissionTicketEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.ExaminationApi("Examination: admission ticket").MapGet("/me/ticket", async (Caller caller, IExaminationStore store, CancellationToken ct) =>
            {
                await using var session = store.QuerySession();
                return (await AdmissionTickets.ForAsync(session, caller, ct)).ToResult();
            })
            .RequireAuthorization(Policies.Applicant);
}

internal static class AdmissionTickets
{
    /// <summary>What the candidate is told on every ticket; the last two are the rules for an absence.</summary>
    public static readonly IReadOnlyList<TicketRule> Rules =
    [
        new("考生须持本准考证和有效身份证件原件，于开考前 30 分钟到达考场，按时参加考试（EXAM-03）。",
            "Bring this ticket and your identity document; be at the exam room 30 minutes before the start (EXAM-03)."),
        new("开考 15 分钟后不得入场；考试期间不得携带手机等通讯工具进入考场。",
            "No entry later than 15 minutes after the start; no phones or other communication devices in the room."),
        new("住院医师缺考笔试或面试者记为缺考，不得被拟录取，也不参加调剂和补录（EXAM-07）。",
            "A residency candidate absent from the written exam or the interview is ABSENT: not proposed, not reallocated (EXAM-07)."),
        new("助理全科医生培训考生缺考任一科目即失去录取资格（EXAM-06）。",
            "An assistant-GP candidate who misses an exam loses admission eligibility (EXAM-06)."),
    ];

    /// <summary>The caller's latest roster entry with the published sessions it sits; a refusal when there is no ticket.</summary>
    public static async Task<Outcome<AdmissionTicketView>> ForAsync(IQuerySession session, Caller caller, CancellationToken ct)
    {
        var applicantId = caller.AccountId ?? Guid.Empty;
        var entry = await session.Query<RosterEntry>().Where(e => e.ApplicantId == applicantId && e.Status == RosterStatus.ROSTERED)
            .OrderByDescending(e => e.Year).FirstOrDefaultAsync(ct);
        if (entry is null)
            return Refusal.NotFound("ticket.not_on_roster",
                "There is no admission ticket: only candidates approved and confirmed on site (assistant GP: qualified) sit the exams (EXAM-04).");
        var sessions = await session.Query<ExamSession>().Where(s => s.Year == entry.Year && s.Track == entry.Track).OrderBy(s => s.Start).ToListAsync(ct);
        var mine = sessions.Where(s => s.BaseCode is null || s.BaseCode == entry.BaseCode).ToList();
        if (mine.Count == 0)
            return Refusal.NotFound("ticket.no_session", $"No exam session of {entry.Year} is published for you yet; times and places are published on the platform (EXAM-03).");
        return new AdmissionTicketView(Number(entry), entry.Id, entry.Name, Masked(entry.DocumentNumber), entry.Year, entry.Track.ToString(), entry.BaseCode,
            entry.SpecialtyCode, entry.OtherSpecialty,
            [.. mine.Select(s => new TicketSession(s.Id, s.Kind.ToString(), s.BaseCode, s.Start, s.End, s.Place, s.Notes))], Rules);
    }

    /// <summary>
    /// The ticket number: year, track, base and the first 8 hex digits of the candidate id. Stable for the cycle (the
    /// candidate id is), so a reprint carries the same number; unique in practice within one base's roster.
    /// </summary>
    public static string Number(RosterEntry e) =>
        $"ZK{e.Year}{(e.Track == Track.ASSISTANT_GP ? "A" : "R")}{e.BaseCode}-{e.Id.ToString("N")[..8].ToUpperInvariant()}";

    /// <summary>The first 6 and last 4 characters of the ID number, as every printed document shows it.</summary>
    public static string Masked(string idNumber) =>
        idNumber.Length <= 10 ? new string('*', idNumber.Length) : idNumber[..6] + new string('*', idNumber.Length - 10) + idNumber[^4..];
}
