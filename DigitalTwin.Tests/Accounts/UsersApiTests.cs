using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DigitalTwin.Core.Accounts;
using DigitalTwin.Tests.Infrastructure;

namespace DigitalTwin.Tests.Accounts;

/// <summary>/api/users over real HTTP: admins only, ProblemDetails for every refusal, the password shown once.</summary>
[Collection(AppCollection.Name)]
public sealed class UsersApiTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private readonly DigitalTwinAppFactory _app = fixture.App;

    [Theory]
    [InlineData(Roles.Viewer)]
    [InlineData(Roles.Operator)]
    [InlineData(Roles.Analyst)]
    public async Task Endpoints_NonAdmin_403(string role)
    {
        using var client = await _app.ClientForNewUserAsync($"api-{role.ToLowerInvariant()}", Roles.Viewer, role);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/users")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync("/api/users", new { userName = "sneaky", roles = new[] { "Admin" } })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PutAsJsonAsync("/api/users/admin/roles", new { roles = new[] { "Viewer" } })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync("/api/users/admin/disable", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync("/api/users/admin/reset-password", null)).StatusCode);
        Assert.Null(await _app.Users().GetAsync("sneaky"));
    }

    [Fact]
    public async Task Endpoints_Anonymous_401()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await _app.AnonymousHttp.GetAsync("/api/users")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _app.AnonymousHttp.PostAsync("/api/users/admin/unlock", null)).StatusCode);
    }

    [Fact]
    public async Task PostUsers_Valid_201WithPasswordThatSignsInAfterChange()
    {
        using var response = await _app.Http.PostAsJsonAsync("/api/users", new { userName = "api-made", displayName = "Made By API", roles = new[] { "Operator" } });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("/api/users/api-made", response.Headers.Location?.OriginalString);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var password = body.GetProperty("password").GetString()!;
        Assert.Equal("MustChangePassword", body.GetProperty("user").GetProperty("state").GetString());
        Assert.True(await _app.PasswordWorksAsync("api-made", password));
        // The generated password is a first-run one: a token needs a password of the user's own first.
        using var token = await _app.AnonymousHttp.PostAsJsonAsync("/api/auth/token", new { userName = "api-made", password });
        Assert.Equal(HttpStatusCode.Forbidden, token.StatusCode);
    }

    [Fact]
    public async Task PostUsers_InvalidFields_400NamingEachField()
    {
        using var response = await _app.Http.PostAsJsonAsync("/api/users", new { userName = "bad name!", displayName = "x\u0007", roles = new[] { "Boss" } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        Assert.True(errors.TryGetProperty("userName", out _));
        Assert.True(errors.TryGetProperty("displayName", out _));
        Assert.True(errors.TryGetProperty("roles", out _));
    }

    [Fact]
    public async Task PostUsers_Existing_409()
    {
        using var response = await _app.Http.PostAsJsonAsync("/api/users", new { userName = "Admin", roles = new[] { "Viewer" } });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("UserExists", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UserActions_UnknownUser_404Problem()
    {
        using var response = await _app.Http.PostAsync("/api/users/no-such-user/unlock", null);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task UserActions_RolesDisableEnableReset_StateFollows()
    {
        await TestUsers.CreateAsync(_app.Services, "api-cycle", TestUsers.Password, Roles.Viewer);

        var roles = await ReadAsync(await _app.Http.PutAsJsonAsync("/api/users/api-cycle/roles", new { roles = new[] { "Viewer", "Analyst" } }));
        Assert.Equal(["Viewer", "Analyst"], roles.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal("Disabled", (await ReadAsync(await _app.Http.PostAsync("/api/users/api-cycle/disable", null))).GetProperty("state").GetString());
        Assert.Equal("Active", (await ReadAsync(await _app.Http.PostAsync("/api/users/api-cycle/enable", null))).GetProperty("state").GetString());
        var reset = await ReadAsync(await _app.Http.PostAsync("/api/users/api-cycle/reset-password", null));
        Assert.True(await _app.PasswordWorksAsync("api-cycle", reset.GetProperty("password").GetString()!));
        var list = await ReadAsync(await _app.Http.GetAsync("/api/users"));
        Assert.Equal("MustChangePassword", list.EnumerateArray().Single(u => u.GetProperty("userName").GetString() == "api-cycle").GetProperty("state").GetString());
    }

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response)
    {
        using (response)
        {
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {body}");
            return JsonDocument.Parse(body).RootElement.Clone();
        }
    }
}
