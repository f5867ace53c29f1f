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

/// <summary>
/// Registration writes the Identity account and then Enrollment's applicant, in two stores: a retry after the
/// second step failed must end in exactly one account and one applicant.
/// </summary>
[Collection(EnrollmentCollection.Name)]
public sealed class RegistrationRetryTests(RecruitmentApp app)
{
    [Fact]
    public async Task A_retry_after_the_applicant_could_not_be_stored_ends_in_one_account_and_one_applicant()
    {
        var id = TestIds.NewResidentId();
        var registration = new { documentNumber = id, password = "Applicant-2024", name = "张三", mobile = "13812345678" };
        var trigger = $"fail_applicant_{Guid.NewGuid():N}";
        await using var connection = new Npgsql.NpgsqlConnection(app.Database.ConnectionString);
        await connection.OpenAsync();
        // The second step fails for this document number only: a real database error, not a stand-in.
        await Execute(connection, $"""
            create function enrollment.{trigger}() returns trigger language plpgsql as $$
            begin
              if coalesce(new.data->>'documentNumber', new.data->>'DocumentNumber') = '{id}' then raise exception 'applicant store unavailable'; end if;
              return new;
            end $$;
            create trigger {trigger} before insert on enrollment.mt_doc_applicant for each row execute function enrollment.{trigger}();
            """);
        using var client = app.Anonymous();
        try
        {
            var failed = await client.PostAsJsonAsync("/api/enrollment/accounts", registration);
            ((int)failed.StatusCode).ShouldBeGreaterThanOrEqualTo(500);
        }
        finally
        {
            await Execute(connection, $"drop trigger {trigger} on enrollment.mt_doc_applicant; drop function enrollment.{trigger}();");
        }

        (await client.PostAsJsonAsync("/api/enrollment/accounts", registration)).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await Count(connection, $"select count(*) from identity.mt_doc_account where coalesce(data->>'login', data->>'Login') = '{id}'")).ShouldBe(1);
        (await Count(connection, $"select count(*) from enrollment.mt_doc_applicant where coalesce(data->>'documentNumber', data->>'DocumentNumber') = '{id}'")).ShouldBe(1);
        (await app.TokenAsync(id, "Applicant-2024")).ShouldNotBeNullOrEmpty();

        // Once complete, the same registration again is a duplicate, as before.
        await (await client.PostAsJsonAsync("/api/enrollment/accounts", registration)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "account.exists");
    }

    private static async Task Execute(Npgsql.NpgsqlConnection connection, string sql)
    {
        await using var command = new Npgsql.NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<long> Count(Npgsql.NpgsqlConnection connection, string sql)
    {
        await using var command = new Npgsql.NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
