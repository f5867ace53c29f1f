using Recruitment.Printing;
using Recruitment.Publications.Contracts;

namespace Recruitment.Examination.Features.Tickets;

/// <summary>
/// GET /api/examination/me/ticket.pdf: the admission ticket (准考证) printed, with the candidate's photo (asked from
/// Enrollment in process), ticket number, track, every published session's date, time and place, and the rules;
/// registered with Publications so its QR code verifies it (ADR 0201). The same refusals as the JSON ticket.
/// </summary>
internal sealed class AdmissionTicketPdfEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.ExaminationApi("Examination: admission ticket").MapGet("/me/ticket.pdf", async (Caller caller, HttpContext http, IExaminationStore store,
                IMessageBus bus, TimeProvider clock, CancellationToken ct) =>
            {
                await using var session = store.QuerySession();
                if ((await AdmissionTickets.ForAsync(session, caller, ct)).Refused(out var refused, out var t)) return refused.ToResult();
                var track = t.Track == nameof(Track.ASSISTANT_GP) ? "助理全科医生培训 Assistant GP" : "住院医师规范化培训 Residency";
                var title = $"{t.Year}年{(t.Track == nameof(Track.ASSISTANT_GP) ? "助理全科医生培训" : "住院医师规范化培训")}招录考试准考证";
                var registered = await bus.InvokeAsync<DocumentRegistered>(new RegisterDocument($"examination/admission-ticket/{t.CandidateId}", title, t.Name,
                    "吉林省住院医师规范化培训指导中心",
                    [new("准考证号 Ticket No.", t.TicketNumber), new("培训基地 Base", t.BaseCode), new("类别 Track", track)], clock.GetUtcNow()), ct);
                var verification = new Verification(registered.Code, PdfResults.VerificationUrl(http, registered.Code));
                var photo = caller.AccountId is { } id ? (await bus.InvokeAsync<DocumentPhoto>(new PhotoForDocument(id), ct)).Bytes : null;

                return PdfResults.File(() =>
                {
                    using var pdf = new PrintedDocument(title, verification);
                    pdf.Heading(title).Heading("Examination admission ticket", 11);
                    var top = pdf.Cursor;
                    pdf.PhotoTopRight(photo, top);
                    pdf.Fields(
                    [
                        ("准考证号 Ticket No.", t.TicketNumber), ("姓名 Name", t.Name), ("证件号码 ID No.", t.MaskedDocumentNumber),
                        ("类别 Track", track), ("报名基地 Base", t.BaseCode),
                        ("专业 Specialty", t.OtherSpecialty is { } other ? $"{other}（其他 OTHER）" : t.SpecialtyCode),
                    ], labelWidth: 130f, width: pdf.ContentWidth - 100f);
                    // The fields are shorter than the photo box: the sessions start below it.
                    while (pdf.Cursor < top + 128f) pdf.Paragraph(" ", 4f);
                    pdf.Table(["科目 Sitting", "日期 Date", "时间 Time", "地点 Place", "说明 Notes"],
                        t.Sessions.Select(s => (IReadOnlyList<string?>)
                        [
                            s.Kind == nameof(SessionKind.WRITTEN) ? "笔试 Written" : "面试 Interview", China(s.Start, "yyyy-MM-dd"),
                            $"{China(s.Start, "HH:mm")}–{China(s.End, "HH:mm")}", s.Place, s.Notes,
                        ]), [1.3f, 1.3f, 1.2f, 2.6f, 2f], 9.5f);
                    pdf.Paragraph("考生须知 Rules", 12);
                    var n = 1;
                    foreach (var rule in t.Rules)
                    {
                        pdf.Paragraph($"{n}. {rule.Zh}", 10.5f).Paragraph(rule.En, 9f, 14f);
                        n++;
                    }
                    return pdf.ToPdf();
                }, $"admission-ticket-{t.TicketNumber}.pdf");
            })
            .RequireAuthorization(Policies.Applicant);

    private static string China(DateTimeOffset at, string format) => at.ToOffset(ChinaTime.Offset).ToString(format, CultureInfo.InvariantCulture);
}
