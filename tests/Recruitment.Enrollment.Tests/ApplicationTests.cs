using static Recruitment.Enrollment.Tests.Applicants;

namespace Recruitment.Enrollment.Tests;

/// <summary>The one application through HTTP: window, uniqueness, refusals that change nothing, edits, withdrawal, timeline.</summary>
[Collection(EnrollmentCollection.Name)]
public sealed class ApplicationTests(RecruitmentApp app)
{
    [Theory]
    [InlineData(6, 13, 23, 59, 59, false)]
    [InlineData(6, 14, 0, 0, 0, true)]
    [InlineData(6, 30, 23, 59, 59, true)]
    [InlineData(7, 1, 0, 0, 0, false)]
    public async Task Submissions_are_accepted_only_inside_the_registration_window_ENR_08(int month, int day, int h, int m, int s, bool accepted)
    {
        app.Clock.Set(2024, 6, 1);
        var (id, early) = await RegisterAsync(app);
        (await early.PutProfileAsync(Profile())).StatusCode.ShouldBe(HttpStatusCode.OK);
        app.Clock.Set(2024, month, day, h, m, s);
        using var client = await app.SignedInAsync(id, Password); // tokens live an hour: sign in at the new time
        var response = await client.ApplyAsync(Independent());
        if (accepted)
            (await response.JsonAsync()).GetProperty("status").GetString().ShouldBe("PENDING_REVIEW");
        else
        {
            await response.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "application.window_closed");
            await (await client.GetAsync("/api/enrollment/me/application")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "application.not_found");
        }
    }

    [Fact]
    public async Task A_refused_rule_returns_its_code_and_stores_nothing_ENR_03()
    {
        app.Clock.Set(2024, 6, 20);
        var (_, client) = await RegisterAsync(app);
        await client.PutProfileAsync(Profile());
        await (await client.ApplyAsync(Independent("B04", "GP"))).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "application.cell_not_offered");
        await (await client.ApplyAsync(Independent() with { AcceptsReallocation = false }))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "eligibility.reallocation_acceptance_required");
        await (await client.GetAsync("/api/enrollment/me/application")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "application.not_found");
    }

    [Fact]
    public async Task An_application_without_a_photo_is_refused_ENR_11()
    {
        app.Clock.Set(2024, 6, 20);
        var (_, client) = await RegisterAsync(app, withPhoto: false);
        await client.PutProfileAsync(Profile());
        await (await client.ApplyAsync(Independent())).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "application.photo_required");
        await client.UploadPhotoAsync();
        await (await client.ApplyAsync(Independent())).ShouldBeSuccessAsync();
    }

    [Fact]
    public async Task A_category_other_than_SPONSORED_or_INDEPENDENT_is_refused_ENR_20()
    {
        app.Clock.Set(2024, 6, 20);
        var (_, client) = await RegisterAsync(app);
        await client.PutProfileAsync(Profile());
        var body = new
        {
            year = 2024,
            baseCode = "B01",
            specialtyCode = "GP",
            category = "SELF_FUNDED",
            declaresNoEmployment = true,
            acceptsReallocation = true,
            declaration = true
        };
        await (await client.PutAsJsonAsync("/api/enrollment/me/application", body, Json))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "application.invalid_category");
        await (await client.GetAsync("/api/enrollment/me/application")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "application.not_found");
    }

    [Fact]
    public async Task An_adult_bachelor_cannot_change_category_to_independent_and_the_application_stays_sponsored_ENR_24()
    {
        app.Clock.Set(2024, 6, 20);
        var profile = Profile([Bachelor(mode: Domain.EducationMode.ADULT)], [Qualification, Practising]);
        var (_, client, _) = await SubmittedAsync(app, Sponsored(), profile);
        await (await client.ApplyAsync(Independent()))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "eligibility.adult_bachelor_requires_sponsored_practising");
        (await (await client.GetAsync("/api/enrollment/me/application")).JsonAsync()).GetProperty("category").GetString().ShouldBe("SPONSORED");
    }

    [Fact]
    public async Task An_incomplete_profile_lists_what_is_missing_ENR_10()
    {
        app.Clock.Set(2024, 6, 20);
        var (_, client) = await RegisterAsync(app);
        var profile = await (await client.GetAsync("/api/enrollment/me/profile")).JsonAsync();
        profile.GetProperty("complete").GetBoolean().ShouldBeFalse();
        var problem = await (await client.ApplyAsync(Independent())).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "application.profile_incomplete");
        problem.GetProperty("missing").EnumerateArray().Select(e => e.GetString()).ShouldBe(["basic", "certificates", "education"]);
    }

    [Fact]
    public async Task A_person_has_one_application_per_cycle_and_a_second_PUT_edits_it_ENR_13_ENR_15()
    {
        app.Clock.Set(2024, 6, 20);
        var (first, client, _) = await SubmittedAsync(app);
        var edited = await (await client.ApplyAsync(Independent("B02", "PED"))).JsonAsync();
        edited.GetProperty("applicationId").GetGuid().ShouldBe(first);
        var mine = await (await client.GetAsync("/api/enrollment/me/application")).JsonAsync();
        mine.GetProperty("baseCode").GetString().ShouldBe("B02");
        mine.GetProperty("timeline").EnumerateArray().Select(e => e.GetProperty("event").GetString())
            .ShouldBe(["application-submitted", "application-edited"]);
    }

    [Fact]
    public async Task An_unchanged_resubmission_changes_nothing()
    {
        app.Clock.Set(2024, 6, 20);
        var (_, client, _) = await SubmittedAsync(app);
        await (await client.ApplyAsync(Independent())).ShouldBeSuccessAsync();
        var mine = await (await client.GetAsync("/api/enrollment/me/application")).JsonAsync();
        mine.GetProperty("timeline").GetArrayLength().ShouldBe(1);
    }

    [Fact]
    public async Task Edits_after_registration_closes_are_refused_and_change_nothing_ENR_15()
    {
        app.Clock.Set(2024, 6, 20);
        var (_, _, id) = await SubmittedAsync(app);
        app.Clock.Set(2024, 7, 1, 0, 0, 0);
        using var client = await app.SignedInAsync(id, Password);
        await (await client.ApplyAsync(Independent("B02", "PED"))).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "application.window_closed");
        await (await client.PutProfileAsync(Profile([Bachelor(major: "Stomatology")])))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "profile.edit_closed");
        using var photo = new ByteArrayContent(Photo);
        photo.Headers.ContentType = new("image/jpeg");
        await (await client.PutAsync("/api/enrollment/me/photo", photo)).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "profile.edit_closed");
        var mine = await (await client.GetAsync("/api/enrollment/me/application")).JsonAsync();
        mine.GetProperty("baseCode").GetString().ShouldBe("B01");
    }

    [Fact]
    public async Task The_applicant_withdraws_and_may_apply_again_on_the_same_application_while_registration_is_open()
    {
        app.Clock.Set(2024, 6, 20);
        var (id, client, _) = await SubmittedAsync(app);
        var withdrawn = await (await client.DeleteAsync("/api/enrollment/me/application?reason=changed%20my%20mind")).JsonAsync();
        withdrawn.GetProperty("status").GetString().ShouldBe("WITHDRAWN");
        await (await client.DeleteAsync("/api/enrollment/me/application")).ShouldBeProblemAsync(HttpStatusCode.Conflict, "application.invalid_status");

        var again = await (await client.ApplyAsync(Independent("B02", "GP"))).JsonAsync();
        again.GetProperty("applicationId").GetGuid().ShouldBe(id);
        var mine = await (await client.GetAsync("/api/enrollment/me/application")).JsonAsync();
        mine.GetProperty("status").GetString().ShouldBe("PENDING_REVIEW");
        var timeline = mine.GetProperty("timeline").EnumerateArray().ToList();
        timeline.Select(e => e.GetProperty("status").GetString()).ShouldBe(["PENDING_REVIEW", "WITHDRAWN", "PENDING_REVIEW"]);
        timeline[1].GetProperty("detail").GetString().ShouldBe("changed my mind");
        timeline[0].GetProperty("actor").GetString()!.ShouldStartWith("applicant:");
    }

    [Fact]
    public async Task Concurrent_first_submissions_by_one_person_create_one_application_ENR_13()
    {
        app.Clock.Set(2024, 6, 20);
        var (_, client) = await RegisterAsync(app);
        await client.PutProfileAsync(Profile());
        var responses = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => client.ApplyAsync(Independent())));
        responses.Count(r => r.IsSuccessStatusCode).ShouldBeGreaterThanOrEqualTo(1);
        responses.Where(r => !r.IsSuccessStatusCode).ShouldAllBe(r => r.StatusCode == HttpStatusCode.Conflict);
        var ids = new HashSet<Guid>();
        foreach (var ok in responses.Where(r => r.IsSuccessStatusCode))
            ids.Add((await ok.JsonAsync()).GetProperty("applicationId").GetGuid());
        ids.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Staff_and_anonymous_callers_cannot_use_the_applicant_routes()
    {
        using var staff = await app.SignedInAsync("t-b01");
        (await staff.GetAsync("/api/enrollment/me/application")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        using var anonymous = app.Anonymous();
        (await anonymous.PutAsJsonAsync("/api/enrollment/me/application", Body(Independent()), Json)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }
}
