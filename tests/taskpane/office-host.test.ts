/** @jest-environment jsdom */
/** Host detection: Excel, a browser with office.js (host null), no office.js at all, and a host that never answers. */
import { detectHost, type OfficeLike } from "../../src/app/hosts";

function fakeOffice(host: unknown, displayLanguage?: string): OfficeLike {
  return { onReady: () => Promise.resolve({ host }), context: { displayLanguage } };
}

const DARK_GREY = {
  bodyBackgroundColor: "#444444",
  bodyForegroundColor: "#FFFFFF",
  controlBackgroundColor: "#6A6A6A",
  controlForegroundColor: "#FFFFFF",
};

describe("detectHost", () => {
  test("inside Excel: excel mode, language from Office.context.displayLanguage", async () => {
    expect(await detectHost(fakeOffice("Excel", "zh-CN"))).toEqual({
      mode: "excel",
      host: "Excel",
      lang: "zh-CN",
    });
    expect(await detectHost(fakeOffice("Excel", "en-GB"))).toEqual({
      mode: "excel",
      host: "Excel",
      lang: "en-US",
    });
    expect(await detectHost(fakeOffice("Excel", "zh-TW"))).toEqual({
      mode: "excel",
      host: "Excel",
      lang: "zh-CN",
    });
    expect(await detectHost(fakeOffice("Excel", "fr-FR"))).toEqual({
      mode: "excel",
      host: "Excel",
      lang: "zh-CN",
    });
  });

  test("inside Excel the Office theme's colours come along; outside they are not asked for", async () => {
    const office: OfficeLike = {
      onReady: () => Promise.resolve({ host: "Excel" }),
      context: { displayLanguage: "zh-CN", officeTheme: DARK_GREY },
    };
    expect(await detectHost(office)).toEqual({
      mode: "excel",
      host: "Excel",
      lang: "zh-CN",
      theme: DARK_GREY,
    });
    const outside: OfficeLike = { ...office, onReady: () => Promise.resolve({ host: null }) };
    expect((await detectHost(outside)).theme).toBeUndefined();
  });

  test("another Office host is not Excel: preview mode", async () => {
    expect(await detectHost(fakeOffice("Word", "en-US"))).toEqual({
      mode: "preview",
      host: "Word",
      lang: "en-US",
    });
  });

  test("office.js outside Office (host null): preview mode, language from the browser, not office.js", async () => {
    const languages = jest.spyOn(navigator, "language", "get").mockReturnValue("zh-CN");
    try {
      expect(await detectHost(fakeOffice(null, "en-US"))).toEqual({
        mode: "preview",
        host: null,
        lang: "zh-CN",
      });
    } finally {
      languages.mockRestore();
    }
  });

  test("no office.js at all: preview mode", async () => {
    const languages = jest.spyOn(navigator, "language", "get").mockReturnValue("en-US");
    try {
      expect(await detectHost(undefined)).toEqual({ mode: "preview", host: null, lang: "en-US" });
    } finally {
      languages.mockRestore();
    }
  });

  test("onReady that rejects or never resolves ends in preview mode instead of hanging", async () => {
    const rejecting: OfficeLike = { onReady: () => Promise.reject(new Error("boom")) };
    expect((await detectHost(rejecting, 50)).mode).toBe("preview");
    const silent: OfficeLike = { onReady: () => new Promise(() => {}) };
    expect(await detectHost(silent, 20)).toMatchObject({ mode: "preview", host: null });
  });

  test("the guard against a silent host is cleared as soon as office.js answers (no timer left running)", async () => {
    jest.useFakeTimers();
    try {
      let answer: (value: { host: unknown }) => void = () => {};
      let asked: () => void = () => {};
      const onReadyCalled = new Promise<void>((resolve) => (asked = resolve));
      const office: OfficeLike = {
        onReady: () => {
          asked();
          return new Promise((resolve) => (answer = resolve));
        },
      };
      const detected = detectHost(office);
      await onReadyCalled;
      // While office.js has not answered, the READY_TIMEOUT_MS guard is the one timer.
      expect(jest.getTimerCount()).toBe(1);
      answer({ host: "Excel" });
      expect((await detected).mode).toBe("excel");
      expect(jest.getTimerCount()).toBe(0);

      const rejecting: OfficeLike = { onReady: () => Promise.reject(new Error("boom")) };
      const failed = detectHost(rejecting);
      expect(jest.getTimerCount()).toBe(1);
      expect((await failed).mode).toBe("preview");
      expect(jest.getTimerCount()).toBe(0);
    } finally {
      jest.useRealTimers();
    }
  });

  test("a context that throws on access does not break detection: the browser's language is used", async () => {
    const languages = jest.spyOn(navigator, "language", "get").mockReturnValue("zh-CN");
    const office: OfficeLike = {
      onReady: () => Promise.resolve({ host: "Excel" }),
      get context(): { displayLanguage?: string } {
        throw new Error("not in Office");
      },
    };
    try {
      expect(await detectHost(office)).toEqual({ mode: "excel", host: "Excel", lang: "zh-CN" });
    } finally {
      languages.mockRestore();
    }
  });
});
