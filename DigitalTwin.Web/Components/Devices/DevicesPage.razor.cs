using DigitalTwin.Core.Devices;
using DigitalTwin.Core.Twins;
using DigitalTwin.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using DigitalTwin.Web.Accounts;

namespace DigitalTwin.Web.Components.Devices;

/// <summary>
/// The device registry: a page of devices at a time (the database searches, filters, sorts and pages; the status
/// board adds live status), with create, edit, rotate, revoke and delete. Status is live without re-querying:
/// the page listens to the twins of the rows it shows and re-renders through the LiveRefresh throttle.
/// </summary>
public sealed partial class DevicesPage : LivePage
{
    private static readonly int[] PageSizes = [10, 25, 50, 100];
    private static readonly DeviceStatus[] StatusChoices = [DeviceStatus.Online, DeviceStatus.Offline, DeviceStatus.Unknown];

    private MudDataGrid<DeviceListItem>? _grid;
    private IReadOnlyList<string> _kinds = [];
    private IReadOnlyList<string> _tags = [];
    private string? _search;
    private string? _kind;
    private string? _tag;
    private DeviceStatus? _status;
    private int _total;

    [Inject]
    public required DeviceList Devices { get; init; }

    [Inject]
    public required DeviceRegistry Registry { get; init; }

    [Inject]
    public required CurrentActor CurrentActor { get; init; }

    [Inject]
    public required DeviceStatusBoard Board { get; init; }

    [Inject]
    public required ITwinChangeFeed Feed { get; init; }

    [Inject]
    public required IDialogService Dialogs { get; init; }

    protected override async Task OnInitializedAsync()
    {
        base.OnInitialized();
        await LoadFilterChoicesAsync();
    }

    /// <summary>Read at every render, so a row's status is as fresh as the board.</summary>
    private DeviceStatusEntry StatusOf(DeviceListItem item) => Board.Get(item.Device.Id);

    private async Task<GridData<DeviceListItem>> LoadAsync(GridState<DeviceListItem> state, CancellationToken cancellationToken)
    {
        var sort = state.SortDefinitions.FirstOrDefault();
        var query = new DeviceListQuery(_search, _kind, _tag, _status, SortFor(sort?.SortBy), sort?.Descending ?? false,
            state.Page * state.PageSize, state.PageSize);
        var page = await Devices.QueryAsync(query, cancellationToken);
        _total = page.Total;
        // The count is in the page's header, outside the grid that loaded it.
        Invalidate();
        Listen(new Subscriptions([.. page.Items.Select(i => Feed.Subscribe(i.Device.Id, _ => Invalidate()))]));
        return new GridData<DeviceListItem> { Items = page.Items, TotalItems = page.Total };
    }

    /// <summary>The grid names a column by its property path ("Device.Kind", "Status.LastSeen").</summary>
    internal static DeviceSort SortFor(string? column) => column?[(column.LastIndexOf('.') + 1)..] switch
    {
        nameof(Device.Name) => DeviceSort.Name,
        nameof(Device.Kind) => DeviceSort.Kind,
        nameof(Device.Location) => DeviceSort.Location,
        nameof(DeviceStatusEntry.Status) => DeviceSort.Status,
        nameof(DeviceStatusEntry.LastSeen) => DeviceSort.LastSeen,
        _ => DeviceSort.Id,
    };

    private Task SearchChangedAsync(string? search) => ReloadAfter(() => _search = search);

    private Task KindChangedAsync(string? kind) => ReloadAfter(() => _kind = kind);

    private Task TagChangedAsync(string? tag) => ReloadAfter(() => _tag = tag);

    private Task StatusChangedAsync(DeviceStatus? status) => ReloadAfter(() => _status = status);

    private async Task ReloadAfter(Action change)
    {
        change();
        await ReloadAsync();
    }

    private async Task ReloadAsync()
    {
        if (_grid is not null)
        {
            await _grid.ReloadServerData();
        }
    }

    private async Task LoadFilterChoicesAsync()
    {
        _kinds = await Devices.KindsAsync();
        _tags = await Devices.TagsAsync();
    }

    private async Task CreateAsync()
    {
        if (await DeviceFormDialog.ShowAsync(Dialogs, L, device: null, _kinds) is { } saved)
        {
            await DeviceSecretDialog.ShowAsync(Dialogs, L, saved.Device.Id, saved.Secret!, rotated: false);
            await AfterChangeAsync();
        }
    }

    private async Task EditAsync(Device device)
    {
        if (await DeviceFormDialog.ShowAsync(Dialogs, L, device, _kinds) is not null)
        {
            Snackbar.Add(L["Devices.Saved", device.Id], Severity.Success);
            await AfterChangeAsync();
        }
    }

    private async Task RotateAsync(Device device)
    {
        if (!await ConfirmAsync(L["Devices.RotateSecret"], L["Devices.RotateConfirm", device.Id], L["Devices.Rotate"]))
        {
            return;
        }
        var result = await Registry.RotateSecretAsync(device.Id, await CurrentActor.DemandAsync(Policies.Operate));
        if (result.Status == RegistryStatus.Ok)
        {
            await DeviceSecretDialog.ShowAsync(Dialogs, L, device.Id, result.Secret!, rotated: true);
        }
        await AfterChangeAsync(result.Status);
    }

    private async Task RevokeAsync(Device device)
    {
        if (await ConfirmAsync(L["Devices.RevokeTitle"], L["Devices.RevokeConfirm", device.Id], L["Devices.Revoke"]))
        {
            var result = await Registry.RevokeAsync(device.Id, await CurrentActor.DemandAsync(Policies.Operate));
            await AfterChangeAsync(result.Status, L["Devices.Revoked.Done", device.Id]);
        }
    }

    private async Task DeleteAsync(Device device)
    {
        if (await ConfirmAsync(L["Devices.DeleteTitle"], L["Devices.DeleteConfirm", device.Id], L["Devices.Delete"]))
        {
            await AfterChangeAsync(await Registry.DeleteAsync(device.Id, await CurrentActor.DemandAsync(Policies.Admin)), L["Devices.Deleted", device.Id]);
        }
    }

    private async Task<bool> ConfirmAsync(string title, string message, string action) =>
        await Dialogs.ShowMessageBoxAsync(title, message, yesText: action, cancelText: L["Common.Cancel"]) == true;

    private async Task AfterChangeAsync(RegistryStatus status = RegistryStatus.Ok, string? done = null)
    {
        if (status == RegistryStatus.NotFound)
        {
            Snackbar.Add(L["Devices.Gone"], Severity.Warning);
        }
        else if (done is not null)
        {
            Snackbar.Add(done, Severity.Success);
        }
        await LoadFilterChoicesAsync();
        await ReloadAsync();
    }

    /// <summary>The page's twin subscriptions, released together when the page changes.</summary>
    private sealed class Subscriptions(IReadOnlyList<IDisposable> subscriptions) : IDisposable
    {
        public void Dispose()
        {
            foreach (var subscription in subscriptions)
            {
                subscription.Dispose();
            }
        }
    }
}
