using Microsoft.Extensions.Options;

namespace DigitalTwin.Core.Power.Import;

/// <summary>
/// The districts the app ships: the KEPCO sample's (data/kepco) and those of the KOSTAT boundaries (data/geo). With the
/// stored ones they tell an import which of its districts were never seen, a likely typo or a hostile name worth a look.
/// </summary>
public sealed class KnownDistricts(DistrictBoundaries boundaries, IOptions<PowerOptions> options)
{
    public static readonly string SampleFile = Path.Combine("kepco", "kepco_sigungu_monthly_long.csv");

    private readonly Lazy<HashSet<District>> _shipped = new(() => Load(boundaries, options.Value.DataDirectory));

    public bool IsShipped(District district) => _shipped.Value.Contains(district);

    /// <summary>Loads the shipped districts (the boundaries' GeoJSON and the sample file, ~0.2 s) on the thread pool, once.</summary>
    public Task LoadAsync() => _shipped.IsValueCreated ? Task.CompletedTask : Task.Run(() => _shipped.Value);

    private static HashSet<District> Load(DistrictBoundaries boundaries, string? dataDirectory)
    {
        var known = new HashSet<District>();
        foreach (var feature in boundaries.Document?.Features ?? [])
        {
            if (KostatDistrictMatcher.TryMatch(feature, out var district))
            {
                known.Add(district);
            }
        }
        if (SampleData.FindDirectory(dataDirectory) is { } data && File.Exists(Path.Combine(data, SampleFile)))
        {
            // year,month,sido,sigungu,contract_type,kwh: written by the app's own tooling, plain commas, no quotes.
            foreach (var line in File.ReadLines(Path.Combine(data, SampleFile)).Skip(1))
            {
                var cells = line.Split(',');
                if (cells.Length >= 4)
                {
                    known.Add(new District(cells[2], cells[3]));
                }
            }
        }
        return known;
    }
}
