using JasperFx.Events.Projections;
using Marten.Schema;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Recruitment.Enrollment.Features.Cycles;

namespace Recruitment.Enrollment;

/// <summary>The module's Marten store (schema per module). Public only because Marten and Wolverine generate code against it.</summary>
public interface IEnrollmentStore : IDocumentStore;

/// <summary>Accounts' profiles, applications, review, admission; owner of the recruitment reference data.</summary>
public static class EnrollmentModule
{
    public static readonly ModuleInfo Info = new("Enrollment", "enrollment", typeof(IEnrollmentStore), typeof(EnrollmentModule).Assembly);

    public static IServiceCollection AddEnrollmentModule(this IServiceCollection services, IConfiguration configuration, string connectionString)
    {
        services.AddModuleStore<IEnrollmentStore>(Info, connectionString, ConfigureStore);
        services.AddHostedService<ReferenceDataLoader>();
        return services;
    }

    /// <summary>The store's documents, indexes and event streams (the benchmark set-up seeds applications through the same mapping).</summary>
    internal static void ConfigureStore(StoreOptions opts)
    {
        opts.Schema.For<RecruitmentCycle>().Identity(c => c.Id);
        opts.Schema.For<Applicant>().UniqueIndex(a => a.DocumentNumber);
        opts.Schema.For<OtherSplit>().Identity(s => s.Id).UseOptimisticConcurrency(true); // an unlock racing a republication (ENR-06)
        opts.Schema.For<Brochure>().Identity(b => b.Id).UseOptimisticConcurrency(true).Index(b => b.Year);
        // The stream is the audit trail; the inline snapshot is what lists and rules read. One person, one
        // application per cycle (ENR-13), whichever track, enforced by the database under concurrency too.
        opts.Projections.Snapshot<Application>(SnapshotLifecycle.Inline);
        opts.Schema.For<Application>()
            .UniqueIndex(UniqueIndexType.Computed, "application_person_per_cycle", a => a.Year, a => a.DocumentNumber)
            .Index(a => a.ApplicantId)
            .Index(a => a.BaseCode);
        opts.Schema.For<ApplicantPhoto>();
        opts.Schema.For<CellLedger>().Identity(c => c.Id).UseOptimisticConcurrency(true);
        opts.Schema.For<Publicity>().Index(p => p.Year);
        opts.Schema.For<Objection>().Index(o => o.ApplicationId);
        opts.Schema.For<Round>();
        opts.Schema.For<RoundPreferences>().Identity(p => p.Id).Index(p => p.RoundId);
        opts.Schema.For<AppointmentSlot>().UseOptimisticConcurrency(true).Index(s => s.BaseCode);
        opts.Schema.For<Appointment>().UseOptimisticConcurrency(true).Index(a => a.SlotId);
    }
}
