using DigitalTwin.Core.Audit;
using DigitalTwin.Core.Text;

namespace DigitalTwin.Core.Alerts;

/// <summary>
/// People acting on alerts (acknowledge, clear by hand): the request is checked here, the change is the engine's, which
/// orders it with its own transitions and commits it with its history entry and audit row through the writer.
/// </summary>
public sealed class AlertActionService(IAlertEngine engine, AlertWriter writer)
{
    /// <summary>
    /// Acknowledges an open or cleared alert as <paramref name="actor"/>, with an optional comment; acknowledging twice
    /// keeps the first (and records only the first).
    /// </summary>
    /// <remarks>Returns once the writer has committed the acknowledgement with its audit row.</remarks>
    public async Task<AlertActionResult> AcknowledgeAsync(long id, Actor actor, string? comment, CancellationToken cancellationToken = default)
    {
        if (Invalid(comment) is { } invalid)
        {
            return invalid;
        }
        if (await engine.AcknowledgeAsync(id, actor, comment?.Trim(), cancellationToken) is { } acknowledged)
        {
            await acknowledged.Committed.WaitAsync(cancellationToken);
            return new AlertActionResult(AlertResultStatus.Ok, acknowledged.Alert);
        }
        return new AlertActionResult(AlertResultStatus.NotFound);
    }

    /// <summary>Clears an open alert by hand; if its condition still holds, the next reading opens a new one.</summary>
    public async Task<AlertActionResult> ClearAsync(long id, Actor actor, string? reason, CancellationToken cancellationToken = default)
    {
        if (Invalid(reason, "reason", ClearReasonLength) is { } invalid)
        {
            return invalid;
        }
        if (await engine.ClearAsync(id, actor, reason?.Trim(), cancellationToken) is { } cleared)
        {
            await cleared.Committed.WaitAsync(cancellationToken);
            return new AlertActionResult(AlertResultStatus.Ok, cleared.Alert);
        }
        return (engine.Find(id) ?? await writer.StoredAsync(id, cancellationToken)) is { } alert
            ? new AlertActionResult(AlertResultStatus.Conflict, alert, $"Alert {id} is already cleared.")
            : new AlertActionResult(AlertResultStatus.NotFound);
    }

    private const int CommentLength = 2000;
    private const int ClearReasonLength = 500;

    private static AlertActionResult? Invalid(string? text, string field = "comment", int maxLength = CommentLength)
    {
        var error = text is { } value && value.Trim().Length > maxLength
            ? $"'{field}' may have at most {maxLength} characters."
            : SafeText.FieldError(field, text, multiline: true);
        return error is null
            ? null
            : new AlertActionResult(AlertResultStatus.Invalid, Detail: error, Errors: new Dictionary<string, string[]>(StringComparer.Ordinal) { [field] = [error] });
    }
}
