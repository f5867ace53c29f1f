using System.Reflection;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Recruitment.BuildingBlocks;

namespace Recruitment.IntegrationTests.Hardening;

[CollectionDefinition(Name)]
public sealed class HardeningCollection : ICollectionFixture<HardeningApp>
{
    public const string Name = "hardening";
}

/// <summary>Who calls: every kind of caller the authorization matrix distinguishes.</summary>
public enum Caller
{
    Anonymous,
    Applicant,
    OtherApplicant,
    OtherBaseAdmin,
    BaseAdmin,
    Center,
    Phc,
    FellowshipAdmin,
    FellowshipApplicant,
    Operator,
    ApiKey,
}

/// <summary>One operation of the host, as its own endpoint list describes it.</summary>
public sealed record Operation(string Method, string Route, IReadOnlyList<string> Policies, bool Anonymous, MethodInfo? Handler, Type? BodyType)
{
    public string Key => $"{Method} {Route}";

    /// <summary>Route parameters with the CLR type of the handler parameter bound to each.</summary>
    public IReadOnlyList<(string Name, Type Type)> RouteParameters { get; init; } = [];

    /// <summary>Simple handler parameters that are not route values: the query string.</summary>
    public IReadOnlyList<(string Name, Type Type)> QueryParameters { get; init; } = [];

    public bool MayHaveBody => Method is "POST" or "PUT" or "PATCH" || BodyType is not null;

    public override string ToString() => Key;
}

/// <summary>
/// The host for the route-wide hardening tests, with one signed-in client per kind of caller and a few real
/// resources (an applicant's application at B01) for the ownership cases. Operations come from the host's own
/// endpoint list, so a new route is covered without anyone listing it.
/// </summary>
public sealed class HardeningApp : RecruitmentApp
{
    private readonly Dictionary<Caller, HttpClient> _clients = new();

    public IReadOnlyList<Operation> Operations { get; private set; } = [];
    public string ApplicantId { get; private set; } = "";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Operations = ReadOperations();
        _clients[Caller.Anonymous] = Anonymous();
        (_, _clients[Caller.Applicant]) = await RegisterAsync("/api/enrollment/accounts");
        (_, _clients[Caller.OtherApplicant]) = await RegisterAsync("/api/enrollment/accounts");
        (_, _clients[Caller.FellowshipApplicant]) = await RegisterAsync("/api/advanced-fellowship/accounts");
        _clients[Caller.BaseAdmin] = await SignedInAsync("t-b01");
        _clients[Caller.OtherBaseAdmin] = await SignedInAsync("t-b02");
        _clients[Caller.Center] = await SignedInAsync("t-center");
        _clients[Caller.Phc] = await SignedInAsync("t-phc");
        _clients[Caller.FellowshipAdmin] = await SignedInAsync("t-fellowship");
        _clients[Caller.Operator] = await SignedInAsync("t-operator");
        var key = await (await _clients[Caller.Operator].PostAsJsonAsync("/api/auth/api-keys", new { name = "hardening job" })).JsonAsync();
        var job = Anonymous();
        job.DefaultRequestHeaders.Add("X-Api-Key", key.GetProperty("key").GetString());
        _clients[Caller.ApiKey] = job;
    }

    public HttpClient Client(Caller caller) => _clients[caller];

    private async Task<(string Id, HttpClient Client)> RegisterAsync(string route)
    {
        var id = TestIds.NewResidentId(new DateOnly(1990, 3, 1).AddDays(Random.Shared.Next(0, 1500)));
        using var anonymous = Anonymous();
        var response = await anonymous.PostAsJsonAsync(route, new { documentNumber = id, password = "Hardening-2024", name = "韦" + id[^4..], mobile = "13812345678" });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        if (ApplicantId == "") ApplicantId = id;
        return (id, await SignedInAsync(id, "Hardening-2024"));
    }

    /// <summary>The caller a policy expects: the role that may use the route.</summary>
    public static Caller ExpectedCaller(Operation operation)
    {
        if (operation.Anonymous) return Caller.Anonymous;
        return (operation.Policies.Count > 0 ? operation.Policies[0] : null) switch
        {
            Policies.Applicant or Policies.AnyUser => Caller.Applicant,
            Policies.FellowshipApplicant => Caller.FellowshipApplicant,
            Policies.BaseAdmin or Policies.BaseOrCenterAdmin or Policies.AdmissionStaff => Caller.BaseAdmin,
            Policies.PhcAdmin => Caller.Phc,
            Policies.FellowshipAdmin => Caller.FellowshipAdmin,
            Policies.Operator => Caller.Operator,
            Policies.ScoreImport or Policies.AnyCaller => Caller.ApiKey,
            _ => Caller.Center,
        };
    }

    private List<Operation> ReadOperations()
    {
        var endpoints = Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();
        var operations = new List<Operation>();
        foreach (var endpoint in endpoints)
        {
            // Endpoints without a method (health checks) answer every method; GET stands for them.
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods is { Count: > 0 } declared ? declared : ["GET"];
            var route = "/" + string.Join("/", endpoint.RoutePattern.PathSegments.Select(s => string.Concat(s.Parts.Select(p => p switch
            {
                Microsoft.AspNetCore.Routing.Patterns.RoutePatternLiteralPart l => l.Content,
                Microsoft.AspNetCore.Routing.Patterns.RoutePatternParameterPart p1 => "{" + p1.Name + "}",
                _ => "",
            }))));
            // The API's operations; the web client's static files and its fallback page take no input.
            if (!(route.StartsWith("/api/", StringComparison.Ordinal) || route.StartsWith("/health/", StringComparison.Ordinal)
                  || route.StartsWith("/openapi/", StringComparison.Ordinal))) continue;
            var handler = endpoint.Metadata.GetMetadata<MethodInfo>();
            var routeNames = endpoint.RoutePattern.Parameters.Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
            var parameters = handler?.GetParameters() ?? [];
            var routeParameters = endpoint.RoutePattern.Parameters
                .Select(p => (p.Name, parameters.FirstOrDefault(h => string.Equals(h.Name, p.Name, StringComparison.OrdinalIgnoreCase))?.ParameterType ?? typeof(string)))
                .ToList();
            var queryParameters = parameters.Where(p => p.Name is not null && !routeNames.Contains(p.Name) && IsSimple(p.ParameterType))
                .Select(p => (p.Name!, p.ParameterType)).ToList();
            var policies = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).OfType<string>().ToList();
            var anonymous = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;
            var body = endpoint.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType;
            foreach (var method in methods)
                operations.Add(new Operation(method, route, policies, anonymous, handler, body) { RouteParameters = routeParameters, QueryParameters = queryParameters });
        }
        return operations.OrderBy(o => o.Route, StringComparer.Ordinal).ThenBy(o => o.Method, StringComparer.Ordinal).ToList();
    }

    private static bool IsSimple(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || type == typeof(Guid) || type == typeof(DateOnly)
               || type == typeof(DateTimeOffset) || type == typeof(DateTime);
    }

    /// <summary>
    /// A fingerprint of everything the modules store (row counts, last modification, last event), without Wolverine's
    /// own bookkeeping and without what a refusal records by design (the access audit, the failed-login counter):
    /// equal before and after a refused request means the request changed nothing.
    /// </summary>
    public async Task<string> StateAsync()
    {
        await using var connection = new NpgsqlConnection(Database.ConnectionString);
        await connection.OpenAsync();
        _stateQuery ??= await BuildStateQueryAsync(connection);
        await using var command = new NpgsqlCommand(_stateQuery, connection);
        return (string)(await command.ExecuteScalarAsync())!;
    }

    private string? _stateQuery;

    private static async Task<string> BuildStateQueryAsync(NpgsqlConnection connection)
    {
        var parts = new List<string>();
        await using var command = new NpgsqlCommand(
            """
            select t.table_schema, t.table_name,
                   exists(select 1 from information_schema.columns c where c.table_schema = t.table_schema and c.table_name = t.table_name and c.column_name = 'mt_last_modified'),
                   exists(select 1 from information_schema.columns c where c.table_schema = t.table_schema and c.table_name = t.table_name and c.column_name = 'seq_id')
            from information_schema.tables t
            where t.table_type = 'BASE TABLE' and t.table_schema not in ('pg_catalog', 'information_schema', 'wolverine', 'public', 'access_audit')
              and t.table_name <> 'mt_doc_loginthrottle'
            order by 1, 2
            """, connection);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var table = $"\"{reader.GetString(0)}\".\"{reader.GetString(1)}\"";
            var detail = reader.GetBoolean(2) ? "max(mt_last_modified)::text" : reader.GetBoolean(3) ? "max(seq_id)::text" : "''";
            parts.Add($"(select '{reader.GetString(0)}.{reader.GetString(1)}:' || count(*) || ':' || coalesce({detail}, '') from {table})");
        }
        return parts.Count == 0 ? "select ''" : "select concat_ws(' ', " + string.Join(", ", parts) + ")";
    }

    /// <summary>Waits until nothing changes any more (messages cascaded by an accepted request are handled).</summary>
    public async Task<string> SettledStateAsync()
    {
        var previous = await StateAsync();
        for (var i = 0; i < 50; i++)
        {
            await Task.Delay(150);
            var current = await StateAsync();
            if (current == previous) return current;
            previous = current;
        }
        return previous;
    }

    public static HttpContent JsonContent(string json, string contentType = "application/json")
    {
        var content = new StringContent(json);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return content;
    }
}
