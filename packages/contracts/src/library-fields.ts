import { z } from 'zod';

/**
 * Field schemas shared by the project, resource and demand libraries (INFO-1..3) and their search.
 * Text is stored and shown as plain text: markup and SQL are just characters (React escapes them, queries are
 * parameterised); control characters are refused, because no form produces them.
 */
/** Control characters other than tab, line feed and carriage return. */
export function hasControlChars(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || c === 0x7f) return true;
  }
  return false;
}

export function plainText(min: number, max: number) {
  return z
    .string()
    .trim()
    .min(min, { message: min <= 1 ? 'TEXT_REQUIRED' : 'TEXT_TOO_SHORT' })
    .max(max, { message: 'TEXT_TOO_LONG' })
    .refine((v) => !hasControlChars(v), { message: 'TEXT_CONTROL_CHARS' });
}

/** Money in fen (分), an integer; ¥10 trillion is far above any project. */
export const AmountFen = z.number().int({ message: 'AMOUNT_INVALID' }).min(0, { message: 'AMOUNT_INVALID' }).max(1e15, {
  message: 'AMOUNT_INVALID',
});

/** 坐标 WGS-84, inside mainland China, Hong Kong, Macao and Taiwan (with a margin) — where ZhuHe's sites are. */
export const CHINA_BOUNDS = { south: 3.5, north: 54, west: 73, east: 135.5 } as const;
export const Latitude = z
  .number({ message: 'COORDINATE_OUT_OF_RANGE' })
  .min(CHINA_BOUNDS.south, { message: 'COORDINATE_OUT_OF_RANGE' })
  .max(CHINA_BOUNDS.north, { message: 'COORDINATE_OUT_OF_RANGE' });
export const Longitude = z
  .number({ message: 'COORDINATE_OUT_OF_RANGE' })
  .min(CHINA_BOUNDS.west, { message: 'COORDINATE_OUT_OF_RANGE' })
  .max(CHINA_BOUNDS.east, { message: 'COORDINATE_OUT_OF_RANGE' });
export const Location = z.object({ lat: Latitude, lng: Longitude });
export type Location = z.infer<typeof Location>;

/** A located point as returned: `derived` when it is the centre of the region rather than a picked site. */
export const PlacedLocation = z.object({ lat: z.number(), lng: z.number(), derived: z.boolean() });

/** A calendar date YYYY-MM-DD (Asia/Shanghai). */
export const DateOnly = z.iso.date({ message: 'DATE_INVALID' });

export const Tag = plainText(1, 20);
export const Tags = z.array(Tag).max(10, { message: 'TAGS_TOO_MANY' });

/** A highlighted piece of text: segments marked `hit` matched the query. Never HTML. */
export const Highlight = z.array(z.object({ text: z.string(), hit: z.boolean() }));
export type Highlight = z.infer<typeof Highlight>;
