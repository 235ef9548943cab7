using System.Diagnostics;
using System.Globalization;
using DigitalTwin.Core.Audit;
using DigitalTwin.Core.Power;
using DigitalTwin.Core.Power.Forecasting;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace DigitalTwin.Bench;

/// <summary>
/// <c>dotnet run -c Release --project DigitalTwin.Bench -- forecast</c>: imports the shipped KEPCO files as the app
/// seeds them, backtests every model at every cutoff the data allows, and prints MAPE and MAE per model next to
/// the naive forecast's on the same rows, then the time for one full cutoff (all contract types, all models).
/// <c>… -- forecast provinces</c> prints only the province evaluation (seconds instead of minutes).
/// </summary>
internal static class ForecastBench
{
    private static readonly int[] Horizons = [1, 12];

    public static async Task<int> RunAsync(string[] args)
    {
        if (SampleData.FindDirectory() is not { } data)
        {
            Console.Error.WriteLine("data/ not found");
            return 1;
        }
        var directory = Path.Combine(Path.GetTempPath(), "digitaltwin-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        try
        {
            using var host = await PowerImportBench.StartAsync(directory);
            await ImportSamplesAsync(host.Services.GetRequiredService<PowerImportService>(), data);
            var engine = host.Services.GetRequiredService<ForecastEngine>();
            var history = PowerHistory.FromRows(await host.Services.GetRequiredService<PowerQueries>().UsageAsync(new UsageFilter()));
            var months = await host.Services.GetRequiredService<PowerQueries>().MonthsAsync();
            ProvinceCalendar(history);
            if (args is [_, "provinces", ..])
            {
                return 0;
            }
            foreach (var horizon in Horizons)
            {
                Backtest(history, months, horizon);
            }
            await TimeOneCutoffAsync(engine, history, new YearMonth(2024, 3));
            return 0;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    private static async Task ImportSamplesAsync(PowerImportService imports, string data)
    {
        foreach (var file in PowerSampleSeeder.SampleFiles)
        {
            await using var stream = File.OpenRead(Path.Combine(data, file));
            var preview = await imports.PreviewAsync(Path.GetFileName(file), stream);
            await imports.CommitAsync(preview.Id, Actor.System);
        }
    }

    /// <summary>
    /// Every cutoff from the first district month on whose horizon holds at least one observed month. Each cutoff
    /// gets a fresh <see cref="Forecaster"/>, so its time includes every ML training it needs; one auto run per
    /// contract type yields every model's rows too (they all run for auto and for the side-by-side scores).
    /// </summary>
    private static void Backtest(PowerHistory history, IReadOnlyList<YearMonth> months, int horizon)
    {
        var cutoffs = Enumerable.Range(0, months[0].MonthsUntil(months[^1]))
            .Select(months[0].AddMonths)
            .Where(c => months.Any(m => m > c && c.MonthsUntil(m) <= horizon))
            .ToList();
        var rows = ForecastModels.All.ToDictionary(m => m, _ => new List<(YearMonth Cutoff, string Type, ForecastRow Row)>());
        var seconds = new Dictionary<YearMonth, double>();
        foreach (var cutoff in cutoffs)
        {
            var clock = Stopwatch.StartNew();
            var forecaster = new Forecaster(history);
            var runs = ContractTypes.All.Select(type => forecaster.Run(new ForecastRequest(cutoff, horizon, type))).ToList();
            seconds[cutoff] = clock.Elapsed.TotalSeconds;
            foreach (var run in runs)
            {
                var type = run.Request.ContractType;
                foreach (var (model, list) in run.ModelRows)
                {
                    rows[model].AddRange(list.Select(r => (cutoff, type, r)));
                }
            }
        }
        Console.WriteLine();
        Console.WriteLine($"Horizon {horizon}: cutoffs {cutoffs[0]}..{cutoffs[^1]} ({cutoffs.Count}), all districts × {ContractTypes.All.Count} contract types");
        ForecastReport.Print("all contract types", rows, _ => true);
        ForecastReport.Print($"{ContractTypes.Total} only", rows, type => type == ContractTypes.Total);
        ForecastReport.PrintPerCutoff(rows, seconds);
        CalendarReport.PrintByMonth($"district rolling origin, horizon {horizon}, {ContractTypes.Total}: auto vs province-ratio by target month", CalendarReport.FromDistricts(rows, type => type == ContractTypes.Total));
        CalendarReport.PrintByMonth($"district rolling origin, horizon {horizon}, all contract types", CalendarReport.FromDistricts(rows, _ => true));
        ReconciliationReport.Print($"district rolling origin, horizon {horizon}, {ContractTypes.Total}: reconciled with the province", ReconciliationReport.FromDistricts(rows));
        if (horizon == 1)
        {
            HindsightBound.PrintDistricts(rows);
        }
    }

    /// <summary>Issue 13: every calendar month and horizon 1–12 on the province series, each year held out in turn.</summary>
    private static void ProvinceCalendar(PowerHistory history)
    {
        var clock = Stopwatch.StartNew();
        var outcomes = CalendarBacktest.Run(history);
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Province series, leave one year out ({string.Join(", ", CalendarEvaluation.Years(history))}), every origin, 1–12 months ahead: {outcomes.Count:N0} forecasts in {clock.Elapsed.TotalSeconds:0.0} s"));
        var total = CalendarReport.FromProvinces(outcomes, o => o.ContractType == ContractTypes.Total);
        var all = CalendarReport.FromProvinces(outcomes, _ => true);
        CalendarReport.PrintByMonth($"{ContractTypes.Total}, 1 month ahead", [.. total.Where(s => s.Steps == 1)]);
        CalendarReport.PrintCoverageByYear($"{ContractTypes.Total}, 1 month ahead: 90 % covered per held-out year", [.. outcomes.Where(o => o.ContractType == ContractTypes.Total && o.Steps == 1 && o.PeerApe is not null)]);
        CalendarReport.PrintByMonth("all contract types, 1 month ahead", [.. all.Where(s => s.Steps == 1)]);
        CalendarReport.PrintByMonth($"{ContractTypes.Total}, 1–12 months ahead", total);
        CalendarReport.PrintByHorizon($"{ContractTypes.Total} per horizon", total);
        CalendarReport.PrintByHorizon("all contract types per horizon", all);
        var bottomUp = outcomes.Where(o => o.ContractType == ContractTypes.Total).GroupBy(o => o.Path).Select(g => $"{g.Key} {g.Count():N0}");
        Console.WriteLine($"  {ContractTypes.Total} path chosen: {string.Join(", ", bottomUp)}");

        var asDistricts = CalendarBacktest.RunAsDistricts(history);
        Console.WriteLine();
        Console.WriteLine("Provinces forecast as districts of the nation (national ratios and shape, no own last year: a district after April), leave one year out");
        var districtTotal = CalendarReport.FromProvinces(asDistricts, o => o.ContractType == ContractTypes.Total);
        CalendarReport.PrintByMonth($"{ContractTypes.Total}, 1 month ahead, peer = last month × national {ContractTypes.Total} ratio", [.. districtTotal.Where(s => s.Steps == 1)]);
        HindsightBound.Print(history, [.. districtTotal.Where(s => s.Steps == 1)]);
        ReconciliationReport.Print($"{ContractTypes.Total}, 1 month ahead: reconciled with the nation", ReconciliationReport.FromProvinces(asDistricts));
        CalendarReport.PrintByMonth($"{ContractTypes.Total}, 1–12 months ahead", districtTotal);
        CalendarReport.PrintByHorizon($"{ContractTypes.Total} per horizon", districtTotal);
    }

    private static async Task TimeOneCutoffAsync(ForecastEngine engine, PowerHistory history, YearMonth cutoff)
    {
        var calendar = Stopwatch.StartNew();
        CalendarModel.Learn(history.Until(cutoff));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Calendar model (province series, leave one year out) learned at {cutoff}: {calendar.Elapsed.TotalMilliseconds:N0} ms"));
        var training = Stopwatch.StartNew();
        var ml = MlModel.Train(history.Until(cutoff));
        training.Stop();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ML training at {cutoff}: {training.Elapsed.TotalMilliseconds:N0} ms ({ml.Description})"));
        foreach (var horizon in Horizons)
        {
            var pure = Stopwatch.StartNew();
            var forecaster = new Forecaster(history);
            foreach (var type in ContractTypes.All)
            {
                forecaster.Run(new ForecastRequest(cutoff, horizon, type));
            }
            pure.Stop();
            var viaDb = Stopwatch.StartNew();
            var runs = await engine.RunAllContractTypesAsync(cutoff, horizon, ForecastModels.Auto);
            viaDb.Stop();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"One cutoff ({cutoff}, horizon {horizon}): all {ForecastModels.Scored.Count} models × {ContractTypes.All.Count} types in-memory {pure.Elapsed.TotalMilliseconds:N0} ms "
                + $"({pure.Elapsed.TotalMilliseconds / training.Elapsed.TotalMilliseconds:0.0}× one ML training); "
                + $"engine auto incl. database read {viaDb.Elapsed.TotalMilliseconds:N0} ms ({runs.Sum(r => r.Rows.Count):N0} rows)"));
        }
    }
}
