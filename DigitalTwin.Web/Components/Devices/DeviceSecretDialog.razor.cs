using DigitalTwin.Core.Mqtt;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;
using Microsoft.JSInterop;
using MudBlazor;
using Microsoft.Extensions.Localization;

namespace DigitalTwin.Web.Components.Devices;

/// <summary>A device's new secret, shown this once, with how to connect: MQTT broker, user name, topics, and a curl example.</summary>
public sealed partial class DeviceSecretDialog : ComponentBase
{
    private bool _copied;

    [CascadingParameter]
    public required IMudDialogInstance Dialog { get; set; }

    [Parameter, EditorRequired]
    public required string DeviceId { get; set; }

    [Parameter, EditorRequired]
    public required string Secret { get; set; }

    /// <summary>A rotated secret (the previous one stopped working) rather than a new device's first.</summary>
    [Parameter]
    public bool Rotated { get; set; }

    [Inject]
    public required IOptions<MqttOptions> Mqtt { get; init; }

    [Inject]
    public required NavigationManager Navigation { get; init; }

    [Inject]
    public required IJSRuntime JS { get; init; }

    /// <summary>The embedded broker runs on this server, so devices reach it by the host the browser used.</summary>
    private string MqttHost => Mqtt.Value.Mode == MqttMode.External ? Mqtt.Value.Host : new Uri(Navigation.BaseUri).Host;

    private int MqttPort => Mqtt.Value.Port;

    private string Curl =>
        $"curl -X POST {Navigation.BaseUri}api/devices/{Uri.EscapeDataString(DeviceId)}/telemetry \\\n" +
        $"  -H 'Authorization: Bearer {Secret}' \\\n" +
        """  -H 'Content-Type: application/json' -d '{"temperature":21.5}'""";

    public static async Task ShowAsync(IDialogService dialogs, IStringLocalizer l, string deviceId, string secret, bool rotated)
    {
        var parameters = new DialogParameters<DeviceSecretDialog>
        {
            { d => d.DeviceId, deviceId },
            { d => d.Secret, secret },
            { d => d.Rotated, rotated },
        };
        // No closing by a click beside it: the secret would be gone before it was copied.
        var options = new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true, BackdropClick = false };
        var dialog = await dialogs.ShowAsync<DeviceSecretDialog>(rotated ? l["Secret.NewTitle", deviceId] : l["Secret.RegisteredTitle", deviceId], parameters, options);
        await dialog.Result;
    }

    private async Task CopyAsync()
    {
        try
        {
            await JS.InvokeVoidAsync("navigator.clipboard.writeText", Secret);
            _copied = true;
        }
        catch (JSException)
        {
            // Clipboard refused (no secure context, or no permission): the secret stays selectable on screen.
            _copied = false;
        }
    }

    private void Close() => Dialog.Close();
}
