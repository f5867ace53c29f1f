using System.Globalization;
using System.Net;
using Carter;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Recruitment.Printing;

namespace Recruitment.Publications.Features.Verification;

internal sealed record VerificationAnswer(string Code, bool Genuine, string Status, string? Title, string? HolderName, string? Issuer,
    IReadOnlyList<DocumentFact> Facts, DateTimeOffset? IssuedAt, DateTimeOffset? WithdrawnAt);

/// <summary>
/// GET /verify/{code}: the public page a printed QR code opens (HTML), and GET /api/publications/verifications/{code}
/// for programs (JSON). Either says whether the code belongs to a document this platform issued, with the minimum
/// facts to compare against the paper: title, holder's name, issuer, what it grants, when. Never an ID number.
/// </summary>
internal sealed class VerifyDocumentEndpoints : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/publications/verifications/{code}", async (string code, IPublicationsStore store, CancellationToken ct) =>
            {
                var answer = await LookUpAsync(store, code, ct);
                return answer.Status == "UNKNOWN"
                    ? throw DomainException.NotFound("document.not_found", "No document with this verification code was issued here.")
                    : Results.Ok(answer);
            })
            .AllowAnonymous().WithTags("Publications: verification");

        app.MapGet("/verify/{code}", async (string code, IPublicationsStore store, CancellationToken ct) =>
            {
                var answer = await LookUpAsync(store, code, ct);
                return Results.Content(Page(answer), "text/html; charset=utf-8", statusCode: answer.Status == "UNKNOWN" ? 404 : 200);
            })
            .AllowAnonymous().ExcludeFromDescription();
    }

    private static async Task<VerificationAnswer> LookUpAsync(IPublicationsStore store, string typed, CancellationToken ct)
    {
        var code = VerificationCodes.Normalize(typed);
        IssuedDocument? document = null;
        if (code is not null)
        {
            await using var session = store.QuerySession();
            document = await session.LoadAsync<IssuedDocument>(code, ct);
        }
        if (document is null) return new VerificationAnswer(code ?? typed, false, "UNKNOWN", null, null, null, [], null, null);
        var withdrawn = document.WithdrawnAt is not null;
        return new VerificationAnswer(document.Id, !withdrawn, withdrawn ? "WITHDRAWN" : "VALID", document.Title, document.HolderName,
            document.Issuer, document.Facts, document.FirstIssuedAt, document.WithdrawnAt);
    }

    private static string Page(VerificationAnswer a)
    {
        static string E(string? s) => WebUtility.HtmlEncode(s ?? "");
        var verdict = a.Status switch
        {
            "VALID" => "<p class=\"ok\">✔ 真实有效 Genuine: this document was issued by the platform.</p>",
            "WITHDRAWN" => $"<p class=\"bad\">✘ 已撤销 Withdrawn on {E(a.WithdrawnAt?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))}: this document is no longer valid.</p>",
            _ => "<p class=\"bad\">✘ 查无此证 Not genuine: no document with this verification code was issued by the platform.</p>",
        };
        var facts = a.Status == "UNKNOWN" ? "" :
            "<table>" +
            $"<tr><th>文件 Document</th><td>{E(a.Title)}</td></tr>" +
            $"<tr><th>持有人 Holder</th><td>{E(a.HolderName)}</td></tr>" +
            $"<tr><th>签发 Issuer</th><td>{E(a.Issuer)}</td></tr>" +
            string.Concat(a.Facts.Select(f => $"<tr><th>{E(f.Label)}</th><td>{E(f.Value)}</td></tr>")) +
            $"<tr><th>签发日期 Issued</th><td>{E(a.IssuedAt?.ToOffset(ChinaTime.Offset).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))}</td></tr>" +
            "</table>";
        return $"""
            <!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
            <title>文件真伪查验 Document verification</title>
            <style>body{"{"}font-family:sans-serif;max-width:36em;margin:2em auto;padding:0 1em;line-height:1.6{"}"}
            .ok{"{"}color:#060;font-weight:bold{"}"} .bad{"{"}color:#a00;font-weight:bold{"}"} th{"{"}text-align:left;padding-right:1em{"}"}</style></head>
            <body><h1>文件真伪查验 Document verification</h1><p>验证码 Code: <code>{E(a.Code)}</code></p>{verdict}{facts}</body></html>
            """;
    }
}
