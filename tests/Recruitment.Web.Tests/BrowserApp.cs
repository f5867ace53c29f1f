using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Recruitment.Web.Tests;

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserApp>
{
    public const string Name = "browser";
}

/// <summary>
/// The real host on Kestrel (a loopback port) with the test clock, serving the real web client, and
/// Debian's Chromium driven by Playwright. Nothing is downloaded: the browser is the installed one
/// (build/test.sh installs the `chromium` package when it is missing; CHROMIUM_PATH overrides the path).
/// </summary>
public sealed class BrowserApp : RecruitmentApp
{
    public const string ContentSecurityPolicy = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; " +
                                                "img-src 'self' data: blob:; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

    private IPlaywright? _playwright;

    /// <summary>A real SMTP server in the test process: reset codes and notifications arrive here.</summary>
    public TestSmtpServer Smtp { get; } = TestSmtpServer.Start();

    public IBrowser Browser { get; private set; } = default!;
    public string BaseUrl { get; private set; } = "";

    protected override IDictionary<string, string?> Settings()
    {
        var settings = base.Settings();
        foreach (var (key, value) in Smtp.HostSettings()) settings[key] = value;
        return settings;
    }

    protected override void Start()
    {
        UseKestrel(0);
        StartServer();
        BaseUrl = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/');
    }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
            Args = ["--no-sandbox"],
            Headless = true,
        });
    }

    public override async ValueTask DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        await Smtp.DisposeAsync();
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>
    /// A fresh browser context (no cookies, no storage) at a phone or desktop width, in Chinese, with the page
    /// clock at the test clock. HTML answers get the agreed Content-Security-Policy when the host does not send
    /// one yet, so a script the policy would block fails here too; console errors are collected.
    /// </summary>
    public async Task<BrowserPage> OpenAsync(int width = 1280, int height = 900)
    {
        var context = await Browser.NewContextAsync(new()
        {
            ViewportSize = new() { Width = width, Height = height },
            Locale = "zh-CN",
            TimezoneId = "Asia/Shanghai",
            IsMobile = width < 600,
            HasTouch = width < 600,
        });
        var page = await context.NewPageAsync();
        var console = new List<string>();
        // Errors only, and not the browser's note on each refused request (a 401 or 404 answer is an expected outcome):
        // what remains are script errors and Content-Security-Policy violations ("Refused to ...").
        page.Console += (_, m) =>
        {
            if (m.Type == "error" && !m.Text.StartsWith("Failed to load resource", StringComparison.Ordinal)) console.Add(m.Text);
        };
        page.PageError += (_, e) => console.Add(e);
        var answers = new List<Task<string>>();
        page.Response += (_, r) => { if (r.Url.Contains("/api/", StringComparison.Ordinal)) lock (answers) answers.Add(r.TextAsync()); };
        await page.RouteAsync("**/*", async route =>
        {
            if (route.Request.ResourceType != "document") { await route.ContinueAsync(); return; }
            var response = await route.FetchAsync();
            var headers = new Dictionary<string, string>(response.Headers);
            if (!headers.Keys.Any(k => k.Equals("content-security-policy", StringComparison.OrdinalIgnoreCase)))
                headers["content-security-policy"] = ContentSecurityPolicy;
            await route.FulfillAsync(new() { Response = response, Headers = headers });
        });
        await page.Clock.SetFixedTimeAsync(Clock.GetUtcNow().UtcDateTime);
        return new BrowserPage(this, context, page, console, answers);
    }
}

/// <summary>One browser tab of a test, with what its console reported.</summary>
public sealed class BrowserPage(BrowserApp app, IBrowserContext context, IPage page, List<string> console, List<Task<string>> answers) : IAsyncDisposable
{
    public IPage Page => page;
    public IReadOnlyList<string> Console => console;

    /// <summary>Every /api answer this tab received so far (bodies), to check what reached the browser at all.</summary>
    public async Task<IReadOnlyList<string>> ApiAnswersAsync()
    {
        Task<string>[] pending;
        lock (answers) pending = answers.ToArray();
        var bodies = new List<string>();
        foreach (var answer in pending)
        {
            try { bodies.Add(await answer); }
            catch (PlaywrightException) { /* a redirect or an aborted request has no body */ }
        }
        return bodies;
    }

    /// <summary>Waits for an element; when it never comes, the failure says what the page showed and logged instead.</summary>
    public async Task WaitAsync(ILocator locator)
    {
        try
        {
            await locator.WaitForAsync();
        }
        catch (TimeoutException e)
        {
            await ScreenshotAsync("failure");
            throw new TimeoutException($"{e.Message}\nPage: {await TextAsync()}\nConsole: {string.Join("\n", console)}", e);
        }
    }

    /// <summary>The visible text of the page.</summary>
    public Task<string> TextAsync() => page.Locator("body").InnerTextAsync();

    /// <summary>
    /// Goes to a page of the client. Once the client runs, this navigates inside it (as a click on a link does):
    /// a full reload would drop the in-memory access token, which only the refresh cookie can restore.
    /// </summary>
    public async Task GoAsync(string path)
    {
        var target = app.BaseUrl + "/" + path.TrimStart('/');
        if (!page.Url.StartsWith(app.BaseUrl, StringComparison.Ordinal) || await page.Locator(".mud-appbar").CountAsync() == 0)
        {
            await page.GotoAsync(target);
            // Blazor has started when the layout's app bar is there.
            await page.Locator(".mud-appbar").WaitForAsync(new() { Timeout = 60_000 });
            return;
        }
        // The same page again: leave it first, so it loads its data afresh.
        if (page.Url == target)
        {
            await page.EvaluateAsync("p => Blazor.navigateTo(p)", "/not-found");
            await page.WaitForURLAsync(app.BaseUrl + "/not-found");
        }
        await page.EvaluateAsync("p => Blazor.navigateTo(p)", "/" + path.TrimStart('/'));
        await page.WaitForURLAsync(target);
    }

    /// <summary>Moves the page's clock along with the host's test clock.</summary>
    public Task SyncClockAsync() => page.Clock.SetFixedTimeAsync(app.Clock.GetUtcNow().UtcDateTime);

    public async Task ScreenshotAsync(string name)
    {
        var directory = Environment.GetEnvironmentVariable("WEB_SCREENSHOTS");
        if (string.IsNullOrEmpty(directory)) return;
        Directory.CreateDirectory(directory);
        // From the top: scrolled down, the fixed app bar and drawer would be drawn in the middle of a full-page shot.
        await page.EvaluateAsync("() => window.scrollTo(0, 0)");
        await page.ScreenshotAsync(new() { Path = Path.Combine(directory, name + ".png"), FullPage = true });
    }

    /// <summary>The page as a phone (360 pixels unless told) and as a desktop shows it: phone-{name}.png and desktop-{name}.png.</summary>
    public async Task ScreenshotsAsync(string name, int phoneWidth = 360, int phoneHeight = 740)
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("WEB_SCREENSHOTS"))) return;
        var size = page.ViewportSize;
        foreach (var (prefix, width, height) in new[] { ("phone", phoneWidth, phoneHeight), ("desktop", 1280, 900) })
        {
            await page.SetViewportSizeAsync(width, height);
            // The layout (drawer, grid) follows the width after a frame or two.
            await page.WaitForTimeoutAsync(400);
            await ScreenshotAsync($"{prefix}-{name}");
        }
        if (size is not null) await page.SetViewportSizeAsync(size.Width, size.Height);
    }

    public async ValueTask DisposeAsync() => await context.DisposeAsync();
}
