namespace DigitalTwin.Core.History;

/// <summary>Picks chart-friendly bucket widths so a query answers with at most ~1,000 points.</summary>
public static class HistoryInterval
{
    private static readonly TimeSpan[] Steps =
    [
        TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(10),
        TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(2),
        TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(30),
        TimeSpan.FromHours(1), TimeSpan.FromHours(2), TimeSpan.FromHours(3), TimeSpan.FromHours(6),
        TimeSpan.FromHours(12), TimeSpan.FromDays(1), TimeSpan.FromDays(7), TimeSpan.FromDays(30),
    ];

    /// <summary>The bucket widths a chart may get, finest first.</summary>
    public static IReadOnlyList<TimeSpan> Widths => Steps;

    /// <summary>
    /// The requested interval, widened to the smallest step that keeps the range within <paramref name="maxPoints"/>;
    /// without a request, that smallest step.
    /// </summary>
    public static TimeSpan Choose(DateTimeOffset from, DateTimeOffset to, TimeSpan? requested, int maxPoints)
    {
        var minimum = (to - from) / maxPoints;
        if (requested is { } wanted && wanted >= minimum && wanted >= TimeSpan.FromMilliseconds(1))
        {
            return wanted;
        }
        foreach (var step in Steps)
        {
            if (step >= minimum)
            {
                return step;
            }
        }
        return TimeSpan.FromDays(Math.Ceiling(minimum.TotalDays));
    }

    /// <summary>Parses "500ms", "10s", "1m", "1h", "1d", or a TimeSpan ("00:01:00").</summary>
    public static bool TryParse(string? text, out TimeSpan interval)
    {
        interval = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }
        text = text.Trim();
        var (digits, unit) = text.EndsWith("ms", StringComparison.Ordinal)
            ? (text[..^2], "ms")
            : (text[..^1], text[^1..]);
        if (unit is "ms" or "s" or "m" or "h" or "d" && long.TryParse(digits, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n > 0)
        {
            // Bounded first: TimeSpan.From* throws beyond TimeSpan.MaxValue, and this parses user input.
            var ms = unit switch
            {
                "ms" => 1L,
                "s" => 1000L,
                "m" => 60_000L,
                "h" => 3_600_000L,
                _ => 86_400_000L,
            };
            if (n > (long)TimeSpan.MaxValue.TotalMilliseconds / ms)
            {
                return false;
            }
            interval = TimeSpan.FromMilliseconds(n * ms);
            return true;
        }
        // A bare number would parse as days; only the hh:mm:ss form is taken besides the units above.
        return text.Contains(':', StringComparison.Ordinal)
            && TimeSpan.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out interval) && interval > TimeSpan.Zero;
    }
}
