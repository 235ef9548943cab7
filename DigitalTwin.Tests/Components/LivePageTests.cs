using Bunit;
using DigitalTwin.Tests.Infrastructure;
using DigitalTwin.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MudBlazor;

namespace DigitalTwin.Tests.Components;

/// <summary>
/// A live page keeps going when it loses its database (it keeps its circuit and says so) or its browser (it reads
/// nothing until the browser is back, then refreshes at once).
/// </summary>
public sealed class LivePageTests : MudComponentTest
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UnixEpoch);

    public LivePageTests() => Context.Services.AddSingleton<TimeProvider>(_time);

    [Fact]
    public async Task Refresh_FailsThenWorksAgain_PausedSnackbarWhileFailingThenResumedAndThePageStays()
    {
        var snackbars = Context.Render<MudSnackbarProvider>();
        var page = Context.Render<FailingLivePage>(p => p.Add(x => x.Failures, 2));
        var service = Context.Services.GetRequiredService<ISnackbar>();

        _time.Advance(LiveRefresh.Heartbeat);
        snackbars.WaitForAssertion(() => Assert.Contains("Live updates paused", snackbars.Markup));
        Assert.Equal(Severity.Warning, Assert.Single(service.ShownSnackbars).Severity);
        await Eventually.TrueAsync(() =>
        {
            _time.Advance(TimeSpan.FromMilliseconds(500));
            return Task.FromResult(page.Instance.Refreshes > 2);
        }, what: "a refresh that works after two that failed");

        snackbars.WaitForAssertion(() =>
        {
            Assert.Contains("Live updates resumed", snackbars.Markup);
            Assert.DoesNotContain("Live updates paused", snackbars.Markup);
        });
        Assert.Equal(Severity.Success, Assert.Single(service.ShownSnackbars).Severity);
        page.WaitForAssertion(() => Assert.Equal("refreshed 3 times", page.Markup));
    }

    /// <summary>A live page that counts its refreshes; the first <see cref="Failures"/> throw, as a query does while the database is gone.</summary>
    private sealed class FailingLivePage : LivePage
    {
        [Parameter]
        public int Failures { get; set; }

        public int Refreshes { get; private set; }

        protected override void BuildRenderTree(RenderTreeBuilder builder) => builder.AddContent(0, $"refreshed {Refreshes} times");

        protected override Task RefreshAsync()
        {
            Refreshes++;
            return Refreshes <= Failures ? throw new InvalidOperationException("unable to open database file") : base.RefreshAsync();
        }
    }

    [Fact]
    public async Task Refresh_BrowserDisconnected_NothingReadUntilItIsBackThenAtOnce()
    {
        var page = Context.Render<FailingLivePage>();
        var link = Context.Services.GetRequiredService<CircuitLink>();
        await Eventually.TrueAsync(() =>
        {
            _time.Advance(TimeSpan.FromMilliseconds(100));
            return Task.FromResult(page.Instance.Refreshes >= 1);
        }, what: "the heartbeat refresh while connected");
        var before = page.Instance.Refreshes;

        link.Down();
        for (var i = 0; i < 5; i++)
        {
            _time.Advance(LiveRefresh.Heartbeat);
            await Task.Delay(50);
        }
        Assert.Equal(before, page.Instance.Refreshes);

        link.Up();
        var waited = TimeSpan.Zero;
        await Eventually.TrueAsync(() =>
        {
            _time.Advance(TimeSpan.FromMilliseconds(50));
            waited += TimeSpan.FromMilliseconds(50);
            return Task.FromResult(page.Instance.Refreshes > before);
        }, what: "a refresh once the browser is back");
        Assert.True(waited < LiveRefresh.Heartbeat, $"refreshed {waited.TotalMilliseconds} ms after the browser came back, not at once");
    }
}
