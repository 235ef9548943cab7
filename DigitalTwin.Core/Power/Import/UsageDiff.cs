using DigitalTwin.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace DigitalTwin.Core.Power.Import;

/// <summary>A stored row, as much of it as the comparison needs.</summary>
internal readonly record struct StoredUsage(long Id, long? Kwh, long? Customers, long? BillKrw);

/// <summary>How a parsed file compares with the database: what is new, what would change, what is already there.</summary>
internal sealed record UsageDiff(List<ParsedUsage> New, List<(StoredUsage Old, ParsedUsage New)> Changed, int Unchanged)
{
    /// <summary>One query for the years the file covers (the (Year, Month) index), then a comparison in memory.</summary>
    public static async Task<UsageDiff> ComputeAsync(DigitalTwinDbContext db, IReadOnlyList<ParsedUsage> rows, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return new UsageDiff([], [], 0);
        }
        var months = rows.Select(r => r.Month).ToHashSet();
        var minYear = months.Min(m => m.Year);
        var maxYear = months.Max(m => m.Year);
        var stored = await db.PowerUsages.AsNoTracking()
            .Where(u => u.Year >= minYear && u.Year <= maxYear)
            .Select(u => new { u.Id, u.Year, u.Month, u.Sido, u.Sigungu, u.ContractType, u.Kwh, u.Customers, u.BillKrw })
            .ToListAsync(cancellationToken);
        var existing = new Dictionary<(YearMonth, string, string, string), StoredUsage>(stored.Count);
        foreach (var u in stored)
        {
            var month = new YearMonth(u.Year, u.Month);
            if (months.Contains(month))
            {
                existing[(month, u.Sido, u.Sigungu, u.ContractType)] = new StoredUsage(u.Id, u.Kwh, u.Customers, u.BillKrw);
            }
        }
        if (existing.Count == 0)
        {
            return new UsageDiff([.. rows], [], 0);
        }
        var diff = new UsageDiff([], [], 0);
        var unchanged = 0;
        foreach (var row in rows)
        {
            if (!existing.TryGetValue((row.Month, row.Sido, row.Sigungu, row.ContractType), out var old))
            {
                diff.New.Add(row);
            }
            else if (IsChange(old, row))
            {
                diff.Changed.Add((old, row));
            }
            else
            {
                unchanged++;
            }
        }
        return diff with { Unchanged = unchanged };
    }

    /// <summary>A file without customers or bills (the district files) does not erase those a richer file stored.</summary>
    private static bool IsChange(StoredUsage old, ParsedUsage row) =>
        row.Kwh != old.Kwh
        || (row.Customers is not null && row.Customers != old.Customers)
        || (row.BillKrw is not null && row.BillKrw != old.BillKrw);
}
