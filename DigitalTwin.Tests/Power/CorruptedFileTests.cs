using DigitalTwin.Core.Power;
using Microsoft.EntityFrameworkCore;

namespace DigitalTwin.Tests.Power;

/// <summary>
/// Each broken file gives one precise error (row, column, value) and is refused whole: the database keeps
/// exactly what it had. The base is the 2024 sample (UTF-8, CRLF, a header and 32 rows) with one defect each.
/// </summary>
public sealed class CorruptedFileTests : IAsyncLifetime
{
    private PowerTestHost _host = null!;
    private string[] _lines = [];

    public async Task InitializeAsync()
    {
        _host = await PowerTestHost.StartAsync();
        await _host.ImportSampleAsync("wide_2023_cp949.csv");
        _lines = PowerSamples.Text("wide_2024_utf8.csv").Split("\r\n");
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Preview_WrongHeader_ReportsTheColumn()
    {
        _lines[0] = _lines[0].Replace("시군구", "구군", StringComparison.Ordinal);

        var error = await RefusedAsync();

        Assert.Equal((1, "시군구", "구군"), (error.Row, error.Column, error.Value));
    }

    [Fact]
    public async Task Preview_BadMonthHeader_ReportsTheColumn()
    {
        _lines[0] = _lines[0].Replace(" 3월 ", " 13월 ", StringComparison.Ordinal);

        var error = await RefusedAsync();

        Assert.Equal((1, "column 7", " 13월 "), (error.Row, error.Column, error.Value));
    }

    [Fact]
    public async Task Preview_TextInNumberColumn_ReportsRowColumnValue()
    {
        _lines[1] = _lines[1].Replace("\" 24,457,510 \"", "n/a", StringComparison.Ordinal);

        var error = await RefusedAsync();

        Assert.Equal((2, "1월", "n/a"), (error.Row, error.Column, error.Value));
    }

    [Fact]
    public async Task Preview_TruncatedFile_ReportsTheShortRow()
    {
        // Cut inside the last row's 3월 cell, as an interrupted download would.
        var last = Array.FindLastIndex(_lines, l => l.Length > 0);
        var cells = _lines[last].Split(",\"");
        _lines = [.. _lines[..last], string.Join(",\"", cells[..3]) + ",\" 1"];

        var error = await RefusedAsync(trimEnd: true);

        Assert.Equal(last + 1, error.Row);
        Assert.Equal("4월", error.Column);
        Assert.Null(error.Value);
        Assert.Contains("truncated", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Preview_DuplicateDistrict_ReportsTheSecondRow()
    {
        _lines = [.. _lines.Where(l => l.Length > 0), _lines[1], ""];

        var error = await RefusedAsync();

        Assert.Equal((34, "시군구", "서울특별시 종로구"), (error.Row, error.Column, error.Value));
        Assert.Contains("row 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Preview_SameDistrictUnderOldAndNewProvinceName_IsADuplicate()
    {
        var jeonju = Array.FindIndex(_lines, l => l.Contains("전라북도,전주시,주택용", StringComparison.Ordinal));
        _lines = [.. _lines.Where(l => l.Length > 0), _lines[jeonju].Replace("전라북도", "전북특별자치도", StringComparison.Ordinal), ""];

        var error = await RefusedAsync();

        Assert.Equal((34, "시군구", "전북특별자치도 전주시"), (error.Row, error.Column, error.Value));
    }

    [Fact]
    public async Task Preview_UnknownSido_ReportsRowColumnValue()
    {
        var daegu = Array.FindIndex(_lines, l => l.Contains("대구광역시", StringComparison.Ordinal));
        _lines[daegu] = _lines[daegu].Replace("대구광역시", "대구광역도", StringComparison.Ordinal);

        var error = await RefusedAsync();

        Assert.Equal((daegu + 1, "시도", "대구광역도"), (error.Row, error.Column, error.Value));
    }

    /// <summary>Previews the edited file, asserts it is refused and changed nothing, and returns its one error.</summary>
    private async Task<ImportIssue> RefusedAsync(bool trimEnd = false)
    {
        var rowsBefore = await _host.CountUsagesAsync();
        var text = string.Join("\r\n", _lines);
        var preview = await _host.PreviewAsync("broken.csv", PowerSamples.Utf8(trimEnd ? text.TrimEnd() : text));

        Assert.False(preview.CanCommit);
        var error = Assert.Single(preview.Issues, i => i.Severity == ImportSeverity.Error);
        Assert.Equal("broken.csv", error.File);
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => _host.Imports.CommitAsync(preview.Id, PowerTestHost.Importer));
        Assert.Contains("error", refused.Message, StringComparison.Ordinal);
        Assert.Equal(rowsBefore, await _host.CountUsagesAsync());
        Assert.Equal(1, await _host.QueryAsync(db => db.PowerImports.CountAsync()));
        return error;
    }
}
