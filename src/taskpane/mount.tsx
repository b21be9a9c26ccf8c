/**
 * Mounting the pane over taskpane.html's static page. #root holds a plain message (what the pane needs, the CLI, the
 * browser preview) that src/taskpane/fallback.js shows where the pane cannot run; React replaces it when it mounts.
 * The two meet here: the pane does not mount when the fallback has taken over, gives the page back when it takes over
 * later (an Excel without the ExcelApi set the manifest declares, found when office.js is ready), and an error while
 * rendering brings the message back instead of leaving an empty pane.
 */
import { Component, type ErrorInfo, type ReactNode } from "react";
import { createRoot } from "react-dom/client";

/** window.selfevalFallback, as fallback.js defines it. */
export interface FallbackPage {
  isShown(): boolean;
  /** Shows the static message (reason: the pane's scripts did not start). */
  show(): void;
  /** Called once when the message takes over, so the pane gives the page back. */
  onShow(listener: () => void): void;
  /** The bundle ran and the pane is mounted: later script errors are the pane's to report. */
  mounted(): void;
}

export function fallbackPage(): FallbackPage | undefined {
  return (window as { selfevalFallback?: FallbackPage }).selfevalFallback;
}

interface GuardProps {
  readonly onError: () => void;
  readonly children: ReactNode;
}

/** Turns a render error into the fallback message (React would otherwise unmount everything: a blank pane). */
class RenderGuard extends Component<GuardProps, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error("绩效自评助手: the task pane failed to render", error, info.componentStack);
    // Not while React is still committing: the fallback unmounts the root.
    setTimeout(this.props.onError, 0);
  }

  override render(): ReactNode {
    return this.state.failed ? null : this.props.children;
  }
}

/**
 * Mounts `pane` in `container` unless the fallback has taken over; returns false when it did not mount. The static
 * page is kept to be put back when the fallback takes over later.
 */
export function mountPane(container: HTMLElement, pane: ReactNode, fallback = fallbackPage()): boolean {
  if (fallback?.isShown()) return false;
  // React empties the container when it first renders; the static page's nodes are kept to be put back.
  const page = Array.from(container.childNodes);
  const root = createRoot(container);
  fallback?.onShow(() => {
    root.unmount();
    container.replaceChildren(...page);
  });
  root.render(fallback ? <RenderGuard onError={() => fallback.show()}>{pane}</RenderGuard> : pane);
  fallback?.mounted();
  return true;
}
