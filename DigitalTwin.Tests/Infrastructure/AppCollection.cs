namespace DigitalTwin.Tests.Infrastructure;

/// <summary>
/// Tests that start the whole app. They run one class at a time, after the parallel unit tests: every app
/// registers the same .NET Meter name, and the /metrics exporter of one app sees every live app's meter in the
/// process, so two apps at once would mix their counters. It also keeps several silos off a 2-core machine.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AppCollection
{
    public const string Name = "App";
}

/// <summary>One app shared by the tests of a class; each test uses its own device ids.</summary>
public sealed class AppFixture : IAsyncLifetime
{
    public DigitalTwinAppFactory App { get; } = new();

    public Task InitializeAsync() => App.StartAsync();

    public Task DisposeAsync() => App.DisposeAsync().AsTask();
}

/// <summary>One app with Devices:AllowAutoRegistration on, for tests about something else than credentials (e.g. fuzzing device ids).</summary>
public sealed class AutoRegistrationAppFixture : IAsyncLifetime
{
    public DigitalTwinAppFactory App { get; } = new();

    public Task InitializeAsync()
    {
        App.Settings["Devices:AllowAutoRegistration"] = "true";
        return App.StartAsync();
    }

    public Task DisposeAsync() => App.DisposeAsync().AsTask();
}
