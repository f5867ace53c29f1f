using System.Net;

namespace Recruitment.Enrollment.Features.Admission;

/// <summary>
/// GET /api/enrollment/applications/{applicationId}/notice: the printable admission notice (HTML) of an
/// admitted trainee (ENR-59), for the admitting base and the trainee; none while an objection stands.
/// </summary>
internal sealed class AdmissionNoticeEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapGet("/api/enrollment/applications/{applicationId:guid}/notice", async (Guid applicationId, HttpContext http, IEnrollmentStore store,
                CancellationToken ct) =>
            {
                await using var session = store.QuerySession();
                var a = await session.LoadAsync<Application>(applicationId, ct)
                        ?? throw DomainException.NotFound("application.not_found", $"No application {applicationId}.");
                var user = http.User;
                var own = user.IsInRole(Roles.Applicant) && a.ApplicantId == user.AccountId();
                if (!own && !user.IsInRole(Roles.BaseAdmin)) throw DomainException.Forbidden("notice.forbidden", "Only the trainee and the admitting base see the notice.");
                if (!own) user.EnsureActsForBase(a.BaseCode);
                if (!a.IsAdmitted) throw DomainException.NotFound("notice.not_available", "There is no admission notice: the candidate is not admitted (yet).");
                var cycle = (await session.LoadAsync<RecruitmentCycle>(a.Year, ct))!;
                var message = Admissions.Message(a, cycle, DateTimeOffset.MinValue);
                var trainingBase = cycle.Bases.First(b => b.Code == a.BaseCode);
                var specialty = a.OtherSpecialty ?? cycle.Specialties.FirstOrDefault(s => s.Code == a.SpecialtyCode)?.NameZh ?? a.SpecialtyCode;
                string E(string? s) => WebUtility.HtmlEncode(s ?? "");
                var html = $"""
                    <!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>录取通知书 Admission notice</title>
                    <style>body{"{"}font-family:serif;max-width:40em;margin:3em auto;line-height:1.8{"}"} h1{"{"}text-align:center{"}"}</style></head><body>
                    <h1>{E(a.Year.ToString(System.Globalization.CultureInfo.InvariantCulture))}年住院医师规范化培训录取通知书</h1>
                    <p>No. {E(Admissions.NoticeNumber(a))}</p>
                    <p>{E(a.Name)}：</p>
                    <p>经审核、考核、公示，你已被 <strong>{E(trainingBase.NameZh)}</strong>（{E(trainingBase.NameEn)}）
                    <strong>{E(specialty)}</strong> 专业录取为{(a.Track == Contracts.Track.ASSISTANT_GP ? "助理全科医生培训" : "住院医师规范化培训")}学员，
                    培训年限 {message.TrainingMonths} 个月，自 {message.TrainingStart:yyyy-MM-dd} 起计算培训时间。请于 {cycle.Calendar.ReportingDeadline:yyyy-MM-dd} 前到培训基地报到。</p>
                    <p>You are admitted to {E(trainingBase.NameEn)}, {E(specialty)}, for {message.TrainingMonths} months of training from
                    {message.TrainingStart:yyyy-MM-dd}. Please report to the base by {cycle.Calendar.ReportingDeadline:yyyy-MM-dd}.</p>
                    </body></html>
                    """;
                return Results.Content(html, "text/html; charset=utf-8");
            })
            .RequireAuthorization(Policies.AnyUser).WithTags("Enrollment: admission");
}
