using System.Text.RegularExpressions;

namespace DigitalTwin.Core.Telemetry;

public static partial class MetricName
{
    public const string Rule = "1–64 characters: letters, digits, '_', '-', '.', starting with a letter or '_'";

    public static bool IsValid(string name) => Pattern().IsMatch(name);

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_.\-]{0,63}\z", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
