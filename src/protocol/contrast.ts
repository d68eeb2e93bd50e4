/**
 * Colour contrast as WCAG 2.2 defines it (success criteria 1.4.3 and 1.4.11): the relative luminance
 * of an sRGB colour and the ratio of two luminances, from 1:1 (same) to 21:1 (black on white).
 */

/** `#rgb` or `#rrggbb`, any case. */
export const HEX_COLOUR = /^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/;

/** WCAG AA: normal text and links. */
export const AA_TEXT = 4.5;
/** WCAG AA: the parts of a control or a bar a learner must see (1.4.11). */
export const AA_GRAPHICS = 3;

/** The relative luminance (0 black – 1 white) of a `#rgb` / `#rrggbb` colour. */
export function luminance(hex: string): number {
  const digits = hex.length === 4 ? [...hex.slice(1)].map((d) => d + d).join('') : hex.slice(1);
  const [r, g, b] = [0, 2, 4].map((i) => {
    const c = Number.parseInt(digits.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** The contrast ratio of two colours, ≥ 1 (order does not matter). */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}
