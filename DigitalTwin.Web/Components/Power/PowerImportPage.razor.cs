using DigitalTwin.Core.Power;
using DigitalTwin.Web.Accounts;
using DigitalTwin.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Forms;

namespace DigitalTwin.Web.Components.Power;

/// <summary>
/// Upload → preview → commit. The file is copied from the browser in chunks (so a large export shows
/// progress instead of a frozen page), previewed by <see cref="PowerImportService"/>, and written only
/// on Commit. Every failure becomes an alert: an exception here must not end the circuit.
/// </summary>
public sealed partial class PowerImportPage : ComponentBase, IDisposable
{
    private static readonly string[] Extensions = [".csv", ".xlsx", ".json"];
    private const int ChunkBytes = 256 * 1024;

    private enum Stage { Idle, Uploading, Reading, Committing }

    private CancellationTokenSource? _cancel;
    private Stage _stage;
    private string _stageText = "";
    private double _progress;
    private ImportPreview? _preview;
    private ImportResult? _result;
    private string? _resultFile;
    private IReadOnlyList<PowerImport>? _history;
    private string? _historyError;
    private string? _error;

    [Inject]
    public required PageErrors Errors { get; init; }

    [Inject]
    public required PowerImportService Imports { get; init; }

    [Inject]
    public required CurrentActor CurrentActor { get; init; }

    [Inject]
    public required Microsoft.Extensions.Options.IOptions<PowerOptions> Options { get; init; }

    /// <summary>Power:MaxImportBytes, the same limit as the API's.</summary>
    private long MaxUploadBytes => Options.Value.MaxImportBytes;

    private bool Busy => _stage != Stage.Idle;

    protected override Task OnInitializedAsync() => LoadHistoryAsync();

    private async Task OnFileChosenAsync(IBrowserFile? file)
    {
        if (file is null)
        {
            return;
        }

        _error = null;
        _result = null;
        if (!Extensions.Contains(Path.GetExtension(file.Name), StringComparer.OrdinalIgnoreCase))
        {
            _error = L["Import.WrongType", file.Name];
            return;
        }
        if (file.Size > MaxUploadBytes)
        {
            _error = L["Import.TooLarge", file.Name, (file.Size / 1024.0 / 1024.0).ToString("0.0", System.Globalization.CultureInfo.CurrentCulture), MaxUploadBytes / 1024 / 1024];
            return;
        }

        var cancellationToken = NewCancellation();
        try
        {
            using var content = await UploadAsync(file, cancellationToken);
            SetStage(Stage.Reading, L["Import.Reading", file.Name]);
            var progress = new Progress<double>(fraction => ReportProgress(fraction * 100));
            _preview = await Imports.PreviewAsync(file.Name, content, progress, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            _error = null;
        }
        catch (Exception e)
        {
            _error = Errors.Report(this, e, L["Import.CouldNotRead", file.Name]);
        }
        finally
        {
            SetStage(Stage.Idle, "");
        }
    }

    private async Task<MemoryStream> UploadAsync(IBrowserFile file, CancellationToken cancellationToken)
    {
        SetStage(Stage.Uploading, L["Import.Uploading", file.Name]);
        var memory = new MemoryStream(checked((int)file.Size));
        await using var upload = file.OpenReadStream(MaxUploadBytes, cancellationToken);
        var buffer = new byte[ChunkBytes];
        int read;
        while ((read = await upload.ReadAsync(buffer, cancellationToken)) > 0)
        {
            memory.Write(buffer, 0, read);
            ReportProgress(file.Size == 0 ? 100 : 100.0 * memory.Length / file.Size);
        }
        memory.Position = 0;
        return memory;
    }

    private async Task CommitAsync()
    {
        if (_preview is not { CanCommit: true } preview)
        {
            return;
        }

        _error = null;
        var cancellationToken = NewCancellation();
        SetStage(Stage.Committing, L["Import.Writing", preview.FileName]);
        try
        {
            _result = await Imports.CommitAsync(preview.Id, await CurrentActor.DemandAsync(Policies.Analyze), cancellationToken);
            _resultFile = preview.FileName;
            _preview = null;
        }
        catch (Exception e)
        {
            _error = Errors.Report(this, e, L["Import.NothingImported"]);
        }
        finally
        {
            SetStage(Stage.Idle, "");
        }
        await LoadHistoryAsync();
    }

    private void Cancel() => _cancel?.Cancel();

    private CancellationToken NewCancellation()
    {
        _cancel?.Dispose();
        _cancel = new CancellationTokenSource();
        return _cancel.Token;
    }

    /// <summary>Drops the preview; the service keeps nothing that a later commit could pick up by accident, since it needs the id.</summary>
    private void Discard() => _preview = null;

    private async Task LoadHistoryAsync()
    {
        try
        {
            _history = await Imports.HistoryAsync(CancellationToken.None);
            _historyError = null;
        }
        catch (Exception e)
        {
            _historyError = Errors.Report(this, e, L["Import.HistoryUnavailable"]);
        }
    }

    private void SetStage(Stage stage, string text)
    {
        _stage = stage;
        _stageText = text;
        _progress = 0;
        StateHasChanged();
    }

    /// <summary>Re-renders only when the bar moves by a whole percent: a big file reports thousands of times.</summary>
    private void ReportProgress(double percent)
    {
        var clamped = Math.Clamp(percent, 0, 100);
        if (Math.Floor(clamped) != Math.Floor(_progress))
        {
            _progress = clamped;
            StateHasChanged();
        }
    }

    public void Dispose()
    {
        _cancel?.Cancel();
        _cancel?.Dispose();
    }
}
