namespace DigitalTwin.Core.Power.Import;

/// <summary>
/// Rows in the order of the unique (시도, 시군구, 계약종별, 연도, 월) key. A comparison sort of 720,000 rows by their three
/// names took 0.7 s; here the rows are grouped by names (a file lists a district's months together, so one look-up
/// serves a run of rows), the few thousand groups are sorted by name and each group by month.
/// </summary>
internal static class UsageKeyOrder
{
    public static List<ParsedUsage> Sort(IEnumerable<ParsedUsage> rows)
    {
        var groups = new Dictionary<(string Sido, string Sigungu, string ContractType), List<ParsedUsage>>();
        List<ParsedUsage>? group = null;
        ParsedUsage? previous = null;
        var count = 0;
        foreach (var row in rows)
        {
            if (!row.SameDistrict(previous) || !string.Equals(row.ContractType, previous!.ContractType, StringComparison.Ordinal))
            {
                var names = (row.Sido, row.Sigungu, row.ContractType);
                if (!groups.TryGetValue(names, out group))
                {
                    groups[names] = group = [];
                }
            }
            group!.Add(row);
            previous = row;
            count++;
        }
        var sorted = new List<ParsedUsage>(count);
        foreach (var (_, members) in groups.OrderBy(g => g.Key, NameOrder.Instance))
        {
            members.Sort((a, b) => a.Month.CompareTo(b.Month));
            sorted.AddRange(members);
        }
        return sorted;
    }

    private sealed class NameOrder : IComparer<(string Sido, string Sigungu, string ContractType)>
    {
        public static readonly NameOrder Instance = new();

        public int Compare((string Sido, string Sigungu, string ContractType) a, (string Sido, string Sigungu, string ContractType) b)
        {
            var order = string.CompareOrdinal(a.Sido, b.Sido);
            order = order != 0 ? order : string.CompareOrdinal(a.Sigungu, b.Sigungu);
            return order != 0 ? order : string.CompareOrdinal(a.ContractType, b.ContractType);
        }
    }
}
