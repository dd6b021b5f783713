/**
 * WCAG 2.1 contrast (success criteria 1.4.3 and 1.4.11): the relative luminance of an sRGB colour and the ratio of
 * two. Colours are #rgb, #rrggbb or rgba(r, g, b, a); a translucent colour is first laid over its background.
 */
type Rgb = [number, number, number];

function parse(colour: string): { rgb: Rgb; alpha: number } {
  const hex = colour.trim().toLowerCase();
  if (hex.startsWith('#')) {
    const digits = hex.length === 4 ? [...hex.slice(1)].map((d) => d + d).join('') : hex.slice(1);
    const n = Number.parseInt(digits.slice(0, 6), 16);
    return { rgb: [(n >> 16) & 255, (n >> 8) & 255, n & 255], alpha: 1 };
  }
  const parts = /^rgba?\(([^)]+)\)$/
    .exec(hex)?.[1]
    ?.split(',')
    .map((p) => Number(p.trim()));
  if (!parts || parts.length < 3 || parts.some(Number.isNaN)) throw new Error(`not a colour: ${colour}`);
  return { rgb: [parts[0], parts[1], parts[2]] as Rgb, alpha: parts[3] ?? 1 };
}

/** `colour` as seen on the opaque `background`. */
export function composite(colour: string, background: string): Rgb {
  const fg = parse(colour);
  const bg = parse(background).rgb;
  return fg.rgb.map((c, i) => Math.round(c * fg.alpha + (bg[i] as number) * (1 - fg.alpha))) as Rgb;
}

export function relativeLuminance([r, g, b]: Rgb): number {
  const linear = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

/** The contrast ratio (1 to 21) of `foreground` on the opaque `background`. */
export function contrastRatio(foreground: string, background: string): number {
  const a = relativeLuminance(composite(foreground, background));
  const b = relativeLuminance(composite(background, '#ffffff'));
  return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
}
