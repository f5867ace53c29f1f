using static Recruitment.AdvancedFellowship.Tests.Fellows;

namespace Recruitment.AdvancedFellowship.Tests;

/// <summary>Assessments and the certificate of completion (FEL-23..FEL-25).</summary>
[Collection(FellowTrainingCollection.Name)]
public sealed class AssessmentTests(FellowshipApp app)
{
    [Fact]
    public async Task A_final_grade_of_Qualified_or_Excellent_earns_the_certificate_and_Unqualified_none_FEL_23_FEL_24()
    {
        var cycle = await Cycles.CreateAsync(app);
        var (qualified, idNumber) = await InTrainingAsync(app, cycle, Physician(1, Cycles.Day(cycle.Id, 5, 15)));
        var (unqualified, _) = await InTrainingAsync(app, cycle, Physician(4, Cycles.Day(cycle.Id, 5, 15)));
        var y = cycle.Id;

        app.Clock.Set(y + 1, 5, 30);
        using (var early = await app.SignedInAsync(Admin))
        {
            await (await early.PostJsonAsync($"{Api}/fellows/{qualified}/assessments", new { kind = "FINAL", grade = "QUALIFIED", summary = "s", panel = Panel() }))
                .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "assessment.too_early");
            await (await early.PostJsonAsync($"{Api}/fellows/{qualified}/certificate", new { })).ShouldBeProblemAsync(HttpStatusCode.Conflict, "certificate.not_assessed");
        }

        app.Clock.Set(y + 1, 6, 20);
        using var admin = await app.SignedInAsync(Admin);
        var assess = $"{Api}/fellows/{qualified}/assessments";
        await (await admin.PostJsonAsync(assess, new { kind = "FINAL", grade = "QUALIFIED", summary = "s", panel = new[] { new { name = "刘", department = "HR" } } }))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "assessment.panel_incomplete");
        // 12 months: the one assessment, even named annual, is the final one
        var result = await (await admin.PostJsonAsync(assess, new { kind = "ANNUAL", grade = "EXCELLENT", summary = "met the annual plan; two papers", panel = Panel(("王教授", "OTHER")) })).JsonAsync();
        result.GetProperty("isFinal").GetBoolean().ShouldBeTrue();
        result.GetProperty("status").GetString().ShouldBe("ASSESSED");
        await (await admin.PostJsonAsync(assess, new { kind = "FINAL", grade = "QUALIFIED", summary = "again", panel = Panel() }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "assessment.final_exists");

        using var fellow = await app.SignedInAsync(idNumber, Password);
        var certificate = $"{Api}/fellows/{qualified}/certificate";
        await (await fellow.GetAsync(certificate)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "certificate.not_issued");
        (await (await admin.PostJsonAsync(certificate, new { })).JsonAsync()).GetProperty("status").GetString().ShouldBe("CERTIFIED");
        await (await admin.PostJsonAsync(certificate, new { })).ShouldBeSuccessAsync();
        var issued = await (await fellow.GetAsync(certificate)).JsonAsync();
        issued.GetProperty("grade").GetString().ShouldBe("EXCELLENT");
        issued.GetProperty("start").GetString().ShouldBe($"{y}-07-01");
        issued.GetProperty("end").GetString().ShouldBe($"{y + 1}-06-30");
        issued.GetProperty("priorityRecommended").GetBoolean().ShouldBeTrue();
        var csv = await (await fellow.GetAsync(certificate + "?format=csv")).Content.ReadAsStringAsync();
        csv.ShouldStartWith("CertificateNumber,Name,IdNumber");
        csv.ShouldContain($"{y}-07-01");
        (await (await fellow.GetAsync(certificate + "?format=html")).Content.ReadAsStringAsync()).ShouldContain("进修培养合格证书");
        await (await fellow.GetAsync(certificate + "?format=pdf")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "request.invalid_format");

        var failed = await (await admin.PostJsonAsync($"{Api}/fellows/{unqualified}/assessments", new { kind = "FINAL", grade = "UNQUALIFIED", summary = "plan not met", panel = Panel() })).JsonAsync();
        failed.GetProperty("status").GetString().ShouldBe("NOT_CERTIFIED");
        await (await admin.PostJsonAsync($"{Api}/fellows/{unqualified}/certificate", new { })).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "certificate.unqualified");
        await (await admin.GetAsync($"{Api}/fellows/{unqualified}/certificate")).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "certificate.unqualified");
        (await (await admin.GetAsync($"{Api}/fellows/{unqualified}")).JsonAsync()).GetProperty("status").GetString().ShouldBe("NOT_CERTIFIED");
        await (await fellow.GetAsync($"{Api}/fellows/{unqualified}/certificate")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "application.forbidden");
    }

    [Fact]
    public async Task A_six_month_technician_is_assessed_in_the_last_month_FEL_23()
    {
        var cycle = await Cycles.CreateAsync(app);
        var (id, _) = await InTrainingAsync(app, cycle, Technician(Cycles.Day(cycle.Id, 5, 15)));
        app.Clock.Set(cycle.Id, 12, 1);
        using var admin = await app.SignedInAsync(Admin);
        var result = await (await admin.PostJsonAsync($"{Api}/fellows/{id}/assessments", new { kind = "FINAL", grade = "QUALIFIED", summary = "ok", panel = Panel() })).JsonAsync();
        result.GetProperty("status").GetString().ShouldBe("ASSESSED");
        (await (await admin.PostJsonAsync($"{Api}/fellows/{id}/certificate", new { })).JsonAsync()).GetProperty("certificateNumber").GetString()
            .ShouldBe($"GLYY-FEL-CERT-{cycle.Id}-1001");
    }

    [Fact]
    public async Task A_programme_longer_than_a_year_has_annual_assessments_before_the_final_one_FEL_23()
    {
        var cycle = await Cycles.CreateAsync(app, p => p.No == 1 ? p with { DurationMonths = new Dictionary<Domain.PostType, int> { [Domain.PostType.PHYSICIAN] = 24 } } : p);
        var (id, _) = await InTrainingAsync(app, cycle, Physician(1, Cycles.Day(cycle.Id, 5, 15), months: 24));
        var y = cycle.Id;
        app.Clock.Set(y + 1, 7, 10);
        using (var admin = await app.SignedInAsync(Admin))
        {
            var annual = await (await admin.PostJsonAsync($"{Api}/fellows/{id}/assessments", new { kind = "ANNUAL", grade = "QUALIFIED", summary = "year 1 plan met", panel = Panel() })).JsonAsync();
            annual.GetProperty("isFinal").GetBoolean().ShouldBeFalse();
            annual.GetProperty("status").GetString().ShouldBe("IN_TRAINING");
            await (await admin.PostJsonAsync($"{Api}/fellows/{id}/assessments", new { kind = "FINAL", grade = "QUALIFIED", summary = "x", panel = Panel() }))
                .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "assessment.too_early");
        }
        app.Clock.Set(y + 2, 6, 15);
        using var later = await app.SignedInAsync(Admin);
        (await (await later.PostJsonAsync($"{Api}/fellows/{id}/assessments", new { kind = "FINAL", grade = "EXCELLENT", summary = "two-year plan met", panel = Panel() })).JsonAsync())
            .GetProperty("status").GetString().ShouldBe("ASSESSED");
        await (await later.PostJsonAsync($"{Api}/fellows/{id}/certificate", new { })).ShouldBeSuccessAsync();
        var certificate = await (await later.GetAsync($"{Api}/fellows/{id}/certificate")).JsonAsync();
        certificate.GetProperty("end").GetString().ShouldBe($"{y + 2}-06-30");
        certificate.GetProperty("durationMonths").GetInt32().ShouldBe(24);
    }
}
