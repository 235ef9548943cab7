using System.ComponentModel;
using DigitalTwin.Core.Telemetry;
using DigitalTwin.Core.Twins.Maintenance;
using DigitalTwin.Core.Twins.Model;
using DigitalTwin.Web.Accounts;
using DigitalTwin.Web.Devices;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DigitalTwin.Web.Twins;

/// <summary>GET /api/maintenance: devices ranked by how far they drifted from their own first days (the /maintenance page's table).</summary>
public static class MaintenanceApi
{
    public const int DefaultPageSize = 50;

    public static RouteGroupBuilder MapMaintenanceEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/maintenance").WithTags("Room model").RequireAuthorization(Policies.Read);
        group.MapGet("/", GetRanking)
            .WithSummary("Devices ranked by how far their behaviour drifted from their first days, worst first")
            .WithDescription("Each device's metric over the last days: its first third (the baseline) against its last third — "
                + "the scatter of the fault detector's one-step misses (noise ratio), the shift from the baseline's daily pattern (bias), "
                + "faults flagged per day, and, when the device reports a heater, its duty and how fast the room warms with it on. score ≥ 1 is worth a look; cause names the largest. "
                + $"At most {MaintenanceReport.MaxDevices} devices, each read as 5-minute buckets; computed at most once a minute.");
        return group;
    }

    private static async Task<Results<Ok<DriftRanking>, ProblemHttpResult>> GetRanking(
        [Description("Metric (default temperature)")] string? metric,
        [Description("Days of history to judge, 2 to 30 (default 7)")] int? days,
        [Description("Devices to skip in the ranking (default 0)")] int? skip,
        [Description("Devices to return, 1 to 200 (default 50)")] int? take,
        MaintenanceReport report, CancellationToken cancellationToken)
    {
        var name = string.IsNullOrEmpty(metric) ? TwinForecaster.TemperatureMetric : metric;
        if (!MetricName.IsValid(name))
        {
            return ApiProblems.BadQuery($"'metric' ('{Problems.BindingErrorDescriber.Shorten(name)}') is not a metric name ({MetricName.Rule}).");
        }
        if (days is < 2 or > MaintenanceReport.MaxDays)
        {
            return ApiProblems.BadQuery($"'days' ({days}) must be from 2 to {MaintenanceReport.MaxDays}.");
        }
        if (skip is < 0)
        {
            return ApiProblems.BadQuery($"'skip' ({skip}) must not be negative.");
        }
        if (take is < 1 or > MaintenanceReport.MaxPageSize)
        {
            return ApiProblems.BadQuery($"'take' ({take}) must be from 1 to {MaintenanceReport.MaxPageSize}.");
        }
        return TypedResults.Ok(await report.RankAsync(name, days ?? MaintenanceReport.DefaultDays, skip ?? 0, take ?? DefaultPageSize, cancellationToken));
    }
}
