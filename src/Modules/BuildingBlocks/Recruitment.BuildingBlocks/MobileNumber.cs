using System.Text.RegularExpressions;

namespace Recruitment.BuildingBlocks;

/// <summary>ENR-12 (Decision): an accurate contact phone is a mainland mobile number, 11 digits starting with 1.</summary>
public static partial class MobileNumber
{
    [GeneratedRegex(@"^1\d{10}$")]
    private static partial Regex Pattern();

    public static bool IsValid(string? mobile) => mobile is not null && Pattern().IsMatch(mobile);
}
