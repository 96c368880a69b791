import { Anchor, type CSSVariablesResolver, createTheme, type MantineColorsTuple } from '@mantine/core';

/** 藍 (ai), indigo: shades 6–9 keep at least 4.5:1 against white, for text and filled buttons alike. */
const ai: MantineColorsTuple = [
  '#edf3fb',
  '#dbe6f6',
  '#b3cbeb',
  '#88aee0',
  '#6495d6',
  '#4b84d0',
  '#2a62b0',
  '#23569c',
  '#1d4e89',
  '#163d6c',
];

const fontFamily = [
  '"Noto Sans JP"',
  '"Noto Sans CJK JP"',
  '"Hiragino Sans"',
  '"Hiragino Kaku Gothic ProN"',
  '"Yu Gothic UI"',
  'Meiryo',
  'system-ui',
  '-apple-system',
  '"Segoe UI"',
  'Roboto',
  'sans-serif',
].join(', ');

export const theme = createTheme({
  primaryColor: 'ai',
  primaryShade: { light: 7, dark: 4 },
  colors: { ai },
  fontFamily,
  headings: { fontFamily, fontWeight: '700' },
  defaultRadius: 'md',
  focusRing: 'auto',
  cursorType: 'pointer',
  respectReducedMotion: true,
  components: {
    // Links in running text must not rely on colour alone (WCAG 1.4.1).
    Anchor: Anchor.extend({ defaultProps: { underline: 'always' } }),
  },
});

/** Text colours dark enough for WCAG AA (4.5:1) on white: dimmed text, errors, placeholders. */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': '#495057',
    '--mantine-color-error': '#c92a2a',
    '--mantine-color-placeholder': '#6b7280',
    '--mantine-color-anchor': '#23569c',
  },
  dark: {},
});
