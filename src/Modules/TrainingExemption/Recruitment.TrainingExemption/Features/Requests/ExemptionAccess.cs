namespace Recruitment.TrainingExemption.Features.Requests;

/// <summary>How an exemption request is found and guarded, for every slice of the module.</summary>
internal static class ExemptionAccess
{
    public const string Tag = "TrainingExemption";

    /// <summary>The module's routes, under one prefix and tag.</summary>
    public static RouteGroupBuilder ExemptionApi(this IEndpointRouteBuilder app) => app.MapModule("/api/training-exemption", Tag);

    public static Refusal NotFound(Guid requestId) => Refusal.NotFound("exemption.not_found", $"No exemption request {requestId}.");

    /// <summary>A request as staff may see it: a base admin only their own base's.</summary>
    public static async Task<Outcome<ExemptionCase>> ForStaffAsync(IQuerySession session, Guid requestId, Caller caller, CancellationToken ct)
    {
        var request = await session.LoadAsync<ExemptionCase>(requestId, ct);
        if (request is null) return NotFound(requestId);
        return caller.ActsForBase(request.BaseCode) is { } refused ? refused : request;
    }
}
