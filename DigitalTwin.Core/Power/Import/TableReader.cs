using System.Globalization;
using System.Text.Json;
using CsvHelper;
using CsvHelper.Configuration;
using ExcelDataReader;

namespace DigitalTwin.Core.Power.Import;

/// <summary>Turns an uploaded file's bytes into a <see cref="SourceTable"/>: XLSX, JSON or CSV, detected by content.</summary>
internal static class TableReader
{
    public const string Xlsx = "XLSX";

    /// <exception cref="FormatException">The content is not readable as any of the containers.</exception>
    public static SourceTable Read(byte[] bytes)
    {
        // An XLSX file is a ZIP archive: "PK\x03\x04".
        if (bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0x50, 0x4B, 0x03, 0x04]))
        {
            return ReadXlsx(bytes);
        }
        var text = TextDecoder.Decode(bytes);
        var first = text.Text.AsSpan().TrimStart();
        return first.Length > 0 && (first[0] == '[' || first[0] == '{')
            ? ReadJson(text)
            : ReadCsv(text);
    }

    private static SourceTable ReadCsv(DecodedText text)
    {
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            HasHeaderRecord = false,
            // A truncated file ends inside a quoted cell; report it as a short row, not as an exception.
            BadDataFound = null,
            MissingFieldFound = null,
        };
        using var reader = new StringReader(text.Text);
        using var parser = new CsvParser(reader, configuration);
        var rows = new List<SourceRow>();
        var line = 1;
        while (parser.Read())
        {
            rows.Add(new SourceRow(line, parser.Record ?? []));
            // RawRow counts physical lines, so quoted line breaks keep the next row's number right.
            line = parser.RawRow + 1;
        }
        return new SourceTable(text.EncodingName, false, rows);
    }

    private static SourceTable ReadXlsx(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes, writable: false);
        using var reader = ExcelReaderFactory.CreateOpenXmlReader(stream);
        var rows = new List<SourceRow>();
        var number = 0;
        // Only the first sheet: KEPCO's export has one.
        while (reader.Read())
        {
            number++;
            var cells = new string[reader.FieldCount];
            for (var i = 0; i < cells.Length; i++)
            {
                cells[i] = reader.GetValue(i) switch
                {
                    null => "",
                    double d => d.ToString("R", CultureInfo.InvariantCulture),
                    IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                    var other => other.ToString() ?? "",
                };
            }
            rows.Add(new SourceRow(number, cells));
        }
        return new SourceTable(Xlsx, false, rows);
    }

    /// <summary>
    /// The open API answers an array of flat objects, or <c>{"data":[…]}</c>. The property names become a
    /// header row (row 0) and record N becomes row N, so the record parser reads JSON and CSV alike.
    /// </summary>
    private static SourceTable ReadJson(DecodedText text)
    {
        using var document = ParseJson(text.Text);
        var root = document.RootElement;
        if (root.ValueKind == JsonValueKind.Object)
        {
            root = root.TryGetProperty("data", out var data) ? data : throw new FormatException("A JSON object must hold the records in \"data\".");
        }
        if (root.ValueKind != JsonValueKind.Array)
        {
            throw new FormatException("JSON records must be an array of objects.");
        }
        var names = new List<string>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var records = new List<Dictionary<string, string>>();
        foreach (var element in root.EnumerateArray())
        {
            var record = new Dictionary<string, string>(StringComparer.Ordinal);
            if (element.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in element.EnumerateObject())
                {
                    if (index.TryAdd(property.Name, names.Count))
                    {
                        names.Add(property.Name);
                    }
                    record[property.Name] = property.Value.ValueKind switch
                    {
                        JsonValueKind.String => property.Value.GetString() ?? "",
                        JsonValueKind.Null => "",
                        _ => property.Value.GetRawText(),
                    };
                }
            }
            records.Add(record);
        }
        var rows = new List<SourceRow>(records.Count + 1) { new(0, [.. names]) };
        for (var i = 0; i < records.Count; i++)
        {
            var cells = new string[names.Count];
            foreach (var (name, value) in records[i])
            {
                cells[index[name]] = value;
            }
            for (var c = 0; c < cells.Length; c++)
            {
                cells[c] ??= "";
            }
            rows.Add(new SourceRow(i + 1, cells));
        }
        return new SourceTable(text.EncodingName, true, rows);
    }

    private static JsonDocument ParseJson(string text)
    {
        try
        {
            return JsonDocument.Parse(text);
        }
        catch (JsonException ex)
        {
            throw new FormatException($"Invalid JSON: {ex.Message}", ex);
        }
    }
}
