using DigitalTwin.Core.Power;
using DigitalTwin.Core.Power.Forecasting;

namespace DigitalTwin.Tests.Power.Forecasting;

/// <summary>Synthetic series with known answers.</summary>
public static class ForecastTestData
{
    public static readonly District Suwon = new("경기도", "수원시");

    public static MonthlySeries Series(YearMonth first, params double[] values) =>
        new(values.Select((v, i) => (first.AddMonths(i), v)));

    public static MonthlySeries Series(IEnumerable<(YearMonth Month, double Value)> points) => new(points);

    /// <summary>The months the shipped district data has at a cutoff: 2023-01..04 and 2024-01..04.</summary>
    public static IEnumerable<YearMonth> ShippedDistrictMonths() =>
        new[] { 2023, 2024 }.SelectMany(y => Enumerable.Range(1, 4).Select(m => new YearMonth(y, m)));

    public static ForecastInput Input(MonthlySeries history, YearMonth cutoff, int horizon, SeasonalProfile? profile = null) => new(
        Suwon, ContractTypes.Residential, history.Until(cutoff), cutoff, [.. Enumerable.Range(1, horizon).Select(cutoff.AddMonths)], profile);

    /// <summary>A seasonal shape like residential use: winter and summer peaks.</summary>
    public static double Shape(int month) => 1 + 0.25 * Math.Cos(2 * Math.PI * (month - 1) / 12) + 0.15 * Math.Cos(4 * Math.PI * (month - 1) / 6);

    public static IEnumerable<UsageRow> Rows(District district, string type, IEnumerable<(YearMonth Month, double Value)> points) =>
        points.Select(p => new UsageRow(p.Month.Year, p.Month.Month, district.Sido, district.Sigungu, type, (long)Math.Round(p.Value)));

    /// <summary>
    /// A province (2020..2022, full months, shape × slow growth) and <paramref name="districts"/> districts
    /// with only the shipped months, each its own size times the province shape (times 1 + growth2024 in 2024), with noise.
    /// Not <paramref name="seasonal"/>: a flat shape, where even naive errors are stationary.
    /// </summary>
    public static List<UsageRow> Hierarchy(int districts, double noise, int seed = 1, double growth2024 = 0, bool seasonal = true, string sido = "경기도")
    {
        var random = new Random(seed);
        double Shape(int month) => seasonal ? ForecastTestData.Shape(month) : 1;
        var rows = new List<UsageRow>();
        var province = new District(sido, PowerUsage.ProvinceTotal);
        foreach (var type in new[] { ContractTypes.Residential, ContractTypes.General })
        {
            var months = Enumerable.Range(0, 36).Select(i => new YearMonth(2020, 1).AddMonths(i));
            rows.AddRange(Rows(province, type, months.Select(m => (m, 1e9 * Shape(m.Month) * (1 + 0.002 * new YearMonth(2020, 1).MonthsUntil(m))))));
            for (var d = 0; d < districts; d++)
            {
                var size = 1e6 * (1 + d);
                rows.AddRange(Rows(new District(sido, $"구{d:000}"), type, ShippedDistrictMonths()
                    .Select(m => (m, size * Shape(m.Month) * (m.Year == 2024 ? 1 + growth2024 : 1) * (1 + noise * Gaussian(random))))));
            }
        }
        return rows;
    }

    public static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
