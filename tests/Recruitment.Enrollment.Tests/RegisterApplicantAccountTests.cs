using System.Net;
using System.Net.Http.Json;
using Recruitment.Testing;
using Shouldly;
using Xunit;

namespace Recruitment.Enrollment.Tests;

/// <summary>ENR-08, ENR-09, ENR-12: self-registration keyed by document number, one account per number.</summary>
[Collection(EnrollmentCollection.Name)]
public sealed class RegisterApplicantAccountTests(RecruitmentApp app)
{
    private const string Password = "Applicant-2024";

    private static object Registration(string id, string password = Password, string mobile = "13812345678") =>
        new { documentNumber = id, password, name = "张三", mobile };

    [Fact]
    public async Task An_applicant_registers_with_a_resident_id_and_signs_in_with_it_ENR_09()
    {
        var id = TestIds.NewResidentId();
        using var client = app.Anonymous();
        var response = await client.PostAsJsonAsync("/api/enrollment/accounts", Registration(id));
        response.StatusCode.ShouldBe(HttpStatusCode.Created);

        using var applicant = await app.SignedInAsync(id, Password);
        var me = await (await applicant.GetAsync("/api/auth/whoami")).JsonAsync();
        me.GetProperty("role").GetString().ShouldBe("applicant");
        me.GetProperty("programme").GetString().ShouldBe("recruitment");
    }

    [Fact]
    public async Task A_lower_case_check_character_is_the_same_account()
    {
        var id = TestIds.NewResidentId();
        using var client = app.Anonymous();
        (await client.PostAsJsonAsync("/api/enrollment/accounts", Registration(id.ToLowerInvariant()))).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await app.TokenAsync(id.ToUpperInvariant(), Password)).ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task A_second_account_for_the_same_id_number_is_refused_and_the_first_password_still_works_ENR_09()
    {
        var id = TestIds.NewResidentId();
        using var client = app.Anonymous();
        (await client.PostAsJsonAsync("/api/enrollment/accounts", Registration(id))).StatusCode.ShouldBe(HttpStatusCode.Created);
        var second = await client.PostAsJsonAsync("/api/enrollment/accounts", Registration(id, "Other-pass-99"));
        await second.ShouldBeProblemAsync(HttpStatusCode.Conflict, "account.exists");
        (await app.TokenAsync(id, Password)).ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task An_id_number_with_a_wrong_check_character_is_refused_and_no_account_exists()
    {
        var id = TestIds.NewResidentId();
        var wrong = id[..17] + (id[17] == '0' ? '1' : '0');
        using var client = app.Anonymous();
        var response = await client.PostAsJsonAsync("/api/enrollment/accounts", Registration(wrong));
        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "account.invalid_document_number");
        problem.GetProperty("detail").GetString()!.ShouldContain("check character");
        await (await client.PostAsJsonAsync("/api/auth/token", new { login = wrong, password = Password }))
            .ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "auth.invalid_credentials");
    }

    [Theory]
    [InlineData("short1", "13812345678", "account.weak_password")]
    [InlineData("onlyletters", "13812345678", "account.weak_password")]
    [InlineData(Password, "23812345678", "account.invalid_mobile")]
    [InlineData(Password, "1381234567", "account.invalid_mobile")]
    public async Task Bad_passwords_and_mobiles_are_refused_and_change_nothing_ENR_12(string password, string mobile, string code)
    {
        var id = TestIds.NewResidentId();
        using var client = app.Anonymous();
        await (await client.PostAsJsonAsync("/api/enrollment/accounts", Registration(id, password, mobile)))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, code);
        // Nothing was created: the same number can still register properly.
        (await client.PostAsJsonAsync("/api/enrollment/accounts", Registration(id))).StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Other_document_types_are_accepted_with_their_type_code()
    {
        var passport = $"E{Random.Shared.Next(10_000_000, 99_999_999)}";
        using var client = app.Anonymous();
        var response = await client.PostAsJsonAsync("/api/enrollment/accounts",
            new { documentType = "PASSPORT", documentNumber = passport, password = Password, name = "Lee", mobile = "13812345678" });
        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var unknownType = await client.PostAsJsonAsync("/api/enrollment/accounts",
            new { documentType = "LIBRARY_CARD", documentNumber = "ABC12345", password = Password, name = "Lee", mobile = "13812345678" });
        await unknownType.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "account.unknown_document_type");
    }
}
