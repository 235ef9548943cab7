using System.Globalization;
using DigitalTwin.Core.Alerts;
using DigitalTwin.Core.Power.Import;
using DigitalTwin.Core.Text;
using DigitalTwin.Core.Twins.Faults;
using Microsoft.Extensions.Localization;

namespace DigitalTwin.Web.Localization;

/// <summary>
/// The app's own stored sentences (an alert's history and clear reason, a fault, an import problem) in the reader's
/// language: the English is matched against Core's templates, and the code's resource is filled with the values, numbers
/// and durations written as the culture writes them. What matches no template (a person's comment) is shown as written.
/// </summary>
public static class StoredMessages
{
    public static IReadOnlyList<MessageTemplate> Templates { get; } = [.. AlertMessages.All, .. FaultMessages.All];

    public static string? Say(this IStringLocalizer l, string? stored) => l.Say(stored, Templates);

    /// <summary>An import problem's message (<see cref="ImportMessages"/>), kept apart so a person's comment is never read as one.</summary>
    public static string? SayImport(this IStringLocalizer l, string? message) => l.Say(message, ImportMessages.All);

    private static string? Say(this IStringLocalizer l, string? stored, IReadOnlyList<MessageTemplate> templates)
    {
        if (string.IsNullOrEmpty(stored))
        {
            return stored;
        }
        foreach (var template in templates)
        {
            if (template.TryRead(stored, out var values))
            {
                return l[$"Msg.{template.Code}", [.. values.Select((value, i) => Localize(value, template.Args[i], l))]];
            }
        }
        return stored;
    }

    private static object Localize(string value, MessageArg kind, IStringLocalizer l) => kind switch
    {
        MessageArg.Number when double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) =>
            number.ToString("0.###", CultureInfo.CurrentCulture),
        MessageArg.Duration when MessageTemplate.ReadDuration(value) is { } span => l.Duration(span),
        _ => value,
    };
}
