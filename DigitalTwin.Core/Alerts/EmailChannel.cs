using System.Net;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace DigitalTwin.Core.Alerts;

/// <summary>
/// Sends one e-mail (plain text and HTML) per notification to the recipients in Alerts:Email:To, over SMTP (MailKit), in
/// the language of Alerts:NotificationCulture.
/// </summary>
public sealed class EmailChannel(IOptions<AlertOptions> options, IStoredSentences sentences) : IAlertChannel
{
    private readonly AlertEmailOptions _email = options.Value.Email;
    private readonly NotificationText _words = NotificationText.For(options.Value.NotificationCulture) ?? NotificationText.English;

    public NotificationChannel Channel => NotificationChannel.Email;

    public IReadOnlyList<string> Targets => _email.Enabled ? [string.Join(", ", _email.To)] : [];

    public async Task<DeliveryOutcome> SendAsync(AlertNotification notification, string target, CancellationToken cancellationToken)
    {
        var document = AlertDocument.From(notification, options.Value.PublicBaseUrl, _words);
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
        message.Subject = document.Text;
        var body = new BodyBuilder { TextBody = Text(document), HtmlBody = Html(document) };
        message.Body = body.ToMessageBody();
        return message;
    }

    private string Text(AlertDocument d) =>
        string.Join("\n", [d.Text, "", .. _words.Lines(d, stored => sentences.Say(stored, _words.Culture)).Select(l => $"{l.Label}: {l.Value}")]) + "\n";

    private string Html(AlertDocument d)
    {
        var rows = _words.Lines(d, stored => sentences.Say(stored, _words.Culture)).Select(l => $"<tr><th align=\"left\">{WebUtility.HtmlEncode(l.Label)}</th><td>{Cell(l.Value)}</td></tr>");
        return $"<html lang=\"{_words.Culture}\"><body><h2>{WebUtility.HtmlEncode(d.Text)}</h2><table>{string.Concat(rows)}</table></body></html>";
    }

    private static string Cell(string value) => value.StartsWith("http", StringComparison.Ordinal)
        ? $"<a href=\"{WebUtility.HtmlEncode(value)}\">{WebUtility.HtmlEncode(value)}</a>"
        : WebUtility.HtmlEncode(value);

    private static SecureSocketOptions Security(SmtpSecurity security) => security switch
    {
        SmtpSecurity.None => SecureSocketOptions.None,
        SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
        SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.Auto,
    };
}
