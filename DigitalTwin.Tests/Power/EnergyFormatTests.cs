using DigitalTwin.Web.Components.Power;

namespace DigitalTwin.Tests.Power;

public sealed class EnergyFormatTests
{
    [Theory]
    [InlineData(12_345_678d, "12.3 GWh")]
    [InlineData(845_000d, "845 MWh")]
    [InlineData(3_400_000_000d, "3.40 TWh")]
    [InlineData(950d, "950 kWh")]
    [InlineData(0d, "0")]
    [InlineData(-2_500_000d, "-2.50 GWh")]
    public void Energy_Magnitude_PicksUnit(double kwh, string expected) => Assert.Equal(expected, EnergyFormat.Energy(kwh));

    [Fact]
    public void Energy_Null_IsDash() => Assert.Equal("–", EnergyFormat.Energy(null));

    [Fact]
    public void Kwh_Large_HasThousandsSeparators() => Assert.Equal("1,547,410,484", EnergyFormat.Kwh(1_547_410_484));

    [Fact]
    public void Percent_Share_RoundsToWholePercent() => Assert.Equal("62%", EnergyFormat.Percent(0.6249));

    [Theory]
    [InlineData(0.0312, "+3.1%")]
    [InlineData(-0.028, "-2.8%")]
    [InlineData(0d, "0.0%")]
    public void Change_Relative_IsSigned(double change, string expected) => Assert.Equal(expected, EnergyFormat.Change(change));
}
