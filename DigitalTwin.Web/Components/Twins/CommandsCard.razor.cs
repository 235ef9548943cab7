using DigitalTwin.Core.Twins.Commands;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace DigitalTwin.Web.Components.Twins;

/// <summary>A device's recent commands, newest first, each with its status as a chip and the start of the device's answer.</summary>
public sealed partial class CommandsCard : ComponentBase
{
    private const int ShownResponseChars = 80;

    /// <summary>The commands to list, newest first.</summary>
    [Parameter, EditorRequired]
    public required IReadOnlyList<CommandEntry> Commands { get; set; }

    /// <summary>The current time, for "sent 5 s ago".</summary>
    [Parameter]
    public DateTimeOffset Now { get; set; }

    private static Color ColorOf(CommandStatus status) => status switch
    {
        CommandStatus.Succeeded => Color.Success,
        CommandStatus.Failed => Color.Error,
        CommandStatus.TimedOut => Color.Warning,
        CommandStatus.Delivered => Color.Info,
        _ => Color.Default,
    };

    private static string Shorten(string? response) =>
        response is null ? "—" : response.Length <= ShownResponseChars ? response : string.Concat(response.AsSpan(0, ShownResponseChars - 1), "…");
}
