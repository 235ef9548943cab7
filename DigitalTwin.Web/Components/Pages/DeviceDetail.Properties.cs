using DigitalTwin.Core.Twins.Properties;
using DigitalTwin.Web.Components.Twins;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace DigitalTwin.Web.Components.Pages;

/// <summary>The device page's desired and reported documents: loaded with the page, kept live from the store's feed.</summary>
public sealed partial class DeviceDetail
{
    private TwinDocuments? _documents;
    private TwinDocuments? _pendingDocuments;

    [Inject]
    public required TwinPropertyStore Properties { get; init; }

    [Inject]
    public required TwinPropertyFeed PropertyFeed { get; init; }

    [Inject]
    public required IDialogService Dialogs { get; init; }

    private IDisposable ListenToProperties() => PropertyFeed.Subscribe(documents =>
    {
        if (documents.DeviceId == DeviceId)
        {
            Interlocked.Exchange(ref _pendingDocuments, documents);
            Invalidate();
        }
    });

    private async Task LoadPropertiesAsync() => _documents = await Properties.GetAsync(DeviceId);

    private void ApplyPropertyChanges()
    {
        if (Interlocked.Exchange(ref _pendingDocuments, null) is { } documents && IsNewer(documents))
        {
            _documents = documents;
        }
    }

    private async Task EditDesiredAsync()
    {
        if (_documents is { } documents && await DesiredEditDialog.ShowAsync(Dialogs, L, documents) is { } saved && IsNewer(saved))
        {
            _documents = saved;
        }
    }

    private bool IsNewer(TwinDocuments documents) =>
        _documents is null || documents.DesiredVersion + documents.ReportedVersion > _documents.DesiredVersion + _documents.ReportedVersion;
}
