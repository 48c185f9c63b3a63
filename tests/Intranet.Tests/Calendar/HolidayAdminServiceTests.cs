using Intranet.Core.Calendar;
using Intranet.Core.Common;
using Intranet.Core.Organization;
using Intranet.Tests.Infrastructure;

namespace Intranet.Tests.Calendar;

public class HolidayAdminServiceTests : IDisposable
{
    private readonly SqliteTestDatabase _database = new();

    private (HolidayAdminService Service, WorkingCalendarProvider Calendars) For(UserContext user)
    {
        var calendars = WorkingCalendarProviderFor(_database);
        return (new HolidayAdminService(_database.Factory(user), new FixedCurrentUser(user), calendars), calendars);
    }

    private static WorkingCalendarProvider WorkingCalendarProviderFor(SqliteTestDatabase db) => new(async ct =>
    {
        await using var context = db.Create(UserContext.System);
        return context.PublicHolidays.ToList();
    });

    [Fact]
    public async Task Admin_generates_a_new_year_from_the_two_bayram_dates_and_the_calendar_follows()
    {
        var (service, calendars) = For(TestUsers.As(Roles.Admin));
        var before = await calendars.GetAsync();
        Assert.True(before.IsWorkingDay(new DateOnly(2028, 2, 28)));

        // 2028: Ramazan Bayramı from Sat 26 Feb (arife Fri 25 Feb, half day), Kurban Bayramı from Fri 5 May.
        var added = await service.GenerateYearAsync(2028, new DateOnly(2028, 2, 26), new DateOnly(2028, 5, 5));

        var after = await calendars.GetAsync();
        Assert.True(added >= 15);
        Assert.False(after.IsWorkingDay(new DateOnly(2028, 2, 28)));   // Monday, third day of Ramazan Bayramı
        Assert.True(after.IsHalfDay(new DateOnly(2028, 2, 25)));       // arife
        await Assert.ThrowsAsync<ValidationException>(() => service.GenerateYearAsync(2028, new DateOnly(2028, 2, 26), new DateOnly(2028, 5, 5)));
    }

    [Fact]
    public async Task A_single_day_can_be_added_and_removed_and_duplicates_are_refused()
    {
        var (service, calendars) = For(TestUsers.As(Roles.Admin));
        var bridge = new DateOnly(2029, 10, 29);
        await service.AddAsync(bridge, "Cumhuriyet Bayramı", false);
        Assert.False((await calendars.GetAsync()).IsWorkingDay(bridge));
        var error = await Assert.ThrowsAsync<ValidationException>(() => service.AddAsync(bridge, "Yine", false));
        Assert.Contains("zaten", error.Message);

        await service.DeleteAsync((await service.ListAsync(2029)).Single().Id);
        Assert.True((await calendars.GetAsync()).IsWorkingDay(bridge));
    }

    [Theory]
    [InlineData(Roles.Staff)]
    [InlineData(Roles.Director)]
    [InlineData(Roles.MayorOffice)]
    public async Task Only_admin_edits_the_holiday_table(string role)
    {
        var (service, _) = For(TestUsers.As(role, 1));
        await Assert.ThrowsAsync<AccessDeniedException>(() => service.AddAsync(new DateOnly(2029, 1, 2), "Keyfî tatil", false));
    }

    public void Dispose() => _database.Dispose();
}
