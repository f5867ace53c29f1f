using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Recruitment.Host.Hosting;
using Recruitment.Testing;
using Shouldly;
using Xunit;

namespace Recruitment.ArchitectureTests;

/// <summary>Conventions that need the composed host: endpoint authorization and schema ownership.</summary>
public sealed class HostConventionTests(RecruitmentApp app) : IClassFixture<RecruitmentApp>
{
    [Fact]
    public void Every_endpoint_declares_a_policy_or_is_explicitly_anonymous()
    {
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        endpoints.Count.ShouldBeGreaterThan(10);
        var undeclared = endpoints
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is null
                        && !e.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => !string.IsNullOrEmpty(a.Policy) || !string.IsNullOrEmpty(a.Roles)))
            .Select(e => e.RoutePattern.RawText)
            .ToList();
        undeclared.ShouldBeEmpty("add RequireAuthorization(Policies.X) or AllowAnonymous()");
    }

    [Fact]
    public void Each_modules_documents_and_events_live_in_its_own_schema()
    {
        foreach (var module in RecruitmentModules.All)
        {
            var store = (IDocumentStore)app.Services.GetRequiredService(module.StoreType);
            store.Options.DatabaseSchemaName.ShouldBe(module.Schema);
            store.Options.Events.DatabaseSchemaName.ShouldBe(module.Schema);
            foreach (var mapping in store.Options.AllKnownDocumentTypes())
                mapping.TableName.Schema.ShouldBe(module.Schema, $"{mapping.DocumentType.Name} of {module.Name}");
        }
    }
}
