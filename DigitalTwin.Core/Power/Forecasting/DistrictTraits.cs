namespace DigitalTwin.Core.Power.Forecasting;

/// <summary>
/// What may explain a district's forecast error, from the history up to the cutoff only: how much of its
/// power industry uses (산업용 / 합계 over the months where both are known) and how big it is (mean monthly 합계).
/// </summary>
public sealed record DistrictTraits(double? IndustrialShare, double? MeanMonthlyKwh)
{
    public static DistrictTraits Of(PowerHistory history, District district)
    {
        var total = history.Series(district, ContractTypes.Total);
        var industry = history.Series(district, ContractTypes.Industrial);
        double totalSum = 0, industrySum = 0, sizeSum = 0;
        for (var i = 0; i < total.Count; i++)
        {
            sizeSum += total.ValueAt(i);
            if (industry.TryGet(total.MonthAt(i), out var kwh))
            {
                totalSum += total.ValueAt(i);
                industrySum += kwh;
            }
        }
        return new DistrictTraits(
            totalSum > 0 ? Math.Clamp(industrySum / totalSum, 0, 1) : null,
            total.Count > 0 ? sizeSum / total.Count : null);
    }
}
