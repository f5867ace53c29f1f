using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using UglyToad.PdfPig;
using Wolverine;

namespace Recruitment.Examination.Tests;

/// <summary>The exam admission ticket (准考证, EXAM-03, EXAM-04): JSON and PDF, only for a rostered candidate of a published session.</summary>
[Collection(ExaminationCollection.Name)]
public sealed class AdmissionTicketTests(RecruitmentApp app)
{
    private const string Ticket = "/api/examination/me/ticket";
    private const string Sessions = "/api/examination/cycles/2024/sessions";

    [Fact]
    public async Task A_rostered_candidate_gets_a_ticket_with_their_sessions_photo_and_rules_and_its_QR_code_verifies_it()
    {
        app.Clock.Set(2024, 6, 20, 10);
        var (me, accountId) = await ApplicantWithPhotoAsync();

        // Not on a roster (not approved and confirmed on site): no ticket, in JSON or PDF.
        await (await me.GetAsync(Ticket)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "ticket.not_on_roster");
        await (await me.GetAsync(Ticket + ".pdf")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "ticket.not_on_roster");

        var (candidateId, idNumber) = await Candidates.RosteredAsync(app, "B03", applicantId: accountId);
        var room = Guid.NewGuid().ToString("N")[..6];
        var place = $"长春市考点 {room}";
        using (var center = await app.SignedInAsync("t-center"))
            (await center.PostAsJsonAsync(Sessions, new
            {
                track = "RESIDENCY",
                kind = "WRITTEN",
                start = "2024-07-20T09:00:00+08:00",
                end = "2024-07-20T11:30:00+08:00",
                place,
                notes = "携带2B铅笔",
            })).StatusCode.ShouldBe(HttpStatusCode.Created);
        using (var b03 = await app.SignedInAsync("t-b03"))
            (await b03.PostAsJsonAsync(Sessions, new
            {
                track = "RESIDENCY",
                kind = "INTERVIEW",
                baseCode = "B03",
                start = "2024-08-01T14:00:00+08:00",
                end = "2024-08-01T17:00:00+08:00",
                place = "B03 门诊楼 5 楼",
            })).StatusCode.ShouldBe(HttpStatusCode.Created);

        var ticket = await (await me.GetAsync(Ticket)).JsonAsync();
        var number = ticket.GetProperty("ticketNumber").GetString().ShouldNotBeNull();
        number.ShouldStartWith("ZK2024RB03-");
        ticket.GetProperty("candidateId").GetGuid().ShouldBe(candidateId);
        ticket.GetProperty("maskedDocumentNumber").GetString().ShouldBe(idNumber[..6] + "********" + idNumber[^4..]);
        var sessions = ticket.GetProperty("sessions").EnumerateArray().ToList();
        sessions.ShouldContain(s => s.GetProperty("place").GetString() == place && s.GetProperty("kind").GetString() == "WRITTEN");
        sessions.ShouldContain(s => s.GetProperty("baseCode").GetString() == "B03" && s.GetProperty("kind").GetString() == "INTERVIEW");
        sessions.ShouldAllBe(s => s.GetProperty("baseCode").ValueKind == JsonValueKind.Null || s.GetProperty("baseCode").GetString() == "B03",
            "another base's interviews are not on this ticket");
        ticket.GetProperty("rules").GetArrayLength().ShouldBeGreaterThanOrEqualTo(3);

        var response = await me.GetAsync(Ticket + ".pdf");
        await response.ShouldBeSuccessAsync();
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        if (Environment.GetEnvironmentVariable("RECRUITMENT_SAMPLE_DOCUMENTS") is { Length: > 0 } folder)
            await File.WriteAllBytesAsync(Path.Combine(folder, "admission-ticket.pdf"), bytes);
        var pdf = PrintedPdf.Read(bytes);
        pdf.Compact.ShouldContain("准考证");
        pdf.Compact.ShouldContain(number);
        pdf.Compact.ShouldContain("测试");
        // (Noto maps some ideographs to radical twins in the copied text, ADR 0201: the room number identifies the place.)
        pdf.Compact.ShouldContain(room);
        pdf.Compact.ShouldContain("2024-07-20");
        pdf.Compact.ShouldContain("09:00");
        pdf.Compact.ShouldContain("EXAM-03");
        pdf.Compact.ShouldNotContain(idNumber, customMessage: "the ticket masks the ID number");
        // The photo is drawn beside the fields: two images on the first page (photo and QR code).
        using (var document = PdfDocument.Open(bytes))
            document.GetPage(1).GetImages().Count().ShouldBe(2);

        var url = pdf.QrTexts.ShouldHaveSingleItem();
        using var anonymous = app.Anonymous();
        var code = url[(url.LastIndexOf('/') + 1)..];
        var verified = await (await anonymous.GetAsync($"/api/publications/verifications/{code}")).JsonAsync();
        verified.GetProperty("genuine").GetBoolean().ShouldBeTrue();
        verified.GetProperty("holderName").GetString().ShouldBe("测试");
        // A reprint keeps the code.
        PrintedPdf.Read(await (await me.GetAsync(Ticket + ".pdf")).Content.ReadAsByteArrayAsync()).QrTexts.ShouldHaveSingleItem().ShouldBe(url);

        // Staff and anonymous callers have no ticket of their own.
        using var b03Again = await app.SignedInAsync("t-b03");
        (await b03Again.GetAsync(Ticket)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await anonymous.GetAsync(Ticket)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        me.Dispose();
    }

    [Fact]
    public async Task A_withdrawn_candidate_has_no_ticket()
    {
        app.Clock.Set(2024, 6, 20, 10);
        var (me, accountId) = await ApplicantWithPhotoAsync();
        var (candidateId, _) = await Candidates.RosteredAsync(app, "B03", applicantId: accountId);
        await app.Service<IMessageBus>().InvokeAsync(new CandidateWithdrawn(candidateId, 2024, DateTimeOffset.UtcNow.AddMinutes(1)));
        await (await me.GetAsync(Ticket)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "ticket.not_on_roster");
        me.Dispose();
    }

    /// <summary>An applicant account with a photo (Enrollment owns it; the ticket asks for it in process).</summary>
    private async Task<(HttpClient Client, Guid AccountId)> ApplicantWithPhotoAsync()
    {
        var login = TestIds.NewResidentId();
        using (var anonymous = app.Anonymous())
            (await anonymous.PostAsJsonAsync("/api/enrollment/accounts", new { documentNumber = login, password = "Applicant-2024", name = "测试", mobile = "13812345678" }))
                .StatusCode.ShouldBe(HttpStatusCode.Created);
        var me = await app.SignedInAsync(login, "Applicant-2024");
        using (var photo = new ByteArrayContent(TestImages.PadJpeg(TestImages.Jpeg(), 200_000)))
        {
            photo.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
            await (await me.PutAsync("/api/enrollment/me/photo", photo)).ShouldBeSuccessAsync();
        }
        var subject = (await (await me.GetAsync("/api/auth/whoami")).JsonAsync()).GetProperty("subject").GetString();
        return (me, Guid.Parse(subject.ShouldNotBeNull()));
    }
}
