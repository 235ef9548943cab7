using Bunit;
using DigitalTwin.Tests.Infrastructure;
using DigitalTwin.Web.Components.Shared;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace DigitalTwin.Tests.Components;

/// <summary>A live page whose browser has gone (a phone asleep) reads nothing until it is back, then refreshes at once.</summary>
public sealed class LivePageConnectionTests : MudComponentTest
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UnixEpoch);

    public LivePageConnectionTests() => Context.Services.AddSingleton<TimeProvider>(_time);

    [Fact]
    public async Task Refresh_BrowserDisconnected_NothingReadUntilItIsBackThenAtOnce()
    {
        var page = Context.Render<CountingLivePage>();
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

    /// <summary>A live page that counts its refreshes, as a page counts its database reads.</summary>
    private sealed class CountingLivePage : LivePage
    {
        public int Refreshes { get; private set; }

        protected override void BuildRenderTree(RenderTreeBuilder builder) => builder.AddContent(0, $"refreshed {Refreshes} times");

        protected override Task RefreshAsync()
        {
            Refreshes++;
            return base.RefreshAsync();
        }
    }
}
