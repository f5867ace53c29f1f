using Marten;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Recruitment.BuildingBlocks;
using Recruitment.Examination.Domain;

namespace Recruitment.Examination;

/// <summary>The module's Marten store (schema per module). Public only because Marten and Wolverine generate code against it.</summary>
public interface IExaminationStore : IDocumentStore;

/// <summary>Rosters, exam sessions, score imports, totals and their publication to Enrollment.</summary>
public static class ExaminationModule
{
    public static readonly ModuleInfo Info = new("Examination", "examination", typeof(IExaminationStore), typeof(ExaminationModule).Assembly);

    public static IServiceCollection AddExaminationModule(this IServiceCollection services, IConfiguration configuration, string connectionString)
    {
        services.AddModuleStore<IExaminationStore>(Info, connectionString, opts =>
        {
            opts.Schema.For<ExamCycle>().Identity(c => c.Id);
            opts.Schema.For<RosterEntry>().Index(r => r.BaseCode);
        });
        return services;
    }
}
