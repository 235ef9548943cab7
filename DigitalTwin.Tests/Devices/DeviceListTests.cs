using DigitalTwin.Core.Data;
using DigitalTwin.Core.Devices;
using DigitalTwin.Core.Twins;
using DigitalTwin.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DigitalTwin.Tests.Devices;

/// <summary>
/// The /devices page's query on real SQLite with 10,000 registered devices: every answer is checked against the
/// same query done in memory over the devices the builder made.
/// </summary>
public sealed class DeviceListTests(DeviceListTests.Fleet fleet) : IClassFixture<DeviceListTests.Fleet>
{
    public static TheoryData<DeviceListQuery> Queries => new()
    {
        new DeviceListQuery(),
        new DeviceListQuery(Skip: 9_990, Take: 25),
        new DeviceListQuery(Search: "FLOOR 3"),
        new DeviceListQuery(Search: "dev-0999"),
        new DeviceListQuery(Search: "basement"),
        new DeviceListQuery(Kind: "meter", Sort: DeviceSort.Name, Descending: true, Skip: 50),
        new DeviceListQuery(Tag: "hall", Skip: 100),
        new DeviceListQuery(Tag: "hallway", Sort: DeviceSort.Location),
        new DeviceListQuery(Status: DeviceStatus.Online, Sort: DeviceSort.LastSeen, Descending: true),
        new DeviceListQuery(Status: DeviceStatus.Unknown, Kind: "thermometer", Skip: 25),
        new DeviceListQuery(Search: "floor 1", Tag: "hall", Status: DeviceStatus.Offline, Sort: DeviceSort.Kind, Descending: true, Take: 10),
        new DeviceListQuery(Sort: DeviceSort.Status, Skip: 4_990, Take: 20),
        new DeviceListQuery(Search: "no such device"),
    };

    [Theory]
    [MemberData(nameof(Queries))]
    public async Task Query_SearchFilterSortPage_SameAsInMemory(DeviceListQuery query)
    {
        var page = await fleet.List.QueryAsync(query);

        var expected = fleet.Expected(query);
        Assert.Equal(expected.Total, page.Total);
        Assert.Equal(expected.Ids, page.Items.Select(i => i.Device.Id));
        Assert.All(page.Items, i => Assert.Equal(fleet.Board.Get(i.Device.Id), i.Status));
    }

    [Fact]
    public async Task Query_TagFilter_MatchesWholeTagsOnly()
    {
        var page = await fleet.List.QueryAsync(new DeviceListQuery(Tag: "hall", Take: DeviceListQuery.MaxTake));

        Assert.NotEmpty(page.Items);
        Assert.All(page.Items, i => Assert.Contains("hall", i.Device.Tags));
        Assert.DoesNotContain(page.Items, i => i.Device.Tags.SequenceEqual(["hallway"]));
    }

    [Fact]
    public async Task KindsAndTags_EveryOneInUse()
    {
        Assert.Equal(["meter", "thermometer"], await fleet.List.KindsAsync());
        Assert.Equal(["hall", "hallway", "lab_1%"], await fleet.List.TagsAsync());
    }

    [Fact]
    public async Task Query_TagWithLikeWildcards_MatchedLiterally()
    {
        var page = await fleet.List.QueryAsync(new DeviceListQuery(Tag: "lab_1%"));

        Assert.Equal(fleet.Expected(new DeviceListQuery(Tag: "lab_1%")).Total, page.Total);
        Assert.Equal(0, (await fleet.List.QueryAsync(new DeviceListQuery(Tag: "lab%"))).Total);
    }

    /// <summary>10,000 devices in a SQLite file, and a status board where a quarter are online and a quarter offline.</summary>
    public sealed class Fleet : IAsyncLifetime
    {
        public const int Count = 10_000;
        private readonly string _directory = DigitalTwinAppFactory.CreateTempDirectory();
        private readonly List<DeviceDraft> _drafts = [.. Enumerable.Range(0, Count).Select(Draft)];
        private HistoryDatabaseHost _host = null!;

        public DeviceStatusBoard Board { get; } = new();

        public DeviceList List { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            _host = await HistoryDatabaseHost.StartAsync(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(_directory, "twin.db")}");
            var factory = _host.Services.GetRequiredService<IDbContextFactory<DigitalTwinDbContext>>();
            var registry = new DeviceRegistry(factory, _host.Services.GetRequiredService<DeviceDirectory>(), TimeProvider.System);
            await registry.ProvisionAsync(_drafts, CancellationToken.None);
            var start = new DateTimeOffset(2026, 11, 26, 0, 0, 0, TimeSpan.Zero);
            for (var i = 0; i < Count; i++)
            {
                if (i % 4 < 2)
                {
                    var status = i % 4 == 0 ? DeviceStatus.Online : DeviceStatus.Offline;
                    // Last-seen times out of id order, so sorting by them is not sorting by id.
                    Board.Set(_drafts[i].Id!, new DeviceStatusEntry(status, StatusReason.DataReceived, start, start.AddSeconds((i * 7919) % Count), TimeSpan.FromSeconds(30)));
                }
            }
            List = new DeviceList(factory, Board);
        }

        public async Task DisposeAsync()
        {
            await _host.DisposeAsync();
            DigitalTwinAppFactory.DeleteDirectory(_directory);
        }

        /// <summary>The query done in memory: what the database and the board together must answer.</summary>
        public (int Total, IReadOnlyList<string> Ids) Expected(DeviceListQuery query)
        {
            var search = query.Search?.Trim().ToLowerInvariant();
            var matching = _drafts
                .Where(d => search is null || d.Id!.Contains(search, StringComparison.Ordinal)
                    || d.Name!.ToLowerInvariant().Contains(search, StringComparison.Ordinal)
                    || d.Location!.ToLowerInvariant().Contains(search, StringComparison.Ordinal))
                .Where(d => query.Kind is null || d.Kind == query.Kind)
                .Where(d => query.Tag is null || d.Tags!.Contains(query.Tag))
                .Where(d => query.Status is null || Board.Get(d.Id!).Status == query.Status)
                .ToList();
            IOrderedEnumerable<DeviceDraft> sorted = query.Sort switch
            {
                DeviceSort.Name => By(matching, d => d.Name!, query.Descending),
                DeviceSort.Kind => By(matching, d => d.Kind!, query.Descending),
                DeviceSort.Location => By(matching, d => d.Location!, query.Descending),
                DeviceSort.Status => By(matching, d => (int)Board.Get(d.Id!).Status, query.Descending),
                DeviceSort.LastSeen => By(matching, d => Board.Get(d.Id!).LastSeen ?? DateTimeOffset.MinValue, query.Descending),
                _ => By(matching, d => d.Id!, query.Descending),
            };
            var ordered = query.Sort == DeviceSort.Id ? sorted : sorted.ThenBy(d => d.Id, StringComparer.Ordinal);
            return (matching.Count, [.. ordered.Skip(query.Skip).Take(query.Take).Select(d => d.Id!)]);
        }

        private static IOrderedEnumerable<DeviceDraft> By<TKey>(IEnumerable<DeviceDraft> drafts, Func<DeviceDraft, TKey> key, bool descending)
        {
            var comparer = typeof(TKey) == typeof(string) ? (IComparer<TKey>)StringComparer.Ordinal : Comparer<TKey>.Default;
            return descending ? drafts.OrderByDescending(key, comparer) : drafts.OrderBy(key, comparer);
        }

        private static DeviceDraft Draft(int i) => new(
            $"dev-{i:00000}",
            $"Device {i}",
            i % 10 == 0 ? "meter" : "thermometer",
            i % 50 == 0 ? "Basement" : $"Floor {i % 10}",
            [.. (i % 3 == 0 ? ["hall"] : Array.Empty<string>()), .. (i % 5 == 0 ? ["hallway"] : Array.Empty<string>()), .. (i % 997 == 0 ? ["lab_1%"] : Array.Empty<string>())],
            null,
            null);
    }
}
