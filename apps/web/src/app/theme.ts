import type { ThemeConfig } from 'antd';

export const BRAND_COLOR = '#1d4ed8';

/**
 * Text and icon colours that meet WCAG 2.1 AA (GB/T 37668-2019) on every background the app uses
 * (docs/adr/0104-accessibility.md): 4.5:1 for text, 3:1 for icons and focus outlines. antd's defaults are
 * translucent greys (rgba(0, 0, 0, 0.45) is #8c8c8c on white, 3.36:1; placeholders 1.83:1); these are opaque.
 * theme.test.ts checks every pair.
 */
export const TEXT_COLOURS = {
  colorTextSecondary: '#595959',
  colorTextTertiary: '#666666',
  colorTextDescription: '#666666',
  colorTextPlaceholder: '#6b6b6b',
  colorTextDisabled: '#6b6b6b',
  colorTextLabel: '#595959',
  colorLink: BRAND_COLOR,
  colorLinkHover: '#1e40af',
  colorLinkActive: '#1e3a8a',
  colorSuccessText: '#237804',
  colorWarningText: '#ad4e00',
  colorErrorText: '#cf1322',
  colorError: '#cf1322',
  colorErrorTextHover: '#a8071a',
  colorErrorTextActive: '#a8071a',
  colorInfoText: BRAND_COLOR,
} as const;

/** Colours of icons, borders of controls and focus outlines: 3:1 (WCAG 1.4.11). */
export const GRAPHIC_COLOURS = {
  colorPrimary: BRAND_COLOR,
  colorTextQuaternary: '#767676',
  // status tags (Tag color="success" / "warning") write their text in these on the status background, so 4.5:1
  colorSuccess: '#237804',
  colorWarning: '#ad4e00',
  colorInfo: BRAND_COLOR,
} as const;

/**
 * The text of the preset colour tags (Tag color="gold" …), shown on the tag's own light background (`xxx1`);
 * antd writes it in the palette's seventh shade, too light for gold, orange, green, cyan, lime and volcano.
 */
export const TAG_TEXT_COLOURS = {
  gold7: { text: '#874d00', background: '#fffbe6' },
  orange7: { text: '#ad4e00', background: '#fff7e6' },
  green7: { text: '#237804', background: '#f6ffed' },
  cyan7: { text: '#006d75', background: '#e6fffb' },
  lime7: { text: '#3f6600', background: '#fcffe6' },
  volcano7: { text: '#ad2102', background: '#fff2e8' },
  magenta7: { text: '#9e1068', background: '#fff0f6' },
  purple7: { text: '#531dab', background: '#f9f0ff' },
  blue7: { text: '#0958d9', background: '#e6f4ff' },
  red7: { text: '#cf1322', background: '#fff1f0' },
} as const;

/** The backgrounds text is shown on: cards, the page, table headers, disabled fields, selected menu items, alerts. */
export const BACKGROUNDS = {
  container: '#ffffff',
  layout: '#f5f7fa',
  fillAlter: '#fafafa',
  disabled: '#f5f5f5',
  hover: '#f0f0f0',
  selected: '#e8eefc',
  successBg: '#f6ffed',
  warningBg: '#fffbe6',
  errorBg: '#fff2f0',
  infoBg: '#e6f4ff',
} as const;

export const theme: ThemeConfig = {
  token: {
    ...TEXT_COLOURS,
    ...GRAPHIC_COLOURS,
    // both spellings (`gold7`, `gold-7`): they share one CSS variable, and the later one would win
    ...Object.fromEntries(
      Object.entries(TAG_TEXT_COLOURS).flatMap(([token, { text }]) => [
        [token, text],
        [token.replace(/(\d+)$/, '-$1'), text],
      ]),
    ),
    colorBgLayout: BACKGROUNDS.layout,
    colorBgContainerDisabled: BACKGROUNDS.disabled,
    colorFillAlter: BACKGROUNDS.fillAlter,
    colorSuccessBg: BACKGROUNDS.successBg,
    colorWarningBg: BACKGROUNDS.warningBg,
    colorErrorBg: BACKGROUNDS.errorBg,
    colorInfoBg: BACKGROUNDS.infoBg,
    borderRadius: 6,
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Segoe UI', Roboto, sans-serif",
  },
  components: {
    Layout: { headerBg: '#ffffff', siderBg: '#ffffff', headerPadding: '0 16px', headerHeight: 56 },
  },
};
