using System.Text.Json.Nodes;
using DigitalTwin.Core.Twins.Properties;
using Microsoft.AspNetCore.Components;

namespace DigitalTwin.Web.Components.Twins;

/// <summary>A device's desired and reported properties side by side, the delta highlighted, with an edit button for operators.</summary>
public sealed partial class TwinDocumentsCard : ComponentBase
{
    /// <summary>The documents to show.</summary>
    [Parameter, EditorRequired]
    public required TwinDocuments Documents { get; set; }

    /// <summary>The edit button was pressed (shown only to those who may operate).</summary>
    [Parameter]
    public EventCallback OnEdit { get; set; }

    private IReadOnlyList<Row> Rows { get; set; } = [];

    protected override void OnParametersSet()
    {
        var delta = Documents.Delta;
        Rows = [.. Documents.Desired.Select(p => p.Key).Union(Documents.Reported.Select(p => p.Key), StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .Select(key => new Row(key, Text(Documents.Desired, key), Text(Documents.Reported, key), delta.ContainsKey(key)))];
    }

    private static string Text(JsonObject document, string key) =>
        document.TryGetPropertyValue(key, out var value) ? value?.ToJsonString() ?? "null" : "—";

    private sealed record Row(string Key, string Desired, string Reported, bool Pending);
}
