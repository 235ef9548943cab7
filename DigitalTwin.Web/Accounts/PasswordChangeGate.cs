namespace DigitalTwin.Web.Accounts;

/// <summary>
/// A user signed in with a generated or reset password must choose their own before doing anything else: pages
/// redirect to the change-password page, the API answers 403.
/// </summary>
public sealed class PasswordChangeGate(RequestDelegate next)
{
    public const string ChangePasswordPath = "/account/change-password";

    public Task InvokeAsync(HttpContext context)
    {
        if (!context.User.MustChangePassword() || IsAllowed(context.Request.Path))
        {
            return next(context);
        }
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            return Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Password change required",
                detail: "Sign in to the web app and change the first-run or reset password before using the API.",
                extensions: new Dictionary<string, object?> { ["reason"] = "PasswordChangeRequired" }).ExecuteAsync(context);
        }
        context.Response.Redirect($"{ChangePasswordPath}?returnUrl={Uri.EscapeDataString(context.Request.Path + context.Request.QueryString)}");
        return Task.CompletedTask;
    }

    /// <summary>Only the sign-in pages, which render without a circuit: an interactive page would let the user navigate on inside it.</summary>
    private static readonly string[] AccountPages = ["/account/login", "/account/logout", ChangePasswordPath, "/account/access-denied", Localization.LocalizationExtensions.SetCulturePath];

    private static bool IsAllowed(PathString path) =>
        AccountPages.Any(p => path.Equals(p, StringComparison.OrdinalIgnoreCase)) || path.StartsWithSegments("/_framework") || path.StartsWithSegments("/_content")
        || path.StartsWithSegments("/lib") || !path.StartsWithSegments("/api") && Path.HasExtension(path.Value);
}
