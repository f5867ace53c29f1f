using JasperFx.Events.Projections;
using Marten.Schema;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Recruitment.AdvancedFellowship;

/// <summary>The module's Marten store (schema per module). Public only because Marten and Wolverine generate code against it.</summary>
public interface IAdvancedFellowshipStore : IDocumentStore;

/// <summary>The Guilin "Excellent Young Physician" fellowship, self-contained: positions, applications, training, assessment.</summary>
public static class AdvancedFellowshipModule
{
    public static readonly ModuleInfo Info = new("AdvancedFellowship", "advanced_fellowship", typeof(IAdvancedFellowshipStore), typeof(AdvancedFellowshipModule).Assembly);

    public static IServiceCollection AddAdvancedFellowshipModule(this IServiceCollection services, IConfiguration configuration, string connectionString)
    {
        var options = configuration.GetSection(FellowshipOptions.Section).Get<FellowshipOptions>() ?? new FellowshipOptions();
        services.AddSingleton(options);
        services.AddModuleStore<IAdvancedFellowshipStore>(Info, connectionString, opts =>
        {
            opts.Schema.For<FellowshipCycle>().Identity(c => c.Id);
            opts.Schema.For<FellowshipApplicant>().UniqueIndex(a => a.DocumentNumber);
            opts.Schema.For<ApplicantDocument>().Identity(d => d.Id).Index(d => d.ApplicantId);
            // The stream is the audit trail and timeline; the inline snapshot is what lists and rules read.
            // One person, one fellowship per cycle, enforced by the database under concurrency too.
            opts.Projections.Snapshot<Fellowship>(SnapshotLifecycle.Inline);
            opts.Schema.For<Fellowship>()
                .UniqueIndex(UniqueIndexType.Computed, "fellowship_person_per_cycle", f => f.Year, f => f.DocumentNumber)
                .Index(f => f.ApplicantId);
            // Single-writer streams: a row's quota (FEL-10) and a mentor's fellows (FEL-18).
            opts.Projections.Snapshot<PositionQuota>(SnapshotLifecycle.Inline);
            opts.Schema.For<PositionQuota>().Index(q => q.Year);
            opts.Projections.Snapshot<MentorRoster>(SnapshotLifecycle.Inline);
        });
        services.AddHostedService<Features.Positions.FellowshipReferenceDataLoader>();
        return services;
    }
}

/// <summary>
/// Programme-wide settings (section <c>AdvancedFellowship</c>): the years the programme runs (FEL-01, 2024-2026).
/// A settable class, because configuration binding silently skips records with optional constructor parameters.
/// </summary>
internal sealed class FellowshipOptions
{
    public const string Section = "AdvancedFellowship";

    public int ProgrammeFirstYear { get; set; } = 2024;
    public int ProgrammeLastYear { get; set; } = 2026;
}
