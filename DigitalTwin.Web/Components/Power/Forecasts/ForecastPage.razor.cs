using DigitalTwin.Core.Power;
using DigitalTwin.Core.Power.Forecasting;
using DigitalTwin.Web.Components.Shared;
using Microsoft.AspNetCore.Components;

namespace DigitalTwin.Web.Components.Power.Forecasts;

/// <summary>
/// Forecasts next to actuals for one cutoff: which districts surprised the models, by how much, and why.
/// Every choice lives in the URL query, so a view can be shared; a run goes to the shared
/// <see cref="ForecastCache"/> (off the circuit's thread) and a newer choice cancels waiting for an older one.
/// </summary>
public sealed partial class ForecastPage : ComponentBase, IDisposable
{
    public const int DefaultTop = 10;

    private IReadOnlyList<YearMonth> _months = [];
    private ForecastView? _view;
    private string? _problem;
    private bool _loading = true;
    private bool _running;
    private CancellationTokenSource? _runCancel;
    private ForecastRequest? _shown;

    [Inject]
    public required PageErrors Errors { get; init; }

    [Inject]
    public required PowerQueries Queries { get; init; }

    [Inject]
    public required ForecastCache Forecasts { get; init; }

    [Inject]
    public required NavigationManager Navigation { get; init; }

    [SupplyParameterFromQuery(Name = "cutoff")]
    public string? Cutoff { get; set; }

    [SupplyParameterFromQuery(Name = "horizon")]
    public string? Horizon { get; set; }

    [SupplyParameterFromQuery(Name = "contractType")]
    public string? ContractType { get; set; }

    [SupplyParameterFromQuery(Name = "model")]
    public string? Model { get; set; }

    [SupplyParameterFromQuery(Name = "top")]
    public int? Top { get; set; }

    /// <summary>The selected district as "시도/시군구".</summary>
    [SupplyParameterFromQuery(Name = "district")]
    public string? DistrictKey { get; set; }

    private ForecastRequest? Request { get; set; }

    private int TopN => Math.Clamp(Top ?? DefaultTop, 1, 100);

    private District? Selected => DistrictKey?.Split('/', 2) is [var sido, var sigungu] ? new District(sido, sigungu) : null;

    private IEnumerable<YearMonth> Cutoffs => _months.Count == 0 ? []
        : Enumerable.Range(0, _months[0].MonthsUntil(_months[^1]) + 1).Select(_months[0].AddMonths).Reverse();

    protected override async Task OnParametersSetAsync()
    {
        if (_loading)
        {
            _months = await Queries.MonthsAsync();
            _loading = false;
        }
        var (request, problems) = ForecastQuery.Parse(Cutoff, Horizon, ContractType, Model, _months);
        Request = request;
        _problem = problems.Count > 0 ? string.Join(" ", problems) : null;
        if (request is null)
        {
            _view = null;
            return;
        }
        if (request != _shown || _view?.Top != TopN)
        {
            await RunAsync(request);
        }
    }

    private async Task RunAsync(ForecastRequest request)
    {
        _runCancel?.Cancel();
        _runCancel?.Dispose();
        var cancel = _runCancel = new CancellationTokenSource();
        _running = true;
        StateHasChanged();
        try
        {
            var run = await Forecasts.GetAsync(request, cancel.Token);
            _view = new ForecastView(run, TopN);
            _shown = request;
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            return; // A newer choice took over; it clears the indicator.
        }
        catch (Exception e)
        {
            _problem = Errors.Report(this, e, L["Forecast.Failed"]);
        }
        _running = false;
    }

    private void Change(string name, object? value) =>
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameter(name, value?.ToString()), replace: false);

    private void SetCutoff(YearMonth cutoff) => Change("cutoff", cutoff.ToString());

    private void SetHorizon(int horizon) => Change("horizon", horizon);

    private void SetContractType(string type) => Change("contractType", type);

    private void SetModel(string model) => Change("model", model);

    private void SetTop(int top) => Change("top", Math.Clamp(top, 1, 100));

    private void Select(District district) => Change("district", $"{district.Sido}/{district.Sigungu}");

    public void Dispose()
    {
        _runCancel?.Cancel();
        _runCancel?.Dispose();
    }
}
