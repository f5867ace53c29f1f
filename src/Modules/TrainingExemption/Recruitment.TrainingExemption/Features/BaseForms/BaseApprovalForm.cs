namespace Recruitment.TrainingExemption.Features.BaseForms;

public sealed record BaseFormRequest(int? ProposedMonths, IReadOnlyList<MakeUpItem>? MakeUpItems, string? Notes);

public sealed record SaveBaseForm(Guid RequestId, Caller Caller, BaseFormRequest Request);

/// <summary>
/// GET / PUT /api/training-exemption/requests/{requestId}/base-form: the base's approval form (FORM-06,
/// EXM-05): proposed training months and the make-up content, checked like a decision (EXM-10: make-up items name rotation departments, ROT-04). Every
/// save is an event naming the reviewer (EXM-06). Editable until the center decides.
/// </summary>
internal sealed class BaseApprovalFormEndpoints : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app)
    {
        const string route = "/requests/{requestId:guid}/base-form";
        var api = app.ExemptionApi();
        api.MapGet(route, async (Guid requestId, Caller caller, ITrainingExemptionStore store, CancellationToken ct) =>
        {
            await using var session = store.QuerySession();
            var found = await ExemptionAccess.ForStaffAsync(session, requestId, caller, ct);
            if (found.Refused(out var refused, out var request)) return refused.ToResult();
            return request.BaseForm is { } form ? Results.Ok(form)
                : Refusal.NotFound("exemption.base_form_missing", "The base has not filled in the approval form yet.").ToResult();
        }).RequireAuthorization(Policies.BaseOrCenterAdmin);

        api.MapPut(route, (Guid requestId, BaseFormRequest body, Caller caller, IMessageBus bus, CancellationToken ct) =>
            bus.SendAsync<BaseForm>(new SaveBaseForm(requestId, caller, body), ct)).RequireAuthorization(Policies.BaseAdmin);
    }
}

[MartenStore(typeof(ITrainingExemptionStore))]
public static class SaveBaseFormHandler
{
    public static async Task<Outcome<BaseForm>> Handle(SaveBaseForm command, IDocumentSession session, TimeProvider clock, IMessageBus bus,
        CancellationToken ct)
    {
        var stream = await session.Events.FetchForWriting<ExemptionCase>(command.RequestId, ct);
        if (stream.Aggregate is not { } request) return ExemptionAccess.NotFound(command.RequestId);
        if (command.Caller.ActsForBase(request.BaseCode) is { } forbidden) return forbidden;
        if (request.Status is not (ExemptionStatus.REQUESTED or ExemptionStatus.BASE_FORM_COMPLETED or ExemptionStatus.ASSESSED))
            return Refusal.Conflict("exemption.not_editable", $"The request is {request.Status}; the form can no longer change.");
        if (await session.LoadAsync<ExemptionCycle>(request.Year, ct) is not { } cycle)
            return Refusal.NotFound("exemption.unknown_cycle", $"No recruitment cycle {request.Year}.");
        var body = command.Request;
        if (body.ProposedMonths is not { } months) return Refusal.Invalid("exemption.invalid_months", "proposedMonths is required.");
        var isDepartment = await Decisions.MakeUpDepartments.CatalogueAsync(bus, body.MakeUpItems, ct);
        if (ExemptionRules.MonthsProblem(months, body.MakeUpItems, cycle, isDepartment) is { } invalid) return invalid;
        var form = new BaseForm(months, ExemptionRules.Normalise(body.MakeUpItems!), body.Notes?.Trim(), command.Caller.Actor, clock.GetUtcNow());
        stream.AppendOne(new BaseFormSaved(form, form.Reviewer, form.At));
        return form;
    }
}
