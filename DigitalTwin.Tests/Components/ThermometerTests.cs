using System.Globalization;
using Bunit;
using DigitalTwin.Web.Components.Twins;

namespace DigitalTwin.Tests.Components;

public sealed class ThermometerTests : MudComponentTest
{
    [Fact]
    public void Render_Value_ShowsValueWithUnit()
    {
        var cut = Context.Render<Thermometer>(p => p.Add(t => t.Value, 21.4));

        Assert.Equal($"{21.4.ToString("F1", CultureInfo.CurrentCulture)} °C", cut.Find("[data-testid=thermometer-value]").TextContent);
    }

    [Fact]
    public void Render_Value_DescribesValueInAriaLabel()
    {
        var cut = Context.Render<Thermometer>(p => p.Add(t => t.Value, 21.4));

        Assert.Contains(21.4.ToString("F1", CultureInfo.CurrentCulture), cut.Find("svg").GetAttribute("aria-label"));
    }

    [Theory]
    [InlineData(-10, 0.0)]
    [InlineData(15, 0.5)]
    [InlineData(30, 0.8)]
    [InlineData(40, 1.0)]
    public void Render_ValueWithinRange_ColumnHeightIsProportional(double value, double expectedFraction)
    {
        var cut = Context.Render<Thermometer>(p => p
            .Add(t => t.Value, value)
            .Add(t => t.Min, -10)
            .Add(t => t.Max, 40));

        Assert.Equal(expectedFraction * Thermometer.ScaleLength, ColumnHeight(cut), precision: 2);
    }

    [Theory]
    [InlineData(-25, 0.0)]
    [InlineData(55, 1.0)]
    public void Render_ValueOutsideRange_ColumnIsClamped(double value, double expectedFraction)
    {
        var cut = Context.Render<Thermometer>(p => p.Add(t => t.Value, value));

        Assert.Equal(expectedFraction * Thermometer.ScaleLength, ColumnHeight(cut), precision: 2);
    }

    [Fact]
    public void Render_CustomRange_UsesThatRange()
    {
        var cut = Context.Render<Thermometer>(p => p
            .Add(t => t.Value, 75)
            .Add(t => t.Min, 0)
            .Add(t => t.Max, 100)
            .Add(t => t.Unit, "%"));

        Assert.Equal(0.75 * Thermometer.ScaleLength, ColumnHeight(cut), precision: 2);
        Assert.EndsWith(" %", cut.Find("[data-testid=thermometer-value]").TextContent);
    }

    [Fact]
    public void Render_NullValue_ShowsDashAndEmptyColumn()
    {
        var cut = Context.Render<Thermometer>(p => p.Add(t => t.Value, null));

        Assert.Equal("—", cut.Find("[data-testid=thermometer-value]").TextContent);
        Assert.Equal(0, ColumnHeight(cut));
        Assert.Contains("no reading", cut.Find("svg").GetAttribute("aria-label"));
    }

    [Fact]
    public void Render_NewValue_MovesColumn()
    {
        var cut = Context.Render<Thermometer>(p => p.Add(t => t.Value, -10));

        cut.Render(p => p.Add(t => t.Value, 40));

        Assert.Equal(Thermometer.ScaleLength, ColumnHeight(cut), precision: 2);
    }

    [Fact]
    public void Render_DefaultRange_LabelsTicksFromMinToMax()
    {
        var cut = Context.Render<Thermometer>(p => p.Add(t => t.Value, 20));

        var labels = cut.FindAll("text.thermometer-tick-label").Select(e => e.TextContent).ToList();

        Assert.Equal(["-10", "0", "10", "20", "30", "40"], labels);
    }

    private static double ColumnHeight(IRenderedComponent<Thermometer> cut) =>
        double.Parse(cut.Find("[data-testid=thermometer-column]").GetAttribute("height")!, CultureInfo.InvariantCulture);
}
