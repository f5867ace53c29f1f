using Recruitment.Notifications.Contracts;

namespace Recruitment.AdvancedFellowship.Features.Admission;

public sealed record NoticeRequest(DateOnly? ReportingDate, string? Reason);

public sealed record IssueAdmissionNotice(Guid ApplicationId, string Actor, NoticeRequest Request);

/// <summary>FORM-09 as data: what the printed notice says.</summary>
internal sealed record NoticeView(string NoticeNumber, DateOnly IssuedOn, string Name, int PositionNo, string Department, string DepartmentZh,
    string PostType, int DurationMonths, string Direction, DateOnly ReportingDate, string ReportingAddress, string Contacts,
    IReadOnlyList<string> DocumentsToBring);

/// <summary>
/// The admission notice (FEL-03, FEL-14, FORM-09). POST /applications/{id}/notice (admin) issues it for a proposed
/// applicant before the notice deadline, with the person's own reporting date (the cycle's default, 07-01, unless
/// given); posting again with another date changes the reporting date, with a reason. GET (admin, the applicant)
/// prints it: HTML by default, <c>?format=json</c> for the fields.
/// </summary>
internal sealed class AdmissionNoticeEndpoints : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app)
    {
        app.MapPost("/api/advanced-fellowship/applications/{applicationId:guid}/notice", async (Guid applicationId, NoticeRequest? request,
                ClaimsPrincipal user, IMessageBus bus, CancellationToken ct) =>
                await OptimisticRetry.RunAsync(() => bus.InvokeAsync<FellowshipResult>(
                    new IssueAdmissionNotice(applicationId, user.Actor(), request ?? new NoticeRequest(null, null)), ct)))
            .RequireAuthorization(Policies.FellowshipAdmin).WithTags("AdvancedFellowship: admission");

        app.MapGet("/api/advanced-fellowship/applications/{applicationId:guid}/notice", async (Guid applicationId, string? format, ClaimsPrincipal user,
                IAdvancedFellowshipStore store, CancellationToken ct) =>
            {
                await using var session = store.QuerySession();
                var f = await FellowshipAccess.Application(session, applicationId, ct);
                FellowshipAccess.EnsureAdminOrOwner(user, f);
                if (f.Notice is null || f.Status is FellowshipStatus.WITHDRAWN or FellowshipStatus.REJECTED)
                    throw DomainException.NotFound("notice.not_issued", "No admission notice has been issued for this application (FEL-03).");
                var notice = View(f, await FellowshipAccess.Cycle(session, f.Year, ct));
                return format?.ToLowerInvariant() switch
                {
                    null or "html" => Print(notice),
                    "json" => Results.Ok(notice),
                    _ => throw DomainException.Invalid("request.invalid_format", "format must be html or json."),
                };
            })
            .RequireAuthorization(Policies.AnyUser).WithTags("AdvancedFellowship: admission");
    }

    internal static NoticeView View(Fellowship f, FellowshipCycle cycle)
    {
        var position = cycle.Find(f.PositionNo!.Value)!;
        return new NoticeView(f.Notice!.Number, f.Notice.IssuedOn, f.Name, position.No, position.DepartmentEn, position.DepartmentZh,
            f.PostType!.Value.ToString(), f.DurationMonths!.Value, position.Direction, f.Notice.ReportingDate, Printable.ReportingAddress,
            Printable.Contacts, ReportingChecklist.For(f.PostType.Value).Select(i => i.Label).ToList());
    }

    private static IResult Print(NoticeView n) =>
        new Printable()
            .Table([
                ("通知书编号 Notice number", n.NoticeNumber),
                ("姓名 Name", n.Name),
                ("进修科室 Position row and department", $"{n.PositionNo}. {n.DepartmentZh} {n.Department}"),
                ("岗位类别 Post type", n.PostType),
                ("进修时长 Duration", string.Create(CultureInfo.InvariantCulture, $"{n.DurationMonths} months")),
                ("培养方向 Training direction", n.Direction),
                ("报到时间 Reporting date", Printable.Date(n.ReportingDate)),
                ("报到地点 Reporting address", n.ReportingAddress),
                ("联系人 Contacts", n.Contacts),
                ("签发日期 Issue date", Printable.Date(n.IssuedOn)),
            ])
            .Heading("报到须携带材料 Documents to bring (every copy bears the unit's official seal)")
            .List(n.DocumentsToBring)
            .Page("进修录取通知书 · Fellowship Admission Notice");
}

[MartenStore(typeof(IAdvancedFellowshipStore))]
public static class IssueAdmissionNoticeHandler
{
    public static async Task<FellowshipResult> Handle(IssueAdmissionNotice command, IDocumentSession session, TimeProvider clock, IMessageContext bus,
        CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var today = ChinaTime.Date(now);
        var stream = await session.Events.FetchForWriting<Fellowship>(command.ApplicationId, ct);
        var f = stream.Aggregate ?? throw DomainException.NotFound("application.not_found", $"No fellowship application {command.ApplicationId}.");
        var cycle = await FellowshipAccess.Cycle(session, f.Year, ct);
        var date = command.Request.ReportingDate ?? f.Notice?.ReportingDate ?? cycle.DefaultReportingDate;
        if (date <= today)
            throw DomainException.Invalid("notice.invalid_reporting_date", "The reporting date lies after the day the notice is issued.");

        switch (f.Status)
        {
            case FellowshipStatus.PROPOSED:
                if (now > cycle.AdmissionNoticeDeadline)
                    throw new DomainException("notice.deadline_passed",
                        $"Admission notices are issued before {cycle.AdmissionNoticeDeadline:O} (FEL-03).");
                var number = string.Create(CultureInfo.InvariantCulture, $"GLYY-FEL-{f.Year}-{f.PositionNo:D2}{f.PlaceNumber:D2}");
                stream.AppendOne(new NoticeIssued(number, date, command.Request.Reason?.Trim(), command.Actor, now));
                break;
            case FellowshipStatus.NOTICE_ISSUED:
                if (date == f.Notice!.ReportingDate) break;
                var reason = FellowshipAccess.Required(command.Request.Reason, "notice.reason_required",
                    "Changing a person's reporting date needs a reason (FEL-03: the date on the reporting notice prevails).");
                stream.AppendOne(new NoticeIssued(f.Notice.Number, date, reason, command.Actor, now));
                break;
            default:
                throw FellowshipAccess.WrongStatus(f, "issue an admission notice", FellowshipStatus.PROPOSED, FellowshipStatus.NOTICE_ISSUED);
        }
        // The applicant is told of the notice and of every changed reporting date (one notification per date).
        if (f.Notice?.ReportingDate != date)
            await bus.PublishAsync(new NotifyAccount(f.ApplicantId, NotificationTemplates.FellowshipNoticeIssued, new Dictionary<string, string>
            {
                ["name"] = f.Name,
                ["year"] = f.Year.ToString(CultureInfo.InvariantCulture),
                ["reportingDate"] = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            }, $"/api/advanced-fellowship/applications/{f.Id}/notice", $"fellowship-notice:{f.Id}:{date:yyyyMMdd}"));
        return new FellowshipResult(f.Id, nameof(FellowshipStatus.NOTICE_ISSUED));
    }
}
