using System.ComponentModel;
using System.Globalization;
using System.Xml;
using DigitalTwin.Core.Devices;
using DigitalTwin.Core.History;
using DigitalTwin.Core.Telemetry;
using DigitalTwin.Core.Twins.Model;
using DigitalTwin.Web.Accounts;
using DigitalTwin.Web.Devices;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DigitalTwin.Web.Twins;

/// <summary>The room model of a device: its fitted parameters, a forecast with an interval, and what a new setpoint would do.</summary>
public static class RoomModelApi
{
    public const double MinSetpoint = 5;
    public const double MaxSetpoint = 35;

    public static RouteGroupBuilder MapRoomModelEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/devices/{id}").WithTags("Room model").RequireAuthorization(Policies.Read);
        group.MapGet("/forecast", GetForecast)
            .WithSummary("The next readings of a metric with a 90 % interval, from a model fitted to the device's own history")
            .WithDescription("An RC room model (temperature, when the device reports outdoorTemperature and heater) or a daily profile "
                + "(otherwise); the answer names the model, its parameters and its backtest against the last value.");
        group.MapGet("/model", GetModel).WithSummary("The fitted model of a metric: kind, parameters with their meaning, backtest");
        group.MapGet("/what-if", GetWhatIf)
            .WithSummary("If the thermostat's setpoint became this, when the room would reach it and how long the heater would run");
        return group;
    }

    private static async Task<Results<Ok<RoomForecastResponse>, ProblemHttpResult>> GetForecast(
        string id,
        [Description("Metric to forecast (default temperature)")] string? metric,
        [Description("How far ahead: ISO 8601 (PT2H) or 30m/2h; more than 0, at most 24 h (default PT2H)")] string? horizon,
        DeviceDirectory devices, TwinForecaster forecaster, CancellationToken cancellationToken)
    {
        if (Check(id, metric, devices, out var name) is { } problem)
        {
            return problem;
        }
        if (ParseHorizon(horizon) is not { } span)
        {
            return ApiProblems.BadQuery($"'horizon' ({Shorten(horizon)}) must be a duration above 0 and at most {TwinForecaster.MaxHorizon.TotalHours:0} h, "
                + "as ISO 8601 (PT2H) or 30m/2h.");
        }
        var (fit, points) = await forecaster.ForecastAsync(id, name, span, cancellationToken);
        return fit is null
            ? UnknownMetric(id, name)
            : TypedResults.Ok(new RoomForecastResponse(id, name, span, points, RoomModelResponse.Of(fit)));
    }

    private static async Task<Results<Ok<RoomModelResponse>, ProblemHttpResult>> GetModel(
        string id, [Description("Metric (default temperature)")] string? metric,
        DeviceDirectory devices, TwinForecaster forecaster, CancellationToken cancellationToken)
    {
        if (Check(id, metric, devices, out var name) is { } problem)
        {
            return problem;
        }
        return await forecaster.FitAsync(id, name, cancellationToken) is { } fit
            ? TypedResults.Ok(RoomModelResponse.Of(fit))
            : UnknownMetric(id, name);
    }

    private static async Task<Results<Ok<WhatIfAnswer>, ProblemHttpResult>> GetWhatIf(
        string id, [Description($"The new setpoint, °C, 5 to 35")] string? setpoint,
        DeviceDirectory devices, TwinForecaster forecaster, CancellationToken cancellationToken)
    {
        if (Check(id, null, devices, out _) is { } problem)
        {
            return problem;
        }
        if (!double.TryParse(setpoint, NumberStyles.Float, CultureInfo.InvariantCulture, out var target) || target is < MinSetpoint or > MaxSetpoint)
        {
            return ApiProblems.BadQuery($"'setpoint' ({Shorten(setpoint)}) must be a temperature in °C from {MinSetpoint} to {MaxSetpoint}.");
        }
        return await forecaster.WhatIfAsync(id, target, cancellationToken) is { } answer
            ? TypedResults.Ok(answer)
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No room model",
                detail: $"Device '{id}' has no fitted room with a heater: it must report '{TwinForecaster.TemperatureMetric}', "
                    + $"'{TwinForecaster.OutdoorMetric}' and '{TwinForecaster.HeaterMetric}'.");
    }

    private static ProblemHttpResult? Check(string id, string? metric, DeviceDirectory devices, out string name)
    {
        name = string.IsNullOrEmpty(metric) ? TwinForecaster.TemperatureMetric : metric;
        if (ApiProblems.InvalidDeviceId(id) is { } invalid)
        {
            return invalid;
        }
        if (!MetricName.IsValid(name))
        {
            return ApiProblems.BadQuery($"'metric' ({Shorten(name)}) is not a metric name ({MetricName.Rule}).");
        }
        return devices.Contains(id) ? null : ApiProblems.UnregisteredDevice(id);
    }

    private static ProblemHttpResult UnknownMetric(string id, string metric) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown metric",
            detail: $"Device '{id}' has never reported '{metric}'.");

    /// <summary>PT2H (ISO 8601) or 2h/30m; null when unreadable, not positive or beyond the maximum.</summary>
    internal static TimeSpan? ParseHorizon(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return TimeSpan.FromHours(2);
        }
        TimeSpan span;
        if (text.StartsWith('P'))
        {
            try
            {
                span = XmlConvert.ToTimeSpan(text);
            }
            catch (FormatException)
            {
                return null;
            }
            catch (OverflowException)
            {
                return null;
            }
        }
        else if (!HistoryInterval.TryParse(text, out span))
        {
            return null;
        }
        return span > TimeSpan.Zero && span <= TwinForecaster.MaxHorizon ? span : null;
    }

    private static string Shorten(string? text) => text is null ? "missing" : $"'{Problems.BindingErrorDescriber.Shorten(text)}'";
}
