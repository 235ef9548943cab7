namespace DigitalTwin.Web.Accounts;

/// <summary>Return addresses after sign-in stay on this site: an absolute or protocol-relative URL becomes the home page.</summary>
public static class LocalUrl
{
    public static string OrHome(string? url) =>
        !string.IsNullOrEmpty(url) && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal)
            && !url.StartsWith("/account/log", StringComparison.OrdinalIgnoreCase)
            ? url
            : "/";
}
