using Marten;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Recruitment.BuildingBlocks;
using Recruitment.Enrollment.Domain;
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
        services.AddModuleStore<IEnrollmentStore>(Info, connectionString, opts =>
        {
            opts.Schema.For<RecruitmentCycle>().Identity(c => c.Id);
            opts.Schema.For<Applicant>().UniqueIndex(a => a.DocumentNumber);
            opts.Schema.For<ApplicantPhoto>();
        });
        services.AddHostedService<ReferenceDataLoader>();
        return services;
    }
}
