using System.Text;
using Intranet.Core.Press.Feeds;

namespace Intranet.Tests.Press;

/// <summary>
/// Feeds written for the tests, reproducing what Turkish news sites serve: RSS 2.0 with HTML in CDATA, media:content,
/// repeated guids and every kind of date; windows-1254 and ISO-8859-9 bytes declared only in the prolog; Atom with
/// escaped HTML and relative links; a feed cut off in the middle.
/// </summary>
public static class FeedFixtures
{
    public const string MediaNs = "http://search.yahoo.com/mrss/";

    /// <summary>A typical Turkish local news site: nine items, one guid twice, dates in five dialects, one unreadable.</summary>
    public const string Rss20 = """
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
        <channel>
          <title>Haliç Haber – Son Dakika</title>
          <link>https://halichaber.example/</link>
          <description>İstanbul yerel haberleri</description>
          <image><title>Haliç Haber</title><url>https://halichaber.example/logo.png</url></image>
          <item>
            <title><![CDATA[Kağıthane Belediyesi Gültepe'de yeni park açtı]]></title>
            <link>https://halichaber.example/haber/1001-kagithane-park?utm_source=rss&amp;utm_medium=feed</link>
            <description><![CDATA[<p><img src="https://halichaber.example/img/1001-kucuk.jpg" /><strong>Kağıthane Belediyesi</strong>, Gültepe Mahallesi'nde 4 bin metrekarelik parkı hizmete açtı.</p><script>alert('x')</script><style>p{color:red}</style>]]></description>
            <pubDate>Tue, 24 Nov 2026 09:15:00 +0300</pubDate>
            <guid isPermaLink="false">halic-1001</guid>
            <media:content url="https://halichaber.example/img/1001.jpg" medium="image" width="800" height="450" />
            <category>Yerel</category>
          </item>
          <item>
            <title>Kağıthane Belediyesi Gültepe'de yeni park açtı</title>
            <link>https://halichaber.example/haber/1001-kagithane-park</link>
            <description>Aynı haber, akışta ikinci kez.</description>
            <pubDate>Tue, 24 Nov 2026 09:15:00 +0300</pubDate>
            <guid isPermaLink="false">halic-1001</guid>
          </item>
          <item>
            <title>Seyrantepe'de trafik düzenlemesi</title>
            <link>https://halichaber.example/haber/1002</link>
            <description>Yol çalışması nedeniyle bazı sokaklar tek yön oldu.</description>
            <pubDate>24 Kas 2026 14:30:00 GMT+3</pubDate>
            <guid>https://halichaber.example/haber/1002</guid>
          </item>
          <item>
            <title>Başkan Dereli muhtarlarla buluştu</title>
            <link>https://halichaber.example/haber/1003</link>
            <description>Muhtarlar toplantısında mahallelerin talepleri konuşuldu.</description>
            <pubDate>Salı, 24 Kasım 2026 16:45</pubDate>
            <guid>halic-1003</guid>
          </item>
          <item>
            <title>Ankara'da kar yağışı</title>
            <link>https://halichaber.example/haber/1004</link>
            <description>Başkentte kar kalınlığı 10 santimetreyi buldu.</description>
            <pubDate>dün akşam</pubDate>
            <guid>halic-1004</guid>
          </item>
          <item>
            <title>Kağıthane'de kış tatbikatı</title>
            <link>https://halichaber.example/haber/1005</link>
            <description>Ekipler tuzlama araçlarıyla tatbikat yaptı.</description>
            <pubDate>Tue, 24 Nov 2026 07:00:00 EEST</pubDate>
            <guid>halic-1005</guid>
          </item>
          <item>
            <title>Çağlayan Adliyesi'nde yoğunluk</title>
            <link>https://halichaber.example/haber/1006</link>
            <description>Adliye önünde uzun kuyruklar oluştu.</description>
            <pubDate>Tue, 24 Nov 2026 06:00:00 GMT</pubDate>
            <guid>halic-1006</guid>
          </item>
          <item>
            <title>Kağıthane Deresi&nbsp;temizleniyor</title>
            <link>https://halichaber.example/haber/1007</link>
            <description>&amp;lt;b&amp;gt;Çift kaçışlı&amp;lt;/b&amp;gt; açıklama &amp; bir de &ouml;zel karakter &#8211; tire.</description>
            <pubDate>Tue, 24 Nov 2026 10:00 +0300</pubDate>
            <guid>halic-1007</guid>
          </item>
          <item>
            <title>Kağıthane'de fotoğraf sergisi</title>
            <link>javascript:alert(1)</link>
            <description>Sergi Kent Müzesi'nde açıldı.</description>
            <pubDate>24 Nov 26 11:00 +0300</pubDate>
            <guid isPermaLink="false">halic-1008</guid>
            <enclosure url="https://halichaber.example/img/1008.jpg" type="image/jpeg" length="12345" />
          </item>
        </channel>
        </rss>
        """;

    /// <summary>An Atom feed: escaped HTML, a relative link, ISO dates with and without a zone.</summary>
    public const string Atom = """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom" xmlns:media="http://search.yahoo.com/mrss/">
          <title>Marmara Gündem</title>
          <id>tag:marmaragundem.example,2026:feed</id>
          <updated>2026-11-24T12:00:00+03:00</updated>
          <entry>
            <title type="html">Kağıthane Belediyesi &lt;em&gt;kreş&lt;/em&gt; açtı</title>
            <link rel="alternate" type="text/html" href="/haber/kres-acildi" />
            <link rel="enclosure" href="https://marmaragundem.example/video.mp4" />
            <id>tag:marmaragundem.example,2026:5001</id>
            <published>2026-11-24T11:30:00+03:00</published>
            <updated>2026-11-24T11:45:00+03:00</updated>
            <summary type="html">&lt;p&gt;Çağlayan Mahallesi'nde &lt;a href="x"&gt;kreş&lt;/a&gt; hizmete girdi.&lt;/p&gt;</summary>
            <media:thumbnail url="https://marmaragundem.example/kres.jpg" />
          </entry>
          <entry>
            <title>Nurtepe'de su kesintisi</title>
            <link href="https://marmaragundem.example/haber/su-kesintisi" />
            <id>tag:marmaragundem.example,2026:5002</id>
            <updated>2026-11-24T08:00:00</updated>
            <content type="html">&lt;div&gt;İSKİ çalışması nedeniyle 6 saatlik kesinti.&lt;/div&gt;</content>
          </entry>
        </feed>
        """;

    /// <summary>Turkish letters that only a Turkish code page gets right; the prolog names the encoding.</summary>
    public static string TurkishRss(string encodingName) => $"""
        <?xml version="1.0" encoding="{encodingName}"?>
        <rss version="2.0"><channel><title>Kağıthane Postası</title>
          <item>
            <title>Şişli ve Kağıthane'de ığdır çöğüş: İŞÇİ ÖĞÜNÜ</title>
            <link>https://kagithanepostasi.example/haber/7</link>
            <description>Çağlayan'da güzel bir gün; ı, İ, ş, Ş, ğ, Ğ harfleri doğru okunmalı.</description>
            <pubDate>Tue, 24 Nov 2026 09:15:00 +0300</pubDate>
          </item>
        </channel></rss>
        """;

    public const string TurkishTitle = "Şişli ve Kağıthane'de ığdır çöğüş: İŞÇİ ÖĞÜNÜ";

    /// <summary>Two good items, then the document stops in the middle of the third.</summary>
    public const string Truncated = """
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0"><channel><title>Yarım</title>
          <item><title>Kağıthane Belediyesi meclis toplantısı</title><link>https://yarim.example/1</link><pubDate>Tue, 24 Nov 2026 09:00:00 +0300</pubDate></item>
          <item><title>Kağıthane'de yeni otopark</title><link>https://yarim.example/2</link><pubDate>Tue, 24 Nov 2026 09:30:00 +0300</pubDate></item>
          <item><title>Kağıthane'de yarım kalan
        """;

    public const string HtmlPage = "<!DOCTYPE html><html><head><title>Haber</title></head><body><p>Bu bir akış değil.</p></body></html>";

    /// <summary>A feed of the given items (title, link, guid), for the poller tests; the guid doubles as the link's id.</summary>
    public static string Rss(params (string Title, string Guid)[] items) => RssAt(new DateTimeOffset(2026, 11, 24, 9, 15, 0, TimeSpan.FromHours(3)), items);

    /// <summary>The same, every item published at <paramref name="at"/> (RFC 822).</summary>
    public static string RssAt(DateTimeOffset at, params (string Title, string Guid)[] items)
    {
        var date = at.ToString("ddd, dd MMM yyyy HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture) + " " + (at.Offset < TimeSpan.Zero ? "-" : "+") + at.Offset.ToString("hhmm");
        var sb = new StringBuilder("""<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Test</title>""");
        foreach (var (title, guid) in items)
            sb.Append($"<item><title>{System.Security.SecurityElement.Escape(title)}</title><link>https://feed.example/haber/{guid}</link>")
              .Append($"<description>{System.Security.SecurityElement.Escape(title)} – ayrıntılar haberde.</description>")
              .Append($"<pubDate>{date}</pubDate><guid>{guid}</guid></item>");
        return sb.Append("</channel></rss>").ToString();
    }

    public static byte[] Encode(string xml, string encodingName)
    {
        _ = FeedEncoding.Turkish; // registers the code-page provider
        return System.Text.Encoding.GetEncoding(encodingName).GetBytes(xml);
    }
}
