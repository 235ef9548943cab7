using DigitalTwin.Core.Alerts;
using DigitalTwin.Core.Backup;
using DigitalTwin.Core.Data;
using DigitalTwin.Core.Devices;
using DigitalTwin.Core.History;
using DigitalTwin.Core.Pipeline;
using DigitalTwin.Core.Power;
using DigitalTwin.Core.Simulation;
using DigitalTwin.Core.Telemetry;
using DigitalTwin.Core.Twins;
using DigitalTwin.Core.Accounts;
using DigitalTwin.Web;
using DigitalTwin.Web.Accounts;
using DigitalTwin.Web.Alerts;
using DigitalTwin.Web.Audit;
using DigitalTwin.Web.Backup;
using DigitalTwin.Web.Cluster;
using DigitalTwin.Web.Components;
using DigitalTwin.Web.Devices;
using DigitalTwin.Web.Diagnostics;
using DigitalTwin.Web.Health;
using DigitalTwin.Web.Localization;
using DigitalTwin.Web.Hosting;
using DigitalTwin.Web.Mqtt;
using DigitalTwin.Web.Observability;
using DigitalTwin.Web.Power;
using DigitalTwin.Web.Security;
using DigitalTwin.Web.Telemetry;
using DigitalTwin.Web.Twins;
using Scalar.AspNetCore;

var builder = WebApplication.CreateBuilder(PublishedLayout.Options(args));

builder.AddTopLevelSettings();
builder.AddDigitalTwinData();
builder.AddBackup();
builder.AddAccounts();
builder.AddDeviceRegistry();
builder.AddTelemetryIngest();
builder.AddHistory();
builder.AddTwins();
builder.AddAlerts(hostEngine: !ClusterModeOptions.IsEnabled(builder.Configuration));
builder.AddClusterMode();
builder.AddTelemetryPipeline();
builder.AddMqttBroker();
builder.AddThermometerSimulator();
builder.AddPowerAnalytics();
builder.AddWebUi();
builder.AddLocalizationUi();
builder.AddHealth();
builder.AddObservability();

var app = builder.Build();
await app.Services.InitializeDatabaseAsync();
await app.Services.LoadDevicesAsync();
await app.Services.EnsureAccountsAsync();
await app.Services.SeedDeviceStatusAsync();

app.UseSecurityHeaders();
app.UseLocalizationUi();
app.UseErrorHandling();
app.UseAccounts();
app.UseRateLimiter();
app.UseAntiforgery();

app.MapStaticAssets().AllowAnonymous();
app.MapHealthEndpoints();
app.MapOpenApi();
app.MapScalarApiReference(OpenApiSecurity.ConfigureScalar);
app.MapPrometheusScrapingEndpoint().RequireAuthorization(Policies.Metrics);
app.MapAccountEndpoints();
app.MapCultureEndpoints();
app.MapAuthEndpoints();
app.MapUsersEndpoints();
app.MapDeviceEndpoints();
app.MapTelemetryEndpoints();
app.MapRoomModelEndpoints();
app.MapMaintenanceEndpoints();
app.MapDiagnosticsEndpoints();
app.MapPowerEndpoints();
app.MapAlertEndpoints();
app.MapAuditEndpoints();
app.MapBackupEndpoints();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

app.Run();

/// <summary>Visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
