using Recruitment.AccessAudit;
using Recruitment.AdvancedFellowship;
using Recruitment.Enrollment;
using Recruitment.Examination;
using Recruitment.Identity;
using Recruitment.Notifications;
using Recruitment.Publications;
using Recruitment.Rotation;
using Recruitment.TrainingExemption;

namespace Recruitment.Host.Hosting;

internal static class RecruitmentModules
{
    public static readonly ModuleInfo[] All =
    [
        IdentityModule.Info,
        EnrollmentModule.Info,
        ExaminationModule.Info,
        TrainingExemptionModule.Info,
        RotationModule.Info,
        AdvancedFellowshipModule.Info,
        NotificationsModule.Info,
        PublicationsModule.Info,
        AccessAuditModule.Info,
    ];

    public static WebApplicationBuilder AddRecruitmentModules(this WebApplicationBuilder builder, string connectionString)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;
        services.AddIdentityModule(configuration, connectionString);
        services.AddEnrollmentModule(configuration, connectionString);
        services.AddExaminationModule(configuration, connectionString);
        services.AddTrainingExemptionModule(configuration, connectionString);
        services.AddRotationModule(configuration, connectionString);
        services.AddAdvancedFellowshipModule(configuration, connectionString);
        services.AddNotificationsModule(configuration, connectionString);
        services.AddPublicationsModule(configuration, connectionString);
        services.AddAccessAuditModule(configuration, connectionString, All.Select(m => m.Assembly));
        return builder;
    }
}
