using DigitalTwin.Web.Accounts;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace DigitalTwin.Tests.Accounts;

public sealed class OidcOptionsTests
{
    private static ValidateOptionsResult Validate(string? authority, string? clientId = "digitaltwin", bool? requireHttpsMetadata = null) =>
        new OidcOptionsValidator().Validate(null, new OidcOptions { Authority = authority, ClientId = clientId, RequireHttpsMetadata = requireHttpsMetadata });

    [Fact]
    public void Validate_NoAuthority_SucceedsWithSingleSignOnOff()
    {
        Assert.True(Validate(null, clientId: null).Succeeded);
        Assert.False(new OidcOptions().Enabled);
    }

    [Theory]
    [InlineData("https://login.example.com/realms/grid")]
    [InlineData("http://localhost:5001/")]
    [InlineData("http://127.0.0.1:5001/")]
    public void Validate_UsableAuthority_Succeeds(string authority) => Assert.True(Validate(authority).Succeeded);

    [Fact]
    public void Validate_AuthorityWithoutClientId_FailsNamingClientId()
    {
        var result = Validate("https://login.example.com/", clientId: " ");
        Assert.True(result.Failed);
        Assert.Contains("Auth:Oidc:ClientId", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("login.example.com")]
    [InlineData("/realms/grid")]
    [InlineData("ftp://login.example.com/")]
    public void Validate_AuthorityNotAbsoluteHttpUrl_FailsNamingAuthority(string authority)
    {
        var result = Validate(authority);
        Assert.True(result.Failed);
        Assert.Contains("Auth:Oidc:Authority must be an absolute http(s) URL", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_PlainHttpAuthorityElsewhere_FailsAskingForHttps()
    {
        var result = Validate("http://login.example.com/");
        Assert.True(result.Failed);
        Assert.Contains("Auth:Oidc:Authority must use https", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_HttpsMetadataOffForRemoteProvider_Fails()
    {
        var result = Validate("https://login.example.com/", requireHttpsMetadata: false);
        Assert.True(result.Failed);
        Assert.Contains("Auth:Oidc:RequireHttpsMetadata", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://login.example.com/", true)]
    [InlineData("https://localhost:5001/", true)]
    [InlineData("http://localhost:5001/", false)]
    [InlineData("http://[::1]:5001/", false)]
    public void EffectiveRequireHttpsMetadata_Unset_OffOnlyForPlainHttpOnThisMachine(string authority, bool expected) =>
        Assert.Equal(expected, new OidcOptions { Authority = authority }.EffectiveRequireHttpsMetadata);

    [Fact]
    public async Task AddSingleSignOn_AuthorityWithoutClientId_HostRefusesToStart()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Auth:Oidc:Authority"] = "https://login.example.com/" });
        builder.AddSingleSignOn();
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Auth:Oidc:ClientId is required", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ErrorKey_UnknownCode_ShowsTheGenericMessageNotTheCode()
    {
        Assert.Equal("SignIn.Sso.Failed", SingleSignOn.ErrorKey("<b>call 555-0100</b>"));
        Assert.Null(SingleSignOn.ErrorKey(null));
    }
}
