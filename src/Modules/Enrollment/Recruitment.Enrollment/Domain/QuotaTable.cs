using CsvHelper;
using CsvHelper.Configuration;

namespace Recruitment.Enrollment.Domain;

/// <summary>
/// The residency quota table (003 Att2) as published: one row per specialty, one column per base,
/// "null" for "/" (not offered), a total column and a TOTAL row. Parsing re-runs the seed's
/// reconciliation (every row, every column and the grand total) and refuses a table that does not
/// add up (DOMAIN.md 2.6: "refuse to activate a cycle whose totals do not reconcile").
/// </summary>
internal static class QuotaTable
{
    public static IReadOnlyList<QuotaCell> Parse(string csvText, int expectedTotal)
    {
        using var csv = new CsvReader(new StringReader(csvText), new CsvConfiguration(CultureInfo.InvariantCulture) { TrimOptions = TrimOptions.Trim });
        csv.Read();
        csv.ReadHeader();
        var header = csv.HeaderRecord ?? throw new QuotaTableException(["the quota table has no header"]);
        if (header.Length < 3 || header[0] != "row" || header[^1] != "total")
            throw new QuotaTableException(["the header must read row,<base codes>,total"]);
        var bases = header[1..^1];

        var cells = new List<QuotaCell>();
        var rowTotals = new Dictionary<string, int>();
        Dictionary<string, int>? declaredColumnTotals = null;
        int? declaredGrandTotal = null;
        var problems = new List<string>();

        while (csv.Read())
        {
            var row = csv.GetField(0)!;
            var values = bases.Select((_, i) => ParseCell(csv.GetField(i + 1), row, bases[i], problems)).ToArray();
            var total = ParseCell(csv.GetField(bases.Length + 1), row, "total", problems);
            if (row == "TOTAL")
            {
                declaredColumnTotals = bases.Select((b, i) => (b, values[i] ?? 0)).ToDictionary(x => x.b, x => x.Item2);
                declaredGrandTotal = total;
                continue;
            }
            if (total is null) problems.Add($"row {row} has no total");
            var sum = values.Sum(v => v ?? 0);
            if (total is not null && sum != total) problems.Add($"row {row}: cells sum to {sum}, total says {total}");
            rowTotals[row] = sum;
            cells.AddRange(bases.Select((b, i) => new QuotaCell(b, row, values[i])));
        }

        if (declaredColumnTotals is null) problems.Add("the TOTAL row is missing");
        else
        {
            foreach (var b in bases)
            {
                var sum = cells.Where(c => c.BaseCode == b).Sum(c => c.Places ?? 0);
                if (sum != declaredColumnTotals[b]) problems.Add($"column {b}: cells sum to {sum}, TOTAL row says {declaredColumnTotals[b]}");
            }
            var grand = rowTotals.Values.Sum();
            if (grand != declaredGrandTotal) problems.Add($"grand total: rows sum to {grand}, TOTAL row says {declaredGrandTotal}");
            if (declaredColumnTotals.Values.Sum() != declaredGrandTotal) problems.Add("the TOTAL row's cells do not sum to its total");
            if (grand != expectedTotal) problems.Add($"grand total {grand} differs from the cycle's residency total {expectedTotal}");
        }

        if (problems.Count > 0) throw new QuotaTableException(problems);
        return cells;
    }

    private static int? ParseCell(string? text, string row, string column, List<string> problems)
    {
        if (text is null or "" or "null" or "/") return null;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n)) return n;
        problems.Add($"row {row}, column {column}: '{text}' is not a whole number or null");
        return null;
    }
}

internal sealed class QuotaTableException(IReadOnlyList<string> problems)
    : Exception("The quota table does not reconcile: " + string.Join("; ", problems))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
