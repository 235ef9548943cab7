using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DigitalTwin.Core.Accounts;
using DigitalTwin.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace DigitalTwin.Tests.Accounts;

/// <summary>"A user cannot remove the last Admin", on every path; each test has a fresh app whose only admin is 'admin'.</summary>
[Collection(AppCollection.Name)]
public sealed class LastAdminTests : IAsyncLifetime
{
    private const string Admin = DigitalTwinAppFactory.AdminUserName;
    private readonly DigitalTwinAppFactory _app = new();

    public Task InitializeAsync() => _app.StartAsync();

    public Task DisposeAsync() => _app.DisposeAsync().AsTask();

    [Fact]
    public async Task SetRolesAsync_OnlyAdminRemovesOwnAdminRole_RefusedNothingWritten()
    {
        var auditBefore = await _app.AuditCountAsync();

        var result = await _app.Users().SetRolesAsync(Admin, ["Viewer", "Operator"], UserAdminHarness.AdminActor);

        Assert.Equal(UserChangeStatus.LastAdmin, result.Status);
        Assert.Contains("last enabled admin", result.Message, StringComparison.Ordinal);
        Assert.Contains("Admin", (await _app.StoredAsync(Admin)).Roles);
        Assert.Equal(auditBefore, await _app.AuditCountAsync());
    }

    [Fact]
    public async Task DisableAsync_OnlyAdminDisablesSelf_RefusedNothingWritten()
    {
        var auditBefore = await _app.AuditCountAsync();

        var result = await _app.Users().DisableAsync(Admin, UserAdminHarness.AdminActor);

        Assert.Equal(UserChangeStatus.LastAdmin, result.Status);
        Assert.False((await _app.StoredAsync(Admin)).User.IsDisabled);
        Assert.Equal(auditBefore, await _app.AuditCountAsync());
        Assert.Equal(HttpStatusCode.OK, (await _app.Http.GetAsync("/api/users")).StatusCode);
    }

    [Fact]
    public async Task DisableAsync_OtherAdminDisabled_RemainingAdminCannotBeDemotedOrDisabled()
    {
        await TestUsers.CreateAsync(_app.Services, "second-admin", TestUsers.Password, Roles.Admin);

        Assert.Equal(UserChangeStatus.Ok, (await _app.Users().DisableAsync("second-admin", UserAdminHarness.AdminActor)).Status);

        // A disabled admin does not count: 'admin' is the last enabled one now.
        Assert.Equal(UserChangeStatus.LastAdmin, (await _app.Users().SetRolesAsync(Admin, ["Viewer"], UserAdminHarness.AdminActor)).Status);
        Assert.Equal(UserChangeStatus.LastAdmin, (await _app.Users().DisableAsync(Admin, UserAdminHarness.AdminActor)).Status);
    }

    [Fact]
    public async Task SetRolesAsync_TwoAdminsDemoteOne_AllowedThenTheOtherRefused()
    {
        await TestUsers.CreateAsync(_app.Services, "second-admin", TestUsers.Password, Roles.Admin);

        Assert.Equal(UserChangeStatus.Ok, (await _app.Users().SetRolesAsync(Admin, ["Viewer"], UserAdminHarness.AdminActor)).Status);

        Assert.Equal(UserChangeStatus.LastAdmin, (await _app.Users().SetRolesAsync("second-admin", ["Operator"], UserAdminHarness.AdminActor)).Status);
        Assert.Equal(UserChangeStatus.LastAdmin, (await _app.Users().DisableAsync("second-admin", UserAdminHarness.AdminActor)).Status);
        Assert.Equal(UserChangeStatus.Ok, (await _app.Users().EnableAsync("second-admin", UserAdminHarness.AdminActor)).Status);
    }

    [Fact]
    public async Task UsersApi_LastAdminDemoted_409WithReason()
    {
        using var response = await _app.Http.PutAsJsonAsync($"/api/users/{Admin}/roles", new { roles = new[] { "Viewer" } });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("LastAdmin", problem.GetProperty("reason").GetString());
        Assert.Contains("last enabled admin", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UsersApi_LastAdminDisabled_409()
    {
        using var response = await _app.Http.PostAsync($"/api/users/{Admin}/disable", null);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.False((await _app.StoredAsync(Admin)).User.IsDisabled);
    }

    /// <summary>
    /// A change whose second step fails leaves neither its first step nor its audit row: the role 'Analyst' is deleted
    /// so that adding it throws after the old role was already removed (and saved) inside the transaction.
    /// </summary>
    [Fact]
    public async Task SetRolesAsync_SecondStepFails_FirstStepAndAuditRolledBack()
    {
        await TestUsers.CreateAsync(_app.Services, "half-change", TestUsers.Password, Roles.Viewer);
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
            Assert.True((await roles.DeleteAsync((await roles.FindByNameAsync(Roles.Analyst))!)).Succeeded);
        }
        var auditBefore = await _app.AuditCountAsync();

        await Assert.ThrowsAnyAsync<InvalidOperationException>(() =>
            _app.Users().SetRolesAsync("half-change", [Roles.Analyst], UserAdminHarness.AdminActor));

        Assert.Equal([Roles.Viewer], (await _app.StoredAsync("half-change")).Roles);
        Assert.Equal(auditBefore, await _app.AuditCountAsync());
    }
}
