import exifr from 'exifr';

export interface PhotoMetadata {
  takenAt: Date | null;
  latitude: number | null;
  longitude: number | null;
}

/** EXIF "YYYY:MM:DD HH:MM:SS" with its offset (OffsetTimeOriginal), else China time (UTC+8), as cameras here use. */
function exifDate(value: unknown, offset: unknown): Date | null {
  if (typeof value !== 'string') return null;
  const m = /^(\d{4}):(\d{2}):(\d{2})[ T](\d{2}):(\d{2}):(\d{2})/.exec(value.trim());
  if (!m) return null;
  const zone = typeof offset === 'string' && /^[+-]\d{2}:\d{2}$/.test(offset.trim()) ? offset.trim() : '+08:00';
  const date = new Date(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}${zone}`);
  return Number.isNaN(date.getTime()) ? null : date;
}

/**
 * 拍摄时间与位置: reads the capture time and GPS position of a photo from its EXIF data. A photo without EXIF
 * (a screenshot, a stripped upload) gives nulls; unreadable metadata never refuses the photo itself.
 */
export async function readPhotoMetadata(bytes: Buffer): Promise<PhotoMetadata> {
  try {
    const raw = (await exifr.parse(bytes, {
      tiff: true,
      exif: true,
      gps: true,
      reviveValues: false,
      translateValues: false,
    })) as Record<string, unknown> | undefined;
    if (!raw) return { takenAt: null, latitude: null, longitude: null };
    const gps = (await exifr.gps(bytes).catch(() => undefined)) as
      | { latitude?: number; longitude?: number }
      | undefined;
    const lat = gps?.latitude;
    const lng = gps?.longitude;
    const valid = (v: number | undefined, limit: number): v is number =>
      typeof v === 'number' && Number.isFinite(v) && Math.abs(v) <= limit;
    return {
      takenAt: exifDate(raw.DateTimeOriginal ?? raw.CreateDate ?? raw.DateTime, raw.OffsetTimeOriginal),
      latitude: valid(lat, 90) && valid(lng, 180) ? Math.round(lat * 1e6) / 1e6 : null,
      longitude: valid(lat, 90) && valid(lng, 180) ? Math.round(lng * 1e6) / 1e6 : null,
    };
  } catch {
    return { takenAt: null, latitude: null, longitude: null };
  }
}
