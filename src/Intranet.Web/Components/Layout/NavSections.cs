using Intranet.Core.Organization;
using Microsoft.AspNetCore.Components.Routing;
using MudBlazor;

namespace Intranet.Web.Components.Layout;

/// <summary>One entry of the side menu. <see cref="Match"/> Prefix also marks the pages under <see cref="Href"/> as current.</summary>
public sealed record NavEntry(string Href, string Label, string Icon = "", NavLinkMatch Match = NavLinkMatch.Prefix)
{
    public bool IsCurrent(string path)
    {
        var href = Href.TrimEnd('/') is { Length: > 0 } h ? h : "/";
        return string.Equals(path, href, StringComparison.OrdinalIgnoreCase)
               || (Match == NavLinkMatch.Prefix && href != "/" && path.StartsWith(href + "/", StringComparison.OrdinalIgnoreCase));
    }
}

/// <summary>A block of the menu shown to those the policy allows; with a <see cref="GroupTitle"/> it folds open and shut.</summary>
public sealed record NavSection(string Policy, IReadOnlyList<NavEntry> Entries, string? GroupTitle = null, string GroupIcon = "",
    bool StartsOpen = false);

/// <summary>The side menu's sections in order: the one place to add a page to the menu.</summary>
public static class NavSections
{
    public static readonly IReadOnlyList<NavSection> All =
    [
        new(Policies.Dashboard, [new("/", "Gösterge Paneli", Icons.Material.Filled.Dashboard, NavLinkMatch.All)]),
        new(Policies.Requests,
        [
            new("/basvurular", "Başvurular", Icons.Material.Filled.SupportAgent, NavLinkMatch.All),
            new("/basvurular/istatistik", "İstatistikler", Icons.Material.Filled.BarChart),
            new("/basvurular/bulten", "Aylık Bülten", Icons.Material.Filled.Summarize),
            new("/basvurular/dis-kurumlar", "Dış Kurumlar", Icons.Material.Filled.ForwardToInbox),
            new("/basvurular/geri-arama", "Memnuniyet Aramaları", Icons.Material.Filled.PhoneCallback),
            new("/ekip", "Mobil Ekip", Icons.Material.Filled.Engineering),
        ]),
        new(Policies.Press,
        [
            new("/basin", "Basın", Icons.Material.Filled.Newspaper, NavLinkMatch.All),
            new("/basin/ozet", "Günlük Basın Özeti", Icons.Material.Filled.Summarize),
            new("/basin/arsiv", "Basın Arşivi", Icons.Material.Filled.ManageSearch),
        ]),
        new(Policies.Calendar,
        [
            new("/takvim", "Takvim", Icons.Material.Filled.CalendarMonth, NavLinkMatch.All),
            new("/takvim/aylik-program", "Aylık program", Icons.Material.Filled.EventNote),
        ]),
        new(Policies.Appointments, [new("/randevular", "Randevular", Icons.Material.Filled.MeetingRoom)]),
        new(Policies.Muhtars,
        [
            new("/muhtarlar", "Muhtarlar", Match: NavLinkMatch.All),
            new("/mahalleler/karne", "Mahalle karnesi"),
            new("/muhtarlar/ziyaretler", "Ziyaret ve toplantılar"),
            new("/muhtarlar/duyurular", "Duyurular"),
        ], "Muhtarlık", Icons.Material.Filled.HolidayVillage),
        new(Policies.Correspondence, [new("/evrak", "Evrak kayıt", Icons.Material.Filled.MoveToInbox)]),
        new(Policies.SisterCities, [new("/kardes-sehirler", "Kardeş şehirler", Icons.Material.Filled.Handshake)]),
        new(Policies.Performance,
        [
            new("/performans", "Performans", Icons.Material.Filled.Insights, NavLinkMatch.All),
            new("/performans/veri-girisi", "Performans veri girişi", Icons.Material.Filled.EditNote),
            new("/performans/rapor", "Faaliyet raporu tablosu", Icons.Material.Filled.TableChart),
            new("/performans/yapi", "Performans yapısı", Icons.Material.Filled.AccountTree),
        ]),
        new(Policies.Wall, [new("/wall", "Duvar Ekranı", Icons.Material.Filled.Tv)]),
        new(Policies.Admin,
        [
            new("/yonetim/kullanicilar", "Kullanıcılar", Icons.Material.Filled.People),
            new("/yonetim/tatiller", "Resmî tatiller", Icons.Material.Filled.EventBusy),
            new("/yonetim/cihazlar", "Duvar ekranı cihazları", Icons.Material.Filled.Devices),
            new("/yonetim/konu-sorulari", "Konu soruları ve uyarıları", Icons.Material.Filled.LiveHelp),
            new("/yonetim/giden-iletiler", "Giden iletiler", Icons.Material.Filled.Outbox),
        ], "Yönetim", Icons.Material.Filled.AdminPanelSettings, StartsOpen: true),
    ];
}
