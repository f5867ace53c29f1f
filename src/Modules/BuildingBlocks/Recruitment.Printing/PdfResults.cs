using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Recruitment.BuildingBlocks;

namespace Recruitment.Printing;

/// <summary>How an endpoint hands out a printed document.</summary>
public static class PdfResults
{
    /// <summary>
    /// The public origin printed in verification links: <c>Publications:PublicOrigin</c> when configured
    /// (production, behind a proxy), otherwise the origin the request came to.
    /// </summary>
    public static string PublicOrigin(HttpContext http)
    {
        var configured = http.RequestServices.GetService<IConfiguration>()?["Publications:PublicOrigin"];
        return !string.IsNullOrWhiteSpace(configured) ? configured.TrimEnd('/') : $"{http.Request.Scheme}://{http.Request.Host}";
    }

    public static string VerificationUrl(HttpContext http, string code) => $"{PublicOrigin(http)}/verify/{code}";

    /// <summary>Draws the document; no font means a clear 503 problem, never a PDF of empty boxes.</summary>
    public static IResult File(Func<byte[]> draw, string fileName)
    {
        byte[] pdf;
        try
        {
            pdf = draw();
        }
        catch (PrintingUnavailableException e)
        {
            throw new DomainException("document.font_missing", e.Message, StatusCodes.Status503ServiceUnavailable);
        }
        return Results.File(pdf, "application/pdf", fileName);
    }
}
