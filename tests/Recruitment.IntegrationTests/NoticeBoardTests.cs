namespace Recruitment.IntegrationTests;

/// <summary>The notice board: announcements by the center and the PHC, public, newest first, attachments with their checksum.</summary>
[Collection(FoundationCollection.Name)]
public sealed class NoticeBoardTests(RecruitmentApp app)
{
    [Fact]
    public async Task Announcements_are_public_newest_first_between_publish_and_expiry_and_attachments_carry_their_checksum()
    {
        var now = app.Clock.GetUtcNow();
        var tag = Guid.NewGuid().ToString("N")[..8];
        using var center = await app.SignedInAsync("t-center");
        using var phc = await app.SignedInAsync("t-phc");
        var older = await (await center.PostAsJsonAsync("/api/publications/announcements",
            new { title = $"报名通知 {tag}", body = "附件：助理全科医生培训报名表（附件3）", publishAt = now.AddHours(-2) })).JsonAsync();
        await (await phc.PostAsJsonAsync("/api/publications/announcements",
            new { title = $"招收简章发布 {tag}", body = "各基地招收简章", publishAt = now.AddHours(-1) })).ShouldBeSuccessAsync();
        await (await center.PostAsJsonAsync("/api/publications/announcements",
            new { title = $"未来 {tag}", body = "not yet", publishAt = now.AddDays(1) })).ShouldBeSuccessAsync();
        await (await center.PostAsJsonAsync("/api/publications/announcements",
            new { title = $"过期 {tag}", body = "gone", publishAt = now.AddDays(-3), expireAt = now.AddDays(-2) })).ShouldBeSuccessAsync();

        var form = "%PDF-1.4 blank Att3 form"u8.ToArray();
        using var content = new ByteArrayContent(form);
        content.Headers.ContentType = new("application/pdf");
        var id = older.GetProperty("id").GetGuid();
        var attached = await (await center.PutAsync($"/api/publications/announcements/{id}/attachments/att3.pdf", content)).JsonAsync();
        var sha = Convert.ToHexStringLower(SHA256.HashData(form));
        attached.GetProperty("sha256").GetString().ShouldBe(sha);

        using var anonymous = app.Anonymous();
        var board = await (await anonymous.GetAsync("/api/publications/announcements?pageSize=100")).JsonAsync();
        var titles = board.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("title").GetString()).Where(t => t!.EndsWith(tag, StringComparison.Ordinal)).ToList();
        titles.ShouldBe([$"招收简章发布 {tag}", $"报名通知 {tag}"]);

        var download = await anonymous.GetAsync($"/api/publications/announcements/{id}/attachments/{attached.GetProperty("id").GetGuid()}");
        download.StatusCode.ShouldBe(HttpStatusCode.OK);
        download.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        (await download.Content.ReadAsByteArrayAsync()).ShouldBe(form);
        download.Headers.GetValues("X-Content-SHA256").Single().ShouldBe(sha);
    }

    [Fact]
    public async Task Only_the_center_and_the_PHC_post_and_bad_input_is_refused()
    {
        using var b01 = await app.SignedInAsync("t-b01");
        (await b01.PostAsJsonAsync("/api/publications/announcements", new { title = "x", body = "y" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        using var anonymous = app.Anonymous();
        (await anonymous.PostAsJsonAsync("/api/publications/announcements", new { title = "x", body = "y" })).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        using var center = await app.SignedInAsync("t-center");
        await (await center.PostAsJsonAsync("/api/publications/announcements", new { title = "", body = "y" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "announcement.invalid");
        var created = await (await center.PostAsJsonAsync("/api/publications/announcements", new { title = "t", body = "b" })).JsonAsync();
        using var script = new StringContent("<script>");
        script.Headers.ContentType = new("text/html");
        await (await center.PutAsync($"/api/publications/announcements/{created.GetProperty("id").GetGuid()}/attachments/x.html", script))
            .ShouldBeProblemAsync(HttpStatusCode.UnsupportedMediaType, "attachment.unsupported_type");
    }
}
