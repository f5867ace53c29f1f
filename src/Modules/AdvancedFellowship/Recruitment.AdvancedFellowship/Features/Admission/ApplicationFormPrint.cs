namespace Recruitment.AdvancedFellowship.Features.Admission;

/// <summary>
/// GET /api/advanced-fellowship/applications/{applicationId}/form (admin, the applicant): the application form (FORM-08)
/// as submitted, printable, with room for the unit's official seal (FEL-14: brought sealed on the reporting day).
/// </summary>
internal sealed class ApplicationFormPrintEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapGet("/api/advanced-fellowship/applications/{applicationId:guid}/form", async (Guid applicationId, ClaimsPrincipal user,
                IAdvancedFellowshipStore store, CancellationToken ct) =>
            {
                await using var session = store.QuerySession();
                var f = await FellowshipAccess.Application(session, applicationId, ct);
                FellowshipAccess.EnsureAdminOrOwner(user, f);
                if (f.Form is not { } form || f.SubmittedAt is null)
                    throw DomainException.NotFound("application.not_submitted", "Only a submitted application form can be printed.");
                var cycle = await FellowshipAccess.Cycle(session, f.Year, ct);
                var position = form.PositionNo is { } no ? cycle.Find(no) : null;
                var unit = form.SendingUnit;
                return new Printable()
                    .Table([
                        ("姓名 Name", f.Name),
                        ("性别 Gender", form.Gender?.ToString()),
                        ("出生日期 Date of birth", Printable.Date(ResidentId.BirthDate(f.DocumentNumber))),
                        ("身份证号 ID number", f.DocumentNumber),
                        ("照片 Photo", f.Documents.Any(d => d.Kind == DocumentKind.PHOTO) ? "uploaded (affix a printed copy)" : ""),
                        ("学历学位 Education and degree", $"{form.Education?.Level} / {form.Education?.Degree}, {form.Education?.School}, {Printable.Date(form.Education?.GraduatedOn)}"),
                        ("专业 Major", form.Education?.Major),
                        ("职称及取得时间 Professional title and date", $"{form.Title?.Level} {form.Title?.Name} {Printable.Date(form.Title?.ObtainedOn)}"),
                        ("住培结业 Residency completed", form.Residency?.Completed == true ? $"Yes, {form.Residency.CertificateNumber}" : "No"),
                        ("医师资格证书 Physician qualification certificate", form.Certificates?.QualificationNumber),
                        ("医师执业证书 Practising certificate", form.Certificates?.PractisingNumber),
                        ("执业地点 Practice location", form.Certificates?.PracticeLocation),
                        ("执业范围 Practice scope", form.Certificates?.PracticeScope?.ToString()),
                        ("本专业工作起始 In the specialty since", $"{form.Specialty}, {Printable.Date(form.SpecialtyWorkStart)}"),
                        ("选送单位 Sending unit", $"{unit?.Name}, {unit?.Address}"),
                        ("单位电话/传真 Unit phone / fax", $"{unit?.Phone} / {unit?.Fax}"),
                        ("申请岗位 Position row and post type", position is null ? "" : $"{position.No}. {position.DepartmentZh} {position.DepartmentEn}, {form.PostType}"),
                        ("进修时长 Duration", string.Create(CultureInfo.InvariantCulture, $"{form.DurationMonths} months")),
                        ("科研经历 Research experience", form.ResearchExperience),
                        ("本人签名 Applicant signature", form.ApplicantSigned ? "signed online" : ""),
                        ("单位意见 Unit opinion", form.UnitOpinion),
                        ("单位公章 Unit official seal", ""),
                    ])
                    .Page("“卓越青年医师”定向进修培养申请表 · Application Form");
            })
            .RequireAuthorization(Policies.AnyUser).WithTags("AdvancedFellowship: admission");
}
