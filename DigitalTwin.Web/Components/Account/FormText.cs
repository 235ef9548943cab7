using System.Globalization;
using System.Resources;
using DigitalTwin.Web.Localization;

namespace DigitalTwin.Web.Components.Account;

/// <summary>
/// The sign-in forms' validation messages in the reader's language. DataAnnotations attributes cannot take an
/// <c>IStringLocalizer</c>; they read static properties (<c>ErrorMessageResourceType</c>), so these read the same
/// resources for the culture of the request.
/// </summary>
public static class FormText
{
    private static readonly ResourceManager Resources = new(typeof(SharedResource).FullName!, typeof(SharedResource).Assembly);

    public static string EnterUserName => Text("Form.EnterUserName");

    public static string EnterPassword => Text("Form.EnterPassword");

    public static string EnterCurrentPassword => Text("Form.EnterCurrentPassword");

    public static string ChooseNewPassword => Text("Form.ChooseNewPassword");

    public static string PasswordsDiffer => Text("Form.PasswordsDiffer");

    private static string Text(string key) => Resources.GetString(key, CultureInfo.CurrentUICulture) ?? key;
}
