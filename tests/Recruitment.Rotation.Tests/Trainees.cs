using System.Globalization;
using Marten;
using Recruitment.Enrollment.Contracts;
using Recruitment.Rotation.Domain;
using Recruitment.TrainingExemption.Contracts;
using Wolverine;

namespace Recruitment.Rotation.Tests;

/// <summary>
/// Feeds the module's input contract as the other modules publish it: TraineeAdmitted (Enrollment II) and
/// ExemptionDecided (TrainingExemption), through the host's message bus.
/// </summary>
internal static class Trainees
{
    public static readonly DateOnly Start = new(2024, 9, 1);
    private static readonly DateTimeOffset At = new(2024, 8, 25, 10, 0, 0, TestClock.ChinaStandardTime);

    public static async Task<Guid> AdmitAsync(RecruitmentApp app, string baseCode, string specialty = "GP", Track track = Track.RESIDENCY,
        bool reduced = false, int months = 36, Guid? applicantId = null, Guid? id = null, int revision = 1)
    {
        var traineeId = id ?? Guid.NewGuid();
        await app.Service<IMessageBus>().PublishAsync(new TraineeAdmitted(traineeId, applicantId, 2024, track, baseCode, specialty, null,
            $"学员{traineeId.ToString()[..4]}", months, Start, reduced, revision, At));
        await HttpAssertions.EventuallyAsync(async () =>
        {
            await using var session = app.Service<IRotationStore>().QuerySession();
            return (await session.LoadAsync<Trainee>(traineeId))?.Revision >= revision;
        }, $"trainee {traineeId} in Rotation");
        return traineeId;
    }

    /// <summary>A plan matching the GP sample template in order.</summary>
    public static async Task<object[]> GpTemplateBlocksAsync(RecruitmentApp app)
    {
        using var anyone = app.Anonymous();
        var gp = await (await anyone.GetAsync("/api/rotation/templates/GP")).JsonAsync();
        return Blocks([.. gp.GetProperty("items").EnumerateArray().Select(i => (i.GetProperty("department").GetString()!, i.GetProperty("months").GetInt32()))]);
    }

    /// <summary>Published, not invoked: Enrollment handles ExemptionDecided too (each module in its own queue).</summary>
    public static async Task DecideAsync(RecruitmentApp app, Guid id, int months, int revision = 1, params (string Specialty, int Months)[] items)
    {
        await app.Service<IMessageBus>().PublishAsync(new ExemptionDecided(id, 2024, items.Length > 0, months,
            items.Select(i => new MakeUpItem(i.Specialty, i.Months)).ToList(), null, revision, At));
        await HttpAssertions.EventuallyAsync(async () =>
        {
            await using var session = app.Service<IRotationStore>().QuerySession();
            return (await session.LoadAsync<MakeUpPlan>(id))?.Revision >= revision;
        }, $"make-up plan {id} in Rotation");
    }

    /// <summary>Rotation keeps its own copy of the cycle, delivered by message after start-up.</summary>
    public static Task CycleReadyAsync(RecruitmentApp app) =>
        HttpAssertions.EventuallyAsync(async () =>
        {
            await using var session = app.Service<IRotationStore>().QuerySession();
            return await session.LoadAsync<RotationCycle>(2024) is not null && await session.LoadAsync<RotationTemplate>("GP") is not null;
        }, "the 2024 cycle and the sample templates in Rotation");

    public static object Block(string department, DateOnly start, int months) =>
        new { department, start = start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), end = start.AddMonths(months).AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) };

    /// <summary>Consecutive blocks from the training start.</summary>
    public static object[] Blocks(params (string Department, int Months)[] blocks)
    {
        var start = Start;
        var list = new List<object>();
        foreach (var (department, months) in blocks)
        {
            list.Add(Block(department, start, months));
            start = start.AddMonths(months);
        }
        return [.. list];
    }
}
