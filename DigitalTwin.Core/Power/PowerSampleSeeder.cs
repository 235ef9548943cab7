using DigitalTwin.Core.Audit;
using DigitalTwin.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DigitalTwin.Core.Power;

/// <summary>
/// On first run (no power usage stored), imports the shipped KEPCO samples through the normal import service:
/// the 2023 and 2024 district files (Jan–Apr) and the 2020–2022 province series.
/// </summary>
public sealed class PowerSampleSeeder(
    PowerImportService imports,
    IDbContextFactory<DigitalTwinDbContext> contexts,
    IOptions<PowerOptions> options,
    ILogger<PowerSampleSeeder> logger) : BackgroundService
{
    public const string ImportedBy = "sample data";

    /// <summary>Relative to data/. The province long file rather than the six portal files: the same rows, one import.</summary>
    public static readonly IReadOnlyList<string> SampleFiles =
    [
        Path.Combine("kepco", "original", "2023_jan-apr_시군구별_전력사용량_cp949.csv"),
        Path.Combine("kepco", "original", "2024_jan-apr_TRUNCATED_from_energy(2024).csv.csv"),
        Path.Combine("kepco-sido", "kepco_sido_monthly_long_2020-01_2022-12.csv"),
    ];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.SeedSampleData)
        {
            return;
        }
        try
        {
            await SeedAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            // Sample data is a convenience: a failure must not stop the app.
            logger.LogError(ex, "Seeding the KEPCO sample data failed");
        }
    }

    private async Task SeedAsync(CancellationToken cancellationToken)
    {
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            if (await db.PowerUsages.AnyAsync(cancellationToken))
            {
                return;
            }
        }
        if (SampleData.FindDirectory(options.Value.DataDirectory) is not { } directory)
        {
            logger.LogWarning("No data/ folder found near {BaseDirectory}; KEPCO sample data not imported", AppContext.BaseDirectory);
            return;
        }
        foreach (var relative in SampleFiles)
        {
            var path = Path.Combine(directory, relative);
            if (!File.Exists(path))
            {
                logger.LogWarning("Sample file {Path} is missing; skipped", path);
                continue;
            }
            await using var stream = File.OpenRead(path);
            var preview = await imports.PreviewAsync(Path.GetFileName(path), stream, null, cancellationToken);
            if (!preview.CanCommit)
            {
                logger.LogError("Sample file {Path} has errors: {Errors}", path,
                    string.Join("; ", preview.Issues.Where(i => i.Severity == ImportSeverity.Error).Take(5).Select(i => i.Message)));
                continue;
            }
            await imports.CommitAsync(preview.Id, Actor.System with { Name = ImportedBy }, cancellationToken);
        }
        logger.LogInformation("Imported the KEPCO sample data from {Directory}", directory);
    }
}
