namespace DigitalTwin.Web.Security;

/// <summary>
/// The Content-Security-Policy: everything from the app's own origin, nothing from anywhere else, no plugins, no
/// framing. Checked in a real browser on every page (ContentSecurityPolicyBrowserTests).
/// </summary>
public sealed class ContentSecurityPolicy(string? oidcAuthority)
{
    // Scripts: the app's own files (Blazor, MudBlazor, ApexCharts, D3 and topojson from wwwroot/lib; Scalar's bundle
    // from /scalar) and, by a per-request nonce, the inline scripts of a page: Blazor's import map and the Scalar
    // reference's configuration. No 'unsafe-inline', no eval.
    // Styles need 'unsafe-inline': MudBlazor and ApexCharts set style attributes and inject <style> elements at run
    // time, which neither nonces nor hashes can cover (a nonce in style-src would also switch 'unsafe-inline' off).
    // connect-src 'self' covers the circuit's WebSocket on the same host (CSP 3) and the map's fetch of
    // /api/power/districts/boundaries. data: images and fonts: MudBlazor's and ApexCharts' SVG data URLs.
    private readonly string _tail =
        "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; "
        + "object-src 'none'; base-uri 'self'; frame-ancestors 'none'; "
        // A sign-out form post may be redirected on to the single sign-on provider's end-session page.
        + $"form-action 'self'{AuthorityOrigin(oidcAuthority)}";

    public string For(string nonce) => $"default-src 'self'; script-src 'self' 'nonce-{nonce}'; {_tail}";

    private static string AuthorityOrigin(string? authority) =>
        Uri.TryCreate(authority, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? $" {uri.GetLeftPart(UriPartial.Authority)}"
            : "";
}
