using Intranet.Core.Common;

namespace Intranet.Tests.Common;

public class TurkishTextTests
{
    [Theory]
    [InlineData("İnönü")]
    [InlineData("İNÖNÜ")]
    [InlineData("inonu")]
    [InlineData("Inonu")]
    [InlineData("INONU")]
    public void Folds_every_spelling_of_a_name_to_one_key(string spelling) => Assert.Equal("inonu", TurkishText.Fold(spelling));

    [Fact]
    public void Folds_all_turkish_letters() => Assert.Equal("cagsiogsu cgiiosu", TurkishText.Fold("çağşıöğşü ÇĞIİÖŞÜ"));

    [Fact]
    public void Upper_and_lower_case_keep_the_dotted_and_dotless_i()
    {
        Assert.Equal("İSTANBUL", TurkishText.ToUpper("istanbul"));
        Assert.Equal("ıspanak", TurkishText.ToLower("ISPANAK"));
    }

    [Fact]
    public void Sorts_in_turkish_alphabetical_order()
    {
        string[] names = ["Şirintepe", "Çağlayan", "Sultan Selim", "Ortabayır", "Çeliktepe", "Cendere", "Öztürk", "Zafer"];
        var sorted = names.OrderBy(n => n, TurkishText.Comparer).ToArray();
        Assert.Equal(["Cendere", "Çağlayan", "Çeliktepe", "Ortabayır", "Öztürk", "Sultan Selim", "Şirintepe", "Zafer"], sorted);
    }
}
