using DigitalTwin.Web.Security;

namespace DigitalTwin.Tests.Security;

public sealed class ContentSecurityPolicyTests
{
    [Fact]
    public void For_SingleSignOnConfigured_FormsMayGoOnToTheProvider()
    {
        var policy = new ContentSecurityPolicy("https://login.example.com/realms/plant").For("abc");

        Assert.Equal("'self' https://login.example.com", SecurityHeadersTests.Directive(policy, "form-action"));
    }

    [Fact]
    public void For_NoSingleSignOn_FormsOnlyToTheApp()
    {
        var policy = new ContentSecurityPolicy(null).For("abc");

        Assert.Equal("'self'", SecurityHeadersTests.Directive(policy, "form-action"));
        Assert.Equal("'self' 'nonce-abc'", SecurityHeadersTests.Directive(policy, "script-src"));
    }
}
