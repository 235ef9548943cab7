using System.Text.RegularExpressions;

namespace DigitalTwin.Core.Twins.Commands;

/// <summary>The bounds of a command: its name, payload, answer and how long the app waits for the answer.</summary>
public static partial class CommandLimits
{
    public const int MaxNameLength = 64;
    public const int MaxPayloadBytes = 8 * 1024;
    public const int MaxStoredResponseChars = 8 * 1024;
    public const string NameRule = "1 to 64 letters, digits, '-' or '_'";
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);
    public static readonly TimeSpan MaxTimeout = TimeSpan.FromSeconds(60);

    /// <summary>A name is one topic level: no '/', '+', '#' or anything a device would have to escape.</summary>
    public static bool IsValidName(string name) => NamePattern().IsMatch(name);

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex NamePattern();
}
