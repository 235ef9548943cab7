using System.Globalization;
using System.Text.Json.Nodes;
using DigitalTwin.Core.Simulation;
using DigitalTwin.Core.Twins.Properties;
using DigitalTwin.Web.Accounts;
using Microsoft.AspNetCore.Components;

namespace DigitalTwin.Web.Components.Twins;

/// <summary>
/// Sets a thermostat's desired setpoint (a merge patch of the desired document, as the API's PATCH) and shows
/// "waiting for the device" until the device reports the same value. Only for those who may operate: the page hides
/// it from the others, and the store's change is checked again here.
/// </summary>
public sealed partial class SetpointControl : ComponentBase
{
    private const double MinSetpoint = ThermostatControl.MinSetpoint;
    private const double MaxSetpoint = ThermostatControl.MaxSetpoint;
    private double? _value;
    private string? _error;
    private bool _saving;
    private string? _shownFor;

    /// <summary>The device's documents as the page has them.</summary>
    [Parameter, EditorRequired]
    public required TwinDocuments Documents { get; set; }

    /// <summary>The documents after a change this control made.</summary>
    [Parameter]
    public EventCallback<TwinDocuments> OnChanged { get; set; }

    [Inject]
    public required TwinPropertyStore Store { get; init; }

    [Inject]
    public required CurrentActor CurrentActor { get; init; }

    private double? Desired => Number(Documents.Desired);

    private double? Reported => Number(Documents.Reported);

    private bool IsWaiting => Documents.Delta.ContainsKey(ThermostatControl.SetpointKey);

    protected override void OnParametersSet()
    {
        // The field starts from what the device has (or is asked to have), once per device.
        if (_shownFor != Documents.DeviceId)
        {
            (_shownFor, _value) = (Documents.DeviceId, Desired ?? Reported);
        }
    }

    private async Task ApplyAsync()
    {
        if (_value is not { } value || value is < MinSetpoint or > MaxSetpoint)
        {
            _error = L["Setpoint.OutOfRange", MinSetpoint, MaxSetpoint];
            return;
        }
        _saving = true;
        try
        {
            var patch = new JsonObject { [ThermostatControl.SetpointKey] = Math.Round(value, 1) };
            var result = await Store.PatchDesiredAsync(Documents.DeviceId, patch, null, await CurrentActor.DemandAsync(Policies.Operate));
            _error = result.Status switch
            {
                TwinPropertyStatus.Ok => null,
                TwinPropertyStatus.UnknownDevice => L["Setpoint.Gone"],
                _ => result.Error,
            };
            if (result.Documents is { } documents)
            {
                await OnChanged.InvokeAsync(documents);
            }
        }
        finally
        {
            _saving = false;
        }
    }

    private static double? Number(JsonObject document) =>
        document[ThermostatControl.SetpointKey] is JsonValue value && value.TryGetValue<double>(out var number) ? number : null;

    private static string Format(double? setpoint) => setpoint is { } value ? value.ToString("0.0", CultureInfo.CurrentCulture) + " °C" : "—";
}
