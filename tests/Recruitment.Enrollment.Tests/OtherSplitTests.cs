using static Recruitment.Enrollment.Tests.Applicants;

namespace Recruitment.Enrollment.Tests;

/// <summary>ENR-06: a base's OTHER split sums exactly to its cell, is locked once published, and gates OTHER applications.</summary>
[Collection(AdmissionCollection.Name)]
public sealed class OtherSplitTests(RecruitmentApp app)
{
    [Fact]
    public async Task A_split_that_does_not_sum_to_the_cell_is_refused_then_the_published_split_is_locked_and_opens_OTHER_ENR_06()
    {
        app.Clock.Set(2024, 6, 10);
        const string route = "/api/enrollment/cycles/2024/bases/B03/other-split";
        using var anonymous = app.Anonymous();
        await (await anonymous.GetAsync(route)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "brochure.other_split_pending");

        using var b01 = await app.SignedInAsync("t-b01");
        await (await b01.PutAsJsonAsync(route, new { items = new[] { new { specialty = "Surgery", places = 51 } } }))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "base.forbidden");

        // B03's OTHER cell holds 51 places.
        using var b03 = await app.SignedInAsync("t-b03");
        await (await b03.PutAsJsonAsync(route, new { items = new[] { new { specialty = "Internal Medicine", places = 30 }, new { specialty = "Surgery", places = 20 } } }))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "brochure.other_split_mismatch");
        await (await anonymous.GetAsync(route)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "brochure.other_split_pending");

        await (await b03.PutAsJsonAsync(route, new { items = new[] { new { specialty = "Internal Medicine", places = 30 }, new { specialty = "Surgery", places = 21 } } }))
            .ShouldBeSuccessAsync();
        await (await b03.PutAsJsonAsync(route, new { items = new[] { new { specialty = "Surgery", places = 51 } } }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "brochure.other_split_locked");
        (await (await anonymous.GetAsync(route)).JsonAsync()).GetProperty("items").GetArrayLength().ShouldBe(2);

        app.Clock.Set(2024, 6, 20);
        var (_, client) = await RegisterAsync(app);
        await client.PutProfileAsync(Profile());
        await (await client.ApplyAsync(Independent("B03", "OTHER") with { OtherSpecialty = "Dermatology" }))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "application.other_specialty_not_offered");
        await (await client.ApplyAsync(Independent("B03", "OTHER") with { OtherSpecialty = "Surgery" })).ShouldBeSuccessAsync();
    }
}
