using System.Text.RegularExpressions;
using DigitalTwin.Core.Power;
using DigitalTwin.Core.Power.Forecasting;
using DigitalTwin.Web.Components.Power.Forecasts;
using static DigitalTwin.Tests.Power.Forecasting.ForecastTestData;

namespace DigitalTwin.Tests.Localization;

/// <summary>Forecast reasons in both languages: the API's English from Core, the page's words from the resources.</summary>
public sealed partial class ForecastReasonTextTests
{
    private static readonly Lazy<ForecastRun> Run = new(() => new Forecaster(PowerHistory.FromRows(Hierarchy(districts: 12, noise: 0.01, growth2024: 0.05)))
        .Run(new ForecastRequest(new YearMonth(2024, 3), 3, ContractTypes.Residential, ForecastModels.ProvinceShape)));

    [Fact]
    public void EveryCode_EnglishResourceReadsAsTheApiAndKoreanIsHangul()
    {
        foreach (var (code, api) in ForecastReasons.English)
        {
            using (TestText.Speak("en"))
            {
                Assert.Equal(api, TestText.Localizer[ForecastReasonText.Key(code)].Value);
            }
            using (TestText.Speak("ko"))
            {
                var korean = TestText.Localizer[ForecastReasonText.Key(code)];
                Assert.False(korean.ResourceNotFound, code);
                if (EnglishWord().IsMatch(api))
                {
                    Assert.Matches(Hangul(), korean.Value);
                }
            }
        }
    }

    [Fact]
    public void RunReasons_Korean_NoEnglishSentenceLeft()
    {
        var reasons = Run.Value.ModelRows.Values.SelectMany(rows => rows).Select(r => r.Reason)
            .Concat(Run.Value.Rows.Select(r => r.Reason))
            .Concat(Run.Value.Models.Select(m => m.Note).OfType<ForecastReason>())
            .Distinct().ToList();
        Assert.Contains(reasons, r => r.Code == "requested");
        Assert.Contains(reasons, r => r.Path.EndsWith("ets.short", StringComparison.Ordinal));

        using var korean = TestText.Speak("ko");
        foreach (var reason in reasons)
        {
            var text = TestText.Localizer.Reason(reason);
            Assert.Matches(Hangul(), text);
            Assert.DoesNotContain("{", text, StringComparison.Ordinal);
            // Whatever English is left is names (models, LightGBM, Holt-Winters), never a sentence.
            var words = ForecastModels.All.OrderByDescending(m => m.Length).Aggregate(text, (t, model) => t.Replace(model, "", StringComparison.Ordinal));
            Assert.DoesNotMatch(@"\b(of|the|no|not|for|a|to|on|at|with)\b", words);
        }
    }

    [Fact]
    public void Reason_Korean_NumbersAndMonthsAsTheCultureWritesThem()
    {
        var reason = ForecastReason.Of("requested", ForecastReason.Of("model", "ml", ForecastReason.Of("ml", ForecastReason.Of("ml.trained", 12_345), new YearMonth(2024, 3))));

        using (TestText.Speak("ko"))
        {
            Assert.Equal("요청한 모델: ml; 12,345개 쌍으로 학습한 LightGBM, 2024년 3월 대비 비율로 환산", TestText.Localizer.Reason(reason));
        }
        using (TestText.Speak("en"))
        {
            Assert.Equal("requested ml; LightGBM on 12,345 pairs, × ratio to March 2024", TestText.Localizer.Reason(reason));
        }
        Assert.Equal("requested ml; LightGBM on 12,345 pairs, × ratio to 2024-03", reason.ToString());
        Assert.Equal("requested/model/ml/ml.trained", reason.Path);
    }

    [Fact]
    public void Reason_KoreanAuto_SharesAndScaleFilledIn()
    {
        var shares = new List<ForecastReason> { ForecastReason.Of("share", "province-ratio", 61.7), ForecastReason.Of("share", "ml", 38.3) };
        var reason = ForecastReason.Of("auto.blend", shares, 7, 2, ForecastReason.Of("interval", 1.24));
        var unseenMonth = ForecastReason.Of("auto.blend", shares, 7, 2, ForecastReason.Of("interval.as-district", 1.24));

        using var korean = TestText.Speak("ko");

        Assert.Equal("auto: province-ratio 62 %, ml 38 %의 혼합, 가중치는 시도 백테스트의 7월·2개월 앞에서 학습; 구간은 시도의 1.2배", TestText.Localizer.Reason(reason));
        Assert.Equal("auto: province-ratio 62 %, ml 38 %의 혼합, 가중치는 시도 백테스트의 7월·2개월 앞에서 학습; 구간은 시군구처럼 예측한 시도의 1.2배(이 시군구에는 같은 달의 지난해가 없음)",
            TestText.Localizer.Reason(unseenMonth));
    }

    [GeneratedRegex("[a-z]{3,}")]
    private static partial Regex EnglishWord();

    [GeneratedRegex("[\uAC00-\uD7A3]")]
    private static partial Regex Hangul();
}
