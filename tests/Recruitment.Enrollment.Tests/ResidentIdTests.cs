namespace Recruitment.Enrollment.Tests;

/// <summary>ENR-09: the PRC resident ID number is checked for length, birth date and check character.</summary>
public sealed class ResidentIdTests
{
    private static readonly DateOnly Today = new(2024, 6, 14);

    [Theory]
    [InlineData("11010519491231002X")]
    [InlineData("11010519491231002x")]
    [InlineData("440524198001010013")]
    public void Valid_numbers_pass(string number) => ResidentId.Problem(number, Today).ShouldBeNull();

    [Theory]
    [InlineData("110105194912310021", "check character")]
    [InlineData("11010519491231002", "18 characters")]
    [InlineData("1101051949123100211", "18 characters")]
    [InlineData("11010519491331002X", "birth date")]
    [InlineData("11010520990101002X", "birth date")]
    [InlineData("A1010519491231002X", "digits")]
    [InlineData("01010519491231002X", "region code")]
    public void Invalid_numbers_say_why(string number, string reason) =>
        ResidentId.Problem(number, Today)!.ShouldContain(reason);
}
