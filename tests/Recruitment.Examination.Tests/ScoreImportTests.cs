using System.Net;
using Recruitment.Enrollment.Features.Cycles;
using static Recruitment.Examination.Tests.Candidates;

namespace Recruitment.Examination.Tests;

/// <summary>Bulk score import by integration jobs (EXAM-04, EXAM-09..EXAM-11): per-row results, idempotency, deadlines.</summary>
[Collection(ExaminationCollection.Name)]
public sealed class ScoreImportTests(RecruitmentApp app)
{
    [Fact]
    public async Task Each_row_gets_its_own_result_and_a_rejected_row_never_aborts_the_batch_EXAM_10()
    {
        app.Clock.Set(2024, 7, 20);
        var (first, firstId) = await RosteredAsync(app);
        var (_, secondId) = await RosteredAsync(app);
        var (_, b02Id) = await RosteredAsync(app, "B02");
        using var job = await app.JobAsync();
        var batch = await job.CompletedAsync(await job.ImportAsync(
            Row(firstId, theory: 80.5m, interview: 70),
            Row(TestIds.NewResidentId()),                       // not on any roster
            Row(secondId, theory: "80.125"),                    // three decimals
            Row(b02Id, baseCode: "B01"),                        // rostered at B02
            Row(firstId, theory: 10),                           // same key again
            Row(secondId, result: "MAYBE"),
            new { cycleYear = 2024, track = "RESIDENCY", baseCode = "B01", idNumber = secondId, theoryScore = 80, interviewScore = 70 },
            Row(secondId, track: "ASSISTANT_GP")));

        batch.Results().Select(r => (r.Status, r.Reason)).ShouldBe([
            ("ACCEPTED", null), ("REJECTED", "NOT_ROSTERED"), ("REJECTED", "INVALID_SCORE"), ("REJECTED", "WRONG_BASE"),
            ("REJECTED", "DUPLICATE_IN_BATCH"), ("REJECTED", "INVALID_RESULT"), ("REJECTED", "MISSING_RESULT"), ("REJECTED", "WRONG_TRACK"),
        ]);
        batch.GetProperty("accepted").GetInt32().ShouldBe(1);
        batch.GetProperty("rejected").GetInt32().ShouldBe(7);
        var entry = await EntryAsync(app, first);
        entry.Score!.Theory.ShouldBe(80.5m);
        entry.Totals!.Total.ShouldBe(76.3m);
        var rows = batch.GetProperty("rows").GetProperty("items").EnumerateArray().ToList();
        rows[0].GetProperty("idNumber").GetString().ShouldNotBe(firstId, "row results never echo a whole ID number");
    }

    [Fact]
    public async Task Re_sending_a_batch_changes_nothing_and_a_changed_value_overwrites_with_an_audit_entry_EXAM_10()
    {
        app.Clock.Set(2024, 7, 20);
        var (id, idNumber) = await RosteredAsync(app);
        using var job = await app.JobAsync();
        (await job.CompletedAsync(await job.ImportAsync(Row(idNumber, theory: 80)))).Results().Single().Status.ShouldBe("ACCEPTED");
        (await job.CompletedAsync(await job.ImportAsync(Row(idNumber, theory: 80)))).Results().Single().Status.ShouldBe("UNCHANGED");
        (await job.CompletedAsync(await job.ImportAsync(Row(idNumber, theory: 85)))).Results().Single().Status.ShouldBe("ACCEPTED");

        await using var session = app.Service<IExaminationStore>().QuerySession();
        var changes = await session.Query<ScoreChange>().Where(c => c.CandidateId == id).ToListAsync();
        changes.Count.ShouldBe(1);
        changes[0].Old!.Theory.ShouldBe(80m);
        changes[0].New.Theory.ShouldBe(85m);
    }

    [Fact]
    public async Task A_CSV_file_is_read_with_its_header_and_a_malformed_one_is_refused_whole_EXAM_09()
    {
        app.Clock.Set(2024, 7, 20);
        var (id, idNumber) = await RosteredAsync(app);
        using var job = await app.JobAsync();
        var csv = $"cycleYear,track,baseCode,idNumber,theoryScore,skillScore,interviewScore,assessmentResult,absentComponents\n" +
                  $"2024,RESIDENCY,B01,{idNumber},90,,80,PASS,\n";
        (await job.CompletedAsync(await job.ImportCsvAsync(csv))).Results().Single().Status.ShouldBe("ACCEPTED");
        (await EntryAsync(app, id)).Score!.Theory.ShouldBe(90m);

        await (await job.ImportCsvAsync("track,baseCode,idNumber\nRESIDENCY,B01,\"unterminated\n"))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "import.malformed_csv");
        await (await job.ImportCsvAsync("cycleYear,track,idNumber\n2024,RESIDENCY,X\n")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "import.malformed_csv");
        await (await job.ImportCsvAsync("cycleYear,track,baseCode,idNumber,assessmentResult\n")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "import.empty");
        await (await job.ImportAsync()).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "import.empty");
        await (await job.PostAsync("/api/examination/score-imports", new StringContent("x", System.Text.Encoding.UTF8, "text/plain")))
            .ShouldBeProblemAsync(HttpStatusCode.UnsupportedMediaType, "import.unsupported_media_type");
    }

    [Fact]
    public async Task A_cycle_without_its_own_examination_file_gets_the_default_60_40_rules()
    {
        var assembly = typeof(LoadRecruitmentCycle).Assembly;
        string Read(string name)
        {
            using var reader = new StreamReader(assembly.GetManifestResourceStream($"Recruitment.Enrollment.ReferenceData.{name}")!);
            return reader.ReadToEnd();
        }
        await app.Service<Wolverine.IMessageBus>().InvokeAsync(new LoadRecruitmentCycle(
            Read("recruitment-2024.json").Replace("\"year\": 2024", "\"year\": 2031", StringComparison.Ordinal), Read("quota-2024.csv")));
        await HttpAssertions.EventuallyAsync(async () =>
        {
            await using var session = app.Service<IExaminationStore>().QuerySession();
            return await session.LoadAsync<ExamSettings>(2031) is { Version: "default" } settings
                   && settings.Scoring[Track.RESIDENCY] == new ScoringRules(100, 100, 100, 60, 40, null);
        }, "default scoring rules for the 2031 cycle");
    }

    [Fact]
    public async Task A_body_over_32_MB_is_refused_before_anything_is_stored()
    {
        using var job = await app.JobAsync();
        var big = new string(' ', 33 * 1024 * 1024);
        await (await job.PostAsync("/api/examination/score-imports", new StringContent(big, System.Text.Encoding.UTF8, "application/json")))
            .ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge, "request.too_large");
    }

    /// <summary>EXAM-08: interviews are complete by 08-16, so their results arrive by then; EXAM-11 is how late imports are refused.</summary>
    [Fact]
    public async Task Imports_close_after_16_August_unless_the_center_extends_the_base_EXAM_11()
    {
        var (id, idNumber) = await RosteredAsync(app, "B02");
        using var job = await app.JobAsync();
        app.Clock.Set(2024, 8, 16, 23, 59, 59);
        (await job.CompletedAsync(await job.ImportAsync(Row(idNumber, "B02", theory: 70)))).Results().Single().Status.ShouldBe("ACCEPTED");

        app.Clock.Set(2024, 8, 17, 0, 0, 0);
        var refused = (await job.CompletedAsync(await job.ImportAsync(Row(idNumber, "B02", theory: 75)))).Results().Single();
        (refused.Status, refused.Reason).ShouldBe(("REJECTED", "DEADLINE_PASSED"));
        (await EntryAsync(app, id)).Score!.Theory.ShouldBe(70m);

        using var center = await app.SignedInAsync("t-center");
        await (await center.PostAsJsonAsync("/api/examination/extensions",
            new { year = 2024, baseCode = "B02", until = "2024-08-20T23:59:59+08:00", reason = "interviewer fell ill" })).ShouldBeSuccessAsync();
        var late = (await job.CompletedAsync(await job.ImportAsync(Row(idNumber, "B02", theory: 75, examDate: "2024-08-19")))).Results().Single();
        (late.Status, late.Late).ShouldBe(("ACCEPTED", true));
        (await EntryAsync(app, id)).Late.ShouldBeTrue();
    }

    [Fact]
    public async Task Only_an_integration_key_may_import_and_a_key_only_imports()
    {
        using var center = await app.SignedInAsync("t-center");
        (await center.PostAsJsonAsync("/api/examination/score-imports", new { rows = new[] { new { } } })).StatusCode
            .ShouldBeOneOf(HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden);
        using var job = await app.JobAsync();
        (await job.GetAsync("/api/enrollment/bases/B01/applications")).StatusCode.ShouldBeOneOf(HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden);
        (await job.PostAsJsonAsync($"/api/enrollment/applications/{Guid.NewGuid()}/objections", new { text = "x" })).StatusCode
            .ShouldBeOneOf(HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden);
        using var anonymous = app.Anonymous();
        (await anonymous.PostAsJsonAsync("/api/examination/score-imports", new { rows = Array.Empty<object>() })).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_job_sees_only_its_own_batches_and_the_center_sees_every_batch()
    {
        app.Clock.Set(2024, 7, 20);
        var (_, idNumber) = await RosteredAsync(app);
        using var job = await app.JobAsync();
        var accepted = await job.ImportAsync(Row(idNumber));
        var batchId = (await accepted.JsonAsync()).GetProperty("batchId").GetGuid();
        using var other = await app.JobAsync();
        await (await other.GetAsync($"/api/examination/score-imports/{batchId}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "import.not_found");
        using var center = await app.SignedInAsync("t-center");
        await (await center.GetAsync($"/api/examination/score-imports/{batchId}")).ShouldBeSuccessAsync();
    }

    [Fact]
    public async Task Finalising_publishes_the_base_and_refuses_later_rows_and_the_center_corrects_with_a_reason_EXAM_15_EXAM_16()
    {
        app.Clock.Set(2024, 7, 25);
        var (id, idNumber) = await RosteredAsync(app, "B07", Track.ASSISTANT_GP);
        using var job = await app.JobAsync();
        await job.CompletedAsync(await job.ImportAsync(Row(idNumber, "B07", track: "ASSISTANT_GP")));
        using var b07 = await app.SignedInAsync("t-b07");
        var finalized = await (await b07.PostAsJsonAsync("/api/examination/bases/B07/finalize", new { year = 2024, track = "ASSISTANT_GP" })).JsonAsync();
        finalized.GetProperty("published").GetInt32().ShouldBeGreaterThanOrEqualTo(1);
        await (await b07.PostAsJsonAsync("/api/examination/bases/B07/finalize", new { year = 2024, track = "ASSISTANT_GP" }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "finalize.already_final");
        using var b01 = await app.SignedInAsync("t-b01");
        await (await b01.PostAsJsonAsync("/api/examination/bases/B07/finalize", new { year = 2024 })).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "base.forbidden");

        (await job.CompletedAsync(await job.ImportAsync(Row(idNumber, "B07", theory: 99, track: "ASSISTANT_GP")))).Results().Single().Reason
            .ShouldBe("BASE_FINALIZED");
        (await EntryAsync(app, id)).Revision.ShouldBe(1);

        using var center = await app.SignedInAsync("t-center");
        await (await center.PostAsJsonAsync($"/api/examination/candidates/{id}/corrections", new { theoryScore = "90", interviewScore = "70", assessmentResult = "PASS" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "correction.reason_required");
        var corrected = await (await center.PostAsJsonAsync($"/api/examination/candidates/{id}/corrections",
            new { theoryScore = "90", interviewScore = "70", assessmentResult = "PASS", reason = "marking error found on re-check" })).JsonAsync();
        corrected.GetProperty("revision").GetInt32().ShouldBe(2);
        corrected.GetProperty("republished").GetBoolean().ShouldBeTrue();
        (await b07.PostAsJsonAsync($"/api/examination/candidates/{id}/corrections", new { reason = "x" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}
