using Microsoft.ML.Data;

namespace DigitalTwin.Core.Power.Forecasting;

/// <summary>
/// One training or scoring row: predict log(y(target) / y(origin)) from what is known at the origin.
/// A ratio instead of kWh lets one model serve a 2 GWh 군 and a 9 TWh province alike.
/// </summary>
public sealed class MlRow
{
    public const int FeatureCount = 10;

    [VectorType(FeatureCount)]
    public float[] Features { get; set; } = [];

    public float Label { get; set; }
}

public sealed class MlPrediction
{
    [ColumnName("Score")]
    public float Score { get; set; }
}

/// <summary>Feature extraction; reads nothing after the origin, which is the last month of the history passed in.</summary>
public static class MlFeatures
{
    /// <summary>Log ratios are clipped so one billing correction cannot dominate the squared loss.</summary>
    public const float MaxLogRatio = 1.5f;

    /// <summary>Null when the origin value is not positive (no ratio to learn or apply).</summary>
    public static float[]? Build(MonthlySeries history, YearMonth target, string contractType, SeasonalProfile? profile, bool isProvince)
    {
        var origin = history.LastMonth;
        var y0 = history.LastValue;
        if (y0 <= 0)
        {
            return null;
        }
        return
        [
            origin.MonthsUntil(target),
            target.Month,
            origin.Month,
            ContractTypeIndex(contractType),
            profile is null ? float.NaN : (float)Math.Log(profile[target.Month] / profile[origin.Month]),
            LogRatio(history, target.AddMonths(-12), origin, y0),
            LogRatio(history, origin.AddMonths(-1), origin, y0),
            LogRatio(history, origin.AddMonths(-12), origin, y0),
            (float)Math.Log(y0),
            isProvince ? 1 : 0,
        ];
    }

    public static float Clip(double logRatio) => (float)Math.Clamp(logRatio, -MaxLogRatio, MaxLogRatio);

    /// <summary>log(y(month) / y(origin)); missing (NaN, which LightGBM routes on its own) when unobserved or after the origin.</summary>
    private static float LogRatio(MonthlySeries history, YearMonth month, YearMonth origin, double y0) =>
        month <= origin && history.TryGet(month, out var v) && v > 0 ? Clip(Math.Log(v / y0)) : float.NaN;

    private static float ContractTypeIndex(string contractType)
    {
        for (var i = 0; i < ContractTypes.All.Count; i++)
        {
            if (ContractTypes.All[i] == contractType)
            {
                return i;
            }
        }
        return float.NaN;
    }
}
