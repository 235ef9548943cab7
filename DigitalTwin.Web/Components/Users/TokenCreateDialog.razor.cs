using DigitalTwin.Core.Accounts;
using DigitalTwin.Web.Accounts;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace DigitalTwin.Web.Components.Users;

/// <summary>Creates one of the signed-in user's API tokens: name, expiry, optionally one narrower role.</summary>
public sealed partial class TokenCreateDialog : ComponentBase
{
    internal const string NameField = "name";
    internal const string DaysField = "expiresInDays";
    internal const string RoleField = "role";

    private IReadOnlyDictionary<string, string[]> _errors = new Dictionary<string, string[]>();
    private string? _name;
    private int _days = TokenRequest.DefaultDays;
    private string? _role;
    private bool _saving;

    [CascadingParameter]
    public required IMudDialogInstance Dialog { get; set; }

    [Parameter, EditorRequired]
    public required string UserId { get; set; }

    /// <summary>The user's own roles: a token may be narrowed to Viewer or to one of these.</summary>
    [Parameter, EditorRequired]
    public required IReadOnlyList<string> MyRoles { get; set; }

    [Inject]
    public required ApiTokenService Tokens { get; init; }

    [Inject]
    public required CurrentActor CurrentActor { get; init; }

    private IReadOnlyList<string> RoleChoices => NewUser.CanonicalRoles([Roles.Viewer, .. MyRoles]);

    /// <summary>The new token with its secret (to show once), or null when cancelled.</summary>
    public static async Task<IssuedToken?> ShowAsync(IDialogService dialogs, IStringLocalizer l, string userId, IReadOnlyList<string> myRoles)
    {
        var parameters = new DialogParameters<TokenCreateDialog> { { d => d.UserId, userId }, { d => d.MyRoles, myRoles } };
        var options = new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true, CloseOnEscapeKey = true };
        var dialog = await dialogs.ShowAsync<TokenCreateDialog>(l["TokenForm.Title"], parameters, options);
        return await dialog.Result is { Canceled: false, Data: IssuedToken issued } ? issued : null;
    }

    private bool HasError(string field) => _errors.ContainsKey(field);

    private string? ErrorOf(string field) => _errors.TryGetValue(field, out var errors) ? string.Join(" ", errors) : null;

    private async Task CreateAsync()
    {
        _saving = true;
        try
        {
            var request = new TokenRequest(_name, _days, _role);
            var result = await Tokens.CreateAsync(UserId, request, await CurrentActor.GetAsync());
            if (result.Issued is { } issued)
            {
                Dialog.Close(DialogResult.Ok(issued));
                return;
            }
            _errors = L.TokenFormErrors(result.Errors ?? new Dictionary<string, string[]>(), request);
        }
        finally
        {
            _saving = false;
        }
    }

    private void Cancel() => Dialog.Cancel();
}
