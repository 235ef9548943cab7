namespace DigitalTwin.Web.Security;

/// <summary>
/// The Content-Security-Policy: everything from the app's own origin, nothing from anywhere else, no plugins, no
/// framing. Checked in a real browser on every page (SecurityHeadersBrowserTests).
/// </summary>
public sealed class ContentSecurityPolicy(string? oidcAuthority)
{
    // Scripts: the app's own files (Blazor, MudBlazor, ApexCharts, D3 and topojson from wwwroot/lib) and, by a
    // per-request nonce, the one inline script Blazor renders (the import map). No 'unsafe-inline', no eval.
    // Styles need 'unsafe-inline': MudBlazor and ApexCharts set style attributes and inject <style> elements at run
    // time, which neither nonces nor hashes can cover (a nonce in style-src would also switch 'unsafe-inline' off).
    // connect-src 'self' covers the circuit's WebSocket on the same host (CSP 3) and the map's fetch of
    // /api/power/districts/boundaries. data: images and fonts: MudBlazor's and ApexCharts' SVG data URLs.
    private readonly string _tail =
        "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; "
        + "worker-src 'self' blob:; object-src 'none'; base-uri 'self'; frame-ancestors 'none'; "
        // A sign-out form post may be redirected on to the single sign-on provider's end-session page.
        + $"form-action 'self'{AuthorityOrigin(oidcAuthority)}";

    public string ForApp(string nonce) => $"default-src 'self'; script-src 'self' 'nonce-{nonce}'; {_tail}";

    /// <summary>
    /// The Scalar API reference (/scalar): its page carries an inline module script (the configuration), allowed by
    /// its hash, computed from the page as served (<see cref="ScalarPage"/>). Its own script is served by the package
    /// from /scalar; its fonts are the browser's (DisableDefaultFonts), so nothing comes from a CDN.
    /// </summary>
    public string ForScalar(IEnumerable<string> scriptHashes) =>
        $"default-src 'self'; script-src 'self' {string.Join(' ', scriptHashes.Select(h => $"'sha256-{h}'"))}; {_tail}";

    private static string AuthorityOrigin(string? authority) =>
        Uri.TryCreate(authority, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? $" {uri.GetLeftPart(UriPartial.Authority)}"
            : "";
}
