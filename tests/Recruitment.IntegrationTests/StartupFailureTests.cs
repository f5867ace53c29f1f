namespace Recruitment.IntegrationTests;

/// <summary>Runs the built host as a real process with a broken database setting.</summary>
public sealed class StartupFailureTests
{
    [Theory]
    [InlineData("", "is missing")]
    [InlineData("Host=127.0.0.1;Port=1;Username=x;Password=y;Database=z;Timeout=3", "does not lead to a reachable PostgreSQL database")]
    public async Task The_host_exits_with_one_clear_line_naming_the_setting(string connectionString, string expected)
    {
        var (exitCode, output) = await HostProcess.RunToExitAsync(new Dictionary<string, string>
        {
            ["ConnectionStrings__Postgres"] = connectionString,
            ["Auth__SigningKey"] = new string('k', 40),
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
        }, TimeSpan.FromSeconds(60));

        exitCode.ShouldBe(1);
        output.ShouldContain("ConnectionStrings:Postgres");
        output.ShouldContain(expected);
        output.ShouldNotContain("password=y", Case.Insensitive);
    }
}
