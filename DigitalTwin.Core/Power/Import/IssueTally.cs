namespace DigitalTwin.Core.Power.Import;

/// <summary>
/// Keeps the first issues of a file in full and only counts the rest, by severity and kind: a broken 10 MB file has
/// 200,000 row errors, and listing each made a 17 MB answer and hundreds of MB of garbage for nobody to read.
/// </summary>
internal sealed class IssueTally(int maxListed)
{
    private readonly List<ImportIssue> _listed = [];
    private readonly Dictionary<(ImportSeverity, ImportIssueKind), int> _counts = [];

    public IReadOnlyList<ImportIssue> Listed => _listed;

    public int Total { get; private set; }

    public bool HasErrors { get; private set; }

    public IReadOnlyList<ImportIssueCount> Counts =>
        [.. _counts.OrderByDescending(c => c.Key.Item1).ThenByDescending(c => c.Value).Select(c => new ImportIssueCount(c.Key.Item1, c.Key.Item2, c.Value))];

    public void Add(ImportIssue issue)
    {
        Total++;
        HasErrors |= issue.Severity == ImportSeverity.Error;
        _counts[(issue.Severity, issue.Kind)] = _counts.GetValueOrDefault((issue.Severity, issue.Kind)) + 1;
        if (_listed.Count < maxListed)
        {
            _listed.Add(issue);
        }
    }

    public void AddRange(IEnumerable<ImportIssue> issues)
    {
        foreach (var issue in issues)
        {
            Add(issue);
        }
    }
}
