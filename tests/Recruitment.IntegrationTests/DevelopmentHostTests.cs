using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Hosting;

namespace Recruitment.IntegrationTests;

/// <summary>
/// A host in the Development environment, as <c>build/run.sh</c> (and <c>--demo</c>) starts it. Development validates the
/// service container when it is built (scoped services taken by singletons are refused), which the Testing hosts
/// do not, so a singleton holding a scoped service stopped every developer's host while the suite stayed green.
/// </summary>
public sealed class DevelopmentApp : RecruitmentApp
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment("Development");
    }
}

public sealed class DevelopmentHostTests(DevelopmentApp app) : IClassFixture<DevelopmentApp>
{
    [Fact]
    public async Task The_host_starts_in_Development_with_scope_validation_and_seeds_the_demo_accounts()
    {
        app.Services.GetRequiredService<IHostEnvironment>().EnvironmentName.ShouldBe("Development");
        // The demo accounts of the README exist in Development only, seeded (and announced) after the start.
        using var demoOperator = await app.SignedInAsync("operator", "Operator-2024");
        var whoami = await (await demoOperator.GetAsync("/api/auth/whoami")).JsonAsync();
        whoami.GetProperty("role").GetString().ShouldBe("operator");
    }
}
