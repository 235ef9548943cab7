using DigitalTwin.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace DigitalTwin.Core.Power;

/// <summary>Filters for usage queries; null means "any".</summary>
public sealed record UsageFilter(string? Sido = null, string? Sigungu = null, string? ContractType = null, YearMonth? From = null, YearMonth? To = null);

public sealed record UsageRow(int Year, int Month, string Sido, string Sigungu, string ContractType, long? Kwh)
{
    public YearMonth Period => new(Year, Month);
}

/// <summary>Reads imported power usage for the explorer, the API and forecasting.</summary>
public sealed class PowerQueries(IDbContextFactory<DigitalTwinDbContext> contexts)
{
    public async Task<IReadOnlyList<UsageRow>> UsageAsync(UsageFilter filter, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = db.PowerUsages.AsNoTracking();
        if (filter.Sido is { } sido)
        {
            query = query.Where(u => u.Sido == sido);
        }
        if (filter.Sigungu is { } sigungu)
        {
            query = query.Where(u => u.Sigungu == sigungu);
        }
        if (filter.ContractType is { } type)
        {
            query = query.Where(u => u.ContractType == type);
        }
        if (filter.From is { } from)
        {
            query = query.Where(u => u.Year * 12 + u.Month >= from.Year * 12 + from.Month);
        }
        if (filter.To is { } to)
        {
            query = query.Where(u => u.Year * 12 + u.Month <= to.Year * 12 + to.Month);
        }
        return await query
            .OrderBy(u => u.Sido).ThenBy(u => u.Sigungu).ThenBy(u => u.ContractType).ThenBy(u => u.Year).ThenBy(u => u.Month)
            .Select(u => new UsageRow(u.Year, u.Month, u.Sido, u.Sigungu, u.ContractType, u.Kwh))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Every district with data (not the province-level rows).</summary>
    public async Task<IReadOnlyList<District>> DistrictsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var pairs = await db.PowerUsages.AsNoTracking()
            .Where(u => u.Sigungu != PowerUsage.ProvinceTotal)
            .Select(u => new { u.Sido, u.Sigungu }).Distinct()
            .ToListAsync(cancellationToken);
        return [.. pairs.Select(p => new District(p.Sido, p.Sigungu)).OrderBy(d => d.Sido, StringComparer.Ordinal).ThenBy(d => d.Sigungu, StringComparer.Ordinal)];
    }

    /// <summary>Every month with district data, ascending.</summary>
    public async Task<IReadOnlyList<YearMonth>> MonthsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var months = await db.PowerUsages.AsNoTracking()
            .Where(u => u.Sigungu != PowerUsage.ProvinceTotal)
            .Select(u => new { u.Year, u.Month }).Distinct()
            .ToListAsync(cancellationToken);
        return [.. months.Select(m => new YearMonth(m.Year, m.Month)).Order()];
    }
}
