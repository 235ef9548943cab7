using System.Globalization;
using DigitalTwin.Core.Twins.Maintenance;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace DigitalTwin.Web.Components.Maintenance;

/// <summary>The maintenance table's words: a plain sentence for a device's drift, and the numbers as the reader's culture writes them.</summary>
public static class DriftText
{
    /// <summary>One sentence on what moved most, in the reader's language ("Its readings scatter 2.4× as much …").</summary>
    public static string Explain(DeviceDrift drift, IStringLocalizer l) => drift.Cause switch
    {
        DriftCause.TooLittleHistory => l["Maint.Why.TooLittle", N((drift.To - drift.From).TotalDays, "0.#"), N(DriftScorer.MinimumSpan.TotalDays, "0.#")],
        DriftCause.Noise => l["Maint.Why.Noise", N(drift.NoiseRatio, "0.0"), N(drift.RecentNoise, "0.###"), N(drift.BaselineNoise, "0.###")],
        DriftCause.Bias => l[drift.BiasShift >= 0 ? "Maint.Why.BiasUp" : "Maint.Why.BiasDown", N(Math.Abs(drift.BiasShift), "0.##"), N(drift.BiasSpread, "0.##")],
        DriftCause.Faults => l["Maint.Why.Faults", N(drift.RecentFaultsPerDay, "0.#"), N(drift.BaselineFaultsPerDay, "0.#")],
        DriftCause.HeaterDuty => l["Maint.Why.Duty", N(drift.RecentDuty ?? 0, "0%"), N(drift.BaselineDuty ?? 0, "0%")],
        DriftCause.HeatingRate => l["Maint.Why.Heating", N(drift.RecentHeating ?? 0, "0.##"), N(drift.BaselineHeating ?? 0, "0.##")],
        _ => l["Maint.Why.None", N(drift.NoiseRatio, "0.0"), Signed(drift.BiasShift)],
    };

    /// <summary>The cause's short name, for the chip.</summary>
    public static string Cause(DriftCause cause, IStringLocalizer l) => l[$"Maint.Cause.{cause}"];

    public static Color Color(DeviceDrift drift) => drift.Cause == DriftCause.TooLittleHistory
        ? MudBlazor.Color.Default
        : drift.Score >= 2 ? MudBlazor.Color.Error : drift.Score >= 1 ? MudBlazor.Color.Warning : MudBlazor.Color.Success;

    /// <summary>Faults per day, oldest day first ("0 · 1 · 0 · 4").</summary>
    public static string FaultsPerDay(DeviceDrift drift) => string.Join(" · ", drift.Days.Select(d => d.Faults.ToString(CultureInfo.CurrentCulture)));

    public static string N(double value, string format) => value.ToString(format, CultureInfo.CurrentCulture);

    public static string Signed(double value) => value.ToString("+0.##;−0.##;0", CultureInfo.CurrentCulture);
}
