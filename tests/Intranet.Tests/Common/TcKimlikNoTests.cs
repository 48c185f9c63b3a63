using Intranet.Core.Common;

namespace Intranet.Tests.Common;

public class TcKimlikNoTests
{
    [Theory]
    [InlineData("10000000146")] // the well-known valid test number
    [InlineData("12345678950")]
    public void Accepts_numbers_whose_check_digits_match(string value) => Assert.True(TcKimlikNo.IsValid(value));

    [Theory]
    [InlineData("10000000147", "last check digit off by one")]
    [InlineData("10000000156", "tenth digit wrong")]
    [InlineData("01234567890", "starts with 0")]
    [InlineData("1000000014", "ten digits")]
    [InlineData("100000001466", "twelve digits")]
    [InlineData("1000000014a", "a letter")]
    [InlineData("", "empty")]
    [InlineData(null, "missing")]
    public void Rejects_invalid_numbers(string? value, string why) => Assert.False(TcKimlikNo.IsValid(value), why);

    [Fact]
    public void Masks_all_but_the_last_two_digits() => Assert.Equal("*********46", TcKimlikNo.Mask("10000000146"));
}
