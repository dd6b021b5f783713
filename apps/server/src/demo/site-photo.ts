/**
 * A real (tiny) JPEG carrying EXIF capture time and GPS position, as a phone camera writes them: for tests,
 * demo data and journeys that need a site photo with metadata, without shipping binary fixtures.
 */

/** A 1×1 baseline JPEG. */
const BASE_JPEG = Buffer.from(
  '/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxA=',
  'base64',
);

type Entry = { tag: number; type: 1 | 2 | 4 | 5; count: number; data: Buffer };

const ascii = (tag: number, text: string): Entry => {
  const data = Buffer.from(`${text}\0`, 'latin1');
  return { tag, type: 2, count: data.length, data };
};
const long = (tag: number, value: number): Entry => {
  const data = Buffer.alloc(4);
  data.writeUInt32LE(value);
  return { tag, type: 4, count: 1, data };
};
const rationals = (tag: number, values: [number, number][]): Entry => {
  const data = Buffer.alloc(8 * values.length);
  values.forEach(([n, d], i) => {
    data.writeUInt32LE(n, i * 8);
    data.writeUInt32LE(d, i * 8 + 4);
  });
  return { tag, type: 5, count: values.length, data };
};

/** Writes one IFD at `offset`; values longer than 4 bytes follow it. Returns the bytes. */
function ifd(entries: Entry[], offset: number): Buffer {
  const head = Buffer.alloc(2 + entries.length * 12 + 4);
  head.writeUInt16LE(entries.length, 0);
  let dataOffset = offset + head.length;
  const extra: Buffer[] = [];
  entries.forEach((e, i) => {
    const at = 2 + i * 12;
    head.writeUInt16LE(e.tag, at);
    head.writeUInt16LE(e.type, at + 2);
    head.writeUInt32LE(e.count, at + 4);
    if (e.data.length <= 4) e.data.copy(head, at + 8);
    else {
      head.writeUInt32LE(dataOffset, at + 8);
      const padded = e.data.length % 2 ? Buffer.concat([e.data, Buffer.alloc(1)]) : e.data;
      extra.push(padded);
      dataOffset += padded.length;
    }
  });
  return Buffer.concat([head, ...extra]);
}

function dms(value: number): [number, number][] {
  const abs = Math.abs(value);
  const deg = Math.floor(abs);
  const minutes = Math.floor((abs - deg) * 60);
  const seconds = Math.round(((abs - deg) * 60 - minutes) * 60 * 1000);
  return [
    [deg, 1],
    [minutes, 1],
    [seconds, 1000],
  ];
}

/**
 * A JPEG whose EXIF says it was taken at `takenAt` (local time "YYYY:MM:DD HH:MM:SS", offset +08:00) at the
 * given latitude/longitude (WGS-84 degrees).
 */
export function sitePhotoJpeg(input: { takenAt: string; latitude: number; longitude: number }): Buffer {
  const ifd0Size = 2 + 2 * 12 + 4;
  const exifOffset = 8 + ifd0Size;
  const exif = ifd([ascii(0x9003, input.takenAt), ascii(0x9011, '+08:00')], exifOffset);
  const gpsOffset = exifOffset + exif.length;
  const gpsVersion: Entry = { tag: 0x0000, type: 1, count: 4, data: Buffer.from([2, 3, 0, 0]) };
  const gps = ifd(
    [
      gpsVersion,
      ascii(0x0001, input.latitude >= 0 ? 'N' : 'S'),
      rationals(0x0002, dms(input.latitude)),
      ascii(0x0003, input.longitude >= 0 ? 'E' : 'W'),
      rationals(0x0004, dms(input.longitude)),
    ],
    gpsOffset,
  );
  const ifd0 = ifd([long(0x8769, exifOffset), long(0x8825, gpsOffset)], 8);
  const tiff = Buffer.concat([Buffer.from('II*\0', 'latin1'), Buffer.from([8, 0, 0, 0]), ifd0, exif, gps]);
  const payload = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff]);
  const app1 = Buffer.alloc(4);
  app1.writeUInt16BE(0xffe1, 0);
  app1.writeUInt16BE(payload.length + 2, 2);
  return Buffer.concat([BASE_JPEG.subarray(0, 2), app1, payload, BASE_JPEG.subarray(2)]);
}
