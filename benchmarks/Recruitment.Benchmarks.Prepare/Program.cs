using System.Buffers.Binary;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using SkiaSharp;

// Set-up for the submissions and scores benchmarks of build/bench.sh; besides scores-measure, nothing here is measured.
//   cycle DIR OUT YEAR        copy DIR/recruitment-2024.json + quota-2024.csv to OUT as YEAR, calendar shifted so
//                             that registration opened yesterday (China Standard Time)
//   host URL COUNT YEAR FILE  register COUNT applicants on the host, sign them in, fill the profile, upload the
//                             photo and submit a first application (B01/GP); their tokens go to FILE, one a line
//   bare URL COUNT YEAR       seed COUNT applicants in the bare app and submit their first application (B01/GP)
//   scores-seed CONNECTION COUNT WARMUP CSV WARMUP_CSV
//                             roster COUNT residency candidates over B01..B12 with confirmed applications, and WARMUP
//                             assistant-GP candidates at B07; their score rows go to CSV and WARMUP_CSV (ScoreBench)
//   scores-measure URL API_KEY TOKEN CONNECTION CSV WARMUP_CSV HOST_PID POSTMASTER_PID OUT
//                             the measured run of the scores benchmark: COPY, import, COPY, finalisation, COPY
return args switch
{
    ["cycle", var dir, var output, var year] => Cycle(dir, output, int.Parse(year, CultureInfo.InvariantCulture)),
    ["host", var url, var count, var year, var file] => await Host(new Uri(url), int.Parse(count, CultureInfo.InvariantCulture),
        int.Parse(year, CultureInfo.InvariantCulture), file),
    ["bare", var url, var count, var year] => await Bare(new Uri(url), int.Parse(count, CultureInfo.InvariantCulture),
        int.Parse(year, CultureInfo.InvariantCulture)),
    ["scores-seed", var connection, var count, var warmUp, var csv, var warmUpCsv] => await ScoreBench.Seed(connection,
        int.Parse(count, CultureInfo.InvariantCulture), int.Parse(warmUp, CultureInfo.InvariantCulture), csv, warmUpCsv),
    ["scores-measure", var url, var key, var token, var connection, var csv, var warmUpCsv, var hostPid, var postmasterPid, var output] =>
        await ScoreBench.Measure(new Uri(url), key, token, connection, csv, warmUpCsv, int.Parse(hostPid, CultureInfo.InvariantCulture),
            int.Parse(postmasterPid, CultureInfo.InvariantCulture), output),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: prepare cycle DIR OUT YEAR | host URL COUNT YEAR TOKENS_FILE | bare URL COUNT YEAR"
                            + " | scores-seed CONNECTION COUNT WARMUP CSV WARMUP_CSV"
                            + " | scores-measure URL API_KEY TOKEN CONNECTION CSV WARMUP_CSV HOST_PID POSTMASTER_PID OUT");
    return 2;
}

static int Cycle(string dir, string output, int year)
{
    var definition = JsonNode.Parse(File.ReadAllText(Path.Combine(dir, "recruitment-2024.json")))!.AsObject();
    var calendar = definition["calendar"]!.AsObject();
    var cst = TimeSpan.FromHours(8);
    var open = DateTimeOffset.Parse(calendar["registrationOpen"]!.GetValue<string>(), CultureInfo.InvariantCulture);
    var today = DateOnly.FromDateTime(DateTimeOffset.UtcNow.ToOffset(cst).DateTime);
    var days = today.AddDays(-1).DayNumber - DateOnly.FromDateTime(open.DateTime).DayNumber;
    foreach (var (name, node) in calendar.ToList())
    {
        if (node?.GetValueKind() != JsonValueKind.String) continue;
        var text = node.GetValue<string>();
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            calendar[name] = date.AddDays(days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        else if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var moment))
            calendar[name] = moment.AddDays(days).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
    }
    definition["year"] = year;
    definition["source"] = $"synthetic benchmark cycle: the 2024 cycle as {year}, calendar shifted by {days} days";
    Directory.CreateDirectory(output);
    File.WriteAllText(Path.Combine(output, $"recruitment-{year}.json"), definition.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
    File.Copy(Path.Combine(dir, "quota-2024.csv"), Path.Combine(output, $"quota-{year}.csv"), overwrite: true);
    Console.Error.WriteLine($"prepare: cycle {year} written to {output}, registration open from {calendar["registrationOpen"]} "
                            + $"until before {calendar["registrationCloseExclusive"]}");
    return 0;
}

static async Task<int> Host(Uri url, int count, int year, string tokensFile)
{
    using var http = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromMinutes(2) };
    var photo = Photo();
    var tokens = new string[count];
    var first = Random.Shared.Next(0, 9_000_000 - count);
    var done = 0;
    await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, ct) =>
    {
        var id = Bench.ResidentId(first + i);
        const string password = "Bench-pass-2031";
        await Ok(await http.PostAsJsonAsync("accounts".Api(), new { documentNumber = id, password, name = "李四", mobile = "13912345678" }, ct));
        var signIn = await Ok(await http.PostAsJsonAsync("/api/auth/token", new { login = id, password }, ct));
        var token = (await signIn.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("accessToken").GetString()!;
        await Ok(await Send(HttpMethod.Put, "me/profile".Api(), token, new StringContent(Bench.Profile, Encoding.UTF8, "application/json"), ct));
        var image = new ByteArrayContent(photo);
        image.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        await Ok(await Send(HttpMethod.Put, "me/photo".Api(), token, image, ct));
        await Ok(await Send(HttpMethod.Put, "me/application".Api(), token, new StringContent(Application(year, "B01"), Encoding.UTF8, "application/json"), ct));
        tokens[i] = token;
        if (Interlocked.Increment(ref done) % 250 == 0) Console.Error.WriteLine($"prepare: {done}/{count} applicants on the host");
    });
    await File.WriteAllLinesAsync(tokensFile, tokens);
    return 0;

    Task<HttpResponseMessage> Send(HttpMethod method, string path, string token, HttpContent content, CancellationToken ct)
    {
        var request = new HttpRequestMessage(method, path) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http.SendAsync(request, ct);
    }
}

static async Task<int> Bare(Uri url, int count, int year)
{
    using var http = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromMinutes(2) };
    await Ok(await http.PostAsync($"/applicants/{count}", new StringContent(Bench.Profile, Encoding.UTF8, "application/json")));
    await Parallel.ForEachAsync(Enumerable.Range(1, count), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (n, ct) =>
        await Ok(await http.PutAsync($"/applications/{n}", new StringContent(Application(year, "B01"), Encoding.UTF8, "application/json"), ct)));
    return 0;
}

static async Task<HttpResponseMessage> Ok(HttpResponseMessage response)
{
    if (!response.IsSuccessStatusCode)
        throw new HttpRequestException($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: {(int)response.StatusCode} "
                                       + await response.Content.ReadAsStringAsync(), null, response.StatusCode);
    return response;
}

/// <summary>The body of PUT /me/application (and of the bare app's PUT /applications/{n}); the wrk script sends the same.</summary>
static string Application(int year, string baseCode) =>
    $$"""{"year":{{year}},"baseCode":"{{baseCode}}","specialtyCode":"GP","category":"INDEPENDENT","declaresNoEmployment":true,"acceptsReallocation":true,"requestsExemption":false,"declaration":true}""";

/// <summary>A small JPEG grown to 160,000 bytes with comment segments (ENR-11 accepts 153,600 to 307,200).</summary>
static byte[] Photo()
{
    using var bitmap = new SKBitmap(120, 160, SKColorType.Rgba8888, SKAlphaType.Opaque);
    using (var canvas = new SKCanvas(bitmap))
    {
        canvas.Clear(SKColors.SteelBlue);
        using var face = new SKPaint { Color = SKColors.SaddleBrown, IsAntialias = true };
        canvas.DrawCircle(60, 64, 30, face);
    }
    using var image = SKImage.FromBitmap(bitmap);
    var jpeg = image.Encode(SKEncodedImageFormat.Jpeg, 90).ToArray();
    // Comment segments of 4 to 65,537 bytes after the JFIF header, as the tests pad theirs (TestImages.PadJpeg).
    var needed = 160_000 - jpeg.Length;
    var count = (needed + 65536) / 65537;
    var padding = new List<byte>();
    for (var i = 0; i < count; i++)
    {
        var segment = new byte[needed / count + (i < needed % count ? 1 : 0)];
        segment[0] = 0xFF;
        segment[1] = 0xFE;
        BinaryPrimitives.WriteUInt16BigEndian(segment.AsSpan(2), (ushort)(segment.Length - 2));
        segment.AsSpan(4).Fill((byte)'.');
        padding.AddRange(segment);
    }
    var at = jpeg[3] == 0xE0 ? 4 + BinaryPrimitives.ReadUInt16BigEndian(jpeg.AsSpan(4)) : 2;
    return [.. jpeg[..at], .. padding, .. jpeg[at..]];
}

internal static class Bench
{
    public static string Api(this string path) => $"/api/enrollment/{path}";

    /// <summary>A valid PRC resident ID number (Jilin region, check digit), unique per n below 10,000,000.</summary>
    public static string ResidentId(int n)
    {
        int[] weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
        var birth = new DateOnly(1990, 1, 1).AddDays(n % 3000);
        var body = string.Create(CultureInfo.InvariantCulture, $"22{n / 1000 % 10000:D4}{birth:yyyyMMdd}{n % 1000:D3}");
        var sum = body.Select((c, i) => (c - '0') * weights[i]).Sum();
        return body + "10X98765432"[sum % 11];
    }

    public const string Profile = """
        {"basic":{"gender":"FEMALE","birthDate":"1999-05-01","ethnicity":"Han","email":"applicant@example.cn","address":"Changchun, Jilin",
         "isPovertyAlleviatedArea":false,"freeStudent":null},
         "certificates":[],
         "education":[{"level":"BACHELOR","mode":"FULL_TIME","degreeType":"PROFESSIONAL","school":"Jilin University","major":"Clinical Medicine",
         "country":"CN","start":"2019-09-01","end":"2024-06-30","inProgress":false,"diplomaCertNumber":"DIP-1001","degreeCertNumber":"DEG-1001"}]}
        """;
}
