using DigitalTwin.Core.Alerts;
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
using DigitalTwin.Web.Components;
using DigitalTwin.Web.Devices;
using DigitalTwin.Web.Diagnostics;
using DigitalTwin.Web.Mqtt;
using DigitalTwin.Web.Power;
using DigitalTwin.Web.Security;
using DigitalTwin.Web.Telemetry;
using DigitalTwin.Web.Twins;
using Scalar.AspNetCore;

// A published app started from another directory (a service's working directory) still finds its own web assets;
// under `dotnet run` there is no wwwroot beside the binary and the development manifest serves them.
var publishedWebRoot = Path.Combine(AppContext.BaseDirectory, "wwwroot");
var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = args,
    WebRootPath = Directory.Exists(publishedWebRoot) ? publishedWebRoot : null,
});

builder.AddTopLevelSettings();
builder.AddDigitalTwinData();
builder.AddAccounts();
builder.AddDeviceRegistry();
builder.AddTelemetryIngest();
builder.AddHistory();
builder.AddTwins();
builder.AddAlerts();
builder.AddTelemetryPipeline();
builder.AddMqttBroker();
builder.AddThermometerSimulator();
builder.AddPowerAnalytics();
builder.AddWebUi();

var app = builder.Build();
await app.Services.InitializeDatabaseAsync();
await app.Services.LoadDevicesAsync();
await app.Services.EnsureAccountsAsync();
await app.Services.SeedDeviceStatusAsync();

app.UseSecurityHeaders();
app.UseErrorHandling();
app.UseAccounts();
app.UseRateLimiter();
app.UseAntiforgery();

app.MapStaticAssets().AllowAnonymous();
app.MapOpenApi();
app.MapScalarApiReference(OpenApiSecurity.ConfigureScalar);
app.MapPrometheusScrapingEndpoint().RequireAuthorization(Policies.Metrics);
app.MapAccountEndpoints();
app.MapAuthEndpoints();
app.MapUsersEndpoints();
app.MapDeviceEndpoints();
app.MapTelemetryEndpoints();
app.MapRoomModelEndpoints();
app.MapDiagnosticsEndpoints();
app.MapPowerEndpoints();
app.MapAlertEndpoints();
app.MapAuditEndpoints();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

app.Run();

/// <summary>Visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
