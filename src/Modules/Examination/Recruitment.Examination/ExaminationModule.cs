using JasperFx;
using Marten;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Recruitment.BuildingBlocks;
using Recruitment.Examination.Domain;
using Wolverine.Marten;

namespace Recruitment.Examination;

/// <summary>The module's Marten store (schema per module). Public only because Marten and Wolverine generate code against it.</summary>
public interface IExaminationStore : IDocumentStore;

/// <summary>Rosters, exam sessions, score imports, totals and their publication to Enrollment.</summary>
public static class ExaminationModule
{
    public static readonly ModuleInfo Info = new("Examination", "examination", typeof(IExaminationStore), typeof(ExaminationModule).Assembly);

    public static IServiceCollection AddExaminationModule(this IServiceCollection services, IConfiguration configuration, string connectionString)
    {
        services.AddSingleton(Info);
        services.AddMartenStore<IExaminationStore>(opts =>
            {
                opts.Connection(connectionString);
                opts.DatabaseSchemaName = Info.Schema;
                opts.AutoCreateSchemaObjects = AutoCreate.CreateOrUpdate;
                opts.Schema.For<ExamCycle>().Identity(c => c.Id);
            })
            .IntegrateWithWolverine(x => x.SchemaName = Messaging.EnvelopeSchema);
        return services;
    }
}
