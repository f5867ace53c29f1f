using System.Text.Json;
using Marten;
using static Recruitment.Enrollment.Tests.Applicants;
using static Recruitment.Enrollment.Tests.Cohorts;

namespace Recruitment.Enrollment.Tests;

/// <summary>
/// Rules that were partial (issue 14, item 7): the PHC unlocking an OTHER split (ENR-06), returning one candidate in
/// review or re-check (ENR-57), placing an ENR-28 applicant without preferences (ENR-55), the staff profile correction
/// (ENR-15) and the assistant-GP materials checklist (ENR-38, ENR-39). Every command refuses the wrong role, a missing
/// reason and the wrong status with its own code and stores nothing.
/// </summary>
[Collection(EnrollmentCollection.Name)]
public sealed class PartialRulesTests(RecruitmentApp app)
{
    private async Task<int> EventsAsync(Guid id)
    {
        await using var session = app.Service<IEnrollmentStore>().QuerySession();
        return (await session.Events.FetchStreamAsync(id)).Count;
    }

    private async Task<CellLedger?> LedgerAsync(string cellId)
    {
        await using var session = app.Service<IEnrollmentStore>().QuerySession();
        return await session.LoadAsync<CellLedger>(cellId);
    }

    private static JsonElement LastStep(JsonElement view) => view.GetProperty("timeline").EnumerateArray().Last();

    private async Task<JsonElement> StaffViewAsync(string login, Guid id)
    {
        using var staff = await app.SignedInAsync(login);
        return (await (await staff.GetAsync($"/api/enrollment/applications/{id}")).JsonAsync()).GetProperty("application");
    }

    [Fact]
    public async Task The_PHC_unlocks_a_published_OTHER_split_with_a_reason_and_the_base_republishes_it_without_taking_held_places_ENR_06()
    {
        var year = await NewCycleAsync(app);
        app.Clock.Set(2024, 8, 1); // tokens live 10 minutes: every client signs in after the clock's last move
        var route = $"/api/enrollment/cycles/{year}/bases/B03/other-split";
        using var b03 = await app.SignedInAsync("t-b03");
        await (await b03.PutAsJsonAsync(route, new { items = new[] { new { specialty = "Internal Medicine", places = 30 }, new { specialty = "Surgery", places = 21 } } }))
            .ShouldBeSuccessAsync();
        var surgeon = await ExaminedAsync(app, year, "B03", "OTHER", 80, otherSpecialty: "Surgery");
        await (await b03.PostAsJsonAsync($"/api/enrollment/applications/{surgeon}/proposal", new { healthCheck = "PASS" })).ShouldBeSuccessAsync();

        // Refusals: the base and the center never unlock; the PHC states a reason; only a published split is unlocked.
        foreach (var login in new[] { "t-b03", "t-center" })
        {
            using var staff = await app.SignedInAsync(login);
            (await staff.PostAsJsonAsync(route + "/unlock", new { reason = "typo" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden, login);
        }
        using var phc = await app.SignedInAsync("t-phc");
        await (await phc.PostAsJsonAsync(route + "/unlock", new { reason = " " })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "other_split.reason_required");
        await (await phc.PostAsJsonAsync($"/api/enrollment/cycles/{year}/bases/B01/other-split/unlock", new { reason = "typo" }))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound, "brochure.other_split_pending");
        var locked = await (await phc.GetAsync(route)).JsonAsync();
        locked.GetProperty("locked").GetBoolean().ShouldBeTrue("a refusal changes nothing");
        locked.GetProperty("history").GetArrayLength().ShouldBe(1);

        var unlocked = await (await phc.PostAsJsonAsync(route + "/unlock", new { reason = "基地申报专业基地容量有误 / capacity misreported" })).JsonAsync();
        unlocked.GetProperty("locked").GetBoolean().ShouldBeFalse();
        var audit = unlocked.GetProperty("history").EnumerateArray().Last();
        (audit.GetProperty("action").GetString(), audit.GetProperty("reason").GetString()).ShouldBe(("UNLOCKED", "基地申报专业基地容量有误 / capacity misreported"));
        audit.GetProperty("actor").GetString()!.ShouldStartWith("phc");
        await (await phc.PostAsJsonAsync(route + "/unlock", new { reason = "again" })).ShouldBeProblemAsync(HttpStatusCode.Conflict, "other_split.already_unlocked");

        // The correction may not take away a place already held (ENR-45): Surgery holds one proposed trainee.
        await (await b03.PutAsJsonAsync(route, new { items = new[] { new { specialty = "Internal Medicine", places = 51 } } }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "other_split.below_holders");
        (await LedgerAsync($"{year}:B03:OTHER:SURGERY"))!.Places.ShouldBe(21);
        using (var b01 = await app.SignedInAsync("t-b01"))
            (await b01.PutAsJsonAsync(route, new { items = new[] { new { specialty = "Internal Medicine", places = 41 }, new { specialty = "Surgery", places = 10 } } }))
                .StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var republished = await (await b03.PutAsJsonAsync(route, new { items = new[] { new { specialty = "Internal Medicine", places = 41 }, new { specialty = "Surgery", places = 10 } } }))
            .JsonAsync();
        republished.GetProperty("locked").GetBoolean().ShouldBeTrue("the base's publication locks it again");
        republished.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("action").GetString()).ShouldBe(["PUBLISHED", "UNLOCKED", "REPUBLISHED"]);
        (await LedgerAsync($"{year}:B03:OTHER:SURGERY"))!.Places.ShouldBe(10, "the cell's ledger follows the corrected split");
        await (await b03.PutAsJsonAsync(route, new { items = new[] { new { specialty = "Surgery", places = 51 } } }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "brochure.other_split_locked");
    }

    [Fact]
    public async Task The_center_and_the_PHC_each_return_one_candidate_and_the_rest_of_the_batch_goes_on_ENR_57()
    {
        var year = await NewCycleAsync(app);
        app.Clock.Set(2024, 8, 1);
        var ids = new List<Guid>();
        string Route(Guid id) => $"/api/enrollment/applications/{id}/return";
        using (var proposing = await app.SignedInAsync("t-b02"))
        using (var early = await app.SignedInAsync("t-center"))
        {
            foreach (var total in new[] { 90m, 85m, 80m })
            {
                var id = await ExaminedAsync(app, year, "B02", "ANE", total);
                await (await proposing.PostAsJsonAsync($"/api/enrollment/applications/{id}/proposal", new { healthCheck = "PASS" })).ShouldBeSuccessAsync();
                ids.Add(id);
            }
            await (await early.PostAsJsonAsync(Route(ids[0]), new { reason = "materials incomplete" }))
                .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "return.before_lock");
        }
        var cell = $"{year}:B02:ANE";

        app.Clock.Set(2024, 8, 18, 9);
        using var b02 = await app.SignedInAsync("t-b02");
        using var center = await app.SignedInAsync("t-center");
        using var phc = await app.SignedInAsync("t-phc");
        var events = await EventsAsync(ids[0]);
        (await b02.PostAsJsonAsync(Route(ids[0]), new { reason = "x" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden, "a base never returns");
        await (await center.PostAsJsonAsync(Route(ids[0]), new { })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "return.reason_required");
        await (await phc.PostAsJsonAsync(Route(ids[0]), new { reason = "x" }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "return.invalid_status"); // the PHC returns only what waits for its re-check
        await (await center.PostAsJsonAsync(Route(Guid.NewGuid()), new { reason = "x" })).ShouldBeProblemAsync(HttpStatusCode.NotFound, "application.not_found");
        (await EventsAsync(ids[0])).ShouldBe(events, "refusals store nothing");
        (await LedgerAsync(cell))!.Holders.Count.ShouldBe(3);

        (await (await center.PostAsJsonAsync(Route(ids[0]), new { reason = "体检报告缺失 / health report missing" })).JsonAsync())
            .GetProperty("status").GetString().ShouldBe("NOT_PROPOSED");
        (await LedgerAsync(cell))!.Holders.ShouldNotContain(ids[0], "the place went back to the cell (ENR-51, ENR-68)");
        (await (await center.PostAsync($"/api/enrollment/cycles/{year}/center-review", null)).JsonAsync()).GetProperty("applications").GetInt32().ShouldBe(2);

        await (await center.PostAsJsonAsync(Route(ids[1]), new { reason = "x" })).ShouldBeProblemAsync(HttpStatusCode.Conflict, "return.invalid_status");
        (await (await phc.PostAsJsonAsync(Route(ids[1]), new { reason = "复核不通过 / re-check failed" })).JsonAsync())
            .GetProperty("status").GetString().ShouldBe("NOT_PROPOSED");
        (await (await phc.PostAsync($"/api/enrollment/cycles/{year}/recheck", null)).JsonAsync()).GetProperty("applications").GetInt32().ShouldBe(1);
        await (await phc.PostAsync($"/api/enrollment/cycles/{year}/publicity", null)).ShouldBeSuccessAsync();

        (await LoadAsync(app, ids[2])).Status.ShouldBe(ApplicationStatus.IN_PUBLICITY);
        (await LedgerAsync(cell))!.Holders.ShouldBe([ids[2]]);
        var first = LastStep(await StaffViewAsync("t-b02", ids[0]));
        (first.GetProperty("event").GetString(), first.GetProperty("status").GetString(), first.GetProperty("detail").GetString())
            .ShouldBe(("proposal-returned", "NOT_PROPOSED", "center-review: 体检报告缺失 / health report missing"));
        first.GetProperty("actor").GetString()!.ShouldStartWith("center");
        LastStep(await StaffViewAsync("t-b02", ids[1])).GetProperty("detail").GetString().ShouldBe("recheck: 复核不通过 / re-check failed");
    }

    [Fact]
    public async Task The_PHC_places_an_independent_applicant_without_preferences_in_a_vacancy_at_their_base_ENR_55_ENR_28()
    {
        var year = await NewCycleAsync(app);
        app.Clock.Set(2024, 8, 1);
        var independent = await ExaminedAsync(app, year, "B01", "GP", 80);
        var sponsored = await ExaminedAsync(app, year, "B01", "GP", 79, category: Category.SPONSORED);
        var withPreferences = await ExaminedAsync(app, year, "B01", "GP", 78);
        app.Clock.Set(2024, 8, 17, 0, 0, 0);
        await app.Service<IMessageBus>().InvokeAsync(new CloseStage(year, Stage.ProposedAdmission));
        (await LoadAsync(app, independent)).Status.ShouldBe(ApplicationStatus.NOT_PROPOSED);

        Guid roundId;
        using (var opening = await app.SignedInAsync("t-phc"))
            roundId = (await (await opening.PostAsJsonAsync($"/api/enrollment/cycles/{year}/rounds",
                new { kind = "REALLOCATION", opens = "2024-08-17T09:00:00+08:00", closes = "2024-08-19T00:00:00+08:00" })).JsonAsync()).GetProperty("id").GetGuid();
        await using (var session = app.Service<IEnrollmentStore>().LightweightSession())
        {
            session.Store(new RoundPreferences
            {
                Id = RoundPreferences.IdFor(roundId, withPreferences),
                RoundId = roundId,
                ApplicationId = withPreferences,
                Cells = [$"{year}:B01:GP"],
                SubmittedAt = DateTimeOffset.UtcNow,
            });
            await session.SaveChangesAsync();
        }
        string Route(Guid id) => $"/api/enrollment/applications/{id}/placement";
        object Body(string specialty = "PSY", string? reason = "本人未填报志愿，服从调剂 / accepted reallocation, no preferences") =>
            new { roundId, specialtyCode = specialty, reason };

        app.Clock.Set(2024, 8, 18, 10);
        using (var early = await app.SignedInAsync("t-phc"))
            await (await early.PostAsJsonAsync(Route(independent), Body())).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "placement.round_open");
        app.Clock.Set(2024, 8, 19, 10);
        using var phc = await app.SignedInAsync("t-phc");
        var events = await EventsAsync(independent);
        foreach (var login in new[] { "t-b01", "t-center" })
        {
            using var staff = await app.SignedInAsync(login);
            (await staff.PostAsJsonAsync(Route(independent), Body())).StatusCode.ShouldBe(HttpStatusCode.Forbidden, login);
        }
        await (await phc.PostAsJsonAsync(Route(independent), Body(reason: null))).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "placement.reason_required");
        await (await phc.PostAsJsonAsync(Route(independent), new { roundId = Guid.NewGuid(), specialtyCode = "PSY", reason = "x" }))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound, "round.not_found");
        await (await phc.PostAsJsonAsync(Route(independent), Body("NOPE"))).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "placement.unknown_cell");
        await (await phc.PostAsJsonAsync(Route(sponsored), Body()))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "placement.not_reallocatable"); // ENR-27: a sponsored candidate keeps their specialty
        await (await phc.PostAsJsonAsync(Route(withPreferences), Body())).ShouldBeProblemAsync(HttpStatusCode.Conflict, "placement.has_preferences");
        (await EventsAsync(independent)).ShouldBe(events, "refusals store nothing");
        (await LedgerAsync($"{year}:B01:PSY")).ShouldBeNull();

        (await (await phc.PostAsJsonAsync(Route(independent), Body())).JsonAsync()).GetProperty("status").GetString().ShouldBe("PROPOSED");
        var placed = await LoadAsync(app, independent);
        (placed.BaseCode, placed.SpecialtyCode, placed.Proposal!.RoundId).ShouldBe(("B01", "PSY", roundId));
        (await LedgerAsync($"{year}:B01:PSY"))!.Holders.ShouldBe([independent]);
        await (await phc.PostAsJsonAsync(Route(independent), Body())).ShouldBeProblemAsync(HttpStatusCode.Conflict, "placement.invalid_status");
        var step = LastStep(await StaffViewAsync("t-b01", independent));
        (step.GetProperty("event").GetString(), step.GetProperty("status").GetString()).ShouldBe(("placed-by-phc", "PROPOSED"));

        // ENR-56: the placement goes through the same center review as every proposal.
        using var center = await app.SignedInAsync("t-center");
        (await (await center.PostAsync($"/api/enrollment/cycles/{year}/center-review", null)).JsonAsync()).GetProperty("applications").GetInt32().ShouldBe(1);
    }

    [Fact]
    public async Task After_registration_closes_only_the_applied_base_corrects_an_applicants_profile_during_on_site_confirmation_with_a_reason_ENR_15()
    {
        app.Clock.Set(2024, 6, 20);
        var (id, registering, login) = await SubmittedAsync(app, Independent("B01", "GP"));
        registering.Dispose();
        string route = $"/api/enrollment/applications/{id}/profile-correction";
        var corrected = Profile() with { Basic = Profile().Basic! with { Email = "corrected@example.cn", Address = "Jilin City, Jilin" } };
        object Body(string? reason = "身份证地址与系统不一致 / address differs from the ID card") => new { basic = corrected.Basic, reason };
        using (var reviewing = await app.SignedInAsync("t-b01"))
            await (await reviewing.PostAsJsonAsync(route, Body(), Json)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "profile_correction.invalid_status");

        app.Clock.Set(2024, 7, 2);
        using var b01 = await app.SignedInAsync("t-b01");
        using var applicant = await app.SignedInAsync(login, Password);
        await (await b01.PostAsJsonAsync($"/api/enrollment/applications/{id}/review", new { decision = "APPROVE", identityVerified = true })).ShouldBeSuccessAsync();
        var events = await EventsAsync(id);
        await (await applicant.PutProfileAsync(corrected)).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "profile.edit_closed");
        (await applicant.PostAsJsonAsync(route, Body(), Json)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        using (var center = await app.SignedInAsync("t-center"))
            (await center.PostAsJsonAsync(route, Body(), Json)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        using (var b02 = await app.SignedInAsync("t-b02"))
            await (await b02.PostAsJsonAsync(route, Body(), Json)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "base.forbidden");
        await (await b01.PostAsJsonAsync(route, Body(reason: null), Json)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "profile_correction.reason_required");
        await (await b01.PostAsJsonAsync(route, new { reason = "x" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "profile_correction.nothing_to_correct");
        await (await b01.PostAsJsonAsync(route, new { basic = corrected.Basic! with { Email = null }, reason = "x" }, Json))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "profile_correction.incomplete");
        (await EventsAsync(id)).ShouldBe(events, "refusals store nothing");

        (await (await b01.PostAsJsonAsync(route, Body(), Json)).JsonAsync()).GetProperty("status").GetString().ShouldBe("APPROVED");
        (await (await applicant.GetAsync("/api/enrollment/me/profile")).JsonAsync()).GetProperty("basic").GetProperty("email").GetString()
            .ShouldBe("corrected@example.cn", "the applicant's own profile follows the correction");
        var step = LastStep(await StaffViewAsync("t-b01", id));
        (step.GetProperty("event").GetString(), step.GetProperty("detail").GetString())
            .ShouldBe(("profile-corrected", "basic: 身份证地址与系统不一致 / address differs from the ID card"));
        step.GetProperty("actor").GetString()!.ShouldStartWith("base-admin:");
        (await LoadAsync(app, id)).Profile!.Basic!.Address.ShouldBe("Jilin City, Jilin");

        app.Clock.Set(2024, 7, 5, 9);
        using var late = await app.SignedInAsync("t-b01");
        await (await late.PostAsJsonAsync(route, Body(), Json)).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "profile_correction.window_closed");
    }

    [Fact]
    public async Task The_assistant_GP_stamp_waits_for_the_on_site_materials_and_a_sponsored_registrant_brings_the_contract_copy_ENR_38_ENR_39()
    {
        app.Clock.Set(2024, 7, 2);
        using var b07 = await app.SignedInAsync("t-b07");
        var created = await b07.PostAsJsonAsync("/api/enrollment/bases/B07/assistant-gp-registrations",
            AssistantGpRegistrationTests.Att3(TestIds.NewResidentId(new DateOnly(2003, 4, 1)), "SPONSORED", consent: true, employer: "Nong'an Township Health Centre"));
        var id = (await created.JsonAsync()).GetProperty("applicationId").GetGuid();
        var route = $"/api/enrollment/applications/{id}/assistant-gp-checklist";

        var checklist = await (await b07.GetAsync(route)).JsonAsync();
        checklist.GetProperty("missing").EnumerateArray().Select(m => m.GetString())
            .ShouldBe(["ATT3_FORM", "ID_CARD", "EDUCATION_CERTIFICATE", "EMPLOYMENT_CONTRACT", "EMPLOYER_OPINION"], ignoreOrder: true);
        await (await b07.PostAsJsonAsync($"/api/enrollment/applications/{id}/review", new { decision = "APPROVE" }))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "agp.checklist_incomplete");
        var events = await EventsAsync(id);
        using (var b01 = await app.SignedInAsync("t-b01"))
        {
            await (await b01.GetAsync(route)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "base.forbidden");
            await (await b01.PutAsJsonAsync(route, new { items = new[] { new { code = "ID_CARD", originalSeen = true, copyReceived = true } } }))
                .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "base.forbidden");
        }
        await (await b07.PutAsJsonAsync(route, new { items = new[] { new { code = "DEGREE_1", originalSeen = true, copyReceived = true } } }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "checklist.unknown_item");
        (await EventsAsync(id)).ShouldBe(events, "refusals store nothing");

        var ticks = new[] { "ATT3_FORM", "ID_CARD", "EDUCATION_CERTIFICATE", "EMPLOYER_OPINION" }
            .Select(code => new { code, originalSeen = true, copyReceived = true }).ToList();
        var partial = await (await b07.PutAsJsonAsync(route, new { items = ticks })).JsonAsync();
        partial.GetProperty("missing").EnumerateArray().Select(m => m.GetString()).ShouldBe(["EMPLOYMENT_CONTRACT"], "ENR-39: the contract copy");
        await (await b07.PostAsJsonAsync($"/api/enrollment/applications/{id}/review", new { decision = "APPROVE" }))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "agp.checklist_incomplete");
        await (await b07.PutAsJsonAsync(route, new { items = new[] { new { code = "EMPLOYMENT_CONTRACT", originalSeen = false, copyReceived = true } } }))
            .ShouldBeSuccessAsync();
        (await (await b07.PostAsJsonAsync($"/api/enrollment/applications/{id}/review", new { decision = "APPROVE" })).JsonAsync())
            .GetProperty("status").GetString().ShouldBe("QUALIFIED");
        await (await b07.PutAsJsonAsync(route, new { items = ticks })).ShouldBeProblemAsync(HttpStatusCode.Conflict, "agp_checklist.invalid_status");

        // An independent registrant brings no contract and no employer opinion.
        var independent = (await (await b07.PostAsJsonAsync("/api/enrollment/bases/B07/assistant-gp-registrations",
            AssistantGpRegistrationTests.Att3(TestIds.NewResidentId(new DateOnly(2003, 4, 1))))).JsonAsync()).GetProperty("applicationId").GetGuid();
        (await (await b07.GetAsync($"/api/enrollment/applications/{independent}/assistant-gp-checklist")).JsonAsync()).GetProperty("missing")
            .EnumerateArray().Select(m => m.GetString()).ShouldBe(["ATT3_FORM", "ID_CARD", "EDUCATION_CERTIFICATE"], ignoreOrder: true);
    }
}
