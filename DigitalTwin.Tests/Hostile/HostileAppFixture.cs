using DigitalTwin.Tests.Infrastructure;

namespace DigitalTwin.Tests.Hostile;

/// <summary>One app with default limits, except a short CONNECT timeout so the tests need not wait 10 s.</summary>
public sealed class HostileAppFixture : IAsyncLifetime
{
    public static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(2);

    public DigitalTwinAppFactory App { get; } = new();

    public Task InitializeAsync()
    {
        App.Settings["Mqtt:ConnectTimeout"] = ConnectTimeout.ToString();
        return App.StartAsync();
    }

    public Task DisposeAsync() => App.DisposeAsync().AsTask();
}
