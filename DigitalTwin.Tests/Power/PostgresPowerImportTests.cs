using DigitalTwin.Core.Power;
using DigitalTwin.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DigitalTwin.Tests.Power;

/// <summary>The import's write on PostgreSQL: binary COPY into a temporary table, then one upsert by the unique key.</summary>
public sealed class PostgresPowerImportTests
{
    [SkippableFact]
    public async Task CommitAsync_Postgres_InsertsThenUpsertsChangedRows()
    {
        await using var database = await CreateDatabaseAsync();
        await using var host = await PowerTestHost.StartAsync(database);

        var (_, first) = await host.ImportSampleAsync("wide_2024_utf8.csv");
        var edited = PowerSamples.Text("wide_2024_utf8.csv").Replace("\" 24,457,510 \"", "\" 24,457,999 \"", StringComparison.Ordinal);
        var (_, second) = await host.ImportAsync("corrected.csv", PowerSamples.Utf8(edited));

        Assert.Equal((128, 0, 0), (first.RowsNew, first.RowsChanged, first.RowsUnchanged));
        Assert.Equal((0, 1, 127), (second.RowsNew, second.RowsChanged, second.RowsUnchanged));
        Assert.Equal(128, await host.CountUsagesAsync());
        var row = Assert.Single(await host.Queries.UsageAsync(new UsageFilter("서울특별시", "종로구", "주택용", new(2024, 1), new(2024, 1))));
        Assert.Equal(24_457_999, row.Kwh);
        var change = Assert.Single(await host.QueryAsync(db => db.PowerUsageChanges.ToListAsync()));
        Assert.Equal((24_457_510L, 24_457_999L), (change.OldKwh!.Value, change.NewKwh!.Value));
    }

    [SkippableFact]
    public async Task CommitAsync_PostgresDistrictRowsOverProvinceFile_KeepsCustomersAndBills()
    {
        await using var database = await CreateDatabaseAsync();
        await using var host = await PowerTestHost.StartAsync(database);
        await host.ImportSampleAsync("province_portal_2022-01.csv");
        var stored = await host.QueryAsync(db => db.PowerUsages.AsNoTracking().SingleAsync(u => u.Sido == "서울특별시" && u.Sigungu == "" && u.ContractType == "주택용"));
        var longFile = $"year,month,sido,contract_type,customers,kwh,bill_krw,avg_price_krw_per_kwh\n2022,1,서울특별시,주택용,,{stored.Kwh + 1},,\n";

        var (_, result) = await host.ImportAsync("without-customers.csv", PowerSamples.Utf8(longFile));

        Assert.Equal((0, 1), (result.RowsNew, result.RowsChanged));
        var updated = await host.QueryAsync(db => db.PowerUsages.AsNoTracking().SingleAsync(u => u.Id == stored.Id));
        Assert.Equal((stored.Kwh + 1, stored.Customers, stored.BillKrw), (updated.Kwh, updated.Customers, updated.BillKrw));
    }

    [SkippableFact]
    public async Task PreviewAsync_PostgresFileWithBadCells_ReportsEachRowAndWritesNothing()
    {
        await using var database = await CreateDatabaseAsync();
        await using var host = await PowerTestHost.StartAsync(database);
        var broken = PowerSamples.Text("wide_2024_utf8.csv")
            .Replace("\" 24,457,510 \"", "\"n/a\"", StringComparison.Ordinal)
            .Replace("종로구", "종로구=1", StringComparison.Ordinal);

        var preview = await host.PreviewAsync("broken.csv", PowerSamples.Utf8(broken));

        Assert.False(preview.CanCommit);
        Assert.Contains(preview.Issues, i => i.Kind == ImportIssueKind.ImplausibleDistrict && i.Row is not null);
        Assert.True(preview.ErrorCount >= 2);
        await Assert.ThrowsAsync<InvalidOperationException>(() => host.Imports.CommitAsync(preview.Id, PowerTestHost.Importer));
        Assert.Equal(0, await host.CountUsagesAsync());
    }

    private static async Task<PostgresTestDatabase> CreateDatabaseAsync()
    {
        var unavailable = PostgresTestServer.Unavailable();
        Skip.If(unavailable is not null, unavailable);
        return await PostgresTestServer.CreateDatabaseAsync();
    }
}
