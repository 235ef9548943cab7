using DigitalTwin.Core.Twins.Commands;
using DigitalTwin.Core.Twins.Properties;
using DigitalTwin.Web.Components.Shared;
using Microsoft.AspNetCore.Components;

namespace DigitalTwin.Web.Components.Pages;

/// <summary>The device page's command log: loaded with the page, read again when the log says one of its commands changed.</summary>
public sealed partial class DeviceDetail
{
    private const int ShownCommands = 10;
    private IReadOnlyList<CommandEntry> _commands = [];
    private readonly PendingReload _commandsReload = new();

    [Inject]
    public required CommandLog Commands { get; init; }

    [Inject]
    public required CommandFeed CommandFeed { get; init; }

    private IDisposable ListenToCommands() => CommandFeed.Subscribe(entry =>
    {
        if (entry.DeviceId == DeviceId)
        {
            _commandsReload.Ask();
            Invalidate();
        }
    });

    private async Task LoadCommandsAsync() => _commands = await Commands.ListAsync(DeviceId, ShownCommands);

    private Task ApplyCommandChangesAsync() => _commandsReload.RunAsync(LoadCommandsAsync);

    private void OnSetpointChanged(TwinDocuments documents)
    {
        if (IsNewer(documents))
        {
            _documents = documents;
        }
    }
}
