namespace Recruitment.Testing;

/// <summary>Application bodies as <c>PUT /api/enrollment/me/application</c> takes them, for tests whose subject is elsewhere.</summary>
public static class TestApplications
{
    /// <summary>An independent applicant's choice of the 2024 cycle, with the declarations ENR-22 and ENR-28 ask of them.</summary>
    public static object Independent(string baseCode = "B01", string specialtyCode = "GP", bool requestsExemption = false) => new
    {
        year = 2024,
        baseCode,
        specialtyCode,
        category = "INDEPENDENT",
        declaresNoEmployment = true,
        acceptsReallocation = true,
        requestsExemption,
        declaration = true,
    };
}
