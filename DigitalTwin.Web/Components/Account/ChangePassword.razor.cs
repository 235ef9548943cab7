using DigitalTwin.Core.Accounts;
using DigitalTwin.Core.Audit;
using DigitalTwin.Web.Accounts;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace DigitalTwin.Web.Components.Account;

public sealed partial class ChangePassword
{
    private readonly List<string> _errors = [];

    [Inject]
    public required UserManager<AppUser> Users { get; init; }

    [Inject]
    public required SignInManager<AppUser> SignInManager { get; init; }

    [Inject]
    public required AuditTrail Audit { get; init; }

    [Inject]
    public required NavigationManager Navigation { get; init; }

    [Inject]
    public required IOptions<AccountOptions> Options { get; init; }

    [CascadingParameter]
    public HttpContext HttpContext { get; set; } = null!;

    [SupplyParameterFromForm(FormName = "change-password")]
    private ChangePasswordForm? Input { get; set; }

    [SupplyParameterFromQuery]
    private string? ReturnUrl { get; set; }

    private bool MustChange => HttpContext.User.MustChangePassword();

    private int MinLength => Options.Value.MinPasswordLength;

    protected override void OnParametersSet() => Input ??= new();

    private async Task ChangeAsync()
    {
        var user = await Users.GetUserAsync(HttpContext.User);
        if (user is null)
        {
            Navigation.NavigateTo("/account/login");
            return;
        }
        if (Input!.NewPassword == Input!.CurrentPassword)
        {
            _errors.Add(L["Password.Same"]);
            return;
        }
        var result = await Users.ChangePasswordAsync(user, Input!.CurrentPassword, Input!.NewPassword);
        if (!result.Succeeded)
        {
            _errors.AddRange(result.Errors.Select(PasswordError));
            return;
        }
        if (user.MustChangePassword)
        {
            user.MustChangePassword = false;
            await Users.UpdateAsync(user);
        }
        await Audit.RecordAsync(HttpContext.Actor(), "user.change-password", "user", user.UserName, cancellationToken: HttpContext.RequestAborted);
        await SignInManager.RefreshSignInAsync(user);
        Navigation.NavigateTo(LocalUrl.OrHome(ReturnUrl));
    }

    /// <summary>Identity's refusals for the rules this app sets, in the reader's language; any other keeps Identity's English.</summary>
    private string PasswordError(IdentityError error) => error.Code switch
    {
        nameof(IdentityErrorDescriber.PasswordMismatch) => L["Password.Wrong"],
        nameof(IdentityErrorDescriber.PasswordTooShort) => L["Password.Error.PasswordTooShort", Users.Options.Password.RequiredLength],
        nameof(IdentityErrorDescriber.PasswordRequiresUniqueChars) => L["Password.Error.PasswordRequiresUniqueChars", Users.Options.Password.RequiredUniqueChars],
        _ => error.Description,
    };
}
