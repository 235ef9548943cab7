namespace DigitalTwin.Core.Power.Forecasting;

/// <summary>
/// The models as they stand at one cutoff: the history up to it, and the ML model trained on exactly that
/// history (lazily: a run that never asks for "ml" never pays for training).
/// </summary>
public sealed class ModelSet
{
    private static readonly IForecastModel[] Stateless =
        [new NaiveModel(), new SeasonalNaiveModel(), new ProvinceShapeModel(), new EtsModel()];

    private readonly Lazy<MlModel> _ml;

    public ModelSet(PowerHistory history, YearMonth cutoff)
    {
        History = history;
        Cutoff = cutoff;
        _ml = new Lazy<MlModel>(() => MlModel.Train(history), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public PowerHistory History { get; }

    public YearMonth Cutoff { get; }

    public IForecastModel Get(string name) =>
        name == ForecastModels.Ml ? _ml.Value : Stateless.FirstOrDefault(m => m.Name == name)
            ?? throw new ArgumentException($"No model '{name}'.", nameof(name));

    public ForecastInput Input(District district, string contractType, IReadOnlyList<YearMonth> targets) => new(
        district,
        contractType,
        History.Series(district, contractType),
        Cutoff,
        targets,
        History.ProvinceProfile(district.Sido, contractType));
}
