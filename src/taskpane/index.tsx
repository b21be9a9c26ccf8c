/** Entry point of the task pane bundle: mounts the App over the page's static fallback (see mount.tsx). */
import { App } from "./App";
import { mountPane } from "./mount";

const container = document.getElementById("root");
if (container) mountPane(container, <App />);
