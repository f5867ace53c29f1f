using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Recruitment.Publications;

/// <summary>The module's Marten store (schema per module). Public only because Marten and Wolverine generate code against it.</summary>
public interface IPublicationsStore : IDocumentStore;

/// <summary>What the center and the PHC publish: the notice board, and the register of printed documents behind /verify/{code}.</summary>
public static class PublicationsModule
{
    public static readonly ModuleInfo Info = new("Publications", "publications", typeof(IPublicationsStore), typeof(PublicationsModule).Assembly);

    public static IServiceCollection AddPublicationsModule(this IServiceCollection services, IConfiguration configuration, string connectionString)
    {
        services.AddModuleStore<IPublicationsStore>(Info, connectionString, opts =>
        {
            opts.Schema.For<IssuedDocument>().Identity(d => d.Id).UniqueIndex(d => d.SubjectKey);
            opts.Schema.For<Announcement>().Index(a => a.PublishAt);
            opts.Schema.For<AnnouncementAttachment>().Index(a => a.AnnouncementId);
        });
        return services;
    }
}
