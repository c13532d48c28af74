window.__TAURI_INTERNALS__.invoke("ready").then(() => {
  document.getElementById("status").textContent = "Ready";
});
