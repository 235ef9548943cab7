// The offline page (served by the service worker when a page cannot be fetched): reload the page that was asked
// for as soon as the server answers again, when the browser says it is back online, and every few seconds.
const status = document.getElementById("offline-status");

async function tryAgain() {
  try {
    const response = await fetch("/health/live", { cache: "no-store" });
    if (response.ok) {
      status.textContent = "Back online, reconnecting…";
      location.reload();
      return;
    }
  } catch {
    // Still no network.
  }
  status.textContent = "Still offline. Trying again every few seconds.";
}

window.addEventListener("online", tryAgain);
document.getElementById("offline-retry").addEventListener("click", tryAgain);
setInterval(tryAgain, 5000);
