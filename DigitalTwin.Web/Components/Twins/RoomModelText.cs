using System.Globalization;
using DigitalTwin.Core.Twins.Model;
using DigitalTwin.Web.Localization;
using Microsoft.Extensions.Localization;

namespace DigitalTwin.Web.Components.Twins;

/// <summary>The room model's words in the reader's language: Core keys each parameter and sentence, the resources say them.</summary>
public static class RoomModelText
{
    public static string Summary(RoomModelFit fit, IStringLocalizer l) => l[$"Room.Summary.{fit.Kind}"];

    /// <summary>The kind of model in words ("RC room model", "Daily profile"); the API keeps its code.</summary>
    public static string Kind(RoomModelFit fit, IStringLocalizer l) => l[$"Room.Kind.{fit.Kind}"];

    public static string Name(ModelParameter parameter, IStringLocalizer l) => l[$"Room.Param.{parameter.Key}"];

    public static string Meaning(ModelParameter parameter, IStringLocalizer l) =>
        l[$"Room.Means.{parameter.Meaning}", [.. parameter.Facts.Select(f => f is TimeSpan span ? l.Duration(span) : f)]];

    /// <summary>The value as the culture writes numbers; units in words (min, per step) in the reader's language, symbols (K, °C) as they are.</summary>
    public static string Value(ModelParameter parameter, IStringLocalizer l)
    {
        var unit = parameter.Unit switch
        {
            "min" => l["Room.Unit.Minutes"].Value,
            "K/h" => l["Room.Unit.KelvinPerHour"].Value,
            "K/step" => l["Room.Unit.KelvinPerStep"].Value,
            "per step" => l["Room.Unit.PerStep"].Value,
            var symbol => symbol,
        };
        return $"{parameter.Value.ToString("0.###", CultureInfo.CurrentCulture)} {unit}".Trim();
    }
}
