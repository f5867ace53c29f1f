using CsvHelper;
using Recruitment.AdvancedFellowship.Features.Admission;
using Recruitment.AdvancedFellowship.Features.Review;
using Recruitment.AdvancedFellowship.Features.Training;

namespace Recruitment.AdvancedFellowship.Features.Assessments;

public sealed record IssueCertificate(Guid FellowId, Caller Caller);

public sealed record CertificateResult(Guid FellowId, string CertificateNumber, string Status);

/// <summary>The certificate as exported for a title application (FEL-25).</summary>
internal sealed record CertificateView(string CertificateNumber, string Name, string IdNumber, string? SendingUnit, int PositionNo,
    string Department, string DepartmentZh, string PostType, string Direction, DateOnly Start, DateOnly End, int DurationMonths, string Grade,
    DateOnly IssuedOn, bool PriorityRecommended, string Issuer, string Note);

/// <summary>
/// The National Regional Medical Center advanced-study certificate of completion (FEL-24, FEL-25).
/// POST /fellows/{fellowId}/certificate (admin) issues it to a fellow whose final grade is QUALIFIED or EXCELLENT and
/// refuses it for UNQUALIFIED. GET (admin, the fellow) returns it as JSON, printable HTML or a CSV row for title
/// applications (<c>?format=json|html|csv</c>), with the training dates and grade.
/// </summary>
internal sealed class CertificateEndpoints : ICarterModule
{
    private const string Route = "/fellows/{fellowId:guid}/certificate";

    public void AddRoutes(IEndpointRouteBuilder app)
    {
        var api = app.FellowshipApi("assessment");
        api.MapPost(Route, (Guid fellowId, Caller caller, IMessageBus bus, CancellationToken ct) =>
                bus.SendAsync<CertificateResult>(new IssueCertificate(fellowId, caller), ct, retryOnConflict: true))
            .RequireAuthorization(Policies.FellowshipAdmin);

        api.MapGet(Route, async (Guid fellowId, string? format, Caller caller, IAdvancedFellowshipStore store, CancellationToken ct) =>
            {
                await using var session = store.QuerySession();
                if ((await FellowshipAccess.FellowFor(session, fellowId, caller, ct)).Refused(out var refused, out var f)) return refused.ToResult();
                if (f.Status == FellowshipStatus.NOT_CERTIFIED) return IssueCertificateHandler.Unqualified.ToResult();
                if (f.Certificate is null)
                    return Refusal.NotFound("certificate.not_issued", "No certificate of completion has been issued to this fellow.").ToResult();
                var view = View(f, await FellowshipAccess.Cycle(session, f.Year, ct));
                return format?.ToLowerInvariant() switch
                {
                    null or "json" => Results.Ok(view),
                    "html" => Print(view),
                    "csv" => Csv(view),
                    _ => Refusal.Invalid("request.invalid_format", "format must be json, html or csv.").ToResult(),
                };
            })
            .RequireAuthorization(Policies.AnyUser);
    }

    private static CertificateView View(Fellowship f, FellowshipCycle cycle)
    {
        var c = f.Certificate!;
        var position = cycle.Find(f.PositionNo!.Value)!;
        return new CertificateView(c.Number, f.Name, f.DocumentNumber, f.SendingUnitName, position.No, position.DepartmentEn, position.DepartmentZh,
            f.PostType!.Value.ToString(), position.Direction, c.Start, c.End, f.DurationMonths!.Value, c.Grade.ToString(), c.IssuedOn,
            c.Grade == Grade.EXCELLENT, Printable.Hospital,
            "进修、培训学习 time for Guangxi health-series title applications (FEL-25)"
            + (c.Grade == Grade.EXCELLENT ? "; EXCELLENT: the sending unit is advised to give priority, other conditions being equal, in title evaluation, post appointment and promotion" : ""));
    }

    private static IResult Print(CertificateView c) =>
        new Printable()
            .Paragraph($"{c.Name}（身份证号 {c.IdNumber}），{c.SendingUnit}：于 {Printable.Date(c.Start)} 至 {Printable.Date(c.End)} 在我院{c.DepartmentZh}参加“卓越青年医师”定向进修培养，考核{GradeZh(c.Grade)}，特发此证。")
            .Table([
                ("证书编号 Certificate number", c.CertificateNumber),
                ("姓名 Name", c.Name),
                ("进修科室 Department", $"{c.PositionNo}. {c.DepartmentZh} {c.Department}"),
                ("培养方向 Direction", c.Direction),
                ("进修时间 Training period", $"{Printable.Date(c.Start)} – {Printable.Date(c.End)} ({c.DurationMonths} months)"),
                ("考核结果 Grade", c.Grade),
                ("签发日期 Issued on", Printable.Date(c.IssuedOn)),
                ("说明 Note", c.Note),
            ])
            .Page("国家区域医疗中心进修培养合格证书 · Certificate of Completion");

    private static string GradeZh(string grade) => grade == nameof(Grade.EXCELLENT) ? "优秀" : "合格";

    private static IResult Csv(CertificateView c)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = new CsvWriter(writer, CultureInfo.InvariantCulture))
        {
            csv.Context.TypeConverterOptionsCache.GetOptions<DateOnly>().Formats = ["yyyy-MM-dd"];
            csv.WriteRecords([c]);
        }
        return Results.Text(writer.ToString(), "text/csv; charset=utf-8");
    }
}

[MartenStore(typeof(IAdvancedFellowshipStore))]
public static class IssueCertificateHandler
{
    public static async Task<Outcome<CertificateResult>> Handle(IssueCertificate command, IDocumentSession session, TimeProvider clock,
        IMessageContext bus, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if ((await FellowStreams.FetchAsync(session, command.FellowId, ct)).Refused(out var refused, out var fetched)) return refused;
        var (stream, f) = fetched;
        switch (f.Status)
        {
            case FellowshipStatus.CERTIFIED:
                return new CertificateResult(f.Id, f.Certificate!.Number, f.Status.ToString());
            case FellowshipStatus.NOT_CERTIFIED:
                return Unqualified;
            case FellowshipStatus.ASSESSED when f.FinalGrade is Grade.EXCELLENT or Grade.QUALIFIED:
                var number = string.Create(CultureInfo.InvariantCulture, $"GLYY-FEL-CERT-{f.Year}-{f.PositionNo:D2}{f.PlaceNumber:D2}");
                var certificate = new CompletionCertificate(number, f.TrainingStart!.Value, f.TrainingEnd!.Value, f.FinalGrade.Value, ChinaTime.Date(now));
                stream.AppendOne(new CertificateIssued(certificate, command.Caller.Actor, now));
                await bus.PublishAsync(FellowshipNotices.Certified(f));
                return new CertificateResult(f.Id, number, nameof(FellowshipStatus.CERTIFIED));
            default:
                return Refusal.Conflict("certificate.not_assessed", $"A certificate follows a final assessment; the fellow is {f.Status} (FEL-24).");
        }
    }

    internal static Refusal Unqualified =>
        new("certificate.unqualified", "A fellow whose final grade is UNQUALIFIED receives no certificate of completion (FEL-24).");
}
