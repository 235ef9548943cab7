using System.Net;
using System.Text.RegularExpressions;
using DigitalTwin.Tests.Infrastructure;

namespace DigitalTwin.Tests.Security;

/// <summary>
/// A browser without a browser: an HttpClient with its own cookie jar that reads the app's static forms (with their
/// antiforgery token) and posts them as a browser would, without following redirects.
/// </summary>
public sealed partial class FormSession : IDisposable
{
    private readonly HttpClient _client;

    public FormSession(DigitalTwinAppFactory app)
    {
        var handler = new HttpClientHandler { CookieContainer = Cookies, AllowAutoRedirect = false };
        _client = new HttpClient(handler) { BaseAddress = app.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    public CookieContainer Cookies { get; } = new();

    public HttpClient Http => _client;

    /// <summary>GET the page and the antiforgery token of its (first) form; the matching cookie lands in the jar.</summary>
    public async Task<string> AntiforgeryTokenAsync(string path)
    {
        var html = await _client.GetStringAsync(path);
        return TokenField().Match(html) is { Success: true } match
            ? WebUtility.HtmlDecode(match.Groups["token"].Value)
            : throw new InvalidOperationException($"{path} has no antiforgery token.");
    }

    public Task<HttpResponseMessage> PostFormAsync(string path, IEnumerable<KeyValuePair<string, string>> fields) =>
        _client.PostAsync(path, new FormUrlEncodedContent(fields));

    /// <summary>The sign-in page's form fields, with the token when one is given.</summary>
    public static List<KeyValuePair<string, string>> SignInFields(string userName, string password, string? token) =>
    [
        new("_handler", "sign-in"),
        new("Input.UserName", userName),
        new("Input.Password", password),
        .. token is null ? [] : new[] { new KeyValuePair<string, string>("__RequestVerificationToken", token) },
    ];

    /// <summary>Signs in through the sign-in page's form, as a person would.</summary>
    public async Task SignInAsync(string userName, string password)
    {
        var token = await AntiforgeryTokenAsync("/account/login");
        using var response = await PostFormAsync("/account/login", SignInFields(userName, password, token));
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"sign-in: {(int)response.StatusCode}");
        Assert.True(await IsSignedInAsync(), "signed in after the sign-in form");
    }

    /// <summary>Whether a page opens (200) rather than redirecting to the sign-in page.</summary>
    public async Task<bool> IsSignedInAsync()
    {
        using var response = await _client.GetAsync("/devices");
        return response.StatusCode == HttpStatusCode.OK;
    }

    public void Dispose() => _client.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"(?<token>[^\"]+)\"")]
    private static partial Regex TokenField();
}
