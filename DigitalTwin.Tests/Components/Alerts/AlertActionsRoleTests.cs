using DigitalTwin.Core.Accounts;
using DigitalTwin.Core.Alerts;
using DigitalTwin.Web.Accounts;
using DigitalTwin.Web.Components.Alerts;
using Microsoft.Extensions.DependencyInjection;

namespace DigitalTwin.Tests.Components.Alerts;

/// <summary>
/// The server's own check behind the hidden buttons: a Viewer's circuit that is sent an acknowledge or silence anyway
/// (a crafted event, or roles taken away since the page rendered) changes nothing; an Operator's does.
/// </summary>
public sealed class AlertActionsRoleTests : AlertComponentTest
{
    private AlertActions Actions => Context.Services.GetRequiredService<AlertActions>();

    private async Task<Alert> ActiveAlertAsync(string device)
    {
        await CreateRuleAsync(device, 30);
        await ReportAsync(device, 35);
        await WrittenAsync();
        return Assert.Single(await Alerts.QueryAlertsAsync(new AlertQuery(DeviceId: device)));
    }

    private void SignInAs(string role, params string[] policies)
    {
        Authorization.SetRoles(role);
        Authorization.SetPolicies(policies);
    }

    [Fact]
    public async Task Viewer_AcknowledgeAndSilence_RefusedAndNothingChanges()
    {
        var alert = await ActiveAlertAsync("viewer-1");
        SignInAs(Roles.Viewer, Policies.Read);

        var acknowledge = await Assert.ThrowsAsync<ActionRefusedException>(() => Actions.AcknowledgeNowAsync(alert.Id));
        Assert.Equal(Policies.Operate, acknowledge.Policy);
        await Assert.ThrowsAsync<ActionRefusedException>(() => Actions.SilenceAsync(alert.RuleId, null, TimeSpan.FromHours(1)));

        var after = Assert.Single(await Alerts.QueryAlertsAsync(new AlertQuery(DeviceId: "viewer-1")));
        Assert.False(after.Acknowledged);
        Assert.Empty(await Silences.ListSilencesAsync());
    }

    [Fact]
    public async Task Operator_Acknowledge_Done()
    {
        var alert = await ActiveAlertAsync("operator-1");
        SignInAs(Roles.Operator, Policies.Read, Policies.Operate);

        var acknowledged = await Actions.AcknowledgeNowAsync(alert.Id);

        Assert.True(acknowledged?.Acknowledged);
        Assert.Equal(TestUser, acknowledged?.AcknowledgedBy);
    }
}
