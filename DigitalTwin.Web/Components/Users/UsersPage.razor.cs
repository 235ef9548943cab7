using DigitalTwin.Core.Accounts;
using DigitalTwin.Web.Accounts;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace DigitalTwin.Web.Components.Users;

/// <summary>
/// Users and everyone's API tokens, for admins: add a user (a generated password shown once), change roles, reset a
/// password, unlock, disable and enable, revoke tokens. The rules (never the last admin) are the service's, shown in words.
/// </summary>
public sealed partial class UsersPage : ComponentBase
{
    private IReadOnlyList<UserSummary> _users = [];
    private IReadOnlyList<TokenListItem> _tokens = [];
    private string? _search;
    private string? _tokenUser;
    private bool _activeOnly;
    private int _tab;
    private string? _me;

    [Inject]
    public required UserAdministration Users { get; init; }

    [Inject]
    public required ApiTokenService Tokens { get; init; }

    [Inject]
    public required CurrentActor CurrentActor { get; init; }

    [Inject]
    public required AuthenticationStateProvider Authentication { get; init; }

    [Inject]
    public required NavigationManager Navigation { get; init; }

    [Inject]
    public required IDialogService Dialogs { get; init; }

    [Inject]
    public required ISnackbar Snackbar { get; init; }

    private IReadOnlyList<TokenListItem> ShownTokens =>
        [.. _tokens.Where(t => (_tokenUser is null || t.UserName == _tokenUser) && (!_activeOnly || t.Active))];

    protected override async Task OnInitializedAsync()
    {
        _me = (await Authentication.GetAuthenticationStateAsync()).User.Identity?.Name;
        await ReloadAsync();
    }

    private bool Matches(UserSummary user) =>
        string.IsNullOrWhiteSpace(_search)
        || user.UserName.Contains(_search.Trim(), StringComparison.OrdinalIgnoreCase)
        || user.DisplayName.Contains(_search.Trim(), StringComparison.OrdinalIgnoreCase)
        || user.Roles.Any(r => r.Equals(_search.Trim(), StringComparison.OrdinalIgnoreCase));

    private async Task ReloadAsync()
    {
        _users = await Users.ListAsync();
        _tokens = await Tokens.ListAsync(null);
    }

    private async Task CreateAsync()
    {
        if (await UserFormDialog.ShowAsync(Dialogs) is { User: { } user, Password: { } password })
        {
            await ReloadAsync();
            StateHasChanged();
            await ShowPasswordAsync(user, password, $"{user.UserName} is created");
        }
    }

    private async Task EditRolesAsync(UserSummary user)
    {
        if (await UserRolesDialog.ShowAsync(Dialogs, user, IsSelf(user)) is { } saved)
        {
            Snackbar.Add($"{saved.UserName}: {string.Join(", ", saved.Roles)}.", Severity.Success);
            await AfterChangeAsync(IsSelf(user) && !saved.IsAdmin);
        }
    }

    private async Task ResetPasswordAsync(UserSummary user)
    {
        if (!await ConfirmAsync("Reset password", $"Give {user.UserName} a new generated password? Their current password stops working and their open pages sign out; they choose a new one at next sign-in.", "Reset"))
        {
            return;
        }
        var result = await Users.ResetPasswordAsync(user.UserName, await CurrentActor.DemandAsync(Policies.Admin));
        if (result is { Succeeded: true, User: { } reset, Password: { } password })
        {
            await AfterChangeAsync();
            await ShowPasswordAsync(reset, password, $"New password for {reset.UserName}");
        }
        else
        {
            Refused(result);
        }
    }

    private async Task DisableAsync(UserSummary user)
    {
        var self = IsSelf(user) ? " This is you: you are signed out." : "";
        if (await ConfirmAsync("Disable user", $"Disable {user.UserName}? They cannot sign in, their open pages sign out within a minute or so and their API tokens stop working. You can enable them again.{self}", "Disable"))
        {
            await ApplyAsync(Users.DisableAsync(user.UserName, await CurrentActor.DemandAsync(Policies.Admin)), $"Disabled {user.UserName}.", IsSelf(user));
        }
    }

    private async Task EnableAsync(UserSummary user) =>
        await ApplyAsync(Users.EnableAsync(user.UserName, await CurrentActor.DemandAsync(Policies.Admin)), $"Enabled {user.UserName}.");

    private async Task UnlockAsync(UserSummary user) =>
        await ApplyAsync(Users.UnlockAsync(user.UserName, await CurrentActor.DemandAsync(Policies.Admin)), $"Unlocked {user.UserName}.");

    private void ShowTokens(UserSummary user)
    {
        _tokenUser = user.UserName;
        _tab = 1;
    }

    private async Task RevokeTokenAsync(TokenListItem token)
    {
        if (await ConfirmAsync("Revoke token", $"Revoke {token.UserName}'s token '{token.Name}'? Scripts and apps using it are refused from now on.", "Revoke"))
        {
            await Tokens.RevokeAsync(token.Id, null, await CurrentActor.DemandAsync(Policies.Admin));
            Snackbar.Add($"Revoked '{token.Name}' of {token.UserName}.", Severity.Success);
            _tokens = await Tokens.ListAsync(null);
        }
    }

    private async Task ApplyAsync(Task<UserChange> change, string done, bool self = false)
    {
        var result = await change;
        if (result.Succeeded)
        {
            Snackbar.Add(done, Severity.Success);
            await AfterChangeAsync(self);
        }
        else
        {
            Refused(result);
        }
    }

    private void Refused(UserChange result) =>
        Snackbar.Add(result.Message ?? "The change was refused.", result.Status == UserChangeStatus.LastAdmin ? Severity.Warning : Severity.Error,
            o => o.RequireInteraction = result.Status == UserChangeStatus.LastAdmin);

    /// <summary>After a change to oneself that takes this page away (no longer admin, disabled), a fresh load shows where one stands.</summary>
    private async Task AfterChangeAsync(bool reloadPage = false)
    {
        if (reloadPage)
        {
            Navigation.NavigateTo(Navigation.Uri, forceLoad: true);
            return;
        }
        await ReloadAsync();
    }

    private bool IsSelf(UserSummary user) => string.Equals(user.UserName, _me, StringComparison.OrdinalIgnoreCase);

    private Task ShowPasswordAsync(UserSummary user, string password, string title) => OnceSecretDialog.ShowAsync(Dialogs, title,
        "Copy the password now: it is shown only this once. Hand it to them by a safe channel; they must choose their own at first sign-in.",
        password, $"Password for {user.UserName}", PasswordDetails(user));

    private async Task<bool> ConfirmAsync(string title, string message, string action) =>
        await Dialogs.ShowMessageBoxAsync(title, message, yesText: action, cancelText: "Cancel") == true;
}
