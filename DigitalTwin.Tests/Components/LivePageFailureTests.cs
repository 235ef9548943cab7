using Bunit;
using DigitalTwin.Tests.Infrastructure;
using DigitalTwin.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MudBlazor;

namespace DigitalTwin.Tests.Components;

/// <summary>A live page whose refresh fails for a while (the database gone) keeps its circuit and says so.</summary>
public sealed class LivePageFailureTests : MudComponentTest
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UnixEpoch);

    public LivePageFailureTests() => Context.Services.AddSingleton<TimeProvider>(_time);

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

    /// <summary>A live page whose first <see cref="Failures"/> refreshes throw, as a query does while the database is gone.</summary>
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
}
