using Microsoft.ML;
using Microsoft.ML.Trainers.LightGbm;

namespace DigitalTwin.Core.Power.Forecasting;

/// <summary>
/// One LightGBM regression over every district and province series and every contract type at once:
/// each series alone is far too short to learn from, but together they show how a month-of-year, a contract
/// type and the province's seasonal shape move usage. Trained only on (origin, target) pairs that both lie
/// at or before the history's last month.
/// </summary>
public sealed class MlModel : IForecastModel
{
    /// <summary>Pairs further apart than this teach little about a ≤ 12-month horizon from a gappy history.</summary>
    public const int MaxSteps = 18;

    private const int MinTrainingRows = 200;

    /// <summary>
    /// Province series are 36 months long and would give ~4× the district pairs; every third pair keeps their
    /// long-horizon seasonality in the model at a third of the training time.
    /// </summary>
    private const int ProvinceThinning = 3;

    private readonly PredictionEngine<MlRow, MlPrediction>? _engine;
    private readonly ForecastReason _description;

    private MlModel(PredictionEngine<MlRow, MlPrediction>? engine, ForecastReason description)
    {
        _engine = engine;
        _description = description;
    }

    public string Name => ForecastModels.Ml;

    /// <summary>What was trained, or why nothing could be.</summary>
    public ForecastReason Description => _description;

    public static MlModel Train(PowerHistory history)
    {
        var rows = TrainingRows(history).ToList();
        if (rows.Count < MinTrainingRows)
        {
            return new MlModel(null, ForecastReason.Of("ml.untrained", rows.Count, MinTrainingRows));
        }
        // A fixed seed and one thread: the same history must give the same model, or the no-leakage
        // guarantee (nothing after the cutoff changes a forecast) could not be tested.
        var ml = new MLContext(seed: 0);
        var trainer = ml.Regression.Trainers.LightGbm(new LightGbmRegressionTrainer.Options
        {
            NumberOfIterations = 100,
            NumberOfLeaves = 15,
            MinimumExampleCountPerLeaf = 20,
            LearningRate = 0.1,
            NumberOfThreads = 1,
            Seed = 0,
            Silent = true,
        });
        var model = trainer.Fit(ml.Data.LoadFromEnumerable(rows));
        return new MlModel(ml.Model.CreatePredictionEngine<MlRow, MlPrediction>(model), ForecastReason.Of("ml.trained", rows.Count));
    }

    public ModelForecast Forecast(ForecastInput input)
    {
        if (_engine is null)
        {
            return ModelForecast.NotApplicable(Name, _description);
        }
        if (input.History.Count == 0)
        {
            return ModelForecast.NotApplicable(Name, ForecastReason.Of("no-observation"));
        }
        var values = new double[input.Targets.Count];
        for (var i = 0; i < values.Length; i++)
        {
            var features = MlFeatures.Build(input.History, input.Targets[i], input.ContractType, input.ProvinceProfile, PowerHistory.IsProvince(input.District));
            if (features is null)
            {
                return ModelForecast.NotApplicable(Name, ForecastReason.Of("ml.not-positive", input.History.LastMonth));
            }
            var score = _engine.Predict(new MlRow { Features = features }).Score;
            values[i] = input.History.LastValue * Math.Exp(Math.Clamp(score, -MlFeatures.MaxLogRatio, MlFeatures.MaxLogRatio));
        }
        return ModelForecast.Ok(Name, values, ForecastReason.Of("ml", _description, input.History.LastMonth));
    }

    private static IEnumerable<MlRow> TrainingRows(PowerHistory history)
    {
        foreach (var (district, type, series) in history.All)
        {
            var isProvince = PowerHistory.IsProvince(district);
            var profile = history.ProvinceProfile(district.Sido, type);
            for (var o = 0; o < series.Count; o++)
            {
                var origin = series.MonthAt(o);
                var known = series.Until(origin);
                for (var t = o + 1; t < series.Count && origin.MonthsUntil(series.MonthAt(t)) <= MaxSteps; t++)
                {
                    var target = series.MonthAt(t);
                    var features = MlFeatures.Build(known, target, type, profile, isProvince);
                    if (isProvince && (o + t) % ProvinceThinning != 0)
                    {
                        continue;
                    }
                    if (features is not null && series.ValueAt(t) > 0)
                    {
                        yield return new MlRow { Features = features, Label = MlFeatures.Clip(Math.Log(series.ValueAt(t) / known.LastValue)) };
                    }
                }
            }
        }
    }
}
