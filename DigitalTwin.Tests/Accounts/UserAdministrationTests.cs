using System.Net;
using DigitalTwin.Core.Accounts;
using DigitalTwin.Core.Data;
using DigitalTwin.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace DigitalTwin.Tests.Accounts;

/// <summary>UserAdministration on the real app and its SQLite database. Each test uses its own user names.</summary>
[Collection(AppCollection.Name)]
public sealed class UserAdministrationTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private readonly DigitalTwinAppFactory _app = fixture.App;

    [Fact]
    public void IdentityStore_SameScope_SavesThroughTheScopedContext()
    {
        using var scope = _app.Services.CreateScope();
        var store = scope.ServiceProvider.GetRequiredService<IUserStore<AppUser>>();
        var context = scope.ServiceProvider.GetRequiredService<DigitalTwinDbContext>();

        // What the audit-in-the-same-transaction design rests on: an AuditEntry added to this context is saved by UserManager.
        var storeContext = store.GetType().GetProperty("Context")?.GetValue(store);
        Assert.Same(context, storeContext);
    }

    [Fact]
    public async Task CreateAsync_ValidUser_GeneratedPasswordMustChangeRolesAndAudit()
    {
        var result = await _app.Users().CreateAsync(new NewUser("create-ok", "Create Ok", ["operator", "Viewer"]), UserAdminHarness.AdminActor);

        Assert.Equal(UserChangeStatus.Ok, result.Status);
        Assert.Equal(20, result.Password!.Length);
        Assert.Equal(["Viewer", "Operator"], result.User!.Roles);
        Assert.Equal(UserState.MustChangePassword, result.User.State);
        Assert.Equal("Create Ok", result.User.DisplayName);
        var (user, roles) = await _app.StoredAsync("create-ok");
        Assert.True(user.MustChangePassword);
        Assert.Equal(["Operator", "Viewer"], roles.Order());
        Assert.True(await _app.PasswordWorksAsync("create-ok", result.Password));
        var audit = Assert.Single(await _app.AuditAsync("create-ok", "user.create"));
        Assert.Equal(DigitalTwinAppFactory.AdminUserName, audit.Actor);
        Assert.DoesNotContain(result.Password, audit.Summary, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "Someone", "Viewer", "userName")]
    [InlineData("has space", "Someone", "Viewer", "userName")]
    [InlineData("ünicode", "Someone", "Viewer", "userName")]
    [InlineData("ok-name", "Bad\u202Ename", "Viewer", "displayName")]
    [InlineData("ok-name", "Line\nbreak", "Viewer", "displayName")]
    [InlineData("ok-name", "Someone", "Superuser", "roles")]
    [InlineData("ok-name", "Someone", "", "roles")]
    public async Task CreateAsync_InvalidField_NamedAndNothingWritten(string userName, string displayName, string role, string field)
    {
        var auditBefore = await _app.AuditCountAsync();

        var result = await _app.Users().CreateAsync(
            new NewUser(userName, displayName, role.Length == 0 ? [] : [role]), UserAdminHarness.AdminActor);

        Assert.Equal(UserChangeStatus.Invalid, result.Status);
        Assert.Equal([field], result.Errors!.Keys);
        Assert.Null(await _app.Users().GetAsync(userName.Length == 0 ? "-" : userName));
        Assert.Equal(auditBefore, await _app.AuditCountAsync());
    }

    [Fact]
    public async Task CreateAsync_NameTooLong_Invalid()
    {
        var result = await _app.Users().CreateAsync(new NewUser(new string('a', 65), null, ["Viewer"]), UserAdminHarness.AdminActor);

        Assert.Equal(UserChangeStatus.Invalid, result.Status);
        Assert.Contains("64", result.Errors!["userName"][0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateAsync_ExistingNameAnyCase_ConflictAndOneAuditRow()
    {
        await _app.Users().CreateAsync(new NewUser("twice", null, ["Viewer"]), UserAdminHarness.AdminActor);

        var again = await _app.Users().CreateAsync(new NewUser("TWICE", null, ["Viewer"]), UserAdminHarness.AdminActor);

        Assert.Equal(UserChangeStatus.Conflict, again.Status);
        Assert.Single(await _app.AuditAsync("twice", "user.create"));
        Assert.Empty(await _app.AuditAsync("TWICE", "user.create"));
    }

    [Fact]
    public async Task SetRolesAsync_NewRoles_ReplacedStampRenewedAndAudited()
    {
        await TestUsers.CreateAsync(_app.Services, "roles-change", TestUsers.Password, "Viewer");
        var stampBefore = (await _app.StoredAsync("roles-change")).User.SecurityStamp;

        var result = await _app.Users().SetRolesAsync("roles-change", ["Analyst", "Operator"], UserAdminHarness.AdminActor);

        Assert.Equal(UserChangeStatus.Ok, result.Status);
        var (user, roles) = await _app.StoredAsync("roles-change");
        Assert.Equal(["Analyst", "Operator"], roles.Order());
        Assert.NotEqual(stampBefore, user.SecurityStamp);
        var audit = Assert.Single(await _app.AuditAsync("roles-change", "user.roles"));
        Assert.Equal("roles Viewer → Operator, Analyst", audit.Summary);
    }

    [Fact]
    public async Task SetRolesAsync_SameRoles_NoAuditRow()
    {
        await TestUsers.CreateAsync(_app.Services, "roles-same", TestUsers.Password, "Viewer", "Analyst");

        var result = await _app.Users().SetRolesAsync("roles-same", ["analyst", "viewer"], UserAdminHarness.AdminActor);

        Assert.Equal(UserChangeStatus.Ok, result.Status);
        Assert.Empty(await _app.AuditAsync("roles-same", "user.roles"));
    }

    [Fact]
    public async Task SetRolesAsync_UnknownUser_NotFound()
    {
        var result = await _app.Users().SetRolesAsync("nobody-here", ["Viewer"], UserAdminHarness.AdminActor);

        Assert.Equal(UserChangeStatus.NotFound, result.Status);
    }

    [Fact]
    public async Task DisableAsync_UserWithToken_TokenRefusedUntilEnabled()
    {
        var client = await _app.ClientForNewUserAsync("disable-me", "Operator");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/devices")).StatusCode);

        var disabled = await _app.Users().DisableAsync("disable-me", UserAdminHarness.AdminActor);

        Assert.Equal(UserState.Disabled, disabled.User!.State);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/devices")).StatusCode);
        Assert.Single(await _app.AuditAsync("disable-me", "user.disable"));
        var enabled = await _app.Users().EnableAsync("disable-me", UserAdminHarness.AdminActor);
        Assert.Equal(UserState.Active, enabled.User!.State);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/devices")).StatusCode);
        Assert.Single(await _app.AuditAsync("disable-me", "user.enable"));
    }

    [Fact]
    public async Task DisableAsync_User_SecurityStampRenewedAndPasswordSignInRefused()
    {
        await TestUsers.CreateAsync(_app.Services, "disable-stamp", TestUsers.Password, "Viewer");
        var stampBefore = (await _app.StoredAsync("disable-stamp")).User.SecurityStamp;

        await _app.Users().DisableAsync("disable-stamp", UserAdminHarness.AdminActor);

        Assert.NotEqual(stampBefore, (await _app.StoredAsync("disable-stamp")).User.SecurityStamp);
        using var response = await _app.AnonymousHttp.PostAsync("/api/auth/token", JsonContent("""{"userName":"disable-stamp","password":"test-user-password"}"""));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("Disabled", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ResetPasswordAsync_User_NewPasswordWorksOldDoesNotMustChangeAndUnlocked()
    {
        await TestUsers.CreateAsync(_app.Services, "reset-me", TestUsers.Password, "Viewer");
        await LockAsync("reset-me");

        var result = await _app.Users().ResetPasswordAsync("reset-me", UserAdminHarness.AdminActor);

        Assert.Equal(UserState.MustChangePassword, result.User!.State);
        Assert.True(await _app.PasswordWorksAsync("reset-me", result.Password!));
        Assert.False(await _app.PasswordWorksAsync("reset-me", TestUsers.Password));
        Assert.Null((await _app.StoredAsync("reset-me")).User.LockoutEnd);
        var audit = Assert.Single(await _app.AuditAsync("reset-me", "user.reset-password"));
        Assert.DoesNotContain(result.Password!, audit.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnlockAsync_LockedOutUser_ActiveAndAudited()
    {
        await TestUsers.CreateAsync(_app.Services, "unlock-me", TestUsers.Password, "Viewer");
        await LockAsync("unlock-me");
        Assert.Equal(UserState.LockedOut, (await _app.Users().GetAsync("unlock-me"))!.State);

        var result = await _app.Users().UnlockAsync("unlock-me", UserAdminHarness.AdminActor);

        Assert.Equal(UserState.Active, result.User!.State);
        Assert.Null(result.User.LockedOutUntil);
        Assert.Single(await _app.AuditAsync("unlock-me", "user.unlock"));
        Assert.True((await _app.StoredAsync("unlock-me")).User.LockoutEnd is null);
    }

    [Fact]
    public async Task ListAsync_AfterSignIn_LastSignInFromTheAuditTrail()
    {
        await TestUsers.CreateAsync(_app.Services, "list-signed-in", TestUsers.Password, "Viewer");
        await TestUsers.CreateAsync(_app.Services, "list-never", TestUsers.Password, "Viewer");
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);
        await _app.SignInForTokenAsync("list-signed-in", TestUsers.Password);
        await _app.SignInForTokenAsync("list-signed-in", TestUsers.Password);

        var users = await _app.Users().ListAsync();

        var signedIn = users.Single(u => u.UserName == "list-signed-in");
        Assert.NotNull(signedIn.LastSignInAt);
        Assert.True(signedIn.LastSignInAt >= before, $"{signedIn.LastSignInAt} < {before}");
        Assert.Null(users.Single(u => u.UserName == "list-never").LastSignInAt);
        Assert.Contains(users, u => u.UserName == DigitalTwinAppFactory.AdminUserName && u.IsAdmin);
    }

    private async Task LockAsync(string userName)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = (await users.FindByNameAsync(userName))!;
        Assert.True((await users.SetLockoutEndDateAsync(user, DateTimeOffset.UtcNow.AddHours(1))).Succeeded);
    }

    private static StringContent JsonContent(string json) => new(json, System.Text.Encoding.UTF8, "application/json");
}
