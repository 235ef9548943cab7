namespace DigitalTwin.Core.Power.Import;

/// <summary>A parsed and validated file: what a preview shows and a commit writes.</summary>
internal sealed record ParsedFile(string Format, string Encoding, IReadOnlyList<ParsedUsage> Rows, IssueTally Tally)
{
    /// <summary>The first issues in full (see <see cref="IssueTally"/>).</summary>
    public IReadOnlyList<ImportIssue> Issues => Tally.Listed;

    public bool HasErrors => Tally.HasErrors;

    /// <summary>How many districts the rows cover, each run of one district's rows counted once.</summary>
    public int CountDistricts()
    {
        var districts = new HashSet<(string Sido, string Sigungu)>();
        ParsedUsage? previous = null;
        foreach (var row in Rows)
        {
            if (!row.SameDistrict(previous))
            {
                districts.Add((row.Sido, row.Sigungu));
            }
            previous = row;
        }
        return districts.Count;
    }
}

/// <summary>Bytes → container (CSV/XLSX/JSON) → layout → rows, then the whole-file checks.</summary>
internal static class PowerFileParser
{
    /// <param name="maxIssues">Issues listed in full; the rest are only counted.</param>
    public static ParsedFile Parse(string fileName, byte[] bytes, IProgress<double>? progress, double from, double to, int maxIssues = int.MaxValue)
    {
        var context = new ParseContext(fileName, progress, from, to, maxIssues);
        SourceTable table;
        try
        {
            table = TableReader.Read(bytes);
        }
        catch (Exception ex) when (ex is FormatException or InvalidDataException or IOException or ExcelDataReader.Exceptions.ExcelReaderException)
        {
            context.Error(null, null, null, ImportMessages.Unreadable.Format(ex.Message), ImportIssueKind.Unreadable);
            return new ParsedFile("unknown", "unknown", [], context.Tally);
        }
        if (FormatDetector.Detect(table) is not var (format, headerIndex))
        {
            var first = table.Rows.FirstOrDefault();
            context.Error(first.Cells is null ? null : first.Number, null, first.Cells is null ? null : string.Join(",", first.Cells),
                ImportMessages.UnknownLayout.Format(), ImportIssueKind.UnknownLayout);
            return new ParsedFile("unknown", table.EncodingName, [], context.Tally);
        }
        switch (format)
        {
            case ImportFormat.KepcoWide:
                KepcoWideParser.Parse(table, headerIndex, context);
                break;
            case ImportFormat.ProvincePortal:
                ProvincePortalParser.Parse(table, headerIndex, context);
                break;
            case ImportFormat.LongDistrict or ImportFormat.LongProvince:
                LongCsvParser.Parse(table, headerIndex, context, provinces: format == ImportFormat.LongProvince);
                break;
            default:
                OpenApiRecordsParser.Parse(table, headerIndex, context);
                break;
        }
        if (context.Rows.Count == 0 && !context.HasErrors)
        {
            context.Error(null, null, null, ImportMessages.NoRows.Format(), ImportIssueKind.NoRows);
        }
        ImportValidator.Validate(context);
        return new ParsedFile(FormatDetector.DisplayName(format, table.IsJson), table.EncodingName, context.Rows, context.Tally);
    }
}
