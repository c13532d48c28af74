import "./app.css";
import { mount } from "svelte";
import App from "./App.svelte";
import { getStrategy, workspaceInfo } from "./lib/api/commands";

const target = document.getElementById("app");
if (!target) throw new Error("index.html has no #app element");

// Asked before the frame is built, so the core reads while the UI renders.
const first = Promise.all([workspaceInfo(), getStrategy()]);
first.catch(() => {}); // App shows the failure; nothing is unhandled meanwhile

export default mount(App, { target, props: { first } });
