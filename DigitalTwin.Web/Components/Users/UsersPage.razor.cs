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
        if (await UserFormDialog.ShowAsync(Dialogs, L) is { User: { } user, Password: { } password })
        {
            await ReloadAsync();
            StateHasChanged();
            await ShowPasswordAsync(user, password, L["Users.Created", user.UserName]);
        }
    }

    private async Task EditRolesAsync(UserSummary user)
    {
        if (await UserRolesDialog.ShowAsync(Dialogs, L, user, IsSelf(user)) is { } saved)
        {
            Snackbar.Add(L["Users.RolesSaved", saved.UserName, L.RoleNames(saved.Roles)], Severity.Success);
            await AfterChangeAsync(IsSelf(user) && !saved.IsAdmin);
        }
    }

    private async Task ResetPasswordAsync(UserSummary user)
    {
        if (!await ConfirmAsync(L["Users.ResetPassword"], L["Users.ResetConfirm", user.UserName], L["Users.Reset"]))
        {
            return;
        }
        var result = await Users.ResetPasswordAsync(user.UserName, await CurrentActor.DemandAsync(Policies.Admin));
        if (result is { Succeeded: true, User: { } reset, Password: { } password })
        {
            await AfterChangeAsync();
            await ShowPasswordAsync(reset, password, L["Users.NewPasswordFor", reset.UserName]);
        }
        else
        {
            Refused(result, user.UserName);
        }
    }

    private async Task DisableAsync(UserSummary user)
    {
        var message = L["Users.DisableConfirm", user.UserName] + (IsSelf(user) ? " " + L["Users.DisableSelf"] : "");
        if (await ConfirmAsync(L["Users.DisableTitle"], message, L["Users.Disable"]))
        {
            await ApplyAsync(user, Users.DisableAsync(user.UserName, await CurrentActor.DemandAsync(Policies.Admin)), L["Users.Disabled", user.UserName], IsSelf(user));
        }
    }

    private async Task EnableAsync(UserSummary user) =>
        await ApplyAsync(user, Users.EnableAsync(user.UserName, await CurrentActor.DemandAsync(Policies.Admin)), L["Users.Enabled", user.UserName]);

    private async Task UnlockAsync(UserSummary user) =>
        await ApplyAsync(user, Users.UnlockAsync(user.UserName, await CurrentActor.DemandAsync(Policies.Admin)), L["Users.Unlocked", user.UserName]);

    private void ShowTokens(UserSummary user)
    {
        _tokenUser = user.UserName;
        _tab = 1;
    }

    private async Task RevokeTokenAsync(TokenListItem token)
    {
        if (await ConfirmAsync(L["Token.RevokeTitle"], L["Users.RevokeConfirm", token.UserName, token.Name], L["Token.Revoke"]))
        {
            await Tokens.RevokeAsync(token.Id, null, await CurrentActor.DemandAsync(Policies.Admin));
            Snackbar.Add(L["Users.RevokedOf", token.Name, token.UserName], Severity.Success);
            _tokens = await Tokens.ListAsync(null);
        }
    }

    private async Task ApplyAsync(UserSummary user, Task<UserChange> change, string done, bool self = false)
    {
        var result = await change;
        if (result.Succeeded)
        {
            Snackbar.Add(done, Severity.Success);
            await AfterChangeAsync(self);
        }
        else
        {
            Refused(result, user.UserName);
        }
    }

    private void Refused(UserChange result, string userName) =>
        Snackbar.Add(L.Refusal(result, userName, "Users.LastAdmin.Disable") ?? L["Users.Refused"], result.Status == UserChangeStatus.LastAdmin ? Severity.Warning : Severity.Error,
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
        L["Users.PasswordWarning"], password, L["Users.PasswordFor", user.UserName], PasswordDetails(user));

    private async Task<bool> ConfirmAsync(string title, string message, string action) =>
        await Dialogs.ShowMessageBoxAsync(title, message, yesText: action, cancelText: L["Common.Cancel"]) == true;
}
