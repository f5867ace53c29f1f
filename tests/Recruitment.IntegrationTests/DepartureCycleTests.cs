using System.Globalization;
using Recruitment.Enrollment;
using Recruitment.Enrollment.Domain;
using Recruitment.Enrollment.Features.Admission;
using Recruitment.Enrollment.Features.Cycles;
using Recruitment.Enrollment.Features.Deadlines;
using Recruitment.Enrollment.Features.Departures;

namespace Recruitment.IntegrationTests;

[CollectionDefinition(Name)]
public sealed class DepartureCycleCollection : ICollectionFixture<RecruitmentApp>
{
    public const string Name = "departure-cycle";
}

/// <summary>
/// One cycle through HTTP from admission to refilled places (ENR-65..ENR-69, ENR-53..ENR-56): four trainees admitted
/// to B02 Anesthesiology (4 places); one declines, one does not report by the deadline, one is revoked by the PHC;
/// a supplementary round refills two of the three places and the new batch goes through center review, re-check
/// and publicity. At every step: the cell's ledger, the vacancy report, Rotation's trainees and department load,
/// and each applicant's status and timeline.
/// </summary>
[Collection(DepartureCycleCollection.Name)]
[Trait("Category", "Slow")]
public sealed class DepartureCycleTests(RecruitmentApp app)
{
    private const string Password = "Applicant-2024";
    private const string Base = "B02";
    private const string Specialty = "ANE";

    private sealed record Person(string Name, Guid Id, string Login);

    [Fact]
    public async Task Decline_no_show_and_revocation_return_their_places_which_a_supplementary_round_refills_ENR_65_to_ENR_69()
    {
        app.Clock.Set(2024, 8, 1);
        var year = 2900 + Random.Shared.Next(0, 90);
        var shipped = ReferenceDataLoader.ReadShipped(2024);
        // This cycle keeps freed places open for refilling a little past the reporting deadline (supplementary.closeAt is per cycle).
        await app.Service<IMessageBus>().InvokeAsync(shipped with
        {
            DefinitionJson = shipped.DefinitionJson.Replace("\"year\": 2024", $"\"year\": {year}", StringComparison.Ordinal)
                .Replace("\"supplementaryCloseAt\": \"2024-08-31T23:59:59+08:00\"", "\"supplementaryCloseAt\": \"2024-09-10T23:59:59+08:00\"", StringComparison.Ordinal),
        });
        var cell = $"{year}:{Base}:{Specialty}";
        await HttpAssertions.EventuallyAsync(async () =>
        {
            await using var session = app.Service<IRotationStore>().QuerySession();
            return await session.LoadAsync<Recruitment.Rotation.Domain.RotationCycle>(year) is not null;
        }, "Rotation's copy of the cycle");

        var people = new List<Person>();
        foreach (var (name, total) in new[] { ("甲 declines", 90m), ("乙 no-show", 89m), ("丙 revoked", 88m), ("丁 stays", 87m), ("戊 refill", 80m), ("己 refill", 79m) })
            people.Add(await ExaminedAsync(year, name, total));
        var (a, b, c, d, e, f) = (people[0], people[1], people[2], people[3], people[4], people[5]);

        // Admission: four proposed, the lock, review, re-check, 72 h of publicity.
        using (var b02 = await app.SignedInAsync("t-b02"))
            foreach (var p in people.Take(4))
                await (await b02.PostAsJsonAsync($"/api/enrollment/applications/{p.Id}/proposal", new { healthCheck = "PASS" })).ShouldBeSuccessAsync();
        app.Clock.Set(2024, 8, 17, 0, 0, 1);
        await app.Service<IMessageBus>().InvokeAsync(new CloseStage(year, Stage.ProposedAdmission));
        app.Clock.Set(2024, 8, 17, 9);
        var firstList = await PublishBatchAsync(year);
        app.Clock.Set(2024, 8, 20, 9);
        await app.Service<IMessageBus>().InvokeAsync(new EndPublicity(firstList));
        await ExpectAsync(year, cell, holders: [a, b, c, d], vacancies: 0);
        foreach (var p in people.Take(4)) await StatusAsync(p, year, "ADMITTED", "admitted");
        foreach (var p in people.Skip(4)) await StatusAsync(p, year, "NOT_PROPOSED", "proposal-lock-passed");
        await RotationTraineesAsync(year, [a, b, c, d]);

        // Rotation plans every trainee from the ANE template, approved by the base.
        using (var b02 = await app.SignedInAsync("t-b02"))
        {
            var template = await (await b02.GetAsync($"/api/rotation/templates/{Specialty}")).JsonAsync();
            var blocks = Blocks(template);
            foreach (var p in new[] { a, b, c, d })
            {
                await (await b02.PutAsJsonAsync($"/api/rotation/trainees/{p.Id}/plan", new { blocks })).ShouldBeSuccessAsync();
                await (await b02.PostAsync($"/api/rotation/trainees/{p.Id}/plan/approve", null)).ShouldBeSuccessAsync();
            }
        }
        (await LoadAsync(year, "2024-09")).ShouldBe(4);

        // ENR-65: 甲 declines on 22 August; the place returns, Rotation closes the plan and frees September on.
        app.Clock.Set(2024, 8, 22, 10);
        using (var applicant = await app.SignedInAsync(a.Login, Password))
            await (await applicant.PostAsJsonAsync("/api/enrollment/applications/me/decline", new { reason = "另有工作 / took another job" })).ShouldBeSuccessAsync();
        await StatusAsync(a, year, "DECLINED", "admission-declined");
        await ExpectAsync(year, cell, holders: [b, c, d], vacancies: 1);
        await PlanClosedAsync(a, "DECLINED");
        await RotationTraineesAsync(year, [b, c, d]);
        (await LoadAsync(year, "2024-09")).ShouldBe(3);

        // ENR-67: the PHC revokes 丙 on 25 August.
        app.Clock.Set(2024, 8, 25, 10);
        using (var phc = await app.SignedInAsync("t-phc"))
            await (await phc.PostAsJsonAsync($"/api/enrollment/applications/{c.Id}/revocation", new { reason = "执业资格证书经核实为伪造 / certificate forged" }))
                .ShouldBeSuccessAsync();
        await StatusAsync(c, year, "REVOKED", "admission-revoked");
        await ExpectAsync(year, cell, holders: [b, d], vacancies: 2);
        await PlanClosedAsync(c, "REVOKED");
        (await LoadAsync(year, "2024-09")).ShouldBe(2);

        // 丁 reports; 乙 does not by 31 August 23:59:59 (ENR-62, ENR-66): NOT_REPORTED at the stage, place freed.
        app.Clock.Set(2024, 8, 26, 10);
        using (var b02 = await app.SignedInAsync("t-b02"))
            await (await b02.PostAsJsonAsync($"/api/enrollment/applications/{d.Id}/reporting", new { date = "2024-08-26" })).ShouldBeSuccessAsync();
        app.Clock.Set(2024, 9, 1, 0, 0, 0);
        await app.Service<IMessageBus>().InvokeAsync(new CloseReporting(year));
        await StatusAsync(b, year, "NOT_REPORTED", "reporting-deadline-passed");
        await StatusAsync(d, year, "REPORTED", "trainee-reported");
        await ExpectAsync(year, cell, holders: [d], vacancies: 3);
        await PlanClosedAsync(b, "NOT_REPORTED");
        await RotationTraineesAsync(year, [d]);
        (await LoadAsync(year, "2024-09")).ShouldBe(2, "乙 left on 1 September: their department is freed from October");
        (await LoadAsync(year, "2024-10")).ShouldBe(1);

        // ENR-53..ENR-56: a supplementary round refills two of the three places, through review, re-check and a new publicity batch.
        app.Clock.Set(2024, 9, 2, 8);
        Guid roundId;
        using (var phc = await app.SignedInAsync("t-phc"))
            roundId = (await (await phc.PostAsJsonAsync($"/api/enrollment/cycles/{year}/rounds",
                new { kind = "SUPPLEMENTARY", opens = "2024-09-02T09:00:00+08:00", closes = "2024-09-03T18:00:00+08:00" })).JsonAsync()).GetProperty("id").GetGuid();
        app.Clock.Set(2024, 9, 2, 10);
        foreach (var p in new[] { e, f })
        {
            using var applicant = await app.SignedInAsync(p.Login, Password);
            await (await applicant.PutAsJsonAsync("/api/enrollment/me/round-preferences",
                new { roundId, preferences = new[] { new { baseCode = Base, specialtyCode = Specialty } } })).ShouldBeSuccessAsync();
        }
        app.Clock.Set(2024, 9, 4, 9);
        using (var phc = await app.SignedInAsync("t-phc"))
            (await (await phc.PostAsync($"/api/enrollment/cycles/{year}/rounds/{roundId}/allocate", null)).JsonAsync()).GetProperty("allocated").GetInt32().ShouldBe(2);
        await ExpectAsync(year, cell, holders: [d, e, f], vacancies: 1);
        foreach (var p in new[] { e, f }) await StatusAsync(p, year, "PROPOSED", "proposal-made");
        var secondList = await PublishBatchAsync(year);
        foreach (var p in new[] { e, f }) await StatusAsync(p, year, "IN_PUBLICITY", "publicity-started");
        using (var anonymous = app.Anonymous())
        {
            var lists = (await (await anonymous.GetAsync($"/api/enrollment/cycles/{year}/publicity")).JsonAsync()).EnumerateArray().ToList();
            lists.Count.ShouldBe(2, "the refill is a publicity batch of its own (ENR-56)");
            lists[1].GetProperty("entries").EnumerateArray().Select(x => x.GetProperty("name").GetString()).Order().ShouldBe(new[] { e.Name, f.Name }.Order());
        }
        app.Clock.Set(2024, 9, 7, 9);
        await app.Service<IMessageBus>().InvokeAsync(new EndPublicity(secondList));
        foreach (var p in new[] { e, f }) await StatusAsync(p, year, "ADMITTED", "admitted");
        await ExpectAsync(year, cell, holders: [d, e, f], vacancies: 1);
        await RotationTraineesAsync(year, [d, e, f]);

        // Every applicant's final status, with each step in the timeline.
        await StatusAsync(a, year, "DECLINED", "admission-declined");
        await StatusAsync(b, year, "NOT_REPORTED", "reporting-deadline-passed");
        await StatusAsync(c, year, "REVOKED", "admission-revoked");
        await StatusAsync(d, year, "REPORTED", "trainee-reported");
        using (var b02 = await app.SignedInAsync("t-b02"))
        {
            var trainees = await (await b02.GetAsync($"/api/enrollment/bases/{Base}/trainees?year={year}")).JsonAsync();
            trainees.EnumerateArray().Select(t => t.GetProperty("applicationId").GetGuid()).Order().ShouldBe(new[] { d.Id, e.Id, f.Id }.Order());
        }
    }

    private async Task<Person> ExaminedAsync(int year, string name, decimal total)
    {
        var idNumber = TestIds.NewResidentId();
        using var anonymous = app.Anonymous();
        var created = await (await anonymous.PostAsJsonAsync("/api/enrollment/accounts",
            new { documentNumber = idNumber, password = Password, name, mobile = "13912345678" })).JsonAsync();
        var id = Guid.NewGuid();
        var at = new DateTimeOffset(2024, 6, 20, 9, 0, 0, TimeSpan.FromHours(8));
        var profile = new Profile(new BasicInformation(Gender.MALE, new DateOnly(1998, 1, 1), "Han", "a@example.cn", "Changchun", false, null), [],
            [new Education(EducationLevel.BACHELOR, EducationMode.FULL_TIME, DegreeType.PROFESSIONAL, "Jilin University", "Clinical Medicine", "CN",
                new DateOnly(2019, 9, 1), new DateOnly(2024, 6, 30), false, "D-1", "G-1")]);
        var choice = new ApplicationChoice(Base, Specialty, null, Category.INDEPENDENT, null, null, true, true, false, true);
        var result = new ExamResult(total * 0.6m, null, total * 0.4m, "PASS", total * 0.6m, total * 0.4m, total, true, false, 1);
        await using var session = app.Service<IEnrollmentStore>().LightweightSession();
        session.Events.StartStream<Application>(id,
            new ApplicationSubmitted(year, created.GetProperty("accountId").GetGuid(), idNumber, name, "13900000000", choice, profile, [], "seed", at),
            new ApplicationApproved(null, "seed", at.AddDays(3)), new OnsiteConfirmed(false, "seed", at.AddDays(12)),
            new ExamResultRecorded(result, "seed", at.AddDays(35)));
        await session.SaveChangesAsync();
        return new Person(name, id, idNumber);
    }

    private async Task<Guid> PublishBatchAsync(int year)
    {
        using (var center = await app.SignedInAsync("t-center"))
            await (await center.PostAsync($"/api/enrollment/cycles/{year}/center-review", null)).ShouldBeSuccessAsync();
        using var phc = await app.SignedInAsync("t-phc");
        await (await phc.PostAsync($"/api/enrollment/cycles/{year}/recheck", null)).ShouldBeSuccessAsync();
        return (await (await phc.PostAsync($"/api/enrollment/cycles/{year}/publicity", null)).JsonAsync()).GetProperty("publicityId").GetGuid();
    }

    /// <summary>The cell's ledger and the vacancy report agree, and the cell never holds more than its places (ENR-45, ENR-68).</summary>
    private async Task ExpectAsync(int year, string cell, Person[] holders, int vacancies)
    {
        await using (var session = app.Service<IEnrollmentStore>().QuerySession())
        {
            var ledger = (await session.LoadAsync<CellLedger>(cell))!;
            ledger.Holders.Order().ShouldBe(holders.Select(h => h.Id).Order());
            ledger.Holders.Count.ShouldBeLessThanOrEqualTo(ledger.Places);
        }
        using var center = await app.SignedInAsync("t-center");
        var report = await (await center.GetAsync($"/api/enrollment/cycles/{year}/vacancies")).JsonAsync();
        var row = report.GetProperty("cells").EnumerateArray().Single(x => x.GetProperty("cellId").GetString() == cell);
        (row.GetProperty("places").GetInt32(), row.GetProperty("proposed").GetInt32(), row.GetProperty("vacancies").GetInt32())
            .ShouldBe((4, holders.Length, vacancies));
    }

    /// <summary>What the applicant sees: the status, and the step that led there last in the timeline.</summary>
    private async Task StatusAsync(Person p, int year, string status, string lastEvent)
    {
        using var applicant = await app.SignedInAsync(p.Login, Password);
        var view = await (await applicant.GetAsync($"/api/enrollment/me/application?year={year}")).JsonAsync();
        view.GetProperty("status").GetString().ShouldBe(status, p.Name);
        var last = view.GetProperty("timeline").EnumerateArray().Last();
        (last.GetProperty("event").GetString(), last.GetProperty("status").GetString()).ShouldBe((lastEvent, status), p.Name);
    }

    private async Task RotationTraineesAsync(int year, Person[] expected)
    {
        var ids = expected.Select(p => p.Id).Order().ToList();
        List<Guid> seen = [];
        await HttpAssertions.EventuallyAsync(async () =>
        {
            using var b02 = await app.SignedInAsync("t-b02");
            var list = await (await b02.GetAsync($"/api/rotation/bases/{Base}/trainees?year={year}&pageSize=100")).JsonAsync();
            seen = list.GetProperty("items").EnumerateArray().Select(t => t.GetProperty("traineeId").GetGuid()).Order().ToList();
            return seen.SequenceEqual(ids);
        }, "Rotation's trainees of the base", 30);
    }

    private async Task PlanClosedAsync(Person p, string departure) =>
        await HttpAssertions.EventuallyAsync(async () =>
        {
            using var b02 = await app.SignedInAsync("t-b02");
            var plan = await (await b02.GetAsync($"/api/rotation/trainees/{p.Id}/plan")).JsonAsync();
            return plan.GetProperty("status").GetString() == "CLOSED" && plan.GetProperty("traineeStatus").GetString() == departure;
        }, $"{p.Name}'s plan closed in Rotation", 30);

    /// <summary>Trainees of the base's plans with a block in the month (department load, summed over departments).</summary>
    private async Task<int> LoadAsync(int year, string month)
    {
        using var b02 = await app.SignedInAsync("t-b02");
        var calendar = await (await b02.GetAsync($"/api/rotation/bases/{Base}/calendar?year={year}")).JsonAsync();
        var index = calendar.GetProperty("months").EnumerateArray().Select(m => m.GetString()).ToList().IndexOf(month);
        return calendar.GetProperty("rows").EnumerateArray().Sum(r => r.GetProperty("occupancy")[index].GetInt32());
    }

    private static object[] Blocks(JsonElement template)
    {
        var start = new DateOnly(2024, 9, 1);
        var blocks = new List<object>();
        foreach (var item in template.GetProperty("items").EnumerateArray())
        {
            var months = item.GetProperty("months").GetInt32();
            blocks.Add(new
            {
                department = item.GetProperty("department").GetString(),
                start = start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                end = start.AddMonths(months).AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            });
            start = start.AddMonths(months);
        }
        return [.. blocks];
    }
}
