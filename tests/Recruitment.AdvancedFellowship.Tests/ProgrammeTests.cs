using static Recruitment.AdvancedFellowship.Tests.Fellows;

namespace Recruitment.AdvancedFellowship.Tests;

/// <summary>
/// The done-when scenario of the issue: the 2024 programme for a synthetic population over the real 15-place table,
/// on a database of its own. Applications with a refusal for each HARD rule, selection within the row quotas, notices,
/// reporting, mentors, two-site rotation, grants, BLS/ACLS, a return, final assessments and certificates.
/// </summary>
[Collection(ProgrammeCollection.Name)]
[Trait("Category", "Slow")]
public sealed class ProgrammeTests(FellowshipApp app)
{
    private sealed record Applicant(string IdNumber, FellowshipForm Form, Guid Id);

    private async Task<HttpClient> AdminAsync() => await app.SignedInAsync(Admin);

    private static async Task RefusedAsync(HttpClient client, FellowshipForm form, HttpStatusCode status, string code) =>
        await (await client.ApplyAsync(form)).ShouldBeProblemAsync(status, code);

    [Fact]
    public async Task The_2024_programme_runs_end_to_end_over_the_real_15_place_table_FEL_01_to_FEL_27()
    {
        var applicants = await EveryHardRuleIsRefusedThenOneApplicantPerPlaceSubmits();
        var fellows = await TheAdminSelectsWithinTheRowQuotas();
        await NoticesGoOutAndTheFellowsReport();
        await MentorsEvaluationsAndTwoSiteRotation();
        await ProjectsAndGrants();
        var returned = await LifeSupportCoursesAndAReturn();
        await AssessmentsAndCertificates();
        await TheFellowSeesTheWholePathWithEveryActor();

        // ---- applications (FEL-02, FEL-04..FEL-09, FEL-13, FEL-16) --------------------------------------------------
        async Task<List<Applicant>> EveryHardRuleIsRefusedThenOneApplicantPerPlaceSubmits()
        {
            app.Clock.Set(2024, 5, 9, 23, 30);
            var (probeId, probe) = await RegisterAsync(app);
            await probe.UploadAsync(Enum.GetValues<DocumentKind>());
            app.Clock.Set(2024, 5, 9, 23, 59, 59);
            await RefusedAsync(probe, Physician(1), HttpStatusCode.UnprocessableEntity, "application.window_closed");

            app.Clock.Set(2024, 5, 10, 0, 0, 0);
            var unit = Physician(1).SendingUnit!;
            var hardRules = new (FellowshipForm Form, HttpStatusCode Status, string Code)[]
            {
                (Physician(1) with { PositionNo = 13 }, HttpStatusCode.UnprocessableEntity, "application.unknown_position"),
                (Physician(1) with { PostType = PostType.TECHNICIAN }, HttpStatusCode.UnprocessableEntity, "application.post_type_not_offered"),
                (Physician(1) with { ResearchExperience = "" }, HttpStatusCode.BadRequest, "application.form_incomplete"),
                (Physician(1) with { SendingUnit = unit with { Phone = "5588123" } }, HttpStatusCode.BadRequest, "application.invalid_phone"),
                (Physician(1) with { SendingUnit = unit with { DivisionCode = "440100" } }, HttpStatusCode.UnprocessableEntity, "eligibility.sending_unit_outside_guangxi"),
                (Physician(1) with { Education = Physician(1).Education! with { Level = EducationLevel.JUNIOR_COLLEGE } }, HttpStatusCode.UnprocessableEntity, "eligibility.education_below_bachelor"),
                (Physician(1) with { Title = Physician(1).Title! with { Level = TitleLevel.JUNIOR }, Residency = new ResidencyEntry(false, null) }, HttpStatusCode.UnprocessableEntity, "eligibility.title_or_residency_required"),
                (Technician() with { Title = Technician().Title! with { Level = TitleLevel.JUNIOR } }, HttpStatusCode.UnprocessableEntity, "eligibility.technician_title_required"),
                (Physician(1) with { SpecialtyWorkStart = new DateOnly(2024, 1, 1) }, HttpStatusCode.UnprocessableEntity, "eligibility.work_years_out_of_range"),
                (Physician(12) with { SpecialtyWorkStart = new DateOnly(2022, 5, 1) }, HttpStatusCode.UnprocessableEntity, "eligibility.medtech_work_years"),
                (Physician(12) with { Certificates = null }, HttpStatusCode.UnprocessableEntity, "eligibility.medtech_certificates_required"),
                (Physician(1) with { Certificates = null }, HttpStatusCode.UnprocessableEntity, "eligibility.physician_certificates_required"),
                (Physician(12, months: 13), HttpStatusCode.UnprocessableEntity, "eligibility.medtech_duration_exceeded"),
                (Physician(10, months: 6), HttpStatusCode.UnprocessableEntity, "eligibility.clinical_duration_too_short"),
                (Physician(1) with { Certificates = Physician(1).Certificates! with { PracticeLocation = "柳州市工人医院" } }, HttpStatusCode.UnprocessableEntity, "eligibility.practice_location_mismatch"),
                (Physician(6) with { Certificates = Physician(6).Certificates! with { PracticeScope = PracticeScope.SURGERY } }, HttpStatusCode.UnprocessableEntity, "eligibility.practice_scope_mismatch"),
            };
            foreach (var (form, status, code) in hardRules) await RefusedAsync(probe, form, status, code);
            var (_, noUploads) = await RegisterAsync(app);
            await RefusedAsync(noUploads, Physician(5), HttpStatusCode.UnprocessableEntity, "application.documents_missing");

            // The population: one applicant per place of the table (row 10: a physician and a technician), one of them 46,
            // and one more cardiologist than row 1 has places.
            var forms = Shipped.Positions.OrderBy(p => p.No)
                .SelectMany(p => Enumerable.Range(0, p.Quota).Select(i => p.No == 10 && i == 1 ? Technician() : Physician(p.No)))
                .Append(Physician(1))
                .ToList();
            forms.Count.ShouldBe(16);
            var applicants = new List<Applicant>();
            foreach (var (form, i) in forms.Select((f, i) => (f, i)))
            {
                app.Clock.Set(2024, 5, 10 + i, 10, 0, 0);
                var birth = i == 6 ? new DateOnly(1978, 5, 1) : (DateOnly?)null; // 46 on the day of submission
                var (id, client, idNumber) = await SubmittedAsync(app, form, birth: birth);
                client.Dispose();
                applicants.Add(new Applicant(idNumber, form, id));
            }
            app.Clock.Set(2024, 6, 1, 0, 0, 0);
            using (var late = await app.SignedInAsync(applicants[0].IdNumber, Password))
                await RefusedAsync(late, Physician(1) with { ResearchExperience = "late" }, HttpStatusCode.UnprocessableEntity, "application.window_closed");
            probe.Dispose();
            using (var refusedEveryTime = await app.SignedInAsync(probeId, Password))
                await (await refusedEveryTime.GetAsync($"{Api}/me/application")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "application.not_found");
            noUploads.Dispose();
            return applicants;
        }

        // ---- review and selection within quotas (FEL-06, FEL-10, FEL-12) --------------------------------------------
        async Task<List<Applicant>> TheAdminSelectsWithinTheRowQuotas()
        {
            app.Clock.Set(2024, 6, 3, 9, 0, 0);
            using (var admin = await AdminAsync())
            {
                var submitted = await (await admin.GetAsync($"{Api}/applications?year=2024&status=SUBMITTED&pageSize=100")).JsonAsync();
                submitted.GetProperty("total").GetInt64().ShouldBe(16);
                var flagged = await (await admin.GetAsync($"{Api}/applications?year=2024&flagged=true")).JsonAsync();
                flagged.GetProperty("items")[0].GetProperty("id").GetGuid().ShouldBe(applicants[6].Id);

                foreach (var a in applicants.Take(15))
                {
                    await (await admin.ReviewAsync(a.Id, new { decision = "START_REVIEW" })).ShouldBeSuccessAsync();
                    var body = a == applicants[6]
                        ? (object)new
                        {
                            decision = "PROPOSE",
                            specialtyRequirementsVerified = true,
                            acknowledgements = new[] { new { flag = "AGE_OVER_LIMIT", reason = "unit's only pathologist; strong record" } }
                        }
                        : new { decision = "PROPOSE", specialtyRequirementsVerified = true };
                    await (await admin.ReviewAsync(a.Id, body)).ShouldBeSuccessAsync();
                }
                var extra = applicants[15];
                await (await admin.ReviewAsync(extra.Id, new { decision = "PROPOSE", specialtyRequirementsVerified = true }))
                    .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "quota.exhausted");
                await (await admin.ReviewAsync(extra.Id, new { decision = "REJECT", reason = "row 1 is full (2 places)" })).ShouldBeSuccessAsync();

                var selection = await (await admin.GetAsync($"{Api}/cycles/2024/selection")).JsonAsync();
                selection.GetProperty("held").GetInt32().ShouldBe(15);
                selection.GetProperty("warnings").GetArrayLength().ShouldBe(0);
                selection.GetProperty("rows").EnumerateArray().ShouldAllBe(r => r.GetProperty("free").GetInt32() == 0);
            }
            using (var anonymous = app.Anonymous())
            {
                var admitted = await (await anonymous.GetAsync($"{Api}/cycles/2024/admitted?pageSize=100")).JsonAsync();
                admitted.GetProperty("total").GetInt64().ShouldBe(15);
                admitted.GetProperty("items").EnumerateArray().Count(x => x.GetProperty("postType").GetString() == "TECHNICIAN").ShouldBe(1);
            }
            using (var rejected = await app.SignedInAsync(applicants[15].IdNumber, Password))
                (await (await rejected.GetAsync($"{Api}/me/application")).JsonAsync()).GetProperty("status").GetString().ShouldBe("REJECTED");
            return applicants.Take(15).ToList();
        }

        // ---- notices before 06-10 and reporting on 07-01 (FEL-03, FEL-14, FEL-15) -----------------------------------
        async Task NoticesGoOutAndTheFellowsReport()
        {
            app.Clock.Set(2024, 6, 5, 9, 0, 0);
            using (var admin = await AdminAsync())
            {
                var numbers = new HashSet<string>();
                foreach (var f in fellows)
                {
                    await (await admin.PostJsonAsync($"{Api}/applications/{f.Id}/notice", new { })).ShouldBeSuccessAsync();
                    var notice = await (await admin.GetAsync($"{Api}/applications/{f.Id}/notice?format=json")).JsonAsync();
                    numbers.Add(notice.GetProperty("noticeNumber").GetString()!).ShouldBeTrue();
                    notice.GetProperty("reportingDate").GetString().ShouldBe("2024-07-01");
                    await (await admin.PutJsonAsync($"{Api}/applications/{f.Id}/reporting-documents", AllReportingDocuments(f.Form.PostType!.Value))).ShouldBeSuccessAsync();
                }
                // one unit forgot its seal on the recommendation letter
                await (await admin.PutJsonAsync($"{Api}/applications/{fellows[0].Id}/reporting-documents",
                    new { items = new[] { new { code = "RECOMMENDATION_LETTER", received = true, @sealed = false } } })).ShouldBeSuccessAsync();
            }
            app.Clock.Set(2024, 7, 1, 8, 30, 0);
            using (var admin = await AdminAsync())
            {
                await (await admin.PostJsonAsync($"{Api}/applications/{fellows[0].Id}/reporting", new { }))
                    .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "reporting.documents_incomplete");
                await (await admin.PutJsonAsync($"{Api}/applications/{fellows[0].Id}/reporting-documents",
                    new { items = new[] { new { code = "RECOMMENDATION_LETTER", received = true, @sealed = true } } })).ShouldBeSuccessAsync();
                foreach (var f in fellows)
                {
                    using var own = await app.SignedInAsync(f.IdNumber, Password);
                    (await (await own.PostJsonAsync($"{Api}/applications/{f.Id}/reporting", new { })).JsonAsync()).GetProperty("status").GetString().ShouldBe("REPORTED");
                }
            }
        }

        // ---- mentors, evaluations, two-site rotation (FEL-18, FEL-20) -------------------------------------------
        async Task MentorsEvaluationsAndTwoSiteRotation()
        {
            using var admin = await AdminAsync();
            var first = fellows[0].Id;
            await (await admin.PutJsonAsync($"{Api}/fellows/{first}/mentor", Mentor("GL-0001"))).ShouldBeSuccessAsync();
            await (await admin.PutJsonAsync($"{Api}/fellows/{fellows[1].Id}/mentor", Mentor("GL-0001")))
                .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "mentor.at_capacity");
            await (await admin.PutJsonAsync($"{Api}/fellows/{first}/mentor", Mentor("GL-0099")))
                .ShouldBeProblemAsync(HttpStatusCode.Conflict, "mentor.already_assigned");
            var overlapping = new
            {
                blocks = new[]
                {
                    new { site = "GUILIN", start = new DateOnly(2024, 7, 1), end = new DateOnly(2025, 1, 31), evaluationId = Guid.Empty },
                    new { site = "XIANGYA2", start = new DateOnly(2025, 1, 1), end = new DateOnly(2025, 6, 30), evaluationId = Guid.Empty },
                },
            };
            foreach (var (f, i) in fellows.Select((f, i) => (f, i)))
            {
                if (i > 0) await (await admin.PutJsonAsync($"{Api}/fellows/{f.Id}/mentor", Mentor($"GL-{i + 1:D4}"))).ShouldBeSuccessAsync();
                var evaluation = await admin.EvaluateAsync(f.Id);
                if (i == 0)
                {
                    var bad = JsonSerializer.Serialize(overlapping).Replace(Guid.Empty.ToString(), evaluation.ToString());
                    using var content = new StringContent(bad, System.Text.Encoding.UTF8, "application/json");
                    await (await admin.PutAsync($"{Api}/fellows/{f.Id}/site-rotation", content))
                        .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "rotation.blocks_overlap");
                }
                var plan = await (await admin.PutJsonAsync($"{Api}/fellows/{f.Id}/site-rotation", TwoSitePlan(2024, evaluation, f.Form.DurationMonths!.Value))).JsonAsync();
                plan.GetProperty("status").GetString().ShouldBe("IN_TRAINING");
            }
        }

        // ---- projects and grants (FEL-19) ------------------------------------------------------------------------
        async Task ProjectsAndGrants()
        {
            using var admin = await AdminAsync();
            var first = fellows[0].Id;
            foreach (var (f, i) in fellows.Select((f, i) => (f, i)))
            {
                var self = await (await admin.PostJsonAsync($"{Api}/fellows/{f.Id}/projects", new { kind = "SELF_RAISED", title = $"Project {i}", jointWithMentor = true })).JsonAsync();
                self.GetProperty("hospitalFundingCny").GetDecimal().ShouldBe(30000m);
                if (i % 3 == 0)
                {
                    var funded = await (await admin.PostJsonAsync($"{Api}/fellows/{f.Id}/projects",
                        new { kind = "FUNDED", title = $"GX project {i}", funder = "Guangxi Health Commission", externalAmountCny = 50000 + i })).JsonAsync();
                    funded.GetProperty("hospitalFundingCny").GetDecimal().ShouldBe(50000m + i);
                }
            }
            await (await admin.PostJsonAsync($"{Api}/fellows/{first}/projects", new { kind = "SELF_RAISED", title = "twice" }))
                .ShouldBeProblemAsync(HttpStatusCode.Conflict, "project.self_raised_limit");
            var ledger = await (await admin.GetAsync($"{Api}/fellows/{first}/projects")).JsonAsync();
            ledger.GetProperty("hospitalFundingCny").GetDecimal().ShouldBe(80000m);
        }

        // ---- BLS / ACLS (FEL-21) and a return (FEL-22) ----------------------------------------------------------------
        async Task<Applicant> LifeSupportCoursesAndAReturn()
        {
            app.Clock.Set(2024, 9, 20, 9, 0, 0);
            using (var admin = await AdminAsync())
            {
                foreach (var (f, i) in fellows.Select((f, i) => (f, i)).Where(x => x.i < 6))
                {
                    var excellent = i < 4;
                    await (await admin.PostJsonAsync($"{Api}/fellows/{f.Id}/life-support-results",
                        new { course = "BLS", result = "PASS", excellent, certificateNumber = $"AHA-2024-{i:D3}", completedOn = new DateOnly(2024, 9, 15) })).ShouldBeSuccessAsync();
                    var acls = await admin.PostJsonAsync($"{Api}/fellows/{f.Id}/life-support-results", new { course = "ACLS", reason = "excellent BLS result" });
                    if (excellent) await acls.ShouldBeSuccessAsync();
                    else await acls.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "life_support.acls_requires_excellent_bls");
                }
            }
            app.Clock.Set(2024, 10, 15, 9, 0, 0);
            var returned = fellows[3];
            using (var admin = await AdminAsync())
                (await (await admin.PostJsonAsync($"{Api}/fellows/{returned.Id}/return", new { reason = "repeated absence from the on-call rota" })).JsonAsync())
                    .GetProperty("status").GetString().ShouldBe("RETURNED");
            return returned;
        }

        // ---- assessments and certificates (FEL-23..FEL-25) ------------------------------------------------------------
        async Task AssessmentsAndCertificates()
        {
            var technician = fellows.Single(f => f.Form.PostType == PostType.TECHNICIAN);
            app.Clock.Set(2024, 12, 20, 9, 0, 0);
            using (var admin = await AdminAsync())
            {
                await (await admin.PostJsonAsync($"{Api}/fellows/{technician.Id}/assessments",
                    new { kind = "FINAL", grade = "QUALIFIED", summary = "six-month plan completed", panel = Panel() })).ShouldBeSuccessAsync();
                await (await admin.PostJsonAsync($"{Api}/fellows/{technician.Id}/certificate", new { })).ShouldBeSuccessAsync();
                await (await admin.PostJsonAsync($"{Api}/fellows/{fellows[0].Id}/assessments",
                    new { kind = "FINAL", grade = "EXCELLENT", summary = "too early", panel = Panel() })).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "assessment.too_early");
            }

            app.Clock.Set(2025, 6, 20, 9, 0, 0);
            var unqualified = fellows[5];
            using (var admin = await AdminAsync())
            {
                foreach (var (f, i) in fellows.Select((f, i) => (f, i)).Where(x => x.f != returned && x.f != technician))
                {
                    var grade = f == unqualified ? "UNQUALIFIED" : i % 4 == 0 ? "EXCELLENT" : "QUALIFIED";
                    await (await admin.PostJsonAsync($"{Api}/fellows/{f.Id}/assessments",
                        new { kind = "FINAL", grade, summary = "annual plan reviewed", panel = Panel(("湘雅二医院 专家", "OTHER")) })).ShouldBeSuccessAsync();
                    var certificate = await admin.PostJsonAsync($"{Api}/fellows/{f.Id}/certificate", new { });
                    if (f == unqualified) await certificate.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "certificate.unqualified");
                    else await certificate.ShouldBeSuccessAsync();
                }
                await (await admin.PostJsonAsync($"{Api}/fellows/{returned.Id}/assessments", new { kind = "FINAL", grade = "QUALIFIED", summary = "x", panel = Panel() }))
                    .ShouldBeProblemAsync(HttpStatusCode.Conflict, "fellow.invalid_status");

                var statuses = new Dictionary<string, int>();
                foreach (var f in fellows)
                {
                    var status = (await (await admin.GetAsync($"{Api}/fellows/{f.Id}")).JsonAsync()).GetProperty("status").GetString()!;
                    statuses[status] = statuses.GetValueOrDefault(status) + 1;
                }
                statuses.ShouldBe(new Dictionary<string, int> { ["CERTIFIED"] = 13, ["NOT_CERTIFIED"] = 1, ["RETURNED"] = 1 }, ignoreOrder: true);
                var selection = await (await admin.GetAsync($"{Api}/cycles/2024/selection")).JsonAsync();
                selection.GetProperty("held").GetInt32().ShouldBe(15);
            }
        }

        // the fellow's own view: the whole path, every step with its actor
        async Task TheFellowSeesTheWholePathWithEveryActor()
        {
            using (var own = await app.SignedInAsync(fellows[0].IdNumber, Password))
            {
                var mine = await (await own.GetAsync($"{Api}/me/application")).JsonAsync();
                mine.GetProperty("status").GetString().ShouldBe("CERTIFIED");
                var steps = mine.GetProperty("timeline").EnumerateArray().Select(e => e.GetProperty("status").GetString()).Distinct().ToList();
                steps.ShouldBe(["SUBMITTED", "UNDER_REVIEW", "PROPOSED", "NOTICE_ISSUED", "REPORTED", "IN_TRAINING", "ASSESSED", "CERTIFIED"]);
                mine.GetProperty("timeline").EnumerateArray().ShouldAllBe(e => e.GetProperty("actor").GetString()!.Contains(':'));
                var csv = await (await own.GetAsync($"{Api}/fellows/{fellows[0].Id}/certificate?format=csv")).Content.ReadAsStringAsync();
                csv.ShouldContain("2024-07-01");
                csv.ShouldContain("2025-06-30");
                csv.ShouldContain("EXCELLENT");
            }
        }
    }
}
