using DigitalTwin.Core.Accounts;
using DigitalTwin.Web.Accounts;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace DigitalTwin.Web.Components.Users;

/// <summary>Replaces a user's roles; a refusal (the last enabled admin) stays in the dialog, in words.</summary>
public sealed partial class UserRolesDialog : ComponentBase
{
    private IReadOnlyList<string> _roles = [];
    private string? _message;
    private string? _rolesError;
    private bool _saving;

    [CascadingParameter]
    public required IMudDialogInstance Dialog { get; set; }

    [Parameter, EditorRequired]
    public required UserSummary User { get; set; }

    /// <summary>Whether the admin is editing their own roles.</summary>
    [Parameter]
    public bool IsSelf { get; set; }

    [Inject]
    public required UserAdministration Users { get; init; }

    [Inject]
    public required CurrentActor CurrentActor { get; init; }

    /// <summary>The user with their new roles, or null when cancelled.</summary>
    public static async Task<UserSummary?> ShowAsync(IDialogService dialogs, IStringLocalizer l, UserSummary user, bool isSelf)
    {
        var parameters = new DialogParameters<UserRolesDialog> { { d => d.User, user }, { d => d.IsSelf, isSelf } };
        var options = new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true, CloseOnEscapeKey = true };
        var dialog = await dialogs.ShowAsync<UserRolesDialog>(l["UserRoles.Title", user.UserName], parameters, options);
        return await dialog.Result is { Canceled: false, Data: UserSummary saved } ? saved : null;
    }

    protected override void OnInitialized() => _roles = User.Roles;

    private async Task SaveAsync()
    {
        _saving = true;
        try
        {
            var result = await Users.SetRolesAsync(User.UserName, _roles, await CurrentActor.DemandAsync(Policies.Admin));
            if (result.Succeeded)
            {
                Dialog.Close(DialogResult.Ok(result.User!));
                return;
            }
            _rolesError = result.Errors?.ContainsKey("roles") == true ? L.NoRole() : null;
            _message = _rolesError is null ? L.Refusal(result, User.UserName, "Users.LastAdmin.Roles") : null;
        }
        finally
        {
            _saving = false;
        }
    }

    private void Cancel() => Dialog.Cancel();
}
