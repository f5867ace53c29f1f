namespace Recruitment.Enrollment.Features.Admission;

internal sealed record AdmissionView(int Year, string Status, bool Admitted, string? BaseCode, string? SpecialtyCode, string? OtherSpecialty,
    int? TrainingMonths, DateOnly? TrainingStart, string? NoticeUrl);

/// <summary>
/// GET /api/enrollment/me/admission: the applicant's admission result (ENR-59). It exists only once
/// publicity has ended without a standing objection: before that the applicant sees where the process
/// stands (e.g. IN_PUBLICITY, ON_HOLD), never the outcome.
/// </summary>
internal sealed class MyAdmissionEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapGet("/api/enrollment/me/admission", async (int? year, HttpContext http, IEnrollmentStore store, CancellationToken ct) =>
            {
                await using var session = store.QuerySession();
                var a = await ApplicationAccess.Own(session, http.User.AccountId(), year, ct);
                if (!a.IsAdmitted) return new AdmissionView(a.Year, a.Status.ToString(), false, null, null, null, null, null, null);
                var cycle = (await session.LoadAsync<Domain.RecruitmentCycle>(a.Year, ct))!;
                var message = Admissions.Message(a, cycle, DateTimeOffset.MinValue);
                return new AdmissionView(a.Year, a.Status.ToString(), true, a.BaseCode, a.SpecialtyCode, a.OtherSpecialty, message.TrainingMonths,
                    message.TrainingStart, $"/api/enrollment/applications/{a.Id}/notice");
            })
            .RequireAuthorization(Policies.Applicant).WithTags("Enrollment: applicants");
}
