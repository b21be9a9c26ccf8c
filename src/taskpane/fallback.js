/*
 * The task pane's guard for clients that cannot run it: ES5 only (no let/const, arrows, classes, template strings or
 * trailing commas in calls), because it must parse where the pane cannot run — Excel 2016/2019 volume-licensed
 * editions show add-ins in Internet Explorer 11 or EdgeHTML webviews, where React 18 and Fluent UI v9 do not run
 * (tests/taskpane/fallback.test.ts parses it with acorn at ecmaVersion 5).
 *
 * taskpane.html loads it synchronously after office.js and before the pane's deferred scripts; WPS's pane page
 * (src/wps/pane.html, <html data-selfeval-host="wps">, no office.js) loads it the same way. The page's #root holds a
 * plain message saying what the pane needs and how to use the CLI or the browser preview instead; it is what shows
 * when nothing else can. This script:
 *   - on a browser with what the pane needs, shows "正在加载…" in its place until React mounts and replaces it;
 *   - on one without, leaves the message shown and names the reason;
 *   - inside Excel, asks office.js for the ExcelApi requirement set the manifest declares: a host without it gets the
 *     message (and the pane, if it mounted already, is taken down: see src/taskpane/mount.tsx);
 *   - when one of the pane's scripts fails to load or throws before the pane mounted, shows the message.
 * Its API for the bundle is window.selfevalFallback (typed in src/taskpane/mount.tsx).
 */
(function () {
  "use strict";

  /** The requirement set the manifest's <Requirements> declares (tests/taskpane/fallback.test.ts keeps them equal). */
  var EXCEL_API = "1.7";

  var SCRIPT_FAILED = {
    zh: "原因：任务窗格的脚本未能加载或启动。",
    en: "Reason: the task pane's scripts did not load or start."
  };

  /** Why the message shows, per host: the page says which (<html data-selfeval-host="wps"> is WPS's pane). */
  var REASONS_BY_HOST = {
    office: {
      browser: {
        zh: "原因：此 Office 使用旧版浏览器组件（Internet Explorer 11 或 EdgeHTML）显示加载项，无法运行本助手。",
        en: "Reason: this Office shows add-ins in an old browser component (Internet Explorer 11 or EdgeHTML)."
      },
      api: {
        zh: "原因：此 Excel 不支持本助手所需的 ExcelApi " + EXCEL_API + " 要求集。",
        en: "Reason: this Excel lacks the ExcelApi " + EXCEL_API + " requirement set the assistant needs."
      },
      script: SCRIPT_FAILED
    },
    wps: {
      browser: {
        zh: "原因：此 WPS 用来显示加载项窗格的内置浏览器组件版本过旧，无法运行本助手。",
        en: "Reason: this WPS shows add-in panes in a built-in browser component too old to run the assistant."
      },
      script: SCRIPT_FAILED
    }
  };

  var root = document.documentElement;
  var REASONS = REASONS_BY_HOST[root.getAttribute("data-selfeval-host") === "wps" ? "wps" : "office"];
  var shown = false;
  var mounted = false;
  var reason = null;
  var listeners = [];

  function setClass(name, on) {
    var classes = (" " + root.className + " ").replace(" " + name + " ", " ");
    root.className = (on ? classes + name : classes).replace(/^\s+|\s+$/g, "");
  }

  function setText(id, text) {
    var element = document.getElementById(id);
    if (element) element.textContent = text;
  }

  /** Writes the reason and this page's address (the browser preview) into the message. */
  function fillIn() {
    if (reason) {
      setText("selfeval-fallback-reason-zh", reason.zh);
      setText("selfeval-fallback-reason-en", reason.en);
    }
    var href = window.location && window.location.href;
    if (href && /^https?:/.test(href)) setText("selfeval-fallback-url", href.split("#")[0]);
  }

  function show(why) {
    if (why && !reason) reason = why;
    if (!shown) {
      shown = true;
      for (var i = 0; i < listeners.length; i++) {
        try {
          listeners[i]();
        } catch (_ignored) {
          // A listener that fails must not keep the message from showing.
        }
      }
    }
    setClass("selfeval-loading", false);
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", fillIn);
    else fillIn();
  }

  /** What the pane's bundle needs (ES2020 is its target): IE11 and EdgeHTML lack these. */
  function modernEnough() {
    return (
      typeof Promise === "function" &&
      typeof Promise.allSettled === "function" &&
      typeof Symbol === "function" &&
      typeof Map === "function" &&
      typeof Object.fromEntries === "function" &&
      typeof globalThis === "object" &&
      typeof window.fetch === "function"
    );
  }

  var origin = window.location ? window.location.protocol + "//" + window.location.host + "/" : "";

  /** A script of this page that failed to load, or an error thrown by one before the pane mounted. */
  function onError(event) {
    if (mounted || shown) return;
    var target = event && event.target;
    if (target && target.tagName === "SCRIPT") {
      // office.js missing (offline) is preview mode, not a failure: the pane runs without it.
      if (target.src && target.src.indexOf(origin) === 0) show(REASONS.script);
      return;
    }
    if (event && typeof event.filename === "string" && event.filename.indexOf(origin) === 0)
      show(REASONS.script);
  }

  window.selfevalFallback = {
    isShown: function () {
      return shown;
    },
    show: function () {
      show(REASONS.script);
    },
    onShow: function (listener) {
      listeners.push(listener);
    },
    mounted: function () {
      mounted = true;
    }
  };

  if (!modernEnough()) {
    show(REASONS.browser);
    return;
  }
  setClass("selfeval-loading", true);
  window.addEventListener("error", onError, true);

  var office = window.Office;
  if (office && typeof office.onReady === "function") {
    office.onReady(function (info) {
      if (!info || info.host !== "Excel") return;
      var requirements = office.context && office.context.requirements;
      var supported = false;
      try {
        supported = !!requirements && requirements.isSetSupported("ExcelApi", EXCEL_API);
      } catch (_ignored) {
        supported = false;
      }
      if (!supported) show(REASONS.api);
    });
  }
})();
