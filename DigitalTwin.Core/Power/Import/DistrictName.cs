using System.Globalization;
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
            return ImportMessages.FormulaName.Format(name[0]);
        }
        if (name.Length > MaxLength)
        {
            return ImportMessages.LongName.Format(name.Length.ToString("N0", CultureInfo.InvariantCulture), MaxLength);
        }
        if (SafeText.Problem(raw.Trim()) is { } unsafeText)
        {
            return ImportMessages.UnsafeName.Format(unsafeText);
        }
        var odd = name.FirstOrDefault(c => !IsHangulSyllable(c) && c != ' ');
        return odd == default
            ? null
            : ImportMessages.OddCharacter.Format(odd, ((int)odd).ToString("X4", CultureInfo.InvariantCulture));
    }

    private static bool IsHangulSyllable(char c) => c is >= '\uAC00' and <= '\uD7A3';
}
