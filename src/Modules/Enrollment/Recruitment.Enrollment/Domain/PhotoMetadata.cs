using System.Buffers.Binary;

namespace Recruitment.Enrollment.Domain;

/// <summary>The image formats an applicant photo may have (ENR-11), told apart by their first bytes.</summary>
internal enum PhotoFormat { Jpeg, Png }

/// <summary>
/// Removes what a photo file says about its owner (EXIF with GPS, XMP, IPTC, ICC, comments, text
/// and time chunks) without re-encoding the picture: the stored file is the upload minus whole
/// segments or chunks, every other byte kept as it was. Walking the file's structure is also the
/// first corruption check: a file that does not reach its end marker (JPEG EOI, PNG IEND) is refused.
/// Bytes after the end marker are not part of the image (cameras append previews or videos there)
/// and are dropped too.
/// </summary>
internal static class PhotoMetadata
{
    private static ReadOnlySpan<byte> PngSignature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static ReadOnlySpan<byte> JpegStart => [0xFF, 0xD8, 0xFF];

    /// <summary>PNG chunks that carry words or times rather than pixels.</summary>
    private static readonly HashSet<string> DroppedPngChunks = new(StringComparer.Ordinal) { "tEXt", "zTXt", "iTXt", "eXIf", "tIME" };

    private const byte Soi = 0xD8, Eoi = 0xD9, Sos = 0xDA, App1 = 0xE1, App14 = 0xEE, App15 = 0xEF, Com = 0xFE;

    /// <summary>The format by magic bytes only (the Content-Type and file name are not trusted); null when neither.</summary>
    public static PhotoFormat? Detect(ReadOnlySpan<byte> file) =>
        file.StartsWith(JpegStart) ? PhotoFormat.Jpeg
        : file.StartsWith(PngSignature) ? PhotoFormat.Png
        : null;

    public static string ContentType(this PhotoFormat format) => format == PhotoFormat.Jpeg ? "image/jpeg" : "image/png";

    public static string Extension(this PhotoFormat format) => format == PhotoFormat.Jpeg ? ".jpg" : ".png";

    /// <summary>The file without its metadata; throws <c>photo.corrupt</c> when its structure is broken.</summary>
    public static byte[] Strip(ReadOnlySpan<byte> file, PhotoFormat format) =>
        format == PhotoFormat.Jpeg ? StripJpeg(file) : StripPng(file);

    /// <summary>
    /// Drops APP1..APP15 (EXIF, XMP, ICC, IPTC, ...) and COM segments wherever they stand, scans
    /// included; keeps SOI, APP0 (JFIF), tables, frame and scan headers and the entropy-coded data.
    /// Exception: an APP14 "Adobe" segment says how the colour channels are to be read, so dropping it
    /// would change the picture; it carries nothing about the person and is kept.
    /// </summary>
    private static byte[] StripJpeg(ReadOnlySpan<byte> file)
    {
        var output = new MemoryStream(file.Length);
        output.Write(file[..2]); // SOI
        var pos = 2;
        var scans = 0;
        while (true)
        {
            var start = pos;
            if (pos >= file.Length || file[pos] != 0xFF) throw Corrupt($"the JPEG has no marker where one must stand (byte {pos})");
            while (pos < file.Length && file[pos] == 0xFF) pos++; // fill bytes before a marker
            if (pos >= file.Length) throw Corrupt("the JPEG ends before its end-of-image marker");
            var marker = file[pos++];
            if (marker == Eoi)
            {
                if (scans == 0) throw Corrupt("the JPEG holds no image data");
                output.Write(file[start..pos]);
                return output.ToArray();
            }
            if (marker is 0x01 or >= 0xD0 and <= 0xD7) { output.Write(file[start..pos]); continue; } // TEM, RSTn: no length
            if (marker is 0x00 or Soi) throw Corrupt($"the JPEG has an invalid marker at byte {start}");
            if (pos + 2 > file.Length) throw Corrupt("the JPEG ends inside a segment header");
            int length = BinaryPrimitives.ReadUInt16BigEndian(file[pos..]);
            if (length < 2 || pos + length > file.Length) throw Corrupt($"a JPEG segment at byte {start} runs past the end of the file");
            var end = pos + length;
            if (!IsMetadata(marker, file[(pos + 2)..end])) output.Write(file[start..end]);
            pos = end;
            if (marker != Sos) continue;

            // Entropy-coded data follows a scan header: 0xFF appears in it only as FF 00 (a stuffed byte)
            // or FF D0..D7 (restart markers); any other marker ends the scan.
            scans++;
            var data = pos;
            while (true)
            {
                var next = file[pos..].IndexOf((byte)0xFF);
                if (next < 0 || pos + next + 1 >= file.Length) throw Corrupt("the JPEG ends before its end-of-image marker");
                pos += next;
                var following = file[pos + 1];
                if (following is 0x00 or >= 0xD0 and <= 0xD7) { pos += 2; continue; }
                break;
            }
            output.Write(file[data..pos]);
        }
    }

    private static bool IsMetadata(byte marker, ReadOnlySpan<byte> payload) =>
        marker == Com
        || marker is >= App1 and <= App15 && !(marker == App14 && payload.StartsWith("Adobe"u8));

    /// <summary>Drops tEXt, zTXt, iTXt, eXIf and tIME chunks; keeps every other chunk byte for byte.</summary>
    private static byte[] StripPng(ReadOnlySpan<byte> file)
    {
        var output = new MemoryStream(file.Length);
        output.Write(PngSignature);
        var pos = PngSignature.Length;
        var first = true;
        while (true)
        {
            if (pos + 12 > file.Length) throw Corrupt("the PNG ends before its IEND chunk");
            var length = BinaryPrimitives.ReadUInt32BigEndian(file[pos..]);
            var typeBytes = file.Slice(pos + 4, 4);
            foreach (var b in typeBytes)
                if (!char.IsAsciiLetter((char)b)) throw Corrupt($"the PNG has an invalid chunk type at byte {pos}");
            if (length > int.MaxValue || pos + 12 + (long)length > file.Length)
                throw Corrupt($"a PNG chunk at byte {pos} runs past the end of the file");
            var type = System.Text.Encoding.ASCII.GetString(typeBytes);
            if (first && type != "IHDR") throw Corrupt("the PNG does not start with its IHDR chunk");
            first = false;
            var end = pos + 12 + (int)length;
            if (!DroppedPngChunks.Contains(type)) output.Write(file[pos..end]);
            pos = end;
            if (type == "IEND") return output.ToArray();
        }
    }

    internal static DomainException Corrupt(string why) =>
        DomainException.Invalid("photo.corrupt", $"The photo is not a readable image: {why}.");
}
