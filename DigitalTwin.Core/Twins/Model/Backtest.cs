namespace DigitalTwin.Core.Twins.Model;

/// <summary>Errors of a model and of the naive last value at one horizon, over the same origins.</summary>
public sealed record HorizonScore(TimeSpan Horizon, int Forecasts, double ModelMae, double NaiveMae, double ModelRmse, double NaiveRmse, double Coverage)
{
    /// <summary>Model MAE over naive MAE: below 1 the model beats the last value.</summary>
    public double Ratio => NaiveMae > 0 ? ModelMae / NaiveMae : double.NaN;
}

/// <summary>A rolling-origin backtest on the device's own history: one step ahead and one hour ahead.</summary>
public sealed record BacktestScore(HorizonScore OneStep, HorizonScore Ahead);

public static class Backtest
{
    public const int MaxOrigins = 40;

    /// <summary>
    /// Replays <paramref name="series"/> through a fresh model: the first third only teaches it, then at up to
    /// <see cref="MaxOrigins"/> origins it forecasts <paramref name="aheadSteps"/> steps from what it has seen so
    /// far, scored against the readings that followed and against the last value at the origin.
    /// </summary>
    public static BacktestScore? Run(RoomSeries series, IRoomForecastModel model, int aheadSteps)
    {
        var warmUp = series.Length / 3;
        var last = series.Length - 1 - aheadSteps;
        if (aheadSteps < 1 || last <= warmUp)
        {
            return null;
        }
        var stride = Math.Max(1, (last - warmUp) / MaxOrigins);
        var one = new Accumulator();
        var ahead = new Accumulator();
        for (var i = 0; i <= last; i++)
        {
            model.Observe(series, i);
            if (i < warmUp || (i - warmUp) % stride != 0 || !double.IsFinite(series.Values[i]))
            {
                continue;
            }
            if (model.Forecast(series, i, aheadSteps, 1) is { } forecast)
            {
                one.Add(forecast[0], series.Values[i + 1], series.Values[i]);
                ahead.Add(forecast[aheadSteps - 1], series.Values[i + aheadSteps], series.Values[i]);
            }
        }
        return one.Count == 0 || ahead.Count == 0
            ? null
            : new BacktestScore(one.Score(series.Step), ahead.Score(series.Step * aheadSteps));
    }

    private sealed class Accumulator
    {
        private double _modelAbs;
        private double _naiveAbs;
        private double _modelSq;
        private double _naiveSq;
        private int _inside;

        public int Count { get; private set; }

        public void Add(ForecastPoint forecast, double actual, double naive)
        {
            if (!double.IsFinite(actual))
            {
                return;
            }
            var (m, n) = (forecast.Value - actual, naive - actual);
            _modelAbs += Math.Abs(m);
            _naiveAbs += Math.Abs(n);
            _modelSq += m * m;
            _naiveSq += n * n;
            _inside += actual >= forecast.Lower && actual <= forecast.Upper ? 1 : 0;
            Count++;
        }

        public HorizonScore Score(TimeSpan horizon) => new(horizon, Count, _modelAbs / Count, _naiveAbs / Count,
            Math.Sqrt(_modelSq / Count), Math.Sqrt(_naiveSq / Count), (double)_inside / Count);
    }
}
