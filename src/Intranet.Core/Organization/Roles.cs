namespace Intranet.Core.Organization;

/// <summary>App roles; the names are the values of the Entra ID app roles (token claim "roles").</summary>
public static class Roles
{
    public const string Admin = "Admin";
    public const string MayorOffice = "MayorOffice";
    public const string Director = "Director";
    public const string Staff = "Staff";
    public const string Press = "Press";
    public const string WallDisplay = "WallDisplay";

    public static readonly IReadOnlyList<string> All = [Admin, MayorOffice, Director, Staff, Press, WallDisplay];

    public static string DisplayName(string role) => role switch
    {
        Admin => "Sistem Yöneticisi",
        MayorOffice => "Özel Kalem / Başkanlık",
        Director => "Müdür",
        Staff => "Personel",
        Press => "Basın Yayın",
        WallDisplay => "Duvar Ekranı",
        _ => role,
    };
}
