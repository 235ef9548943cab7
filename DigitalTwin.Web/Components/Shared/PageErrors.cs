using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace DigitalTwin.Web.Components.Shared;

/// <summary>
/// How a page reports a failure it survives (it shows the sentence and keeps working): the exception goes to the log
/// with the page and what failed, and the user reads what did not work; the exception's own words only when they are
/// meant for the user (a bad file, a refused action), never a stack's internals. Cancellation is not a failure.
/// </summary>
public sealed partial class PageErrors(ILogger<PageErrors> logger)
{
    /// <param name="page">The page that failed, named in the log.</param>
    /// <param name="failed">What did not work, as the user would say it: "Could not read power usage".</param>
    /// <returns>The sentence to show; null when the work was cancelled (the user left or chose again).</returns>
    public string? Report(IComponent page, Exception exception, string failed)
    {
        var name = page.GetType().Name;
        if (exception is OperationCanceledException or JSDisconnectedException)
        {
            LogCancelled(name, failed);
            return null;
        }
        if (IsForTheUser(exception))
        {
            LogRefused(exception, name, failed);
            return $"{failed}: {exception.Message}";
        }
        LogFailed(exception, name, failed);
        return $"{failed}: something went wrong on the server. The details are in its log.";
    }

    /// <summary>The exceptions whose messages the services write for people: bad input, a refused or impossible action.</summary>
    private static bool IsForTheUser(Exception exception) =>
        exception is InvalidOperationException or ArgumentException or FormatException or InvalidDataException or IOException;

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Page}: cancelled ({Failed})")]
    private partial void LogCancelled(string page, string failed);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Page}: {Failed}")]
    private partial void LogRefused(Exception exception, string page, string failed);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Page}: {Failed}")]
    private partial void LogFailed(Exception exception, string page, string failed);
}
