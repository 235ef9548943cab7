using DigitalTwin.Core.Devices;

namespace DigitalTwin.Tests.Devices;

public sealed class DeviceSecretTests
{
    [Fact]
    public void Generate_Always_43UrlSafeCharactersAndUnique()
    {
        var secrets = Enumerable.Range(0, 1000).Select(_ => DeviceSecret.Generate()).ToList();

        Assert.All(secrets, s => Assert.Matches("^[A-Za-z0-9_-]{43}$", s));
        Assert.Equal(secrets.Count, secrets.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Matches_SameSecretSameSalt_TrueOtherwiseFalse()
    {
        var secret = DeviceSecret.Generate();
        var salt = DeviceSecret.NewSalt();
        var hash = DeviceSecret.Hash(secret, salt);

        Assert.True(DeviceSecret.Matches(secret, salt, hash));
        Assert.False(DeviceSecret.Matches(secret + "x", salt, hash));
        Assert.False(DeviceSecret.Matches(secret, DeviceSecret.NewSalt(), hash));
        Assert.False(DeviceSecret.Matches(null, salt, hash));
        Assert.False(DeviceSecret.Matches("", salt, hash));
    }

    [Fact]
    public void Hash_SameSecretDifferentSalts_DifferentHashes()
    {
        var secret = DeviceSecret.Generate();

        Assert.NotEqual(DeviceSecret.Hash(secret, DeviceSecret.NewSalt()), DeviceSecret.Hash(secret, DeviceSecret.NewSalt()));
    }
}
