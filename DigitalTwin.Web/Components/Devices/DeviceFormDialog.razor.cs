using DigitalTwin.Core.Devices;
using DigitalTwin.Core.Twins;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;
using MudBlazor;
using DigitalTwin.Web.Accounts;
using Microsoft.Extensions.Localization;

namespace DigitalTwin.Web.Components.Devices;

/// <summary>What the form saved; <see cref="Secret"/> only when a device was created (shown once).</summary>
public sealed record DeviceSaved(Device Device, string? Secret);

/// <summary>
/// Registers a device or edits one. Validation is the registry's own (<see cref="DeviceDraft.Validate"/>), the same
/// the API applies, shown under each field.
/// </summary>
public sealed partial class DeviceFormDialog : ComponentBase
{
    internal const string IdField = "id";
    internal const string NameField = "name";
    internal const string KindField = "kind";
    internal const string LocationField = "location";
    internal const string TagsField = "tags";
    internal const string MetadataField = "metadata";
    internal const string OfflineAfterField = "offlineAfter";
    private static readonly string[] CommonKinds = ["thermometer", "hygrometer", "meter", "sensor", "gateway"];

    private readonly List<MetadataEntry> _metadata = [];
    private IReadOnlyDictionary<string, string[]> _errors = new Dictionary<string, string[]>();
    private string? _id;
    private string? _name;
    private string? _kind = "thermometer";
    private string? _location;
    private string? _tags;
    private int? _offlineAfterSeconds;
    private bool _saving;

    [CascadingParameter]
    public required IMudDialogInstance Dialog { get; set; }

    /// <summary>The device to edit; null registers a new one.</summary>
    [Parameter]
    public Device? Device { get; set; }

    /// <summary>Kinds already in use, suggested with the common ones.</summary>
    [Parameter]
    public IReadOnlyList<string> KnownKinds { get; set; } = [];

    [Inject]
    public required DeviceRegistry Registry { get; init; }

    [Inject]
    public required CurrentActor CurrentActor { get; init; }

    [Inject]
    public required IOptions<TwinOptions> TwinOptions { get; init; }

    private bool IsEdit => Device is not null;

    private TimeSpan DefaultOfflineAfter => TwinOptions.Value.OfflineAfter;

    public static async Task<DeviceSaved?> ShowAsync(IDialogService dialogs, IStringLocalizer l, Device? device, IReadOnlyList<string> knownKinds)
    {
        var parameters = new DialogParameters<DeviceFormDialog> { { d => d.Device, device }, { d => d.KnownKinds, knownKinds } };
        var options = new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true, CloseOnEscapeKey = true };
        var dialog = await dialogs.ShowAsync<DeviceFormDialog>(device is null ? l["DeviceForm.RegisterTitle"] : l["DeviceForm.EditTitle", device.Id], parameters, options);
        return await dialog.Result is { Canceled: false, Data: DeviceSaved saved } ? saved : null;
    }

    protected override void OnInitialized()
    {
        if (Device is { } device)
        {
            (_id, _name, _kind, _location) = (device.Id, device.Name, device.Kind, device.Location);
            _tags = string.Join(", ", device.Tags);
            _offlineAfterSeconds = device.OfflineAfter is { } offlineAfter ? (int)offlineAfter.TotalSeconds : null;
            _metadata.AddRange(device.Metadata.Select(m => new MetadataEntry { Key = m.Key, Value = m.Value }));
        }
    }

    private Task<IEnumerable<string>> SuggestKindsAsync(string? text, CancellationToken cancellationToken)
    {
        var kinds = CommonKinds.Concat(KnownKinds).Distinct(StringComparer.Ordinal);
        return Task.FromResult(string.IsNullOrWhiteSpace(text) ? kinds : kinds.Where(k => k.Contains(text.Trim(), StringComparison.OrdinalIgnoreCase)));
    }

    /// <summary>
    /// The registry's refusals (English, as the API gives them) as the rule of each field in the reader's language: a
    /// field has one rule, so the field alone picks the words.
    /// </summary>
    private Dictionary<string, string[]> FieldErrors(IReadOnlyDictionary<string, string[]>? errors) =>
        (errors ?? new Dictionary<string, string[]>()).ToDictionary(e => e.Key, e => FieldRule(e.Key) is { } rule ? [rule] : e.Value);

    private string? FieldRule(string field) => field switch
    {
        IdField => L["DeviceForm.Error.id"].Value,
        KindField => L["DeviceForm.Error.kind", DeviceDraft.MaxKindLength].Value,
        NameField => L["DeviceForm.Error.name", DeviceDraft.MaxNameLength].Value,
        LocationField => L["DeviceForm.Error.location", DeviceDraft.MaxLocationLength].Value,
        TagsField => L["DeviceForm.Error.tags", DeviceDraft.MaxTags, DeviceDraft.MaxTagLength].Value,
        MetadataField => L["DeviceForm.Error.metadata", DeviceDraft.MaxMetadataEntries, DeviceDraft.MaxMetadataKeyLength, DeviceDraft.MaxMetadataValueLength].Value,
        OfflineAfterField => L["DeviceForm.Error.offlineAfter"].Value,
        _ => null,
    };

    private void AddMetadata() => _metadata.Add(new MetadataEntry());

    private bool HasError(string field) => _errors.ContainsKey(field);

    private string? ErrorOf(string field) => _errors.TryGetValue(field, out var errors) ? string.Join(" ", errors) : null;

    private DeviceDraft Draft() => new(
        IsEdit ? null : _id?.Trim(),
        _name,
        _kind,
        _location,
        [.. (_tags ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)],
        // Blank rows are left out; a value without a key is an error the registry names.
        _metadata.Where(m => !string.IsNullOrWhiteSpace(m.Key) || !string.IsNullOrWhiteSpace(m.Value))
            .GroupBy(m => m.Key?.Trim() ?? "", StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Last().Value ?? "", StringComparer.Ordinal),
        _offlineAfterSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : null);

    private async Task SaveAsync()
    {
        _saving = true;
        try
        {
            var draft = Draft();
            var result = IsEdit
                ? await Registry.UpdateAsync(Device!.Id, draft, await CurrentActor.DemandAsync(Policies.Operate))
                : await Registry.CreateAsync(draft, await CurrentActor.DemandAsync(Policies.Operate));
            _errors = result.Status switch
            {
                RegistryStatus.Ok => _errors,
                RegistryStatus.Conflict => new Dictionary<string, string[]> { [IdField] = [L["DeviceForm.Exists", draft.Id ?? ""]] },
                RegistryStatus.NotFound => new Dictionary<string, string[]> { [IdField] = [L["Devices.Gone"]] },
                _ => FieldErrors(result.Errors),
            };
            if (result.Status == RegistryStatus.Ok)
            {
                Dialog.Close(DialogResult.Ok(new DeviceSaved(result.Device!, result.Secret)));
            }
        }
        finally
        {
            _saving = false;
        }
    }

    private void Cancel() => Dialog.Cancel();

    private sealed class MetadataEntry
    {
        public string? Key { get; set; }

        public string? Value { get; set; }
    }
}
