/**
 * The pane in Office's colours: Office.context.officeTheme gives the body and control colours of the user's Office
 * theme (Colorful, Dark Grey, Black, White). Fluent's light or dark theme is picked by the body's brightness and its
 * neutral background and foreground are replaced by Office's, so the pane does not glare beside a dark ribbon.
 */
import { webDarkTheme, webLightTheme, type Theme } from "@fluentui/react-components";

export interface OfficeThemeColors {
  readonly bodyBackgroundColor?: string;
  readonly bodyForegroundColor?: string;
  readonly controlBackgroundColor?: string;
  readonly controlForegroundColor?: string;
}

const HEX = /^#?([0-9a-f]{6})$/i;

function hex(color: string | undefined): string | null {
  const m = color ? HEX.exec(color.trim()) : null;
  return m ? `#${m[1].toUpperCase()}` : null;
}

/** Relative luminance (WCAG) of "#RRGGBB". */
export function luminance(color: string): number {
  const channels = [1, 3, 5].map((i) => {
    const c = parseInt(color.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2];
}

/** Fluent's theme adjusted to Office's colours; Fluent's light theme when Office tells us nothing usable. */
export function themeFor(office: OfficeThemeColors | null | undefined): Theme {
  const background = hex(office?.bodyBackgroundColor);
  if (!background) return webLightTheme;
  const dark = luminance(background) < 0.2;
  const base = dark ? webDarkTheme : webLightTheme;
  const foreground = hex(office?.bodyForegroundColor);
  const control = hex(office?.controlBackgroundColor);
  const controlText = hex(office?.controlForegroundColor);
  return {
    ...base,
    colorNeutralBackground1: background,
    ...(foreground ? { colorNeutralForeground1: foreground } : {}),
    ...(control ? { colorNeutralBackground3: control } : {}),
    ...(controlText ? { colorNeutralForeground2: controlText } : {}),
  };
}
