namespace Recruitment.AdvancedFellowship.Features.Review;

public sealed record FlagAcknowledgementRequest(string? Flag, string? Reason);

/// <summary>
/// The body of a review: START_REVIEW, PROPOSE or REJECT, with the reason; SOFT flags acknowledged with reasons; the
/// reviewer's tick that the row's specialty requirements were verified against the uploads; and, to propose beyond the
/// intake band, the reason for the override.
/// </summary>
public sealed record FellowshipReviewRequest(string? Decision, string? Reason, bool SpecialtyRequirementsVerified,
    IReadOnlyList<FlagAcknowledgementRequest>? Acknowledgements, string? IntakeBandReason);

public sealed record ReviewFellowshipApplication(Guid ApplicationId, Caller Caller, FellowshipReviewRequest Request);

/// <summary>
/// POST /api/advanced-fellowship/applications/{applicationId}/review: the Science &amp; Education Dept. reviews, proposes
/// or rejects (FEL-10, FEL-12). A proposal takes a place of the row's quota (HARD, also under concurrent proposals),
/// needs every SOFT flag acknowledged with a reason (FEL-06) and the specialty requirements verified (FEL-09), must
/// come before the notice deadline (FEL-03), and beyond the year's intake band needs a recorded reason (FEL-10, SOFT).
/// A rejection states its reason and gives back a place the applicant held.
/// </summary>
internal sealed class ReviewApplicationEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.FellowshipApi("selection").MapPost("/applications/{applicationId:guid}/review", (Guid applicationId, FellowshipReviewRequest request,
                Caller caller, IMessageBus bus, CancellationToken ct) =>
                bus.SendAsync<FellowshipResult>(new ReviewFellowshipApplication(applicationId, caller, request), ct, retryOnConflict: true))
            .RequireAuthorization(Policies.FellowshipAdmin);
}

[MartenStore(typeof(IAdvancedFellowshipStore))]
public static class ReviewFellowshipApplicationHandler
{
    public static async Task<Outcome<FellowshipResult>> Handle(ReviewFellowshipApplication command, IDocumentSession session, TimeProvider clock,
        IMessageContext bus, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var actor = command.Caller.Actor;
        var r = command.Request;
        var decision = r.Decision?.Trim().ToUpperInvariant();
        if (decision is not ("START_REVIEW" or "PROPOSE" or "REJECT"))
            return Refusal.Invalid("review.invalid_decision", "decision must be START_REVIEW, PROPOSE or REJECT.");
        var stream = await session.Events.FetchForWriting<Fellowship>(command.ApplicationId, ct);
        if (stream.Aggregate is not { } f) return Refusal.NotFound("application.not_found", $"No fellowship application {command.ApplicationId}.");
        if ((await FellowshipAccess.CycleOf(session, f.Year, ct)).Refused(out var noCycle, out var cycle)) return noCycle;
        var open = f.Status is FellowshipStatus.SUBMITTED or FellowshipStatus.UNDER_REVIEW;

        // Every acknowledgement is checked before any is appended, and appended only once the decision is not refused.
        var acknowledged = new List<FlagAcknowledged>();
        foreach (var a in r.Acknowledgements ?? [])
        {
            if (!open) return FellowshipAccess.WrongStatus(f, "acknowledge a flag", FellowshipStatus.SUBMITTED, FellowshipStatus.UNDER_REVIEW);
            var flag = a.Flag?.Trim().ToUpperInvariant() ?? "";
            if (!f.Flags.Contains(flag)) return Refusal.Invalid("review.unknown_flag", $"The application carries no flag '{a.Flag}'.");
            if (Filters.Required(a.Reason, "review.reason_required", $"Acknowledging {flag} needs a reason (FEL-06).").Refused(out var noReason,
                    out var reason)) return noReason;
            var change = new FlagAcknowledged(flag, reason, actor, now);
            acknowledged.Add(change);
            f.On(change);
        }

        switch (decision)
        {
            case "START_REVIEW":
                if (f.Status == FellowshipStatus.UNDER_REVIEW) break;
                if (f.Status != FellowshipStatus.SUBMITTED) return FellowshipAccess.WrongStatus(f, "start the review", FellowshipStatus.SUBMITTED);
                stream.AppendMany(acknowledged);
                stream.AppendOne(new ReviewStarted(actor, now));
                return new FellowshipResult(f.Id, nameof(FellowshipStatus.UNDER_REVIEW));

            case "REJECT":
            {
                if (!open && f.Status != FellowshipStatus.PROPOSED)
                    return FellowshipAccess.WrongStatus(f, "reject", FellowshipStatus.SUBMITTED, FellowshipStatus.UNDER_REVIEW, FellowshipStatus.PROPOSED);
                if (Filters.Required(r.Reason, "review.reason_required", "A rejection states its reason (FEL-12).").Refused(out var noReason,
                        out var reason)) return noReason;
                stream.AppendMany(acknowledged);
                if (f.HoldsPlace) await Quotas.ReleaseAsync(session, f, $"rejected: {reason}", actor, now, ct);
                stream.AppendOne(new ApplicationRejected(reason, actor, now));
                await bus.PublishAsync(FellowshipNotices.Rejected(f, reason, now));
                return new FellowshipResult(f.Id, nameof(FellowshipStatus.REJECTED));
            }

            case "PROPOSE":
            {
                if (!open) return FellowshipAccess.WrongStatus(f, "propose", FellowshipStatus.SUBMITTED, FellowshipStatus.UNDER_REVIEW);
                if (now > cycle.AdmissionNoticeDeadline)
                    return new Refusal("review.deadline_passed",
                        $"Proposals end with the admission notice deadline {cycle.AdmissionNoticeDeadline:O} (FEL-03).");
                if (f.UnacknowledgedFlags is { Count: > 0 } flags)
                    return new Refusal("review.flags_unacknowledged", "Acknowledge every SOFT flag with a reason before proposing (FEL-06).",
                        Extensions: new Dictionary<string, object?> { ["flags"] = flags });
                if (!r.SpecialtyRequirementsVerified)
                    return new Refusal("review.specialty_not_verified",
                        "Verify the row's specialty requirements against the uploads and tick specialtyRequirementsVerified (FEL-09).");
                if (cycle.Find(f.PositionNo!.Value) is not { } position)
                    return Refusal.Conflict("application.unknown_position", $"Row {f.PositionNo} is no longer in the {cycle.Id} table.");
                // HARD first: the row's quota; then the SOFT intake band of the year.
                if ((await Quotas.PlaceForAsync(session, position, f, ct)).Refused(out var exhausted, out var place)) return exhausted;
                var wouldHold = await Quotas.HeldInYearAsync(session, f.Year, ct) + 1;
                var (min, max) = (cycle.IntakeBand.Min, cycle.IntakeBand.Max);
                var bandReason = r.IntakeBandReason?.Trim();
                if (wouldHold > max && string.IsNullOrEmpty(bandReason))
                    return new Refusal("review.intake_band_exceeded",
                        $"This would admit {wouldHold} fellows in {f.Year}, above the intake band {min}-{max}; give intakeBandReason to override (FEL-10, SOFT).");
                stream.AppendMany(acknowledged);
                var number = Quotas.Take(place, f, actor, now);
                if (f.Status == FellowshipStatus.SUBMITTED) stream.AppendOne(new ReviewStarted(actor, now));
                stream.AppendOne(new ApplicationProposed(r.Reason?.Trim(), wouldHold > max ? bandReason : null, number, actor, now));
                await bus.PublishAsync(FellowshipNotices.Proposed(f, now));
                return new FellowshipResult(f.Id, nameof(FellowshipStatus.PROPOSED));
            }
        }
        stream.AppendMany(acknowledged);
        return new FellowshipResult(f.Id, f.Status.ToString());
    }
}
