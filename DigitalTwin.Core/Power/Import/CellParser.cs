using System.Globalization;

namespace DigitalTwin.Core.Power.Import;

/// <summary>KEPCO's number cells: thousands separators, padding spaces, "-" for no value.</summary>
internal static class CellParser
{
    public static bool TryParseNumber(string? raw, out long? value)
    {
        value = null;
        var text = (raw ?? "").Trim();
        if (text.Length == 0 || text == "-")
        {
            return true;
        }
        text = text.Replace(",", "", StringComparison.Ordinal);
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole))
        {
            value = whole;
            return true;
        }
        // XLSX cells and re-saved CSVs can write whole numbers as "25002325.0".
        if (decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent,
                CultureInfo.InvariantCulture, out var number) && number == decimal.Truncate(number)
            && number is >= long.MinValue and <= long.MaxValue)
        {
            value = (long)number;
            return true;
        }
        return false;
    }
}
