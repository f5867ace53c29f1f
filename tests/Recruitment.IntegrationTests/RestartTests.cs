namespace Recruitment.IntegrationTests;

/// <summary>
/// STACK-NOTES pitfall 3: with separate envelope tables per store, a message written by one
/// module's outbox and handled by another was replayed at every restart. Each module's copy
/// handler rewrites its document whenever it runs, so an unchanged modification time after a
/// restart proves the handler did not run again.
/// </summary>
[Trait("Category", "Slow")]
public sealed class RestartTests
{
    [Fact]
    public async Task No_handler_runs_twice_after_a_host_restart()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        DateTimeOffset firstWrite;
        await using (var first = RecruitmentApp.On(database))
        {
            await first.InitializeAsync();
            await HttpAssertions.EventuallyAsync(async () => await LastModifiedAsync(first) is not null, "the Examination copy of 2024");
            firstWrite = (await LastModifiedAsync(first))!.Value;
            await HttpAssertions.EventuallyAsync(async () =>
                await database.ScalarAsync<long>("select count(*) from wolverine.wolverine_incoming_envelopes where status not in ('Handled', 'Scheduled')") == 0,
                "every envelope handled (the cycle's deadline timers stay scheduled)");
        }

        await using (var second = RecruitmentApp.On(database))
        {
            await second.InitializeAsync();
            // Give the durability agent time to recover anything it (wrongly) thinks is pending.
            await Task.Delay(TimeSpan.FromSeconds(6));
            (await LastModifiedAsync(second)).ShouldBe(firstWrite);
            (await database.ScalarAsync<long>(
                "select count(*) from wolverine.wolverine_incoming_envelopes where message_type like '%RecruitmentCyclePublished'"))
                .ShouldBeLessThanOrEqualTo(5, "one envelope per consuming module (now Notifications too), none added by the restart");
        }
    }

    private static async Task<DateTimeOffset?> LastModifiedAsync(RecruitmentApp app)
    {
        await using var session = app.Service<IExaminationStore>().QuerySession();
        var cycle = await session.LoadAsync<ExamCycle>(2024);
        if (cycle is null) return null;
        return (await session.MetadataForAsync(cycle))?.LastModified;
    }
}
