namespace DigitalTwin.Core.Power.Forecasting;

/// <summary>
/// The models as they stand at one cutoff: the history up to it, and the ML model trained on exactly that
/// history (lazily: a run that never asks for "ml" never pays for training), and auto's <see cref="CalendarModel"/>.
/// </summary>
public sealed class ModelSet
{
    private static readonly IForecastModel[] Stateless =
        [new NaiveModel(), new SeasonalNaiveModel(), new YearOnYearModel(), new ProvinceShapeModel(), new ProvinceRatioModel(), new EtsModel()];

    private readonly Lazy<MlModel> _ml;
    private readonly Lazy<CalendarModel> _calendar;

    public ModelSet(PowerHistory history, YearMonth cutoff)
    {
        History = history;
        Cutoff = cutoff;
        _ml = new Lazy<MlModel>(() => MlModel.Train(history), LazyThreadSafetyMode.ExecutionAndPublication);
        _calendar = new Lazy<CalendarModel>(() => CalendarModel.For(history), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public PowerHistory History { get; }

    public YearMonth Cutoff { get; }

    /// <summary>What auto learned per calendar month from the province series up to the cutoff.</summary>
    public CalendarModel Calendar => _calendar.Value;

    public IForecastModel Get(string name) =>
        name == ForecastModels.Ml ? _ml.Value : Stateless.FirstOrDefault(m => m.Name == name)
            ?? throw new ArgumentException($"No model '{name}'.", nameof(name));

    public ForecastInput Input(District district, string contractType, IReadOnlyList<YearMonth> targets) => new(
        district,
        contractType,
        History.Series(district, contractType),
        Cutoff,
        targets,
        History.ProvinceProfile(district.Sido, contractType),
        History.ProvinceRatios(district.Sido, contractType));
}
