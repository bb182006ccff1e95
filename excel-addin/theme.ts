// The pane follows the Office theme (white, colourful, dark grey, black): CSS variables from Office.context.officeTheme.
// Pure DOM: no Excel call.

type Theme = Pick<Office.OfficeTheme, 'bodyBackgroundColor' | 'bodyForegroundColor' | 'controlBackgroundColor' | 'controlForegroundColor'> & { isDarkTheme?: boolean };

/** Relative luminance (0 black … 1 white) of "#RRGGBB"; undefined when unreadable. */
export function luminance(hex: string | undefined): number | undefined {
  const m = /^#?([0-9a-f]{6})$/i.exec(hex ?? '');
  if (!m) return undefined;
  const n = parseInt(m[1]!, 16);
  const lin = (c: number) => {
    const v = c / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin((n >> 16) & 255) + 0.7152 * lin((n >> 8) & 255) + 0.0722 * lin(n & 255);
}

const valid = (hex: string | undefined): hex is string => luminance(hex) !== undefined;

/**
 * Set the pane's colours from the Office theme: body and control colours as given, and `data-theme="dark"`
 * (darker tones for the tiles and badges, see taskpane.css) when the theme is dark. Without a theme: unchanged.
 */
export function applyTheme(root: HTMLElement, theme: Theme | undefined): void {
  if (!theme) return;
  const bg = theme.bodyBackgroundColor;
  const dark = theme.isDarkTheme ?? (luminance(bg) ?? 1) < 0.2;
  root.dataset.theme = dark ? 'dark' : 'light';
  const set = (name: string, value: string | undefined) => {
    if (valid(value)) root.style.setProperty(name, value);
  };
  set('--bg', bg);
  set('--text', theme.bodyForegroundColor);
  set('--bg-2', theme.controlBackgroundColor);
  set('--control-text', theme.controlForegroundColor);
}
