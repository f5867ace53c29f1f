namespace Recruitment.AdvancedFellowship.Features.Review;

public sealed record FlagAcknowledgementRequest(string? Flag, string? Reason);

/// <summary>
/// The body of a review: START_REVIEW, PROPOSE or REJECT, with the reason; SOFT flags acknowledged with reasons; the
/// reviewer's tick that the row's specialty requirements were verified against the uploads; and, to propose beyond the
/// intake band, the reason for the override.
/// </summary>
public sealed record FellowshipReviewRequest(string? Decision, string? Reason, bool SpecialtyRequirementsVerified,
    IReadOnlyList<FlagAcknowledgementRequest>? Acknowledgements, string? IntakeBandReason);

public sealed record ReviewFellowshipApplication(Guid ApplicationId, string Actor, FellowshipReviewRequest Request);

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
        app.MapPost("/api/advanced-fellowship/applications/{applicationId:guid}/review", async (Guid applicationId, FellowshipReviewRequest request,
                ClaimsPrincipal user, IMessageBus bus, CancellationToken ct) =>
                await OptimisticRetry.RunAsync(() =>
                    bus.InvokeAsync<FellowshipResult>(new ReviewFellowshipApplication(applicationId, user.Actor(), request), ct)))
            .RequireAuthorization(Policies.FellowshipAdmin)
            .WithTags("AdvancedFellowship: selection");
}

[MartenStore(typeof(IAdvancedFellowshipStore))]
public static class ReviewFellowshipApplicationHandler
{
    public static async Task<FellowshipResult> Handle(ReviewFellowshipApplication command, IDocumentSession session, TimeProvider clock,
        CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var r = command.Request;
        var decision = r.Decision?.Trim().ToUpperInvariant();
        if (decision is not ("START_REVIEW" or "PROPOSE" or "REJECT"))
            throw DomainException.Invalid("review.invalid_decision", "decision must be START_REVIEW, PROPOSE or REJECT.");
        var stream = await session.Events.FetchForWriting<Fellowship>(command.ApplicationId, ct);
        var f = stream.Aggregate ?? throw DomainException.NotFound("application.not_found", $"No fellowship application {command.ApplicationId}.");
        var cycle = await FellowshipAccess.Cycle(session, f.Year, ct);
        var open = f.Status is FellowshipStatus.SUBMITTED or FellowshipStatus.UNDER_REVIEW;

        foreach (var a in r.Acknowledgements ?? [])
        {
            if (!open) throw FellowshipAccess.WrongStatus(f, "acknowledge a flag", FellowshipStatus.SUBMITTED, FellowshipStatus.UNDER_REVIEW);
            var flag = a.Flag?.Trim().ToUpperInvariant() ?? "";
            if (!f.Flags.Contains(flag)) throw DomainException.Invalid("review.unknown_flag", $"The application carries no flag '{a.Flag}'.");
            var reason = FellowshipAccess.Required(a.Reason, "review.reason_required", $"Acknowledging {flag} needs a reason (FEL-06).");
            stream.AppendOne(new FlagAcknowledged(flag, reason, command.Actor, now));
            f.On(new FlagAcknowledged(flag, reason, command.Actor, now));
        }

        switch (decision)
        {
            case "START_REVIEW":
                if (f.Status == FellowshipStatus.UNDER_REVIEW) break;
                if (f.Status != FellowshipStatus.SUBMITTED) throw FellowshipAccess.WrongStatus(f, "start the review", FellowshipStatus.SUBMITTED);
                stream.AppendOne(new ReviewStarted(command.Actor, now));
                return new FellowshipResult(f.Id, nameof(FellowshipStatus.UNDER_REVIEW));

            case "REJECT":
            {
                if (!open && f.Status != FellowshipStatus.PROPOSED)
                    throw FellowshipAccess.WrongStatus(f, "reject", FellowshipStatus.SUBMITTED, FellowshipStatus.UNDER_REVIEW, FellowshipStatus.PROPOSED);
                var reason = FellowshipAccess.Required(r.Reason, "review.reason_required", "A rejection states its reason (FEL-12).");
                if (f.HoldsPlace) await Quotas.ReleaseAsync(session, f, $"rejected: {reason}", command.Actor, now, ct);
                stream.AppendOne(new ApplicationRejected(reason, command.Actor, now));
                return new FellowshipResult(f.Id, nameof(FellowshipStatus.REJECTED));
            }

            case "PROPOSE":
            {
                if (!open) throw FellowshipAccess.WrongStatus(f, "propose", FellowshipStatus.SUBMITTED, FellowshipStatus.UNDER_REVIEW);
                if (now > cycle.AdmissionNoticeDeadline)
                    throw new DomainException("review.deadline_passed",
                        $"Proposals end with the admission notice deadline {cycle.AdmissionNoticeDeadline:O} (FEL-03).");
                if (f.UnacknowledgedFlags is { Count: > 0 } flags)
                    throw new DomainException("review.flags_unacknowledged", "Acknowledge every SOFT flag with a reason before proposing (FEL-06).",
                        extensions: new Dictionary<string, object?> { ["flags"] = flags });
                if (!r.SpecialtyRequirementsVerified)
                    throw new DomainException("review.specialty_not_verified",
                        "Verify the row's specialty requirements against the uploads and tick specialtyRequirementsVerified (FEL-09).");
                var position = cycle.Find(f.PositionNo!.Value)
                               ?? throw DomainException.Conflict("application.unknown_position", $"Row {f.PositionNo} is no longer in the {cycle.Id} table.");
                // HARD first: the row's quota; then the SOFT intake band of the year.
                var place = await Quotas.TakeAsync(session, position, f, command.Actor, now, ct);
                var held = await Quotas.HeldInYearAsync(session, f.Year, ct);
                var bandReason = r.IntakeBandReason?.Trim();
                if (held + 1 > cycle.IntakeBand.Max && string.IsNullOrEmpty(bandReason))
                    throw new DomainException("review.intake_band_exceeded",
                        $"This would admit {held + 1} fellows in {f.Year}, above the intake band {cycle.IntakeBand.Min}-{cycle.IntakeBand.Max}; give intakeBandReason to override (FEL-10, SOFT).");
                if (f.Status == FellowshipStatus.SUBMITTED) stream.AppendOne(new ReviewStarted(command.Actor, now));
                stream.AppendOne(new ApplicationProposed(r.Reason?.Trim(), held + 1 > cycle.IntakeBand.Max ? bandReason : null, place, command.Actor, now));
                return new FellowshipResult(f.Id, nameof(FellowshipStatus.PROPOSED));
            }
        }
        return new FellowshipResult(f.Id, f.Status.ToString());
    }
}
