using System.Diagnostics;
using System.Globalization;
using System.Text;
using DigitalTwin.Core.Audit;
using DigitalTwin.Core.Data;
using DigitalTwin.Core.Devices;
using DigitalTwin.Core.Power;
using DigitalTwin.Core.Power.Import;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace DigitalTwin.Bench;

/// <summary>
/// <c>dotnet run -c Release --project DigitalTwin.Bench -- power-import</c>: preview + commit of a generated
/// 30-year × 250-district KEPCO wide file, then of the real 2024 district file, each into an empty SQLite database.
/// </summary>
internal static class PowerImportBench
{
    private const int Years = 30;
    private const int Districts = 250;

    public static async Task<int> RunAsync()
    {
        var generated = Generate();
        Console.WriteLine($"Generated wide file: {Years} years × {Districts} districts × {ContractTypes.All.Count} types × 12 months, {generated.Length / 1024:N0} KB");
        await MeasureAsync("generated 30 y × 250 districts", "generated.csv", generated);
        if (SampleData.FindDirectory() is { } data)
        {
            var path = Path.Combine(data, "kepco", "original", "2024_jan-apr_TRUNCATED_from_energy(2024).csv.csv");
            await MeasureAsync("real 2024 district file (Jan–Apr)", Path.GetFileName(path), await File.ReadAllBytesAsync(path));
        }
        return 0;
    }

    private static async Task MeasureAsync(string label, string fileName, byte[] content)
    {
        var directory = Path.Combine(Path.GetTempPath(), "digitaltwin-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        try
        {
            using var host = await StartAsync(directory);
            var imports = host.Services.GetRequiredService<PowerImportService>();
            var total = Stopwatch.StartNew();
            using var stream = new MemoryStream(content);
            var preview = await imports.PreviewAsync(fileName, stream);
            var previewTime = total.Elapsed;
            if (!preview.CanCommit)
            {
                Console.WriteLine($"{label}: refused: {preview.Issues.First(i => i.Severity == ImportSeverity.Error).Message}");
                return;
            }
            var result = await imports.CommitAsync(preview.Id, Actor.System);
            total.Stop();
            var rows = result.RowsNew + result.RowsChanged + result.RowsUnchanged;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{label}: {rows:N0} rows; preview {previewTime.TotalMilliseconds:N0} ms, commit {(total.Elapsed - previewTime).TotalMilliseconds:N0} ms, "
                + $"total {total.Elapsed.TotalMilliseconds:N0} ms = {rows / total.Elapsed.TotalSeconds:N0} rows/s"));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    internal static async Task<IHost> StartAsync(string directory)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"ConnectionStrings:{DataExtensions.ConnectionName}"] = $"Data Source={Path.Combine(directory, "bench.db")}",
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
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(949).GetBytes(text.ToString());
    }

    /// <summary>District names are Hangul only (the import refuses digits): d's digits spelled 가나다… then 구.</summary>
    private static string DistrictName(int d) =>
        string.Concat(d.ToString("000", CultureInfo.InvariantCulture).Select(c => "가나다라마바사아자차"[c - '0'])) + "구";
}
