namespace DigitalTwin.Core.Twins.Model;

/// <summary>Gaussian elimination with partial pivoting for the few-unknown systems the room models solve.</summary>
internal static class LinearSystem
{
    /// <summary>x with A·x = b, or null when A is (numerically) singular; A and b are left untouched.</summary>
    public static double[]? Solve(double[,] a, double[] b)
    {
        var n = b.Length;
        var m = new double[n, n + 1];
        var scale = 0.0;
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                m[i, j] = a[i, j];
                scale = Math.Max(scale, Math.Abs(a[i, j]));
            }
            m[i, n] = b[i];
        }
        if (scale == 0.0)
        {
            return null;
        }
        for (var col = 0; col < n; col++)
        {
            var pivot = col;
            for (var row = col + 1; row < n; row++)
            {
                if (Math.Abs(m[row, col]) > Math.Abs(m[pivot, col]))
                {
                    pivot = row;
                }
            }
            if (Math.Abs(m[pivot, col]) < scale * 1e-12)
            {
                return null;
            }
            for (var j = col; j <= n; j++)
            {
                (m[col, j], m[pivot, j]) = (m[pivot, j], m[col, j]);
            }
            for (var row = col + 1; row < n; row++)
            {
                var factor = m[row, col] / m[col, col];
                for (var j = col; j <= n; j++)
                {
                    m[row, j] -= factor * m[col, j];
                }
            }
        }
        var x = new double[n];
        for (var row = n - 1; row >= 0; row--)
        {
            var sum = m[row, n];
            for (var j = row + 1; j < n; j++)
            {
                sum -= m[row, j] * x[j];
            }
            x[row] = sum / m[row, row];
        }
        return x;
    }
}
