using System.Globalization;
using DigitalTwin.Core.Power;
using DigitalTwin.Core.Power.Forecasting;

namespace DigitalTwin.Tests.Power.Forecasting;

/// <summary>
/// The shipped KEPCO province series (17 provinces × 8 contract types, 2020–2022) imported into a real SQLite
/// database the way the app seeds them, read back as the engine reads them; and, for expected values, the same
/// file read line by line without any of the app's code.
/// </summary>
public sealed class ShippedProvinceData : IAsyncLifetime
{
    public const string File = "kepco-sido/kepco_sido_monthly_long_2020-01_2022-12.csv";

    public PowerHistory History { get; private set; } = null!;

    /// <summary>(sido, contract type, month) → kWh, straight from the CSV (national rows included).</summary>
    public Dictionary<(string Sido, string Type, YearMonth Month), double> Csv { get; } = [];

    public async Task InitializeAsync()
    {
        var path = Path.Combine(SampleData.FindDirectory() ?? throw new InvalidOperationException("data/ not found"), File);
        foreach (var line in (await System.IO.File.ReadAllLinesAsync(path)).Skip(1))
        {
            var cells = line.Split(',');
            var month = new YearMonth(int.Parse(cells[0], CultureInfo.InvariantCulture), int.Parse(cells[1], CultureInfo.InvariantCulture));
            Csv[(cells[2], cells[3], month)] = double.Parse(cells[5], CultureInfo.InvariantCulture);
        }
        await using var host = await PowerTestHost.StartAsync();
        await host.ImportAsync(Path.GetFileName(File), await System.IO.File.ReadAllBytesAsync(path));
        History = PowerHistory.FromRows(await host.Queries.UsageAsync(new UsageFilter()));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>The mean of value(m) / value(m − 1) over the years of the CSV, for one province (or, summed, the nation).</summary>
    public double MeanRatio(Func<string, bool> sidos, string type, int month)
    {
        double Value(YearMonth m) => Csv.Where(p => p.Key.Type == type && p.Key.Month == m && p.Key.Sido != ProvinceOverview.National && sidos(p.Key.Sido)).Sum(p => p.Value);
        var ratios = Enumerable.Range(2020, 3).Select(y => new YearMonth(y, month))
            .Where(m => m.AddMonths(-1).Year >= 2020)
            .Select(m => Value(m) / Value(m.AddMonths(-1)))
            .ToList();
        return ratios.Average();
    }
}
