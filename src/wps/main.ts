/// <reference types="wps-jsapi-declare" />
/**
 * The WPS add-in's script (main.js): WPS opens the add-in's page, which loads this file, then reads ribbon.xml and
 * calls the callbacks it names on the global `ribbon`. Kept free of React: the buttons do their work without the pane.
 */
import { createWpsHost } from "../app/wps-hosts";
import { langFromDisplayLanguage } from "../engine/i18n";
import { PANE_PAGE, createRibbon, type RibbonCallbacks } from "./ribbon";

declare global {
  interface Window {
    ribbon?: RibbonCallbacks;
  }
}

window.ribbon = createRibbon({
  host: () => createWpsHost(),
  addin: () => window.Application,
  // The pane page sits beside this script in the add-in's folder (or under its address when served online).
  paneUrl: () => new URL(PANE_PAGE, window.location.href).href,
  lang: langFromDisplayLanguage(typeof navigator === "undefined" ? undefined : navigator.language),
  notify: (message) => window.alert(message),
});
