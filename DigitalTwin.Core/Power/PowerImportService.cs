namespace DigitalTwin.Core.Power;

/// <summary>
/// PLACEHOLDER so the import page compiles on this branch: the real service (parsing, preview,
/// all-or-nothing commit, history) is built in another branch, and the lead replaces this file with
/// it at merge and registers it in DI. Keep the signatures identical to that one.
/// </summary>
public sealed class PowerImportService
{
    /// <summary>Parses <paramref name="content"/> and reports what a commit would change; writes nothing.</summary>
    /// <param name="progress">Fraction read, 0 to 1.</param>
    public Task<ImportPreview> PreviewAsync(string fileName, Stream content, IProgress<double>? progress, CancellationToken ct) =>
        throw new NotImplementedException("PowerImportService is a placeholder on this branch.");

    /// <summary>Writes a previewed file, all or nothing.</summary>
    public Task<ImportResult> CommitAsync(Guid previewId, string importedBy, CancellationToken ct) =>
        throw new NotImplementedException("PowerImportService is a placeholder on this branch.");

    /// <summary>Committed imports, newest first.</summary>
    public Task<IReadOnlyList<PowerImport>> HistoryAsync(CancellationToken ct) =>
        throw new NotImplementedException("PowerImportService is a placeholder on this branch.");
}
