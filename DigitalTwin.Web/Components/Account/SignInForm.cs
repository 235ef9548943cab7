using System.ComponentModel.DataAnnotations;

namespace DigitalTwin.Web.Components.Account;

public sealed class SignInForm
{
    [Required(ErrorMessageResourceType = typeof(FormText), ErrorMessageResourceName = nameof(FormText.EnterUserName))]
    public string UserName { get; set; } = "";

    [Required(ErrorMessageResourceType = typeof(FormText), ErrorMessageResourceName = nameof(FormText.EnterPassword))]
    public string Password { get; set; } = "";

    public bool RememberMe { get; set; }
}

public sealed class ChangePasswordForm
{
    [Required(ErrorMessageResourceType = typeof(FormText), ErrorMessageResourceName = nameof(FormText.EnterCurrentPassword))]
    public string CurrentPassword { get; set; } = "";

    [Required(ErrorMessageResourceType = typeof(FormText), ErrorMessageResourceName = nameof(FormText.ChooseNewPassword))]
    public string NewPassword { get; set; } = "";

    [Compare(nameof(NewPassword), ErrorMessageResourceType = typeof(FormText), ErrorMessageResourceName = nameof(FormText.PasswordsDiffer))]
    public string ConfirmPassword { get; set; } = "";
}
