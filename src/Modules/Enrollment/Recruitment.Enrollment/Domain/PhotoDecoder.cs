using SkiaSharp;

namespace Recruitment.Enrollment.Domain;

/// <summary>
/// Proves a photo decodes to pixels (SkiaSharp: libjpeg-turbo and libpng). A JPEG is decoded at
/// 1/8 scale, which still reads every entropy-coded block but needs 1/64 of the memory; a PNG is
/// decoded whole. A file that declares more than <see cref="MaxPixels"/> is refused before any
/// decoding: a few hundred kilobytes can claim gigabytes of pixels (a decompression bomb). That is
/// a safety limit, not an ENR-11 rule: real two-inch photos are far below it.
/// </summary>
internal static class PhotoDecoder
{
    public const long MaxPixels = 50_000_000;

    // Bounds the memory of concurrent decodes (a PNG at the limit needs 200 MB while it is checked).
    private static readonly SemaphoreSlim Slots = new(2, 2);

    /// <summary>Width and height; throws <c>photo.corrupt</c> or <c>photo.too_many_pixels</c>.</summary>
    public static async Task<(int Width, int Height)> EnsureDecodableAsync(byte[] file, PhotoFormat format, CancellationToken ct)
    {
        await Slots.WaitAsync(ct);
        try
        {
            return Decode(file, format);
        }
        finally
        {
            Slots.Release();
        }
    }

    private static (int Width, int Height) Decode(byte[] file, PhotoFormat format)
    {
        using var data = SKData.CreateCopy(file);
        using var codec = SKCodec.Create(data)
                          ?? throw PhotoMetadata.Corrupt("its header cannot be read");
        var expected = format == PhotoFormat.Jpeg ? SKEncodedImageFormat.Jpeg : SKEncodedImageFormat.Png;
        if (codec.EncodedFormat != expected) throw PhotoMetadata.Corrupt($"it does not decode as {format.ToString().ToUpperInvariant()}");
        var (width, height) = (codec.Info.Width, codec.Info.Height);
        if (width <= 0 || height <= 0) throw PhotoMetadata.Corrupt("it has no pixels");
        if ((long)width * height > MaxPixels)
            throw DomainException.Invalid("photo.too_many_pixels",
                string.Create(CultureInfo.InvariantCulture, $"The photo declares {width:N0} x {height:N0} pixels; at most {MaxPixels:N0} pixels can be checked."));

        var size = format == PhotoFormat.Jpeg ? codec.GetScaledDimensions(0.125f) : codec.Info.Size;
        var info = new SKImageInfo(size.Width, size.Height, SKImageInfo.PlatformColorType, SKAlphaType.Premul);
        using var bitmap = new SKBitmap(info);
        var result = codec.GetPixels(info, bitmap.GetPixels());
        if (result != SKCodecResult.Success)
            throw PhotoMetadata.Corrupt(result == SKCodecResult.IncompleteInput ? "its image data is incomplete" : "its image data cannot be decoded");
        return (width, height);
    }
}
