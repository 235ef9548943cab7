using System.Globalization;
using DigitalTwin.Core.Power;
using DigitalTwin.Web.Localization;

namespace DigitalTwin.Tests.Localization;

public sealed class CultureFormatTests
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");
    private static readonly CultureInfo Korean = CultureInfo.GetCultureInfo("ko");

    [Fact]
    public void Month_English_MonthNameAndYear() => Assert.Equal("May 2024", CultureFormat.Month(new YearMonth(2024, 5), English));

    [Fact]
    public void Month_Korean_YearThenMonth() => Assert.Equal("2024년 5월", CultureFormat.Month(new YearMonth(2024, 5), Korean));

    [Fact]
    public void Kwh_English_GroupsThousands() => Assert.Equal("1,547,410,484 kWh", CultureFormat.Kwh(1_547_410_484, English));

    [Fact]
    public void Kwh_Korean_GroupsThousands() => Assert.Equal("1,547,410,484 kWh", CultureFormat.Kwh(1_547_410_484, Korean));

    [Fact]
    public void Kwh_Missing_IsDash() => Assert.Equal(CultureFormat.Missing, CultureFormat.Kwh(null, Korean));

    [Fact]
    public void DateTime_Korean_WritesTheKoreanOrder()
    {
        var at = new DateTimeOffset(2024, 5, 1, 9, 0, 0, TimeSpan.Zero);
        var seoul = TimeZoneInfo.CreateCustomTimeZone("KST", TimeSpan.FromHours(9), "KST", "KST");

        var text = CultureFormat.DateTime(at, seoul, Korean);

        Assert.StartsWith("2024. 5. 1.", text, StringComparison.Ordinal);
        Assert.Contains("오후 6:00", text, StringComparison.Ordinal);
    }

    [Fact]
    public void DateTime_English_MonthFirst()
    {
        var at = new DateTimeOffset(2024, 5, 1, 9, 0, 0, TimeSpan.Zero);

        Assert.Equal("5/1/2024 9:00 AM", CultureFormat.DateTime(at, TimeZoneInfo.Utc, English).Replace('\u202f', ' '));
    }
}
