using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Upward.Core.Auditing;
using Upward.Core.Preparation;
using Upward.Core.Programmes;
using Upward.Core.Recognition;
using Upward.Data;
using Upward.Web.Email;
using Upward.Web.Identity;
using Upward.Web.Pages.Preparation;
using Upward.Web.Programmes;
using CertificateRow = Upward.Core.Recognition.Certificate;

namespace Upward.Web.Pages.Recognition;

/// <summary>
/// A mentor's recognition: what the programme's criteria still need, their certificate once met (a PDF
/// with a code anyone can check), and their participation record for a portfolio at any time.
/// </summary>
[Requires(ProgrammeCapability.RecordOwnParticipation)]
public sealed class CertificateModel(UpwardDbContext db, PreparationQueries preparation, ParticipationQuery participation, PublicLinks links, TimeProvider clock, Upward.Web.Programmes.PageLinks pages) : ProgrammePageModel
{
    public ParticipationQuery.MentorParticipation Record { get; private set; } = null!;
    public IReadOnlyList<string> Missing { get; private set; } = [];
    public PreparationSettings Settings { get; private set; } = null!;
    public string? CheckLink => Record.Certificate is { } c ? links.To(pages.Page("/Recognition/Check", new { code = c.Code })) : null;
    private Enrolment _enrolment = null!;

    public IActionResult OnGet() => Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (Missing.Count > 0) return Page();
        if (Record.Certificate is null)
        {
            var certificate = new CertificateRow
            {
                ProgrammeId = ProgrammeId, EnrolmentId = _enrolment.Id, Code = CertificateRow.NewCode(), Name = Record.Name, IssuedAtUtc = clock.GetUtcNow().UtcDateTime,
            };
            await db.WriteAtomicallyAsync(async ct =>
            {
                // Asked twice at once, one certificate is made; the other request finds it.
                if (await db.UpsertAsync([certificate], c => c.EnrolmentId, update: null, ct) == 0) return 0;
                db.Audit(AuditAction.CertificateIssued, User.UserId(), Programme.OrganisationId, ProgrammeId, $"certificate:{certificate.Id}");
                return await db.SaveChangesAsync(ct);
            }, ct);
        }
        return RedirectToPage("/Recognition/Certificate", new { programmeId = ProgrammeId });
    }

    public async Task<IActionResult> OnGetPdfAsync(CancellationToken ct)
    {
        if (Record.Certificate is not { } certificate) return RedirectToPage("/Recognition/Certificate", new { programmeId = ProgrammeId });
        var pdf = ParticipationPdf.Certificate(certificate, Programme.Name, links.To(pages.Page("/Recognition/Check", new { code = certificate.Code })));
        db.Audit(AuditAction.AppraisalEvidenceDownloaded, User.UserId(), Programme.OrganisationId, ProgrammeId, "certificate.pdf");
        await db.SaveChangesAsync(ct);
        return File(pdf, "application/pdf", "certificate.pdf");
    }

    public async Task<IActionResult> OnGetRecordAsync(CancellationToken ct)
    {
        var pdf = ParticipationPdf.MentorRecord(Record, Programme.Name, clock.GetUtcNow().UtcDateTime);
        db.Audit(AuditAction.AppraisalEvidenceDownloaded, User.UserId(), Programme.OrganisationId, ProgrammeId, "participation-record.pdf");
        await db.SaveChangesAsync(ct);
        return File(pdf, "application/pdf", "participation-record.pdf");
    }

    protected internal override async Task<IActionResult?> OnEnteredAsync(CancellationToken ct)
    {
        var enrolment = await preparation.MyEnrolmentAsync(ProgrammeId, User.UserId(), ProgrammeRole.Mentor, ct);
        if (enrolment is null) return RedirectToPage("/People/Consent", new { programmeId = ProgrammeId });
        _enrolment = enrolment;
        Record = await participation.MentorAsync(Programme, enrolment, ct);
        Settings = await preparation.SettingsAsync(ProgrammeId, ct);
        Missing = CertificateCriteria.Missing(Settings, Record.Record);
        return null;
    }
}
