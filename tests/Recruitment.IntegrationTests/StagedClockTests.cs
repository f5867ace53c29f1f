using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Recruitment.Host.Operations;

namespace Recruitment.IntegrationTests;

/// <summary>
/// A host started with <c>Clock:AllowTravel=true</c>. The staged clock runs over the fixture's test clock (standing at
/// 2024-06-01, before the 2024 registration window) instead of the system clock, so the 2024 calendar lies ahead;
/// its offset, the move and the pull of Wolverine's scheduled messages are the real ones.
/// </summary>
public sealed class StagedClockApp : RecruitmentApp
{
    protected override IDictionary<string, string?> Settings()
    {
        var settings = base.Settings();
        settings["Clock:AllowTravel"] = "true";
        return settings;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.RemoveAll<StagedClock>();
            var staged = new StagedClock(Clock);
            services.AddSingleton(staged);
            services.AddSingleton<TimeProvider>(staged);
        });
    }
}

public sealed class StagedClockTests(StagedClockApp app) : IClassFixture<StagedClockApp>
{
    private const string Password = "Applicant-2024";

    [Fact]
    public async Task Moving_the_clock_past_the_review_deadline_fires_its_scheduled_message_ENR_31()
    {
        var moved = await MoveAsync(new { to = "2024-06-20T09:00:00+08:00" });
        moved.GetProperty("staged").GetDateTimeOffset().ShouldBe(new DateTimeOffset(2024, 6, 20, 9, 0, 0, TestClock.ChinaStandardTime));

        var idNumber = TestIds.NewResidentId();
        using var applicant = await SubmittedAsync(idNumber);
        (await StatusAsync(applicant)).ShouldBe("PENDING_REVIEW");

        // One second past the inclusive review deadline: the stored CloseStage message is pulled to now and fires.
        var past = await MoveAsync(new { to = "2024-07-05T00:00:01+08:00" });
        past.GetProperty("scheduledMessagesPulled").GetInt32().ShouldBeGreaterThan(0);
        // Tokens expire by the staged clock too: two weeks later everyone signs in again.
        (await applicant.GetAsync("/api/enrollment/me/application")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        using var later = await app.SignedInAsync(idNumber, Password);
        await HttpAssertions.EventuallyAsync(async () => await StatusAsync(later) == "NOT_REVIEWED",
            "the qualification-review deadline to fire", timeoutSeconds: 30);

        using var operatorLater = await app.SignedInAsync("t-operator");
        var view = await (await operatorLater.GetAsync("/api/admin/clock")).JsonAsync();
        view.GetProperty("staged").GetDateTimeOffset().ShouldBe(new DateTimeOffset(2024, 7, 5, 0, 0, 1, TestClock.ChinaStandardTime));
        (view.GetProperty("staged").GetDateTimeOffset() - view.GetProperty("real").GetDateTimeOffset())
            .ShouldBe(TimeSpan.Parse(view.GetProperty("offset").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task The_clock_only_moves_forward_and_a_refused_move_changes_nothing()
    {
        using var @operator = await app.SignedInAsync("t-operator");
        var before = await (await @operator.GetAsync("/api/admin/clock")).JsonAsync();
        var staged = before.GetProperty("staged").GetDateTimeOffset();

        await (await @operator.PostAsJsonAsync("/api/admin/clock", new { to = staged.AddDays(-1) }))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "clock.backwards");
        await (await @operator.PostAsJsonAsync("/api/admin/clock", new { offset = "-2" }))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "clock.backwards");
        await (await @operator.PostAsJsonAsync("/api/admin/clock", new { offset = "0" }))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "clock.backwards");
        await (await @operator.PostAsJsonAsync("/api/admin/clock", new { offset = "soon" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "clock.invalid_offset");
        await (await @operator.PostAsJsonAsync("/api/admin/clock", new { to = staged.AddDays(1), offset = "1" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "clock.invalid_move");
        await (await @operator.PostAsJsonAsync("/api/admin/clock", new { }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "clock.invalid_move");

        var after = await (await @operator.GetAsync("/api/admin/clock")).JsonAsync();
        after.GetProperty("offset").GetString().ShouldBe(before.GetProperty("offset").GetString());
        (await app.Database.ScalarAsync<TimeSpan>("select offset_interval from staging.clock"))
            .ShouldBe(TimeSpan.Parse(before.GetProperty("offset").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Only_an_operator_reads_or_moves_the_clock()
    {
        using var center = await app.SignedInAsync("t-center");
        (await center.GetAsync("/api/admin/clock")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await center.PostAsJsonAsync("/api/admin/clock", new { offset = "1" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        using var anonymous = app.Anonymous();
        (await anonymous.PostAsJsonAsync("/api/admin/clock", new { offset = "1" })).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public void Offsets_read_as_days_time_spans_or_ISO_durations()
    {
        ClockEndpoints.ParseOffset("3").ShouldBe(TimeSpan.FromDays(3));
        ClockEndpoints.ParseOffset("1.5").ShouldBe(TimeSpan.FromHours(36));
        ClockEndpoints.ParseOffset("2.12:00:00").ShouldBe(TimeSpan.FromHours(60));
        ClockEndpoints.ParseOffset("P1DT2H").ShouldBe(TimeSpan.FromHours(26));
        ClockEndpoints.ParseOffset("soon").ShouldBeNull();
        ClockEndpoints.ParseOffset("1e300").ShouldBeNull();
    }

    /// <summary>Signs in afresh for every move: a token issued before a move of days has expired after it.</summary>
    private async Task<JsonElement> MoveAsync(object body)
    {
        using var @operator = await app.SignedInAsync("t-operator");
        return await (await @operator.PostAsJsonAsync("/api/admin/clock", body)).JsonAsync();
    }

    private async Task<HttpClient> SubmittedAsync(string idNumber)
    {
        using var anonymous = app.Anonymous();
        await (await anonymous.PostAsJsonAsync("/api/enrollment/accounts",
            new { documentNumber = idNumber, password = Password, name = "李四", mobile = "13912345678" })).ShouldBeSuccessAsync();
        var client = await app.SignedInAsync(idNumber, Password);
        using (var photo = new ByteArrayContent(TestImages.PadJpeg(TestImages.Jpeg(), 160_000)))
        {
            photo.Headers.ContentType = new("image/jpeg");
            await (await client.PutAsync("/api/enrollment/me/photo", photo)).ShouldBeSuccessAsync();
        }
        await (await client.PutAsJsonAsync("/api/enrollment/me/profile", new
        {
            basic = new { gender = "FEMALE", birthDate = "1999-05-01", ethnicity = "Han", email = "a@example.cn", address = "Changchun" },
            certificates = Array.Empty<object>(),
            education = new[]
            {
                new
                {
                    level = "BACHELOR", mode = "FULL_TIME", degreeType = "PROFESSIONAL", school = "Jilin University", major = "Clinical Medicine",
                    start = "2019-09-01", end = "2024-06-30", diplomaCertNumber = "D-1", degreeCertNumber = "G-1",
                },
            },
        })).ShouldBeSuccessAsync();
        await (await client.PutAsJsonAsync("/api/enrollment/me/application", TestApplications.Independent())).ShouldBeSuccessAsync();
        return client;
    }

    private static async Task<string?> StatusAsync(HttpClient applicant) =>
        (await (await applicant.GetAsync("/api/enrollment/me/application")).JsonAsync()).GetProperty("status").GetString();
}

/// <summary>Where travel is not allowed (every other host), the routes answer a clear 404.</summary>
[Collection(FoundationCollection.Name)]
public sealed class ClockTravelNotAllowedTests(RecruitmentApp app)
{
    [Fact]
    public async Task Without_the_setting_the_clock_routes_answer_travel_not_allowed()
    {
        using var @operator = await app.SignedInAsync("t-operator");
        await (await @operator.GetAsync("/api/admin/clock")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "clock.travel_not_allowed");
        await (await @operator.PostAsJsonAsync("/api/admin/clock", new { offset = "1" }))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound, "clock.travel_not_allowed");
    }
}
