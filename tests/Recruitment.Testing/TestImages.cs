using System.Buffers.Binary;
using System.Text;
using SkiaSharp;

namespace Recruitment.Testing;

/// <summary>
/// Small valid JPEG and PNG files made in the test, metadata blocks to plant in them, and padding to
/// an exact file size (ENR-11 boundaries): COM segments for a JPEG (stripped on upload, so the stored
/// file is smaller), a private ancillary chunk for a PNG (kept, so the stored file is the same size).
/// </summary>
public static class TestImages
{
    public const string GpsText = "GPS 43.8868N 125.3245E Changchun";

    /// <summary>A picture with some detail (a gradient and a circle) so the decoders have real work.</summary>
    public static SKBitmap Picture(int width = 120, int height = 160)
    {
        var bitmap = new SKBitmap(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque);
        using var canvas = new SKCanvas(bitmap);
        using var gradient = new SKPaint();
        gradient.Shader = SKShader.CreateLinearGradient(new SKPoint(0, 0), new SKPoint(width, height),
            [SKColors.SteelBlue, SKColors.Bisque], SKShaderTileMode.Clamp);
        canvas.DrawRect(0, 0, width, height, gradient);
        using var face = new SKPaint { Color = SKColors.SaddleBrown, IsAntialias = true };
        canvas.DrawCircle(width / 2f, height / 2.5f, width / 4f, face);
        return bitmap;
    }

    public static byte[] Jpeg(int width = 120, int height = 160)
    {
        using var bitmap = Picture(width, height);
        using var image = SKImage.FromBitmap(bitmap);
        return image.Encode(SKEncodedImageFormat.Jpeg, 90).ToArray();
    }

    public static byte[] Png(int width = 120, int height = 160)
    {
        using var bitmap = Picture(width, height);
        using var image = SKImage.FromBitmap(bitmap);
        return image.Encode(SKEncodedImageFormat.Png, 100).ToArray();
    }

    /// <summary>Decoded pixels (RGBA), for comparing two files picture to picture.</summary>
    public static byte[] Pixels(byte[] file)
    {
        using var data = SKData.CreateCopy(file);
        using var codec = SKCodec.Create(data) ?? throw new InvalidDataException("no decoder for this file");
        var info = new SKImageInfo(codec.Info.Width, codec.Info.Height, SKColorType.Rgba8888, SKAlphaType.Premul);
        using var bitmap = new SKBitmap(info);
        var result = codec.GetPixels(info, bitmap.GetPixels());
        if (result != SKCodecResult.Success) throw new InvalidDataException($"does not decode: {result}");
        return bitmap.GetPixelSpan().ToArray();
    }

    public static bool Contains(byte[] file, string text) => file.AsSpan().IndexOf(Encoding.ASCII.GetBytes(text)) >= 0;

    // ---- JPEG ----

    public static byte[] Segment(byte marker, byte[] payload)
    {
        if (payload.Length > 65533) throw new ArgumentOutOfRangeException(nameof(payload));
        var segment = new byte[payload.Length + 4];
        segment[0] = 0xFF;
        segment[1] = marker;
        BinaryPrimitives.WriteUInt16BigEndian(segment.AsSpan(2), (ushort)(payload.Length + 2));
        payload.CopyTo(segment, 4);
        return segment;
    }

    /// <summary>Inserts segments after SOI and the APP0 (JFIF) segment, where cameras put EXIF.</summary>
    public static byte[] WithSegments(byte[] jpeg, params byte[][] segments)
    {
        var at = 2;
        if (jpeg[3] == 0xE0) at += 2 + BinaryPrimitives.ReadUInt16BigEndian(jpeg.AsSpan(4));
        return [.. jpeg[..at], .. segments.SelectMany(s => s), .. jpeg[at..]];
    }

    /// <summary>
    /// An APP1 EXIF block as a phone writes it: a TIFF header, IFD0 with an ImageDescription and a
    /// GPS IFD with latitude and longitude (43°53'12.48"N, 125°19'28.2"E).
    /// </summary>
    public static byte[] ExifWithGps(string description = GpsText)
    {
        var text = Encoding.ASCII.GetBytes(description + "\0");
        const int ifd0 = 8, ifd0Size = 2 + 2 * 12 + 4;
        const int gps = ifd0 + ifd0Size, gpsSize = 2 + 4 * 12 + 4;
        const int latitude = gps + gpsSize, longitude = latitude + 24;
        var descriptionAt = longitude + 24;
        var tiff = new byte[descriptionAt + text.Length];
        var s = tiff.AsSpan();
        "MM"u8.CopyTo(s);
        BinaryPrimitives.WriteUInt16BigEndian(s[2..], 42);
        BinaryPrimitives.WriteUInt32BigEndian(s[4..], ifd0);
        BinaryPrimitives.WriteUInt16BigEndian(s[ifd0..], 2);
        Entry(s, ifd0 + 2, 0x010E, 2, (uint)text.Length, (uint)descriptionAt); // ImageDescription, ASCII
        Entry(s, ifd0 + 14, 0x8825, 4, 1, gps);                                // GPSInfo IFD pointer, LONG
        BinaryPrimitives.WriteUInt16BigEndian(s[gps..], 4);
        Entry(s, gps + 2, 0x0001, 2, 2, (uint)'N' << 24);                      // GPSLatitudeRef "N"
        Entry(s, gps + 14, 0x0002, 5, 3, latitude);                            // GPSLatitude, 3 RATIONAL
        Entry(s, gps + 26, 0x0003, 2, 2, (uint)'E' << 24);                     // GPSLongitudeRef "E"
        Entry(s, gps + 38, 0x0004, 5, 3, longitude);                           // GPSLongitude, 3 RATIONAL
        Rationals(s[latitude..], (43, 1), (53, 1), (1248, 100));
        Rationals(s[longitude..], (125, 1), (19, 1), (282, 10));
        text.CopyTo(s[descriptionAt..]);
        return Segment(0xE1, [.. "Exif\0\0"u8, .. tiff]);

        static void Entry(Span<byte> s, int at, ushort tag, ushort type, uint count, uint value)
        {
            BinaryPrimitives.WriteUInt16BigEndian(s[at..], tag);
            BinaryPrimitives.WriteUInt16BigEndian(s[(at + 2)..], type);
            BinaryPrimitives.WriteUInt32BigEndian(s[(at + 4)..], count);
            BinaryPrimitives.WriteUInt32BigEndian(s[(at + 8)..], value);
        }

        static void Rationals(Span<byte> s, params (uint N, uint D)[] values)
        {
            for (var i = 0; i < values.Length; i++)
            {
                BinaryPrimitives.WriteUInt32BigEndian(s[(i * 8)..], values[i].N);
                BinaryPrimitives.WriteUInt32BigEndian(s[(i * 8 + 4)..], values[i].D);
            }
        }
    }

    public static byte[] Xmp(string gps = "43,53.208N") =>
        Segment(0xE1, Encoding.ASCII.GetBytes(
            "http://ns.adobe.com/xap/1.0/\0<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF><rdf:Description "
            + $"exif:GPSLatitude=\"{gps}\" photoshop:City=\"Changchun\"/></rdf:RDF></x:xmpmeta>"));

    public static byte[] IccProfile() => Segment(0xE2, [.. "ICC_PROFILE\0"u8, 1, 1, .. new byte[128]]);

    public static byte[] Comment(string text) => Segment(0xFE, Encoding.ASCII.GetBytes(text));

    /// <summary>The JPEG grown to exactly <paramref name="size"/> bytes with COM segments (metadata: stripped on upload).</summary>
    public static byte[] PadJpeg(byte[] jpeg, int size)
    {
        var needed = size - jpeg.Length;
        if (needed < 4) throw new ArgumentOutOfRangeException(nameof(size), "the picture is already about that size");
        var count = (needed + 65536) / 65537; // a segment is 4 to 65,537 bytes
        var segments = new byte[count][];
        for (var i = 0; i < count; i++)
        {
            var total = needed / count + (i < needed % count ? 1 : 0);
            segments[i] = Segment(0xFE, Enumerable.Repeat((byte)'.', total - 4).ToArray());
        }
        var padded = WithSegments(jpeg, segments);
        if (padded.Length != size) throw new InvalidOperationException($"padded to {padded.Length}, wanted {size}");
        return padded;
    }

    // ---- PNG ----

    public static byte[] Chunk(string type, byte[] data)
    {
        var chunk = new byte[data.Length + 12];
        BinaryPrimitives.WriteUInt32BigEndian(chunk, (uint)data.Length);
        Encoding.ASCII.GetBytes(type).CopyTo(chunk, 4);
        data.CopyTo(chunk, 8);
        BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(8 + data.Length), Crc32(chunk.AsSpan(4, 4 + data.Length)));
        return chunk;
    }

    public static byte[] TextChunk(string keyword, string text) => Chunk("tEXt", Encoding.Latin1.GetBytes(keyword + "\0" + text));

    public static byte[] TimeChunk() => Chunk("tIME", [0x07, 0xE8, 6, 1, 9, 30, 0]);

    /// <summary>Inserts chunks right after IHDR (the first chunk).</summary>
    public static byte[] WithChunksAfterHeader(byte[] png, params byte[][] chunks)
    {
        var at = 8 + 12 + (int)BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(8));
        return [.. png[..at], .. chunks.SelectMany(c => c), .. png[at..]];
    }

    /// <summary>Inserts chunks just before IEND (the last 12 bytes).</summary>
    public static byte[] WithChunksBeforeEnd(byte[] png, params byte[][] chunks) =>
        [.. png[..^12], .. chunks.SelectMany(c => c), .. png[^12..]];

    /// <summary>The PNG grown to exactly <paramref name="size"/> bytes with a private ancillary chunk (kept on upload).</summary>
    public static byte[] PadPng(byte[] png, int size)
    {
        var needed = size - png.Length;
        if (needed < 12) throw new ArgumentOutOfRangeException(nameof(size), "the picture is already about that size");
        var padded = WithChunksBeforeEnd(png, Chunk("prVt", Enumerable.Repeat((byte)'.', needed - 12).ToArray()));
        if (padded.Length != size) throw new InvalidOperationException($"padded to {padded.Length}, wanted {size}");
        return padded;
    }

    private static readonly uint[] CrcTable = Enumerable.Range(0, 256).Select(n =>
    {
        var c = (uint)n;
        for (var k = 0; k < 8; k++) c = (c & 1) != 0 ? 0xEDB88320 ^ (c >> 1) : c >> 1;
        return c;
    }).ToArray();

    public static uint Crc32(ReadOnlySpan<byte> bytes)
    {
        var c = 0xFFFFFFFF;
        foreach (var b in bytes) c = CrcTable[(c ^ b) & 0xFF] ^ (c >> 8);
        return c ^ 0xFFFFFFFF;
    }
}
