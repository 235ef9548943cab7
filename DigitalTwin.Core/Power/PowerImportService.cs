using System.Globalization;
using DigitalTwin.Core.Audit;
using DigitalTwin.Core.Data;
using DigitalTwin.Core.Power.Import;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DigitalTwin.Core.Power;

/// <summary>
/// Imports KEPCO electricity files in two steps: <see cref="PreviewAsync"/> parses, validates and compares with
/// the database without writing; <see cref="CommitAsync"/> writes the previewed rows all or nothing.
/// </summary>
public sealed class PowerImportService(
    IDbContextFactory<DigitalTwinDbContext> contexts,
    KnownDistricts known,
    IOptions<PowerOptions> options,
    TimeProvider time,
    ILogger<PowerImportService> logger)
{
    private readonly PreviewStore _previews = new(time);

    // One commit at a time: two overlapping files committed together would each miss the other's rows in their diff.
    private readonly SemaphoreSlim _commitLock = new(1, 1);

    public async Task<ImportPreview> PreviewAsync(string fileName, Stream content, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        progress?.Report(0);
        // The first preview after a start loads the shipped districts meanwhile, on the other core, not after the parse.
        var shipped = known.LoadAsync();
        var limits = options.Value;
        var bytes = await ReadAllAsync(content, limits.MaxImportBytes, progress, cancellationToken);
        var name = Path.GetFileName(fileName);
        var file = bytes is null
            ? TooLarge(name, limits.MaxImportBytes)
            : await Task.Run(() => PowerFileParser.Parse(name, bytes, progress, 0.1, 0.8, limits.MaxReportedIssues), cancellationToken);
        var id = Guid.NewGuid();
        var rows = file.HasErrors ? [] : file.Rows;
        UsageDiff diff;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            diff = await UsageDiff.ComputeAsync(db, rows, cancellationToken);
            await shipped;
            file.Tally.AddRange(await NewDistricts.WarnAsync(db, known, name, rows, cancellationToken));
        }
        // Files with errors are kept too (without rows), so a commit attempt can say why it is refused.
        _previews.Add(id, name, file with { Rows = rows });
        progress?.Report(1);
        return new ImportPreview(id, name, file.Format, file.Encoding,
            [.. file.Rows.Select(r => r.Month).Distinct().Order()],
            file.CountDistricts(),
            diff.New.Count, diff.Changed.Count, diff.Unchanged, file.Issues, file.Tally.Counts);
    }

    /// <exception cref="InvalidOperationException">The preview is unknown, expired, already committed or had errors.</exception>
    public async Task<ImportResult> CommitAsync(Guid previewId, Actor actor, CancellationToken cancellationToken = default)
    {
        await _commitLock.WaitAsync(cancellationToken);
        try
        {
            var (file, fileName) = _previews.Find(previewId)
                ?? throw new InvalidOperationException(
                    $"Preview {previewId} is unknown: it expired (previews are kept {PreviewStore.Lifetime.TotalMinutes:0} minutes), was already committed, or never existed. Upload the file again.");
            if (file.HasErrors)
            {
                var errors = file.Tally.Counts.Where(c => c.Severity == ImportSeverity.Error).Sum(c => c.Count);
                throw new InvalidOperationException($"'{fileName}' has {errors} error(s); nothing was imported. Fix the file and upload it again.");
            }
            var result = await WriteAsync(file, fileName, actor, cancellationToken);
            _previews.Remove(previewId);
            logger.LogInformation("Imported {File} by {User}: {New} new, {Changed} changed, {Unchanged} unchanged rows",
                fileName, actor.DisplayName, result.RowsNew, result.RowsChanged, result.RowsUnchanged);
            return result;
        }
        finally
        {
            _commitLock.Release();
        }
    }

    /// <summary>Every committed import, newest first.</summary>
    public async Task<IReadOnlyList<PowerImport>> HistoryAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        // By id: SQLite cannot ORDER BY a DateTimeOffset, and ids grow with time.
        return await db.PowerImports.AsNoTracking().OrderByDescending(i => i.Id).ToListAsync(cancellationToken);
    }

    private async Task<ImportResult> WriteAsync(ParsedFile file, string fileName, Actor actor, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Compared again inside the transaction: another import may have committed since the preview.
        var diff = await UsageDiff.ComputeAsync(db, file.Rows, cancellationToken);
        var months = file.Rows.Select(r => r.Month).ToList();
        var import = new PowerImport
        {
            FileName = fileName,
            Format = file.Format,
            Encoding = file.Encoding,
            ImportedBy = AuditSummary.Who(actor),
            ImportedAt = time.GetUtcNow(),
            FirstMonth = months.Min().ToString(),
            LastMonth = months.Max().ToString(),
            Districts = file.CountDistricts(),
            RowsNew = diff.New.Count,
            RowsChanged = diff.Changed.Count,
            RowsUnchanged = diff.Unchanged,
            Warnings = file.Tally.Counts.Where(c => c.Severity == ImportSeverity.Warning).Sum(c => c.Count),
        };
        db.PowerImports.Add(import);
        await db.SaveChangesAsync(cancellationToken);
        await PowerUsageWriter.UpsertAsync(db, diff, cancellationToken);
        await PowerUsageWriter.RecordChangesAsync(db, import.Id, diff.Changed, cancellationToken);
        db.AuditLog.Add(AuditEntry.Of(actor, import.ImportedAt, "power.import", "power-import", import.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            $"{fileName} ({import.Format}, {import.FirstMonth}…{import.LastMonth}, {import.Districts} districts): "
            + $"{import.RowsNew} new, {import.RowsChanged} changed, {import.RowsUnchanged} unchanged rows"));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new ImportResult(import.Id, import.RowsNew, import.RowsChanged, import.RowsUnchanged);
    }

    /// <summary>The whole upload in memory (XLSX needs to seek anyway); progress 0..0.1 when the length is known.</summary>
    private static ParsedFile TooLarge(string name, long maxBytes)
    {
        var tally = new IssueTally(1);
        tally.Add(new ImportIssue(ImportSeverity.Error, name, null, null, null,
            ImportMessages.TooLarge.Format((maxBytes / (1024.0 * 1024)).ToString("0.#", CultureInfo.InvariantCulture)), ImportIssueKind.TooLarge));
        return new ParsedFile("unknown", "unknown", [], tally);
    }

    private static async Task<byte[]?> ReadAllAsync(Stream content, long maxBytes, IProgress<double>? progress, CancellationToken cancellationToken)
    {
        long? length = content.CanSeek ? content.Length - content.Position : null;
        if (length > maxBytes)
        {
            return null;
        }
        using var buffer = length is { } known ? new MemoryStream((int)known) : new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(chunk, cancellationToken)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > maxBytes)
            {
                return null;
            }
            if (length > 0)
            {
                progress?.Report(0.1 * buffer.Length / length.Value);
            }
        }
        return buffer.ToArray();
    }
}
