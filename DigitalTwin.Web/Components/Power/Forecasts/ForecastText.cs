using System.Globalization;
using DigitalTwin.Core.Power.Forecasting;
using DigitalTwin.Web.Localization;
using Microsoft.Extensions.Localization;

namespace DigitalTwin.Web.Components.Power.Forecasts;

/// <summary>How the forecast page words and formats its numbers.</summary>
public static class ForecastText
{
    /// <summary>"합계 · auto · May 2024 from data up to April 2024" (Korean "합계 · auto · 2024년 4월까지의 데이터로 2024년 5월").</summary>
    public static string Describe(ForecastRequest request, IStringLocalizer l)
    {
        var target = request.Horizon == 1
            ? CultureFormat.Month(request.Cutoff.AddMonths(1))
            : $"{CultureFormat.Month(request.Cutoff.AddMonths(1))} – {CultureFormat.Month(request.Cutoff.AddMonths(request.Horizon))}";
        return $"{request.ContractType} · {request.Model} · " + l["Forecast.Describe", target, CultureFormat.Month(request.Cutoff)];
    }

    /// <summary>A percentage (already × 100) as "4.2 %"; "–" when unknown.</summary>
    public static string Percent(double? value) =>
        value is { } v && double.IsFinite(v) ? v.ToString("0.0", CultureInfo.InvariantCulture) + " %" : "–";

    /// <summary>A signed percentage (already × 100) as "+4.2 %".</summary>
    public static string SignedPercent(double value) => value.ToString("+0.0;−0.0;0.0", CultureInfo.InvariantCulture) + " %";

    /// <summary>A signed error as "+12.3 GWh" / "−4.0 GWh".</summary>
    public static string SignedEnergy(double? kwh) =>
        kwh is { } v && double.IsFinite(v) ? (v > 0 ? "+" : v < 0 ? "−" : "") + EnergyFormat.Energy(Math.Abs(v)) : "–";

    /// <summary>A squared error in kWh² as the square of an energy, so it stays readable: "(3.1 GWh)²".</summary>
    public static string SquaredEnergy(double? kwh2) =>
        kwh2 is { } v && double.IsFinite(v) ? $"({EnergyFormat.Energy(Math.Sqrt(v))})²" : "–";

    public static string Interval(ForecastRow row) =>
        row.Lower is null ? "–" : $"{EnergyFormat.Energy(row.Lower)} – {EnergyFormat.Energy(row.Upper)}";

    public static string Correlation(double r) => double.IsFinite(r) ? r.ToString("0.00", CultureInfo.InvariantCulture) : "–";
}
