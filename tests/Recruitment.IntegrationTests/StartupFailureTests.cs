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

    [Fact]
    public async Task A_travelling_clock_is_refused_in_Production()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "Recruitment.Host.dll")])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.Environment["ConnectionStrings__Postgres"] = database.ConnectionString;
        start.Environment["Auth__SigningKey"] = new string('k', 40);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Clock__AllowTravel"] = "true";
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);

        process.ExitCode.ShouldBe(1);
        (await stderr + await stdout).ShouldContain("Clock:AllowTravel=true is refused in Production");
    }
}
