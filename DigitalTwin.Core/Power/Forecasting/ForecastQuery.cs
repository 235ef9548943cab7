using System.Globalization;

namespace DigitalTwin.Core.Power.Forecasting;

/// <summary>
/// A forecast request as text (an API query or a page URL), checked against the imported months: every
/// problem gets a precise message, and what is left out gets a sensible default — the latest cutoff whose
/// next month has an actual, horizon 1, 합계, auto.
/// </summary>
public static class ForecastQuery
{
    public static (ForecastRequest? Request, IReadOnlyList<string> Problems) Parse(
        string? cutoff, string? horizon, string? contractType, string? model, IReadOnlyList<YearMonth> districtMonths)
    {
        var problems = new List<string>();
        if (districtMonths.Count == 0)
        {
            return (null, ["No district data has been imported yet; import a KEPCO file first."]);
        }
        var month = DefaultCutoff(districtMonths);
        if (!string.IsNullOrWhiteSpace(cutoff) && !YearMonth.TryParse(cutoff.Trim(), out month))
        {
            problems.Add($"cutoff '{cutoff}' is not a month (YYYY-MM).");
        }
        else if (month < districtMonths[0])
        {
            problems.Add($"cutoff {month} has no history: the district data starts at {districtMonths[0]}.");
        }
        var steps = 1;
        if (!string.IsNullOrWhiteSpace(horizon)
            && (!int.TryParse(horizon.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out steps) || steps is < 1 or > ForecastRequest.MaxHorizon))
        {
            problems.Add($"horizon '{horizon}' must be a whole number of months from 1 to {ForecastRequest.MaxHorizon}.");
        }
        var type = string.IsNullOrWhiteSpace(contractType) ? ContractTypes.Total : ContractTypes.Normalize(contractType);
        if (type is null)
        {
            problems.Add($"Unknown contractType '{contractType}'; use one of {string.Join(", ", ContractTypes.All)}.");
        }
        var name = string.IsNullOrWhiteSpace(model) ? ForecastModels.Auto : model.Trim().ToLowerInvariant();
        if (!ForecastModels.All.Contains(name))
        {
            problems.Add($"Unknown model '{model}'; use one of {string.Join(", ", ForecastModels.All)}.");
        }
        return problems.Count > 0 ? (null, problems) : (new ForecastRequest(month, steps, type!, name), []);
    }

    /// <summary>The last month whose next month is imported: the newest forecast that can be checked against an actual.</summary>
    public static YearMonth DefaultCutoff(IReadOnlyList<YearMonth> districtMonths)
    {
        var known = districtMonths.ToHashSet();
        return districtMonths.Reverse().Select(m => m.AddMonths(-1)).FirstOrDefault(m => known.Contains(m), districtMonths[^1]);
    }
}
