using System.Net;
using DigitalTwin.Tests.Infrastructure;

namespace DigitalTwin.Tests.Security;

/// <summary>The static forms (sign-in, change password, sign-out) refuse posts that lack this session's antiforgery token.</summary>
[Collection(AppCollection.Name)]
public sealed class AntiforgeryTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private readonly DigitalTwinAppFactory _app = fixture.App;

    [Fact]
    public async Task SignIn_WithToken_SignsIn()
    {
        using var session = new FormSession(_app);

        await session.SignInAsync(DigitalTwinAppFactory.AdminUserName, DigitalTwinAppFactory.AdminPassword);
    }

    [Fact]
    public async Task SignIn_WithoutToken_400AndNotSignedIn()
    {
        using var session = new FormSession(_app);
        await session.AntiforgeryTokenAsync("/account/login");

        using var response = await session.PostFormAsync("/account/login",
            FormSession.SignInFields(DigitalTwinAppFactory.AdminUserName, DigitalTwinAppFactory.AdminPassword, token: null));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(await session.IsSignedInAsync());
    }

    [Fact]
    public async Task SignIn_AnotherSessionsToken_400AndNotSignedIn()
    {
        // Login CSRF: a site posts its own account's credentials with a token it fetched for itself; the victim's
        // browser does not hold the matching antiforgery cookie.
        using var attacker = new FormSession(_app);
        var attackersToken = await attacker.AntiforgeryTokenAsync("/account/login");
        using var victim = new FormSession(_app);
        await victim.AntiforgeryTokenAsync("/account/login");

        using var response = await victim.PostFormAsync("/account/login",
            FormSession.SignInFields(DigitalTwinAppFactory.AdminUserName, DigitalTwinAppFactory.AdminPassword, attackersToken));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(await victim.IsSignedInAsync());
    }

    [Fact]
    public async Task SignOut_WithToken_SignsOut()
    {
        using var session = new FormSession(_app);
        await session.SignInAsync(DigitalTwinAppFactory.AdminUserName, DigitalTwinAppFactory.AdminPassword);
        var token = await session.AntiforgeryTokenAsync("/account/change-password");

        using var response = await session.PostFormAsync("/account/logout", [new("__RequestVerificationToken", token)]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.False(await session.IsSignedInAsync());
    }

    [Fact]
    public async Task SignOut_WithoutToken_400AndStillSignedIn()
    {
        using var session = new FormSession(_app);
        await session.SignInAsync(DigitalTwinAppFactory.AdminUserName, DigitalTwinAppFactory.AdminPassword);

        using var response = await session.PostFormAsync("/account/logout", []);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("AntiforgeryTokenInvalid", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(await session.IsSignedInAsync());
    }

    [Fact]
    public async Task ChangePassword_WithoutToken_400AndPasswordUnchanged()
    {
        await TestUsers.CreateAsync(_app.Services, "forms-user", TestUsers.Password, "Viewer");
        using var session = new FormSession(_app);
        await session.SignInAsync("forms-user", TestUsers.Password);
        await session.AntiforgeryTokenAsync("/account/change-password");

        using var response = await session.PostFormAsync("/account/change-password",
        [
            new("_handler", "change-password"),
            new("Input.CurrentPassword", TestUsers.Password),
            new("Input.NewPassword", "a-new-password-123"),
            new("Input.ConfirmPassword", "a-new-password-123"),
        ]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var again = new FormSession(_app);
        await again.SignInAsync("forms-user", TestUsers.Password);
    }
}
