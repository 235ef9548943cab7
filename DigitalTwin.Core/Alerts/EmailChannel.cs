using System.Globalization;
using System.Net;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace DigitalTwin.Core.Alerts;

/// <summary>Sends one e-mail (plain text and HTML) per notification to the recipients in Alerts:Email:To, over SMTP (MailKit).</summary>
public sealed class EmailChannel(IOptions<AlertOptions> options) : IAlertChannel
{
    private readonly AlertEmailOptions _email = options.Value.Email;

    public NotificationChannel Channel => NotificationChannel.Email;

    public IReadOnlyList<string> Targets => _email.Enabled ? [string.Join(", ", _email.To)] : [];

    public async Task<DeliveryOutcome> SendAsync(AlertNotification notification, string target, CancellationToken cancellationToken)
    {
        var document = AlertDocument.From(notification, options.Value.PublicBaseUrl);
        using var message = Compose(document);
        using var client = new SmtpClient();
        try
        {
            await client.ConnectAsync(_email.Host!, _email.Port, Security(_email.Security), cancellationToken);
            if (!string.IsNullOrEmpty(_email.Username))
            {
                await client.AuthenticateAsync(_email.Username, _email.Password ?? "", cancellationToken);
            }
            await client.SendAsync(message, cancellationToken);
            await client.DisconnectAsync(quit: true, cancellationToken);
            return DeliveryOutcome.Ok;
        }
        catch (SmtpCommandException ex)
        {
            // 5xx replies are permanent (bad recipient, refused sender); 4xx are worth another try.
            return new DeliveryOutcome(false, (int)ex.StatusCode, $"SMTP {(int)ex.StatusCode}: {ex.Message}", Retryable: (int)ex.StatusCode < 500);
        }
    }

    private MimeMessage Compose(AlertDocument document)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(_email.From!));
        foreach (var to in _email.To)
        {
            message.To.Add(MailboxAddress.Parse(to));
        }
        message.Subject = document.Subject;
        var body = new BodyBuilder { TextBody = Text(document), HtmlBody = Html(document) };
        message.Body = body.ToMessageBody();
        return message;
    }

    private static IEnumerable<(string Label, string Value)> Lines(AlertDocument d)
    {
        yield return ("Rule", $"{d.Rule.Name} ({d.Rule.Condition})");
        yield return ("Device", d.Device.Id);
        yield return ("State", d.Transition == AlertTransition.Renotified ? $"{d.State} (reminder: not acknowledged)" : d.State.ToString());
        yield return ("Severity", d.Severity.ToString());
        if (d.Values.Last is not null)
        {
            yield return ("Values", $"first {Format(d.Values.First)}, peak {Format(d.Values.Peak)}, last {Format(d.Values.Last)}");
        }
        yield return ("Since", (d.ActivatedAt ?? d.PendingSince).ToString("u", CultureInfo.InvariantCulture));
        if (d.ClearedAt is { } cleared)
        {
            yield return ("Cleared", $"{cleared.ToString("u", CultureInfo.InvariantCulture)} ({d.ClearReason})");
        }
        yield return ("Alert", d.Links.Alert);
        yield return ("Device page", d.Links.Device);
    }

    private static string Text(AlertDocument d) =>
        string.Join("\n", [d.Subject, "", .. Lines(d).Select(l => $"{l.Label}: {l.Value}")]) + "\n";

    private static string Html(AlertDocument d)
    {
        var rows = Lines(d).Select(l => $"<tr><th align=\"left\">{WebUtility.HtmlEncode(l.Label)}</th><td>{Cell(l.Value)}</td></tr>");
        return $"<html><body><h2>{WebUtility.HtmlEncode(d.Subject)}</h2><table>{string.Concat(rows)}</table></body></html>";
    }

    private static string Cell(string value) => value.StartsWith("http", StringComparison.Ordinal)
        ? $"<a href=\"{WebUtility.HtmlEncode(value)}\">{WebUtility.HtmlEncode(value)}</a>"
        : WebUtility.HtmlEncode(value);

    private static string Format(double? value) => value?.ToString("0.###", CultureInfo.InvariantCulture) ?? "–";

    private static SecureSocketOptions Security(SmtpSecurity security) => security switch
    {
        SmtpSecurity.None => SecureSocketOptions.None,
        SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
        SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.Auto,
    };
}
