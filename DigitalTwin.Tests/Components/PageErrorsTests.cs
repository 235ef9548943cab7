using DigitalTwin.Tests.Infrastructure;
using DigitalTwin.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Logging;

namespace DigitalTwin.Tests.Components;

/// <summary>A page's survivable failure: logged with the page and what failed; the user reads a sentence meant for them.</summary>
public sealed class PageErrorsTests : IDisposable
{
    private readonly LogCapture _log = new();
    private readonly ILoggerFactory _loggers;
    private readonly PageErrors _errors;

    public PageErrorsTests()
    {
        _loggers = LoggerFactory.Create(b => b.AddProvider(_log));
        _errors = new PageErrors(_loggers.CreateLogger<PageErrors>());
    }

    [Fact]
    public void Report_BadFile_ShowsItsReasonAndLogsIt()
    {
        var shown = _errors.Report(new UsagePage(), new InvalidDataException("Row 3 has no month."), "Could not read usage.csv");

        Assert.Equal("Could not read usage.csv: Row 3 has no month.", shown);
        Assert.Contains(_log.Lines, l => l.Contains("UsagePage: Could not read usage.csv", StringComparison.Ordinal));
    }

    [Fact]
    public void Report_UnexpectedFailure_LoggedButItsInternalsNotShown()
    {
        var shown = _errors.Report(new UsagePage(), new NullReferenceException("Object reference not set to an instance of an object."), "Could not read power usage");

        Assert.StartsWith("Could not read power usage: something went wrong on the server", shown, StringComparison.Ordinal);
        Assert.DoesNotContain("Object reference", shown, StringComparison.Ordinal);
        Assert.Contains(_log.Lines, l => l.Contains("UsagePage: Could not read power usage", StringComparison.Ordinal));
    }

    [Fact]
    public void Report_Cancelled_NothingShownNothingWarned()
    {
        var shown = _errors.Report(new UsagePage(), new TaskCanceledException(), "Could not read power usage");

        Assert.Null(shown);
        Assert.Empty(_log.Lines);
    }

    public void Dispose() => _loggers.Dispose();

    private sealed class UsagePage : ComponentBase;
}
