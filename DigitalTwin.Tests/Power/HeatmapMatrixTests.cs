using DigitalTwin.Core.Power;
using static DigitalTwin.Tests.Power.PowerTestData;

namespace DigitalTwin.Tests.Power;

public sealed class HeatmapMatrixTests
{
    [Fact]
    public void Normalize_ShareOfMax_PeakIsOne()
    {
        var values = HeatmapMatrix.Normalize([50, 100, null, 75], HeatmapScale.ShareOfMax);

        Assert.Equal([0.5, 1.0, null, 0.75], values);
    }

    [Fact]
    public void Normalize_ZScore_MeanZeroUnitDeviation()
    {
        var values = HeatmapMatrix.Normalize([1, 3], HeatmapScale.ZScore);

        Assert.Equal([-1.0, 1.0], values);
    }

    [Fact]
    public void Normalize_FlatSeries_ZScoreIsZero() => Assert.Equal([0.0, 0.0], HeatmapMatrix.Normalize([7, 7], HeatmapScale.ZScore));

    [Fact]
    public void Build_OrderByIndustrialShare_MostIndustrialFirstAndRawKept()
    {
        UsageRow[] rows =
        [
            Row(2024, 1, "서울특별시", "종로구", ContractTypes.Total, 100),
            Row(2024, 1, "서울특별시", "종로구", ContractTypes.Industrial, 5),
            Row(2024, 1, "서울특별시", "종로구", ContractTypes.General, 95),
            Row(2024, 1, "울산광역시", "남구", ContractTypes.Total, 400),
            Row(2024, 2, "울산광역시", "남구", ContractTypes.Total, 200),
            Row(2024, 1, "울산광역시", "남구", ContractTypes.Industrial, 300),
            Row(2024, 1, "울산광역시", "남구", ContractTypes.General, 100),
            Row(2024, 1, "울산광역시", PowerUsage.ProvinceTotal, ContractTypes.Total, 9_000),
        ];

        var matrix = HeatmapMatrix.Build(rows, ContractTypes.Total, HeatmapScale.ShareOfMax, HeatmapOrder.IndustrialShare);

        Assert.Equal(["울산광역시 남구", "서울특별시 종로구"], matrix.Rows.Select(r => r.District.ToString()));
        Assert.Equal([new YearMonth(2024, 1), new YearMonth(2024, 2)], matrix.Months);
        Assert.Equal(new HeatmapCell(200, 0.5), matrix.Rows[0].Cells[1]);
        Assert.Equal(new HeatmapCell(null, null), matrix.Rows[1].Cells[1]);
    }
}
