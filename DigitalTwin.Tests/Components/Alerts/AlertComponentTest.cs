using Bunit;
using DigitalTwin.Core.Alerts;
using DigitalTwin.Core.Audit;
using DigitalTwin.Core.Data;
using DigitalTwin.Core.Devices;
using DigitalTwin.Tests.Alerts;
using DigitalTwin.Core.Telemetry;
using DigitalTwin.Tests.Infrastructure;
using DigitalTwin.Web.Accounts;
using DigitalTwin.Web.Components.Alerts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DigitalTwin.Tests.Components.Alerts;

/// <summary>
/// bUnit with the app's real alert services (engine, feed, writer, service) on a fresh SQLite file, started as at
/// startup; the components under test get them, and the dialogs and snackbars of MudBlazor.
/// </summary>
public abstract class AlertComponentTest : MudComponentTest, IAsyncLifetime
{
    private AlertHost _host = null!;

    protected AlertQueryService Alerts => _host.Services.GetRequiredService<AlertQueryService>();

    protected AlertRuleService Rules => _host.Services.GetRequiredService<AlertRuleService>();

    protected AlertActionService PersonActions => _host.Services.GetRequiredService<AlertActionService>();

    protected AlertSilenceService Silences => _host.Services.GetRequiredService<AlertSilenceService>();

    protected IServiceProvider HostServices => _host.Services;

    /// <summary>Every query the alert services send to the database.</summary>
    protected QueryCounter Queries { get; } = new();

    /// <summary>The user signed in to the rendered components.</summary>
    protected const string TestUser = "ana";

    /// <summary>A user acting from elsewhere (another browser, a script).</summary>
    protected static Actor OtherUser { get; } = new("someone-else", ActorKind.User);

    public new async Task InitializeAsync()
    {
        _host = await AlertHost.StartAsync(services => services.ConfigureDbContext<DigitalTwinDbContext>(o => o.AddInterceptors(Queries)));
        foreach (var type in new[] { typeof(AlertQueryService), typeof(AlertRuleService), typeof(AlertActionService), typeof(AlertSilenceService), typeof(IAlertFeed), typeof(AlertEngine), typeof(AlertTargets), typeof(DeviceRegistry), typeof(TimeProvider) })
        {
            Context.Services.AddSingleton(type, _host.Services.GetRequiredService(type));
        }
        Context.Services.AddScoped<AlertActions>();
        // Actions are the signed-in user's: bUnit's test authorization signs one in.
        Authorization.SetAuthorized(TestUser);
        Context.Services.AddScoped<ClientAddress>();
        Context.Services.AddScoped<CurrentActor>();
        // MudBlazor's popovers ask where they render; the app is interactive server.
        Context.Renderer.SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Server", isInteractive: true));
        await SeedAsync();
    }

    /// <summary>Data every test of the class starts from.</summary>
    public virtual Task SeedAsync() => Task.CompletedTask;

    public new async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await _host.DisposeAsync();
    }

    /// <summary>A threshold rule on one device, created through the service as the dialog would.</summary>
    protected async Task<AlertRule> CreateRuleAsync(string device, double threshold, AlertSeverity severity = AlertSeverity.Critical, string name = "Too hot")
    {
        var result = await Rules.CreateRuleAsync(new AlertRuleDraft
        {
            Name = name, Kind = AlertRuleKind.Threshold, TargetKind = AlertTargetKind.Device, Target = device,
            Metric = "temperature", Operator = AlertOperator.GreaterThan, Threshold = threshold, Severity = severity,
        }, Actor.System);
        Assert.Equal(AlertResultStatus.Ok, result.Status);
        return result.Rule!;
    }

    /// <summary>A reading handed to the real engine, as the ingest pipeline does.</summary>
    protected async Task ReportAsync(string device, double temperature)
    {
        var now = DateTimeOffset.UtcNow;
        var engine = _host.Services.GetRequiredService<AlertEngine>();
        await engine.ObserveAsync([new TelemetryReading(device, now, now, [new MetricValue("temperature", temperature)])], CancellationToken.None);
    }

    /// <summary>Waits until the alert writer has committed everything the engine queued.</summary>
    protected async Task WrittenAsync()
    {
        var writer = _host.Services.GetRequiredService<AlertWriter>();
        await Eventually.TrueAsync(() => Task.FromResult(writer.IsIdle), what: "alert writes committed");
    }

    protected async Task<int> CountRulesAsync()
    {
        var factory = _host.Services.GetRequiredService<IDbContextFactory<DigitalTwinDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        return await db.AlertRules.CountAsync();
    }
}
