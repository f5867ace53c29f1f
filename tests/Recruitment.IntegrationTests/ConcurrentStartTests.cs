using System.Text.RegularExpressions;

namespace Recruitment.IntegrationTests;

/// <summary>
/// Two nodes starting at the same moment on one empty database (a fresh installation behind a load balancer, or
/// several replicas scaled out at once) both create the schema and seed the configured staff accounts: both must
/// start, and every login must exist once (Hosting/StartupLock.cs).
/// </summary>
[Trait("Category", "Slow")]
public sealed class ConcurrentStartTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Two_hosts_starting_together_on_an_empty_database_both_start_and_seed_each_account_once()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        var settings = new HostSettings(database.ConnectionString);
        var clock = Stopwatch.StartNew();
        using var first = HostProcess.Launch(settings, output);
        using var second = HostProcess.Launch(settings, output);
        try
        {
            await Task.WhenAll(first.WaitUntilReadyAsync(), second.WaitUntilReadyAsync());
            output.WriteLine($"both hosts ready after {clock.Elapsed.TotalSeconds:0.0} s");
            foreach (var host in new[] { first, second })
            {
                using var @operator = await host.SignedInAsync("crash-operator");
                (await @operator.GetAsync("/api/admin/health")).StatusCode.ShouldBe(HttpStatusCode.OK);
            }
            var accounts = await database.ScalarAsync<string>("select string_agg(data::text, E'\\n') from identity.mt_doc_account");
            foreach (var login in new[] { "crash-operator", "crash-center" })
                Regex.Count(accounts ?? "", $"\"login\": ?\"{login}\"", RegexOptions.IgnoreCase).ShouldBe(1, $"{login} seeded once:\n{accounts}");
        }
        finally
        {
            first.Kill();
            second.Kill();
        }
    }
}
