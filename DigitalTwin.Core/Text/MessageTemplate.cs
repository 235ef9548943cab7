using System.Globalization;
using System.Text.RegularExpressions;

namespace DigitalTwin.Core.Text;

/// <summary>What a placeholder of a <see cref="MessageTemplate"/> holds, so a reader's language can write it its own way.</summary>
public enum MessageArg
{
    /// <summary>Written as is: a metric name, a clock time, a person.</summary>
    AsIs,

    /// <summary>An invariant number ("21.35").</summary>
    Number,

    /// <summary>A duration as <see cref="MessageTemplate.Duration"/> writes it ("40 min", "1.5 h").</summary>
    Duration,
}

/// <summary>
/// A sentence the app writes for people and stores as English (an alert's history, a clear reason, a fault): a stable
/// <see cref="Code"/>, its English with numbered placeholders, and what each holds. The stored English is the record;
/// <see cref="TryRead"/> finds the code and the values in it again, so a page can say it in the reader's language,
/// including rows written before the page learned to.
/// </summary>
public sealed partial class MessageTemplate(string code, string english, params MessageArg[] args)
{
    private readonly Regex _pattern = Pattern(english);

    public string Code => code;

    public string English => english;

    public IReadOnlyList<MessageArg> Args => args;

    /// <summary>The English sentence, values written invariant (numbers as given: format them before).</summary>
    public string Format(params object[] values) => string.Format(CultureInfo.InvariantCulture, english, values);

    /// <summary>The values of <paramref name="text"/> when it is this template's sentence.</summary>
    public bool TryRead(string text, out IReadOnlyList<string> values)
    {
        var match = _pattern.Match(text);
        values = match.Success ? [.. Enumerable.Range(1, args.Length).Select(i => match.Groups[$"a{i - 1}"].Value)] : [];
        return match.Success;
    }

    /// <summary>"12 min", "3.2 h": the one way durations are written in these sentences.</summary>
    public static string Duration(TimeSpan span) => span.TotalMinutes >= 90
        ? $"{span.TotalHours.ToString("0.#", CultureInfo.InvariantCulture)} h"
        : $"{span.TotalMinutes.ToString("0", CultureInfo.InvariantCulture)} min";

    /// <summary>A duration written by <see cref="Duration"/>, read back.</summary>
    public static TimeSpan? ReadDuration(string text)
    {
        var match = DurationPattern().Match(text);
        if (!match.Success)
        {
            return null;
        }
        var value = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        return match.Groups[2].Value == "h" ? TimeSpan.FromHours(value) : TimeSpan.FromMinutes(value);
    }

    private static Regex Pattern(string english)
    {
        var parts = PlaceholderPattern().Split(english);
        // Split keeps the captured placeholder numbers at odd positions, the literal text at even ones.
        var pattern = string.Concat(parts.Select((part, i) => i % 2 == 0 ? Regex.Escape(part) : $"(?<a{part}>.+?)"));
        return new Regex($"^{pattern}$", RegexOptions.CultureInvariant | RegexOptions.Singleline);
    }

    [GeneratedRegex(@"\{(\d+)\}")]
    private static partial Regex PlaceholderPattern();

    [GeneratedRegex(@"^(\d+(?:\.\d+)?) (h|min)$")]
    private static partial Regex DurationPattern();
}
