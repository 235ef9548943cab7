using DigitalTwin.Core.Devices;
using DigitalTwin.Core.Simulation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace DigitalTwin.Tests.Simulation;

public sealed class SimulatorOptionsTests
{
    private readonly SimulatorOptionsValidator _validator = new();

    [Fact]
    public void Validate_Defaults_Succeeds()
    {
        Assert.True(_validator.Validate(null, new SimulatorOptions()).Succeeded);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(100_000)]
    public void Validate_CountAtBounds_Succeeds(int count)
    {
        Assert.True(_validator.Validate(null, new SimulatorOptions { Count = count }).Succeeded);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(100_001)]
    public void Validate_CountOutOfRange_Fails(int count)
    {
        var result = _validator.Validate(null, new SimulatorOptions { Count = count });

        Assert.True(result.Failed);
        Assert.Contains("Count", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1000)]
    public void Validate_NonPositiveInterval_Fails(int milliseconds)
    {
        var result = _validator.Validate(null, new SimulatorOptions { Interval = TimeSpan.FromMilliseconds(milliseconds) });

        Assert.True(result.Failed);
        Assert.Contains("Interval", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-60.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Validate_BadTimeScale_Fails(double timeScale)
    {
        var result = _validator.Validate(null, new SimulatorOptions { TimeScale = timeScale });

        Assert.True(result.Failed);
        Assert.Contains("TimeScale", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("room/")]
    [InlineData("thermo+")]
    [InlineData("#")]
    public void Validate_PrefixNotATopicLevel_Fails(string prefix)
    {
        var result = _validator.Validate(null, new SimulatorOptions { DevicePrefix = prefix });

        Assert.True(result.Failed);
        Assert.Contains("DevicePrefix", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void AddThermometerSimulator_CountZero_RegistersNoHostedService()
    {
        var services = Register(new() { ["Simulator:Count"] = "0" });

        Assert.DoesNotContain(services, d => d.ImplementationType == typeof(ThermometerSimulator));
    }

    [Fact]
    public void AddThermometerSimulator_NoSection_RegistersHostedServiceWithDefaults()
    {
        var services = Register([]);

        Assert.Contains(services, d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(ThermometerSimulator));
        using var provider = services.BuildServiceProvider();
        var options = provider.GetRequiredService<IOptions<SimulatorOptions>>().Value;
        Assert.Equal((3, TimeSpan.FromSeconds(1), 60.0, "thermo-"), (options.Count, options.Interval, options.TimeScale, options.DevicePrefix));
    }

    [Fact]
    public async Task AddThermometerSimulator_InvalidSection_FailsOnStart()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Simulator:Count"] = "3",
            ["Simulator:Interval"] = "00:00:00",
        });
        builder.AddThermometerSimulator();
        // The simulator registers its devices through the registry, which needs the database; not under test here.
        builder.Services.AddSingleton<IDeviceProvisioner, NoDevices>();
        using var host = builder.Build();

        var exception = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Interval", exception.Message, StringComparison.Ordinal);
    }

    private static IServiceCollection Register(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddThermometerSimulator();
        return builder.Services;
    }

    private sealed class NoDevices : IDeviceProvisioner
    {
        public Task<IReadOnlyDictionary<string, string>> ProvisionAsync(IReadOnlyList<DeviceDraft> drafts, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyDictionary<string, string>>(new Dictionary<string, string>());
    }
}
