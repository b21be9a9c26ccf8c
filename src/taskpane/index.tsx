/** Entry point of the task pane bundle: mounts the App; everything else lives in its own module. */
import { createRoot } from "react-dom/client";
import { App } from "./App";

const container = document.getElementById("root");
if (container) createRoot(container).render(<App />);
