using static Recruitment.Testing.TestImages;

namespace Recruitment.Enrollment.Tests;

/// <summary>ENR-11: photo format by magic bytes, lossless metadata stripping, corruption and decode checks (no database).</summary>
public sealed class PhotoMetadataTests
{
    [Fact]
    public void The_format_comes_from_the_magic_bytes_ENR_11()
    {
        PhotoMetadata.Detect(Jpeg()).ShouldBe(PhotoFormat.Jpeg);
        PhotoMetadata.Detect(Png()).ShouldBe(PhotoFormat.Png);
        PhotoMetadata.Detect("GIF89a........"u8).ShouldBeNull();
        PhotoMetadata.Detect("<svg xmlns=\"http://www.w3.org/2000/svg\"/>"u8).ShouldBeNull();
        PhotoMetadata.Detect([0xFF, 0xD8]).ShouldBeNull();
        PhotoMetadata.Detect([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A]).ShouldBeNull();
        PhotoMetadata.Detect([]).ShouldBeNull();
    }

    [Fact]
    public void Exif_with_gps_xmp_icc_and_comments_are_removed_from_a_jpeg_and_the_picture_is_untouched_ENR_11()
    {
        var clean = Jpeg();
        var tagged = WithSegments(clean, ExifWithGps(), Xmp(), IccProfile(), Comment("shot by " + GpsText));
        Contains(tagged, "Exif\0\0").ShouldBeTrue();

        var stripped = PhotoMetadata.Strip(tagged, PhotoFormat.Jpeg);

        Contains(stripped, "Exif").ShouldBeFalse();
        Contains(stripped, "GPS").ShouldBeFalse();
        Contains(stripped, "Changchun").ShouldBeFalse();
        Contains(stripped, "ICC_PROFILE").ShouldBeFalse();
        Contains(stripped, "xmpmeta").ShouldBeFalse();
        // Everything else is the encoder's output byte for byte: the picture was not re-encoded.
        stripped.ShouldBe(PhotoMetadata.Strip(clean, PhotoFormat.Jpeg));
        stripped.ShouldBe(clean, "the encoder wrote no metadata of its own, so stripping gives its file back");
        Pixels(stripped).ShouldBe(Pixels(clean));
    }

    [Fact]
    public void Jfif_and_adobe_colour_segments_are_kept_because_they_change_how_pixels_read()
    {
        var clean = Jpeg();
        var adobe = Segment(0xEE, [.. "Adobe"u8, 0, 100, 0, 0, 0, 0, 1]);
        var stripped = PhotoMetadata.Strip(WithSegments(clean, adobe, ExifWithGps()), PhotoFormat.Jpeg);
        stripped.ShouldBe(WithSegments(clean, adobe));
        stripped[2..4].ShouldBe(new byte[] { 0xFF, 0xE0 }); // APP0 JFIF still first
    }

    [Fact]
    public void Bytes_after_the_jpeg_end_marker_are_dropped()
    {
        var clean = Jpeg();
        byte[] trailer = [.. clean, .. "ftypmp42 motion photo video"u8];
        PhotoMetadata.Strip(trailer, PhotoFormat.Jpeg).ShouldBe(clean);
    }

    [Fact]
    public void Text_exif_and_time_chunks_are_removed_from_a_png_and_every_other_chunk_is_kept_ENR_11()
    {
        var clean = Png();
        var keep = Chunk("prVt", "private but harmless"u8.ToArray());
        var tagged = WithChunksAfterHeader(WithChunksBeforeEnd(clean, keep),
            TextChunk("Comment", GpsText),
            Chunk("zTXt", [.. "Author\0\0"u8, 0x78, 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01]),
            Chunk("iTXt", [.. "XML:com.adobe.xmp\0\0\0\0\0"u8, .. "<x:xmpmeta exif:GPSLatitude=\"43,53.208N\"/>"u8]),
            Chunk("eXIf", ExifWithGps()[10..]), // the TIFF structure without the JPEG APP1 and "Exif\0\0" framing
            TimeChunk());

        var stripped = PhotoMetadata.Strip(tagged, PhotoFormat.Png);

        Contains(stripped, "GPS").ShouldBeFalse();
        Contains(stripped, "Changchun").ShouldBeFalse();
        Contains(stripped, "tEXt").ShouldBeFalse();
        Contains(stripped, "eXIf").ShouldBeFalse();
        Contains(stripped, "tIME").ShouldBeFalse();
        stripped.ShouldBe(WithChunksBeforeEnd(clean, keep));
        Pixels(stripped).ShouldBe(Pixels(clean));
    }

    [Fact]
    public void Bytes_after_the_png_end_chunk_are_dropped()
    {
        var clean = Png();
        PhotoMetadata.Strip([.. clean, .. "PK\x03\x04 a zip"u8], PhotoFormat.Png).ShouldBe(clean);
    }

    public static TheoryData<string, byte[], string> Broken() => new()
    {
        { "JPEG cut before its end marker", Jpeg()[..^200], "Jpeg" },
        { "JPEG cut inside a segment header", Jpeg()[..30], "Jpeg" },
        { "JPEG without image data", [0xFF, 0xD8, 0xFF, 0xD9], "Jpeg" },
        { "JPEG magic and then text", [0xFF, 0xD8, 0xFF, .. "this is not a picture at all"u8], "Jpeg" },
        { "JPEG segment longer than the file", [0xFF, 0xD8, 0xFF, 0xE0, 0xFF, 0xF0, 0x00], "Jpeg" },
        { "PNG cut before IEND", Png()[..^12], "Png" },
        { "PNG cut inside a chunk", Png()[..60], "Png" },
        { "PNG signature and then text", [.. Png()[..8], .. "this is not a picture at all"u8], "Png" },
        { "PNG not starting with IHDR", [.. Png()[..8], .. TimeChunk(), .. Png()[8..]], "Png" },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public void A_file_whose_structure_is_broken_is_corrupt(string what, byte[] file, string format)
    {
        var refused = Should.Throw<DomainException>(() => PhotoMetadata.Strip(file, Enum.Parse<PhotoFormat>(format)), what);
        refused.Code.ShouldBe("photo.corrupt");
        refused.Status.ShouldBe(400);
    }

    [Fact]
    public async Task Stripped_files_decode_and_report_their_size()
    {
        (await PhotoDecoder.EnsureDecodableAsync(PhotoMetadata.Strip(WithSegments(Jpeg(120, 160), ExifWithGps()), PhotoFormat.Jpeg),
            PhotoFormat.Jpeg, default)).ShouldBe((120, 160));
        (await PhotoDecoder.EnsureDecodableAsync(Png(90, 70), PhotoFormat.Png, default)).ShouldBe((90, 70));
    }

    [Fact]
    public async Task Damaged_image_data_inside_an_intact_structure_is_corrupt()
    {
        // The markers are all there but the compressed pixels are not: only decoding can tell.
        var png = Png();
        var idat = png.AsSpan().IndexOf("IDAT"u8) - 4;
        var length = (int)System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(idat));
        var garbage = Enumerable.Repeat((byte)0x5A, length).ToArray();
        byte[] damaged = [.. png[..idat], .. Chunk("IDAT", garbage), .. png[(idat + 12 + length)..]];
        PhotoMetadata.Strip(damaged, PhotoFormat.Png).ShouldBe(damaged);
        (await Should.ThrowAsync<DomainException>(() => PhotoDecoder.EnsureDecodableAsync(damaged, PhotoFormat.Png, default)))
            .Code.ShouldBe("photo.corrupt");

        var jpeg = Jpeg();
        Should.Throw<DomainException>(() => PhotoMetadata.Strip(jpeg.AsSpan(..^2).ToArray(), PhotoFormat.Jpeg)).Code.ShouldBe("photo.corrupt");
        (await Should.ThrowAsync<DomainException>(() => PhotoDecoder.EnsureDecodableAsync(Png(), PhotoFormat.Jpeg, default)))
            .Code.ShouldBe("photo.corrupt");
    }

    [Fact]
    public async Task A_png_declaring_a_huge_canvas_is_refused_before_decoding()
    {
        var png = Png();
        var header = png[16..29]; // IHDR data: width, height, depth, colour type, ...
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(header, 20_000);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(4), 20_000);
        byte[] bomb = [.. png[..8], .. Chunk("IHDR", header), .. png[33..]];
        var refused = await Should.ThrowAsync<DomainException>(() => PhotoDecoder.EnsureDecodableAsync(bomb, PhotoFormat.Png, default));
        refused.Code.ShouldBe("photo.too_many_pixels");
        refused.Message.ShouldContain("20,000 x 20,000");
    }
}
