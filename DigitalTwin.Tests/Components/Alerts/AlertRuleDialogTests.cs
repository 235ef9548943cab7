using AngleSharp.Dom;
using Bunit;
using DigitalTwin.Core.Alerts;
using DigitalTwin.Tests.Localization;
using DigitalTwin.Web.Components.Alerts;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace DigitalTwin.Tests.Components.Alerts;

/// <summary>The rule dialog: the engine's validation on the fields, fields by rule kind, and saving.</summary>
public sealed class AlertRuleDialogTests : AlertComponentTest
{
    [Fact]
    public async Task Save_EmptyForm_ShowsEngineErrorsOnTheirFieldsAndStoresNothing()
    {
        var dialog = await OpenAsync();

        await dialog.Find("[data-testid=rule-save]").ClickAsync(new());

        dialog.WaitForAssertion(() => Assert.Contains("'name' is required", Field(dialog, "rule-name")));
        Assert.Contains("'threshold' is required for threshold rules", Field(dialog, "rule-threshold"));
        Assert.Contains("'target' must be a device id", Field(dialog, "rule-target"));
        Assert.DoesNotContain("'threshold'", Field(dialog, "rule-name"));
        Assert.Equal(0, await CountRulesAsync());
    }

    [Fact]
    public async Task Kind_SwitchedToNoDataThenRate_ShowsOnlyThatKindsFields()
    {
        var dialog = await OpenAsync();
        Assert.NotEmpty(dialog.FindAll("[data-testid=rule-threshold]"));

        await Toggle(dialog, "No data").ClickAsync(new());
        dialog.WaitForAssertion(() => Assert.NotEmpty(dialog.FindAll("[data-testid=rule-nodata]")));
        Assert.Empty(dialog.FindAll("[data-testid=rule-threshold]"));
        Assert.Empty(dialog.FindAll("[data-testid=rule-operator]"));

        await Toggle(dialog, "Rate of change").ClickAsync(new());
        dialog.WaitForAssertion(() => Assert.NotEmpty(dialog.FindAll("[data-testid=rule-rate-delta]")));
        Assert.NotEmpty(dialog.FindAll("[data-testid=rule-rate-window]"));
        Assert.Empty(dialog.FindAll("[data-testid=rule-nodata]"));
        Assert.Empty(dialog.FindAll("[data-testid=rule-threshold]"));
    }

    [Fact]
    public async Task ClearThreshold_AboveThresholdOfGreaterRule_ErrorOnClearField()
    {
        var dialog = await OpenAsync(new AlertRuleDraft { Name = "Hot", TargetKind = AlertTargetKind.Device, Target = "dev-1", Metric = "temperature" });

        await Input(dialog, "rule-threshold").InputAsync(new() { Value = "30" });
        await Input(dialog, "rule-clear-threshold").InputAsync(new() { Value = "35" });

        dialog.WaitForAssertion(() => Assert.Contains("'clearThreshold' must not be above the threshold (30)", Field(dialog, "rule-clear-threshold")));
        Assert.DoesNotContain("'threshold'", Field(dialog, "rule-threshold"));
    }

    [Fact]
    public async Task Preview_Korean_LabelsAndPreviewInKorean()
    {
        using var _ = TestText.Speak("ko");
        var dialog = await OpenAsync(new AlertRuleDraft { TargetKind = AlertTargetKind.Device, Target = "dev-1", Metric = "temperature", Operator = AlertOperator.GreaterThan });

        await Input(dialog, "rule-threshold").InputAsync(new() { Value = "30" });

        dialog.WaitForAssertion(() => Assert.Contains("장치 dev-1: temperature &gt; 30 °C이면 주의", dialog.Find("[data-testid=rule-preview]").InnerHtml));
        Assert.Contains("규칙 만들기", dialog.Markup);
        Assert.Contains("변화율", dialog.Markup);
        foreach (var english in new[] { "Create rule", "Rate of change", "Threshold", " when " })
        {
            Assert.DoesNotContain(english, dialog.Markup);
        }
    }

    [Fact]
    public async Task Save_ValidThresholdRule_PreviewsAndCreatesIt()
    {
        var dialog = await OpenAsync(new AlertRuleDraft { TargetKind = AlertTargetKind.Device, Target = "dev-1", Metric = "temperature", Operator = AlertOperator.GreaterThan });

        await Input(dialog, "rule-name").InputAsync(new() { Value = "Boiler room too hot" });
        await Input(dialog, "rule-threshold").InputAsync(new() { Value = "30" });
        await Input(dialog, "rule-clear-threshold").InputAsync(new() { Value = "28" });

        dialog.WaitForAssertion(() => Assert.Contains("WARNING when temperature &gt; 30 °C, clears &lt; 28 °C on device dev-1", dialog.Find("[data-testid=rule-preview]").InnerHtml));
        await dialog.Find("[data-testid=rule-save]").ClickAsync(new());

        var rule = Assert.Single(await Rules.ListRulesAsync());
        Assert.Equal(("Boiler room too hot", 30d, 28d, "dev-1"), (rule.Name, rule.Threshold, rule.ClearThreshold, rule.Target));
        dialog.WaitForAssertion(() => Assert.Empty(dialog.FindAll("[data-testid=rule-dialog]")));
    }

    private async Task<IRenderedComponent<MudDialogProvider>> OpenAsync(AlertRuleDraft? template = null)
    {
        Context.Render<MudPopoverProvider>();
        var provider = Context.Render<MudDialogProvider>();
        var dialogs = Context.Services.GetRequiredService<IDialogService>();
        var parameters = new DialogParameters<AlertRuleDialog> { { d => d.Template, template } };
        await provider.InvokeAsync(() => dialogs.ShowAsync<AlertRuleDialog>("Rule", parameters));
        provider.WaitForAssertion(() => Assert.NotEmpty(provider.FindAll("[data-testid=rule-save]")));
        return provider;
    }

    /// <summary>The text of a field with its helper and error lines.</summary>
    private static string Field(IRenderedComponent<MudDialogProvider> dialog, string testId)
    {
        var element = dialog.Find($"[data-testid={testId}]");
        return (element.Closest(".mud-input-control") ?? element.ParentElement!.Closest(".mud-input-control") ?? element).TextContent;
    }

    private static IElement Input(IRenderedComponent<MudDialogProvider> dialog, string testId) =>
        dialog.FindAll($"input[data-testid={testId}], [data-testid={testId}] input").First();

    private static IElement Toggle(IRenderedComponent<MudDialogProvider> dialog, string text) =>
        dialog.FindAll("[data-testid=rule-kind] [blazor\\:onclick]").First(e => e.TextContent.Trim() == text);
}
