using System.Text.Json.Serialization;
using Recruitment.AdvancedFellowship.Features.Positions;

namespace Recruitment.AdvancedFellowship.Tests;

/// <summary>Applicants and fellows as the rules see them, and the HTTP steps to make one.</summary>
internal static class Fellows
{
    public const string Password = "Applicant-2024";
    public const string Unit = "桂林市临桂区人民医院";
    public const string Admin = "t-fellowship";

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    /// <summary>The shipped 2024 cycle, parsed as the start-up loader parses it.</summary>
    public static readonly FellowshipCycle Shipped = LoadFellowshipCycleHandler.Parse(new LoadFellowshipCycle(
        Resource("fellowship-2024.json"), Resource("positions-2024.csv")));

    private static string Resource(string name)
    {
        using var stream = typeof(FellowshipCycle).Assembly.GetManifestResourceStream($"Recruitment.AdvancedFellowship.ReferenceData.{name}")!;
        return new StreamReader(stream).ReadToEnd();
    }

    /// <summary>A practice scope that matches each 2024 row.</summary>
    public static PracticeScope ScopeOf(int positionNo) => positionNo switch
    {
        2 or 3 => PracticeScope.SURGERY,
        5 => PracticeScope.CRITICAL_CARE,
        6 => PracticeScope.EYE_ENT,
        10 => PracticeScope.REHABILITATION_MEDICINE,
        11 => PracticeScope.ANESTHESIOLOGY,
        12 => PracticeScope.LABORATORY_PATHOLOGY,
        _ => PracticeScope.INTERNAL_MEDICINE,
    };

    /// <summary>A complete, eligible physician form for a row, as of a submission day (3 full years of work by then).</summary>
    public static FellowshipForm Physician(int positionNo = 1, DateOnly? on = null, int months = 12)
    {
        var day = on ?? new DateOnly(2024, 5, 15);
        var scope = ScopeOf(positionNo);
        return new FellowshipForm(positionNo, PostType.PHYSICIAN, months, Gender.FEMALE,
            new EducationEntry(EducationLevel.BACHELOR, DegreeLevel.BACHELOR, "Guilin Medical University", "Clinical Medicine", day.AddYears(-8), "DIP-1"),
            new TitleEntry(TitleLevel.INTERMEDIATE, TitleSeries.PHYSICIAN, scope, "主治医师 Attending physician", day.AddYears(-2), "TIT-1"),
            new ResidencyEntry(true, "RES-1"),
            new PhysicianCertificates("Q-1", "P-1", Unit, scope),
            "Internal medicine", day.AddYears(-3).AddDays(-30),
            new SendingUnit(Unit, "Lingui District, Guilin, Guangxi", "450312", "0773-5588123", "0773-5588124"),
            "Two municipal research projects.", ApplicantSigned: true, UnitOpinion: "同意推荐 Recommended", UnitAttestsConduct: true,
            DeclaresGoodHealth: true);
    }

    /// <summary>A rehabilitation technician (row 10): intermediate technician title in rehabilitation, 6 months, no physician certificates.</summary>
    public static FellowshipForm Technician(DateOnly? on = null)
    {
        var day = on ?? new DateOnly(2024, 5, 15);
        return Physician(10, day) with
        {
            PostType = PostType.TECHNICIAN,
            DurationMonths = 6,
            Title = new TitleEntry(TitleLevel.INTERMEDIATE, TitleSeries.TECHNICIAN, PracticeScope.REHABILITATION_MEDICINE, "主管技师 Rehabilitation therapist",
                day.AddYears(-1), "TIT-2"),
            Residency = new ResidencyEntry(false, null),
            Certificates = null,
            Specialty = "Rehabilitation therapy",
        };
    }

    public static IReadOnlyList<DocumentKind> RequiredFor(FellowshipForm form, FellowshipCycle? cycle = null) =>
        Eligibility.RequiredDocuments(form, (cycle ?? Shipped).Find(form.PositionNo!.Value)!, form.PostType!.Value);

    /// <summary>A minimal PDF body.</summary>
    public static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"u8.ToArray();

    /// <summary>Registers a fresh applicant (born on <paramref name="birth"/>, 35 years before the 2024 window by default) and signs them in.</summary>
    public static async Task<(string IdNumber, HttpClient Client)> RegisterAsync(RecruitmentApp app, DateOnly? birth = null)
    {
        var id = TestIds.NewResidentId(birth ?? new DateOnly(1989, 3, 1).AddDays(Random.Shared.Next(0, 1500)));
        using var anonymous = app.Anonymous();
        var response = await anonymous.PostAsJsonAsync("/api/advanced-fellowship/accounts",
            new { documentNumber = id, password = Password, name = "韦" + id[^4..], mobile = "13812345678" });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (id, await app.SignedInAsync(id, Password));
    }

    public static async Task UploadAsync(this HttpClient client, IEnumerable<DocumentKind> kinds)
    {
        foreach (var kind in kinds)
        {
            using var content = new ByteArrayContent(Pdf);
            content.Headers.ContentType = new("application/pdf");
            await (await client.PutAsync($"/api/advanced-fellowship/me/documents/{kind}", content)).ShouldBeSuccessAsync();
        }
    }

    public static Task<HttpResponseMessage> ApplyAsync(this HttpClient client, FellowshipForm form, int year = 2024, bool draft = false) =>
        client.PutAsJsonAsync("/api/advanced-fellowship/me/application", new { year, draft, form }, Json);

    /// <summary>Registers, uploads what the form needs and submits; returns the application id.</summary>
    public static async Task<(Guid Id, HttpClient Client, string IdNumber)> SubmittedAsync(RecruitmentApp app, FellowshipForm form, int year = 2024,
        FellowshipCycle? cycle = null, DateOnly? birth = null)
    {
        var (idNumber, client) = await RegisterAsync(app, birth ?? new DateOnly(year - 35, 3, 1).AddDays(Random.Shared.Next(0, 1500)));
        await client.UploadAsync(RequiredFor(form, cycle));
        var body = await (await client.ApplyAsync(form, year)).JsonAsync();
        body.GetProperty("status").GetString().ShouldBe("SUBMITTED");
        return (body.GetProperty("applicationId").GetGuid(), client, idNumber);
    }

    public static Task<HttpResponseMessage> ReviewAsync(this HttpClient admin, Guid id, object body) =>
        admin.PostAsJsonAsync($"/api/advanced-fellowship/applications/{id}/review", body, Json);

    public static async Task ProposeAsync(this HttpClient admin, Guid id) =>
        (await (await admin.ReviewAsync(id, new { decision = "PROPOSE", specialtyRequirementsVerified = true })).JsonAsync())
        .GetProperty("status").GetString().ShouldBe("PROPOSED");

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string url, object body) => client.PostAsJsonAsync(url, body, Json);

    public static Task<HttpResponseMessage> PutJsonAsync(this HttpClient client, string url, object body) => client.PutAsJsonAsync(url, body, Json);

    /// <summary>Every reporting material ticked received and sealed (FEL-15).</summary>
    public static object AllReportingDocuments(PostType postType) =>
        new { items = ReportingChecklist.For(postType).Select(i => new { code = i.Code, received = true, @sealed = true }).ToList() };

    public const string Api = "/api/advanced-fellowship";

    /// <summary>Submitted, proposed, noticed, materials ticked, reported on the cycle's default reporting day (07-01); the clock is left there.</summary>
    public static async Task<(Guid Id, string IdNumber)> ReportedAsync(RecruitmentApp app, FellowshipCycle cycle, FellowshipForm form)
    {
        app.Clock.Set(cycle.Id, 5, 15);
        var (id, client, idNumber) = await SubmittedAsync(app, form, cycle.Id, cycle);
        client.Dispose();
        using (var admin = await app.SignedInAsync(Admin))
        {
            await admin.ProposeAsync(id);
            await (await admin.PostJsonAsync($"{Api}/applications/{id}/notice", new { })).ShouldBeSuccessAsync();
            await (await admin.PutJsonAsync($"{Api}/applications/{id}/reporting-documents", AllReportingDocuments(form.PostType!.Value))).ShouldBeSuccessAsync();
        }
        app.Clock.Set(cycle.Id, 7, 1);
        using var desk = await app.SignedInAsync(Admin);
        (await (await desk.PostJsonAsync($"{Api}/applications/{id}/reporting", new { })).JsonAsync()).GetProperty("status").GetString().ShouldBe("REPORTED");
        return (id, idNumber);
    }

    public static async Task<Guid> EvaluateAsync(this HttpClient admin, Guid fellowId, string summary = "solid clinical base; ready for the partner site") =>
        (await (await admin.PostJsonAsync($"{Api}/fellows/{fellowId}/performance-evaluations", new { evaluator = "科教部 何老师", summary })).JsonAsync())
        .GetProperty("evaluationId").GetGuid();

    /// <summary>Guilin for the first half, the Second Xiangya Hospital for the second, from the reporting day.</summary>
    public static object TwoSitePlan(int year, Guid evaluation, int months = 12)
    {
        var start = new DateOnly(year, 7, 1);
        var middle = start.AddMonths(months / 2);
        return new
        {
            blocks = new[]
            {
                new { site = "GUILIN", start, end = middle.AddDays(-1), evaluationId = evaluation },
                new { site = "XIANGYA2", start = middle, end = start.AddMonths(months).AddDays(-1), evaluationId = evaluation },
            },
        };
    }

    public static object Mentor(string staffNo, string title = "CHIEF") => new { staffNo, name = "主任医师 " + staffNo, title, department = "Cardiology" };

    /// <summary>A reported fellow with a mentor (a fresh staff number) and a two-site plan: IN_TRAINING.</summary>
    public static async Task<(Guid Id, string IdNumber)> InTrainingAsync(RecruitmentApp app, FellowshipCycle cycle, FellowshipForm form)
    {
        var (id, idNumber) = await ReportedAsync(app, cycle, form);
        using var admin = await app.SignedInAsync(Admin);
        await (await admin.PutJsonAsync($"{Api}/fellows/{id}/mentor", Mentor($"M{Guid.NewGuid():N}"[..10]))).ShouldBeSuccessAsync();
        var evaluation = await admin.EvaluateAsync(id);
        var plan = await (await admin.PutJsonAsync($"{Api}/fellows/{id}/site-rotation", TwoSitePlan(cycle.Id, evaluation, form.DurationMonths!.Value))).JsonAsync();
        plan.GetProperty("status").GetString().ShouldBe("IN_TRAINING");
        return (id, idNumber);
    }

    public static object Panel(params (string Name, string Department)[] extra) =>
        new[] { ("刘主任", "HR"), ("陈主任", "MEDICAL_AFFAIRS"), ("黄主任", "SCI_ED") }.Concat(extra)
            .Select(m => new { name = m.Item1, department = m.Item2 }).ToList();
}

/// <summary>
/// Synthetic cycles for slice tests: the 2024 table and calendar moved to a year of their own (2100 onwards), with the
/// quotas a test needs. The clock is set inside that year's application window.
/// </summary>
internal static class Cycles
{
    private static int _next = 2100;

    public static DateOnly Day(int year, int month, int day) => new(year, month, day);

    public static async Task<FellowshipCycle> CreateAsync(RecruitmentApp app, Func<Position, Position>? adjust = null,
        Action<Dictionary<string, object?>>? settings = null)
    {
        var year = Interlocked.Increment(ref _next);
        app.Clock.Set(year, 5, 15);
        var positions = Fellows.Shipped.Positions.Select(adjust ?? (p => p)).ToList();
        var body = new Dictionary<string, object?>
        {
            ["applicationOpen"] = new DateTimeOffset(year, 5, 10, 0, 0, 0, TestClock.ChinaStandardTime),
            ["applicationClose"] = new DateTimeOffset(year, 5, 31, 23, 59, 59, TestClock.ChinaStandardTime),
            ["admissionNoticeDeadline"] = new DateTimeOffset(year, 6, 10, 23, 59, 59, TestClock.ChinaStandardTime),
            ["defaultReportingDate"] = new DateOnly(year, 7, 1),
            ["intakeBand"] = new { min = 10, max = 15 },
            ["selfRaisedGrantCny"] = 30000,
            ["fundedMatchRatio"] = 1.0,
            ["fundedMatchCapCny"] = null,
            ["noticeGroup"] = "612440590",
            ["positions"] = positions,
        };
        settings?.Invoke(body);
        using var admin = await app.SignedInAsync(Fellows.Admin);
        var saved = await (await admin.PutAsJsonAsync($"/api/advanced-fellowship/cycles/{year}", body, Fellows.Json)).JsonAsync();
        saved.GetProperty("year").GetInt32().ShouldBe(year);
        var cycle = Fellows.Shipped;
        return new FellowshipCycle
        {
            Id = year,
            ApplicationOpen = new DateTimeOffset(year, 5, 10, 0, 0, 0, TestClock.ChinaStandardTime),
            ApplicationClose = new DateTimeOffset(year, 5, 31, 23, 59, 59, TestClock.ChinaStandardTime),
            AdmissionNoticeDeadline = new DateTimeOffset(year, 6, 10, 23, 59, 59, TestClock.ChinaStandardTime),
            DefaultReportingDate = new DateOnly(year, 7, 1),
            IntakeBand = cycle.IntakeBand,
            Positions = positions,
        };
    }

    /// <summary>Only row <paramref name="positionNo"/> keeps places (<paramref name="quota"/>); every other row has none.</summary>
    public static Func<Position, Position> OnlyRow(int positionNo, int quota) => p => p with { Quota = p.No == positionNo ? quota : 0 };
}
