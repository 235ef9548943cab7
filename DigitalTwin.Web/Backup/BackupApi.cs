using DigitalTwin.Core.Audit;
using DigitalTwin.Core.Backup;
using DigitalTwin.Web.Accounts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DigitalTwin.Web.Backup;

public static class BackupApi
{
    public const string AuditAction = "database.backup";

    public static RouteGroupBuilder MapBackupEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/admin").WithTags("Administration").RequireAuthorization(Policies.Admin);
        group.MapPost("/backup", CreateBackup)
            .Produces(StatusCodes.Status200OK, contentType: "application/vnd.sqlite3")
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("A consistent copy of the SQLite database, taken while the app runs: kept in Backup:Directory and returned as the response");
        return group;
    }

    private static async Task<Results<PhysicalFileHttpResult, ProblemHttpResult>> CreateBackup(
        HttpContext context, IServiceProvider services, AuditTrail audit, CancellationToken cancellationToken)
    {
        if (services.GetService<SqliteBackup>() is not { } backup)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Not an SQLite database",
                detail: "Database:Provider is Postgres: back it up with PostgreSQL's own tools (pg_dump; see the README's Deploy section).");
        }
        var file = await backup.CreateAsync(cancellationToken);
        await audit.RecordAsync(context.Actor(), AuditAction, "database", file.Name, $"{file.Bytes:N0} bytes in {backup.Directory}", cancellationToken);
        return TypedResults.PhysicalFile(file.Path, "application/vnd.sqlite3", file.Name);
    }
}
