using Bunit;
using DigitalTwin.Core.Data;
using DigitalTwin.Core.Power;
using DigitalTwin.Tests.Components;
using DigitalTwin.Tests.Infrastructure;
using DigitalTwin.Tests.Localization;
using DigitalTwin.Web.Components.Power;
using DigitalTwin.Web.Components.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static DigitalTwin.Tests.Power.PowerTestData;

namespace DigitalTwin.Tests.Power;

/// <summary>The power pages rendered against a real, migrated SQLite file.</summary>
public sealed class PowerPagesTests : MudComponentTest, IAsyncLifetime
{
    private const string Sido = "울산광역시";
    private const string Sigungu = "남구";
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"power-pages-{Guid.NewGuid():N}.db");
    private HistoryDatabaseHost? _database;

    public new async Task InitializeAsync()
    {
        _database = await HistoryDatabaseHost.StartAsync(DatabaseProvider.Sqlite, $"Data Source={_file};Pooling=false");
        var contexts = _database.Services.GetRequiredService<IDbContextFactory<DigitalTwinDbContext>>();
        Context.Services.AddSingleton(contexts);
        Context.Services.AddSingleton<PowerQueries>();
        Context.Services.AddSingleton<PageErrors>();
    }

    public new async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
        File.Delete(_file);
    }

    [Fact]
    public async Task DistrictPage_TwoYears_ShowsTitleIndustrialShareAndYearOverYear()
    {
        await SeedAsync(
        [
            Row(2023, 1, Sido, Sigungu, ContractTypes.Industrial, 620_000_000),
            Row(2023, 1, Sido, Sigungu, ContractTypes.Residential, 380_000_000),
            Row(2023, 1, Sido, Sigungu, ContractTypes.Total, 1_000_000_000),
            Row(2024, 1, Sido, Sigungu, ContractTypes.Industrial, 650_000_000),
            Row(2024, 1, Sido, Sigungu, ContractTypes.Residential, 380_000_000),
            Row(2024, 1, Sido, Sigungu, ContractTypes.Total, 1_030_000_000),
        ]);

        var cut = Context.Render<DistrictPage>(p => p.Add(c => c.Sido, Sido).Add(c => c.Sigungu, Sigungu));

        cut.WaitForAssertion(() => Assert.Equal(Sigungu, cut.Find("[data-testid=district-title]").TextContent));
        // (620 + 650) / (1,000 + 1,030) over both months.
        Assert.Equal("63%", cut.Find("[data-testid=district-industrial-share]").TextContent);
        Assert.Contains("+3.0%", cut.Find("[data-testid=district-yoy-table]").TextContent);
        Assert.NotNull(cut.Find("[data-testid=district-monthly-chart]"));
    }

    [Fact]
    public async Task DistrictPage_OneYear_SaysNotEnoughData()
    {
        await SeedAsync([Row(2024, 1, Sido, Sigungu, ContractTypes.Total, 1_000), Row(2024, 2, Sido, Sigungu, ContractTypes.Total, 1_100)]);

        var cut = Context.Render<DistrictPage>(p => p.Add(c => c.Sido, Sido).Add(c => c.Sigungu, Sigungu));

        cut.WaitForAssertion(() => Assert.Contains("Not enough data", cut.Find("[data-testid=district-yoy-none]").TextContent));
    }

    [Fact]
    public void Explorer_NoData_ExplainsAndLinksToImport()
    {
        var cut = Context.Render<PowerExplorer>();

        cut.WaitForAssertion(() => Assert.Contains("/power/import", cut.Find("[data-testid=power-empty]").InnerHtml));
    }

    [Fact]
    public async Task Explorer_Seeded_CountsDistrictRowsOfTheTotalType()
    {
        await SeedAsync(
        [
            Row(2024, 1, Sido, Sigungu, ContractTypes.Total, 1_000),
            Row(2024, 1, Sido, "북구", ContractTypes.Total, 2_000),
            Row(2024, 1, Sido, Sigungu, ContractTypes.Industrial, 600),
            Row(2024, 1, Sido, PowerUsage.ProvinceTotal, ContractTypes.Total, 3_500),
        ]);

        var cut = Context.Render<PowerExplorer>();

        // 합계 of the two districts; the province row would count the same kWh twice.
        cut.WaitForAssertion(() => Assert.Equal("2 rows", cut.Find("[data-testid=explorer-count]").TextContent.Trim()));
        Assert.Equal("3.00 MWh", cut.Find("[data-testid=explorer-total]").TextContent);
    }

    [Fact]
    public async Task DistrictPage_Korean_LabelsAndMonthsInKorean()
    {
        using var _ = TestText.Speak("ko");
        await SeedAsync(
        [
            Row(2023, 1, Sido, Sigungu, ContractTypes.Total, 1_000_000_000),
            Row(2024, 1, Sido, Sigungu, ContractTypes.Total, 1_030_000_000),
        ]);

        var cut = Context.Render<DistrictPage>(p => p.Add(c => c.Sido, Sido).Add(c => c.Sigungu, Sigungu));

        cut.WaitForAssertion(() => Assert.Contains("2024년 1월", cut.Find("[data-testid=district-yoy-table]").TextContent));
        var text = cut.Markup;
        Assert.Contains("계약종별 월 사용량", text);
        Assert.Contains("전년 대비", text);
        Assert.Contains("최근 월", text);
        Assert.Contains("전력 데이터", text);
        foreach (var english in new[] { "Monthly use by contract type", "Year over year", "Latest month", "A year before", "Contract-type mix" })
        {
            Assert.DoesNotContain(english, text);
        }
    }

    [Fact]
    public async Task Explorer_Korean_CountsAndFiltersInKorean()
    {
        using var _ = TestText.Speak("ko");
        await SeedAsync([Row(2024, 5, Sido, Sigungu, ContractTypes.Total, 1_547_410_484)]);

        var cut = Context.Render<PowerExplorer>();

        cut.WaitForAssertion(() => Assert.Equal("1행", cut.Find("[data-testid=explorer-count]").TextContent.Trim()));
        Assert.Contains("전력 사용량 조회", cut.Markup);
        Assert.Contains("1,547,410,484", cut.Find("[data-testid=usage-grid]").TextContent);
        foreach (var english in new[] { "Power usage explorer", "rows", "Total:" })
        {
            Assert.DoesNotContain(english, cut.Markup);
        }
    }

    [Fact]
    public void Explorer_KoreanNoData_EmptyStateInKorean()
    {
        using var _ = TestText.Speak("ko");

        var cut = Context.Render<PowerExplorer>();

        cut.WaitForAssertion(() => Assert.Contains("가져오기 페이지", cut.Find("[data-testid=power-empty]").TextContent));
        Assert.DoesNotContain("No power data", cut.Markup);
    }

    [Fact]
    public async Task LoadLongCsvAsync_DistrictFile_RowsQueryable()
    {
        var csv = Path.Combine(Path.GetTempPath(), $"long-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(csv, "year,month,sido,sigungu,contract_type,kwh\n2024,1,강원도,춘천시,합 계,123\n2024,1,강원도,춘천시,심야,-\n");
        try
        {
            await using var db = await _database!.Services.GetRequiredService<IDbContextFactory<DigitalTwinDbContext>>().CreateDbContextAsync();
            Assert.Equal(2, await LoadLongCsvAsync(db, csv));

            var rows = await new PowerQueries(_database.Services.GetRequiredService<IDbContextFactory<DigitalTwinDbContext>>())
                .UsageAsync(new UsageFilter(ContractType: ContractTypes.Total));
            Assert.Equal(Row(2024, 1, "강원특별자치도", "춘천시", ContractTypes.Total, 123), Assert.Single(rows));
        }
        finally
        {
            File.Delete(csv);
        }
    }

    private async Task SeedAsync(IEnumerable<UsageRow> rows)
    {
        await using var db = await _database!.Services.GetRequiredService<IDbContextFactory<DigitalTwinDbContext>>().CreateDbContextAsync();
        await AddAsync(db, rows);
    }
}
