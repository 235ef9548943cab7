using System.Globalization;

namespace DigitalTwin.Core.Text;

/// <summary>Checks for text people type into names and labels: no control characters, no bidirectional overrides.</summary>
public static class PlainText
{
    /// <summary>
    /// True when the text holds a control character (NUL, ESC, CR, LF, …) or a bidirectional embedding, override or
    /// isolate (U+202A–U+202E, U+2066–U+2069), which can make stored text display as something else than it is.
    /// </summary>
    public static bool HasControlCharacters(string? text)
    {
        if (text is null)
        {
            return false;
        }
        foreach (var c in text)
        {
            if (char.IsControl(c) || c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069'
                || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.LineSeparator
                || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.ParagraphSeparator)
            {
                return true;
            }
        }
        return false;
    }
}
