/// <summary>"--name value" and bare "--flag" options of a benchmark's command line (shared by the bench projects).</summary>
sealed class Args(Dictionary<string, string> values)
{
    public static Args Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < args.Length; i++)
            if (args[i].StartsWith("--", StringComparison.Ordinal))
                values[args[i][2..]] = i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal) ? args[++i] : "";
        return new Args(values);
    }

    public string Get(string key, string fallback) => values.TryGetValue(key, out var v) && v.Length > 0 ? v : fallback;
    public bool Has(string key) => values.ContainsKey(key);
}

static class Timings
{
    /// <summary>The p-quantile of sorted timings, interpolated between the two nearest ranks (as Excel's PERCENTILE.INC).</summary>
    public static double Quantile(List<double> sorted, double p)
    {
        var pos = (sorted.Count - 1) * p;
        var lo = (int)Math.Floor(pos);
        return lo + 1 < sorted.Count ? sorted[lo] + (pos - lo) * (sorted[lo + 1] - sorted[lo]) : sorted[lo];
    }
}
