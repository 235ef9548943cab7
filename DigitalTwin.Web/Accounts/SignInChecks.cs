using DigitalTwin.Core.Accounts;
using DigitalTwin.Core.Audit;
using Microsoft.AspNetCore.Identity;

namespace DigitalTwin.Web.Accounts;

/// <summary>What a password sign-in came to, in words a person can act on, with its audit record.</summary>
public sealed record SignInOutcome(bool Succeeded, string Reason, string Message, AppUser? User);

/// <summary>Checks a user name and password the same way for the sign-in page and POST /api/auth/token, and audits the attempt.</summary>
public sealed class SignInChecks(UserManager<AppUser> users, SignInManager<AppUser> signIn, AuditTrail audit)
{
    public const string WrongCredentials = "The user name or password is wrong.";

    public async Task<SignInOutcome> CheckAsync(string? userName, string? password, string? address, string channel, CancellationToken cancellationToken)
    {
        var user = string.IsNullOrWhiteSpace(userName) ? null : await users.FindByNameAsync(userName.Trim());
        if (user is null || string.IsNullOrEmpty(password))
        {
            await RecordAsync(userName, address, "user.sign-in-failed", $"{channel}: unknown user or empty password", cancellationToken);
            return new SignInOutcome(false, "InvalidCredentials", WrongCredentials, null);
        }
        var result = await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
        var outcome = result switch
        {
            { Succeeded: true } => new SignInOutcome(true, "Succeeded", "Signed in.", user),
            { IsLockedOut: true } => new SignInOutcome(false, "LockedOut",
                "Too many failed sign-ins: the account is locked for a while. Try again later or ask an admin.", user),
            { IsNotAllowed: true } => new SignInOutcome(false, "Disabled", "This account is disabled. Ask an admin.", user),
            _ => new SignInOutcome(false, "InvalidCredentials", WrongCredentials, user),
        };
        var action = outcome.Succeeded ? "user.sign-in" : outcome.Reason == "LockedOut" ? "user.locked-out" : "user.sign-in-failed";
        await RecordAsync(user.UserName, address, action, $"{channel}: {outcome.Reason}", cancellationToken);
        return outcome;
    }

    private Task RecordAsync(string? userName, string? address, string action, string summary, CancellationToken cancellationToken)
    {
        var name = string.IsNullOrWhiteSpace(userName) ? "(none)" : userName.Trim()[..Math.Min(userName.Trim().Length, 64)];
        return audit.RecordAsync(new Actor(name, ActorKind.Anonymous, address), action, "user", name, summary, cancellationToken);
    }
}
