namespace Recruitment.IntegrationTests.Hardening;

/// <summary>
/// Every operation of the host, called by every kind of caller, against the checked-in table
/// <c>authorization-matrix.csv</c> of who may pass: <c>Y</c> (authorization lets the call through: any answer but
/// 401/403) or <c>-</c> (401 or 403). Route values name base B01, so "other base admin" is the admin of B02 acting on
/// B01; ids are fresh GUIDs, so resource-level checks on ids (an applicant's own application) are left to the module
/// tests. A route without a row fails with the row to add.
/// </summary>
[Collection(HardeningCollection.Name)]
public sealed class AuthorizationMatrixTests(HardeningApp app, ITestOutputHelper output)
{
    public static readonly Caller[] Columns =
    [
        Caller.Anonymous, Caller.Applicant, Caller.OtherApplicant, Caller.FellowshipApplicant, Caller.BaseAdmin, Caller.OtherBaseAdmin,
        Caller.Center, Caller.Phc, Caller.FellowshipAdmin, Caller.Operator, Caller.ApiKey,
    ];

    private static string TablePath => Path.Combine(AppContext.BaseDirectory, "Hardening", "authorization-matrix.csv");

    [Fact]
    public async Task Every_operation_admits_exactly_the_callers_its_row_says()
    {
        var table = ReadTable();
        var observed = new Dictionary<string, string>();
        foreach (var operation in app.Operations.Where(o => o.Method is not ("HEAD" or "OPTIONS")))
        {
            var row = new StringBuilder();
            foreach (var caller in Columns)
            {
                using var request = new HttpRequestMessage(new HttpMethod(operation.Method), PathOf(operation));
                if (operation.MayHaveBody) request.Content = HardeningApp.JsonContent("{}");
                var response = await app.Client(caller).SendAsync(request);
                var status = (int)response.StatusCode;
                status.ShouldBeLessThan(500, $"{caller} {operation}: {await response.Content.ReadAsStringAsync()}");
                row.Append(row.Length == 0 ? "" : ",").Append(status is 401 or 403 ? "-" : "Y");
            }
            observed[operation.Key] = row.ToString();
        }

        var expectedHeader = "method,route," + string.Join(",", Columns.Select(Column));
        output.WriteLine(expectedHeader);
        foreach (var (key, row) in observed) output.WriteLine($"{key.Replace(' ', ',')},{row}");

        var problems = new List<string>();
        foreach (var (key, row) in observed)
        {
            if (!table.TryGetValue(key, out var expected))
                problems.Add($"no row for {key}: add the line \"{key.Replace(' ', ',')},{row}\" to tests/Recruitment.IntegrationTests/Hardening/authorization-matrix.csv " +
                             "after checking that each Y (may call) and - (refused with 401/403) is what the route should allow");
            else if (expected != row)
                problems.Add($"{key}: the table says {Describe(expected)} but the host lets through {Describe(row)}");
        }
        foreach (var key in table.Keys.Where(k => !observed.ContainsKey(k)))
            problems.Add($"the table has a row for {key}, which the host no longer has: remove it");
        problems.ShouldBeEmpty(string.Join("\n", problems));
    }

    private static string Describe(string row) =>
        string.Join(" ", row.Split(',').Zip(Columns).Select(p => $"{Column(p.Second)}={p.First}"));

    private static string Column(Caller caller) => caller switch
    {
        Caller.Anonymous => "anonymous",
        Caller.Applicant => "applicant",
        Caller.OtherApplicant => "other-applicant",
        Caller.FellowshipApplicant => "fellowship-applicant",
        Caller.BaseAdmin => "base-admin-B01",
        Caller.OtherBaseAdmin => "base-admin-B02",
        Caller.Center => "center",
        Caller.Phc => "phc",
        Caller.FellowshipAdmin => "fellowship-admin",
        Caller.Operator => "operator",
        _ => "api-key",
    };

    private static string PathOf(Operation operation) =>
        operation.RouteParameters.Aggregate(operation.Route, (route, p) => route.Replace("{" + p.Name + "}", (Nullable.GetUnderlyingType(p.Type) ?? p.Type) switch
        {
            var t when t == typeof(Guid) => Guid.NewGuid().ToString(),
            var t when t == typeof(int) => "2024",
            _ => p.Name.ToLowerInvariant() switch { "basecode" => "B01", "specialtycode" => "GP", _ => "x" },
        }));

    private static Dictionary<string, string> ReadTable()
    {
        File.Exists(TablePath).ShouldBeTrue($"{TablePath} is missing");
        var rows = new Dictionary<string, string>();
        foreach (var line in File.ReadAllLines(TablePath))
        {
            if (string.IsNullOrWhiteSpace(line) || line.StartsWith('#') || line.StartsWith("method,", StringComparison.Ordinal)) continue;
            var cells = line.Split(',');
            cells.Length.ShouldBe(2 + Columns.Length, $"authorization-matrix.csv: '{line}' has {cells.Length} cells");
            rows.Add($"{cells[0]} {cells[1]}", string.Join(",", cells.Skip(2)));
        }
        return rows;
    }
}
