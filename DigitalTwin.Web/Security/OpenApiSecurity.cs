using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Scalar.AspNetCore;

namespace DigitalTwin.Web.Security;

/// <summary>
/// The OpenAPI document's security: personal API tokens (bearerAuth) for the API, the device's own secret
/// (deviceSecret) for its telemetry posts, nothing for anonymous operations; and the API reference page that lets a
/// user paste a token.
/// </summary>
public static class OpenApiSecurity
{
    public const string BearerScheme = "bearerAuth";

    public const string DeviceSecretScheme = "deviceSecret";

    public static OpenApiOptions AddSecuritySchemes(this OpenApiOptions options)
    {
        options.AddDocumentTransformer(DeclareSchemes);
        options.AddOperationTransformer(RequireToken);
        return options;
    }

    /// <summary>For an operation a device calls with its own secret (an anonymous endpoint that checks the secret itself).</summary>
    public static void RequireDeviceSecret(OpenApiOperation operation, OpenApiOperationTransformerContext context) =>
        operation.Security = [Requirement(DeviceSecretScheme, context.Document)];

    /// <summary>
    /// The reference page (/scalar/v1): a token is pasted into the bearerAuth scheme. Everything it loads is the
    /// package's own (served from /scalar); no CDN fonts, and none of Scalar's cloud features (AI chat, MCP, telemetry,
    /// deploy toolbar), which would send the API's description elsewhere and which the Content-Security-Policy refuses
    /// anyway. Its inline configuration script carries this request's CSP nonce.
    /// </summary>
    public static void ConfigureScalar(ScalarOptions options, HttpContext context)
    {
        options
            .WithTitle("DigitalTwin API")
            .AddPreferredSecuritySchemes([BearerScheme])
            .DisableDefaultFonts()
            .DisableAgent()
            .DisableMcp()
            .DisableTelemetry()
            .HideDeveloperTools();
        if (SecurityHeaders.Nonce(context) is { } nonce)
        {
            options.WithNonce(nonce);
        }
    }

    private static Task DeclareSchemes(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "dtu_…",
            Description = "A personal API token dtu_… (from your profile page, or POST /api/auth/token with user name and password): "
                + "Authorization: Bearer dtu_…. It acts as you, narrowed to the token's role.",
        };
        document.Components.SecuritySchemes[DeviceSecretScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "The device's own secret (shown once when the device is registered or its secret rotated): "
                + "Authorization: Bearer <secret>. It lets the device report for itself only; it is not a user token.",
        };
        return Task.CompletedTask;
    }

    /// <summary>Every operation that is not anonymous needs a token; anonymous ones declare nothing (or their own scheme).</summary>
    private static Task RequireToken(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var anonymous = context.Description.ActionDescriptor.EndpointMetadata.OfType<IAllowAnonymous>().Any();
        if (!anonymous)
        {
            operation.Security = [Requirement(BearerScheme, context.Document)];
        }
        return Task.CompletedTask;
    }

    private static OpenApiSecurityRequirement Requirement(string scheme, OpenApiDocument? document) =>
        new() { [new OpenApiSecuritySchemeReference(scheme, document)] = [] };
}
