using System.Diagnostics;
using System.Globalization;
using System.Text;
using DigitalTwin.Core.Audit;
using DigitalTwin.Core.Data;
using DigitalTwin.Core.Devices;
using DigitalTwin.Core.Power;
using DigitalTwin.Core.Power.Import;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace DigitalTwin.Bench;

/// <summary>
/// <c>dotnet run -c Release --project DigitalTwin.Bench -- power-import [--rounds 3]</c>: preview + commit of a generated
/// 30-year × 250-district KEPCO wide file, then of the real 2024 district file, each into an empty SQLite database in WAL
/// mode (as the app runs it). Each round also commits the same rows as before issue 14 (<see cref="PowerImportBaseline"/>).
/// </summary>
internal static class PowerImportBench
{
    private const int Years = 30;
    private const int Districts = 250;
    private static readonly TimeSpan Target = TimeSpan.FromSeconds(3);

    internal static Encoding Cp949
    {
        get
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            return Encoding.GetEncoding(949);
        }
    }

    public static async Task<int> RunAsync(string[] args)
    {
        var rounds = args.SkipWhile(a => a != "--rounds").Skip(1).Select(int.Parse).FirstOrDefault(3);
        var generated = Generate();
        Console.WriteLine($"Generated wide file: {Years} years × {Districts} districts × {ContractTypes.All.Count} types × 12 months, {generated.Length / 1024:N0} KB");
        if (args.SkipWhile(a => a != "--postgres").Skip(1).FirstOrDefault() is { } postgres)
        {
            return await PowerImportPostgres.RunAsync(postgres, generated, rounds);
        }
        var results = new List<Round>();
        for (var round = 1; round <= rounds; round++)
        {
            var result = await MeasureAsync("generated.csv", generated, baseline: true);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"round {round}: {result.Rows:N0} rows; preview {result.Preview.TotalMilliseconds:N0} ms, commit {result.Commit.TotalMilliseconds:N0} ms, "
                + $"total {result.Total.TotalMilliseconds:N0} ms (CPU {result.Cpu.TotalMilliseconds:N0} ms); commit as before {result.CommitBefore.TotalMilliseconds:N0} ms"));
            results.Add(result);
        }
        PrintStages(generated);
        var preview = Median(results, r => r.Preview);
        var commit = Median(results, r => r.Commit);
        var total = Median(results, r => r.Total);
        var before = Median(results, r => r.CommitBefore);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"generated 30 y × 250 districts, median of {rounds}: preview {preview.TotalSeconds:N2} s + commit {commit.TotalSeconds:N2} s = "
            + $"{total.TotalSeconds:N2} s = {results[0].Rows / total.TotalSeconds:N0} rows/s; target < {Target.TotalSeconds:N0} s {(total < Target ? "✔" : "✘")}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"commit now / as before (same rounds): {commit.TotalSeconds:N2} s / {before.TotalSeconds:N2} s = {Median(results, r => r.Commit / r.CommitBefore):N2}"));
        if (SampleData.FindDirectory() is { } data)
        {
            var path = Path.Combine(data, "kepco", "original", "2024_jan-apr_TRUNCATED_from_energy(2024).csv.csv");
            var real = await MeasureAsync(Path.GetFileName(path), await File.ReadAllBytesAsync(path), baseline: false);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"real 2024 district file (Jan–Apr): {real.Rows:N0} rows; preview {real.Preview.TotalMilliseconds:N0} ms, commit {real.Commit.TotalMilliseconds:N0} ms, "
                + $"total {real.Total.TotalMilliseconds:N0} ms = {real.Rows / real.Total.TotalSeconds:N0} rows/s"));
        }
        return 0;
    }

    private sealed record Round(int Rows, TimeSpan Preview, TimeSpan Commit, TimeSpan Cpu, TimeSpan CommitBefore)
    {
        public TimeSpan Total => Preview + Commit;
    }

    private static T Median<T>(List<Round> rounds, Func<Round, T> value) => rounds.Select(value).Order().ElementAt(rounds.Count / 2);

    /// <summary>Preview and commit through the app's service; the time of each and the process's CPU time.</summary>
    internal static async Task<(TimeSpan Preview, TimeSpan Commit, TimeSpan Cpu, int Rows)> ImportAsync(IHost host, string fileName, byte[] content)
    {
        var imports = host.Services.GetRequiredService<PowerImportService>();
        var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        using var stream = new MemoryStream(content);
        var preview = await imports.PreviewAsync(fileName, stream);
        var previewTime = clock.Elapsed;
        if (!preview.CanCommit)
        {
            throw new InvalidOperationException($"{fileName} refused: {preview.Issues.First(i => i.Severity == ImportSeverity.Error).Message}");
        }
        var result = await imports.CommitAsync(preview.Id, Actor.System);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu0;
        return (previewTime, clock.Elapsed - previewTime, cpu, result.RowsNew + result.RowsChanged + result.RowsUnchanged);
    }

    private static async Task<Round> MeasureAsync(string fileName, byte[] content, bool baseline)
    {
        var (preview, commit, cpu, rows) = await InFreshDatabaseAsync(host => ImportAsync(host, fileName, content));
        var before = TimeSpan.Zero;
        if (baseline)
        {
            var rowsBefore = PowerFileParser.Parse(fileName, content, null, 0, 1).Rows;
            before = await InFreshDatabaseAsync(host =>
                PowerImportBaseline.CommitAsync(host.Services.GetRequiredService<IDbContextFactory<DigitalTwinDbContext>>(), rowsBefore));
        }
        return new Round(rows, preview, commit, cpu, before);
    }

    private static async Task<T> InFreshDatabaseAsync<T>(Func<IHost, Task<T>> measure)
    {
        var directory = Path.Combine(Path.GetTempPath(), "digitaltwin-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        try
        {
            using var host = await StartAsync(directory);
            // The app's history writer puts the database in WAL mode at start; an import commits into that.
            await (await host.Services.GetRequiredService<SqliteDatabase>().OpenAsync()).DisposeAsync();
            return await measure(host);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>Where a preview's time goes: decoding, the CSV reader, the layout's parser with the whole-file checks.</summary>
    private static void PrintStages(byte[] content)
    {
        var watch = Stopwatch.StartNew();
        TextDecoder.Decode(content);
        var decode = watch.Elapsed;
        watch.Restart();
        TableReader.Read(content);
        var table = watch.Elapsed;
        watch.Restart();
        PowerFileParser.Parse("generated.csv", content, null, 0, 1);
        var parse = watch.Elapsed;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"preview stages: decode {decode.TotalMilliseconds:N0} ms, decode + CSV {table.TotalMilliseconds:N0} ms, "
            + $"decode + CSV + parse + checks {parse.TotalMilliseconds:N0} ms (the rest of a preview: the diff and the new-district check)"));
    }

    /// <param name="postgres">A PostgreSQL database's connection string instead of an SQLite file in <paramref name="directory"/>.</param>
    internal static async Task<IHost> StartAsync(string directory, string? postgres = null)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"ConnectionStrings:{DataExtensions.ConnectionName}"] = postgres ?? $"Data Source={Path.Combine(directory, "bench.db")}",
            ["Database:Provider"] = postgres is null ? "Sqlite" : "Postgres",
            ["Power:SeedSampleData"] = "false",
        });
        builder.Services.AddLogging();
        builder.AddDigitalTwinData();
        builder.AddDeviceRegistry();
        builder.AddPowerAnalytics();
        var host = builder.Build();
        await host.Services.InitializeDatabaseAsync();
        return host;
    }

    /// <summary>KEPCO's layout and quirks (CP949, padded thousands, "합 계", trailing column); 합계 = sum of the parts.</summary>
    private static byte[] Generate()
    {
        var random = new Random(42);
        var text = new StringBuilder();
        text.Append("연도,시도,시군구,계약종별");
        for (var m = 1; m <= 12; m++)
        {
            text.Append(CultureInfo.InvariantCulture, $", {m}월 ");
        }
        text.Append(",\r\n");
        var provinces = RegionAliases.Provinces;
        var totals = new long[12];
        for (var year = 2024 - Years + 1; year <= 2024; year++)
        {
            for (var d = 0; d < Districts; d++)
            {
                var prefix = string.Create(CultureInfo.InvariantCulture, $"{year},{provinces[d % provinces.Count]},{DistrictName(d)},");
                Array.Clear(totals);
                foreach (var type in ContractTypes.Parts)
                {
                    text.Append(prefix).Append(type);
                    for (var m = 0; m < 12; m++)
                    {
                        var kwh = random.NextInt64(1_000, 200_000_000);
                        totals[m] += kwh;
                        text.Append(CultureInfo.InvariantCulture, $",\" {kwh:N0} \"");
                    }
                    text.Append(",\r\n");
                }
                text.Append(prefix).Append("합 계");
                foreach (var total in totals)
                {
                    text.Append(CultureInfo.InvariantCulture, $",\" {total:N0} \"");
                }
                text.Append(",\r\n");
            }
        }
        return Cp949.GetBytes(text.ToString());
    }

    /// <summary>District names are Hangul only (the import refuses digits): d's digits spelled 가나다… then 구.</summary>
    private static string DistrictName(int d) =>
        string.Concat(d.ToString("000", CultureInfo.InvariantCulture).Select(c => "가나다라마바사아자차"[c - '0'])) + "구";
}
