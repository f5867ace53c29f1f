using Recruitment.Enrollment;
using Recruitment.Enrollment.Domain;
using Recruitment.Enrollment.Features.Admission;
using Recruitment.Enrollment.Features.Deadlines;

namespace Recruitment.IntegrationTests;

[CollectionDefinition(Name)]
public sealed class AdmissionCycleCollection : ICollectionFixture<RecruitmentApp>
{
    public const string Name = "admission-cycle";
}

/// <summary>
/// Enrollment II end to end on the real 2024 quota table: a few hundred confirmed applicants get their
/// results through the integration job's import, bases propose within their cells, the assistant-GP base
/// ranks, a reallocation round fills vacancies, the center reviews, the PHC re-checks and publicises, and
/// admissions become final only when publicity ends (ENR-43..ENR-60); Rotation receives every admitted trainee.
/// </summary>
[Collection(AdmissionCycleCollection.Name)]
[Trait("Category", "Slow")]
public sealed class AdmissionCycleTests(RecruitmentApp app)
{
    private const string Password = "Applicant-2024";
    private static readonly string[] Written = ["WRITTEN"];
    /// <summary>The center finalises every base here, on their behalf, which needs a reason (ENR-70).</summary>
    private const string Behalf = "load test: finalised by the center for every base";
    private static readonly DateTimeOffset Confirmed = new(2024, 7, 3, 10, 0, 0, TimeSpan.FromHours(8));

    private sealed record Seeded(Guid Id, string IdNumber, Track Track, string BaseCode, string Specialty, string? Login);

    [Fact]
    public async Task The_2024_cycle_admits_within_every_cell_only_passing_candidates_stably_and_only_after_publicity()
    {
        var random = new Random(577);
        var bus = app.Service<IMessageBus>();
        var cycle = await LoadCycleAsync();
        var seeded = await ConfirmedApplicantsInEveryCellBecomeEligibleForExams();
        await OneImportGivesEveryoneAResultAndEveryBaseFinalises();
        await BasesProposeInRankOrderAndB07RanksItsTen();
        var (roundId, participants) = await AReallocationRoundFillsVacanciesWithoutBlockingPairs();
        var (publicityId, watched) = await CenterReviewRecheckAndPublicity();
        await AdmissionIsFinalOnlyWhenPublicityEnds();
        var admitted = await NoCellIsOverQuotaAndEveryAdmitPassed();
        await RotationReceivesEveryAdmittedTrainee();

        // Confirmed applicants over every offered cell except OTHER (whose split bases publish themselves):
        // up to 10 per cell plus one more, and 14 assistant-GP registrants for the 10 places.
        async Task<List<Seeded>> ConfirmedApplicantsInEveryCellBecomeEligibleForExams()
        {
            var applicants = new List<Seeded>();
            foreach (var cell in cycle.Quotas.Where(q => q.Places is > 0 && q.SpecialtyCode != "OTHER"))
                for (var i = 0; i <= Math.Min(cell.Places!.Value, 10); i++)
                    applicants.Add(await SeedAsync(Track.RESIDENCY, cell.BaseCode, cell.SpecialtyCode, withAccount: cell.SpecialtyCode == "PSY" || i == 0 && cell.SpecialtyCode == "CCM"));
            for (var i = 0; i < 14; i++) applicants.Add(await SeedAsync(Track.ASSISTANT_GP, "B07", "AGP", withAccount: false));
            applicants.Count.ShouldBeGreaterThan(200);
            foreach (var s in applicants)
                await bus.InvokeAsync(new CandidateEligibleForExams(s.Id, null, 2024, s.Track, s.BaseCode, s.Specialty, null, s.IdNumber, "考生", "INDEPENDENT", false, Confirmed));
            return applicants;
        }

        // 25 July: one import for everybody (about 8% fail, 3% absent), then every base finalises.
        async Task OneImportGivesEveryoneAResultAndEveryBaseFinalises()
        {
            app.Clock.Set(2024, 7, 25, 10);
            using var job = await app.JobAsync();
            var rows = seeded.Select(s =>
            {
                var roll = random.Next(100);
                var result = roll < 3 ? "ABSENT" : roll < 11 ? "FAIL" : "PASS";
                return (object)new
                {
                    cycleYear = 2024,
                    track = s.Track.ToString(),
                    baseCode = s.BaseCode,
                    idNumber = s.IdNumber,
                    theoryScore = result == "ABSENT" ? (int?)null : random.Next(50, 100),
                    interviewScore = result == "ABSENT" ? (int?)null : random.Next(50, 100),
                    assessmentResult = result,
                    absentComponents = result == "ABSENT" ? Written : null,
                };
            }).ToList();
            var batch = await job.CompletedAsync(await job.PostAsJsonAsync("/api/examination/score-imports", new { sourceSystem = "province", rows }));
            batch.GetProperty("accepted").GetInt32().ShouldBe(seeded.Count);
            using (var center = await app.SignedInAsync("t-center"))
            {
                foreach (var baseCode in seeded.Where(s => s.Track == Track.RESIDENCY).Select(s => s.BaseCode).Distinct())
                    await (await center.PostAsJsonAsync($"/api/examination/bases/{baseCode}/finalize", new { year = 2024, reason = Behalf }))
                        .ShouldBeSuccessAsync();
                await (await center.PostAsJsonAsync("/api/examination/bases/B07/finalize", new { year = 2024, track = "ASSISTANT_GP", reason = Behalf }))
                    .ShouldBeSuccessAsync();
            }
            await HttpAssertions.EventuallyAsync(async () => (await ApplicationsAsync()).All(a => a.ExamResult is not null),
                "Enrollment to record every published result", 60);
        }

        // 1-10 August: bases propose in rank order, leaving one place open in every cell of 4+ places; B07 ranks its ten.
        async Task BasesProposeInRankOrderAndB07RanksItsTen()
        {
            app.Clock.Set(2024, 8, 5, 10);
            using var center = await app.SignedInAsync("t-center");
            foreach (var cell in cycle.Quotas.Where(q => q.Places is > 0 && q.SpecialtyCode != "OTHER"))
            {
                var candidates = await (await center.GetAsync($"/api/enrollment/bases/{cell.BaseCode}/candidates?specialty={cell.SpecialtyCode}&pageSize=100")).JsonAsync();
                var take = cell.Places!.Value >= 4 ? cell.Places.Value - 1 : cell.Places.Value;
                foreach (var c in candidates.GetProperty("items").EnumerateArray().Take(take))
                    await (await center.PostAsJsonAsync($"/api/enrollment/applications/{c.GetProperty("applicationId").GetGuid()}/proposal", new { }))
                        .ShouldBeSuccessAsync();
            }
            using var b07 = await app.SignedInAsync("t-b07");
            var agp = await b07.PostAsJsonAsync("/api/enrollment/bases/B07/assistant-gp-admission", new { year = 2024 });
            if (agp.StatusCode == HttpStatusCode.Conflict)
            {
                var tie = await agp.Content.ReadFromJsonAsync<JsonElement>();
                var chosen = tie.GetProperty("tied").EnumerateArray().Take(tie.GetProperty("openPlaces").GetInt32()).Select(t => t.GetGuid()).ToArray();
                agp = await b07.PostAsJsonAsync("/api/enrollment/bases/B07/assistant-gp-admission", new { year = 2024, chosen, reason = "panel decision" });
            }
            await agp.ShouldBeSuccessAsync();
        }

        // 17 August: the lock; a reallocation round in which every not-proposed candidate with an account asks for B01 Psychiatry first.
        async Task<(Guid RoundId, List<Seeded> Participants)> AReallocationRoundFillsVacanciesWithoutBlockingPairs()
        {
            app.Clock.Set(2024, 8, 17, 0, 0, 1);
            await bus.InvokeAsync(new CloseStage(2024, Stage.ProposedAdmission));
            Guid round;
            using (var phc = await app.SignedInAsync("t-phc"))
                round = (await (await phc.PostAsJsonAsync("/api/enrollment/cycles/2024/rounds",
                    new { kind = "REALLOCATION", opens = "2024-08-17T09:00:00+08:00", closes = "2024-08-18T18:00:00+08:00" })).JsonAsync()).GetProperty("id").GetGuid();
            app.Clock.Set(2024, 8, 18, 10);
            var byId = (await ApplicationsAsync()).ToDictionary(a => a.Id);
            var movers = seeded.Where(s => s.Login is not null && byId[s.Id] is { Status: ApplicationStatus.NOT_PROPOSED, IsPassing: true }).ToList();
            movers.ShouldNotBeEmpty();
            foreach (var p in movers)
            {
                using var applicant = await app.SignedInAsync(p.Login!, Password);
                var preferences = new[] { "B01", p.BaseCode == "B01" ? "B02" : p.BaseCode }.Select(b => new { baseCode = b, specialtyCode = "GP" });
                await (await applicant.PutAsJsonAsync("/api/enrollment/me/round-preferences", new { roundId = round, preferences })).ShouldBeSuccessAsync();
            }
            app.Clock.Set(2024, 8, 19, 9);
            using (var phc = await app.SignedInAsync("t-phc"))
            {
                var allocation = await (await phc.PostAsync($"/api/enrollment/cycles/2024/rounds/{round}/allocate", null)).JsonAsync();
                allocation.GetProperty("blockingPairs").GetArrayLength().ShouldBe(0);
                allocation.GetProperty("allocated").GetInt32().ShouldBeGreaterThan(0);
            }
            return (round, movers);
        }

        // 19 August: center review, PHC re-check, publicity for 72 hours.
        async Task<(Guid PublicityId, Seeded Watched)> CenterReviewRecheckAndPublicity()
        {
            Guid publicity;
            using (var center = await app.SignedInAsync("t-center")) await (await center.PostAsync("/api/enrollment/cycles/2024/center-review", null)).ShouldBeSuccessAsync();
            using (var phc = await app.SignedInAsync("t-phc"))
            {
                await (await phc.PostAsync("/api/enrollment/cycles/2024/recheck", null)).ShouldBeSuccessAsync();
                publicity = (await (await phc.PostAsync("/api/enrollment/cycles/2024/publicity", null)).JsonAsync()).GetProperty("publicityId").GetGuid();
            }
            var byId = (await ApplicationsAsync()).ToDictionary(a => a.Id);
            return (publicity, participants.First(p => byId[p.Id].Status == ApplicationStatus.IN_PUBLICITY));
        }

        async Task AdmissionIsFinalOnlyWhenPublicityEnds()
        {
            app.Clock.Set(2024, 8, 22, 8, 59, 59);
            await bus.InvokeAsync(new EndPublicity(publicityId));
            using (var applicant = await app.SignedInAsync(watched.Login!, Password))
                (await (await applicant.GetAsync("/api/enrollment/me/admission")).JsonAsync()).GetProperty("admitted").GetBoolean().ShouldBeFalse();
            (await ApplicationsAsync()).ShouldNotContain(a => a.Status == ApplicationStatus.ADMITTED, "nothing is final before publicity ends (ENR-59)");

            app.Clock.Set(2024, 8, 22, 9, 0, 0);
            await bus.InvokeAsync(new EndPublicity(publicityId));
            using (var applicant = await app.SignedInAsync(watched.Login!, Password))
                (await (await applicant.GetAsync("/api/enrollment/me/admission")).JsonAsync()).GetProperty("admitted").GetBoolean().ShouldBeTrue();
        }

        // The invariants.
        async Task<List<Application>> NoCellIsOverQuotaAndEveryAdmitPassed()
        {
            var final = await ApplicationsAsync();
            var admits = final.Where(a => a.Status == ApplicationStatus.ADMITTED).ToList();
            admits.Count.ShouldBeGreaterThan(150);
            admits.ShouldAllBe(a => a.IsPassing, "every admit passed (ENR-44)");
            await using (var session = app.Service<IEnrollmentStore>().QuerySession())
            {
                var ledgers = await session.Query<CellLedger>().Where(l => l.Year == 2024).ToListAsync();
                ledgers.ShouldAllBe(l => l.Holders.Count <= l.Places, "no cell over quota (ENR-45)");
                admits.GroupBy(a => a.Proposal!.CellId).ShouldAllBe(g => g.Count() <= ledgers.Single(l => l.Id == g.Key).Places);
                (await session.Query<Round>().SingleAsync(r => r.Id == roundId)).BlockingPairs.ShouldBeEmpty();
            }
            admits.Count(a => a.Track == Track.ASSISTANT_GP).ShouldBeLessThanOrEqualTo(10);
            return admits;
        }

        // Rotation received every admitted trainee, starting 1 September (ROT-02).
        async Task RotationReceivesEveryAdmittedTrainee()
        {
            var admittedIds = admitted.Select(a => a.Id).ToHashSet();
            await HttpAssertions.EventuallyAsync(async () =>
            {
                await using var session = app.Service<IRotationStore>().QuerySession();
                var trainees = await session.Query<Recruitment.Rotation.Domain.Trainee>().Where(t => t.Year == 2024).ToListAsync();
                return admittedIds.IsSubsetOf(trainees.Select(t => t.Id))
                       && trainees.Where(t => admittedIds.Contains(t.Id)).All(t => t.TrainingStart == new DateOnly(2024, 9, 1));
            }, "Rotation to hold every admitted trainee", 60);

            using var b01 = await app.SignedInAsync("t-b01");
            var notice = await b01.GetAsync($"/api/enrollment/applications/{admitted.First(a => a.BaseCode == "B01").Id}/notice");
            notice.StatusCode.ShouldBe(HttpStatusCode.OK);
        }
    }

    private async Task<Seeded> SeedAsync(Track track, string baseCode, string specialty, bool withAccount)
    {
        var idNumber = TestIds.NewResidentId();
        Guid? applicantId = null;
        if (withAccount)
        {
            using var anonymous = app.Anonymous();
            var created = await (await anonymous.PostAsJsonAsync("/api/enrollment/accounts",
                new { documentNumber = idNumber, password = Password, name = "考生", mobile = "13912345678" })).JsonAsync();
            applicantId = created.GetProperty("accountId").GetGuid();
        }
        var id = Guid.NewGuid();
        var at = new DateTimeOffset(2024, 6, 20, 9, 0, 0, TimeSpan.FromHours(8));
        var profile = new Profile(new BasicInformation(Gender.MALE, new DateOnly(1998, 1, 1), "Han", "a@example.cn", "Changchun", false, null), [],
            [new Education(EducationLevel.BACHELOR, EducationMode.FULL_TIME, DegreeType.PROFESSIONAL, "Jilin University", "Clinical Medicine", "CN",
                new DateOnly(2019, 9, 1), new DateOnly(2024, 6, 30), false, "D-1", "G-1")]);
        var events = new List<object>();
        if (track == Track.RESIDENCY)
        {
            var choice = new ApplicationChoice(baseCode, specialty, null, Category.INDEPENDENT, null, null, true, true, false, true);
            events.Add(new ApplicationSubmitted(2024, applicantId ?? Guid.NewGuid(), idNumber, "考生", "13900000000", choice, profile, [], "seed", at));
            events.Add(new ApplicationApproved(null, "seed", at.AddDays(3)));
            events.Add(new OnsiteConfirmed(false, "seed", Confirmed));
        }
        else
        {
            var form = new AssistantGpForm(Gender.MALE, "Han", "2003-04", null, null, null, null, null, null, "Nong'an", null, null,
                [new AssistantGpEducation(EducationLevel.JUNIOR_COLLEGE, EducationMode.FULL_TIME, "Jilin Medical College", "Clinical Medicine",
                    new DateOnly(2021, 9, 1), new DateOnly(2024, 6, 30))], [], null, Category.INDEPENDENT, null, false, false, null, false, true, true);
            events.Add(new AssistantGpRegistered(2024, baseCode, idNumber, "考生", "13900000000", form, [], "seed", Confirmed));
            events.Add(new ApplicationApproved("stamped", "seed", Confirmed));
        }
        await using var session = app.Service<IEnrollmentStore>().LightweightSession();
        session.Events.StartStream<Application>(id, events.ToArray());
        await session.SaveChangesAsync();
        return new Seeded(id, idNumber, track, baseCode, specialty, withAccount ? idNumber : null);
    }

    private async Task<RecruitmentCycle> LoadCycleAsync()
    {
        await using var session = app.Service<IEnrollmentStore>().QuerySession();
        return (await session.LoadAsync<RecruitmentCycle>(2024))!;
    }

    private async Task<IReadOnlyList<Application>> ApplicationsAsync()
    {
        await using var session = app.Service<IEnrollmentStore>().QuerySession();
        return await session.Query<Application>().Where(a => a.Year == 2024).ToListAsync();
    }
}
