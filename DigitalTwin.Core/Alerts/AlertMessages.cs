using DigitalTwin.Core.Text;
using static DigitalTwin.Core.Text.MessageArg;

namespace DigitalTwin.Core.Alerts;

/// <summary>Why the engine ended or resolved an alert, as stored in its history and clear reason and said in the reader's language.</summary>
public static class AlertMessages
{
    public static readonly MessageTemplate DataAgain = new("alert.data-again", "Data again");

    public static readonly MessageTemplate BackDuringPending = new("alert.back-during-pending", "Back to normal during the pending period");

    public static readonly MessageTemplate BackInLine = new("alert.back-in-line", "{0} {1} back in line with its model", AsIs, Number);

    public static readonly MessageTemplate BackBelow = new("alert.back-below", "{0} {1} back below {2}", AsIs, Number, Number);

    public static readonly MessageTemplate BackAbove = new("alert.back-above", "{0} {1} back above {2}", AsIs, Number, Number);

    public static readonly MessageTemplate RuleDisabled = new("alert.rule-disabled", "Rule disabled");

    public static readonly MessageTemplate RuleDeleted = new("alert.rule-deleted", "Rule deleted");

    public static readonly MessageTemplate DeviceDeleted = new("alert.device-deleted", "Device deleted");

    public static readonly MessageTemplate RuleNoLongerWatches = new("alert.rule-no-longer-watches", "Rule changed: the device or metric is no longer watched this way");

    public static readonly MessageTemplate RuleNoLongerMet = new("alert.rule-no-longer-met", "Rule changed: the last value no longer meets it");

    public static readonly MessageTemplate RuleBackBeyond = new("alert.rule-back-beyond", "Rule changed: {0} {1} is back beyond the new threshold", AsIs, Number);

    public static readonly MessageTemplate ClearedBy = new("alert.cleared-by", "Cleared by {0}", AsIs);

    public static IReadOnlyList<MessageTemplate> All { get; } =
    [
        DataAgain, BackDuringPending, BackInLine, BackBelow, BackAbove, RuleDisabled, RuleDeleted, DeviceDeleted,
        RuleNoLongerWatches, RuleNoLongerMet, RuleBackBeyond, ClearedBy,
    ];
}
