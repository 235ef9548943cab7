using System.Text.Json.Nodes;
using Bunit;
using DigitalTwin.Core.Twins.Properties;
using DigitalTwin.Web.Accounts;
using DigitalTwin.Web.Components.Twins;

namespace DigitalTwin.Tests.Components;

public sealed class TwinDocumentsCardTests : MudComponentTest
{
    [Fact]
    public void Render_Differing_RowsHighlightedAndWaiting()
    {
        var cut = Context.Render<TwinDocumentsCard>(p => p.Add(c => c.Documents, Documents("""{"setpoint":21,"mode":"eco"}""", """{"setpoint":21,"mode":"comfort","fw":"1.2"}""")));

        Assert.Contains("Waiting for the device", cut.Find("[data-testid=twin-pending]").TextContent, StringComparison.Ordinal);
        Assert.Contains("twin-row-pending", cut.Find("[data-testid=twin-row-mode]").ClassList);
        Assert.DoesNotContain("twin-row-pending", cut.Find("[data-testid=twin-row-setpoint]").ClassList);
        Assert.Contains("—", cut.Find("[data-testid=twin-row-fw]").TextContent, StringComparison.Ordinal);
        Assert.Equal("desired v2 · reported v5", cut.Find("[data-testid=twin-versions]").TextContent.Trim());
    }

    [Fact]
    public void Render_InSync_NoWaitingChip()
    {
        var cut = Context.Render<TwinDocumentsCard>(p => p.Add(c => c.Documents, Documents("""{"setpoint":21}""", """{"setpoint":21}""")));

        Assert.Empty(cut.FindAll("[data-testid=twin-pending]"));
        Assert.NotNull(cut.Find("[data-testid=twin-in-sync]"));
    }

    [Fact]
    public void Render_Viewer_NoEditButton()
    {
        Authorization.SetPolicies(Policies.Read);
        var cut = Context.Render<TwinDocumentsCard>(p => p.Add(c => c.Documents, Documents("""{"a":1}""", "{}")));

        Assert.Empty(cut.FindAll("[data-testid=twin-edit]"));
    }

    private static TwinDocuments Documents(string desired, string reported) =>
        new("card-1", JsonNode.Parse(desired)!.AsObject(), 2, null, JsonNode.Parse(reported)!.AsObject(), 5, null);
}
