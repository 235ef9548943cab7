using Microsoft.AspNetCore.Components;

namespace DigitalTwin.Web.Components.Alerts;

/// <summary>A duration as a number and a unit ("2 min"), for pending periods, windows and silences.</summary>
public sealed partial class DurationField : ComponentBase
{
    private static readonly Dictionary<string, TimeSpan> Units = new()
    {
        ["s"] = TimeSpan.FromSeconds(1),
        ["min"] = TimeSpan.FromMinutes(1),
        ["h"] = TimeSpan.FromHours(1),
        ["d"] = TimeSpan.FromDays(1),
    };

    private double? _amount;
    private string _unit = "min";
    private TimeSpan? _shown;

    /// <summary>The duration; null when empty.</summary>
    [Parameter]
    public TimeSpan? Value { get; set; }

    [Parameter]
    public EventCallback<TimeSpan?> ValueChanged { get; set; }

    [Parameter]
    public string? Label { get; set; }

    [Parameter]
    public string? HelperText { get; set; }

    /// <summary>Required fields have no clear button.</summary>
    [Parameter]
    public bool Required { get; set; }

    [Parameter]
    public bool Error { get; set; }

    [Parameter]
    public string? ErrorText { get; set; }

    /// <summary>data-testid of the field; its parts get "-amount" and "-unit".</summary>
    [Parameter]
    public string? TestId { get; set; }

    protected override void OnParametersSet()
    {
        if (Value == _shown)
        {
            return;
        }
        _shown = Value;
        if (Value is not { } value)
        {
            _amount = null;
            return;
        }
        // The largest unit that shows the value as a whole number: 120 s reads "2 min".
        var unit = Units.Where(u => value.Ticks % u.Value.Ticks == 0).Select(u => u.Key).LastOrDefault() ?? "s";
        _unit = unit;
        _amount = value / Units[unit];
    }

    private Task SetAmountAsync(double? amount)
    {
        _amount = amount;
        return PublishAsync();
    }

    private Task SetUnitAsync(string unit)
    {
        _unit = unit;
        return PublishAsync();
    }

    private Task PublishAsync()
    {
        _shown = _amount is { } amount && double.IsFinite(amount) && amount * Units[_unit].TotalSeconds < TimeSpan.MaxValue.TotalSeconds
            ? Units[_unit] * amount
            : null;
        return ValueChanged.InvokeAsync(_shown);
    }
}
