namespace Intranet.Core.Requests;

// What the intake form collects for CİMER applications, secret ihbars and category questions.
public sealed partial class IntakeForm
{
    /// <summary>CİMER's type of the application; required on the CİMER channel, and it decides <see cref="Type"/>.</summary>
    public CimerType? CimerType { get; set; }

    /// <summary>The ihbar's sender asked that their identity be kept secret (<see cref="ConfidentialIdentity"/>).</summary>
    public bool IdentityConfidential { get; set; }

    /// <summary>Answers to the category's extra questions, by question id.</summary>
    public Dictionary<int, string?> Answers { get; set; } = [];
}

/// <summary>The intake rules of the CİMER channel and of secret ihbars (the 4982 rules sit in <see cref="IntakeValidator"/>).</summary>
public static class LegalIntakeRules
{
    public static void Validate(IntakeForm f, Dictionary<string, string> errors)
    {
        if (f.Channel == RequestChannel.Cimer)
        {
            if (f.CimerType is null) errors[nameof(f.CimerType)] = "CİMER başvurusunun CİMER'deki türünü seçin (istek, şikâyet, ihbar, görüş, bilgi edinme, teşekkür).";
            else if (RequestTriageText.RequestTypeOf(f.CimerType.Value) != f.Type)
                errors[nameof(f.Type)] = $"CİMER türü \"{f.CimerType.Value.Name()}\" olan başvurunun türü \"{RequestTriageText.RequestTypeOf(f.CimerType.Value).Name()}\" olmalı.";
        }
        if (f.IdentityConfidential)
        {
            if (f.Type != RequestType.Ihbar)
                errors[nameof(f.IdentityConfidential)] = "Kimliğin gizli tutulması yalnızca ihbarlar için istenebilir.";
            else if (!f.HasCitizen)
                errors[nameof(f.IdentityConfidential)] = "Anonim ihbarda gizlenecek kimlik yok; kimlik bilgisi girin ya da gizlilik seçeneğini kaldırın.";
        }
    }
}
