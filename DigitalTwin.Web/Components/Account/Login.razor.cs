using DigitalTwin.Web.Accounts;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Identity;
using DigitalTwin.Core.Accounts;

namespace DigitalTwin.Web.Components.Account;

public sealed partial class Login
{
    private string? _error;

    [Inject]
    public required SignInChecks Checks { get; init; }

    [Inject]
    public required SignInManager<AppUser> SignInManager { get; init; }

    [Inject]
    public required NavigationManager Navigation { get; init; }

    [Inject]
    public required SingleSignOn SingleSignOn { get; init; }

    [CascadingParameter]
    public HttpContext HttpContext { get; set; } = null!;

    [SupplyParameterFromForm(FormName = "sign-in")]
    private SignInForm? Input { get; set; }

    [SupplyParameterFromQuery]
    private string? ReturnUrl { get; set; }

    [SupplyParameterFromQuery(Name = "error")]
    private string? Error { get; set; }

    private string SingleSignOnHref => $"/account/sso?returnUrl={Uri.EscapeDataString(LocalUrl.OrHome(ReturnUrl))}";

    protected override void OnInitialized() => _error ??= SingleSignOn.ErrorKey(Error) is { } key ? L[key].Value : null;

    protected override void OnParametersSet() => Input ??= new();

    private async Task SignInAsync()
    {
        var address = HttpContext.Connection.RemoteIpAddress?.ToString();
        var outcome = await Checks.CheckAsync(Input!.UserName, Input!.Password, address, "sign-in page", HttpContext.RequestAborted);
        if (!outcome.Succeeded)
        {
            // The reason code picks the words; the API says the same in English (SignInChecks).
            _error = L[$"SignIn.Failed.{outcome.Reason}"] is { ResourceNotFound: false } text ? text : outcome.Message;
            return;
        }
        await SignInManager.SignInAsync(outcome.User!, isPersistent: Input!.RememberMe);
        var next = LocalUrl.OrHome(ReturnUrl);
        Navigation.NavigateTo(outcome.User!.MustChangePassword
            ? $"{PasswordChangeGate.ChangePasswordPath}?returnUrl={Uri.EscapeDataString(next)}"
            : next);
    }
}
