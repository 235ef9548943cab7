using DigitalTwin.Core.Power;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace DigitalTwin.Tests.Power;

public sealed class PowerImportServiceTests : IAsyncLifetime
{
    private PowerTestHost _host = null!;

    public async Task InitializeAsync() => _host = await PowerTestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task PreviewAsync_NewFile_CountsMonthsDistrictsAndNewRows()
    {
        var preview = await _host.PreviewSampleAsync("wide_2023_cp949.csv");

        Assert.True(preview.CanCommit);
        Assert.Equal(("KEPCO wide (시군구)", "CP949"), (preview.Format, preview.Encoding));
        Assert.Equal([new(2023, 1), new(2023, 2), new(2023, 3), new(2023, 4)], preview.Months);
        Assert.Equal(3, preview.Districts);
        Assert.Equal((96, 0, 0), (preview.RowsNew, preview.RowsChanged, preview.RowsUnchanged));
        Assert.Equal(0, await _host.CountUsagesAsync());
    }

    [Fact]
    public async Task CommitAsync_NewFile_StoresRowsAndRecordsTheImport()
    {
        var (_, result) = await _host.ImportSampleAsync("wide_2023_cp949.csv");

        Assert.Equal((96, 0, 0), (result.RowsNew, result.RowsChanged, result.RowsUnchanged));
        Assert.Equal(96, await _host.CountUsagesAsync());
        var import = Assert.Single(await _host.Imports.HistoryAsync());
        Assert.Equal(("wide_2023_cp949.csv", "test", "2023-01", "2023-04", 3, 96), (import.FileName, import.ImportedBy, import.FirstMonth, import.LastMonth, import.Districts, import.RowsNew));
        Assert.Equal(_host.Time.GetUtcNow(), import.ImportedAt);
        var rows = await _host.Queries.UsageAsync(new UsageFilter("대구광역시", "군위군", ContractTypes.Total));
        Assert.Equal(4, rows.Count);
    }

    [Fact]
    public async Task CommitAsync_SameFileAgain_ChangesNothing()
    {
        await _host.ImportSampleAsync("wide_2023_cp949.csv");

        var (preview, result) = await _host.ImportSampleAsync("wide_2023_cp949.csv");

        Assert.Equal((0, 0, 96), (preview.RowsNew, preview.RowsChanged, preview.RowsUnchanged));
        Assert.Equal((0, 0, 96), (result.RowsNew, result.RowsChanged, result.RowsUnchanged));
        Assert.Equal(96, await _host.CountUsagesAsync());
        Assert.Equal(0, await _host.QueryAsync(db => db.PowerUsageChanges.CountAsync()));
    }

    [Fact]
    public async Task CommitAsync_OverlappingFile_UpdatesValuesAndRecordsChanges()
    {
        await _host.ImportSampleAsync("wide_2024_utf8.csv");
        var edited = PowerSamples.Text("wide_2024_utf8.csv").Replace("\" 24,457,510 \"", "\" 24,457,999 \"", StringComparison.Ordinal);

        var (preview, result) = await _host.ImportAsync("corrected.csv", PowerSamples.Utf8(edited));

        // The 주택용 row changed; its 합계 now disagrees, which is a warning, not a refusal.
        Assert.Equal((0, 1, 127), (preview.RowsNew, preview.RowsChanged, preview.RowsUnchanged));
        Assert.Equal((0, 1, 127), (result.RowsNew, result.RowsChanged, result.RowsUnchanged));
        Assert.Contains(preview.Issues, i => i.Severity == ImportSeverity.Warning && i.Message.Contains("합계", StringComparison.Ordinal));
        var change = Assert.Single(await _host.QueryAsync(db => db.PowerUsageChanges.ToListAsync()));
        Assert.Equal((result.ImportId, "서울특별시", "종로구", "주택용", 2024, 1, 24_457_510L, 24_457_999L),
            (change.ImportId, change.Sido, change.Sigungu, change.ContractType, change.Year, change.Month, change.OldKwh!.Value, change.NewKwh!.Value));
        var row = Assert.Single(await _host.Queries.UsageAsync(new UsageFilter("서울특별시", "종로구", "주택용", new(2024, 1), new(2024, 1))));
        Assert.Equal(24_457_999, row.Kwh);
    }

    [Fact]
    public async Task CommitAsync_DistrictRowsOverProvinceFile_KeepsCustomersAndBills()
    {
        await _host.ImportSampleAsync("province_portal_2022-01.csv");
        var stored = await _host.QueryAsync(db => db.PowerUsages.AsNoTracking().SingleAsync(u => u.Sido == "서울특별시" && u.Sigungu == "" && u.ContractType == "주택용"));
        var longFile = $"year,month,sido,contract_type,customers,kwh,bill_krw,avg_price_krw_per_kwh\n2022,1,서울특별시,주택용,,{stored.Kwh + 1},,\n";

        var (_, result) = await _host.ImportAsync("without-customers.csv", PowerSamples.Utf8(longFile));

        // A changed row is updated by its id (SqliteUsageUpsert), as the upsert did: kWh replaced, customers and bill kept.
        Assert.Equal((0, 1), (result.RowsNew, result.RowsChanged));
        var updated = await _host.QueryAsync(db => db.PowerUsages.AsNoTracking().SingleAsync(u => u.Id == stored.Id));
        Assert.Equal((stored.Kwh + 1, stored.Customers, stored.BillKrw), (updated.Kwh, updated.Customers, updated.BillKrw));
    }

    [Fact]
    public async Task CommitAsync_LongFileAfterWideFile_MatchesTheSameRowsAcrossFormats()
    {
        await _host.ImportSampleAsync("wide_2023_cp949.csv");

        var (_, result) = await _host.ImportSampleAsync("long_district.csv");

        // 2023-01 종로구 and 군위군 (under 경북 in both 2023 sources, stored under 대구) are already there; 2024-01 is new.
        Assert.Equal((16, 0, 16), (result.RowsNew, result.RowsChanged, result.RowsUnchanged));
        var gunwi = await _host.Queries.UsageAsync(new UsageFilter("대구광역시", "군위군", ContractTypes.Total));
        Assert.Equal([new(2023, 1), new(2023, 2), new(2023, 3), new(2023, 4), new(2024, 1)], gunwi.Select(r => r.Period));
    }

    [Fact]
    public async Task CommitAsync_ProvinceFile_StoresCustomersAndBills()
    {
        await _host.ImportSampleAsync("province_portal_2022-01.csv");

        var (_, result) = await _host.ImportSampleAsync("long_province.csv");

        // The portal extract and the long file agree for 전국, 강원 and 세종 in 2022-01; 서울 is only in the portal file.
        Assert.Equal((0, 0, 23), (result.RowsNew, result.RowsChanged, result.RowsUnchanged));
        var seoul = await _host.QueryAsync(db => db.PowerUsages.SingleAsync(u => u.Sido == "서울특별시" && u.Sigungu == "" && u.ContractType == "주택용"));
        Assert.True(seoul.Customers > 0 && seoul.BillKrw > 0);
    }

    [Fact]
    public async Task CommitAsync_FailureMidway_WritesNothing()
    {
        var preview = await _host.PreviewSampleAsync("wide_2024_utf8.csv");
        // A trigger makes the insert of a late row fail, after earlier rows were written in the transaction.
        await ExecuteAsync("CREATE TRIGGER fail_jeonju BEFORE INSERT ON PowerUsages WHEN NEW.Sigungu = '전주시' BEGIN SELECT RAISE(ABORT, 'boom'); END;");

        await Assert.ThrowsAsync<SqliteException>(() => _host.Imports.CommitAsync(preview.Id, PowerTestHost.Importer));

        Assert.Equal(0, await _host.CountUsagesAsync());
        Assert.Empty(await _host.Imports.HistoryAsync());
        // The preview survives a failed commit, so it can be retried once the cause is fixed.
        await ExecuteAsync("DROP TRIGGER fail_jeonju;");
        var result = await _host.Imports.CommitAsync(preview.Id, PowerTestHost.Importer);
        Assert.Equal(128, result.RowsNew);
    }

    [Fact]
    public async Task CommitAsync_IntoEmptyTable_RebuildsTheIndexesEvenWhenItFails()
    {
        // Into an empty table the indexes, the unique key's too, are dropped and created again after the rows (SqliteUsageUpsert).
        var preview = await _host.PreviewSampleAsync("wide_2024_utf8.csv");
        await ExecuteAsync("CREATE TRIGGER fail_jeonju BEFORE INSERT ON PowerUsages WHEN NEW.Sigungu = '전주시' BEGIN SELECT RAISE(ABORT, 'boom'); END;");
        await Assert.ThrowsAsync<SqliteException>(() => _host.Imports.CommitAsync(preview.Id, PowerTestHost.Importer));
        Assert.Equal(["IX_PowerUsages_Sido_Sigungu_ContractType_Year_Month", "IX_PowerUsages_Year_Month"], await IndexesAsync());

        await ExecuteAsync("DROP TRIGGER fail_jeonju;");
        await _host.Imports.CommitAsync(preview.Id, PowerTestHost.Importer);

        Assert.Equal(["IX_PowerUsages_Sido_Sigungu_ContractType_Year_Month", "IX_PowerUsages_Year_Month"], await IndexesAsync());
        var definition = await _host.QueryAsync(db => db.Database.SqlQueryRaw<string>(
            "SELECT sql AS Value FROM sqlite_master WHERE name = 'IX_PowerUsages_Year_Month'").SingleAsync());
        Assert.EndsWith("ON \"PowerUsages\" (\"Year\", \"Month\")", definition, StringComparison.Ordinal);
        var unique = await _host.QueryAsync(db => db.Database.SqlQueryRaw<string>(
            "SELECT sql AS Value FROM sqlite_master WHERE name = 'IX_PowerUsages_Sido_Sigungu_ContractType_Year_Month'").SingleAsync());
        Assert.StartsWith("CREATE UNIQUE INDEX", unique, StringComparison.Ordinal);
        Assert.EndsWith("ON \"PowerUsages\" (\"Sido\", \"Sigungu\", \"ContractType\", \"Year\", \"Month\")", unique, StringComparison.Ordinal);
        await Assert.ThrowsAsync<SqliteException>(() => ExecuteAsync(
            "INSERT INTO PowerUsages (Year, Month, Sido, Sigungu, ContractType) SELECT Year, Month, Sido, Sigungu, ContractType FROM PowerUsages LIMIT 1"));
    }

    [Fact]
    public async Task CommitAsync_IntoEmptyTable_PutsTheConnectionsCacheSizeBack()
    {
        var before = await CacheSizeAsync();
        await _host.ImportSampleAsync("wide_2024_utf8.csv");

        // One connection at a time here: the pool hands back the one the import used, with its pragmas.
        Assert.Equal(before, await CacheSizeAsync());
    }

    private Task<long> CacheSizeAsync() =>
        _host.QueryAsync(db => db.Database.SqlQueryRaw<long>("SELECT cache_size AS Value FROM pragma_cache_size").SingleAsync());

    [Fact]
    public async Task CommitAsync_UnknownOrCommittedPreview_Throws()
    {
        var unknown = await Assert.ThrowsAsync<InvalidOperationException>(() => _host.Imports.CommitAsync(Guid.NewGuid(), PowerTestHost.Importer));
        Assert.Contains("unknown", unknown.Message, StringComparison.Ordinal);

        var (preview, _) = await _host.ImportSampleAsync("openapi_records.csv");
        await Assert.ThrowsAsync<InvalidOperationException>(() => _host.Imports.CommitAsync(preview.Id, PowerTestHost.Importer));
    }

    [Fact]
    public async Task CommitAsync_ExpiredPreview_Throws()
    {
        var preview = await _host.PreviewSampleAsync("openapi_records.json");
        _host.Time.Advance(TimeSpan.FromMinutes(31));

        var expired = await Assert.ThrowsAsync<InvalidOperationException>(() => _host.Imports.CommitAsync(preview.Id, PowerTestHost.Importer));

        Assert.Contains("expired", expired.Message, StringComparison.Ordinal);
        Assert.Equal(0, await _host.CountUsagesAsync());
    }

    [Fact]
    public async Task PreviewAsync_ReportsProgressUpToOne()
    {
        var reports = new List<double>();
        var progress = new SyncProgress(reports.Add);
        await _host.PreviewAsync("wide_2023.xlsx", PowerSamples.Bytes("wide_2023.xlsx"), progress);

        Assert.True(reports.Count >= 3, $"{reports.Count} reports");
        Assert.Equal(0, reports[0]);
        Assert.Equal(1, reports[^1]);
        Assert.Equal(reports.Order(), reports);
    }

    [Fact]
    public async Task HistoryAsync_ListsNewestFirst()
    {
        await _host.ImportSampleAsync("openapi_records.csv");
        _host.Time.Advance(TimeSpan.FromMinutes(1));
        await _host.ImportSampleAsync("openapi_records.json");

        var history = await _host.Imports.HistoryAsync();

        Assert.Equal(["openapi_records.json", "openapi_records.csv"], history.Select(i => i.FileName));
        Assert.Equal("KEPCO open API (JSON)", history[0].Format);
    }

    private Task<List<string>> IndexesAsync() => _host.QueryAsync(db => db.Database.SqlQueryRaw<string>(
        "SELECT name AS Value FROM sqlite_master WHERE type = 'index' AND tbl_name = 'PowerUsages' AND sql IS NOT NULL ORDER BY name").ToListAsync());

    private Task ExecuteAsync(string sql) => _host.QueryAsync(db => db.Database.ExecuteSqlRawAsync(sql));

    /// <summary>Progress&lt;T&gt; posts to the thread pool; the test needs the reports in order.</summary>
    private sealed class SyncProgress(Action<double> report) : IProgress<double>
    {
        public void Report(double value) => report(value);
    }
}
