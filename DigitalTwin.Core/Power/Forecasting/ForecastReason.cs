using System.Collections;
using System.Globalization;

namespace DigitalTwin.Core.Power.Forecasting;

/// <summary>
/// Why a model forecast what it did, or why it could not: a stable <see cref="Code"/> (see
/// <see cref="ForecastReasons"/>) and the values its sentence names. An argument may itself be a reason (the model's
/// own inside "requested …") or a list (months, model shares). <see cref="ToString"/> is the English the API returns;
/// the UI says the same code in the reader's language.
/// </summary>
public sealed record ForecastReason(string Code, IReadOnlyList<object> Args)
{
    public static ForecastReason Of(string code, params object[] args) => new(code, args);

    /// <summary>The codes of this reason and of the reasons it wraps, outermost first: "requested/model/not-applicable/ets.short".</summary>
    public string Path => string.Join('/', Codes());

    /// <summary>The English sentence, numbers and months invariant ("2024-03"): what programs read.</summary>
    public override string ToString() => Render(CultureInfo.InvariantCulture, r => ForecastReasons.English[r.Code], month => month.ToString());

    /// <summary>Fills in this reason's sentence and those nested in it; lists are joined with ", ".</summary>
    /// <param name="sentence">The format of a reason's code in the wanted language.</param>
    /// <param name="month">How a month is written.</param>
    public string Render(IFormatProvider culture, Func<ForecastReason, string> sentence, Func<YearMonth, string> month)
    {
        object Fill(object arg) => arg switch
        {
            ForecastReason inner => inner.Render(culture, sentence, month),
            YearMonth m => month(m),
            IEnumerable items and not string => string.Join(", ", items.Cast<object>().Select(Fill)),
            _ => arg,
        };
        return string.Format(culture, sentence(this), [.. Args.Select(Fill)]);
    }

    // Lists compare by their items, so two runs on the same data give equal rows.
    public bool Equals(ForecastReason? other) => other is not null && Code == other.Code && SameArgs(Args, other.Args);

    public override int GetHashCode() => HashCode.Combine(Code, Args.Count);

    private IEnumerable<string> Codes() => [Code, .. Args.OfType<ForecastReason>().SelectMany(a => a.Codes())];

    private static bool SameArgs(IEnumerable a, IEnumerable b) =>
        a.Cast<object>().SequenceEqual(b.Cast<object>(), ArgComparer.Instance);

    private sealed class ArgComparer : IEqualityComparer<object>
    {
        public static readonly ArgComparer Instance = new();

        public new bool Equals(object? x, object? y) => (x, y) switch
        {
            (IEnumerable a and not string, IEnumerable b and not string) => SameArgs(a, b),
            _ => object.Equals(x, y),
        };

        public int GetHashCode(object obj) => 0;
    }
}
