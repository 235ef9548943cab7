using DigitalTwin.Core.Accounts;
using DigitalTwin.Web.Accounts;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace DigitalTwin.Web.Components.Users;

/// <summary>Creates a user (name, display name, roles); the result carries the generated password, shown once by the page.</summary>
public sealed partial class UserFormDialog : ComponentBase
{
    internal const string UserNameField = "userName";
    internal const string DisplayNameField = "displayName";
    internal const string RolesField = "roles";

    private IReadOnlyDictionary<string, string[]> _errors = new Dictionary<string, string[]>();
    private string? _message;
    private string? _userName;
    private string? _displayName;
    private IReadOnlyList<string> _roles = [Roles.Viewer];
    private bool _saving;

    [CascadingParameter]
    public required IMudDialogInstance Dialog { get; set; }

    [Inject]
    public required UserAdministration Users { get; init; }

    [Inject]
    public required CurrentActor CurrentActor { get; init; }

    /// <summary>The created user and their password, or null when cancelled.</summary>
    public static async Task<UserChange?> ShowAsync(IDialogService dialogs, IStringLocalizer l)
    {
        var options = new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true, CloseOnEscapeKey = true };
        var dialog = await dialogs.ShowAsync<UserFormDialog>(l["UserForm.Title"], options);
        return await dialog.Result is { Canceled: false, Data: UserChange created } ? created : null;
    }

    private bool HasError(string field) => _errors.ContainsKey(field);

    private string? ErrorOf(string field) => _errors.TryGetValue(field, out var errors) ? string.Join(" ", errors) : null;

    private async Task SaveAsync()
    {
        _saving = true;
        try
        {
            var draft = new NewUser(_userName, _displayName, _roles);
            var result = await Users.CreateAsync(draft, await CurrentActor.DemandAsync(Policies.Admin));
            if (result.Succeeded)
            {
                Dialog.Close(DialogResult.Ok(result));
                return;
            }
            _errors = L.UserFormErrors(result, draft);
            // Errors about fields show under them; anything else (e.g. a password rule) above the form.
            var shown = new[] { UserNameField, DisplayNameField, RolesField };
            _message = _errors.Keys.All(shown.Contains) && _errors.Count > 0 ? null : L.Refusal(result, draft.UserName ?? "", "Users.LastAdmin.Roles");
        }
        finally
        {
            _saving = false;
        }
    }

    private void Cancel() => Dialog.Cancel();
}
