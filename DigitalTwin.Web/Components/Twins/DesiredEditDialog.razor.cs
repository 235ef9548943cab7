using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using DigitalTwin.Core.Twins.Properties;
using DigitalTwin.Web.Accounts;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace DigitalTwin.Web.Components.Twins;

/// <summary>Edits a device's desired document; saved only if nobody changed it since it was opened (the API's If-Match).</summary>
public sealed partial class DesiredEditDialog : ComponentBase
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };
    private string? _text;
    private string? _error;
    private bool _saving;

    [CascadingParameter]
    public required IMudDialogInstance Dialog { get; set; }

    /// <summary>The documents as the page showed them: the edit starts from, and is conditional on, this desired version.</summary>
    [Parameter, EditorRequired]
    public required TwinDocuments Documents { get; set; }

    [Inject]
    public required TwinPropertyStore Store { get; init; }

    [Inject]
    public required CurrentActor CurrentActor { get; init; }

    private string DeviceId => Documents.DeviceId;

    public static async Task<TwinDocuments?> ShowAsync(IDialogService dialogs, IStringLocalizer l, TwinDocuments documents)
    {
        var parameters = new DialogParameters<DesiredEditDialog> { { d => d.Documents, documents } };
        var options = new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true, CloseOnEscapeKey = true };
        var dialog = await dialogs.ShowAsync<DesiredEditDialog>(l["Twin.Dialog.Title", documents.DeviceId], parameters, options);
        return await dialog.Result is { Canceled: false, Data: TwinDocuments saved } ? saved : null;
    }

    protected override void OnInitialized() => _text = Documents.Desired.ToJsonString(Indented);

    private async Task SaveAsync()
    {
        var parsed = TwinPatch.Parse(new System.Buffers.ReadOnlySequence<byte>(Encoding.UTF8.GetBytes(_text ?? "")));
        if (parsed.Patch is null)
        {
            _error = parsed.Error!.Replace("The patch", "The document", StringComparison.Ordinal);
            return;
        }
        _saving = true;
        try
        {
            var patch = JsonMergePatch.Diff(Documents.Desired, parsed.Patch);
            var result = await Store.PatchDesiredAsync(DeviceId, patch, Documents.DesiredVersion, await CurrentActor.DemandAsync(Policies.Operate));
            _error = result.Status switch
            {
                TwinPropertyStatus.Ok => null,
                TwinPropertyStatus.VersionMismatch => L["Twin.Dialog.Conflict"],
                TwinPropertyStatus.UnknownDevice => L["Twin.Dialog.Gone"],
                _ => result.Error,
            };
            if (result.Status == TwinPropertyStatus.Ok)
            {
                Dialog.Close(DialogResult.Ok(result.Documents!));
            }
        }
        finally
        {
            _saving = false;
        }
    }

    private void Cancel() => Dialog.Cancel();
}
