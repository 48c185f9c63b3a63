using System.Text;
using Intranet.Core.Press.Feeds;

namespace Intranet.Tests.Press;

public class FeedParserTests
{
    private static readonly Uri Base = new("https://halichaber.example/rss");

    private static FeedReadResult ParseUtf8(string xml, string? charset = null, Uri? baseUri = null) =>
        FeedParser.Parse(Encoding.UTF8.GetBytes(xml), charset, baseUri ?? Base);

    [Fact]
    public void Rss20_items_are_read_and_a_repeated_guid_counts_once()
    {
        var feed = ParseUtf8(FeedFixtures.Rss20);

        Assert.Null(feed.Error);
        Assert.Equal(8, feed.Items.Count);
        Assert.Equal(1, feed.Duplicates);
        Assert.Equal("Kağıthane Belediyesi Gültepe'de yeni park açtı", feed.Items[0].Title);
        Assert.Equal("halic-1001", feed.Items[0].Guid);
    }

    [Fact]
    public void Html_in_cdata_becomes_plain_text_without_scripts_or_styles()
    {
        var summary = ParseUtf8(FeedFixtures.Rss20).Items[0].Summary!;

        Assert.Equal("Kağıthane Belediyesi, Gültepe Mahallesi'nde 4 bin metrekarelik parkı hizmete açtı.", summary);
        Assert.DoesNotContain("<", summary);
        Assert.DoesNotContain("alert", summary);
        Assert.DoesNotContain("color", summary);
    }

    [Fact]
    public void Twice_escaped_html_and_html_entities_xml_does_not_know_are_decoded()
    {
        var item = ParseUtf8(FeedFixtures.Rss20).Items.Single(i => i.Guid == "halic-1007");

        Assert.Equal("Kağıthane Deresi temizleniyor", item.Title);
        Assert.Equal("Çift kaçışlı açıklama & bir de özel karakter – tire.", item.Summary);
    }

    [Fact]
    public void Images_come_from_media_content_then_enclosures()
    {
        var items = ParseUtf8(FeedFixtures.Rss20).Items;

        Assert.Equal("https://halichaber.example/img/1001.jpg", items.Single(i => i.Guid == "halic-1001").ImageUrl);
        Assert.Equal("https://halichaber.example/img/1008.jpg", items.Single(i => i.Guid == "halic-1008").ImageUrl);
    }

    [Fact]
    public void A_javascript_link_is_dropped_and_tracking_links_are_kept_as_given()
    {
        var items = ParseUtf8(FeedFixtures.Rss20).Items;

        Assert.Null(items.Single(i => i.Guid == "halic-1008").Link);
        Assert.StartsWith("https://halichaber.example/haber/1001-kagithane-park?utm_source=rss", items[0].Link);
    }

    [Fact]
    public void Dates_in_every_dialect_are_read_and_an_unreadable_one_costs_only_its_own_item()
    {
        var feed = ParseUtf8(FeedFixtures.Rss20);
        DateTime? At(string guid) => feed.Items.Single(i => i.Guid == guid).PublishedAt;

        Assert.Equal(new DateTime(2026, 11, 24, 6, 15, 0, DateTimeKind.Utc), At("halic-1001"));
        Assert.Equal(new DateTime(2026, 11, 24, 11, 30, 0, DateTimeKind.Utc), At("https://halichaber.example/haber/1002"));
        Assert.Equal(new DateTime(2026, 11, 24, 13, 45, 0, DateTimeKind.Utc), At("halic-1003")); // no zone: Istanbul
        Assert.Null(At("halic-1004"));
        Assert.Equal(new DateTime(2026, 11, 24, 4, 0, 0, DateTimeKind.Utc), At("halic-1005"));
        Assert.Equal(new DateTime(2026, 11, 24, 6, 0, 0, DateTimeKind.Utc), At("halic-1006"));
        Assert.Equal(new DateTime(2026, 11, 24, 8, 0, 0, DateTimeKind.Utc), At("halic-1008"));
        Assert.Contains(feed.Warnings, w => w.Contains("dün akşam") && w.Contains("Ankara'da kar yağışı"));
    }

    [Fact]
    public void Atom_entries_resolve_relative_links_and_strip_escaped_html()
    {
        var feed = ParseUtf8(FeedFixtures.Atom, baseUri: new Uri("https://marmaragundem.example/rss/atom.xml"));

        Assert.Null(feed.Error);
        Assert.Equal(2, feed.Items.Count);
        var first = feed.Items[0];
        Assert.Equal("Kağıthane Belediyesi kreş açtı", first.Title);
        Assert.Equal("https://marmaragundem.example/haber/kres-acildi", first.Link);
        Assert.Equal("Çağlayan Mahallesi'nde kreş hizmete girdi.", first.Summary);
        Assert.Equal(new DateTime(2026, 11, 24, 8, 30, 0, DateTimeKind.Utc), first.PublishedAt);
        Assert.Equal("https://marmaragundem.example/kres.jpg", first.ImageUrl);
        Assert.Equal("İSKİ çalışması nedeniyle 6 saatlik kesinti.", feed.Items[1].Summary);
        Assert.Equal(new DateTime(2026, 11, 24, 5, 0, 0, DateTimeKind.Utc), feed.Items[1].PublishedAt);
    }

    [Theory]
    [InlineData("windows-1254", null)]
    [InlineData("windows-1254", "utf-8")]       // the server claims UTF-8 over windows-1254 bytes
    [InlineData("ISO-8859-9", null)]
    [InlineData("ISO-8859-9", "iso-8859-1")]    // a Latin-1 default from the web server
    public void Turkish_code_pages_declared_in_the_prolog_are_decoded_whatever_the_http_charset_says(string encoding, string? httpCharset)
    {
        var bytes = FeedFixtures.Encode(FeedFixtures.TurkishRss(encoding), encoding);

        var feed = FeedParser.Parse(bytes, httpCharset);

        Assert.Null(feed.Error);
        Assert.Equal(FeedFixtures.TurkishTitle, feed.Items.Single().Title);
        Assert.Contains("ı, İ, ş, Ş, ğ, Ğ", feed.Items.Single().Summary);
    }

    [Fact]
    public void Windows_1254_bytes_with_no_declaration_anywhere_are_not_read_as_broken_utf8()
    {
        var xml = FeedFixtures.TurkishRss("x").Replace(" encoding=\"x\"", "");
        var feed = FeedParser.Parse(FeedFixtures.Encode(xml, "windows-1254"), httpCharset: null);

        Assert.Equal(FeedFixtures.TurkishTitle, feed.Items.Single().Title);
    }

    [Fact]
    public void A_utf8_byte_order_mark_is_honoured()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(FeedFixtures.TurkishRss("utf-8"))).ToArray();

        Assert.Equal(FeedFixtures.TurkishTitle, FeedParser.Parse(bytes, "windows-1254").Items.Single().Title);
    }

    [Fact]
    public void A_cut_off_feed_reports_the_fault_and_keeps_the_items_before_it()
    {
        var feed = ParseUtf8(FeedFixtures.Truncated);

        Assert.NotNull(feed.Error);
        Assert.Contains("Akış bozuk", feed.Error);
        Assert.Equal(["Kağıthane Belediyesi meclis toplantısı", "Kağıthane'de yeni otopark"], feed.Items.Select(i => i.Title));
    }

    [Fact]
    public void An_html_page_is_not_a_feed()
    {
        var feed = ParseUtf8(FeedFixtures.HtmlPage);

        Assert.Empty(feed.Items);
        Assert.Contains("RSS/Atom akışı değil", feed.Error);
    }

    [Fact]
    public void Control_characters_and_bare_ampersands_do_not_break_the_feed()
    {
        var xml = FeedFixtures.Rss(("Kağıthane & Eyüp ortak proje", "a1")).Replace("&amp;", "&") .Replace("ortak", "ortak\u0001\u000B");

        var feed = ParseUtf8(xml);

        Assert.Null(feed.Error);
        Assert.Equal("Kağıthane & Eyüp ortak proje", feed.Items.Single().Title);
    }

    [Fact]
    public void An_item_without_title_takes_its_summary_and_one_without_either_is_skipped_with_a_warning()
    {
        const string xml = """
            <rss version="2.0"><channel>
              <item><description>Kağıthane Belediyesi yeni kütüphane için temel attı; tören Hamidiye'de yapıldı.</description><guid>t1</guid></item>
              <item><guid>t2</guid></item>
            </channel></rss>
            """;

        var feed = ParseUtf8(xml);

        Assert.StartsWith("Kağıthane Belediyesi yeni kütüphane", Assert.Single(feed.Items).Title);
        Assert.Contains(feed.Warnings, w => w.Contains("atlandı"));
    }

    [Fact]
    public void A_doctype_with_entities_is_ignored_and_never_expanded()
    {
        const string xml = """
            <?xml version="1.0"?>
            <!DOCTYPE rss [<!ENTITY boom "BOOM">]>
            <rss version="2.0"><channel><item><title>Kağıthane Belediyesi</title><guid>d1</guid></item></channel></rss>
            """;

        var feed = ParseUtf8(xml);

        Assert.Equal("Kağıthane Belediyesi", Assert.Single(feed.Items).Title);
    }
}
