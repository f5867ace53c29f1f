using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Components.WebAssembly.Http;

namespace Recruitment.Web.Api;

/// <summary>
/// The one way pages talk to the server: the public /api routes, the access token from memory, the UI
/// language as Accept-Language (the server localises <c>detail</c> by it), and no browser caching of API
/// answers, so nothing personal (and no admission result) is ever served from a cache.
/// A 401 on a signed-in call tries one refresh (the HttpOnly cookie) and repeats the call once.
/// </summary>
public sealed class ApiClient(HttpClient http, Session session, Texts texts)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public Task<ApiResult<T>> GetAsync<T>(string url) => SendAsync<T>(() => new HttpRequestMessage(HttpMethod.Get, url));

    public Task<ApiResult<T>> PutAsync<T>(string url, object body) =>
        SendAsync<T>(() => new HttpRequestMessage(HttpMethod.Put, url) { Content = JsonContent.Create(body, options: Json) });

    public Task<ApiResult<T>> PostAsync<T>(string url, object body) =>
        SendAsync<T>(() => new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body, options: Json) });

    public Task<ApiResult<T>> DeleteAsync<T>(string url) => SendAsync<T>(() => new HttpRequestMessage(HttpMethod.Delete, url));

    public Task<ApiResult<T>> PutBytesAsync<T>(string url, byte[] bytes, string contentType) =>
        SendAsync<T>(() =>
        {
            var content = new ByteArrayContent(bytes);
            content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
            return new HttpRequestMessage(HttpMethod.Put, url) { Content = content };
        });

    /// <summary>Raw bytes (the stored photo); null when absent or refused.</summary>
    public async Task<byte[]?> GetBytesAsync(string url)
    {
        using var response = await SendRawAsync(() => new HttpRequestMessage(HttpMethod.Get, url));
        return response is { IsSuccessStatusCode: true } ? await response.Content.ReadAsByteArrayAsync() : null;
    }

    /// <summary>A file (a PDF) with the caller's token; its bytes, or the server's refusal.</summary>
    public async Task<(byte[]? Bytes, Problem? Problem)> GetFileAsync(string url)
    {
        try
        {
            using var response = await SendRawAsync(() => new HttpRequestMessage(HttpMethod.Get, url));
            return response.IsSuccessStatusCode ? (await response.Content.ReadAsByteArrayAsync(), null) : (null, await ProblemOf(response));
        }
        catch (HttpRequestException)
        {
            return (null, Problem.Network(texts["error.network"]));
        }
    }

    /// <summary>POST /api/auth/token; the answer's access token stays in <see cref="Session"/> only.</summary>
    public async Task<Problem?> SignInAsync(string login, string password)
    {
        var result = await PostAsync<TokenResponse>("/api/auth/token", new { login, password });
        if (!result.Ok) return result.Problem;
        session.SignIn(result.Value!);
        return null;
    }

    /// <summary>Who is signed in (GET /api/auth/whoami), asked once per sign-in and kept in <see cref="Session"/>.</summary>
    public async Task<CallerView?> WhoAmIAsync()
    {
        if (!session.IsSignedIn) return null;
        if (session.Caller is { } known) return known;
        var result = await GetAsync<CallerView>("/api/auth/whoami");
        if (result.Value is { } caller && session.IsSignedIn) session.Identified(caller);
        return result.Value;
    }

    /// <summary>
    /// POST /api/auth/refresh with the HttpOnly cookie (sent by the browser to that path only). A missing
    /// route (404, before the refresh feature is deployed), 401 or any failure means signed out.
    /// </summary>
    public async Task<bool> RefreshAsync()
    {
        try
        {
            using var request = Prepare(new HttpRequestMessage(HttpMethod.Post, "/api/auth/refresh") { Content = JsonContent.Create(new { }) }, withToken: false);
            using var response = await http.SendAsync(request);
            if (!response.IsSuccessStatusCode) return false;
            var token = await response.Content.ReadFromJsonAsync<TokenResponse>(Json);
            if (token?.AccessToken is null) return false;
            session.SignIn(token);
            return true;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    /// <summary>Revokes the refresh token on the server (when the route exists) and forgets the access token.</summary>
    public async Task SignOutAsync()
    {
        try
        {
            using var request = Prepare(new HttpRequestMessage(HttpMethod.Post, "/api/auth/sign-out") { Content = JsonContent.Create(new { }) }, withToken: true);
            using var _ = await http.SendAsync(request);
        }
        catch (HttpRequestException)
        {
            // Signing out locally must not depend on the network.
        }
        session.SignOut();
    }

    private async Task<ApiResult<T>> SendAsync<T>(Func<HttpRequestMessage> create)
    {
        HttpResponseMessage? response;
        try
        {
            response = await SendRawAsync(create);
        }
        catch (HttpRequestException)
        {
            return new ApiResult<T>(default, Problem.Network(texts["error.network"]), 0);
        }
        using (response)
        {
            var status = (int)response!.StatusCode;
            if (response.IsSuccessStatusCode)
            {
                var value = response.StatusCode == HttpStatusCode.NoContent || response.Content.Headers.ContentLength == 0
                    ? default
                    : await response.Content.ReadFromJsonAsync<T>(Json);
                return new ApiResult<T>(value, null, status);
            }
            return new ApiResult<T>(default, await ProblemOf(response), status);
        }
    }

    private static async Task<Problem> ProblemOf(HttpResponseMessage response)
    {
        Problem? problem = null;
        try
        {
            problem = await response.Content.ReadFromJsonAsync<Problem>(Json);
        }
        catch (JsonException)
        {
            // Not a problem document (a proxy's HTML page): fall back to the status below.
        }
        return (problem ?? new Problem()) with { Status = (int)response.StatusCode };
    }

    private async Task<HttpResponseMessage> SendRawAsync(Func<HttpRequestMessage> create)
    {
        var hadToken = session.IsSignedIn;
        var response = await http.SendAsync(Prepare(create(), withToken: true));
        if (response.StatusCode != HttpStatusCode.Unauthorized || !hadToken) return response;
        // The access token expired: one refresh, one retry; otherwise the user is signed out.
        response.Dispose();
        if (!await RefreshAsync())
        {
            session.SignOut();
            return await http.SendAsync(Prepare(create(), withToken: false));
        }
        return await http.SendAsync(Prepare(create(), withToken: true));
    }

    private HttpRequestMessage Prepare(HttpRequestMessage request, bool withToken)
    {
        request.Headers.AcceptLanguage.Add(new StringWithQualityHeaderValue(texts.Language));
        if (withToken && session.AccessToken is { } token)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        // Personal answers (status, scores, admission) must never come out of the browser cache.
        request.SetBrowserRequestCache(BrowserRequestCache.NoStore);
        return request;
    }
}
