namespace DigitalTwin.Core.Twins.Faults;

/// <summary>A fault put into a series on purpose: the ground truth a detector is scored against.</summary>
/// <param name="Size">In the series' noise scales (<see cref="SensorSeries.NoiseSigma"/>); the final bias for a drift.</param>
/// <param name="Offset">In the metric's unit: the largest change the fault made to a reading.</param>
public sealed record InjectedFault(string Series, FaultKind Kind, DateTimeOffset Start, DateTimeOffset End, double Size, double Offset);

/// <summary>What to inject: a kind, where (a reading index), for how many readings, how large (noise scales), which way.</summary>
public sealed record FaultPlan(FaultKind Kind, int Start, int Length, double Size, int Sign = 1);

/// <summary>Puts faults into real series: spike, drift, stuck value, dropout, fast change (a step that stays).</summary>
public static class FaultInjector
{
    /// <summary>The readings a fault of each kind lasts, at least a few and at least a given time.</summary>
    public static int LengthOf(FaultKind kind, TimeSpan interval)
    {
        int AtLeast(int readings, TimeSpan span) => Math.Max(readings, (int)Math.Ceiling(span / interval));
        return kind switch
        {
            FaultKind.Spike => 1,
            FaultKind.Drift => AtLeast(12, TimeSpan.FromHours(4)),
            FaultKind.Stuck => AtLeast(8, TimeSpan.FromHours(2)),
            FaultKind.Dropout => AtLeast(6, TimeSpan.FromMinutes(30)),
            _ => AtLeast(6, TimeSpan.FromHours(1)),
        };
    }

    /// <summary>Faults of random kinds (or <paramref name="kinds"/>), one per slot of <paramref name="spacing"/> readings after <paramref name="skip"/>.</summary>
    public static IReadOnlyList<FaultPlan> RandomPlans(Random random, SensorSeries series, int skip, int spacing, double size, IReadOnlyList<FaultKind> kinds)
    {
        var interval = series.Span / Math.Max(1, series.Length - 1);
        var plans = new List<FaultPlan>();
        for (var slot = skip; slot + spacing <= series.Length; slot += spacing)
        {
            var kind = kinds[random.Next(kinds.Count)];
            var length = LengthOf(kind, interval);
            if (length + 4 > spacing)
            {
                continue;
            }
            var start = slot + random.Next(spacing - length - 2);
            plans.Add(new FaultPlan(kind, start, length, size, random.Next(2) == 0 ? -1 : 1));
        }
        return plans;
    }

    /// <summary>The series with the faults in (readings removed for dropouts), and what went in where.</summary>
    public static (SensorSeries Series, IReadOnlyList<InjectedFault> Truth) Inject(SensorSeries clean, IEnumerable<FaultPlan> plans)
    {
        var sigma = clean.NoiseSigma();
        var values = (double[])clean.Values.Clone();
        var keep = new bool[values.Length];
        Array.Fill(keep, true);
        var truth = new List<InjectedFault>();
        foreach (var plan in plans.OrderBy(p => p.Start))
        {
            var end = Math.Min(plan.Start + plan.Length, values.Length) - 1;
            var offset = plan.Sign * plan.Size * sigma;
            for (var i = plan.Start; i <= end; i++)
            {
                switch (plan.Kind)
                {
                    case FaultKind.Spike or FaultKind.FastChange:
                        values[i] += offset;
                        break;
                    case FaultKind.Drift:
                        values[i] += offset * (i - plan.Start + 1) / plan.Length;
                        break;
                    case FaultKind.Stuck:
                        values[i] = values[plan.Start - 1];
                        break;
                    case FaultKind.Dropout:
                        keep[i] = false;
                        break;
                }
            }
            truth.Add(new InjectedFault(clean.Name, plan.Kind, clean.Times[plan.Start], clean.Times[end], plan.Size,
                plan.Kind is FaultKind.Stuck or FaultKind.Dropout ? 0 : offset));
        }
        var kept = Enumerable.Range(0, values.Length).Where(i => keep[i]).ToArray();
        return (clean with { Times = [.. kept.Select(i => clean.Times[i])], Values = [.. kept.Select(i => values[i])] }, truth);
    }

    /// <summary>
    /// The series with white noise added from reading <paramref name="start"/> on, its standard deviation growing
    /// linearly to <paramref name="size"/> noise scales at the end: a sensor wearing out, not a fault of a moment.
    /// </summary>
    public static SensorSeries GrowNoise(SensorSeries clean, int start, double size, Random random)
    {
        var sigma = clean.NoiseSigma() * size;
        var values = (double[])clean.Values.Clone();
        for (var i = start; i < values.Length; i++)
        {
            var grown = sigma * (i - start + 1) / (values.Length - start);
            var gaussian = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
            values[i] += grown * gaussian;
        }
        return clean with { Values = values };
    }
}
