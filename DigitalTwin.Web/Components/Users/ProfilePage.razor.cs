using System.Security.Claims;
using DigitalTwin.Core.Accounts;
using DigitalTwin.Web.Accounts;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace DigitalTwin.Web.Components.Users;

/// <summary>The signed-in user's own page: who they are, a way to change the password, and their personal API tokens.</summary>
public sealed partial class ProfilePage : ComponentBase
{
    private UserSummary? _me;
    private string? _userId;
    private IReadOnlyList<TokenListItem> _tokens = [];

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

    protected override async Task OnInitializedAsync()
    {
        var user = (await Authentication.GetAuthenticationStateAsync()).User;
        // The password gate lets every /account address through; a generated or reset password must not mint tokens.
        if (user.MustChangePassword())
        {
            Navigation.NavigateTo($"{PasswordChangeGate.ChangePasswordPath}?returnUrl=%2Faccount", forceLoad: true);
            return;
        }
        _userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        _me = user.Identity?.Name is { } name ? await Users.GetAsync(name) : null;
        await LoadTokensAsync();
    }

    private async Task LoadTokensAsync() => _tokens = _userId is null ? [] : await Tokens.ListAsync(_userId);

    /// <summary>A static sign-in page, outside the interactive router: a full page load.</summary>
    private void ChangePassword() => Navigation.NavigateTo($"{PasswordChangeGate.ChangePasswordPath}?returnUrl=%2Faccount", forceLoad: true);

    private async Task CreateTokenAsync()
    {
        if (_userId is null || _me is null || await TokenCreateDialog.ShowAsync(Dialogs, L, _userId, _me.Roles) is not { } issued)
        {
            return;
        }
        await LoadTokensAsync();
        StateHasChanged();
        var expires = PeopleText.When(issued.Token.ExpiresAt);
        var may = issued.Token.Role is { } role ? L["Profile.TokenMayRole", expires, L.RoleName(role)] : L["Profile.TokenMayAll", expires];
        await OnceSecretDialog.ShowAsync(Dialogs, L["Profile.TokenReady", issued.Token.Name], L["Profile.TokenWarning"], issued.Secret, may,
            TokenUsage(issued.Secret));
    }

    private async Task RevokeAsync(TokenListItem token)
    {
        if (_userId is null || await Dialogs.ShowMessageBoxAsync(L["Token.RevokeTitle"],
                L["Profile.RevokeConfirm", token.Name], yesText: L["Token.Revoke"], cancelText: L["Common.Cancel"]) != true)
        {
            return;
        }
        if (await Tokens.RevokeAsync(token.Id, _userId, await CurrentActor.GetAsync()))
        {
            Snackbar.Add(L["Profile.Revoked", token.Name], Severity.Success);
        }
        await LoadTokensAsync();
    }

    private string Curl(string secret) => $"curl -H \"Authorization: Bearer {secret}\" {Navigation.BaseUri}api/devices";
}
