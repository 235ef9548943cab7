using DigitalTwin.Core.Power;

namespace DigitalTwin.Web.Components.Power;

/// <summary>
/// One color per contract type on every chart, so 산업용 is the same strong orange on the stacked
/// bars, the donut and the legend; the other types are calmer so the industrial share stands out.
/// </summary>
public static class ContractTypeColors
{
    private static readonly Dictionary<string, string> Colors = new()
    {
        [ContractTypes.Residential] = "#1e88e5",
        [ContractTypes.General] = "#43a047",
        [ContractTypes.Education] = "#00acc1",
        [ContractTypes.Industrial] = "#e65100",
        [ContractTypes.Agricultural] = "#9e9d24",
        [ContractTypes.StreetLight] = "#f9a825",
        [ContractTypes.Night] = "#7e57c2",
        [ContractTypes.Total] = "#607d8b",
    };

    public static string For(string contractType) => Colors.GetValueOrDefault(contractType, "#90a4ae");

    /// <summary>Colors of <paramref name="contractTypes"/>, in their order (ApexCharts assigns colors by series index).</summary>
    public static IReadOnlyList<string> For(IEnumerable<string> contractTypes) => [.. contractTypes.Select(For)];
}
