using Microsoft.Data.Sqlite;

namespace DigitalTwin.Core.Data;

public static class SqliteFile
{
    /// <summary>
    /// A relative database path is taken relative to the content root, not to whatever directory the process was
    /// started from: a published app keeps its database in its own folder wherever it is started. Under
    /// `dotnet run` the content root is the working directory, so nothing moves there.
    /// </summary>
    public static string Anchor(string connectionString, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        var file = builder.DataSource;
        if (string.IsNullOrEmpty(file) || file == ":memory:" || file.StartsWith("file:", StringComparison.OrdinalIgnoreCase)
            || builder.Mode == SqliteOpenMode.Memory || Path.IsPathRooted(file))
        {
            return connectionString;
        }
        builder.DataSource = Path.GetFullPath(Path.Combine(contentRoot, file));
        return builder.ConnectionString;
    }

    /// <summary>The database file a connection string names, or null for an in-memory database.</summary>
    public static string? PathOf(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        return string.IsNullOrEmpty(builder.DataSource) || builder.DataSource == ":memory:" || builder.Mode == SqliteOpenMode.Memory
            ? null
            : Path.GetFullPath(builder.DataSource);
    }
}
