using System.Globalization;
using Bunit;
using DigitalTwin.Core.Alerts;
using DigitalTwin.Web.Components.Alerts;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace DigitalTwin.Tests.Components.Alerts;

/// <summary>The layout's alert side: the bell follows the feed, and transitions raise one snackbar each.</summary>
public sealed class AlertNotificationsTests : AlertComponentTest
{
    [Fact]
    public async Task Feed_AlertActiveThenAcknowledged_BellCountFollows()
    {
        await CreateRuleAsync("bell-1", 30);
        var cut = Context.Render<AlertNotifications>();
        Assert.Equal("0", Count(cut));

        await ReportAsync("bell-1", 31.5);
        cut.WaitForAssertion(() => Assert.Equal("1", Count(cut)));
        await ReportAsync("bell-2", 40);
        await CreateRuleAsync("bell-2", 30);
        await ReportAsync("bell-2", 41);
        cut.WaitForAssertion(() => Assert.Equal("2", Count(cut)));

        await WrittenAsync();
        var alert = Assert.Single(await Alerts.QueryAlertsAsync(new AlertQuery(DeviceId: "bell-1")));
        await PersonActions.AcknowledgeAsync(alert.Id, OtherUser, null);
        cut.WaitForAssertion(() => Assert.Equal("1", Count(cut)));
    }

    [Fact]
    public async Task Feed_ActiveRetriggeredCleared_OneSeverityColouredSnackbarPerTransition()
    {
        await CreateRuleAsync("snack-1", 30, AlertSeverity.Critical, "Boiler room too hot");
        var snackbars = Context.Render<MudSnackbarProvider>();
        var cut = Context.Render<AlertNotifications>();
        var service = Context.Services.GetRequiredService<ISnackbar>();

        await ReportAsync("snack-1", 31.4);
        await ReportAsync("snack-1", 32);
        cut.WaitForAssertion(() => Assert.Single(service.ShownSnackbars));
        Assert.Equal(Severity.Error, service.ShownSnackbars.Single().Severity);
        snackbars.WaitForAssertion(() => Assert.Contains($"CRITICAL · Boiler room too hot · snack-1: {31.4.ToString(CultureInfo.CurrentCulture)} °C &gt; 30", snackbars.Markup));

        await ReportAsync("snack-1", 25);
        cut.WaitForAssertion(() => Assert.Equal(2, service.ShownSnackbars.Count()));
        Assert.Equal(Severity.Success, service.ShownSnackbars.Last().Severity);
        snackbars.WaitForAssertion(() => Assert.Contains("Cleared · Boiler room too hot · snack-1: 25 °C", snackbars.Markup));
    }

    [Fact]
    public async Task BellMenu_Acknowledge_RemovesAlertFromListAndCount()
    {
        await CreateRuleAsync("menu-1", 30, AlertSeverity.Major, "Warm");
        var popover = Context.Render<MudPopoverProvider>();
        var cut = Context.Render<AlertNotifications>();
        await ReportAsync("menu-1", 35);
        cut.WaitForAssertion(() => Assert.Equal("1", Count(cut)));

        await cut.Find("[data-testid=alert-bell] button").ClickAsync(new());
        popover.WaitForAssertion(() => Assert.Single(popover.FindAll("[data-testid=alert-bell-item]")));
        await popover.Find("[data-testid=alert-bell-ack]").ClickAsync(new());

        cut.WaitForAssertion(() => Assert.Equal("0", Count(cut)));
        await WrittenAsync();
        var alert = Assert.Single(await Alerts.QueryAlertsAsync(new AlertQuery(DeviceId: "menu-1")));
        Assert.True(alert.Acknowledged);
        Assert.Equal(TestUser, alert.AcknowledgedBy);
    }

    [Fact]
    public async Task Feed_BurstOfAlertChanges_FewRendersAndNoQueries()
    {
        const int Burst = 100;
        await CreateRuleAsync("burst-1", 30, AlertSeverity.Major, "Warm");
        var changes = 0;
        using var counting = HostServices.GetRequiredService<IAlertFeed>().Subscribe(_ => Interlocked.Increment(ref changes));
        var cut = Context.Render<AlertNotifications>();
        cut.WaitForAssertion(() => Assert.Equal("true", cut.Find("[data-testid=alert-bell]").GetAttribute("data-live")));
        var service = Context.Services.GetRequiredService<ISnackbar>();
        service.Configuration.MaxDisplayedSnackbars = Burst; // all of them counted, not the first five
        var rendersBefore = cut.RenderCount;
        var rulesReadBefore = Queries.Reading("AlertRules");

        // Active, cleared, active, …: every reading is a transition that the bell applies and announces.
        for (var i = 0; i < Burst; i++)
        {
            await ReportAsync("burst-1", i % 2 == 0 ? 35 : 25);
        }

        Assert.Equal(Burst, Volatile.Read(ref changes));
        cut.WaitForAssertion(() => Assert.Equal(Burst, service.ShownSnackbars.Count()));
        Assert.Equal("0", Count(cut));
        var renders = cut.RenderCount - rendersBefore;
        Assert.True(renders <= Burst / 10, $"{renders} renders for {Burst} alert changes");
        Assert.Equal(0, Queries.Reading("AlertRules") - rulesReadBefore);
    }

    private static string? Count(IRenderedComponent<AlertNotifications> cut) =>
        cut.Find("[data-testid=alert-bell]").GetAttribute("data-count");
}
