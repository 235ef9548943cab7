using DigitalTwin.Core.Text;

namespace DigitalTwin.Core.Power.Import;

/// <summary>
/// Whether an imported 시군구 name can be a Korean district at all, from its shape and not from a list: district names
/// are a few Hangul syllables, sometimes two words (수원시 장안구); the longest today has 7 syllables. A name from a file
/// is stored and shown on every power page and exported, so anything else (a formula, a control character, Latin text,
/// a megabyte of text) is refused with the row rather than stored.
/// </summary>
public static class DistrictName
{
    public const int MaxLength = 20;

    /// <summary>Null when plausible, else what is wrong; <paramref name="raw"/> is the cell as read, <paramref name="name"/> its normalized form.</summary>
    public static string? Problem(string raw, string name)
    {
        if (name.Length > 0 && name[0] is '=' or '+' or '-' or '@')
        {
            return $"The 시군구 name starts with '{name[0]}', like a spreadsheet formula; district names are Hangul (e.g. 수원시 장안구).";
        }
        if (name.Length > MaxLength)
        {
            return $"A 시군구 name of {name.Length:N0} characters; district names have at most {MaxLength}.";
        }
        if (SafeText.Problem(raw.Trim()) is { } unsafeText)
        {
            return $"The 시군구 name contains {unsafeText}.";
        }
        var odd = name.FirstOrDefault(c => !IsHangulSyllable(c) && c != ' ');
        return odd == default
            ? null
            : $"The 시군구 name contains '{odd}' (U+{(int)odd:X4}); district names are Hangul syllables and spaces (e.g. 수원시 장안구).";
    }

    private static bool IsHangulSyllable(char c) => c is >= '\uAC00' and <= '\uD7A3';
}
