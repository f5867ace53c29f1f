using Carter;
using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Recruitment.BuildingBlocks;
using Recruitment.TrainingExemption.Contracts;
using Recruitment.TrainingExemption.Domain;
using Recruitment.TrainingExemption.Features.Requests;

namespace Recruitment.TrainingExemption.Features.BaseForms;

internal sealed record BaseFormRequest(int? ProposedMonths, IReadOnlyList<MakeUpItem>? MakeUpItems, string? Notes);

/// <summary>
/// GET / PUT /api/training-exemption/requests/{requestId}/base-form: the base's approval form (FORM-06,
/// EXM-05): proposed training months and the make-up content, checked like a decision (EXM-10). Every
/// save is an event naming the reviewer (EXM-06). Editable until the center decides.
/// </summary>
internal sealed class BaseApprovalFormEndpoints : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app)
    {
        const string route = "/api/training-exemption/requests/{requestId:guid}/base-form";
        app.MapGet(route, async (Guid requestId, HttpContext http, ITrainingExemptionStore store, CancellationToken ct) =>
        {
            await using var session = store.QuerySession();
            var request = await ReadRequestsEndpoints.ForStaffAsync(session, requestId, http, ct);
            return request.BaseForm ?? throw DomainException.NotFound("exemption.base_form_missing", "The base has not filled in the approval form yet.");
        }).RequireAuthorization(Policies.BaseOrCenterAdmin).WithTags("TrainingExemption");

        app.MapPut(route, async (Guid requestId, BaseFormRequest body, HttpContext http, ITrainingExemptionStore store, TimeProvider clock,
            CancellationToken ct) =>
        {
            await using var session = store.LightweightSession();
            await ReadRequestsEndpoints.ForStaffAsync(session, requestId, http, ct);
            var stream = await session.Events.FetchForWriting<ExemptionCase>(requestId, ct);
            var request = stream.Aggregate!;
            if (request.Status is not (ExemptionStatus.REQUESTED or ExemptionStatus.BASE_FORM_COMPLETED or ExemptionStatus.ASSESSED))
                throw DomainException.Conflict("exemption.not_editable", $"The request is {request.Status}; the form can no longer change.");
            var cycle = await session.LoadAsync<ExemptionCycle>(request.Year, ct)
                        ?? throw DomainException.NotFound("exemption.unknown_cycle", $"No recruitment cycle {request.Year}.");
            if (body.ProposedMonths is not { } months) throw DomainException.Invalid("exemption.invalid_months", "proposedMonths is required.");
            ExemptionRules.ValidateMonths(months, body.MakeUpItems, cycle);
            var form = new BaseForm(months, ExemptionRules.Normalise(body.MakeUpItems!), body.Notes?.Trim(), http.User.Actor(), clock.GetUtcNow());
            stream.AppendOne(new BaseFormSaved(form, form.Reviewer, form.At));
            await session.SaveChangesAsync(ct);
            return form;
        }).RequireAuthorization(Policies.BaseAdmin).WithTags("TrainingExemption");
    }
}
