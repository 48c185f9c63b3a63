using Intranet.Core.Common;

namespace Intranet.Tests.Common;

public class PhoneNumberTests
{
    [Theory]
    [InlineData("0532 123 45 67", "05321234567")]
    [InlineData("532 123 4567", "05321234567")]
    [InlineData("+90 (532) 123-45-67", "05321234567")]
    [InlineData("0212 555 12 12", "02125551212")]
    public void Normalises_the_ways_people_write_a_number(string input, string expected) =>
        Assert.Equal(expected, PhoneNumber.Normalize(input));

    [Theory]
    [InlineData("123")]
    [InlineData("00532 123 45 67")]
    [InlineData("abc")]
    [InlineData("")]
    public void Rejects_what_is_not_a_turkish_number(string input) => Assert.Null(PhoneNumber.Normalize(input));

    [Fact]
    public void Masks_the_middle_digits() => Assert.Equal("0532 *** ** 67", PhoneNumber.Mask("05321234567"));
}
