using DigitalTwin.Core.Mqtt;
using DigitalTwin.Core.Telemetry;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using MQTTnet.Server;

namespace DigitalTwin.Web.Mqtt;

/// <summary>
/// How the embedded broker says no to a publish. An MQTT 5 client learns why from the PUBACK's reason code. An
/// MQTT 3.1.1 client cannot: its PUBACK only says "received", and acknowledging a message that was dropped would
/// tell the device it was stored, so it would never send it again. Closing the connection instead (no PUBACK) is
/// the one refusal 3.1.1 has; the device sees a lost connection and its log shows it, rather than silent data loss.
/// </summary>
public static class PublishRefusal
{
    private const string ProtocolKey = "digitaltwin.protocol";

    /// <summary>Remembers the connection's protocol for the publishes that follow.</summary>
    public static void RememberProtocol(ValidatingConnectionEventArgs e) => e.SessionItems[ProtocolKey] = e.ProtocolVersion;

    public static void Refuse(InterceptingPublishEventArgs e, MqttPubAckReasonCode code, string reason, BrokerRefusals refusals)
    {
        e.ProcessPublish = false;
        e.Response.ReasonCode = code;
        e.Response.ReasonString = reason;
        // A last will comes without a cancellable token, and without a publisher to tell.
        var lastWill = !e.CancellationToken.CanBeCanceled;
        if (!lastWill && e.ApplicationMessage.QualityOfServiceLevel != MqttQualityOfServiceLevel.AtMostOnce
            && e.SessionItems[ProtocolKey] is not MqttProtocolVersion.V500)
        {
            e.CloseConnection = true;
            refusals.Report(BrokerRefusal.RefusedPublish, null, $"MQTT 3.1.1 client '{e.ClientId}' disconnected instead of a PUBACK: {code}: {reason}");
        }
    }

    /// <summary>The PUBACK reason code for refused telemetry.</summary>
    public static MqttPubAckReasonCode CodeFor(RejectReason reason) => reason switch
    {
        RejectReason.PayloadTooLarge or RejectReason.TooManyReadings => MqttPubAckReasonCode.QuotaExceeded,
        RejectReason.UnknownDevice => MqttPubAckReasonCode.NotAuthorized,
        RejectReason.InvalidDeviceId => MqttPubAckReasonCode.TopicNameInvalid,
        _ => MqttPubAckReasonCode.PayloadFormatInvalid,
    };
}
