using Recruitment.Enrollment.Features.Cycles;
using Recruitment.Rotation.Domain;
using Recruitment.TrainingExemption;
using Recruitment.TrainingExemption.Domain;

namespace Recruitment.IntegrationTests;

[Collection(FoundationCollection.Name)]
public sealed class ReferenceDataTests(RecruitmentApp app)
{
    [Fact]
    public async Task The_2024_quota_table_has_577_places_with_slash_as_null_ENR_02_ENR_03()
    {
        using var client = app.Anonymous();
        var quotas = await (await client.GetAsync("/api/enrollment/cycles/2024/quotas")).JsonAsync();
        quotas.GetProperty("total").GetInt32().ShouldBe(577);
        var rows = quotas.GetProperty("rows").EnumerateArray().ToDictionary(r => r.GetProperty("specialty").GetString()!);
        rows["GP"].GetProperty("places").GetProperty("B01").GetInt32().ShouldBe(30);
        rows["GP"].GetProperty("places").GetProperty("B04").ValueKind.ShouldBe(JsonValueKind.Null);
        rows["PSY"].GetProperty("places").GetProperty("B02").ValueKind.ShouldBe(JsonValueKind.Null);
        rows["OTHER"].GetProperty("total").GetInt32().ShouldBe(274);
        quotas.GetProperty("baseTotals").GetProperty("B03").GetInt32().ShouldBe(88);
        quotas.GetProperty("assistantGp").GetProperty("places").GetInt32().ShouldBe(10);
        quotas.GetProperty("assistantGp").GetProperty("baseCode").GetString().ShouldBe("B07");
    }

    [Fact]
    public async Task Bases_specialties_schedules_and_positions_are_public()
    {
        using var client = app.Anonymous();
        (await (await client.GetAsync("/api/enrollment/cycles/2024/bases")).JsonAsync()).GetArrayLength().ShouldBe(12);
        (await (await client.GetAsync("/api/enrollment/cycles/2024/specialties")).JsonAsync()).GetArrayLength().ShouldBe(9);
        var cycle = await (await client.GetAsync("/api/enrollment/cycles/2024")).JsonAsync();
        cycle.GetProperty("calendar").GetProperty("registrationOpen").GetDateTimeOffset()
            .ShouldBe(new DateTimeOffset(2024, 6, 14, 0, 0, 0, TimeSpan.FromHours(8)));
        (await (await client.GetAsync("/api/enrollment/cycles/2024/schedules")).JsonAsync()).GetArrayLength().ShouldBeGreaterThan(0);
        var positions = await (await client.GetAsync("/api/advanced-fellowship/cycles/2024/positions")).JsonAsync();
        positions.GetProperty("totalQuota").GetInt32().ShouldBe(15);
        positions.GetProperty("positions").GetArrayLength().ShouldBe(12);
    }

    [Fact]
    public async Task Other_modules_hold_their_own_copy_of_the_shipped_cycle()
    {
        await HttpAssertions.EventuallyAsync(async () =>
        {
            await using var exam = app.Service<IExaminationStore>().QuerySession();
            await using var exemption = app.Service<ITrainingExemptionStore>().QuerySession();
            await using var rotation = app.Service<IRotationStore>().QuerySession();
            return await exam.LoadAsync<ExamCycle>(2024) is { BaseCodes.Count: 12 }
                   && await exemption.LoadAsync<ExemptionCycle>(2024) is { StandardResidencyMonths: 36 }
                   && await rotation.LoadAsync<RotationCycle>(2024) is { StandardAssistantGpMonths: 24 };
        }, "the 2024 cycle copied into Examination, TrainingExemption and Rotation");
    }

    [Fact]
    public async Task A_newly_loaded_cycle_flows_through_the_durable_outbox_to_the_other_modules()
    {
        var year = 2100 + Random.Shared.Next(0, 800);
        var shipped = ReferenceDataLoader.ReadShipped(2024);
        var command = shipped with { DefinitionJson = shipped.DefinitionJson.Replace("\"year\": 2024", $"\"year\": {year}") };

        await using (var scope = app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<IMessageBus>().InvokeAsync(command);

        await HttpAssertions.EventuallyAsync(async () =>
        {
            await using var exam = app.Service<IExaminationStore>().QuerySession();
            await using var rotation = app.Service<IRotationStore>().QuerySession();
            return await exam.LoadAsync<ExamCycle>(year) is not null && await rotation.LoadAsync<RotationCycle>(year) is not null;
        }, $"cycle {year} copied by the consuming modules");
        using var client = app.Anonymous();
        (await (await client.GetAsync($"/api/enrollment/cycles/{year}/quotas")).JsonAsync()).GetProperty("total").GetInt32().ShouldBe(577);
    }
}
