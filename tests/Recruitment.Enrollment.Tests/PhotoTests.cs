using System.Net.Http.Headers;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Recruitment.Enrollment.Features.Profile;
using static Recruitment.Testing.TestImages;

namespace Recruitment.Enrollment.Tests;

/// <summary>ENR-11: the applicant's photo, 153,600 to 307,200 bytes, JPEG or PNG, stored without its metadata.</summary>
[Collection(EnrollmentCollection.Name)]
public sealed class PhotoTests(RecruitmentApp app)
{
    private const string Route = "/api/enrollment/me/photo";
    private const string Password = "Applicant-2024";
    private const int Min = 153_600, Max = 307_200;

    private async Task<HttpClient> NewApplicantAsync(bool streaming = false)
    {
        var id = TestIds.NewResidentId();
        using var anonymous = app.Anonymous();
        var registered = await anonymous.PostAsJsonAsync("/api/enrollment/accounts",
            new { documentNumber = id, password = Password, name = "张三", mobile = "13812345678" });
        await registered.ShouldBeSuccessAsync();
        if (!streaming) return await app.SignedInAsync(id, Password);
        // The default test client buffers every request body (to replay it on redirects); this one streams it.
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await app.TokenAsync(id, Password));
        return client;
    }

    private static async Task<HttpResponseMessage> PutAsync(HttpClient client, byte[] body, string contentType = "image/jpeg")
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return await client.PutAsync(Route, content);
    }

    private static byte[] Sized(string format, int size) =>
        format == "jpeg" ? PadJpeg(Jpeg(), size) : PadPng(Png(), size);

    [Theory]
    [InlineData("jpeg", Min)]
    [InlineData("jpeg", Max)]
    [InlineData("png", Min)]
    [InlineData("png", Max)]
    public async Task A_photo_at_either_size_bound_is_accepted_and_served_back_ENR_11(string format, int size)
    {
        using var applicant = await NewApplicantAsync();
        var upload = Sized(format, size);
        upload.Length.ShouldBe(size);

        var view = await (await PutAsync(applicant, upload, $"image/{format}")).JsonAsync();
        view.GetProperty("uploadedSize").GetInt32().ShouldBe(size);
        view.GetProperty("contentType").GetString().ShouldBe($"image/{format}");
        view.GetProperty("fileName").GetString()!.ShouldEndWith(format == "jpeg" ? ".jpg" : ".png");

        var response = await applicant.GetAsync(Route);
        await response.ShouldBeSuccessAsync();
        response.Content.Headers.ContentType!.MediaType.ShouldBe($"image/{format}");
        var stored = await response.Content.ReadAsByteArrayAsync();
        view.GetProperty("storedSize").GetInt32().ShouldBe(stored.Length);
        view.GetProperty("sha256").GetString().ShouldBe(Convert.ToHexStringLower(SHA256.HashData(stored)));
        if (format == "png")
            stored.ShouldBe(upload, "a private chunk is not metadata: the PNG is kept byte for byte");
        else
            stored.ShouldBe(Jpeg(), "the COM padding is metadata and is stripped; the picture's bytes remain");
        Pixels(stored).ShouldBe(Pixels(upload));
    }

    [Theory]
    [InlineData("jpeg", Min - 1)]
    [InlineData("jpeg", Max + 1)]
    [InlineData("png", Min - 1)]
    [InlineData("png", Max + 1)]
    public async Task A_photo_one_byte_outside_the_bounds_is_refused_ENR_11(string format, int size)
    {
        using var applicant = await NewApplicantAsync();
        var problem = await (await PutAsync(applicant, Sized(format, size), $"image/{format}"))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "photo.size_out_of_range");
        var detail = problem.GetProperty("detail").GetString()!;
        detail.ShouldContain("153,600");
        detail.ShouldContain("307,200");
        problem.GetProperty("minBytes").GetInt32().ShouldBe(Min);
        problem.GetProperty("maxBytes").GetInt32().ShouldBe(Max);
        await (await applicant.GetAsync(Route)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "photo.not_found");
    }

    [Fact]
    public async Task An_oversized_body_of_unknown_length_is_refused_without_reading_it_all_ENR_11()
    {
        using var applicant = await NewApplicantAsync(streaming: true);
        var body = new StallingStream(servedBeforeStall: 1024 * 1024);
        using var content = new StreamContent(body); // no Content-Length: sent chunked
        content.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        // The body stalls after 1 MB: a server that read to the end would never answer (the stall then fails the request).
        var response = await applicant.PutAsync(Route, content);
        body.Release();
        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "photo.size_out_of_range");
    }

    [Theory]
    [InlineData("gif")]
    [InlineData("text")]
    public async Task A_file_that_is_neither_jpeg_nor_png_is_refused_whatever_its_content_type_ENR_11(string kind)
    {
        using var applicant = await NewApplicantAsync();
        var body = kind == "gif"
            ? [.. "GIF89a"u8, 0x78, 0x00, 0xA0, 0x00, 0x80, 0x00, 0x00, .. new byte[Min]]
            : Enumerable.Repeat((byte)'a', Min).ToArray();
        await (await PutAsync(applicant, body, "image/jpeg")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "photo.unsupported_format");
    }

    [Fact]
    public async Task The_format_is_read_from_the_bytes_not_the_content_type_ENR_11()
    {
        using var applicant = await NewApplicantAsync();
        var view = await (await PutAsync(applicant, Sized("png", Min + 10), "application/octet-stream")).JsonAsync();
        view.GetProperty("contentType").GetString().ShouldBe("image/png");
        (await applicant.GetAsync(Route)).Content.Headers.ContentType!.MediaType.ShouldBe("image/png");
    }

    [Fact]
    public async Task A_body_with_jpeg_magic_that_is_no_image_is_corrupt_ENR_11()
    {
        using var applicant = await NewApplicantAsync();
        byte[] fake = [0xFF, 0xD8, 0xFF, .. Enumerable.Repeat((byte)0x41, Min)];
        await (await PutAsync(applicant, fake)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "photo.corrupt");
        var truncated = PadPng(Png(), Min + 100)[..^12]; // no IEND
        await (await PutAsync(applicant, truncated, "image/png")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "photo.corrupt");
    }

    [Fact]
    public async Task A_jpeg_carrying_exif_with_gps_is_stored_without_it_ENR_11()
    {
        using var applicant = await NewApplicantAsync();
        var tagged = PadJpeg(WithSegments(Jpeg(), ExifWithGps(), Xmp()), Min + 1_000);
        Contains(tagged, GpsText).ShouldBeTrue();

        var view = await (await PutAsync(applicant, tagged)).JsonAsync();
        view.GetProperty("uploadedSize").GetInt32().ShouldBe(Min + 1_000);

        var stored = await applicant.GetByteArrayAsync(Route);
        Contains(stored, "Exif").ShouldBeFalse();
        Contains(stored, "GPS").ShouldBeFalse();
        Contains(stored, "Changchun").ShouldBeFalse();
        stored.ShouldBe(Jpeg());
        view.GetProperty("storedSize").GetInt32().ShouldBe(stored.Length);
    }

    [Fact]
    public async Task A_refused_upload_leaves_the_previous_photo_in_place_ENR_11()
    {
        using var applicant = await NewApplicantAsync();
        var first = Sized("png", Min + 5);
        await (await PutAsync(applicant, first, "image/png")).ShouldBeSuccessAsync();

        await (await PutAsync(applicant, Sized("jpeg", Max + 1))).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "photo.size_out_of_range");
        await (await PutAsync(applicant, [.. "GIF89a"u8, .. new byte[Min]])).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "photo.unsupported_format");
        await (await PutAsync(applicant, [0xFF, 0xD8, 0xFF, .. new byte[Min]])).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "photo.corrupt");

        (await applicant.GetByteArrayAsync(Route)).ShouldBe(first);
    }

    [Fact]
    public async Task A_new_upload_replaces_the_old_one_ENR_11()
    {
        using var applicant = await NewApplicantAsync();
        var first = await (await PutAsync(applicant, Sized("png", Min), "image/png")).JsonAsync();
        var second = await (await PutAsync(applicant, Sized("jpeg", Max))).JsonAsync();
        second.GetProperty("fileName").GetString().ShouldNotBe(first.GetProperty("fileName").GetString());

        var response = await applicant.GetAsync(Route);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("image/jpeg");
        (await response.Content.ReadAsByteArrayAsync()).ShouldBe(Jpeg());
        response.Content.Headers.ContentDisposition!.FileName.ShouldBe(second.GetProperty("fileName").GetString());
        response.Headers.CacheControl!.Private.ShouldBeTrue();

        // The ETag is the stored file's SHA-256: an unchanged photo is not sent again.
        using var conditional = new HttpRequestMessage(HttpMethod.Get, Route);
        conditional.Headers.IfNoneMatch.Add(response.Headers.ETag!);
        (await applicant.SendAsync(conditional)).StatusCode.ShouldBe(HttpStatusCode.NotModified);
    }

    [Fact]
    public async Task Without_an_upload_there_is_no_photo_ENR_11()
    {
        using var applicant = await NewApplicantAsync();
        await (await applicant.GetAsync(Route)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "photo.not_found");
    }

    [Fact]
    public async Task Only_a_signed_in_applicant_has_a_photo_route()
    {
        var body = Sized("jpeg", Min);
        using var anonymous = app.Anonymous();
        await (await PutAsync(anonymous, body)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "auth.unauthenticated");
        await (await anonymous.GetAsync(Route)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "auth.unauthenticated");

        using var staff = await app.SignedInAsync("t-b01");
        await (await PutAsync(staff, body)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "auth.forbidden");
        await (await staff.GetAsync(Route)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "auth.forbidden");
    }

    [Fact]
    public async Task Another_slice_can_serve_an_applicants_photo_by_applicant_id()
    {
        using var applicant = await NewApplicantAsync();
        var upload = Sized("png", Min);
        await (await PutAsync(applicant, upload, "image/png")).ShouldBeSuccessAsync();
        var me = await (await applicant.GetAsync("/api/auth/whoami")).JsonAsync();
        var applicantId = Guid.Parse(me.GetProperty("subject").GetString()!);

        await using var session = app.Service<IEnrollmentStore>().QuerySession();
        var result = await PhotoDownload.ForApplicant(session, applicantId, CancellationToken.None);
        var context = new DefaultHttpContext { RequestServices = app.Services };
        context.Response.Body = new MemoryStream();
        await result.ExecuteAsync(context);
        context.Response.ContentType.ShouldBe("image/png");
        ((MemoryStream)context.Response.Body).ToArray().ShouldBe(upload);

        (await Should.ThrowAsync<DomainException>(() => PhotoDownload.ForApplicant(session, Guid.NewGuid(), CancellationToken.None)))
            .Code.ShouldBe("photo.not_found");
    }

    /// <summary>A request body that serves some bytes and then waits, up to 15 s, for the test to end it.</summary>
    private sealed class StallingStream(int servedBeforeStall) : Stream
    {
        private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private long _served;

        public void Release() => _released.TrySetResult();

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (_served < servedBeforeStall)
            {
                var count = (int)Math.Min(buffer.Length, servedBeforeStall - _served);
                buffer.Span[..count].Fill(0xFF);
                _served += count;
                return count;
            }
            try
            {
                await _released.Task.WaitAsync(TimeSpan.FromSeconds(15), cancellationToken);
            }
            catch (TimeoutException)
            {
                throw new IOException("the server kept reading a body far past the photo limit");
            }
            return 0;
        }

        public override int Read(byte[] buffer, int offset, int count) =>
            ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _served; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
