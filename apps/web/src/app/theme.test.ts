import { describe, expect, it } from 'vitest';
import { contrastRatio } from './contrast';
import { BACKGROUNDS, GRAPHIC_COLOURS, TAG_TEXT_COLOURS, TEXT_COLOURS, theme } from './theme';

describe('contrast ratio', () => {
  it('matches the WCAG examples', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#ffffff', '#ffffff')).toBeCloseTo(1, 5);
    // antd's default secondary text, as measured in issue 25
    expect(contrastRatio('rgba(0, 0, 0, 0.45)', '#ffffff')).toBeCloseTo(3.36, 1);
    expect(contrastRatio('#bfbfbf', '#ffffff')).toBeCloseTo(1.83, 1);
    expect(contrastRatio('#767676', '#ffffff')).toBeGreaterThanOrEqual(4.5);
  });
});

describe('theme (WCAG 2.1 AA, GB/T 37668-2019)', () => {
  for (const [token, colour] of Object.entries(TEXT_COLOURS)) {
    for (const [name, background] of Object.entries(BACKGROUNDS)) {
      it(`${token} ${colour} is at least 4.5:1 on ${name} ${background}`, () => {
        expect(contrastRatio(colour, background)).toBeGreaterThanOrEqual(4.5);
      });
    }
  }

  for (const [token, colour] of Object.entries(GRAPHIC_COLOURS)) {
    for (const name of ['container', 'layout', 'fillAlter', 'disabled'] as const) {
      it(`${token} ${colour} (icons, outlines) is at least 3:1 on ${name}`, () => {
        expect(contrastRatio(colour, BACKGROUNDS[name])).toBeGreaterThanOrEqual(3);
      });
    }
  }

  for (const [token, { text, background }] of Object.entries(TAG_TEXT_COLOURS)) {
    it(`tag text ${token} ${text} is at least 4.5:1 on its background ${background}`, () => {
      expect(contrastRatio(text, background)).toBeGreaterThanOrEqual(4.5);
      expect(theme.token).toHaveProperty(token, text);
      expect(theme.token).toHaveProperty(token.replace(/(\d+)$/, '-$1'), text);
    });
  }

  it('status tags: success, warning and error text on their backgrounds is at least 4.5:1', () => {
    expect(contrastRatio(GRAPHIC_COLOURS.colorSuccess, BACKGROUNDS.successBg)).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(GRAPHIC_COLOURS.colorWarning, BACKGROUNDS.warningBg)).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(TEXT_COLOURS.colorError, BACKGROUNDS.errorBg)).toBeGreaterThanOrEqual(4.5);
  });

  it('white text on the primary, danger and success buttons is at least 4.5:1', () => {
    for (const colour of [GRAPHIC_COLOURS.colorPrimary, TEXT_COLOURS.colorError, TEXT_COLOURS.colorLinkHover]) {
      expect(contrastRatio('#ffffff', colour)).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('hands every checked colour to antd', () => {
    expect(theme.token).toMatchObject({ ...TEXT_COLOURS, ...GRAPHIC_COLOURS });
  });
});
