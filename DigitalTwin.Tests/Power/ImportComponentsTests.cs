using Bunit;
using DigitalTwin.Core.Power;
using DigitalTwin.Core.Power.Import;
using DigitalTwin.Tests.Components;
using DigitalTwin.Tests.Localization;
using DigitalTwin.Web.Components.Power;

namespace DigitalTwin.Tests.Power;

public sealed class ImportComponentsTests : MudComponentTest
{
    private static readonly ImportPreview Preview = new(
        Guid.NewGuid(), "kepco.csv", "long CSV", "UTF-8", [new YearMonth(2024, 2), new YearMonth(2024, 1)], 229, 1_500, 12, 3,
        [
            new ImportIssue(ImportSeverity.Warning, "kepco.csv", 4, "kwh", "-", "No value; stored as missing."),
            new ImportIssue(ImportSeverity.Error, "kepco.csv", 9, "month", "13", "Month must be 1–12."),
        ]);

    [Fact]
    public void ImportPreviewView_Preview_ShowsCountsAndErrorsFirst()
    {
        var cut = Context.Render<ImportPreviewView>(p => p.Add(c => c.Preview, Preview));

        Assert.Equal("2", cut.Find("[data-testid=preview-months]").TextContent);
        Assert.Equal("1,500", cut.Find("[data-testid=preview-new]").TextContent);
        Assert.Equal("12", cut.Find("[data-testid=preview-changed]").TextContent);
        Assert.Equal("3", cut.Find("[data-testid=preview-unchanged]").TextContent);
        Assert.Equal("1 errors", cut.Find("[data-testid=preview-errors]").TextContent.Trim());
    }

    [Fact]
    public void ImportPreviewView_Korean_LabelsAndMonthsInKorean()
    {
        using var _ = TestText.Speak("ko");

        var cut = Context.Render<ImportPreviewView>(p => p.Add(c => c.Preview, Preview));

        Assert.Equal("오류 1건", cut.Find("[data-testid=preview-errors]").TextContent.Trim());
        Assert.Contains("2024년 1월 – 2024년 2월", cut.Markup);
        Assert.Contains("파일의 문제", cut.Markup);
        Assert.Contains("새 행", cut.Markup);
        foreach (var english in new[] { "Problems in the file", "New rows", "Changed rows", "1 errors", "1 warnings" })
        {
            Assert.DoesNotContain(english, cut.Markup);
        }
    }

    [Theory]
    [InlineData("en", "Not a number", "합계 mismatch")]
    [InlineData("ko", "숫자가 아님", "합계 불일치")]
    public void ImportPreviewView_Issues_KindOfEachProblemInTheReadersLanguage(string culture, string notANumber, string mismatch)
    {
        using var _ = TestText.Speak(culture);
        var preview = Preview with
        {
            Issues =
            [
                new ImportIssue(ImportSeverity.Error, "kepco.csv", 1833, "1월", "abc", "'abc' is not a number.", ImportIssueKind.NotANumber),
                new ImportIssue(ImportSeverity.Warning, "kepco.csv", 9, "1월", "163200693", "합계 of 서울특별시 종로구 2024-01 is …", ImportIssueKind.TotalMismatch),
            ],
        };

        var cut = Context.Render<ImportPreviewView>(p => p.Add(c => c.Preview, preview));

        Assert.Equal([notANumber, mismatch], cut.FindAll("[data-testid=issue-kind]").Select(k => k.TextContent));
    }

    [Theory]
    [InlineData("en", "'abc' is not a number.", "Unknown 시도 'Seoul'.")]
    [InlineData("ko", "'abc'은(는) 숫자가 아닙니다.", "알 수 없는 시도 'Seoul'입니다.")]
    public void ImportPreviewView_Issues_MessageInTheReadersLanguage(string culture, string notANumber, string unknownSido)
    {
        using var _ = TestText.Speak(culture);
        var preview = Preview with
        {
            Issues =
            [
                new ImportIssue(ImportSeverity.Error, "kepco.csv", 1833, "1월", "abc", ImportMessages.NotANumber.Format("abc"), ImportIssueKind.NotANumber),
                new ImportIssue(ImportSeverity.Error, "kepco.csv", 1834, "시도", "Seoul", ImportMessages.UnknownSido.Format("Seoul"), ImportIssueKind.UnknownSido),
            ],
        };

        var cut = Context.Render<ImportPreviewView>(p => p.Add(c => c.Preview, preview));

        Assert.Equal([notANumber, unknownSido], cut.FindAll("[data-testid=issue-message]").Select(k => k.TextContent));
    }

    [Theory]
    [InlineData(false, false, true)]
    [InlineData(true, false, false)]
    [InlineData(true, true, true)]
    public void ImportDropZone_PrerenderedOrBusy_FileInputDisabled(bool interactive, bool busy, bool disabled)
    {
        Context.Renderer.SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo(interactive ? "Server" : "Static", interactive));

        var cut = Context.Render<ImportDropZone>(p => p
            .Add(c => c.FileChosen, (Microsoft.AspNetCore.Components.Forms.IBrowserFile? _) => { })
            .Add(c => c.Disabled, busy)
            .Add(c => c.MaxBytes, 32L * 1024 * 1024));

        Assert.Equal(disabled, cut.Find("[data-testid=import-dropzone] input[type=file]").HasAttribute("disabled"));
    }

    /// <remarks>Korean has every key English has (<see cref="Localization.ResourceCompletenessTests"/>).</remarks>
    [Fact]
    public void ImportIssueKinds_EveryKind_HasAName()
    {
        foreach (var kind in Enum.GetValues<ImportIssueKind>())
        {
            Assert.False(TestText.Localizer[$"Import.Kind.{kind}"].ResourceNotFound, $"Import.Kind.{kind} has no text");
        }
    }

    [Fact]
    public void OrderIssues_Mixed_ErrorsFirstThenByRow()
    {
        var ordered = ImportPreviewView.OrderIssues(Preview.Issues);

        Assert.Equal([ImportSeverity.Error, ImportSeverity.Warning], ordered.Select(i => i.Severity));
    }
}
