/// <reference types="wps-jsapi-declare" />
/**
 * The WPS 表格 ribbon: the 绩效自评 tab's three buttons and the callbacks ribbon.xml names. WPS calls them on the global
 * `ribbon` object (`onAction="ribbon.OnAction"`), each with the control whose `Id` says which button. The buttons run
 * the same pipeline as Excel's ribbon commands (generateToSheets / checkToSheet) with the WPS host, and 打开助手 opens
 * the task pane with Application.CreateTaskPane, reusing the one created earlier (its id kept in PluginStorage, which
 * every page of the add-in shares).
 * The add-in framework's types come from `wps-jsapi-declare` (WPS.AddonRoot); the spreadsheet model from et-api.ts.
 */
import { describeError } from "../app/errors";
import type { WorkbookHost } from "../app/host";
import { checkToSheet, generateToSheets, openFindingsSheet } from "../app/pipeline";
import { reportLangOf, toScoreOptions } from "../app/settings";
import type { Lang } from "../engine/i18n";

export type ButtonId = "selfevalGenerate" | "selfevalCheck" | "selfevalOpenPane";

export interface RibbonButton {
  readonly id: ButtonId;
  readonly label: Readonly<Record<Lang, string>>;
  /** Relative to the add-in's folder. */
  readonly image: string;
}

/** The tab's buttons in order; ribbon.xml lists the same ids (tests/gateway/wps-addin.test.ts checks both sides). */
export const RIBBON_BUTTONS: readonly RibbonButton[] = [
  {
    id: "selfevalGenerate",
    label: { "zh-CN": "一键生成自评报告", "en-US": "Generate Report" },
    image: "assets/icon-32.png",
  },
  {
    id: "selfevalCheck",
    label: { "zh-CN": "一致性检查", "en-US": "Consistency Check" },
    image: "assets/icon-32.png",
  },
  {
    id: "selfevalOpenPane",
    label: { "zh-CN": "打开助手", "en-US": "Open Assistant" },
    image: "assets/icon-32.png",
  },
];

export const TAB_LABEL: Readonly<Record<Lang, string>> = { "zh-CN": "绩效自评", "en-US": "Self-Evaluation" };

/** The key under which the task pane's id is kept in PluginStorage. */
export const PANE_ID_KEY = "selfeval.taskpane";
export const PANE_PAGE = "taskpane.html";

/** What WPS hands a callback: the control, whose Id is the button's id in ribbon.xml. */
export interface RibbonControl {
  readonly Id: string;
}

/** The parts of WPS's add-in root the ribbon uses (declared by wps-jsapi-declare). */
export type AddinRoot = Pick<WPS.AddonRoot, "CreateTaskPane" | "GetTaskPane" | "PluginStorage">;

export interface RibbonDeps {
  readonly host: () => WorkbookHost;
  readonly addin: () => AddinRoot;
  /** The task pane page's address. */
  readonly paneUrl: () => string;
  readonly lang: Lang;
  /** Tells the user what went wrong (WPS shows alert() as its own dialog). */
  readonly notify: (message: string) => void;
}

/** The callbacks ribbon.xml names, by the names it uses. */
export interface RibbonCallbacks {
  OnAddinLoad(ribbonUI: unknown): boolean;
  OnAction(control: RibbonControl): Promise<void>;
  GetImage(control: RibbonControl): string;
  OnGetLabel(control: RibbonControl): string;
}

export const CALLBACK_NAMES: readonly (keyof RibbonCallbacks)[] = [
  "OnAddinLoad",
  "OnAction",
  "GetImage",
  "OnGetLabel",
];

function buttonOf(control: RibbonControl): RibbonButton | undefined {
  return RIBBON_BUTTONS.find((b) => b.id === control.Id);
}

/** Shows the pane created before, or creates it: one pane per window, whichever button opened it. */
export function openPane(addin: AddinRoot, url: string): void {
  const storage = addin.PluginStorage;
  const known = storage.getItem(PANE_ID_KEY);
  if (known) {
    const pane = addin.GetTaskPane(Number(known));
    if (pane) {
      pane.Visible = true;
      return;
    }
  }
  const pane = addin.CreateTaskPane(url);
  storage.setItem(PANE_ID_KEY, String(pane.ID));
  pane.Visible = true;
}

export function createRibbon(deps: RibbonDeps): RibbonCallbacks {
  async function generate(): Promise<void> {
    const host = deps.host();
    const settings = await host.loadSettings();
    const outcome = await generateToSheets(host, toScoreOptions(settings), reportLangOf(settings, deps.lang));
    if (outcome.missing.length > 0) await openFindingsSheet(host, outcome);
  }

  async function check(): Promise<void> {
    const host = deps.host();
    const settings = await host.loadSettings();
    const outcome = await checkToSheet(host, toScoreOptions(settings), reportLangOf(settings, deps.lang));
    await openFindingsSheet(host, outcome);
  }

  return {
    OnAddinLoad: () => true,
    OnAction: async (control) => {
      try {
        switch (buttonOf(control)?.id) {
          case "selfevalGenerate":
            return await generate();
          case "selfevalCheck":
            return await check();
          case "selfevalOpenPane":
            return openPane(deps.addin(), deps.paneUrl());
          default:
            return;
        }
      } catch (error) {
        // A button has no pane to show a message in: WPS's own dialog says it, in the user's words.
        deps.notify(describeError(error, deps.lang));
      }
    },
    GetImage: (control) => buttonOf(control)?.image ?? "",
    OnGetLabel: (control) => {
      const button = buttonOf(control);
      return button ? button.label[deps.lang] : TAB_LABEL[deps.lang];
    },
  };
}
