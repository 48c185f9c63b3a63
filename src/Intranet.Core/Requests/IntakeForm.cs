using Intranet.Core.Common;

namespace Intranet.Core.Requests;

/// <summary>What the intake form collects. Mutable, because the form binds to it and keeps it through a failed save.</summary>
public sealed partial class IntakeForm
{
    public RequestType Type { get; set; } = RequestType.Talep;
    public RequestChannel Channel { get; set; } = RequestChannel.CagriMerkezi;
    public string? CitizenName { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public string? TcKimlikNo { get; set; }
    /// <summary>When false the request is anonymous (an ihbar, say): no citizen record is kept.</summary>
    public bool HasCitizen { get; set; } = true;
    public int? NeighbourhoodId { get; set; }
    /// <summary>The muhtar who brought the request; required when <see cref="Channel"/> is Muhtar.</summary>
    public int? MuhtarId { get; set; }
    public int? CategoryId { get; set; }
    /// <summary>Null means the category's default directorate.</summary>
    public int? DirectorateId { get; set; }
    public string? Text { get; set; }
    public string? Address { get; set; }
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
    public string? ExternalReference { get; set; }
    public List<UploadedFile> Attachments { get; set; } = [];
}

/// <summary>A file the user attached, already read into memory (within <see cref="AttachmentRules.MaxBytes"/>).</summary>
public sealed record UploadedFile(string FileName, string ContentType, byte[] Content);

/// <summary>Which files a request may carry: photos and PDFs, by their actual bytes, not only by their name.</summary>
public static class AttachmentRules
{
    public const long MaxBytes = 10 * 1024 * 1024;
    public const int MaxFiles = 5;
    public static readonly string[] Accept = [".jpg", ".jpeg", ".png", ".webp", ".pdf"];

    /// <summary>A Turkish message for a file that breaks a rule, or null when it is fine.</summary>
    public static string? Check(UploadedFile file)
    {
        if (file.Content.Length == 0) return $"\"{file.FileName}\" boş bir dosya.";
        if (file.Content.Length > MaxBytes)
            return $"\"{file.FileName}\" çok büyük ({file.Content.Length / 1024.0 / 1024.0:N1} MB); en fazla {MaxBytes / 1024 / 1024} MB yüklenebilir.";
        if (KindOf(file.Content) is null)
            return $"\"{file.FileName}\" desteklenmeyen bir dosya türü; yalnızca fotoğraf (JPEG, PNG, WebP) ve PDF yüklenebilir.";
        return null;
    }

    /// <summary>The real content type from the file's first bytes, or null when it is none of the allowed kinds.</summary>
    public static string? KindOf(ReadOnlySpan<byte> b) => b switch
    {
        [0xFF, 0xD8, 0xFF, ..] => "image/jpeg",
        [0x89, 0x50, 0x4E, 0x47, ..] => "image/png",
        [0x52, 0x49, 0x46, 0x46, _, _, _, _, 0x57, 0x45, 0x42, 0x50, ..] => "image/webp",
        [0x25, 0x50, 0x44, 0x46, ..] => "application/pdf",
        _ => null,
    };
}

/// <summary>The intake form's rules, one Turkish message per field.</summary>
public static class IntakeValidator
{
    public static Dictionary<string, string> Validate(IntakeForm f)
    {
        var errors = new Dictionary<string, string>();
        if (f.HasCitizen)
        {
            if (string.IsNullOrWhiteSpace(f.CitizenName) || f.CitizenName.Trim().Length < 3)
                errors[nameof(f.CitizenName)] = "Başvuru sahibinin adını ve soyadını yazın.";
            if (!string.IsNullOrWhiteSpace(f.Phone) && PhoneNumber.Normalize(f.Phone) is null)
                errors[nameof(f.Phone)] = "Telefon numarası geçersiz; 0532 123 45 67 biçiminde yazın.";
            if (!string.IsNullOrWhiteSpace(f.Email) && !EmailAddress.IsValid(f.Email))
                errors[nameof(f.Email)] = "E-posta adresi geçersiz.";
            if (!string.IsNullOrWhiteSpace(f.TcKimlikNo) && !Common.TcKimlikNo.IsValid(f.TcKimlikNo.Trim()))
                errors[nameof(f.TcKimlikNo)] = "T.C. kimlik numarası geçersiz (11 hane ve kontrol haneleri tutmalı).";
            // CİMER answers through CİMER; a muhtar's request is answered to the muhtar.
            if (string.IsNullOrWhiteSpace(f.Phone) && string.IsNullOrWhiteSpace(f.Email) && f.Channel is not (RequestChannel.Cimer or RequestChannel.Muhtar))
                errors.TryAdd(nameof(f.Phone), "Cevap verebilmek için telefon veya e-posta gerekli.");
        }
        if (f.Type == RequestType.BilgiEdinme)
        {
            // Law 4982 art. 6: the application is written or electronic and names the applicant with their TC kimlik
            // no or their home or work address; a phone call is not one.
            if (f.Channel == RequestChannel.CagriMerkezi)
                errors[nameof(f.Channel)] = "Bilgi edinme başvurusu telefonla alınamaz (4982 sayılı Kanun); yazılı veya elektronik başvuru gerekir.";
            if (!f.HasCitizen)
                errors.TryAdd(nameof(f.CitizenName), "Bilgi edinme başvurusu anonim olamaz: başvuranın adı ve soyadı gerekli (4982 md. 6).");
            else if (string.IsNullOrWhiteSpace(f.TcKimlikNo) && string.IsNullOrWhiteSpace(f.Address))
                errors.TryAdd(nameof(f.TcKimlikNo), "Bilgi edinme başvurusu için başvuranın T.C. kimlik numarası veya oturma yeri / iş adresi gerekli (4982 md. 6).");
        }
        LegalIntakeRules.Validate(f, errors);
        if (f.NeighbourhoodId is null) errors[nameof(f.NeighbourhoodId)] = "Mahalle seçin.";
        if (f.Channel == RequestChannel.Muhtar && f.MuhtarId is null)
            errors[nameof(f.MuhtarId)] = "Muhtar kanalından gelen başvuruda başvuruyu getiren muhtarı seçin.";
        if (f.CategoryId is null) errors[nameof(f.CategoryId)] = "Konu (kategori) seçin.";
        if (string.IsNullOrWhiteSpace(f.Text) || f.Text.Trim().Length < 10)
            errors[nameof(f.Text)] = "Başvurunun metnini en az 10 karakter olarak yazın.";
        else if (f.Text.Length > 4000) errors[nameof(f.Text)] = "Başvuru metni en fazla 4000 karakter olabilir.";
        if (f.Latitude is < 35 or > 43 || f.Longitude is < 25 or > 45)
            errors[nameof(f.Latitude)] = "Konum Türkiye sınırları içinde değil.";
        if (f.Channel == RequestChannel.Cimer && string.IsNullOrWhiteSpace(f.ExternalReference))
            errors[nameof(f.ExternalReference)] = "CİMER başvuru numarasını yazın.";
        if (f.Attachments.Count > AttachmentRules.MaxFiles)
            errors[nameof(f.Attachments)] = $"En fazla {AttachmentRules.MaxFiles} dosya eklenebilir.";
        else if (f.Attachments.Select(AttachmentRules.Check).FirstOrDefault(m => m is not null) is { } fileError)
            errors[nameof(f.Attachments)] = fileError;
        return errors;
    }
}
