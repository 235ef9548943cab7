using DigitalTwin.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace DigitalTwin.Core.Power.Import;

/// <summary>Warns about each district of a file that is neither shipped with the app nor stored: new, or misspelt.</summary>
internal static class NewDistricts
{
    public static async Task<IReadOnlyList<ImportIssue>> WarnAsync(
        DigitalTwinDbContext db, KnownDistricts known, string fileName, IReadOnlyList<ParsedUsage> rows, CancellationToken cancellationToken)
    {
        var firstRows = new Dictionary<District, ParsedUsage>();
        ParsedUsage? previous = null;
        foreach (var row in rows)
        {
            var district = new District(row.Sido, row.Sigungu);
            if (!row.SameDistrict(previous) && row.Sigungu != PowerUsage.ProvinceTotal && !known.IsShipped(district))
            {
                firstRows.TryAdd(district, row);
            }
            previous = row;
        }
        if (firstRows.Count == 0)
        {
            return [];
        }
        var names = firstRows.Keys.Select(d => d.Sigungu).Distinct().ToList();
        var stored = (await db.PowerUsages.AsNoTracking()
                .Where(u => names.Contains(u.Sigungu))
                .Select(u => new { u.Sido, u.Sigungu }).Distinct()
                .ToListAsync(cancellationToken))
            .Select(u => new District(u.Sido, u.Sigungu)).ToHashSet();
        return [.. firstRows.Where(f => !stored.Contains(f.Key)).Select(f => new ImportIssue(
            ImportSeverity.Warning, fileName, f.Value.Row, "시군구", f.Key.Sigungu,
            ImportMessages.NewDistrict.Format(f.Key), ImportIssueKind.NewDistrict))];
    }
}
