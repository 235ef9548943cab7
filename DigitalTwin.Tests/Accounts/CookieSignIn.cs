using System.Net;
using System.Text.RegularExpressions;

namespace DigitalTwin.Tests.Accounts;

/// <summary>An HttpClient that signs in through the real sign-in form (antiforgery token and all) and keeps the cookie.</summary>
public static partial class CookieSignIn
{
    public static async Task<HttpClient> ClientAsync(Uri app, string userName, string password)
    {
        var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
        {
            BaseAddress = app,
        };
        using var response = await PostFormAsync(client, "/account/login", new()
        {
            ["Input.UserName"] = userName,
            ["Input.Password"] = password,
        });
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"sign-in as {userName}: {(int)response.StatusCode}");
        return client;
    }

    /// <summary>Posts a page's form the way a browser does: GET the page, take its hidden fields, add the given ones.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string path, Dictionary<string, string> fields)
    {
        var page = await client.GetStringAsync(path);
        var form = HiddenInput().Matches(page).ToDictionary(m => m.Groups["name"].Value, m => WebUtility.HtmlDecode(m.Groups["value"].Value));
        foreach (var (name, value) in fields)
        {
            form[name] = value;
        }
        return await client.PostAsync(path, new FormUrlEncodedContent(form));
    }

    [GeneratedRegex("<input type=\"hidden\" name=\"(?<name>[^\"]+)\" value=\"(?<value>[^\"]*)\"")]
    private static partial Regex HiddenInput();
}
