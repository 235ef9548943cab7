using DigitalTwin.Core.Alerts;
using DigitalTwin.Core.Power.Import;
using DigitalTwin.Core.Text;
using DigitalTwin.Core.Twins.Faults;
using DigitalTwin.Tests.Twins.Faults;
using DigitalTwin.Web.Localization;

namespace DigitalTwin.Tests.Localization;

/// <summary>The app's stored sentences (alert history, clear reasons, faults) read back from their English and said in Korean.</summary>
public sealed class StoredMessagesTests
{
    /// <summary>Each template set with what says it: stored alert and fault sentences, and import problems.</summary>
    private static readonly Dictionary<string, (IReadOnlyList<MessageTemplate> Templates, Func<string, string?> Say)> Sets = new()
    {
        ["stored"] = (StoredMessages.Templates, text => TestText.Localizer.Say(text)),
        ["import"] = (ImportMessages.All, text => TestText.Localizer.SayImport(text)),
    };

    public static TheoryData<string, string> Codes
    {
        get
        {
            var codes = new TheoryData<string, string>();
            foreach (var (set, (templates, _)) in Sets)
            {
                foreach (var template in templates)
                {
                    codes.Add(set, template.Code);
                }
            }
            return codes;
        }
    }

    [Theory]
    [MemberData(nameof(Codes))]
    public void Format_ThenRead_OnlyItsOwnTemplateMatchesWithTheSameValues(string set, string code)
    {
        var templates = Sets[set].Templates;
        var template = templates.Single(t => t.Code == code);
        object[] values = [.. template.Args.Select((kind, i) => Sample(kind, i))];

        var english = template.Format(values);

        Assert.True(template.TryRead(english, out var read), english);
        Assert.Equal(values.Select(v => v.ToString()), read);
        Assert.Equal([code], templates.Where(t => t.TryRead(english, out _)).Select(t => t.Code));
    }

    [Theory]
    [MemberData(nameof(Codes))]
    public void Say_Korean_InHangulWithEveryValue(string set, string code)
    {
        using var korean = TestText.Speak("ko");
        var template = Sets[set].Templates.Single(t => t.Code == code);
        object[] values = [.. template.Args.Select((kind, i) => Sample(kind, i))];

        var said = Sets[set].Say(template.Format(values))!;

        Assert.Matches("[\uAC00-\uD7A3]", said);
        Assert.DoesNotContain(template.Format(values), said, StringComparison.Ordinal);
        foreach (var (kind, i) in template.Args.Select((k, i) => (k, i)).Where(a => a.k != MessageArg.Duration))
        {
            Assert.Contains(values[i].ToString()!, said, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Say_DetectorsOwnReasons_EveryOneReadAndSaidInKorean()
    {
        using var korean = TestText.Speak("ko");
        var mote = RealSensors.IntelLab[3];
        var interval = mote.Span / (mote.Length - 1);
        var plans = Enum.GetValues<FaultKind>().Select((kind, i) => new FaultPlan(kind, 60 + (i * 30), FaultInjector.LengthOf(kind, interval), 20));
        var (faulty, _) = FaultInjector.Inject(mote, plans);

        var reasons = FaultEvaluation.Detect(faulty, FaultDetectorSettings.Default).Select(d => d.Reason).Distinct().ToList();

        Assert.True(reasons.Count >= 4, string.Join(" | ", reasons));
        Assert.All(reasons, reason => Assert.Matches("[\uAC00-\uD7A3]", TestText.Localizer.Say(reason)!));
    }

    [Fact]
    public void Say_DurationAndNumber_WrittenAsKoreanWrites()
    {
        using var korean = TestText.Speak("ko");

        var said = TestText.Localizer.Say(FaultMessages.Stuck.Format("21.35", MessageTemplate.Duration(TimeSpan.FromMinutes(40)), 8));

        Assert.Equal("고착값: 40분 동안 21.35 (측정 8건)", said);
    }

    [Fact]
    public void Say_APersonsCommentLikeAnImportProblem_NotTranslated()
    {
        using var korean = TestText.Speak("ko");
        var comment = ImportMessages.EmptyCell.Format("tank");

        Assert.Equal(comment, TestText.Localizer.Say(comment));
        Assert.Equal("tank이(가) 비어 있습니다.", TestText.Localizer.SayImport(comment));
    }

    [Fact]
    public void Say_APersonsComment_ShownAsWritten()
    {
        using var korean = TestText.Speak("ko");

        Assert.Equal("Replaced the sensor", TestText.Localizer.Say("Replaced the sensor"));
        Assert.Null(TestText.Localizer.Say(null));
    }

    private static object Sample(MessageArg kind, int index) => kind switch
    {
        MessageArg.Number => (21.5 + index).ToString(System.Globalization.CultureInfo.InvariantCulture),
        MessageArg.Duration => MessageTemplate.Duration(TimeSpan.FromMinutes(40 + index)),
        _ => index == 0 ? "temperature" : "12:30",
    };
}
