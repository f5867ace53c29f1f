using JasperFx;
using Marten;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Recruitment.BuildingBlocks;
using Recruitment.Enrollment.Domain;
using Recruitment.Enrollment.Features.Cycles;
using Wolverine.Marten;

namespace Recruitment.Enrollment;

/// <summary>The module's Marten store (schema per module). Public only because Marten and Wolverine generate code against it.</summary>
public interface IEnrollmentStore : IDocumentStore;

/// <summary>Accounts' profiles, applications, review, admission; owner of the recruitment reference data.</summary>
public static class EnrollmentModule
{
    public static readonly ModuleInfo Info = new("Enrollment", "enrollment", typeof(IEnrollmentStore), typeof(EnrollmentModule).Assembly);

    public static IServiceCollection AddEnrollmentModule(this IServiceCollection services, IConfiguration configuration, string connectionString)
    {
        services.AddSingleton(Info);
        services.AddMartenStore<IEnrollmentStore>(opts =>
            {
                opts.Connection(connectionString);
                opts.DatabaseSchemaName = Info.Schema;
                opts.AutoCreateSchemaObjects = AutoCreate.CreateOrUpdate;
                opts.Schema.For<RecruitmentCycle>().Identity(c => c.Id);
            })
            .IntegrateWithWolverine(x => x.SchemaName = Messaging.EnvelopeSchema);
        services.AddHostedService<ReferenceDataLoader>();
        return services;
    }
}
