using System.Security.Claims;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace DigitalTwin.Tests.Infrastructure;

/// <summary>
/// A real OpenID Connect provider (OpenIddict) on a free loopback port, in the test process: discovery, keys, an
/// authorize endpoint that signs in <see cref="User"/> at once (no login page), and the token endpoint; the
/// authorization code flow with PKCE, one confidential client, its store on an in-memory SQLite database. It is
/// addressed as <c>localhost</c> while the app under test is at 127.0.0.1, so that the browser sees two sites, as
/// with a real provider.
/// </summary>
public sealed class LocalOpenIdProvider : IAsyncDisposable
{
    public const string ClientId = "digitaltwin";
    public const string ClientSecret = "test-client-secret";
    public const string RoleScope = "roles";

    private readonly SqliteConnection _database = new("Data Source=:memory:");
    private WebApplication? _app;

    /// <summary>Who the authorize endpoint signs in; a test changes it between sign-ins.</summary>
    public ProviderUser User { get; set; } = new("sso-1", "alice", "Alice Example", [DigitalTwin.Core.Accounts.Roles.Viewer]);

    /// <summary>The issuer, e.g. http://localhost:41234/.</summary>
    public Uri Authority { get; private set; } = null!;

    public async Task<LocalOpenIdProvider> StartAsync()
    {
        await _database.OpenAsync();
        var port = FreePort.Tcp();
        Authority = new Uri($"http://localhost:{port}/");
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://localhost:{port}");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddDbContext<ProviderDbContext>(o => o.UseSqlite(_database).UseOpenIddict());
        builder.Services.AddOpenIddict()
            .AddCore(o => o.UseEntityFrameworkCore().UseDbContext<ProviderDbContext>())
            .AddServer(o =>
            {
                o.SetAuthorizationEndpointUris("connect/authorize").SetTokenEndpointUris("connect/token");
                o.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange();
                o.RegisterScopes(Scopes.OpenId, Scopes.Profile, RoleScope);
                o.AddEphemeralEncryptionKey().AddEphemeralSigningKey();
                o.UseAspNetCore().EnableAuthorizationEndpointPassthrough().DisableTransportSecurityRequirement();
            });
        _app = builder.Build();
        _app.MapMethods("/connect/authorize", [HttpMethods.Get, HttpMethods.Post], Authorize);
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ProviderDbContext>().Database.EnsureCreatedAsync();
        }
        await _app.StartAsync();
        return this;
    }

    /// <summary>Registers the app as the client, with its redirect URI (known only once the app listens).</summary>
    public async Task RegisterClientAsync(Uri app)
    {
        await using var scope = _app!.Services.CreateAsyncScope();
        var manager = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        await manager.CreateAsync(new OpenIddictApplicationDescriptor
        {
            ClientId = ClientId,
            ClientSecret = ClientSecret,
            ClientType = ClientTypes.Confidential,
            DisplayName = "DigitalTwin",
            RedirectUris = { new Uri(app, "signin-oidc") },
            Permissions =
            {
                Permissions.Endpoints.Authorization,
                Permissions.Endpoints.Token,
                Permissions.GrantTypes.AuthorizationCode,
                Permissions.ResponseTypes.Code,
                Permissions.Scopes.Profile,
                Permissions.Prefixes.Scope + RoleScope,
            },
            Requirements = { Requirements.Features.ProofKeyForCodeExchange },
        });
    }

    /// <summary>Signs <see cref="User"/> in without asking anything; the roles go into the ID token as the "roles" claim.</summary>
    private IResult Authorize(HttpContext context)
    {
        var request = context.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        var user = User;
        var identity = new ClaimsIdentity(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, "roles");
        identity.SetClaim(Claims.Subject, user.Subject)
            .SetClaim(Claims.PreferredUsername, user.UserName)
            .SetClaim(Claims.Name, user.Name)
            .SetClaims("roles", [.. user.Roles]);
        identity.SetScopes(request.GetScopes());
        identity.SetDestinations(_ => [Destinations.IdentityToken, Destinations.AccessToken]);
        return Results.SignIn(new ClaimsPrincipal(identity), properties: null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
        await _database.DisposeAsync();
    }

    /// <summary>A user at the provider.</summary>
    public sealed record ProviderUser(string Subject, string UserName, string Name, IReadOnlyList<string> Roles);

    /// <summary>OpenIddict's applications, authorizations and tokens.</summary>
    private sealed class ProviderDbContext(DbContextOptions<ProviderDbContext> options) : DbContext(options);
}
