using System.Globalization;

namespace DigitalTwin.Tests.Infrastructure;

public static class EmailSettings
{
    /// <summary>Alert e-mails from twin@example.org to control-room@example.org through a local capture server, without TLS.</summary>
    public static void SendEmailTo(this DigitalTwinAppFactory app, int smtpPort)
    {
        app.Settings["Alerts:Email:Enabled"] = "true";
        app.Settings["Alerts:Email:Host"] = "127.0.0.1";
        app.Settings["Alerts:Email:Port"] = smtpPort.ToString(CultureInfo.InvariantCulture);
        app.Settings["Alerts:Email:Security"] = "None";
        app.Settings["Alerts:Email:From"] = "twin@example.org";
        app.Settings["Alerts:Email:To:0"] = "control-room@example.org";
    }
}
