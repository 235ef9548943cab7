namespace DigitalTwin.Core.Power.Forecasting;

/// <summary>
/// The English sentence of every <see cref="ForecastReason"/> code: the API's words. The codes are stable (programs
/// and the UI's translations key on them); a sentence may change its words, not the meaning of its arguments.
/// </summary>
public static class ForecastReasons
{
    public static readonly IReadOnlyDictionary<string, string> English = new Dictionary<string, string>
    {
        ["model"] = "{0}; {1}",
        ["requested"] = "requested {0}",
        ["not-applicable"] = "not applicable: {0}",
        ["no-observation"] = "no observation up to the cutoff",
        ["no-earlier-year"] = "no target month observed in an earlier year",
        ["naive"] = "last observed value ({0})",
        ["seasonal-naive"] = "same month of the latest observed earlier year",
        ["seasonal-naive.gaps"] = "same month of the latest observed earlier year (none for {0})",
        ["year-on-year"] = "same month a year earlier × year-on-year growth {0:0.000} of the last observations",
        ["year-on-year.no-growth"] = "no observation with a positive value a year earlier",
        ["ets.additive"] = "Holt-Winters additive (α {0}, β {1}, γ {2}) on {3} months",
        ["ets.multiplicative"] = "Holt-Winters multiplicative (α {0}, β {1}, γ {2}) on {3} months",
        ["ets.short"] = "needs ≥ 2 seasons ({0} consecutive months), has {1}",
        ["ets.not-positive"] = "multiplicative seasonality needs positive values",
        ["province-shape"] = "level of {0}..{1} × seasonal shape of {2}",
        ["province-shape.no-profile"] = "no province seasonal profile for this contract type",
        ["profile-source"] = "{0} ({1} years)",
        ["province-ratio"] = "{0} × month-on-month ratios of {1}",
        ["province-ratio.no-ratios"] = "no province month-on-month ratios for this contract type",
        ["province-ratio.no-positive"] = "no positive observation up to the cutoff",
        ["ratio-source"] = "{0} {1} {2}",
        ["ratio-source.borrowed"] = "{0} {1} {2} (national for month {3})",
        ["ratio-source.national"] = "national {0} {1} ({2} has none)",
        ["ensemble"] = "weighted mean of {0}",
        ["ensemble.none"] = "no model other than naive applies",
        ["share"] = "{0} {1:0} %",
        ["ml"] = "{0}, × ratio to {1}",
        ["ml.trained"] = "LightGBM on {0:N0} pairs",
        ["ml.untrained"] = "only {0} training pairs (needs {1})",
        ["ml.not-positive"] = "last value ({0}) is not positive",
        ["auto.no-calendar"] = "auto: no province series to learn the calendar from, so the ensemble of the district backtests; {0}",
        ["auto.no-observation"] = "auto: no observation up to the cutoff",
        ["auto.no-member"] = "auto: no member model forecasts this month",
        ["auto.blend"] = "auto: blend of {0}, weights learned on province backtests for month {1} at {2} ahead; {3}",
        ["auto.direct"] = "auto: blend of {0}, weights learned on province backtests for month {1} at {2} ahead; "
            + "direct because some contract type has no forecast; {3}",
        ["auto.bottom-up"] = "auto: sum of the {0} contract types' blends, weights learned on province backtests for month {1} at {2} ahead; "
            + "bottom-up because the district's contract mix is not its province's, so each type gets its own ratios and the sum follows "
            + "the district's mix (on province series, whose mix is their own: {3}); {4}",
        ["interval"] = "interval {0:0.0}× the province's",
        ["interval.as-district"] = "interval {0:0.0}× that of a province forecast as a district is (no earlier year of this month here)",
        ["path"] = "province backtests for month {0} at {1} ahead: MAPE bottom-up {2:0.00} % vs direct {3:0.00} %",
        ["path.none"] = "no province backtest for this month",
        ["score.no-actuals"] = "no actuals yet to score against",
        ["score.partial"] = "forecasts {0} of {1} rows with an actual; scored on those",
    };
}
