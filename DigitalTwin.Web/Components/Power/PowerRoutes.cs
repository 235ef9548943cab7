using DigitalTwin.Core.Power;

namespace DigitalTwin.Web.Components.Power;

/// <summary>Links between the power pages; district names are Korean, so they are escaped.</summary>
public static class PowerRoutes
{
    public const string Explorer = "/power";
    public const string Heatmap = "/power/heatmap";
    public const string Provinces = "/power/provinces";
    public const string Map = "/power/map";
    public const string Import = "/power/import";
    public const string Forecasts = "/power/forecasts";

    public static string District(District district) => District(district.Sido, district.Sigungu);

    public static string District(string sido, string sigungu) =>
        $"/power/districts/{Uri.EscapeDataString(sido)}/{Uri.EscapeDataString(sigungu)}";
}
