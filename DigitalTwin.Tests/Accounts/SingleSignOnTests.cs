using System.Text.Json;
using DigitalTwin.Core.Accounts;
using DigitalTwin.Tests.EndToEnd;
using DigitalTwin.Tests.Infrastructure;
using DigitalTwin.Web.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace DigitalTwin.Tests.Accounts;

/// <summary>A real OpenID provider (OpenIddict) and the real app with single sign-on on it.</summary>
public sealed class SingleSignOnFixture : IAsyncLifetime
{
    public LocalOpenIdProvider Provider { get; } = new();

    public DigitalTwinAppFactory App { get; } = new();

    public async Task InitializeAsync()
    {
        await Provider.StartAsync();
        App.Settings["Auth:Oidc:Authority"] = Provider.Authority.ToString();
        App.Settings["Auth:Oidc:ClientId"] = LocalOpenIdProvider.ClientId;
        App.Settings["Auth:Oidc:ClientSecret"] = LocalOpenIdProvider.ClientSecret;
        App.Settings["Auth:Oidc:RoleScope"] = LocalOpenIdProvider.RoleScope;
        App.Settings["Auth:Oidc:DisplayName"] = "Grid Login";
        await App.StartAsync();
        await Provider.RegisterClientAsync(App.BaseAddress);
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await Provider.DisposeAsync();
    }
}

/// <summary>
/// The whole single sign-on in a real browser: the sign-in page's button, the provider's authorize endpoint, the code
/// exchange, and back in the app as a local user whose roles come from the provider's "roles" claim.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class SingleSignOnTests(SingleSignOnFixture sso, BrowserFixture browser) : IClassFixture<SingleSignOnFixture>, IClassFixture<BrowserFixture>
{
    private DigitalTwinAppFactory App => sso.App;

    [Fact]
    public async Task SignIn_ProviderGrantsRoles_SignedInAsLinkedUserWithThoseRoles()
    {
        sso.Provider.User = new("subject-alice", "alice", "Alice Example", ["operator", Roles.Viewer]);

        var page = await SignInThroughProviderAsync("/devices");

        Assert.EndsWith("/devices", new Uri(page.Url).AbsolutePath, StringComparison.Ordinal);
        await Assertions.Expect(page.GetByTestId("user-menu-button")).ToContainTextAsync("Alice Example");
        var me = await MeAsync(page);
        Assert.Equal("alice", me.UserName);
        Assert.Equal(new[] { Roles.Operator, Roles.Viewer }, me.Roles.Order());
        var user = await FindByLoginAsync("subject-alice");
        Assert.Equal("alice", user.UserName);
        Assert.Equal(SingleSignOnExtensions.ProviderName, user.ExternalProvider);
        Assert.Null(user.PasswordHash);
        var audit = await AuditAsync("alice");
        Assert.Contains(audit, a => a.Action == "user.create" && a.Summary.Contains("single sign-on", StringComparison.Ordinal));
        Assert.Contains(audit, a => a.Action == "user.sign-in" && a.Summary.Contains("single sign-on (Grid Login)", StringComparison.Ordinal));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task SignIn_SecondTimeWithOtherRoles_LocalRolesFollowTheProvider()
    {
        sso.Provider.User = new("subject-bob", "bob", "Bob", [Roles.Viewer]);
        var first = await SignInThroughProviderAsync("/");
        Assert.Equal(new[] { Roles.Viewer }, (await MeAsync(first)).Roles);
        await first.Context.CloseAsync();

        sso.Provider.User = sso.Provider.User with { Roles = [Roles.Analyst, Roles.Admin, "Superuser"] };
        var second = await SignInThroughProviderAsync("/");

        Assert.Equal(new[] { Roles.Admin, Roles.Analyst }, (await MeAsync(second)).Roles.Order());
        var user = await FindByLoginAsync("subject-bob");
        Assert.Equal("bob", user.UserName);
        Assert.Contains(await AuditAsync("bob"), a => a.Action == "user.roles" && a.Summary.Contains("roles Viewer → Admin, Analyst", StringComparison.Ordinal));
        await second.Context.CloseAsync();
    }

    [Fact]
    public async Task SignIn_ProviderGrantsNoKnownRole_RefusedOnSignInPageAndNoUserCreated()
    {
        sso.Provider.User = new("subject-carol", "carol", "Carol", ["Superuser", "staff"]);

        var page = await SignInThroughProviderAsync("/", expectSignedIn: false);

        Assert.Equal("/account/login", new Uri(page.Url).AbsolutePath);
        await Assertions.Expect(page.GetByTestId("sign-in-error")).ToContainTextAsync("none of the roles");
        await BrowserFixture.ScreenshotAsync(page, "sso-refused-no-role.png");
        await using var scope = App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        Assert.Null(await users.FindByLoginAsync(SingleSignOnExtensions.ProviderName, "subject-carol"));
        Assert.Null(await users.FindByNameAsync("carol"));
        Assert.Contains(await AuditAsync("carol"), a => a.Action == "user.sign-in-failed");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task SignIn_ProviderUserNamedLikeLocalAdmin_GetsOwnAccountNotTheAdmins()
    {
        sso.Provider.User = new("subject-impostor", DigitalTwinAppFactory.AdminUserName, "Not The Admin", [Roles.Viewer]);

        var page = await SignInThroughProviderAsync("/");

        var me = await MeAsync(page);
        Assert.Equal($"{DigitalTwinAppFactory.AdminUserName}-2", me.UserName);
        Assert.Equal(new[] { Roles.Viewer }, me.Roles);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task SignIn_DisabledSsoUser_RefusedWithMessage()
    {
        sso.Provider.User = new("subject-dave", "dave", "Dave", [Roles.Viewer]);
        var first = await SignInThroughProviderAsync("/");
        await first.Context.CloseAsync();
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var dave = (await users.FindByLoginAsync(SingleSignOnExtensions.ProviderName, "subject-dave"))!;
            dave.IsDisabled = true;
            Assert.True((await users.UpdateAsync(dave)).Succeeded);
        }

        var page = await SignInThroughProviderAsync("/", expectSignedIn: false);

        await Assertions.Expect(page.GetByTestId("sign-in-error")).ToContainTextAsync("disabled");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task LoginPage_SingleSignOnOn_OffersTheProviderBesideThePasswordForm()
    {
        var context = await browser.NewContextAsync(App.BaseAddress, anonymous: true);
        var page = await context.NewPageAsync();

        await page.GotoAsync("/account/login");

        await Assertions.Expect(page.GetByTestId("sign-in-sso")).ToHaveAttributeAsync("href", "/account/sso?returnUrl=%2F");
        await Assertions.Expect(page.GetByTestId("sign-in")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "sso-sign-in-desktop.png");
        await page.SetViewportSizeAsync(390, 844);
        await Assertions.Expect(page.GetByTestId("sign-in-sso")).ToBeInViewportAsync();
        await BrowserFixture.ScreenshotAsync(page, "sso-sign-in-phone.png");
        await context.CloseAsync();
    }

    [Fact]
    public async Task LoginPage_ErrorCodeInAddress_ShowsOnlyTheAppsOwnMessage()
    {
        var context = await browser.NewContextAsync(App.BaseAddress, anonymous: true);
        var page = await context.NewPageAsync();

        await page.GotoAsync("/account/login?error=Your+account+is+compromised.+Call+555-0100");

        var error = page.GetByTestId("sign-in-error");
        await Assertions.Expect(error).ToContainTextAsync("Single sign-on did not complete");
        Assert.DoesNotContain("555-0100", await error.InnerTextAsync(), StringComparison.Ordinal);
        await context.CloseAsync();
    }

    /// <summary>Opens the sign-in page signed out, clicks "Sign in with Grid Login", and waits to be back in the app.</summary>
    private async Task<IPage> SignInThroughProviderAsync(string returnUrl, bool expectSignedIn = true)
    {
        var context = await browser.NewContextAsync(App.BaseAddress, anonymous: true);
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/account/login?returnUrl={Uri.EscapeDataString(returnUrl)}");
        var button = page.GetByTestId("sign-in-sso");
        await Assertions.Expect(button).ToHaveTextAsync("Sign in with Grid Login");
        await button.ClickAsync();
        if (expectSignedIn)
        {
            // Back on the app, past the provider and the hand-over page, and not sent to the sign-in page again.
            try
            {
                await page.WaitForURLAsync(url => url.StartsWith(App.BaseAddress.ToString(), StringComparison.Ordinal)
                    && !url.Contains("/account/", StringComparison.Ordinal));
            }
            catch (TimeoutException e)
            {
                throw new TimeoutException($"Not back in the app: the browser is at {page.Url}, showing: {await page.InnerTextAsync("body")}; app log: {string.Join("\n", App.Logs.Lines)}", e);
            }
            await Assertions.Expect(page.GetByTestId("user-menu-button")).ToBeVisibleAsync();
        }
        else
        {
            await page.WaitForURLAsync(url => url.Contains("/account/login?error=", StringComparison.Ordinal));
        }
        return page;
    }

    /// <summary>GET /api/auth/me with the browser's own cookie.</summary>
    private static async Task<AuthApi.Caller> MeAsync(IPage page)
    {
        var response = await page.Context.APIRequest.GetAsync("/api/auth/me");
        Assert.True(response.Ok, $"GET /api/auth/me: {response.Status} {await response.TextAsync()}");
        return JsonSerializer.Deserialize<AuthApi.Caller>(await response.TextAsync(), JsonSerializerOptions.Web)!;
    }

    private async Task<AppUser> FindByLoginAsync(string subject)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByLoginAsync(SingleSignOnExtensions.ProviderName, subject);
        Assert.NotNull(user);
        return user;
    }

    private sealed record AuditRow(string Action, string Summary);

    private async Task<List<AuditRow>> AuditAsync(string entityId)
    {
        await using var connection = await App.OpenDatabaseAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT Action, COALESCE(Summary, '') FROM AuditLog WHERE EntityType = 'user' AND EntityId = $id ORDER BY Id";
        command.Parameters.AddWithValue("$id", entityId);
        var rows = new List<AuditRow>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(new AuditRow(reader.GetString(0), reader.GetString(1)));
        }
        return rows;
    }
}
