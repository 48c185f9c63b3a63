using Intranet.Core.Requests;
using Intranet.Web.Components.Pages.Requests;
using Microsoft.AspNetCore.WebUtilities;

namespace Intranet.Tests.Requests;

/// <summary>The list's query-string keys: what a statistics link writes is what the list and the exports read.</summary>
public class RequestFilterQueryTests
{
    [Fact]
    public void Writes_every_keyed_field_with_the_agreed_keys()
    {
        var filter = new RequestFilter
        {
            Statuses = [RequestStatus.Yeni, RequestStatus.Islemde],
            DirectorateId = 3, NeighbourhoodId = 12, CategoryId = 7, Channel = RequestChannel.Cimer,
            From = new DateOnly(2026, 1, 5), To = new DateOnly(2026, 11, 30), OverdueOnly = true,
        };

        Assert.Equal("durum=Yeni,Islemde&mudurluk=3&mahalle=12&kategori=7&kanal=Cimer&baslangic=2026-01-05&bitis=2026-11-30&geciken=1",
            RequestFilterQuery.ToQuery(filter));
    }

    [Fact]
    public void Reads_back_what_it_wrote()
    {
        var filter = new RequestFilter
        {
            Statuses = [RequestStatus.Atandi], DirectorateId = 3, NeighbourhoodId = 12, CategoryId = 7, Channel = RequestChannel.MobilEkip,
            From = new DateOnly(2026, 1, 5), To = new DateOnly(2026, 11, 30), OverdueOnly = true,
        };

        var read = RequestFilterQuery.FromQuery(RequestFilterQuery.ToQuery(filter));

        Assert.Equal(filter.Statuses, read.Statuses);
        Assert.Equal(filter with { Statuses = null }, read with { Statuses = null });
    }

    [Fact]
    public void An_empty_filter_asks_the_list_for_every_status_and_a_bare_list_address_means_open_requests()
    {
        Assert.Equal("", RequestFilterQuery.ToQuery(new RequestFilter()));
        Assert.Equal("/basvurular?tumu=1", RequestFilterQuery.ListUrl(new RequestFilter()));
        Assert.Equal("/basvurular?mahalle=4", RequestFilterQuery.ListUrl(new RequestFilter { NeighbourhoodId = 4 }));
        Assert.Equal(new RequestFilter(), RequestFilterQuery.ForList("http://x/basvurular?tumu=1"));
        Assert.True(RequestFilterQuery.ForList("http://x/basvurular").OpenOnly);
    }

    [Fact]
    public void The_lists_own_keys_survive_a_round_trip()
    {
        var filter = new RequestFilter { Type = RequestType.Ihbar, AssigneeId = 12, UnassignedOnly = true, Text = "çukur İnönü" };

        var back = RequestFilterQuery.FromQuery(RequestFilterQuery.ToQuery(filter));

        Assert.Equal(filter, back);
    }

    [Fact]
    public void Open_only_is_written_as_the_open_statuses_which_select_the_same_rows()
    {
        var read = RequestFilterQuery.FromQuery(RequestFilterQuery.ToQuery(new RequestFilter { OpenOnly = true }));

        Assert.Equal(Request.OpenStatuses, read.Statuses);
    }

    [Fact]
    public void Accepts_repeated_status_keys_and_ignores_values_that_do_not_parse()
    {
        var read = RequestFilterQuery.FromQuery(QueryHelpers.ParseQuery(
            "?durum=yeni&durum=Kapandi,bilinmez,99&mudurluk=abc&mahalle=-1&kanal=5&baslangic=31.12.2026&bitis=2026-02-30&geciken=evet"));

        Assert.Equal([RequestStatus.Yeni, RequestStatus.Kapandi], read.Statuses);
        Assert.Equal(new RequestFilter(), read with { Statuses = null });
    }
}
