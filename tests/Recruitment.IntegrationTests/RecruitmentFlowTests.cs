using Recruitment.Enrollment.Features.Admission;
using Recruitment.Rotation.Domain;
using Recruitment.TrainingExemption;
using Recruitment.TrainingExemption.Domain;

namespace Recruitment.IntegrationTests;

[CollectionDefinition(Name)]
public sealed class RecruitmentFlowCollection : ICollectionFixture<RecruitmentApp>
{
    public const string Name = "recruitment-flow";
}

/// <summary>
/// Enrollment I and Examination end to end through HTTP, with the clock moved across the real 2024
/// dates: a residency applicant and an assistant-GP registrant reach "eligible for exams"; Examination's
/// rosters and TrainingExemption's cases follow from Enrollment's messages (EXAM-04, ENR-29); an
/// integration job imports their results, the bases finalise, and Enrollment holds the totals (EXAM-15);
/// the resident's clinical professional master's leads to an approved 24-month exemption that Enrollment
/// and Rotation both hold (EXM-09, EXM-12); after publicity she is admitted, and her personalised rotation plan
/// cannot start before the center approves it (ROT-04..ROT-07).
/// </summary>
[Collection(RecruitmentFlowCollection.Name)]
[Trait("Category", "Slow")]
public sealed class RecruitmentFlowTests(RecruitmentApp app)
{
    private const string Password = "Applicant-2024";

    [Fact]
    public async Task Applicants_reach_the_rosters_and_their_published_results_reach_Enrollment()
    {
        var idNumber = TestIds.NewResidentId();
        await RegistersAndPreparesTheProfileBeforeTheWindow();
        var applicationId = await AppliesInsideTheWindow();
        await TheBaseApprovesAfterTickingIdentity();
        await TheBaseConfirmsOnSiteWithTheExemptionForm();
        var (registrantId, registrationId) = await B07KeysInAnAssistantGpRegistrant();
        await ExaminationRostersBothAndTrainingExemptionOpensTheCase();
        await ResultsAreImportedFinalisedAndRecordedByEnrollment();
        await TheExemptionIsApprovedAndReachesEnrollmentAndRotation();
        await B01ProposesHerAndB07CancelsTheRegistrant();
        await AfterPublicitySheIsAdmittedAndRotationHoldsHer();
        await B01SchedulesTheReducedYearPlan();
        await ThePlanStartsOnlyOnceTheCenterApprovesIt();

        // 1 June: the account and the profile may precede the window (ENR-08).
        async Task RegistersAndPreparesTheProfileBeforeTheWindow()
        {
            app.Clock.Set(2024, 6, 1);
            using (var anonymous = app.Anonymous())
                (await anonymous.PostAsJsonAsync("/api/enrollment/accounts",
                    new { documentNumber = idNumber, password = Password, name = "赵六", mobile = "13812340000" })).StatusCode.ShouldBe(HttpStatusCode.Created);
            using var early = await app.SignedInAsync(idNumber, Password);
            await (await early.PutAsJsonAsync("/api/enrollment/me/profile", Profile)).ShouldBeSuccessAsync();
            using var photo = new ByteArrayContent(TestImages.PadJpeg(TestImages.Jpeg(), 200_000));
            photo.Headers.ContentType = new("image/jpeg");
            await (await early.PutAsync("/api/enrollment/me/photo", photo)).ShouldBeSuccessAsync();
            await (await early.PutAsJsonAsync("/api/enrollment/me/application", TestApplications.Independent(requestsExemption: true)))
                .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "application.window_closed");
        }

        // 20 June: inside the registration window.
        async Task<Guid> AppliesInsideTheWindow()
        {
            app.Clock.Set(2024, 6, 20, 10);
            using var applicant = await app.SignedInAsync(idNumber, Password);
            return (await (await applicant.PutAsJsonAsync("/api/enrollment/me/application", TestApplications.Independent(requestsExemption: true))).JsonAsync())
                .GetProperty("applicationId").GetGuid();
        }

        // 25 June: the base approves after ticking identity (ENR-22).
        async Task TheBaseApprovesAfterTickingIdentity()
        {
            app.Clock.Set(2024, 6, 25, 15);
            using var b01 = await app.SignedInAsync("t-b01");
            await (await b01.PostAsJsonAsync($"/api/enrollment/applications/{applicationId}/review",
                new { decision = "APPROVE", identityVerified = true })).ShouldBeSuccessAsync();
        }

        // 2 July: on-site confirmation with every material and the exemption form (ENR-33, ENR-29).
        async Task TheBaseConfirmsOnSiteWithTheExemptionForm()
        {
            app.Clock.Set(2024, 7, 2, 9, 30);
            using var b01 = await app.SignedInAsync("t-b01");
            var checklist = await (await b01.GetAsync($"/api/enrollment/applications/{applicationId}/checklist")).JsonAsync();
            var ticks = checklist.GetProperty("items").EnumerateArray()
                .Select(i => new { code = i.GetProperty("code").GetString(), originalSeen = true, copyReceived = true }).ToList();
            ticks.Add(new { code = (string?)"EXEMPTION_APPLICATION_FORM", originalSeen = true, copyReceived = true });
            await (await b01.PutAsJsonAsync($"/api/enrollment/applications/{applicationId}/checklist", new { items = ticks })).ShouldBeSuccessAsync();
            var exemptionForm = new
            {
                basis = "PROFESSIONAL_MASTER_CLINICAL",
                degreeMajor = "Clinical Medicine",
                degreeDirection = "General Practice",
                awardingInstitution = "Jilin University",
                country = "CN",
                requestedMonths = 12,
            };
            (await (await b01.PostAsJsonAsync($"/api/enrollment/applications/{applicationId}/confirmation",
                    new { exemptionRequested = true, exemption = exemptionForm }))
                .JsonAsync()).GetProperty("status").GetString().ShouldBe("CONFIRMED");
        }

        // 3 July: B07 keys in an assistant-GP registrant on site and stamps the form.
        async Task<(string RegistrantId, Guid RegistrationId)> B07KeysInAnAssistantGpRegistrant()
        {
            app.Clock.Set(2024, 7, 3, 11);
            var registrant = TestIds.NewResidentId(new DateOnly(2003, 4, 1));
            using var b07 = await app.SignedInAsync("t-b07");
            var created = await b07.PostAsJsonAsync("/api/enrollment/bases/B07/assistant-gp-registrations", Att3(registrant));
            created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
            var registration = (await created.JsonAsync()).GetProperty("applicationId").GetGuid();
            // The stamp waits for the on-site materials (ENR-38, ENR-39): B07 ticks what the checklist asks for.
            var checklist = $"/api/enrollment/applications/{registration}/assistant-gp-checklist";
            var missing = (await (await b07.GetAsync(checklist)).JsonAsync()).GetProperty("missing").EnumerateArray().Select(m => m.GetString()).ToList();
            await (await b07.PutAsJsonAsync(checklist, new { items = missing.Select(code => new { code, originalSeen = true, copyReceived = true }) }))
                .ShouldBeSuccessAsync();
            await (await b07.PostAsJsonAsync($"/api/enrollment/applications/{registration}/review", new { decision = "APPROVE" })).ShouldBeSuccessAsync();
            return (registrant, registration);
        }

        // Examination builds its rosters from Enrollment's messages; TrainingExemption opens the case.
        async Task ExaminationRostersBothAndTrainingExemptionOpensTheCase()
        {
            var resident = await RosterEntryAsync(applicationId, e => e.Status == RosterStatus.ROSTERED);
            resident.Track.ShouldBe(Track.RESIDENCY);
            resident.BaseCode.ShouldBe("B01");
            resident.SpecialtyCode.ShouldBe("GP");
            resident.DocumentNumber.ShouldBe(idNumber);
            resident.ExemptionRequested.ShouldBeTrue();
            var assistant = await RosterEntryAsync(registrationId, e => e.Status == RosterStatus.ROSTERED);
            assistant.Track.ShouldBe(Track.ASSISTANT_GP);
            assistant.BaseCode.ShouldBe("B07");
            await HttpAssertions.EventuallyAsync(async () =>
            {
                await using var session = app.Service<ITrainingExemptionStore>().QuerySession();
                var exemption = await session.LoadAsync<ExemptionCase>(applicationId);
                return exemption is { Status: ExemptionStatus.REQUESTED, HighestEducation.DegreeType: "PROFESSIONAL" };
            }, "the exemption case for the confirmed applicant");
        }

        // 25 July: the integration job imports both results; the bases finalise; Enrollment records them.
        async Task ResultsAreImportedFinalisedAndRecordedByEnrollment()
        {
            app.Clock.Set(2024, 7, 25, 16);
            using var job = await app.JobAsync();
            var batch = new
            {
                sourceSystem = "province-exam-system",
                rows = new object[]
                {
                    new { cycleYear = 2024, track = "RESIDENCY", baseCode = "B01", idNumber, theoryScore = 82.5, skillScore = 75, interviewScore = 88, assessmentResult = "PASS" },
                    new { cycleYear = 2024, track = "ASSISTANT_GP", baseCode = "B07", idNumber = registrantId, theoryScore = 71, interviewScore = (int?)null,
                          assessmentResult = "ABSENT", absentComponents = new[] { "INTERVIEW" } },
                },
            };
            var first = await job.CompletedAsync(await job.PostAsJsonAsync("/api/examination/score-imports", batch));
            first.GetProperty("accepted").GetInt32().ShouldBe(2);
            var again = await job.CompletedAsync(await job.PostAsJsonAsync("/api/examination/score-imports", batch));
            again.GetProperty("unchanged").GetInt32().ShouldBe(2, "the same batch re-sent changes nothing");

            using (var b01 = await app.SignedInAsync("t-b01"))
                await (await b01.PostAsJsonAsync("/api/examination/bases/B01/finalize", new { year = 2024, track = "RESIDENCY" })).ShouldBeSuccessAsync();
            using (var b07 = await app.SignedInAsync("t-b07"))
                await (await b07.PostAsJsonAsync("/api/examination/bases/B07/finalize", new { year = 2024, track = "ASSISTANT_GP" })).ShouldBeSuccessAsync();

            using (var b01 = await app.SignedInAsync("t-b01"))
                await HttpAssertions.EventuallyAsync(async () =>
                {
                    var detail = await (await b01.GetAsync($"/api/enrollment/applications/{applicationId}")).JsonAsync();
                    return detail.GetProperty("application").GetProperty("status").GetString() == "EXAMINED";
                }, "Enrollment to record the resident's published result");
            using (var b07 = await app.SignedInAsync("t-b07"))
                await HttpAssertions.EventuallyAsync(async () =>
                {
                    var detail = await (await b07.GetAsync($"/api/enrollment/applications/{registrationId}")).JsonAsync();
                    return detail.GetProperty("application").GetProperty("status").GetString() == "CANCELLED_ABSENT";
                }, "an absent assistant-GP candidate to lose eligibility (EXAM-06)");
            using var me = await app.SignedInAsync(idNumber, Password);
            var scores = await (await me.GetAsync("/api/examination/me/scores")).JsonAsync();
            var mine = scores.EnumerateArray().Single();
            mine.GetProperty("published").GetBoolean().ShouldBeTrue();
            // written 82.5 x 0.6 = 49.5; interview (88 + 75) / 200 x 40 = 32.6; total 82.1 (EXAM-12)
            mine.GetProperty("totals").GetProperty("total").GetDecimal().ShouldBe(82.1m);
        }

        // 1-10 August: the exemption case runs to an approved 24-month reduction (EXM-05..EXM-10); Enrollment and Rotation hold it.
        async Task TheExemptionIsApprovedAndReachesEnrollmentAndRotation()
        {
            app.Clock.Set(2024, 8, 1, 10);
            using (var b01 = await app.SignedInAsync("t-b01"))
                await (await b01.PutAsJsonAsync($"/api/training-exemption/requests/{applicationId}/base-form", new
                {
                    proposedMonths = 24,
                    makeUpItems = new[] { new { specialty = "GP", months = 18 }, new { specialty = "PED", months = 6 } },
                })).ShouldBeSuccessAsync();
            app.Clock.Set(2024, 8, 10, 10);
            using (var center = await app.SignedInAsync("t-center"))
            {
                await (await center.PostAsJsonAsync($"/api/training-exemption/requests/{applicationId}/assessment", new { result = "PASS", score = 95 }))
                    .ShouldBeSuccessAsync();
                await (await center.PostAsJsonAsync($"/api/training-exemption/requests/{applicationId}/determination", new
                {
                    decision = "APPROVE",
                    approvedMonths = 24,
                    makeUpItems = new[] { new { specialty = "GP", months = 18 }, new { specialty = "PED", months = 6 } },
                })).ShouldBeSuccessAsync();
            }
            using (var me = await app.SignedInAsync(idNumber, Password))
            {
                (await (await me.GetAsync("/api/training-exemption/me/request")).JsonAsync()).GetProperty("request").GetProperty("status").GetString()
                    .ShouldBe("APPROVED");
                // EXAM-17: the capability assessment (95) stays with the exemption case; the recruitment total does not change.
                (await (await me.GetAsync("/api/examination/me/scores")).JsonAsync()).EnumerateArray().Single().GetProperty("totals").GetProperty("total")
                    .GetDecimal().ShouldBe(82.1m);
                await HttpAssertions.EventuallyAsync(async () =>
                {
                    var mine = await (await me.GetAsync("/api/enrollment/me/application")).JsonAsync();
                    return mine.GetProperty("exemption").ValueKind == System.Text.Json.JsonValueKind.Object
                           && mine.GetProperty("exemption").GetProperty("trainingMonths").GetInt32() == 24;
                }, "Enrollment to hold the 24 training months (ENR-47, EXM-09)");
            }
            await HttpAssertions.EventuallyAsync(async () =>
            {
                await using var session = app.Service<IRotationStore>().QuerySession();
                return await session.LoadAsync<MakeUpPlan>(applicationId) is { Approved: true, TrainingMonths: 24, MakeUpItems.Count: 2 };
            }, "Rotation to hold the make-up content (ROT-04)");
        }

        // 12 August: B01 proposes her (her training months are the center's 24); the base cancels the registrant for
        // false information, who leaves the roster.
        async Task B01ProposesHerAndB07CancelsTheRegistrant()
        {
            app.Clock.Set(2024, 8, 12, 10);
            using (var b01 = await app.SignedInAsync("t-b01"))
                (await (await b01.PostAsJsonAsync($"/api/enrollment/applications/{applicationId}/proposal", new { psychTest = "PASS" })).JsonAsync())
                    .GetProperty("trainingMonths").GetInt32().ShouldBe(24);
            using (var b07 = await app.SignedInAsync("t-b07"))
                await (await b07.PostAsJsonAsync($"/api/enrollment/applications/{registrationId}/cancellation",
                    new { reason = "diploma found to be forged" })).ShouldBeSuccessAsync();
            (await RosterEntryAsync(registrationId, e => e.Status == RosterStatus.CANCELLED)).RemovalReason.ShouldBe("diploma found to be forged");
        }

        // 19-22 August: center review, PHC re-check, 72 hours of publicity; then she is admitted and Rotation plans her.
        async Task AfterPublicitySheIsAdmittedAndRotationHoldsHer()
        {
            app.Clock.Set(2024, 8, 19, 10);
            Guid publicityId;
            using (var center = await app.SignedInAsync("t-center")) await (await center.PostAsync("/api/enrollment/cycles/2024/center-review", null)).ShouldBeSuccessAsync();
            using (var phc = await app.SignedInAsync("t-phc"))
            {
                await (await phc.PostAsync("/api/enrollment/cycles/2024/recheck", null)).ShouldBeSuccessAsync();
                publicityId = (await (await phc.PostAsync("/api/enrollment/cycles/2024/publicity", null)).JsonAsync()).GetProperty("publicityId").GetGuid();
            }
            app.Clock.Set(2024, 8, 22, 10);
            await app.Service<IMessageBus>().InvokeAsync(new EndPublicity(publicityId));
            await HttpAssertions.EventuallyAsync(async () =>
            {
                await using var session = app.Service<IRotationStore>().QuerySession();
                return await session.LoadAsync<Trainee>(applicationId) is { AdmittedMonths: 24, AdmittedReduced: true };
            }, "Rotation to hold the admitted reduced-year trainee (TraineeAdmitted)");
        }

        // 25 August: B01 schedules; the reduced-year plan covers exactly the make-up content and needs the center (ROT-04..ROT-07).
        async Task B01SchedulesTheReducedYearPlan()
        {
            app.Clock.Set(2024, 8, 25, 10);
            using var b01 = await app.SignedInAsync("t-b01");
            using var anyone = app.Anonymous();
            var departments = (await (await anyone.GetAsync("/api/rotation/departments")).JsonAsync()).GetProperty("items").EnumerateArray()
                .Select(d => new { department = d.GetProperty("code").GetString(), perMonth = 2 }).ToArray();
            await (await b01.PutAsJsonAsync("/api/rotation/bases/B01/capacities", new { departments })).ShouldBeSuccessAsync();
            await (await b01.PostAsJsonAsync("/api/rotation/bases/B01/schedule", new { year = 2024 })).ShouldBeSuccessAsync();
            var plan = await (await b01.GetAsync($"/api/rotation/trainees/{applicationId}/plan")).JsonAsync();
            plan.GetProperty("reducedYears").GetBoolean().ShouldBeTrue();
            plan.GetProperty("blocks").EnumerateArray().Select(b => b.GetProperty("department").GetString()).Order().ShouldBe(["GP", "PED"]);
            await (await b01.PostAsync($"/api/rotation/trainees/{applicationId}/plan/approve", null))
                .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "plan.center_approval_required");
            await (await b01.PostAsync($"/api/rotation/trainees/{applicationId}/plan/submit", null)).ShouldBeSuccessAsync();
        }

        // 2 September: training has started, but the plan cannot start before the center approves it (ROT-05).
        async Task ThePlanStartsOnlyOnceTheCenterApprovesIt()
        {
            app.Clock.Set(2024, 9, 2, 9);
            using (var b01 = await app.SignedInAsync("t-b01"))
            using (var center = await app.SignedInAsync("t-center"))
            {
                await (await b01.PostAsync($"/api/rotation/trainees/{applicationId}/plan/blocks/0/start", null))
                    .ShouldBeProblemAsync(HttpStatusCode.Conflict, "plan.awaiting_center_approval");
                await (await center.PostAsync($"/api/rotation/trainees/{applicationId}/plan/approve", null)).ShouldBeSuccessAsync();
                await (await b01.PostAsync($"/api/rotation/trainees/{applicationId}/plan/blocks/0/start", null)).ShouldBeSuccessAsync();
            }
            using var me = await app.SignedInAsync(idNumber, Password);
            (await (await me.GetAsync("/api/rotation/me/plan")).JsonAsync()).GetProperty("status").GetString().ShouldBe("APPROVED");
        }
    }

    private async Task<RosterEntry> RosterEntryAsync(Guid candidateId, Func<RosterEntry, bool> condition)
    {
        RosterEntry? entry = null;
        await HttpAssertions.EventuallyAsync(async () =>
        {
            await using var session = app.Service<IExaminationStore>().QuerySession();
            entry = await session.LoadAsync<RosterEntry>(candidateId);
            return entry is not null && condition(entry);
        }, $"the roster entry of {candidateId}");
        return entry!;
    }

    private static readonly object Profile = new
    {
        basic = new { gender = "MALE", birthDate = "1996-03-02", ethnicity = "Han", email = "z6@example.cn", address = "Changchun, Jilin" },
        certificates = new[] { new { type = "PHYSICIAN_QUALIFICATION", number = "Q-77", issuedOn = "2022-01-10" } },
        education = new[]
        {
            new { level = "BACHELOR", mode = "FULL_TIME", degreeType = "PROFESSIONAL", school = "Jilin University", major = "Clinical Medicine",
                start = "2014-09-01", end = "2019-06-30", diplomaCertNumber = "D-1", degreeCertNumber = "G-1" },
            new { level = "MASTER", mode = "FULL_TIME", degreeType = "PROFESSIONAL", school = "Jilin University", major = "Clinical Medicine",
                start = "2019-09-01", end = "2022-06-30", diplomaCertNumber = "D-2", degreeCertNumber = "G-2" },
        },
    };

    private static object Att3(string idNumber) => new
    {
        year = 2024,
        name = "钱七",
        idNumber,
        mobile = "13700002222",
        form = new
        {
            gender = "FEMALE",
            ethnicity = "Han",
            birthMonth = "2003-04",
            mailingAddress = "Nong'an, Jilin",
            education = new[]
            {
                new { level = "JUNIOR_COLLEGE", mode = "FULL_TIME", school = "Jilin Medical College", major = "Clinical Medicine", start = "2021-09-01", end = "2024-06-30" },
            },
            category = "INDEPENDENT",
            applicantSigned = true,
            declaration = true,
        },
    };
}
