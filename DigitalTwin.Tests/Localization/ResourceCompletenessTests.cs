using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace DigitalTwin.Tests.Localization;

/// <summary>
/// Every text in both languages: each resx pair (English fallback + Korean) has the same keys, none empty, with the
/// same format placeholders; and every <c>L["…"]</c> the components use exists.
/// </summary>
public sealed partial class ResourceCompletenessTests
{
    private static readonly string WebProject = Path.Combine(RepositoryRoot(), "DigitalTwin.Web");

    public static TheoryData<string> ResourcePairs() => [.. EnglishResourceFiles()];

    private static List<string> EnglishResourceFiles() =>
    [
        .. Directory.EnumerateFiles(WebProject, "*.resx", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && Path.GetFileNameWithoutExtension(f).IndexOf('.', StringComparison.Ordinal) < 0)
            .Select(f => Path.GetRelativePath(WebProject, f)),
    ];

    [Fact]
    public void ResourcePairs_Found() => Assert.Contains(Path.Combine("Localization", "SharedResource.resx"), EnglishResourceFiles());

    [Theory]
    [MemberData(nameof(ResourcePairs))]
    public void KoreanAndEnglish_SameKeysNoneEmpty(string englishFile)
    {
        var english = Read(Path.Combine(WebProject, englishFile));
        var koreanFile = Path.ChangeExtension(Path.Combine(WebProject, englishFile), ".ko.resx");
        Assert.True(File.Exists(koreanFile), $"{englishFile} has no Korean partner {Path.GetFileName(koreanFile)}");
        var korean = Read(koreanFile);

        var problems = new List<string>();
        problems.AddRange(english.Keys.Except(korean.Keys).Select(k => $"missing in Korean: {k}"));
        problems.AddRange(korean.Keys.Except(english.Keys).Select(k => $"missing in English: {k}"));
        problems.AddRange(english.Where(e => string.IsNullOrWhiteSpace(e.Value)).Select(e => $"empty in English: {e.Key}"));
        problems.AddRange(korean.Where(e => string.IsNullOrWhiteSpace(e.Value)).Select(e => $"empty in Korean: {e.Key}"));
        problems.AddRange(english.Keys.Intersect(korean.Keys)
            .Where(k => !Placeholders(english[k]).SetEquals(Placeholders(korean[k])))
            .Select(k => $"placeholders differ: {k} ({english[k]} / {korean[k]})"));

        Assert.True(problems.Count == 0, $"{englishFile}:\n" + string.Join("\n", problems));
    }

    [Fact]
    public void Components_UseOnlyKeysThatExist()
    {
        var keys = Read(Path.Combine(WebProject, "Localization", "SharedResource.resx")).Keys.ToHashSet(StringComparer.Ordinal);
        var missing = Directory.EnumerateFiles(Path.Combine(WebProject, "Components"), "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".razor", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal))
            .SelectMany(f => KeyUse().Matches(File.ReadAllText(f)).Select(m => (File: Path.GetFileName(f), Key: m.Groups["key"].Value)))
            .Where(use => !keys.Contains(use.Key))
            .Select(use => $"{use.File}: {use.Key}")
            .Distinct()
            .ToList();

        Assert.True(missing.Count == 0, "keys used but not in SharedResource.resx:\n" + string.Join("\n", missing));
        Assert.NotEmpty(keys);
    }

    private static Dictionary<string, string> Read(string file) =>
        XDocument.Load(file).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "", StringComparer.Ordinal);

    private static HashSet<string> Placeholders(string text) => [.. Placeholder().Matches(text).Select(m => m.Value)];

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "DigitalTwin.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("DigitalTwin.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>L["Key"], L["Key", args] and L.Markup("Key", args) in markup and code-behind (a literal key only).</summary>
    [GeneratedRegex("""\bL(\[|\.Markup\()"(?<key>[^"]+)"[\],)]""")]
    private static partial Regex KeyUse();

    [GeneratedRegex(@"\{\d+(:[^}]*)?\}")]
    private static partial Regex Placeholder();
}
