using Intranet.Core.Common;
using Intranet.Core.Press;

namespace Intranet.Tests.Press;

public class KeywordMatcherTests
{
    private static KeywordMatcher Rules(params (string Terms, string? Exclude)[] rules) =>
        new(rules.Select((r, i) => new KeywordRuleSpec(i + 1, $"Kural {i + 1}", r.Terms, r.Exclude, null)));

    [Theory]
    [InlineData("İSTANBUL'da yeni metro hattı")]
    [InlineData("istanbul'da yeni metro hattı")]
    [InlineData("Istanbul'da yeni metro hattı")]
    [InlineData("ISTANBUL DA YENİ METRO")]
    [InlineData("ıstanbul'da yeni metro hattı")]
    [InlineData("I\u0307stanbul'da (decomposed dotted capital I)")]
    public void Case_and_turkish_letters_never_decide_a_match(string title)
    {
        Assert.True(Rules(("İstanbul", null)).Match(title).Any);
        Assert.True(Rules(("istanbul", null)).Match(title).Any);
        Assert.True(Rules(("ISTANBUL", null)).Match(title).Any);
    }

    [Theory]
    [InlineData("KAĞITHANE BELEDİYESİ YENİ PARK AÇTI", true)]
    [InlineData("Kagithane Belediyesi yeni park actı", true)]
    [InlineData("Kâğıthane Belediyesi'nden açıklama", true)]
    [InlineData("Kağıthane ve Belediyesi", false)]            // the phrase's words must be in a row
    [InlineData("Eyüp Belediyesi ile Kağıthane", false)]
    public void A_phrase_matches_its_words_in_a_row(string title, bool expected) =>
        Assert.Equal(expected, Rules(("Kağıthane Belediyesi", null)).Match(title).Any);

    [Theory]
    [InlineData("Yeni park açıldı", true)]
    [InlineData("Park'ta konser", true)]
    [InlineData("Salona parke döşendi", false)]
    [InlineData("Parkur yenilendi", false)]
    [InlineData("Otopark sorunu", false)]
    public void Only_whole_words_match(string title, bool expected) =>
        Assert.Equal(expected, Rules(("park", null)).Match(title).Any);

    [Theory]
    [InlineData("Belediyesi'nin açıklaması", true)]
    [InlineData("Belediye meclisi", true)]
    [InlineData("Belediyeciler toplandı", true)]
    [InlineData("Beledi olarak", false)]
    public void A_trailing_star_accepts_any_ending(string title, bool expected) =>
        Assert.Equal(expected, Rules(("Belediye*", null)).Match(title).Any);

    [Theory]
    [InlineData("Çağlayan Mahallesi'nde yeni kreş", true)]
    [InlineData("Çağlayan Adliyesi'nde duruşma ertelendi", false)]
    [InlineData("ÇAĞLAYAN ADLİYESİ ÖNÜNDE", false)]
    [InlineData("Çağlayan'da adliye önünde eylem", false)]
    public void An_exclusion_word_vetoes_the_rule(string title, bool expected) =>
        Assert.Equal(expected, Rules(("Çağlayan", "Çağlayan Adliyesi\nadliye")).Match(title).Any);

    [Fact]
    public void Every_matching_rule_is_named_and_relates_its_directorate()
    {
        var matcher = new KeywordMatcher([
            new KeywordRuleSpec(1, "Belediye adı", "Kağıthane Belediyesi", null, null),
            new KeywordRuleSpec(2, "Kağıthane Deresi", "Kağıthane Deresi", null, 7),
            new KeywordRuleSpec(3, "Başkan", "Başkan Dereli", null, 3),
        ]);

        var match = matcher.Match("Kağıthane Belediyesi Kağıthane Deresi'ni temizliyor", "Çalışmayı belediye ekipleri yürütüyor.");

        Assert.Equal("Belediye adı; Kağıthane Deresi", match.Names);
        Assert.Equal([7], match.DirectorateIds);
    }

    [Fact]
    public void The_summary_counts_as_well_as_the_title() =>
        Assert.True(Rules(("Başkan Dereli", null)).Match("Muhtarlar toplantısı yapıldı", "Toplantıya BAŞKAN DERELİ de katıldı.").Any);

    [Fact]
    public void Blank_rules_never_match_anything()
    {
        var matcher = Rules((" \n , ", null));

        Assert.Equal(0, matcher.RuleCount);
        Assert.False(matcher.Match("Kağıthane").Any);
    }

    [Fact]
    public void Words_fold_and_split_like_the_search_column()
    {
        Assert.Equal(["kagithane", "de", "yeni", "park"], TurkishText.Words("Kağıthane'de YENİ park!"));
        Assert.Equal(["kagithane", "de"], TurkishText.Words("Kağıthane’de"));
        Assert.Equal("cafe istanbul", TurkishText.Key("Café  İstanbul"));
    }
}
