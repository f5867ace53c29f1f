using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Recruitment.Examination.Features.ReferenceData;

namespace Recruitment.Examination;

/// <summary>The module's Marten store (schema per module). Public only because Marten and Wolverine generate code against it.</summary>
public interface IExaminationStore : IDocumentStore;

/// <summary>Rosters, exam sessions, score imports, totals and their publication to Enrollment.</summary>
public static class ExaminationModule
{
    public static readonly ModuleInfo Info = new("Examination", "examination", typeof(IExaminationStore), typeof(ExaminationModule).Assembly);

    public static IServiceCollection AddExaminationModule(this IServiceCollection services, IConfiguration configuration, string connectionString)
    {
        services.AddModuleStore<IExaminationStore>(Info, connectionString, ConfigureStore);
        services.AddHostedService<ExamSettingsLoader>();
        // Imports are processed one at a time, in arrival order: concurrent imports for a base never lose an update.
        services.AddWolverineExtension<ExaminationMessaging>();
        return services;
    }

    /// <summary>The store's documents and indexes (the benchmark set-up seeds rosters in bulk through the same mapping).</summary>
    internal static void ConfigureStore(StoreOptions opts)
    {
        opts.Schema.For<ExamCycle>().Identity(c => c.Id);
        opts.Schema.For<ExamSettings>().Identity(s => s.Id);
        opts.Schema.For<RosterEntry>().Index(r => r.BaseCode).Index(r => r.DocumentNumber).Index(r => r.ApplicantId);
        opts.Schema.For<ScoreImportBatch>();
        opts.Schema.For<ScoreImportChunk>().Identity(c => c.Id).Index(c => c.BatchId);
        opts.Schema.For<ScoreChange>().Index(c => c.CandidateId);
        opts.Schema.For<ImportExtension>().Identity(e => e.Id);
        opts.Schema.For<Finalization>().Identity(f => f.Id);
        opts.Schema.For<ExamSession>().Index(s => s.Year);
    }
}

internal sealed class ExaminationMessaging : IWolverineExtension
{
    public void Configure(WolverineOptions options) => options.LocalQueueFor<ProcessScoreImport>().Sequential();
}
