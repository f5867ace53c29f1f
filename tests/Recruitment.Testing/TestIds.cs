namespace Recruitment.Testing;

/// <summary>Fresh, valid PRC resident ID numbers, so every test owns its applicants.</summary>
public static class TestIds
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private static int _sequence = Random.Shared.Next(0, 500_000);

    public static string NewResidentId(DateOnly? birthDate = null)
    {
        var n = Interlocked.Increment(ref _sequence);
        var birth = birthDate ?? new DateOnly(1990, 1, 1).AddDays(n % 3000);
        // Region 22xxxx (Jilin) varied by the sequence, so numbers stay unique across a run.
        var body = $"22{n / 1000 % 10000:D4}{birth:yyyyMMdd}{n % 1000:D3}";
        var sum = body.Select((c, i) => (c - '0') * Weights[i]).Sum();
        return body + "10X98765432"[sum % 11];
    }
}
