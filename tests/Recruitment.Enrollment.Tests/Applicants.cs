using System.Text.Json;
using System.Text.Json.Serialization;

namespace Recruitment.Enrollment.Tests;

/// <summary>Applicants as the rules see them, and the HTTP steps to make one: register, fill the profile, apply.</summary>
internal static class Applicants
{
    public const string Password = "Applicant-2024";

    /// <summary>Request bodies use the domain records themselves, written as the API reads them.</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static Education Bachelor(string major = "Clinical Medicine", EducationMode mode = EducationMode.FULL_TIME, bool degree = true) =>
        new(EducationLevel.BACHELOR, mode, degree ? DegreeType.PROFESSIONAL : DegreeType.NONE, "Jilin University", major, "CN",
            new DateOnly(2019, 9, 1), new DateOnly(2024, 6, 30), false, "DIP-1001", degree ? "DEG-1001" : null);

    public static Education Master(DegreeType type, bool inProgress = false) =>
        new(EducationLevel.MASTER, EducationMode.FULL_TIME, type, "Jilin University", "Clinical Medicine", "CN",
            new DateOnly(2024, 9, 1), inProgress ? null : new DateOnly(2027, 6, 30), inProgress, inProgress ? null : "DIP-2001",
            inProgress ? null : "DEG-2001");

    public static Certificate Qualification => new(CertificateType.PHYSICIAN_QUALIFICATION, "Q-1", new DateOnly(2023, 1, 1), null, null);

    public static Certificate Practising => new(CertificateType.PRACTISING, "P-1", new DateOnly(2023, 6, 1), "Changchun", "Internal Medicine");

    public static Profile Profile(IReadOnlyList<Education>? education = null, IReadOnlyList<Certificate>? certificates = null,
        FreeStudent? freeStudent = null) =>
        new(new BasicInformation(Gender.FEMALE, new DateOnly(1999, 5, 1), "Han", "applicant@example.cn", "Changchun, Jilin", false, freeStudent),
            certificates ?? [], education ?? [Bachelor()]);

    public static ApplicationChoice Independent(string baseCode = "B01", string specialty = "GP") =>
        new(baseCode, specialty, null, Category.INDEPENDENT, null, null, DeclaresNoEmployment: true, AcceptsReallocation: true,
            RequestsExemption: false, Declaration: true);

    public static ApplicationChoice Sponsored(string baseCode = "B01", string specialty = "GP", string? current = null) =>
        new(baseCode, specialty, null, Category.SPONSORED, "Changchun County Hospital", current ?? specialty, DeclaresNoEmployment: false,
            AcceptsReallocation: false, RequestsExemption: false, Declaration: true);

    /// <summary>A valid 160,000-byte JPEG (ENR-11).</summary>
    public static readonly byte[] Photo = TestImages.PadJpeg(TestImages.Jpeg(), 160_000);

    public static async Task UploadPhotoAsync(this HttpClient client)
    {
        using var content = new ByteArrayContent(Photo);
        content.Headers.ContentType = new("image/jpeg");
        await (await client.PutAsync("/api/enrollment/me/photo", content)).ShouldBeSuccessAsync();
    }

    /// <summary>Registers a fresh applicant (any day: accounts may precede the window), signs them in and uploads their photo.</summary>
    public static async Task<(string IdNumber, HttpClient Client)> RegisterAsync(RecruitmentApp app, bool withPhoto = true)
    {
        var id = TestIds.NewResidentId();
        using var anonymous = app.Anonymous();
        var response = await anonymous.PostAsJsonAsync("/api/enrollment/accounts",
            new { documentNumber = id, password = Password, name = "李四", mobile = "13912345678" });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var client = await app.SignedInAsync(id, Password);
        if (withPhoto) await client.UploadPhotoAsync();
        return (id, client);
    }

    public static Task<HttpResponseMessage> PutProfileAsync(this HttpClient client, Profile profile) =>
        client.PutAsJsonAsync("/api/enrollment/me/profile", profile, Json);

    public static Task<HttpResponseMessage> ApplyAsync(this HttpClient client, ApplicationChoice choice, int? year = 2024) =>
        client.PutAsJsonAsync("/api/enrollment/me/application", Body(choice, year), Json);

    public static object Body(ApplicationChoice c, int? year = 2024) => new
    {
        year,
        c.BaseCode,
        c.SpecialtyCode,
        c.OtherSpecialty,
        category = c.Category.ToString(),
        c.EmployerName,
        c.CurrentSpecialty,
        c.DeclaresNoEmployment,
        c.AcceptsReallocation,
        c.RequestsExemption,
        c.Declaration,
    };

    /// <summary>A registered applicant with a complete profile and a submitted application; returns the application id.</summary>
    public static async Task<(Guid ApplicationId, HttpClient Client, string IdNumber)> SubmittedAsync(RecruitmentApp app,
        ApplicationChoice? choice = null, Profile? profile = null)
    {
        var (id, client) = await RegisterAsync(app);
        (await client.PutProfileAsync(profile ?? Profile())).StatusCode.ShouldBe(HttpStatusCode.OK);
        var applied = await (await client.ApplyAsync(choice ?? Independent())).JsonAsync();
        return (applied.GetProperty("applicationId").GetGuid(), client, id);
    }
}
