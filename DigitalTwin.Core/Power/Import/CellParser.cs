using System.Globalization;

namespace DigitalTwin.Core.Power.Import;

/// <summary>KEPCO's number cells: thousands separators, padding spaces, "-" for no value.</summary>
internal static class CellParser
{
    public static bool TryParseNumber(string? raw, out long? value)
    {
        value = null;
        var trimmed = (raw ?? "").AsSpan().Trim();
        if (trimmed.IsEmpty || trimmed is "-")
        {
            return true;
        }
        if (TryParseGrouped(trimmed, out var grouped))
        {
            value = grouped;
            return true;
        }
        var text = trimmed.ToString().Replace(",", "", StringComparison.Ordinal);
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

    /// <summary>
    /// "25,002,325" or "-1,234" read in place: nearly every cell of a big file, where a trimmed and a comma-free copy
    /// of each cost a third of the parse. Anything else (a decimal point, an overflow) is left to the general path.
    /// </summary>
    private static bool TryParseGrouped(ReadOnlySpan<char> text, out long value)
    {
        value = 0;
        var negative = text[0] == '-';
        var digits = 0;
        for (var i = negative || text[0] == '+' ? 1 : 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == ',')
            {
                continue;
            }
            if (c is < '0' or > '9' || value > (long.MaxValue - 9) / 10)
            {
                return false;
            }
            value = value * 10 + (c - '0');
            digits++;
        }
        value = negative ? -value : value;
        return digits > 0;
    }
}
