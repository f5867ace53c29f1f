using Marten.Pagination;
using PagedList = Recruitment.BuildingBlocks.PagedList<Recruitment.Enrollment.Features.AssistantGp.Att4Row>;

namespace Recruitment.Enrollment.Features.AssistantGp;

internal sealed record AssistantGpRegistrationRequest(int? Year, string? Name, string? IdNumber, string? Mobile, AssistantGpForm? Form);

/// <summary>One row of Att4 (FORM-02): employer only for sponsored registrants.</summary>
internal sealed record Att4Row(int No, Guid ApplicationId, string Name, string? Gender, string IdNumber, string Mobile,
    string? HighestEducation, string Category, string? Employer, string Status, IReadOnlyList<string> Flags);

/// <summary>
/// POST /api/enrollment/bases/{baseCode}/assistant-gp-registrations: B07 staff key in the Att3 form of
/// an on-site registrant (ENR-35..ENR-39, FORM-01) during the on-site window; the registration then
/// waits for the base's stamp (POST /applications/{id}/review, ENR-40). GET lists the registrations in
/// Att4 column order; <c>?status=QUALIFIED</c> is the "qualified registrants" list.
/// </summary>
internal sealed class AssistantGpRegistrationEndpoints : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app)
    {
        const string route = "/api/enrollment/bases/{baseCode}/assistant-gp-registrations";
        app.MapPost(route, Register).RequireAuthorization(Policies.BaseAdmin).WithTags("Enrollment: assistant GP");
        app.MapGet(route, List).RequireAuthorization(Policies.BaseOrCenterAdmin).WithTags("Enrollment: assistant GP");
    }

    private static async Task<IResult> Register(string baseCode, AssistantGpRegistrationRequest request, HttpContext http,
        IEnrollmentStore store, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        baseCode = baseCode.ToUpperInvariant();
        http.User.EnsureActsForBase(baseCode);
        await using var session = store.LightweightSession();
        var cycle = await ApplicationAccess.Cycle(session, request.Year, ct);
        if (baseCode != cycle.AssistantGp.BaseCode)
            throw new DomainException("agp.base_not_offered",
                $"Assistant-GP training in {cycle.Id} is offered only at {cycle.AssistantGp.BaseCode} (ENR-35).");
        var calendar = cycle.Calendar;
        if (now < calendar.AssistantGpRegistrationStart || now.IsPast(calendar.AssistantGpRegistrationEnd))
            throw new DomainException("agp.window_closed",
                $"On-site assistant-GP registration runs from {calendar.AssistantGpRegistrationStart:O} to {calendar.AssistantGpRegistrationEnd:O} (ENR-38).");

        var idNumber = request.IdNumber?.Trim().ToUpperInvariant() ?? "";
        if (ResidentId.Problem(idNumber, now) is { } problem)
            throw DomainException.Invalid("agp.invalid_id_number", char.ToUpperInvariant(problem[0]) + problem[1..] + ".");
        var name = request.Name?.Trim() ?? "";
        if (name.Length is 0 or > 50) throw DomainException.Invalid("agp.name_required", "name is required (at most 50 characters).");
        if (!MobileNumber.IsValid(request.Mobile?.Trim()))
            throw DomainException.Invalid("agp.invalid_mobile", "mobile must be a mainland mobile number: 11 digits starting with 1 (ENR-12).");
        var form = request.Form ?? throw DomainException.Invalid("agp.form_incomplete", "The Att3 form is required (FORM-01).");
        var flags = Eligibility.AssistantGp(form);

        var registered = new AssistantGpRegistered(cycle.Id, baseCode, idNumber, name, request.Mobile!.Trim(), form, flags, http.User.Actor(), now);
        var existing = await session.Query<Application>().FirstOrDefaultAsync(a => a.Year == cycle.Id && a.DocumentNumber == idNumber, ct);
        Guid id;
        if (existing is null)
            id = session.Events.StartStream<Application>(registered).Id;
        else if (existing.Status == ApplicationStatus.WITHDRAWN) // never over a cancellation for false information (ENR-16, ENR-41)
            (await session.Events.FetchForWriting<Application>(id = existing.Id, ct)).AppendOne(registered);
        else
            throw DomainException.Conflict("application.duplicate",
                $"This ID number already holds a {existing.Track} application in {cycle.Id}; one application per person (ENR-13).");
        await session.SaveChangesAsync(ct);
        return Results.Created($"/api/enrollment/applications/{id}", new ApplicationResult(id, nameof(ApplicationStatus.ONSITE_REGISTERED)));
    }

    private static async Task<PagedList> List(string baseCode, int? year, string? status, int? page, int? pageSize,
        HttpContext http, IEnrollmentStore store, CancellationToken ct)
    {
        baseCode = baseCode.ToUpperInvariant();
        http.User.EnsureActsForBase(baseCode);
        var paging = Paging.From(page, pageSize);
        await using var session = store.QuerySession();
        var query = session.Query<Application>().Where(a => a.BaseCode == baseCode && a.Track == Track.ASSISTANT_GP);
        if (year is { } y) query = query.Where(a => a.Year == y);
        if (status is not null) { var s = ApplicationAccess.Filter<ApplicationStatus>(status, "status"); query = query.Where(a => a.Status == s); }

        var rows = await query.OrderBy(a => a.SubmittedAt).ThenBy(a => a.Id).ToPagedListAsync(paging.Page, paging.PageSize, ct);
        return paging.Of(rows.Select((a, i) => new Att4Row(paging.Skip + i + 1, a.Id, a.Name, a.Form?.Gender?.ToString(), a.DocumentNumber,
            a.Mobile, a.Form?.Highest?.Level.ToString(), a.Category.ToString(),
            a.Category == Category.SPONSORED ? a.Form?.EmployerName : null, a.Status.ToString(), a.Flags)).ToList(), rows.TotalItemCount);
    }
}
