namespace DigitalTwin.Web.Accounts;

/// <summary>Return addresses after sign-in stay on this site: an absolute or protocol-relative URL becomes the home page.</summary>
public static class LocalUrl
{
    public static string OrHome(string? url) =>
        IsLocal(url) && !url.StartsWith("/account/log", StringComparison.OrdinalIgnoreCase) ? url : "/";

    /// <summary>The address itself when it is on this site (the sign-in pages included), else the home page.</summary>
    public static string OrSelf(string? url) => IsLocal(url) ? url : "/";

    private static bool IsLocal([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] string? url) =>
        !string.IsNullOrEmpty(url) && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal);
}
