/** The pane in Office's theme colours: light or dark by the body's brightness, Office's own colours on top. */
import { webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { luminance, themeFor } from "../../src/taskpane/theme";

test("no theme from Office: Fluent's light theme as is", () => {
  expect(themeFor(null)).toBe(webLightTheme);
  expect(themeFor({ bodyBackgroundColor: "not a colour" })).toBe(webLightTheme);
});

test("Office's Colorful theme (white body) stays light, with Office's colours", () => {
  const theme = themeFor({
    bodyBackgroundColor: "#FFFFFF",
    bodyForegroundColor: "#000000",
    controlBackgroundColor: "#F3F2F1",
    controlForegroundColor: "#323130",
  });
  expect(theme.colorNeutralBackground1).toBe("#FFFFFF");
  expect(theme.colorNeutralForeground1).toBe("#000000");
  expect(theme.colorNeutralBackground3).toBe("#F3F2F1");
  expect(theme.colorNeutralForeground2).toBe("#323130");
  expect(theme.colorBrandBackground).toBe(webLightTheme.colorBrandBackground);
});

test("Office's Black and Dark Grey themes give Fluent's dark theme", () => {
  const black = themeFor({ bodyBackgroundColor: "262626", bodyForegroundColor: "ffffff" });
  expect(black.colorNeutralBackground1).toBe("#262626");
  expect(black.colorNeutralForeground1).toBe("#FFFFFF");
  expect(black.colorBrandBackground).toBe(webDarkTheme.colorBrandBackground);
  expect(luminance("#262626")).toBeLessThan(0.2);
  expect(luminance("#FFFFFF")).toBe(1);
});
