using System.Text.RegularExpressions;

namespace DigitalTwin.Core.Devices;

/// <summary>Device ids appear in MQTT topics and URLs, so they are kept to a safe alphabet.</summary>
public static partial class DeviceId
{
    public const int MaxLength = 64;

    public static bool IsValid(string? id) => id is not null && Pattern().IsMatch(id);

    public const string Rule = "1–64 characters: letters, digits, '-', '_', '.', ':', starting with a letter or digit";

    // \z, not $: $ also matches before a final newline, which would let "id\n" into topics, URLs and the database.
    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9_.:\-]{0,63}\z", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
