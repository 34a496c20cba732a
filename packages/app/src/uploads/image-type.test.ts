import { describe, expect, it } from "vitest";
import { SAMPLE_JPEG, SAMPLE_PNG, SAMPLE_WEBP } from "../testing/sample-images.ts";
import { isPhotoType, photoTypeOfExtension, SNIFF_BYTES, sniffPhotoType } from "./image-type.ts";

const bytes = (...values: number[]) => Uint8Array.from(values);
const ascii = (text: string) => new TextEncoder().encode(text);

describe("sniffPhotoType", () => {
  it("recognises each accepted format by its magic bytes", () => {
    expect(sniffPhotoType(SAMPLE_JPEG)).toBe("image/jpeg");
    expect(sniffPhotoType(SAMPLE_PNG)).toBe("image/png");
    expect(sniffPhotoType(SAMPLE_WEBP)).toBe("image/webp");
  });

  it("needs no more than SNIFF_BYTES to decide", () => {
    for (const sample of [SAMPLE_JPEG, SAMPLE_PNG, SAMPLE_WEBP]) {
      expect(sniffPhotoType(sample.slice(0, SNIFF_BYTES))).toBe(sniffPhotoType(sample));
    }
  });

  it("rejects text, empty input and truncated signatures", () => {
    expect(sniffPhotoType(ascii("hello, this is not a picture"))).toBeUndefined();
    expect(sniffPhotoType(new Uint8Array())).toBeUndefined();
    expect(sniffPhotoType(bytes(0xff, 0xd8))).toBeUndefined();
    expect(sniffPhotoType(SAMPLE_PNG.slice(0, 7))).toBeUndefined();
  });

  it("tells a WebP from other RIFF files (a WAV is RIFF....WAVE)", () => {
    expect(sniffPhotoType(ascii("RIFF\u0024\u0000\u0000\u0000WAVEfmt "))).toBeUndefined();
    expect(sniffPhotoType(ascii("RIFF\u0024\u0000\u0000\u0000WEBPVP8 "))).toBe("image/webp");
  });

  it("does not accept a signature that is off by one byte", () => {
    const png = SAMPLE_PNG.slice();
    png[7] = 0x0b;
    expect(sniffPhotoType(png)).toBeUndefined();
    // GIF is a real image format but not one OWNERS accepts.
    expect(sniffPhotoType(ascii("GIF89a\u0001\u0000\u0001\u0000"))).toBeUndefined();
  });
});

describe("photo type names", () => {
  it("accepts only jpeg, png and webp, mapped both ways to their extension", () => {
    expect(["image/jpeg", "image/png", "image/webp"].every(isPhotoType)).toBe(true);
    expect(["image/gif", "text/plain", "image/svg+xml", "toString", ""].some(isPhotoType)).toBe(
      false,
    );
    expect(photoTypeOfExtension("jpg")).toBe("image/jpeg");
    expect(photoTypeOfExtension("png")).toBe("image/png");
    expect(photoTypeOfExtension("webp")).toBe("image/webp");
    expect(photoTypeOfExtension("jpeg")).toBeUndefined();
    expect(photoTypeOfExtension("exe")).toBeUndefined();
  });
});
