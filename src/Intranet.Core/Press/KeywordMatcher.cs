using Intranet.Core.Common;

namespace Intranet.Core.Press;

/// <summary>A rule as the matcher needs it.</summary>
public sealed record KeywordRuleSpec(int Id, string Name, string Terms, string? ExcludeTerms, int? DirectorateId);

/// <summary>The rules an item matched, and the directorates they relate it to.</summary>
public sealed record KeywordMatch(IReadOnlyList<KeywordRuleSpec> Rules)
{
    public bool Any => Rules.Count > 0;
    public string Names => string.Join("; ", Rules.Select(r => r.Name));
    public IEnumerable<int> DirectorateIds => Rules.Select(r => r.DirectorateId).OfType<int>();
}

/// <summary>
/// Turkish-aware whole-word matching. Rule phrases and item text go through <see cref="TurkishText.Words"/>, so case and
/// Turkish letters never matter ("İSTANBUL", "istanbul", "Istanbul", "ıstanbul" are one word) and a phrase matches only
/// whole words in a row ("park" does not match "parke"; "Kağıthane" matches "Kağıthane'de", where Turkish puts the
/// suffix after an apostrophe). A phrase ending in * matches any ending of its last word.
/// An item matches a rule when one of its phrases occurs and none of its exclusion phrases does.
/// </summary>
public sealed class KeywordMatcher
{
    private readonly IReadOnlyList<(KeywordRuleSpec Rule, Phrase[] Include, Phrase[] Exclude)> _rules;

    public KeywordMatcher(IEnumerable<KeywordRuleSpec> rules) =>
        _rules = rules.Select(r => (r, Phrases(r.Terms), Phrases(r.ExcludeTerms))).Where(r => r.Item2.Length > 0).ToList();

    public int RuleCount => _rules.Count;

    public KeywordMatch Match(params string?[] texts)
    {
        var words = texts.SelectMany(TurkishText.Words).ToArray();
        var matched = _rules.Where(r => r.Include.Any(p => p.OccursIn(words)) && !r.Exclude.Any(p => p.OccursIn(words)))
            .Select(r => r.Rule).ToList();
        return new KeywordMatch(matched);
    }

    /// <summary>One phrase per line (or separated by commas); blank ones are ignored.</summary>
    public static Phrase[] Phrases(string? terms) =>
        string.IsNullOrWhiteSpace(terms)
            ? []
            : terms.Split(['\n', '\r', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(Phrase.Parse).OfType<Phrase>().ToArray();

    public sealed record Phrase(string[] Words, bool Prefix)
    {
        public static Phrase? Parse(string text)
        {
            var prefix = text.EndsWith('*');
            var words = TurkishText.Words(prefix ? text[..^1] : text);
            return words.Length == 0 ? null : new Phrase(words, prefix);
        }

        public bool OccursIn(string[] text)
        {
            for (var start = 0; start + Words.Length <= text.Length; start++)
            {
                var all = true;
                for (var i = 0; i < Words.Length && all; i++)
                {
                    var last = i == Words.Length - 1;
                    all = last && Prefix
                        ? text[start + i].StartsWith(Words[i], StringComparison.Ordinal)
                        : text[start + i] == Words[i];
                }
                if (all) return true;
            }
            return false;
        }
    }
}
