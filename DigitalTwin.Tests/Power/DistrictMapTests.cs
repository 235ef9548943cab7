using System.Text.Json;
using Bunit;
using DigitalTwin.Core.Power;
using DigitalTwin.Tests.Components;
using DigitalTwin.Tests.Localization;
using DigitalTwin.Web.Components.Charts;
using DigitalTwin.Web.Components.Power;
using DigitalTwin.Web.Power;

namespace DigitalTwin.Tests.Power;

public sealed class DistrictMapTests : MudComponentTest
{
    private static readonly District Suwon = new("경기도", "수원시");
    private static readonly District Jongno = new("서울특별시", "종로구");

    private static JsonElement Model(BunitJSInterop js, string method, int argument) =>
        JsonDocument.Parse((string)js.Invocations[method].Last().Arguments[argument]!).RootElement;

    [Fact]
    public void Render_Values_CreatesTheMapWithLabelsDomainAndBoundaryUrl()
    {
        Context.Render<DistrictMap>(p => p
            .Add(m => m.Values, new Dictionary<District, double> { [Suwon] = 475e6, [Jongno] = 120e6 })
            .Add(m => m.ValueFormat, v => EnergyFormat.Energy(v))
            .Add(m => m.LegendTitle, "합계 2024-04")
            .Add(m => m.Highlighted, [Suwon])
            .AddCascadingValue(ThemeCascade.IsDarkMode, true));

        var model = Model(Context.JSInterop, "create", 2);
        Assert.Equal("475 GWh", model.GetProperty("values").GetProperty("경기도 수원시").GetProperty("label").GetString());
        Assert.Equal([120e6, 475e6], model.GetProperty("domain").EnumerateArray().Select(d => d.GetDouble()));
        Assert.Equal("sequential", model.GetProperty("scale").GetString());
        Assert.Equal("합계 2024-04", model.GetProperty("title").GetString());
        Assert.Equal(["경기도 수원시"], model.GetProperty("highlighted").EnumerateArray().Select(h => h.GetString()));
        Assert.True(model.GetProperty("dark").GetBoolean());
        Assert.False(model.GetProperty("clickable").GetBoolean());
        var settings = JsonSerializer.SerializeToElement(Context.JSInterop.Invocations["create"].Single().Arguments[3]);
        Assert.Equal(DistrictBoundariesApi.BoundariesPath, settings.GetProperty("boundaries").GetString());
    }

    [Theory]
    [InlineData("en", "no data")]
    [InlineData("ko", "데이터 없음")]
    public void Render_Language_NoDataLabelInThatLanguage(string language, string noData)
    {
        using var _ = TestText.Speak(language);

        Context.Render<DistrictMap>(p => p.Add(m => m.Values, new Dictionary<District, double> { [Suwon] = 1 }));

        Assert.Equal(noData, Model(Context.JSInterop, "create", 2).GetProperty("noData").GetString());
    }

    [Fact]
    public void Render_NewValues_UpdatesTheMapWithoutRecreatingIt()
    {
        var cut = Context.Render<DistrictMap>(p => p.Add(m => m.Values, new Dictionary<District, double> { [Suwon] = 1 }));

        cut.Render(p => p.Add(m => m.Values, new Dictionary<District, double> { [Suwon] = 1 }));
        cut.Render(p => p.Add(m => m.Values, new Dictionary<District, double> { [Suwon] = -2, [Jongno] = 1 }).Add(m => m.Scale, DistrictMapScale.Diverging));

        Assert.Single(Context.JSInterop.Invocations["create"]);
        var update = Model(Context.JSInterop, "update", 0);
        Assert.Single(Context.JSInterop.Invocations["update"]);
        Assert.Equal("diverging", update.GetProperty("scale").GetString());
        Assert.Equal([-2.0, 2.0], update.GetProperty("domain").EnumerateArray().Select(d => d.GetDouble()));
    }

    [Fact]
    public async Task DistrictClicked_FromTheBrowser_RaisesOnDistrictClick()
    {
        District? clicked = null;
        var cut = Context.Render<DistrictMap>(p => p.Add(m => m.OnDistrictClick, (District d) => clicked = d));

        await cut.InvokeAsync(() => cut.Instance.DistrictClicked("경기도", "수원시"));

        Assert.Equal(Suwon, clicked);
        Assert.True(Model(Context.JSInterop, "create", 2).GetProperty("clickable").GetBoolean());
    }

    [Fact]
    public async Task MapFailed_BoundariesMissing_ShowsTheReasonInsteadOfTheMap()
    {
        var cut = Context.Render<DistrictMap>(p => p.Add(m => m.Values, new Dictionary<District, double> { [Suwon] = 1 }));

        await cut.InvokeAsync(() => cut.Instance.MapFailed("GET /api/power/districts/boundaries: 404"));

        Assert.Contains("404", cut.Find("[data-testid=district-map-error]").TextContent);
    }

    [Fact]
    public async Task DisposeAsync_CreatedMap_DestroysIt()
    {
        var cut = Context.Render<DistrictMap>();

        await cut.Instance.DisposeAsync();

        Assert.Single(Context.JSInterop.Invocations["destroy"]);
    }

    [Fact]
    public void Build_Logarithmic_DomainFromPositiveValuesAndGeometricTicks()
    {
        var model = DistrictMapModel.Build(
            new Dictionary<District, double> { [Suwon] = 1_000, [Jongno] = 10, [new("부산광역시", "중구")] = 0, [new("부산광역시", "서구")] = double.NaN },
            null, DistrictMapScale.Logarithmic, null, null, null, false, false);

        Assert.Equal([10.0, 1_000.0], model.Domain);
        Assert.Equal(["10", "31.62", "100", "316.23", "1,000"], model.Ticks.Select(t => t.Label));
        // Zero is still a value (drawn at the scale's low end); NaN is no data.
        Assert.Equal(3, model.Values.Count);
    }

    [Fact]
    public void Build_FixedDomainOrOneValue_StillHasARange()
    {
        var one = new Dictionary<District, double> { [Suwon] = 5 };

        Assert.Equal([4.0, 6.0], DistrictMapModel.Build(one, null, DistrictMapScale.Sequential, null, null, null, false, false).Domain);
        Assert.Equal([-0.1, 0.1], DistrictMapModel.Build(one, null, DistrictMapScale.Diverging, (-0.1, 0.1), null, null, false, false).Domain);
        Assert.Equal([0.0, 1.0], DistrictMapModel.Build(null, null, DistrictMapScale.Sequential, null, null, null, false, false).Domain);
    }
}
