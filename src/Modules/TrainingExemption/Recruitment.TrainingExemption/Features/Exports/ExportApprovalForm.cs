namespace Recruitment.TrainingExemption.Features.Exports;

/// <summary>
/// GET /api/training-exemption/requests/{requestId}/export?format=csv|xlsx: the exemption approval form
/// (FORM-06) for the materials packet sent to the center (ENR-52, EXM-11): field / value rows, then one
/// row per make-up item.
/// </summary>
internal sealed class ExportApprovalFormEndpoint : ICarterModule
{
    private static readonly string[] Columns = ["field", "value"];

    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.ExemptionApi().MapGet("/requests/{requestId:guid}/export", async (Guid requestId, string? format, Caller caller,
                ITrainingExemptionStore store, CancellationToken ct) =>
            {
                await using var session = store.QuerySession();
                var found = await ExemptionAccess.ForStaffAsync(session, requestId, caller, ct);
                if (found.Refused(out var refused, out var r)) return refused.ToResult();
                var d = r.Determination;
                var fields = new List<(string, object?)>
                {
                    ("trainee", r.Name), ("base", r.BaseCode), ("specialty", r.OtherSpecialty ?? r.SpecialtyCode), ("basis", r.Form?.Basis),
                    ("degreeMajor", r.Form?.DegreeMajor), ("degreeDirection", r.Form?.DegreeDirection),
                    ("awardingInstitution", r.Form?.AwardingInstitution), ("country", r.Form?.Country), ("status", r.Status),
                    ("baseProposedMonths", r.BaseForm?.ProposedMonths), ("baseReviewer", r.BaseForm?.Reviewer), ("baseReviewedAt", r.BaseForm?.At),
                    ("capabilityAssessment", r.Assessment?.Result), ("assessmentScore", r.Assessment?.Score),
                    ("expertConclusion", d is null ? null : d.Approved ? "APPROVED" : "REJECTED"), ("approvedMonths", d?.TrainingMonths),
                    ("decisionReason", d?.Reason), ("centerApprover", d?.DecidedBy), ("decidedAt", d?.At),
                };
                var makeUp = (d?.MakeUpItems ?? r.BaseForm?.MakeUpItems ?? []).Select(i => ($"makeUp:{i.Department}", (object?)i.Months));
                var rows = fields.Concat(makeUp).Select(f => (IReadOnlyDictionary<string, object?>)new Dictionary<string, object?>
                {
                    ["field"] = f.Item1,
                    ["value"] = f.Item2,
                });
                return await TableExport.FileAsync(format, $"exemption-approval-{r.Id:N}", Columns, rows, ct);
            })
            .RequireAuthorization(Policies.BaseOrCenterAdmin);
}
