using System.Net;
using DigitalTwin.Tests.Infrastructure;

namespace DigitalTwin.Tests.Localization;

/// <summary>The language of a request: the culture cookie, else Accept-Language, else English; the switch's endpoint.</summary>
[Collection(AppCollection.Name)]
public sealed class RequestCultureTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private readonly DigitalTwinAppFactory _app = fixture.App;

    [Theory]
    [InlineData(null, null, "en")]
    [InlineData("ko-KR,ko;q=0.9,en;q=0.8", null, "ko")]
    [InlineData("fr-FR", null, "en")]
    [InlineData("ko-KR", "c=en|uic=en", "en")]
    [InlineData("en-US", "c=ko|uic=ko", "ko")]
    public async Task Page_LanguageFromCookieThenBrowser_HtmlLangAndTexts(string? acceptLanguage, string? cookie, string expected)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/account/login");
        if (acceptLanguage is not null)
        {
            request.Headers.Add("Accept-Language", acceptLanguage);
        }
        if (cookie is not null)
        {
            request.Headers.Add("Cookie", $".AspNetCore.Culture={Uri.EscapeDataString(cookie)}");
        }

        using var response = await _app.AnonymousHttp.SendAsync(request);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"<html lang=\"{expected}\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SetCulture_Korean_RemembersInCookieAndReturnsToThePage()
    {
        using var response = await _app.AnonymousHttp.GetAsync("/culture/set?culture=ko&redirectUri=%2Falerts%3Fstate%3Dactive");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/alerts?state=active", response.Headers.Location?.OriginalString);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Culture=", StringComparison.Ordinal));
        Assert.Contains("c%3Dko%7Cuic%3Dko", cookie, StringComparison.Ordinal);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example/")]
    [InlineData("/\\evil.example/")]
    public async Task SetCulture_RedirectElsewhere_GoesHome(string redirectUri)
    {
        using var response = await _app.AnonymousHttp.GetAsync($"/culture/set?culture=en&redirectUri={Uri.EscapeDataString(redirectUri)}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task SetCulture_Unsupported_BadRequestWithReason()
    {
        using var response = await _app.AnonymousHttp.GetAsync("/culture/set?culture=fr&redirectUri=%2F");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("\"reason\":\"unsupported-culture\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(response.Headers, h => h.Key == "Set-Cookie");
    }

    [Theory]
    [InlineData("ko-KR", "페이지를 찾을 수 없습니다")]
    [InlineData("en-US", "Page not found")]
    public async Task UnknownPage_SignedIn_NotFoundPageInTheLanguage(string acceptLanguage, string title)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/no-such-page");
        request.Headers.Add("Accept-Language", acceptLanguage);

        using var response = await _app.Http.SendAsync(request);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains(title, WebUtility.HtmlDecode(html), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApiError_KoreanBrowser_StaysEnglish()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/devices/no-such-device");
        request.Headers.Add("Accept-Language", "ko-KR");
        request.Headers.Add("Cookie", ".AspNetCore.Culture=c%3Dko%7Cuic%3Dko");

        using var response = await _app.Http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotMatch("[\uAC00-\uD7A3]", body);
        Assert.Contains("\"title\":", body, StringComparison.Ordinal);
    }
}
