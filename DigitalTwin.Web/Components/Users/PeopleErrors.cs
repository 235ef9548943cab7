using DigitalTwin.Core.Accounts;
using Microsoft.Extensions.Localization;

namespace DigitalTwin.Web.Components.Users;

/// <summary>
/// The account services' refusals in the reader's language. The services (and the API) answer in English with field
/// names and statuses; the forms know what was typed, so they pick the words from the field and the input. A refusal
/// without words here (Identity's own password rules) keeps the service's English.
/// </summary>
public static class PeopleErrors
{
    /// <summary>A refusal that is not about one field: the last admin, a user gone; null for a success.</summary>
    /// <param name="lastAdminKey">Which change the last-admin rule refused: <c>Users.LastAdmin.Roles</c> or <c>.Disable</c>.</param>
    public static string? Refusal(this IStringLocalizer l, UserChange result, string userName, string lastAdminKey) => result.Status switch
    {
        UserChangeStatus.Ok => null,
        UserChangeStatus.LastAdmin => l[lastAdminKey, userName],
        UserChangeStatus.NotFound => l["Users.NotFound", userName],
        UserChangeStatus.Conflict => l["UserForm.Error.UserExists", userName],
        _ => result.Message,
    };

    /// <summary>The errors of the add-user form, each under its field.</summary>
    public static Dictionary<string, string[]> UserFormErrors(this IStringLocalizer l, UserChange result, NewUser draft)
    {
        var errors = new Dictionary<string, string[]>(result.Errors ?? new Dictionary<string, string[]>());
        var userName = draft.UserName?.Trim() ?? "";
        if (result.Status == UserChangeStatus.Conflict)
        {
            errors[UserFormDialog.UserNameField] = [l["UserForm.Error.UserExists", userName]];
        }
        else if (errors.ContainsKey(UserFormDialog.UserNameField))
        {
            errors[UserFormDialog.UserNameField] = [userName.Length == 0
                ? l["UserForm.Error.UserNameMissing"]
                : l["UserForm.Error.UserNameFormat", NewUser.MaxUserNameLength]];
        }
        if (errors.ContainsKey(UserFormDialog.DisplayNameField))
        {
            errors[UserFormDialog.DisplayNameField] = [l["UserForm.Error.DisplayName", NewUser.MaxDisplayNameLength]];
        }
        if (errors.ContainsKey(UserFormDialog.RolesField) && (draft.Roles is null || draft.Roles.Count == 0))
        {
            errors[UserFormDialog.RolesField] = [l.NoRole()];
        }
        return errors;
    }

    /// <summary>"Give at least one role (Viewer, Operator, Analyst, Admin); Viewer may read everything. …"</summary>
    public static string NoRole(this IStringLocalizer l) => l["UserForm.Error.NoRole", l.RoleNames(Roles.All), l.RoleName(Roles.Viewer)];

    /// <summary>The errors of the new-token form, each under its field (a role outside one's own cannot be picked there).</summary>
    public static Dictionary<string, string[]> TokenFormErrors(this IStringLocalizer l, IReadOnlyDictionary<string, string[]> serviceErrors, TokenRequest request)
    {
        var errors = new Dictionary<string, string[]>(serviceErrors);
        if (errors.ContainsKey(TokenCreateDialog.NameField))
        {
            errors[TokenCreateDialog.NameField] = [string.IsNullOrWhiteSpace(request.Name)
                ? l["TokenForm.Error.NameMissing"]
                : l["TokenForm.Error.NameLength", TokenRequest.MaxNameLength]];
        }
        if (errors.ContainsKey(TokenCreateDialog.DaysField))
        {
            errors[TokenCreateDialog.DaysField] = [l["TokenForm.Error.Days", TokenRequest.MaxDays, TokenRequest.DefaultDays]];
        }
        return errors;
    }
}
