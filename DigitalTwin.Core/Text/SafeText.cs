using System.Globalization;

namespace DigitalTwin.Core.Text;

/// <summary>
/// Text a person types and the app stores and shows again (names, locations, tags, descriptions) must not carry
/// characters that change how other text is shown or parsed: control characters (NUL, ESC, CR/LF in one-line
/// fields) and the bidirectional overrides and isolates (U+202A–U+202E, U+2066–U+2069, U+200E/U+200F, U+061C)
/// that make "evil‮txt.exe" read as "evilexe.txt". Unpaired surrogates are refused too (not text at all).
/// </summary>
public static class SafeText
{
    /// <summary>Null when <paramref name="value"/> is safe, else what is wrong with it, e.g. "U+001B (a control character) at character 4".</summary>
    /// <param name="multiline">Whether line breaks (LF, CR) and tabs belong in the field (a description, a comment).</param>
    public static string? Problem(string? value, bool multiline = false)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsSurrogate(c))
            {
                if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
                {
                    i++;
                    continue;
                }
                return Describe(c, i, "an unpaired surrogate");
            }
            if (char.IsControl(c) && !(multiline && c is '\n' or '\r' or '\t'))
            {
                return Describe(c, i, "a control character");
            }
            if (!multiline && c is '\u2028' or '\u2029')
            {
                return Describe(c, i, "a line break");
            }
            if (IsBidiControl(c))
            {
                return Describe(c, i, "a bidirectional-text control");
            }
        }
        return null;
    }

    /// <summary>The message a field error shows: "'name' must not contain … (found U+202E, a bidirectional-text control, at character 3)."</summary>
    public static string? FieldError(string field, string? value, bool multiline = false) =>
        Problem(value, multiline) is { } problem
            ? $"'{field}' must not contain control characters{(multiline ? " other than line breaks and tabs" : "")} or bidirectional-text controls (found {problem})."
            : null;

    public static bool IsBidiControl(char c) => c is '\u061C' or '\u200E' or '\u200F' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');

    private static string Describe(char c, int index, string what) =>
        string.Create(CultureInfo.InvariantCulture, $"U+{(int)c:X4}, {what}, at character {index + 1}");
}
