using Upward.Web.Pages.Evaluation;
using CertificateRow = Upward.Core.Recognition.Certificate;

namespace Upward.Web.Pages.Recognition;

/// <summary>A mentor's certificate and participation record as PDFs, laid out by the evaluation report's writer.</summary>
public static class ParticipationPdf
{
    public static byte[] Certificate(CertificateRow certificate, string programme, string checkLink) =>
        ReportPdf.Write("Certificate of participation",
        [
            ("Reverse mentoring", [
                $"This certifies that {certificate.Name} took part as a mentor in the reverse mentoring programme {programme}, and met its criteria for recognition.",
                $"Issued on {certificate.IssuedAtUtc:d MMMM yyyy}.",
            ]),
            ("Check this certificate", [
                $"Code: {CertificateRow.Grouped(certificate.Code)}",
                $"Anyone can check it at {checkLink}, which shows the name, the programme and the date of issue, and nothing else.",
            ]),
        ]);

    public static byte[] MentorRecord(ParticipationQuery.MentorParticipation record, string programme, DateTime nowUtc)
    {
        var sections = new List<(string, IReadOnlyList<string>)>
        {
            ("About this record", [
                $"Name: {record.Name}",
                $"Programme: {programme}",
                "Role: reverse mentor, giving structured feedback to a more senior colleague.",
                $"Record made on {nowUtc:d MMMM yyyy}. It does not name the person mentored: what is said in sessions is confidential.",
            ]),
            ("Preparation", [
                .. record.Modules.OrderBy(m => m.Position).Select(m => $"Module {m.Position}, {m.Title}: completed with its self-check on {m.CompletedAtUtc:d MMMM yyyy}"),
                record.Modules.Count == 0 ? "No preparation module completed yet." : record.PreparationDone ? "Every module asked of this mentor is complete." : "Some modules asked of this mentor are not yet complete.",
                record.Induction is { } day ? $"Induction attended on {day:d MMMM yyyy}." : "Induction not recorded.",
                $"Group supervision meetings attended: {record.Supervisions}.",
            ]),
            ("Sessions held", record.SessionsHeldAtUtc.Count == 0
                ? ["No session recorded as held yet."]
                : [.. record.SessionsHeldAtUtc.Select((s, i) => $"Session {i + 1}: {s:d MMMM yyyy}")]),
        };
        if (record.Certificate is { } c) sections.Add(("Certificate", [$"Certificate of participation issued on {c.IssuedAtUtc:d MMMM yyyy}, code {CertificateRow.Grouped(c.Code)}."]));
        return ReportPdf.Write("Reverse mentoring: participation record", sections);
    }
}
