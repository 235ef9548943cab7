using System.Globalization;
using Bunit;
using DigitalTwin.Core.Alerts;
using DigitalTwin.Core.Audit;
using DigitalTwin.Core.Data;
using DigitalTwin.Web.Components.Alerts;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace DigitalTwin.Tests.Components.Alerts;

/// <summary>The alerts table: its filters ask the real service, and live changes follow the same filters.</summary>
public sealed class AlertsPageTests : AlertComponentTest
{
    public override async Task SeedAsync()
    {
        await CreateRuleAsync("f-1", 30, AlertSeverity.Critical, "Hot one");
        await CreateRuleAsync("f-2", 30, AlertSeverity.Warning, "Hot two");
        await ReportAsync("f-1", 35);
        await ReportAsync("f-2", 36);
        await ReportAsync("f-2", 20);
        await WrittenAsync();
    }

    [Fact]
    public void Default_OpenAlertsOnly()
    {
        var cut = RenderPage("/alerts");

        cut.WaitForAssertion(() => Assert.Equal(["f-1"], Devices(cut)));
    }

    [Fact]
    public void StateAny_DeviceFilter_ShowsThatDevicesClearedAlert()
    {
        var cut = RenderPage("/alerts?state=Any&device=f-2");

        cut.WaitForAssertion(() => Assert.Equal(["f-2"], Devices(cut)));
        Assert.Contains("Cleared", cut.Find("[data-testid=alerts-table] tbody").TextContent);
    }

    [Fact]
    public void StateAny_SeverityCritical_ShowsOnlyCritical()
    {
        var cut = RenderPage("/alerts?state=Any&severity=Critical");

        cut.WaitForAssertion(() => Assert.Equal(["f-1"], Devices(cut)));
    }

    [Fact]
    public async Task NotAcknowledged_AcknowledgedElsewhere_RowLeavesLive()
    {
        var cut = RenderPage("/alerts?acknowledged=false");
        cut.WaitForAssertion(() => Assert.Equal(["f-1"], Devices(cut)));

        var alert = Assert.Single(await Alerts.QueryAlertsAsync(new AlertQuery(DeviceId: "f-1")));
        await PersonActions.AcknowledgeAsync(alert.Id, OtherUser, "on it");

        cut.WaitForAssertion(() => Assert.Empty(Devices(cut)), TimeSpan.FromSeconds(10));
        await ReportAsync("f-2", 40);
        cut.WaitForAssertion(() => Assert.Equal(["f-2"], Devices(cut)), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task DeviceTyped_OnlyThatDevice()
    {
        var cut = RenderPage("/alerts?state=Any");
        cut.WaitForAssertion(() => Assert.Equal(["f-1", "f-2"], Devices(cut).Order()));

        await cut.Find("[data-testid=filter-device] input, input[data-testid=filter-device]").InputAsync(new() { Value = "f-1" });

        cut.WaitForAssertion(() => Assert.Equal(["f-1"], Devices(cut)), TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Acknowledge_CommentInDialog_StoredAsTheSignedInUserAndRowShowsWho()
    {
        var dialogs = Context.Render<MudDialogProvider>();
        var cut = RenderPage("/alerts");
        cut.WaitForAssertion(() => Assert.Equal(["f-1"], Devices(cut)));

        // Not awaited: the click's handler waits for the dialog to close.
        cut.Find("[data-testid=alert-ack]").Click();
        dialogs.WaitForAssertion(() => Assert.NotEmpty(dialogs.FindAll("[data-testid=ack-submit]")));
        Assert.Contains(TestUser, dialogs.Find("[data-testid=ack-by]").TextContent);
        Assert.Empty(dialogs.FindAll("[data-testid=ack-dialog] input"));
        await dialogs.FindAll("textarea[data-testid=ack-comment], [data-testid=ack-comment] textarea").First().ChangeAsync(new() { Value = "Technician on the way" });
        await dialogs.Find("[data-testid=ack-submit]").ClickAsync(new());

        cut.WaitForAssertion(() => Assert.Contains(TestUser, cut.Find("[data-testid=alerts-table] tbody td[data-label=Acknowledged]").TextContent));
        var alert = Assert.Single(await Alerts.QueryAlertsAsync(new AlertQuery(DeviceId: "f-1")));
        Assert.Equal((TestUser, "Technician on the way"), (alert.AcknowledgedBy, alert.AcknowledgeComment));
        var audit = new AuditSearch(HostServices.GetRequiredService<IDbContextFactory<DigitalTwinDbContext>>());
        var entry = Assert.Single((await audit.PageAsync(new AuditQuery(Action: "alert.acknowledge"))).Items);
        Assert.Equal((TestUser, ActorKind.User, alert.Id.ToString(CultureInfo.InvariantCulture)), (entry.Actor, entry.ActorKind, entry.EntityId));
    }

    private IRenderedComponent<AlertsPage> RenderPage(string uri)
    {
        Context.Render<MudPopoverProvider>();
        Context.Services.GetRequiredService<NavigationManager>().NavigateTo(uri);
        return Context.Render<AlertsPage>();
    }

    private static List<string> Devices(IRenderedComponent<AlertsPage> cut) =>
        [.. cut.FindAll("[data-testid=alerts-table] tbody tr td[data-label=Device]").Select(td => td.TextContent.Trim())];
}
