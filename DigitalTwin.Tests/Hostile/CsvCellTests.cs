using DigitalTwin.Core.Text;

namespace DigitalTwin.Tests.Hostile;

/// <summary>Cells of the app's CSV exports: formula-leading text is defused, numbers (negative ones too) stay numbers.</summary>
public sealed class CsvCellTests
{
    [Theory]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1:A9)", "'@SUM(A1:A9)")]
    [InlineData("\t=1", "'\t=1")]
    [InlineData("=HYPERLINK(\"x\",\"y\")", "\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\"")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("temperature", "temperature")]
    [InlineData("", "")]
    public void Text_HostileOrPlainCell_EscapedForSpreadsheets(string value, string expected) =>
        Assert.Equal(expected, CsvCell.Text(value));

    [Theory]
    [InlineData(-3.5, "-3.5")]
    [InlineData(21.25, "21.25")]
    [InlineData(null, "")]
    public void Number_NegativeOrPositive_WrittenAsANumber(double? value, string expected) =>
        Assert.Equal(expected, CsvCell.Number(value));
}
