namespace Recruitment.Web.Shared;

/// <summary>
/// The live "what is still missing" list while the applicant types: the server's completeness rules of the
/// three profile sections (ENR-10), with the same paths the server answers (basic.email, education[0].end).
/// The server's list after saving stays the authority.
/// </summary>
public static class ProfileChecklist
{
    public static List<string> Missing(BasicInformation? basic, List<Certificate>? certificates, List<Education>? education)
    {
        var missing = new List<string>();
        if (basic is null) missing.Add("basic");
        else
        {
            if (basic.Gender is null) missing.Add("basic.gender");
            if (basic.BirthDate is null) missing.Add("basic.birthDate");
            if (string.IsNullOrWhiteSpace(basic.Ethnicity)) missing.Add("basic.ethnicity");
            if (string.IsNullOrWhiteSpace(basic.Email) || !basic.Email.Contains('@', StringComparison.Ordinal)) missing.Add("basic.email");
            if (string.IsNullOrWhiteSpace(basic.Address)) missing.Add("basic.address");
            if (basic.FreeStudent is { } free)
            {
                if (free.Level is null) missing.Add("basic.freeStudent.level");
                if (string.IsNullOrWhiteSpace(free.DirectedEmployer)) missing.Add("basic.freeStudent.directedEmployer");
                if (string.IsNullOrWhiteSpace(free.DirectedCounty)) missing.Add("basic.freeStudent.directedCounty");
            }
        }
        if (certificates is null) missing.Add("certificates");
        else
            for (var i = 0; i < certificates.Count; i++)
            {
                var c = certificates[i];
                if (c.Type is null) missing.Add($"certificates[{i}].type");
                if (string.IsNullOrWhiteSpace(c.Number)) missing.Add($"certificates[{i}].number");
                if (c.IssuedOn is null) missing.Add($"certificates[{i}].issuedOn");
                if (c.Type == "PRACTISING")
                {
                    if (string.IsNullOrWhiteSpace(c.PracticeLocation)) missing.Add($"certificates[{i}].practiceLocation");
                    if (string.IsNullOrWhiteSpace(c.PracticeScope)) missing.Add($"certificates[{i}].practiceScope");
                }
            }
        if (education is not { Count: > 0 }) missing.Add("education");
        else
            for (var i = 0; i < education.Count; i++)
            {
                var e = education[i];
                if (e.Level is null) missing.Add($"education[{i}].level");
                if (e.Mode is null) missing.Add($"education[{i}].mode");
                if (e.DegreeType is null) missing.Add($"education[{i}].degreeType");
                if (string.IsNullOrWhiteSpace(e.School)) missing.Add($"education[{i}].school");
                if (string.IsNullOrWhiteSpace(e.Major)) missing.Add($"education[{i}].major");
                if (e.Start is null) missing.Add($"education[{i}].start");
                if (!e.InProgress && e.End is null) missing.Add($"education[{i}].end");
                if (!e.InProgress && string.IsNullOrWhiteSpace(e.DiplomaCertNumber)) missing.Add($"education[{i}].diplomaCertNumber");
            }
        return missing;
    }
}
