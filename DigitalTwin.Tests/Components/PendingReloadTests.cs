using DigitalTwin.Web.Components.Shared;

namespace DigitalTwin.Tests.Components;

/// <summary>A live page's pending database read: done once per ask, and asked again when it failed.</summary>
public sealed class PendingReloadTests
{
    [Fact]
    public async Task RunAsync_NotAsked_DoesNotRead()
    {
        var reads = 0;

        var ran = await new PendingReload().RunAsync(() => Task.FromResult(reads++));

        Assert.False(ran);
        Assert.Equal(0, reads);
    }

    [Fact]
    public async Task RunAsync_AskedOnce_ReadsOnceThenNotAgain()
    {
        var reload = new PendingReload();
        var reads = 0;
        reload.Ask();

        Assert.True(await reload.RunAsync(() => Task.FromResult(reads++)));
        Assert.False(await reload.RunAsync(() => Task.FromResult(reads++)));
        Assert.Equal(1, reads);
    }

    [Fact]
    public async Task RunAsync_ReadFails_StillAskedAndTheNextRefreshReads()
    {
        var reload = new PendingReload();
        var reads = 0;
        reload.Ask();

        await Assert.ThrowsAsync<InvalidOperationException>(() => reload.RunAsync(() => throw new InvalidOperationException("database gone")));

        Assert.True(reload.IsAsked);
        Assert.True(await reload.RunAsync(() => Task.FromResult(reads++)));
        Assert.Equal(1, reads);
        Assert.False(reload.IsAsked);
    }

    [Fact]
    public async Task Ask_TwoReadsAskedTwice_TwoReadsNotFour()
    {
        var reload = new PendingReload(reads: 2);
        var reads = 0;
        reload.Ask();
        reload.Ask();

        while (await reload.RunAsync(() => Task.FromResult(reads++)))
        {
        }

        Assert.Equal(2, reads);
    }

    [Fact]
    public async Task Ask_WhileReading_ReadsAgainAfterwards()
    {
        var reload = new PendingReload(reads: 2);
        var reads = 0;
        reload.Ask();

        await reload.RunAsync(() =>
        {
            reads++;
            reload.Ask();
            return Task.CompletedTask;
        });

        Assert.True(reload.IsAsked);
        Assert.True(await reload.RunAsync(() => Task.FromResult(reads++)));
        Assert.Equal(2, reads);
    }

    [Fact]
    public async Task Ask_WhileTheOnlyReadRuns_KeptForTheNextRefresh()
    {
        var reload = new PendingReload();
        var reads = 0;
        reload.Ask();

        await reload.RunAsync(() =>
        {
            reads++;
            reload.Ask();
            return Task.CompletedTask;
        });

        Assert.True(await reload.RunAsync(() => Task.FromResult(reads++)));
        Assert.Equal(2, reads);
        Assert.False(reload.IsAsked);
    }
}
